//! Matching the header cells of a form export to questions and to the few columns that say
//! who answered. Headings are compared word by word, ignoring case, punctuation and spacing,
//! so `How often …?` matches `how often …`, and `com01` (LimeSurvey codes cannot hold `-`)
//! matches the question id `com-01`.

use std::fmt;

use crate::model::Questionnaire;

/// What a column of the table holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ColumnRole {
    /// Not used; the import warns about it.
    Ignored,
    /// Form bookkeeping (start time, LimeSurvey's seed …): not used and not worth a warning.
    Metadata,
    /// The response id that identifies a respondent in the source (Forms `ID`, LimeSurvey `id`).
    Respondent,
    /// The respondent's e-mail: identity when there is no response id, name when there is no name.
    Email,
    /// When the response was sent: bookkeeping, never an identity (people send in the same second).
    Timestamp,
    /// The respondent's display name.
    Name,
    /// IT or Business.
    Side,
    /// The respondent's role.
    Role,
    /// Strategic, tactical or operational.
    Level,
    /// The current level answered for the question with this id.
    Current(String),
    /// The target level answered for the question with this id.
    Target(String),
}

impl fmt::Display for ColumnRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ignored => f.write_str("ignored"),
            Self::Metadata => f.write_str("form metadata"),
            Self::Respondent => f.write_str("respondent id"),
            Self::Email => f.write_str("e-mail"),
            Self::Timestamp => f.write_str("timestamp"),
            Self::Name => f.write_str("name"),
            Self::Side => f.write_str("side"),
            Self::Role => f.write_str("role"),
            Self::Level => f.write_str("level"),
            Self::Current(id) => write!(f, "current {id}"),
            Self::Target(id) => write!(f, "target {id}"),
        }
    }
}

/// Proposes a role for each header: a question's current or target level (by id or full text,
/// also inside a grid's `[...]`; a target column says "target" outside the question text), the
/// respondent's identity, name, side, role and level, form metadata, or else `Ignored`.
pub fn match_columns(q: &Questionnaire, headers: &[String]) -> Vec<ColumnRole> {
    let keys: Vec<QuestionKeys> = q.questions.iter().map(QuestionKeys::new).collect();
    headers
        .iter()
        .map(|header| match match_question(&keys, header, 0) {
            // Damaged or hostile: reported as an error when the rows are read.
            _ if bracket_depth(header) > MAX_BRACKET_DEPTH => ColumnRole::Ignored,
            Some((index, true)) => ColumnRole::Target(keys[index].id.clone()),
            Some((index, false)) => ColumnRole::Current(keys[index].id.clone()),
            None => known_column(header),
        })
        .collect()
}

/// The lower-case alphanumeric words of `s`: the form in which headings and values are compared.
pub(super) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words that mark a column as the target level.
const TARGET_WORDS: &[&str] = &["target", "targets", "desired"];
/// Words that mark a column as the current level.
const CURRENT_WORDS: &[&str] = &["current", "currently", "today", "now", "actual", "present"];
/// Words that may stand next to a question id or text without changing what the column holds.
const FILLER_WORDS: &[&str] = &[
    "level",
    "levels",
    "answer",
    "score",
    "rating",
    "question",
    "value",
    "state",
    "situation",
    "the",
];

/// A question as the words a heading may name it by.
struct QuestionKeys {
    id: String,
    id_words: Vec<String>,
    /// The id without punctuation, as one word: `com01` for `com-01`.
    id_joined: Vec<String>,
    text_words: Vec<String>,
}

impl QuestionKeys {
    fn new(question: &crate::model::Question) -> Self {
        let id_words = words(&question.id);
        Self {
            id: question.id.clone(),
            id_joined: vec![id_words.concat()],
            id_words,
            text_words: words(&question.text),
        }
    }

