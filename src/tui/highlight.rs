//! Styled byte ranges over a source's text (claims, findings, search hits),
//! mapped onto wrapped rows by the drawing code.

use std::collections::BTreeMap;
use std::ops::Range;

use ratatui::style::Style;

use super::theme::Theme;
use crate::analysis::Analysis;
use crate::compare::Verdict;

/// A styled byte range of a source's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub span: Range<usize>,
    pub style: Style,
}

impl From<(Range<usize>, Style)> for Highlight {
    fn from((span, style): (Range<usize>, Style)) -> Highlight {
        Highlight { span, style }
    }
}

/// The highlights of one source, indexed for lookup by row.
///
/// Where ranges overlap, their styles are combined: a range starting later
/// is patched over one starting earlier, so nested ranges show on top.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    /// Sorted by start (stable: equal starts keep the given order).
    spans: Vec<Highlight>,
    /// reach[i] = the largest end among spans[..=i]; non-decreasing, so the
    /// first span that can touch a row is found by binary search even when
    /// ranges nest.
    reach: Vec<usize>,
}

impl Highlights {
    pub fn new(spans: impl IntoIterator<Item = impl Into<Highlight>>) -> Highlights {
        let mut spans: Vec<Highlight> = spans
            .into_iter()
            .map(Into::into)
            .filter(|h| h.span.start < h.span.end)
            .collect();
        spans.sort_by_key(|h| h.span.start);
        let reach = spans
            .iter()
            .scan(0, |max, h| {
                *max = (*max).max(h.span.end);
                Some(*max)
            })
            .collect();
        Highlights { spans, reach }
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn spans(&self) -> &[Highlight] {
        &self.spans
    }

    /// Split `range` of `text` into pieces with their styles (`base` patched
    /// with every highlight covering the piece). Cuts that would fall inside
    /// a character are dropped.
    pub fn segments(
        &self,
        text: &str,
        range: Range<usize>,
        base: Style,
    ) -> Vec<(Range<usize>, Style)> {
        if range.start >= range.end {
            return Vec::new();
        }
        let first = self.reach.partition_point(|&end| end <= range.start);
        let active: Vec<&Highlight> = self.spans[first..]
            .iter()
            .take_while(|h| h.span.start < range.end)
            .filter(|h| h.span.end > range.start)
            .collect();
        if active.is_empty() {
            return vec![(range, base)];
        }
        let mut cuts = vec![range.start, range.end];
        for h in &active {
            cuts.push(h.span.start.clamp(range.start, range.end));
            cuts.push(h.span.end.clamp(range.start, range.end));
        }
        cuts.retain(|&c| text.is_char_boundary(c));
        cuts.sort_unstable();
        cuts.dedup();
        cuts.windows(2)
            .map(|w| {
                let piece = w[0]..w[1];
                let style = active
                    .iter()
                    .filter(|h| h.span.start <= piece.start && h.span.end >= piece.end)
                    .fold(base, |s, h| s.patch(h.style));
                (piece, style)
            })
            .collect()
    }
}

/// Highlights for claims, styled by the verdict of their finding. `marks`
/// are (source index, byte span, verdict); a span marked by several findings
/// shows the most important verdict (conflict first, agree last).
pub fn verdict_highlights(
    sources: usize,
    marks: impl IntoIterator<Item = (usize, Range<usize>, Verdict)>,
    theme: &Theme,
) -> Vec<Highlights> {
    let mut best: Vec<BTreeMap<(usize, usize), Verdict>> = vec![BTreeMap::new(); sources];
    for (source, span, verdict) in marks {
        if let Some(map) = best.get_mut(source) {
            map.entry((span.start, span.end))
                .and_modify(|v| *v = (*v).min(verdict))
                .or_insert(verdict);
        }
    }
    best.into_iter()
        .map(|map| {
            Highlights::new(
                map.into_iter()
                    .map(|((start, end), v)| (start..end, theme.verdict(v))),
            )
        })
        .collect()
}

/// [`verdict_highlights`] for every claim of every finding of an analysis.
pub fn from_analysis(analysis: &Analysis, theme: &Theme) -> Vec<Highlights> {
    let marks = analysis.findings.iter().flat_map(|f| {
        f.claims.iter().filter_map(move |&i| {
            let claim = analysis.claims.get(i)?;
            Some((claim.source, claim.span.clone(), f.verdict))
        })
    });
    verdict_highlights(analysis.sources.len(), marks, theme)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn verdict_marks_keep_the_most_important_verdict() {
        let theme = Theme::new(false);
        let marks = vec![
            (0, 5..10, Verdict::Agree),
            (0, 5..10, Verdict::Conflict),
            (1, 0..3, Verdict::Unique),
            (7, 0..3, Verdict::Unique), // no such source: ignored
        ];
        let hs = verdict_highlights(2, marks, &theme);
        assert_eq!(hs.len(), 2);
        assert_eq!(
            hs[0].spans(),
            [Highlight::from((5..10, theme.verdict_conflict))]
        );
        assert_eq!(
            hs[1].spans(),
            [Highlight::from((0..3, theme.verdict_unique))]
        );
    }

    fn bold() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    fn red() -> Style {
        Style::new().fg(Color::Red)
    }

    #[test]
    fn row_without_highlights_is_one_piece() {
        let h = Highlights::new(vec![(20..25, bold())]);
        let text = "0123456789012345678901234567890";
        assert_eq!(
            h.segments(text, 0..10, Style::new()),
            [(0..10, Style::new())]
        );
        assert_eq!(
            h.segments(text, 25..30, Style::new()),
            [(25..30, Style::new())]
        );
    }

    #[test]
    fn highlight_across_rows_is_cut_at_row_edges() {
        let text = "0123456789012345678901234567890";
        let h = Highlights::new(vec![(5..15, bold())]);
        assert_eq!(
            h.segments(text, 0..10, Style::new()),
            [(0..5, Style::new()), (5..10, bold())]
        );
        assert_eq!(
            h.segments(text, 10..20, Style::new()),
            [(10..15, bold()), (15..20, Style::new())]
        );
    }

    #[test]
    fn nested_ranges_combine_and_outer_is_not_lost() {
        let text = "x".repeat(100);
        // An outer range first, a short nested one, then a row far inside the outer range.
        let h = Highlights::new(vec![(0..100, bold()), (10..12, red())]);
        assert_eq!(
            h.segments(&text, 8..14, Style::new()),
            [
                (8..10, bold()),
                (10..12, bold().patch(red())),
                (12..14, bold())
            ]
        );
        assert_eq!(h.segments(&text, 50..60, Style::new()), [(50..60, bold())]);
    }

    #[test]
    fn cuts_inside_characters_are_dropped() {
        let text = "café au lait";
        // 4 is inside 'é' (bytes 3..5).
        let h = Highlights::new(vec![(4..8, bold())]);
        let segs = h.segments(text, 0..text.len(), Style::new());
        for (r, _) in &segs {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert_eq!(segs.first().unwrap().0.start, 0);
        assert_eq!(segs.last().unwrap().0.end, text.len());
    }

    #[test]
    fn empty_ranges_are_ignored() {
        let h = Highlights::new(vec![(3..3, bold())]);
        assert!(h.is_empty());
    }
}
