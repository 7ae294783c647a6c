//! Optional front matter: a leading `---` line, `key: value` lines, `---`.

/// Fields read from front matter. Unknown keys are ignored.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// Parse front matter at the start of `text`. Returns the fields and the byte
/// offset where the body starts, or None if `text` has no front matter.
/// A block counts only if it is closed and every non-blank line inside it is
/// `key: value`, so a Markdown rule (`---`) at the top is not mistaken for it.
pub(crate) fn parse(text: &str) -> Option<(FrontMatter, usize)> {
    let mut lines = line_spans(text);
    let (first, _) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut fm = FrontMatter::default();
    let mut seen_key = false;
    for (line, end) in lines {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim_end() == "---" {
            return seen_key.then_some((fm, end));
        }
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = line.split_once(':')?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        seen_key = true;
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        let slot = match key.to_ascii_lowercase().as_str() {
            "title" => &mut fm.title,
            "outlet" | "source" | "publisher" => &mut fm.outlet,
            "published" | "date" => &mut fm.published,
            "url" | "link" => &mut fm.url,
            _ => continue,
        };
        *slot = Some(value.to_string());
    }
    None
}

/// Lines of `text` with their end offset (after the line break).
fn line_spans(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |l| {
        pos += l.len();
        (l, pos)
    })
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_body_offset() {
        let t = "---\ntitle: \"Quake hits coast\"\noutlet: wire\npublished: 2020-01-02\nurl: http://x.test/a\nauthor: ignored\n---\nBody here.\n";
        let (fm, body) = parse(t).expect("front matter");
        assert_eq!(fm.title.as_deref(), Some("Quake hits coast"));
        assert_eq!(fm.outlet.as_deref(), Some("wire"));
        assert_eq!(fm.published.as_deref(), Some("2020-01-02"));
        assert_eq!(fm.url.as_deref(), Some("http://x.test/a"));
        assert_eq!(&t[body..], "Body here.\n");
    }

    #[test]
    fn crlf_front_matter() {
        let t = "---\r\noutlet: 'wire'\r\n---\r\nBody";
        let (fm, body) = parse(t).expect("front matter");
        assert_eq!(fm.outlet.as_deref(), Some("wire"));
        assert_eq!(&t[body..], "Body");
    }

    #[test]
    fn not_front_matter() {
        assert!(parse("Body\n---\ntitle: x\n---\n").is_none());
        assert!(parse("---\ntitle: never closed\nBody\n").is_none());
        assert!(parse("---\nJust a rule and prose.\n---\n").is_none());
    }
}
