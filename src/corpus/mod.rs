//! Loading articles: plain text, Markdown, HTML; front matter; sanitising;
//! segmentation into paragraphs and sentences with byte offsets.
//!
//! Per file: bytes -> `decode` (lossy UTF-8, warning) -> `frontmatter` ->
//! format (`markdown` strips markup, `html` extracts the article) ->
//! `sanitize` (controls/escapes made visible, CRLF -> '\n', with anchors back
//! to the file) -> `paragraphs` -> `sentences` (rules and word lists in
//! assets/abbreviations.txt and assets/sentence_starters.txt) -> `dateline`.

use std::ops::Range;
use std::path::PathBuf;

mod dateline;
mod decode;
mod frontmatter;
mod html;
mod load;
mod markdown;
mod paragraphs;
mod sanitize;
mod seeds;
mod sentences;
#[cfg(test)]
mod tests;

pub use load::count_words;

/// The file format a source was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// One sentence: a byte range of `Source::text`, never crossing a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Index into `Source::paragraphs`.
    pub paragraph: usize,
}

/// Where a byte of `Source::text` came from in the input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// Byte offset into the file as read: its bytes for valid UTF-8 (a BOM
    /// included); after an invalid sequence, into the lossily decoded text
    /// (each U+FFFD counts 3 bytes). For HTML: into the extracted text.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// A loaded article. `text` is the clean text every later stage points
/// into with byte ranges; it is never changed after loading.
#[derive(Debug, Clone)]
pub struct Source {
    /// "S1", "S2", ... in load order.
    pub id: String,
    /// The path as given (seeds: `seeds/<name>`).
    pub path: PathBuf,
    /// File stem, used as a short label ("000_0b2b0a246d65c953", "reuters").
    pub name: String,
    pub format: Format,
    pub title: String,
    pub outlet: Option<String>,
    /// Publication date as written in front matter (or found in a dateline).
    pub published: Option<String>,
    pub url: Option<String>,
    /// Sanitised text: no control characters but '\n'; no escape sequences.
    pub text: String,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub words: usize,
    /// Non-fatal problems found while loading (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
    /// Maps `text` offsets back to the input file (see `locate`).
    pub origin: Origin,
}

/// Anchors mapping text offsets to file offsets, plus the decoded file.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// (text offset, file offset) at the start of each verbatim piece, sorted.
    /// File offsets index `file_text`.
    pub anchors: Vec<(usize, usize)>,
    /// Decoded file content (lossy), used to compute line/column.
    pub file_text: String,
}

impl Source {
    /// A plain-text source whose segmentation is already known, with no
    /// front matter and text offsets equal to file offsets. For tests and
    /// tools that build sources by hand; loading goes through `load_paths`.
    pub fn from_parts(
        id: &str,
        path: PathBuf,
        title: &str,
        text: &str,
        paragraphs: Vec<Range<usize>>,
        sentences: Vec<Sentence>,
    ) -> Source {
        let name = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        Source {
            id: id.to_string(),
            path,
            name,
            format: Format::Text,
            title: title.to_string(),
            outlet: None,
            published: None,
            url: None,
            text: text.to_string(),
            paragraphs,
            sentences,
            words: load::count_words(text),
            warnings: Vec::new(),
            origin: Origin {
                anchors: Vec::new(),
                file_text: text.to_string(),
            },
        }
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.text[self.sentences[i].span.clone()]
    }

    /// Index of the sentence containing byte `offset` of `text`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the paragraph that is the dateline `published` was read
    /// from, if any (its dates are publication dates, not claims).
    pub fn dateline(&self) -> Option<usize> {
        let published = self.published.as_deref()?;
        self.paragraphs.iter().take(4).position(|p| {
            let t = &self.text[p.clone()];
            t.len() <= dateline::MAX_BYTES && t.contains(published)
        })
    }

    /// Location in the input file of byte `offset` of `text`.
    pub fn locate(&self, offset: usize) -> Location {
        self.origin.locate(offset)
    }
}

impl Origin {
    pub fn locate(&self, text_offset: usize) -> Location {
        let i = self.anchors.partition_point(|&(t, _)| t <= text_offset);
        let offset = if i == 0 {
            text_offset
        } else {
            let (t, f) = self.anchors[i - 1];
            f + (text_offset - t)
        };
        let offset = offset.min(self.file_text.len());
        // Clamp to a char boundary of the decoded file text.
        let mut offset = offset;
        while !self.file_text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.file_text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        // A byte order mark is not a visible column.
        let line_text = before[line_start..].trim_start_matches('\u{feff}');
        let column = line_text.chars().count() + 1;
        Location {
            offset,
            line,
            column,
        }
    }
}

/// Why an input could not be loaded. Every variant names the file (shown
/// with control characters neutralised, see [`display_path`]).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such file or directory", display_path(.path))]
    Missing { path: PathBuf },
    #[error(
        "{}: directory holds no articles (.txt, .md, .markdown, .html, .htm)",
        display_path(.path)
    )]
    EmptyDir { path: PathBuf },
    #[error("{}: file is empty", display_path(.path))]
    Empty { path: PathBuf },
    #[error("{}: binary file (NUL bytes), not an article", display_path(.path))]
    Binary { path: PathBuf },
    #[error("{}: cannot read: {source}", display_path(.path))]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// A path made safe to print: lossy UTF-8, control characters and escape
/// sequences neutralised like article text (a file may be named "\x1b[2J"),
/// line breaks shown as U+2424.
pub fn display_path(path: &std::path::Path) -> String {
    let mut b = sanitize::TextBuilder::new();
    b.push_raw(0, &path.to_string_lossy());
    b.text.replace('\n', "\u{2424}")
}

/// Load every PATH (file, or directory of articles sorted by name), in order.
/// Ids are assigned S1, S2, ... across all of them.
/// A PATH is a file (any extension; unknown ones are read as plain text) or
/// a directory (its .txt/.md/.markdown/.html/.htm files, non-recursive).
pub fn load_paths(paths: &[PathBuf]) -> Result<Vec<Source>, LoadError> {
    load::load_paths(paths)
}

/// Load one article from memory, as if read from `path` (its extension picks
/// the format). For callers that already hold the bytes: benches, tools,
/// tests. `index` is 0-based and gives the id ("S1" for 0).
pub fn load_bytes(index: usize, path: &std::path::Path, bytes: &[u8]) -> Result<Source, LoadError> {
    load::build(
        format!("S{}", index + 1),
        path.to_path_buf(),
        load::format_of(path),
        bytes,
    )
}

/// The three bundled seed articles (compiled into the binary).
/// Paths are `seeds/<file name>`, ids S1..S3 in file-name order.
pub fn load_seeds() -> Vec<Source> {
    seeds::load_seeds()
}
