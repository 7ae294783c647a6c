//! Test helpers: a naive Source builder (the real loader lives in corpus).

use std::path::PathBuf;

use crate::corpus::{Sentence, Source};

/// Build a Source from plain text: paragraphs at newlines, sentences at ". ".
pub fn source(name: &str, raw: &str, published: Option<&str>) -> Source {
    let text = raw.to_string();
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end();
        if !body.trim().is_empty() {
            let p = paragraphs.len();
            paragraphs.push(off..off + body.len());
            let bytes = body.as_bytes();
            let mut s = 0;
            let mut k = 0;
            while k < bytes.len() {
                let end_mark = matches!(bytes[k], b'.' | b'?' | b'!');
                let next_space = k + 1 < bytes.len() && bytes[k + 1] == b' ';
                let next_upper = k + 2 < bytes.len()
                    && (bytes[k + 2].is_ascii_uppercase() || bytes[k + 2] == b'"');
                let short_word = end_mark
                    && k >= 2
                    && body[..k].rsplit(' ').next().is_some_and(|w| {
                        w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase)
                    });
                if end_mark && next_space && next_upper && !short_word {
                    sentences.push(Sentence {
                        span: off + s..off + k + 1,
                        paragraph: p,
                    });
                    s = k + 2;
                }
                k += 1;
            }
            if s < body.len() {
                sentences.push(Sentence {
                    span: off + s..off + body.len(),
                    paragraph: p,
                });
            }
        }
        off += line.len();
    }
    let mut source =
        Source::from_parts("S1", PathBuf::from(name), "", &text, paragraphs, sentences);
    source.published = published.map(str::to_string);
    source
}
