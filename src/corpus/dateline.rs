//! Publication date from a dateline ("May 5, 2010", "Updated 4/9/2007 6:04
//! PM", "Published: April 10, 2007") when front matter gives none.
//!
//! Rule: among the first four paragraphs (not the one the title came from),
//! the first of at most 80 characters that holds a month name with a year
//! (19xx/20xx), or a numeric date (d/m/yyyy, yyyy-mm-dd). The value is the
//! line as written, minus a label such as "Updated".

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

struct Words {
    months: HashSet<&'static str>,
    labels: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut months = HashSet::new();
    let mut labels = Vec::new();
    for (section, line) in crate::assets::sections(include_str!("../../assets/datelines.txt")) {
        match section {
            "months" => {
                months.insert(line);
            }
            "labels" => labels.push(line),
            other => panic!("datelines.txt: unknown section [{other}]"),
        }
    }
    // Longest label first so "first posted:" wins over "first posted".
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    Words { months, labels }
});

const MAX_CHARS: usize = 80;
/// Upper bound in bytes for a dateline paragraph (4 bytes per char).
pub(crate) const MAX_BYTES: usize = MAX_CHARS * 4;

/// The dateline text, if one of the first paragraphs is a dateline.
pub(crate) fn find(text: &str, paragraphs: &[Range<usize>], skip_first: bool) -> Option<String> {
    paragraphs
        .iter()
        .take(4)
        .skip(usize::from(skip_first))
        .map(|p| text[p.clone()].trim())
        .find(|p| p.chars().count() <= MAX_CHARS && is_date(p))
        .map(strip_label)
}

fn is_date(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| !c.is_alphanumeric() && c != '/' && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let month = words
        .iter()
        .any(|w| WORDS.months.contains(w.to_lowercase().as_str()));
    let year = words.iter().any(|w| is_year(w));
    (month && year) || words.iter().any(|w| is_numeric_date(w))
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// "4/9/2007", "05/05/2010", "2010-05-05".
fn is_numeric_date(w: &str) -> bool {
    for sep in ['/', '-'] {
        let parts: Vec<&str> = w.split(sep).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
            let year_last = lens[0] <= 2 && lens[1] <= 2 && (lens[2] == 2 || lens[2] == 4);
            let year_first = lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2;
            if year_last || year_first {
                return true;
            }
        }
    }
    false
}

fn strip_label(line: &str) -> String {
    let lower = line.to_lowercase();
    for label in &WORDS.labels {
        if lower.starts_with(label) {
            let rest = &line[label.len()..];
            // Only at a word boundary ("On July 2" but not "Ongoing").
            if label.ends_with(':') || rest.starts_with(|c: char| c.is_whitespace()) {
                return rest.trim().to_string();
            }
        }
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(text: &str) -> Option<String> {
        let paras = crate::corpus::paragraphs::paragraphs(text);
        find(text, &paras, true)
    }

    #[test]
    fn finds_datelines() {
        let cases = [
            (
                "Dam bursts\nUpdated 3/14/2019 10:02 AM\nWater rose fast.",
                Some("3/14/2019 10:02 AM"),
            ),
            (
                "Dam bursts\nPublished: March 14, 2019\nWater rose fast.",
                Some("March 14, 2019"),
            ),
            (
                "Dam bursts\nTHURSDAY 14 MARCH 2019\nWater rose.",
                Some("THURSDAY 14 MARCH 2019"),
            ),
            (
                "Dam bursts\nSat Mar 16, 2019 4: 10PM GMT\nWater.",
                Some("Sat Mar 16, 2019 4: 10PM GMT"),
            ),
            ("Dam bursts\n2019-03-14\nWater.", Some("2019-03-14")),
            (
                "Dam bursts\nOn March 14 2019 9:00 AM\nWater.",
                Some("March 14 2019 9:00 AM"),
            ),
            ("Dam bursts\nWater rose fast in May.\nIt rained.", None),
            (
                "Dam bursts\nThe dam, built in March 1961, burst after days of rain, flooding the lower valley.",
                None,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(dateline(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn title_paragraph_skipped() {
        let text = "May 2019 floods remembered\nA year on, the town has rebuilt.";
        let paras = crate::corpus::paragraphs::paragraphs(text);
        assert_eq!(find(text, &paras, true), None);
        assert_eq!(
            find(text, &paras, false).as_deref(),
            Some("May 2019 floods remembered")
        );
    }
}
