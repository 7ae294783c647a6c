//! HTML article extraction with dom_smoothie (a readability.js port).
//!
//! `Source::text` for HTML is the extracted article text; offsets and
//! line/column from `Source::locate` refer to that extracted text (kept as
//! `Origin::file_text`), not to the markup. Entities are decoded by the HTML
//! parser. If readability finds no article, the text of `<body>` is used, with
//! scripts and styles removed.

use dom_smoothie::{Config, Readability, TextMode};

pub(crate) struct Page {
    pub title: Option<String>,
    /// Plain text, paragraphs separated by blank lines.
    pub text: String,
}

pub(crate) fn extract(html: &str) -> Page {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let article = Readability::new(html, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .filter(|a| !a.text_content.trim().is_empty());
    match article {
        Some(a) => Page {
            title: non_empty(&a.title),
            text: paragraphs(&a.text_content),
        },
        None => fallback(html),
    }
}

/// The text of <body> (or the whole document), scripts and styles removed.
fn fallback(html: &str) -> Page {
    let r = Readability::from(html);
    let title = non_empty(&r.get_article_title());
    r.doc.select("script, style, noscript, template").remove();
    let text = match r.doc.body() {
        Some(body) => body.formatted_text().to_string(),
        None => r.doc.formatted_text().to_string(),
    };
    Page {
        title,
        text: paragraphs(&text),
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Normalise extracted text so every paragraph is separated by exactly one
/// blank line: lines are trimmed, runs of blank lines collapse.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<!doctype html>
<html><head><title>Ferry sinks off coast &amp; 12 missing | Daily Wire</title>
<script>var tracking = "do not show";</script><style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Ferry sinks off coast &amp; 12 missing</h1>
<p>A passenger ferry carrying 140 people sank off the northern coast on Saturday, the coast guard said, and rescuers were searching for 12 people still missing.</p>
<p>&ldquo;The sea was very rough,&rdquo; said Capt. Lena Ortiz, who led the rescue. Survivors were taken to a hospital in the port town, where doctors treated them for hypothermia and minor injuries.</p>
<p>The ferry had left the harbour at 6&nbsp;a.m. and was due to arrive at noon. Officials said the cause of the sinking was not yet known, and an inquiry would begin on Monday.</p>
</article>
<footer>Copyright 2024</footer>
</body></html>"#;

    #[test]
    fn readability_extracts_title_and_paragraphs() {
        let page = extract(ARTICLE);
        assert_eq!(
            page.title.as_deref(),
            Some("Ferry sinks off coast & 12 missing")
        );
        assert!(
            page.text.contains("A passenger ferry carrying 140 people"),
            "{}",
            page.text
        );
        assert!(
            page.text
                .contains("“The sea was very rough,” said Capt. Lena Ortiz"),
            "{}",
            page.text
        );
        assert!(!page.text.contains("tracking"));
        assert!(!page.text.contains('<'));
        assert!(
            page.text.contains("minor injuries.\n\nThe ferry"),
            "{}",
            page.text
        );
    }

    #[test]
    fn fallback_strips_body_tags() {
        let page = fallback(
            "<html><head><title>Note</title><style>b{}</style></head><body><h2>Head</h2><script>x()</script><div>Short note &lt;one&gt; &amp; more.<br>Next line.</div><p>Two.</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Note"));
        assert_eq!(
            page.text,
            "Head\n\nShort note <one> & more.\n\nNext line.\n\nTwo."
        );
    }

    #[test]
    fn fallback_for_tiny_pages() {
        let page = extract(
            "<html><body><script>x()</script><p>Short note &lt;one&gt;.</p><p>Two.</p></body></html>",
        );
        assert_eq!(page.text, "Short note <one>.\n\nTwo.");
    }
}
