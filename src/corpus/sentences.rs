//! News-aware sentence splitting inside paragraphs.
//!
//! A candidate boundary is a run of terminal punctuation (. ? ! …) plus any
//! closing quotes/brackets, followed by whitespace. Whether it ends the
//! sentence depends on what precedes and follows it:
//! - never when the next word starts with a lower-case letter;
//! - "?", "!", ellipses, and a period followed by a closing quote
//!   (`he said." Then`) end the sentence otherwise;
//! - a period after an ordinary word ends it;
//! - after an abbreviation (assets/abbreviations.txt) the rule is the
//!   abbreviation's class: [never] (Mr., Gen.) never ends; [capital] (etc.)
//!   ends; [time] (a.m., also spaced "a. m.") ends unless the next word is an
//!   all-caps zone (UTC, EDT) or a weekday/month; [starter] (Jan., Mich.,
//!   Inc.) ends only if the next word is a common sentence opener from
//!   assets/sentence_starters.txt ("The", "He", "But", ...);
//! - dotted acronyms (U.S., U.N., also spaced "U. S.") and single-letter
//!   initials ("Robert J. Pickell") follow the [starter] rule too, so
//!   "in the U.S. The talks" splits while "U.S. Secretary" and
//!   "U. S. Geological Survey" do not. Known weakness: an acronym ending a
//!   sentence before a name ("... the U.N. Guterres said") is not split.
//! - a period between digits ("6.1") is never a candidate (no whitespace);
//!   nor is "472. 72" (a decimal broken by a space), "? 900" (a currency
//!   sign lost as '?'), or "1." opening a paragraph (an ordered list);
//! - a closing quote cut off by a space ("grazes. \"") joins its sentence,
//!   and a piece without letters or digits is never a sentence of its own.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::Sentence;

#[derive(Debug, Default)]
struct Rules {
    never: HashSet<&'static str>,
    starter: HashSet<&'static str>,
    capital: HashSet<&'static str>,
    time: HashSet<&'static str>,
    time_continue: HashSet<&'static str>,
    openers: HashSet<&'static str>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let mut rules = Rules::default();
    for (section, line) in crate::assets::sections(include_str!("../../assets/abbreviations.txt")) {
        let set = match section {
            "never" => &mut rules.never,
            "starter" => &mut rules.starter,
            "capital" => &mut rules.capital,
            "time" => &mut rules.time,
            "time_continue" => &mut rules.time_continue,
            other => panic!("abbreviations.txt: unknown section [{other}]"),
        };
        set.insert(line);
    }
    rules.openers.extend(crate::assets::word_list(include_str!(
        "../../assets/sentence_starters.txt"
    )));
    rules
});

/// Sentences of every paragraph, in order.
pub(crate) fn sentences(text: &str, paragraphs: &[Range<usize>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for span in split(&text[p.clone()]) {
            out.push(Sentence {
                span: p.start + span.start..p.start + span.end,
                paragraph: i,
            });
        }
    }
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Sentence ranges of one paragraph, trimmed.
pub(crate) fn split(p: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    // Straight double quotes before each char, for quote parity.
    let quotes_before: Vec<usize> = chars
        .iter()
        .scan(0, |count, &(_, c)| {
            let before = *count;
            *count += usize::from(c == '"');
            Some(before)
        })
        .collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        if !is_terminal(chars[i].1) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && (is_terminal(chars[j].1) || is_closer(chars[j].1)) {
            j += 1;
        }
        if j >= n {
            break;
        }
        if !chars[j].1.is_whitespace() {
            i = j;
            continue;
        }
        // Absorb detached closing quotes ("grazes. \"", "gun. ’..."): a
        // following token made only of closers/terminal punctuation.
        let mut k;
        loop {
            k = j;
            while k < n && chars[k].1.is_whitespace() {
                k += 1;
            }
            let t = (k..n).find(|&t| chars[t].1.is_whitespace()).unwrap_or(n);
            if k < n && detached_closer(&chars[k..t], quotes_before[k] % 2 == 1, t == n) {
                j = t;
            } else {
                break;
            }
        }
        if k >= n {
            break;
        }
        let cluster: String = chars[i..j]
            .iter()
            .map(|&(_, c)| c)
            .filter(|c| !c.is_whitespace())
            .collect();
        if ends_here(p, chars[i].0, &cluster, &p[chars[k].0..]) {
            let end = chars[j].0;
            push_trimmed(p, start..end, &mut out);
            start = end;
        }
        i = j;
    }
    push_trimmed(p, start..p.len(), &mut out);
    out
}

