//! `crosscheck claims`: a readable per-source listing and a JSON dump.

use serde::Serialize;

use super::{Bound, Claim, Value};
use crate::corpus::Source;

fn bound_word(b: Bound) -> &'static str {
    match b {
        Bound::Exact => "",
        Bound::AtLeast => ">=",
        Bound::AtMost => "<=",
        Bound::About => "~",
        Bound::Vague => ">=",
    }
}

/// Text from an article shown on one line: whitespace collapsed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One line per claim, grouped by source: location, topic, value, subject, scope, span text.
pub fn render_table(sources: &[Source], claims: &[Claim]) -> String {
    let mut out = String::new();
    for (si, src) in sources.iter().enumerate() {
        let cs: Vec<&Claim> = claims.iter().filter(|c| c.source == si).collect();
        out.push_str(&format!(
            "{} {} ({} claims)\n",
            src.id,
            src.path.display(),
            cs.len()
        ));
        for c in cs {
            let loc = src.locate(c.span.start);
            // Years print as years ("2011"), not as amounts ("2,011").
            let shown = match (&c.value, c.topic) {
                (Value::Num { value, .. }, super::Topic::Year) => format!("{value}"),
                (v, _) => v.to_string(),
            };
            let mut value = format!("{}{}", bound_word(c.bound), shown);
            if let Some(u) = &c.unit {
                value.push(' ');
                value.push_str(u);
            }
            let mut extra = String::new();
            if let Some(s) = &c.subject {
                extra.push_str(&format!(" subject={s}"));
            }
            if let Some(s) = &c.scope {
                extra.push_str(&format!(" scope={s}"));
            }
            out.push_str(&format!(
                "  {:>4}:{:<4} {:<10} {:<24}{} \"{}\"\n",
                loc.line,
                loc.column,
                c.topic.as_str(),
                value,
                extra,
                one_line(&src.text[c.span.clone()])
            ));
        }
    }
    out
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    source: &'a str,
    topic: &'a str,
    value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    bound: Bound,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    original: Option<&'a str>,
    vague: bool,
    text: &'a str,
    sentence: usize,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
}

/// All claims as a JSON array (pretty-printed).
pub fn render_json(sources: &[Source], claims: &[Claim]) -> String {
    let rows: Vec<JsonClaim> = claims
        .iter()
        .map(|c| {
            let src = &sources[c.source];
            let loc = src.locate(c.span.start);
            let (value, max) = match &c.value {
                Value::Num { value, max } => (serde_json::json!(value), *max),
                Value::Text(t) => (serde_json::json!(t), None),
            };
            JsonClaim {
                source: &src.id,
                topic: c.topic.as_str(),
                value,
                max,
                bound: c.bound,
                unit: c.unit.as_deref(),
                subject: c.subject.as_deref(),
                scope: c.scope.as_deref(),
                original: c.original.as_deref(),
                vague: c.vague,
                text: &src.text[c.span.clone()],
                sentence: c.sentence,
                line: loc.line,
                column: loc.column,
                start: c.span.start,
                end: c.span.end,
            }
        })
        .collect();
    serde_json::to_string_pretty(&rows).expect("claims serialise")
}
