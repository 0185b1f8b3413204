//! Quantities as people type them ("1.5 cup", "85 g", "5000 IU") and unit conversion.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A bad quantity or a unit that cannot convert; each message says what is accepted.
#[derive(Debug, Error, PartialEq)]
pub enum QtyError {
    #[error("quantity is empty: give an amount such as `1`, `1.5 cup`, `85 g` or `500 mg`")]
    Empty,
    #[error("`{0}` is not a number: give an amount such as `1`, `1.5 cup`, `85 g` or `500 mg`")]
    NotANumber(String),
    #[error("amount must be a positive finite number, got `{0}`")]
    NotPositive(String),
    #[error("amount `{0}` is too large: at most 100 servings or 10 kg")]
    TooLarge(String),
    #[error("{amount} servings is too many (at most 100); did you mean {amount} {unit}?")]
    TooManyServings { amount: String, unit: String },
    #[error(
        "unknown unit `{0}`: accepted are serving, g, kg, oz, lb, mg, mcg/µg/ug, IU, or a household unit the item has ({1})"
    )]
    UnknownUnit(String, String),
    #[error("`{item}` cannot be measured in `{unit}`: it accepts {accepted}")]
    CannotConvert {
        item: String,
        unit: String,
        accepted: String,
    },
}

/// A unit after normalising spelling and plurals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Unit {
    Serving,
    /// A mass, with its size in grams.
    Mass(MassUnit),
    Iu,
    /// A household or container unit (`cup`, `tbsp`, `yolk`, `large`), normalised singular.
    Household(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum MassUnit {
    Kg,
    G,
    Oz,
    Lb,
    Mg,
    Mcg,
}

impl MassUnit {
    pub fn grams(self) -> f64 {
        match self {
            MassUnit::Kg => 1000.0,
            MassUnit::G => 1.0,
            MassUnit::Oz => 28.35,
            MassUnit::Lb => 453.592,
            MassUnit::Mg => 0.001,
            MassUnit::Mcg => 0.000_001,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            MassUnit::Kg => "kg",
            MassUnit::G => "g",
            MassUnit::Oz => "oz",
            MassUnit::Lb => "lb",
            MassUnit::Mg => "mg",
            MassUnit::Mcg => "mcg",
        }
    }
}

impl Unit {
    /// Normalises a typed unit: case, plurals, µg/ug/mcg, tablespoon/tbsp…
    pub fn parse(s: &str) -> Unit {
        let l = s.trim().to_lowercase();
        let l = l.trim_end_matches('.');
        match l {
            "" | "serving" | "servings" | "x" | "portion" | "portions" => Unit::Serving,
            "g" | "gram" | "grams" | "gr" => Unit::Mass(MassUnit::G),
            "kg" | "kilogram" | "kilograms" => Unit::Mass(MassUnit::Kg),
            "oz" | "ounce" | "ounces" => Unit::Mass(MassUnit::Oz),
            "lb" | "lbs" | "pound" | "pounds" => Unit::Mass(MassUnit::Lb),
            "mg" | "milligram" | "milligrams" => Unit::Mass(MassUnit::Mg),
            "mcg" | "µg" | "μg" | "ug" | "microgram" | "micrograms" => Unit::Mass(MassUnit::Mcg),
            "iu" | "ie" => Unit::Iu,
            other => Unit::Household(household_singular(other)),
        }
    }

    pub fn name(&self) -> String {
        match self {
            Unit::Serving => "serving".into(),
            Unit::Mass(m) => m.name().into(),
            Unit::Iu => "IU".into(),
            Unit::Household(h) => h.clone(),
        }
    }
}

/// "tablespoons" → "tbsp", "cups" → "cup", "yolks" → "yolk".
pub fn household_singular(s: &str) -> String {
    let s = s.trim().to_lowercase();
    match s.as_str() {
        "tablespoon" | "tablespoons" | "tbsps" | "tbs" => return "tbsp".into(),
        "teaspoon" | "teaspoons" | "tsps" => return "tsp".into(),
        "fl oz" | "fluid ounce" | "fluid ounces" => return "fl oz".into(),
        _ => {}
    }
    let mut words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    if let Some(first) = words.first_mut() {
        for (plural, single) in [("ches", "ch"), ("ies", "y"), ("ves", "f"), ("s", "")] {
            if first.len() > plural.len() + 1 && first.ends_with(plural) && !first.ends_with("ss") {
                first.truncate(first.len() - plural.len());
                first.push_str(single);
                break;
            }
        }
    }
    words.join(" ")
}

/// A quantity as typed: an amount and a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub amount: f64,
    pub unit: Unit,
}