/// Is `token` a closing quote cut off from
/// its sentence by a space? Curly quotes say which way they face; a straight
/// double quote closes if it ends the paragraph (a quote running on from an
/// earlier paragraph) or an odd number of them precede it.
fn detached_closer(token: &[(usize, char)], inside_quote: bool, at_end: bool) -> bool {
    let mut has_quote = false;
    for &(_, c) in token {
        match c {
            '"' => {
                if !at_end && !inside_quote {
                    return false;
                }
                has_quote = true;
            }
            '”' | '’' | '»' | '\'' => has_quote = true,
            c if is_terminal(c) || c == ')' || c == ']' => {}
            _ => return false,
        }
    }
    has_quote
}

/// Push `r` trimmed. A piece without letters or digits (stray quotes or
/// dots) is not a sentence: it joins the previous one.
fn push_trimmed(p: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &p[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    if start >= end {
        return;
    }
    match out.last_mut() {
        Some(prev) if !p[start..end].chars().any(char::is_alphanumeric) => prev.end = end,
        _ => out.push(start..end),
    }
}

/// Does the punctuation `cluster` at byte `at` of `p` end a sentence, given
/// the text that follows it (`next`, starting at a non-space)?
fn ends_here(p: &str, at: usize, cluster: &str, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return false;
    }
    // A straight quote glued to a lower-case word is a detached closing
    // quote: `change? "he said`.
    let mut rest = next.chars();
    if matches!(rest.next(), Some('"' | '\'')) && rest.next().is_some_and(char::is_lowercase) {
        return false;
    }
    let word = next_word(next);
    if first.is_ascii_digit() && cluster.starts_with(['?', '!']) {
        // "earns? 900": a currency sign lost in conversion, not a question.
        return false;
    }
    let bare_period = cluster.starts_with('.')
        && !cluster.starts_with("..")
        && !cluster
            .chars()
            .skip(1)
            .any(|c| is_closer(c) || is_terminal(c));
    if !bare_period {
        return true;
    }
    let rules = &*RULES;
    let token = token_before(p, at);
    let opener_next = is_opener(first) || rules.openers.contains(word);
    if token.is_empty() {
        return true;
    }
    let numeral = token.len() > 1 && token[..token.len() - 1].bytes().all(|b| b.is_ascii_digit());
    if numeral
        && p[..at - (token.len() - 1)]
            .trim_start_matches(['•', '-', '*', ' '])
            .is_empty()
    {
        // "1. The first step": an ordered-list number opening the paragraph.
        return false;
    }
    if first.is_ascii_digit() && token[..token.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
        // "Dh472. 72bn": a decimal broken by a space. News style never starts
        // a sentence with a numeral right after one ending in a number.
        return false;
    }
    if rules.never.contains(token.as_str()) {
        return false;
    }
    if rules.capital.contains(token.as_str()) {
        return true;
    }
    if rules.time.contains(token.as_str()) {
        let zone = word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
        return !(zone || rules.time_continue.contains(word) || first.is_ascii_digit());
    }
    if rules.starter.contains(token.as_str()) || is_acronym(&token) {
        return opener_next;
    }
    true
}

