//! Grouping claims into findings and giving each a verdict.
//!
//! 1. Buckets: claims of one topic whose subject, unit and scope name the
//!    same thing. Subjects and scopes are compared loosely (normalised
//!    tokens: "LaCalamita" = "Anthony LaCalamita", "2004 tsunami" = "the
//!    tsunami of 2004"); a scoped claim never meets a main-event claim.
//! 2. Inside a bucket, topics that identify their thing by themselves
//!    (people killed, wounded...; magnitude; backers of X; anything with a
//!    subject) form one finding. Other figures (counts, distances, money,
//!    ages without a person, dates...) only join when their sentences are
//!    alike (TF-IDF cosine through the `Aligner`, candidates from its index
//!    and from a value index): a different figure needs a closer sentence
//!    than the same figure. Claims join the best cluster, never by chaining
//!    through a third claim's link.
//! 3. Primary claim per source: the first in text order (headline, then
//!    first paragraph: news puts its main figure first), preferring a
//!    stated figure over a vague one ("dozens"). Later figures of the same
//!    source (an update, a body detail) stay in the finding, not primary.
//! 4. Verdict from the primaries: one source -> unique; all the same ->
//!    agree; otherwise conflict (numbers, dates) with `compatible` when the
//!    wording's intervals overlap; backers: per-source sets differ -> partial.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Verdict;
use super::align::Aligner;
use super::text::{stem, terms, words};
use super::values::{compatible, norm_text, same_value};
use super::variants::{name_tokens, similar_spelling};
use crate::claims::{Claim, Topic, Value};
use crate::corpus::Source;

/// Same figure: sentences must be at least this alike (cosine + value bonus).
const SAME_LINK: f64 = 0.2;
/// Different figures: sentences must be this alike to be about one thing.
const DIFF_LINK: f64 = 0.3;
/// Different counts of the same unit noun ("houses"), different speeds: the
/// noun or unit already narrows the thing, so sentences need be less alike.
const DIFF_LINK_UNIT: f64 = 0.15;
/// Buckets up to this size compare every pair of claims (cheap, and finds
/// pairs whose sentences are not each other's best match).
const SMALL_BUCKET: usize = 64;
/// Same-value candidates looked at per claim (the most recent ones): keeps
/// common small figures ("2 people") from making clustering quadratic.
const MAX_VALUE_CANDIDATES: usize = 64;

/// A finding before ranking, summary and key.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub verdict: Verdict,
    pub topic: Topic,
    pub subject: Option<String>,
    pub scope: Option<String>,
    pub compatible: bool,
    /// Sorted by (source, span start).
    pub claims: Vec<usize>,
    pub primary: Vec<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct BucketKey {
    topic: Topic,
    subject: Option<usize>,
    unit: Option<String>,
    scope: Option<usize>,
    /// Only for topics grouped by value (years without subject, speakers).
    value: Option<String>,
    /// Event within the scope when one label covers several (see
    /// `split_events`); 0 = undivided.
    event: usize,
}

/// Does the topic name its thing by itself (no sentence context needed)?
fn self_identifying(topic: Topic, has_subject: bool) -> bool {
    topic.is_people_count()
        || matches!(topic, Topic::Magnitude | Topic::Depth | Topic::Backers)
        || has_subject
}

/// Loose classes of optional strings: equal class = same thing.
/// `same(a, b)` on token sets; candidates come from a token index.
fn loose_classes(
    values: &[Option<&str>],
    tokens: impl Fn(&str) -> Vec<String>,
    same: impl Fn(&BTreeSet<String>, &BTreeSet<String>) -> bool,
) -> Vec<Option<usize>> {
    let mut distinct: Vec<BTreeSet<String>> = Vec::new();
    let mut id_of: HashMap<BTreeSet<String>, usize> = HashMap::new();
    let ids: Vec<Option<usize>> = values
        .iter()
        .map(|v| {
            v.map(|s| {
                let t: BTreeSet<String> = tokens(s).into_iter().collect();
                let next = distinct.len();
                *id_of.entry(t.clone()).or_insert_with(|| {
                    distinct.push(t);
                    next
                })
            })
        })
        .collect();
    // Star clustering in order of appearance: each distinct value joins the
    // first class whose representative it matches, so a generic value
    // ("tsunami") cannot chain two specific ones ("2004 tsunami", "2006
    // tsunami") together. Candidates come from a token index of the
    // representatives.
    let mut class: Vec<usize> = Vec::with_capacity(distinct.len());
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in distinct.iter().enumerate() {
        let mut cands: BTreeSet<usize> = BTreeSet::new();
        for w in t {
            if let Some(reps) = index.get(w.as_str()) {
                cands.extend(reps.iter().copied());
            }
        }
        let found = cands.into_iter().find(|&r| same(&distinct[r], t));
        match found {
            Some(r) => class.push(r),
            None => {
                class.push(i);
                for w in t {
                    index.entry(w.as_str()).or_default().push(i);
                }
            }
        }
    }
    ids.into_iter().map(|i| i.map(|i| class[i])).collect()
}

/// Scopes, as tokens of their first comma part (the event: "tsunami 2004")
/// marked "h:", and of the rest (a place qualifier: "2004, province")
/// marked "t:". Same scope: the same place qualifiers; the event's numbers
/// (years, dates) one within the other's; its words one within the other's
/// or sharing half (either side may have none: "2004" = "tsunami 2004").
fn same_scope(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let part = |s: &BTreeSet<String>, tag: &str, digits: Option<bool>| -> BTreeSet<String> {
        s.iter()
            .filter_map(|w| w.strip_prefix(tag))
            .filter(|w| digits.is_none_or(|d| d == w.chars().all(|c| c.is_ascii_digit())))
            .map(str::to_string)
            .collect()
    };
    if part(a, "t:", None) != part(b, "t:", None) {
        return false;
    }
    let (na, nb) = (part(a, "h:", Some(true)), part(b, "h:", Some(true)));
    if !na.is_empty() && !nb.is_empty() && !na.is_subset(&nb) && !nb.is_subset(&na) {
        return false;
    }
    let (wa, wb) = (part(a, "h:", Some(false)), part(b, "h:", Some(false)));
    if wa.is_empty() || wb.is_empty() || wa.is_subset(&wb) || wb.is_subset(&wa) {
        return true;
    }
    wa.intersection(&wb).count() * 2 >= wa.union(&wb).count()
}

fn scope_tokens(s: &str) -> Vec<String> {
    let mut parts = s.splitn(2, ',');
    let head = parts.next().unwrap_or("");
    let tail = parts.next().unwrap_or("");
    let mut out: Vec<String> = terms(head, true)
        .into_iter()
        .map(|w| format!("h:{w}"))
        .collect();
    out.extend(terms(tail, true).into_iter().map(|w| format!("t:{w}")));
    out
}

