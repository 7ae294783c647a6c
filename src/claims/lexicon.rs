//! Word lists from assets/claims (compiled in), parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::Bound;
use super::Topic;
use super::tokens::phrase_words;

const NUMBERS: &str = include_str!("../../assets/claims/numbers.toml");
const TRIGGERS: &str = include_str!("../../assets/claims/triggers.toml");
const LEXICON: &str = include_str!("../../assets/claims/lexicon.toml");
const GAZETTEER: &str = include_str!("../../assets/claims/gazetteer.tsv");

type Phrase = Vec<String>;

#[derive(Deserialize)]
struct NumbersFile {
    units: Vec<String>,
    tens: Vec<String>,
    scales: HashMap<String, f64>,
    vague: HashMap<String, f64>,
    bounds: BoundsFile,
    not_count_before: Vec<String>,
    one_not_count_after: Vec<String>,
    one_not_count_before: Vec<String>,
    fractions: Vec<String>,
    time_of_day: Vec<String>,
}

#[derive(Deserialize)]
struct BoundsFile {
    at_least: Vec<String>,
    at_most: Vec<String>,
    about: Vec<String>,
}

#[derive(Deserialize)]
struct TriggerFile {
    verbs: Vec<String>,
    after: Vec<String>,
    nouns: Vec<String>,
    tolls: Vec<String>,
    /// Trigger words naming a state of their own within the topic.
    #[serde(default)]
    states: Vec<String>,
}

#[derive(Deserialize)]
struct LexiconFile {
    people_nouns: Vec<String>,
    aux: Vec<String>,
    toll_links: Vec<String>,
    units: UnitsFile,
    words: WordsFile,
    names: NamesFile,
    time: TimeFile,
    speech: SpeechFile,
    backers: BackersFile,
}

#[derive(Deserialize)]
struct UnitsFile {
    distance: HashMap<String, (String, f64)>,
    speed: HashMap<String, (String, f64)>,
    money: HashMap<String, (String, f64)>,
}

#[derive(Deserialize)]
struct WordsFile {
    depth: Vec<String>,
    depth_after: Vec<String>,
    magnitude: Vec<String>,
    percent: Vec<String>,
    not_count_units: Vec<String>,
    year_context_before: Vec<String>,
}

#[derive(Deserialize)]
pub struct NamesFile {
    pub titles: Vec<String>,
    pub particles: Vec<String>,
    pub stop: Vec<String>,
    pub org_words: Vec<String>,
    pub place_words: Vec<String>,
    pub scope_place_words: Vec<String>,
    pub event_nouns: Vec<String>,
}

#[derive(Deserialize)]
struct TimeFile {
    months: Vec<String>,
    month_abbr: Vec<String>,
    weekdays: Vec<String>,
    dateline_markers: Vec<String>,
    #[serde(default)]
    future_markers: Vec<String>,
}

#[derive(Deserialize)]
struct SpeechFile {
    verbs: Vec<String>,
    before: Vec<String>,
    pronouns: Vec<String>,
    #[serde(default)]
    silent: Vec<String>,
    fillers: Vec<String>,
}

#[derive(Deserialize)]
struct BackersFile {
    after: Vec<String>,
    before: Vec<String>,
    compound: Vec<String>,
    negations: Vec<String>,
    owner_modifiers: Vec<String>,
}

/// Trigger phrases of one people-count topic.
pub struct Triggers {
    pub topic: Topic,
    pub verbs: Vec<Phrase>,
    pub after: Vec<Phrase>,
    pub nouns: HashSet<String>,
    pub tolls: Vec<Phrase>,
    /// `after` words that name a state of their own ("trapped" within
    /// missing): such counts carry the word as subject.
    pub states: HashSet<String>,
}

/// An entry of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    pub canonical: String,
    pub kind: String,
}

