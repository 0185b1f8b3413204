//! The rules that decide, from a USDA food's group and name, what biology says where USDA's own
//! data is silent: the form of vitamin D in animal foods and UV mushrooms, and that foods of plant
//! origin that are not fermented carry no menaquinones (vitamin K2).
//!
//! Sources: ODS vitamin D fact sheet (in fatty fish, fish-liver oils, liver, egg yolk, meat and
//! cheese the vitamin D is mainly D3; UV-exposed mushrooms give D2); ODS vitamin K fact sheet
//! (menaquinones are of bacterial origin, present in animal-based and fermented foods; MK-4 is made
//! in animal tissue). Every word list below errs towards "no rule" (the value stays unknown).

/// USDA food groups whose foods are of animal origin: dairy and egg, poultry, sausages and
/// luncheon meats, pork, beef, fish and shellfish, lamb, veal and game.
pub const ANIMAL_GROUPS: [&str; 7] = ["0100", "0500", "0700", "1000", "1300", "1500", "1700"];

/// USDA food groups of plant foods: spices and herbs, fruits, vegetables, nuts and seeds, legumes,
/// cereal grains and pasta (each food still passes the name checks below).
pub const PLANT_GROUPS: [&str; 6] = ["0200", "0900", "1100", "1200", "1600", "2000"];

/// Animal fats and fish-liver oils in the fats-and-oils group (0400), by name.
const ANIMAL_FATS: [&str; 9] = [
    "fish oil",
    "cod liver",
    "lard",
    "tallow",
    "animal fat",
    "fat chicken",
    "fat turkey",
    "fat duck",
    "fat goose",
];

/// Words (a word start; a trailing space asks for the whole word) naming an added vitamin: the
/// form of added vitamin D varies by product, so no rule gives it.
const FORTIFIED: [&str; 5] = [
    "fortified",
    "with added",
    "added vitamin",
    "vitamin d",
    "enriched",
];

/// Names of plant foods made with animal ingredients, or that may be (conservatively).
const ANIMAL_WORDS: [&str; 46] = [
    "milk ",
    "milks ",
    "milkfat",
    "buttermilk",
    "butter ",
    "cheese",
    "cream ",
    "creamed",
    "creamer",
    "creamy",
    "egg ",
    "eggs ",
    "yogurt",
    "whey",
    "casein",
    "honey",
    "meat",
    "beef",
    "pork",
    "ham ",
    "bacon",
    "chicken",
    "turkey",
    "lamb",
    "veal",
    "fish",
    "tuna",
    "salmon",
    "shrimp",
    "anchov",
    "sardine",
    "lard",
    "gelatin",
    "souffle",
    "mayonnaise",
    "sausage",
    "ghee",
    "gratin",
    "scalloped",
    "home-prepared",
    "home prepared",
    "recipe",
    "breaded",
    "batter",
    "fresh-refrigerated",
    "refried",
];

/// Plant phrases that contain an animal word (`peanut butter`, `soy milk`): removed first.
const PLANT_PHRASES: [&str; 11] = [
    "peanut butter",
    "almond butter",
    "cashew butter",
    "sesame butter",
    "cocoa butter",
    "apple butter",
    "soy milk",
    "almond milk",
    "coconut milk",
    "rice milk",
    "oat milk",
];

/// Fermented foods (bacteria make menaquinones) and foods whose making may involve fermentation.
const FERMENTED: [&str; 27] = [
    "natto",
    "miso",
    "tempeh",
    "sauerkraut",
    "kimchi",
    "soy sauce",
    "tamari",
    "shoyu",
    "ferment",
    "cultured",
    "pickle",
    "relish",
    "sourdough",
    "vinegar",
    "kombucha",
    "wine",
    "beer",
    "sake ",
    "fish sauce",
    "bean paste",
    "poi ",
    "olives ",
    "caper",
    "cocoa",
    "chocolate",
    "cacao",
    "vanilla",
];

/// Not plants: fungi, algae and bacteria (spirulina). (Salt, a mineral, is left out by name.)
const NOT_PLANTS: [&str; 6] = [
    "mushroom",
    "fungi",
    "yeast",
    "seaweed",
    "spirulina",
    "algae",
];

/// Beverages (group 1400) of plant origin, by name.
const PLANT_DRINKS: [&str; 8] = [
    "coffee ",
    "tea ",
    "juice",
    "soy milk",
    "soymilk",
    "almond milk",
    "rice milk",
    "oat milk",
];

/// How the form of a vitamin D total that USDA does not split is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DRule {
    /// An animal food, fish-liver oil or animal fat: D3 (ODS).
    Animal,
    /// A mushroom exposed to UV light: D2 (ODS).
    UvMushroom,
    /// No rule: the form stays unknown (plant, mixed and fortified foods).
    None,
}

