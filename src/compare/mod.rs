//! Comparison: group claims into findings with verdicts, cluster name
//! variants, align sentences across sources, detect shared wire copy.

use serde::Serialize;

use crate::claims::{Claim, Topic};
use crate::corpus::Source;

pub mod align;
pub mod group;
mod rank;
pub mod text;
pub mod values;
pub mod variants;
pub mod wire;

#[cfg(test)]
pub(crate) mod testkit;

pub use align::{Aligner, DiffTag, word_diff};

/// The verdict of a finding (design.md section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Conflict,
    Partial,
    Variant,
    Unique,
    Agree,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::Conflict,
        Verdict::Partial,
        Verdict::Variant,
        Verdict::Unique,
        Verdict::Agree,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Partial => "partial",
            Verdict::Variant => "variant",
            Verdict::Unique => "unique",
            Verdict::Agree => "agree",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Conflict, partial and variant: what the reader must look at.
    pub fn is_discrepancy(self) -> bool {
        matches!(
            self,
            Verdict::Conflict | Verdict::Partial | Verdict::Variant
        )
    }
}

/// Claims about one thing (topic + subject + scope) across sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub verdict: Verdict,
    pub topic: Topic,
    pub subject: Option<String>,
    pub scope: Option<String>,
    /// For conflicts: the stated bounds still overlap.
    pub compatible: bool,
    /// Indices into `Analysis::claims`, ordered by source then position.
    pub claims: Vec<usize>,
    /// For each claim in `claims`: whether it is the one that source's
    /// verdict rests on (headline figure when a source gives several).
    pub primary: Vec<bool>,
    /// Higher is more important (casualties of the main event first).
    pub salience: u32,
    /// One line: "People killed: 21 (000_0b2b...) vs 25 (001_e920...)".
    pub summary: String,
    /// Stable identity across runs, used to key reviews.
    pub key: String,
    /// Every source of this finding shares wire copy with the others: their
    /// agreement is not independent confirmation.
    pub wire_only: bool,
}

/// Two sources sharing long passages: agreement between them is not
/// independent confirmation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedCopy {
    pub a: usize,
    pub b: usize,
    /// Share of the smaller source's shingles found in the other (0..=1).
    pub score: f64,
}

/// The comparison result.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Sorted: discrepancies by salience first, then unique, then agree.
    pub findings: Vec<Finding>,
    pub shared_copy: Vec<SharedCopy>,
}

/// Group claims into findings, cluster name variants, detect wire copy.
/// Findings come sorted (see `Comparison::findings`).
pub fn compare(sources: &[Source], claims: &[Claim]) -> Comparison {
    let aligner = Aligner::new(sources, claims);
    compare_with(sources, claims, &aligner)
}

/// `compare` with an aligner already built (the TUI keeps one for evidence).
pub fn compare_with(sources: &[Source], claims: &[Claim], aligner: &Aligner) -> Comparison {
    let mut drafts = group::group(sources, claims, aligner);
    drafts.extend(rank::variant_drafts(claims));
    let shared_copy = wire::shared_copy(sources);
    let findings = rank::finish(sources, claims, drafts, &shared_copy);
    Comparison {
        findings,
        shared_copy,
    }
}

#[cfg(test)]
mod scale_tests {
    use super::*;
    use crate::claims::Value;
    use crate::compare::testkit::{claim, num, source, text};

    const PLACES: [&str; 8] = [
        "Lerin", "Varos", "Kallen", "Morava", "Tessin", "Orvik", "Dalmar", "Peskov",
    ];
    const PEOPLE: [&str; 6] = [
        "Anna Korvel",
        "Petar Hodzic",
        "Mira Stanek",
        "Jonas Vell",
        "Ilse Marten",
        "Tomas Brandt",
    ];

    /// `n` articles about `n / 4` events, each with figures, ages, names.
    fn archive(n: usize) -> (Vec<Source>, Vec<Claim>) {
        let mut sources = Vec::new();
        let mut claims = Vec::new();
        for i in 0..n {
            let ev = i / 4;
            let place = PLACES[ev % PLACES.len()];
            let person = PEOPLE[(ev + i) % PEOPLE.len()];
            let dead = 10 + (ev % 7) + (i % 2);
            let body = format!(
                "Floods in {place} kill {dead} people. Rescuers said {dead} people died and {hurt} were injured near {place} in event {ev}. \
                 The river rose {dist} km above the town of {place}. {person}, {age}, a local teacher, described the night. \
                 Officials counted {homes} homes destroyed in district {ev}. Report number {i} follows.",
                hurt = 30 + ev % 5,
                dist = 3 + ev % 4,
                age = 40 + ev % 9,
                homes = 100 + ev,
            );
            let s = source(i, &format!("article_{i:05}"), &body);
            let k = sources.len();
            let dead_s = format!("{dead} people died");
            let mut c = vec![
                claim(k, &s, &dead_s, Topic::Killed, num(dead as f64)),
                claim(
                    k,
                    &s,
                    " were injured",
                    Topic::Wounded,
                    num((30 + ev % 5) as f64),
                ),
                claim(k, &s, " km", Topic::Distance, num((3 + ev % 4) as f64)),
                claim(k, &s, person, Topic::Name, Value::Text(person.to_string())),
                claim(k, &s, " homes", Topic::Count, num((100 + ev) as f64)),
                claim(k, &s, place, Topic::Name, text(place)),
            ];
            c[0].scope = Some(format!("event {}", 1000 + ev));
            c[1].scope = Some(format!("event {}", 1000 + ev));
            c[4].unit = Some("homes".into());
            claims.extend(c);
            sources.push(s);
        }
        (sources, claims)
    }

    /// An archive of many events: findings stay per event (no finding mixes
    /// the scoped figures of two events) and grow with the archive. Speed
    /// is measured by the criterion bench `scale`, not asserted here.
    #[test]
    fn archive_findings_stay_within_their_event() {
        let (sources, claims) = archive(200);
        let cmp = compare(&sources, &claims);
        let killed: Vec<_> = cmp
            .findings
            .iter()
            .filter(|f| f.topic == Topic::Killed)
            .collect();
        assert_eq!(killed.len(), 200 / 4, "one killed finding per event");
        for f in killed {
            let scopes: std::collections::BTreeSet<_> =
                f.claims.iter().map(|&i| claims[i].scope.clone()).collect();
            assert_eq!(scopes.len(), 1, "{f:?}");
            assert_eq!(f.claims.len(), 4, "the four articles of the event");
        }
    }
}
