//! Quantities other than counts of people: age, distance and depth,
//! magnitude, money, percent, speed, and generic counts with their unit noun.

use super::lexicon::{LEX, Lexicon};
use super::names::Mention;
use super::numbers::NumPhrase;
use super::people::people_noun;
use super::tokens::{Kind, Tok, glued, match_phrase, phrase_words};
use super::{Bound, Context, Found, Topic, Value};

struct Q<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl Q<'_> {
    fn w(&self, k: usize) -> &str {
        self.toks.get(k).map(|t| t.lower.as_str()).unwrap_or("")
    }
    fn span(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        self.toks[a].start..self.toks[b - 1].end
    }
    fn slice(&self, a: usize, b: usize) -> String {
        self.text[self.span(a, b)].to_string()
    }
    #[allow(clippy::too_many_arguments)]
    fn found(
        &self,
        n: &NumPhrase,
        topic: Topic,
        a: usize,
        b: usize,
        value: f64,
        max: Option<f64>,
        unit: Option<&str>,
    ) -> Found {
        Found {
            span: self.span(a, b),
            topic,
            subject: None,
            value: Value::Num { value, max },
            bound: n.bound,
            unit: unit.map(str::to_string),
            original: Some(self.slice(n.start.min(a.max(n.start)), b.max(n.end))),
            scope: None,
            vague: n.vague,
        }
    }
}

/// The person a mention refers to, by its fullest form in the source.
fn person_subject(m: &Mention, ctx: &Context) -> String {
    ctx.fullest(&m.surface)
}

pub fn extract(
    text: &str,
    toks: &[Tok],
    nums: &[NumPhrase],
    used: &mut [bool],
    mentions: &[Mention],
    ctx: &Context,
) -> Vec<Found> {
    let lex = &*LEX;
    let q = Q { text, toks };
    let mut out = Vec::new();
    for (ni, n) in nums.iter().enumerate() {
        if used[ni] || n.year {
            continue;
        }
        let f = age(&q, n, mentions, ctx)
            .or_else(|| magnitude(&q, n).map(|f| aftershock_scope(&q, n, f)))
            .or_else(|| money(&q, n, lex))
            .or_else(|| percent(&q, n, lex))
            .or_else(|| speed_or_distance(&q, n, lex));
        if let Some(mut f) = f {
            used[ni] = true;
            absorb_conversion(&q, &mut f, nums, used);
            out.push(f);
        }
    }
    // Generic counts last, so that units of other topics win.
    for (ni, n) in nums.iter().enumerate() {
        if used[ni] || n.year || (n.words && n.value == 1.0) {
            continue;
        }
        if let Some(f) = generic_count(&q, n, lex) {
            used[ni] = true;
            out.push(f);
        }
    }
    out
}

