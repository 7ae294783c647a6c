//! Everything the user can ask the reader to do. Keys and mouse events are
//! translated into an [`Action`] (see `keymap`); `App::update` applies it.

/// One user intent. The key-bindable ones have a name (used in the key map
/// file) and a description (used by the help overlay).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Quit; with an overlay open, close the overlay instead.
    Quit,
    /// Quit even with an overlay open.
    ForceQuit,
    CloseOverlay,
    FocusNext,
    FocusPrev,
    /// Focus column n (0-based).
    Focus(usize),
    ScrollDown,
    ScrollUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    ToggleSync,
    ToggleHelp,
    ToggleMouse,
    /// Show the previous page of columns (when not all fit).
    PageColumnsLeft,
    /// Show the next page of columns.
    PageColumnsRight,
    /// Select the next finding: every column scrolls to its evidence.
    NextFinding,
    /// Select the previous finding.
    PrevFinding,
    /// Open/close the list of findings.
    ToggleFindings,
    /// Take the item under the cursor of a list (jump to the finding).
    Choose,
    /// Mark the current finding confirmed (again: clear the mark).
    Confirm,
    /// Mark the current finding dismissed (again: clear the mark).
    Dismiss,
    /// Write a note on the current finding.
    Annotate,
    /// A character typed into a text field (only while one is open).
    Type(char),
    /// Delete the character before the cursor of a text field.
    DeleteBack,
    /// The terminal was resized.
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel at screen position (x, y); delta in lines, positive = down.
    MouseScroll {
        x: u16,
        y: u16,
        delta: i32,
    },
}

/// Highest column reachable with a digit key.
pub const MAX_DIGIT_FOCUS: usize = 9;

impl Action {
    /// Every key-bindable action, in help order.
    pub fn bindable() -> Vec<Action> {
        let mut all = vec![
            Action::Quit,
            Action::ForceQuit,
            Action::CloseOverlay,
            Action::ToggleHelp,
            Action::FocusNext,
            Action::FocusPrev,
        ];
        all.extend((0..MAX_DIGIT_FOCUS).map(Action::Focus));
        all.extend([
            Action::ScrollDown,
            Action::ScrollUp,
            Action::HalfPageDown,
            Action::HalfPageUp,
            Action::PageDown,
            Action::PageUp,
            Action::Top,
            Action::Bottom,
            Action::NextFinding,
            Action::PrevFinding,
            Action::ToggleFindings,
            Action::Choose,
            Action::Confirm,
            Action::Dismiss,
            Action::Annotate,
            Action::ToggleSync,
            Action::PageColumnsLeft,
            Action::PageColumnsRight,
            Action::ToggleMouse,
        ]);
        all
    }

    /// The name used in keymap.toml, or None for actions that are not keys.
    pub fn name(self) -> Option<String> {
        let name = match self {
            Action::Quit => "quit",
            Action::ForceQuit => "force_quit",
            Action::CloseOverlay => "close_overlay",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::Focus(n) => return Some(format!("focus_{}", n + 1)),
            Action::ScrollDown => "scroll_down",
            Action::ScrollUp => "scroll_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::ToggleSync => "toggle_sync",
            Action::ToggleHelp => "toggle_help",
            Action::ToggleMouse => "toggle_mouse",
            Action::PageColumnsLeft => "columns_left",
            Action::PageColumnsRight => "columns_right",
            Action::NextFinding => "next_finding",
            Action::PrevFinding => "prev_finding",
            Action::ToggleFindings => "findings_list",
            Action::Choose => "choose",
            Action::Confirm => "confirm",
            Action::Dismiss => "dismiss",
            Action::Annotate => "note",
            Action::Resize { .. }
            | Action::MouseScroll { .. }
            | Action::Type(_)
            | Action::DeleteBack => return None,
        };
        Some(name.to_string())
    }

    /// Parse a key map name ("quit", "focus_3", ...).
    pub fn from_name(name: &str) -> Option<Action> {
        Action::bindable()
            .into_iter()
            .find(|a| a.name().as_deref() == Some(name))
    }

    /// What the action does, for the help overlay.
    pub fn description(self) -> String {
        let text = match self {
            Action::Quit => "quit (closes a window first)",
            Action::ForceQuit => "quit at once",
            Action::CloseOverlay => "close a window / clear the selected finding",
            Action::FocusNext => "focus next column",
            Action::FocusPrev => "focus previous column",
            Action::Focus(n) => return format!("focus column {}", n + 1),
            Action::ScrollDown => "scroll down a line",
            Action::ScrollUp => "scroll up a line",
            Action::HalfPageDown => "scroll down half a page",
            Action::HalfPageUp => "scroll up half a page",
            Action::PageDown => "scroll down a page",
            Action::PageUp => "scroll up a page",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::ToggleSync => "synchronised scrolling on/off",
            Action::ToggleHelp => "show/hide this help",
            Action::ToggleMouse => "mouse wheel capture on/off",
            Action::PageColumnsLeft => "show previous columns",
            Action::PageColumnsRight => "show next columns",
            Action::NextFinding => "next finding: columns jump to their evidence",
            Action::PrevFinding => "previous finding",
            Action::ToggleFindings => "list of findings (j/k move, Enter jumps)",
            Action::Choose => "jump to the finding under the cursor",
            Action::Confirm => "mark the finding confirmed (again: unmark)",
            Action::Dismiss => "mark the finding dismissed (again: unmark)",
            Action::Annotate => "write a note on the finding (Enter saves)",
            Action::Type(_) => "type a character",
            Action::DeleteBack => "delete a character",
            Action::Resize { .. } => "terminal resized",
            Action::MouseScroll { .. } => "mouse wheel",
        };
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::bindable() {
            let name = a.name().expect("bindable actions have names");
            assert_eq!(Action::from_name(&name), Some(a), "{name}");
        }
        assert_eq!(Action::from_name("focus_10"), None);
        assert_eq!(Action::from_name("resize"), None);
    }
}
