-- intake diary schema, version 3.
-- 1. An entry's time may be unknown (NULL): imported history often has no time. Such an entry is
--    shown as --:--, never given a guessed time, and every timing rule skips it. SQLite cannot
--    drop NOT NULL from a column, so entries is rebuilt with the same rows, ids and indexes.
-- 2. Every entry has a stable identity, `uuid` (random, version 4), given now to every existing
--    entry and to each new one; merging another diary (`intake import diary`) adds only the
--    entries whose uuid is missing.
-- 3. An imported entry names where it came from: `origin` (e.g. `cronometer-servings`) and
--    `origin_key`, a digest of the source row's content, unique per origin, so importing the same
--    file twice adds nothing. Both are NULL for entries logged in intake.
-- The day_totals view is dropped for the rebuild and made again unchanged.
DROP VIEW day_totals;
CREATE TABLE entries_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL,          -- local date YYYY-MM-DD
    time TEXT,                   -- local time HH:MM; NULL = unknown
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
    updated_at TEXT NOT NULL,
    uuid TEXT NOT NULL UNIQUE DEFAULT (
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
        substr(lower(hex(randomblob(2))), 2) || '-' ||
        substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
        lower(hex(randomblob(6)))),
    origin TEXT,                 -- where an imported entry came from; NULL when logged in intake
    origin_key TEXT              -- digest of the source row, unique per origin
);
INSERT INTO entries_v3 (
    id, date, time, item_key, item_name, kind, quantity, unit, servings, tags,
    calcium_mg_lo, calcium_mg_hi, magnesium_mg_lo, magnesium_mg_hi,
    vitamin_d3_iu_lo, vitamin_d3_iu_hi, vitamin_d2_iu_lo, vitamin_d2_iu_hi,
    vitamin_d_other_iu_lo, vitamin_d_other_iu_hi, vitamin_k1_mcg_lo, vitamin_k1_mcg_hi,
    vitamin_k2_mk4_mcg_lo, vitamin_k2_mk4_mcg_hi, vitamin_k2_mk7_mcg_lo, vitamin_k2_mk7_mcg_hi,
    fat_g_lo, fat_g_hi, meal, note, created_at, updated_at)
SELECT
    id, date, time, item_key, item_name, kind, quantity, unit, servings, tags,
    calcium_mg_lo, calcium_mg_hi, magnesium_mg_lo, magnesium_mg_hi,
    vitamin_d3_iu_lo, vitamin_d3_iu_hi, vitamin_d2_iu_lo, vitamin_d2_iu_hi,
    vitamin_d_other_iu_lo, vitamin_d_other_iu_hi, vitamin_k1_mcg_lo, vitamin_k1_mcg_hi,
    vitamin_k2_mk4_mcg_lo, vitamin_k2_mk4_mcg_hi, vitamin_k2_mk7_mcg_lo, vitamin_k2_mk7_mcg_hi,
    fat_g_lo, fat_g_hi, meal, note, created_at, updated_at
FROM entries ORDER BY id;
-- AUTOINCREMENT's high-water mark survives the rebuild: an id deleted before is never given again.
DELETE FROM sqlite_sequence WHERE name = 'entries_v3';
INSERT INTO sqlite_sequence (name, seq) SELECT 'entries_v3', max(
    coalesce((SELECT max(seq) FROM sqlite_sequence WHERE name = 'entries'), 0),
    coalesce((SELECT max(id) FROM entries_v3), 0));
DROP TABLE entries;
ALTER TABLE entries_v3 RENAME TO entries;
CREATE INDEX entries_by_date ON entries (date, time);
CREATE INDEX entries_by_key ON entries (item_key, date);
CREATE UNIQUE INDEX entries_by_origin ON entries (origin, origin_key) WHERE origin_key IS NOT NULL;

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