fn age(q: &Q, n: &NumPhrase, mentions: &[Mention], ctx: &Context) -> Option<Found> {
    let lex = &*LEX;
    if !(n.plain_int || n.words) || n.max.is_some() || !(1.0..=120.0).contains(&n.value) {
        return None;
    }
    let mention_at = |s: usize| mentions.iter().find(|m| m.start == s);
    let mention_ending = |e: usize| {
        mentions
            .iter()
            .find(|m| m.end == e && m.kind != super::names::NameKind::Place)
    };
    // "75-year-old", "22 year-old", "38 years old"
    let mut k = n.core_end;
    if q.w(k) == "-" {
        k += 1;
    }
    if matches!(q.w(k), "year" | "years") {
        k += 1;
        if q.w(k) == "-" {
            k += 1;
        }
        if q.w(k) == "old" {
            k += 1;
            let mut f = q.found(n, Topic::Age, n.core, k, n.value, None, Some("years"));
            // Subject: a name before ("X, a 38-year-old ..."), else a name right
            // after, titles allowed between ("75-year-old General X"), else the noun.
            let mut subject = None;
            let mut b = n.start;
            if b > 0 && matches!(q.w(b - 1), "a" | "an" | "the") {
                b -= 1;
            }
            if b > 0 && q.w(b - 1) == "," {
                b -= 1;
                if let Some(m) = mention_ending(b) {
                    subject = Some(person_subject(m, ctx));
                }
            }
            let mut j = k;
            while subject.is_none() && j < q.toks.len() && j < k + 4 {
                if let Some(m) = mention_at(j) {
                    subject = Some(person_subject(m, ctx));
                    break;
                }
                let t = &q.toks[j];
                if !(lex.titles.contains(&t.lower) || t.lower == ".") {
                    break;
                }
                j += 1;
            }
            if subject.is_none()
                && let Some(t) = q
                    .toks
                    .get(k)
                    .filter(|t| t.kind == Kind::Word && !t.cap && !lex.stop.contains(&t.lower))
            {
                // "a 50-year-old man from Dexter": the place tells people apart.
                let mut sub = t.lower.clone();
                if q.w(k + 1) == "from"
                    && let Some(m) = mention_at(k + 2)
                {
                    sub = format!("{sub} from {}", m.surface);
                }
                subject = Some(sub);
            }
            f.subject = subject;
            return Some(f);
        }
        return None;
    }
    // "aged 38", "age 38", "at the age of 38"
    let b = n.start;
    let aged = if b > 0 && matches!(q.w(b - 1), "aged" | "age" | "ages") {
        Some(b - 1)
    } else if b > 1 && q.w(b - 1) == "of" && q.w(b - 2) == "age" {
        Some(b - 2)
    } else if b > 2
        && q.w(b - 1) == "and"
        && q.toks[b - 2].kind == Kind::Num
        && matches!(q.w(b - 3), "ages" | "aged")
    {
        // "two men, ages 47 and 48": the second age
        Some(b - 3)
    } else {
        None
    };
    if let Some(a) = aged {
        let start = if q.w(b - 1) == "and" { n.start } else { a };
        let mut f = q.found(n, Topic::Age, start, n.end, n.value, None, Some("years"));
        let mut p = a;
        while p > 0 && matches!(q.w(p - 1), "," | "the" | "at" | "of") {
            p -= 1;
        }
        f.subject = mention_ending(p)
            .map(|m| person_subject(m, ctx))
            .or_else(|| {
                // "two men, ages 47 and 48" -> "man": each age is one person's.
                q.toks
                    .get(p.wrapping_sub(1))
                    .filter(|t| {
                        t.kind == Kind::Word && !t.cap && lex.people_nouns.contains(&t.lower)
                    })
                    .map(|t| singular(&t.lower))
            });
        return Some(f);
    }
    // "Jane Roe, 38, said" / "Jane Roe (38)"
    if n.plain_int && b > 0 && matches!(q.w(b - 1), "," | "(") {
        let close = q.w(n.end);
        let closes = if q.w(b - 1) == "(" {
            close == ")"
        } else {
            matches!(close, "," | "." | "")
        };
        if closes
            && let Some(m) = mention_ending(b - 1)
            && m.kind != super::names::NameKind::Org
            && m.canonical.is_none()
        {
            let mut f = q.found(n, Topic::Age, n.core, n.end, n.value, None, Some("years"));
            f.subject = Some(person_subject(m, ctx));
            return Some(f);
        }
    }
    None
}

fn magnitude(q: &Q, n: &NumPhrase) -> Option<Found> {
    if n.value > 10.0 || n.words && n.value.fract() != 0.0 {
        return None;
    }
    let b = n.start;
    // "magnitude-6.1", "magnitude 6.1", "magnitude of 6.1"
    let before = if b > 0 && q.w(b - 1) == "magnitude" {
        Some(b - 1)
    } else if b > 1 && matches!(q.w(b - 1), "-" | "of") && q.w(b - 2) == "magnitude" {
        Some(b - 2)
    } else {
        None
    };
    if let Some(s) = before {
        return Some(q.found(n, Topic::Magnitude, s, n.end, n.value, None, None));
    }
    // "6.1-magnitude", "6.1 magnitude", "6.1 on the Richter scale"
    let mut k = n.end;
    if q.w(k) == "-" {
        k += 1;
    }
    if q.w(k) == "magnitude" {
        return Some(q.found(n, Topic::Magnitude, n.start, k + 1, n.value, None, None));
    }
    // "a 7.5 quake", "which measured 7.5" (in a sentence about a quake)
    let quake_word = |w: &str| {
        matches!(
            w,
            "quake" | "earthquake" | "tremor" | "temblor" | "aftershock"
        )
    };
    if n.value.fract() != 0.0 && !n.words {
        if quake_word(q.w(n.end)) {
            return Some(q.found(n, Topic::Magnitude, n.start, n.end, n.value, None, None));
        }
        let measured = b > 0
            && matches!(
                q.w(b - 1),
                "measured" | "measuring" | "registered" | "registering"
            );
        if measured
            && q.toks
                .iter()
                .any(|t| quake_word(&t.lower) || t.lower == "earthquakes")
        {
            return Some(q.found(n, Topic::Magnitude, b - 1, n.end, n.value, None, None));
        }
    }
    if q.w(n.end) == "on" && q.w(n.end + 1) == "the" && q.w(n.end + 2) == "richter" {
        let e = if q.w(n.end + 3) == "scale" {
            n.end + 4
        } else {
            n.end + 3
        };
        return Some(q.found(n, Topic::Magnitude, n.start, e, n.value, None, None));
    }
    None
}

