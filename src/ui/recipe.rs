//! The recipe dialog: name, servings, the search for its next food (laid out as the add
//! dialog's), its parts with what each gives, and one serving of the whole as it stands.

use super::add::{amount, field, fit_words, per_serving, render_results, serving};
use super::popup;
use super::theme::THEME;
use crate::app::{RecipeFocus, RecipeForm, recipe_form::PartQuantity};
use crate::domain::nutrient::fmt_amount;
use crate::domain::{Item, Shown, Total};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Table, TableState, Wrap};

pub fn render(f: &RecipeForm, frame: &mut Frame) {
    let area = frame.area();
    let inner = popup(
        frame,
        area.width.saturating_sub(4).max(60),
        area.height.saturating_sub(2),
        match f.opened {
            true => "Change a saved recipe",
            false => "New recipe",
        },
    );
    let [name, serves, search, hint, mid, preview, error, keys] =
        Layout::vertical(heights(inner.height).map(Constraint::Length)).areas(inner);
    let typing = f.quantity.is_none() && f.confirm.is_none();
    let focus = |x: RecipeFocus| typing && f.focus == x;
    let half = |r: Rect| Rect {
        width: r.width.min(50),
        ..r
    };
    field(frame, half(name), "Name", &f.name, focus(RecipeFocus::Name));
    field(
        frame,
        half(serves),
        "Serves",
        &f.serves,
        focus(RecipeFocus::Serves),
    );
    field(
        frame,
        half(search),
        "Add food",
        &f.query,
        focus(RecipeFocus::Search),
    );
    frame.render_widget(Paragraph::new(hint_text(f)).style(THEME.dim), hint);
    match &f.quantity {
        Some(q) => render_quantity(q, frame, mid),
        None if f.focus == RecipeFocus::Search && !f.query.value().is_empty() => {
            render_results(&f.results, f.selected, frame, mid)
        }
        None => render_parts(f, frame, mid),
    }
    render_preview(f, frame, preview);
    let message = match &f.confirm {
        Some(old) => Some(format!(
            "A recipe named {} exists (serves {}): Enter replaces it, any other key goes back",
            old.name,
            fmt_amount(old.serves)
        )),
        None => f.error.clone(),
    };
    if let Some(m) = message {
        let p = Paragraph::new(m).style(THEME.error);
        frame.render_widget(p.wrap(Wrap { trim: true }), error);
    }
    frame.render_widget(Paragraph::new(keys_text(f)).style(THEME.dim), keys);
}

/// The rows of the dialog's parts, top to bottom, for `h` rows: the three fields first, then
/// the keys, the list (at least 2), the hint, the message (a question to answer), and the
/// preview; what is left widens the list. A short terminal loses the last of these first.
fn heights(h: u16) -> [u16; 8] {
    let mut left = h;
    let mut take = |want: u16| {
        let t = want.min(left);
        left -= t;
        t
    };
    let fields = [take(1), take(1), take(1)];
    let keys = take(1);
    let list = take(2);
    let hint = take(1);
    let message = take(2);
    let preview = take(5);
    let [name, serves, search] = fields;
    [
        name,
        serves,
        search,
        hint,
        list + left,
        preview,
        message,
        keys,
    ]
}

/// What the focused field is for.
fn hint_text(f: &RecipeForm) -> String {
    let parts = match f.parts.len() {
        0 => "no foods yet".to_string(),
        1 => "1 food so far".to_string(),
        n => format!("{n} foods so far"),
    };
    match f.focus {
        RecipeFocus::Name if f.parts.is_empty() => {
            "its name · a saved recipe's name, then Enter, opens it to change".into()
        }
        RecipeFocus::Name => "its name, as searched and logged later".into(),
        RecipeFocus::Serves => "how many servings the whole makes (1 serving is logged)".into(),
        RecipeFocus::Search if f.query.value().is_empty() => {
            format!("type a food or recipe in it · {parts}")
        }
        RecipeFocus::Search => format!("foods matching · amounts per serving · {parts}"),
        RecipeFocus::Parts => format!("{parts} · the amounts each gives"),
    }
}

