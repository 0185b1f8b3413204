//! The search: movable doses over 5-minute slots, hard rules first, then close to the usual
//! time and few separate times.

use super::check::{self, Broken, Node, broken};
use super::{Plan, PlanInput, PlannedDose, Status, TimeSource, explain, minute_of, time_of};
use crate::domain::entry::Entry;
use crate::domain::item::Kind;

/// Slot width (minutes).
pub(crate) const SLOT_MIN: i64 = 5;
/// A separate time costs as much as moving a dose this many minutes from its usual time.
const NEW_TIME_COST: i64 = 45;
/// Moving a medicine from its usual time weighs this many times more than a supplement: its
/// time is usually the prescriber's.
const MEDICINE_WEIGHT: i64 = 2;
/// The day the search covers, unless the routine reaches beyond it.
const DAY_FROM: i64 = 5 * 60;
const DAY_TO: i64 = 23 * 60;
/// Candidates tried per dose, and nodes per search: bounds the time on any routine.
const BRANCH: usize = 8;
const BUDGET: usize = 3000;

/// A dose to place (or already placed, when fixed).
#[derive(Debug, Clone)]
pub(crate) struct Dose {
    pub entry: Entry,
    pub usual: i64,
    pub fixed: bool,
    /// Where its usual time comes from.
    pub source: TimeSource,
    /// Into how many doses a larger calcium amount was split (1: not split).
    pub split: usize,
}

pub(super) fn plan(input: &PlanInput) -> Plan {
    let day = input.day;
    let meals = explain::meals_left(input);
    let doses = explain::doses_left(input);
    let (fixed, movable): (Vec<Dose>, Vec<Dose>) = doses.into_iter().partition(|d| d.fixed);
    // Entries without a time are skipped, as the timing rules skip them.
    let mut context: Vec<Entry> = input
        .logged
        .iter()
        .filter(|e| e.time.is_some())
        .cloned()
        .collect();
    context.extend(
        meals
            .iter()
            .enumerate()
            .map(|(i, m)| check::meal_entry(day, i, m)),
    );
    let fixed_entries: Vec<Entry> = fixed
        .iter()
        .enumerate()
        .map(|(i, d)| at(&d.entry, day, d.usual, -500 - i as i64))
        .collect();
    context.extend(fixed_entries.iter().cloned());
    let nodes: Vec<Node> = context.iter().map(|e| Node::of(e, day)).collect();
    let search = Search::new(input, &nodes, &movable, &context);
    let (times, fallback) = search.run();
    let planned: Vec<Entry> = movable
        .iter()
        .zip(&times)
        .enumerate()
        .map(|(i, (d, &t))| at(&d.entry, day, t, -1 - i as i64))
        .collect();
    let mut doses = Vec::new();
    for e in input
        .logged
        .iter()
        .filter(|e| e.date == day && e.kind != Kind::Food && e.time.is_some())
    {
        doses.push(dose_out(e, Status::Logged, None, Vec::new(), None));
    }
    let all: Vec<Entry> = context.iter().chain(&planned).cloned().collect();
    for (d, e) in fixed.iter().zip(&fixed_entries) {
        let why = explain::reasons(e, d, Status::Fixed, &all);
        doses.push(dose_out(e, Status::Fixed, None, why, None));
    }
    for (i, (d, e)) in movable.iter().zip(&planned).enumerate() {
        let earliest = search.earliest(i).map(time_of);
        let why = explain::reasons(e, d, Status::Planned, &all);
        doses.push(dose_out(e, Status::Planned, earliest, why, stack_of(d)));
    }
    doses.sort_by_key(|d| (d.time, d.status != Status::Logged, d.name.clone()));
    let conflicts = fallback
        .into_iter()
        .map(|(i, here, anywhere)| explain::conflict(&planned[i], here, anywhere))
        .collect();
    let mut plan = Plan {
        date: day,
        doses,
        meals,
        conflicts,
        unplaced: explain::unplaced_left(input),
    };
    explain::verify(&mut plan, input.logged);
    plan
}

/// The entry as logged at minute `m` of the day, with an id that marks it as not stored.
fn at(e: &Entry, day: chrono::NaiveDate, m: i64, id: i64) -> Entry {
    let mut e = e.clone();
    e.id = id;
    e.date = day;
    e.time = Some(time_of(m));
    e
}