pub struct Lexicon {
    pub unit_words: HashMap<String, f64>,
    pub ten_words: HashMap<String, f64>,
    pub scales: HashMap<String, f64>,
    /// Longest first.
    pub vague: Vec<(Phrase, f64)>,
    /// Longest first.
    pub bounds: Vec<(Phrase, Bound)>,
    pub not_count_before: HashSet<String>,
    pub one_not_after: HashSet<String>,
    pub one_not_before: HashSet<String>,
    pub fractions: HashSet<String>,
    pub time_of_day: HashSet<String>,
    pub triggers: Vec<Triggers>,
    pub people_nouns: HashSet<String>,
    pub aux: HashSet<String>,
    pub toll_links: HashSet<String>,
    pub distance: HashMap<String, (String, f64)>,
    pub speed: HashMap<String, (String, f64)>,
    pub money: HashMap<String, (String, f64)>,
    pub depth: HashSet<String>,
    pub depth_after: HashSet<String>,
    pub magnitude: HashSet<String>,
    pub percent: Vec<Phrase>,
    pub not_count_units: HashSet<String>,
    pub year_context_before: HashSet<String>,
    pub titles: HashSet<String>,
    pub particles: HashSet<String>,
    pub stop: HashSet<String>,
    pub org_words: HashSet<String>,
    pub place_words: HashSet<String>,
    pub scope_place_words: HashSet<String>,
    pub event_nouns: HashSet<String>,
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub dateline_markers: HashSet<String>,
    /// Words that put a sentence's weekday after publication ("will",
    /// "expected", "next").
    pub future_markers: HashSet<String>,
    pub speech_verbs: HashSet<String>,
    pub speech_before: Vec<Phrase>,
    pub pronouns: HashSet<String>,
    /// Objects of a speech verb that report silence ("said nothing").
    pub silent_objects: HashSet<String>,
    /// Words between a speaker and the speech verb ("also", "had").
    pub speech_fillers: HashSet<String>,
    /// Words between a backed party's possessive and the cue ("his foreign backers").
    pub backer_modifiers: HashSet<String>,
    pub backer_after: Vec<Phrase>,
    pub backer_before: Vec<Phrase>,
    pub backer_compound: HashSet<String>,
    pub negations: HashSet<String>,
    /// Lower-cased alias (token phrase joined by ' ') -> place.
    pub gazetteer: HashMap<String, Place>,
    /// Lower-cased demonym -> canonical country.
    pub demonyms: HashMap<String, String>,
    /// Longest alias in tokens, to bound lookups.
    pub gazetteer_max_len: usize,
}

fn set(v: Vec<String>) -> HashSet<String> {
    v.into_iter().map(|s| s.to_lowercase()).collect()
}

fn phrases(v: Vec<String>) -> Vec<Phrase> {
    let mut p: Vec<Phrase> = v.iter().map(|s| phrase_words(s)).collect();
    p.sort_by_key(|p| std::cmp::Reverse(p.len()));
    p
}

/// Key under which a token phrase is looked up in the gazetteer.
pub fn key_of(words: &[String]) -> String {
    words.join(" ")
}

