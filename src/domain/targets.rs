//! Choosing targets from the rows of `assets/targets.toml` (parsed here, pure).

use super::nutrient::Shown;
use super::profile::{Goal, Profile, RefSet, Sex, Target};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
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
    pub limit: Option<f64>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TargetTable {
    pub row: Vec<TargetRow>,
}

impl TargetTable {
    pub fn parse(text: &str) -> Result<TargetTable, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    fn find(&self, set: RefSet, s: Shown, p: &Profile) -> Option<&TargetRow> {
        self.row.iter().find(|r| {
            r.set == set
                && r.nutrient == s
                && r.sex.is_none_or(|x| x == p.sex)
                && r.goal.is_none_or(|g| g == p.goal)
                && (r.age[0]..=r.age[1]).contains(&p.age)
        })
    }

    /// The target for one shown nutrient under a profile.
    pub fn target(&self, s: Shown, p: &Profile) -> Target {
        let official_limit = self.find(RefSet::Official, s, p).and_then(|r| r.limit);
        match self.find(p.reference, s, p) {
            None => Target {
                official_limit,
                ..Target::none(s)
            },
            Some(r) => Target {
                nutrient: s,
                target: r.target,
                band: r.band.map(|[a, b]| (a, b)),
                limit: r.limit,
                official_limit,
                source: r.source.clone(),
            },
        }
    }

    pub fn targets(&self, p: &Profile) -> Vec<Target> {
        Shown::ALL.iter().map(|s| self.target(*s, p)).collect()
    }
}
