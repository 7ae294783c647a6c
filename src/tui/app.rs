//! Reader state and `update`: pure, no I/O. Drawing reads this state.
//!
//! Synchronised scrolling (on by default) works by proportion: when a column
//! scrolls by some fraction of its scrollable length, every other column
//! moves by the same fraction of its own, so articles of different lengths
//! reach their ends together. It moves by deltas, so the offsets set up by
//! jumping to a finding (n/N: each column shows its own evidence) survive
//! scrolling; top and end (g/G) and turning sync back on realign them.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use ratatui::style::{Modifier, Style};

use super::action::Action;
use super::findings::FindingNav;
pub use super::geometry::{Geometry, MAX_TEXT_WIDTH, MIN_COLUMN_WIDTH, MIN_HEIGHT, MIN_WIDTH};
use super::highlight::{Highlight, Highlights};
use super::text::{self, Doc, Row};
use crate::analysis::Analysis;
use crate::report::ReviewStatus;

/// Past widths whose wrapping is kept, so resizing back and forth is cheap.
const WRAP_CACHE_WIDTHS: usize = 8;

/// A window drawn over the columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The list of findings; the cursor is `App::list_cursor`.
    Findings,
    /// Writing a note on a finding (`App::note`).
    Note,
}

/// A note being written: on which finding, the text so far, and the window
/// to return to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteDraft {
    pub finding: usize,
    pub text: String,
    back_to: Option<Overlay>,
}

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// Something `update` asks the caller to do outside the state (I/O).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save a review mark (None clears it) of the finding with this key.
    SaveReview {
        key: String,
        status: Option<ReviewStatus>,
    },
    /// Save a note (None clears it) on the finding with this key.
    SaveNote { key: String, note: Option<String> },
}

