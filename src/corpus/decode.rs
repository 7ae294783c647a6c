//! Bytes to text: lossy UTF-8 decoding with a warning per file.

/// Decode `bytes` as UTF-8, replacing each invalid sequence with U+FFFD.
/// Returns the text and, if anything was replaced, a warning.
pub(crate) fn decode(bytes: &[u8]) -> (String, Option<String>) {
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
    (out, warning)
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
        let (t, w) = decode("Tripoli – 21 killed".as_bytes());
        assert_eq!(t, "Tripoli – 21 killed");
        assert!(w.is_none());
    }

    #[test]
    fn invalid_bytes_replaced_and_counted() {
        let (t, w) = decode(b"caf\xe9 and na\xefve\xff");
        assert_eq!(t, "caf\u{fffd} and na\u{fffd}ve\u{fffd}");
        let w = w.expect("warning");
        assert!(w.contains("3 byte sequences"), "{w}");
        assert!(w.contains("byte 3"), "{w}");
    }
}
