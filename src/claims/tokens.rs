//! A small tokenizer with byte offsets: words, numbers, URLs, punctuation.
//! Hyphens and possessive "'s" are separate tokens so that grammar code can
//! see "75-year-old" and "Haftar's" piece by piece; `glued` tells whether two
//! tokens touch.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Url,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lower-cased text (curly apostrophes folded to ').
    pub lower: String,
    /// First character is upper-case.
    pub cap: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenize `text`; offsets are byte offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let rest = &text[start..];
        if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
            let mut k = i;
            while k < n && !chars[k].1.is_whitespace() {
                k += 1;
            }
            // A URL does not swallow the sentence's closing punctuation.
            while k > i + 1 && matches!(chars[k - 1].1, '.' | ',' | ')' | ';' | '"' | '”') {
                k -= 1;
            }
            push(&mut out, text, start, end_of(k), Kind::Url);
            i = k;
            continue;
        }
        if c.is_ascii_digit() {
            let mut k = i + 1;
            while k < n {
                let ch = chars[k].1;
                if ch.is_ascii_digit() {
                    k += 1;
                } else if matches!(ch, ',' | '.' | ':')
                    && k + 1 < n
                    && chars[k + 1].1.is_ascii_digit()
                {
                    k += 2;
                } else {
                    break;
                }
            }
            push(&mut out, text, start, end_of(k), Kind::Num);
            i = k;
            continue;
        }
        if c.is_alphabetic() {
            // Initialisms with dots: "U.N.", "U.S.", "a.m." (also "a. m.").
            if let Some(k) = initialism(&chars, i) {
                push(&mut out, text, start, end_of(k), Kind::Word);
                i = k;
                continue;
            }
            let mut k = i + 1;
            while k < n {
                let ch = chars[k].1;
                if ch.is_alphabetic() || ch == '\u{301}' {
                    k += 1;
                } else if is_apos(ch) && k + 1 < n && chars[k + 1].1.is_alphabetic() {
                    // Possessive 's is split off; other apostrophes stay inside ("O'Brien").
                    let after_s = k + 2 >= n || !chars[k + 2].1.is_alphabetic();
                    if matches!(chars[k + 1].1, 's' | 'S') && after_s {
                        break;
                    }
                    k += 2;
                } else {
                    break;
                }
            }
            push(&mut out, text, start, end_of(k), Kind::Word);
            i = k;
            continue;
        }
        if is_apos(c) && i + 1 < n && matches!(chars[i + 1].1, 's' | 'S') {
            let after_s = i + 2 >= n || !chars[i + 2].1.is_alphabetic();
            if after_s && !out.is_empty() {
                push(&mut out, text, start, end_of(i + 2), Kind::Word);
                i += 2;
                continue;
            }
        }
        push(&mut out, text, start, end_of(i + 1), Kind::Punct);
        i += 1;
    }
    out
}

/// "U.N." / "a.m." / "a. m." / "U. S.": single letters each followed by a dot.
fn initialism(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let n = chars.len();
    let single = |k: usize| {
        k + 1 < n
            && chars[k].1.is_alphabetic()
            && chars[k + 1].1 == '.'
            && (k == 0 || !chars[k - 1].1.is_alphabetic())
    };
    if !single(i) {
        return None;
    }
    let mut k = i + 2;
    let mut letters = 1;
    loop {
        let mut j = k;
        if j < n && chars[j].1 == ' ' {
            j += 1;
        }
        if single(j) && (j + 2 >= n || !chars[j + 2].1.is_alphabetic()) {
            // "a. m." and "U. S." only when the letters are lower-case pairs or upper-case pairs.
            if j != k && chars[j].1.is_uppercase() != chars[i].1.is_uppercase() {
                break;
            }
            k = j + 2;
            letters += 1;
        } else {
            break;
        }
    }
    (letters >= 2).then_some(k)
}

fn push(out: &mut Vec<Tok>, text: &str, start: usize, end: usize, kind: Kind) {
    let s = &text[start..end];
    let mut lower = s.to_lowercase().replace('’', "'");
    if kind == Kind::Word && lower.contains(". ") {
        lower = lower.replace(". ", ".");
    }
    let cap = s.chars().next().is_some_and(char::is_uppercase);
    out.push(Tok {
        start,
        end,
        kind,
        lower,
        cap,
    });
}

/// True when token `i` starts exactly where token `i - 1` ends.
pub fn glued(toks: &[Tok], i: usize) -> bool {
    i > 0 && i < toks.len() && toks[i].start == toks[i - 1].end
}

/// Match a space-separated lower-case phrase starting at token `i`; returns the
/// index after the match. Hyphens in the phrase match hyphen tokens.
pub fn match_phrase(toks: &[Tok], i: usize, phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || i + phrase.len() > toks.len() {
        return None;
    }
    for (k, w) in phrase.iter().enumerate() {
        if toks[i + k].lower != *w {
            return None;
        }
    }
    Some(i + phrase.len())
}

/// Match a phrase that ends right before token `end`; returns its first index.
pub fn match_phrase_before(toks: &[Tok], end: usize, phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > end {
        return None;
    }
    let start = end - phrase.len();
    match_phrase(toks, start, phrase).map(|_| start)
}

/// Split a phrase into token-like pieces ("shot-dead" -> ["shot","-","dead"], "%" -> ["%"]).
pub fn phrase_words(p: &str) -> Vec<String> {
    tokenize(p).into_iter().map(|t| t.lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn splits_hyphens_possessives_and_numbers() {
        assert_eq!(
            lowers("The 75-year-old's 1,000.5 U.N. at 3:37 a. m. O'Brien’s"),
            vec![
                "the", "75", "-", "year", "-", "old", "'s", "1,000.5", "u.n.", "at", "3:37",
                "a.m.", "o'brien", "'s"
            ]
        );
    }

    #[test]
    fn urls_are_one_token_and_offsets_are_exact() {
        let t = "see https://example.com/a-1, then 5";
        let toks = tokenize(t);
        assert_eq!(toks[1].kind, Kind::Url);
        assert_eq!(&t[toks[1].start..toks[1].end], "https://example.com/a-1");
        assert_eq!(&t[toks[4].start..toks[4].end], "5");
    }
}
