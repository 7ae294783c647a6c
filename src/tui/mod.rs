//! The terminal interface: app state, actions, key map, update, drawing.
//!
//! Keys and mouse events become [`Action`]s through the [`KeyMap`];
//! [`App::update`] applies them; [`draw::draw`] renders the state.

pub mod action;
pub mod aligned;
pub mod app;
pub mod draw;
pub mod findings;
#[doc(hidden)]
pub mod fixture;
pub mod geometry;
pub mod highlight;
pub mod input;
pub mod keymap;
pub mod search;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod views;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};

pub use action::Action;
pub use app::{App, Effect};
pub use highlight::{Highlight, Highlights};
pub use keymap::KeyMap;
pub use theme::Theme;

use crate::analysis::Analysis;
use crate::report::ExportFormat;
use crate::review::ReviewStore;

/// Lines scrolled per mouse wheel step.
const WHEEL_LINES: i32 = 3;

/// Run the interactive reader until the user quits.
pub fn run(analysis: Analysis) -> anyhow::Result<()> {
    // Read configuration before touching the terminal, so errors print plainly.
    let keymap = KeyMap::load_user()?;
    let theme = Theme::from_env();
    let mut session = terminal::Session::start()?;
    let size = session.terminal.size()?;
    let mut app = App::new(&analysis, size.width, size.height);
    for (i, h) in highlight::from_analysis(&analysis, &theme)
        .into_iter()
        .enumerate()
    {
        app.set_highlights(i, h.spans().to_vec());
    }
    app.set_findings(findings::from_analysis(&analysis), theme.selected);
    app.set_search_styles(theme.search_match, theme.search_current);
    app.set_help_lines(draw::help_lines(&keymap));
    // Review marks persist per corpus; without a store the reader still
    // works, and says the marks will not be kept.
    let mut store = match ReviewStore::open(&analysis.sources) {
        Ok((store, warning)) => {
            app.warning = warning;
            let marks = store
                .reviews()
                .iter()
                .filter_map(|(key, r)| Some((key.clone(), r.status?)))
                .collect();
            app.set_reviews(marks);
            let notes = store
                .reviews()
                .iter()
                .filter_map(|(key, r)| Some((key.clone(), r.note.clone()?)))
                .collect();
            app.set_notes(notes);
            Some(store)
        }
        Err(e) => {
            app.message = Some(format!("review marks will not be saved: {e}"));
            None
        }
    };
    let ui = draw::Ui {
        theme: &theme,
        keymap: &keymap,
    };
    while !app.quit {
        session
            .terminal
            .draw(|frame| draw::draw(frame, &app, &ui))?;
        if let Some(action) = to_action(event::read()?, &keymap, app.typing()) {
            app.update(action);
        }
        for effect in app.take_effects() {
            match effect {
                Effect::SaveReview { key, status } => {
                    let saved = store.as_mut().map(|s| s.set_status(&key, status));
                    if let Some(Err(e)) = saved {
                        app.message = Some(format!("review mark not saved: {e}"));
                    }
                }
                Effect::SaveNote { key, note } => {
                    let saved = store.as_mut().map(|s| s.set_note(&key, note));
                    if let Some(Err(e)) = saved {
                        app.message = Some(format!("note not saved: {e}"));
                    }
                }
                Effect::Export { path, format } => {
                    app.message = Some(export(&analysis, &app, &path, format));
                }
            }
        }
        session.set_mouse(app.mouse)?;
    }
    Ok(())
}

/// Write the report with the reader's reviews; the line for the status bar.
fn export(analysis: &Analysis, app: &App, path: &std::path::Path, format: ExportFormat) -> String {
    let report = crate::report::render(
        analysis,
        &app.reviews_for_export(),
        &crate::report::Filter::default(),
        format,
    );
    let inputs: Vec<std::path::PathBuf> = analysis.sources.iter().map(|s| s.path.clone()).collect();
    match crate::report::write_atomic(path, report.as_bytes(), &inputs) {
        Ok(()) => format!("Exported {} to {}", format.extension(), path.display()),
        Err(e) => format!("Export failed: {e}"),
    }
}