fn titled(docs: &[Doc]) -> bool {
    docs.iter().any(|d| !d.title.is_empty())
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct App {
    docs: Vec<Doc>,
    /// Wrapped rows of each doc at `geometry.text_width`.
    rows: Vec<Vec<Row>>,
    wrap_cache: HashMap<u16, Vec<Vec<Row>>>,
    highlights: Vec<Highlights>,
    geometry: Geometry,
    pub focus: usize,
    /// First visible row of each column.
    pub scroll: Vec<usize>,
    /// Unrounded scroll positions of synced columns, so that small steps
    /// of a long column still add up in a short one.
    exact: Vec<f64>,
    pub sync: bool,
    /// First column shown (columns are paged when not all fit).
    pub first_col: usize,
    pub overlay: Option<Overlay>,
    pub mouse: bool,
    pub quit: bool,
    findings: Vec<FindingNav>,
    /// Index into `findings` of the finding under the cursor.
    pub selected: Option<usize>,
    /// Cursor in the findings list window.
    pub list_cursor: usize,
    /// First help line shown, and how many there are.
    pub help_scroll: usize,
    help_lines: usize,
    /// Review marks by finding key (shown; saved through `Effect`s).
    reviews: BTreeMap<String, ReviewStatus>,
    /// Notes by finding key.
    notes: BTreeMap<String, String>,
    /// The note being written, while `overlay` is `Note`.
    pub note: Option<NoteDraft>,
    effects: Vec<Effect>,
    /// A one-off line for the status bar (cleared by the next action).
    pub message: Option<String>,
    /// The selected finding's evidence, per column (drawn over highlights).
    selection: Vec<Highlights>,
    selection_style: Style,
}

impl App {
    pub fn new(analysis: &Analysis, width: u16, height: u16) -> App {
        let mut docs: Vec<Doc> = analysis.sources.iter().map(Doc::new).collect();
        // Shared wire copy is not independent confirmation: say so up front.
        for shared in &analysis.shared_copy {
            for (this, other) in [(shared.a, shared.b), (shared.b, shared.a)] {
                if let (Some(id), Some(doc)) = (
                    analysis.sources.get(other).map(|s| s.id.clone()),
                    docs.get_mut(this),
                ) {
                    let percent = (shared.score * 100.0).round();
                    doc.meta
                        .push_str(&format!(" · shares {percent}% of its text with {id}"));
                }
            }
        }
        let geometry = Geometry::new(width, height, docs.len(), titled(&docs));
        let rows = docs
            .iter()
            .map(|d| text::wrap(d, geometry.text_width))
            .collect();
        let n = docs.len();
        App {
            docs,
            rows,
            wrap_cache: HashMap::new(),
            highlights: vec![Highlights::default(); n],
            geometry,
            focus: 0,
            scroll: vec![0; n],
            exact: vec![0.0; n],
            sync: true,
            first_col: 0,
            overlay: None,
            mouse: false,
            quit: false,
            findings: Vec::new(),
            selected: None,
            list_cursor: 0,
            help_scroll: 0,
            help_lines: 0,
            reviews: BTreeMap::new(),
            notes: BTreeMap::new(),
            note: None,
            effects: Vec::new(),
            message: None,
            selection: vec![Highlights::default(); n],
            selection_style: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The findings n/N step through, and the style marking the selected one.
    pub fn set_findings(&mut self, findings: Vec<FindingNav>, style: Style) {
        self.findings = findings;
        self.selection_style = style;
        self.select(None);
    }

    pub fn findings(&self) -> &[FindingNav] {
        &self.findings
    }

    /// Review marks loaded from the store.
    pub fn set_reviews(&mut self, reviews: BTreeMap<String, ReviewStatus>) {
        self.reviews = reviews;
    }

    /// The review mark of a finding.
    pub fn review(&self, finding: usize) -> Option<ReviewStatus> {
        let key = &self.findings.get(finding)?.key;
        self.reviews.get(key).copied()
    }

    /// Notes loaded from the store.
    pub fn set_notes(&mut self, notes: BTreeMap<String, String>) {
        self.notes = notes;
    }

    /// The note on a finding.
    pub fn note_of(&self, finding: usize) -> Option<&str> {
        let key = &self.findings.get(finding)?.key;
        self.notes.get(key).map(String::as_str)
    }

    /// Whether keys go to a text field (typed characters, not commands).
    pub fn typing(&self) -> bool {
        self.overlay == Some(Overlay::Note)
    }

    /// The finding marks and notes apply to: the list cursor's, else the
    /// selected one; tells the user when there is none.
    fn target(&mut self) -> Option<usize> {
        let target = if self.overlay == Some(Overlay::Findings) {
            Some(self.list_cursor)
        } else {
            self.selected
        };
        let target = target.filter(|&i| i < self.findings.len());
        if target.is_none() {
            self.message = Some("No finding selected: press n or f first.".into());
        }
        target
    }

    fn start_note(&mut self) {
        let Some(finding) = self.target() else { return };
        let text = self.note_of(finding).unwrap_or_default().to_string();
        self.note = Some(NoteDraft {
            finding,
            text,
            back_to: self.overlay,
        });
        self.overlay = Some(Overlay::Note);
    }

    /// Keys while writing a note: characters, Backspace, Enter saves, Esc
    /// cancels.
    fn note_action(&mut self, action: Action) {
        let Some(draft) = self.note.as_mut() else {
            self.overlay = None;
            return;
        };
        match action {
            Action::Type(c) if !c.is_control() && draft.text.chars().count() < MAX_NOTE_CHARS => {
                draft.text.push(c);
            }
            Action::DeleteBack => {
                draft.text.pop();
            }
            Action::Choose => {
                let draft = self.note.take().expect("draft present");
                let key = self.findings[draft.finding].key.clone();
                let text = draft.text.trim().to_string();
                let note = if text.is_empty() {
                    self.notes.remove(&key);
                    None
                } else {
                    self.notes.insert(key.clone(), text.clone());
                    Some(text)
                };
                self.effects.push(Effect::SaveNote { key, note });
                self.overlay = draft.back_to;
            }
            Action::CloseOverlay | Action::Quit => {
                let draft = self.note.take().expect("draft present");
                self.overlay = draft.back_to;
            }
            _ => {}
        }
    }

    /// Effects requested since the last call, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Mark the finding under the list cursor, or else the selected one.
    fn mark(&mut self, status: ReviewStatus) {
        let Some(finding) = self.target() else { return };
        let key = self.findings[finding].key.clone();
        let new = if self.reviews.get(&key) == Some(&status) {
            self.reviews.remove(&key);
            None
        } else {
            self.reviews.insert(key.clone(), status);
            Some(status)
        };
        self.effects.push(Effect::SaveReview { key, status: new });
    }

    /// The selected finding's evidence in a column (empty when none).
    pub fn selection(&self, column: usize) -> &Highlights {
        &self.selection[column]
    }

    /// Select a finding: each column with evidence scrolls so that it sits
    /// a third of the way down; focus goes to the first such column.
    fn select(&mut self, index: Option<usize>) {
        self.selected = index.filter(|&i| i < self.findings.len());
        let n = self.docs.len();
        self.selection = vec![Highlights::default(); n];
        let Some(i) = self.selected else { return };
        let finding = self.findings[i].clone();
        let lead = usize::from(self.geometry.body_height) / 3;
        let mut first = None;
        for column in 0..n {
            let spans: Vec<(Range<usize>, Style)> = finding
                .evidence
                .iter()
                .filter(|(s, _)| *s == column)
                .map(|(_, span)| (span.clone(), self.selection_style))
                .collect();
            if let Some(span) = finding.evidence_in(column) {
                let row = text::row_at(&self.rows[column], span.start);
                self.scroll[column] = row.saturating_sub(lead).min(self.max_scroll(column));
                first.get_or_insert(column);
            }
            self.selection[column] = Highlights::new(spans);
        }
        for c in 0..n {
            self.exact[c] = self.scroll[c] as f64;
        }
        if let Some(column) = first {
            self.set_focus(column);
        }
    }

    /// Tell the state how many lines the help has (it scrolls when the
    /// terminal is shorter).
    pub fn set_help_lines(&mut self, lines: usize) {
        self.help_lines = lines;
    }

    /// Rows of help that fit: the columns area less the window's border.
    pub fn help_rows(&self) -> usize {
        usize::from(self.geometry.height.saturating_sub(3))
    }

    fn help_action(&mut self, action: Action) {
        let max = self.help_lines.saturating_sub(self.help_rows());
        let page = self.help_rows().max(1);
        let at = self.help_scroll;
        self.help_scroll = match action {
            Action::ScrollDown => at + 1,
            Action::ScrollUp => at.saturating_sub(1),
            Action::HalfPageDown | Action::PageDown => at + page / 2,
            Action::HalfPageUp | Action::PageUp => at.saturating_sub(page / 2),
            Action::Top => 0,
            Action::Bottom => max,
            _ => at,
        }
        .min(max);
    }

    /// Keys inside the findings list move its cursor; Choose jumps.
    fn list_action(&mut self, action: Action) {
        let last = self.findings.len().saturating_sub(1);
        let page = usize::from(self.geometry.body_height).max(1);
        let cursor = self.list_cursor;
        self.list_cursor = match action {
            Action::ScrollDown | Action::NextFinding => (cursor + 1).min(last),
            Action::ScrollUp | Action::PrevFinding => cursor.saturating_sub(1),
            Action::HalfPageDown => (cursor + page / 2).min(last),
            Action::HalfPageUp => cursor.saturating_sub(page / 2),
            Action::PageDown => (cursor + page).min(last),
            Action::PageUp => cursor.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Choose => {
                self.overlay = None;
                self.select(Some(cursor));
                cursor
            }
            _ => cursor,
        };
    }

    fn step_finding(&mut self, forward: bool) {
        let n = self.findings.len();
        if n == 0 {
            return;
        }
        let next = match (self.selected, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.select(Some(next));
    }

    pub fn docs(&self) -> &[Doc] {
        &self.docs
    }

    pub fn rows(&self, column: usize) -> &[Row] {
        &self.rows[column]
    }

    pub fn geometry(&self) -> Geometry {
        self.geometry
    }

    pub fn highlights(&self, column: usize) -> &Highlights {
        &self.highlights[column]
    }

    /// Style byte ranges of a source's text (see [`Highlights`] for overlaps).
    pub fn set_highlights(
        &mut self,
        column: usize,
        spans: impl IntoIterator<Item = impl Into<Highlight>>,
    ) {
        if column < self.highlights.len() {
            self.highlights[column] = Highlights::new(spans);
        }
    }

    /// Indices of the columns on screen.
    pub fn visible_columns(&self) -> Range<usize> {
        let end = (self.first_col + self.geometry.visible).min(self.docs.len());
        self.first_col..end
    }

    /// Largest useful scroll offset of a column.
    pub fn max_scroll(&self, column: usize) -> usize {
        self.rows[column]
            .len()
            .saturating_sub(usize::from(self.geometry.body_height))
    }

    /// The column under screen position (x, y), if any.
    pub fn column_at(&self, x: u16, y: u16) -> Option<usize> {
        let g = self.geometry;
        if g.too_small || y >= g.height.saturating_sub(1) {
            return None;
        }
        (0..self.visible_columns().len())
            .find(|&k| g.column_x(k).contains(&x))
            .map(|k| self.first_col + k)
    }

    pub fn update(&mut self, action: Action) {
        let n = self.docs.len();
        if !matches!(action, Action::Resize { .. } | Action::MouseScroll { .. }) {
            self.message = None;
        }
        match action {
            Action::ForceQuit => self.quit = true,
            Action::Resize { width, height } => self.resize(width, height),
            _ if self.overlay == Some(Overlay::Note) => self.note_action(action),
            Action::Quit if self.overlay.is_some() => self.overlay = None,
            Action::Quit => self.quit = true,
            Action::CloseOverlay if self.overlay.is_some() => self.overlay = None,
            Action::CloseOverlay => self.select(None),
            Action::ToggleHelp => {
                self.help_scroll = 0;
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                }
            }
            Action::ToggleFindings => match self.overlay {
                Some(Overlay::Findings) => self.overlay = None,
                _ if self.findings.is_empty() => {}
                _ => {
                    self.list_cursor = self.selected.unwrap_or(0);
                    self.overlay = Some(Overlay::Findings);
                }
            },
            Action::ToggleMouse => self.mouse = !self.mouse,
            Action::Annotate if self.overlay != Some(Overlay::Help) => self.start_note(),
            Action::Confirm if self.overlay != Some(Overlay::Help) => {
                self.mark(ReviewStatus::Confirmed)
            }
            Action::Dismiss if self.overlay != Some(Overlay::Help) => {
                self.mark(ReviewStatus::Dismissed)
            }
            _ if self.overlay == Some(Overlay::Findings) => self.list_action(action),
            _ if self.overlay == Some(Overlay::Help) => self.help_action(action),
            // A window covers the columns: navigation waits until it closes.
            _ if self.overlay.is_some() || n == 0 => {}
            Action::FocusNext => self.set_focus((self.focus + 1) % n),
            Action::FocusPrev => self.set_focus((self.focus + n - 1) % n),
            Action::Focus(i) => {
                if i < n {
                    self.set_focus(i);
                }
            }
            Action::ScrollDown => self.scroll_by(self.focus, 1),
            Action::ScrollUp => self.scroll_by(self.focus, -1),
            Action::HalfPageDown => self.scroll_by(self.focus, self.half_page()),
            Action::HalfPageUp => self.scroll_by(self.focus, -self.half_page()),
            Action::PageDown => self.scroll_by(self.focus, self.page()),
            Action::PageUp => self.scroll_by(self.focus, -self.page()),
            Action::Top => self.scroll_to(self.focus, 0),
            Action::Bottom => self.scroll_to(self.focus, usize::MAX),
            Action::ToggleSync => {
                self.sync = !self.sync;
                if self.sync {
                    self.align_to_focus();
                }
            }
            Action::NextFinding => self.step_finding(true),
            Action::PrevFinding => self.step_finding(false),
            // Only lists take a choice; marks wait for the help to close;
            // typing happens in text fields only.
            Action::Choose
            | Action::Confirm
            | Action::Dismiss
            | Action::Annotate
            | Action::Type(_)
            | Action::DeleteBack => {}
            Action::PageColumnsLeft => self.page_columns(-1),
            Action::PageColumnsRight => self.page_columns(1),
            Action::MouseScroll { x, y, delta } => {
                if let Some(col) = self.column_at(x, y) {
                    self.scroll_by(col, delta as isize);
                }
            }
        }
    }

    fn half_page(&self) -> isize {
        (self.geometry.body_height as isize / 2).max(1)
    }

    fn page(&self) -> isize {
        // Keep one line of context.
        (self.geometry.body_height as isize - 1).max(1)
    }

    fn set_focus(&mut self, column: usize) {
        self.focus = column;
        self.ensure_focus_visible();
    }

    fn ensure_focus_visible(&mut self) {
        let visible = self.geometry.visible;
        let n = self.docs.len();
        if self.focus < self.first_col {
            self.first_col = self.focus;
        } else if self.focus >= self.first_col + visible {
            self.first_col = self.focus + 1 - visible;
        }
        self.first_col = self.first_col.min(n.saturating_sub(visible));
    }

    fn page_columns(&mut self, direction: isize) {
        let visible = self.geometry.visible;
        let last_first = self.docs.len().saturating_sub(visible);
        let first = if direction < 0 {
            self.first_col.saturating_sub(visible)
        } else {
            (self.first_col + visible).min(last_first)
        };
        if first != self.first_col {
            // Keep the focus at the same screen position.
            let offset = self.focus.saturating_sub(self.first_col);
            self.first_col = first;
            self.focus = (first + offset).min(self.docs.len() - 1);
        }
    }

    fn scroll_by(&mut self, column: usize, delta: isize) {
        let target = self.scroll[column].saturating_add_signed(delta);
        self.scroll_to(column, target);
    }

    /// Scroll a column; with sync on, the others follow by proportion: each
    /// moves by the same fraction of its own scrollable length. Moving by
    /// deltas keeps the offsets a finding jump set up; reaching the top or
    /// the end takes every column there.
    fn scroll_to(&mut self, column: usize, target: usize) {
        let max = self.max_scroll(column);
        let value = target.min(max);
        let delta = value as f64 - self.scroll[column] as f64;
        self.scroll[column] = value;
        self.exact[column] = value as f64;
        if !self.sync {
            return;
        }
        for other in 0..self.docs.len() {
            if other == column {
                continue;
            }
            let other_max = self.max_scroll(other);
            let exact = if max == 0 || value == 0 {
                0.0
            } else if value == max {
                other_max as f64
            } else {
                (self.exact[other] + delta * other_max as f64 / max as f64)
                    .clamp(0.0, other_max as f64)
            };
            self.exact[other] = exact;
            self.scroll[other] = exact.round() as usize;
        }
    }

    /// Put every column at the focused column's fraction of its length.
    fn align_to_focus(&mut self) {
        let (focus, value) = (self.focus, self.scroll[self.focus]);
        let max = self.max_scroll(focus);
        for other in 0..self.docs.len() {
            let other_max = self.max_scroll(other);
            if other != focus {
                // Rounded value * other_max / max; 0 when nothing scrolls.
                self.scroll[other] = (value * other_max + max / 2).checked_div(max).unwrap_or(0);
            }
            self.exact[other] = self.scroll[other] as f64;
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        let old = self.geometry;
        self.geometry = Geometry::new(width, height, self.docs.len(), titled(&self.docs));
        if self.geometry.text_width != old.text_width {
            // Keep the first visible text of each column on screen.
            let tops: Vec<usize> = (0..self.docs.len())
                .map(|i| text::row_offset(&self.rows[i], self.scroll[i]))
                .collect();
            let new_rows = match self.wrap_cache.remove(&self.geometry.text_width) {
                Some(rows) => rows,
                None => self
                    .docs
                    .iter()
                    .map(|d| text::wrap(d, self.geometry.text_width))
                    .collect(),
            };
            let old_rows = std::mem::replace(&mut self.rows, new_rows);
            if self.wrap_cache.len() >= WRAP_CACHE_WIDTHS {
                self.wrap_cache.clear();
            }
            self.wrap_cache.insert(old.text_width, old_rows);
            for (i, top) in tops.into_iter().enumerate() {
                self.scroll[i] = if self.scroll[i] == 0 {
                    0
                } else {
                    text::row_at(&self.rows[i], top)
                };
            }
        }
        for i in 0..self.docs.len() {
            self.scroll[i] = self.scroll[i].min(self.max_scroll(i));
            self.exact[i] = self.scroll[i] as f64;
        }
        self.ensure_focus_visible();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    fn long_text(paragraphs: usize, tag: &str) -> String {
        (0..paragraphs)
            .map(|i| {
                format!(
                    "Paragraph {i} of {tag} says that the ministry confirmed the figures on Monday."
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn app(sources: usize, width: u16, height: u16) -> App {
        let srcs = (0..sources)
            .map(|i| {
                let id = format!("S{}", i + 1);
                // Different lengths, so proportional sync is visible.
                fixture::source(&id, &format!("Title {id}"), &long_text(10 + 10 * i, &id))
            })
            .collect();
        App::new(&fixture::analysis(srcs), width, height)
    }

    #[test]
    fn quit_and_force_quit() {
        let mut a = app(3, 120, 40);
        a.update(Action::Quit);
        assert!(a.quit);
        let mut a = app(3, 120, 40);
        a.update(Action::ToggleHelp);
        a.update(Action::Quit);
        assert!(!a.quit, "q with help open closes help first");
        assert_eq!(a.overlay, None);
        a.update(Action::ToggleHelp);
        a.update(Action::ForceQuit);
        assert!(a.quit);
    }

    #[test]
    fn help_overlay_opens_closes_and_blocks_navigation() {
        let mut a = app(3, 120, 40);
        a.update(Action::ToggleHelp);
        assert_eq!(a.overlay, Some(Overlay::Help));
        a.update(Action::FocusNext);
        a.update(Action::ScrollDown);
        assert_eq!((a.focus, a.scroll[0]), (0, 0));
        a.update(Action::CloseOverlay);
        assert_eq!(a.overlay, None);
        a.update(Action::ToggleHelp);
        a.update(Action::ToggleHelp);
        assert_eq!(a.overlay, None);
        a.update(Action::CloseOverlay);
        assert!(!a.quit);
    }

    #[test]
    fn help_scrolls_when_the_terminal_is_short() {
        let mut a = app(3, 80, 20);
        a.set_help_lines(30);
        a.update(Action::ToggleHelp);
        let max = 30 - a.help_rows();
        a.update(Action::ScrollDown);
        assert_eq!(a.help_scroll, 1);
        a.update(Action::Bottom);
        assert_eq!(a.help_scroll, max);
        a.update(Action::ScrollDown);
        assert_eq!(a.help_scroll, max, "clamped");
        a.update(Action::ScrollUp);
        assert_eq!(a.help_scroll, max - 1);
        a.update(Action::Top);
        assert_eq!(a.help_scroll, 0);
        assert_eq!(a.scroll, [0, 0, 0], "columns stay");
        a.update(Action::PageDown);
        a.update(Action::ToggleHelp);
        a.update(Action::ToggleHelp);
        assert_eq!(a.help_scroll, 0, "reopening starts at the top");
        // Tall enough: nothing to scroll.
        a.update(Action::Resize {
            width: 80,
            height: 60,
        });
        a.update(Action::ScrollDown);
        assert_eq!(a.help_scroll, 0);
    }

    #[test]
    fn focus_cycles_and_digits_select() {
        let mut a = app(3, 120, 40);
        a.update(Action::FocusNext);
        assert_eq!(a.focus, 1);
        a.update(Action::FocusNext);
        a.update(Action::FocusNext);
        assert_eq!(a.focus, 0, "wraps around");
        a.update(Action::FocusPrev);
        assert_eq!(a.focus, 2);
        a.update(Action::Focus(1));
        assert_eq!(a.focus, 1);
        a.update(Action::Focus(7));
        assert_eq!(a.focus, 1, "no such column");
    }

    #[test]
    fn scrolling_clamps_and_sync_follows_by_proportion() {
        let mut a = app(3, 120, 40);
        let body = usize::from(a.geometry().body_height);
        // Focus the longest column, so page moves are not clamped.
        a.update(Action::Focus(2));
        assert!(a.max_scroll(2) > 2 * body, "fixture long enough");
        a.update(Action::ScrollDown);
        a.update(Action::ScrollDown);
        assert_eq!(a.scroll[2], 2);
        a.update(Action::HalfPageDown);
        assert_eq!(a.scroll[2], 2 + body / 2);
        let s = a.scroll[2];
        let expect = |col: usize| (s * a.max_scroll(col) + a.max_scroll(2) / 2) / a.max_scroll(2);
        assert_eq!(a.scroll[0], expect(0), "{:?}", a.scroll);
        assert_eq!(a.scroll[1], expect(1), "{:?}", a.scroll);
        assert!(
            a.scroll[0] < a.scroll[1] && a.scroll[1] < a.scroll[2],
            "{:?}",
            a.scroll
        );
        a.update(Action::HalfPageUp);
        a.update(Action::ScrollUp);
        assert_eq!(a.scroll[2], 1);
        a.update(Action::PageDown);
        assert_eq!(a.scroll[2], 1 + body - 1);
        a.update(Action::PageUp);
        a.update(Action::PageUp);
        assert_eq!(a.scroll, [0, 0, 0]);
        a.update(Action::Bottom);
        assert_eq!(
            a.scroll,
            (0..3).map(|i| a.max_scroll(i)).collect::<Vec<_>>()
        );
        a.update(Action::ScrollDown);
        assert_eq!(a.scroll[2], a.max_scroll(2), "clamped at the end");
        a.update(Action::Top);
        assert_eq!(a.scroll, [0, 0, 0]);
    }

    #[test]
    fn sync_off_scrolls_one_column_and_on_realigns() {
        let mut a = app(3, 120, 40);
        a.update(Action::ToggleSync);
        assert!(!a.sync);
        a.update(Action::Focus(1));
        a.update(Action::PageDown);
        assert!(a.scroll[1] > 0);
        assert_eq!((a.scroll[0], a.scroll[2]), (0, 0));
        a.update(Action::ToggleSync);
        assert!(a.sync);
        assert!(a.scroll[0] > 0 && a.scroll[2] > 0, "{:?}", a.scroll);
    }

    #[test]
    fn columns_page_when_they_do_not_fit() {
        // 100 columns wide: 3 columns of at least 30.
        let mut a = app(8, 100, 30);
        assert_eq!(a.geometry().visible, 3);
        assert_eq!(a.visible_columns(), 0..3);
        a.update(Action::PageColumnsRight);
        assert_eq!(a.visible_columns(), 3..6);
        assert_eq!(a.focus, 3, "focus stays at its screen position");
        a.update(Action::PageColumnsRight);
        assert_eq!(a.visible_columns(), 5..8);
        a.update(Action::PageColumnsRight);
        assert_eq!(a.visible_columns(), 5..8, "no further");
        a.update(Action::PageColumnsLeft);
        assert_eq!(a.visible_columns(), 2..5);
        a.update(Action::Focus(0));
        assert_eq!(a.visible_columns(), 0..3, "focus off-screen pages");
        a.update(Action::FocusPrev);
        assert_eq!(a.focus, 7);
        assert_eq!(a.visible_columns(), 5..8);
        a.update(Action::FocusNext);
        assert_eq!(a.visible_columns(), 0..3);
    }

    #[test]
    fn resize_rewraps_keeps_position_and_never_panics() {
        let mut a = app(3, 120, 40);
        a.update(Action::ToggleSync);
        for _ in 0..20 {
            a.update(Action::ScrollDown);
        }
        let top = text::row_offset(a.rows(0), a.scroll[0]);
        a.update(Action::Resize {
            width: 200,
            height: 50,
        });
        let now = text::row_offset(a.rows(0), a.scroll[0]);
        assert!(
            now <= top && top - now < 200,
            "top text kept in view: {top} -> {now}"
        );
        for (w, h) in [
            (0, 0),
            (1, 1),
            (10, 3),
            (20, 5),
            (39, 8),
            (40, 8),
            (u16::MAX, u16::MAX),
        ] {
            a.update(Action::Resize {
                width: w,
                height: h,
            });
            for action in [
                Action::Bottom,
                Action::PageColumnsRight,
                Action::FocusNext,
                Action::Top,
            ] {
                a.update(action);
            }
            assert!(
                a.scroll
                    .iter()
                    .enumerate()
                    .all(|(i, &s)| s <= a.max_scroll(i))
            );
        }
    }

    #[test]
    fn mouse_scroll_moves_the_column_under_the_pointer() {
        let mut a = app(3, 120, 40);
        a.update(Action::ToggleSync);
        a.update(Action::ToggleMouse);
        assert!(a.mouse);
        a.update(Action::MouseScroll {
            x: 85,
            y: 10,
            delta: 3,
        });
        assert_eq!(a.scroll, [0, 0, 3]);
        assert_eq!(a.focus, 0, "wheel does not move focus");
        a.update(Action::MouseScroll {
            x: 85,
            y: 39,
            delta: 3,
        });
        assert_eq!(a.scroll, [0, 0, 3], "status bar row is not a column");
    }

    fn finding(evidence: Vec<(usize, Range<usize>)>) -> FindingNav {
        FindingNav {
            key: format!("key-{evidence:?}"),
            verdict: crate::compare::Verdict::Conflict,
            summary: "People killed: 21 vs 25".into(),
            evidence,
        }
    }

    /// Byte offset of paragraph `p` in column `c` of the `app` fixture.
    fn para(a: &App, c: usize, p: usize) -> Range<usize> {
        let r = a.docs()[c].paragraphs[p].clone();
        r.start..r.start + 9
    }

    #[test]
    fn findings_step_and_columns_jump_to_their_evidence() {
        let mut a = app(3, 120, 40);
        // e2 is near the end of its column: the scroll stops at the end.
        let (e1, e2) = (para(&a, 1, 5), para(&a, 2, 25));
        let f0 = finding(vec![(1, e1.clone()), (2, e2.clone())]);
        let f1 = finding(vec![(0, para(&a, 0, 1))]);
        a.set_findings(vec![f0, f1], Style::new());
        assert_eq!(a.selected, None);
        a.update(Action::NextFinding);
        assert_eq!(a.selected, Some(0));
        assert_eq!(a.focus, 1, "focus on the first column with evidence");
        let lead = usize::from(a.geometry().body_height) / 3;
        for (col, span) in [(1, &e1), (2, &e2)] {
            let row = text::row_at(a.rows(col), span.start);
            assert!(row >= a.scroll[col], "evidence below the top");
            let body = usize::from(a.geometry().body_height);
            assert!(row - a.scroll[col] < body, "evidence on screen");
            // A third of the way down, unless the column's end is reached.
            assert!(
                row - a.scroll[col] == lead || a.scroll[col] == a.max_scroll(col),
                "row {row}, scroll {}",
                a.scroll[col]
            );
            assert_eq!(a.selection(col).spans().len(), 1);
        }
        assert_eq!(text::row_at(a.rows(1), e1.start) - a.scroll[1], lead);
        assert_eq!(a.scroll[2], a.max_scroll(2));
        assert_eq!(a.scroll[0], 0, "a column without evidence stays");
        assert!(a.selection(0).is_empty());
        a.update(Action::NextFinding);
        assert_eq!((a.selected, a.focus), (Some(1), 0));
        a.update(Action::NextFinding);
        assert_eq!(a.selected, Some(0), "wraps around");
        a.update(Action::PrevFinding);
        a.update(Action::PrevFinding);
        assert_eq!(a.selected, Some(0));
        a.update(Action::CloseOverlay);
        assert_eq!(a.selected, None, "Esc clears the selection");
        assert!(a.selection(1).is_empty());
        a.update(Action::PrevFinding);
        assert_eq!(a.selected, Some(1), "from nothing, N selects the last");
    }

    #[test]
    fn synced_scrolling_after_a_jump_keeps_the_evidence_aligned() {
        let mut a = app(3, 120, 40);
        let f = finding(vec![
            // Column 0 is short: its evidence near the top leaves room to scroll.
            (0, para(&a, 0, 1)),
            (1, para(&a, 1, 8)),
            (2, para(&a, 2, 14)),
        ]);
        a.set_findings(vec![f], Style::new());
        a.update(Action::NextFinding);
        let jumped = a.scroll.clone();
        a.update(Action::ScrollDown);
        a.update(Action::ScrollDown);
        assert_eq!(a.focus, 0);
        assert_eq!(a.scroll[0], jumped[0] + 2);
        for (c, &was) in jumped.iter().enumerate().skip(1) {
            // Each column moved by its share of two rows, not back to a
            // position proportional to column 0.
            let share = 2.0 * a.max_scroll(c) as f64 / a.max_scroll(0) as f64;
            let moved = a.scroll[c] as f64 - was as f64;
            assert!(
                (moved - share).abs() <= 0.5,
                "column {c}: moved {moved}, share {share}"
            );
        }
        // Many single steps in a long column add up in shorter ones.
        a.update(Action::Focus(2));
        let before = a.scroll[0];
        for _ in 0..20 {
            a.update(Action::ScrollDown);
        }
        assert!(a.scroll[0] > before, "{before} -> {}", a.scroll[0]);
        a.update(Action::Top);
        assert_eq!(a.scroll, [0, 0, 0], "top aligns everything");
        a.update(Action::Bottom);
        assert_eq!(
            a.scroll,
            (0..3).map(|i| a.max_scroll(i)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn findings_list_moves_a_cursor_and_jumps() {
        let mut a = app(3, 120, 40);
        a.update(Action::ToggleFindings);
        assert_eq!(a.overlay, None, "no findings: no list");
        let fs: Vec<FindingNav> = (0..5)
            .map(|i| finding(vec![(i % 3, para(&a, i % 3, i))]))
            .collect();
        a.set_findings(fs, Style::new());
        a.update(Action::ToggleFindings);
        assert_eq!((a.overlay, a.list_cursor), (Some(Overlay::Findings), 0));
        a.update(Action::ScrollDown);
        a.update(Action::ScrollDown);
        a.update(Action::ScrollUp);
        a.update(Action::NextFinding);
        assert_eq!(a.list_cursor, 2);
        assert_eq!(a.scroll, [0, 0, 0], "columns do not move under the list");
        a.update(Action::Bottom);
        a.update(Action::ScrollDown);
        assert_eq!(a.list_cursor, 4, "clamped at the last finding");
        a.update(Action::Top);
        a.update(Action::ScrollDown);
        a.update(Action::ScrollDown);
        a.update(Action::Choose);
        assert_eq!((a.overlay, a.selected, a.focus), (None, Some(2), 2));
        // Reopening starts at the selected finding; q closes the list.
        a.update(Action::ToggleFindings);
        assert_eq!(a.list_cursor, 2);
        a.update(Action::Quit);
        assert_eq!(a.overlay, None);
        assert!(!a.quit);
        // Choose outside the list does nothing.
        a.update(Action::Choose);
        assert_eq!(a.selected, Some(2));
    }

    #[test]
    fn review_marks_toggle_and_ask_to_be_saved() {
        let mut a = app(3, 120, 40);
        let fs = vec![
            finding(vec![(0, para(&a, 0, 1))]),
            finding(vec![(1, para(&a, 1, 2))]),
        ];
        let (k0, k1) = (fs[0].key.clone(), fs[1].key.clone());
        a.set_findings(fs, Style::new());
        a.update(Action::Confirm);
        assert!(a.message.is_some(), "nothing selected: told so");
        assert!(a.take_effects().is_empty());
        a.update(Action::NextFinding);
        assert_eq!(a.message, None, "the message goes with the next key");
        a.update(Action::Confirm);
        assert_eq!(a.review(0), Some(ReviewStatus::Confirmed));
        a.update(Action::Dismiss);
        assert_eq!(a.review(0), Some(ReviewStatus::Dismissed));
        a.update(Action::Dismiss);
        assert_eq!(a.review(0), None, "again: unmarked");
        // In the list, the cursor's finding is marked.
        a.update(Action::ToggleFindings);
        a.update(Action::ScrollDown);
        a.update(Action::Confirm);
        assert_eq!(
            (a.review(0), a.review(1)),
            (None, Some(ReviewStatus::Confirmed))
        );
        // Help open: no marks.
        a.update(Action::ToggleHelp);
        a.update(Action::Dismiss);
        assert_eq!(a.review(1), Some(ReviewStatus::Confirmed));
        let save = |key: &str, status| Effect::SaveReview {
            key: key.to_string(),
            status,
        };
        assert_eq!(
            a.take_effects(),
            [
                save(&k0, Some(ReviewStatus::Confirmed)),
                save(&k0, Some(ReviewStatus::Dismissed)),
                save(&k0, None),
                save(&k1, Some(ReviewStatus::Confirmed)),
            ]
        );
        assert!(a.take_effects().is_empty());
        let mut loaded = BTreeMap::new();
        loaded.insert(k0, ReviewStatus::Dismissed);
        a.set_reviews(loaded);
        assert_eq!(
            (a.review(0), a.review(1)),
            (Some(ReviewStatus::Dismissed), None)
        );
    }

    #[test]
    fn notes_are_typed_saved_cleared_and_cancelled() {
        let mut a = app(3, 120, 40);
        let fs = vec![
            finding(vec![(0, para(&a, 0, 1))]),
            finding(vec![(1, para(&a, 1, 2))]),
        ];
        let k1 = fs[1].key.clone();
        a.set_findings(fs, Style::new());
        a.update(Action::Annotate);
        assert!(!a.typing() && a.message.is_some(), "nothing selected");
        // From the list: the cursor's finding; the list comes back after.
        a.update(Action::ToggleFindings);
        a.update(Action::ScrollDown);
        a.update(Action::Annotate);
        assert!(a.typing());
        for c in "Check wth police".chars() {
            a.update(Action::Type(c));
        }
        a.update(Action::Type('\u{1b}'));
        for _ in 0.."wth police".len() {
            a.update(Action::DeleteBack);
        }
        for c in "with police ".chars() {
            a.update(Action::Type(c));
        }
        a.update(Action::ScrollDown); // not a character: ignored
        assert_eq!(a.note.as_ref().unwrap().text, "Check with police ");
        a.update(Action::Choose);
        assert!(!a.typing());
        assert_eq!(a.overlay, Some(Overlay::Findings), "back to the list");
        assert_eq!(a.note_of(1), Some("Check with police"), "trimmed");
        assert_eq!(a.list_cursor, 1, "the list cursor did not move");
        // Editing starts from the saved text; Esc cancels.
        a.update(Action::Annotate);
        assert_eq!(a.note.as_ref().unwrap().text, "Check with police");
        a.update(Action::Type('!'));
        a.update(Action::CloseOverlay);
        assert_eq!(a.note_of(1), Some("Check with police"));
        // An emptied note is cleared.
        a.update(Action::Annotate);
        for _ in 0..40 {
            a.update(Action::DeleteBack);
        }
        a.update(Action::Choose);
        assert_eq!(a.note_of(1), None);
        let note = |n: Option<&str>| Effect::SaveNote {
            key: k1.clone(),
            note: n.map(str::to_string),
        };
        assert_eq!(
            a.take_effects(),
            [note(Some("Check with police")), note(None)]
        );
        // Length is capped.
        a.update(Action::Annotate);
        for _ in 0..MAX_NOTE_CHARS + 20 {
            a.update(Action::Type('x'));
        }
        assert_eq!(
            a.note.as_ref().unwrap().text.chars().count(),
            MAX_NOTE_CHARS
        );
        a.update(Action::ForceQuit);
        assert!(a.quit, "Ctrl-C still quits");
    }

    #[test]
    fn finding_navigation_pages_to_off_screen_columns_and_ignores_no_findings() {
        let mut a = app(8, 100, 30);
        a.update(Action::NextFinding);
        assert_eq!(a.selected, None, "no findings: nothing to select");
        let e = para(&a, 6, 0);
        a.set_findings(vec![finding(vec![(6, e)])], Style::new());
        a.update(Action::NextFinding);
        assert_eq!(a.focus, 6);
        assert!(a.visible_columns().contains(&6));
    }

    #[test]
    fn shared_copy_is_named_in_both_headers() {
        // Two outlets running the same wire copy, and one written apart.
        let wire = long_text(12, "the wire");
        let analysis = crate::analyze(vec![
            fixture::source("S1", "A", &wire),
            fixture::source("S2", "B", &wire),
            fixture::source(
                "S3",
                "C",
                "Local reporters counted the damage on their own street.",
            ),
        ]);
        assert!(
            !analysis.shared_copy.is_empty(),
            "the pipeline detects the shared copy"
        );
        let a = App::new(&analysis, 120, 40);
        let meta = |i: usize| a.docs()[i].meta.clone();
        assert!(meta(0).contains("% of its text with S2"), "{}", meta(0));
        assert!(meta(1).contains("% of its text with S1"), "{}", meta(1));
        assert!(!meta(2).contains("of its text with"), "{}", meta(2));
    }

    #[test]
    fn no_sources_is_harmless() {
        let mut a = App::new(&fixture::analysis(Vec::new()), 80, 24);
        for action in Action::bindable() {
            if action != Action::Quit && action != Action::ForceQuit {
                a.update(action);
            }
        }
        assert!(!a.quit);
    }
}
