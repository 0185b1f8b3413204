//! Every threshold, window, severity and source of the warning rules, in one place.
//!
//! Figures are from `nutrients.md` §5–6; the rule functions read them from here and hold no
//! literals of their own. Windows are in minutes, amounts in the nutrient's unit.

use super::rule::{Reads, Rule, When};
use super::{Severity, doses, fat, history, spacing};

/// Calendar days of history the caller passes in (see [`super::HISTORY_DAYS`]): the history
/// rules use the previous 7 *logged* days, looked for within the last 4 weeks.
pub const HISTORY_DAYS: i64 = 28;

/// The tag of warfarin and its kin: on a day it is logged the vitamin K rules apply.
pub const ANTAGONIST_TAG: &str = "vitamin-k-antagonist";
/// Tags that say an entry is a calcium supplement even when its amount is unknown.
pub const CALCIUM_TAGS: &[&str] = &["calcium-citrate", "calcium-carbonate", "calcium-supplement"];
/// Calcium carbonate: taken with food (take-with-fat).
pub const CARBONATE_TAG: &str = "calcium-carbonate";
/// A vitamin K supplement even when its amount is unknown (warfarin, take-with-fat).
pub const K_SUPPLEMENT_TAG: &str = "vitamin-k-supplement";
/// A vitamin D supplement even when its amount is unknown (take-with-fat).
pub const D_SUPPLEMENT_TAG: &str = "vitamin-d-supplement";
/// Any other supplement to take with fat.
pub const FAT_SOLUBLE_TAG: &str = "fat-soluble";

/// Every tag some rule reads: an item tag outside this list does nothing (a test holds the
/// built-in items to it).
pub fn tags_read() -> Vec<&'static str> {
    let mut out = vec![
        ANTAGONIST_TAG,
        K_SUPPLEMENT_TAG,
        D_SUPPLEMENT_TAG,
        FAT_SOLUBLE_TAG,
        CARBONATE_TAG,
    ];
    out.extend(CALCIUM_TAGS);
    out.extend(SPACINGS.iter().flat_map(|s| s.partner_tags.iter().copied()));
    out
}

pub const SINGLE_DOSE: &str = "calcium-single-dose";
pub const DAILY_LIMIT: &str = "calcium-daily-limit";
pub const MG_LIMIT: &str = "magnesium-supplement-limit";
pub const IRON_ZINC: &str = "calcium-iron-zinc-spacing";
pub const LEVOTHYROXINE: &str = "calcium-levothyroxine-spacing";
pub const ANTIBIOTIC: &str = "calcium-antibiotic-spacing";
pub const BISPHOSPHONATE: &str = "calcium-bisphosphonate-spacing";
pub const K_WARFARIN: &str = "vitamin-k-warfarin";
pub const K_CONSISTENCY: &str = "vitamin-k-consistency";
pub const TAKE_WITH_FAT: &str = "take-with-fat";
pub const D_UPPER: &str = "vitamin-d-upper-limit";
pub const K2_HIGH: &str = "vitamin-k2-high-dose";
pub const CA_MG_RATIO: &str = "calcium-magnesium-ratio";
pub const DOSE_TIME: &str = "dose-time-consistency";

