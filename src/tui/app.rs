//! Reader state and `update`: pure, no I/O. Drawing reads this state.
//!
//! Synchronised scrolling (on by default) works by proportion: when a column
//! scrolls by some fraction of its scrollable length, every other column
//! moves by the same fraction of its own, so articles of different lengths
//! reach their ends together. It moves by deltas, so the offsets set up by
//! jumping to a finding (]/[: each column shows its own evidence) survive
//! scrolling; top and end (g/G) and turning sync back on realign them.
//!
//! Focus: Tab cycles through the columns and, when the findings panel is
//! open, the panel; with the panel focused, j/k move its selection (and
//! every column follows the selected finding).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::style::{Modifier, Style};

use super::action::Action;
use super::aligned::{self, AlignedRow};
use super::findings::{FindingNav, VerdictFilter};
pub use super::geometry::{Geometry, MAX_TEXT_WIDTH, MIN_COLUMN_WIDTH, MIN_HEIGHT, MIN_WIDTH};
use super::highlight::{Highlight, Highlights};
use super::input::LineInput;
use super::search;
use super::text::{self, Doc, Row};
use crate::analysis::Analysis;
use crate::compare::Verdict;
use crate::compare::align::Aligner;
use crate::report::{ExportFormat, ReviewStatus, Reviews};

/// Past widths whose wrapping is kept, so resizing back and forth is cheap.
const WRAP_CACHE_WIDTHS: usize = 8;
/// The findings panel takes a quarter of the width, within these bounds.
pub const PANEL_MIN_WIDTH: u16 = 28;
pub const PANEL_MAX_WIDTH: u16 = 56;

/// A window drawn over the columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// Writing a note on a finding (`App::note`).
    Note,
    /// The selected finding in detail: values, sentences, word diff.
    Detail,
    /// Findings x sources.
    Matrix,
    /// The export dialog (`App::export`).
    Export,
}

/// A note being written: on which finding, the text so far, and the window
/// to return to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteDraft {
    pub finding: usize,
    pub input: LineInput,
    back_to: Option<Overlay>,
}

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 500;
/// Longest search query and export path, in characters.
pub const MAX_FIELD_CHARS: usize = 300;

/// The export dialog: a format and an editable path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: ExportFormat,
    pub path: LineInput,
}

/// The path offered for a format: in the current directory.
pub fn default_export_path(format: ExportFormat) -> String {
    format!("crosscheck-report.{}", format.extension())
}

const FORMATS: [ExportFormat; 3] = [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Md];

/// The sentence-aligned view: rows built when it was turned on.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedView {
    /// The source whose sentences make the rows.
    pub reference: usize,
    pub rows: Vec<AlignedRow>,
    /// First row shown.
    pub scroll: usize,
}

/// A search that ran: its matches over all sources and the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchState {
    pub query: String,
    /// (column, byte range), column by column, left to right.
    pub matches: Vec<(usize, Range<usize>)>,
    pub current: Option<usize>,
}

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
    /// Write the report with the current reviews.
    Export { path: PathBuf, format: ExportFormat },
}

fn titled(docs: &[Doc]) -> bool {
    docs.iter().any(|d| d.own_title && !d.title.is_empty())
}

