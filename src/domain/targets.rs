//! Choosing targets and limits from the rows of `assets/targets.toml` (parsed here, pure).

use super::nutrient::Shown;
use super::profile::{Counts, Goal, Limit, Profile, RefSet, Sex, Target};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetRow {
    pub set: RefSet,
    pub nutrient: Shown,
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub goal: Option<Goal>,
    pub age: [u8; 2],
    pub target: Option<f64>,
    pub band: Option<[f64; 2]>,
    pub source: String,
}

/// One upper limit; every row matching the profile applies, whichever set it chose.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitRow {
    pub set: RefSet,
    pub nutrient: Shown,
    #[serde(default)]
    pub sex: Option<Sex>,
    pub age: [u8; 2],
    pub amount: f64,
    pub counts: Counts,
    pub name: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetTable {
    pub row: Vec<TargetRow>,
    #[serde(default)]
    pub limit: Vec<LimitRow>,
}

fn fits(sex: Option<Sex>, age: [u8; 2], p: &Profile) -> bool {
    sex.is_none_or(|x| x == p.sex) && (age[0]..=age[1]).contains(&p.age)
}

impl TargetTable {
    pub fn parse(text: &str) -> Result<TargetTable, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    fn find(&self, set: RefSet, s: Shown, p: &Profile) -> Option<&TargetRow> {
        self.row.iter().find(|r| {
            r.set == set
                && r.nutrient == s
                && r.goal.is_none_or(|g| g == p.goal)
                && fits(r.sex, r.age, p)
        })
    }

    /// Every limit of a shown nutrient under a profile, from both sets, lowest first.
    pub fn limits(&self, s: Shown, p: &Profile) -> Vec<Limit> {
        let mut out: Vec<Limit> = self
            .limit
            .iter()
            .filter(|r| r.nutrient == s && fits(r.sex, r.age, p))
            .map(|r| Limit {
                amount: r.amount,
                set: r.set,
                counts: r.counts,
                name: r.name.clone(),
                source: r.source.clone(),
            })
            .collect();
        out.sort_by(|a, b| a.amount.total_cmp(&b.amount));
        out
    }

    /// The target for one shown nutrient under a profile.
    pub fn target(&self, s: Shown, p: &Profile) -> Target {
        let limits = self.limits(s, p);
        match self.find(p.reference, s, p) {
            None => Target {
                limits,
                ..Target::none(s)
            },
            Some(r) => Target {
                nutrient: s,
                target: r.target,
                band: r.band.map(|[a, b]| (a, b)),
                limits,
                source: r.source.clone(),
            },
        }
    }

    /// The targets of every shown nutrient a figure can be of (total vitamin K included).
    pub fn targets(&self, p: &Profile) -> Vec<Target> {
        Shown::TARGETED.iter().map(|s| self.target(*s, p)).collect()
    }
}
