//! Scope: what a figure belongs to when it is not the main event ("the 2004
//! tsunami killed...", "In Central Aceh district, 10 people...", "last year's
//! quake", background sentences about an earlier year).

use super::Context;
use super::lexicon::LEX;
use super::numbers::NumPhrase;
use super::tokens::{Kind, Tok};

fn w(toks: &[Tok], k: usize) -> &str {
    toks.get(k).map(|t| t.lower.as_str()).unwrap_or("")
}

/// The scope of the sentence's figures, if they belong to something other
/// than the main event, and the byte offset from which it applies (a named
/// earlier event scopes the figures after it: "the 2004 tsunami killed ...").
pub fn sentence_scope(
    text: &str,
    toks: &[Tok],
    nums: &[NumPhrase],
    ctx: &Context,
) -> Option<Scope> {
    find(text, toks, nums, ctx).map(|(label, from)| {
        if from == usize::MAX {
            return Scope {
                label,
                from: 0,
                background: false,
            };
        }
        Scope {
            background: from == 0 || toks.iter().take(3).any(|t| t.start == from),
            label,
            from,
        }
    })
}

/// A sentence's scope: its label, the byte offset from which it applies, and
/// whether the whole sentence is background (then it may carry to the next).
#[derive(Debug, Clone)]
pub struct Scope {
    pub label: String,
    pub from: usize,
    pub background: bool,
}

fn find(text: &str, toks: &[Tok], nums: &[NumPhrase], ctx: &Context) -> Option<(String, usize)> {
    let at = |k: usize| toks[k].start;
    let lex = &*LEX;
    let other_year = |y: f64| ctx.event_year.is_none_or(|ey| y as i32 != ey);
    // "the 2004 tsunami", "a 2012 quake", "the tsunami of 2004"
    for n in nums.iter().filter(|n| n.year) {
        let next = w(toks, n.end);
        if lex.event_nouns.contains(next) && other_year(n.value) {
            return Some((format!("{next} {}", n.value as i32), at(n.start)));
        }
        if n.core >= 2
            && w(toks, n.core - 1) == "of"
            && lex.event_nouns.contains(w(toks, n.core - 2))
            && other_year(n.value)
        {
            return Some((
                format!("{} {}", w(toks, n.core - 2), n.value as i32),
                at(n.core - 2),
            ));
        }
    }
    for i in 0..toks.len() {
        // "last year's quake", "the previous quake", "an earlier attack"
        if w(toks, i) == "last"
            && w(toks, i + 1) == "year"
            && w(toks, i + 2) == "'s"
            && lex.event_nouns.contains(w(toks, i + 3))
        {
            let when = match ctx.published.and_then(|p| p.y) {
                Some(y) => (y - 1).to_string(),
                None => "last year".to_string(),
            };
            return Some((format!("{} {when}", w(toks, i + 3)), at(i)));
        }
        if matches!(w(toks, i), "previous" | "earlier" | "former" | "past")
            && lex.event_nouns.contains(w(toks, i + 1))
        {
            return Some((format!("{} {}", w(toks, i), w(toks, i + 1)), at(i)));
        }
    }
    // "in Thessaloniki, where a further 20,000 people joined": the figures of the
    // relative clause belong to the place.
    for i in 2..toks.len() {
        if w(toks, i) == "where" && w(toks, i - 1) == "," && toks[i - 2].cap {
            let mut s = i - 2;
            while s > 0 && toks[s - 1].cap && toks[s - 1].kind == Kind::Word {
                s -= 1;
            }
            let place = &toks[s..i - 1];
            let known = LEX.gazetteer.contains_key(
                &place
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let is_where_clause = s > 0 && matches!(w(toks, s - 1), "in" | "of" | "at" | "to");
            if is_where_clause && (!known || place.len() == 1) {
                return Some((
                    text[toks[s].start..toks[i - 2].end].to_string(),
                    toks[i].start,
                ));
            }
        }
    }
    // Fronted place: "In Central Aceh district, ..." / "In the village of Kuta, ..."
    if let Some(first_num) = nums.iter().find(|n| !n.year) {
        for i in 0..first_num.start {
            if w(toks, i) != "in" {
                continue;
            }
            let mut k = i + 1;
            if w(toks, k) == "the" {
                k += 1;
            }
            // "In neighbouring Central Aceh district,": one lower-case modifier.
            if toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && !t.cap && !lex.stop.contains(&t.lower))
                && toks.get(k + 1).is_some_and(|t| t.cap)
            {
                k += 1;
            }
            let s = k;
            let mut saw_place_word = false;
            while k < first_num.start && k < s + 6 {
                let t = &toks[k];
                if t.kind == Kind::Word
                    && (t.cap || lex.scope_place_words.contains(&t.lower) || t.lower == "of")
                {
                    saw_place_word |= lex.scope_place_words.contains(&t.lower);
                    k += 1;
                } else {
                    break;
                }
            }
            if saw_place_word && k > s && w(toks, k) == "," && toks[s..k].iter().any(|t| t.cap) {
                // usize::MAX marks a place: it applies from the start but is not background.
                return Some((text[toks[s].start..toks[k - 1].end].to_string(), usize::MAX));
            }
        }
    }
    // Background: "In April last year, ..." / "Last year a quake ..."
    for i in 0..toks.len() {
        if w(toks, i) == "last" && w(toks, i + 1) == "year" && w(toks, i + 2) != "'s" {
            let label = match ctx.published.and_then(|p| p.y) {
                Some(y) => (y - 1).to_string(),
                None => "last year".to_string(),
            };
            return Some((label, 0));
        }
    }
    // Background: the sentence is about an earlier year.
    if let Some(ey) = ctx.event_year {
        let years: Vec<i32> = nums
            .iter()
            .filter(|n| n.year)
            .map(|n| n.value as i32)
            .collect();
        if !years.is_empty() && !years.contains(&ey) && years.iter().all(|&y| y < ey) {
            return Some((years[0].to_string(), 0));
        }
    }
    None
}

/// "killed 170,000 people in the province": a sub-area of a background event.
pub fn sub_area_after(toks: &[Tok], end: usize) -> Option<String> {
    let lex = &*LEX;
    if w(toks, end) != "in" {
        return None;
    }
    let mut k = end + 1;
    if w(toks, k) == "the" {
        k += 1;
    }
    let word = w(toks, k);
    // A smaller unit than the event's reach; "in the region" is the whole.
    (lex.scope_place_words.contains(word) && !matches!(word, "region" | "area"))
        .then(|| word.to_string())
}
