//! Sentence alignment across sources: TF-IDF cosine over stemmed content
//! words, through an inverted index (never all sentences against all), and
//! word-level diffs of aligned sentences.

use std::collections::HashMap;

use similar::{ChangeTag, TextDiff};

use super::text::terms;
use crate::claims::{Claim, Value};
use crate::corpus::Source;

/// Minimum similarity for two sentences to be shown as aligned.
pub const ALIGN_THRESHOLD: f64 = 0.25;
/// Added when the two sentences state a claim with the same value.
const SHARED_VALUE_BONUS: f64 = 0.1;
/// Terms found in more sentences than this (or 1/20 of all sentences, in
/// small corpora) are skipped when collecting candidates: their weight is
/// low, and walking their postings would make lookups grow with archive size.
const MAX_POSTINGS: usize = 1000;
const MIN_POSTINGS: usize = 200;

/// Sentence index over all sources, built once.
/// A sentence's (term id, weight) pairs sorted by term, and its norm.
type SentenceVector = (Vec<(u32, f32)>, f32);

#[derive(Debug, Default)]
pub struct Aligner {
    /// term id -> (source, sentence, weight)
    postings: Vec<Vec<(u32, u32, f32)>>,
    /// (source, sentence) -> (term id, weight), and the vector norm
    vectors: Vec<Vec<SentenceVector>>,
    /// (source, sentence) -> numeric values of the claims it states (bits)
    values: HashMap<(u32, u32), Vec<u64>>,
    /// Postings longer than this are not walked by `best_matches`.
    max_postings: usize,
}

