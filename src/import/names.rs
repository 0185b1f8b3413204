//! What an imported item's name says: the form of its vitamin D and K, the medicine it is, the
//! supplement tags the warning rules read. Matching is on lower-case words, so "MK7" in
//! "Vitamin K2 MK7 (as menaquinone-7)" matches and "mk7" inside another word does not.
//! Documented in the README ("Bring your history").

use crate::domain::Nutrient;

/// The vitamin D form a name gives: `None` when it names none.
pub fn d_form(name: &str) -> Option<Nutrient> {
    let w = words(name);
    if has_any(&w, &["cholecalciferol", "d3"]) {
        Some(Nutrient::VitaminD3)
    } else if has_any(&w, &["ergocalciferol", "d2"]) {
        Some(Nutrient::VitaminD2)
    } else {
        None
    }
}

/// The vitamin K form a name gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KForm {
    /// K1, MK-4 or MK-7, named.
    Known(Nutrient),
    /// "K2" or "menaquinone" without saying which: K2 of other or unknown form.
    K2Unnamed,
    /// Nothing named.
    None,
}

pub fn k_form(name: &str) -> KForm {
    let w = words(name);
    if has_any(&w, &["phytonadione", "phylloquinone", "k1"]) {
        KForm::Known(Nutrient::K1)
    } else if has_any(&w, &["menaquinone-4", "mk-4", "mk4", "m4"]) || has_pair(&w, "mk", "4") {
        KForm::Known(Nutrient::K2Mk4)
    } else if has_any(&w, &["menaquinone-7", "mk-7", "mk7"]) || has_pair(&w, "mk", "7") {
        KForm::Known(Nutrient::K2Mk7)
    } else if has_any(&w, &["k2", "menaquinone", "menaquinones"]) {
        KForm::K2Unnamed
    } else {
        KForm::None
    }
}

/// The one nutrient a supplement's name is about (so a dose in its amount is that nutrient's),
/// or `None` when it names none or several ("Calcium + D3").
pub fn dose_nutrient(name: &str) -> Option<DoseOf> {
    let w = words(name);
    let d = d_form(name).is_some() || has_pair(&w, "vitamin", "d");
    let k = k_form(name) != KForm::None || has_pair(&w, "vitamin", "k");
    let other = has_any(
        &w,
        &[
            "calcium",
            "magnesium",
            "multivitamin",
            "multi",
            "iron",
            "zinc",
        ],
    );
    match (d, k, other) {
        (true, false, false) => Some(DoseOf::VitaminD),
        (false, true, false) => Some(DoseOf::VitaminK),
        _ => None,
    }
}

/// The nutrient a dose in `Amount` is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoseOf {
    VitaminD,
    VitaminK,
}

/// A medicine a name maps to: the catalog item whose tags the entry takes.
pub struct Medicine {
    /// Words (any of which) that name it: generic and brand names.
    pub words: &'static [&'static str],
    /// The key of the item in `assets/medications.toml` that carries its tags.
    pub item: &'static str,
}

/// Medicine names and brands, each to the catalog item of its class (tags drive the warnings).
pub const MEDICINES: &[Medicine] = &[
    Medicine {
        words: &[
            "levothyroxine",
            "l-thyroxine",
            "thyroxine",
            "synthroid",
            "levoxyl",
            "unithroid",
            "euthyrox",
            "tirosint",
            "eltroxin",
            "levothroid",
        ],
        item: "levothyroxine",
    },
    Medicine {
        words: &["warfarin", "coumadin", "jantoven", "marevan"],
        item: "warfarin",
    },
    Medicine {
        words: &["ferrous", "iron"],
        item: "iron",
    },
    Medicine {
        words: &["zinc"],
        item: "zinc",
    },
    Medicine {
        words: &["doxycycline", "vibramycin", "minocycline", "minocin"],
        item: "doxycycline",
    },
    Medicine {
        words: &["tetracycline"],
        item: "tetracycline",
    },
    Medicine {
        words: &["ciprofloxacin", "cipro", "moxifloxacin", "ofloxacin"],
        item: "ciprofloxacin",
    },
    Medicine {
        words: &["levofloxacin", "levaquin"],
        item: "levofloxacin",
    },
    Medicine {
        words: &["alendronate", "fosamax", "ibandronate", "boniva"],
        item: "alendronate",
    },
    Medicine {
        words: &["risedronate", "actonel", "atelvia"],
        item: "risedronate",
    },
];

/// The medicine a name is, if any. Iron and zinc only as the item itself ("Iron 65 mg",
/// "Zinc picolinate", "Ferrous sulfate"), never a food that mentions them ("Cereal, iron
/// fortified"): their word must come first.
pub fn medicine(name: &str) -> Option<&'static Medicine> {
    let w = words(name);
    MEDICINES.iter().find(|m| {
        let mineral = matches!(m.item, "iron" | "zinc");
        if mineral {
            w.first()
                .is_some_and(|first| m.words.contains(&first.as_str()))
        } else {
            has_any(&w, m.words)
        }
    })
}

