//! Reading the plain-text word lists in assets/ (one entry a line, `#`
//! comments, optional `[section]` headers). One reader for all of them, so
//! every list follows the same rules.

/// Entries of a word list: trimmed lines without comments and blanks.
pub(crate) fn word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Entries of a sectioned word list, each with the `[section]` it stands
/// under ("" before the first header).
pub(crate) fn sections(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    word_list(text).filter_map(move |line| {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => {
                section = name;
                None
            }
            None => Some((section, line)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blanks_and_sections() {
        let text = "# header\n\nloose\n[a]\n one \n# note\n[b]\ntwo\nthree\n";
        assert_eq!(
            word_list(text).collect::<Vec<_>>(),
            ["loose", "[a]", "one", "[b]", "two", "three"]
        );
        assert_eq!(
            sections(text).collect::<Vec<_>>(),
            [("", "loose"), ("a", "one"), ("b", "two"), ("b", "three")]
        );
    }
}
