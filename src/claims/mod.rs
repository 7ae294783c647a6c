//! Claim extraction: numbers, counts of people, other quantities, time,
//! actors (backers), speakers and names. No terminal code here.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::corpus::Source;

mod actors;
mod lexicon;
pub mod listing;
pub mod names;
pub mod numbers;
mod people;
mod quantities;
mod scope;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod testutil;
pub mod time;
pub mod tokens;

pub use listing::{render_json, render_table};

/// What a claim is about. Serialised lowercase, as in the report contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    Killed,
    Wounded,
    Missing,
    Arrested,
    Displaced,
    Evacuated,
    Affected,
    Count,
    Age,
    Distance,
    Depth,
    Magnitude,
    Money,
    Percent,
    Speed,
    Year,
    Date,
    Backers,
    Speaker,
    Name,
}

impl Topic {
    pub const ALL: [Topic; 20] = [
        Topic::Killed,
        Topic::Wounded,
        Topic::Missing,
        Topic::Arrested,
        Topic::Displaced,
        Topic::Evacuated,
        Topic::Affected,
        Topic::Count,
        Topic::Age,
        Topic::Distance,
        Topic::Depth,
        Topic::Magnitude,
        Topic::Money,
        Topic::Percent,
        Topic::Speed,
        Topic::Year,
        Topic::Date,
        Topic::Backers,
        Topic::Speaker,
        Topic::Name,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Killed => "killed",
            Topic::Wounded => "wounded",
            Topic::Missing => "missing",
            Topic::Arrested => "arrested",
            Topic::Displaced => "displaced",
            Topic::Evacuated => "evacuated",
            Topic::Affected => "affected",
            Topic::Count => "count",
            Topic::Age => "age",
            Topic::Distance => "distance",
            Topic::Depth => "depth",
            Topic::Magnitude => "magnitude",
            Topic::Money => "money",
            Topic::Percent => "percent",
            Topic::Speed => "speed",
            Topic::Year => "year",
            Topic::Date => "date",
            Topic::Backers => "backers",
            Topic::Speaker => "speaker",
            Topic::Name => "name",
        }
    }

    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Counts of people affected by the event (casualty-like topics).
    pub fn is_people_count(self) -> bool {
        matches!(
            self,
            Topic::Killed
                | Topic::Wounded
                | Topic::Missing
                | Topic::Arrested
                | Topic::Displaced
                | Topic::Evacuated
                | Topic::Affected
        )
    }

    /// Topics whose value is a number.
    pub fn is_numeric(self) -> bool {
        !matches!(
            self,
            Topic::Date | Topic::Backers | Topic::Speaker | Topic::Name
        )
    }

    /// Human label used in summaries ("People killed").
    pub fn label(self) -> &'static str {
        match self {
            Topic::Killed => "People killed",
            Topic::Wounded => "People wounded",
            Topic::Missing => "People missing",
            Topic::Arrested => "People arrested",
            Topic::Displaced => "People displaced",
            Topic::Evacuated => "People evacuated",
            Topic::Affected => "People affected",
            Topic::Count => "Count",
            Topic::Age => "Age",
            Topic::Distance => "Distance",
            Topic::Depth => "Depth",
            Topic::Magnitude => "Magnitude",
            Topic::Money => "Money",
            Topic::Percent => "Percentage",
            Topic::Speed => "Speed",
            Topic::Year => "Year",
            Topic::Date => "Date",
            Topic::Backers => "Backers",
            Topic::Speaker => "Quoted",
            Topic::Name => "Name",
        }
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a figure is bounded in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// "21 killed"
    #[default]
    Exact,
    /// "at least 5", "more than 200", "over 100"
    AtLeast,
    /// "up to 120", "nearly 30", "as many as 20,000"
    AtMost,
    /// "about 30", "around 40", "roughly 30,000", "some 320"
    About,
    /// "dozens", "hundreds", "several": a lower bound only
    Vague,
}

/// A claim's value: a number (with optional upper end of a range) or a string
/// (canonical actor name, surface form of a name, speaker, ISO date).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Num { value: f64, max: Option<f64> },
    Text(String),
}