/// The keys that work now.
fn keys_text(f: &RecipeForm) -> &'static str {
    if f.quantity.is_some() {
        return "Enter add it · Esc back";
    }
    match f.focus {
        RecipeFocus::Name | RecipeFocus::Serves => "Enter next · Tab/↑↓ move · Esc cancel",
        RecipeFocus::Search if f.query.value().is_empty() => {
            "Enter save the recipe · Tab next · Esc cancel"
        }
        RecipeFocus::Search => "↑↓ choose · Enter pick · Esc clear the search",
        RecipeFocus::Parts => "↑↓ choose · Enter change amount · Del/d remove · Tab next",
    }
}

fn render_quantity(q: &PartQuantity, frame: &mut Frame, area: Rect) {
    let it = &q.item;
    let lines = vec![
        Line::styled(it.name.clone(), THEME.title),
        Line::raw(format!("per {}: {}", serving(it), per_serving(it))),
        Line::styled(format!("source: {}", it.source), THEME.dim),
        Line::styled(
            format!("units: {}", it.accepted_units().join(", ")),
            THEME.dim,
        ),
    ];
    let [info, input] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), info);
    let r = Rect {
        width: input.width.min(50),
        ..input
    };
    field(frame, r, "quantity", &q.input, true);
}

/// Amount columns of the parts list: the headline ones, and K1 and magnesium where they fit.
const AMOUNT_W: u16 = 8;
const QTY_W: u16 = 14;
const NAME_MAX: u16 = 48;
const ALL_FROM: u16 = 100;

fn render_parts(f: &RecipeForm, frame: &mut Frame, area: Rect) {
    if f.parts.is_empty() {
        let msg = "No foods yet: type a few letters of one in Add food (milk, kale, tofu…), \
                   Enter picks it, then its amount.";
        let p = Paragraph::new(msg).style(THEME.dim);
        frame.render_widget(p.wrap(Wrap { trim: true }), area);
        return;
    }
    let columns: &[Shown] = if area.width >= ALL_FROM {
        &Shown::SUMMARY
    } else {
        &Shown::HEADLINE
    };
    let n_cols = columns.len() as u16;
    let fixed = QTY_W + (AMOUNT_W + 1) * n_cols + 1;
    let name_w = area.width.saturating_sub(fixed).clamp(10, NAME_MAX);
    let rows = f.parts.iter().map(|p| {
        // The part's amounts, marked as the add dialog marks them (`°` an assumed zero).
        let part = p.nutrients().map(|nutrients| Item {
            nutrients,
            ..p.item.clone()
        });
        let mut cells = vec![
            Line::raw(fit_words(&p.item.name, usize::from(name_w))),
            Line::raw(fit_words(&p.quantity, usize::from(QTY_W))),
        ];
        cells.extend(columns.iter().map(|s| {
            let v = part.as_ref().map_or("?".to_string(), |it| amount(it, *s));
            Line::raw(v).right_aligned()
        }));
        Row::new(cells)
    });
    let mut widths = vec![Constraint::Length(name_w), Constraint::Length(QTY_W)];
    widths.extend(columns.iter().map(|_| Constraint::Length(AMOUNT_W)));
    let mut header = vec![
        Line::raw(format!("Foods ({})", f.parts.len())),
        Line::raw("Amount"),
    ];
    header.extend(
        columns
            .iter()
            .map(|s| Line::raw(s.heading()).right_aligned()),
    );
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(THEME.dim))
        .row_highlight_style(THEME.selected);
    let chosen = f
        .parts
        .get(f.part)
        .filter(|_| f.focus == RecipeFocus::Parts);
    let [list, detail] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(u16::from(chosen.is_some())),
    ])
    .areas(area);
    let mut state = TableState::default().with_selected(chosen.map(|_| f.part));
    frame.render_stateful_widget(table, list, &mut state);
    if let Some(p) = chosen {
        let source = Paragraph::new(format!("source: {}", p.item.source)).style(THEME.dim);
        frame.render_widget(source, detail);
    }
}

