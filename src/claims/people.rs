//! Counts of people: the topic comes from the governing trigger (assets/claims/triggers.toml)
//! in active ("killing at least five"), passive ("12 people were killed"),
//! adjectival ("3 dead"), nominal ("24 deaths", "death toll of 24", "the toll
//! rose to 11") and resultative ("left three bank workers dead") forms.

use super::lexicon::{LEX, Lexicon, Triggers};
use super::numbers::NumPhrase;
use super::tokens::{Kind, Tok, match_phrase, match_phrase_before};
use super::{Found, Topic};

/// The counted noun after a figure ("bank workers", "people"): (end index, noun text).
pub(crate) fn people_noun(toks: &[Tok], from: usize, lex: &Lexicon) -> Option<(usize, String)> {
    // Up to two modifiers then a people noun: "three bank workers", "two other people".
    for len in 1..=3 {
        let end = from + len;
        if end > toks.len() {
            break;
        }
        let words = &toks[from..end];
        if words
            .iter()
            .any(|t| t.kind != Kind::Word || t.cap && t.lower != "police")
        {
            // Capitalised modifiers only as nationality-like adjectives ("two Italian workers").
            if words.iter().any(|t| t.kind != Kind::Word) {
                break;
            }
        }
        let last = &words[len - 1].lower;
        if lex.people_nouns.contains(last)
            || (last != "other" && lex.people_nouns.contains(&format!("{last}s")))
        {
            let modifiers_ok = words[..len - 1].iter().all(|t| {
                !lex.aux.contains(&t.lower)
                    && !lex.stop.contains(&t.lower)
                    && !is_trigger_word(&t.lower, lex)
            });
            if modifiers_ok {
                let noun = words
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                return Some((end, noun));
            }
        }
    }
    None
}

fn is_trigger_word(w: &str, lex: &Lexicon) -> bool {
    lex.triggers.iter().any(|t| {
        t.after
            .iter()
            .chain(&t.verbs)
            .any(|p| p.len() == 1 && p[0] == w)
            || t.nouns.contains(w)
    })
}

fn normalise_unit(noun: &str) -> String {
    match noun {
        "person" | "persons" => "people".to_string(),
        n => n.to_string(),
    }
}

fn after_trigger<'a>(toks: &[Tok], at: usize, lex: &'a Lexicon) -> Option<(usize, &'a Triggers)> {
    for t in &lex.triggers {
        for p in &t.after {
            if let Some(e) = match_phrase(toks, at, p) {
                return Some((e, t));
            }
        }
    }
    None
}

