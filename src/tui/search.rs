//! Case-insensitive search over the sources' text, giving byte ranges.

use std::ops::Range;

/// Every match of `query` in `text`, case-insensitively, as byte ranges
/// (non-overlapping, left to right). An empty or blank query finds nothing.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if query.trim().is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    while from < text.len() {
        match match_at(&text[from..], &needle) {
            Some(len) => {
                out.push(from..from + len);
                from += len;
            }
            None => {
                from += text[from..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    out
}

/// Length in bytes of the match of `needle` (lower-cased) at the start of
/// `hay`, if any; characters are compared by their lower-case forms.
fn match_at(hay: &str, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    let mut len = 0;
    let mut pending: Vec<char> = Vec::new();
    for c in hay.chars() {
        pending.clear();
        pending.extend(c.to_lowercase());
        for p in &pending {
            if want.next() != Some(p) {
                return None;
            }
        }
        len += c.len_utf8();
        if want.len() == 0 {
            return Some(len);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_match_ignoring_case() {
        let text = "Egypt backed him; EGYPT denied it. egyptian";
        let hits = find_all(text, "egypt");
        let words: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["Egypt", "EGYPT", "egypt"]);
        assert!(find_all(text, "  ").is_empty());
        assert!(find_all(text, "sudan").is_empty());
    }

    #[test]
    fn byte_ranges_stay_on_character_boundaries() {
        let text = "Ärzte in Zürich; ÄRZTE";
        let hits = find_all(text, "ärzte");
        assert_eq!(hits.len(), 2);
        for r in &hits {
            assert_eq!(text[r.clone()].to_lowercase(), "ärzte");
        }
        assert_eq!(find_all("aaa", "aa"), vec![0..2], "no overlaps");
    }
}