/// Subjects: the same words, or one's words within the other's when the
/// smaller one holds a name ("LaCalamita" / "Anthony LaCalamita"; but "man"
/// is not "man from Dexter"). Capitalised words are marked "^".
fn same_subject(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.is_subset(big) && small.iter().any(|w| w.starts_with('^'))
}

fn subject_tokens(s: &str) -> Vec<String> {
    let capitalised: BTreeSet<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| deunicode::deunicode(w).to_lowercase())
        .collect();
    let t = name_tokens(s);
    let t = if t.is_empty() { terms(s, true) } else { t };
    t.into_iter()
        .map(|w| {
            if capitalised.contains(&w) {
                format!("^{w}")
            } else {
                w
            }
        })
        .collect()
}

fn unit_key(topic: Topic, unit: Option<&str>) -> Option<String> {
    // People counts count people: "people", "others", "residents" or no
    // unit at all name the same thing.
    if topic.is_people_count() {
        return None;
    }
    let u = unit?.trim().to_lowercase();
    if u.is_empty() {
        return None;
    }
    Some(if topic == Topic::Count { stem(&u) } else { u })
}

/// Value key for the exact-value index (and value-grouped topics).
fn value_key(c: &Claim) -> String {
    match &c.value {
        Value::Num { value, max } => format!("{value:.4}/{:.4}", max.unwrap_or(*value)),
        Value::Text(t) => norm_text(t),
    }
}

/// Words that may stand next to a date in a dateline or timestamp.
const DATELINE_WORDS: &[&str] = &[
    "am",
    "pm",
    "gmt",
    "utc",
    "edt",
    "est",
    "bst",
    "cet",
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "by",
    "th",
    "st",
    "nd",
    "rd",
];

/// A date standing alone in its sentence ("July 03, 2013 6:22AM",
/// "Updated: Tuesday 2 July 2013") is a dateline or timestamp of the page,
/// not a claim about the event: comparing them would report publication
/// times as conflicts.
fn is_dateline(src: &Source, c: &Claim) -> bool {
    if c.topic != Topic::Date || c.sentence >= src.sentences.len() {
        return false;
    }
    let sent = &src.sentences[c.sentence].span;
    let (a, b) = (c.span.start.max(sent.start), c.span.end.min(sent.end));
    if a > b {
        return false;
    }
    let (Some(before), Some(after)) = (src.text.get(sent.start..a), src.text.get(b..sent.end))
    else {
        return false;
    };
    let rest = format!("{before} {after}");
    words(&rest).iter().all(|w| {
        w.chars().all(|ch| ch.is_ascii_digit())
            || DATELINE_WORDS.contains(&w.as_str())
            || is_calendar_word(w)
    })
}

fn is_calendar_word(w: &str) -> bool {
    const CAL: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    let w3 = &w[..w.len().min(3)];
    CAL.contains(&w)
        || (w.len() > 3 && CAL.contains(&w3) && w.ends_with(['y', 'h', 'l', 'e', 'r', 't']))
}

/// Does a subject name someone or something ("Anthony Marsh"), rather than
/// describe ("man", "driver", "woman from Warren")? Only names identify a thing by themselves.
fn is_named(subject: &str) -> bool {
    // "woman from Warren" is a description with a place, not a name.
    subject
        .split_whitespace()
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Group `claims` (all topics except names) into drafts with verdicts.
pub fn group(sources: &[Source], claims: &[Claim], aligner: &Aligner) -> Vec<Draft> {
    let wanted: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].topic != Topic::Name)
        .filter(|&i| {
            sources
                .get(claims[i].source)
                .is_none_or(|s| !is_dateline(s, &claims[i]))
        })
        .collect();
    // Loose classes per topic, so "Smith" the age subject never meets
    // "Smith" the money subject.
    let mut subject_class: HashMap<usize, Option<usize>> = HashMap::new();
    let mut scope_class: HashMap<usize, Option<usize>> = HashMap::new();
    for topic in Topic::ALL {
        let idx: Vec<usize> = wanted
            .iter()
            .copied()
            .filter(|&i| claims[i].topic == topic)
            .collect();
        if idx.is_empty() {
            continue;
        }
        // Only named subjects key a bucket; descriptive ones ("man", "woman
        // from Warren") are left to sentence context, like no subject. People
        // counts carry a subject only for a state of their own ("trapped").
        let subjects: Vec<Option<&str>> = idx
            .iter()
            .map(|&i| {
                let c = &claims[i];
                c.subject
                    .as_deref()
                    .filter(|s| is_named(s) || c.topic.is_people_count())
            })
            .collect();
        let scopes: Vec<Option<&str>> = idx.iter().map(|&i| claims[i].scope.as_deref()).collect();
        let sc = loose_classes(&subjects, subject_tokens, same_subject);
        let pc = loose_classes(&scopes, scope_tokens, same_scope);
        for (k, &i) in idx.iter().enumerate() {
            subject_class.insert(i, sc[k]);
            scope_class.insert(i, pc[k]);
        }
    }

    let events = split_events(claims, &wanted, aligner);
    let speakers = speaker_keys(claims, &wanted);
    let mut buckets: BTreeMap<BucketKey, Vec<usize>> = BTreeMap::new();
    for &i in &wanted {
        let c = &claims[i];
        let subject = subject_class[&i];
        let value = match c.topic {
            Topic::Year if subject.is_none() => Some(value_key(c)),
            Topic::Speaker => Some(speakers.get(&i).cloned().unwrap_or_else(|| value_key(c))),
            _ => None,
        };
        let key = BucketKey {
            topic: c.topic,
            subject,
            unit: unit_key(c.topic, c.unit.as_deref()),
            scope: scope_class[&i],
            value,
            event: events.get(&i).copied().unwrap_or(0),
        };
        buckets.entry(key).or_default().push(i);
    }

    let mut out = Vec::new();
    let mut cache = MatchCache::new();
    for (key, mut members) in buckets {
        members.sort_by_key(|&i| (claims[i].source, claims[i].span.start, i));
        let clusters = if self_identifying(key.topic, key.subject.is_some())
            || key.value.is_some()
            || one_measure_per_source(claims, &key, &members)
        {
            vec![members]
        } else {
            let diff_link =
                if (key.topic == Topic::Count && key.unit.is_some()) || key.topic == Topic::Speed {
                    DIFF_LINK_UNIT
                } else {
                    DIFF_LINK
                };
            // The same calendar day named twice is one day, whatever the
            // sentences around it say.
            let pin_equal = key.topic == Topic::Date;
            let c = context_clusters(claims, &members, aligner, diff_link, pin_equal, &mut cache);
            merge_restated(claims, c)
        };
        for c in clusters {
            if key.topic == Topic::Backers && !shares_a_member(claims, &c) {
                // No backer named by two sources: nothing shows they speak of
                // the same support ("UN-backed" recognition vs "US-backed").
                let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
                for i in c {
                    by_source.entry(claims[i].source).or_default().push(i);
                }
                out.extend(by_source.into_values().map(|c| draft(claims, c)));
            } else {
                out.push(draft(claims, c));
            }
        }
    }
    out
}