/// The reader's state.
#[derive(Debug, Clone)]
pub struct App {
    docs: Vec<Doc>,
    /// Wrapped rows of each doc at `geometry.text_width`.
    rows: Vec<Vec<Row>>,
    wrap_cache: HashMap<u16, Vec<Vec<Row>>>,
    highlights: Vec<Highlights>,
    /// Geometry of the columns (the panel's width taken off).
    geometry: Geometry,
    /// Terminal size.
    screen: (u16, u16),
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
    /// Index into `findings` of the selected finding.
    pub selected: Option<usize>,
    /// The findings panel is shown (the columns shrink), and has the focus.
    pub panel: bool,
    pub panel_focus: bool,
    pub filter: VerdictFilter,
    /// First help line shown, and how many there are.
    pub help_scroll: usize,
    help_lines: usize,
    /// First line of the detail window and first row of the matrix shown.
    pub detail_scroll: usize,
    pub matrix_scroll: usize,
    /// Review marks by finding key (shown; saved through `Effect`s).
    reviews: BTreeMap<String, ReviewStatus>,
    /// Notes by finding key.
    notes: BTreeMap<String, String>,
    /// The note being written, while `overlay` is `Note`.
    pub note: Option<NoteDraft>,
    /// The export dialog, while `overlay` is `Export`.
    pub export: Option<ExportDialog>,
    /// The search field, while open.
    pub search_input: Option<LineInput>,
    pub search: Option<SearchState>,
    search_marks: Vec<Highlights>,
    search_style: Style,
    current_match_style: Style,
    aligner: Arc<Aligner>,
    pub aligned: Option<AlignedView>,
    effects: Vec<Effect>,
    /// A one-off line for the status bar (cleared by the next action).
    pub message: Option<String>,
    /// A line that stays in the status bar until Esc (a review file set
    /// aside, say).
    pub warning: Option<String>,
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
            screen: (width, height),
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
            panel: false,
            panel_focus: false,
            filter: VerdictFilter::All,
            help_scroll: 0,
            help_lines: 0,
            detail_scroll: 0,
            matrix_scroll: 0,
            reviews: BTreeMap::new(),
            notes: BTreeMap::new(),
            note: None,
            export: None,
            search_input: None,
            search: None,
            search_marks: vec![Highlights::default(); n],
            search_style: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            current_match_style: Style::new().add_modifier(Modifier::REVERSED),
            aligner: Arc::clone(&analysis.aligner),
            aligned: None,
            effects: Vec::new(),
            message: None,
            warning: None,
            selection: vec![Highlights::default(); n],
            selection_style: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The findings ]/[ step through, and the style marking the selected one.
    pub fn set_findings(&mut self, findings: Vec<FindingNav>, style: Style) {
        self.findings = findings;
        self.selection_style = style;
        self.select(None);
    }

    /// Styles of search matches and of the current match.
    pub fn set_search_styles(&mut self, matches: Style, current: Style) {
        self.search_style = matches;
        self.current_match_style = current;
    }

    pub fn findings(&self) -> &[FindingNav] {
        &self.findings
    }

    /// Indices of the findings the filter keeps, in order.
    pub fn filtered(&self) -> Vec<usize> {
        (0..self.findings.len())
            .filter(|&i| self.filter.keeps(self.findings[i].verdict))
            .collect()
    }

    /// Indices of the conflict and partial findings (what }/{ step through).
    pub fn disputed(&self) -> Vec<usize> {
        (0..self.findings.len())
            .filter(|&i| {
                matches!(
                    self.findings[i].verdict,
                    Verdict::Conflict | Verdict::Partial
                )
            })
            .collect()
    }

    /// "finding 3/17, conflict 1/4": where the selected finding is among
    /// those of the filter, and among the conflicts and partial ones.
    pub fn position(&self) -> Option<String> {
        let i = self.selected?;
        let filtered = self.filtered();
        let (list, what) = if filtered.contains(&i) {
            (filtered, "finding")
        } else {
            ((0..self.findings.len()).collect(), "finding")
        };
        let at = list.iter().position(|&k| k == i)? + 1;
        let mut out = format!("{what} {at}/{}", list.len());
        let disputed = self.disputed();
        if let Some(k) = disputed.iter().position(|&k| k == i) {
            out.push_str(&format!(", conflict {}/{}", k + 1, disputed.len()));
        }
        Some(out)
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

    /// Marks and notes as the report wants them.
    pub fn reviews_for_export(&self) -> Reviews {
        let mut out = Reviews::new();
        for (key, status) in &self.reviews {
            out.entry(key.clone()).or_default().status = Some(*status);
        }
        for (key, note) in &self.notes {
            out.entry(key.clone()).or_default().note = Some(note.clone());
        }
        out
    }

    /// Whether keys go to a text field (typed characters, not commands).
    pub fn typing(&self) -> bool {
        self.search_input.is_some() || matches!(self.overlay, Some(Overlay::Note | Overlay::Export))
    }

    /// The selected finding; tells the user when there is none.
    fn target(&mut self) -> Option<usize> {
        let target = self.selected.filter(|&i| i < self.findings.len());
        if target.is_none() {
            self.message = Some("No finding selected: press ] or Space first.".into());
        }
        target
    }

    fn start_note(&mut self) {
        let Some(finding) = self.target() else { return };
        let text = self.note_of(finding).unwrap_or_default().to_string();
        self.note = Some(NoteDraft {
            finding,
            input: LineInput::new(&text, MAX_NOTE_CHARS),
            back_to: self.overlay,
        });
        self.overlay = Some(Overlay::Note);
    }

    /// Editing keys of a text field; true when the action was one.
    fn edit(input: &mut LineInput, action: Action) -> bool {
        match action {
            Action::Type(c) => input.insert(c),
            Action::DeleteBack => input.backspace(),
            Action::DeleteForward => input.delete(),
            Action::CursorLeft => input.left(),
            Action::CursorRight => input.right(),
            Action::CursorHome => input.home(),
            Action::CursorEnd => input.end(),
            _ => return false,
        }
        true
    }

    /// Keys while writing a note: editing, Enter saves, Esc cancels.
    fn note_action(&mut self, action: Action) {
        let Some(draft) = self.note.as_mut() else {
            self.overlay = None;
            return;
        };
        if App::edit(&mut draft.input, action) {
            return;
        }
        match action {
            Action::Choose => {
                let draft = self.note.take().expect("draft present");
                let key = self.findings[draft.finding].key.clone();
                let text = draft.input.text().trim().to_string();
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

    fn open_export(&mut self) {
        let format = self
            .export
            .as_ref()
            .map_or(ExportFormat::Json, |e| e.format);
        self.export = Some(ExportDialog {
            format,
            path: LineInput::new(&default_export_path(format), MAX_FIELD_CHARS),
        });
        self.overlay = Some(Overlay::Export);
    }

    /// Keys in the export dialog: Tab/↑/↓ change the format (the path's
    /// extension follows), editing keys edit the path, Enter exports.
    fn export_action(&mut self, action: Action) {
        let Some(dialog) = self.export.as_mut() else {
            self.overlay = None;
            return;
        };
        if App::edit(&mut dialog.path, action) {
            return;
        }
        let step = match action {
            Action::FocusNext | Action::ScrollDown => 1,
            Action::FocusPrev | Action::ScrollUp => FORMATS.len() - 1,
            _ => 0,
        };
        if step > 0 {
            let old = dialog.format;
            let at = FORMATS.iter().position(|f| *f == old).unwrap_or(0);
            let new = FORMATS[(at + step) % FORMATS.len()];
            dialog.format = new;
            let path = dialog.path.text().to_string();
            let old_ext = format!(".{}", old.extension());
            if let Some(stem) = path.strip_suffix(&old_ext) {
                dialog.path.set(&format!("{stem}.{}", new.extension()));
            }
            return;
        }
        match action {
            Action::Choose => {
                let path = dialog.path.text().trim().to_string();
                if path.is_empty() {
                    self.message = Some("Export: type a file name first.".into());
                    return;
                }
                self.effects.push(Effect::Export {
                    path: PathBuf::from(path),
                    format: dialog.format,
                });
                self.overlay = None;
            }
            Action::CloseOverlay | Action::Quit => self.overlay = None,
            _ => {}
        }
    }

    /// Keys in the search field: editing, Enter searches, Esc cancels.
    fn search_input_action(&mut self, action: Action) {
        let Some(input) = self.search_input.as_mut() else {
            return;
        };
        if App::edit(input, action) {
            return;
        }
        match action {
            Action::Choose => {
                let query = input.text().to_string();
                self.search_input = None;
                self.run_search(&query);
            }
            Action::CloseOverlay | Action::Quit => self.search_input = None,
            _ => {}
        }
    }

    fn run_search(&mut self, query: &str) {
        let matches: Vec<(usize, Range<usize>)> = self
            .docs
            .iter()
            .enumerate()
            .flat_map(|(c, d)| {
                search::find_all(&d.text, query)
                    .into_iter()
                    .map(move |r| (c, r))
            })
            .collect();
        if query.trim().is_empty() {
            self.search = None;
            self.mark_matches();
            return;
        }
        if matches.is_empty() {
            self.message = Some(format!("No match for “{}”.", text::neutralise(query)));
        }
        // Start from the first match at or after the focused column.
        let current = matches
            .iter()
            .position(|(c, _)| *c >= self.focus)
            .or((!matches.is_empty()).then_some(0));
        self.search = Some(SearchState {
            query: query.to_string(),
            matches,
            current,
        });
        self.show_match();
    }

    fn step_match(&mut self, forward: bool) {
        let Some(s) = self.search.as_mut() else {
            self.message = Some("No search: press / first.".into());
            return;
        };
        let n = s.matches.len();
        if n == 0 {
            self.message = Some(format!("No match for “{}”.", text::neutralise(&s.query)));
            return;
        }
        s.current = Some(match (s.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        });
        self.show_match();
    }

    /// Mark the matches and scroll the current one's column to it.
    fn show_match(&mut self) {
        self.mark_matches();
        let Some(s) = &self.search else { return };
        let Some((column, span)) = s.current.and_then(|i| s.matches.get(i)).cloned() else {
            return;
        };
        self.set_focus(column);
        self.panel_focus = false;
        if let Some(view) = &mut self.aligned {
            let docs = &self.docs;
            if let Some(r) = view.rows.iter().position(|row| {
                row[column].is_some_and(|k| docs[column].sentences[k].contains(&span.start))
            }) {
                view.scroll = r;
            }
        }
        let lead = usize::from(self.geometry.body_height) / 3;
        let row = text::row_at(&self.rows[column], span.start);
        self.scroll[column] = row.saturating_sub(lead).min(self.max_scroll(column));
        self.exact[column] = self.scroll[column] as f64;
    }

    fn mark_matches(&mut self) {
        let n = self.docs.len();
        let mut marks: Vec<Vec<Highlight>> = vec![Vec::new(); n];
        if let Some(s) = &self.search {
            for (i, (c, span)) in s.matches.iter().enumerate() {
                let style = if Some(i) == s.current {
                    self.current_match_style
                } else {
                    self.search_style
                };
                marks[*c].push(Highlight {
                    span: span.clone(),
                    style,
                });
            }
        }
        self.search_marks = marks.into_iter().map(Highlights::new).collect();
    }

    /// Search matches in a column (drawn over everything else).
    pub fn search_marks(&self, column: usize) -> &Highlights {
        &self.search_marks[column]
    }

    /// "match 2/9", while a search with matches is active.
    pub fn match_position(&self) -> Option<String> {
        let s = self.search.as_ref()?;
        match s.current {
            Some(i) => Some(format!("match {}/{}", i + 1, s.matches.len())),
            None => Some(format!("0 matches for “{}”", text::neutralise(&s.query))),
        }
    }

    /// Effects requested since the last call, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Mark the selected finding.
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
    /// a third of the way down; focus goes to the first such column (unless
    /// the panel has it). The aligned view moves to the evidence's row.
    fn select(&mut self, index: Option<usize>) {
        self.selected = index.filter(|&i| i < self.findings.len());
        self.detail_scroll = 0;
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
        if let Some(view) = &mut self.aligned {
            let docs = &self.docs;
            let hit = view.rows.iter().position(|row| {
                row.iter()
                    .enumerate()
                    .any(|(c, cell)| match (cell, finding.evidence_in(c)) {
                        (Some(k), Some(span)) => docs[c].sentences[*k].contains(&span.start),
                        _ => false,
                    })
            });
            if let Some(r) = hit {
                view.scroll = r.saturating_sub(1);
            }
        }
        if let Some(column) = first
            && !self.panel_focus
        {
            self.set_focus(column);
        }
    }

    /// Step through `list` (finding indices, ascending) from the selection.
    fn step_in(&mut self, list: &[usize], forward: bool, empty: &str) {
        if list.is_empty() {
            self.message = Some(empty.to_string());
            return;
        }
        let next = match (self.selected, forward) {
            (None, true) => list[0],
            (None, false) => list[list.len() - 1],
            (Some(i), true) => *list.iter().find(|&&k| k > i).unwrap_or(&list[0]),
            (Some(i), false) => *list
                .iter()
                .rev()
                .find(|&&k| k < i)
                .unwrap_or(&list[list.len() - 1]),
        };
        self.select(Some(next));
        self.matrix_follow();
    }

    /// Rows of findings the matrix window shows (the screen less the status
    /// bar, a margin, borders and the header row).
    pub fn matrix_rows(&self) -> usize {
        usize::from(self.screen.1.saturating_sub(5)).max(1)
    }

    /// Keep the selected finding's row in the matrix window.
    fn matrix_follow(&mut self) {
        let Some(i) = self.selected else { return };
        let Some(at) = self.filtered().iter().position(|&k| k == i) else {
            return;
        };
        let rows = self.matrix_rows();
        if at < self.matrix_scroll {
            self.matrix_scroll = at;
        } else if at >= self.matrix_scroll + rows {
            self.matrix_scroll = at + 1 - rows;
        }
    }

    fn step_finding(&mut self, forward: bool) {
        let list = self.filtered();
        let empty = if self.findings.is_empty() {
            "No findings.".to_string()
        } else {
            format!(
                "No {} findings (f changes the filter).",
                self.filter.label()
            )
        };
        self.step_in(&list, forward, &empty);
    }

    fn step_conflict(&mut self, forward: bool) {
        let list = self.disputed();
        self.step_in(&list, forward, "No conflicts or partial findings.");
    }

    fn cycle_filter(&mut self) {
        self.filter = self.filter.next();
        if let Some(i) = self.selected
            && !self.filter.keeps(self.findings[i].verdict)
        {
            self.select(None);
        }
        let count = self.filtered().len();
        self.message = Some(format!("filter: {} ({count})", self.filter.label()));
    }

    /// Keys while the panel has the focus: move the selection through the
    /// filtered findings (every column follows).
    fn panel_action(&mut self, action: Action) {
        let list = self.filtered();
        if list.is_empty() {
            return;
        }
        let at = self
            .selected
            .and_then(|i| list.iter().position(|&k| k == i));
        let last = list.len() - 1;
        let page = usize::from(self.geometry.body_height).max(1);
        let to = match (action, at) {
            (Action::ScrollDown, None) | (Action::Top, _) => 0,
            (Action::ScrollUp, None) | (Action::Bottom, _) => last,
            (Action::ScrollDown, Some(k)) => (k + 1).min(last),
            (Action::ScrollUp, Some(k)) => k.saturating_sub(1),
            (Action::HalfPageDown, k) => (k.unwrap_or(0) + page / 2).min(last),
            (Action::HalfPageUp, k) => k.unwrap_or(0).saturating_sub(page / 2),
            (Action::PageDown, k) => (k.unwrap_or(0) + page).min(last),
            (Action::PageUp, k) => k.unwrap_or(0).saturating_sub(page),
            _ => return,
        };
        self.select(Some(list[to]));
    }

    /// Turn the aligned view on (rows of the focused source) or off.
    fn toggle_aligned(&mut self) {
        if self.aligned.is_some() {
            self.aligned = None;
            return;
        }
        let reference = self.focus;
        let aligner = Arc::clone(&self.aligner);
        let rows = aligned::aligned_rows(
            reference,
            self.docs.len(),
            self.docs[reference].sentences.len(),
            |i| aligner.best_matches(reference, i),
        );
        if rows.is_empty() {
            self.message = Some("This source has no sentences to align.".into());
            return;
        }
        self.aligned = Some(AlignedView {
            reference,
            rows,
            scroll: 0,
        });
        if let Some(i) = self.selected {
            // Move to the selected finding's row.
            self.select(Some(i));
        }
    }

    fn aligned_action(&mut self, action: Action) {
        let half = self.half_page().unsigned_abs() / 2;
        let Some(view) = self.aligned.as_mut() else {
            return;
        };
        let last = view.rows.len().saturating_sub(1);
        let at = view.scroll;
        view.scroll = match action {
            Action::ScrollDown => at + 1,
            Action::ScrollUp => at.saturating_sub(1),
            Action::HalfPageDown => at + half.max(1),
            Action::HalfPageUp => at.saturating_sub(half.max(1)),
            Action::PageDown => at + (half * 2).max(1),
            Action::PageUp => at.saturating_sub((half * 2).max(1)),
            Action::Top => 0,
            Action::Bottom => last,
            _ => at,
        }
        .min(last);
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

    /// Scroll keys of a window (detail, matrix) moving `at`, up to `max`.
    fn window_scroll(&self, at: usize, max: usize, action: Action) -> usize {
        let page = usize::from(self.geometry.body_height).max(2);
        match action {
            Action::ScrollDown => at.saturating_add(1),
            Action::ScrollUp => at.saturating_sub(1),
            Action::HalfPageDown => at.saturating_add(page / 2),
            Action::HalfPageUp => at.saturating_sub(page / 2),
            Action::PageDown => at.saturating_add(page - 1),
            Action::PageUp => at.saturating_sub(page - 1),
            Action::Top => 0,
            Action::Bottom => max,
            _ => at,
        }
        .min(max)
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

    /// Terminal size (the geometry is that of the columns).
    pub fn screen(&self) -> (u16, u16) {
        self.screen
    }

    /// Width of the findings panel (0 when hidden or when it does not fit).
    pub fn panel_width(&self) -> u16 {
        panel_width(self.panel, self.screen.0)
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
        let window = self.overlay;
        match action {
            Action::ForceQuit => self.quit = true,
            Action::Resize { width, height } => self.resize(width, height),
            _ if self.search_input.is_some() => self.search_input_action(action),
            _ if window == Some(Overlay::Note) => self.note_action(action),
            _ if window == Some(Overlay::Export) => self.export_action(action),
            Action::Quit if window.is_some() => self.overlay = None,
            Action::Quit => self.quit = true,
            Action::CloseOverlay if window.is_some() => self.overlay = None,
            Action::CloseOverlay if self.warning.is_some() => self.warning = None,
            Action::CloseOverlay => {
                self.select(None);
                self.search = None;
                self.mark_matches();
            }
            Action::ToggleHelp => {
                self.help_scroll = 0;
                self.overlay = match window {
                    Some(Overlay::Help) => None,
                    _ => Some(Overlay::Help),
                }
            }
            Action::ToggleMouse => self.mouse = !self.mouse,
            _ if window == Some(Overlay::Help) => self.help_action(action),
            Action::Annotate => self.start_note(),
            Action::Confirm => self.mark(ReviewStatus::Confirmed),
            Action::Dismiss => self.mark(ReviewStatus::Dismissed),
            Action::NextFinding => self.step_finding(true),
            Action::PrevFinding => self.step_finding(false),
            Action::NextConflict => self.step_conflict(true),
            Action::PrevConflict => self.step_conflict(false),
            Action::ToggleMatrix => {
                self.overlay = if window == Some(Overlay::Matrix) {
                    None
                } else {
                    Some(Overlay::Matrix)
                }
            }
            Action::CycleFilter => self.cycle_filter(),
            Action::Export => self.open_export(),
            Action::Choose if window == Some(Overlay::Detail) => self.overlay = None,
            Action::Choose => {
                if self.target().is_some() {
                    self.detail_scroll = 0;
                    self.overlay = Some(Overlay::Detail);
                }
            }
            _ if window == Some(Overlay::Detail) => {
                let max = super::views::detail_max_scroll(self);
                self.detail_scroll = self.window_scroll(self.detail_scroll, max, action)
            }
            _ if window == Some(Overlay::Matrix) => {
                let max = self.filtered().len().saturating_sub(self.matrix_rows());
                self.matrix_scroll = self.window_scroll(self.matrix_scroll, max, action)
            }
            // A window covers the columns: navigation waits until it closes.
            _ if window.is_some() || n == 0 => {}
            Action::TogglePanel => {
                self.panel = !self.panel;
                if !self.panel {
                    self.panel_focus = false;
                }
                self.relayout();
                if self.panel && self.panel_width() == 0 {
                    self.message = Some("Too narrow for the findings panel.".into());
                    self.panel = false;
                }
            }
            Action::ToggleAligned => self.toggle_aligned(),
            Action::Search => {
                let last = self.search.as_ref().map_or("", |s| s.query.as_str());
                self.search_input = Some(LineInput::new(last, MAX_FIELD_CHARS));
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::FocusNext => {
                if self.panel_focus {
                    self.panel_focus = false;
                    self.set_focus(0);
                } else if self.focus + 1 == n && self.panel_width() > 0 {
                    self.panel_focus = true;
                } else {
                    self.set_focus((self.focus + 1) % n);
                }
            }
            Action::FocusPrev => {
                if self.panel_focus {
                    self.panel_focus = false;
                    self.set_focus(n - 1);
                } else if self.focus == 0 && self.panel_width() > 0 {
                    self.panel_focus = true;
                } else {
                    self.set_focus((self.focus + n - 1) % n);
                }
            }
            Action::Focus(i) => {
                if i < n {
                    self.panel_focus = false;
                    self.set_focus(i);
                }
            }
            _ if self.panel_focus => self.panel_action(action),
            _ if self.aligned.is_some()
                && matches!(
                    action,
                    Action::ScrollDown
                        | Action::ScrollUp
                        | Action::HalfPageDown
                        | Action::HalfPageUp
                        | Action::PageDown
                        | Action::PageUp
                        | Action::Top
                        | Action::Bottom
                ) =>
            {
                self.aligned_action(action)
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
            // Typing happens in text fields only.
            Action::Type(_)
            | Action::DeleteBack
            | Action::DeleteForward
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorHome
            | Action::CursorEnd => {}
            Action::PageColumnsLeft => self.page_columns(-1),
            Action::PageColumnsRight => self.page_columns(1),
            Action::MouseScroll { x, y, delta } => {
                if self.aligned.is_some() {
                    if self.column_at(x, y).is_some() {
                        let down = if delta > 0 {
                            Action::ScrollDown
                        } else {
                            Action::ScrollUp
                        };
                        self.aligned_action(down);
                    }
                } else if let Some(col) = self.column_at(x, y) {
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

    fn relayout(&mut self) {
        let (w, h) = self.screen;
        self.resize(w, h);
    }

    fn resize(&mut self, width: u16, height: u16) {
        let old = self.geometry;
        self.screen = (width, height);
        let columns_width = width - panel_width(self.panel, width);
        if panel_width(self.panel, width) == 0 {
            self.panel_focus = false;
        }
        self.geometry = Geometry::new(columns_width, height, self.docs.len(), titled(&self.docs));
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

/// Width of the findings panel on a terminal `width` wide: a quarter of it
/// within bounds, and 0 when hidden or when the columns would not fit.
pub fn panel_width(shown: bool, width: u16) -> u16 {
    if !shown {
        return 0;
    }
    let w = (width / 4).clamp(PANEL_MIN_WIDTH, PANEL_MAX_WIDTH);
    if width.saturating_sub(w) < MIN_WIDTH {
        0
    } else {
        w
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
mod comparison_tests;

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
            ..FindingNav::default()
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
