//! Terminal setup and restore: alternate screen, raw mode, mouse capture.
//! The terminal is restored on normal exit, on error (Drop) and on panic.

use std::io::stdout;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

/// The terminal in reader mode; restored when dropped.
pub struct Session {
    pub terminal: DefaultTerminal,
    mouse: bool,
}

impl Session {
    /// Enter the alternate screen and raw mode.
    pub fn start() -> std::io::Result<Session> {
        // ratatui::try_init installs a panic hook that leaves raw mode and
        // the alternate screen, then calls the previous hook. Ours goes on
        // top of it to turn mouse capture off first (ratatui does not).
        let terminal = ratatui::try_init()?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        Ok(Session {
            terminal,
            mouse: false,
        })
    }

    /// Turn mouse capture on or off (no-op when unchanged).
    pub fn set_mouse(&mut self, on: bool) -> std::io::Result<()> {
        if on != self.mouse {
            if on {
                execute!(stdout(), EnableMouseCapture)?;
            } else {
                execute!(stdout(), DisableMouseCapture)?;
            }
            self.mouse = on;
        }
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.mouse {
            let _ = execute!(stdout(), DisableMouseCapture);
        }
        let _ = self.terminal.show_cursor();
        ratatui::restore();
    }
}
