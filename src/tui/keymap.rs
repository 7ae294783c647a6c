//! The key map is data: `assets/keymap.toml` holds the defaults, a user file
//! may override them. It maps keys to [`Action`]s and describes itself for
//! the help overlay, so rebinding a key shows in the help.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// A key with its modifiers, normalised so that lookups match what
/// terminals send (shift is folded into the character itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        // "G" arrives as Char('G') + SHIFT, Shift-Tab as BackTab + SHIFT:
        // the shift is already in the code, so drop it to compare.
        let modifiers = match code {
            KeyCode::Char(_) | KeyCode::BackTab => modifiers - KeyModifiers::SHIFT,
            _ => modifiers,
        };
        let modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        Key { code, modifiers }
    }

    /// Parse "q", "ctrl-c", "shift-tab", "f1", "pagedown", "?" ...
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        // A single "-" is the minus key, not a separator.
        while rest.len() > 1 {
            let lower = rest.to_ascii_lowercase();
            let (prefix, m) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            modifiers |= m;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if modifiers.contains(KeyModifiers::SHIFT) && c.is_ascii_alphabetic() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else if modifiers.contains(KeyModifiers::CONTROL) {
                    // Terminals report ctrl-letters in lower case.
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            (None, _) => return Err(format!("empty key in '{text}'")),
            _ => match rest.to_ascii_lowercase().as_str() {
                "tab" if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "insert" => KeyCode::Insert,
                "delete" | "del" => KeyCode::Delete,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(format!("unknown key '{text}'")),
                },
                _ => return Err(format!("unknown key '{text}'")),
            },
        };
        Ok(Key::new(code, modifiers))
    }
}

