//! Markdown to readable text. Markup that distracts from the prose is
//! dropped; everything kept is copied verbatim so offsets still map back to
//! the file. Stripped: ATX heading marks, block quote '>', emphasis (* _ ** __),
//! inline code backticks, link/image syntax (the link text or alt text stays),
//! reference definitions, HTML comments and inline tags, setext underlines and
//! horizontal rules (they become blank lines), code fences. Bullets ("-", "*",
//! "+") become "• "; ordered list numbers stay.

use std::ops::Range;

use super::sanitize::TextBuilder;

/// Longest link or inline tag looked for, in bytes.
const MAX_SPAN: usize = 2048;

/// A piece of output: a kept byte range of the line, or inserted text.
#[derive(Debug, PartialEq)]
enum Piece {
    Keep(Range<usize>),
    Insert(&'static str),
}

/// Render Markdown `body` (at file offset `base`) into `out`.
pub(crate) fn render(body: &str, base: usize, out: &mut TextBuilder) {
    let mut in_comment = false;
    let mut in_fence: Option<&str> = None;
    let mut pos = 0;
    for raw_line in body.split_inclusive('\n') {
        let line_off = pos;
        pos += raw_line.len();
        let content_len = raw_line.trim_end_matches(['\n', '\r']).len();
        let line = &raw_line[..content_len];
        let eol = &raw_line[content_len..];
        let eol_off = base + line_off + content_len;

        if let Some(fence) = in_fence {
            if line.trim_start().starts_with(fence) {
                in_fence = None;
            } else {
                out.push_raw(base + line_off, line);
                out.push_raw(eol_off, eol);
            }
            continue;
        }
        let trimmed = line.trim_start();
        if !in_comment {
            if let Some(fence) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) {
                in_fence = Some(fence);
                continue;
            }
            if is_rule(trimmed) || is_reference_definition(trimmed) {
                out.push_raw(eol_off, eol);
                continue;
            }
        }
        let pieces = line_pieces(line, &mut in_comment);
        for piece in pieces {
            match piece {
                Piece::Keep(r) => out.push_raw(base + line_off + r.start, &line[r]),
                Piece::Insert(s) => out.push_synthetic(base + line_off, s),
            }
        }
        // A line break inside an HTML comment is part of the comment.
        if !in_comment {
            out.push_raw(eol_off, eol);
        }
    }
}

/// Horizontal rules and setext underlines: "---", "***", "___", "===".
fn is_rule(t: &str) -> bool {
    let t = t.trim_end();
    let Some(c) = t.chars().next() else {
        return false;
    };
    matches!(c, '-' | '*' | '_' | '=')
        && t.chars().filter(|&x| x == c).count() >= 3
        && t.chars().all(|x| x == c || x == ' ')
}

/// "[id]: http://..." lines.
fn is_reference_definition(t: &str) -> bool {
    t.starts_with('[')
        && t.find("]:").is_some_and(|i| {
            let url = t[i + 2..].trim_start();
            url.starts_with("http") || url.starts_with('/') || url.starts_with('<')
        })
}

/// Block prefixes (quote, heading, bullet) then inline markup of one line.
fn line_pieces(line: &str, in_comment: &mut bool) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut start = 0;
    if !*in_comment {
        start = block_prefix(line, &mut out);
    }
    let mut end = line.len();
    // Closing ATX marks: "## Title ##".
    if line[..start].contains('#') {
        let t = line[start..].trim_end();
        let without = t.trim_end_matches('#');
        if without.len() < t.len() && (without.is_empty() || without.ends_with(' ')) {
            end = start + without.trim_end().len();
        }
    }
    inline(line, start..end, in_comment, &mut out);
    out
}

/// Strip block markers at the start of `line`; returns where content starts.
fn block_prefix(line: &str, out: &mut Vec<Piece>) -> usize {
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        let indent = i + line[i..].len() - line[i..].trim_start_matches(' ').len();
        if b.get(indent) == Some(&b'>') {
            i = indent + 1;
            if b.get(i) == Some(&b' ') {
                i += 1;
            }
            continue;
        }
        i = indent;
        break;
    }
    let rest = &line[i..];
    let hashes = rest.bytes().take_while(|&c| c == b'#').count();
    if (1..=6).contains(&hashes) && matches!(rest.as_bytes().get(hashes), None | Some(b' ')) {
        return (i + hashes + 1).min(line.len());
    }
    if ["- ", "* ", "+ "].iter().any(|m| rest.starts_with(m)) {
        out.push(Piece::Insert("• "));
        return i + 2;
    }
    i
}

