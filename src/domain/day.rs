//! A day as every surface shows it: its entries, totals, targets and warnings.

use super::warnings::Warning;
use super::{DayTotals, Entry, Shown, Target};
use chrono::NaiveDate;
use std::sync::Arc;

/// One day's report (built by `crate::report` from the store; the app's day view holds one).
#[derive(Debug, Clone, PartialEq)]
pub struct DayReport {
    pub date: NaiveDate,
    pub entries: Vec<Entry>,
    pub totals: DayTotals,
    /// Shared by every day of a range (the profile's targets are the same each day).
    pub targets: Arc<[Target]>,
    pub warnings: Vec<Warning>,
}

impl DayReport {
    /// The target of a shown nutrient (every shown nutrient has one, possibly without figures).
    pub fn target(&self, s: Shown) -> Target {
        self.targets
            .iter()
            .find(|t| t.nutrient == s)
            .cloned()
            .unwrap_or_else(|| Target::none(s))
    }
}
