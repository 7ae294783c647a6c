//! Findings as the reader navigates them: a verdict, a one-line summary and
//! the evidence (byte spans) in each source.

use std::ops::Range;

use super::text::neutralise;
use crate::analysis::Analysis;
use crate::compare::Verdict;

/// One finding, reduced to what navigation needs.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingNav {
    /// `Finding::key`: stable across runs, keys review marks.
    pub key: String,
    pub verdict: Verdict,
    pub summary: String,
    /// (source index, byte span in that source's text), in source order.
    pub evidence: Vec<(usize, Range<usize>)>,
}

impl FindingNav {
    /// The first piece of evidence in a source, if the source has any.
    pub fn evidence_in(&self, source: usize) -> Option<&Range<usize>> {
        self.evidence
            .iter()
            .find(|(s, _)| *s == source)
            .map(|(_, span)| span)
    }
}

/// The findings of an analysis, in the analysis' order.
pub fn from_analysis(analysis: &Analysis) -> Vec<FindingNav> {
    analysis
        .findings
        .iter()
        .map(|f| {
            let mut evidence: Vec<(usize, Range<usize>)> = f
                .claims
                .iter()
                .filter_map(|&i| analysis.claims.get(i))
                .map(|c| (c.source, c.span.clone()))
                .collect();
            evidence.sort_by_key(|(s, span)| (*s, span.start));
            FindingNav {
                key: f.key.clone(),
                verdict: f.verdict,
                // Summaries quote article text: neutralise like the text.
                summary: neutralise(&f.summary).into_owned(),
                evidence,
            }
        })
        .collect()
}