impl Quantity {
    pub fn servings(n: f64) -> Quantity {
        Quantity {
            amount: n,
            unit: Unit::Serving,
        }
    }

    /// Parses "1", "1.5 cup", "85g", "1/2 cup", "180 µg". An empty unit means servings.
    pub fn parse(s: &str) -> Result<Quantity, QtyError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(QtyError::Empty);
        }
        let split = s
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_ascii_digit() || c == '.' || c == '/' || c == ',' || c == '-' || c == '+')
            })
            .map(|(i, _)| i)
            .unwrap_or(s.len());
        let (num, unit) = s.split_at(split);
        let amount = parse_number(num.trim(), s)?;
        check_amount(amount, s)?;
        Ok(Quantity {
            amount,
            unit: Unit::parse(unit),
        })
    }

    /// The display form, e.g. "1.5 cup".
    pub fn display(&self) -> String {
        format!(
            "{} {}",
            super::nutrient::fmt_amount(self.amount),
            self.unit.name()
        )
    }
}

fn parse_number(num: &str, whole: &str) -> Result<f64, QtyError> {
    if num.is_empty() {
        return Err(QtyError::NotANumber(whole.to_string()));
    }
    let num = num.replace(',', ".");
    let v = if let Some((a, b)) = num.split_once('/') {
        let a: f64 = a.parse().map_err(|_| QtyError::NotANumber(whole.into()))?;
        let b: f64 = b.parse().map_err(|_| QtyError::NotANumber(whole.into()))?;
        a / b
    } else {
        num.parse::<f64>()
            .map_err(|_| QtyError::NotANumber(whole.into()))?
    };
    Ok(v)
}

fn check_amount(v: f64, whole: &str) -> Result<(), QtyError> {
    if !v.is_finite() || v <= 0.0 {
        return Err(QtyError::NotPositive(whole.into()));
    }
    if v > 1e9 {
        return Err(QtyError::TooLarge(whole.into()));
    }
    Ok(())
}

/// The most servings one entry may hold, and the most grams.
pub const MAX_SERVINGS: f64 = 100.0;
pub const MAX_GRAMS: f64 = 10_000.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        let cases: &[(&str, f64, Unit)] = &[
            ("1", 1.0, Unit::Serving),
            ("2 servings", 2.0, Unit::Serving),
            ("1.5 cup", 1.5, Unit::Household("cup".into())),
            ("1/2 cups", 0.5, Unit::Household("cup".into())),
            ("3 oz", 3.0, Unit::Mass(MassUnit::Oz)),
            ("85g", 85.0, Unit::Mass(MassUnit::G)),
            ("2 tablespoons", 2.0, Unit::Household("tbsp".into())),
            ("1 yolk", 1.0, Unit::Household("yolk".into())),
            ("500 mg", 500.0, Unit::Mass(MassUnit::Mg)),
            ("5000 IU", 5000.0, Unit::Iu),
            ("180 mcg", 180.0, Unit::Mass(MassUnit::Mcg)),
            ("180 µg", 180.0, Unit::Mass(MassUnit::Mcg)),
            ("180 ug", 180.0, Unit::Mass(MassUnit::Mcg)),
            ("1,5 cup", 1.5, Unit::Household("cup".into())),
        ];
        for (s, amount, unit) in cases {
            let q = Quantity::parse(s).unwrap();
            assert_eq!((q.amount, &q.unit), (*amount, unit), "{s}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for s in [
            "", "  ", "cup", "-1 cup", "0", "0 g", "NaN", "inf", "1/0 cup", "abc",
        ] {
            assert!(Quantity::parse(s).is_err(), "{s:?} should fail");
        }
    }
}