fn money(q: &Q, n: &NumPhrase, lex: &Lexicon) -> Option<Found> {
    let c = n.core;
    // Symbol or code before: "$1.5 million", "€22bn", "euro22 billion", "US$ 5".
    if c > 0
        && let Some((code, _)) = lex.money.get(q.w(c - 1))
    {
        let sym_ok = glued(q.toks, c) || q.toks[c - 1].kind == Kind::Punct;
        if sym_ok {
            let mut s = c - 1;
            if s > 0 && q.w(s - 1) == "us" && glued(q.toks, s) {
                s -= 1;
            }
            let start = if n.start < c { n.start } else { s };
            let mut f = q.found(n, Topic::Money, start, n.end, n.value, n.max, Some(code));
            f.original = Some(q.slice(start, n.end));
            return Some(f);
        }
    }
    // Bound before the symbol: "more than $5 million" is parsed with the bound
    // on the symbol's left, handled by numbers (bound_before sees the symbol) -> skip.
    let mut e = n.end;
    // "110bn-euro package"
    if q.w(e) == "-" && glued(q.toks, e) {
        e += 1;
    }
    if let Some((code, _)) = lex.money.get(q.w(e))
        && q.toks[e].kind == Kind::Word
    {
        return Some(q.found(n, Topic::Money, n.start, e + 1, n.value, n.max, Some(code)));
    }
    None
}

fn percent(q: &Q, n: &NumPhrase, lex: &Lexicon) -> Option<Found> {
    for p in &lex.percent {
        if let Some(e) = match_phrase(q.toks, n.end, p) {
            return Some(q.found(n, Topic::Percent, n.start, e, n.value, n.max, Some("%")));
        }
    }
    None
}

fn speed_or_distance(q: &Q, n: &NumPhrase, lex: &Lexicon) -> Option<Found> {
    let mut k = n.end;
    if q.w(k) == "-" && glued(q.toks, k) {
        k += 1; // "a 30-mile pursuit"
    }
    for (name, (unit, _)) in &lex.speed {
        if let Some(e) = match_phrase(q.toks, k, &phrase_words(name)) {
            return Some(q.found(n, Topic::Speed, n.start, e, n.value, n.max, Some(unit)));
        }
    }
    let (unit, factor) = lex.distance.get(q.w(k))?;
    if q.w(k) == "m" && !glued(q.toks, k) && q.toks.get(k + 1).is_some_and(|t| t.cap) {
        return None; // "5 M Street"
    }
    let mut e = k + 1;
    // "120 miles per hour", "80 kilometres an hour"
    if matches!(q.w(e), "per" | "an" | "a") && q.w(e + 1) == "hour" {
        let u = if q.w(k).starts_with("mi") {
            "mph"
        } else {
            "km/h"
        };
        return Some(q.found(n, Topic::Speed, n.start, e + 2, n.value, n.max, Some(u)));
    }
    // Depth: "at a depth of 10 km", "10 km deep", "six miles beneath the surface".
    let mut topic = Topic::Distance;
    if lex.depth_after.contains(q.w(e)) {
        topic = Topic::Depth;
        if q.w(e) != "deep" && q.w(e + 1) == "the" && q.w(e + 2) == "surface" {
            e += 3;
        } else if q.w(e) == "deep" {
            e += 1;
        }
    } else {
        let from = n.start.saturating_sub(4);
        if (from..n.start).any(|j| q.w(j) == "depth") {
            topic = Topic::Depth;
        }
    }
    let mut f = q.found(
        n,
        topic,
        n.start,
        e,
        // Full precision: rounding here would make "30 miles" differ from
        // the same figure converted elsewhere; display rounds instead.
        n.value * factor,
        n.max.map(|m| m * factor),
        Some(unit),
    );
    f.original = Some(q.slice(n.start, k + 1));
    Some(f)
}

/// What happened to counted things: "damaged more than 300 houses", "40 houses
/// were destroyed" -> "damaged" / "destroyed". Lets comparison keep damaged
/// and destroyed houses apart.
fn what_happened(q: &Q, start: usize, end: usize, lex: &Lexicon) -> Option<String> {
    let participle = |k: usize| {
        let w = q.w(k);
        (q.toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && !t.cap)
            && w.len() > 4
            && w.ends_with("ed")
            && !lex.aux.contains(w))
        .then(|| w.to_string())
    };
    let mut k = end;
    // "... houses and buildings were damaged"
    if q.w(k) == "and" && q.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word) {
        k += 2;
    }
    let mut steps = 0;
    while steps < 3
        && matches!(
            q.w(k),
            "were"
                | "was"
                | "have"
                | "has"
                | "had"
                | "been"
                | "are"
                | "is"
                | "being"
                | "also"
                | "badly"
                | "completely"
                | "partially"
                | "severely"
                | "heavily"
        )
    {
        k += 1;
        steps += 1;
    }
    if steps > 0
        && let Some(p) = participle(k)
    {
        return Some(p);
    }
    if start > 0 {
        participle(start - 1)
    } else {
        None
    }
}

