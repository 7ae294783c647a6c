//! crosscheck: compare news articles about one event, claim by claim.
//!
//! The pipeline flows one way: [`corpus`] (load, sanitise, segment) ->
//! [`claims`] (extract) -> [`compare`] (findings, alignment, variants) ->
//! [`report`] (JSON/CSV/Markdown) or [`tui`]. Everything but `tui` is free of
//! terminal code; the TUI reads an immutable [`Analysis`].

pub mod analysis;
mod assets;
pub mod claims;
pub mod compare;
pub mod corpus;
pub mod report;
pub mod review;
pub mod tui;

pub use analysis::{Analysis, analyze};
