//! Where a value sits in RON text, by its path in the document (`questions[3].weight`,
//! `participants[2].responses["com-01"].current`). Checks run on the parsed document and say
//! which value is wrong; this finds it in the text, in one pass however many problems there
//! are, and only when there are some.

use std::collections::{HashMap, HashSet};

/// One step down a path: a struct field, a list element, a map key (unquoted).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step<'a> {
    Field(&'a str),
    Index(usize),
    Key(String),
}

/// A path from the top of the document.
pub type RonPath<'a> = Vec<Step<'a>>;

/// Where each of `wanted` starts in `source` (a field's value, a list element, a map entry's
/// key): its byte offset and how many of its steps are written there. A path not written in
/// full (a field left out takes its default) gives its nearest ancestor that is.
pub fn locate<'a>(source: &'a str, wanted: &[RonPath<'a>]) -> Vec<(usize, usize)> {
    let mut prefixes: HashSet<&[Step<'a>]> = HashSet::new();
    for path in wanted {
        for len in 0..=path.len() {
            prefixes.insert(&path[..len]);
        }
    }
    let found = Scanner::new(source, &prefixes).run();
    wanted
        .iter()
        .map(|path| {
            (0..=path.len())
                .rev()
                .find_map(|len| found.get(&path[..len]).map(|offset| (*offset, len)))
                .unwrap_or((0, 0))
        })
        .collect()
}

/// What an open bracket holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// `(`: a struct's fields or a tuple's elements.
    Paren,
    Seq,
    Map,
}

/// One open bracket: what it holds, the next element's index, and whether the path has a
/// step for the current element (pushed when the element starts).
#[derive(Clone, Copy)]
struct Frame {
    open: Open,
    index: usize,
    stepped: bool,
}