/// Every rule, in the order warnings are listed within one severity: adding a rule is adding a
/// row (its id, figures and source go above and below, its function in a sibling module).
pub const RULES: &[Rule] = &[
    Rule {
        id: K_WARFARIN,
        severity: Severity::Alert,
        figure: "any vitamin K supplement on a day the profile or the diary shows warfarin",
        source: SRC_WARFARIN,
        when: When::OnWarfarin,
        reads: Reads::Day,
        run: |v, _| doses::warfarin(v),
    },
    Rule {
        id: DAILY_LIMIT,
        severity: Severity::Caution,
        figure: "the day's calcium from all sources is above the lowest of the profile's limits, whichever set it uses (official UL 2,500 mg at 19–50, 2,000 mg at 51+; the articles' 2,500 mg); the message names every limit crossed and its source",
        source: SRC_DAILY_LIMIT,
        when: When::Always,
        reads: Reads::Day,
        run: |v, ctx| doses::daily_limit(v, ctx).into_iter().collect(),
    },
    Rule {
        id: MG_LIMIT,
        severity: Severity::Caution,
        figure: "the day's magnesium from supplements and medications (food not counted) is above the official UL of 350 mg from supplements; the message names the limit and its source",
        source: SRC_MG_LIMIT,
        when: When::Always,
        reads: Reads::Day,
        run: |v, ctx| doses::magnesium_limit(v, ctx).into_iter().collect(),
    },
    Rule {
        id: D_UPPER,
        severity: Severity::Alert,
        figure: "the day's vitamin D is above 4,000 IU (caution: official UL) or above 5,000 IU (alert: above the articles' range)",
        source: SRC_D_UPPER,
        when: When::Always,
        reads: Reads::Day,
        run: |v, _| doses::vitamin_d(v).into_iter().collect(),
    },
    Rule {
        id: K2_HIGH,
        severity: Severity::Alert,
        figure: "the day's supplement K2 is above 200 mcg (info: above bone support) or above 45 mg (alert: therapeutic)",
        source: SRC_K2_HIGH,
        when: When::Always,
        reads: Reads::Day,
        run: |v, _| doses::k2_high(v).into_iter().collect(),
    },
    Rule {
        id: LEVOTHYROXINE,
        severity: Severity::Caution,
        figure: "calcium and levothyroxine less than 4 h apart (info when the calcium is food: from 130 mg, intake's threshold)",
        source: SRC_LEVOTHYROXINE,
        when: When::Always,
        reads: Reads::DayBefore,
        run: |v, _| spacing::spacing(v, LEVOTHYROXINE),
    },
    Rule {
        id: ANTIBIOTIC,
        severity: Severity::Caution,
        figure: "a tetracycline less than 2 h before or 4 h after calcium (info from 4 to 6 h after), a fluoroquinolone less than 2 h before or 6 h after; info when the calcium is food (from 130 mg, intake's threshold)",
        source: SRC_ANTIBIOTIC,
        when: When::Always,
        reads: Reads::DayBefore,
        run: |v, _| spacing::spacing(v, ANTIBIOTIC),
    },
    Rule {
        id: BISPHOSPHONATE,
        severity: Severity::Caution,
        figure: "calcium less than 2 h after a bisphosphonate (info when the calcium is food: from 130 mg, intake's threshold)",
        source: SRC_BISPHOSPHONATE,
        when: When::Always,
        reads: Reads::DayBefore,
        run: |v, _| spacing::spacing(v, BISPHOSPHONATE),
    },
    Rule {
        id: IRON_ZINC,
        severity: Severity::Caution,
        figure: "calcium and an iron or zinc item less than 2 h apart (info when the calcium is food: from 130 mg, intake's threshold)",
        source: SRC_IRON_ZINC,
        when: When::Always,
        reads: Reads::DayBefore,
        run: |v, _| spacing::spacing(v, IRON_ZINC),
    },
    Rule {
        id: K_CONSISTENCY,
        severity: Severity::Caution,
        figure: "on warfarin, the day's vitamin K (K1 + every K2 form) is more than 30 % above or below the mean of the previous 7 logged days, needing at least 3 (30 %, 7 and 3: intake's threshold)",
        source: SRC_WARFARIN,
        when: When::OnWarfarin,
        reads: Reads::LoggedDays(K_HISTORY_LOGGED_DAYS),
        run: |v, _| history::k_consistency(v).into_iter().collect(),
    },
    Rule {
        id: SINGLE_DOSE,
        severity: Severity::Caution,
        figure: "supplement calcium taken within 1 h (inclusive; the 1 h is intake's threshold) sums to more than 500 mg",
        source: SRC_SINGLE_DOSE,
        when: When::Always,
        reads: Reads::DayBefore,
        run: |v, _| spacing::single_dose(v),
    },
    Rule {
        id: TAKE_WITH_FAT,
        severity: Severity::Info,
        figure: "a D3 or K2 supplement, or calcium carbonate, with no food logged within 1 h, or only food known to hold under 5 g fat (1 h and 5 g: intake's threshold)",
        source: SRC_FAT,
        when: When::Always,
        // The usual meals (the message names one holding fat) are read from these days, only
        // on a day the rule warns: whether it does needs fat within 1 h, on the day or the day
        // before.
        reads: Reads::WordedFromLoggedDays(crate::domain::plan::HISTORY_LOGGED_DAYS),
        run: |v, _| fat::take_with_fat(v),
    },
    Rule {
        id: CA_MG_RATIO,
        severity: Severity::Info,
        figure: "calcium : magnesium above 2 : 1, when every entry's magnesium is known",
        source: SRC_RATIO,
        when: When::Always,
        reads: Reads::Day,
        run: |v, _| doses::ratio(v).into_iter().collect(),
    },
    Rule {
        id: DOSE_TIME,
        severity: Severity::Info,
        figure: "a supplement more than 3 h from its median time over the previous 7 days it was logged, needing at least 3 (3 h, 7 and 3: intake's threshold)",
        source: SRC_DOSE_TIME,
        when: When::Always,
        reads: Reads::LastDoses(DOSE_TIME_DOSES),
        run: |v, _| history::dose_time(v),
    },
];

