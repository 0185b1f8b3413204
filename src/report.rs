//! A day's report: its entries, totals, targets and warnings, as every surface shows them.

use crate::domain::warnings::{self, RuleContext, Warning};
use crate::domain::{DayTotals, Entry, Kind, Profile, Shown, Target};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate};

/// The tag of warfarin and its kin (the warning rules use the same).
const ANTAGONIST_TAG: &str = "vitamin-k-antagonist";

#[derive(Debug, Clone)]
pub struct DayReport {
    pub date: NaiveDate,
    pub entries: Vec<Entry>,
    pub totals: DayTotals,
    pub targets: Vec<Target>,
    pub warnings: Vec<Warning>,
}

impl DayReport {
    /// The target of a shown nutrient (every shown nutrient has one, possibly without figures).
    pub fn target(&self, s: Shown) -> Target {
        self.targets
            .iter()
            .find(|t| t.nutrient == s)
            .cloned()
            .unwrap_or_else(|| Target::none(s))
    }
}

/// The report of one day (warnings read the days before it too).
///
/// Reads only what the rules use (see [`lean_window`]): the day and the day before, and the
/// latest few earlier entries of each of the day's supplements; on warfarin every earlier day.
pub fn day_report(
    store: &Store,
    date: NaiveDate,
    profile: &Profile,
) -> Result<DayReport, StoreError> {
    let targets = crate::catalog::target_table().targets(profile);
    let ctx = rule_context(profile, &targets);
    let history_from = date - Duration::days(warnings::HISTORY_DAYS);
    let near = store.entries_between(date - Duration::days(1), date)?;
    let all = if needs_all_history(&near, date, &ctx) {
        store.entries_between(history_from, date)?
    } else {
        let keys = supplement_keys(&near, date);
        let before = date - Duration::days(2);
        let mut all = store.latest_of_keys_between(&keys, history_from, before, PER_KEY)?;
        all.extend(near);
        all
    };
    Ok(build(date, &all, &targets, &ctx))
}

/// One report per day from `from` to `to` inclusive (see [`for_each_report`]).
pub fn range_reports(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
) -> Result<Vec<DayReport>, StoreError> {
    let mut out = Vec::new();
    for_each_report(store, from, to, profile, |r| {
        out.push(r);
        Ok::<(), StoreError>(())
    })?;
    Ok(out)
}

/// Days read at a time by [`for_each_report`]: a long range (years of export) never holds more
/// than this many days of entries (plus their history) in memory.
pub const CHUNK_DAYS: i64 = 92;

/// Hands `f` the report of each day from `from` to `to`, in order, reading the diary a chunk of
/// [`CHUNK_DAYS`] days (and their history) at a time.
pub fn for_each_report<E: From<StoreError>>(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
    mut f: impl FnMut(DayReport) -> Result<(), E>,
) -> Result<(), E> {
    let targets = crate::catalog::target_table().targets(profile);
    let ctx = rule_context(profile, &targets);
    for (start, end) in chunks(from, to) {
        let history = start - Duration::days(warnings::HISTORY_DAYS);
        let all = store.entries_between(history, end)?;
        for date in start.iter_days().take_while(|d| *d <= end) {
            f(build(date, &all, &targets, &ctx))?;
        }
    }
    Ok(())
}