/// The word before the period at byte `at` (with its period), without
/// opening punctuation. Spaced acronyms are joined: "U. S." -> "U.S.",
/// "a. m." -> "a.m.".
fn token_before(p: &str, at: usize) -> String {
    let before = &p[..at];
    let word_start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = before[word_start..].trim_start_matches(is_opener);
    if word.is_empty() {
        return String::new();
    }
    let mut token = format!("{word}.");
    // Join spaced single letters: "U. S." / "a. m.".
    if is_single_letter(word) {
        let mut rest = before[..word_start].trim_end();
        // Bounded, so "a. a. a. ..." stays linear.
        let mut letters = 0;
        while let Some(prefix) = rest.strip_suffix('.') {
            letters += 1;
            if letters > 6 {
                break;
            }
            let letter_start = prefix.rfind(char::is_whitespace).map_or(0, |i| {
                i + prefix[i..].chars().next().map_or(1, char::len_utf8)
            });
            let letter = prefix[letter_start..].trim_start_matches(is_opener);
            if !is_single_letter(letter) {
                break;
            }
            token = format!("{letter}.{token}");
            rest = prefix[..letter_start].trim_end();
        }
    }
    token
}

fn is_single_letter(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
}

/// "U.S.", "D.C.", "J." (an initial): single letters each followed by a period.
fn is_acronym(token: &str) -> bool {
    let parts: Vec<&str> = token
        .strip_suffix('.')
        .unwrap_or(token)
        .split('.')
        .collect();
    parts.iter().all(|p| is_single_letter(p))
}

