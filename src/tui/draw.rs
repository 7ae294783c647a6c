//! Drawing: a pure function of the state. Nothing here changes the App.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::action::Action;
use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay};
use super::findings::glyph;
use super::highlight::Highlights;
use super::keymap::KeyMap;
use super::text::{Doc, Row};
use super::theme::Theme;
use super::views;
use crate::compare::Verdict;
use crate::report::ReviewStatus;

/// What drawing needs besides the state.
pub struct Ui<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a KeyMap,
}

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App, ui: &Ui) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let g = app.geometry();
    if g.too_small || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        notice(
            frame,
            area,
            &format!(
                "Terminal too small: {}×{}. crosscheck needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
                area.width, area.height
            ),
            ui.theme.notice,
        );
        return;
    }
    let panel = app.panel_width().min(area.width);
    let full_area = Rect {
        height: area.height - 1,
        ..area
    };
    let columns_area = Rect {
        height: area.height - 1,
        width: area.width - panel,
        ..area
    };
    let panel_area = Rect {
        x: area.x + area.width - panel,
        width: panel,
        ..columns_area
    };
    let status_area = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    if app.docs().is_empty() {
        notice(frame, columns_area, "No articles to show.", ui.theme.notice);
    } else {
        let aligned = app.aligned.as_ref().map(|_| {
            views::aligned_bodies(
                app,
                usize::from(g.text_width),
                usize::from(g.body_height),
                ui.theme,
            )
        });
        for (k, column) in app.visible_columns().enumerate() {
            let xs = g.column_x(k);
            // Clipped to the frame: the state may lag behind a resize.
            let rect = Rect {
                x: area.x.saturating_add(xs.start),
                width: xs.end - xs.start,
                ..columns_area
            }
            .intersection(columns_area);
            if rect.is_empty() {
                continue;
            }
            let body = aligned.as_ref().and_then(|b| b.get(k)).cloned();
            draw_column(frame, rect, app, column, ui.theme, body);
        }
    }
    if !panel_area.is_empty() {
        views::draw_panel(frame, panel_area, app, ui);
    }
    draw_status(frame, status_area, app, ui);
    match app.overlay {
        Some(Overlay::Help) => draw_help(frame, full_area, app.help_scroll, ui),
        Some(Overlay::Note) => views::draw_note(frame, full_area, app, ui),
        Some(Overlay::Detail) => views::draw_detail(frame, full_area, app, ui),
        Some(Overlay::Matrix) => views::draw_matrix(frame, full_area, app, ui),
        Some(Overlay::Export) => views::draw_export(frame, full_area, app, ui),
        None => {}
    }
}

fn notice(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    let lines = textwrap::wrap(text, usize::from(area.width.max(1)));
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::from(l.into_owned()))
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .style(style)
            .alignment(Alignment::Center),
        rect,
    );
}