pub const SRC_SINGLE_DOSE: &str = "seed 001; ODS calcium";
pub const SRC_DAILY_LIMIT: &str =
    "seed 001 (2,500 mg); ODS calcium UL (2,500 mg 19–50, 2,000 mg 51+)";
pub const SRC_MG_LIMIT: &str = "ODS magnesium UL (350 mg from supplements only)";
pub const SRC_IRON_ZINC: &str = "seed 001";
pub const SRC_LEVOTHYROXINE: &str = "seed 001; levothyroxine label";
pub const SRC_TETRACYCLINE: &str = "seed 001; drug labels";
pub const SRC_FLUOROQUINOLONE: &str = "seed 001; ciprofloxacin label";
pub const SRC_ANTIBIOTIC: &str = "seed 001; drug labels; ciprofloxacin label";
pub const SRC_BISPHOSPHONATE: &str = "seed 001";
pub const SRC_WARFARIN: &str = "seed 001";
/// K2 with fat is the article's (seed 001 names calcium and K2); D3 with fat is ODS vitamin D's.
pub const SRC_FAT_K2: &str = "seed 001";
pub const SRC_FAT_D3: &str = "ODS vitamin D";
pub const SRC_FAT_D3_K2: &str = "seed 001; ODS vitamin D";
pub const SRC_FAT_CARBONATE: &str = "ODS calcium; seed 001";
pub const SRC_FAT: &str =
    "seed 001 (calcium, K2); ODS vitamin D (D3); ODS calcium (carbonate needs food)";
pub const SRC_D_UPPER: &str = "ODS vitamin D (UL 4,000 IU); seed 000 (5,000 IU)";
pub const SRC_K2_HIGH: &str = "seed 001";
pub const SRC_RATIO: &str = "seed 001";
pub const SRC_DOSE_TIME: &str = "seed 001";

// ---- calcium sources and doses ----

/// Supplement calcium (mg) within [`SINGLE_DOSE_WINDOW_MIN`] above which a dose is too big.
pub const SINGLE_DOSE_MG: f64 = 500.0;
/// Doses at most this far apart (inclusive) count as one dose.
pub const SINGLE_DOSE_WINDOW_MIN: i64 = 60;
/// A food counts as a calcium source for the spacing rules from this much calcium (mg): about
/// a tenth of the daily value, e.g. a cup of milk or a slice of cheese, not a slice of bread.
/// intake's threshold: the sources speak of calcium-rich food without a figure.
pub const FOOD_CALCIUM_MG: f64 = 130.0;
/// What messages say of a figure that is intake's own choice, not a source's.
pub const OURS: &str = "intake's threshold";

// ---- spacing ----

/// One spacing rule: a partner (by tag) must not be too close to calcium.
///
/// With `gap` = calcium time − partner time, the rule fires when the partner came first and
/// `0 <= gap < partner_first_min`, or calcium came first and `0 <= -gap < calcium_first_upto_min`
/// (at the rule's severity below `calcium_first_min`, info from there on: a source that gives a
/// range, tetracyclines 4–6 h after calcium). A window of 0 never fires on that side.
#[derive(Debug, Clone, Copy)]
pub struct Spacing {
    pub rule: &'static str,
    pub partner_tags: &'static [&'static str],
    pub partner_first_min: i64,
    pub calcium_first_min: i64,
    /// The far end of a range the source gives (else `calcium_first_min`).
    pub calcium_first_upto_min: i64,
    pub severity: Severity,
    pub source: &'static str,
    /// What the source advises, ending the message ("the source advises …").
    pub advice: &'static str,
}

impl Spacing {
    /// Whether calcium `gap` minutes after the partner (negative: before it) is too close.
    /// The one reading of the windows, for the warnings and the plan alike.
    pub fn too_close(&self, gap: i64) -> bool {
        self.severity_at(gap).is_some()
    }

    /// How loud calcium `gap` minutes after the partner is (supplement or medicine calcium;
    /// food ranks lower, see the spacing rule): `None` when it is far enough.
    pub fn severity_at(&self, gap: i64) -> Option<Severity> {
        if gap >= 0 {
            (gap < self.partner_first_min).then_some(self.severity)
        } else if -gap < self.calcium_first_min {
            Some(self.severity)
        } else {
            (-gap < self.calcium_first_upto_min).then_some(Severity::Info)
        }
    }

