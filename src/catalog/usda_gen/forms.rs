//! The vitamin D and K columns of a food: USDA's measured forms from `NUT_DATA_forms.txt` (SR28),
//! its assumed zeros (source code 7), and, where USDA is silent, the rules of [`super::origin`].

use super::origin::{self, DRule};
use super::{GenError, rows};
use std::collections::HashMap;

/// A value USDA marks "assumed zero" (`SRC_CD.txt` code 7), as written in the table.
pub const USDA_ZERO: &str = "Z";
/// A menaquinone assumed zero by the plant rule (ODS vitamin K fact sheet), as written in the table.
pub const PLANT_ZERO: &str = "P";

/// One NUT_DATA value: as USDA prints it, and whether USDA assumed it zero.
#[derive(Debug, Clone)]
struct Fig {
    value: String,
    assumed: bool,
}

impl Fig {
    fn num(&self) -> f64 {
        self.value.parse().unwrap_or(0.0)
    }

    /// The value as a table cell (`Z` when USDA assumed it zero).
    fn cell(&self) -> String {
        if self.assumed {
            USDA_ZERO.into()
        } else {
            self.value.clone()
        }
    }

    /// µg of vitamin D as an IU cell.
    fn iu_cell(&self) -> String {
        if self.assumed {
            USDA_ZERO.into()
        } else {
            iu(self.num())
        }
    }
}

/// The NUT_DATA rows of one food for the nutrients read here.
#[derive(Debug, Default, Clone)]
pub struct Forms {
    /// 328, vitamin D (D2 + D3), µg.
    d_total: Option<Fig>,
    /// 325, D2, µg.
    d2: Option<Fig>,
    /// 326, D3, µg.
    d3: Option<Fig>,
    /// 428, menaquinone-4, µg.
    mk4: Option<Fig>,
    /// 430, phylloquinone, µg.
    k1: Option<Fig>,
}

/// Reads `NUT_DATA_forms.txt`: the forms of each food by NDB number.
pub fn read_forms(text: &str) -> Result<HashMap<String, Forms>, GenError> {
    let mut out: HashMap<String, Forms> = HashMap::new();
    for row in rows(text, "NUT_DATA_forms.txt", 18) {
        let (line, f) = row?;
        if f[2].parse::<f64>().is_err() {
            return Err(GenError::Number {
                file: "NUT_DATA_forms.txt",
                line,
                value: f[2].into(),
            });
        }
        let fig = Fig {
            value: f[2].to_string(),
            assumed: f[5] == "7",
        };
        let forms = out.entry(f[0].to_string()).or_default();
        let slot = match f[1] {
            "328" => &mut forms.d_total,
            "325" => &mut forms.d2,
            "326" => &mut forms.d3,
            "428" => &mut forms.mk4,
            "430" => &mut forms.k1,
            _ => continue,
        };
        *slot = Some(fig);
    }
    Ok(out)
}

/// The vitamin D and K cells of one food, and how its vitamin D form was decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Cells {
    pub d3: String,
    pub d2: String,
    pub d_other: String,
    pub k1: String,
    pub mk4: String,
    pub mk7: String,
    pub k2_other: String,
    /// `usda` (USDA's D2/D3 split), `rule-d3`, `rule-d2`, `unknown`, or empty (no vitamin D).
    pub d_form: &'static str,
}

/// What ABBREV.txt says of the food where NUT_DATA has nothing: vitamin D in IU, K1 in µg.
pub struct Abbrev<'a> {
    pub d_iu: &'a str,
    pub k1: &'a str,
}

/// The cells of a food from its NUT_DATA rows (if any), ABBREV figures, group and name.
pub fn cells(forms: Option<&Forms>, a: &Abbrev, group: &str, name: &str) -> Cells {
    let empty = Forms::default();
    let f = forms.unwrap_or(&empty);
    let (d3, d2, d_other, d_form) = vitamin_d(f, a.d_iu, group, name);
    let plant = origin::no_menaquinones(group, name);
    let menaquinone = |fig: Option<&Fig>| match fig {
        Some(x) => x.cell(),
        None if plant => PLANT_ZERO.into(),
        None => String::new(),
    };
    Cells {
        d3,
        d2,
        d_other,
        k1: f
            .k1
            .as_ref()
            .filter(|k| agrees(k.num(), a.k1, 0.05))
            .map_or_else(|| a.k1.to_string(), Fig::cell),
        mk4: menaquinone(f.mk4.as_ref()),
        mk7: menaquinone(None),
        k2_other: menaquinone(None),
        d_form,
    }
}

/// D3, D2, form-unknown cells (IU) and the form's basis.
fn vitamin_d(
    f: &Forms,
    abbrev_iu: &str,
    group: &str,
    name: &str,
) -> (String, String, String, &'static str) {
    let zero = || "0".to_string();
    // ABBREV carries USDA's later corrections: a NUT_DATA total that disagrees with it is old.
    let total = f
        .d_total
        .as_ref()
        .filter(|t| agrees(t.num() * 40.0, abbrev_iu, 2.5));
    match total {
        Some(t) if t.assumed => (USDA_ZERO.into(), USDA_ZERO.into(), USDA_ZERO.into(), ""),
        Some(t) if f.d2.is_some() || f.d3.is_some() => split(t, f, abbrev_iu),
        None if abbrev_iu.is_empty() => (String::new(), String::new(), String::new(), ""),
        _ if abbrev_iu.parse::<f64>().unwrap_or(0.0) == 0.0 => (zero(), zero(), zero(), ""),
        _ => {
            let total = abbrev_iu.to_string();
            match origin::d_rule(group, name) {
                DRule::Animal => (total, zero(), zero(), "rule-d3"),
                DRule::UvMushroom => (zero(), total, zero(), "rule-d2"),
                DRule::None => (zero(), zero(), total, "unknown"),
            }
        }
    }
}

/// USDA's D2/D3 split: each form is its µg x 40 and the rest of the total is form unknown. When
/// one form is the whole total, it takes USDA's IU total (ABBREV), which is rounded apart from
/// the µg figures (whole milk: 1.3 µg, 51 IU).
fn split(t: &Fig, f: &Forms, abbrev_iu: &str) -> (String, String, String, &'static str) {
    let part = |x: &Option<Fig>| x.as_ref().map_or(0.0, Fig::num);
    let rest = round1(t.num() - part(&f.d2) - part(&f.d3)).max(0.0);
    let whole = |x: &Option<Fig>, other: &Option<Fig>| {
        rest == 0.0 && part(x) > 0.0 && part(other) == 0.0 && !abbrev_iu.is_empty()
    };
    let cell = |x: &Option<Fig>, other: &Option<Fig>| match x {
        _ if whole(x, other) => abbrev_iu.to_string(),
        Some(fig) => fig.iu_cell(),
        None => "0".to_string(),
    };
    (cell(&f.d3, &f.d2), cell(&f.d2, &f.d3), iu(rest), "usda")
}

/// `v` is ABBREV's figure `abbrev` (or ABBREV has none) within USDA's rounding.
fn agrees(v: f64, abbrev: &str, rounding: f64) -> bool {
    abbrev
        .parse::<f64>()
        .map_or(true, |a| (a - v).abs() <= rounding)
}

/// Rounds to 0.1 (USDA prints vitamin D in µg to one decimal).
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// µg of vitamin D as IU (1 µg = 40 IU), printed without trailing zeros.
pub fn iu(mcg: f64) -> String {
    let s = format!("{:.3}", mcg * 40.0);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