/// A speed of the main event where every source states a single figure
/// ("speeds up to 120 mph" here, "more than 100 mph" there): news about one
/// event rarely gives two unrelated speeds, so the figures are about the
/// same thing even when the sentences around them are not alike.
fn one_measure_per_source(claims: &[Claim], key: &BucketKey, members: &[usize]) -> bool {
    if key.topic != Topic::Speed || key.scope.is_some() || key.subject.is_some() {
        return false;
    }
    let mut first: BTreeMap<usize, usize> = BTreeMap::new();
    let one_each = members.iter().all(|&i| {
        let f = *first.entry(claims[i].source).or_insert(i);
        same_value(&claims[f], &claims[i])
    });
    one_each
        && members.iter().all(|&i| {
            members
                .iter()
                .all(|&j| within_factor_two(&claims[i], &claims[j]))
        })
}

/// Reports of one speed differ by degree (100 vs 120 mph), not by kind: a
/// storm's 10 mph track and its 120 mph winds are two speeds.
fn within_factor_two(a: &Claim, b: &Claim) -> bool {
    match (&a.value, &b.value) {
        (Value::Num { value: x, .. }, Value::Num { value: y, .. }) if *x > 0.0 && *y > 0.0 => {
            x.max(*y) <= 2.0 * x.min(*y)
        }
        _ => false,
    }
}

/// Speakers are keyed by surname; a surname spelled differently with the
/// same first name ("Ilene Wolff" / "Ilene Wolfe") is the same person, so
/// the sources agree that she spoke (the spelling is a `name` variant).
fn speaker_keys(claims: &[Claim], wanted: &[usize]) -> HashMap<usize, String> {
    let mut reps: Vec<(Option<String>, String)> = Vec::new();
    let mut out = HashMap::new();
    for &i in wanted {
        let c = &claims[i];
        if c.topic != Topic::Speaker {
            continue;
        }
        let toks = c.value.as_text().map(name_tokens).unwrap_or_default();
        let Some(last) = toks.last().cloned() else {
            continue;
        };
        let first = (toks.len() > 1).then(|| toks[0].clone());
        let rep = reps.iter().find(|(f, l)| {
            *l == last || (first.is_some() && *f == first && similar_spelling(l, &last))
        });
        let key = match rep {
            Some((_, l)) => l.clone(),
            None => {
                reps.push((first, last.clone()));
                last
            }
        };
        out.insert(i, key);
    }
    out
}

/// One source restating the same figure of the same thing ("two men" in
/// two sentences) that no other source matched: one unique finding, not
/// two identical ones.
fn merge_restated(claims: &[Claim], clusters: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(clusters.len());
    let mut seen: HashMap<(usize, BTreeSet<String>), usize> = HashMap::new();
    for c in clusters {
        let srcs: BTreeSet<usize> = c.iter().map(|&i| claims[i].source).collect();
        if srcs.len() != 1 {
            out.push(c);
            continue;
        }
        let key = (
            claims[c[0]].source,
            c.iter().map(|&i| value_key(&claims[i])).collect(),
        );
        match seen.get(&key) {
            Some(&k) => {
                out[k].extend(c);
                out[k].sort_by_key(|&i| (claims[i].source, claims[i].span.start, i));
            }
            None => {
                seen.insert(key, out.len());
                out.push(c);
            }
        }
    }
    out
}

/// Background events that share a scope label ("2012": two quakes of last
/// year). A source that gives two different figures for one
/// self-identifying quantity (two magnitudes, two death tolls) under one
/// label, in two separate passages, speaks of two events: its passages are
/// kept apart, and each other source's passage joins the passage whose
/// sentence it resembles most (or none). Returns an event number per
/// scoped claim of such labels (claims of other labels are undivided).
fn split_events(claims: &[Claim], wanted: &[usize], aligner: &Aligner) -> HashMap<usize, usize> {
    let scoped: Vec<usize> = wanted
        .iter()
        .copied()
        .filter(|&i| claims[i].scope.is_some() && claims[i].scope_sentence.is_some())
        .collect();
    let labels: Vec<Option<&str>> = scoped.iter().map(|&i| claims[i].scope.as_deref()).collect();
    let class = loose_classes(&labels, scope_tokens, same_scope);
    let mut by_class: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &i) in scoped.iter().enumerate() {
        if let Some(c) = class[k] {
            by_class.entry(c).or_default().push(i);
        }
    }
    let mut out = HashMap::new();
    let mut next_event = 1;
    for members in by_class.values() {
        // Passages (scope sentences) of each source.
        let mut passages: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &i in members {
            let c = &claims[i];
            passages
                .entry(c.source)
                .or_default()
                .insert(c.scope_sentence.unwrap_or(c.sentence));
        }
        let split: BTreeSet<usize> = passages
            .iter()
            .filter(|(_, p)| p.len() > 1)
            .map(|(&s, _)| s)
            .filter(|&s| {
                let own: Vec<&Claim> = members
                    .iter()
                    .map(|&i| &claims[i])
                    .filter(|c| c.source == s && self_identifying(c.topic, false))
                    .collect();
                own.iter().any(|a| {
                    own.iter().any(|b| {
                        a.topic == b.topic
                            && a.scope_sentence != b.scope_sentence
                            && !same_value(a, b)
                    })
                })
            })
            .collect();
        if split.is_empty() {
            continue;
        }
        // Units: each passage of a splitting source, all passages of another.
        let units: Vec<(usize, Vec<usize>)> = passages
            .iter()
            .flat_map(|(&s, ps)| {
                if split.contains(&s) {
                    ps.iter().map(|&p| (s, vec![p])).collect::<Vec<_>>()
                } else {
                    vec![(s, ps.iter().copied().collect())]
                }
            })
            .collect();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for a in 0..units.len() {
            for b in a + 1..units.len() {
                if units[a].0 == units[b].0 {
                    continue;
                }
                let (ua, ub) = (&units[a], &units[b]);
                let mut sim: f64 = 0.0;
                for &p in &ua.1 {
                    for &q in &ub.1 {
                        sim = sim.max(aligner.similarity((ua.0, p), (ub.0, q)));
                    }
                }
                if sim > 0.0 {
                    pairs.push((sim, a, b));
                }
            }
        }
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        // Greedy merging, most alike first, never two passages of one source.
        let mut group: Vec<usize> = (0..units.len()).collect();
        let mut srcs: Vec<BTreeSet<usize>> = units.iter().map(|u| BTreeSet::from([u.0])).collect();
        for (_, a, b) in pairs {
            let (ga, gb) = (group[a], group[b]);
            if ga == gb || !srcs[ga].is_disjoint(&srcs[gb]) {
                continue;
            }
            for g in group.iter_mut() {
                if *g == gb {
                    *g = ga;
                }
            }
            let moved = std::mem::take(&mut srcs[gb]);
            srcs[ga].extend(moved);
        }
        let mut event_of: HashMap<(usize, usize), usize> = HashMap::new();
        for (u, (s, ps)) in units.iter().enumerate() {
            for &p in ps {
                event_of.insert((*s, p), next_event + group[u]);
            }
        }
        next_event += units.len();
        for &i in members {
            let c = &claims[i];
            let p = c.scope_sentence.unwrap_or(c.sentence);
            if let Some(&e) = event_of.get(&(c.source, p)) {
                out.insert(i, e);
            }
        }
    }
    out
}

