//! The user's profile and the daily targets it selects.

use super::nutrient::Shown;
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
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            age: 40,
            sex: Sex::Female,
            goal: Goal::General,
            reference: RefSet::Seed,
            warfarin: false,
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

/// One nutrient's target for a profile. Any part may be absent (the source gives no figure).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub nutrient: Shown,
    pub target: Option<f64>,
    pub band: Option<(f64, f64)>,
    pub limit: Option<f64>,
    /// The official upper limit, shown beside a seed limit so it is never hidden.
    pub official_limit: Option<f64>,
    pub source: String,
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
            limit: None,
            official_limit: None,
            source: "no figure in the reference set".into(),
        }
    }

    pub fn pct(&self, amount: f64) -> Option<f64> {
        self.target.filter(|t| *t > 0.0).map(|t| amount / t * 100.0)
    }

    pub fn standing(&self, amount: f64) -> Standing {
        if self.limit.is_some_and(|l| amount > l) {
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
