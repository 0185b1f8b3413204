-- intake diary schema, version 2.
-- 1. Entry ids are never given out twice (AUTOINCREMENT): with plain INTEGER PRIMARY KEY, deleting
--    the newest entry let the next insert (from any process) take its id, so undoing the delete
--    failed and a redo could delete another process's entry. SQLite cannot add AUTOINCREMENT to a
--    table, so entries is rebuilt with the same columns, rows and indexes.
-- 2. A read-only view for people who query their diary with sqlite3: one row per logged day,
--    amounts in their units (mg, IU, mcg, g): the sum of the entries' low and high ends, and how
--    many entries do not give that nutrient (unknown is not 0: when *_unknown > 0 the sums are
--    lower bounds). Example:
--   sqlite3 diary.db "SELECT date, calcium_mg_lo, calcium_mg_unknown FROM day_totals ORDER BY date DESC LIMIT 7"
CREATE TABLE entries_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO entries_v2 SELECT * FROM entries;
DROP TABLE entries;
ALTER TABLE entries_v2 RENAME TO entries;
CREATE INDEX entries_by_date ON entries (date, time);
CREATE INDEX entries_by_key ON entries (item_key, date);

CREATE VIEW day_totals AS
SELECT
    date,
    count(*) AS entries,
    sum(calcium_mg_lo) / 1000.0 AS calcium_mg_lo,
    sum(calcium_mg_hi) / 1000.0 AS calcium_mg_hi,
    count(*) - count(calcium_mg_lo) AS calcium_mg_unknown,
    sum(magnesium_mg_lo) / 1000.0 AS magnesium_mg_lo,
    sum(magnesium_mg_hi) / 1000.0 AS magnesium_mg_hi,
    count(*) - count(magnesium_mg_lo) AS magnesium_mg_unknown,
    sum(vitamin_d3_iu_lo) / 1000.0 AS vitamin_d3_iu_lo,
    sum(vitamin_d3_iu_hi) / 1000.0 AS vitamin_d3_iu_hi,
    count(*) - count(vitamin_d3_iu_lo) AS vitamin_d3_iu_unknown,
    sum(vitamin_d2_iu_lo) / 1000.0 AS vitamin_d2_iu_lo,
    sum(vitamin_d2_iu_hi) / 1000.0 AS vitamin_d2_iu_hi,
    count(*) - count(vitamin_d2_iu_lo) AS vitamin_d2_iu_unknown,
    sum(vitamin_d_other_iu_lo) / 1000.0 AS vitamin_d_other_iu_lo,
    sum(vitamin_d_other_iu_hi) / 1000.0 AS vitamin_d_other_iu_hi,
    count(*) - count(vitamin_d_other_iu_lo) AS vitamin_d_other_iu_unknown,
    sum(vitamin_k1_mcg_lo) / 1000.0 AS vitamin_k1_mcg_lo,
    sum(vitamin_k1_mcg_hi) / 1000.0 AS vitamin_k1_mcg_hi,
    count(*) - count(vitamin_k1_mcg_lo) AS vitamin_k1_mcg_unknown,
    sum(vitamin_k2_mk4_mcg_lo) / 1000.0 AS vitamin_k2_mk4_mcg_lo,
    sum(vitamin_k2_mk4_mcg_hi) / 1000.0 AS vitamin_k2_mk4_mcg_hi,
    count(*) - count(vitamin_k2_mk4_mcg_lo) AS vitamin_k2_mk4_mcg_unknown,
    sum(vitamin_k2_mk7_mcg_lo) / 1000.0 AS vitamin_k2_mk7_mcg_lo,
    sum(vitamin_k2_mk7_mcg_hi) / 1000.0 AS vitamin_k2_mk7_mcg_hi,
    count(*) - count(vitamin_k2_mk7_mcg_lo) AS vitamin_k2_mk7_mcg_unknown,
    sum(fat_g_lo) / 1000.0 AS fat_g_lo,
    sum(fat_g_hi) / 1000.0 AS fat_g_hi,
    count(*) - count(fat_g_lo) AS fat_g_unknown
FROM entries
GROUP BY date;