/// Best matches of a sentence, computed once per sentence.
type MatchCache = HashMap<(usize, usize), Vec<(usize, usize, f64)>>;

/// Clustering by sentence context (see module docs), in two stages:
/// 1. same figure in alike sentences: a claim joins the cluster of its best
///    same-value candidate;
/// 2. different figures in closer sentences: clusters merge only when they
///    share no source (a source giving another figure in the same cluster
///    is more likely talking about another thing).
fn context_clusters(
    claims: &[Claim],
    members: &[usize],
    aligner: &Aligner,
    diff_link: f64,
    pin_equal: bool,
    cache: &mut MatchCache,
) -> Vec<Vec<usize>> {
    let mut by_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
    for &ci in members {
        let c = &claims[ci];
        by_sentence
            .entry((c.source, c.sentence))
            .or_default()
            .push(ci);
        by_value.entry(value_key(c)).or_default().push(ci);
    }
    // Candidates of each claim, with sentence similarity and sameness.
    let mut links: Vec<Vec<(usize, f64, bool)>> = Vec::with_capacity(members.len());
    for &ci in members {
        let c = &claims[ci];
        let mut cands: BTreeSet<usize> = BTreeSet::new();
        if members.len() <= SMALL_BUCKET {
            cands.extend(members.iter().copied());
        }
        if let Some(list) = by_value.get(&value_key(c)) {
            let k = list.partition_point(|&x| x < ci);
            let from = k.saturating_sub(MAX_VALUE_CANDIDATES / 2);
            let to = (k + MAX_VALUE_CANDIDATES / 2).min(list.len());
            cands.extend(list[from..to].iter().copied());
        }
        let matches = cache
            .entry((c.source, c.sentence))
            .or_insert_with(|| aligner.best_matches(c.source, c.sentence));
        for &(s, i, _) in matches.iter() {
            if let Some(list) = by_sentence.get(&(s, i)) {
                cands.extend(list.iter().copied());
            }
        }
        let mut out = Vec::new();
        for d in cands {
            if pin_equal && d != ci && value_key(c) == value_key(&claims[d]) {
                // Pinned: the same value written the same way (one date), in
                // this source or another; ranked above any sentence match.
                out.push((d, 2.0, true));
                continue;
            }
            if claims[d].source == c.source {
                continue;
            }
            let sim = aligner.similarity(
                (c.source, c.sentence),
                (claims[d].source, claims[d].sentence),
            );
            let same = same_value(c, &claims[d]);
            if !same && c.topic == Topic::Speed && !within_factor_two(c, &claims[d]) {
                continue;
            }
            if sim >= if same { SAME_LINK } else { diff_link } {
                out.push((d, sim, same));
            }
        }
        links.push(out);
    }
    let pos: HashMap<usize, usize> = members.iter().enumerate().map(|(k, &i)| (i, k)).collect();

    // Stage 1: same figure.
    let mut cluster: Vec<usize> = (0..members.len()).collect();
    for k in 0..members.len() {
        let best = links[k]
            .iter()
            .filter(|(d, _, same)| *same && pos[d] < k)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some(&(d, _, _)) = best {
            cluster[k] = cluster[pos[&d]];
        }
    }
    // Stage 2: different figures, merging clusters with disjoint sources.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &c) in cluster.iter().enumerate() {
        groups.entry(c).or_default().push(k);
    }
    let mut sources: BTreeMap<usize, BTreeSet<usize>> = groups
        .iter()
        .map(|(&g, ks)| (g, ks.iter().map(|&k| claims[members[k]].source).collect()))
        .collect();
    for k in 0..members.len() {
        let mine = cluster[k];
        let best = links[k]
            .iter()
            .filter(|(d, _, same)| !*same && cluster[pos[d]] != mine)
            .filter(|(d, _, _)| sources[&cluster[pos[d]]].is_disjoint(&sources[&mine]))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some(&(d, _, _)) = best {
            let target = cluster[pos[&d]];
            let moved = groups.remove(&mine).unwrap_or_default();
            for &m in &moved {
                cluster[m] = target;
            }
            groups.entry(target).or_default().extend(moved);
            let src = sources.remove(&mine).unwrap_or_default();
            sources.entry(target).or_default().extend(src);
        }
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_values()
        .map(|ks| {
            let mut v: Vec<usize> = ks.into_iter().map(|k| members[k]).collect();
            v.sort_by_key(|&i| (claims[i].source, claims[i].span.start, i));
            v
        })
        .collect();
    out.sort();
    out
}

/// Whether some value is stated by two sources of the cluster (or it has a
/// single source).
fn shares_a_member(claims: &[Claim], members: &[usize]) -> bool {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut sources = BTreeSet::new();
    for &i in members {
        sources.insert(claims[i].source);
        let v = value_key(&claims[i]);
        match seen.get(&v) {
            Some(&s) if s != claims[i].source => return true,
            Some(_) => {}
            None => {
                seen.insert(v, claims[i].source);
            }
        }
    }
    sources.len() < 2
}

/// Primary claim of each source: first in text order, preferring stated
/// figures over vague ones. Two counts of people in one sentence are a part
/// and the total ("killed six children ..., bringing the toll to 11"): the
/// larger one is the source's figure.
pub fn primaries(claims: &[Claim], members: &[usize]) -> Vec<bool> {
    let mut chosen: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, &i) in members.iter().enumerate() {
        let c = &claims[i];
        match chosen.get(&c.source) {
            None => {
                chosen.insert(c.source, k);
            }
            Some(&p) if claims[members[p]].vague && !c.vague => {
                chosen.insert(c.source, k);
            }
            Some(&p) if is_total_of(c, &claims[members[p]]) => {
                chosen.insert(c.source, k);
            }
            _ => {}
        }
    }
    let keep: BTreeSet<usize> = chosen.into_values().collect();
    (0..members.len()).map(|k| keep.contains(&k)).collect()
}

/// Whether `c`, later in the same sentence as `p`, is the total `p` is
/// part of: `p` counts a group ("six children"), `c` is a larger count of
/// people at large ("the toll to 11"). Two counts of the same kind ("12
/// people at a mosque, and 30 at the market") are two parts.
fn is_total_of(c: &Claim, p: &Claim) -> bool {
    let (Value::Num { value: a, .. }, Value::Num { value: b, .. }) = (&c.value, &p.value) else {
        return false;
    };
    let generic = |u: &Option<String>| {
        u.as_deref()
            .is_none_or(|u| matches!(u, "people" | "persons" | "person"))
    };
    c.topic.is_people_count()
        && c.sentence == p.sentence
        && !c.vague
        && !p.vague
        && a > b
        && generic(&c.unit)
        && !generic(&p.unit)
}

