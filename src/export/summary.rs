//! The weekly CSV's row of one day, cell by cell.

use super::cells::{is_risky, num_into, rounded_into};
use super::others;
use crate::domain::warnings::Warning;
use crate::domain::{DayTotals, Shown, Target, Total};
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::fmt::{Display, Write};

/// What a summary row says of a day.
pub(super) struct Row<'a> {
    pub date: NaiveDate,
    pub entries: usize,
    pub totals: &'a DayTotals,
    pub targets: &'a [Target],
    pub warnings: &'a [Warning],
}

impl Row<'_> {
    fn target(&self, s: Shown) -> Cow<'_, Target> {
        let t = self.targets.iter().find(|t| t.nutrient == s);
        t.map_or_else(|| Cow::Owned(Target::none(s)), Cow::Borrowed)
    }

    /// The cells, each as a string of its own.
    pub fn cells(&self) -> Vec<String> {
        let mut cells = Vec::new();
        let _ = self.each_cell(&mut String::new(), |c| {
            cells.push(c.to_owned());
            Ok::<(), std::convert::Infallible>(())
        });
        cells
    }

    /// Hands `f` each cell in order, made safe from formulas, written into `buf` (one string for
    /// the whole row: issue 19, a year's export wrote ~8,800 cells each into its own).
    pub fn each_cell<E>(
        &self,
        buf: &mut String,
        f: impl FnMut(&str) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut out = Cells { buf, f };
        let r = self;
        out.shown(r.date)?;
        out.shown(r.date.weekday())?;
        out.shown(r.entries)?;
        for s in Shown::HEADLINE {
            let t = r.totals.shown(s);
            let target = r.target(s);
            r.amounts(&mut out, t, s.unit(), 3)?;
            if let Some(p) = s.info().part {
                r.amounts(&mut out, r.totals.get(p), s.unit(), 1)?;
            }
            out.cell(|b| target.target.into_iter().for_each(|v| num_into(v, b)))?;
            // A lower bound's percentage is one too: the `incomplete` column names those nutrients.
            let pct = target.pct_of(&t).filter(|_| r.entries > 0);
            out.cell(|b| pct.into_iter().for_each(|p| shown(b, p.round() as i64)))?;
        }
        for s in others() {
            r.amounts(&mut out, r.totals.shown(s), s.unit(), 1)?;
        }
        out.cell(|b| joined(b, r.totals.incomplete().iter().map(|s| s.key())))?;
        out.shown(r.warnings.len())?;
        let mut rules: Vec<&str> = Vec::new();
        for w in r.warnings {
            if !rules.contains(&w.rule) {
                rules.push(w.rule);
            }
        }
        out.cell(|b| joined(b, rules.into_iter()))
    }

    /// The first `n` of a total's point estimate, low and high, rounded to the precision of the
    /// sources (see `rounded`); empty when the total says nothing (no entries, or entirely
    /// unknown): never 0 for unknown.
    fn amounts<E, F: FnMut(&str) -> Result<(), E>>(
        &self,
        out: &mut Cells<'_, F>,
        t: Total,
        unit: &str,
        n: usize,
    ) -> Result<(), E> {
        let known = self.entries > 0 && t.has_value();
        for v in [t.mid(), t.lo.to_f64(), t.hi.to_f64()].into_iter().take(n) {
            out.cell(|b| {
                if known {
                    rounded_into(v, unit, b)
                }
            })?;
        }
        Ok(())
    }
}

/// `parts` joined by `;`, onto `b`.
fn joined<'a>(b: &mut String, parts: impl Iterator<Item = &'a str>) {
    for (i, p) in parts.enumerate() {
        if i > 0 {
            b.push(';');
        }
        b.push_str(p);
    }
}

/// Where a row's cells go: each is written into `buf`, then handed to `f`.
struct Cells<'b, F> {
    buf: &'b mut String,
    f: F,
}

impl<F> Cells<'_, F> {
    fn cell<E>(&mut self, write: impl FnOnce(&mut String)) -> Result<(), E>
    where
        F: FnMut(&str) -> Result<(), E>,
    {
        self.buf.clear();
        write(self.buf);
        if is_risky(self.buf) {
            self.buf.insert(0, '\'');
        }
        (self.f)(self.buf)
    }

    /// A cell that is `v` as Display writes it.
    fn shown<E>(&mut self, v: impl Display) -> Result<(), E>
    where
        F: FnMut(&str) -> Result<(), E>,
    {
        self.cell(|b| shown(b, v))
    }
}

/// `v` as Display writes it, onto `b` (writing into a String cannot fail).
fn shown(b: &mut String, v: impl Display) {
    let _ = write!(b, "{v}");
}
