//! Speakers ("X said", "said X", "according to X", "he told ...") and backer
//! relations ("backed by A and B", "the support of A", "A has courted X",
//! "A-backed government"), plus name claims from mentions.

use super::lexicon::{LEX, Lexicon};
use super::names::{Mention, NameKind, actor_at, name_key};
use super::tokens::{Kind, Tok, glued, match_phrase};
use super::{Bound, Context, Found, Topic, Value};

fn w(toks: &[Tok], k: usize) -> &str {
    toks.get(k).map(|t| t.lower.as_str()).unwrap_or("")
}

fn text_claim(
    span: std::ops::Range<usize>,
    topic: Topic,
    value: String,
    subject: Option<String>,
) -> Found {
    Found {
        span,
        topic,
        subject,
        value: Value::Text(value),
        bound: Bound::Exact,
        unit: None,
        original: None,
        scope: None,
        vague: false,
    }
}

/// Whether a mention names a person (by type, or by sharing its last name
/// with a person named elsewhere in the source).
/// The first index at or before `k` that is not preceded by one of `words`
/// ("Lena Hart also said" -> the verb's subject ends before "also").
fn skip_back(toks: &[Tok], mut k: usize, words: &std::collections::HashSet<String>) -> usize {
    while k > 0 && words.contains(w(toks, k - 1)) {
        k -= 1;
    }
    k
}

fn is_person(m: &Mention, ctx: &Context) -> bool {
    match m.kind {
        NameKind::Person => !ctx.places.contains(&m.surface),
        NameKind::Other => ctx.is_person(&m.surface),
        _ => false,
    }
}

/// Index of the start of a comma-enclosed aside ending at `comma` (", a spokesman,").
fn aside_start(toks: &[Tok], comma: usize) -> Option<usize> {
    let from = comma.saturating_sub(20);
    (from..comma).rev().find(|&k| toks[k].lower == ",")
}

pub fn speakers(toks: &[Tok], mentions: &[Mention], ctx: &Context) -> Vec<Found> {
    let lex = &*LEX;
    let quoted = quote_states(toks);
    let mut out: Vec<Found> = Vec::new();
    let ending = |e: usize| mentions.iter().find(|m| m.end == e);
    let person_before = |i: usize| -> Option<String> {
        mentions
            .iter()
            .rfind(|m| m.end <= i && is_person(m, ctx) && !quoted[m.start])
            .map(|m| ctx.fullest(&m.surface))
            .or_else(|| ctx.prev_speaker.clone())
            .or_else(|| ctx.prev_person.clone())
    };
    let push = |out: &mut Vec<Found>, a: usize, b: usize, who: String| {
        if !out.iter().any(|f| f.value.as_text() == Some(&who)) {
            out.push(text_claim(
                toks[a].start..toks[b - 1].end,
                Topic::Speaker,
                who,
                None,
            ));
        }
    };
    for i in 0..toks.len() {
        if quoted[i] {
            continue;
        }
        // "according to X"
        for p in lex.speech_before.iter().filter(|p| p[0] == toks[i].lower) {
            if let Some(e) = match_phrase(toks, i, p) {
                let cand = mentions
                    .iter()
                    .filter(|m| m.start >= e && m.start < e + 8)
                    .take_while(|m| {
                        !toks[e..m.start]
                            .iter()
                            .any(|t| matches!(t.lower.as_str(), "," | ";" | "." | "\"" | "“" | "”"))
                    })
                    .find(|m| is_person(m, ctx));
                if let Some(m) = cand {
                    push(&mut out, i, m.end, ctx.fullest(&m.surface));
                }
            }
        }
        // "X condemned the attack, saying ...": the clause's subject speaks.
        if toks[i].lower == "saying" && i > 0 && w(toks, i - 1) == "," {
            if let Some(m) = mentions
                .iter()
                .find(|m| m.end < i && is_person(m, ctx) && !quoted[m.start])
            {
                push(&mut out, m.start, m.end, ctx.fullest(&m.surface));
            }
            continue;
        }
        if !lex.speech_verbs.contains(&toks[i].lower) || toks[i].kind != Kind::Word {
            continue;
        }
        // "X said nothing" reports silence, not a statement.
        if lex.silent_objects.contains(w(toks, i + 1)) {
            continue;
        }
        // "X said" / "X, a spokesman, said" / "he told"
        let k = skip_back(toks, i, &lex.speech_fillers);
        if k > 0 {
            let mut cands = vec![k];
            if w(toks, k - 1) == "," {
                // "spokesman, Lena Hart, told" / "Lena Hart, a spokesman, said"
                cands.push(k - 1);
                if let Some(s) = aside_start(toks, k - 1) {
                    cands.push(s);
                }
            }
            let mut done = false;
            for c in cands {
                if let Some(m) = ending(c).filter(|m| is_person(m, ctx)) {
                    let end = if c == k { i + 1 } else { m.end };
                    push(&mut out, m.start, end, ctx.fullest(&m.surface));
                    done = true;
                    break;
                }
                if c == k && c > 0 && lex.pronouns.contains(w(toks, c - 1)) && !toks[c - 1].cap
                    || c == k && c > 0 && lex.pronouns.contains(w(toks, c - 1)) && c - 1 == 0
                {
                    if let Some(who) = person_before(c - 1) {
                        push(&mut out, c - 1, i + 1, who);
                    }
                    done = true;
                    break;
                }
            }
            if done {
                continue;
            }
        }
        // "said X." / "said X, the spokesman"
        let mut s = i + 1;
        while s < toks.len() && s < i + 4 && lex.titles.contains(w(toks, s)) {
            s += 1;
        }
        if let Some(m) = mentions.iter().find(|m| m.start == s || m.start == i + 1)
            && is_person(m, ctx)
            && matches!(w(toks, m.end), "," | "." | "" | "(" | ";")
        {
            push(&mut out, i, m.end, ctx.fullest(&m.surface));
        }
    }
    out
}