    /// The word sequences that name this question, longest (most telling) first.
    fn needles(&self) -> impl Iterator<Item = &[String]> {
        [
            self.text_words.as_slice(),
            self.id_words.as_slice(),
            self.id_joined.as_slice(),
        ]
        .into_iter()
        .filter(|n| n.iter().any(|w| !w.is_empty()))
    }
}

/// How deep `Title [Row]` forms are looked into: a grid in a grid at most. Bounded, so a
/// heading of thousands of nested brackets costs two scans, not thousands of nested calls.
const MAX_GRID_DEPTH: usize = 2;

/// The question a heading names, and whether it is the target column; `depth` is how many
/// grids it is inside.
fn match_question(keys: &[QuestionKeys], header: &str, depth: usize) -> Option<(usize, bool)> {
    let header_words = words(header);
    if header_words.is_empty() {
        return None;
    }
    // The whole heading is a question's id or text, even one that says "targets".
    if let Some(index) = keys
        .iter()
        .position(|k| k.needles().any(|n| n == header_words.as_slice()))
    {
        return Some((index, false));
    }
    let grid = (depth < MAX_GRID_DEPTH)
        .then(|| match_grid(keys, header, depth + 1))
        .flatten();
    grid.or_else(|| match_span(keys, &header_words))
}

/// `Grid title [Row text]`: the row names the question and the title says whether it is the
/// target; or `Question [Target]`, a grid per question with rows for today and the target.
fn match_grid(keys: &[QuestionKeys], header: &str, depth: usize) -> Option<(usize, bool)> {
    let header = header.trim();
    let inner_end = header.strip_suffix(']')?.len();
    let mut nesting = 0usize;
    let open = header[..inner_end]
        .char_indices()
        .rev()
        .find_map(|(i, c)| match c {
            ']' => {
                nesting += 1;
                None
            }
            '[' if nesting == 0 => Some(i),
            '[' => {
                nesting -= 1;
                None
            }
            _ => None,
        })?;
    let inner = &header[open + 1..inner_end];
    let outer = &header[..open];
    if let Some((index, target)) = match_question(keys, inner, depth) {
        return Some((index, target || has_any(&words(outer), TARGET_WORDS)));
    }
    let (index, target) = match_question(keys, outer, depth)?;
    let inner_words = words(inner);
    let says_target = has_any(&inner_words, TARGET_WORDS);
    let says_current = has_any(&inner_words, CURRENT_WORDS);
    let only_markers = inner_words.iter().all(|w| is_marker_or_filler(w));
    (only_markers && (says_target || says_current)).then_some((index, target || says_target))
}

/// A question's id or text inside a heading with only marker words around it:
/// `Target: question text`, `com-01 (target)`, `com-01: question text`.
fn match_span(keys: &[QuestionKeys], header: &[String]) -> Option<(usize, bool)> {
    let mut best: Option<(usize, usize, usize)> = None; // (question, start, length)
    for (index, key) in keys.iter().enumerate() {
        for needle in key.needles() {
            if let Some(start) = find_words(header, needle)
                && best.is_none_or(|(_, _, len)| needle.len() > len)
            {
                best = Some((index, start, needle.len()));
            }
        }
    }
    let (index, start, len) = best?;
    let mut rest: Vec<String> = header[..start]
        .iter()
        .chain(&header[start + len..])
        .cloned()
        .collect();
    // The question's own id beside its text says nothing new.
    for needle in keys[index].needles() {
        while let Some(at) = find_words(&rest, needle) {
            rest.drain(at..at + needle.len());
        }
    }
    rest.iter()
        .all(|w| is_marker_or_filler(w) || w.chars().all(|c| c.is_ascii_digit()))
        .then(|| (index, has_any(&rest, TARGET_WORDS)))
}

