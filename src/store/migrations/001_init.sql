-- intake diary schema, version 1. Migrations are append-only: never edit a released file.
-- Nutrient amounts are fixed-point thousandths of their unit (mg, IU, mcg, g); NULL = unknown;
-- lo = hi for an exact value. They are the amounts computed when the entry was logged.
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,          -- local date YYYY-MM-DD
    time TEXT NOT NULL,          -- local time HH:MM
    item_key TEXT NOT NULL,
    item_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('food', 'supplement', 'medication')),
    quantity REAL NOT NULL,
    unit TEXT NOT NULL,
    servings REAL NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',   -- JSON array of the item's tags when logged
    calcium_mg_lo INTEGER,
    calcium_mg_hi INTEGER,
    magnesium_mg_lo INTEGER,
    magnesium_mg_hi INTEGER,
    vitamin_d3_iu_lo INTEGER,
    vitamin_d3_iu_hi INTEGER,
    vitamin_d2_iu_lo INTEGER,
    vitamin_d2_iu_hi INTEGER,
    vitamin_d_other_iu_lo INTEGER,
    vitamin_d_other_iu_hi INTEGER,
    vitamin_k1_mcg_lo INTEGER,
    vitamin_k1_mcg_hi INTEGER,
    vitamin_k2_mk4_mcg_lo INTEGER,
    vitamin_k2_mk4_mcg_hi INTEGER,
    vitamin_k2_mk7_mcg_lo INTEGER,
    vitamin_k2_mk7_mcg_hi INTEGER,
    fat_g_lo INTEGER,
    fat_g_hi INTEGER,
    meal TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX entries_by_date ON entries (date, time);
CREATE INDEX entries_by_key ON entries (item_key, date);

CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
);

CREATE TABLE user_items (
    key TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE stacks (
    name TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