fn draw_column(
    frame: &mut Frame,
    rect: Rect,
    app: &App,
    column: usize,
    theme: &Theme,
    aligned: Option<Vec<Line<'static>>>,
) {
    let doc = &app.docs()[column];
    let g = app.geometry();
    let focused = column == app.focus && !app.panel_focus;
    // Focus is shown by border type and a title marker, not by colour alone.
    let (border_type, border_style, marker) = if focused {
        (BorderType::Thick, theme.border_focus, "▶")
    } else {
        (BorderType::Plain, theme.border, " ")
    };
    let rows = app.rows(column);
    let scroll = app.scroll[column].min(rows.len());
    let position = if app.max_scroll(column) == 0 {
        "all".to_string()
    } else if scroll == 0 {
        "top".to_string()
    } else if scroll >= app.max_scroll(column) {
        "end".to_string()
    } else {
        format!("{}%", scroll * 100 / app.max_scroll(column))
    };
    let label_width = usize::from(rect.width.saturating_sub(8));
    // A source that says nothing on the selected finding says so.
    let silent = app
        .selected
        .and_then(|i| app.findings().get(i))
        .is_some_and(|f| f.evidence_in(column).is_none());
    let label = if silent {
        format!("{marker}{} {} — silent on this finding", column + 1, doc.id)
    } else {
        format!("{marker}{} {} {}", column + 1, doc.id, doc.label)
    };
    let label = truncate(&label, label_width);
    let position = match &app.aligned {
        Some(view) if view.reference == column => "aligned: reference".to_string(),
        Some(_) => "aligned".to_string(),
        None => position,
    };
    let block = Block::bordered()
        .border_type(border_type)
        .border_style(border_style)
        .title(Line::styled(
            format!("{label} "),
            if focused {
                theme.title_focus
            } else {
                theme.title
            },
        ))
        .title_bottom(Line::styled(format!(" {position} "), theme.meta).right_aligned())
        .padding(Padding::horizontal(1));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);

    let width = usize::from(inner.width.max(1));
    let mut lines = header_lines(doc, width, g.title_rows, g.meta_rows, theme, focused);
    let body = usize::from(g.body_height);
    if let Some(aligned) = aligned {
        lines.extend(aligned);
    } else {
        let layers = [
            app.highlights(column),
            app.selection(column),
            app.search_marks(column),
        ];
        for row in rows.iter().skip(scroll).take(body) {
            lines.push(row_line(doc, row, &layers, theme.text));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn header_lines<'a>(
    doc: &'a Doc,
    width: usize,
    title_rows: u16,
    meta_rows: u16,
    theme: &Theme,
    focused: bool,
) -> Vec<Line<'a>> {
    let title_style = if focused {
        theme.title_focus
    } else {
        theme.title
    };
    let wrapped = if doc.title.is_empty() {
        Vec::new()
    } else {
        textwrap::wrap(&doc.title, width)
    };
    let rows = usize::from(title_rows);
    let mut lines: Vec<Line> = Vec::new();
    for (i, l) in wrapped.iter().take(rows).enumerate() {
        let text = if i + 1 == rows && wrapped.len() > rows {
            truncate(&format!("{l} …"), width)
        } else {
            l.to_string()
        };
        lines.push(Line::styled(text, title_style));
    }
    while lines.len() < rows {
        lines.push(Line::default());
    }
    if meta_rows > 0 {
        lines.push(Line::styled(truncate(&doc.meta, width), theme.meta));
    }
    if meta_rows > 1 {
        lines.push(Line::styled("─".repeat(width), theme.rule));
    }
    lines
}

/// One body row, split into spans where highlights start and end; each
/// layer (claims, the selected finding, search matches) is drawn over the
/// ones before it.
fn row_line<'a>(doc: &'a Doc, row: &Row, layers: &[&Highlights], base: Style) -> Line<'a> {
    match row {
        Row::Blank => Line::default(),
        Row::Text(span) => {
            let mut pieces = vec![(span.clone(), base)];
            for layer in layers {
                pieces = pieces
                    .into_iter()
                    .flat_map(|(piece, style)| layer.segments(&doc.text, piece, style))
                    .collect();
            }
            Line::from(
                pieces
                    .into_iter()
                    .map(|(piece, style)| Span::styled(&doc.text[piece], style))
                    .collect::<Vec<_>>(),
            )
        }
    }
}

