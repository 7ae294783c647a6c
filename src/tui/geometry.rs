//! Where things go on screen: a pure function of the terminal size, the
//! number of sources and whether any has a title.

use std::ops::Range;

/// Below this size the reader shows a notice instead of columns.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// Columns narrower than this are not shown; the rest are paged (H/L).
pub const MIN_COLUMN_WIDTH: u16 = 30;
/// Text is wrapped to at most this many columns: longer lines are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// Screen geometry derived from the terminal size and the number of sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub width: u16,
    pub height: u16,
    /// True below MIN_WIDTH x MIN_HEIGHT: only a notice is drawn.
    pub too_small: bool,
    /// Columns shown at once.
    pub visible: usize,
    /// Width of each column including its border (the last one takes the rest).
    pub column_width: u16,
    /// Width the text is wrapped to.
    pub text_width: u16,
    /// Rows above the body: title lines, then the meta line and a rule.
    pub title_rows: u16,
    pub meta_rows: u16,
    /// Rows of article text visible in a column.
    pub body_height: u16,
}

impl Geometry {
    /// `titled`: some source has a title of its own (not its first line).
    pub fn new(width: u16, height: u16, sources: usize, titled: bool) -> Geometry {
        let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        let visible = usize::from((width / MIN_COLUMN_WIDTH).max(1)).min(sources.max(1));
        let column_width = width / visible as u16;
        // Border (2) and one column of padding on each side (2).
        let text_width = column_width.saturating_sub(4).clamp(1, MAX_TEXT_WIDTH);
        // Title lines, then (when there is room) the meta line and a rule.
        let (title_rows, meta_rows) = match (height >= 16, titled) {
            (true, true) => (2, 2),
            (true, false) => (0, 2),
            (false, true) => (1, 0),
            (false, false) => (0, 0),
        };
        // Status bar (1), borders (2), header.
        let body_height = height.saturating_sub(3 + title_rows + meta_rows).max(1);
        Geometry {
            width,
            height,
            too_small,
            visible,
            column_width,
            text_width,
            title_rows,
            meta_rows,
            body_height,
        }
    }

    /// x range of the k-th visible column.
    pub fn column_x(&self, k: usize) -> Range<u16> {
        let start = self.column_width * k as u16;
        let end = if k + 1 == self.visible {
            self.width
        } else {
            start + self.column_width
        };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_at_about_thirty_cells() {
        let g = Geometry::new(120, 40, 3, true);
        assert_eq!((g.visible, g.column_width, g.text_width), (3, 40, 36));
        assert_eq!(Geometry::new(100, 30, 8, true).visible, 3);
        assert_eq!(Geometry::new(59, 30, 8, true).visible, 1);
        assert_eq!(
            Geometry::new(200, 30, 2, true).visible,
            2,
            "no more than the sources"
        );
        assert!(Geometry::new(39, 30, 3, true).too_small);
        assert!(Geometry::new(80, 7, 3, true).too_small);
        assert!(!Geometry::new(40, 8, 3, true).too_small);
    }

    #[test]
    fn text_width_is_capped_for_reading() {
        assert_eq!(Geometry::new(300, 40, 1, true).text_width, MAX_TEXT_WIDTH);
    }

    #[test]
    fn last_column_takes_the_remainder() {
        let g = Geometry::new(100, 30, 3, true);
        assert_eq!(
            (g.column_x(0), g.column_x(1), g.column_x(2)),
            (0..33, 33..66, 66..100)
        );
    }

    #[test]
    fn header_rows_depend_on_titles_and_height() {
        let g = Geometry::new(120, 40, 3, true);
        assert_eq!(
            (g.title_rows, g.meta_rows, g.body_height),
            (2, 2, 40 - 3 - 4)
        );
        let g = Geometry::new(120, 40, 3, false);
        assert_eq!(
            (g.title_rows, g.meta_rows, g.body_height),
            (0, 2, 40 - 3 - 2)
        );
        let g = Geometry::new(120, 10, 3, true);
        assert_eq!((g.title_rows, g.meta_rows), (1, 0));
        assert_eq!(Geometry::new(0, 0, 0, false).body_height, 1, "never zero");
    }
}