pub static LEX: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let nf: NumbersFile = toml::from_str(NUMBERS).expect("assets/claims/numbers.toml");
    let tf: HashMap<String, TriggerFile> =
        toml::from_str(TRIGGERS).expect("assets/claims/triggers.toml");
    let lf: LexiconFile = toml::from_str(LEXICON).expect("assets/claims/lexicon.toml");

    let mut vague: Vec<(Phrase, f64)> = nf
        .vague
        .into_iter()
        .map(|(k, v)| (phrase_words(&k), v))
        .collect();
    vague.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut bounds: Vec<(Phrase, Bound)> = Vec::new();
    for (list, b) in [
        (nf.bounds.at_least, Bound::AtLeast),
        (nf.bounds.at_most, Bound::AtMost),
        (nf.bounds.about, Bound::About),
    ] {
        bounds.extend(list.iter().map(|s| (phrase_words(s), b)));
    }
    bounds.sort_by_key(|b| std::cmp::Reverse(b.0.len()));

    let mut triggers: Vec<Triggers> = tf
        .into_iter()
        .map(|(name, t)| Triggers {
            topic: Topic::parse(&name).expect("trigger topic"),
            verbs: phrases(t.verbs),
            after: phrases(t.after),
            nouns: set(t.nouns),
            tolls: phrases(t.tolls),
            states: set(t.states),
        })
        .collect();
    triggers.sort_by_key(|t| t.topic);

    let mut gazetteer = HashMap::new();
    let mut demonyms = HashMap::new();
    let mut max_len = 1;
    for line in GAZETTEER.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let canonical = cols[0].to_string();
        let kind = cols.get(1).copied().unwrap_or("country").to_string();
        let place = Place {
            canonical: canonical.clone(),
            kind,
        };
        let aliases = cols.get(2).copied().unwrap_or("");
        for alias in std::iter::once(cols[0]).chain(aliases.split('|')) {
            let alias = alias.trim();
            if alias.is_empty() {
                continue;
            }
            let mut words = phrase_words(alias);
            if words.len() > 1 && words[0] == "the" {
                words.remove(0);
            }
            max_len = max_len.max(words.len());
            gazetteer
                .entry(key_of(&words))
                .or_insert_with(|| place.clone());
        }
        for d in cols.get(3).copied().unwrap_or("").split('|') {
            let d = d.trim();
            if !d.is_empty() {
                demonyms
                    .entry(d.to_lowercase())
                    .or_insert_with(|| canonical.clone());
            }
        }
    }

    let months = lf
        .time
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| (m.clone(), i as u32 + 1))
        .chain(
            lf.time
                .month_abbr
                .iter()
                .enumerate()
                .map(|(i, m)| (m.clone(), i as u32 + 1)),
        )
        .collect();
    let weekdays = lf
        .time
        .weekdays
        .iter()
        .enumerate()
        .map(|(i, m)| (m.clone(), i as u32))
        .collect();

    Lexicon {
        unit_words: nf
            .units
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as f64))
            .collect(),
        ten_words: nf
            .tens
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), (i as f64 + 2.0) * 10.0))
            .collect(),
        scales: nf.scales,
        vague,
        bounds,
        not_count_before: set(nf.not_count_before),
        one_not_after: set(nf.one_not_count_after),
        one_not_before: set(nf.one_not_count_before),
        fractions: set(nf.fractions),
        time_of_day: set(nf.time_of_day),
        triggers,
        people_nouns: set(lf.people_nouns),
        aux: set(lf.aux),
        toll_links: set(lf.toll_links),
        distance: lf.units.distance,
        speed: lf.units.speed,
        money: lf.units.money,
        depth: set(lf.words.depth),
        depth_after: set(lf.words.depth_after),
        magnitude: set(lf.words.magnitude),
        percent: phrases(lf.words.percent),
        not_count_units: set(lf.words.not_count_units),
        year_context_before: set(lf.words.year_context_before),
        titles: set(lf.names.titles),
        particles: set(lf.names.particles),
        stop: set(lf.names.stop),
        org_words: set(lf.names.org_words),
        place_words: set(lf.names.place_words),
        scope_place_words: set(lf.names.scope_place_words),
        event_nouns: set(lf.names.event_nouns),
        months,
        weekdays,
        dateline_markers: set(lf.time.dateline_markers),
        future_markers: set(lf.time.future_markers),
        speech_verbs: set(lf.speech.verbs),
        speech_before: phrases(lf.speech.before),
        pronouns: set(lf.speech.pronouns),
        silent_objects: set(lf.speech.silent),
        speech_fillers: set(lf.speech.fillers),
        backer_modifiers: set(lf.backers.owner_modifiers),
        backer_after: phrases(lf.backers.after),
        backer_before: phrases(lf.backers.before),
        backer_compound: set(lf.backers.compound),
        negations: set(lf.backers.negations),
        gazetteer,
        demonyms,
        gazetteer_max_len: max_len,
    }
}

impl Lexicon {
    pub fn is_number_word(&self, w: &str) -> bool {
        self.unit_words.contains_key(w)
            || self.ten_words.contains_key(w)
            || matches!(w, "hundred" | "thousand" | "million" | "billion" | "dozen")
    }
}