fn dose_out(
    e: &Entry,
    status: Status,
    earliest: Option<chrono::NaiveTime>,
    reasons: Vec<String>,
    stack: Option<String>,
) -> PlannedDose {
    PlannedDose {
        time: super::clock(e),
        item: e.item_key.to_string(),
        name: e.item_name.clone(),
        amount: e.amount_display(),
        status,
        earliest,
        reasons,
        stack,
        entry: e.clone(),
    }
}

fn stack_of(d: &Dose) -> Option<String> {
    match &d.source {
        TimeSource::Stack(s) => Some(s.clone()),
        _ => None,
    }
}

struct Search<'a> {
    context: &'a [Node],
    doses: Vec<(Node, i64)>,
    /// Search order: the most constrained dose first.
    order: Vec<usize>,
    slots: Vec<i64>,
    /// Times already holding a dose (logged or fixed) today.
    taken: Vec<i64>,
}

impl<'a> Search<'a> {
    fn new(input: &PlanInput, context: &'a [Node], movable: &[Dose], all: &[Entry]) -> Self {
        let doses: Vec<(Node, i64)> = movable
            .iter()
            .map(|d| (Node::of(&d.entry, input.day), d.usual))
            .collect();
        let taken: Vec<i64> = all
            .iter()
            .zip(context)
            .filter(|(e, n)| e.kind != Kind::Food && e.id > -1000 && (0..1440).contains(&n.at))
            .map(|(_, n)| n.at)
            .collect();
        let slots = slots(input, &doses, &taken);
        let mut s = Search {
            context,
            doses,
            order: Vec::new(),
            slots,
            taken,
        };
        let free = |i: usize| {
            let (node, _) = &s.doses[i];
            s.slots
                .iter()
                .filter(|&&t| broken(node, t, s.context) == 0)
                .count()
        };
        // Medicines first (they move least), then the doses with the fewest free slots.
        let mut order: Vec<(bool, usize, i64, usize)> = (0..s.doses.len())
            .map(|i| (!s.doses[i].0.medicine, free(i), s.doses[i].1, i))
            .collect();
        order.sort();
        s.order = order.into_iter().map(|o| o.3).collect();
        s
    }

    /// The minute for each dose (input order), and when no plan keeps every rule, for each dose
    /// that breaks one: its index, the rules broken there and the rules some time breaks.
    fn run(&self) -> (Vec<i64>, Vec<(usize, Broken, Broken)>) {
        let mut st = State::new(self);
        self.dfs(&mut st, 0);
        if let Some((_, times)) = st.best {
            return (self.unorder(&times), Vec::new());
        }
        let (times, broken_at) = self.least_bad();
        let conflicts = self
            .order
            .iter()
            .zip(&broken_at)
            .filter(|(_, b)| **b != 0)
            .map(|(&i, &b)| (i, b, self.all_broken(i)))
            .collect();
        (self.unorder(&times), conflicts)
    }

    fn unorder(&self, times: &[i64]) -> Vec<i64> {
        let mut out = vec![0; times.len()];
        for (k, &i) in self.order.iter().enumerate() {
            out[i] = times[k];
        }
        out
    }

    fn cost(&self, i: usize, t: i64, taken: &[i64]) -> i64 {
        let (node, usual) = &self.doses[i];
        let weight = if node.medicine { MEDICINE_WEIGHT } else { 1 };
        weight * (t - usual).abs() + if taken.contains(&t) { 0 } else { NEW_TIME_COST }
    }

