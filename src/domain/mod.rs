//! Pure domain: no IO, no SQL, no terminal, no clock.

pub mod assumed;
pub mod daily_value;
pub mod day;
pub mod entry;
pub mod item;
pub mod nutrient;
pub mod plan;
pub mod profile;
pub mod recipe;
pub mod sources;
pub mod stack;
pub mod suggest;
pub mod targets;
pub mod text;
pub mod units;
pub mod value;
pub mod warnings;
pub mod week;

pub use assumed::{Assumed, Assumption};
pub use day::DayReport;
pub use entry::{DayTotals, Entry, LogRequest, Logged};
pub use item::{Item, Kind, Origin, Portion, Serving};
pub use nutrient::{Milli, Nutrient, Shown};
pub use profile::{Counts, Limit, Profile, RefSet, Standing, Target};
pub use recipe::Recipe;
pub use stack::{Stack, StackItem};
pub use units::{QtyError, Quantity, Unit};
pub use value::{Nutrients, Total, Value};
