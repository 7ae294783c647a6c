//! Shared wire copy: sources that carry the same long passages. Hashed word
//! 8-grams ("shingles") go into an inverted index shingle -> sources; pair
//! overlaps are counted through it, never by comparing all pairs of texts.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use super::SharedCopy;
use super::text::words;
use crate::corpus::Source;

/// Words per shingle.
const SHINGLE: usize = 8;
/// Share of the smaller source's shingles that must be shared.
pub const WIRE_THRESHOLD: f64 = 0.25;
/// Shingles in more sources than this are boilerplate (site footers...).
const MAX_SOURCES_PER_SHINGLE: usize = 64;

fn shingles(text: &str) -> HashSet<u64> {
    let w = words(text);
    let mut out = HashSet::new();
    if w.len() < SHINGLE {
        return out;
    }
    for win in w.windows(SHINGLE) {
        // DefaultHasher::new() has fixed keys: same hashes on every run.
        let mut h = DefaultHasher::new();
        win.hash(&mut h);
        out.insert(h.finish());
    }
    out
}

/// Source pairs sharing at least `WIRE_THRESHOLD` of the smaller one's
/// shingles, sorted by (a, b) with a < b.
pub fn shared_copy(sources: &[Source]) -> Vec<SharedCopy> {
    let sets: Vec<HashSet<u64>> = sources.iter().map(|s| shingles(&s.text)).collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for &h in set {
            index.entry(h).or_default().push(i);
        }
    }
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for list in index.values() {
        if list.len() < 2 || list.len() > MAX_SOURCES_PER_SHINGLE {
            continue;
        }
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    shared
        .into_iter()
        .filter_map(|((a, b), n)| {
            let smaller = sets[a].len().min(sets[b].len()).max(1);
            let score = n as f64 / smaller as f64;
            // Rounded so the report prints stable, short numbers.
            let score = (score * 100.0).round() / 100.0;
            (score >= WIRE_THRESHOLD).then_some(SharedCopy { a, b, score })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testkit::source;

    const WIRE: &str = "Flood waters swept through three villages in the river valley early on Tuesday, forcing hundreds of families onto rooftops while rescue boats struggled against the current. Regional officials said the dam upstream had released water after days of heavy rain.";

    #[test]
    fn detects_wire_copy_and_ignores_independent_reports() {
        let src = vec![
            source(0, "a", &format!("{WIRE} Local radio reported more rain.")),
            source(
                1,
                "b",
                "A reporter in the valley described empty streets and closed shops after a night of rain, with farmers counting lost cattle.",
            ),
            source(2, "c", &format!("By our correspondent. {WIRE}")),
        ];
        let pairs = shared_copy(&src);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!((pairs[0].a, pairs[0].b), (0, 2));
        assert!(pairs[0].score > 0.7 && pairs[0].score <= 1.0);
    }

    #[test]
    fn short_texts_share_nothing() {
        let src = vec![source(0, "a", "Too short."), source(1, "b", "Too short.")];
        assert!(shared_copy(&src).is_empty());
    }
}
