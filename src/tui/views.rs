//! Drawing of the comparison views: the findings panel, the detail window
//! with its word diff, the matrix, the export dialog, the note field and
//! the sentence-aligned rows. Pure functions of the state, like `draw`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::action::Action;
use super::aligned::marked_words;
use super::app::App;
use super::draw::{Ui, review_mark, truncate};
use super::findings::{FindingNav, glyph};
use super::input::LineInput;
use super::text::neutralise;
use super::theme::Theme;
use crate::compare::align::{DiffTag, word_diff};
use crate::report::ExportFormat;

/// Word-wrap styled pieces to `width` cells; words longer than a line are
/// cut. Whitespace at line ends is dropped.
pub fn wrap_spans(pieces: &[(String, Style)], width: usize) -> Vec<Line<'static>> {
    fn finish(lines: &mut Vec<Line<'static>>, line: &mut Vec<Span<'static>>) {
        if let Some(last) = line.last_mut() {
            let trimmed = last.content.trim_end().to_string();
            last.content = trimmed.into();
        }
        lines.push(Line::from(std::mem::take(line)));
    }
    let width = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (text, style) in pieces {
        for token in text.split_inclusive(char::is_whitespace) {
            let word = token.trim_end();
            if used > 0 && used + word.width() > width {
                finish(&mut lines, &mut line);
                used = 0;
            }
            if used == 0 && word.is_empty() {
                continue;
            }
            let mut rest = token;
            // A word longer than a line: cut it.
            while used == 0 && rest.trim_end().width() > width {
                let mut cut = 0;
                let mut cells = 0;
                for (i, c) in rest.char_indices() {
                    let w = c.width().unwrap_or(0);
                    if cells + w > width {
                        break;
                    }
                    cells += w;
                    cut = i + c.len_utf8();
                }
                if cut == 0 {
                    break;
                }
                lines.push(Line::from(Span::styled(rest[..cut].to_string(), *style)));
                rest = &rest[cut..];
            }
            if rest.trim_end().is_empty() && used == 0 {
                continue;
            }
            used += rest.width();
            line.push(Span::styled(rest.to_string(), *style));
        }
    }
    if !line.is_empty() {
        finish(&mut lines, &mut line);
    }
    lines
}

/// A text field on one line `width` cells wide: the cursor's cell reversed,
/// scrolled so that the cursor stays in view.
pub fn input_spans(input: &LineInput, style: Style, width: usize) -> Vec<Span<'static>> {
    let (before, under, after) = input.split();
    let before = neutralise(before).into_owned();
    let under = if under.is_empty() {
        " ".to_string()
    } else {
        neutralise(under).into_owned()
    };
    let after = neutralise(after).into_owned();
    // Drop leading characters until the cursor fits.
    let room = width.saturating_sub(under.width()).max(1);
    let mut shown = before.as_str();
    while shown.width() > room.saturating_sub(1) && !shown.is_empty() {
        let first = shown.chars().next().map_or(1, char::len_utf8);
        shown = &shown[first..];
    }
    let after_room = width.saturating_sub(shown.width() + under.width());
    vec![
        Span::styled(shown.to_string(), style),
        Span::styled(under, style.add_modifier(Modifier::REVERSED)),
        Span::styled(truncate_plain(&after, after_room), style),
    ]
}

fn truncate_plain(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

/// A window centred in `area`, `width` x `height` at most.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Draw `block` as a window over whatever is under `rect`; returns the
/// area inside its borders.
pub(crate) fn open_window(frame: &mut Frame, rect: Rect, block: Block) -> Rect {
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}

fn window<'a>(title: String, bottom: String, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.help_border)
        .title(Line::styled(title, theme.help_key))
        .title_bottom(Line::styled(bottom, theme.help_text).right_aligned())
        .padding(Padding::horizontal(1))
}

fn hint(ui: &Ui, action: Action) -> String {
    ui.keymap.hint(action).unwrap_or_default()
}

