//! Small hand-made sources for tests (of the TUI and anyone else): one
//! paragraph per blank-line block, one sentence per paragraph.

use std::path::PathBuf;

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::compare::Aligner;
use crate::corpus::{Sentence, Source};

/// A source with `text`, segmented naively.
pub fn source(id: &str, title: &str, text: &str) -> Source {
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for block in text.split("\n\n") {
        let lead = block.len() - block.trim_start().len();
        let trimmed = block.trim();
        if !trimmed.is_empty() {
            paragraphs.push(offset + lead..offset + lead + trimmed.len());
        }
        offset += block.len() + 2;
    }
    let sentences = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| Sentence {
            span: p.clone(),
            paragraph: i,
        })
        .collect();
    let path = PathBuf::from(format!("fixture_{}.txt", id.to_lowercase()));
    Source::from_parts(id, path, title, text, paragraphs, sentences)
}

/// An analysis of the given sources with no claims or findings.
pub fn analysis(sources: Vec<Source>) -> Analysis {
    // No comparison at all: tests add the findings they need by hand.
    let aligner = Arc::new(Aligner::new(&sources, &[]));
    Analysis {
        sources,
        claims: Vec::new(),
        findings: Vec::new(),
        shared_copy: Vec::new(),
        aligner,
    }
}
