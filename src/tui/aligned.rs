//! The sentence-aligned view: rows of one source's sentences, each with the
//! best-matching sentence of every other source (or none). The row model is
//! built once, when the view is turned on; drawing only reads it.

use crate::compare::align::{DiffTag, word_diff};

/// One aligned row: a sentence index per source (None = no counterpart).
pub type AlignedRow = Vec<Option<usize>>;

/// Rows for every sentence of `reference` (which has `sentences` of them),
/// among `sources` sources. `best(i)` gives the best matches of sentence i
/// as (source, sentence, score), like `Aligner::best_matches`.
pub fn aligned_rows(
    reference: usize,
    sources: usize,
    sentences: usize,
    best: impl Fn(usize) -> Vec<(usize, usize, f64)>,
) -> Vec<AlignedRow> {
    (0..sentences)
        .map(|i| {
            let mut row = vec![None; sources];
            if let Some(cell) = row.get_mut(reference) {
                *cell = Some(i);
            }
            for (source, sentence, _) in best(i) {
                if source != reference
                    && let Some(cell) = row.get_mut(source)
                {
                    *cell = Some(sentence);
                }
            }
            row
        })
        .collect()
}

/// The words of `other` against the row's reference sentence: (text,
/// changed) pieces whose concatenation is `other`; changed = not in the
/// reference.
pub fn marked_words(reference: &str, other: &str) -> Vec<(String, bool)> {
    word_diff(reference, other)
        .into_iter()
        .filter(|(tag, _)| *tag != DiffTag::Delete)
        .map(|(tag, text)| (text, tag == DiffTag::Insert))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_reference_with_fillers() {
        // Source 1 is the reference with 3 sentences; source 0 matches its
        // first and last, source 2 only the middle one.
        let rows = aligned_rows(1, 3, 3, |i| match i {
            0 => vec![(0, 4, 0.9)],
            1 => vec![(2, 0, 0.5)],
            2 => vec![(0, 7, 0.4), (1, 9, 1.0)],
            _ => vec![],
        });
        assert_eq!(
            rows,
            [
                vec![Some(4), Some(0), None],
                vec![None, Some(1), Some(0)],
                vec![Some(7), Some(2), None],
            ]
        );
        assert!(aligned_rows(0, 2, 0, |_| vec![]).is_empty());
    }

    #[test]
    fn words_not_in_the_reference_are_marked() {
        let pieces = marked_words("Police said 21 people died.", "Police said 25 people died.");
        let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, "Police said 25 people died.");
        let changed: Vec<&str> = pieces
            .iter()
            .filter(|(_, c)| *c)
            .map(|(t, _)| t.trim())
            .collect();
        assert_eq!(changed, ["25"]);
    }
}
