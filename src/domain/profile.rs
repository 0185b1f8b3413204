//! The user's profile and the daily targets it selects.

use super::nutrient::Shown;
use super::value::Total;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Goal {
    General,
    Bone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RefSet {
    Seed,
    Official,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub age: u8,
    pub sex: Sex,
    pub goal: Goal,
    pub reference: RefSet,
    pub warfarin: bool,
    /// Items whose daily time the user fixed for the plan (`intake plan --fix ITEM=HH:MM`), by
    /// item key. Left out of the stored JSON when empty.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fixed_times: std::collections::BTreeMap<String, chrono::NaiveTime>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            age: 40,
            sex: Sex::Female,
            goal: Goal::General,
            reference: RefSet::Seed,
            warfarin: false,
            fixed_times: Default::default(),
        }
    }
}

#[derive(Debug, Error, PartialEq)]
pub enum ProfileError {
    #[error("bad {field} `{value}`: accepted {accepted}")]
    Bad {
        field: &'static str,
        value: String,
        accepted: &'static str,
    },
}

fn bad(field: &'static str, value: &str, accepted: &'static str) -> ProfileError {
    ProfileError::Bad {
        field,
        value: value.to_string(),
        accepted,
    }
}

impl Profile {
    /// Sets one field from text, as `intake profile set` and the TUI do.
    pub fn set(&mut self, field: &str, value: &str) -> Result<(), ProfileError> {
        let v = value.trim().to_lowercase();
        match field {
            "age" => {
                self.age = v
                    .parse::<u8>()
                    .ok()
                    .filter(|a| (19..=120).contains(a))
                    .ok_or_else(|| bad("age", value, "are whole years 19 to 120 (adult targets)"))?
            }
            "sex" => {
                self.sex = match v.as_str() {
                    "female" | "f" => Sex::Female,
                    "male" | "m" => Sex::Male,
                    _ => return Err(bad("sex", value, "are `female` or `male`")),
                }
            }
            "goal" => {
                self.goal = match v.as_str() {
                    "general" => Goal::General,
                    "bone" => Goal::Bone,
                    _ => return Err(bad("goal", value, "are `general` or `bone`")),
                }
            }
            "reference" => {
                self.reference = match v.as_str() {
                    "seed" => RefSet::Seed,
                    "official" => RefSet::Official,
                    _ => return Err(bad("reference", value, "are `seed` or `official`")),
                }
            }
            "warfarin" => {
                self.warfarin = match v.as_str() {
                    "yes" | "true" | "on" | "1" => true,
                    "no" | "false" | "off" | "0" => false,
                    _ => return Err(bad("warfarin", value, "are `yes` or `no`")),
                }
            }
            _ => {
                return Err(bad(
                    "profile field",
                    field,
                    "are age, sex, goal, reference, warfarin",
                ));
            }
        }
        Ok(())
    }

    pub fn summary(&self) -> String {
        let s = match self.sex {
            Sex::Female => "female",
            Sex::Male => "male",
        };
        let g = match self.goal {
            Goal::General => "general",
            Goal::Bone => "bone",
        };
        let r = match self.reference {
            RefSet::Seed => "seed",
            RefSet::Official => "official",
        };
        let w = if self.warfarin { ", on warfarin" } else { "" };
        format!("{} {s}, goal {g}, targets {r}{w}", self.age)
    }
}

/// What counts toward a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Counts {
    /// Food, supplements and medicines.
    All,
    /// Supplements and medicines only (the magnesium UL).
    Supplements,
}

/// One upper limit of a nutrient, with the set it belongs to, its name and its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Limit {
    pub amount: f64,
    pub set: RefSet,
    pub counts: Counts,
    /// How the surfaces call it: "official UL", "seed max".
    pub name: String,
    pub source: String,
}

impl Limit {
    /// "official UL 2000 mg": its name and amount.
    pub fn label(&self, unit: &str) -> String {
        format!("{} {unit}", self.label_short())
    }

    /// "official UL 2000": its name and amount, without the unit.
    pub fn label_short(&self) -> String {
        format!("{} {}", self.name, super::nutrient::fmt_amount(self.amount))
    }
}