impl Value {
    pub fn num(value: f64) -> Value {
        Value::Num { value, max: None }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Num { value, .. } => Some(*value),
            Value::Text(_) => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            Value::Num { .. } => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Num { value, max } => {
                write!(f, "{}", format_number(*value))?;
                if let Some(m) = max {
                    write!(f, "-{}", format_number(*m))?;
                }
                Ok(())
            }
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// "21", "1,000", "6.1", "1.5 million" style display of a figure.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        // Two decimals: enough for magnitudes, percentages and converted
        // units (30 miles = 48.28 km) without float noise.
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One comparable statement in one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Index of the source in `Analysis::sources`.
    pub source: usize,
    /// Byte range in `Source::text` of the words that state the claim.
    pub span: Range<usize>,
    /// Index into `Source::sentences`.
    pub sentence: usize,
    pub topic: Topic,
    /// Who or what it is about, when stated ("Khalifa Haftar" for backers,
    /// "Anthony LaCalamita" for an age, the unit noun's owner, the cluster key
    /// for names).
    pub subject: Option<String>,
    pub value: Value,
    pub bound: Bound,
    /// Unit as normalised ("km", "usd", "eur", "houses", "mph").
    pub unit: Option<String>,
    /// The figure as written before normalisation ("six miles").
    pub original: Option<String>,
    /// What the figure belongs to when not the main event ("2004 tsunami",
    /// "Central Aceh district"). `None` = the main event.
    pub scope: Option<String>,
    /// Index of the sentence that gave `scope` (this one, or the previous one
    /// for a background carried over): tells two passages with the same
    /// label apart.
    pub scope_sentence: Option<usize>,
    /// Vague amount ("dozens"): `value` is a lower bound.
    pub vague: bool,
}

impl Claim {
    /// The interval of values the wording allows, for numeric claims.
    pub fn interval(&self) -> Option<(f64, f64)> {
        let Value::Num { value, max } = self.value else {
            return None;
        };
        let hi = max.unwrap_or(value);
        Some(match self.bound {
            Bound::Exact => (value, hi),
            Bound::AtLeast => (value, f64::INFINITY),
            Bound::AtMost => (0.0, hi),
            Bound::About => (value * 0.9, hi * 1.1),
            Bound::Vague => (value, f64::INFINITY),
        })
    }
}

/// A claim found in one sentence, with a span relative to the sentence text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    pub topic: Topic,
    pub subject: Option<String>,
    pub value: Value,
    pub bound: Bound,
    pub unit: Option<String>,
    pub original: Option<String>,
    pub scope: Option<String>,
    pub vague: bool,
}

/// What extraction knows about the source around a sentence.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Publication date (front matter or dateline).
    pub published: Option<time::Date>,
    /// Year of the main event (publication year, else the latest year mentioned).
    pub event_year: Option<i32>,
    /// Person names (titles stripped) mentioned anywhere in the source.
    pub people: Vec<String>,
    /// The last person named before this sentence.
    pub prev_person: Option<String>,
    /// Who the previous sentence quoted: "She said ..." after "Larson said
    /// Kafoury was ..." continues Larson, not the last name mentioned.
    pub prev_speaker: Option<String>,
    /// The person the source mentions most.
    pub main_person: Option<String>,
    /// Background scope carried over from the previous sentence.
    pub carry_scope: Option<String>,
    /// Names the source uses as places somewhere ("in Banda Aceh"): never people.
    pub places: std::collections::HashSet<String>,
    /// Words the source writes in lower case (to tell sentence openers from names).
    pub lower_words: std::collections::HashSet<String>,
    /// Words the source capitalises inside a sentence (not as its first word,
    /// nor as the first word of a quote): only these openers can be names.
    pub inner_caps: std::collections::HashSet<String>,
}

