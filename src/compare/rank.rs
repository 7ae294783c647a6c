//! Turning drafts into findings: salience, one-line summary, stable key,
//! wire-copy flag, and the final order.

use std::collections::{BTreeMap, BTreeSet};

use sha2::{Digest, Sha256};

use super::group::Draft;
use super::values::{display, norm_text};
use super::variants::{find_variants, name_tokens};
use super::{Finding, SharedCopy, Verdict};
use crate::claims::{Claim, Topic};
use crate::corpus::Source;

/// Source labels longer than `LONG_NAME` characters are cut to `SHORT_NAME`
/// ("000_0b2b0a246d65c953" -> "000_0b2b0a24").
const SHORT_NAME: usize = 12;
const LONG_NAME: usize = 16;

pub fn short_name(name: &str) -> String {
    if name.chars().count() > LONG_NAME {
        name.chars().take(SHORT_NAME).collect()
    } else {
        name.to_string()
    }
}

/// Importance of a topic for the main event: casualties first.
fn topic_salience(t: Topic) -> u32 {
    match t {
        Topic::Killed => 100,
        Topic::Wounded => 95,
        Topic::Missing => 90,
        Topic::Displaced => 85,
        Topic::Evacuated => 84,
        Topic::Affected => 83,
        Topic::Arrested => 82,
        Topic::Magnitude => 75,
        Topic::Depth => 70,
        Topic::Backers => 68,
        Topic::Date => 65,
        Topic::Count => 60,
        Topic::Distance => 58,
        Topic::Money => 56,
        Topic::Age => 54,
        Topic::Speed => 52,
        Topic::Percent => 50,
        Topic::Name => 45,
        Topic::Year => 40,
        Topic::Speaker => 30,
    }
}

/// Background (scoped) figures rank below every main-event figure.
fn salience(d: &Draft) -> u32 {
    let base = topic_salience(d.topic);
    if d.scope.is_some() { base / 4 } else { base }
}

