//! The nutrients intake tracks: one table ([`NUTRIENTS`]) describes each of them once, and one
//! ([`SHOWN`]) each total shown to the user. Adding a nutrient is a row in the first table, a
//! migration adding its diary columns, and the asset rows that give it.

use serde::{Deserialize, Serialize};

/// Every nutrient an item or entry can carry. Vitamin D and K are kept by form. The order is the
/// order of [`NUTRIENTS`] (and of the diary's and the per-entry CSV's columns): append only.
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
    /// Vitamin K2 whose form the source does not give or that is neither MK-4 nor MK-7 (cheese K2
    /// is mostly MK-8/MK-9), in mcg.
    K2Other,
}

/// Everything intake knows about one nutrient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NutrientInfo {
    pub nutrient: Nutrient,
    /// Stable snake_case name with the unit: the key in the asset files, the stem of the diary
    /// columns (`{key}_lo`, `{key}_hi`) and of the per-entry CSV columns (see [`Nutrient::csv_columns`]).
    pub key: &'static str,
    /// mg, IU, mcg or g; amounts are stored in thousandths of it.
    pub unit: &'static str,
    /// Lowercase name used in sentences: "vitamin K2 MK-4".
    pub label: &'static str,
    /// A few letters for narrow columns: "MK-4".
    pub short: &'static str,
    /// The `intake item add --FLAG` that gives it per serving; `None` when it cannot be typed.
    pub flag: Option<&'static str>,
    /// The USDA SR nutrient number (`Nutr_No`) its figure comes from, if USDA gives it.
    pub usda: Option<u16>,
    /// The shown total it counts toward (vitamin D3 is a form of vitamin D); `None` for fat.
    pub form_of: Option<Shown>,
}

#[allow(clippy::too_many_arguments)] // one table row, every field named in NutrientInfo
const fn row(
    nutrient: Nutrient,
    key: &'static str,
    unit: &'static str,
    label: &'static str,
    short: &'static str,
    flag: Option<&'static str>,
    usda: Option<u16>,
    form_of: Option<Shown>,
) -> NutrientInfo {
    NutrientInfo {
        nutrient,
        key,
        unit,
        label,
        short,
        flag,
        usda,
        form_of,
    }
}

/// How many nutrients there are: the size of every per-nutrient array.
pub const COUNT: usize = 10;

/// The one description of every nutrient, in [`Nutrient`] order.
#[rustfmt::skip]
pub const NUTRIENTS: [NutrientInfo; COUNT] = {
    use Nutrient as N;
    use Shown as S;
    [
        row(N::Calcium, "calcium_mg", "mg", "calcium", "Ca", Some("calcium"), Some(301), Some(S::Calcium)),
        row(N::Magnesium, "magnesium_mg", "mg", "magnesium", "Mg", Some("magnesium"), Some(304), Some(S::Magnesium)),
        row(N::VitaminD3, "vitamin_d3_iu", "IU", "vitamin D3", "D3", Some("d3"), Some(326), Some(S::VitaminD)),
        row(N::VitaminD2, "vitamin_d2_iu", "IU", "vitamin D2", "D2", Some("d2"), Some(325), Some(S::VitaminD)),
        row(N::VitaminDOther, "vitamin_d_other_iu", "IU", "vitamin D (form unknown)", "D?", None, Some(324), Some(S::VitaminD)),
        row(N::K1, "vitamin_k1_mcg", "mcg", "vitamin K1", "K1", Some("k1"), Some(430), Some(S::VitaminK1)),
        row(N::K2Mk4, "vitamin_k2_mk4_mcg", "mcg", "vitamin K2 MK-4", "MK-4", Some("k2-mk4"), Some(428), Some(S::VitaminK2)),
        row(N::K2Mk7, "vitamin_k2_mk7_mcg", "mcg", "vitamin K2 MK-7", "MK-7", Some("k2-mk7"), None, Some(S::VitaminK2)),
        row(N::Fat, "fat_g", "g", "fat", "fat", Some("fat"), Some(204), None),
        row(N::K2Other, "vitamin_k2_other_mcg", "mcg", "vitamin K2 (other or unknown form)", "K2?", Some("k2-other"), None, Some(S::VitaminK2)),
    ]
};

