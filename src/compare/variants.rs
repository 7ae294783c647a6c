//! Name variants: the same person, place or organisation spelled differently
//! across sources (Serraj / Sarraj, Gaddafi / Gadhafi).
//!
//! Mentions are normalised (transliteration, case, titles, particles such as
//! al-/el-) and split into tokens; spelling variants are found between
//! distinct tokens, so a surname alone ("Serraj") is the same spelling as in
//! the full name ("Fayez al-Serraj"), not a variant. Two tokens are variants
//! when they are long, not common words, not one a prefix of the other, and
//! either sound alike (Double Metaphone) with a high Jaro-Winkler score, or
//! start alike and differ by at most two edits. First names are also compared
//! when they precede the same surname (Giannis / Yiannis Panagopoulos).
//! Candidates come from indexes (phonetic code, first letter, surname), never
//! from all pairs of mentions.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use rphonetic::DoubleMetaphone;
use strsim::{jaro_winkler, levenshtein};

use super::text::{is_stopword, word_list};
use crate::claims::{Claim, Topic, Value};

const TITLES: &str = include_str!("../../assets/compare/name_titles.txt");
const PARTICLES: &str = include_str!("../../assets/compare/name_particles.txt");
const COMMON: &str = include_str!("../../assets/compare/common_words.txt");

/// Shortest token compared for spelling.
const MIN_LEN: usize = 4;
/// Jaro-Winkler needed with equal phonetic codes.
const JW_PHONETIC: f64 = 0.85;
/// Jaro-Winkler needed on the spelling path (same first letter, <= 2 edits).
const JW_SPELLING: f64 = 0.9;

fn set(text: &'static str) -> HashSet<&'static str> {
    word_list(text).collect()
}

fn ignored() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        let mut s = set(TITLES);
        s.extend(set(PARTICLES));
        s
    })
}

fn common() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| set(COMMON))
}

/// Tokens of a name mention: ASCII-folded, lowercase, without titles and
/// particles ("Gen. Khalifa al-Haftar" -> ["khalifa", "haftar"]).
pub fn name_tokens(surface: &str) -> Vec<String> {
    deunicode::deunicode(surface)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && !ignored().contains(w) && !is_stopword(w))
        .map(str::to_string)
        .collect()
}

fn comparable(t: &str) -> bool {
    t.len() >= MIN_LEN && !common().contains(t) && !is_stopword(t)
}

fn codes(dm: &DoubleMetaphone, t: &str) -> (String, String) {
    let r = dm.double_metaphone(t);
    (r.primary(), r.alternate())
}

/// Whether two distinct tokens are spellings of one name.
pub fn similar_spelling(a: &str, b: &str) -> bool {
    let Some((same_code, jw)) = likeness(a, b) else {
        return false;
    };
    if same_code && jw >= JW_PHONETIC {
        return true;
    }
    a.as_bytes()[0] == b.as_bytes()[0] && jw >= JW_SPELLING && levenshtein(a, b) <= 2
}

/// For two distinct, comparable tokens neither of which is a prefix of the
/// other: whether they share a Double Metaphone code, and their
/// Jaro-Winkler similarity. `None` when they cannot be spellings of one name.
fn likeness(a: &str, b: &str) -> Option<(bool, f64)> {
    if a == b || !comparable(a) || !comparable(b) || a.starts_with(b) || b.starts_with(a) {
        return None;
    }
    let dm = DoubleMetaphone::default();
    let (pa, aa) = codes(&dm, a);
    let (pb, ab) = codes(&dm, b);
    let same_code = pa == pb || pa == ab || aa == pb || aa == ab;
    Some((same_code, jaro_winkler(a, b)))
}

/// First names before the same surname: the surname vouches, so the first
/// letter may differ (Giannis / Yiannis, Ilias / Elias).
fn similar_first_name(a: &str, b: &str) -> bool {
    let Some((same_code, jw)) = likeness(a, b) else {
        return false;
    };
    (same_code && jw >= JW_PHONETIC) || (jw >= JW_SPELLING - 0.02 && levenshtein(a, b) <= 2)
}