/// Each source's value for a finding: "S1 21 · S2 25 · S3 -".
fn values_line(app: &App, f: &FindingNav) -> String {
    app.docs()
        .iter()
        .enumerate()
        .map(|(s, d)| {
            let v = f.value_in(s, &d.text).unwrap_or_else(|| "-".into());
            format!("{} {}", d.id, v)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The findings panel: two lines per finding of the filter (glyph, topic,
/// review mark; then each source's value), the selected one marked.
pub fn draw_panel(frame: &mut Frame, rect: Rect, app: &App, ui: &Ui) {
    let theme = ui.theme;
    let list = app.filtered();
    let (border_type, border_style, marker) = if app.panel_focus {
        (BorderType::Thick, theme.border_focus, "▶")
    } else {
        (BorderType::Plain, theme.border, " ")
    };
    let block = Block::bordered()
        .border_type(border_type)
        .border_style(border_style)
        .title(Line::styled(
            truncate(
                &format!(
                    "{marker}Findings: {} ({}/{})",
                    app.filter.label(),
                    list.len(),
                    app.findings().len()
                ),
                usize::from(rect.width.saturating_sub(3)),
            ),
            if app.panel_focus {
                theme.title_focus
            } else {
                theme.title
            },
        ))
        .title_bottom(
            Line::styled(
                format!(" {} filter ", hint(ui, Action::CycleFilter)),
                theme.meta,
            )
            .right_aligned(),
        );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let per = 2;
    let fits = (usize::from(inner.height) / per).max(1);
    let at = app
        .selected
        .and_then(|i| list.iter().position(|&k| k == i))
        .unwrap_or(0);
    let first = (at + 1).saturating_sub(fits);
    let mut lines: Vec<Line> = Vec::new();
    if list.is_empty() {
        lines.push(Line::styled(
            truncate(&format!("No {} findings.", app.filter.label()), width),
            theme.meta,
        ));
    }
    for &i in list.iter().skip(first).take(fits) {
        let f = &app.findings()[i];
        let here = Some(i) == app.selected;
        let mark = review_mark(app.review(i));
        let noted = if app.note_of(i).is_some() { " ✎" } else { "" };
        let head = format!(
            "{}{} {}",
            if here { "▶" } else { " " },
            glyph(f.verdict),
            if f.topic.is_empty() {
                f.verdict.as_str()
            } else {
                &f.topic
            }
        );
        let tail = format!("{mark}{noted}");
        let room = width.saturating_sub(tail.width());
        let mut first_line = Line::from(vec![
            Span::styled(truncate(&head, room), theme.verdict(f.verdict)),
            Span::styled(tail, theme.help_key),
        ]);
        let mut second = Line::styled(
            truncate(&format!("   {}", values_line(app, f)), width),
            theme.text,
        );
        if here {
            first_line = first_line.patch_style(theme.cursor);
            second = second.patch_style(theme.cursor);
        }
        lines.push(first_line);
        lines.push(second);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The lines of the detail window of finding `i`, `width` cells wide.
pub fn detail_lines(app: &App, i: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let f = &app.findings()[i];
    let docs = app.docs();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let head = format!(
        "{} {}{}",
        glyph(f.verdict),
        f.verdict.as_str(),
        if f.topic.is_empty() {
            String::new()
        } else {
            format!(" · {}", f.topic)
        }
    );
    lines.push(Line::styled(head, theme.verdict(f.verdict)));
    lines.extend(wrap_spans(&[(f.summary.clone(), theme.help_text)], width));
    let mut status = review_mark(app.review(i)).trim().to_string();
    if let Some(note) = app.note_of(i) {
        if !status.is_empty() {
            status.push_str(" · ");
        }
        status.push_str(&format!("note: {}", neutralise(note)));
    }
    if !status.is_empty() {
        lines.extend(wrap_spans(&[(status, theme.help_key)], width));
    }
    // Each source: value, location, sentence (or silence).
    let sentence_of = |k: usize| -> (usize, std::ops::Range<usize>) {
        let (s, span) = &f.evidence[k];
        let sentence = f
            .info
            .get(k)
            .map(|x| x.sentence.clone())
            .unwrap_or_else(|| {
                docs[*s]
                    .sentences
                    .iter()
                    .find(|r| r.contains(&span.start))
                    .cloned()
                    .unwrap_or(span.clone())
            });
        (*s, sentence)
    };
    let text_of = |s: usize, r: &std::ops::Range<usize>| -> String {
        docs[s]
            .text
            .get(r.clone())
            .unwrap_or_default()
            .replace('\n', " ")
    };
    for (s, doc) in docs.iter().enumerate() {
        lines.push(Line::default());
        let Some(k) = f.evidence.iter().position(|(src, _)| *src == s) else {
            lines.push(Line::from(vec![
                Span::styled(format!("{} {}", doc.id, doc.label), theme.help_key),
                Span::styled(" — silent on this finding", theme.meta),
            ]));
            continue;
        };
        let value = f.value_in(s, &doc.text).unwrap_or_default();
        let place = f
            .info
            .get(k)
            .map(|x| format!("  line {}:{}", x.line, x.column))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("{} {}: ", doc.id, doc.label), theme.help_key),
            Span::styled(value, theme.verdict(f.verdict)),
            Span::styled(place, theme.meta),
        ]));
        let (_, sentence) = sentence_of(k);
        let text = text_of(s, &sentence);
        lines.extend(wrap_spans(&[(format!("“{text}”"), theme.help_text)], width));
    }
    // Word diff of the first source's sentence against each other one's.
    let sources: Vec<usize> = {
        let mut v: Vec<usize> = Vec::new();
        for (s, _) in &f.evidence {
            if !v.contains(s) {
                v.push(*s);
            }
        }
        v
    };
    if let Some((&a, rest)) = sources.split_first() {
        let ka = f.evidence.iter().position(|(s, _)| *s == a).unwrap_or(0);
        let (_, sa) = sentence_of(ka);
        let ta = text_of(a, &sa);
        for &b in rest {
            let kb = f.evidence.iter().position(|(s, _)| *s == b).unwrap_or(0);
            let (_, sb) = sentence_of(kb);
            let tb = text_of(b, &sb);
            lines.push(Line::default());
            lines.push(Line::styled(
                format!(
                    "Word diff {} → {}  ([-only {}-] {{+only {}+}})",
                    docs[a].id, docs[b].id, docs[a].id, docs[b].id
                ),
                theme.help_key,
            ));
            let pieces: Vec<(String, Style)> = word_diff(&ta, &tb)
                .into_iter()
                .map(|(tag, t)| match tag {
                    DiffTag::Equal => (t, theme.help_text),
                    DiffTag::Delete => (mark_words(&t, "[-", "-]"), theme.diff_delete),
                    DiffTag::Insert => (mark_words(&t, "{+", "+}"), theme.diff_insert),
                })
                .collect();
            lines.extend(wrap_spans(&pieces, width));
        }
    }
    lines
}

/// Wrap the words of a diff piece in marks, keeping its outer whitespace.
fn mark_words(text: &str, open: &str, close: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{open}{trimmed}{close}{trail}")
}

/// Width of the detail window in an area `width` wide.
fn detail_width(width: u16) -> u16 {
    width.saturating_sub(4).min(100)
}

/// How far the detail window of the selected finding can scroll (the
/// columns area is the screen less the status bar).
pub fn detail_max_scroll(app: &App) -> usize {
    let (w, h) = app.screen();
    let width = detail_width(w);
    let Some(i) = app.selected.filter(|_| width >= 20) else {
        return 0;
    };
    let lines = detail_lines(app, i, usize::from(width - 4), &Theme::default()).len();
    let shown = usize::from(h.saturating_sub(3));
    lines.saturating_sub(shown)
}

/// The detail window of the selected finding.
pub fn draw_detail(frame: &mut Frame, area: Rect, app: &App, ui: &Ui) {
    let Some(i) = app.selected else { return };
    let theme = ui.theme;
    let width = detail_width(area.width);
    if width < 20 || area.height < 5 {
        return;
    }
    let text_width = usize::from(width - 4);
    let lines = detail_lines(app, i, text_width, theme);
    let height = (lines.len() as u16 + 2).min(area.height);
    let shown = usize::from(height - 2);
    let scroll = app.detail_scroll.min(lines.len().saturating_sub(shown));
    let more = if scroll + shown < lines.len() {
        " ↓ more (j) "
    } else {
        ""
    };
    let rect = centred(area, width, height);
    let block = window(
        format!(" Finding {}/{} ", i + 1, app.findings().len()),
        format!(
            " {} confirm · {} dismiss · {} note · {} close ",
            hint(ui, Action::Confirm),
            hint(ui, Action::Dismiss),
            hint(ui, Action::Annotate),
            hint(ui, Action::CloseOverlay)
        ),
        theme,
    )
    .title_bottom(Line::styled(more, theme.help_key).left_aligned());
    let inner = open_window(frame, rect, block);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()),
        inner,
    );
}