/// Whether a quote mark at `k` opens (true) or closes (false) a quotation,
/// judged by what it touches: `"word` opens, `word,"` closes.
fn opens(toks: &[Tok], k: usize) -> bool {
    match toks[k].lower.as_str() {
        "“" => true,
        "”" => false,
        _ => {
            let touches_next = glued(toks, k + 1);
            let touches_prev = glued(toks, k);
            touches_next || !touches_prev
        }
    }
}

fn is_quote(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "\"" | "“" | "”")
}

/// For each token, whether it sits inside a quotation. Works on sentences cut
/// out of a longer quoted passage: a closing mark after a token with no mark
/// before it means the sentence started inside the quote.
fn quote_states(toks: &[Tok]) -> Vec<bool> {
    let n = toks.len();
    let mut next_quote = vec![None; n + 1];
    for k in (0..n).rev() {
        next_quote[k] = if is_quote(&toks[k]) {
            Some(k)
        } else {
            next_quote[k + 1]
        };
    }
    let mut last: Option<usize> = None;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(match last {
            Some(k) => opens(toks, k),
            None => next_quote[i + 1].is_some_and(|k| !opens(toks, k)),
        });
        if is_quote(&toks[i]) {
            last = Some(i);
        }
    }
    out
}

/// Actors listed from token `s` on ("France, the United Arab Emirates and Egypt").
fn actor_list(toks: &[Tok], s: usize, lex: &Lexicon) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut k = s;
    while k < toks.len() && k < s + 24 {
        if let Some((e, name)) = actor_at(toks, k, lex) {
            let a = if w(toks, k) == "the" { k + 1 } else { k };
            out.push((toks[a].start..toks[e - 1].end, name));
            k = e;
            continue;
        }
        let t = w(toks, k);
        let skippable = matches!(
            t,
            "," | "and"
                | "the"
                | "—"
                | "–"
                | "-"
                | "primarily"
                | "mainly"
                | "notably"
                | "chiefly"
                | "such"
                | "as"
                | "including"
                | "especially"
                | "like"
                | "from"
                | "of"
                | "both"
                | "principally"
                | "among"
                | "them"
                | "financial"
                | "military"
                | "political"
                | "diplomatic"
                | "foreign"
                | "international"
                | "regional"
                | "key"
                | "powerful"
                | "its"
                | "his"
                | "her"
                | "their"
                | "other"
                | "in"
                | "particular"
                | "("
                | ")"
        );
        if !skippable {
            break;
        }
        k += 1;
    }
    out
}