/// Translate a terminal event into an action, if it means one.
///
/// Key releases are ignored (terminals with the kitty protocol report them).
/// While `typing` (a text field is open) characters are text; editing keys
/// (Backspace, Delete, arrows, Home, End) edit, Enter and Esc accept and
/// cancel, Tab/↑/↓ cycle a dialog's choice, and the force-quit key quits.
pub fn to_action(event: Event, keymap: &KeyMap, typing: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Release => None,
        Event::Key(key) if typing => {
            let plain = !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match key.code {
                KeyCode::Char(c) if plain => Some(Action::Type(c)),
                KeyCode::Backspace => Some(Action::DeleteBack),
                KeyCode::Delete => Some(Action::DeleteForward),
                KeyCode::Left => Some(Action::CursorLeft),
                KeyCode::Right => Some(Action::CursorRight),
                KeyCode::Home => Some(Action::CursorHome),
                KeyCode::End => Some(Action::CursorEnd),
                KeyCode::Tab => Some(Action::FocusNext),
                KeyCode::BackTab => Some(Action::FocusPrev),
                KeyCode::Up => Some(Action::ScrollUp),
                KeyCode::Down => Some(Action::ScrollDown),
                KeyCode::Enter => Some(Action::Choose),
                KeyCode::Esc => Some(Action::CloseOverlay),
                _ => keymap.action(key).filter(|a| *a == Action::ForceQuit),
            }
        }
        Event::Key(key) => keymap.action(key),
        Event::Mouse(mouse) => {
            let delta = match mouse.kind {
                MouseEventKind::ScrollDown => WHEEL_LINES,
                MouseEventKind::ScrollUp => -WHEEL_LINES,
                _ => return None,
            };
            Some(Action::MouseScroll {
                x: mouse.column,
                y: mouse.row,
                delta,
            })
        }
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventState, KeyModifiers, MouseEvent};

    #[test]
    fn events_become_actions() {
        let keymap = KeyMap::defaults();
        let press = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(to_action(press, &keymap, false), Some(Action::ScrollDown));
        let release = Event::Key(KeyEvent::new_with_kind_and_state(
            KeyCode::Char('j'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
            KeyEventState::NONE,
        ));
        assert_eq!(to_action(release, &keymap, false), None);
        let wheel = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 7,
                row: 3,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            to_action(wheel(MouseEventKind::ScrollUp), &keymap, false),
            Some(Action::MouseScroll {
                x: 7,
                y: 3,
                delta: -WHEEL_LINES
            })
        );
        assert_eq!(
            to_action(wheel(MouseEventKind::Moved), &keymap, false),
            None
        );
        assert_eq!(
            to_action(Event::Resize(80, 24), &keymap, false),
            Some(Action::Resize {
                width: 80,
                height: 24
            })
        );
        assert_eq!(to_action(Event::FocusGained, &keymap, false), None);
        // In a text field, letters are text and Ctrl-C still quits.
        let key = |code, m| Event::Key(KeyEvent::new(code, m));
        let none = KeyModifiers::NONE;
        assert_eq!(
            to_action(key(KeyCode::Char('q'), none), &keymap, true),
            Some(Action::Type('q'))
        );
        assert_eq!(
            to_action(key(KeyCode::Char('Q'), KeyModifiers::SHIFT), &keymap, true),
            Some(Action::Type('Q'))
        );
        assert_eq!(
            to_action(key(KeyCode::Backspace, none), &keymap, true),
            Some(Action::DeleteBack)
        );
        assert_eq!(
            to_action(key(KeyCode::Enter, none), &keymap, true),
            Some(Action::Choose)
        );
        assert_eq!(
            to_action(key(KeyCode::Esc, none), &keymap, true),
            Some(Action::CloseOverlay)
        );
        assert_eq!(
            to_action(
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                &keymap,
                true
            ),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            to_action(
                key(KeyCode::Char('d'), KeyModifiers::CONTROL),
                &keymap,
                true
            ),
            None
        );
        // Editing keys edit; Tab and the arrows cycle a dialog's choice;
        // command keys ('+', ']', space) are text.
        for (code, action) in [
            (KeyCode::Left, Action::CursorLeft),
            (KeyCode::Right, Action::CursorRight),
            (KeyCode::Home, Action::CursorHome),
            (KeyCode::End, Action::CursorEnd),
            (KeyCode::Delete, Action::DeleteForward),
            (KeyCode::Tab, Action::FocusNext),
            (KeyCode::Down, Action::ScrollDown),
            (KeyCode::Char('+'), Action::Type('+')),
            (KeyCode::Char(']'), Action::Type(']')),
            (KeyCode::Char(' '), Action::Type(' ')),
        ] {
            assert_eq!(to_action(key(code, none), &keymap, true), Some(action));
        }
        // Outside a field, Home is "top" and ] the next finding.
        assert_eq!(
            to_action(key(KeyCode::Home, none), &keymap, false),
            Some(Action::Top)
        );
        assert_eq!(
            to_action(key(KeyCode::Char(']'), none), &keymap, false),
            Some(Action::NextFinding)
        );
    }
}
