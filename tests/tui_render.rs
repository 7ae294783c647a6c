//! Render tests: the reader drawn into a TestBackend, compared with insta
//! snapshots (plain text with the NO_COLOR theme; styles where they carry
//! meaning).

use std::fmt::Write;

use crosscheck::Analysis;
use crosscheck::corpus::{self, Source};
use crosscheck::tui::draw::{Ui, draw};
use crosscheck::tui::{Action, App, Highlight, KeyMap, Theme, fixture};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

fn seeds() -> Vec<Source> {
    let seeds = corpus::load_seeds();
    assert_eq!(seeds.len(), 3, "three bundled seeds");
    seeds
}

fn small_sources(n: usize) -> Vec<Source> {
    (0..n)
        .map(|i| {
            let id = format!("S{}", i + 1);
            let text = format!(
                "Outlet {n} reported that rescuers reached the village on Tuesday.\n\n\
                 Officials said {k} people were taken to hospital in the district.\n\n\
                 The road was reopened late in the evening, police said.",
                n = i + 1,
                k = 10 + i
            );
            fixture::source(&id, &format!("Report number {}", i + 1), &text)
        })
        .collect()
}

fn render(app: &App, theme: &Theme, width: u16, height: u16) -> Buffer {
    let keymap = KeyMap::defaults();
    let ui = Ui {
        theme,
        keymap: &keymap,
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| draw(f, app, &ui)).unwrap();
    terminal.backend().buffer().clone()
}