fn generic_count(q: &Q, n: &NumPhrase, lex: &Lexicon) -> Option<Found> {
    generic_count_unit(q, n, lex).map(|mut f| {
        if f.unit.as_deref() != Some("people")
            && let Some(end) = q.toks.iter().position(|t| t.end == f.span.end)
        {
            f.subject = what_happened(q, n.start, end + 1, lex);
        }
        f
    })
}

fn generic_count_unit(q: &Q, n: &NumPhrase, lex: &Lexicon) -> Option<Found> {
    let mut k = n.end;
    if q.w(k) == "of" && n.vague {
        k += 1;
    }
    if let Some((e, noun)) = people_noun(q.toks, k, lex) {
        let unit = if noun.ends_with("people") || noun.ends_with("persons") {
            "people".to_string()
        } else {
            noun
        };
        return Some(q.found(n, Topic::Count, n.start, e, n.value, n.max, Some(&unit)));
    }
    // Up to one modifier then a plural noun: "55,000 pages", "300 damaged houses".
    for len in 1..=2 {
        let words = q.toks.get(k..k + len)?;
        if words.iter().any(|t| {
            t.kind != Kind::Word
                || t.cap
                || lex.stop.contains(&t.lower)
                || lex.aux.contains(&t.lower)
                || lex.not_count_units.contains(&t.lower)
        }) {
            return None;
        }
        let last = &words[len - 1].lower;
        if last.ends_with('s') && last.len() > 3 && !last.ends_with("ss") && !last.ends_with("ous")
        {
            let unit = words
                .iter()
                .map(|t| t.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            return Some(q.found(
                n,
                Topic::Count,
                n.start,
                k + len,
                n.value,
                n.max,
                Some(&unit),
            ));
        }
    }
    None
}

/// Bounds apply to money even when written before the symbol ("more than $5").
pub fn money_bound_fix(found: &mut [Found], text: &str, toks: &[Tok]) {
    let lex = &*LEX;
    for f in found
        .iter_mut()
        .filter(|f| f.topic == Topic::Money && f.bound == Bound::Exact)
    {
        let Some(i) = toks.iter().position(|t| t.start == f.span.start) else {
            continue;
        };
        for (p, b) in &lex.bounds {
            if let Some(s) = super::tokens::match_phrase_before(toks, i, p) {
                f.bound = *b;
                f.span.start = toks[s].start;
                f.original = Some(text[f.span.clone()].to_string());
                break;
            }
        }
    }
}

/// "two aftershocks of more than 5.0 magnitude": the figure is an aftershock's.
fn aftershock_scope(q: &Q, n: &NumPhrase, mut f: Found) -> Found {
    let lo = n.start.saturating_sub(5);
    let hi = (n.end + 4).min(q.toks.len());
    if (lo..hi).any(|k| q.w(k).starts_with("aftershock")) {
        f.scope = Some("aftershock".into());
    }
    f
}

/// "55 kilometers (34 miles)": the figure in brackets restates the first one;
/// it joins that claim's span instead of making a claim of its own.
fn absorb_conversion(q: &Q, f: &mut Found, nums: &[NumPhrase], used: &mut [bool]) {
    let Some(end) = q.toks.iter().position(|t| t.end == f.span.end) else {
        return;
    };
    if q.w(end + 1) != "(" {
        return;
    }
    for (ni, n) in nums.iter().enumerate() {
        if n.start == end + 2 && !used[ni] {
            let close = (n.end..(n.end + 6).min(q.toks.len())).find(|&k| q.w(k) == ")");
            if let Some(c) = close
                && q.toks[n.end..c].iter().all(|t| t.kind == Kind::Word)
                && c > n.end
            {
                used[ni] = true;
                f.span.end = q.toks[c].end;
            }
            return;
        }
    }
}

/// "men" -> "man", "workers" -> "worker": the subject of one person's age.
fn singular(w: &str) -> String {
    match w {
        "men" => "man".into(),
        "women" => "woman".into(),
        "children" => "child".into(),
        "people" => "person".into(),
        _ => w.strip_suffix('s').unwrap_or(w).into(),
    }
}