    /// The longest window either side: how far a partner can be and still matter.
    pub fn reach(&self) -> i64 {
        self.partner_first_min
            .max(self.calcium_first_min)
            .max(self.calcium_first_upto_min)
    }

    /// Whether an entry carries one of the partner tags.
    pub fn is_partner(&self, e: &crate::domain::entry::Entry) -> bool {
        self.partner_tags.iter().any(|t| e.has_tag(t))
    }
}

pub const SPACINGS: &[Spacing] = &[
    Spacing {
        rule: IRON_ZINC,
        partner_tags: &["iron", "zinc"],
        partner_first_min: 120,
        calcium_first_min: 120,
        calcium_first_upto_min: 120,
        severity: Severity::Caution,
        source: SRC_IRON_ZINC,
        advice: "at least 2 h between calcium and iron or zinc",
    },
    Spacing {
        rule: LEVOTHYROXINE,
        partner_tags: &["thyroid-hormone"],
        partner_first_min: 240,
        calcium_first_min: 240,
        calcium_first_upto_min: 240,
        severity: Severity::Caution,
        source: SRC_LEVOTHYROXINE,
        advice: "at least 4 h between calcium and levothyroxine",
    },
    Spacing {
        rule: ANTIBIOTIC,
        partner_tags: &["tetracycline"],
        partner_first_min: 120,
        calcium_first_min: 240,
        calcium_first_upto_min: 360,
        severity: Severity::Caution,
        source: SRC_TETRACYCLINE,
        advice: "a tetracycline at least 2 h before or 4–6 h after calcium",
    },
    Spacing {
        rule: ANTIBIOTIC,
        partner_tags: &["fluoroquinolone"],
        partner_first_min: 120,
        calcium_first_min: 360,
        calcium_first_upto_min: 360,
        severity: Severity::Caution,
        source: SRC_FLUOROQUINOLONE,
        advice: "a fluoroquinolone at least 2 h before or 6 h after calcium",
    },
    Spacing {
        rule: BISPHOSPHONATE,
        partner_tags: &["bisphosphonate"],
        partner_first_min: 120,
        calcium_first_min: 0,
        calcium_first_upto_min: 0,
        severity: Severity::Caution,
        source: SRC_BISPHOSPHONATE,
        advice: "calcium at least 2 h after a bisphosphonate",
    },
];

// ---- daily amounts ----

/// Vitamin D (IU, all forms, all sources): above the official UL, and above the articles' range.
pub const D_OFFICIAL_UL_IU: f64 = 4000.0;
pub const D_SEED_MAX_IU: f64 = 5000.0;
/// Supplement K2 (mcg, MK-4 + MK-7): above the bone-support range, and a therapeutic dose.
pub const K2_BONE_MAX_MCG: f64 = 200.0;
pub const K2_THERAPEUTIC_MCG: f64 = 45_000.0;
/// Calcium : magnesium above this ratio.
pub const CA_MG_MAX_RATIO: f64 = 2.0;

// ---- take with fat ----

/// Food within this many minutes (either side, inclusive) counts as taken with food.
pub const FAT_WINDOW_MIN: i64 = 60;
/// That food should hold at least this much fat (g) in total.
pub const FAT_MIN_G: f64 = 5.0;

// ---- history ----

/// Vitamin K on warfarin: the day may differ from the mean by at most this many percent.
pub const K_MAX_CHANGE_PCT: i64 = 30;
/// The mean is over this many previous logged days (days with any entry)…
pub const K_HISTORY_LOGGED_DAYS: usize = 7;
/// …and needs at least this many of them to say anything.
pub const K_MIN_LOGGED_DAYS: usize = 3;
/// A supplement more than this many minutes from its usual time.
pub const DOSE_TIME_MAX_MIN: i64 = 180;
/// Its usual time is the median over this many previous days on which it was logged…
pub const DOSE_TIME_HISTORY_DAYS: usize = 7;
/// …and needs at least this many such days.
pub const DOSE_TIME_MIN_DAYS: usize = 3;
/// The earlier entries of a supplement that decide its usual time: the rule walks back through
/// the days it was logged and stops after DOSE_TIME_HISTORY_DAYS of them or at the first day it
/// was logged twice, so its latest DOSE_TIME_HISTORY_DAYS + 1 entries are all it can read.
pub const DOSE_TIME_DOSES: usize = DOSE_TIME_HISTORY_DAYS + 1;

/// The rule's listing order (for sorting warnings).
pub fn order(rule: &str) -> usize {
    RULES
        .iter()
        .position(|r| r.id == rule)
        .unwrap_or(RULES.len())
}
