-- intake diary schema, version 6.
-- An imported entry's `origin_key` now starts with the date of its source row: `YYYY-MM-DD
-- <digest>#n` (was `<digest>#n`). Keys then sort with the dates, so importing a file in date
-- order writes the unique (origin, origin_key) index at its end instead of at random places (a
-- 100,000-row import spilled SQLite's page cache on the random digests).
-- Existing keys get the entry's date in front where the entry was never edited since its import
-- (its date is still the source row's). An edited entry may have been moved to another day, so
-- its key is kept as it was: import and merge also look rows up by the key without the date.
UPDATE entries SET origin_key = date || ' ' || origin_key
WHERE origin_key IS NOT NULL
  AND created_at = updated_at
  AND substr(origin_key, 11, 1) != ' ';
