//! The terminal interface: app state, actions, key map, update, drawing.
//!
//! Keys and mouse events become [`Action`]s through the [`KeyMap`];
//! [`App::update`] applies them; [`draw::draw`] renders the state.

pub mod action;
pub mod app;
pub mod draw;
pub mod findings;
#[doc(hidden)]
pub mod fixture;
pub mod highlight;
pub mod keymap;
pub mod terminal;
pub mod text;
pub mod theme;

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};

pub use action::Action;
pub use app::App;
pub use highlight::{Highlight, Highlights};
pub use keymap::KeyMap;
pub use theme::Theme;

use crate::analysis::Analysis;

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
    let ui = draw::Ui {
        theme: &theme,
        keymap: &keymap,
    };
    while !app.quit {
        session
            .terminal
            .draw(|frame| draw::draw(frame, &app, &ui))?;
        if let Some(action) = to_action(event::read()?, &keymap) {
            app.update(action);
        }
        session.set_mouse(app.mouse)?;
    }
    Ok(())
}

/// Translate a terminal event into an action, if it means one.
pub fn to_action(event: Event, keymap: &KeyMap) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap.action(key),
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