/// One nutrient's target for a profile. Any part may be absent (the source gives no figure).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(into = "TargetJson")]
pub struct Target {
    pub nutrient: Shown,
    pub target: Option<f64>,
    pub band: Option<(f64, f64)>,
    /// Every limit the profile has for the nutrient, from both reference sets, lowest first:
    /// an official upper limit is never hidden behind a seed one.
    pub limits: Vec<Limit>,
    pub source: String,
}

/// A target as `intake day --json` gives it: `limit` is the one in force (see [`Target::limit`]).
#[derive(Serialize)]
struct TargetJson {
    nutrient: Shown,
    target: Option<f64>,
    band: Option<(f64, f64)>,
    limit: Option<f64>,
    limits: Vec<Limit>,
    source: String,
}

impl From<Target> for TargetJson {
    fn from(t: Target) -> TargetJson {
        TargetJson {
            limit: t.limit_amount(),
            nutrient: t.nutrient,
            target: t.target,
            band: t.band,
            limits: t.limits,
            source: t.source,
        }
    }
}

/// Where a total stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    NoTarget,
    Below,
    Within,
    Above,
    OverLimit,
}

impl Target {
    pub fn none(nutrient: Shown) -> Target {
        Target {
            nutrient,
            target: None,
            band: None,
            limits: Vec::new(),
            source: "no figure in the reference set".into(),
        }
    }

    /// The limit in force: the lowest on the total from all sources (the bar draws it as the
    /// limit and the standing uses it); the others are marked and named beside it.
    pub fn limit(&self) -> Option<&Limit> {
        self.limits
            .iter()
            .filter(|l| l.counts == Counts::All)
            .min_by(|a, b| a.amount.total_cmp(&b.amount))
    }

    pub fn limit_amount(&self) -> Option<f64> {
        self.limit().map(|l| l.amount)
    }

    /// The limits other than the one in force.
    pub fn other_limits(&self) -> impl Iterator<Item = &Limit> {
        let main = self.limit();
        self.limits
            .iter()
            .filter(move |l| !main.is_some_and(|m| std::ptr::eq(*l, m)))
    }

    /// "limit official UL 2000, seed max 2500": every limit by name, the one in force first.
    pub fn limits_text(&self) -> Option<String> {
        let main = self.limit().map(|l| format!("limit {}", l.label_short()));
        let others = self.other_limits().map(|l| l.label_short());
        let all: Vec<String> = main.into_iter().chain(others).collect();
        (!all.is_empty()).then(|| all.join(", "))
    }

    /// True when the source gives a target or band to measure against (else amount only).
    pub fn has_target(&self) -> bool {
        self.target.is_some() || self.band.is_some()
    }

    /// The percentage of the target a total reaches; `None` without a target, or when the total
    /// says nothing (nothing logged, or entirely unknown): never 0 for unknown.
    pub fn pct_of(&self, t: &Total) -> Option<f64> {
        t.has_value().then(|| self.pct(t.mid())).flatten()
    }

    /// "84%", or "≥ 84%" when the total is a lower bound (see [`Target::pct_of`]).
    pub fn pct_label(&self, t: &Total) -> Option<String> {
        let lb = if t.is_lower_bound() { "≥ " } else { "" };
        self.pct_of(t)
            .map(|p| format!("{lb}{}%", super::nutrient::fmt_amount(p.round())))
    }

    /// Where a total stands; `None` when it says nothing (nothing logged, or entirely unknown).
    pub fn standing_of(&self, t: &Total) -> Option<Standing> {
        t.has_value().then(|| self.standing(t.mid()))
    }

    pub fn pct(&self, amount: f64) -> Option<f64> {
        self.target.filter(|t| *t > 0.0).map(|t| amount / t * 100.0)
    }

    pub fn standing(&self, amount: f64) -> Standing {
        if self.limit_amount().is_some_and(|l| amount > l) {
            return Standing::OverLimit;
        }
        match self.band {
            None => Standing::NoTarget,
            Some((lo, _)) if amount < lo => Standing::Below,
            Some((_, hi)) if amount > hi => Standing::Above,
            Some(_) => Standing::Within,
        }
    }
}