struct Scanner<'s, 'w> {
    text: &'s str,
    bytes: &'s [u8],
    pos: usize,
    wanted: &'w HashSet<&'w [Step<'s>]>,
    path: RonPath<'s>,
    frames: Vec<Frame>,
    found: HashMap<RonPath<'s>, usize>,
}

impl<'s, 'w> Scanner<'s, 'w> {
    fn new(text: &'s str, wanted: &'w HashSet<&'w [Step<'s>]>) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            wanted,
            path: Vec::new(),
            frames: Vec::new(),
            found: HashMap::new(),
        }
    }

    fn run(mut self) -> HashMap<RonPath<'s>, usize> {
        self.skip_blank();
        self.record();
        while self.pos < self.bytes.len() {
            self.step();
            self.skip_blank();
        }
        self.found
    }

    /// Notes where the current path starts, if it is wanted and not seen yet.
    fn record(&mut self) {
        self.record_at(self.pos);
    }

    fn record_at(&mut self, at: usize) {
        if self.wanted.contains(self.path.as_slice()) && !self.found.contains_key(&self.path) {
            self.found.insert(self.path.clone(), at);
        }
    }

    /// Reads one token and moves the path along.
    fn step(&mut self) {
        match self.bytes[self.pos] {
            b'(' => self.open(Open::Paren),
            b'[' => self.open(Open::Seq),
            b'{' => self.open(Open::Map),
            b')' | b']' | b'}' => {
                self.pos += 1;
                if let Some(frame) = self.frames.pop()
                    && frame.stepped
                {
                    self.path.pop();
                }
            }
            b',' => {
                self.pos += 1;
                self.end_element();
            }
            b':' => self.pos += 1,
            b'"' => self.skip_string(),
            b'r' if matches!(self.bytes.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.skip_raw_string()
            }
            b'\'' => self.skip_char(),
            _ => self.skip_word(),
        }
    }

    fn open(&mut self, open: Open) {
        self.pos += 1;
        self.frames.push(Frame {
            open,
            index: 0,
            stepped: false,
        });
        self.skip_blank();
        self.start_element();
    }

    /// After a comma: the element is done, the next one starts.
    fn end_element(&mut self) {
        if let Some(frame) = self.frames.last_mut() {
            frame.index += 1;
            if frame.stepped {
                frame.stepped = false;
                self.path.pop();
            }
        }
        self.skip_blank();
        self.start_element();
    }

    /// At the first token of an element: works out its step (a field name, a map key, an
    /// index) and records where its value starts.
    fn start_element(&mut self) {
        let Some(&Frame { open, index, .. }) = self.frames.last() else {
            return;
        };
        if self.pos >= self.bytes.len() || matches!(self.bytes[self.pos], b')' | b']' | b'}') {
            return;
        }
        let key_start = self.pos;
        let step = match open {
            Open::Seq => Step::Index(index),
            Open::Paren => self.field_name().unwrap_or(Step::Index(index)),
            Open::Map => {
                let key = self.map_key();
                self.skip_blank();
                if self.bytes.get(self.pos) == Some(&b':') {
                    self.pos += 1;
                    self.skip_blank();
                }
                key
            }
        };
        if let Some(frame) = self.frames.last_mut() {
            frame.stepped = true;
        }
        // A map entry is shown at its key (the thing named), a field and an element at the value.
        let at = if open == Open::Map {
            key_start
        } else {
            self.pos
        };
        self.path.push(step);
        self.record_at(at);
    }

    /// `name:` at the position: steps over it and gives the field, else stays put.
    fn field_name(&mut self) -> Option<Step<'s>> {
        let start = self.pos;
        let end = start
            + self.bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
        if end == start {
            return None;
        }
        let name = &self.text[start..end];
        self.pos = end;
        self.skip_blank();
        if self.bytes.get(self.pos) == Some(&b':') {
            self.pos += 1;
            self.skip_blank();
            Some(Step::Field(name))
        } else {
            self.pos = start;
            None
        }
    }

    /// A map key: a string's contents (simple escapes undone), else the token as written.
    fn map_key(&mut self) -> Step<'s> {
        let start = self.pos;
        if self.bytes.get(start) == Some(&b'"') {
            self.skip_string();
            let inner = &self.text[start + 1..self.pos.saturating_sub(1).max(start + 1)];
            return Step::Key(inner.replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        self.skip_word();
        Step::Key(self.text[start..self.pos].to_owned())
    }

    fn skip_string(&mut self) {
        self.pos += 1;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
        self.pos = self.pos.min(self.bytes.len());
    }

    /// `r"…"`, `r#"…"#` and so on.
    fn skip_raw_string(&mut self) {
        self.pos += 1;
        let hashes = self.bytes[self.pos..]
            .iter()
            .take_while(|b| **b == b'#')
            .count();
        self.pos += hashes + 1;
        let closing: Vec<u8> = std::iter::once(b'"')
            .chain(std::iter::repeat_n(b'#', hashes))
            .collect();
        self.pos = match self.bytes[self.pos.min(self.bytes.len())..]
            .windows(closing.len())
            .position(|w| w == closing.as_slice())
        {
            Some(at) => self.pos + at + closing.len(),
            None => self.bytes.len(),
        };
    }

    fn skip_char(&mut self) {
        self.pos += 1;
        if self.bytes.get(self.pos) == Some(&b'\\') {
            self.pos += 1;
        }
        let rest = &self.bytes[self.pos.min(self.bytes.len())..];
        self.pos += rest
            .iter()
            .position(|b| *b == b'\'')
            .map_or(rest.len(), |at| at + 1);
    }

    /// A number, identifier or anything else up to the next structural character.
    fn skip_word(&mut self) {
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            if b"()[]{},:\"' \t\r\n/".contains(&b) {
                break;
            }
            self.pos += 1;
        }
        if self.pos == start {
            self.pos += 1; // a lone `/` or other stray byte
        }
    }

    /// Skips white space and comments (`// …`, and `/* … */`, which may nest).
    fn skip_blank(&mut self) {
        loop {
            while self
                .bytes
                .get(self.pos)
                .is_some_and(|b| b.is_ascii_whitespace())
            {
                self.pos += 1;
            }
            let rest = &self.bytes[self.pos.min(self.bytes.len())..];
            if rest.starts_with(b"//") {
                self.pos += rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
            } else if rest.starts_with(b"/*") {
                self.skip_block_comment();
            } else {
                return;
            }
        }
    }

    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        while self.pos < self.bytes.len() {
            let rest = &self.bytes[self.pos..];
            if rest.starts_with(b"/*") {
                depth += 1;
                self.pos += 2;
            } else if rest.starts_with(b"*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.pos += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(source: &'a str, path: RonPath<'a>) -> &'a str {
        let (offset, _) = locate(source, &[path])[0];
        &source[offset..]
    }

    #[test]
    fn finds_fields_elements_and_keys() {
        let text = r#"Assessment( // comment with ( and "
  questionnaire: (id: "q", questions: [(id: "a"), (id: "b", weight: 9e9)]),
  participants: [
    (id: "p1", responses: {"com-01": (current: Level(9)), "x\"y": (target: DontKnow)}),
  ],
)"#;
        use Step::*;
        let q = |rest: Vec<Step<'static>>| [vec![Field("questionnaire")], rest].concat();
        assert!(
            at(text, q(vec![Field("questions"), Index(1), Field("weight")])).starts_with("9e9")
        );
        assert!(at(text, q(vec![Field("questions"), Index(0), Field("id")])).starts_with("\"a\""));
        let response = |key: &str, field| {
            vec![
                Field("participants"),
                Index(0),
                Field("responses"),
                Key(key.into()),
                Field(field),
            ]
        };
        assert!(at(text, response("com-01", "current")).starts_with("Level(9)"));
        assert!(at(text, response("x\"y", "target")).starts_with("DontKnow"));
        // A field not written falls back to the element holding it.
        let missing = q(vec![Field("questions"), Index(0), Field("weight")]);
        assert!(at(text, missing).starts_with("(id: \"a\")"));
        assert!(at(text, vec![]).starts_with("Assessment("));
    }

    #[test]
    fn raw_strings_chars_and_block_comments_are_skipped() {
        let text = "(a: r#\"(\"]\"#, b: ')', /* ( /* [ */ */ id: \"x\")";
        assert!(at(text, vec![Step::Field("id")]).starts_with("\"x\""));
    }
}
