//! The FDA Daily Values that turn a label's "% DV" into an amount (reference §8): only the ones
//! intake's reference carries. A nutrient without one here cannot be given as a percentage.

use super::nutrient::{Nutrient, Shown};

/// Which Daily Values a label uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DvSet {
    /// The 2016 label rule (adults and children 4+): what current labels use.
    Rule2016,
    /// The Daily Values of labels made before the 2016 rule.
    Older,
}

impl DvSet {
    /// How a conversion names the set it used.
    pub fn name(self) -> &'static str {
        match self {
            DvSet::Rule2016 => "FDA Daily Value, 2016 label rule",
            DvSet::Older => "older FDA Daily Value, labels before the 2016 rule",
        }
    }
}

/// One Daily Value: the total it is of (vitamin K counts K1 and every K2 form), in the unit
/// intake keeps that total in, under each set.
pub struct DailyValue {
    pub of: Shown,
    pub rule_2016: f64,
    pub older: f64,
}

/// FDA Daily Values (reference §8: vitamin D 20 mcg = 800 IU, older 400 IU).
pub const DAILY_VALUES: [DailyValue; 4] = [
    DailyValue {
        of: Shown::Calcium,
        rule_2016: 1300.0,
        older: 1000.0,
    },
    DailyValue {
        of: Shown::VitaminD,
        rule_2016: 800.0,
        older: 400.0,
    },
    DailyValue {
        of: Shown::VitaminK,
        rule_2016: 120.0,
        older: 80.0,
    },
    DailyValue {
        of: Shown::Magnesium,
        rule_2016: 420.0,
        older: 400.0,
    },
];

impl DailyValue {
    /// The Daily Value a nutrient's percentage is of, if the reference gives one (fat: none).
    pub fn of(n: Nutrient) -> Option<&'static DailyValue> {
        DAILY_VALUES.iter().find(|dv| dv.of.parts().contains(&n))
    }

    /// The amount 100 % stands for, in the nutrient's unit.
    pub fn amount(&self, set: DvSet) -> f64 {
        match set {
            DvSet::Rule2016 => self.rule_2016,
            DvSet::Older => self.older,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_takes_the_daily_value_of_its_vitamin_and_fat_has_none() {
        let dv = |n, set| DailyValue::of(n).map(|d| d.amount(set));
        assert_eq!(dv(Nutrient::Calcium, DvSet::Rule2016), Some(1300.0));
        assert_eq!(dv(Nutrient::Calcium, DvSet::Older), Some(1000.0));
        assert_eq!(dv(Nutrient::VitaminD3, DvSet::Rule2016), Some(800.0));
        assert_eq!(dv(Nutrient::VitaminD2, DvSet::Older), Some(400.0));
        assert_eq!(dv(Nutrient::K1, DvSet::Rule2016), Some(120.0));
        assert_eq!(dv(Nutrient::K2Mk7, DvSet::Rule2016), Some(120.0));
        assert_eq!(dv(Nutrient::K2Other, DvSet::Older), Some(80.0));
        assert_eq!(dv(Nutrient::Magnesium, DvSet::Rule2016), Some(420.0));
        assert_eq!(dv(Nutrient::Fat, DvSet::Rule2016), None);
        // Every unit matches the nutrient's: vitamin D's DV is in IU, as intake keeps it.
        assert_eq!(Nutrient::VitaminD3.unit(), "IU");
    }
}