/// `from` to `to` as consecutive ranges of at most [`CHUNK_DAYS`] days (first and last day).
pub fn chunks(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (NaiveDate, NaiveDate)> {
    let first = (from <= to).then_some(from);
    std::iter::successors(first.map(|f| (f, chunk_end(f, to))), move |&(_, end)| {
        end.succ_opt()
            .filter(|next| *next <= to)
            .map(|next| (next, chunk_end(next, to)))
    })
}

fn chunk_end(start: NaiveDate, to: NaiveDate) -> NaiveDate {
    start
        .checked_add_signed(Duration::days(CHUNK_DAYS - 1))
        .map_or(to, |e| e.min(to))
}

/// Builds a report for `date` from entries sorted by date (which may span more days).
fn build(date: NaiveDate, all: &[Entry], targets: &[Target], ctx: &RuleContext) -> DayReport {
    let lo = all.partition_point(|e| e.date < date - Duration::days(warnings::HISTORY_DAYS));
    let hi = all.partition_point(|e| e.date <= date);
    let window = &all[lo..hi];
    let day_start = window.partition_point(|e| e.date < date);
    let entries = window[day_start..].to_vec();
    let warnings = match lean_window(date, window, ctx) {
        Some(lean) => warnings::day_warnings(date, &lean, ctx),
        None => warnings::day_warnings(date, window, ctx),
    };
    DayReport {
        date,
        totals: DayTotals::of(&entries),
        warnings,
        entries,
        targets: targets.to_vec(),
    }
}

/// How many of a supplement's earlier entries `dose-time-consistency` can look at: it walks back
/// through the days the supplement was logged and stops after DOSE_TIME_HISTORY_DAYS of them or
/// at the first day it was logged twice, so its latest DOSE_TIME_HISTORY_DAYS + 1 entries decide.
const PER_KEY: usize = warnings::table::DOSE_TIME_HISTORY_DAYS + 1;

/// The entries of `window` (the day and its history, sorted by date) that the warning rules can
/// use, when fewer than all: every rule but two reads only the day and the day before (windows
/// across midnight); `dose-time-consistency` reads the latest [`PER_KEY`] earlier entries of
/// each of the day's supplements; `vitamin-k-consistency` reads every earlier day, but only on
/// warfarin (then `None`: all). The tests check the warnings equal those of the whole window.
fn lean_window(date: NaiveDate, window: &[Entry], ctx: &RuleContext) -> Option<Vec<Entry>> {
    let near_start = window.partition_point(|e| e.date < date - Duration::days(1));
    let (earlier, near) = window.split_at(near_start);
    if needs_all_history(near, date, ctx) {
        return None;
    }
    let keys = supplement_keys(near, date);
    let mut seen = vec![0usize; keys.len()];
    let mut kept: Vec<&Entry> = Vec::new();
    for e in earlier.iter().rev() {
        match keys.iter().position(|k| *k == e.item_key) {
            Some(i) if seen[i] < PER_KEY => {
                seen[i] += 1;
                kept.push(e);
            }
            _ => {}
        }
    }
    kept.reverse();
    Some(kept.into_iter().chain(near).cloned().collect())
}

/// On warfarin (the profile says so, or a vitamin K antagonist is logged that day) the vitamin K
/// rule compares the day with every earlier logged day.
fn needs_all_history(near: &[Entry], date: NaiveDate, ctx: &RuleContext) -> bool {
    ctx.warfarin
        || near
            .iter()
            .any(|e| e.date == date && e.has_tag(ANTAGONIST_TAG))
}

/// The keys of the supplements logged on `date`, without repeats.
fn supplement_keys(near: &[Entry], date: NaiveDate) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    let today = near.iter().filter(|e| e.date == date);
    for e in today.filter(|e| e.kind == Kind::Supplement) {
        if !keys.contains(&e.item_key.as_str()) {
            keys.push(&e.item_key);
        }
    }
    keys
}

