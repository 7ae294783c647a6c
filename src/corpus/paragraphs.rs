//! Splitting clean text into paragraphs.
//!
//! Lines separated by blank lines form blocks. Inside a block, a file is
//! either *hard-wrapped* (prose wrapped at a fixed column: consecutive lines
//! continue one paragraph) or *line-per-paragraph* (news dumps with one
//! paragraph per line and no blank lines). We decide once per file, looking
//! at the "inner" lines (those followed by another line of the same block):
//! hard-wrapped if there are at least 3, the wrap width (95th percentile of
//! their lengths) is at most 160 characters, at least half of them are longer
//! than half that width (wrapped lines fill the column), and at least 40% of
//! those stop mid-sentence (no terminal punctuation). One-paragraph-per-line
//! news fails the last test: its lines end with a full stop.
//! In a hard-wrapped file a new paragraph still starts after a short line
//! (under 60% of the wrap width: headlines, datelines, paragraph ends), at an
//! indented line, and at a list item.
//! `text` keeps its '\n's either way; the TUI rewraps paragraphs.

use std::ops::Range;

/// Paragraph ranges of `text`, trimmed of surrounding whitespace, in order.
pub(crate) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let blocks = blocks(text);
    let width = wrap_width(text, &blocks);
    let mut out = Vec::new();
    for block in &blocks {
        let Some(width) = width else {
            out.extend(block.iter().filter_map(|l| trim(text, l.clone())));
            continue;
        };
        let mut start = block[0].start;
        for pair in block.windows(2) {
            let (prev, line) = (&pair[0], &pair[1]);
            if starts_paragraph(text, prev, line, width) {
                out.extend(trim(text, start..prev.end));
                start = line.start;
            }
        }
        out.extend(trim(text, start..block[block.len() - 1].end));
    }
    out
}

/// Runs of non-blank lines (line ranges exclude the '\n').
fn blocks(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut blocks: Vec<Vec<Range<usize>>> = Vec::new();
    let mut current = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let range = pos..pos + line.len();
        pos += line.len() + 1;
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(range);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

fn chars(text: &str, r: &Range<usize>) -> usize {
    text[r.clone()].trim_end().chars().count()
}

/// Lines followed by another line of the same block.
fn inner_lines(blocks: &[Vec<Range<usize>>]) -> impl Iterator<Item = &Range<usize>> {
    blocks.iter().flat_map(|b| &b[..b.len() - 1])
}

/// The wrap width if the file is hard-wrapped, else None.
fn wrap_width(text: &str, blocks: &[Vec<Range<usize>>]) -> Option<usize> {
    let inner: Vec<&Range<usize>> = inner_lines(blocks).collect();
    if inner.len() < 3 {
        return None;
    }
    let mut lens: Vec<usize> = inner.iter().map(|l| chars(text, l)).collect();
    lens.sort_unstable();
    let width = lens[(lens.len() * 95 / 100).min(lens.len() - 1)];
    if !(20..=160).contains(&width) {
        return None;
    }
    let full: Vec<&str> = inner
        .iter()
        .map(|l| text[(*l).clone()].trim_end())
        .filter(|l| l.chars().count() * 2 > width)
        .collect();
    if full.len() * 2 < inner.len() {
        return None;
    }
    let open = full.iter().filter(|l| !ends_sentence(l)).count();
    (open * 10 >= full.len() * 4).then_some(width)
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ':', '"', '\'', '”', '’', ')', '…'])
}

fn starts_paragraph(text: &str, prev: &Range<usize>, line: &Range<usize>, width: usize) -> bool {
    let l = &text[line.clone()];
    chars(text, prev) * 10 < width * 6 || l.starts_with([' ', '\t']) || is_list_item(l.trim_start())
}

fn is_list_item(l: &str) -> bool {
    if l.starts_with(['•', '◦', '▪', '–', '—']) || l.starts_with("- ") || l.starts_with("* ")
    {
        return true;
    }
    let digits = l.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (l[digits..].starts_with(". ") || l[digits..].starts_with(") "))
}

fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn blank_line_separated() {
        let t = "  First para line.\n\n\nSecond para.  \n\n";
        assert_eq!(paras(t), ["First para line.", "Second para."]);
    }

    #[test]
    fn one_paragraph_per_line() {
        let t = "Flood kills 4 in valley town\nMarch 3, 2021\nFour people died when the river burst its banks on Tuesday night, officials in the valley said on Wednesday morning.\nRescue teams were still searching for two missing fishermen, the regional governor told reporters.\nSchools stayed closed.\n";
        assert_eq!(paras(t).len(), 5);
    }

    #[test]
    fn hard_wrapped_prose_joined() {
        let t = "Storm cuts power\n\nA winter storm knocked out power to about 40,000 homes across\nthe northern districts on Sunday, the utility company said in a\nstatement, adding that crews would work through the night to\nrestore service.\n\nSchools in three towns will stay closed on Monday, officials said,\nand residents were urged to stay off the roads until the snow\nploughs had cleared them.\nShort last line.\n";
        let p = paras(t);
        assert_eq!(p.len(), 4, "{p:#?}");
        assert_eq!(p[0], "Storm cuts power");
        assert!(p[1].starts_with("A winter storm") && p[1].ends_with("restore service."));
        assert!(p[1].contains('\n'), "text keeps its line breaks");
        assert!(p[2].ends_with("cleared them."));
        assert_eq!(p[3], "Short last line.");
    }

    #[test]
    fn wide_wrap_joined_short_sentence_lines_not() {
        let wide = "Negotiators from both sides met again on Thursday in the border town, where talks had stalled\nlast month over the question of who would control the crossing, a senior official told the\nnews agency, adding that a deal could be signed as early as next week if the remaining issues\nwere settled.\n";
        assert_eq!(paras(wide).len(), 1);
        let lines = "The talks resumed on Thursday.\nBoth sides sent new teams.\nA deal could come next week, an official said.\nThe crossing stays closed for now.\n";
        assert_eq!(paras(lines).len(), 4);
    }

    #[test]
    fn short_lines_own_paragraph_in_wrapped_file() {
        let t = "HEADLINE HERE\nBy A. Writer\nThe council approved the budget late on Thursday after a long debate\nabout road repairs, school funding and the cost of the new bridge over\nthe river, which has doubled since the plan was first presented.\n";
        let p = paras(t);
        assert_eq!(p.len(), 3, "{p:#?}");
        assert_eq!(p[0], "HEADLINE HERE");
        assert_eq!(p[1], "By A. Writer");
    }
}
