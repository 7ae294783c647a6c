//! Findings as the reader navigates them: a verdict, a one-line summary and
//! the evidence (byte spans) in each source, with what the detail window
//! and the matrix show of each claim; and the verdict filter.

use std::ops::Range;

use super::text::neutralise;
use crate::analysis::Analysis;
use crate::claims::{Claim, Value, format_number};
use crate::compare::Verdict;

/// What a piece of evidence says and where: shown by the detail window.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EvidenceInfo {
    /// The claim's value as the reader should see it ("21", "Egypt").
    pub value: String,
    /// Byte range of the sentence stating it.
    pub sentence: Range<usize>,
    /// 1-based line and column in the input file.
    pub line: usize,
    pub column: usize,
}

/// One finding, reduced to what navigation needs.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingNav {
    /// `Finding::key`: stable across runs, keys review marks.
    pub key: String,
    pub verdict: Verdict,
    pub summary: String,
    /// (source index, byte span in that source's text), in source order.
    pub evidence: Vec<(usize, Range<usize>)>,
    /// What it is about ("people killed").
    pub topic: String,
    /// Parallel to `evidence` when known (empty for hand-made findings).
    pub info: Vec<EvidenceInfo>,
}

impl Default for FindingNav {
    fn default() -> FindingNav {
        FindingNav {
            key: String::new(),
            verdict: Verdict::Agree,
            summary: String::new(),
            evidence: Vec::new(),
            topic: String::new(),
            info: Vec::new(),
        }
    }
}

impl FindingNav {
    /// The first piece of evidence in a source, if the source has any.
    pub fn evidence_in(&self, source: usize) -> Option<&Range<usize>> {
        self.evidence
            .iter()
            .find(|(s, _)| *s == source)
            .map(|(_, span)| span)
    }

    /// The value a source gives (its distinct values joined), if any:
    /// from `info`, else the evidence text itself.
    pub fn value_in(&self, source: usize, text: &str) -> Option<String> {
        let mut values: Vec<String> = Vec::new();
        for (k, (s, span)) in self.evidence.iter().enumerate() {
            if *s != source {
                continue;
            }
            let v = match self.info.get(k) {
                Some(info) => info.value.clone(),
                None => text.get(span.clone()).unwrap_or_default().to_string(),
            };
            if !values.contains(&v) {
                values.push(v);
            }
        }
        (!values.is_empty()).then(|| values.join(", "))
    }
}

/// A glyph per verdict, readable without colour.
pub fn glyph(verdict: Verdict) -> char {
    match verdict {
        Verdict::Conflict => '≠',
        Verdict::Partial => '±',
        Verdict::Variant => '~',
        Verdict::Unique => '+',
        Verdict::Agree => '=',
    }
}

/// Which findings the panel and ]/[ show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VerdictFilter {
    #[default]
    All,
    Only(Verdict),
}

impl VerdictFilter {
    /// The cycle of `f`: all, conflicts, partial, variants, unique, agree.
    pub fn next(self) -> VerdictFilter {
        match self {
            VerdictFilter::All => VerdictFilter::Only(Verdict::Conflict),
            VerdictFilter::Only(Verdict::Conflict) => VerdictFilter::Only(Verdict::Partial),
            VerdictFilter::Only(Verdict::Partial) => VerdictFilter::Only(Verdict::Variant),
            VerdictFilter::Only(Verdict::Variant) => VerdictFilter::Only(Verdict::Unique),
            VerdictFilter::Only(Verdict::Unique) => VerdictFilter::Only(Verdict::Agree),
            VerdictFilter::Only(Verdict::Agree) => VerdictFilter::All,
        }
    }

    pub fn keeps(self, verdict: Verdict) -> bool {
        match self {
            VerdictFilter::All => true,
            VerdictFilter::Only(v) => v == verdict,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VerdictFilter::All => "all",
            VerdictFilter::Only(Verdict::Conflict) => "conflicts",
            VerdictFilter::Only(Verdict::Partial) => "partial",
            VerdictFilter::Only(Verdict::Variant) => "variants",
            VerdictFilter::Only(Verdict::Unique) => "unique",
            VerdictFilter::Only(Verdict::Agree) => "agree",
        }
    }
}

/// A claim's value for display: "21", "20-30 km", "Egypt".
pub fn claim_value(c: &Claim) -> String {
    let text = match &c.value {
        Value::Num { value, max } => {
            let mut s = format_number(*value);
            if let Some(max) = max {
                s.push('-');
                s.push_str(&format_number(*max));
            }
            if let Some(unit) = &c.unit {
                s.push(' ');
                s.push_str(unit);
            }
            s
        }
        Value::Text(t) => t.clone(),
    };
    neutralise(&text).into_owned()
}

/// "People killed (subject) · scope": what a finding is about.
fn topic_label(f: &crate::compare::Finding) -> String {
    let mut out = f.topic.label().to_string();
    if let Some(subject) = &f.subject {
        out.push_str(&format!(" ({subject})"));
    }
    if let Some(scope) = &f.scope {
        out.push_str(&format!(" · {scope}"));
    }
    neutralise(&out).into_owned()
}

/// The findings of an analysis, in the analysis' order.
pub fn from_analysis(analysis: &Analysis) -> Vec<FindingNav> {
    analysis
        .findings
        .iter()
        .map(|f| {
            let mut claims: Vec<&Claim> = f
                .claims
                .iter()
                .filter_map(|&i| analysis.claims.get(i))
                .collect();
            claims.sort_by_key(|c| (c.source, c.span.start));
            let evidence = claims.iter().map(|c| (c.source, c.span.clone())).collect();
            let info = claims
                .iter()
                .map(|c| {
                    let src = &analysis.sources[c.source];
                    let sentence = src
                        .sentences
                        .get(c.sentence)
                        .map_or(c.span.clone(), |s| s.span.clone());
                    let at = src.locate(c.span.start);
                    EvidenceInfo {
                        value: claim_value(c),
                        sentence,
                        line: at.line,
                        column: at.column,
                    }
                })
                .collect();
            FindingNav {
                key: f.key.clone(),
                verdict: f.verdict,
                // Summaries quote article text: neutralise like the text.
                summary: neutralise(&f.summary).into_owned(),
                evidence,
                topic: topic_label(f),
                info,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_cycles_through_every_verdict_and_back() {
        let mut f = VerdictFilter::All;
        let mut seen = vec![f.label()];
        for _ in 0..6 {
            f = f.next();
            seen.push(f.label());
        }
        assert_eq!(
            seen,
            [
                "all",
                "conflicts",
                "partial",
                "variants",
                "unique",
                "agree",
                "all"
            ]
        );
        assert!(VerdictFilter::Only(Verdict::Partial).keeps(Verdict::Partial));
        assert!(!VerdictFilter::Only(Verdict::Partial).keeps(Verdict::Conflict));
    }

    #[test]
    fn glyphs_differ() {
        let mut g: Vec<char> = Verdict::ALL.iter().map(|v| glyph(*v)).collect();
        g.sort_unstable();
        g.dedup();
        assert_eq!(g.len(), 5);
    }
}