impl Context {
    /// The fullest form of a person's name in the source ("Mesmari" -> "Ahmed al-Mesmari").
    pub fn fullest(&self, surface: &str) -> String {
        let last = names::last_key(surface);
        let n = surface.split_whitespace().count();
        let full = self
            .people
            .iter()
            .filter(|p| names::last_key(p) == last && p.split_whitespace().count() > n)
            .max_by_key(|p| p.split_whitespace().count())
            .map(String::as_str)
            .unwrap_or(surface);
        // Middle initials do not tell people apart ("Robert J. Pickell").
        full.split_whitespace()
            .filter(|w| !(w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether a one-word name is the last name of a person named in the source.
    pub fn is_person(&self, surface: &str) -> bool {
        if self.places.contains(surface) {
            return false;
        }
        let last = names::last_key(surface);
        self.people.iter().any(|p| names::last_key(p) == last)
    }
}

/// Topics whose figures can belong to another event or place.
fn scoped_topic(t: Topic) -> bool {
    t.is_people_count()
        || matches!(
            t,
            Topic::Count
                | Topic::Money
                | Topic::Magnitude
                | Topic::Distance
                | Topic::Depth
                | Topic::Percent
                | Topic::Speed
        )
}

/// Extract claims from one sentence (spans relative to `text`).
pub fn extract_sentence(text: &str, ctx: &Context) -> Vec<Found> {
    extract_sentence_scoped(text, ctx).0
}

/// Extraction plus the background scope this sentence passes on to the next
/// one ("In 2004 a tsunami struck. It killed 170,000 people.").
fn extract_sentence_scoped(text: &str, ctx: &Context) -> (Vec<Found>, Option<String>) {
    let toks = tokens::tokenize(text);
    let nums = numbers::find_numbers(&toks);
    let mentions = names::find_names(text, &toks);
    let (found, carry, _) = extract_parsed(text, &toks, &nums, &mentions, ctx);
    (found, carry)
}

/// A sentence tokenized once, with its figures and name mentions.
struct Parsed {
    toks: Vec<tokens::Tok>,
    nums: Vec<numbers::NumPhrase>,
    mentions: Vec<names::Mention>,
}

fn extract_parsed(
    text: &str,
    toks: &[tokens::Tok],
    nums: &[numbers::NumPhrase],
    mentions: &[names::Mention],
    ctx: &Context,
) -> (Vec<Found>, Option<String>, Option<String>) {
    let mut used = vec![false; nums.len()];
    let mut out = people::extract(text, toks, nums, &mut used);
    out.extend(time::extract(text, toks, nums, &mut used, ctx));
    out.extend(quantities::extract(
        text, toks, nums, &mut used, mentions, ctx,
    ));
    quantities::money_bound_fix(&mut out, text, toks);
    let anchored = out
        .iter()
        .any(|f| matches!(f.topic, Topic::Date | Topic::Year));
    // A full date well before publication names another event ("On April 20, a quake ...").
    let dated = ctx.published.and_then(|p| p.days()).and_then(|pd| {
        out.iter().find_map(|f| {
            let d = time::parse_date(f.value.as_text()?)?.days()?;
            (f.topic == Topic::Date && pd - d > 7).then(|| scope::Scope {
                label: f.value.to_string(),
                from: 0,
                background: true,
            })
        })
    });
    let own = scope::sentence_scope(text, toks, nums, ctx).or(dated);
    let carried = own.is_none();
    let scope = own.or_else(|| {
        // Background continues until the text gives a new time anchor.
        ctx.carry_scope
            .as_ref()
            .filter(|_| !anchored)
            .map(|label| scope::Scope {
                label: label.clone(),
                from: 0,
                background: true,
            })
    });
    let mut carry = None;
    if let Some(sc) = &scope {
        for f in out.iter_mut() {
            if f.span.start >= sc.from && scoped_topic(f.topic) && f.scope.is_none() {
                let mut label = sc.label.clone();
                if sc.background
                    && let Some(end) = toks.iter().position(|t| t.end == f.span.end)
                    && let Some(area) = scope::sub_area_after(toks, end + 1)
                {
                    // "province of tsunami": no year, so that it stays apart
                    // from the event's total ("tsunami 2004").
                    let words: Vec<&str> = label
                        .split_whitespace()
                        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
                        .collect();
                    label = if words.is_empty() {
                        area
                    } else {
                        format!("{area} of {}", words.join(" "))
                    };
                }
                f.scope = Some(label);
            }
        }
        // One sentence of carry-over: a carried scope is not passed on again.
        if sc.background && !carried {
            carry = Some(sc.label.clone());
        }
    }
    out.extend(actors::speakers(toks, mentions, ctx));
    out.extend(actors::backers(toks, mentions, ctx));
    if !names::is_headline(toks) {
        out.extend(actors::names(toks, mentions, ctx));
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    let carried_in = scope.filter(|_| carried).map(|sc| sc.label);
    (out, carry, carried_in)
}

/// Build the source-level context: names of people, main person, dates.
fn source_context(src: &Source) -> (Context, Option<Range<usize>>, Vec<Parsed>) {
    let mut ctx = Context::default();
    let mut dateline = None;
    if let Some((d, r)) = time::find_dateline(&src.text) {
        ctx.published = Some(d);
        dateline = Some(r);
    }
    if let Some(p) = src.published.as_deref().and_then(time::parse_date) {
        ctx.published = Some(p);
    }
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    let mut years = Vec::new();
    let mut parsed = Vec::with_capacity(src.sentences.len());
    let mut titled = std::collections::HashSet::new();
    for s in &src.sentences {
        let text = &src.text[s.span.clone()];
        let toks = tokens::tokenize(text);
        let nums = numbers::find_numbers(&toks);
        let mentions = names::find_names(text, &toks);
        for m in &mentions {
            if m.kind == names::NameKind::Place {
                ctx.places.insert(m.surface.clone());
            }
            if m.titled {
                titled.insert(names::last_key(&m.surface));
            }
            if m.kind == names::NameKind::Person && !ctx.people.contains(&m.surface) {
                ctx.people.push(m.surface.clone());
            }
            if matches!(m.kind, names::NameKind::Person | names::NameKind::Other) {
                *counts.entry(names::last_key(&m.surface)).or_default() += 1;
            }
        }
        ctx.lower_words.extend(
            toks.iter()
                .filter(|t| t.kind == tokens::Kind::Word && !t.cap)
                .map(|t| t.lower.clone()),
        );
        if !names::is_headline(&toks) {
            ctx.inner_caps.extend(
                (0..toks.len())
                    .filter(|&k| !names::opens_clause(&toks, k))
                    .filter(|&k| toks[k].kind == tokens::Kind::Word && toks[k].cap)
                    .map(|k| toks[k].lower.clone()),
            );
        }
        years.extend(nums.iter().filter(|n| n.year).map(|n| n.value as i32));
        parsed.push(Parsed {
            toks,
            nums,
            mentions,
        });
    }
    // A name used with a person's title anywhere ("General Haftar") stays a
    // person even where it looks like a place ("in Haftar's ...").
    ctx.places.retain(|p| !titled.contains(&names::last_key(p)));
    let places = &ctx.places;
    ctx.people.retain(|p| !places.contains(p));
    ctx.event_year = ctx
        .published
        .and_then(|p| p.y)
        .or_else(|| years.iter().copied().max());
    let main = ctx
        .people
        .iter()
        .max_by_key(|p| {
            (
                counts.get(&names::last_key(p)).copied().unwrap_or(0),
                p.split_whitespace().count(),
            )
        })
        .cloned();
    ctx.main_person = main.map(|m| ctx.fullest(&m));
    (ctx, dateline, parsed)
}

/// Extract the claims of every source. Claims are ordered by source, then span.
pub fn extract_all(sources: &[Source]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        out.extend(extract(i, s));
    }
    out
}

/// Extract the claims of one source (index `source` in the analysis).
pub fn extract(source: usize, src: &Source) -> Vec<Claim> {
    let (mut ctx, dateline, parsed) = source_context(src);
    let mut out = Vec::new();
    for ((si, s), p) in src.sentences.iter().enumerate().zip(&parsed) {
        let base = s.span.start;
        let text = &src.text[s.span.clone()];
        let (found, carry, carried_in) = extract_parsed(text, &p.toks, &p.nums, &p.mentions, &ctx);
        ctx.carry_scope = carry;
        let speaker = found
            .iter()
            .rfind(|f| f.topic == Topic::Speaker)
            .and_then(|f| f.value.as_text().map(str::to_string));
        for f in found {
            let span = f.span.start + base..f.span.end + base;
            // The dateline is publication metadata, not a claim about the event.
            if dateline
                .as_ref()
                .is_some_and(|d| d.start <= span.start && span.end <= d.end)
            {
                continue;
            }
            // A background carried over was stated by the previous sentence.
            let scope_sentence = f.scope.as_ref().map(|sc| {
                if carried_in.as_ref() == Some(sc) && si > 0 {
                    si - 1
                } else {
                    si
                }
            });
            out.push(Claim {
                source,
                span,
                sentence: si,
                scope_sentence,
                topic: f.topic,
                subject: f.subject,
                value: f.value,
                bound: f.bound,
                unit: f.unit,
                original: f.original,
                scope: f.scope,
                vague: f.vague,
            });
        }
        // Remember the last person named, for pronouns in later sentences.
        if let Some(m) = p.mentions.iter().rev().find(|m| {
            (m.kind == names::NameKind::Person && !ctx.places.contains(&m.surface))
                || (m.kind == names::NameKind::Other && ctx.is_person(&m.surface))
        }) {
            ctx.prev_person = Some(ctx.fullest(&m.surface));
        }
        ctx.prev_speaker = speaker;
    }
    out
}