/// Name variant groups as drafts: claims are the mentions.
pub fn variant_drafts(claims: &[Claim]) -> Vec<Draft> {
    find_variants(claims)
        .into_iter()
        .map(|g| {
            let mut members = g.claims;
            members.sort_by_key(|&i| (claims[i].source, claims[i].span.start, i));
            let n = members.len();
            Draft {
                verdict: Verdict::Variant,
                topic: Topic::Name,
                subject: Some(
                    g.spellings
                        .iter()
                        .map(|s| capitalise(s))
                        .collect::<Vec<_>>()
                        .join(" / "),
                ),
                scope: None,
                compatible: false,
                claims: members,
                primary: vec![true; n],
            }
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "People killed (2009 cyclone)", "Age (Anthony Marsh)", "Count (houses)".
fn label(d: &Draft, claims: &[Claim]) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let (true, Some(s)) = (d.topic != Topic::Name, &d.subject) {
        parts.push(s.clone());
    }
    let unit = d.claims.iter().find_map(|&i| claims[i].unit.clone());
    if let (Topic::Count, Some(u)) = (d.topic, unit) {
        parts.push(u);
    }
    if let Some(s) = &d.scope {
        parts.push(s.clone());
    }
    if parts.is_empty() {
        d.topic.label().to_string()
    } else {
        format!("{} ({})", d.topic.label(), parts.join(", "))
    }
}

/// What one source says (its primary claims `mine`), as shown in the summary.
fn source_statement(d: &Draft, claims: &[Claim], mine: &[usize]) -> String {
    let mine = mine.iter();
    match d.topic {
        Topic::Backers => {
            let mut seen = BTreeSet::new();
            let names: Vec<String> = mine
                .map(|&i| claims[i].value.to_string())
                .filter(|v| seen.insert(norm_text(v)))
                .collect();
            names.join(", ")
        }
        Topic::Name => {
            let mut seen = BTreeSet::new();
            let spellings: Vec<&str> = d.subject.as_deref().unwrap_or("").split(" / ").collect();
            for &i in mine {
                for t in name_tokens(&claims[i].value.to_string()) {
                    if let Some(s) = spellings.iter().find(|s| s.to_lowercase() == t) {
                        seen.insert(s.to_string());
                    }
                }
            }
            seen.into_iter().collect::<Vec<_>>().join(", ")
        }
        _ => mine
            .map(|&i| display(&claims[i]))
            .next()
            .unwrap_or_default(),
    }
}

fn summary(d: &Draft, claims: &[Claim], sources: &[Source]) -> String {
    let mut per_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (&i, &p) in d.claims.iter().zip(&d.primary) {
        if p {
            per_source.entry(claims[i].source).or_default().push(i);
        }
    }
    // Group sources by what they say, in order of first source.
    let mut order: Vec<String> = Vec::new();
    let mut by_statement: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (s, mine) in per_source {
        let st = source_statement(d, claims, &mine);
        if !by_statement.contains_key(&st) {
            order.push(st.clone());
        }
        by_statement
            .entry(st)
            .or_default()
            .push(short_name(&sources[s].name));
    }
    let parts: Vec<String> = order
        .iter()
        .map(|st| format!("{st} ({})", by_statement[st].join(", ")))
        .collect();
    let head = if d.topic == Topic::Name {
        "Name spelled".to_string()
    } else {
        label(d, claims)
    };
    // Agreeing sources may word the same figure differently ("at least 3" /
    // "3", "Wednesday" / "2010-05-05"): "=" says so, "vs" marks a difference.
    let sep = if d.verdict == Verdict::Agree {
        " = "
    } else {
        " vs "
    };
    format!("{head}: {}", parts.join(sep))
}

/// Stable identity: topic, subject, scope and the sorted per-source values.
fn key(d: &Draft, claims: &[Claim], sources: &[Source]) -> String {
    let values: BTreeSet<String> = d
        .claims
        .iter()
        .map(|&i| {
            let c = &claims[i];
            format!("{}={}", sources[c.source].name, c.value)
        })
        .collect();
    let mut h = Sha256::new();
    h.update(d.topic.as_str());
    h.update([0]);
    h.update(d.subject.as_deref().unwrap_or(""));
    h.update([0]);
    h.update(d.scope.as_deref().unwrap_or(""));
    for v in values {
        h.update([0]);
        h.update(v);
    }
    let digest = h.finalize();
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{}-{hex}", d.topic.as_str())
}

/// Sources joined by shared copy (connected components).
fn copy_components(n: usize, shared: &[SharedCopy]) -> Vec<usize> {
    let mut comp: Vec<usize> = (0..n).collect();
    fn find(c: &mut [usize], mut x: usize) -> usize {
        while c[x] != x {
            c[x] = c[c[x]];
            x = c[x];
        }
        x
    }
    for p in shared {
        if p.a < n && p.b < n {
            let (ra, rb) = (find(&mut comp, p.a), find(&mut comp, p.b));
            comp[ra.max(rb)] = ra.min(rb);
        }
    }
    (0..n).map(|i| find(&mut comp, i)).collect()
}

/// Findings in report order: discrepancies by salience, then unique, then
/// agree; ties by first evidence position, then key.
pub fn finish(
    sources: &[Source],
    claims: &[Claim],
    drafts: Vec<Draft>,
    shared: &[SharedCopy],
) -> Vec<Finding> {
    let comp = copy_components(sources.len(), shared);
    let mut out: Vec<Finding> = drafts
        .into_iter()
        .map(|d| {
            let srcs: BTreeSet<usize> = d.claims.iter().map(|&i| claims[i].source).collect();
            let comps: BTreeSet<usize> = srcs.iter().map(|&s| comp[s]).collect();
            Finding {
                salience: salience(&d),
                summary: summary(&d, claims, sources),
                key: key(&d, claims, sources),
                wire_only: srcs.len() >= 2 && comps.len() == 1,
                verdict: d.verdict,
                topic: d.topic,
                subject: d.subject,
                scope: d.scope,
                compatible: d.compatible,
                claims: d.claims,
                primary: d.primary,
            }
        })
        .collect();
    let rank = |v: Verdict| match v {
        Verdict::Conflict | Verdict::Partial | Verdict::Variant => 0,
        Verdict::Unique => 1,
        Verdict::Agree => 2,
    };
    out.sort_by(|a, b| {
        let pos = |f: &Finding| {
            let c = &claims[f.claims[0]];
            (c.source, c.span.start)
        };
        rank(a.verdict)
            .cmp(&rank(b.verdict))
            .then(b.salience.cmp(&a.salience))
            .then(pos(a).cmp(&pos(b)))
            .then(a.key.cmp(&b.key))
    });
    out
}

#[cfg(test)]
mod tests {
    use crate::claims::{Bound, Claim, Topic};
    use crate::compare::testkit::{claim, num, source, text};
    use crate::compare::{Verdict, compare};
    use crate::corpus::Source;

    fn corpus() -> (Vec<Source>, Vec<Claim>) {
        let s = vec![
            source(
                0,
                "000_0b2b0a246d65c953",
                "Clashes near Tripoli have killed 21 and wounded 27. Fayez al-Serraj called for calm. In 2011 the uprising began.",
            ),
            source(
                1,
                "001_e92089c3aaf1b2c3",
                "Fighting near Tripoli has killed 25 people. Fayez al-Sarraj appealed for calm. The uprising began in 2011.",
            ),
        ];
        let mut c = vec![
            claim(0, &s[0], "killed 21", Topic::Killed, num(21.0)),
            claim(0, &s[0], "wounded 27", Topic::Wounded, num(27.0)),
            claim(
                0,
                &s[0],
                "Fayez al-Serraj",
                Topic::Name,
                text("Fayez al-Serraj"),
            ),
            claim(0, &s[0], "2011", Topic::Year, num(2011.0)),
            claim(1, &s[1], "killed 25", Topic::Killed, num(25.0)),
            claim(
                1,
                &s[1],
                "Fayez al-Sarraj",
                Topic::Name,
                text("Fayez al-Sarraj"),
            ),
            claim(1, &s[1], "2011", Topic::Year, num(2011.0)),
        ];
        c[4].bound = Bound::Exact;
        (s, c)
    }

    #[test]
    fn order_summary_and_keys() {
        let (s, c) = corpus();
        let cmp = compare(&s, &c);
        let v: Vec<(Verdict, Topic)> = cmp.findings.iter().map(|f| (f.verdict, f.topic)).collect();
        assert_eq!(
            v,
            [
                (Verdict::Conflict, Topic::Killed),
                (Verdict::Variant, Topic::Name),
                (Verdict::Unique, Topic::Wounded),
                (Verdict::Agree, Topic::Year),
            ]
        );
        assert_eq!(
            cmp.findings[0].summary,
            "People killed: 21 (000_0b2b0a24) vs 25 (001_e92089c3)"
        );
        assert_eq!(
            cmp.findings[1].summary,
            "Name spelled: Serraj (000_0b2b0a24) vs Sarraj (001_e92089c3)"
        );
        // Keys are stable and distinct.
        let again = compare(&s, &c);
        let keys: Vec<&str> = cmp.findings.iter().map(|f| f.key.as_str()).collect();
        let keys2: Vec<&str> = again.findings.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, keys2);
        let distinct: std::collections::BTreeSet<&&str> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len());
        assert!(cmp.findings.iter().all(|f| !f.wire_only));
    }

    #[test]
    fn scoped_figures_rank_below_main_event() {
        let (s, mut c) = corpus();
        c[0].scope = Some("2011 uprising".into());
        c[4].scope = Some("uprising of 2011".into());
        let cmp = compare(&s, &c);
        let killed = cmp
            .findings
            .iter()
            .find(|f| f.topic == Topic::Killed)
            .unwrap();
        let name = cmp
            .findings
            .iter()
            .find(|f| f.topic == Topic::Name)
            .unwrap();
        assert!(killed.salience < name.salience);
        assert_eq!(cmp.findings[0].topic, Topic::Name);
        assert!(
            killed.summary.contains("(2011 uprising)")
                || killed.summary.contains("uprising of 2011")
        );
    }
}