/// The name as ` word word `, lower case, punctuation as spaces, for word-start matching.
fn words(name: &str) -> String {
    let mut out = String::from(" ");
    for w in name
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
    {
        out.push_str(w);
        out.push(' ');
    }
    out
}

/// `term` starts a word of `w` (a trailing space in `term` asks for the whole word).
fn has(w: &str, term: &str) -> bool {
    w.contains(&format!(" {term}"))
}

fn any(w: &str, terms: &[&str]) -> bool {
    terms.iter().any(|t| has(w, t))
}

/// The rule for the form of vitamin D of a food USDA gives no split for.
pub fn d_rule(group: &str, name: &str) -> DRule {
    let w = words(name);
    let animal = ANIMAL_GROUPS.contains(&group) || (group == "0400" && any(&w, &ANIMAL_FATS));
    if animal && !any(&w, &FORTIFIED) {
        DRule::Animal
    } else if has(&w, "mushroom") && (has(&w, "ultraviolet") || has(&w, "uv ")) {
        DRule::UvMushroom
    } else {
        DRule::None
    }
}

/// A food of plant origin that is not fermented: it carries no menaquinones (ODS vitamin K fact
/// sheet). Fermented foods are excluded by name, as are plant dishes naming (or likely holding)
/// animal ingredients, and fungi, algae and minerals.
pub fn no_menaquinones(group: &str, name: &str) -> bool {
    let mut w = words(name);
    for p in PLANT_PHRASES {
        w = w.replace(&format!(" {p} "), " plant-phrase ");
    }
    let plant = match group {
        g if PLANT_GROUPS.contains(&g) => true,
        "0400" => w.starts_with(" oil "),
        "0800" => true,
        "1400" => any(&words(name), &PLANT_DRINKS),
        _ => false,
    };
    plant
        && !w.starts_with(" salt ")
        && !any(&w, &ANIMAL_WORDS)
        && !any(&w, &FERMENTED)
        && !any(&w, &NOT_PLANTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vitamin_d_form_rules() {
        let cases = [
            ("0400", "Fish oil, cod liver", DRule::Animal),
            ("0400", "Lard", DRule::Animal),
            ("0400", "Fat, beef tallow", DRule::Animal),
            ("1500", "Fish, salmon, Atlantic, farmed, raw", DRule::Animal),
            ("0100", "Cheese, cotija", DRule::Animal),
            (
                "0100",
                "Milk, lowfat, fluid, 1% milkfat, with added vitamin A and vitamin D",
                DRule::None,
            ),
            (
                "0400",
                "Margarine, regular, with added vitamin D",
                DRule::None,
            ),
            (
                "1100",
                "Mushrooms, portabella, exposed to ultraviolet light, raw",
                DRule::UvMushroom,
            ),
            ("1100", "Mushrooms, white, raw", DRule::None),
            ("1600", "SILK Plain, soymilk", DRule::None),
        ];
        for (g, name, want) in cases {
            assert_eq!(d_rule(g, name), want, "{name}");
        }
    }

    #[test]
    fn plant_foods_that_are_not_fermented_have_no_menaquinones() {
        let yes = [
            ("1100", "Kale, cooked, boiled, drained, without salt"),
            ("1200", "Nuts, almonds"),
            ("1600", "Tofu, raw, firm, prepared with calcium sulfate"),
            ("1600", "Peanut butter, smooth style, with salt"),
            ("1600", "Soymilk (all flavors), enhanced"),
            ("1100", "Eggplant, raw"),
            ("0400", "Oil, olive, salad or cooking"),
            ("1400", "Beverages, coffee, brewed, prepared with tap water"),
            ("0900", "Orange juice, raw"),
            ("2000", "Rice, white, long-grain, regular, cooked"),
        ];
        for (g, name) in yes {
            assert!(no_menaquinones(g, name), "{name}");
        }
        let no = [
            ("1600", "Natto"),
            ("1600", "Miso"),
            ("1600", "Tempeh"),
            ("1100", "Sauerkraut, canned, solids and liquids"),
            ("1100", "Cabbage, kimchi"),
            ("1600", "Soy sauce made from soy and wheat (shoyu)"),
            ("1100", "Pickles, cucumber, dill or kosher dill"),
            (
                "1100",
                "Potatoes, mashed, home-prepared, whole milk and butter added",
            ),
            ("2000", "Noodles, egg, enriched, cooked"),
            ("1100", "Mushrooms, white, raw"),
            ("1100", "Seaweed, spirulina, dried"),
            ("0100", "Milk, whole, 3.25% milkfat"),
            ("1500", "Fish, sardine, Atlantic, canned in oil"),
            ("0400", "Fish oil, cod liver"),
            ("1400", "Alcoholic beverage, wine, table, red"),
            ("0800", "Cereals ready-to-eat, HONEY NUT CHEERIOS"),
        ];
        for (g, name) in no {
            assert!(!no_menaquinones(g, name), "{name}");
        }
    }
}