/// How deep the square brackets of a heading nest.
pub(super) fn bracket_depth(header: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for c in header.chars() {
        match c {
            '[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Brackets nested deeper than any form writes: the heading is damaged or hostile.
pub(super) const MAX_BRACKET_DEPTH: usize = 8;

/// Where `needle` occurs as consecutive words of `haystack`.
fn find_words(haystack: &[String], needle: &[String]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn has_any(words: &[String], set: &[&str]) -> bool {
    words.iter().any(|w| set.contains(&w.as_str()))
}

fn is_marker_or_filler(word: &str) -> bool {
    [TARGET_WORDS, CURRENT_WORDS, FILLER_WORDS]
        .iter()
        .any(|set| set.contains(&word))
}

/// Headings (as their words joined by spaces) for each column that is not a question.
const KNOWN_COLUMNS: &[(&[&str], ColumnRole)] = &[
    (
        &["id", "response id", "respondent id", "responseid"],
        ColumnRole::Respondent,
    ),
    (
        &["email", "email address", "e mail", "e mail address"],
        ColumnRole::Email,
    ),
    (
        // Google Forms in English, French, German, Spanish, Dutch, Italian, Portuguese.
        &[
            "timestamp",
            "horodateur",
            "zeitstempel",
            "marca temporal",
            "tijdstempel",
            "informazioni cronologiche",
            "carimbo de data hora",
        ],
        ColumnRole::Timestamp,
    ),
    (
        &[
            "name",
            "full name",
            "your name",
            "respondent",
            "respondent name",
            "participant",
            "participant name",
        ],
        ColumnRole::Name,
    ),
    (&["side", "it or business"], ColumnRole::Side),
    (
        &["role", "your role", "job role", "job title"],
        ColumnRole::Role,
    ),
    (
        &["level", "organisational level", "organizational level"],
        ColumnRole::Level,
    ),
    (
        &[
            // Microsoft Forms
            "start time",
            "completion time",
            "last modified time",
            "total points",
            "quiz feedback",
            // LimeSurvey, by code and by text
            "submitdate",
            "lastpage",
            "startlanguage",
            "seed",
            "startdate",
            "datestamp",
            "ipaddr",
            "refurl",
            "token",
            "interviewtime",
            "date submitted",
            "last page",
            "start language",
            "date started",
            "date last action",
            "ip address",
            "referrer url",
            "total time",
            // Google Forms quizzes
            "score",
        ],
        ColumnRole::Metadata,
    ),
];

/// The role of a heading that names no question.
fn known_column(header: &str) -> ColumnRole {
    let lower = header.trim().to_lowercase();
    // Microsoft Forms quizzes add `Points - <question>` and `Feedback - <question>`.
    if lower.starts_with("points - ") || lower.starts_with("feedback - ") {
        return ColumnRole::Metadata;
    }
    // `Side (IT or Business)` is a Side column.
    let base = match lower.strip_suffix(')').and_then(|s| s.rfind('(')) {
        Some(open) if open > 0 => &lower[..open],
        _ => &lower,
    };
    let key = words(base).join(" ");
    KNOWN_COLUMNS
        .iter()
        .find(|(names, _)| names.contains(&key.as_str()))
        .map_or(ColumnRole::Ignored, |(_, role)| role.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_and_punctuation() {
        assert_eq!(
            words("  How OFTEN, really?  "),
            ["how", "often", "really"].map(String::from)
        );
        assert_eq!(words("Don’t know"), words("don't KNOW"));
        assert!(words(" ?! ").is_empty());
    }

    #[test]
    fn known_columns() {
        assert_eq!(known_column("Email Address"), ColumnRole::Email);
        assert_eq!(known_column(" E-mail "), ColumnRole::Email);
        assert_eq!(known_column("Side (IT or Business)"), ColumnRole::Side);
        assert_eq!(known_column("Points - How often?"), ColumnRole::Metadata);
        assert_eq!(known_column("submitdate"), ColumnRole::Metadata);
        assert_eq!(known_column("Department"), ColumnRole::Ignored);
        assert_eq!(known_column("(x)"), ColumnRole::Ignored);
    }
}