/// One serving of the recipe as it stands: the headline totals, then the forms of vitamin D
/// and K2 (a total or form some part does not give is at least the rest: `≥`; none known `?`).
fn render_preview(f: &RecipeForm, frame: &mut Frame, area: Rect) {
    let lines = match (f.serves(), f.preview()) {
        (None, _) => vec![Line::styled(
            "Serves: a number of servings above 0, at most 100",
            THEME.dim,
        )],
        (Some(_), None) => vec![Line::styled(
            "One serving: add a food to see what it holds",
            THEME.dim,
        )],
        (Some(n), Some(item)) => preview_lines(n, &item),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn preview_lines(serves: f64, item: &Item) -> Vec<Line<'static>> {
    let head = format!("One serving (1/{} of the whole):", fmt_amount(serves));
    let mut lines = vec![Line::styled(head, THEME.title)];
    for s in Shown::HEADLINE {
        let total = format!("{} {}", amount(item, s), s.unit());
        let forms = if s.has_forms() {
            forms_of(item, s)
        } else {
            String::new()
        };
        lines.push(Line::raw(format!(
            "  {:<11}{total:>12}   {forms}",
            s.label()
        )));
    }
    let others: Vec<String> = [Shown::VitaminK1, Shown::Magnesium]
        .iter()
        .map(|s| format!("{} {} {}", s.label(), amount(item, *s), s.unit()))
        .collect();
    lines.push(Line::styled(
        format!("  also {}", others.join(" · ")),
        THEME.dim,
    ));
    lines
}

/// "D3 40 · D2 0° · D? ?": each form of a shown total on its own (`°` an assumed zero).
fn forms_of(item: &Item, s: Shown) -> String {
    let forms: Vec<String> = s
        .parts()
        .iter()
        .map(|p| {
            let mut t = Total::default();
            t.add(item.nutrients.get(*p));
            let shown = super::add::marked(&t, item.assumed.get(*p).is_some());
            format!("{} {shown}", p.short())
        })
        .collect();
    forms.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::RecipePart;
    use crate::catalog::Catalog;
    use crate::domain::Recipe;

    fn text(f: &RecipeForm, w: u16, h: u16) -> String {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        t.draw(|frame| render(f, frame)).unwrap();
        let buf = t.backend().buffer();
        let rows = (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>());
        rows.collect::<Vec<_>>().join("\n")
    }

    /// Cheddar's K2 is measured as MK-4 only: a serving of a recipe with it is at least that
    /// (`≥`), each form apart; kale gives no D (an assumed zero) and no K2.
    #[test]
    fn the_preview_shows_lower_bounds_and_each_form() {
        let c = Catalog::builtin();
        let part = |key: &str, quantity: &str| RecipePart {
            item: c.get(key).unwrap().clone(),
            quantity: quantity.into(),
        };
        let f = RecipeForm {
            parts: vec![part("usda-01009", "2 oz"), part("usda-11234", "1 cup")],
            ..RecipeForm::default()
        };
        let item = f.preview().unwrap();
        let lines: Vec<String> = preview_lines(1.0, &item)
            .iter()
            .map(|l| l.to_string())
            .collect();
        let k2 = lines.iter().find(|l| l.contains("Vitamin K2")).unwrap();
        assert!(
            k2.contains("≥") && k2.contains("MK-4") && k2.contains("MK-7 ?"),
            "{k2}"
        );
        let d = lines.iter().find(|l| l.contains("Vitamin D")).unwrap();
        assert!(d.contains("D3") && d.contains("D2"), "{d}");
        let screen = text(&f, 80, 24);
        assert!(
            screen.contains("Foods (2)") && screen.contains("One serving (1/1"),
            "{screen}"
        );
    }

    /// A small terminal cuts the dialog short but never panics; the name stays readable.
    #[test]
    fn small_terminals_draw_without_panicking() {
        let c = Catalog::builtin();
        let f = RecipeForm {
            name: crate::app::TextInput::new("Soup"),
            parts: vec![RecipePart {
                item: c.get("usda-01009").unwrap().clone(),
                quantity: "2 oz".into(),
            }],
            ..RecipeForm::default()
        };
        for (w, h) in [(40, 10), (20, 5), (8, 3)] {
            let screen = text(&f, w, h);
            assert_eq!(screen.lines().count(), usize::from(h));
        }
        let small = text(&f, 40, 10);
        assert!(small.contains("Name:      Soup"), "{small}");
    }

    #[test]
    fn servings_that_are_not_a_number_say_what_is_accepted_and_a_replace_is_asked() {
        let soup = Recipe {
            key: "soup".into(),
            name: "Soup".into(),
            serves: 4.0,
            parts: vec![],
        };
        let f = RecipeForm {
            serves: crate::app::TextInput::new("lots"),
            confirm: Some(soup),
            ..RecipeForm::default()
        };
        let screen = text(&f, 80, 24);
        assert!(
            screen.contains("Serves: a number of servings above 0"),
            "{screen}"
        );
        assert!(
            screen.contains("A recipe named Soup exists (serves 4)"),
            "{screen}"
        );
    }
}