/// Key hints for the status bar: what matters now.
fn draw_status(frame: &mut Frame, area: Rect, app: &App, ui: &Ui) {
    let theme = ui.theme;
    let keys = |actions: &[Action]| -> Option<String> {
        let hints: Vec<String> = actions.iter().filter_map(|a| ui.keymap.hint(*a)).collect();
        (!hints.is_empty()).then(|| hints.join("/"))
    };
    // (priority: lower stays longer when the bar is short, keys, text)
    let mut items: Vec<(u8, Option<String>, String)> = Vec::new();
    if let Some(input) = &app.search_input {
        // The search field takes the bar.
        let mut spans = vec![Span::styled(" Search: ", theme.status_key)];
        let room = usize::from(area.width).saturating_sub(40).max(10);
        spans.extend(views::input_spans(input, theme.status, room));
        spans.push(Span::styled(
            format!(
                "   {} find · {} cancel",
                ui.keymap.hint(Action::Choose).unwrap_or_default(),
                ui.keymap.hint(Action::CloseOverlay).unwrap_or_default()
            ),
            theme.status,
        ));
        frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
        return;
    }
    match app.overlay {
        Some(Overlay::Note) => {
            items.push((0, keys(&[Action::Choose]), "save note".into()));
            items.push((0, keys(&[Action::CloseOverlay]), "cancel".into()));
            items.push((1, keys(&[Action::ForceQuit]), "quit".into()));
        }
        Some(Overlay::Export) => {
            items.push((0, keys(&[Action::Choose]), "write".into()));
            items.push((0, keys(&[Action::FocusNext]), "format".into()));
            items.push((0, keys(&[Action::CloseOverlay]), "cancel".into()));
        }
        Some(Overlay::Detail) => {
            items.push((
                1,
                keys(&[Action::NextFinding, Action::PrevFinding]),
                "findings".into(),
            ));
            items.push((
                2,
                keys(&[Action::Confirm, Action::Dismiss]),
                "confirm/dismiss".into(),
            ));
            items.push((3, keys(&[Action::Annotate]), "note".into()));
            items.push((0, keys(&[Action::CloseOverlay]), "close".into()));
        }
        Some(Overlay::Matrix) => {
            items.push((
                1,
                keys(&[Action::ScrollDown, Action::ScrollUp]),
                "scroll".into(),
            ));
            items.push((2, keys(&[Action::CycleFilter]), "filter".into()));
            items.push((
                0,
                keys(&[Action::CloseOverlay, Action::ToggleMatrix]),
                "close".into(),
            ));
        }
        Some(Overlay::Help) => {
            items.push((
                0,
                keys(&[Action::CloseOverlay, Action::Quit, Action::ToggleHelp]),
                "close help".into(),
            ));
            items.push((1, keys(&[Action::ForceQuit]), "quit".into()));
        }
        None => {
            let paged = app.docs().len() > app.geometry().visible;
            items.push((0, keys(&[Action::Quit]), "quit".into()));
            items.push((1, keys(&[Action::ToggleHelp]), "help".into()));
            if !app.findings().is_empty() {
                items.push((
                    2,
                    keys(&[Action::NextFinding, Action::PrevFinding]),
                    "findings".into(),
                ));
                items.push((
                    3,
                    keys(&[Action::NextConflict, Action::PrevConflict]),
                    "conflicts".into(),
                ));
                items.push((4, keys(&[Action::TogglePanel]), "panel".into()));
                items.push((
                    6,
                    keys(&[Action::CycleFilter]),
                    format!("filter: {}", app.filter.label()),
                ));
            }
            if app.selected.is_some() {
                items.push((5, keys(&[Action::Choose]), "detail".into()));
                items.push((
                    7,
                    keys(&[Action::Confirm, Action::Dismiss]),
                    "confirm/dismiss".into(),
                ));
                items.push((7, keys(&[Action::Annotate]), "note".into()));
            }
            if app.search.is_some() {
                items.push((
                    3,
                    keys(&[Action::NextMatch, Action::PrevMatch]),
                    "matches".into(),
                ));
            } else {
                items.push((8, keys(&[Action::Search]), "search".into()));
            }
            items.push((8, keys(&[Action::ToggleAligned]), "aligned".into()));
            items.push((9, keys(&[Action::ToggleMatrix]), "matrix".into()));
            items.push((9, keys(&[Action::Export]), "export".into()));
            items.push((10, keys(&[Action::FocusNext]), "focus".into()));
            items.push((
                10,
                keys(&[Action::ScrollDown, Action::ScrollUp]),
                "scroll".into(),
            ));
            let sync = if app.sync { "on" } else { "off" };
            items.push((8, keys(&[Action::ToggleSync]), format!("sync: {sync}")));
            if paged {
                items.push((
                    2,
                    keys(&[Action::PageColumnsLeft, Action::PageColumnsRight]),
                    "columns".into(),
                ));
            }
            let mouse = if app.mouse { "on" } else { "off" };
            items.push((8, keys(&[Action::ToggleMouse]), format!("mouse: {mouse}")));
        }
    }
    let mut items: Vec<(u8, String, String)> = items
        .into_iter()
        .filter_map(|(p, key, text)| Some((p, key?, format!(" {text}  "))))
        .collect();
    let mut spans = vec![Span::styled(" ", theme.status)];
    if let Some(warning) = &app.warning {
        let hide = ui.keymap.hint(Action::CloseOverlay).unwrap_or_default();
        spans.push(Span::styled(
            format!("⚠ {warning} ({hide} hides)  "),
            theme.status_key,
        ));
    }
    if let Some(message) = &app.message {
        spans.push(Span::styled(format!("{message}  "), theme.status_key));
    }
    if let Some(m) = app.match_position() {
        spans.push(Span::styled(format!("{m}  "), theme.status_key));
    }
    if let (Some(i), Some(position)) = (app.selected, app.position()) {
        let f = &app.findings()[i];
        let label = format!(
            "{position} {} {}{}{}",
            glyph(f.verdict),
            f.verdict.as_str(),
            review_mark(app.review(i)),
            if app.note_of(i).is_some() {
                " ✎ note"
            } else {
                ""
            }
        );
        // The finding matters more than key hints: up to two thirds of the bar.
        let room = (usize::from(area.width) * 2 / 3).saturating_sub(label.width() + 3);
        spans.push(Span::styled(
            label,
            theme.verdict(f.verdict).patch(theme.status_key),
        ));
        spans.push(Span::styled(
            format!(" {}  ", truncate(&f.summary, room)),
            theme.status,
        ));
    }
    let n = app.docs().len();
    let cols = app.visible_columns();
    let right = if n > cols.len() {
        let left_arrow = if cols.start > 0 { "◀" } else { " " };
        let right_arrow = if cols.end < n { "▶" } else { " " };
        format!(
            " cols {}-{} of {n} {left_arrow} {right_arrow} ",
            cols.start + 1,
            cols.end
        )
    } else {
        String::new()
    };
    let right_width = (right.width() as u16).min(area.width);
    let left_area = Rect {
        width: area.width - right_width,
        ..area
    };
    let right_area = Rect {
        x: area.x + area.width - right_width,
        width: right_width,
        ..area
    };
    // Drop the least important hints until the rest fit.
    let used: usize = spans.iter().map(Span::width).sum();
    let room = usize::from(left_area.width).saturating_sub(used);
    while items
        .iter()
        .map(|(_, k, t)| k.width() + t.width())
        .sum::<usize>()
        > room
    {
        let Some(least) = items.iter().map(|(p, _, _)| *p).max() else {
            break;
        };
        let at = items.iter().rposition(|(p, _, _)| *p == least).unwrap_or(0);
        items.remove(at);
    }
    for (_, key, text) in items {
        spans.push(Span::styled(key, theme.status_key));
        spans.push(Span::styled(text, theme.status));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status),
        left_area,
    );
    frame.render_widget(Paragraph::new(right).style(theme.status_key), right_area);
}

