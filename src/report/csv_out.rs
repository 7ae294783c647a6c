//! CSV export: one row per claim.

use super::build::Report;

const HEADER: [&str; 22] = [
    "finding",
    "verdict",
    "topic",
    "subject",
    "scope",
    "compatible",
    "summary",
    "source",
    "source_name",
    "published",
    "value",
    "max",
    "unit",
    "bound",
    "primary",
    "text",
    "sentence",
    "line",
    "column",
    "start",
    "end",
    "review",
];

fn json_cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

pub fn render(report: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failure here would be a csv bug.
    w.write_record(HEADER).expect("csv header");
    for f in &report.findings {
        for c in &f.claims {
            let name = report
                .sources
                .iter()
                .find(|s| s.id == c.source)
                .map_or("", |s| s.name.as_str());
            let review = f.review.as_ref().map_or(String::new(), |r| {
                let status = r.status.map_or("", |s| match s {
                    super::ReviewStatus::Confirmed => "confirmed",
                    super::ReviewStatus::Dismissed => "dismissed",
                });
                match &r.note {
                    Some(n) if !status.is_empty() => format!("{status}: {n}"),
                    Some(n) => n.clone(),
                    None => status.to_string(),
                }
            });
            let bound = c
                .bound
                .map(|b| json_cell(&serde_json::to_value(b).unwrap_or_default()))
                .unwrap_or_default();
            let row = [
                f.id.clone(),
                f.verdict.to_string(),
                f.topic.to_string(),
                f.subject.clone().unwrap_or_default(),
                f.scope.clone().unwrap_or_default(),
                f.compatible.to_string(),
                f.summary.clone(),
                c.source.clone(),
                name.to_string(),
                c.published.clone().unwrap_or_default(),
                json_cell(&c.value),
                c.max.as_ref().map(json_cell).unwrap_or_default(),
                c.unit.clone().unwrap_or_default(),
                bound,
                c.primary.to_string(),
                c.text.clone(),
                c.sentence.clone(),
                c.line.to_string(),
                c.column.to_string(),
                c.start.to_string(),
                c.end.to_string(),
                review,
            ];
            w.write_record(&row).expect("csv row");
        }
    }
    let bytes = w.into_inner().expect("csv flush");
    String::from_utf8(bytes).expect("csv of UTF-8 strings is UTF-8")
}
