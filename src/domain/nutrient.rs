//! The nutrients intake tracks, their units and fixed-point amounts.

use serde::{Deserialize, Serialize};

/// Every nutrient an item or entry can carry. Vitamin D and K are kept by form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nutrient {
    Calcium,
    Magnesium,
    /// Cholecalciferol, in IU.
    VitaminD3,
    /// Ergocalciferol, in IU.
    VitaminD2,
    /// Vitamin D whose form the source does not give (USDA plant and mixed foods), in IU.
    VitaminDOther,
    /// Phylloquinone, in mcg.
    K1,
    K2Mk4,
    K2Mk7,
    /// Total fat in grams (read by the take-with-fat rule).
    Fat,
}

impl Nutrient {
    pub const ALL: [Nutrient; 9] = [
        Nutrient::Calcium,
        Nutrient::Magnesium,
        Nutrient::VitaminD3,
        Nutrient::VitaminD2,
        Nutrient::VitaminDOther,
        Nutrient::K1,
        Nutrient::K2Mk4,
        Nutrient::K2Mk7,
        Nutrient::Fat,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable snake_case name, used for database columns and JSON.
    pub fn column(self) -> &'static str {
        match self {
            Nutrient::Calcium => "calcium_mg",
            Nutrient::Magnesium => "magnesium_mg",
            Nutrient::VitaminD3 => "vitamin_d3_iu",
            Nutrient::VitaminD2 => "vitamin_d2_iu",
            Nutrient::VitaminDOther => "vitamin_d_other_iu",
            Nutrient::K1 => "vitamin_k1_mcg",
            Nutrient::K2Mk4 => "vitamin_k2_mk4_mcg",
            Nutrient::K2Mk7 => "vitamin_k2_mk7_mcg",
            Nutrient::Fat => "fat_g",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Nutrient::Calcium | Nutrient::Magnesium => "mg",
            Nutrient::VitaminD3 | Nutrient::VitaminD2 | Nutrient::VitaminDOther => "IU",
            Nutrient::K1 | Nutrient::K2Mk4 | Nutrient::K2Mk7 => "mcg",
            Nutrient::Fat => "g",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Nutrient::Calcium => "calcium",
            Nutrient::Magnesium => "magnesium",
            Nutrient::VitaminD3 => "vitamin D3",
            Nutrient::VitaminD2 => "vitamin D2",
            Nutrient::VitaminDOther => "vitamin D (form unknown)",
            Nutrient::K1 => "vitamin K1",
            Nutrient::K2Mk4 => "vitamin K2 MK-4",
            Nutrient::K2Mk7 => "vitamin K2 MK-7",
            Nutrient::Fat => "fat",
        }
    }
}

/// The nutrients shown to the user: vitamin D and K2 are sums of their forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    Calcium,
    VitaminD,
    VitaminK2,
    Magnesium,
    VitaminK1,
    /// Total vitamin K (K1 + K2): the official set's AI is of this sum, not of either part.
    VitaminK,
}

impl Shown {
    pub const ALL: [Shown; 5] = [
        Shown::Calcium,
        Shown::VitaminD,
        Shown::VitaminK2,
        Shown::Magnesium,
        Shown::VitaminK1,
    ];

    /// Every shown nutrient a target or limit can be of: the headline ones and total vitamin K.
    pub const TARGETED: [Shown; 6] = [
        Shown::Calcium,
        Shown::VitaminD,
        Shown::VitaminK2,
        Shown::Magnesium,
        Shown::VitaminK1,
        Shown::VitaminK,
    ];

    pub fn parts(self) -> &'static [Nutrient] {
        match self {
            Shown::Calcium => &[Nutrient::Calcium],
            Shown::VitaminD => &[
                Nutrient::VitaminD3,
                Nutrient::VitaminD2,
                Nutrient::VitaminDOther,
            ],
            Shown::VitaminK2 => &[Nutrient::K2Mk4, Nutrient::K2Mk7],
            Shown::Magnesium => &[Nutrient::Magnesium],
            Shown::VitaminK1 => &[Nutrient::K1],
            Shown::VitaminK => &[Nutrient::K1, Nutrient::K2Mk4, Nutrient::K2Mk7],
        }
    }

    pub fn unit(self) -> &'static str {
        self.parts()[0].unit()
    }

    pub fn label(self) -> &'static str {
        match self {
            Shown::Calcium => "Calcium",
            Shown::VitaminD => "Vitamin D",
            Shown::VitaminK2 => "Vitamin K2",
            Shown::Magnesium => "Magnesium",
            Shown::VitaminK1 => "Vitamin K1",
            Shown::VitaminK => "Vitamin K",
        }
    }

    /// The key used in `assets/targets.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Shown::Calcium => "calcium",
            Shown::VitaminD => "vitamin_d",
            Shown::VitaminK2 => "vitamin_k2",
            Shown::Magnesium => "magnesium",
            Shown::VitaminK1 => "vitamin_k1",
            Shown::VitaminK => "vitamin_k",
        }
    }
}

/// A fixed-point amount in thousandths of the nutrient's unit (mg, IU, mcg or g).
///
/// Rounding: scaling rounds half away from zero to the nearest thousandth; sums are exact.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Milli(pub i64);

impl Milli {
    pub fn from_f64(v: f64) -> Milli {
        Milli((v * 1000.0).round() as i64)
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    pub fn scale(self, factor: f64) -> Milli {
        Milli((self.0 as f64 * factor).round() as i64)
    }
}

impl std::ops::Add for Milli {
    type Output = Milli;
    fn add(self, o: Milli) -> Milli {
        Milli(self.0.saturating_add(o.0))
    }
}

/// Formats an amount for people: whole numbers when large, one decimal when small.
pub fn fmt_amount(v: f64) -> String {
    if v.abs() >= 100.0 || (v - v.round()).abs() < 0.05 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}
