//! Bytes to text: lossy UTF-8 decoding with a warning per file.

/// Decoded file text.
pub(crate) struct Decoded {
    pub text: String,
    /// Set if anything was replaced.
    pub warning: Option<String>,
}

/// Decode `bytes` as UTF-8, replacing each invalid sequence with U+FFFD.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    let mut out = String::with_capacity(bytes.len());
    let mut bad = 0usize;
    let mut first_bad = None;
    let mut pos = 0usize;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        pos += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(pos);
            bad += 1;
            pos += chunk.invalid().len();
            out.push('\u{fffd}');
        }
    }
    let warning = first_bad.map(|at| {
        format!(
            "invalid UTF-8: {bad} byte sequence{} replaced with U+FFFD (first at byte {at})",
            if bad == 1 { "" } else { "s" }
        )
    });
    Decoded { text: out, warning }
}

/// Length of a leading UTF-8 byte order mark, if any.
pub(crate) fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_text_has_no_warning() {
        let d = decode("Tripoli – 21 killed".as_bytes());
        assert_eq!(d.text, "Tripoli – 21 killed");
        assert!(d.warning.is_none());
    }

    #[test]
    fn invalid_bytes_replaced_and_counted() {
        let d = decode(b"caf\xe9 and na\xefve\xff");
        assert_eq!(d.text, "caf\u{fffd} and na\u{fffd}ve\u{fffd}");
        let w = d.warning.expect("warning");
        assert!(w.contains("3 byte sequences"), "{w}");
        assert!(w.contains("byte 3"), "{w}");
    }
}