impl Aligner {
    pub fn new(sources: &[Source], claims: &[Claim]) -> Aligner {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<Vec<Vec<(u32, u32)>>> = Vec::with_capacity(sources.len());
        for src in sources {
            let mut per = Vec::with_capacity(src.sentences.len());
            for i in 0..src.sentences.len() {
                let mut tf: HashMap<u32, u32> = HashMap::new();
                for t in terms(src.sentence_text(i), true) {
                    let next = vocab.len() as u32;
                    let id = *vocab.entry(t).or_insert(next);
                    if id as usize == df.len() {
                        df.push(0);
                    }
                    *tf.entry(id).or_default() += 1;
                }
                for &id in tf.keys() {
                    df[id as usize] += 1;
                }
                let mut v: Vec<(u32, u32)> = tf.into_iter().collect();
                v.sort_unstable();
                per.push(v);
            }
            raw.push(per);
        }
        let n: f64 = raw.iter().map(|p| p.len()).sum::<usize>().max(1) as f64;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f64).ln() as f32)
            .collect();
        let mut postings = vec![Vec::new(); df.len()];
        let mut vectors = Vec::with_capacity(raw.len());
        for (s, per) in raw.into_iter().enumerate() {
            let mut vs = Vec::with_capacity(per.len());
            for (i, tf) in per.into_iter().enumerate() {
                let v: Vec<(u32, f32)> = tf
                    .into_iter()
                    .map(|(id, c)| (id, (1.0 + (c as f32).ln()) * idf[id as usize]))
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                for &(id, w) in &v {
                    postings[id as usize].push((s as u32, i as u32, w));
                }
                vs.push((v, norm));
            }
            vectors.push(vs);
        }
        let mut values: HashMap<(u32, u32), Vec<u64>> = HashMap::new();
        for c in claims {
            if let Value::Num { value, .. } = c.value {
                values
                    .entry((c.source as u32, c.sentence as u32))
                    .or_default()
                    .push(value.to_bits());
            }
        }
        Aligner {
            postings,
            vectors,
            values,
            max_postings: MAX_POSTINGS.min(MIN_POSTINGS.max(n as usize / 20)),
        }
    }

    /// Cosine similarity (plus a bonus for shared claim values) of two sentences.
    pub fn similarity(&self, a: (usize, usize), b: (usize, usize)) -> f64 {
        let (Some((va, na)), Some((vb, nb))) = (self.vector(a), self.vector(b)) else {
            return 0.0;
        };
        if *na == 0.0 || *nb == 0.0 {
            return 0.0;
        }
        let mut dot = 0.0f32;
        let (mut i, mut j) = (0, 0);
        while i < va.len() && j < vb.len() {
            match va[i].0.cmp(&vb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += va[i].1 * vb[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (dot / (na * nb)) as f64 + self.value_bonus(a, b)
    }

    fn vector(&self, (s, i): (usize, usize)) -> Option<&SentenceVector> {
        self.vectors.get(s)?.get(i)
    }

    fn value_bonus(&self, a: (usize, usize), b: (usize, usize)) -> f64 {
        let key = |(s, i): (usize, usize)| (s as u32, i as u32);
        match (self.values.get(&key(a)), self.values.get(&key(b))) {
            (Some(x), Some(y)) if x.iter().any(|v| y.contains(v)) => SHARED_VALUE_BONUS,
            _ => 0.0,
        }
    }

    /// For sentence `sentence` of `source`: the best matching sentence of
    /// every other source, when above the threshold, sorted by source.
    pub fn best_matches(&self, source: usize, sentence: usize) -> Vec<(usize, usize, f64)> {
        let Some((v, norm)) = self.vector((source, sentence)) else {
            return Vec::new();
        };
        if *norm == 0.0 {
            return Vec::new();
        }
        let mut dots: HashMap<(u32, u32), f32> = HashMap::new();
        for &(id, w) in v {
            let list = &self.postings[id as usize];
            if list.len() > self.max_postings {
                continue;
            }
            for &(s, i, w2) in list {
                if s as usize != source {
                    *dots.entry((s, i)).or_default() += w * w2;
                }
            }
        }
        let mut best: HashMap<u32, (u32, f64)> = HashMap::new();
        for ((s, i), dot) in dots {
            let n2 = self.vectors[s as usize][i as usize].1;
            let cos = (dot / (norm * n2)) as f64;
            // The bonus is looked up only when it could matter.
            let current = best.get(&s).map_or(ALIGN_THRESHOLD, |b| b.1);
            if cos + SHARED_VALUE_BONUS < current {
                continue;
            }
            let score = cos + self.value_bonus((source, sentence), (s as usize, i as usize));
            if score < ALIGN_THRESHOLD {
                continue;
            }
            let e = best.entry(s).or_insert((i, score));
            // Highest score wins; ties go to the earlier sentence (deterministic).
            if score > e.1 || (score == e.1 && i < e.0) {
                *e = (i, score);
            }
        }
        let mut out: Vec<(usize, usize, f64)> = best
            .into_iter()
            .map(|(s, (i, sc))| (s as usize, i as usize, sc))
            .collect();
        out.sort_by_key(|&(s, _, _)| s);
        out
    }
}

/// What a piece of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffTag {
    Equal,
    /// Only in the first sentence.
    Delete,
    /// Only in the second sentence.
    Insert,
}

/// Word-level diff of two sentences; consecutive pieces with the same tag
/// are merged. Concatenating Equal+Delete gives `a`, Equal+Insert gives `b`.
pub fn word_diff(a: &str, b: &str) -> Vec<(DiffTag, String)> {
    let diff = TextDiff::from_words(a, b);
    let mut out: Vec<(DiffTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => DiffTag::Equal,
            ChangeTag::Delete => DiffTag::Delete,
            ChangeTag::Insert => DiffTag::Insert,
        };
        match out.last_mut() {
            Some((t, s)) if *t == tag => s.push_str(change.value()),
            _ => out.push((tag, change.value().to_string())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Topic;
    use crate::compare::testkit::{claim, num, source};

    fn sources() -> Vec<Source> {
        vec![
            source(
                0,
                "alpha",
                "Rebels shelled the northern port overnight. The harbour master said twelve ships were damaged. Talks resume in Geneva next week.",
            ),
            source(
                1,
                "beta",
                "Peace talks will resume in Geneva next week, diplomats said. Overnight shelling hit the northern port. Schools stayed closed.",
            ),
            source(
                2,
                "gamma",
                "A festival of folk music opened in the capital. Tickets sold out quickly.",
            ),
        ]
    }

    #[test]
    fn aligns_paraphrases_and_skips_unrelated_sources() {
        let src = sources();
        let al = Aligner::new(&src, &[]);
        let m = al.best_matches(0, 0);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!((m[0].0, m[0].1), (1, 1));
        let m = al.best_matches(0, 2);
        assert_eq!((m[0].0, m[0].1), (1, 0));
        // Nothing in the folk festival story matches.
        assert!(al.best_matches(2, 0).is_empty());
        // Symmetric similarity.
        let a = al.similarity((0, 0), (1, 1));
        let b = al.similarity((1, 1), (0, 0));
        assert!((a - b).abs() < 1e-9 && a > ALIGN_THRESHOLD);
    }

    #[test]
    fn shared_claim_values_add_a_bonus() {
        let src = vec![
            source(0, "a", "Officials counted 40 dead in the valley."),
            source(1, "b", "Rescuers found 40 bodies near the valley road."),
        ];
        let plain = Aligner::new(&src, &[]).similarity((0, 0), (1, 0));
        let claims = vec![
            claim(0, &src[0], "40 dead", Topic::Killed, num(40.0)),
            claim(1, &src[1], "40 bodies", Topic::Killed, num(40.0)),
        ];
        let bonus = Aligner::new(&src, &claims).similarity((0, 0), (1, 0));
        assert!((bonus - plain - SHARED_VALUE_BONUS).abs() < 1e-6);
    }

    #[test]
    fn word_diff_marks_changed_words() {
        let d = word_diff("the storm killed 21 people", "the storm killed 25 people");
        assert!(d.contains(&(DiffTag::Delete, "21".to_string())));
        assert!(d.contains(&(DiffTag::Insert, "25".to_string())));
        let a: String = d
            .iter()
            .filter(|(t, _)| *t != DiffTag::Insert)
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(a, "the storm killed 21 people");
    }
}
