//! Word-level helpers shared by alignment, grouping and wire-copy detection:
//! lowercased ASCII-folded words, a crude stemmer, stopwords from assets/.

use std::collections::HashSet;
use std::sync::OnceLock;

const STOPWORDS: &str = include_str!("../../assets/compare/stopwords.txt");

pub(crate) use crate::assets::word_list;

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list(STOPWORDS).collect())
}

pub fn is_stopword(w: &str) -> bool {
    stopwords().contains(w)
}

/// Lowercased, ASCII-folded words (letters and digits) of `text`.
pub fn words(text: &str) -> Vec<String> {
    let folded = deunicode::deunicode(text).to_lowercase();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A crude suffix stripper: enough for "killed"/"killing"/"kills" to meet.
pub fn stem(w: &str) -> String {
    let n = w.len();
    for suf in ["ings", "ing", "edly", "ed", "ies", "es", "s", "ly"] {
        if n > suf.len() + 3 && w.ends_with(suf) {
            let base = &w[..n - suf.len()];
            // "boxes" -> "box", but "houses" -> "house" (the "s" rule).
            if suf == "es"
                && !(base.ends_with(['x', 'z'])
                    || base.ends_with("ss")
                    || base.ends_with("ch")
                    || base.ends_with("sh"))
            {
                continue;
            }
            return if suf == "ies" {
                format!("{base}y")
            } else {
                base.to_string()
            };
        }
    }
    w.to_string()
}

/// Content terms of `text`: stemmed words without stopwords. Numbers are
/// kept only when `keep_numbers` (alignment uses them, context does not).
pub fn terms(text: &str, keep_numbers: bool) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stopword(w))
        .filter(|w| keep_numbers || !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| w.len() > 1)
        .map(|w| stem(&w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_and_split() {
        assert_eq!(
            words("Al-Sarráj's 21 men"),
            ["al", "sarraj", "s", "21", "men"]
        );
    }

    #[test]
    fn stem_meets_inflections() {
        assert_eq!(stem("killed"), stem("kills"));
        assert_eq!(stem("killing"), "kill");
        assert_eq!(stem("casualties"), "casualty");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("kisses"), "kiss");
        assert_eq!(stem("houses"), stem("house"));
        assert_eq!(stem("churches"), "church");
    }

    #[test]
    fn terms_drop_stopwords_and_numbers() {
        assert_eq!(
            terms("The army said 21 were killed", false),
            ["army", "kill"]
        );
        assert_eq!(terms("The army said 21", true), ["army", "21"]);
    }
}