fn draft(claims: &[Claim], members: Vec<usize>) -> Draft {
    let first = &claims[members[0]];
    let topic = first.topic;
    let n_sources = members
        .iter()
        .map(|&i| claims[i].source)
        .collect::<BTreeSet<_>>()
        .len();
    let (verdict, compat, primary) = if topic == Topic::Backers {
        let mut sets: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        for &i in &members {
            let v = claims[i].value.as_text().map(norm_text).unwrap_or_default();
            sets.entry(claims[i].source).or_default().insert(v);
        }
        let distinct: BTreeSet<&BTreeSet<String>> = sets.values().collect();
        let v = match (n_sources, distinct.len()) {
            (1, _) => Verdict::Unique,
            (_, 1) => Verdict::Agree,
            _ => Verdict::Partial,
        };
        (v, false, vec![true; members.len()])
    } else {
        let primary = primaries(claims, &members);
        let prim: Vec<&Claim> = members
            .iter()
            .zip(&primary)
            .filter(|(_, p)| **p)
            .map(|(&i, _)| &claims[i])
            .collect();
        let all_same = prim.iter().all(|c| same_value(prim[0], c));
        if n_sources == 1 {
            (Verdict::Unique, false, primary)
        } else if all_same || topic == Topic::Speaker {
            // Sources quoting the same person agree that they spoke; how
            // they spell the name is a `name` variant, not a conflict.
            (Verdict::Agree, false, primary)
        } else {
            (Verdict::Conflict, compatible(&prim), primary)
        }
    };
    Draft {
        verdict,
        topic,
        subject: first_some(claims, &members, |c| c.subject.as_deref()),
        scope: first_some(claims, &members, |c| c.scope.as_deref()),
        compatible: compat,
        claims: members,
        primary,
    }
}

