//! `intake recipe add|list|show|rm`.

use super::args::RecipeAction;
use super::log::label;
use super::{CliError, CliResult, Ctx, out, text};
use crate::catalog::Catalog;
use crate::domain::recipe::{self, Part, Recipe, RecipeError};
use crate::domain::{Item, Quantity};

impl From<RecipeError> for CliError {
    fn from(e: RecipeError) -> Self {
        CliError::Bad(e.to_string())
    }
}

pub fn run(ctx: &mut Ctx, action: RecipeAction) -> CliResult {
    match action {
        RecipeAction::Add {
            name,
            parts,
            serves,
            force,
        } => add(ctx, &name, &parts, &serves, force),
        RecipeAction::List => list(ctx),
        RecipeAction::Show { name } => show(ctx, &name),
        RecipeAction::Rm { name } => rm(ctx, &name),
    }
}

/// The built-in items and the user's own, without recipes (what a recipe's parts are measured
/// by when the recipes themselves are being worked out).
fn base_catalog(ctx: &Ctx) -> Result<Catalog, CliError> {
    Ok(Catalog::builtin().with_user_items(ctx.store.user_items()?))
}

/// Checks the recipe by the rules the app's recipe dialog also follows
/// ([`recipe::check`]) and saves it; a recipe of the same name is replaced only with `force`.
fn add(ctx: &mut Ctx, name: &str, pairs: &[String], serves: &str, force: bool) -> CliResult {
    let name = label("recipe name", Some(name.to_string()))?
        .ok_or_else(|| CliError::Bad("empty recipe name: give the recipe's name".into()))?;
    let parts = parse_parts(ctx, pairs)?;
    let base = base_catalog(ctx)?;
    let saved = ctx.store.recipes()?;
    let checked = recipe::check(&name, serves, parts, &saved, &|k| base.get(k).cloned())?;
    let key = &checked.recipe.key;
    let exists = saved.iter().any(|r| &r.key == key);
    super::manage::refuse_replacing(exists && !force, "recipe", key, "intake recipe list")?;
    let replaced = ctx.store.save_recipe(&checked.recipe)?;
    let verb = if replaced { "replaced" } else { "saved" };
    out::line(format!("{verb} recipe {}", text::item_line(&checked.item)))?;
    Ok(())
}

/// `ITEM=QTY` pairs as parts (foods and recipes; [`super::manage::item_pairs`]).
fn parse_parts(ctx: &Ctx, pairs: &[String]) -> Result<Vec<Part>, CliError> {
    let pairs = super::manage::item_pairs(ctx, pairs, "recipe part", "yogurt=\"1 cup\"")?;
    Ok(pairs
        .into_iter()
        .map(|(key, quantity)| Part { key, quantity })
        .collect())
}

/// The item of recipe `r` among `all`, or why it cannot be worked out.
fn built(base: &Catalog, all: &[Recipe], r: &Recipe) -> Result<Item, CliError> {
    let (items, failed) = recipe::items(all, &|k| base.get(k).cloned());
    match items.into_iter().find(|i| i.key == r.key) {
        Some(i) => Ok(i),
        None => Err(CliError::Bad(failed.join("; "))),
    }
}

/// The saved recipe named (by name or key) `name`.
fn find(ctx: &Ctx, name: &str) -> Result<(Vec<Recipe>, Recipe), CliError> {
    let all = ctx.store.recipes()?;
    let key = recipe::key_of(name).unwrap_or_default();
    let found = all.iter().find(|r| r.key == key || r.name == name).cloned();
    match found {
        Some(r) => Ok((all, r)),
        None => Err(CliError::Bad(format!(
            "no recipe named `{name}`: see `intake recipe list`"
        ))),
    }
}

fn list(ctx: &Ctx) -> CliResult {
    let all = ctx.store.recipes()?;
    let base = base_catalog(ctx)?;
    for r in &all {
        match built(&base, &all, r) {
            Ok(item) => out::line(format!("{} · serves {}", text::item_line(&item), fmt(r)))?,
            Err(e) => out::line(format!("{}: cannot be worked out: {}", r.key, e.message()))?,
        }
    }
    Ok(())
}

fn fmt(r: &Recipe) -> String {
    crate::domain::nutrient::fmt_amount(r.serves)
}

fn show(ctx: &Ctx, name: &str) -> CliResult {
    let (all, r) = find(ctx, name)?;
    let base = base_catalog(ctx)?.with_recipes(&all);
    out::line(format!("{} ({}), serves {}", r.name, r.key, fmt(&r)))?;
    for p in &r.parts {
        let what = match base
            .get(&p.key)
            .map(|i| i.nutrients_for(&Quantity::parse(&p.quantity)?))
        {
            Some(Ok((_, n))) => text::nutrient_summary(&n),
            Some(Err(e)) => e.to_string(),
            None => "no longer known: counted as unknown".into(),
        };
        out::line(format!("  {} {}: {what}", p.key, p.quantity))?;
    }
    let item = built(&base_catalog(ctx)?, &all, &r)?;
    out::line(format!(
        "one serving: {}",
        text::nutrient_summary(&item.nutrients)
    ))?;
    if !item.tags.is_empty() {
        out::line(format!("tags: {}", item.tags.join(", ")))?;
    }
    out::line(format!("source: {}", item.source))?;
    Ok(())
}

fn rm(ctx: &mut Ctx, name: &str) -> CliResult {
    let (all, r) = find(ctx, name)?;
    let users: Vec<&str> = all
        .iter()
        .filter(|o| o.parts.iter().any(|p| p.key == r.key))
        .map(|o| o.key.as_str())
        .collect();
    if !users.is_empty() {
        return Err(CliError::Bad(format!(
            "recipe `{}` is a part of {}: change or remove that first",
            r.key,
            users.join(", ")
        )));
    }
    ctx.store.delete_recipe(&r.key)?;
    out::line(format!(
        "removed recipe {} (its logged entries stay)",
        r.key
    ))?;
    Ok(())
}
