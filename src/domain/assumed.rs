//! Values that are assumed zeros rather than measured or given by a source, and on whose word.

use super::nutrient::{Nutrient, Shown};
use serde::{Deserialize, Serialize};

/// Why a value is assumed to be zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assumption {
    /// USDA marks it "assumed zero" (SR source code 7): a nutrient the food cannot contain.
    Usda,
    /// A food of plant origin that is not fermented carries no menaquinones (vitamin K2).
    PlantNoMenaquinones,
}

impl Assumption {
    /// The reason, with its source, for people.
    pub fn note(self) -> &'static str {
        match self {
            Assumption::Usda => "assumed zero by USDA (SR source code 7)",
            Assumption::PlantNoMenaquinones => {
                "assumed zero: plant foods that are not fermented carry no menaquinones (ODS vitamin K fact sheet)"
            }
        }
    }
}

/// Which nutrients of an item are assumed zeros, one bit per nutrient for each reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Assumed {
    #[serde(default)]
    usda: u32,
    #[serde(default)]
    plant: u32,
}

impl Assumed {
    pub fn is_empty(&self) -> bool {
        self.usda == 0 && self.plant == 0
    }

    pub fn set(&mut self, n: Nutrient, why: Assumption) {
        let bit = 1 << n.index();
        match why {
            Assumption::Usda => self.usda |= bit,
            Assumption::PlantNoMenaquinones => self.plant |= bit,
        }
    }

    /// The assumptions of either.
    pub fn union(&self, o: &Assumed) -> Assumed {
        Assumed {
            usda: self.usda | o.usda,
            plant: self.plant | o.plant,
        }
    }

    /// Those of these assumptions whose nutrient is exactly zero in `n` (a sum of parts: a zero
    /// that rests on some part's assumed zero is one too; a sum above zero is not).
    pub fn where_zero(&self, n: &super::value::Nutrients) -> Assumed {
        let mut out = Assumed::default();
        for x in Nutrient::ALL {
            let zero = matches!(n.get(x), super::value::Value::Exact { v } if v.0 == 0);
            if let Some(why) = self.get(x).filter(|_| zero) {
                out.set(x, why);
            }
        }
        out
    }

    /// Why `n` is assumed zero, if it is.
    pub fn get(&self, n: Nutrient) -> Option<Assumption> {
        let bit = 1 << n.index();
        if self.usda & bit != 0 {
            Some(Assumption::Usda)
        } else if self.plant & bit != 0 {
            Some(Assumption::PlantNoMenaquinones)
        } else {
            None
        }
    }

    /// True when some form of a shown nutrient is assumed zero.
    pub fn any_of(&self, s: Shown) -> bool {
        s.parts().iter().any(|&n| self.get(n).is_some())
    }

    /// "assumed 0: D, Mg (USDA); K2 (plant, not fermented: ODS)" for a one-line listing, or `None`.
    pub fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        for why in self.reasons() {
            let which: Vec<&str> = Shown::ALL
                .into_iter()
                // Total vitamin K is K1 and K2, each listed on its own.
                .filter(|&s| s != Shown::VitaminK)
                .filter(|&s| s.parts().iter().any(|&n| self.get(n) == Some(why)))
                .map(Shown::short)
                .chain((self.get(Nutrient::Fat) == Some(why)).then_some(Nutrient::Fat.short()))
                .collect();
            let tag = match why {
                Assumption::Usda => "USDA",
                Assumption::PlantNoMenaquinones => "plant, not fermented: ODS",
            };
            parts.push(format!("{} ({tag})", which.join(", ")));
        }
        (!parts.is_empty()).then(|| format!("assumed 0: {}", parts.join("; ")))
    }

    /// The distinct reasons, in a stable order.
    pub fn reasons(&self) -> Vec<Assumption> {
        let mut out = Vec::new();
        if self.usda != 0 {
            out.push(Assumption::Usda);
        }
        if self.plant != 0 {
            out.push(Assumption::PlantNoMenaquinones);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_nutrient_keeps_its_own_reason() {
        let mut a = Assumed::default();
        assert!(a.is_empty());
        a.set(Nutrient::VitaminD3, Assumption::Usda);
        a.set(Nutrient::K2Mk7, Assumption::PlantNoMenaquinones);
        assert_eq!(a.get(Nutrient::VitaminD3), Some(Assumption::Usda));
        assert_eq!(
            a.get(Nutrient::K2Mk7),
            Some(Assumption::PlantNoMenaquinones)
        );
        assert_eq!(a.get(Nutrient::Calcium), None);
        assert!(a.any_of(Shown::VitaminK2) && !a.any_of(Shown::Calcium));
        assert_eq!(a.reasons().len(), 2);
        assert_eq!(
            a.summary().as_deref(),
            Some("assumed 0: D (USDA); K2 (plant, not fermented: ODS)")
        );
        assert_eq!(Assumed::default().summary(), None);
    }
}