impl Nutrient {
    pub const COUNT: usize = COUNT;

    pub const ALL: [Nutrient; COUNT] = {
        let mut all = [Nutrient::Calcium; COUNT];
        let mut i = 0;
        while i < COUNT {
            all[i] = NUTRIENTS[i].nutrient;
            i += 1;
        }
        all
    };

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn info(self) -> &'static NutrientInfo {
        &NUTRIENTS[self.index()]
    }

    /// The nutrient of a key (`calcium_mg`), as asset files and tables name it.
    pub fn from_key(key: &str) -> Option<Nutrient> {
        NUTRIENTS.iter().find(|i| i.key == key).map(|i| i.nutrient)
    }

    /// Stable snake_case name, used for asset keys, database columns and CSV.
    pub fn column(self) -> &'static str {
        self.info().key
    }

    pub fn unit(self) -> &'static str {
        self.info().unit
    }

    pub fn label(self) -> &'static str {
        self.info().label
    }

    pub fn short(self) -> &'static str {
        self.info().short
    }

    /// The per-entry CSV columns: the point value, its low end and its high end.
    pub fn csv_columns(self) -> [String; 3] {
        let c = self.column();
        [c.to_string(), format!("{c}_low"), format!("{c}_high")]
    }

    /// The diary's columns: low and high ends in thousandths of the unit.
    pub fn diary_columns(self) -> [String; 2] {
        let c = self.column();
        [format!("{c}_lo"), format!("{c}_hi")]
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

/// Everything intake knows about one shown total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownInfo {
    pub shown: Shown,
    /// The key used in `assets/targets.toml`, the JSON totals and the weekly CSV columns.
    pub key: &'static str,
    /// Capitalised name: "Vitamin K2".
    pub label: &'static str,
    /// A few letters for narrow columns: "K2".
    pub short: &'static str,
    /// The name in running text: "calcium", "vitamin D", "K2".
    pub prose: &'static str,
    /// The form shown beside the total (vitamin D3 in vitamin D), if any.
    pub part: Option<Nutrient>,
}

const fn shown(
    shown: Shown,
    key: &'static str,
    label: &'static str,
    short: &'static str,
    prose: &'static str,
    part: Option<Nutrient>,
) -> ShownInfo {
    ShownInfo {
        shown,
        key,
        label,
        short,
        prose,
        part,
    }
}

/// The one description of every shown total, in [`Shown`] order (the order of the day's bars).
#[rustfmt::skip]
pub const SHOWN: [ShownInfo; Shown::COUNT] = [
    shown(Shown::Calcium, "calcium", "Calcium", "Ca", "calcium", None),
    shown(Shown::VitaminD, "vitamin_d", "Vitamin D", "D", "vitamin D", Some(Nutrient::VitaminD3)),
    shown(Shown::VitaminK2, "vitamin_k2", "Vitamin K2", "K2", "K2", None),
    shown(Shown::Magnesium, "magnesium", "Magnesium", "Mg", "magnesium", None),
    shown(Shown::VitaminK1, "vitamin_k1", "Vitamin K1", "K1", "K1", None),
    shown(Shown::VitaminK, "vitamin_k", "Vitamin K", "K", "vitamin K", Some(Nutrient::K1)),
];

/// Whether a nutrient counts toward a shown total: its own (D3 toward vitamin D), and every form
/// of K1 and K2 toward total vitamin K.
const fn counts_toward(n: &NutrientInfo, s: Shown) -> bool {
    match (n.form_of, s) {
        (Some(Shown::VitaminK1 | Shown::VitaminK2), Shown::VitaminK) => true,
        (Some(f), s) => f as usize == s as usize,
        (None, _) => false,
    }
}

/// The forms of each shown total, worked out once from [`NUTRIENTS`]: the first `.1` of `.0`.
const PARTS: [([Nutrient; COUNT], usize); Shown::COUNT] = {
    let mut out = [([Nutrient::Calcium; COUNT], 0); Shown::COUNT];
    let mut s = 0;
    while s < Shown::COUNT {
        let mut i = 0;
        while i < COUNT {
            if counts_toward(&NUTRIENTS[i], SHOWN[s].shown) {
                out[s].0[out[s].1] = NUTRIENTS[i].nutrient;
                out[s].1 += 1;
            }
            i += 1;
        }
        s += 1;
    }
    out
};