/// Backer relations in one sentence. `main` is the sentence's main person if any.
pub fn backers(toks: &[Tok], mentions: &[Mention], ctx: &Context) -> Vec<Found> {
    let lex = &*LEX;
    let mut out: Vec<Found> = Vec::new();
    let negated = |s: usize| (s.saturating_sub(4)..s).any(|k| lex.negations.contains(w(toks, k)));
    let first_person = |before: usize| {
        mentions
            .iter()
            .filter(|m| m.start < before && is_person(m, ctx))
            .map(|m| ctx.fullest(&m.surface))
            .next()
    };
    let fallback = || ctx.prev_person.clone().or_else(|| ctx.main_person.clone());
    let push = |out: &mut Vec<Found>,
                span: std::ops::Range<usize>,
                backer: String,
                subject: Option<String>| {
        let Some(subject) = subject else { return };
        if name_key(&subject) == name_key(&backer) {
            return;
        }
        if !out
            .iter()
            .any(|f| f.value.as_text() == Some(&backer) && f.subject.as_deref() == Some(&subject))
        {
            out.push(text_claim(span, Topic::Backers, backer, Some(subject)));
        }
    };
    let mut i = 0;
    while i < toks.len() {
        // Compound: "UN-backed government", "UN backed Government of National Accord".
        if lex.backer_compound.contains(w(toks, i)) && i > 0 {
            let mut a = i;
            if w(toks, a - 1) == "-" && glued(toks, a - 1) {
                a -= 1;
            }
            let backer = (a.saturating_sub(lex.gazetteer_max_len)..a).find_map(|s| {
                actor_at(toks, s, lex)
                    .filter(|(e, _)| *e == a)
                    .map(|(_, n)| (s, n))
            });
            let next = toks.get(i + 1);
            if let Some((s, name)) = backer
                && next.is_some_and(|t| {
                    t.kind == Kind::Word
                        && !matches!(
                            t.lower.as_str(),
                            "by" | "and" | "or" | "the" | "a" | "to" | "in" | "of"
                        )
                })
            {
                let subject = match mentions.iter().find(|m| m.start == i + 1) {
                    Some(m) => m.surface.clone(),
                    None => w(toks, i + 1).to_string(),
                };
                let s = if w(toks, s) == "the" { s + 1 } else { s };
                push(
                    &mut out,
                    toks[s].start..toks[a - 1].end,
                    name,
                    Some(subject),
                );
                i += 1;
                continue;
            }
        }
        // Cue then backers: "backed by A", "the support of A and B", "his backers—A, B".
        let mut matched = false;
        let cue_word = &toks[i].lower;
        for p in lex.backer_after.iter().filter(|p| p[0] == *cue_word) {
            let Some(e) = match_phrase(toks, i, p) else {
                continue;
            };
            if negated(i) {
                break;
            }
            // "was overthrown with the help of X": the help went to someone unnamed.
            let passive =
                (i.saturating_sub(4)..i).any(|k| matches!(w(toks, k), "was" | "were" | "been"));
            if passive && matches!(p[0].as_str(), "with" | "help") {
                continue;
            }
            let actors = actor_list(toks, e, lex);
            if actors.is_empty() {
                continue;
            }
            // Owner: "X's backers", "his backers" (-> main person), else first person in the sentence.
            let o = skip_back(toks, i, &lex.backer_modifiers);
            let subject = if o > 1 && w(toks, o - 1) == "'s" {
                mentions
                    .iter()
                    .find(|m| m.end == o - 1)
                    .map(|m| ctx.fullest(&m.surface))
            } else {
                None
            }
            .or_else(|| first_person(i))
            .or_else(fallback);
            for (span, name) in actors {
                push(&mut out, span, name, subject.clone());
            }
            i = e;
            matched = true;
            break;
        }
        if matched {
            continue;
        }
        // Backer then cue: "Moscow has courted X", "Egypt has been sympathetic".
        for p in lex.backer_before.iter().filter(|p| p[0] == *cue_word) {
            let Some(e) = match_phrase(toks, i, p) else {
                continue;
            };
            if negated(i)
                || (p.len() == 1 && lex.backer_compound.contains(&p[0]) && w(toks, e) == "by")
            {
                break;
            }
            // The backer: an actor ending within 4 tokens before the cue.
            let mut found = None;
            for s in i.saturating_sub(6)..i {
                if let Some((ae, name)) = actor_at(toks, s, lex)
                    && ae <= i
                    && toks[ae..i].iter().all(|t| {
                        matches!(
                            t.lower.as_str(),
                            "has"
                                | "have"
                                | "had"
                                | "been"
                                | "too"
                                | "also"
                                | "long"
                                | "reportedly"
                                | "is"
                                | "are"
                                | "was"
                                | "openly"
                                | "quietly"
                                | "always"
                        )
                    })
                {
                    let a = if w(toks, s) == "the" { s + 1 } else { s };
                    found = Some((toks[a].start..toks[ae - 1].end, name));
                }
            }
            if let Some((span, name)) = found {
                let mut k = e;
                if w(toks, k) == "to" {
                    k += 1;
                }
                let subject = mentions
                    .iter()
                    .find(|m| m.start == k && is_person(m, ctx))
                    .map(|m| ctx.fullest(&m.surface))
                    .or_else(|| {
                        if matches!(w(toks, k), "him" | "her" | "." | "" | ",") {
                            first_person(i).or_else(fallback)
                        } else {
                            None
                        }
                    });
                push(&mut out, span, name, subject);
            }
            i = e;
            matched = true;
            break;
        }
        if !matched {
            i += 1;
        }
    }
    out
}

