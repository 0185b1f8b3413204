#![forbid(unsafe_code)]
//! intake: a terminal diary for calcium, vitamin D3 and vitamin K2.

pub mod domain;
pub mod store;
pub mod app;
pub mod ui;
pub mod tui;
pub mod demo;
pub mod catalog;
pub mod cli;
pub mod export;
pub mod report;