/// Extract people counts; marks used figures in `used`.
pub fn extract(text: &str, toks: &[Tok], nums: &[NumPhrase], used: &mut [bool]) -> Vec<Found> {
    let lex = &*LEX;
    let mut out = Vec::new();
    let w = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    for (ni, n) in nums.iter().enumerate() {
        if n.year || used[ni] {
            continue;
        }
        let noun = people_noun(toks, n.end, lex).or_else(|| {
            // "five of them", "two of the victims"
            if w(n.end) == "of" {
                let k = if matches!(w(n.end + 1), "the" | "them" | "those" | "whom") {
                    n.end + 2
                } else {
                    n.end + 1
                };
                if w(n.end + 1) == "them" {
                    return Some((n.end + 2, String::new()));
                }
                people_noun(toks, k, lex)
            } else {
                None
            }
        });
        let (after_noun, unit) = match &noun {
            Some((e, u)) => (*e, (!u.is_empty()).then(|| normalise_unit(u))),
            None => (n.end, None),
        };
        let make = |topic: Topic, a: usize, b: usize| Found {
            span: toks[a].start..toks[b - 1].end,
            topic,
            subject: None,
            value: super::Value::Num {
                value: n.value,
                max: n.max,
            },
            bound: n.bound,
            unit: unit.clone(),
            original: Some(text[toks[n.start].start..toks[n.end - 1].end].to_string()),
            scope: None,
            vague: n.vague,
        };

        // Pattern B: trigger verb before the figure ("killing at least five",
        // "shot to death one person"); "left N [noun] ADJ" takes the topic from ADJ.
        let mut found = None;
        let mut vstart = n.start;
        // "killed a total of 12", "killed an estimated 30"
        if vstart >= 3 && w(vstart - 1) == "of" && w(vstart - 2) == "total" {
            vstart -= 3;
        }
        // "rescued another five", "wounded a further 12", "an additional 3"
        if vstart >= 1 && matches!(w(vstart - 1), "another" | "further" | "additional") {
            vstart -= 1;
            if vstart >= 1 && matches!(w(vstart - 1), "a" | "an") {
                vstart -= 1;
            }
        }
        if vstart > 0
            && matches!(w(vstart - 1), "left" | "leaving" | "leaves" | "leave")
            && let Some((e, t)) = after_trigger(toks, after_noun, lex)
        {
            found = Some(make(t.topic, vstart - 1, e));
        }
        if found.is_none() {
            'outer: for t in &lex.triggers {
                for p in &t.verbs {
                    if let Some(s) = match_phrase_before(toks, vstart, p) {
                        // "were killed 3 days ago": the figure must not be followed by a time noun.
                        if matches!(
                            w(n.end),
                            "days" | "years" | "hours" | "weeks" | "months" | "minutes"
                        ) {
                            continue;
                        }
                        found = Some(make(t.topic, s, after_noun));
                        break 'outer;
                    }
                }
            }
        }
        // Pattern A: figure [noun] [aux...] trigger ("12 people were killed", "3 dead").
        if found.is_none() {
            let mut k = after_noun;
            // An aside between the figure and its verb: "Three people, one of them a
            // child, were killed", "three workers - two women and a man - died".
            if noun.is_some()
                && let Some(close) = aside_end(toks, k)
            {
                k = close + 1;
            }
            // Up to seven auxiliaries: "are also reported to have been killed".
            let mut steps = 0;
            while k < toks.len() && steps < 7 {
                if let Some((e, t)) = after_trigger(toks, k, lex) {
                    // "3 dead" needs no noun; "21 killed" neither.
                    found = Some(make(t.topic, n.start, e));
                    break;
                }
                if !lex.aux.contains(w(k)) {
                    break;
                }
                k += 1;
                steps += 1;
            }
        }
        // Pattern C: nouns counted directly ("24 deaths", "12 injuries").
        if found.is_none() && noun.is_none() {
            for t in &lex.triggers {
                if t.nouns.contains(w(n.end)) {
                    found = Some(make(t.topic, n.start, n.end + 1));
                    break;
                }
            }
        }
        // Pattern D: toll nouns ("death toll of 24", "the toll rose to 11").
        if found.is_none() {
            let mut k = n.start;
            let mut steps = 0;
            'toll: while k > 0 && steps < 6 {
                for t in &lex.triggers {
                    for p in &t.tolls {
                        if let Some(s) = match_phrase_before(toks, k, p) {
                            found = Some(make(t.topic, s, after_noun));
                            break 'toll;
                        }
                    }
                }
                if !lex.toll_links.contains(w(k - 1)) {
                    break;
                }
                k -= 1;
                steps += 1;
            }
        }
        // "the death toll from the disaster to 11": a toll noun a few words back.
        if found.is_none() && n.start > 0 && matches!(w(n.start - 1), "to" | "at" | "of") {
            let mut k = n.start - 1;
            let stop = n.start.saturating_sub(9);
            'gap: while k > stop {
                for t in &lex.triggers {
                    for p in &t.tolls {
                        if p.len() > 1
                            && let Some(s) = match_phrase_before(toks, k, p)
                        {
                            found = Some(make(t.topic, s, after_noun));
                            break 'gap;
                        }
                    }
                }
                if toks[k - 1].kind != Kind::Word {
                    break;
                }
                k -= 1;
            }
        }
        if let Some(mut f) = found {
            // "14 children trapped": a state of its own within the topic
            // when the trigger word that closes the claim names one.
            let last = toks.iter().rev().find(|t| t.end == f.span.end);
            if let Some(t) = last
                && lex
                    .triggers
                    .iter()
                    .any(|tr| tr.topic == f.topic && tr.states.contains(&t.lower))
            {
                f.subject = Some(t.lower.clone());
            }
            used[ni] = true;
            out.push(f);
        }
    }
    out
}

/// If token `k` opens an aside ("," / "-" / "—" / "("), the index of its closing mark.
fn aside_end(toks: &[Tok], k: usize) -> Option<usize> {
    let open = toks.get(k)?.lower.as_str();
    let close = match open {
        "," => ",",
        "-" | "—" | "–" => open,
        "(" => ")",
        _ => return None,
    };
    (k + 2..(k + 14).min(toks.len()))
        .find(|&j| {
            toks[j].lower == close
                || (open != "," && matches!(toks[j].lower.as_str(), "-" | "—" | "–"))
        })
        .filter(|&j| {
            !toks[k + 1..j]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "." | ";" | "\""))
        })
}
