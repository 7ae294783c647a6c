//! Action-sequence tests of the comparison features: jumping, filters,
//! the panel, detail, matrix, aligned view, search, review and export.

use super::*;
use crate::tui::fixture;

fn long_text(paragraphs: usize, tag: &str) -> String {
    (0..paragraphs)
        .map(|i| format!("Paragraph {i} of {tag} notes that the council met again on Friday."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn app(sources: usize) -> App {
    let srcs = (0..sources)
        .map(|i| {
            let id = format!("S{}", i + 1);
            fixture::source(&id, &format!("Title {id}"), &long_text(20 + 5 * i, &id))
        })
        .collect();
    App::new(&fixture::analysis(srcs), 160, 40)
}

/// Byte range of the first word of paragraph `p` of column `c`.
fn para(a: &App, c: usize, p: usize) -> Range<usize> {
    let r = a.docs()[c].paragraphs[p].clone();
    r.start..r.start + 9
}

/// Findings with these verdicts; finding k has evidence in column k % 3
/// (and column 0 for the conflicts), at paragraph k.
fn with_findings(verdicts: &[Verdict]) -> App {
    let mut a = app(3);
    let fs: Vec<FindingNav> = verdicts
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let mut evidence = vec![(k % 3, para(&a, k % 3, k))];
            if *v == Verdict::Conflict && k % 3 != 0 {
                evidence.insert(0, (0, para(&a, 0, k)));
            }
            FindingNav {
                key: format!("k{k}"),
                verdict: *v,
                summary: format!("finding {k}"),
                evidence,
                topic: format!("topic {k}"),
                ..FindingNav::default()
            }
        })
        .collect();
    a.set_findings(fs, Style::new());
    a
}

use Verdict::{Agree, Conflict, Partial, Unique, Variant};

#[test]
fn brackets_step_through_findings_and_braces_through_conflicts() {
    let mut a = with_findings(&[Agree, Conflict, Unique, Partial, Variant, Conflict]);
    a.update(Action::NextFinding);
    assert_eq!(a.selected, Some(0));
    assert_eq!(a.position().unwrap(), "finding 1/6");
    a.update(Action::NextConflict);
    assert_eq!(a.selected, Some(1));
    assert_eq!(a.position().unwrap(), "finding 2/6, conflict 1/3");
    a.update(Action::NextConflict);
    assert_eq!(a.selected, Some(3), "partial counts with conflicts");
    a.update(Action::NextConflict);
    a.update(Action::NextConflict);
    assert_eq!(a.selected, Some(1), "wraps around");
    a.update(Action::PrevConflict);
    assert_eq!(a.selected, Some(5));
    a.update(Action::NextFinding);
    assert_eq!(a.selected, Some(0), "] wraps too");
    a.update(Action::PrevFinding);
    assert_eq!(a.selected, Some(5));
    // Both columns with evidence of finding 5 scrolled to it; the silent
    // one did not move.
    for c in [0, 2] {
        let row = text::row_at(a.rows(c), a.findings()[5].evidence_in(c).unwrap().start);
        assert!(row >= a.scroll[c] && row - a.scroll[c] < usize::from(a.geometry().body_height));
        assert!(!a.selection(c).is_empty());
    }
    assert!(a.selection(1).is_empty());
}

#[test]
fn filter_cycles_and_limits_brackets() {
    let mut a = with_findings(&[Agree, Conflict, Unique, Partial, Variant, Conflict]);
    a.update(Action::CycleFilter);
    assert_eq!(a.filter, VerdictFilter::Only(Conflict));
    assert!(a.message.as_deref().unwrap().contains("conflicts (2)"));
    assert_eq!(a.filtered(), [1, 5]);
    a.update(Action::NextFinding);
    a.update(Action::NextFinding);
    assert_eq!(a.selected, Some(5));
    assert_eq!(a.position().unwrap(), "finding 2/2, conflict 3/3");
    a.update(Action::NextFinding);
    assert_eq!(a.selected, Some(1));
    // Partial: the selected conflict is not kept, so it is cleared.
    a.update(Action::CycleFilter);
    assert_eq!(a.selected, None);
    a.update(Action::PrevFinding);
    assert_eq!(a.selected, Some(3));
    a.update(Action::CycleFilter); // variants
    a.update(Action::CycleFilter); // unique
    a.update(Action::CycleFilter); // agree
    assert_eq!(a.filter, VerdictFilter::Only(Agree));
    a.update(Action::NextFinding);
    assert_eq!(a.selected, Some(0));
    // }/{ ignore the filter.
    a.update(Action::NextConflict);
    assert_eq!(a.selected, Some(1));
    a.update(Action::CycleFilter);
    assert_eq!(a.filter, VerdictFilter::All);
    assert_eq!(a.filtered().len(), 6);
    // A filter with nothing in it says so.
    let mut b = with_findings(&[Agree]);
    b.update(Action::CycleFilter);
    b.update(Action::NextFinding);
    assert_eq!(b.selected, None);
    assert!(
        b.message
            .as_deref()
            .unwrap()
            .contains("No conflicts findings")
    );
}

#[test]
fn panel_shrinks_the_columns_and_takes_the_focus_with_tab() {
    let mut a = with_findings(&[Agree, Conflict, Unique, Partial]);
    let wide = a.geometry().text_width;
    a.update(Action::TogglePanel);
    assert!(a.panel);
    assert_eq!(a.panel_width(), 40);
    assert!(a.geometry().text_width < wide, "columns shrink");
    assert_eq!(a.geometry().width, 120);
    for _ in 0..3 {
        a.update(Action::FocusNext);
    }
    assert!(a.panel_focus, "Tab past the last column focuses the panel");
    a.update(Action::ScrollDown);
    assert_eq!(a.selected, Some(0));
    a.update(Action::ScrollDown);
    a.update(Action::ScrollDown);
    assert_eq!(a.selected, Some(2));
    assert!(a.panel_focus, "the panel keeps the focus while moving");
    a.update(Action::ScrollUp);
    assert_eq!(a.selected, Some(1));
    a.update(Action::Bottom);
    assert_eq!(a.selected, Some(3));
    // ] moves the panel's selection too; the filter applies.
    a.update(Action::CycleFilter);
    a.update(Action::Top);
    assert_eq!(a.selected, Some(1), "first conflict");
    a.update(Action::FocusNext);
    assert!(!a.panel_focus);
    assert_eq!(a.focus, 0);
    a.update(Action::FocusPrev);
    assert!(a.panel_focus);
    a.update(Action::TogglePanel);
    assert!(!a.panel && !a.panel_focus);
    assert_eq!(a.geometry().text_width, wide);
    // Too narrow: no panel.
    a.update(Action::Resize {
        width: 60,
        height: 30,
    });
    a.update(Action::TogglePanel);
    assert!(!a.panel);
    assert!(a.message.is_some());
}

#[test]
fn detail_opens_on_the_selection_and_follows_brackets() {
    let mut a = with_findings(&[Agree, Conflict]);
    a.update(Action::Choose);
    assert_eq!(a.overlay, None);
    assert!(a.message.is_some(), "nothing selected: told so");
    a.update(Action::NextFinding);
    a.update(Action::Choose);
    assert_eq!(a.overlay, Some(Overlay::Detail));
    a.update(Action::NextFinding);
    assert_eq!((a.overlay, a.selected), (Some(Overlay::Detail), Some(1)));
    a.update(Action::ScrollDown);
    assert_eq!(a.detail_scroll, 0, "everything fits: no scrolling");
    // On a short terminal the window scrolls, up to its last line.
    a.update(Action::Resize {
        width: 80,
        height: 10,
    });
    a.update(Action::ScrollDown);
    assert_eq!(a.detail_scroll, 1);
    a.update(Action::Bottom);
    let max = a.detail_scroll;
    assert!(max > 1);
    a.update(Action::ScrollDown);
    assert_eq!(a.detail_scroll, max);
    a.update(Action::ScrollUp);
    assert_eq!(a.detail_scroll, max - 1);
    a.update(Action::Confirm);
    assert_eq!(a.review(1), Some(ReviewStatus::Confirmed));
    a.update(Action::Choose);
    assert_eq!(a.overlay, None);
}

#[test]
fn matrix_opens_scrolls_and_closes() {
    let mut a = with_findings(&[Agree, Conflict, Unique, Partial, Variant]);
    a.update(Action::Resize {
        width: 160,
        height: 8,
    });
    assert_eq!(a.matrix_rows(), 3);
    a.update(Action::ToggleMatrix);
    assert_eq!(a.overlay, Some(Overlay::Matrix));
    a.update(Action::ScrollDown);
    assert_eq!(a.matrix_scroll, 1);
    a.update(Action::Bottom);
    assert_eq!(a.matrix_scroll, 2, "the last rows fill the window");
    a.update(Action::ScrollDown);
    assert_eq!(a.matrix_scroll, 2, "clamped");
    a.update(Action::Top);
    // ] in the matrix moves the selection and keeps its row in view.
    for _ in 0..4 {
        a.update(Action::NextFinding);
    }
    assert_eq!((a.selected, a.matrix_scroll), (Some(3), 1));
    a.update(Action::NextFinding);
    a.update(Action::NextFinding);
    assert_eq!(
        (a.selected, a.matrix_scroll),
        (Some(0), 0),
        "wrapped to the top"
    );
    let scroll = a.scroll.clone();
    a.update(Action::PageDown);
    assert_eq!(a.scroll, scroll, "columns do not move under the matrix");
    a.update(Action::ToggleMatrix);
    assert_eq!(a.overlay, None);
    a.update(Action::ToggleMatrix);
    a.update(Action::Quit);
    assert_eq!(a.overlay, None);
    assert!(!a.quit, "q closes the matrix first");
}

#[test]
fn review_marks_and_notes_with_an_editable_field() {
    let mut a = with_findings(&[Conflict, Agree]);
    a.update(Action::Confirm);
    assert!(a.message.is_some() && a.take_effects().is_empty());
    a.update(Action::NextFinding);
    a.update(Action::Confirm);
    assert_eq!(a.review(0), Some(ReviewStatus::Confirmed));
    a.update(Action::Confirm);
    assert_eq!(a.review(0), None, "again: cleared");
    a.update(Action::Dismiss);
    assert_eq!(a.review(0), Some(ReviewStatus::Dismissed));
    a.update(Action::Confirm);
    assert_eq!(a.review(0), Some(ReviewStatus::Confirmed));
    // A note: typed, edited in the middle, saved.
    a.update(Action::Annotate);
    assert!(a.typing());
    for c in "Ask plice".chars() {
        a.update(Action::Type(c));
    }
    for _ in 0..4 {
        a.update(Action::CursorLeft);
    }
    a.update(Action::Type('o'));
    a.update(Action::CursorEnd);
    a.update(Action::Type('!'));
    a.update(Action::CursorHome);
    a.update(Action::DeleteForward);
    a.update(Action::Type('a'));
    a.update(Action::Quit); // (q is text in the field; Quit itself cancels)
    assert_eq!(a.overlay, None, "Quit cancels the field");
    assert_eq!(a.note_of(0), None);
    a.update(Action::Annotate);
    for c in "Ask plice".chars() {
        a.update(Action::Type(c));
    }
    for _ in 0..4 {
        a.update(Action::CursorLeft);
    }
    a.update(Action::Type('o'));
    a.update(Action::CursorHome);
    a.update(Action::DeleteForward);
    a.update(Action::Type('a'));
    a.update(Action::CursorEnd);
    a.update(Action::DeleteBack);
    assert_eq!(a.note.as_ref().unwrap().input.text(), "ask polic");
    a.update(Action::Choose);
    assert_eq!(a.note_of(0), Some("ask polic"));
    // Editing starts from the saved note, cursor at the end.
    a.update(Action::Annotate);
    assert_eq!(a.note.as_ref().unwrap().input.cursor(), 9);
    a.update(Action::Type('e'));
    a.update(Action::Choose);
    assert_eq!(a.note_of(0), Some("ask police"));
    let effects = a.take_effects();
    let k0 = "k0".to_string();
    assert_eq!(
        effects,
        [
            Effect::SaveReview {
                key: k0.clone(),
                status: Some(ReviewStatus::Confirmed)
            },
            Effect::SaveReview {
                key: k0.clone(),
                status: None
            },
            Effect::SaveReview {
                key: k0.clone(),
                status: Some(ReviewStatus::Dismissed)
            },
            Effect::SaveReview {
                key: k0.clone(),
                status: Some(ReviewStatus::Confirmed)
            },
            Effect::SaveNote {
                key: k0.clone(),
                note: Some("ask polic".into())
            },
            Effect::SaveNote {
                key: k0.clone(),
                note: Some("ask police".into())
            },
        ]
    );
    let reviews = a.reviews_for_export();
    assert_eq!(reviews["k0"].status, Some(ReviewStatus::Confirmed));
    assert_eq!(reviews["k0"].note.as_deref(), Some("ask police"));
    assert!(!reviews.contains_key("k1"));
}

fn search_app() -> App {
    let srcs = vec![
        fixture::source(
            "S1",
            "One",
            "Egypt backed the general.\n\nThe port stayed shut.\n\nOfficials in egypt declined to comment.",
        ),
        fixture::source("S2", "Two", "No foreign backers were named."),
        fixture::source("S3", "Three", "Diplomats said EGYPT and others helped."),
    ];
    App::new(&fixture::analysis(srcs), 120, 30)
}

#[test]
fn search_finds_in_every_column_and_n_wraps_around() {
    let mut a = search_app();
    a.update(Action::Search);
    assert!(a.typing());
    for c in "egypt".chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::Choose);
    assert!(!a.typing());
    let s = a.search.clone().unwrap();
    assert_eq!(
        s.matches.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        [0, 0, 2]
    );
    assert_eq!(a.match_position().unwrap(), "match 1/3");
    assert_eq!(a.search_marks(0).spans().len(), 2);
    assert_eq!(a.search_marks(2).spans().len(), 1);
    a.update(Action::NextMatch);
    a.update(Action::NextMatch);
    assert_eq!(a.match_position().unwrap(), "match 3/3");
    assert_eq!(a.focus, 2, "the match's column has the focus");
    a.update(Action::NextMatch);
    assert_eq!(a.match_position().unwrap(), "match 1/3", "wraps forward");
    a.update(Action::PrevMatch);
    assert_eq!(a.match_position().unwrap(), "match 3/3", "wraps back");
    // The current match has its own style.
    let styles: Vec<Style> = a.search_marks(2).spans().iter().map(|h| h.style).collect();
    assert_eq!(styles, [a.current_match_style]);
    // A new search starts from the last query; Esc cancels the field.
    a.update(Action::Search);
    assert_eq!(a.search_input.as_ref().unwrap().text(), "egypt");
    a.update(Action::Type('q'));
    a.update(Action::CloseOverlay);
    assert!(a.search_input.is_none());
    assert_eq!(a.search.as_ref().unwrap().query, "egypt", "cancelled");
    // No match: said so.
    a.update(Action::Search);
    for _ in 0..5 {
        a.update(Action::DeleteBack);
    }
    for c in "sudan".chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::Choose);
    assert!(a.message.as_deref().unwrap().contains("No match"));
    a.update(Action::NextMatch);
    assert!(a.message.is_some());
    // Esc with no window clears the search.
    a.update(Action::CloseOverlay);
    assert!(a.search.is_none() && a.match_position().is_none());
}