/// The longest stated value among the members (most informative label).
fn first_some(
    claims: &[Claim],
    members: &[usize],
    f: impl Fn(&Claim) -> Option<&str>,
) -> Option<String> {
    members
        .iter()
        .filter_map(|&i| f(&claims[i]))
        .max_by_key(|s| (s.len(), std::cmp::Reverse(*s)))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Bound;
    use crate::compare::testkit::{claim, claim_nth, num, source, text};
    use crate::corpus::Source;

    fn run(sources: &[Source], claims: &[Claim]) -> Vec<Draft> {
        let al = Aligner::new(sources, claims);
        group(sources, claims, &al)
    }

    fn three() -> Vec<Source> {
        vec![
            source(
                0,
                "alpha",
                "Storm kills 21 in coastal towns. The storm killed 21 people and injured 40, officials said. In 2009 a cyclone killed 300 in the same region.",
            ),
            source(
                1,
                "beta",
                "At least 25 people died when the storm hit the coast. Hospitals treated 40 injured. A cyclone in 2009 left 310 dead.",
            ),
            source(
                2,
                "gamma",
                "Rescue teams searched flooded streets on Sunday.",
            ),
        ]
    }

    #[test]
    fn casualty_conflict_with_primary_and_scope_separation() {
        let s = three();
        let mut claims = vec![
            claim(0, &s[0], "kills 21", Topic::Killed, num(21.0)),
            claim(0, &s[0], "killed 21", Topic::Killed, num(21.0)),
            claim(0, &s[0], "injured 40", Topic::Wounded, num(40.0)),
            claim(0, &s[0], "killed 300", Topic::Killed, num(300.0)),
            claim(1, &s[1], "25 people died", Topic::Killed, num(25.0)),
            claim(1, &s[1], "40 injured", Topic::Wounded, num(40.0)),
            claim(1, &s[1], "310 dead", Topic::Killed, num(310.0)),
        ];
        claims[3].scope = Some("2009 cyclone".into());
        claims[4].bound = Bound::AtLeast;
        claims[6].scope = Some("cyclone in 2009".into());
        let d = run(&s, &claims);
        assert_eq!(d.len(), 3, "{d:#?}");
        let main = d
            .iter()
            .find(|x| x.topic == Topic::Killed && x.scope.is_none())
            .unwrap();
        assert_eq!(main.verdict, Verdict::Conflict);
        assert_eq!(main.claims, [0, 1, 4]);
        assert_eq!(main.primary, [true, false, true]);
        // "at least 25" vs 21: the figures differ, the bounds do not overlap.
        assert!(!main.compatible);
        let wounded = d.iter().find(|x| x.topic == Topic::Wounded).unwrap();
        assert_eq!(wounded.verdict, Verdict::Agree);
        // Background figures: their own finding, never against 21/25.
        let bg = d
            .iter()
            .find(|x| x.topic == Topic::Killed && x.scope.is_some())
            .unwrap();
        assert_eq!(bg.claims, [3, 6]);
        assert_eq!(bg.verdict, Verdict::Conflict);
    }

    #[test]
    fn place_subtotals_and_dates_are_other_scopes() {
        let scopes = [
            Some("2004"),
            Some("2004, province"),
            Some("tsunami 2004"),
            Some("2013-04-06"),
            Some("2013-04-20"),
            Some("2013"),
        ];
        let c = loose_classes(&scopes, scope_tokens, same_scope);
        assert_eq!(c[0], c[2]);
        assert_ne!(c[0], c[1]);
        assert_ne!(c[3], c[4]);
    }

    #[test]
    fn descriptive_subject_is_not_a_named_one() {
        let subjects = [
            Some("man"),
            Some("man from Dexter"),
            Some("Anthony LaCalamita"),
            Some("LaCalamita"),
        ];
        let c = loose_classes(&subjects, subject_tokens, same_subject);
        assert_ne!(c[0], c[1]);
        assert_eq!(c[2], c[3]);
    }

    #[test]
    fn generic_scope_does_not_chain_specific_ones() {
        let scopes = [
            Some("the 2004 tsunami"),
            Some("the tsunami"),
            Some("tsunami of 2006"),
            None,
            Some("2004 tsunami"),
        ];
        let c = loose_classes(&scopes, scope_tokens, same_scope);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[0], c[4]);
        assert_ne!(c[0], c[2]);
        assert_eq!(c[3], None);
    }

    #[test]
    fn datelines_are_not_event_dates() {
        let s = vec![
            source(0, "a", "July 02 2013 7:41 AM. The quake struck on Tuesday."),
            source(
                1,
                "b",
                "Updated: Wednesday 03 July 2013. The quake struck on Tuesday.",
            ),
        ];
        let claims = vec![
            claim(0, &s[0], "July 02 2013", Topic::Date, text("2013-07-02")),
            claim(0, &s[0], "Tuesday", Topic::Date, text("2013-07-02")),
            claim(
                1,
                &s[1],
                "Wednesday 03 July 2013",
                Topic::Date,
                text("2013-07-03"),
            ),
            claim(1, &s[1], "Tuesday", Topic::Date, text("2013-07-02")),
        ];
        let d = run(&s, &claims);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].claims, [1, 3]);
        assert_eq!(d[0].verdict, Verdict::Agree);
    }

    #[test]
    fn the_same_day_is_one_finding_whatever_the_sentences() {
        let s = vec![
            source(
                0,
                "a",
                "The ferry sank on Sunday near the island. Divers returned on Sunday evening with two bodies.",
            ),
            source(
                1,
                "b",
                "Coast guard boats reached the wreck late Sunday, a spokesman said.",
            ),
            source(
                2,
                "c",
                "Officials held a press conference in the capital on Monday.",
            ),
        ];
        let claims = vec![
            claim_nth(0, &s[0], "Sunday", 0, Topic::Date, text("2024-03-10")),
            claim_nth(0, &s[0], "Sunday", 1, Topic::Date, text("2024-03-10")),
            claim(1, &s[1], "Sunday", Topic::Date, text("2024-03-10")),
            claim(2, &s[2], "Monday", Topic::Date, text("2024-03-11")),
        ];
        let d = run(&s, &claims);
        let sunday = d.iter().find(|x| x.claims.contains(&0)).unwrap();
        assert_eq!(sunday.claims, [0, 1, 2], "{d:#?}");
        assert_eq!(sunday.verdict, Verdict::Agree);
        assert_eq!(sunday.primary, [true, false, true]);
        let monday = d.iter().find(|x| x.claims.contains(&3)).unwrap();
        assert_eq!(monday.verdict, Verdict::Unique);
    }

    #[test]
    fn single_speeds_of_the_main_event_meet_whatever_the_sentences() {
        let s = vec![
            source(
                0,
                "a",
                "The stolen van raced through three towns at up to 90 mph before it crashed.",
            ),
            source(
                1,
                "b",
                "Troopers said the driver reached more than 110 mph on the bypass.",
            ),
            source(2, "c", "The chase ended in a ditch; nobody was hurt."),
        ];
        let mk = |si: usize, w: &str, v: f64, b: Bound| {
            let mut c = claim(si, &s[si], w, Topic::Speed, num(v));
            c.unit = Some("mph".into());
            c.bound = b;
            c
        };
        let claims = vec![
            mk(0, "up to 90 mph", 90.0, Bound::AtMost),
            mk(1, "more than 110 mph", 110.0, Bound::AtLeast),
        ];
        let d = run(&s, &claims);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].verdict, Verdict::Conflict);
        assert!(!d[0].compatible, "at most 90 vs more than 110");
        // A source giving two different speeds: sentence context decides.
        let s2 = vec![
            s[0].clone(),
            source(
                1,
                "b",
                "Winds of 40 mph slowed the helicopter. Troopers said the driver reached more than 110 mph.",
            ),
        ];
        let claims = vec![
            mk(0, "up to 90 mph", 90.0, Bound::AtMost),
            {
                let mut c = claim(1, &s2[1], "40 mph", Topic::Speed, num(40.0));
                c.unit = Some("mph".into());
                c
            },
            {
                let mut c = claim(1, &s2[1], "more than 110 mph", Topic::Speed, num(110.0));
                c.unit = Some("mph".into());
                c.bound = Bound::AtLeast;
                c
            },
        ];
        let d = run(&s2, &claims);
        assert_eq!(d.len(), 3, "{d:#?}");
        assert!(d.iter().all(|x| x.verdict == Verdict::Unique));
        // Speeds of different kinds (a storm's track, its winds): apart.
        let s3 = vec![
            source(0, "a", "The storm crept north at 9 mph overnight."),
            source(1, "b", "Gusts reached 120 mph on the barrier islands."),
        ];
        let mk3 = |si: usize, w: &str, v: f64| {
            let mut c = claim(si, &s3[si], w, Topic::Speed, num(v));
            c.unit = Some("mph".into());
            c
        };
        let d = run(&s3, &[mk3(0, "9 mph", 9.0), mk3(1, "120 mph", 120.0)]);
        assert_eq!(d.len(), 2, "{d:#?}");
        // Even in alike sentences.
        let s4 = vec![
            source(0, "a", "On Monday the storm moved north at 9 mph."),
            source(
                1,
                "b",
                "On Monday the storm moved north with 120 mph winds.",
            ),
        ];
        let c4 = |si: usize, w: &str, v: f64| {
            let mut c = claim(si, &s4[si], w, Topic::Speed, num(v));
            c.unit = Some("mph".into());
            c
        };
        let extra = c4(0, "storm", 60.0);
        let d = run(&s4, &[c4(0, "9 mph", 9.0), extra, c4(1, "120 mph", 120.0)]);
        let track = d.iter().find(|x| x.claims.contains(&0)).unwrap();
        assert!(!track.claims.contains(&2), "{d:#?}");
    }

    #[test]
    fn two_events_of_one_year_in_one_source_stay_apart() {
        let s = vec![
            source(
                0,
                "a",
                "Last year a 5.9-magnitude quake shook the northern coast, killing two people. \
                 In March last year a 7.1-magnitude quake struck off Port Vale, setting off tsunami sirens.",
            ),
            source(
                1,
                "b",
                "In March last year a 7.2-magnitude quake hit the sea off Port Vale and set off tsunami sirens. \
                 Four people died in that quake.",
            ),
        ];
        let mk = |si: usize, w: &str, topic: Topic, v: f64, passage: usize| {
            let mut c = claim(si, &s[si], w, topic, num(v));
            c.scope = Some("2019".into());
            c.scope_sentence = Some(passage);
            c
        };
        let claims = vec![
            mk(0, "5.9", Topic::Magnitude, 5.9, 0),
            mk(0, "killing two", Topic::Killed, 2.0, 0),
            mk(0, "7.1", Topic::Magnitude, 7.1, 1),
            mk(1, "7.2", Topic::Magnitude, 7.2, 0),
            mk(1, "Four people died", Topic::Killed, 4.0, 0),
        ];
        let d = run(&s, &claims);
        let port_vale = d.iter().find(|x| x.claims.contains(&2)).unwrap();
        assert_eq!(port_vale.claims, [2, 3], "{d:#?}");
        assert_eq!(port_vale.verdict, Verdict::Conflict);
        for k in [0, 1, 4] {
            let f = d.iter().find(|x| x.claims.contains(&k)).unwrap();
            assert_eq!(f.verdict, Verdict::Unique, "{f:#?}");
        }
        // Without a second event in one source, the label alone groups.
        let d = run(&s, &[claims[1].clone(), claims[4].clone()]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].verdict, Verdict::Conflict);
    }

    #[test]
    fn trapped_and_missing_are_different_counts() {
        let s = vec![
            source(0, "a", "Floodwaters left four hikers missing in the gorge."),
            source(
                1,
                "b",
                "Eleven workers were trapped in the collapsed tunnel.",
            ),
            source(
                2,
                "c",
                "Police said six people were missing after the flood.",
            ),
        ];
        let mut trapped = claim(
            1,
            &s[1],
            "Eleven workers were trapped",
            Topic::Missing,
            num(11.0),
        );
        trapped.subject = Some("trapped".into());
        let claims = vec![
            claim(0, &s[0], "four hikers missing", Topic::Missing, num(4.0)),
            trapped,
            claim(
                2,
                &s[2],
                "six people were missing",
                Topic::Missing,
                num(6.0),
            ),
        ];
        let d = run(&s, &claims);
        assert_eq!(d.len(), 2, "{d:#?}");
        let missing = d.iter().find(|x| x.claims.contains(&0)).unwrap();
        assert_eq!(missing.claims, [0, 2]);
        assert_eq!(missing.verdict, Verdict::Conflict);
        let t = d.iter().find(|x| x.claims.contains(&1)).unwrap();
        assert_eq!(t.verdict, Verdict::Unique);
        assert_eq!(t.subject.as_deref(), Some("trapped"));
    }

    #[test]
    fn a_source_restating_a_figure_makes_one_unique_finding() {
        let s = vec![
            source(
                0,
                "a",
                "Two boats capsized off the pier at dawn. Harbour staff said the two boats had no licence.",
            ),
            source(1, "b", "Fishermen watched the storm from the quay."),
        ];
        let mk = |n: usize| {
            let mut c = claim_nth(0, &s[0], "wo boats", n, Topic::Count, num(2.0));
            c.unit = Some("boats".into());
            c
        };
        let d = run(&s, &[mk(0), mk(1)]);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].verdict, Verdict::Unique);
        assert_eq!(d[0].primary, [true, false]);
    }

    #[test]
    fn speakers_with_a_misspelled_surname_are_one_person() {
        let s = vec![
            source(0, "a", "Marta Kowalsky said the plant would reopen."),
            source(1, "b", "The plant will reopen, Marta Kowalski said."),
            source(2, "c", "Piotr Kowalski said he had not been told."),
        ];
        let mk = |si: usize, n: &str| claim(si, &s[si], n, Topic::Speaker, text(n));
        let claims = vec![
            mk(0, "Marta Kowalsky"),
            mk(1, "Marta Kowalski"),
            mk(2, "Piotr Kowalski"),
        ];
        let d = run(&s, &claims);
        let marta = d.iter().find(|x| x.claims.contains(&0)).unwrap();
        assert_eq!(marta.claims, [0, 1], "{d:#?}");
        assert_eq!(marta.verdict, Verdict::Agree);
    }

    #[test]
    fn speakers_agree_whatever_the_spelling() {
        let s = vec![
            source(0, "a", "Giannis Panagopoulos said the strike would go on."),
            source(
                1,
                "b",
                "Yiannis Panagopoulos said the strike would continue.",
            ),
        ];
        let claims = vec![
            claim(
                0,
                &s[0],
                "Giannis Panagopoulos",
                Topic::Speaker,
                text("Giannis Panagopoulos"),
            ),
            claim(
                1,
                &s[1],
                "Yiannis Panagopoulos",
                Topic::Speaker,
                text("Yiannis Panagopoulos"),
            ),
        ];
        let d = run(&s, &claims);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].verdict, Verdict::Agree);
    }

    #[test]
    fn descriptive_subjects_need_context() {
        let s = vec![
            source(
                0,
                "a",
                "A 50-year-old man from the next town called the police hotline.",
            ),
            source(
                1,
                "b",
                "Officers named the wounded as a 47-year-old man and his colleague.",
            ),
        ];
        let mut claims = vec![
            claim(0, &s[0], "50-year-old", Topic::Age, num(50.0)),
            claim(1, &s[1], "47-year-old", Topic::Age, num(47.0)),
        ];
        for c in &mut claims {
            c.subject = Some("man".into());
        }
        let d = run(&s, &claims);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(d.iter().all(|x| x.verdict == Verdict::Unique));
        // The same age of "a woman" and "a woman from Warren" in alike
        // sentences: one finding.
        let s = vec![
            source(
                0,
                "a",
                "Police said the person killed was a 63-year-old woman from Warren.",
            ),
            source(1, "b", "A 63-year-old woman was killed, police said."),
        ];
        let mut claims = vec![
            claim(0, &s[0], "63-year-old", Topic::Age, num(63.0)),
            claim(1, &s[1], "63-year-old", Topic::Age, num(63.0)),
        ];
        claims[0].subject = Some("woman from Warren".into());
        claims[1].subject = Some("woman".into());
        let d = run(&s, &claims);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].verdict, Verdict::Agree);
    }

    #[test]
    fn people_counts_ignore_the_unit_noun() {
        let s = three();
        let mut a = claim(0, &s[0], "killed 21", Topic::Killed, num(21.0));
        a.unit = Some("people".into());
        let b = claim(1, &s[1], "25 people died", Topic::Killed, num(25.0));
        let d = run(&s, &[a, b]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].verdict, Verdict::Conflict);
    }

    #[test]
    fn compatible_when_bounds_overlap() {
        let s = three();
        let mut a = claim(0, &s[0], "killed 21", Topic::Killed, num(5.0));
        a.bound = Bound::AtLeast;
        let b = claim(1, &s[1], "25 people died", Topic::Killed, num(24.0));
        let d = run(&s, &[a, b]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].verdict, Verdict::Conflict);
        assert!(d[0].compatible);
    }

    #[test]
    fn unique_when_one_source() {
        let s = three();
        let c = claim(2, &s[2], "Sunday", Topic::Date, text("Sunday"));
        let d = run(&s, &[c]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].verdict, Verdict::Unique);
        assert_eq!(d[0].primary, [true]);
    }

    #[test]
    fn backers_partial_and_agree() {
        let s = vec![
            source(0, "a", "Haftar is backed by Egypt and the UAE."),
            source(1, "b", "France, the UAE and Egypt support Haftar."),
            source(2, "c", "Egypt and the UAE back Haftar."),
        ];
        let mk = |si: usize, w: &str, v: &str| {
            let mut c = claim(si, &s[si], w, Topic::Backers, text(v));
            c.subject = Some("Khalifa Haftar".into());
            c
        };
        let claims = vec![
            mk(0, "Egypt", "Egypt"),
            mk(0, "UAE", "United Arab Emirates"),
            mk(1, "France", "France"),
            mk(1, "UAE", "United Arab Emirates"),
            mk(1, "Egypt", "Egypt"),
            mk(2, "Egypt", "Egypt"),
            mk(2, "UAE", "United Arab Emirates"),
        ];
        let d = run(&s, &claims);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].verdict, Verdict::Partial);
        assert_eq!(d[0].claims.len(), 7);
        // No shared member at all: separate unique findings.
        let d = run(&s, &[claims[0].clone(), claims[2].clone()]);
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|x| x.verdict == Verdict::Unique));
        // Same sets everywhere: agreement.
        let d = run(&s, &[claims[0].clone(), claims[5].clone()]);
        assert_eq!(d[0].verdict, Verdict::Agree);
    }

    #[test]
    fn ages_of_different_people_stay_apart() {
        let s = vec![
            source(
                0,
                "a",
                "Anthony Marsh, 38, was arrested. His neighbour Ruth Kell, 61, called police.",
            ),
            source(1, "b", "Marsh, 39, was taken into custody."),
        ];
        let mut claims = vec![
            claim(0, &s[0], "38", Topic::Age, num(38.0)),
            claim(0, &s[0], "61", Topic::Age, num(61.0)),
            claim(1, &s[1], "39", Topic::Age, num(39.0)),
        ];
        claims[0].subject = Some("Anthony Marsh".into());
        claims[1].subject = Some("Ruth Kell".into());
        claims[2].subject = Some("Marsh".into());
        let d = run(&s, &claims);
        assert_eq!(d.len(), 2, "{d:#?}");
        let marsh = d.iter().find(|x| x.claims.contains(&0)).unwrap();
        assert_eq!(marsh.claims, [0, 2]);
        assert_eq!(marsh.verdict, Verdict::Conflict);
        assert_eq!(marsh.subject.as_deref(), Some("Anthony Marsh"));
    }

    #[test]
    fn counts_need_matching_context_and_unit() {
        let s = vec![
            source(
                0,
                "a",
                "The quake destroyed 300 houses in the hill villages. Engineers inspected 12 bridges.",
            ),
            source(
                1,
                "b",
                "In the hill villages 350 houses were destroyed by the quake. The school fed 300 pupils.",
            ),
        ];
        let mk = |si: usize, w: &str, n: usize, v: f64, unit: &str| {
            let mut c = claim_nth(si, &s[si], w, n, Topic::Count, num(v));
            c.unit = Some(unit.into());
            c
        };
        let claims = vec![
            mk(0, "300", 0, 300.0, "houses"),
            mk(0, "12", 0, 12.0, "bridges"),
            mk(1, "350", 0, 350.0, "house"),
            mk(1, "300", 0, 300.0, "pupils"),
        ];
        let d = run(&s, &claims);
        let houses = d.iter().find(|x| x.claims.contains(&0)).unwrap();
        assert_eq!(houses.claims, [0, 2]);
        assert_eq!(houses.verdict, Verdict::Conflict);
        // 300 pupils never meets 300 houses.
        let pupils = d.iter().find(|x| x.claims.contains(&3)).unwrap();
        assert_eq!(pupils.verdict, Verdict::Unique);
    }

    #[test]
    fn unrelated_distances_do_not_chain() {
        let s = vec![
            source(
                0,
                "a",
                "The epicentre was 10 km from the town of Lerin. Trucks drove 300 km with supplies from the capital.",
            ),
            source(
                1,
                "b",
                "The epicentre lay 12 km from Lerin. The first aid convoy set off from the capital.",
            ),
        ];
        let mk = |si: usize, w: &str, v: f64| {
            let mut c = claim(si, &s[si], w, Topic::Distance, num(v));
            c.unit = Some("km".into());
            c
        };
        let claims = vec![
            mk(0, "10 km", 10.0),
            mk(0, "300 km", 300.0),
            mk(1, "12 km", 12.0),
        ];
        let d = run(&s, &claims);
        assert_eq!(d.len(), 2, "{d:#?}");
        let epi = d.iter().find(|x| x.claims.contains(&0)).unwrap();
        assert_eq!(epi.claims, [0, 2]);
        assert_eq!(epi.verdict, Verdict::Conflict);
    }

    #[test]
    fn same_figure_links_before_different_figures() {
        let s = vec![
            source(
                0,
                "a",
                "The epicentre, six miles deep, lay 34 miles west of the town of Harlo.",
            ),
            source(
                1,
                "b",
                "The quake hit at a depth of 10 kilometers (6 miles) near the coast. The epicentre was 55 kilometers (34 miles) west of the town of Harlo.",
            ),
        ];
        let mk = |si: usize, w: &str, v: f64, orig: bool| {
            let mut c = claim(si, &s[si], w, Topic::Distance, num(v));
            c.unit = Some("km".into());
            if orig {
                c.original = Some(w.into());
            }
            c
        };
        let claims = vec![
            mk(0, "34 miles", 54.72, true),
            mk(1, "6 miles", 9.66, true),
            mk(1, "55 kilometers", 55.0, false),
            mk(1, "34 miles", 54.72, true),
        ];
        let d = run(&s, &claims);
        let epi = d.iter().find(|x| x.claims.contains(&0)).unwrap();
        assert_eq!(epi.claims, [0, 2, 3], "{d:#?}");
        assert_eq!(epi.verdict, Verdict::Agree);
        let depth = d.iter().find(|x| x.claims.contains(&1)).unwrap();
        assert_eq!(depth.verdict, Verdict::Unique);
    }

    #[test]
    fn converted_units_agree_within_rounding() {
        let s = vec![
            source(0, "a", "The fire was six miles from the town."),
            source(1, "b", "The fire was 10 km from the town."),
        ];
        let mut a = claim(0, &s[0], "six miles", Topic::Distance, num(9.656));
        a.unit = Some("km".into());
        a.original = Some("six miles".into());
        let mut b = claim(1, &s[1], "10 km", Topic::Distance, num(10.0));
        b.unit = Some("km".into());
        let d = run(&s, &[a, b]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].verdict, Verdict::Agree);
    }

    #[test]
    fn the_total_in_a_sentence_is_primary_over_its_part() {
        let s = [source(
            0,
            "a",
            "The blast killed four miners and raised the death toll from the week's accidents to 9. Later two more died.",
        )];
        let mut a = claim(0, &s[0], "killed four miners", Topic::Killed, num(4.0));
        a.unit = Some("miners".into());
        let b = claim(0, &s[0], "to 9", Topic::Killed, num(9.0));
        let c = claim(0, &s[0], "two more died", Topic::Killed, num(2.0));
        assert_eq!(primaries(&[a, b, c], &[0, 1, 2]), [false, true, false]);
        // Two parts of the same kind: the first stays primary.
        let s = [source(
            0,
            "a",
            "A shell killed 3 people at the school and another killed 8 at the clinic.",
        )];
        let mut a = claim(0, &s[0], "killed 3 people", Topic::Killed, num(3.0));
        a.unit = Some("people".into());
        let b = claim(0, &s[0], "killed 8", Topic::Killed, num(8.0));
        assert_eq!(primaries(&[a, b], &[0, 1]), [true, false]);
    }

    #[test]
    fn vague_first_figure_is_not_primary() {
        let s = [source(0, "a", "Dozens died. Officials said 31 died.")];
        let mut a = claim(0, &s[0], "Dozens", Topic::Killed, num(24.0));
        a.vague = true;
        a.bound = Bound::Vague;
        let b = claim(0, &s[0], "31", Topic::Killed, num(31.0));
        assert_eq!(primaries(&[a, b], &[0, 1]), [false, true]);
    }
}