/// Findings x sources: each source's value or "-", a verdict glyph a row.
pub fn draw_matrix(frame: &mut Frame, area: Rect, app: &App, ui: &Ui) {
    let theme = ui.theme;
    let width = area.width.saturating_sub(2);
    let height = area.height.saturating_sub(1);
    if width < 20 || height < 4 {
        return;
    }
    let rect = centred(area, width, height);
    let list = app.filtered();
    let block = window(
        format!(
            " Matrix: {} findings ({}) × {} sources ",
            app.filter.label(),
            list.len(),
            app.docs().len()
        ),
        format!(
            " j/k scroll · {} filter · {} close ",
            hint(ui, Action::CycleFilter),
            hint(ui, Action::ToggleMatrix)
        ),
        theme,
    );
    let inner = open_window(frame, rect, block);
    let total = usize::from(inner.width);
    let n = app.docs().len().max(1);
    let label_width = (total / 3).clamp(12, 34);
    let cell = (total.saturating_sub(label_width) / n).max(4);
    let pad = |s: &str, w: usize| {
        let t = truncate(s, w.saturating_sub(1));
        format!("{t}{}", " ".repeat(w.saturating_sub(t.width())))
    };
    let mut header = vec![Span::styled(pad("finding", label_width), theme.help_key)];
    for d in app.docs() {
        header.push(Span::styled(
            pad(&format!("{} {}", d.id, d.label), cell),
            theme.help_key,
        ));
    }
    let mut lines = vec![Line::from(header)];
    let rows = usize::from(inner.height).saturating_sub(1);
    let first = app.matrix_scroll.min(list.len().saturating_sub(rows));
    for &i in list.iter().skip(first).take(rows) {
        let f = &app.findings()[i];
        let here = Some(i) == app.selected;
        let topic = if f.topic.is_empty() {
            f.summary.clone()
        } else {
            f.topic.clone()
        };
        let label = format!(
            "{}{} {}",
            if here { "▶" } else { " " },
            glyph(f.verdict),
            topic
        );
        let mut spans = vec![Span::styled(
            pad(&label, label_width),
            theme.verdict(f.verdict),
        )];
        for (s, d) in app.docs().iter().enumerate() {
            let v = f.value_in(s, &d.text).unwrap_or_else(|| "-".into());
            spans.push(Span::styled(pad(&v, cell), theme.help_text));
        }
        let line = Line::from(spans);
        lines.push(if here {
            line.patch_style(theme.cursor)
        } else {
            line
        });
    }
    if list.is_empty() {
        lines.push(Line::styled(
            format!("No {} findings.", app.filter.label()),
            theme.meta,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The export dialog: format choice and path field.
pub fn draw_export(frame: &mut Frame, area: Rect, app: &App, ui: &Ui) {
    let Some(dialog) = &app.export else { return };
    let theme = ui.theme;
    let width = area.width.saturating_sub(4).min(70);
    if width < 24 || area.height < 6 {
        return;
    }
    let rect = centred(area, width, 6);
    let block = window(
        " Export report ".into(),
        format!(
            " {} format · {} write · {} cancel ",
            hint(ui, Action::FocusNext),
            hint(ui, Action::Choose),
            hint(ui, Action::CloseOverlay)
        ),
        theme,
    );
    let inner = open_window(frame, rect, block);
    let mut formats = vec![Span::styled("Format: ", theme.help_key)];
    for f in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Md] {
        let name = f.extension();
        if f == dialog.format {
            formats.push(Span::styled(format!("[{name}]"), theme.cursor));
        } else {
            formats.push(Span::styled(format!(" {name} "), theme.help_text));
        }
        formats.push(Span::raw(" "));
    }
    let label = "Path:   ";
    let mut path = vec![Span::styled(label, theme.help_key)];
    path.extend(input_spans(
        &dialog.path,
        theme.help_text,
        usize::from(inner.width).saturating_sub(label.len()),
    ));
    let lines = vec![
        Line::from(formats),
        Line::from(path),
        Line::styled("The report holds your review marks and notes.", theme.meta),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The note field on the finding being annotated.
pub fn draw_note(frame: &mut Frame, area: Rect, app: &App, ui: &Ui) {
    let Some(draft) = &app.note else { return };
    let theme = ui.theme;
    let width = area.width.saturating_sub(4).min(70);
    if width < 12 || area.height < 3 {
        return;
    }
    let rect = centred(area, width, 3);
    let block = window(
        format!(" Note on finding {} ", draft.finding + 1),
        format!(
            " {} save · {} cancel ",
            hint(ui, Action::Choose),
            hint(ui, Action::CloseOverlay)
        ),
        theme,
    );
    let inner = open_window(frame, rect, block);
    let line = Line::from(input_spans(
        &draft.input,
        theme.help_text,
        usize::from(inner.width),
    ));
    frame.render_widget(Paragraph::new(line), inner);
}

/// The styled pieces of sentence `r` of column `c` in the aligned view:
/// words not in the row's reference sentence marked, then the claim,
/// selection and search layers drawn over them as in the columns.
fn cell_pieces(
    app: &App,
    c: usize,
    r: std::ops::Range<usize>,
    reference: Option<&str>,
    reference_column: usize,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let doc = &app.docs()[c];
    let text = &doc.text[r.clone()];
    let mut diff = match reference {
        Some(reference) if c != reference_column => marked_words(reference, text),
        _ => vec![(text.to_string(), false)],
    };
    // The diff's pieces must spell the sentence to map them back to bytes.
    if diff.iter().map(|(t, _)| t.as_str()).collect::<String>() != text {
        diff = vec![(text.to_string(), false)];
    }
    let layers = [app.highlights(c), app.selection(c), app.search_marks(c)];
    let mut at = r.start;
    let mut pieces = Vec::new();
    for (piece, changed) in diff {
        let base = if changed {
            theme.diff_insert
        } else {
            theme.text
        };
        let mut segments = vec![(at..at + piece.len(), base)];
        at += piece.len();
        for layer in &layers {
            segments = segments
                .into_iter()
                .flat_map(|(range, style)| layer.segments(&doc.text, range, style))
                .collect();
        }
        pieces.extend(
            segments
                .into_iter()
                .map(|(range, style)| (doc.text[range].replace('\n', " "), style)),
        );
    }
    pieces
}

/// Body lines of the visible columns in the aligned view, `width` cells
/// wide each, `height` rows: each aligned row as tall as its tallest cell,
/// rows separated by a blank line; words not in the row's reference
/// sentence styled; "·" where a source has no counterpart.
pub fn aligned_bodies(
    app: &App,
    width: usize,
    height: usize,
    theme: &Theme,
) -> Vec<Vec<Line<'static>>> {
    let columns: Vec<usize> = app.visible_columns().collect();
    let mut bodies: Vec<Vec<Line<'static>>> = vec![Vec::new(); columns.len()];
    let Some(view) = &app.aligned else {
        return bodies;
    };
    let docs = app.docs();
    let range = |c: usize, k: usize| -> Option<std::ops::Range<usize>> {
        docs[c]
            .sentences
            .get(k)
            .filter(|r| docs[c].text.get((*r).clone()).is_some())
            .cloned()
    };
    for row in view.rows.iter().skip(view.scroll) {
        if bodies.first().is_some_and(|b| b.len() >= height) {
            break;
        }
        let reference = row[view.reference]
            .and_then(|k| range(view.reference, k))
            .map(|r| &docs[view.reference].text[r]);
        let cells: Vec<Vec<Line<'static>>> = columns
            .iter()
            .map(|&c| match row[c].and_then(|k| range(c, k)) {
                None => vec![Line::styled("·", theme.rule)],
                Some(r) => wrap_spans(
                    &cell_pieces(app, c, r, reference, view.reference, theme),
                    width,
                ),
            })
            .collect();
        let tall = cells.iter().map(Vec::len).max().unwrap_or(1);
        for (body, mut cell) in bodies.iter_mut().zip(cells) {
            cell.resize(tall, Line::default());
            body.extend(cell);
            body.push(Line::default());
        }
    }
    for body in &mut bodies {
        body.truncate(height);
    }
    bodies
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wrap_spans_keeps_styles_and_width() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let pieces = vec![
            ("Police said ".to_string(), Style::new()),
            ("twenty-one".to_string(), bold),
            (" people died there".to_string(), Style::new()),
        ];
        let lines = wrap_spans(&pieces, 12);
        let text = plain(&lines);
        assert_eq!(text, ["Police said", "twenty-one", "people died", "there"]);
        assert!(lines.iter().all(|l| l.width() <= 12));
        assert_eq!(lines[1].spans[0].style, bold);
        // A word longer than the line is cut.
        let lines = wrap_spans(&[("abcdefghij".to_string(), Style::new())], 4);
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn input_keeps_the_cursor_in_view() {
        let mut f = LineInput::new("a long note about the toll", 100);
        let spans = input_spans(&f, Style::new(), 10);
        let shown: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(shown.ends_with("toll "), "{shown}");
        assert!(shown.width() <= 10);
        f.home();
        let spans = input_spans(&f, Style::new(), 10);
        assert_eq!(spans[1].content, "a");
        assert!(spans[1].style.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn diff_marks_wrap_words() {
        assert_eq!(mark_words(" 25 dead ", "{+", "+}"), " {+25 dead+} ");
        assert_eq!(mark_words("  ", "[-", "-]"), "  ");
    }
}