/// One group of spellings: claim indices of the mentions and the spellings
/// (normalised tokens) in order of first appearance.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantGroup {
    pub claims: Vec<usize>,
    pub spellings: Vec<String>,
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Variant groups among the `name` claims: at least two sources, and the
/// sources do not all use the same set of spellings.
pub fn find_variants(claims: &[Claim]) -> Vec<VariantGroup> {
    // Distinct tokens, numbered in order of first appearance (deterministic).
    let mut token_id: HashMap<String, usize> = HashMap::new();
    let mut tokens: Vec<String> = Vec::new();
    let mut mentions: Vec<(usize, Vec<usize>)> = Vec::new();
    for (ci, c) in claims.iter().enumerate() {
        let (Topic::Name, Value::Text(surface)) = (c.topic, &c.value) else {
            continue;
        };
        let ids: Vec<usize> = name_tokens(surface)
            .into_iter()
            .map(|t| {
                let next = tokens.len();
                *token_id.entry(t.clone()).or_insert_with(|| {
                    tokens.push(t);
                    next
                })
            })
            .collect();
        if !ids.is_empty() {
            mentions.push((ci, ids));
        }
    }
    let mut dsu = Dsu((0..tokens.len()).collect());

    // Only surnames and one-word names (last tokens) are compared freely: a
    // first name alone says nothing ("Ahmed X" / "Ahmad Y" are two people).
    let last: HashSet<usize> = mentions
        .iter()
        .filter_map(|(_, ids)| ids.last().copied())
        .collect();

    // Candidates by phonetic code and by first letter, within ±2 in length.
    let dm = DoubleMetaphone::default();
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, t) in tokens.iter().enumerate() {
        if !comparable(t) || !last.contains(&i) {
            continue;
        }
        let (p, a) = codes(&dm, t);
        let keys: BTreeSet<String> =
            [format!("p:{p}"), format!("p:{a}"), format!("f:{}", &t[..1])].into();
        for k in keys {
            by_key.entry(k).or_default().push(i);
        }
    }
    for list in by_key.values() {
        let mut list = list.clone();
        list.sort_by_key(|&i| (tokens[i].len(), i));
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                if tokens[b].len() > tokens[a].len() + 2 {
                    break;
                }
                if similar_spelling(&tokens[a], &tokens[b]) {
                    dsu.union(a, b);
                }
            }
        }
    }
    // First names before the same surname.
    let mut by_surname: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (_, ids) in &mentions {
        if ids.len() >= 2 {
            by_surname
                .entry(ids[ids.len() - 1])
                .or_default()
                .insert(ids[ids.len() - 2]);
        }
    }
    for (&surname, firsts) in &by_surname {
        if !comparable(&tokens[surname]) {
            continue;
        }
        let firsts: Vec<usize> = firsts.iter().copied().collect();
        for (k, &a) in firsts.iter().enumerate() {
            for &b in &firsts[k + 1..] {
                if similar_first_name(&tokens[a], &tokens[b]) {
                    dsu.union(a, b);
                }
            }
        }
    }

    // Token clusters with two or more spellings.
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..tokens.len() {
        let r = dsu.find(i);
        clusters.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in clusters.values().filter(|m| m.len() >= 2) {
        let member: HashSet<usize> = members.iter().copied().collect();
        let mut group_claims = Vec::new();
        let mut per_source: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for (ci, ids) in &mentions {
            let used: Vec<usize> = ids.iter().copied().filter(|t| member.contains(t)).collect();
            if used.is_empty() {
                continue;
            }
            group_claims.push(*ci);
            per_source
                .entry(claims[*ci].source)
                .or_default()
                .extend(used);
        }
        let distinct_sets: BTreeSet<&BTreeSet<usize>> = per_source.values().collect();
        if per_source.len() < 2 || distinct_sets.len() < 2 {
            continue;
        }
        out.push(VariantGroup {
            claims: group_claims,
            spellings: members.iter().map(|&i| tokens[i].clone()).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testkit::{claim, source, text};

    #[test]
    fn known_variants_cluster() {
        for (a, b) in [
            ("serraj", "sarraj"),
            ("gaddafi", "gadhafi"),
            ("wolff", "wolfe"),
            ("qaddafi", "gaddafi"),
        ] {
            assert!(similar_spelling(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("tripoli", "tobruk"),
            ("benghazi", "bengal"),
            ("sarkozy", "serraj"),
            ("libya", "libyan"),
            ("haftar", "hafez"),
            ("misrata", "marsa"),
        ] {
            assert!(!similar_spelling(a, b), "{a} / {b}");
        }
        // Common words are never compared.
        assert!(!similar_spelling("monday", "sunday"));
    }

    #[test]
    fn tokens_drop_titles_and_particles() {
        assert_eq!(name_tokens("Gen. Khalifa al-Haftar"), ["khalifa", "haftar"]);
        assert_eq!(
            name_tokens("Prime Minister Fayez el-Sarráj"),
            ["fayez", "sarraj"]
        );
    }

    fn names(list: &[(usize, &str)]) -> (Vec<crate::corpus::Source>, Vec<Claim>) {
        let n = list.iter().map(|x| x.0).max().unwrap() + 1;
        let sources: Vec<_> = (0..n)
            .map(|i| {
                let body: Vec<&str> = list.iter().filter(|x| x.0 == i).map(|x| x.1).collect();
                source(
                    i,
                    &format!("s{i}"),
                    &format!("{} spoke.", body.join(" and ")),
                )
            })
            .collect();
        let claims = list
            .iter()
            .map(|&(i, s)| claim(i, &sources[i], s, Topic::Name, text(s)))
            .collect();
        (sources, claims)
    }

    #[test]
    fn variant_across_sources_with_surname_alone() {
        let (_, claims) = names(&[
            (0, "Fayez al-Serraj"),
            (0, "Serraj"),
            (1, "Fayez al-Sarraj"),
            (2, "Mr Serraj"),
        ]);
        let v = find_variants(&claims);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].spellings, ["serraj", "sarraj"]);
        assert_eq!(v[0].claims, [0, 1, 2, 3]);
    }

    #[test]
    fn first_names_before_the_same_surname() {
        let (_, claims) = names(&[(0, "Giannis Panagopoulos"), (1, "Yiannis Panagopoulos")]);
        let v = find_variants(&claims);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].spellings, ["giannis", "yiannis"]);
        let (_, claims) = names(&[(0, "Ilias Markos"), (1, "Elias Markos")]);
        assert_eq!(find_variants(&claims).len(), 1);
        // Different first names with the same surname: different people.
        let (_, claims) = names(&[(0, "Maria Markos"), (1, "Elena Markos")]);
        assert!(find_variants(&claims).is_empty());
        // Similar first names of people with different surnames: not a variant.
        let (_, claims) = names(&[(0, "Ahmed Mesmari"), (1, "Ahmad Maiteeq")]);
        assert!(find_variants(&claims).is_empty());
    }

    #[test]
    fn surname_alone_and_different_people_are_not_variants() {
        let (_, claims) = names(&[
            (0, "Fayez al-Serraj"),
            (1, "Serraj"),
            (0, "Khalifa Haftar"),
            (1, "Nicolas Sarkozy"),
            (2, "Tripoli"),
            (1, "Tobruk"),
            (2, "Benghazi"),
            (0, "Bengal"),
        ]);
        assert!(find_variants(&claims).is_empty());
    }

    #[test]
    fn same_source_only_is_not_a_variant() {
        let (_, claims) = names(&[(0, "Gaddafi"), (0, "Gadhafi"), (1, "Tobruk")]);
        assert!(find_variants(&claims).is_empty());
    }
}
