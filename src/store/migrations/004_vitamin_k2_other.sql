-- intake diary schema, version 4.
-- Vitamin K2 of other or unknown form gets its own columns (like vitamin D's "form unknown"):
-- many sources give K2 for cheese, yogurt, egg yolk or liver without its form, and cheese K2 is
-- mostly MK-8/MK-9, neither MK-4 nor MK-7. K2 totals include it; the MK-4 and MK-7 columns do not.
-- An entry logged before knew K2 only as MK-4 + MK-7: where both were given, that was the whole
-- of its K2 (the source gave the vitamin under those forms), so the new column is 0; otherwise it
-- stays unknown (NULL), as the entry's K2 was. No total changes.
ALTER TABLE entries ADD COLUMN vitamin_k2_other_mcg_lo INTEGER;
ALTER TABLE entries ADD COLUMN vitamin_k2_other_mcg_hi INTEGER;
UPDATE entries SET vitamin_k2_other_mcg_lo = 0, vitamin_k2_other_mcg_hi = 0
WHERE vitamin_k2_mk4_mcg_lo IS NOT NULL AND vitamin_k2_mk7_mcg_lo IS NOT NULL;

DROP VIEW day_totals;
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
    sum(vitamin_k2_other_mcg_lo) / 1000.0 AS vitamin_k2_other_mcg_lo,
    sum(vitamin_k2_other_mcg_hi) / 1000.0 AS vitamin_k2_other_mcg_hi,
    count(*) - count(vitamin_k2_other_mcg_lo) AS vitamin_k2_other_mcg_unknown,
    sum(fat_g_lo) / 1000.0 AS fat_g_lo,
    sum(fat_g_hi) / 1000.0 AS fat_g_hi,
    count(*) - count(fat_g_lo) AS fat_g_unknown
FROM entries
GROUP BY date;