fn inline(line: &str, range: Range<usize>, in_comment: &mut bool, out: &mut Vec<Piece>) {
    let b = line.as_bytes();
    let mut keep_from = range.start;
    let mut i = range.start;
    let flush = |out: &mut Vec<Piece>, from: usize, to: usize| {
        if from < to {
            out.push(Piece::Keep(from..to));
        }
    };
    while i < range.end {
        if *in_comment {
            match line[i..range.end].find("-->") {
                Some(e) => {
                    *in_comment = false;
                    i += e + 3;
                    keep_from = i;
                    continue;
                }
                None => return,
            }
        }
        let c = b[i];
        let rest = &line[i..range.end];
        match c {
            b'\\' if i + 1 < range.end && b[i + 1].is_ascii_punctuation() => {
                flush(out, keep_from, i);
                keep_from = i + 1;
                i += 2;
            }
            b'<' if rest.starts_with("<!--") => {
                flush(out, keep_from, i);
                *in_comment = true;
                i += 4;
            }
            b'<' if is_tag(rest).is_some() => {
                let len = is_tag(rest).unwrap_or(1);
                flush(out, keep_from, i);
                // Autolinks <http://x> keep their URL.
                if rest[1..].starts_with("http") {
                    out.push(Piece::Keep(i + 1..i + len - 1));
                }
                i += len;
                keep_from = i;
            }
            b'`' => {
                flush(out, keep_from, i);
                i += rest.bytes().take_while(|&x| x == b'`').count();
                keep_from = i;
            }
            b'*' | b'_' => {
                let run = rest.bytes().take_while(|&x| x == c).count();
                let before = line[..i].chars().next_back();
                let after = line[i + run..].chars().next();
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                // "a * b" stays; snake_case stays.
                let literal =
                    (space(before) && space(after)) || (c == b'_' && word(before) && word(after));
                let emphasis = !literal;
                if emphasis {
                    flush(out, keep_from, i);
                    keep_from = i + run;
                }
                i += run;
            }
            b'!' if rest.starts_with("![") && link_at(line, i + 1, range.end).is_some() => {
                flush(out, keep_from, i);
                i += 1;
                keep_from = i;
            }
            b'[' => {
                if let Some((text, after)) = link_at(line, i, range.end) {
                    flush(out, keep_from, i);
                    inline(line, text, in_comment, out);
                    i = after;
                    keep_from = i;
                } else {
                    i += 1;
                }
            }
            _ => i += line[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if !*in_comment {
        flush(out, keep_from, range.end);
    }
}

/// A link `[text](url)` or `[text][ref]` starting at `i` (the '['): returns
/// the text range and the end of the whole link.
fn link_at(line: &str, i: usize, end: usize) -> Option<(Range<usize>, usize)> {
    let b = line.as_bytes();
    // Links are short; a bounded search keeps "[[[[..." lines linear.
    let mut end = end.min(i + MAX_SPAN);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let mut depth = 0;
    let mut close = None;
    for (j, &c) in b.iter().enumerate().take(end).skip(i) {
        match c {
            b'[' => {
                depth += 1;
                // Link text does not nest deeply; "[[[[..." is not a link.
                if depth > 3 {
                    return None;
                }
            }
            b']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let (open, shut) = match b.get(close + 1) {
        Some(b'(') => (b'(', b')'),
        Some(b'[') => (b'[', b']'),
        _ => return None,
    };
    let _ = open;
    let tail = line[close + 2..end].find(shut as char)?;
    Some((i + 1..close, close + 2 + tail + 1))
}

/// Length of an inline HTML tag or autolink at the start of `s`.
fn is_tag(s: &str) -> Option<usize> {
    let second = s[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/') {
        return None;
    }
    // Stop at the next '<' too: a tag never contains one.
    let end = s
        .bytes()
        .take(MAX_SPAN)
        .skip(1)
        .position(|b| matches!(b, b'>' | b'<' | b'\n'))?
        + 1;
    (s.as_bytes()[end] == b'>').then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> String {
        let mut b = TextBuilder::new();
        render(s, 0, &mut b);
        b.text
    }

    #[test]
    fn strips_markup() {
        let input = "# Storm *hits* coast ##\n\n> A **strong** storm hit the __coast__ on `Monday`.\n\n- first [item](http://x.test/a \"t\")\n* second ![photo of pier](pier.jpg)\n1. numbered\n\nSee <https://example.test> and a_b_c, 3 * 4.<!-- hidden\nstill hidden -->Visible <b>bold</b>.\n\n---\n\n[ref]: http://x.test/r\nLast \\*literal\\* [word][ref].\n";
        let expected = "Storm hits coast\n\nA strong storm hit the coast on Monday.\n\n• first item\n• second photo of pier\n1. numbered\n\nSee https://example.test and a_b_c, 3 * 4.Visible bold.\n\n\n\n\nLast *literal* word.\n";
        assert_eq!(md(input), expected);
    }

    #[test]
    fn fenced_code_kept_without_fences() {
        assert_eq!(
            md("Text.\n```\ncode *x*\n```\nMore."),
            "Text.\ncode *x*\nMore."
        );
    }

    #[test]
    fn offsets_point_into_file() {
        let input = "## Heading\n\nThe **mayor** said.\n";
        let mut b = TextBuilder::new();
        render(input, 100, &mut b);
        let origin = crate::corpus::Origin {
            anchors: b.anchors,
            file_text: format!("{}{}", " ".repeat(100), input),
        };
        let mayor = b.text.find("mayor").unwrap();
        let said = b.text.find("said").unwrap();
        assert_eq!(
            &origin.file_text[origin.locate(mayor).offset..][..5],
            "mayor"
        );
        assert_eq!(&origin.file_text[origin.locate(said).offset..][..4], "said");
        assert_eq!(origin.locate(said).line, 3);
    }
}