impl From<KeyEvent> for Key {
    fn from(event: KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// A problem in a key map file; the message names the file.
#[derive(Debug, thiserror::Error)]
#[error("key map {path}: {message}")]
pub struct KeyMapError {
    pub path: PathBuf,
    pub message: String,
}

/// Keys bound to actions.
#[derive(Debug, Clone)]
pub struct KeyMap {
    /// Keys of each action, in file order.
    bindings: BTreeMap<String, (Action, Vec<Key>)>,
    lookup: HashMap<Key, Action>,
}

impl KeyMap {
    /// The built-in key map.
    pub fn defaults() -> KeyMap {
        let mut map = KeyMap {
            bindings: BTreeMap::new(),
            lookup: HashMap::new(),
        };
        map.merge(DEFAULT_KEYMAP, Path::new("assets/keymap.toml"))
            .expect("the built-in key map is valid");
        map
    }

    /// The defaults with the user's file merged over them, if it exists.
    pub fn load_user() -> Result<KeyMap, KeyMapError> {
        let mut map = KeyMap::defaults();
        if let Some(path) = user_keymap_path() {
            map.merge_file(&path)?;
        }
        Ok(map)
    }

    /// The platform's place for a user key map.
    pub fn user_path() -> Option<PathBuf> {
        user_keymap_path()
    }

    /// Merge a file over this map; a missing file is not an error.
    pub fn merge_file(&mut self, path: &Path) -> Result<(), KeyMapError> {
        match std::fs::read_to_string(path) {
            Ok(text) => self.merge(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(KeyMapError {
                path: path.to_path_buf(),
                message: format!("cannot read: {e}"),
            }),
        }
    }

    /// Merge key map TOML over this map: each action listed replaces its
    /// keys, and the keys it takes are removed from other actions.
    pub fn merge(&mut self, text: &str, path: &Path) -> Result<(), KeyMapError> {
        let err = |message: String| KeyMapError {
            path: path.to_path_buf(),
            message,
        };
        let table: toml::Table = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let mut parsed = Vec::new();
        for (name, value) in &table {
            let action = Action::from_name(name).ok_or_else(|| {
                err(format!(
                    "unknown action '{name}' (known: {})",
                    Action::bindable()
                        .iter()
                        .filter_map(|a| a.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            let list = match value {
                toml::Value::Array(items) => items.clone(),
                toml::Value::String(_) => vec![value.clone()],
                _ => return Err(err(format!("'{name}' must be a list of keys"))),
            };
            let mut keys = Vec::new();
            for item in list {
                let text = item
                    .as_str()
                    .ok_or_else(|| err(format!("'{name}': keys must be strings")))?;
                keys.push(Key::parse(text).map_err(|m| err(format!("'{name}': {m}")))?);
            }
            parsed.push((name.clone(), action, keys));
        }
        for (_, _, keys) in &parsed {
            for (_, other) in self.bindings.values_mut() {
                other.retain(|k| !keys.contains(k));
            }
        }
        for (name, action, keys) in parsed {
            self.bindings.insert(name, (action, keys));
        }
        self.lookup = self
            .bindings
            .values()
            .flat_map(|(a, keys)| keys.iter().map(move |k| (*k, *a)))
            .collect();
        Ok(())
    }

    /// The action bound to a key press, if any.
    pub fn action(&self, key: impl Into<Key>) -> Option<Action> {
        self.lookup.get(&key.into()).copied()
    }

    /// Keys bound to an action.
    pub fn keys(&self, action: Action) -> &[Key] {
        action
            .name()
            .and_then(|n| self.bindings.get(&n))
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The first key of an action, for hints ("q"), or None when unbound.
    pub fn hint(&self, action: Action) -> Option<String> {
        self.keys(action).first().map(Key::to_string)
    }

    /// Help lines (keys, description) in help order; the digit focus keys
    /// are folded into one line when they are bound in the usual way.
    pub fn help(&self) -> Vec<(String, String)> {
        let mut lines = Vec::new();
        let focus_keys: Vec<Vec<Key>> = (0..super::action::MAX_DIGIT_FOCUS)
            .map(|n| self.keys(Action::Focus(n)).to_vec())
            .collect();
        let digits_usual = focus_keys.iter().enumerate().all(|(n, keys)| {
            keys.len() == 1
                && keys[0]
                    == Key::new(
                        KeyCode::Char(char::from(b'1' + n as u8)),
                        KeyModifiers::NONE,
                    )
        });
        for action in Action::bindable() {
            if let Action::Focus(n) = action
                && digits_usual
            {
                if n == 0 {
                    lines.push(("1…9".to_string(), "focus column 1 to 9".to_string()));
                }
                continue;
            }
            let keys = self.keys(action);
            if keys.is_empty() {
                continue;
            }
            let keys = keys
                .iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join(" ");
            lines.push((keys, action.description()));
        }
        lines
    }
}

fn user_keymap_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("crosscheck").join("keymap.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn defaults_bind_the_documented_keys() {
        let map = KeyMap::defaults();
        let none = KeyModifiers::NONE;
        assert_eq!(
            map.action(key(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action(key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::ForceQuit)
        );
        assert_eq!(map.action(key(KeyCode::Tab, none)), Some(Action::FocusNext));
        // Terminals send Shift-Tab as BackTab, sometimes with SHIFT set.
        assert_eq!(
            map.action(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            map.action(key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(map.action(key(KeyCode::Char('g'), none)), Some(Action::Top));
        assert_eq!(
            map.action(key(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            map.action(key(KeyCode::F(1), none)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            map.action(key(KeyCode::Char('3'), none)),
            Some(Action::Focus(2))
        );
        assert_eq!(
            map.action(key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            map.action(key(KeyCode::PageDown, none)),
            Some(Action::PageDown)
        );
        // The comparison keys; shifted symbols arrive with SHIFT set.
        let shift = KeyModifiers::SHIFT;
        for (code, m, action) in [
            (KeyCode::Char(']'), none, Action::NextFinding),
            (KeyCode::Char('['), none, Action::PrevFinding),
            (KeyCode::Char('}'), shift, Action::NextConflict),
            (KeyCode::Char('{'), shift, Action::PrevConflict),
            (KeyCode::Char(' '), none, Action::TogglePanel),
            (KeyCode::Char('f'), none, Action::CycleFilter),
            (KeyCode::Enter, none, Action::Choose),
            (KeyCode::Char('m'), none, Action::ToggleMatrix),
            (KeyCode::Char('a'), none, Action::ToggleAligned),
            (KeyCode::Char('/'), none, Action::Search),
            (KeyCode::Char('n'), none, Action::NextMatch),
            (KeyCode::Char('N'), shift, Action::PrevMatch),
            (KeyCode::Char('+'), shift, Action::Confirm),
            (KeyCode::Char('-'), none, Action::Dismiss),
            (KeyCode::Char('i'), none, Action::Annotate),
            (KeyCode::Char('e'), none, Action::Export),
        ] {
            assert_eq!(map.action(key(code, m)), Some(action), "{code:?}");
        }
        assert_eq!(
            map.keys(Action::PageDown),
            &[Key::parse("pagedown").unwrap()]
        );
        assert_eq!(map.action(key(KeyCode::Char('z'), none)), None);
        // Ctrl-q is not q.
        assert_eq!(
            map.action(key(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn every_bindable_action_has_a_default_key() {
        let map = KeyMap::defaults();
        for a in Action::bindable() {
            assert!(!map.keys(a).is_empty(), "{a:?} unbound");
        }
    }

    #[test]
    fn user_file_overrides_and_steals_keys() {
        let mut map = KeyMap::defaults();
        map.merge(
            "quit = [\"x\"]\ntoggle_sync = [\"j\"]\n",
            Path::new("user.toml"),
        )
        .unwrap();
        let none = KeyModifiers::NONE;
        assert_eq!(
            map.action(key(KeyCode::Char('x'), none)),
            Some(Action::Quit)
        );
        assert_eq!(map.action(key(KeyCode::Char('q'), none)), None);
        assert_eq!(
            map.action(key(KeyCode::Char('j'), none)),
            Some(Action::ToggleSync)
        );
        // j was taken from scroll_down, which keeps Down.
        assert_eq!(map.keys(Action::ScrollDown), &[Key::parse("down").unwrap()]);
        let help = map.help();
        assert!(
            help.contains(&("x".to_string(), Action::Quit.description())),
            "{help:?}"
        );
    }

    #[test]
    fn bad_user_file_names_the_file_and_the_problem() {
        let mut map = KeyMap::defaults();
        let e = map
            .merge("qiut = [\"q\"]", Path::new("/home/u/keymap.toml"))
            .unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("/home/u/keymap.toml") && msg.contains("qiut"),
            "{msg}"
        );
        let e = map
            .merge("quit = [\"ctrl-\"]", Path::new("k.toml"))
            .unwrap_err();
        assert!(e.to_string().contains("k.toml"), "{e}");
        let e = map
            .merge("quit = [\"nosuchkey\"]", Path::new("k.toml"))
            .unwrap_err();
        assert!(e.to_string().contains("nosuchkey"), "{e}");
        let e = map.merge("quit = 3", Path::new("k.toml")).unwrap_err();
        assert!(e.to_string().contains("list of keys"), "{e}");
        let e = map.merge("quit = [", Path::new("k.toml")).unwrap_err();
        assert!(e.to_string().starts_with("key map k.toml"), "{e}");
    }

    #[test]
    fn a_missing_user_file_is_fine() {
        let mut map = KeyMap::defaults();
        map.merge_file(Path::new("/nonexistent/crosscheck/keymap.toml"))
            .unwrap();
        assert_eq!(
            map.action(KeyEvent::from(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
    }

    #[test]
    fn key_parsing() {
        assert_eq!(
            Key::parse("shift-tab").unwrap(),
            Key::parse("backtab").unwrap()
        );
        assert_eq!(Key::parse("-").unwrap().code, KeyCode::Char('-'));
        assert_eq!(Key::parse("ctrl-C").unwrap(), Key::parse("ctrl-c").unwrap());
        assert_eq!(Key::parse("f12").unwrap().code, KeyCode::F(12));
        assert!(Key::parse("f13").is_err());
        assert_eq!(Key::parse("ctrl-d").unwrap().to_string(), "Ctrl-d");
    }
}
