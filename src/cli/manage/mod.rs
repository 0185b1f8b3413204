//! Profile, user items, stacks and backup.

mod item;
mod stack;

pub use item::item;
pub use stack::{item_pairs, stack};

use super::args::ProfileAction;
use super::{CliError, CliResult, Ctx, out, text};
use std::path::Path;

pub fn profile(ctx: &mut Ctx, action: Option<ProfileAction>) -> CliResult {
    if let Some(ProfileAction::Set {
        age,
        sex,
        goal,
        reference,
        warfarin,
    }) = action
    {
        let mut p = ctx.profile.clone();
        let fields = [
            ("age", age),
            ("sex", sex),
            ("goal", goal),
            ("reference", reference),
            ("warfarin", warfarin),
        ];
        let mut any = false;
        for (f, v) in fields {
            if let Some(v) = v {
                p.set(f, &v)?;
                any = true;
            }
        }
        if !any {
            return Err(CliError::Bad(
                "nothing to set: accepted are --age, --sex, --goal, --reference, --warfarin".into(),
            ));
        }
        ctx.store.set_profile(&p)?;
        ctx.profile = p;
    }
    out::line(format!("profile: {}", ctx.profile.summary()))?;
    for t in crate::catalog::target_table().targets(&ctx.profile) {
        out::line(text::target_lines(&t))?;
    }
    Ok(())
}

/// Refuses (when `refuse`) to replace the user's `what` called `name` without `--force`.
pub(super) fn refuse_replacing(refuse: bool, what: &str, name: &str, list: &str) -> CliResult {
    match refuse {
        true => Err(CliError::Bad(format!(
            "{what} `{name}` exists (see `{list}`): pass --force to replace it, or choose \
             another name"
        ))),
        false => Ok(()),
    }
}

pub fn backup(ctx: &Ctx, file: &Path) -> CliResult {
    if file.exists() {
        return Err(CliError::Bad(format!(
            "{} exists: give a new file name for the backup",
            file.display()
        )));
    }
    ctx.store.backup_to(file)?;
    out::line(format!("backed up to {}", file.display()))?;
    Ok(())
}
