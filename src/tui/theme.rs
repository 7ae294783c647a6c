//! Styles, read from `assets/theme.toml`. With NO_COLOR set (and non-empty)
//! colours are dropped and each style's `mono` modifiers are used instead.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::compare::Verdict;

const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// Every style the reader draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub title_focus: Style,
    pub meta: Style,
    /// The line under a column's header.
    pub rule: Style,
    pub text: Style,
    pub status: Style,
    pub status_key: Style,
    pub help_border: Style,
    pub help_key: Style,
    pub help_text: Style,
    pub notice: Style,
    /// Claims, by the verdict of their finding.
    pub verdict_conflict: Style,
    pub verdict_partial: Style,
    pub verdict_variant: Style,
    pub verdict_unique: Style,
    pub verdict_agree: Style,
    /// The evidence of the selected finding.
    pub selected: Style,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
    #[serde(default)]
    mono: Vec<String>,
}

impl Theme {
    /// The built-in theme; `no_color` drops every colour.
    pub fn new(no_color: bool) -> Theme {
        Theme::parse(DEFAULT_THEME, no_color).expect("the built-in theme is valid")
    }

    /// The built-in theme, honouring the NO_COLOR environment variable.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(no_color)
    }

    /// Parse theme TOML.
    pub fn parse(text: &str, no_color: bool) -> Result<Theme, String> {
        let specs: BTreeMap<String, StyleSpec> = toml::from_str(text).map_err(|e| e.to_string())?;
        let get = |name: &str| -> Result<Style, String> {
            match specs.get(name) {
                Some(spec) => spec.style(no_color).map_err(|e| format!("[{name}]: {e}")),
                None => Ok(Style::default()),
            }
        };
        Ok(Theme {
            border: get("border")?,
            border_focus: get("border_focus")?,
            title: get("title")?,
            title_focus: get("title_focus")?,
            meta: get("meta")?,
            rule: get("rule")?,
            text: get("text")?,
            status: get("status")?,
            status_key: get("status_key")?,
            help_border: get("help_border")?,
            help_key: get("help_key")?,
            help_text: get("help_text")?,
            notice: get("notice")?,
            verdict_conflict: get("verdict_conflict")?,
            verdict_partial: get("verdict_partial")?,
            verdict_variant: get("verdict_variant")?,
            verdict_unique: get("verdict_unique")?,
            verdict_agree: get("verdict_agree")?,
            selected: get("selected")?,
        })
    }
}

impl Theme {
    /// The style of claims whose finding has this verdict.
    pub fn verdict(&self, verdict: Verdict) -> Style {
        match verdict {
            Verdict::Conflict => self.verdict_conflict,
            Verdict::Partial => self.verdict_partial,
            Verdict::Variant => self.verdict_variant,
            Verdict::Unique => self.verdict_unique,
            Verdict::Agree => self.verdict_agree,
        }
    }
}

impl StyleSpec {
    fn style(&self, no_color: bool) -> Result<Style, String> {
        let mut style = Style::default();
        if no_color {
            for m in &self.mono {
                style = style.add_modifier(modifier(m)?);
            }
            return Ok(style);
        }
        if let Some(fg) = &self.fg {
            style = style.fg(Color::from_str(fg).map_err(|_| format!("bad colour '{fg}'"))?);
        }
        if let Some(bg) = &self.bg {
            style = style.bg(Color::from_str(bg).map_err(|_| format!("bad colour '{bg}'"))?);
        }
        for m in &self.modifiers {
            style = style.add_modifier(modifier(m)?);
        }
        // Validate mono names even when colours are on.
        for m in &self.mono {
            modifier(m)?;
        }
        Ok(style)
    }
}

fn modifier(name: &str) -> Result<Modifier, String> {
    Ok(match name {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "reversed" => Modifier::REVERSED,
        "crossed_out" => Modifier::CROSSED_OUT,
        _ => return Err(format!("unknown modifier '{name}'")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_has_no_colours_but_keeps_focus_visible() {
        let t = Theme::new(true);
        for s in [
            t.border,
            t.border_focus,
            t.title,
            t.title_focus,
            t.meta,
            t.rule,
            t.text,
            t.status,
            t.status_key,
            t.help_border,
            t.help_key,
            t.help_text,
            t.notice,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.border_focus.add_modifier.contains(Modifier::BOLD));
        assert_ne!(t.title, t.title_focus);
        assert!(t.status.add_modifier.contains(Modifier::REVERSED));
        // Each verdict keeps a mark of its own without colour.
        let marks: Vec<Style> = Verdict::ALL.iter().map(|&v| t.verdict(v)).collect();
        for (i, a) in marks.iter().enumerate() {
            assert_ne!(*a, Style::default(), "{:?}", Verdict::ALL[i]);
            assert_eq!((a.fg, a.bg), (None, None));
            for b in &marks[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn colour_theme_has_colours() {
        let t = Theme::new(false);
        assert_eq!(t.border_focus.fg, Some(Color::Cyan));
        assert_eq!(t.status.bg, Some(Color::DarkGray));
    }

    #[test]
    fn bad_theme_is_reported() {
        assert!(
            Theme::parse("[border]\nfg = \"nocolour\"\n", false)
                .unwrap_err()
                .contains("border")
        );
        assert!(Theme::parse("[border]\nmodifiers = [\"blink2\"]\n", false).is_err());
    }
}