/// Name claims: value = surface form (titles stripped), subject = normalised key,
/// unit = "person" / "org" / "place" / "name".
/// "US-backed", "Full-scale", "Ocean-wide", "I'm": a capitalised word
/// joined to a lower-case part is a modifier or a contraction, not a name
/// ("al-Sarraj" ends with a capitalised part).
fn is_compound_modifier(surface: &str) -> bool {
    let last = surface.rsplit(['-', '\'', '’']).next().unwrap_or("");
    surface.contains(['-', '\'', '’'])
        && (surface.starts_with(['-', '\'', '’'])
            || last.chars().next().is_some_and(char::is_lowercase))
        && !surface.ends_with("'s")
}

/// "BIGGEST PROTEST": several words in capitals are a shouted heading, not
/// a name (acronyms are single words).
fn is_shouted(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    words.len() > 1
        && words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase)
        })
}

pub fn names(toks: &[Tok], mentions: &[Mention], ctx: &Context) -> Vec<Found> {
    let lex = &*LEX;
    mentions
        .iter()
        .filter(|m| m.surface.chars().filter(|c| c.is_alphabetic()).count() > 1)
        .filter(|m| !is_compound_modifier(&m.surface))
        .filter(|m| {
            // A capitalised opener (of the sentence or of a quote) is a name
            // only if it is not an ordinary word: capitalised by the source
            // inside a sentence too, not written in lower case elsewhere, not
            // a contraction, not an inflected form, not a known word.
            if !super::names::opens_clause(toks, m.start)
                || m.end - m.start != 1
                || m.canonical.is_some()
            {
                return true;
            }
            let w = toks[m.start].lower.as_str();
            // "Wolfe said ...": a capitalised opener quoted as a speaker.
            let speaks = toks
                .get(m.end)
                .is_some_and(|t| lex.speech_verbs.contains(&t.lower));
            let ordinary = !(ctx.inner_caps.contains(w) || speaks)
                || ctx.lower_words.contains(w)
                || w.contains('\'')
                || w.ends_with("ed")
                || w.ends_with("ing")
                || w.ends_with("ly")
                || lex.is_number_word(w)
                || lex.vague.iter().any(|(p, _)| p[0] == w)
                || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
                || lex.people_nouns.contains(w)
                || lex.event_nouns.contains(w)
                || lex.aux.contains(w);
            !ordinary || ctx.is_person(&m.surface)
        })
        .filter(|m| !is_shouted(&m.surface))
        .map(|m| {
            let kind = if ctx.places.contains(&m.surface) {
                NameKind::Place
            } else if m.kind == NameKind::Other && ctx.is_person(&m.surface) {
                NameKind::Person
            } else {
                m.kind
            };
            let mut f = text_claim(
                m.span.clone(),
                Topic::Name,
                m.surface.clone(),
                Some(name_key(&m.surface)),
            );
            f.unit = Some(kind.as_str().to_string());
            // Places and organisations: the gazetteer's canonical name; people:
            // the title written before the name, if any ("Field Marshal").
            f.original = m.canonical.clone().or_else(|| m.title.clone());
            f
        })
        .collect()
}