fn rule_context(profile: &Profile, targets: &[Target]) -> RuleContext {
    let calcium = targets.iter().find(|t| t.nutrient == Shown::Calcium);
    RuleContext {
        warfarin: profile.warfarin,
        calcium_limit_mg: calcium.and_then(|t| t.limit),
        calcium_limit_source: calcium.map(|t| t.source.clone()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::domain::warnings::table;
    use crate::domain::{LogRequest, Quantity};
    use chrono::NaiveTime;

    const DAYS: i64 = 240;

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    /// 240 days of supplements at wandering times (some days twice, some skipped: vitamin K swings),
    /// levothyroxine, and warfarin on some days: every history rule has something to say.
    fn diary() -> Vec<Entry> {
        let cat = Catalog::builtin();
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut out = Vec::new();
        for day in 0..DAYS {
            let date = start() + Duration::days(day);
            let mut log = |key: &str, qty: &str, minute: u64| {
                let req = LogRequest {
                    item: cat.get(key).unwrap(),
                    quantity: Quantity::parse(qty).unwrap(),
                    date,
                    time: NaiveTime::from_hms_opt((minute / 60) as u32, (minute % 60) as u32, 0)
                        .unwrap(),
                    meal: None,
                    note: None,
                };
                out.push(Entry::log(req).unwrap());
            };
            for (key, qty) in [
                ("d3", "2000 IU"),
                ("k2-mk7", "100 mcg"),
                ("calcium-citrate", "500 mg"),
            ] {
                let usual = if next(5) == 0 { 20 * 60 } else { 8 * 60 };
                for _ in 0..[0, 1, 1, 1, 1, 1, 2][next(7) as usize] {
                    log(key, qty, usual + next(60));
                }
            }
            log("levothyroxine", "1 tablet", 6 * 60 + next(90));
            if day % 9 == 4 {
                log("warfarin", "1 tablet", 21 * 60);
            }
        }
        out.sort_by_key(|e| (e.date, e.time));
        for (i, e) in out.iter_mut().enumerate() {
            e.id = i as i64 + 1;
        }
        out
    }

    fn ctx(warfarin: bool) -> RuleContext {
        RuleContext {
            warfarin,
            calcium_limit_mg: Some(2500.0),
            calcium_limit_source: "test".into(),
        }
    }

    #[test]
    fn lean_windows_give_the_warnings_of_the_whole_history() {
        let all = diary();
        let mut fired = std::collections::HashSet::new();
        for warfarin in [false, true] {
            let ctx = ctx(warfarin);
            for day in 0..DAYS {
                let date = start() + Duration::days(day);
                let from = date - Duration::days(warnings::HISTORY_DAYS);
                let window: Vec<Entry> = all
                    .iter()
                    .filter(|e| e.date >= from && e.date <= date)
                    .cloned()
                    .collect();
                let whole = warnings::day_warnings(date, &window, &ctx);
                assert_eq!(build(date, &all, &[], &ctx).warnings, whole, "{date}");
                fired.extend(whole.iter().map(|w| w.rule));
            }
        }
        for rule in [table::DOSE_TIME, table::K_CONSISTENCY, table::LEVOTHYROXINE] {
            assert!(
                fired.contains(rule),
                "{rule} never fired: the test proves little"
            );
        }
    }

    #[test]
    fn a_lean_window_keeps_the_day_before_and_a_few_doses_of_each_supplement() {
        let all = diary();
        let date = (40..DAYS)
            .map(|d| start() + Duration::days(d))
            .find(|d| {
                let on = |k: &str| all.iter().any(|e| e.date == *d && e.item_key == k);
                on("d3") && !on("warfarin")
            })
            .unwrap();
        let from = date - Duration::days(warnings::HISTORY_DAYS);
        let window: Vec<Entry> = all
            .into_iter()
            .filter(|e| e.date >= from && e.date <= date)
            .collect();
        let lean = lean_window(date, &window, &ctx(false)).unwrap();
        let yesterday = date - Duration::days(1);
        let near = |e: &&Entry| e.date >= yesterday;
        assert_eq!(
            lean.iter().filter(near).count(),
            window.iter().filter(near).count()
        );
        let older_d3 = lean
            .iter()
            .filter(|e| e.date < yesterday && e.item_key == "d3");
        assert_eq!(older_d3.count(), PER_KEY);
        assert!(
            lean.iter()
                .all(|e| e.date >= yesterday || e.kind == Kind::Supplement)
        );
        assert!(lean.len() < window.len());
    }

    #[test]
    fn day_report_reads_from_the_store_what_the_whole_history_gives() {
        let mut store = Store::open_in_memory().unwrap();
        store.insert_entries(&diary()).unwrap();
        let all = store
            .entries_between(start(), start() + Duration::days(DAYS))
            .unwrap();
        for warfarin in [false, true] {
            let profile = Profile {
                warfarin,
                ..Profile::default()
            };
            let targets = crate::catalog::target_table().targets(&profile);
            let ctx = rule_context(&profile, &targets);
            for day in (0..DAYS).step_by(3) {
                let date = start() + Duration::days(day);
                let from = date - Duration::days(warnings::HISTORY_DAYS);
                let window: Vec<Entry> = all
                    .iter()
                    .filter(|e| e.date >= from && e.date <= date)
                    .cloned()
                    .collect();
                let r = day_report(&store, date, &profile).unwrap();
                assert_eq!(
                    r.warnings,
                    warnings::day_warnings(date, &window, &ctx),
                    "{date}"
                );
                assert_eq!(
                    r.entries,
                    window
                        .into_iter()
                        .filter(|e| e.date == date)
                        .collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn chunks_cover_the_range_once_in_order() {
        let d = |n: i64| start() + Duration::days(n);
        let all: Vec<_> = chunks(d(0), d(200)).collect();
        assert_eq!(all, [(d(0), d(91)), (d(92), d(183)), (d(184), d(200))]);
        assert_eq!(chunks(d(5), d(5)).collect::<Vec<_>>(), [(d(5), d(5))]);
        assert_eq!(chunks(d(5), d(4)).count(), 0);
    }

    #[test]
    fn range_reports_across_chunks_equal_day_reports() {
        let mut store = Store::open_in_memory().unwrap();
        store.insert_entries(&diary()).unwrap();
        let profile = Profile::default();
        let (from, to) = (
            start() + Duration::days(10),
            start() + Duration::days(DAYS - 1),
        );
        let reports = range_reports(&store, from, to, &profile).unwrap();
        assert_eq!(reports.len() as i64, (to - from).num_days() + 1);
        for r in reports.iter().step_by(7) {
            let one = day_report(&store, r.date, &profile).unwrap();
            assert_eq!(
                (&r.entries, &r.warnings),
                (&one.entries, &one.warnings),
                "{}",
                r.date
            );
        }
    }
}
