//! `intake stack`: named sets of items logged together.

use super::super::args::StackAction;
use super::super::log::{print_raised, quantity};
use super::super::{CliError, CliResult, Ctx, out, text};
use crate::domain::{Entry, LogRequest, Quantity, Stack, StackItem};

pub fn stack(ctx: &mut Ctx, action: StackAction) -> CliResult {
    match action {
        StackAction::Add { name, items, force } => stack_add(ctx, &name, &items, force),
        StackAction::List => {
            for s in ctx.store.stacks()? {
                let parts: Vec<String> = s
                    .items
                    .iter()
                    .map(|i| format!("{} {}", i.key, i.quantity))
                    .collect();
                out::line(format!("{}: {}", s.name, parts.join(", ")))?;
            }
            Ok(())
        }
        StackAction::Rm { name } => match ctx.store.delete_stack(&name)? {
            true => {
                out::line(format!("removed stack {name}"))?;
                Ok(())
            }
            false => Err(CliError::Bad(format!(
                "no stack named `{name}`: see `intake stack list`"
            ))),
        },
        StackAction::Log { name, when } => {
            let stack = ctx
                .store
                .stacks()?
                .into_iter()
                .find(|s| s.name == name)
                .ok_or_else(|| {
                    CliError::Bad(format!("no stack named `{name}`: see `intake stack list`"))
                })?;
            let date = ctx.date(when.date.as_deref())?;
            let time = ctx.time_for(when.at.as_deref(), date)?;
            let catalog = ctx.catalog()?;
            let mut planned = Vec::new();
            for si in &stack.items {
                let item = catalog.get(&si.key).ok_or_else(|| {
                    CliError::Bad(format!("stack item `{}` is no longer defined", si.key))
                })?;
                let q = Quantity::parse(&si.quantity)?;
                item.servings_for(&q)?;
                planned.push((item.clone(), q));
            }
            let note = Some(Stack::log_note(&name));
            let mut entries = planned
                .iter()
                .map(|(item, q)| {
                    Entry::log(LogRequest {
                        item,
                        quantity: q.clone(),
                        date,
                        time,
                        meal: None,
                        note: note.clone(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            // One transaction: the stack is logged whole or not at all.
            let ids = ctx.store.insert_entries(&entries)?;
            for (e, id) in entries.iter_mut().zip(&ids) {
                e.id = *id;
                out::line(format!("logged {}", text::entry_line(e)))?;
            }
            print_raised(ctx, &ids, date)
        }
    }
}

fn stack_add(ctx: &mut Ctx, name: &str, pairs: &[String], force: bool) -> CliResult {
    let name = crate::cli::log::label("stack name", Some(name.to_string()))?
        .ok_or_else(|| CliError::Bad("empty stack name".into()))?;
    let items = item_pairs(ctx, pairs, "stack item", "d3=\"5000 IU\"")?
        .into_iter()
        .map(|(key, quantity)| StackItem { key, quantity })
        .collect();
    let stack = Stack { name, items };
    let exists = ctx.store.stacks()?.iter().any(|s| s.name == stack.name);
    super::refuse_replacing(exists && !force, "stack", &stack.name, "intake stack list")?;
    ctx.store.save_stack(&stack)?;
    let verb = if exists { "replaced" } else { "saved" };
    out::line(format!("{verb} stack {}", stack.name))?;
    Ok(())
}

/// `ITEM=QTY` pairs (a stack's items, a recipe's parts) as item keys and quantities: each item
/// resolved like `intake add` does, `ITEM=` alone its serving, each quantity checked against it.
pub fn item_pairs(
    ctx: &Ctx,
    pairs: &[String],
    what: &str,
    example: &str,
) -> Result<Vec<(String, String)>, CliError> {
    let catalog = ctx.catalog()?;
    let recent = ctx.recent()?;
    let mut out = Vec::new();
    for p in pairs {
        let (k, q) = p.split_once('=').ok_or_else(|| {
            CliError::Bad(format!(
                "bad {what} `{p}`: accepted is ITEM=QUANTITY, e.g. {example}"
            ))
        })?;
        let item = catalog.resolve(k, &recent)?;
        let q = match q.trim() {
            "" => quantity(&[], item)?,
            q => Quantity::parse(q)?,
        };
        item.servings_for(&q)?;
        out.push((item.key.clone(), q.display()));
    }
    Ok(out)
}
