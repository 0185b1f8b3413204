#![forbid(unsafe_code)]
//! intake: a terminal diary for calcium, vitamin D3 and vitamin K2.

pub mod app;
pub mod catalog;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod export;
pub mod import;
pub mod outfile;
pub mod report;
pub mod runtime;
pub mod store;
pub mod synth;
pub mod tui;
mod tui_editor;
mod tui_exit;
mod tui_input;
pub mod ui;
