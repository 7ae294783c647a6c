//! A single-line text field: the text and a cursor (in characters), edited
//! by the usual keys. Pure state; drawing shows the cursor.

/// A one-line text field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in characters (0 = before the first).
    cursor: usize,
    /// Longest text, in characters.
    max_chars: usize,
}

impl LineInput {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: &str, max_chars: usize) -> LineInput {
        let text: String = text.chars().take(max_chars).collect();
        let cursor = text.chars().count();
        LineInput {
            text,
            cursor,
            max_chars,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Insert a character at the cursor (control characters and characters
    /// past the length limit are refused).
    pub fn insert(&mut self, c: char) {
        if c.is_control() || self.text.chars().count() >= self.max_chars {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Delete the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        self.cursor -= 1;
        let at = self.byte_at(self.cursor);
        self.text.remove(at);
    }

    /// Delete the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Replace the whole text, cursor at the end.
    pub fn set(&mut self, text: &str) {
        *self = LineInput::new(text, self.max_chars);
    }

    /// The text split at the cursor: (before, under the cursor, after).
    pub fn split(&self) -> (&str, &str, &str) {
        let at = self.byte_at(self.cursor);
        let next = self.byte_at(self.cursor + 1);
        (&self.text[..at], &self.text[at..next], &self.text[next..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_moves_the_cursor_by_characters() {
        let mut f = LineInput::new("café", 20);
        assert_eq!(f.cursor(), 4);
        f.left();
        f.backspace();
        assert_eq!(f.text(), "caé");
        f.home();
        f.insert('à');
        f.right();
        f.delete();
        assert_eq!((f.text(), f.cursor()), ("àcé", 2));
        assert_eq!(f.split(), ("àc", "é", ""));
        f.end();
        f.right();
        f.delete();
        assert_eq!((f.text(), f.cursor()), ("àcé", 3));
        assert_eq!(f.split(), ("àcé", "", ""));
        f.home();
        f.backspace();
        f.left();
        assert_eq!((f.text(), f.cursor()), ("àcé", 0));
    }

    #[test]
    fn length_and_control_characters_are_refused() {
        let mut f = LineInput::new("abcdef", 4);
        assert_eq!(f.text(), "abcd");
        f.insert('x');
        f.home();
        f.insert('\u{1b}');
        assert_eq!(f.text(), "abcd");
        f.set("zz");
        assert_eq!((f.text(), f.cursor()), ("zz", 2));
    }
}
