//! Every threshold, window and source of the warning rules, in one place (nutrients.md §5–6).

/// Calendar days of history the caller passes in (see [`super::HISTORY_DAYS`]).
pub const HISTORY_DAYS: i64 = 28;