#[test]
fn aligned_view_pairs_sentences_and_scrolls_together() {
    let srcs = vec![
        fixture::source(
            "S1",
            "One",
            "The old bridge over the river collapsed on Monday morning.\n\nRescuers pulled nine survivors from the cold water.\n\nThe mayor thanked volunteers.",
        ),
        fixture::source(
            "S2",
            "Two",
            "Rescuers pulled eleven survivors from the cold water.\n\nThe old bridge over the river collapsed early on Monday.",
        ),
        fixture::source(
            "S3",
            "Three",
            "Shares in the construction firm fell sharply.",
        ),
    ];
    let mut a = App::new(&fixture::analysis(srcs), 120, 30);
    a.update(Action::ToggleAligned);
    let view = a.aligned.clone().expect("aligned view on");
    assert_eq!(view.reference, 0);
    assert_eq!(
        view.rows,
        [
            vec![Some(0), Some(1), None],
            vec![Some(1), Some(0), None],
            vec![Some(2), None, None],
        ]
    );
    a.update(Action::ScrollDown);
    assert_eq!(a.aligned.as_ref().unwrap().scroll, 1);
    a.update(Action::Bottom);
    assert_eq!(a.aligned.as_ref().unwrap().scroll, 2);
    a.update(Action::ScrollDown);
    assert_eq!(a.aligned.as_ref().unwrap().scroll, 2, "clamped");
    assert_eq!(a.scroll, [0, 0, 0], "column scrolling is not touched");
    a.update(Action::ToggleAligned);
    assert!(a.aligned.is_none());
    // From column 2 the rows are its sentences.
    a.update(Action::Focus(1));
    a.update(Action::ToggleAligned);
    let view = a.aligned.clone().unwrap();
    assert_eq!(view.reference, 1);
    assert_eq!(
        view.rows,
        [vec![Some(1), Some(0), None], vec![Some(0), Some(1), None]]
    );
}