/// The first word of `s` after opening punctuation (letters only).
fn next_word(s: &str) -> &str {
    let s = s.trim_start_matches(is_opener);
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(p: &str) -> Vec<&str> {
        split(p).into_iter().map(|r| &p[r]).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Olsen met Dr. Reyes on Friday. They spoke for an hour.",
                &[
                    "Mr. Olsen met Dr. Reyes on Friday.",
                    "They spoke for an hour.",
                ],
            ),
            (
                "Gen. Marko Petrov said troops had left. Sen. Ada Blake disagreed.",
                &[
                    "Gen. Marko Petrov said troops had left.",
                    "Sen. Ada Blake disagreed.",
                ],
            ),
            (
                "The U.S. Navy sent two ships. The U.N. Security Council met later.",
                &[
                    "The U.S. Navy sent two ships.",
                    "The U.N. Security Council met later.",
                ],
            ),
            (
                "The aid came from the U.S. The rest came from Europe.",
                &["The aid came from the U.S.", "The rest came from Europe."],
            ),
            (
                "Data from the U. S. Geological Survey showed a shallow quake. It was felt widely.",
                &[
                    "Data from the U. S. Geological Survey showed a shallow quake.",
                    "It was felt widely.",
                ],
            ),
            (
                "The fire was reported by Maria T. Okafor and Lee K. Brandt. Both were unhurt.",
                &[
                    "The fire was reported by Maria T. Okafor and Lee K. Brandt.",
                    "Both were unhurt.",
                ],
            ),
            (
                "A 5.8 magnitude tremor hit at 3.2 km depth. Damage was light.",
                &[
                    "A 5.8 magnitude tremor hit at 3.2 km depth.",
                    "Damage was light.",
                ],
            ),
            (
                "The vote was set for Jan. 5 in the capital. Turnout was low.",
                &[
                    "The vote was set for Jan. 5 in the capital.",
                    "Turnout was low.",
                ],
            ),
            (
                "\"We will rebuild,\" the mayor said. \"Nobody will be left behind.\" Crowds cheered.",
                &[
                    "\"We will rebuild,\" the mayor said.",
                    "\"Nobody will be left behind.\"",
                    "Crowds cheered.",
                ],
            ),
            (
                "“Where is the money?” he asked. Nobody answered!  The hall fell silent.",
                &[
                    "“Where is the money?” he asked.",
                    "Nobody answered!",
                    "The hall fell silent.",
                ],
            ),
            (
                "Shots rang out at 9:15 a.m. Police arrived within minutes.",
                &[
                    "Shots rang out at 9:15 a.m.",
                    "Police arrived within minutes.",
                ],
            ),
            (
                "It struck at 04:12 a. m. UTC on Sunday. Another followed at 6 p.m. Monday.",
                &[
                    "It struck at 04:12 a. m. UTC on Sunday.",
                    "Another followed at 6 p.m. Monday.",
                ],
            ),
            (
                "The firm, based in Dayton, Ohio, was bought by Grell Inc. The deal closed in May.",
                &[
                    "The firm, based in Dayton, Ohio, was bought by Grell Inc.",
                    "The deal closed in May.",
                ],
            ),
            (
                "A plant in Flint, Mich. employs 300 people. It opened in 1990.",
                &[
                    "A plant in Flint, Mich. employs 300 people.",
                    "It opened in 1990.",
                ],
            ),
            (
                "They bought tents, blankets, stoves, etc. Then they waited... Nothing came.",
                &[
                    "They bought tents, blankets, stoves, etc.",
                    "Then they waited...",
                    "Nothing came.",
                ],
            ),
            (
                "Lt. Col. Ian Frey (ret.) spoke first. No. 2 on the list was Capt. Roy Sand.",
                &[
                    "Lt. Col. Ian Frey (ret.) spoke first.",
                    "No. 2 on the list was Capt. Roy Sand.",
                ],
            ),
            ("No final stop here", &["No final stop here"]),
            (
                "She grew up in Washington, D.C. He moved there at 5 p.m. on a Friday.",
                &[
                    "She grew up in Washington, D.C.",
                    "He moved there at 5 p.m. on a Friday.",
                ],
            ),
            (
                "Since the Sept. 11 attacks, Rev. Ana Lutz has led St. Mark's. It grew.",
                &[
                    "Since the Sept. 11 attacks, Rev. Ana Lutz has led St. Mark's.",
                    "It grew.",
                ],
            ),
            (
                "Shares of Vorn Corp. fell 4%. But Vorn Corp. Chairman Eli Stahl was calm.",
                &[
                    "Shares of Vorn Corp. fell 4%.",
                    "But Vorn Corp. Chairman Eli Stahl was calm.",
                ],
            ),
            (
                "2. The second demand is a pay rise. It was rejected.",
                &["2. The second demand is a pay rise.", "It was rejected."],
            ),
            (
                "The toll rose to 14. Rescuers kept digging.",
                &["The toll rose to 14.", "Rescuers kept digging."],
            ),
            (
                "\"Most cuts are minor. Nobody is in danger. \"",
                &["\"Most cuts are minor.", "Nobody is in danger. \""],
            ),
            (
                "The rest have only scratches. \"",
                &["The rest have only scratches. \""],
            ),
            ("It ended. ? ! Then calm.", &["It ended. ? !", "Then calm."]),
            (
                "‘ Run, it is a fire. ’... We all ran.",
                &["‘ Run, it is a fire. ’...", "We all ran."],
            ),
            (
                "Why would they stop? \"she asked. They did not.",
                &["Why would they stop? \"she asked.", "They did not."],
            ),
            (
                "The loan was worth? 45.5 billion (Dh190. 6bn) in all.",
                &["The loan was worth? 45.5 billion (Dh190. 6bn) in all."],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(&sents(input), expected, "input: {input}");
        }
    }

    #[test]
    fn sentences_carry_paragraph_and_absolute_spans() {
        let text = "One. Two.\n\nThree here.";
        let paras = vec![0..9, 11..22];
        let s = sentences(text, &paras);
        let got: Vec<(&str, usize)> = s
            .iter()
            .map(|s| (&text[s.span.clone()], s.paragraph))
            .collect();
        assert_eq!(got, [("One.", 0), ("Two.", 0), ("Three here.", 1)]);
    }
}