/// Vitamin K in all its forms (K1 and every K2 form), as the warfarin rule reads it.
pub const VITAMIN_K: &[Nutrient] = {
    const K: ([Nutrient; COUNT], usize) = PARTS[Shown::VitaminK as usize];
    K.0.split_at(K.1).0
};

impl Shown {
    /// How many shown totals there are (the size of [`SHOWN`]).
    pub const COUNT: usize = 6;

    /// The shown totals with a bar in the day view, in order (total vitamin K takes K1's place
    /// when the profile has a target for it).
    pub const ALL: [Shown; 5] = [
        Shown::Calcium,
        Shown::VitaminD,
        Shown::VitaminK2,
        Shown::Magnesium,
        Shown::VitaminK1,
    ];

    /// Every shown nutrient a target or limit can be of: the ones with a bar and total vitamin K.
    pub const TARGETED: [Shown; Shown::COUNT] = [
        Shown::Calcium,
        Shown::VitaminD,
        Shown::VitaminK2,
        Shown::Magnesium,
        Shown::VitaminK1,
        Shown::VitaminK,
    ];

    /// The headline totals: full bars in the day view, columns of the entries table, the add
    /// dialog, `intake week` and the weekly CSV. The others are shown smaller.
    pub const HEADLINE: [Shown; 3] = [Shown::Calcium, Shown::VitaminD, Shown::VitaminK2];

    /// The order of one-line summaries (`intake day` entries, `intake foods`, the weekly CSV):
    /// the headline totals, then the others.
    pub const SUMMARY: [Shown; 5] = [
        Shown::Calcium,
        Shown::VitaminD,
        Shown::VitaminK2,
        Shown::VitaminK1,
        Shown::Magnesium,
    ];

    pub fn info(self) -> &'static ShownInfo {
        &SHOWN[self as usize]
    }

    pub fn is_headline(self) -> bool {
        Shown::HEADLINE.contains(&self)
    }

    /// The nutrients summed into this total, in [`Nutrient`] order.
    pub fn parts(self) -> &'static [Nutrient] {
        let (parts, n) = &PARTS[self as usize];
        &parts[..*n]
    }

    /// Vitamin D and K2: totals of several forms of one vitamin (not total vitamin K, which
    /// sums two vitamins).
    pub fn has_forms(self) -> bool {
        let own = |n: &Nutrient| n.info().form_of == Some(self);
        self.parts().len() > 1 && self.parts().iter().all(own)
    }

    pub fn unit(self) -> &'static str {
        self.parts()[0].unit()
    }

    pub fn label(self) -> &'static str {
        self.info().label
    }

    pub fn short(self) -> &'static str {
        self.info().short
    }

    /// "Ca mg": a column heading.
    pub fn heading(self) -> String {
        format!("{} {}", self.short(), self.unit())
    }

    /// The key used in `assets/targets.toml`.
    pub fn key(self) -> &'static str {
        self.info().key
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
        (v.round() as i64).to_string()
    } else {
        tenths(v).unwrap_or_else(|| format!("{v:.1}"))
    }
}

/// `format!("{v:.1}")` for a finite `v` under 100 away from a tie, without the exact float
/// formatting (which falls back to big-number arithmetic on many such values; warnings name
/// amounts in every message). Near a tie (x.x5) it says nothing and the caller formats.
fn tenths(v: f64) -> Option<String> {
    let t = v * 10.0;
    let r = t.round();
    // |t| < 1000: the product is off by far less than this from 10 v, so rounding it rounds 10 v.
    if !t.is_finite() || t.abs() >= 1000.0 || ((t - r).abs() - 0.5).abs() < 1e-6 {
        return None;
    }
    let n = r.abs() as u32;
    let mut s = String::with_capacity(6);
    if r < 0.0 {
        s.push('-');
    }
    s.push_str(&(n / 10).to_string());
    s.push('.');
    s.push(char::from(b'0' + (n % 10) as u8));
    Some(s)
}

#[cfg(test)]
#[path = "nutrient_tests.rs"]
mod tests;
