//! Stacks: named lists of items and quantities logged together.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StackItem {
    pub key: String,
    /// The quantity as typed ("5000 IU"), parsed when the stack is logged.
    pub quantity: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stack {
    pub name: String,
    pub items: Vec<StackItem>,
}

impl Stack {
    /// The note on every entry logged from the stack named `name` ("stack morning"): how the
    /// plan knows when the stack is usually logged.
    pub fn log_note(name: &str) -> String {
        format!("stack {name}")
    }
}