/// Supplement tags the rules read, from the name: calcium salts, D and K supplements.
pub fn supplement_tags(name: &str) -> Vec<String> {
    let w = words(name);
    let mut tags: Vec<&str> = Vec::new();
    if has_any(&w, &["calcium"]) {
        if has_any(&w, &["citrate"]) {
            tags.push("calcium-citrate");
        }
        if has_any(&w, &["carbonate"]) {
            tags.push("calcium-carbonate");
        }
        tags.push("calcium-supplement");
    }
    if d_form(name).is_some() || has_pair(&w, "vitamin", "d") {
        tags.extend(["fat-soluble", "vitamin-d-supplement"]);
    }
    if k_form(name) != KForm::None || has_pair(&w, "vitamin", "k") {
        tags.extend(["fat-soluble", "vitamin-k-supplement"]);
    }
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        if !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    }
    out
}

/// Lower-case words: letters, digits and inner hyphens ("menaquinone-7", "mk-7").
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

fn has_any(words: &[String], any: &[&str]) -> bool {
    words.iter().any(|w| any.contains(&w.as_str()))
}

/// `a` directly followed by `b` ("vitamin d", "mk 7").
fn has_pair(words: &[String], a: &str, b: &str) -> bool {
    words.windows(2).any(|p| p[0] == a && p[1] == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_by_name() {
        let k = |n: &str| k_form(n);
        let known = |n| KForm::Known(n);
        let cases = [
            ("Vitamin K2 MK7 (as menaquinone-7)", known(Nutrient::K2Mk7)),
            ("Vitamin K2 as MK-4", known(Nutrient::K2Mk4)),
            ("Menaquinone-4 1 mg", known(Nutrient::K2Mk4)),
            ("K2 M4", known(Nutrient::K2Mk4)),
            ("Vitamin K1 (phytonadione)", known(Nutrient::K1)),
            ("Phylloquinone", known(Nutrient::K1)),
            ("Vitamin K2", KForm::K2Unnamed),
            ("Spinach, raw", KForm::None),
            ("Milk 4mk7x", KForm::None),
        ];
        for (name, want) in cases {
            assert_eq!(k(name), want, "{name}");
        }
        assert_eq!(
            d_form("Vitamin D3 (cholecalciferol)"),
            Some(Nutrient::VitaminD3)
        );
        assert_eq!(d_form("Ergocalciferol 50000 IU"), Some(Nutrient::VitaminD2));
        assert_eq!(d_form("Vitamin D"), None);
        assert_eq!(d_form("Salmon, d3x"), None);
    }

    #[test]
    fn medicines_by_generic_and_brand_name_and_not_foods_that_mention_a_mineral() {
        let m = |n: &str| medicine(n).map(|m| m.item);
        assert_eq!(m("Levothyroxine 50 mcg"), Some("levothyroxine"));
        assert_eq!(m("Synthroid"), Some("levothyroxine"));
        assert_eq!(m("Coumadin 5 mg"), Some("warfarin"));
        assert_eq!(m("Ferrous sulfate 325 mg"), Some("iron"));
        assert_eq!(m("Iron 65 mg"), Some("iron"));
        assert_eq!(m("Cereal, iron fortified"), None);
        assert_eq!(m("Zinc picolinate"), Some("zinc"));
        assert_eq!(m("Cipro 500"), Some("ciprofloxacin"));
        assert_eq!(m("Fosamax weekly"), Some("alendronate"));
        assert_eq!(m("Actonel"), Some("risedronate"));
        assert_eq!(m("Doxycycline hyclate"), Some("doxycycline"));
        assert_eq!(m("Milk, whole"), None);
    }

    #[test]
    fn a_dose_is_read_only_when_the_name_is_about_one_nutrient() {
        assert_eq!(dose_nutrient("Vitamin D3 5000"), Some(DoseOf::VitaminD));
        assert_eq!(dose_nutrient("Vitamin K2 MK7"), Some(DoseOf::VitaminK));
        assert_eq!(dose_nutrient("Calcium + Vitamin D3"), None);
        assert_eq!(dose_nutrient("D3 + K2"), None);
        assert_eq!(dose_nutrient("Fish oil"), None);
    }

    #[test]
    fn tags_for_the_rules() {
        assert_eq!(
            supplement_tags("Calcium Carbonate 600"),
            ["calcium-carbonate", "calcium-supplement"]
        );
        assert_eq!(
            supplement_tags("Vitamin D3"),
            ["fat-soluble", "vitamin-d-supplement"]
        );
        assert!(supplement_tags("Fish oil").is_empty());
    }
}
