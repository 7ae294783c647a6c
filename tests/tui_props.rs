//! Property tests: any sequence of actions at any size keeps the reader's
//! state consistent and drawable.

use crosscheck::compare::Verdict;
use crosscheck::tui::app::Overlay;
use crosscheck::tui::draw::{Ui, draw};
use crosscheck::tui::findings::FindingNav;
use crosscheck::tui::{Action, App, KeyMap, Theme, fixture};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Style;

fn action() -> impl Strategy<Value = Action> {
    let bindable = Action::bindable();
    prop_oneof![
        4 => proptest::sample::select(bindable),
        1 => any::<char>().prop_map(Action::Type),
        1 => proptest::sample::select(vec![
            Action::DeleteBack,
            Action::DeleteForward,
            Action::CursorLeft,
            Action::CursorRight,
            Action::CursorHome,
            Action::CursorEnd,
        ]),
        1 => (0u16..300, 0u16..80).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => (0u16..300, 0u16..80, -10i32..10)
            .prop_map(|(x, y, delta)| Action::MouseScroll { x, y, delta }),
    ]
}

fn sources(n: usize) -> Vec<crosscheck::corpus::Source> {
    (0..n)
        .map(|i| {
            let text = (0..(3 + i * 4))
                .map(|p| format!("Paragraph {p} of source {i}: the council met again on Thursday evening to discuss the bridge."))
                .collect::<Vec<_>>()
                .join("\n\n");
            fixture::source(&format!("S{}", i + 1), &format!("Source {i}"), &text)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_actions_keep_the_state_consistent(
        n in 0usize..9,
        width in 0u16..260,
        height in 0u16..70,
        actions in proptest::collection::vec(action(), 0..60),
    ) {
        let analysis = fixture::analysis(sources(n));
        let mut app = App::new(&analysis, width, height);
        let findings: Vec<FindingNav> = (0..n)
            .map(|i| FindingNav {
                key: format!("k{i}"),
                verdict: Verdict::ALL[i % 5],
                summary: format!("finding {i}"),
                evidence: vec![(i, 0..9), ((i + 1) % n, 10..20)],
                ..FindingNav::default()
            })
            .collect();
        app.set_findings(findings, Style::new());
        app.set_help_lines(40);
        let keymap = KeyMap::defaults();
        let theme = Theme::new(false);
        let ui = Ui { theme: &theme, keymap: &keymap };
        for action in actions {
            app.update(action);
            let g = app.geometry();
            if n > 0 {
                prop_assert!(app.focus < n);
                prop_assert!(app.visible_columns().contains(&app.focus), "focus on screen");
                prop_assert!(app.visible_columns().end <= n);
            }
            for c in 0..n {
                prop_assert!(app.scroll[c] <= app.max_scroll(c));
            }
            if let Some(i) = app.selected {
                prop_assert!(i < app.findings().len());
            }
            prop_assert!(!app.panel_focus || app.panel_width() > 0, "focus only on a shown panel");
            prop_assert!(app.panel_width() <= g.width.max(app.screen().0));
            if let Some(view) = &app.aligned {
                prop_assert!(view.scroll < view.rows.len().max(1));
                prop_assert!(view.rows.iter().all(|r| r.len() == n));
            }
            if let Some(s) = &app.search {
                prop_assert!(s.current.is_none_or(|i| i < s.matches.len()));
            }
            // A text field's window always has its field.
            if app.overlay == Some(Overlay::Note) {
                prop_assert!(app.note.is_some());
            }
            if app.overlay == Some(Overlay::Export) {
                prop_assert!(app.export.is_some());
            }
            let mut terminal = Terminal::new(TestBackend::new(g.width.min(300), g.height.min(80))).unwrap();
            terminal.draw(|f| draw(f, &app, &ui)).unwrap();
        }
    }
}
