//! Items (foods, supplements, medications) and converting a quantity into servings.

use super::assumed::Assumed;
use super::nutrient::Nutrient;
use super::units::{
    MAX_GRAMS, MAX_SERVINGS, MassUnit, QtyError, Quantity, Unit, household_singular,
};
use super::value::Nutrients;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Food,
    Supplement,
    Medication,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Food => "food",
            Kind::Supplement => "supplement",
            Kind::Medication => "medication",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "food" => Some(Kind::Food),
            "supplement" => Some(Kind::Supplement),
            "medication" => Some(Kind::Medication),
            _ => None,
        }
    }
}

/// Vitamin D: 1 µg = 40 IU (reference, units).
pub const IU_PER_MCG_VITAMIN_D: f64 = 40.0;

/// Where an item comes from, which also orders search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Curated,
    Builtin,
    User,
    Usda,
}

/// A household portion: `1 cup` weighs 244 g.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Portion {
    pub unit: String,
    pub grams: f64,
}

/// The default serving: amount and unit, and its mass when known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Serving {
    pub amount: f64,
    pub unit: String,
    pub grams: Option<f64>,
}

impl Serving {
    pub fn display(&self) -> String {
        let q = Quantity {
            amount: self.amount,
            unit: Unit::parse(&self.unit),
        };
        let base = format!("{} {}", super::nutrient::fmt_amount(q.amount), self.unit);
        match (self.grams, &q.unit) {
            (Some(g), Unit::Household(_)) => {
                format!("{base} ({} g)", super::nutrient::fmt_amount(g))
            }
            _ => base,
        }
    }
}

/// Anything that can be logged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub key: String,
    pub name: String,
    pub kind: Kind,
    pub origin: Origin,
    pub serving: Serving,
    /// Household portions beyond the serving (USDA WEIGHT.txt and the like).
    pub portions: Vec<Portion>,
    /// Nutrients in one serving.
    pub nutrients: Nutrients,
    /// Tags read by the warning rules (`iron`, `thyroid-hormone`, `calcium-carbonate`…).
    pub tags: Vec<String>,
    /// Food group, for USDA foods.
    pub group: Option<String>,
    /// Citation of the figures.
    pub source: String,
    /// Which nutrient values are assumed zeros (USDA's, or intake's plant rule), not measured.
    #[serde(default, skip_serializing_if = "Assumed::is_empty")]
    pub assumed: Assumed,
}

impl Item {
    pub fn has_tag(&self, t: &str) -> bool {
        self.tags.iter().any(|x| x == t)
    }

    /// How many servings a quantity is, or why it cannot be converted.
    pub fn servings_for(&self, q: &Quantity) -> Result<f64, QtyError> {
        let servings = self.raw_servings(q)?;
        let grams = self.serving.grams.map(|g| g * servings);
        let too_big = servings > MAX_SERVINGS || grams.is_some_and(|g| g > MAX_GRAMS);
        if too_big || !servings.is_finite() {
            return Err(self.too_large(q));
        }
        Ok(servings)
    }

    /// Too much: a bare number meant as a dose (`intake add d3 2000`) is told the unit it
    /// probably meant, when that dose in the serving's own unit would be a sensible amount.
    fn too_large(&self, q: &Quantity) -> QtyError {
        let serving_unit = Unit::parse(&self.serving.unit);
        let dose_unit = matches!(serving_unit, Unit::Iu | Unit::Mass(_));
        if q.unit == Unit::Serving && dose_unit {
            let meant = Quantity {
                amount: q.amount,
                unit: serving_unit,
            };
            if self.raw_servings(&meant).is_ok_and(|s| s <= MAX_SERVINGS) {
                return QtyError::TooManyServings {
                    amount: super::nutrient::fmt_amount(q.amount),
                    unit: meant.unit.name(),
                };
            }
        }
        QtyError::TooLarge(q.display())
    }

    fn raw_servings(&self, q: &Quantity) -> Result<f64, QtyError> {
        let serving_unit = Unit::parse(&self.serving.unit);
        if q.unit == Unit::Serving {
            return Ok(q.amount);
        }
        if q.unit == serving_unit {
            return Ok(q.amount / self.serving.amount);
        }
        if let (Unit::Mass(a), Unit::Mass(b)) = (&q.unit, &serving_unit) {
            return Ok(q.amount * a.grams() / (self.serving.amount * b.grams()));
        }
        if let (Unit::Mass(m @ (MassUnit::Mcg | MassUnit::Mg)), Unit::Iu) = (&q.unit, &serving_unit)
        {
            // Vitamin D: 1 mcg = 40 IU (IU is used for vitamin D only).
            let mcg = q.amount * m.grams() / MassUnit::Mcg.grams();
            return Ok(mcg * IU_PER_MCG_VITAMIN_D / self.serving.amount);
        }
        if let (Some(grams), Some(sg)) = (self.grams_of(q), self.serving.grams.filter(|g| *g > 0.0))
        {
            return Ok(grams / sg);
        }
        Err(self.cannot_convert(q))
    }

    /// The mass of a quantity in this item's food units, when it has one.
    fn grams_of(&self, q: &Quantity) -> Option<f64> {
        match &q.unit {
            Unit::Mass(m) if self.kind == Kind::Food => Some(q.amount * m.grams()),
            Unit::Household(h) => self
                .portions
                .iter()
                .find(|p| household_singular(&p.unit) == *h)
                .map(|p| q.amount * p.grams),
            _ => None,
        }
    }

    /// The units this item can be measured in, for error messages and hints.
    pub fn accepted_units(&self) -> Vec<String> {
        let mut out = vec!["serving".to_string(), self.serving.unit.clone()];
        let serving_unit = Unit::parse(&self.serving.unit);
        let mass_ok = self.serving.grams.is_some() || matches!(serving_unit, Unit::Mass(_));
        if mass_ok && self.kind == Kind::Food {
            out.extend(["g", "oz"].map(String::from));
        }
        if serving_unit == Unit::Iu {
            out.push("mcg".to_string());
        }
        if let (Unit::Mass(m), false) = (&serving_unit, self.kind == Kind::Food) {
            let other = if *m == MassUnit::Mg { "mcg" } else { "mg" };
            out.push(other.to_string());
        }
        if self.serving.grams.is_some() {
            out.extend(self.portions.iter().map(|p| p.unit.clone()));
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|u| seen.insert(u.clone()));
        out
    }

    fn cannot_convert(&self, q: &Quantity) -> QtyError {
        QtyError::CannotConvert {
            item: self.key.clone(),
            unit: q.unit.name(),
            accepted: self.accepted_units().join(", "),
        }
    }

    /// Nutrients for a quantity of this item.
    pub fn nutrients_for(&self, q: &Quantity) -> Result<(f64, Nutrients), QtyError> {
        let servings = self.servings_for(q)?;
        Ok((servings, self.nutrients.scale(servings)))
    }

    /// Whether the item holds a nutrient in its serving (known and above zero).
    pub fn provides(&self, n: Nutrient) -> bool {
        self.nutrients
            .get(n)
            .bounds()
            .is_some_and(|(_, hi)| hi.0 > 0)
    }
}