#[test]
fn export_dialog_edits_format_and_path_then_asks_to_write() {
    let mut a = with_findings(&[Conflict]);
    a.update(Action::Export);
    assert_eq!(a.overlay, Some(Overlay::Export));
    assert!(a.typing(), "the path field takes letters");
    let d = a.export.clone().unwrap();
    assert_eq!(
        (d.format, d.path.text()),
        (ExportFormat::Json, "crosscheck-report.json")
    );
    a.update(Action::FocusNext);
    assert_eq!(
        a.export.as_ref().unwrap().path.text(),
        "crosscheck-report.csv"
    );
    a.update(Action::ScrollDown);
    assert_eq!(a.export.as_ref().unwrap().format, ExportFormat::Md);
    a.update(Action::ScrollUp);
    a.update(Action::FocusPrev);
    assert_eq!(a.export.as_ref().unwrap().format, ExportFormat::Json);
    // Edit the path: a different stem keeps following the format.
    a.update(Action::CursorHome);
    for _ in 0.."crosscheck-".len() {
        a.update(Action::DeleteForward);
    }
    for c in "out/".chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::FocusNext);
    assert_eq!(a.export.as_ref().unwrap().path.text(), "out/report.csv");
    a.update(Action::Choose);
    assert_eq!(a.overlay, None);
    assert_eq!(
        a.take_effects(),
        [Effect::Export {
            path: PathBuf::from("out/report.csv"),
            format: ExportFormat::Csv
        }]
    );
    // Reopened: the last format; Esc cancels without effects; an empty
    // path is refused.
    a.update(Action::Export);
    assert_eq!(
        a.export.as_ref().unwrap().path.text(),
        "crosscheck-report.csv"
    );
    a.update(Action::CloseOverlay);
    assert_eq!(a.overlay, None);
    a.update(Action::Export);
    for _ in 0..40 {
        a.update(Action::DeleteBack);
    }
    a.update(Action::Choose);
    assert_eq!(a.overlay, Some(Overlay::Export));
    assert!(a.message.is_some());
    assert!(a.take_effects().is_empty());
}

#[test]
fn a_warning_stays_until_esc() {
    let mut a = with_findings(&[Conflict]);
    a.warning = Some("reviews file set aside".into());
    a.update(Action::NextFinding);
    a.update(Action::ScrollDown);
    assert!(a.warning.is_some(), "other keys keep it");
    a.update(Action::CloseOverlay);
    assert_eq!(
        (a.warning.as_deref(), a.selected),
        (None, Some(0)),
        "Esc hides it first"
    );
    a.update(Action::CloseOverlay);
    assert_eq!(a.selected, None);
}
