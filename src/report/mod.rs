//! The discrepancy report (design.md section 4): building it from an
//! Analysis, JSON/CSV/Markdown writers, atomic file writes, review marks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::claims::Topic;
use crate::compare::Verdict;

pub mod atomic;
pub mod build;
mod csv_out;
pub mod markdown;

pub use atomic::{WriteError, write_atomic};
pub use build::{Report, ReportClaim, ReportFinding, ReportSource, build};

/// A reader's review of one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    Confirmed,
    Dismissed,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ReviewStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Reviews keyed by `Finding::key`.
pub type Reviews = BTreeMap<String, Review>;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Md,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Md => "md",
        }
    }
}

/// Which findings an export keeps. Empty lists keep everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub verdicts: Vec<Verdict>,
    pub topics: Vec<Topic>,
}

/// Render the report of `analysis` in `format`. Deterministic: the same
/// analysis, reviews and filter give the same bytes.
pub fn render(
    analysis: &Analysis,
    reviews: &Reviews,
    filter: &Filter,
    format: ExportFormat,
) -> String {
    render_report(&build(analysis, reviews, filter), format)
}

/// Render an already built report.
pub fn render_report(report: &Report, format: ExportFormat) -> String {
    match format {
        ExportFormat::Json => {
            // Serialising plain data to a String cannot fail.
            let mut s = serde_json::to_string_pretty(report).expect("report serialises");
            s.push('\n');
            s
        }
        ExportFormat::Csv => csv_out::render(report),
        ExportFormat::Md => markdown::render(report),
    }
}

#[cfg(test)]
mod tests;
