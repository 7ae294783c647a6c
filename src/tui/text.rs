//! Article text prepared for the screen: a display copy with anything that
//! could act on the terminal neutralised, and word wrapping into rows that
//! keep their byte ranges into `Source::text` (so highlights can be mapped).

use std::borrow::Cow;
use std::ops::Range;

use crate::corpus::Source;

/// A source as the reader shows it.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    /// Short label for the column border: outlet, else file name.
    pub label: String,
    pub title: String,
    /// The title is the source's own (front matter, HTML, a headline line),
    /// not merely the opening words of its text.
    pub own_title: bool,
    /// "outlet · published · 512 words".
    pub meta: String,
    /// Same bytes as `Source::text` except neutralised characters, so byte
    /// ranges into the source stay valid here.
    pub text: String,
    pub paragraphs: Vec<Range<usize>>,
    /// Sentence byte ranges (as `Source::sentences`), for the aligned view.
    pub sentences: Vec<Range<usize>>,
}

impl Doc {
    pub fn new(source: &Source) -> Doc {
        let text = neutralise(&source.text).into_owned();
        let mut paragraphs: Vec<Range<usize>> = source
            .paragraphs
            .iter()
            .filter(|p| p.start <= p.end && p.end <= text.len())
            .filter(|p| text.is_char_boundary(p.start) && text.is_char_boundary(p.end))
            .cloned()
            .collect();
        if paragraphs.is_empty() && !text.trim().is_empty() {
            paragraphs = split_paragraphs(&text);
        }
        let sentences = source
            .sentences
            .iter()
            .map(|s| s.span.clone())
            .filter(|p| p.start <= p.end && p.end <= text.len())
            .filter(|p| text.is_char_boundary(p.start) && text.is_char_boundary(p.end))
            .collect();
        let label = source.outlet.clone().unwrap_or_else(|| source.name.clone());
        // A title taken from the first line only repeats the text; it is
        // still shown when other columns have titles, so headers line up
        // and no column starts with empty rows.
        let own_title = !repeats_text(&source.title, &text);
        let title = neutralise(&source.title).trim().to_string();
        let mut meta = Vec::new();
        if let Some(outlet) = &source.outlet {
            meta.push(outlet.clone());
        }
        if let Some(published) = &source.published {
            meta.push(published.clone());
        }
        meta.push(format!("{} words", source.words));
        Doc {
            id: source.id.clone(),
            label: neutralise(&label).into_owned(),
            title,
            own_title,
            meta: neutralise(&meta.join(" · ")).into_owned(),
            text,
            paragraphs,
            sentences,
        }
    }
}

/// Whether `title` is just the start of `text` (possibly cut with "…").
fn repeats_text(title: &str, text: &str) -> bool {
    let title: Vec<&str> = title.trim_end_matches('…').split_whitespace().collect();
    !title.is_empty()
        && text
            .split_whitespace()
            .take(title.len())
            .eq(title.iter().copied())
}

/// Paragraphs as blank-line separated blocks (fallback when the loader gave none).
fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                out.push(s..offset);
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    for r in &mut out {
        r.end = r.start + text[r.clone()].trim_end().len();
    }
    out
}

/// Replace characters that could move the cursor, change modes or reorder
/// text (C0/C1 controls, newlines inside a paragraph, bidi overrides) with
/// spaces of the same byte length. The loader already sanitises; this is a
/// cheap second guard that keeps byte offsets intact.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    fn bad(c: char) -> bool {
        c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if bad(c) {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One screen row of a column body: a byte range of `Doc::text`, or a blank
/// row between paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Text(Range<usize>),
    Blank,
}

/// Wrap a document to `width` columns (unicode-width aware, via textwrap).
/// Lines break at spaces only, never at hyphens: "al-Serraj" or
/// "twenty-one" split across lines read badly. Words longer than the
/// width are still broken.
pub fn wrap(doc: &Doc, width: u16) -> Vec<Row> {
    let width = usize::from(width.max(1));
    let options =
        textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut rows = Vec::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if i > 0 {
            rows.push(Row::Blank);
        }
        let para = &doc.text[p.clone()];
        let mut cursor = 0;
        for line in textwrap::wrap(para, &options) {
            let start = match &line {
                // textwrap returns slices of the input unless it had to add
                // something (a hyphen); find those by content instead.
                Cow::Borrowed(s) => (s.as_ptr() as usize).wrapping_sub(para.as_ptr() as usize),
                Cow::Owned(s) => {
                    let needle = s.trim_end_matches('-');
                    para[cursor..].find(needle).map_or(cursor, |i| cursor + i)
                }
            };
            let len = match &line {
                Cow::Borrowed(s) => s.len(),
                Cow::Owned(s) => s.trim_end_matches('-').len(),
            };
            let (start, end) = if start <= para.len() && start + len <= para.len() {
                (start, start + len)
            } else {
                (cursor, cursor)
            };
            cursor = end;
            rows.push(Row::Text(p.start + start..p.start + end));
        }
    }
    rows
}

