//! What the synthetic diarist eats and takes: menus of catalog keys (curated, USDA, the user's own
//! items) for each part of the day, and the routine of supplements and medicines. No nutrient
//! figures live here: every amount comes from the catalog when an entry is logged.

/// One thing that may be logged, and the quantities it is logged in (picked at random; an empty
/// list means a serving, half, one and a half or two).
pub struct Choice {
    pub key: &'static str,
    pub qty: &'static [&'static str],
}

/// A part of the day: when it starts (minutes after midnight), how far it wanders either side,
/// how many distinct items are picked from its menu, and the meal label.
pub struct Slot {
    pub meal: Option<&'static str>,
    pub start: u32,
    pub spread: u32,
    pub picks: (usize, usize),
    /// Chance, in percent, that the slot happens at all on a day.
    pub chance: u32,
    pub menu: &'static [Choice],
}

const fn c(key: &'static str) -> Choice {
    Choice { key, qty: &[] }
}

const fn q(key: &'static str, qty: &'static [&'static str]) -> Choice {
    Choice { key, qty }
}

/// Quantities of a food when its choice gives none, weighted towards one serving.
pub const FOOD_QTY: &[&str] = &["1", "1", "1", "1", "0.5", "1.5", "2"];

const BREAKFAST: &[Choice] = &[
    q("milk", &["1 cup", "0.5 cup", "1.5 cup"]),
    c("yogurt"),
    c("egg-scrambled"),
    c("egg-hard-boiled"),
    c("cereal-fortified"),
    c("kefir"),
    c("natto"),
    c("plant-milk-fortified"),
    c("orange-juice-fortified"),
    c("cheddar"),
    c("usda-08121"), // oats, cooked with water
    c("usda-09040"), // bananas, raw
    c("usda-09050"), // blueberries, raw
    c("usda-18075"), // bread, whole-wheat
    c("usda-01001"), // butter, salted
    c("usda-16098"), // peanut butter, smooth
    c("usda-14180"), // coffee, brewed
    c("green-smoothie"),
];

const DRINKS: &[Choice] = &[
    c("usda-14180"), // coffee, brewed
    c("usda-14185"), // tea, oolong, brewed
    q("milk", &["0.25 cup", "0.5 cup"]),
    q("plant-milk-fortified", &["0.5 cup", "1 cup"]),
    c("usda-09003"), // apples, raw
];

const LUNCH: &[Choice] = &[
    c("usda-18075"), // bread, whole-wheat
    c("cheddar"),
    c("mozzarella"),
    c("ham"),
    c("tuna-light"),
    c("sardines"),
    c("salmon-canned-bone"),
    c("chicken-breast-rotisserie"),
    c("spinach-raw"),
    c("usda-11253"), // lettuce, green leaf
    c("usda-11529"), // tomatoes, red, raw
    c("usda-11124"), // carrots, raw
    c("usda-16015"), // black beans, boiled
    c("usda-20045"), // rice, white, cooked
    c("usda-09003"), // apples, raw
    c("yogurt-plain-lowfat"),
    c("tofu-calcium-sulfate"),
    c("green-smoothie"),
    c("work-canteen-lunch"),
];

const SNACK: &[Choice] = &[
    q("almonds", &["1 oz", "0.5 oz"]),
    c("cheese"),
    c("usda-09003"), // apples, raw
    c("usda-09200"), // oranges, raw
    c("usda-09050"), // blueberries, raw
    c("yogurt-plain-lowfat"),
    c("sesame-seeds"),
    c("kefir-lowfat"),
    q("milk", &["1 cup"]),
];

const DINNER: &[Choice] = &[
    c("sockeye-salmon"),
    c("usda-15237"), // salmon, Atlantic, farmed, cooked
    c("rainbow-trout"),
    c("herring"),
    c("chicken-thigh"),
    c("chicken-breast-roasted"),
    c("ground-beef-broiled"),
    c("grass-fed-beef"),
    c("shrimp"),
    c("usda-05064"), // chicken breast, roasted
    c("usda-20121"), // pasta, cooked
    c("usda-20045"), // rice, white, cooked
    c("usda-11674"), // potatoes, baked
    c("broccoli-boiled"),
    c("kale-cooked"),
    c("collard-greens-cooked"),
    c("bok-choy-cooked"),
    c("uv-mushrooms"),
    c("usda-11090"),                        // broccoli, raw
    q("usda-04053", &["1 tbsp", "2 tbsp"]), // olive oil
    c("usda-01032"),                        // parmesan, grated
    c("usda-11124"),                        // carrots, raw
    c("usda-11253"),                        // lettuce, green leaf
    c("aged-cheese"),
    c("tofu-calcium-sulfate"),
];

const EVENING: &[Choice] = &[
    c("usda-14185"), // tea, oolong, brewed
    c("cheese"),
    q("milk", &["1 cup"]),
    q("almonds", &["0.5 oz"]),
    c("usda-01128"), // egg, fried
];

/// The meals and snacks of a day, in time order (about 23 entries a day).
pub const MEALS: &[Slot] = &[
    slot(Some("breakfast"), 7 * 60 + 30, 45, (4, 6), 97, BREAKFAST),
    slot(None, 10 * 60 + 30, 30, (1, 2), 90, DRINKS),
    slot(Some("lunch"), 12 * 60 + 40, 40, (5, 8), 95, LUNCH),
    slot(Some("snack"), 15 * 60 + 45, 45, (1, 3), 85, SNACK),
    slot(Some("dinner"), 19 * 60, 45, (6, 9), 97, DINNER),
    slot(None, 21 * 60 + 30, 30, (1, 3), 70, EVENING),
];

const fn slot(
    meal: Option<&'static str>,
    start: u32,
    spread: u32,
    picks: (usize, usize),
    chance: u32,
    menu: &'static [Choice],
) -> Slot {
    Slot {
        meal,
        start,
        spread,
        picks,
        chance,
        menu,
    }
}

/// When a routine dose is taken, relative to the day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum At {
    /// Minutes after midnight (with a little wander).
    Clock(u32),
    /// Minutes after breakfast started.
    AfterBreakfast(u32),
    /// Minutes after dinner started.
    AfterDinner(u32),
}

