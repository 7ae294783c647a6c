//! Markdown export: a readable discrepancy list, conflicts first, each with
//! its evidence quoted and located. Article text is escaped so it renders
//! as written in any Markdown viewer.

use std::fmt::Write;

use super::ReviewStatus;
use super::build::{Report, ReportClaim, ReportFinding};
use crate::claims::{Bound, format_number};

/// Backslash-escape characters that Markdown would interpret; newlines and
/// tabs become spaces (a quote stays one line).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!'
            | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    // A leading list or heading marker would restructure the line.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

fn cell(v: Option<&str>) -> String {
    v.filter(|s| !s.is_empty()).map_or("–".to_string(), escape)
}

/// "at least 25", "10 km", "Sarraj".
fn shown_value(c: &ReportClaim) -> String {
    // Fractions as a reader writes them ("48.28"), not float noise; whole
    // numbers as before (years must not read "2,011").
    let figure = |v: &serde_json::Value| match v.as_f64() {
        Some(x) if x.fract() != 0.0 => format_number(x),
        _ => v.to_string(),
    };
    let mut s = match &c.value {
        serde_json::Value::String(s) => return s.clone(),
        v => figure(v),
    };
    if let Some(m) = &c.max {
        s = format!("{s}-{}", figure(m));
    }
    let prefix = match c.bound {
        Some(Bound::AtLeast) | Some(Bound::Vague) => "at least ",
        Some(Bound::AtMost) => "up to ",
        Some(Bound::About) => "about ",
        _ => "",
    };
    let unit = c.unit.as_deref().map_or(String::new(), |u| format!(" {u}"));
    format!("{prefix}{s}{unit}")
}

fn finding(out: &mut String, r: &Report, f: &ReportFinding) {
    let _ = writeln!(out, "### {} · {} · {}", f.id, f.verdict, f.topic);
    let _ = writeln!(out);
    let _ = writeln!(out, "**{}**", escape(&f.summary));
    let mut notes = Vec::new();
    if f.compatible {
        notes.push("the stated bounds overlap: the figures differ but need not contradict");
    }
    if f.wire_only {
        notes.push("all sources share wire copy: not independent confirmation");
    }
    if !notes.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "_Note: {}._", notes.join("; "));
    }
    let _ = writeln!(out);
    for c in &f.claims {
        let src = r.sources.iter().find(|s| s.id == c.source);
        let name = src.map_or(c.source.as_str(), |s| s.name.as_str());
        let published = c
            .published
            .as_deref()
            .map_or(String::new(), |p| format!(", published {}", escape(p)));
        let value = shown_value(c);
        let primary = if c.primary { "" } else { " (secondary)" };
        let _ = writeln!(
            out,
            "- **{}** ({}{}), line {}, column {}: `{}`{}",
            c.source,
            escape(name),
            published,
            c.line,
            c.column,
            value.replace('`', "'"),
            primary
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "  > {}", escape(&c.sentence));
        let _ = writeln!(out);
    }
    if let Some(rv) = &f.review {
        let status = match rv.status {
            Some(ReviewStatus::Confirmed) => "confirmed",
            Some(ReviewStatus::Dismissed) => "dismissed",
            None => "noted",
        };
        let note = rv
            .note
            .as_deref()
            .map_or(String::new(), |n| format!(": {}", escape(n)));
        let _ = writeln!(out, "Review: **{status}**{note}");
        let _ = writeln!(out);
    }
}

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Crosscheck report");
    let _ = writeln!(out);
    let count = |v: &str| r.findings.iter().filter(|f| f.verdict == v).count();
    let _ = writeln!(
        out,
        "{} sources, {} findings: {} conflict, {} partial, {} variant, {} unique, {} agree.",
        r.sources.len(),
        r.findings.len(),
        count("conflict"),
        count("partial"),
        count("variant"),
        count("unique"),
        count("agree"),
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "## Sources");
    let _ = writeln!(out);
    let _ = writeln!(out, "| Id | Name | Title | Outlet | Published | Words |");
    let _ = writeln!(out, "|----|------|-------|--------|-----------|------:|");
    for s in &r.sources {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            s.id,
            escape(&s.name),
            cell(Some(&s.title)),
            cell(s.outlet.as_deref()),
            cell(s.published.as_deref()),
            s.words
        );
    }
    let _ = writeln!(out);
    for (a, b, score) in &r.shared_copy {
        let _ = writeln!(
            out,
            "> Shared copy: {a} and {b} share {:.0}% of their text (wire copy); agreement between them is not independent confirmation.",
            score * 100.0
        );
        let _ = writeln!(out);
    }
    let sections = [
        ("Discrepancies", &["conflict", "partial", "variant"][..]),
        ("Only one source", &["unique"][..]),
        ("Agreement", &["agree"][..]),
    ];
    for (title, verdicts) in sections {
        let _ = writeln!(out, "## {title}");
        let _ = writeln!(out);
        let mut any = false;
        // Conflicts first, then partial, then variants; analysis order within.
        for v in verdicts {
            for f in r.findings.iter().filter(|f| f.verdict == *v) {
                any = true;
                finding(&mut out, r, f);
            }
        }
        if !any {
            let _ = writeln!(out, "None.");
            let _ = writeln!(out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(
            escape("*bold* [link](x) a|b"),
            "\\*bold\\* \\[link\\](x) a\\|b"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("<script>"), "\\<script\\>");
    }
}
