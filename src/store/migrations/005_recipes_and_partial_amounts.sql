-- intake diary schema, version 5.
-- 1. Recipes (`intake recipe add`): a named item made of other items and a number of servings.
--    Each row is the recipe's definition as JSON (name, servings, parts as ITEM and quantity);
--    its nutrients per serving are worked out from its parts whenever the items are read, and an
--    entry logging it keeps the amounts of that moment, so editing a recipe never rewrites history.
-- 2. `partial` on entries: one bit per nutrient (bit i = the i-th nutrient of the nutrient table,
--    calcium 0, magnesium 1, D3 2, D2 3, D other 4, K1 5, MK-4 6, MK-7 7, fat 8, K2 other 9) whose
--    lo/hi are the sum of the known parts of a recipe some of whose parts are unknown: the amount
--    is at least that, so it counts as unknown too in day_totals (*_unknown) and every total it
--    joins is a lower bound. 0 for every entry logged before, so no total changes.
CREATE TABLE recipes (
    key TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
ALTER TABLE entries ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;

DROP VIEW day_totals;
CREATE VIEW day_totals AS
SELECT
    date,
    count(*) AS entries,
    sum(calcium_mg_lo) / 1000.0 AS calcium_mg_lo,
    sum(calcium_mg_hi) / 1000.0 AS calcium_mg_hi,
    count(*) - count(calcium_mg_lo) + sum((partial >> 0) & 1) AS calcium_mg_unknown,
    sum(magnesium_mg_lo) / 1000.0 AS magnesium_mg_lo,
    sum(magnesium_mg_hi) / 1000.0 AS magnesium_mg_hi,
    count(*) - count(magnesium_mg_lo) + sum((partial >> 1) & 1) AS magnesium_mg_unknown,
    sum(vitamin_d3_iu_lo) / 1000.0 AS vitamin_d3_iu_lo,
    sum(vitamin_d3_iu_hi) / 1000.0 AS vitamin_d3_iu_hi,
    count(*) - count(vitamin_d3_iu_lo) + sum((partial >> 2) & 1) AS vitamin_d3_iu_unknown,
    sum(vitamin_d2_iu_lo) / 1000.0 AS vitamin_d2_iu_lo,
    sum(vitamin_d2_iu_hi) / 1000.0 AS vitamin_d2_iu_hi,
    count(*) - count(vitamin_d2_iu_lo) + sum((partial >> 3) & 1) AS vitamin_d2_iu_unknown,
    sum(vitamin_d_other_iu_lo) / 1000.0 AS vitamin_d_other_iu_lo,
    sum(vitamin_d_other_iu_hi) / 1000.0 AS vitamin_d_other_iu_hi,
    count(*) - count(vitamin_d_other_iu_lo) + sum((partial >> 4) & 1) AS vitamin_d_other_iu_unknown,
    sum(vitamin_k1_mcg_lo) / 1000.0 AS vitamin_k1_mcg_lo,
    sum(vitamin_k1_mcg_hi) / 1000.0 AS vitamin_k1_mcg_hi,
    count(*) - count(vitamin_k1_mcg_lo) + sum((partial >> 5) & 1) AS vitamin_k1_mcg_unknown,
    sum(vitamin_k2_mk4_mcg_lo) / 1000.0 AS vitamin_k2_mk4_mcg_lo,
    sum(vitamin_k2_mk4_mcg_hi) / 1000.0 AS vitamin_k2_mk4_mcg_hi,
    count(*) - count(vitamin_k2_mk4_mcg_lo) + sum((partial >> 6) & 1) AS vitamin_k2_mk4_mcg_unknown,
    sum(vitamin_k2_mk7_mcg_lo) / 1000.0 AS vitamin_k2_mk7_mcg_lo,
    sum(vitamin_k2_mk7_mcg_hi) / 1000.0 AS vitamin_k2_mk7_mcg_hi,
    count(*) - count(vitamin_k2_mk7_mcg_lo) + sum((partial >> 7) & 1) AS vitamin_k2_mk7_mcg_unknown,
    sum(vitamin_k2_other_mcg_lo) / 1000.0 AS vitamin_k2_other_mcg_lo,
    sum(vitamin_k2_other_mcg_hi) / 1000.0 AS vitamin_k2_other_mcg_hi,
    count(*) - count(vitamin_k2_other_mcg_lo) + sum((partial >> 9) & 1) AS vitamin_k2_other_mcg_unknown,
    sum(fat_g_lo) / 1000.0 AS fat_g_lo,
    sum(fat_g_hi) / 1000.0 AS fat_g_hi,
    count(*) - count(fat_g_lo) + sum((partial >> 8) & 1) AS fat_g_unknown
FROM entries
GROUP BY date;