/// A supplement or medicine taken every day (with the chance, in percent, it is not forgotten).
pub struct Dose {
    pub at: At,
    pub chance: u32,
    pub choices: &'static [Choice],
}

/// The daily routine: levothyroxine on waking, the morning stack, calcium with dinner, magnesium
/// at night. The morning stack is sometimes the user's own combined product.
pub const ROUTINE: &[Dose] = &[
    dose(
        At::Clock(6 * 60 + 40),
        97,
        &[q("levothyroxine", &["1 tablet"])],
    ),
    dose(
        At::AfterBreakfast(10),
        92,
        &[q("d3", &["1000 IU", "2000 IU", "2000 IU", "5000 IU"])],
    ),
    dose(
        At::AfterBreakfast(10),
        90,
        &[q("k2-mk7", &["100 mcg", "180 mcg"])],
    ),
    dose(
        At::AfterBreakfast(11),
        85,
        &[
            q("calcium-citrate", &["500 mg"]),
            q("bone-formula", &["1 capsule", "2 capsule"]),
        ],
    ),
    dose(
        At::AfterDinner(20),
        80,
        &[q("calcium-carbonate", &["500 mg", "600 mg"])],
    ),
    dose(
        At::Clock(22 * 60),
        85,
        &[q("magnesium", &["100 mg", "200 mg"])],
    ),
];

const fn dose(at: At, chance: u32, choices: &'static [Choice]) -> Dose {
    Dose {
        at,
        chance,
        choices,
    }
}

/// Once a week (Sunday, on waking): the bisphosphonate.
pub const WEEKLY: Choice = q("alendronate", &["1 tablet"]);
/// Once a year, a week of twice-daily antibiotic (which of the two depends on the year).
pub const ANTIBIOTICS: &[Choice] = &[
    q("doxycycline", &["1 tablet"]),
    q("ciprofloxacin", &["1 tablet"]),
];
/// Three months a year, an iron tablet mid-morning.
pub const IRON: Choice = q("iron", &["1 tablet"]);