/// The byte offset a row starts at (blank rows: where the next text starts).
pub fn row_offset(rows: &[Row], index: usize) -> usize {
    rows[index.min(rows.len().saturating_sub(1))..]
        .iter()
        .find_map(|r| match r {
            Row::Text(span) => Some(span.start),
            Row::Blank => None,
        })
        .unwrap_or(usize::MAX)
}

/// The row showing byte `offset` (the last row starting at or before it).
pub fn row_at(rows: &[Row], offset: usize) -> usize {
    let mut best = 0;
    for (i, r) in rows.iter().enumerate() {
        if let Row::Text(span) = r {
            if span.start <= offset {
                best = i;
            } else {
                break;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    #[test]
    fn neutralise_keeps_length_and_removes_controls() {
        let s = "a\x1b[31mb\u{202E}c\u{85}d\te\nf";
        let n = neutralise(s);
        assert_eq!(n.len(), s.len());
        assert!(
            !n.chars().any(|c| c.is_control() || c == '\u{202E}'),
            "{n:?}"
        );
        assert!(n.contains("[31mb"));
        assert!(matches!(neutralise("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn wrap_rows_point_into_the_text() {
        let src = fixture::source(
            "S1",
            "T",
            "One two three four five six seven.\n\nÉté naïve café.",
        );
        let doc = Doc::new(&src);
        let rows = wrap(&doc, 10);
        assert!(rows.contains(&Row::Blank));
        let texts: Vec<&str> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Text(s) => Some(&doc.text[s.clone()]),
                Row::Blank => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                "One two",
                "three four",
                "five six",
                "seven.",
                "Été naïve",
                "café."
            ]
        );
        for t in &texts {
            assert!(unicode_width::UnicodeWidthStr::width(*t) <= 10);
        }
        assert_eq!(row_at(&rows, row_offset(&rows, 2)), 2);
        // A blank row maps to the start of the next paragraph.
        assert_eq!(row_offset(&rows, 4), doc.paragraphs[1].start);
    }

    #[test]
    fn wrap_never_breaks_at_hyphens() {
        let src = fixture::source("S1", "T", "Prime Minister Fayez al-Serraj spoke.");
        let doc = Doc::new(&src);
        for w in 10..30 {
            let rows = wrap(&doc, w);
            assert!(
                rows.iter().any(
                    |r| matches!(r, Row::Text(s) if doc.text[s.clone()].contains("al-Serraj"))
                ),
                "width {w}"
            );
        }
    }

    #[test]
    fn wrap_breaks_words_longer_than_the_width() {
        let src = fixture::source("S1", "T", "Supercalifragilistic word");
        let doc = Doc::new(&src);
        for w in [1, 3, 7] {
            let rows = wrap(&doc, w);
            let joined: String = rows
                .iter()
                .map(|r| match r {
                    Row::Text(s) => doc.text[s.clone()].to_string(),
                    Row::Blank => String::new(),
                })
                .collect();
            assert_eq!(joined.replace(' ', ""), "Supercalifragilisticword");
        }
    }

    #[test]
    fn titles_that_repeat_the_text_are_not_own_titles() {
        let body = "Floods cut off  the valley\non Monday. More later.";
        assert!(repeats_text("Floods cut off the valley on Monday.", body));
        assert!(repeats_text("Floods cut off the…", body));
        assert!(!repeats_text("Valley cut off", body));
        assert!(!repeats_text("", body));
        let doc = Doc::new(&fixture::source("S1", "Floods cut off the…", body));
        assert_eq!(doc.title, "Floods cut off the…");
        assert!(!doc.own_title);
        let doc = Doc::new(&fixture::source("S1", "Valley flooded", body));
        assert_eq!(doc.title, "Valley flooded");
        assert!(doc.own_title);
    }

    #[test]
    fn paragraphs_fall_back_to_blank_lines() {
        let ps = split_paragraphs("A b.\nc d.\n\n\nE f.  \n");
        assert_eq!(ps, [0..9, 12..16]);
    }
}
