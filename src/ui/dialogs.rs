//! Small dialogs: edit an entry, go to a date, pick a stack, edit the profile.

use super::add::{field, form_fields};
use super::popup;
use super::theme::THEME;
use crate::app::dialog::{EDIT_FIELDS, PROFILE_FIELDS, STACK_FIELDS};
use crate::app::{App, Command, Dialog, EditForm, ProfileForm, StackForm, StackPicker, TextInput};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

pub fn render(app: &App, d: &Dialog, frame: &mut Frame) {
    match d {
        Dialog::Edit(f) => edit(f, frame),
        Dialog::GoTo { input, error } => goto(input, error.as_deref(), frame),
        Dialog::Stacks(p) => stacks(app, p, frame),
        Dialog::StackForm(f) => stack_form(f, frame),
        Dialog::Profile(f) => profile(f, frame),
        Dialog::Add(_)
        | Dialog::Help { .. }
        | Dialog::Sources { .. }
        | Dialog::Suggest { .. }
        | Dialog::Recipe(_) => {}
    }
}

/// A form: a few lines of text, the fields, an error, and the keys.
fn form(
    frame: &mut Frame,
    area: Rect,
    intro: Vec<Line<'static>>,
    fields: (&[&str], &[TextInput], usize),
    error: Option<&str>,
) {
    let n = fields.0.len() as u16;
    let [top, mid, err, keys] = Layout::vertical([
        Constraint::Length(intro.len() as u16),
        Constraint::Length(n + 1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(intro), top);
    form_fields(frame, mid, fields.0, fields.1, fields.2);
    if let Some(e) = error {
        frame.render_widget(
            Paragraph::new(e.to_string())
                .style(THEME.error)
                .wrap(Wrap { trim: true }),
            err,
        );
    }
    let hint = "Enter save · Tab/↑↓ next field · Esc cancel";
    frame.render_widget(Paragraph::new(hint).style(THEME.dim), keys);
}

fn edit(f: &EditForm, frame: &mut Frame) {
    let inner = popup(frame, 64, 14, "Edit entry");
    let e = &f.entry;
    let intro = vec![
        Line::styled(format!("{} on {}", e.item_name, e.date), THEME.title),
        Line::styled(
            format!(
                "amount in {} or in servings; nutrients scale as logged",
                e.unit
            ),
            THEME.dim,
        ),
        Line::styled("Ctrl-e writes the note in your $EDITOR", THEME.dim),
    ];
    form(
        frame,
        inner,
        intro,
        (&EDIT_FIELDS, &f.fields, f.field),
        f.error.as_deref(),
    );
}

fn profile(f: &ProfileForm, frame: &mut Frame) {
    let (title, first) = if f.first_run {
        (
            "Welcome: your profile",
            "Targets depend on it. Enter saves; Esc keeps these (p later).",
        )
    } else {
        ("Profile", "Targets follow the profile at once.")
    };
    let inner = popup(frame, 70, 16, title);
    let intro = vec![
        Line::styled(first, THEME.dim),
        Line::styled("age: type 19-120", THEME.dim),
        Line::styled(
            "others: ←/→ or Space toggle, or type f/m, g/b, s/o, y/n",
            THEME.dim,
        ),
        Line::raw(""),
    ];
    form(
        frame,
        inner,
        intro,
        (&PROFILE_FIELDS, &f.fields, f.field),
        f.error.as_deref(),
    );
}

fn goto(input: &TextInput, error: Option<&str>, frame: &mut Frame) {
    let inner = popup(frame, 64, 7, "Go to date");
    let [line, hint, err] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    field(frame, line, "Date", input, true);
    let msg = "2026-11-28, 11-28, sat, -2, yesterday · Enter go · Esc cancel";
    frame.render_widget(Paragraph::new(msg).style(THEME.dim), hint);
    if let Some(e) = error {
        frame.render_widget(
            Paragraph::new(e.to_string())
                .style(THEME.error)
                .wrap(Wrap { trim: true }),
            err,
        );
    }
}

fn stacks(app: &App, p: &StackPicker, frame: &mut Frame) {
    let inner = popup(frame, 70, 14, "Log a stack");
    let [at, err, list, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(inner);
    field(frame, at, "At", &p.time, true);
    if let Some(e) = &p.error {
        frame.render_widget(Paragraph::new(e.clone()).style(THEME.error), err);
    }
    let key = |c: Command| {
        app.keymap
            .keys(c)
            .first()
            .map_or_else(|| "?".to_string(), |k| k.display())
    };
    let keys = format!(
        "↑↓ choose · type the time · Enter log · {} new · {} edit · Esc cancel",
        key(Command::Add),
        key(Command::Edit)
    );
    let Some(stacks) = &p.stacks else {
        frame.render_widget(Paragraph::new("Loading…").style(THEME.dim), list);
        return;
    };
    if stacks.is_empty() {
        let msg = format!("No stacks yet: {} makes one.", key(Command::Add));
        frame.render_widget(
            Paragraph::new(msg)
                .style(THEME.dim)
                .wrap(Wrap { trim: true }),
            list,
        );
    }
    let items = stacks.iter().map(|s| {
        let what: Vec<String> = s
            .items
            .iter()
            .map(|i| format!("{} {}", i.key, i.quantity))
            .collect();
        ListItem::new(format!("{:<12} {}", s.name, what.join(", ")))
    });
    let mut state = ListState::default().with_selected(Some(p.selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(THEME.selected),
        list,
        &mut state,
    );
    frame.render_widget(Paragraph::new(keys).style(THEME.dim), hint);
}

fn stack_form(f: &StackForm, frame: &mut Frame) {
    let title = if f.original.is_some() {
        "Edit stack"
    } else {
        "New stack"
    };
    let inner = popup(frame, 72, 12, title);
    let intro = vec![
        Line::styled("items: ITEM=QUANTITY, separated by commas", THEME.dim),
        Line::styled(
            "e.g. d3=2000 IU, k2-mk7=100 mcg, calcium-citrate=500 mg",
            THEME.dim,
        ),
        Line::raw(""),
    ];
    form(
        frame,
        inner,
        intro,
        (&STACK_FIELDS, &f.fields, f.field),
        f.error.as_deref(),
    );
}