    /// The candidates for dose `i`: in each run of slots that break no rule, the cheapest slot
    /// and both ends (a run's ends leave the most room to the doses placed after), cheapest
    /// first.
    fn candidates(&self, i: usize, st: &State) -> Vec<(i64, i64)> {
        let node = &self.doses[i].0;
        let mut out: Vec<(i64, i64)> = Vec::new();
        let mut run: Vec<(i64, i64)> = Vec::new();
        let flush = |run: &mut Vec<(i64, i64)>, out: &mut Vec<(i64, i64)>| {
            if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
                let best = run.iter().copied().min().unwrap_or(first);
                for c in [best, first, last] {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
            run.clear();
        };
        for &t in &self.slots {
            if broken(node, t, &st.around) == 0 {
                run.push((self.cost(i, t, &st.taken), t));
            } else {
                flush(&mut run, &mut out);
            }
        }
        flush(&mut run, &mut out);
        out.sort_unstable();
        out.truncate(BRANCH);
        out
    }

    fn dfs(&self, st: &mut State, k: usize) {
        if st.budget == 0 {
            return;
        }
        st.budget -= 1;
        let cost: i64 = st.cost;
        if k == self.order.len() {
            if st.best.as_ref().is_none_or(|(c, _)| cost < *c) {
                st.best = Some((cost, st.times.clone()));
            }
            return;
        }
        let i = self.order[k];
        let node = &self.doses[i].0;
        for (inc, t) in self.candidates(i, st) {
            if st.best.as_ref().is_some_and(|(c, _)| cost + inc >= *c) {
                break;
            }
            st.push(node, t, inc);
            self.dfs(st, k + 1);
            st.pop(inc);
        }
    }

    /// Greedy, in search order: each dose where it breaks the fewest rules, then costs least.
    fn least_bad(&self) -> (Vec<i64>, Vec<Broken>) {
        let mut st = State::new(self);
        let mut broke = Vec::new();
        for &i in &self.order {
            let (node, usual) = &self.doses[i];
            let pick = self
                .slots
                .iter()
                .map(|&t| {
                    let b = broken(node, t, &st.around);
                    ((b.count_ones(), self.cost(i, t, &st.taken)), t, b)
                })
                .min_by_key(|x| x.0);
            let (t, b) = pick.map_or((*usual, 0), |(_, t, b)| (t, b));
            st.push(node, t, 0);
            broke.push(b);
        }
        (st.times, broke)
    }

    /// Every rule that some slot breaks for dose `i` against the fixed context.
    fn all_broken(&self, i: usize) -> Broken {
        let node = &self.doses[i].0;
        self.slots
            .iter()
            .fold(0, |acc, &t| acc | broken(node, t, self.context))
    }

    /// The earliest slot where dose `i` breaks no rule against the fixed context.
    fn earliest(&self, i: usize) -> Option<i64> {
        let node = &self.doses[i].0;
        self.slots
            .iter()
            .copied()
            .find(|&t| broken(node, t, self.context) == 0)
    }
}

struct State {
    around: Vec<Node>,
    times: Vec<i64>,
    taken: Vec<i64>,
    cost: i64,
    best: Option<(i64, Vec<i64>)>,
    budget: usize,
}

impl State {
    fn new(s: &Search) -> State {
        State {
            around: s.context.to_vec(),
            times: Vec::new(),
            taken: s.taken.clone(),
            cost: 0,
            best: None,
            budget: BUDGET,
        }
    }

    fn push(&mut self, node: &Node, t: i64, inc: i64) {
        let mut n = node.clone();
        n.at = t;
        self.around.push(n);
        self.times.push(t);
        self.taken.push(t);
        self.cost += inc;
    }

    fn pop(&mut self, inc: i64) {
        self.around.pop();
        self.times.pop();
        self.taken.pop();
        self.cost -= inc;
    }
}

/// The candidate minutes: every slot of the day (widened to the routine), the usual times and
/// the times already holding a dose, from `not_before` on.
fn slots(input: &PlanInput, doses: &[(Node, i64)], taken: &[i64]) -> Vec<i64> {
    let usual = doses.iter().map(|(_, u)| *u);
    let known: Vec<i64> = usual.chain(taken.iter().copied()).collect();
    let from = known.iter().copied().fold(DAY_FROM, i64::min).max(0);
    let to = known
        .iter()
        .copied()
        .fold(DAY_TO, i64::max)
        .min(24 * 60 - 1);
    let floor = input.not_before.map_or(0, minute_of);
    let grid = (from / SLOT_MIN..=to / SLOT_MIN).map(|s| s * SLOT_MIN);
    let mut out: Vec<i64> = grid.chain(known).filter(|&t| t >= floor).collect();
    out.sort_unstable();
    out.dedup();
    if out.is_empty() {
        out.push(floor.min(24 * 60 - 1));
    }
    out
}
