//! The report as data (design.md section 4): what every export format
//! writes. Built from an Analysis, reviews and a filter; deterministic.

use serde::Serialize;

use super::{Filter, Review, Reviews};
use crate::analysis::Analysis;
use crate::claims::{Bound, Claim, Value};
use crate::compare::Finding;
use crate::corpus::Source;

pub const FORMAT: &str = "crosscheck-report";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub format: &'static str,
    pub version: u32,
    pub sources: Vec<ReportSource>,
    pub findings: Vec<ReportFinding>,
    /// `[["S1", "S3", 0.62]]`: source pairs sharing wire copy.
    pub shared_copy: Vec<(String, String, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportSource {
    pub id: String,
    pub path: String,
    /// File stem (added field): the short label used in summaries.
    pub name: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportFinding {
    /// "F1", ... in the order of the full analysis (filters keep ids).
    pub id: String,
    pub verdict: &'static str,
    pub topic: &'static str,
    pub subject: Option<String>,
    /// Added: what the figures belong to when not the main event.
    pub scope: Option<String>,
    pub summary: String,
    pub compatible: bool,
    /// Added: every source shares wire copy with the others.
    pub wire_only: bool,
    /// Added: stable identity (reviews are keyed by it).
    pub key: String,
    pub claims: Vec<ReportClaim>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportClaim {
    pub source: String,
    /// JSON number for numeric topics, string otherwise.
    pub value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// Added: the figure as written before unit conversion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    pub text: String,
    pub sentence: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    /// Added: the claim this source's verdict rests on.
    pub primary: bool,
    /// Added: the source's publication date (a toll that rose over time).
    pub published: Option<String>,
}

/// Integral figures print as integers ("21", not "21.0").
pub fn json_number(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null)
    }
}

fn source_entry(s: &Source) -> ReportSource {
    ReportSource {
        id: s.id.clone(),
        path: s.path.to_string_lossy().into_owned(),
        name: s.name.clone(),
        title: s.title.clone(),
        outlet: s.outlet.clone(),
        published: s.published.clone(),
        url: s.url.clone(),
        words: s.words,
    }
}

fn claim_entry(src: &Source, c: &Claim, primary: bool) -> ReportClaim {
    let (value, max, bound) = match &c.value {
        Value::Num { value, max } => (json_number(*value), max.map(json_number), Some(c.bound)),
        Value::Text(t) => (serde_json::Value::String(t.clone()), None, None),
    };
    let span = c.span.start.min(src.text.len())..c.span.end.min(src.text.len());
    let start = src.locate(span.start);
    let end = src.locate(span.end);
    let sentence = if c.sentence < src.sentences.len() {
        src.sentence_text(c.sentence).to_string()
    } else {
        String::new()
    };
    ReportClaim {
        source: src.id.clone(),
        value,
        max,
        unit: c.unit.clone(),
        bound,
        original: c.original.clone(),
        text: src.text.get(span).unwrap_or("").to_string(),
        sentence,
        line: start.line,
        column: start.column,
        start: start.offset,
        end: end.offset,
        primary,
        published: src.published.clone(),
    }
}

fn finding_entry(a: &Analysis, id: usize, f: &Finding, reviews: &Reviews) -> ReportFinding {
    ReportFinding {
        id: format!("F{}", id + 1),
        verdict: f.verdict.as_str(),
        topic: f.topic.as_str(),
        subject: f.subject.clone(),
        scope: f.scope.clone(),
        summary: f.summary.clone(),
        compatible: f.compatible,
        wire_only: f.wire_only,
        key: f.key.clone(),
        claims: f
            .claims
            .iter()
            .enumerate()
            .map(|(k, &ci)| {
                let c = &a.claims[ci];
                claim_entry(
                    &a.sources[c.source],
                    c,
                    f.primary.get(k).copied().unwrap_or(true),
                )
            })
            .collect(),
        review: reviews.get(&f.key).cloned(),
    }
}

impl Filter {
    /// Whether a finding passes the filter (empty lists keep everything).
    pub fn keeps(&self, f: &Finding) -> bool {
        (self.verdicts.is_empty() || self.verdicts.contains(&f.verdict))
            && (self.topics.is_empty() || self.topics.contains(&f.topic))
    }
}

/// The report of `analysis`. Finding ids follow the analysis order before
/// filtering, so F3 is the same finding in a filtered and a full export.
pub fn build(analysis: &Analysis, reviews: &Reviews, filter: &Filter) -> Report {
    Report {
        format: FORMAT,
        version: VERSION,
        sources: analysis.sources.iter().map(source_entry).collect(),
        findings: analysis
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| filter.keeps(f))
            .map(|(i, f)| finding_entry(analysis, i, f, reviews))
            .collect(),
        shared_copy: analysis
            .shared_copy
            .iter()
            .filter(|p| p.a < analysis.sources.len() && p.b < analysis.sources.len())
            .map(|p| {
                (
                    analysis.sources[p.a].id.clone(),
                    analysis.sources[p.b].id.clone(),
                    p.score,
                )
            })
            .collect(),
    }
}
