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
