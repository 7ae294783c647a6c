//! Test helpers: sources built from strings and hand-made claims, so the
//! comparison can be tested without the loader or the extractor.

use std::path::PathBuf;

use crate::claims::{Bound, Claim, Topic, Value};
use crate::corpus::{Sentence, Source};

/// A source from plain text: paragraphs split on blank lines, sentences on
/// ". " (crude, enough for hand-written test articles).
pub fn source(index: usize, name: &str, text: &str) -> Source {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let end = start + part.len();
        let p = paragraphs.len();
        paragraphs.push(start..end);
        let mut s = start;
        let bytes = text.as_bytes();
        let mut i = start;
        while i < end {
            if bytes[i] == b'.' && (i + 1 == end || bytes[i + 1] == b' ') {
                sentences.push(Sentence {
                    span: s..i + 1,
                    paragraph: p,
                });
                s = i + 1;
                while s < end && bytes[s] == b' ' {
                    s += 1;
                }
                i = s;
                continue;
            }
            i += 1;
        }
        if s < end {
            sentences.push(Sentence {
                span: s..end,
                paragraph: p,
            });
        }
        start = end + 2;
    }
    Source::from_parts(
        &format!("S{}", index + 1),
        PathBuf::from(format!("test/{name}.txt")),
        text.lines().next().unwrap_or(""),
        text,
        paragraphs,
        sentences,
    )
}

/// A claim on the first occurrence of `needle` in source `src` (index `si`).
pub fn claim(si: usize, src: &Source, needle: &str, topic: Topic, value: Value) -> Claim {
    claim_nth(si, src, needle, 0, topic, value)
}

/// Like `claim`, on the `nth` occurrence of `needle`.
pub fn claim_nth(
    si: usize,
    src: &Source,
    needle: &str,
    nth: usize,
    topic: Topic,
    value: Value,
) -> Claim {
    let start = src
        .text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in {}", src.name))
        .0;
    let span = start..start + needle.len();
    Claim {
        source: si,
        sentence: src.sentence_at(start).expect("claim inside a sentence"),
        span,
        topic,
        subject: None,
        value,
        bound: Bound::Exact,
        unit: None,
        original: None,
        scope: None,
        scope_sentence: None,
        vague: false,
    }
}

pub fn num(v: f64) -> Value {
    Value::num(v)
}

pub fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}
