//! Markdown to plain text (filled in later; for now verbatim).

use super::sanitize::TextBuilder;

pub(crate) fn render(body: &str, base: usize, out: &mut TextBuilder) {
    out.push_raw(base, body);
}