/// Number of lines in the help: one per key map entry, a blank line and
/// the highlight legend.
pub fn help_lines(keymap: &KeyMap) -> usize {
    keymap.help().len() + 2
}

/// The help: the key map (generated from it) and the highlight legend,
/// scrolled by `scroll` lines when the terminal is short.
fn draw_help(frame: &mut Frame, area: Rect, scroll: usize, ui: &Ui) {
    let theme = ui.theme;
    let help = ui.keymap.help();
    let key_width = help.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let mut lines: Vec<Line> = help
        .iter()
        .map(|(keys, desc)| {
            let pad = key_width - keys.width();
            Line::from(vec![
                Span::styled(format!("{keys}{}", " ".repeat(pad)), theme.help_key),
                Span::styled(format!("  {desc}"), theme.help_text),
            ])
        })
        .collect();
    // Legend of claim highlights: each verdict in its own style.
    lines.push(Line::default());
    let mut legend = vec![Span::styled(
        format!("{:key_width$}  ", "claims"),
        theme.help_key,
    )];
    for (i, verdict) in Verdict::ALL.iter().enumerate() {
        if i > 0 {
            legend.push(Span::styled(" ", theme.help_text));
        }
        legend.push(Span::styled(
            format!("{} {}", glyph(*verdict), verdict.as_str()),
            theme.verdict(*verdict),
        ));
    }
    lines.push(Line::from(legend));
    debug_assert_eq!(lines.len(), help_lines(ui.keymap));

    let content_width = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = ((content_width + 4) as u16).min(area.width.saturating_sub(2));
    let height = (lines.len() as u16 + 2).min(area.height);
    let shown = usize::from(height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(shown));
    let more = match (scroll > 0, scroll + shown < lines.len()) {
        (true, true) => " ↑↓ more ",
        (false, true) => " ↓ more (j) ",
        (true, false) => " ↑ more (k) ",
        (false, false) => "",
    };
    let lines: Vec<Line> = lines.into_iter().skip(scroll).collect();
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let close = [Action::CloseOverlay, Action::ToggleHelp]
        .iter()
        .filter_map(|a| ui.keymap.hint(*a))
        .collect::<Vec<_>>()
        .join("/");
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.help_border)
        .title(Line::styled(" Help: keys ", theme.help_key))
        .title_bottom(Line::styled(format!(" {close} close "), theme.help_text).right_aligned())
        .title_bottom(Line::styled(more, theme.help_key).left_aligned())
        .padding(Padding::horizontal(1));
    let inner = views::open_window(frame, rect, block);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// " ✓ confirmed" / " ✗ dismissed" / "" (words too: not by symbol alone).
pub(crate) fn review_mark(status: Option<ReviewStatus>) -> &'static str {
    match status {
        Some(ReviewStatus::Confirmed) => " ✓ confirmed",
        Some(ReviewStatus::Dismissed) => " ✗ dismissed",
        None => "",
    }
}

/// Cut `text` to `width` display columns, ending with "…" when cut.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_respects_display_width() {
        assert_eq!(truncate("abcdef", 10), "abcdef");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("日本語です", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
    }
}
