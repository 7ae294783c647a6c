//! Reading PATHs from disk and turning file bytes into a `Source`.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use unicode_segmentation::UnicodeSegmentation;

use super::sanitize::TextBuilder;
use super::{
    Format, LoadError, Origin, Source, dateline, decode, frontmatter, html, markdown, paragraphs,
    sentences,
};

/// File extensions picked up from directories.
pub(crate) const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// Longest title taken from the first line of the text, in characters.
const MAX_TITLE_CHARS: usize = 120;

pub(crate) fn load_paths(paths: &[PathBuf]) -> Result<Vec<Source>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            files.extend(articles_in(path)?);
        } else {
            files.push(path.clone());
        }
    }
    files
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
            build(format!("S{}", i + 1), path.clone(), format_of(path), &bytes)
        })
        .collect()
}

fn io_error(path: &Path, source: std::io::Error) -> LoadError {
    if source.kind() == ErrorKind::NotFound {
        LoadError::Missing {
            path: path.to_path_buf(),
        }
    } else {
        LoadError::Unreadable {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Article files directly inside `dir` (not recursive), sorted by name.
/// Hidden files (".name") are skipped.
fn articles_in(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && has_article_extension(&path) && path.is_file() {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(LoadError::EmptyDir {
            path: dir.to_path_buf(),
        });
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn has_article_extension(path: &Path) -> bool {
    ARTICLE_EXTENSIONS.contains(&extension(path).as_str())
}

/// Format by extension; anything unknown is read as plain text.
pub(crate) fn format_of(path: &Path) -> Format {
    match extension(path).as_str() {
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" => Format::Html,
        _ => Format::Text,
    }
}

/// Build a `Source` from the raw bytes of the file at `path`.
pub(crate) fn build(
    id: String,
    path: PathBuf,
    format: Format,
    bytes: &[u8],
) -> Result<Source, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary { path });
    }
    let decode::Decoded {
        text: file_text,
        warning,
    } = decode::decode(bytes);
    let bom = decode::bom_len(&file_text);
    if file_text[bom..].trim().is_empty() {
        return Err(LoadError::Empty { path });
    }
    let (fm, body_start) = match frontmatter::parse(&file_text[bom..]) {
        Some((fm, off)) => (fm, bom + off),
        None => (Default::default(), bom),
    };
    let body = &file_text[body_start..];
    let mut builder = TextBuilder::new();
    let mut html_title = None;
    let origin_text = match format {
        Format::Text => {
            builder.push_raw(body_start, body);
            file_text.clone()
        }
        Format::Markdown => {
            markdown::render(body, body_start, &mut builder);
            file_text.clone()
        }
        Format::Html => {
            // Offsets for HTML point into the extracted text, not the markup.
            let page = html::extract(body);
            html_title = page.title;
            builder.push_raw(0, &page.text);
            page.text
        }
    };
    let TextBuilder { text, anchors, .. } = builder;
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path });
    }
    let paragraphs = paragraphs::paragraphs(&text);
    let sentences = sentences::sentences(&text, &paragraphs);
    let words = count_words(&text);
    let given_title = fm
        .title
        .clone()
        .or(html_title)
        .map(|t| clean_line(&t))
        .filter(|t| !t.is_empty());
    let title_from_text = given_title.is_none();
    let title = given_title.unwrap_or_else(|| first_line_title(&text));
    let published = match fm.published {
        Some(p) => Some(clean_line(&p)),
        None => dateline::find(&text, &paragraphs, title_from_text),
    };
    let name = path
        .file_stem()
        .map(|s| super::display_path(Path::new(s)))
        .unwrap_or_default();
    Ok(Source {
        id,
        name,
        format,
        title,
        outlet: fm.outlet.map(|s| clean_line(&s)),
        published,
        url: fm.url.map(|s| clean_line(&s)),
        text,
        paragraphs,
        sentences,
        words,
        warnings: warning.into_iter().collect(),
        origin: Origin {
            anchors,
            file_text: origin_text,
        },
        path,
    })
}

/// Words: Unicode word-bounded segments containing a letter or digit.
pub fn count_words(text: &str) -> usize {
    text.split_word_bounds()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Sanitise a metadata value (front matter/HTML title) to one clean line.
fn clean_line(s: &str) -> String {
    let mut b = TextBuilder::new();
    b.push_raw(0, s);
    b.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Phrases of page furniture ("Stay Updated on Developing Stories") that a
/// pasted web article may start with; such a line is not the title.
const BOILERPLATE: &str = include_str!("../../assets/boilerplate.txt");

fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    crate::assets::word_list(BOILERPLATE).any(|p| lower.starts_with(p))
}

/// The first non-empty line that is not page furniture, trimmed, cut to
/// `MAX_TITLE_CHARS` at a word.
fn first_line_title(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.clone().next().unwrap_or("");
    let line = lines.find(|l| !is_boilerplate(l)).unwrap_or(first);
    if line.chars().count() <= MAX_TITLE_CHARS {
        return line.to_string();
    }
    let cut: String = line.chars().take(MAX_TITLE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX_TITLE_CHARS / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}
