-- intake diary schema, version 7.
-- The (item_key, date) index also holds each entry's time, so the dose-time rule reads the
-- latest doses of a supplement (when each was taken) from the index alone, without the rows
-- (issue 19: a third of `intake day`'s page reads). No column and no value changes.
DROP INDEX entries_by_key;
CREATE INDEX entries_by_key ON entries (item_key, date, time);
