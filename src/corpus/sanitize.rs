//! Building the clean `Source::text` from raw file text, with offset anchors.
//!
//! Neutralising policy (text from articles never reaches the terminal raw):
//! - CRLF and lone CR become '\n'; U+2028/U+2029 and NEL (U+0085) become '\n'.
//! - Tab becomes one space (one byte for one byte, so offsets stay exact).
//! - ESC (0x1B) becomes the visible symbol U+241B "␛"; the rest of an escape
//!   sequence ("[31m", "]0;title") is printable and kept as plain text, so
//!   "\x1b[31m" shows as "␛[31m". Any BEL/ST inside is handled like below.
//! - Other C0 controls and DEL become their Control Pictures (U+2400 + code,
//!   U+2421 for DEL), e.g. BEL -> "␇", NUL -> "␀".
//! - C1 controls (U+0080..U+009F) are 7-bit equivalents of "ESC x", so they
//!   show as "␛" + that letter (U+009B CSI -> "␛[").
//! - Bidi embedding/override/isolate controls (U+202A..U+202E, U+2066..U+2069)
//!   and stray BOMs (U+FEFF) are removed: they are invisible and can reorder
//!   what the terminal shows. Marks (U+200E/F) and joiners (ZWJ) are harmless
//!   and stay.

/// Accumulates clean text and the anchors mapping it back to the file.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    pub text: String,
    pub anchors: Vec<(usize, usize)>,
    /// File offset right after the last verbatim piece, if the last push was
    /// verbatim (a contiguous continuation needs no new anchor).
    next_file: Option<usize>,
}

impl TextBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Append `s`, copied unchanged from file offset `file_off`.
    fn push_verbatim(&mut self, file_off: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.next_file != Some(file_off) {
            self.anchors.push((self.text.len(), file_off));
        }
        self.text.push_str(s);
        self.next_file = Some(file_off + s.len());
    }

    /// Append `s` as a stand-in for the file bytes at `file_off` (possibly
    /// empty, for removed characters).
    fn push_substitute(&mut self, file_off: usize, s: &str) {
        if !s.is_empty() {
            self.anchors.push((self.text.len(), file_off));
            self.text.push_str(s);
        }
        self.next_file = None;
    }

    /// Append synthetic text (e.g. a list bullet) standing for `file_off`.
    #[allow(dead_code)] // used by the Markdown renderer
    pub fn push_synthetic(&mut self, file_off: usize, s: &str) {
        self.push_substitute(file_off, s);
    }

    /// Sanitise `raw` (found at file offset `file_off`) and append it.
    pub fn push_raw(&mut self, file_off: usize, raw: &str) {
        let mut run_start = 0;
        let mut iter = raw.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let replacement: Option<std::borrow::Cow<'static, str>> = match c {
                '\n' => None,
                '\r' => {
                    if iter.peek().is_some_and(|&(_, n)| n == '\n') {
                        Some("".into())
                    } else {
                        Some("\n".into())
                    }
                }
                '\t' => Some(" ".into()),
                '\u{1b}' => Some("\u{241b}".into()),
                '\u{7f}' => Some("\u{2421}".into()),
                '\u{85}' | '\u{2028}' | '\u{2029}' => Some("\n".into()),
                c if (c as u32) < 0x20 => Some(
                    char::from_u32(0x2400 + c as u32)
                        .unwrap_or('\u{fffd}')
                        .to_string()
                        .into(),
                ),
                c if (0x80..0xa0).contains(&(c as u32)) => {
                    let letter = char::from_u32(c as u32 - 0x40).unwrap_or('?');
                    Some(format!("\u{241b}{letter}").into())
                }
                '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' => Some("".into()),
                _ => None,
            };
            if let Some(rep) = replacement {
                self.push_verbatim(file_off + run_start, &raw[run_start..i]);
                self.push_substitute(file_off + i, &rep);
                run_start = i + c.len_utf8();
            }
        }
        self.push_verbatim(file_off + run_start, &raw[run_start..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        let mut b = TextBuilder::new();
        b.push_raw(0, s);
        b.text
    }

    #[test]
    fn newlines_normalised() {
        assert_eq!(clean("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean("a\u{2028}b"), "a\nb");
    }

    #[test]
    fn controls_become_visible() {
        let out = clean("red \x1b[31mALERT\x1b[0m bell\x07 nul\0 del\x7f tab\there");
        assert_eq!(out, "red ␛[31mALERT␛[0m bell␇ nul␀ del␡ tab here");
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn osc_and_c1_neutralised() {
        let out = clean("x\x1b]0;pwned\x07y \u{9b}2J z");
        assert_eq!(out, "x␛]0;pwned␇y ␛[2J z");
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn bidi_overrides_removed_joiners_kept() {
        let out = clean("abc\u{202e}fed\u{202c} \u{2067}x\u{2069} 👩\u{200d}🚒");
        assert_eq!(out, "abcfed x 👩\u{200d}🚒");
    }

    #[test]
    fn anchors_map_back_across_crlf() {
        let raw = "ab\r\ncd\r\nef";
        let mut b = TextBuilder::new();
        b.push_raw(10, raw);
        assert_eq!(b.text, "ab\ncd\nef");
        let origin = crate::corpus::Origin {
            anchors: b.anchors.clone(),
            file_text: format!("{}{}", "x".repeat(10), raw),
        };
        // 'e' is text offset 6, file offset 10 + 8.
        assert_eq!(origin.locate(6).offset, 18);
        assert_eq!(origin.locate(6).line, 3);
        assert_eq!(origin.locate(6).column, 1);
        assert_eq!(origin.locate(3).offset, 14);
    }
}