/// The buffer as lines of text, trailing spaces kept visible with a bar.
fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    let width = buffer.area.width as usize;
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..width {
            let cell = &buffer[(x as u16, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        writeln!(out, "{}|", line.trim_end()).unwrap();
    }
    out
}

fn app(analysis: &Analysis, width: u16, height: u16) -> App {
    App::new(analysis, width, height)
}

fn mono() -> Theme {
    Theme::new(true)
}

#[test]
fn three_seed_columns_120x40() {
    let analysis = fixture::analysis(seeds());
    let a = app(&analysis, 120, 40);
    let buf = render(&a, &mono(), 120, 40);
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn three_seed_columns_after_tab_and_scroll() {
    let analysis = fixture::analysis(seeds());
    let mut a = app(&analysis, 120, 40);
    for action in [Action::FocusNext, Action::PageDown, Action::ScrollDown] {
        a.update(action);
    }
    let buf = render(&a, &mono(), 120, 40);
    let t = text(&buf);
    // The second column carries the focus marker and the thick border.
    assert!(t.lines().next().unwrap().contains("▶2 S2"), "{t}");
    insta::assert_snapshot!(t);
}

#[test]
fn one_column_80x24() {
    let analysis = fixture::analysis(small_sources(1));
    let a = app(&analysis, 80, 24);
    insta::assert_snapshot!(text(&render(&a, &mono(), 80, 24)));
}

#[test]
fn eight_sources_paged_100x30() {
    let analysis = fixture::analysis(small_sources(8));
    let mut a = app(&analysis, 100, 30);
    let first = text(&render(&a, &mono(), 100, 30));
    assert!(first.contains("cols 1-3 of 8"), "{first}");
    a.update(Action::PageColumnsRight);
    let second = text(&render(&a, &mono(), 100, 30));
    assert!(second.contains("cols 4-6 of 8 ◀ ▶"), "{second}");
    // On a narrow bar the paging hint outlives less important ones.
    a.update(Action::Resize {
        width: 70,
        height: 20,
    });
    let narrow = text(&render(&a, &mono(), 70, 20));
    let bar = narrow.lines().last().unwrap();
    assert!(
        bar.contains("H/L columns") && bar.contains("q quit"),
        "{bar}"
    );
    assert!(!bar.contains("mouse"), "{bar}");
    insta::assert_snapshot!("eight_sources_first_page", first);
    insta::assert_snapshot!("eight_sources_second_page", second);
}

#[test]
fn tiny_terminal_shows_a_notice() {
    let analysis = fixture::analysis(small_sources(3));
    let a = app(&analysis, 30, 6);
    insta::assert_snapshot!(text(&render(&a, &mono(), 30, 6)));
}

#[test]
fn any_size_renders_without_panicking() {
    let analysis = fixture::analysis(seeds());
    let mut a = app(&analysis, 120, 40);
    for (w, h) in [
        (0, 0),
        (1, 1),
        (1, 0),
        (0, 1),
        (10, 3),
        (20, 5),
        (39, 7),
        (40, 8),
        (41, 9),
        (61, 17),
        (300, 90),
    ] {
        a.update(Action::Resize {
            width: w,
            height: h,
        });
        a.update(Action::Bottom);
        a.update(Action::ToggleHelp);
        render(&a, &mono(), w, h);
        a.update(Action::ToggleHelp);
        render(&a, &Theme::new(false), w, h);
    }
}

#[test]
fn state_lagging_behind_a_resize_does_not_panic() {
    let analysis = fixture::analysis(seeds());
    let mut a = app(&analysis, 200, 60);
    a.update(Action::ToggleHelp);
    for (w, h) in [(60, 20), (120, 40), (10, 3), (0, 0)] {
        render(&a, &mono(), w, h);
    }
}

#[test]
fn help_overlay_lists_the_key_map() {
    let analysis = fixture::analysis(seeds());
    let mut a = app(&analysis, 120, 40);
    a.update(Action::ToggleHelp);
    let t = text(&render(&a, &mono(), 120, 40));
    for needle in [
        "Help: keys",
        "Ctrl-d",
        "scroll down half a page",
        "focus column 1 to 9",
        "F1",
    ] {
        assert!(t.contains(needle), "{needle} missing:\n{t}");
    }
    insta::assert_snapshot!(t);
}

#[test]
fn help_scrolls_on_a_short_terminal() {
    let analysis = fixture::analysis(small_sources(2));
    let mut a = app(&analysis, 80, 24);
    a.set_help_lines(crosscheck::tui::draw::help_lines(&KeyMap::defaults()));
    a.update(Action::ToggleHelp);
    let top = text(&render(&a, &mono(), 80, 24));
    assert!(top.contains("↓ more (j)"), "{top}");
    assert!(!top.contains("≠ conflict"), "legend below the fold: {top}");
    a.update(Action::Bottom);
    let bottom = text(&render(&a, &mono(), 80, 24));
    assert!(
        bottom.contains("≠ conflict ± partial ~ variant + unique = agree"),
        "{bottom}"
    );
    assert!(bottom.contains("↑ more (k)"), "{bottom}");
    insta::assert_snapshot!(bottom);
}

#[test]
fn help_follows_rebinding() {
    let analysis = fixture::analysis(small_sources(2));
    let mut a = app(&analysis, 100, 30);
    a.update(Action::ToggleHelp);
    let mut keymap = KeyMap::defaults();
    keymap
        .merge(
            "scroll_down = [\"ctrl-y\"]",
            std::path::Path::new("user.toml"),
        )
        .unwrap();
    let theme = mono();
    let ui = Ui {
        theme: &theme,
        keymap: &keymap,
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| draw(f, &a, &ui)).unwrap();
    let t = text(terminal.backend().buffer());
    let line = t
        .lines()
        .find(|l| l.contains("scroll down a line"))
        .unwrap();
    assert!(line.contains("Ctrl-y"), "{line}");
}

/// Styles carry meaning: the focused column's border and title differ
/// from the others in colour and in modifiers (bold), also without colour.
#[test]
fn focus_styles_colour_and_mono() {
    let analysis = fixture::analysis(small_sources(2));
    let mut a = app(&analysis, 64, 12);
    a.update(Action::FocusNext);
    let colour = render(&a, &Theme::new(false), 64, 12);
    insta::assert_snapshot!("focus_styles_colour", format!("{colour:?}"));
    let mono_buf = render(&a, &mono(), 64, 12);
    insta::assert_snapshot!("focus_styles_mono", format!("{mono_buf:?}"));
    // Column 2 (focused) starts at x = 32: its corner is thick and bold.
    assert_eq!(mono_buf[(32, 0)].symbol(), "┏");
    assert!(mono_buf[(32, 0)].modifier.contains(Modifier::BOLD));
    assert_eq!(mono_buf[(0, 0)].symbol(), "┌");
    assert!(!mono_buf[(0, 0)].modifier.contains(Modifier::BOLD));
}

/// Highlights are byte ranges of the source text, mapped through wrapping:
/// a range that wraps onto the next row is styled on both rows.
#[test]
fn highlights_follow_wrapping() {
    let src = fixture::source(
        "S1",
        "Wrapped highlight",
        "Officials said that at least twenty-one people were killed in the attack on the market.",
    );
    let start = src.text.find("at least").unwrap();
    let end = src.text.find(" in the").unwrap();
    let analysis = fixture::analysis(vec![src]);
    let mut a = app(&analysis, 40, 12);
    a.set_highlights(
        0,
        vec![Highlight {
            span: start..end,
            style: Style::new().add_modifier(Modifier::REVERSED),
        }],
    );
    let buf = render(&a, &mono(), 40, 12);
    // The status bar (last row) is reversed too in the mono theme.
    let reversed: Vec<String> = (0..buf.area.height - 1)
        .map(|y| {
            (0..buf.area.width)
                .filter(|&x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    assert_eq!(
        reversed,
        ["at least", "twenty-one people were killed"],
        "{}",
        text(&buf)
    );
    insta::assert_snapshot!(format!("{buf:?}"));
}

/// Claims styled by verdict: two sources disagree on a toll (conflict), one
/// alone gives a figure (unique). Without colour they still differ.
#[test]
fn verdict_highlights_render_in_both_themes() {
    use crosscheck::compare::Verdict;
    use crosscheck::tui::highlight::verdict_highlights;
    let a_text = "Police said 21 people died and 27 were hurt in the blast.";
    let b_text = "Officials put the toll at 25 dead after the blast.";
    let sources = vec![
        fixture::source("S1", "First report", a_text),
        fixture::source("S2", "Second report", b_text),
    ];
    let span = |text: &str, needle: &str| {
        let i = text.find(needle).unwrap();
        i..i + needle.len()
    };
    let marks = vec![
        (0, span(a_text, "21 people died"), Verdict::Conflict),
        (1, span(b_text, "25 dead"), Verdict::Conflict),
        (0, span(a_text, "27 were hurt"), Verdict::Unique),
    ];
    let analysis = fixture::analysis(sources);
    for (name, theme) in [("colour", Theme::new(false)), ("mono", mono())] {
        let mut a = app(&analysis, 64, 12);
        for (i, h) in verdict_highlights(2, marks.clone(), &theme)
            .into_iter()
            .enumerate()
        {
            a.set_highlights(i, h.spans().to_vec());
        }
        let buf = render(&a, &theme, 64, 12);
        // The cell showing "21" carries the conflict style.
        let screen = text(&buf);
        let (row, line) = screen
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("21 people"))
            .unwrap();
        let x = line[..line.find("21").unwrap()].chars().count() as u16;
        let cell = &buf[(x, row as u16)];
        let want = theme.verdict_conflict;
        assert_eq!(cell.fg, want.fg.unwrap_or_default());
        assert!(cell.modifier.contains(want.add_modifier), "{cell:?}");
        insta::assert_snapshot!(format!("verdicts_{name}"), format!("{buf:?}"));
    }
}

/// ] selects a finding: its evidence is marked in every column and the
/// status bar names it.
#[test]
fn selected_finding_is_marked_and_named() {
    use crosscheck::compare::Verdict;
    use crosscheck::tui::findings::FindingNav;
    let a_text = "Police said 21 people died in the blast.\n\nThe market reopened on Friday.";
    let b_text = "Officials put the toll at 25 dead.\n\nTraders returned on Friday.";
    let span = |text: &str, needle: &str| {
        let i = text.find(needle).unwrap();
        i..i + needle.len()
    };
    let analysis = fixture::analysis(vec![
        fixture::source("S1", "First report", a_text),
        fixture::source("S2", "Second report", b_text),
    ]);
    let theme = mono();
    let mut a = app(&analysis, 120, 12);
    a.set_findings(
        vec![FindingNav {
            key: "killed".into(),
            verdict: Verdict::Conflict,
            summary: "People killed: 21 (S1) vs 25 (S2)".into(),
            evidence: vec![(0, span(a_text, "21 people")), (1, span(b_text, "25 dead"))],
            ..FindingNav::default()
        }],
        theme.selected,
    );
    let before = text(&render(&a, &theme, 120, 12));
    assert!(before.contains("]/[ findings"), "{before}");
    a.update(Action::NextFinding);
    let buf = render(&a, &theme, 120, 12);
    let screen = text(&buf);
    assert!(
        screen.contains("finding 1/1, conflict 1/1 ≠ conflict People killed: 21 (S1) vs 25 (S2)"),
        "{screen}"
    );
    let marked: Vec<String> = (0..buf.area.height - 1)
        .map(|y| {
            (0..buf.area.width)
                .filter(|&x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    // Above the status bar (reversed in mono), only the evidence is reversed.
    assert_eq!(marked, ["21 people25 dead"], "{screen}");
    insta::assert_snapshot!(format!("{buf:?}"));
}

// ---------------------------------------------------------------------
// The comparison views: panel, detail, matrix, aligned rows, search,
// export. Hand-made findings, so extraction changes do not move them.

const CMP_S1: &str = "Police said 21 people died in the blast on Monday.\n\nEgypt and the Emirates backed the general, officials said.";
const CMP_S2: &str = "Police said 25 people died after the blast on Monday.\n\nFrance, Egypt and the Emirates backed the general.";
const CMP_S3: &str = "The market reopened on Friday.\n\nEgypt backed the general, a diplomat said.";

fn cmp_analysis() -> Analysis {
    fixture::analysis(vec![
        fixture::source("S1", "First report", CMP_S1),
        fixture::source("S2", "Second report", CMP_S2),
        fixture::source("S3", "Third report", CMP_S3),
    ])
}

/// Evidence of `needle` in source `s` with its value and sentence (the
/// fixture's sentences are its paragraphs).
fn ev(
    s: usize,
    needle: &str,
    value: &str,
) -> (
    (usize, std::ops::Range<usize>),
    crosscheck::tui::findings::EvidenceInfo,
) {
    let text = [CMP_S1, CMP_S2, CMP_S3][s];
    let at = text.find(needle).unwrap();
    let para_start = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
    let para_end = text[at..].find("\n\n").map_or(text.len(), |i| at + i);
    let line = text[..at].matches('\n').count() + 1;
    (
        (s, at..at + needle.len()),
        crosscheck::tui::findings::EvidenceInfo {
            value: value.to_string(),
            sentence: para_start..para_end,
            line,
            column: at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1,
        },
    )
}

fn cmp_findings() -> Vec<crosscheck::tui::findings::FindingNav> {
    use crosscheck::compare::Verdict;
    use crosscheck::tui::findings::FindingNav;
    let make = |key: &str, verdict, topic: &str, summary: &str, evs: Vec<_>| {
        let (evidence, info): (Vec<_>, Vec<_>) = evs.into_iter().unzip();
        FindingNav {
            key: key.into(),
            verdict,
            summary: summary.into(),
            evidence,
            topic: topic.into(),
            info,
        }
    };
    vec![
        make(
            "killed",
            Verdict::Conflict,
            "People killed",
            "People killed: 21 (S1) vs 25 (S2)",
            vec![ev(0, "21 people", "21"), ev(1, "25 people", "25")],
        ),
        make(
            "backers",
            Verdict::Partial,
            "Backers (the general)",
            "Backers: Egypt, Emirates (S1) vs France, Egypt, Emirates (S2) vs Egypt (S3)",
            vec![
                ev(0, "Egypt and the Emirates", "Egypt, Emirates"),
                ev(
                    1,
                    "France, Egypt and the Emirates",
                    "France, Egypt, Emirates",
                ),
                ev(2, "Egypt", "Egypt"),
            ],
        ),
        make(
            "date",
            Verdict::Unique,
            "Date",
            "Date: Monday (S1)",
            vec![ev(0, "Monday", "Monday")],
        ),
    ]
}

/// An app on the comparison fixture, with verdict highlights in `theme`.
fn cmp_app(theme: &Theme, width: u16, height: u16) -> App {
    use crosscheck::tui::highlight::verdict_highlights;
    let analysis = cmp_analysis();
    let mut a = App::new(&analysis, width, height);
    let findings = cmp_findings();
    let marks: Vec<_> = findings
        .iter()
        .flat_map(|f| {
            f.evidence
                .iter()
                .map(move |(s, span)| (*s, span.clone(), f.verdict))
        })
        .collect();
    for (i, h) in verdict_highlights(3, marks, theme).into_iter().enumerate() {
        a.set_highlights(i, h.spans().to_vec());
    }
    a.set_findings(findings, theme.selected);
    a.set_search_styles(theme.search_match, theme.search_current);
    a
}

/// Cells of rows above the status bar whose style has `modifier`, per row.
fn cells_with(buf: &Buffer, modifier: Modifier) -> Vec<String> {
    (0..buf.area.height - 1)
        .map(|y| {
            (0..buf.area.width)
                .filter(|&x| buf[(x, y)].modifier.contains(modifier))
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

/// Claims styled by verdict in colour (orange conflict, yellow partial,
/// green unique) and the selected finding's evidence emphasised; a styled
/// buffer snapshot.
#[test]
fn claims_styled_by_verdict_and_selection_in_colour() {
    let theme = Theme::new(false);
    let mut a = cmp_app(&theme, 120, 14);
    a.update(Action::NextFinding);
    let buf = render(&a, &theme, 120, 14);
    let screen = text(&buf);
    assert!(screen.contains("3 S3 — silent on this finding"), "{screen}");
    assert!(
        screen.contains("finding 1/3, conflict 1/2 ≠ conflict"),
        "{screen}"
    );
    // "21" is in the conflict colour and the selection's emphasis.
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("21 people"))
        .unwrap();
    let x = line[..line.find("21").unwrap()].chars().count() as u16;
    let cell = &buf[(x, row as u16)];
    assert_eq!(cell.fg, theme.verdict_conflict.fg.unwrap());
    assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    // "Egypt" (partial, not selected) has the partial colour only.
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Egypt and"))
        .unwrap();
    let x = line[..line.find("Egypt").unwrap()].chars().count() as u16;
    let cell = &buf[(x, row as u16)];
    assert_eq!(cell.fg, theme.verdict_partial.fg.unwrap());
    assert!(!cell.modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!(format!("{buf:?}"));
}

#[test]
fn side_panel_lists_findings_beside_the_columns() {
    let theme = mono();
    let mut a = cmp_app(&theme, 140, 16);
    a.update(Action::TogglePanel);
    a.update(Action::NextFinding);
    a.update(Action::NextFinding);
    let buf = render(&a, &theme, 140, 16);
    let t = text(&buf);
    assert!(t.contains("Findings: all (3/3)"), "{t}");
    assert!(t.contains("▶± Backers (the general)"), "{t}");
    assert!(t.contains("   S1 Egypt, Emirates · S2 Franc…"), "{t}");
    assert!(t.contains("S1 21 · S2 25 · S3 -"), "{t}");
    // Columns end where the panel starts (140 - 35 = 105).
    let first = t.lines().next().unwrap();
    assert_eq!(first.chars().nth(104), Some('┐'), "{first}");
    // The filter applies to the panel.
    a.update(Action::CycleFilter);
    let filtered = text(&render(&a, &theme, 140, 16));
    assert!(filtered.contains("Findings: conflicts (1/3)"), "{filtered}");
    assert!(!filtered.contains("Backers"), "{filtered}");
    insta::assert_snapshot!(t);
}

#[test]
fn detail_window_shows_values_places_and_word_diff() {
    let theme = mono();
    let mut a = cmp_app(&theme, 120, 34);
    a.update(Action::NextFinding);
    a.update(Action::NextFinding);
    a.update(Action::Choose);
    let buf = render(&a, &theme, 120, 34);
    let t = text(&buf);
    for needle in [
        "Finding 2/3",
        "± partial · Backers (the general)",
        "S1 fixture_s1: Egypt, Emirates  line 3:1",
        "S3 fixture_s3: Egypt  line 3:1",
        "“France, Egypt and the Emirates backed the general.”",
        "Word diff S1 → S2",
        "{+France,+}",
        "[-general, officials said.-]{+general.+}",
    ] {
        assert!(t.contains(needle), "{needle} missing:\n{t}");
    }
    // Inserted words are styled (bold + underlined) in mono too.
    let (row, line) = t
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("{+France,+}"))
        .unwrap();
    let x = line[..line.find("{+France").unwrap()].chars().count() as u16 + 2;
    assert!(
        buf[(x, row as u16)]
            .modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD)
    );
    insta::assert_snapshot!(t);
}

#[test]
fn matrix_window_shows_values_or_silence() {
    let theme = mono();
    let mut a = cmp_app(&theme, 120, 14);
    a.update(Action::ToggleMatrix);
    let t = text(&render(&a, &theme, 120, 14));
    assert!(t.contains("Matrix: all findings (3) × 3 sources"), "{t}");
    let row = t.lines().find(|l| l.contains("≠ People killed")).unwrap();
    let cells: Vec<&str> = row
        .split_whitespace()
        .filter(|w| !w.contains(['║', '│']))
        .collect();
    assert!(cells.ends_with(&["21", "25", "-"]), "{row}");
    insta::assert_snapshot!(t);
}

#[test]
fn aligned_view_pairs_sentences_and_marks_differences() {
    let theme = mono();
    let mut a = cmp_app(&theme, 120, 16);
    a.update(Action::ToggleAligned);
    let buf = render(&a, &theme, 120, 16);
    let t = text(&buf);
    // Rows are S1's sentences; S3 has no counterpart for the toll.
    let toll = t.lines().find(|l| l.contains("Police said 21")).unwrap();
    assert!(toll.contains("Police said 25"), "{toll}");
    assert!(toll.contains("│ ·"), "filler for S3: {toll}");
    let backers = t.lines().find(|l| l.contains("Egypt and the")).unwrap();
    assert!(backers.contains("France, Egypt"), "{backers}");
    assert!(backers.contains("Egypt backed the"), "{backers}");
    // Words not in the reference sentence are marked (bold + underlined).
    let marked = cells_with(&buf, Modifier::UNDERLINED);
    assert!(marked.iter().any(|r| r.contains("France,")), "{marked:?}");
    insta::assert_snapshot!(t);
    // The selected finding's evidence is emphasised in the aligned rows too
    // (colour theme: its background is the selection's).
    let colour = Theme::new(false);
    let mut a = cmp_app(&colour, 120, 16);
    a.update(Action::ToggleAligned);
    a.update(Action::NextFinding);
    let buf = render(&a, &colour, 120, 16);
    let bg = colour.selected.bg.unwrap();
    let selected: String = (0..buf.area.height - 1)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].bg == bg)
        .map(|(x, y)| buf[(x, y)].symbol().to_string())
        .collect();
    assert_eq!(selected, "21 people25 people", "{}", text(&buf));
}

#[test]
fn search_matches_are_marked_in_every_column() {
    let theme = mono();
    let mut a = cmp_app(&theme, 120, 12);
    a.update(Action::Search);
    for c in "EGYPT".chars() {
        a.update(Action::Type(c));
    }
    let typing = text(&render(&a, &theme, 120, 12));
    assert!(
        typing.lines().last().unwrap().contains("Search: EGYPT"),
        "{typing}"
    );
    a.update(Action::Choose);
    a.update(Action::NextMatch);
    let buf = render(&a, &theme, 120, 12);
    let t = text(&buf);
    assert!(t.lines().last().unwrap().contains("match 2/3"), "{t}");
    insta::assert_snapshot!(format!("{buf:?}"));
}

#[test]
fn export_dialog_window() {
    let theme = mono();
    let mut a = cmp_app(&theme, 100, 16);
    a.update(Action::Export);
    a.update(Action::FocusNext);
    let t = text(&render(&a, &theme, 100, 16));
    assert!(t.contains("Export report"), "{t}");
    assert!(t.contains("Format:  json  [csv]  md"), "{t}");
    assert!(t.contains("Path:   crosscheck-report.csv"), "{t}");
    insta::assert_snapshot!(t);
}

/// The note field: a single line with the text typed so far.
#[test]
fn note_window_and_note_marks() {
    let theme = mono();
    let mut a = cmp_app(&theme, 100, 16);
    a.update(Action::NextFinding);
    a.update(Action::Annotate);
    for c in "Hospital lists differ; call both.".chars() {
        a.update(Action::Type(c));
    }
    let t = text(&render(&a, &theme, 100, 16));
    assert!(t.contains("Note on finding 1"), "{t}");
    assert!(t.contains("Hospital lists differ; call both."), "{t}");
    assert!(t.lines().last().unwrap().contains("Enter save note"), "{t}");
    insta::assert_snapshot!(t);
    a.update(Action::Choose);
    let t = text(&render(&a, &theme, 140, 16));
    assert!(t.contains("≠ conflict ✎ note"), "{t}");
}

/// With the panel focused (Tab past the last column), no column shows the
/// focus marker; the panel does.
#[test]
fn panel_focus_moves_the_marker_to_the_panel() {
    let theme = mono();
    let mut a = cmp_app(&theme, 140, 16);
    a.update(Action::TogglePanel);
    for _ in 0..3 {
        a.update(Action::FocusNext);
    }
    let t = text(&render(&a, &theme, 140, 16));
    let first = t.lines().next().unwrap();
    assert_eq!(first.matches('▶').count(), 1, "{first}");
    assert!(first.contains("┏▶Findings"), "{first}");
    a.update(Action::FocusNext);
    let t = text(&render(&a, &theme, 140, 16));
    assert!(t.lines().next().unwrap().starts_with("┏▶1 S1"), "{t}");
}
