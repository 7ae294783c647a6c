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
    assert!(
        !top.contains("conflict partial"),
        "legend below the fold: {top}"
    );
    a.update(Action::Bottom);
    let bottom = text(&render(&a, &mono(), 80, 24));
    assert!(
        bottom.contains("conflict partial variant unique agree"),
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
            "toggle_sync = [\"ctrl-y\"]",
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
        .find(|l| l.contains("synchronised scrolling"))
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

/// n selects a finding: its evidence is marked in every column and the
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
    let mut a = app(&analysis, 80, 12);
    a.set_findings(
        vec![FindingNav {
            key: "killed".into(),
            verdict: Verdict::Conflict,
            summary: "People killed: 21 (S1) vs 25 (S2)".into(),
            evidence: vec![(0, span(a_text, "21 people")), (1, span(b_text, "25 dead"))],
        }],
        theme.selected,
    );
    let before = text(&render(&a, &theme, 80, 12));
    assert!(before.contains("n/N findings"), "{before}");
    a.update(Action::NextFinding);
    let buf = render(&a, &theme, 80, 12);
    let screen = text(&buf);
    assert!(
        screen.contains("F1/1 conflict People killed: 21 (S1) vs 25 (S2)"),
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

/// f opens the list of findings; the cursor stays in view as it moves.
#[test]
fn findings_list_window() {
    use crosscheck::compare::Verdict;
    use crosscheck::tui::findings::FindingNav;
    let analysis = fixture::analysis(small_sources(3));
    let mut a = app(&analysis, 100, 24);
    let findings: Vec<FindingNav> = (0..30)
        .map(|i| FindingNav {
            key: format!("k{i}"),
            verdict: Verdict::ALL[i % 5],
            summary: format!("Finding number {} about the district", i + 1),
            evidence: vec![(i % 3, 0..5)],
        })
        .collect();
    a.set_findings(findings, mono().selected);
    a.update(Action::ToggleFindings);
    for _ in 0..25 {
        a.update(Action::ScrollDown);
    }
    let t = text(&render(&a, &mono(), 100, 24));
    assert!(t.contains("▶ F26 "), "{t}");
    assert!(t.contains("Findings (30)"), "{t}");
    assert!(!t.contains(" F1 "), "scrolled past the first: {t}");
    insta::assert_snapshot!(t);
    a.update(Action::Choose);
    let t = text(&render(&a, &mono(), 100, 24));
    assert!(t.contains("F26/30 conflict"), "{t}");
    // Review marks show in words, in the status bar and in the list.
    a.update(Action::Confirm);
    let t = text(&render(&a, &mono(), 100, 24));
    assert!(t.contains("F26/30 conflict ✓ confirmed"), "{t}");
    a.update(Action::ToggleFindings);
    a.update(Action::ScrollUp);
    a.update(Action::Dismiss);
    let t = text(&render(&a, &mono(), 100, 24));
    assert!(
        t.contains("▶ F25 agree    ✗ dismissed Finding number 25"),
        "{t}"
    );
    assert!(
        t.contains("  F24 unique               Finding number 24"),
        "{t}"
    );
    insta::assert_snapshot!("findings_list_with_marks", t);
}

/// a opens a note window on the selected finding; the list and the status
/// bar then show that the finding has a note.
#[test]
fn note_window_and_note_marks() {
    use crosscheck::compare::Verdict;
    use crosscheck::tui::findings::FindingNav;
    let analysis = fixture::analysis(small_sources(2));
    let mut a = app(&analysis, 90, 20);
    a.set_findings(
        vec![FindingNav {
            key: "k".into(),
            verdict: Verdict::Conflict,
            summary: "People taken to hospital: 10 vs 11".into(),
            evidence: vec![(0, 0..5), (1, 0..5)],
        }],
        mono().selected,
    );
    a.update(Action::NextFinding);
    a.update(Action::Annotate);
    for c in "Hospital lists differ; call both.".chars() {
        a.update(Action::Type(c));
    }
    let t = text(&render(&a, &mono(), 90, 20));
    assert!(t.contains("Note on F1"), "{t}");
    assert!(t.contains("Hospital lists differ; call both.▏"), "{t}");
    assert!(t.lines().last().unwrap().contains("Enter save note"), "{t}");
    insta::assert_snapshot!(t);
    a.update(Action::Choose);
    let t = text(&render(&a, &mono(), 90, 20));
    assert!(t.contains("F1/1 conflict ✎ note"), "{t}");
    a.update(Action::ToggleFindings);
    let t = text(&render(&a, &mono(), 90, 20));
    assert!(t.contains("▶ F1 conflict ✎ People taken"), "{t}");
}
