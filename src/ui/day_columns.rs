//! The day view's entries table at any width: which columns fit whole.

use super::day::cell;
use crate::domain::{Entry, Shown};
use ratatui::layout::Constraint;

/// The entries table's columns at a width: the time, the item (cut if need be: it is text),
/// the amount, then as many nutrient columns as fit whole and the meal only after all of them.
/// A column of figures is left out, never cut (issue 14.15: "5000 IU" showed as `500`).
pub(super) struct Columns {
    amount: u16,
    /// The widths of the nutrient columns shown, in the order of [`Shown::HEADLINE`].
    pub amounts: Vec<u16>,
    pub meal: bool,
}

/// The widths of the time, the item at its narrowest and the meal.
const TIME_W: u16 = 6;
const ITEM_MIN_W: u16 = 12;
const MEAL_W: u16 = 9;

impl Columns {
    pub fn fit(entries: &[&Entry], width: u16) -> Columns {
        let widest = |cells: &mut dyn Iterator<Item = usize>, head: usize| {
            cells.chain([head]).max().unwrap_or(head) as u16
        };
        let amount = widest(
            &mut entries.iter().map(|e| e.amount_display().chars().count()),
            9,
        );
        // The first (calcium, in hundreds of mg) is a little wider.
        let wanted = Shown::HEADLINE.iter().enumerate().map(|(i, s)| {
            let cells = &mut entries.iter().map(|e| cell(e.nutrients.shown(*s)).width());
            widest(cells, if i == 0 { 7 } else { 6 })
        });
        let mut used = TIME_W + ITEM_MIN_W + amount + 2;
        let mut amounts = Vec::new();
        for w in wanted {
            if used + 1 + w > width {
                break;
            }
            used += 1 + w;
            amounts.push(w);
        }
        let meal = amounts.len() == Shown::HEADLINE.len() && used + 1 + MEAL_W <= width;
        Columns {
            amount,
            amounts,
            meal,
        }
    }

    pub fn widths(&self) -> Vec<Constraint> {
        let amounts = self.amounts.iter().map(|w| Constraint::Length(*w));
        [
            Constraint::Length(TIME_W),
            Constraint::Min(ITEM_MIN_W),
            Constraint::Length(self.amount),
        ]
        .into_iter()
        .chain(amounts)
        .chain(self.meal.then_some(Constraint::Length(MEAL_W)))
        .collect()
    }
}
