//! Reading single cells: an answer on the questionnaire's scale, a side, an organisational level.

use super::columns::words;
use crate::model::{Answer, Level, Scale, Side};

/// Spellings of "don't know" besides the scale's own label.
const DONT_KNOW: &[&str] = &["dk", "don t know", "dont know", "do not know"];
/// Spellings of "not applicable" besides the scale's own label (`N/A`, `n.a.` give `n a`).
const NOT_APPLICABLE: &[&str] = &["n a", "na", "not applicable"];

/// An answer cell: blank, a level number (`3`, `3.0`, `3 - Defined`, `Level 3`), a level label
/// (`defined`), or the scale's don't know / not applicable. `None` when it is none of these.
pub(super) fn parse_answer(scale: &Scale, cell: &str) -> Option<Answer> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some(Answer::Blank);
    }
    // Most cells are a bare level number: read it without splitting words.
    if cell.len() <= 3 && cell.bytes().all(|b| b.is_ascii_digit()) {
        let value: u32 = cell.parse().ok()?;
        let level = scale.levels.iter().find(|l| u32::from(l.value) == value)?;
        return Some(Answer::Level(level.value));
    }
    let key = words(cell);
    let phrase = key.join(" ");
    if key == words(&scale.dont_know) || DONT_KNOW.contains(&phrase.as_str()) {
        return Some(Answer::DontKnow);
    }
    if key == words(&scale.not_applicable) || NOT_APPLICABLE.contains(&phrase.as_str()) {
        return Some(Answer::NotApplicable);
    }
    if let Some(level) = scale.levels.iter().find(|l| words(&l.label) == key) {
        return Some(Answer::Level(level.value));
    }
    let number = match cell.get(..6) {
        Some(prefix) if prefix.eq_ignore_ascii_case("level ") => &cell[6..],
        _ => cell,
    };
    let (value, rest) = leading_integer(number)?;
    let level = scale.levels.iter().find(|l| u32::from(l.value) == value)?;
    // `3 - Managed` when 3 is "Defined" contradicts itself: better asked than guessed.
    let rest = words(rest);
    let other_label = scale
        .levels
        .iter()
        .any(|l| l.value != level.value && words(&l.label) == rest);
    (!other_label).then_some(Answer::Level(level.value))
}

/// The integer a cell starts with (`3`, `3.0`, `3,00`) and what follows it, which must not
/// continue the number (`3.5`, `35`, `3rd` are not level 3).
fn leading_integer(cell: &str) -> Option<(u32, &str)> {
    let end = cell
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(cell.len());
    let value: u32 = cell.get(..end)?.parse().ok()?;
    let mut rest = &cell[end..];
    if let Some(fraction) = rest.strip_prefix(['.', ',']) {
        let zeros = fraction.len() - fraction.trim_start_matches('0').len();
        let after = &fraction[zeros..];
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if zeros > 0 {
            rest = after;
        }
    }
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    Some((value, rest))
}

/// A side cell: IT (`IT`, `I.T.`, `ICT`, `Information technology`) or Business, any case.
pub(super) fn parse_side(cell: &str) -> Option<Side> {
    match words(cell).concat().as_str() {
        "it" | "ict" | "informationtechnology" | "itside" | "itdepartment" => Some(Side::It),
        "business" | "thebusiness" | "businessside" => Some(Side::Business),
        _ => None,
    }
}

/// A level cell: strategic, tactical or operational, any case, possibly followed by more words.
pub(super) fn parse_level(cell: &str) -> Option<Level> {
    let key = words(cell);
    Level::ALL
        .into_iter()
        .find(|l| key.first().map(String::as_str) == Some(l.name()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ScaleLevel;

    fn scale() -> Scale {
        let labels = ["Initial", "Repeatable", "Defined", "Managed", "Optimised"];
        Scale {
            levels: (1..=5)
                .zip(labels)
                .map(|(value, label)| ScaleLevel {
                    value,
                    label: label.into(),
                    description: String::new(),
                })
                .collect(),
            dont_know: "Don't know".into(),
            not_applicable: "Not applicable".into(),
        }
    }

    #[test]
    fn answers() {
        let s = scale();
        let cases = [
            ("", Some(Answer::Blank)),
            ("  ", Some(Answer::Blank)),
            ("3", Some(Answer::Level(3))),
            (" 5 ", Some(Answer::Level(5))),
            ("3.0", Some(Answer::Level(3))),
            ("3,00", Some(Answer::Level(3))),
            ("3.", Some(Answer::Level(3))),
            ("3 - Defined", Some(Answer::Level(3))),
            (
                "3 – Defined: processes are written down",
                Some(Answer::Level(3)),
            ),
            ("Level 2", Some(Answer::Level(2))),
            ("defined", Some(Answer::Level(3))),
            ("OPTIMISED", Some(Answer::Level(5))),
            ("Don’t know", Some(Answer::DontKnow)),
            ("DK", Some(Answer::DontKnow)),
            ("N/A", Some(Answer::NotApplicable)),
            ("na", Some(Answer::NotApplicable)),
            ("Not applicable", Some(Answer::NotApplicable)),
            ("7", None),
            ("0", None),
            ("3.5", None),
            ("35", None),
            ("3rd", None),
            ("3 - Managed", None),
            ("Excellent", None),
            ("?", None),
            ("99999999999999999999", None),
        ];
        for (cell, expected) in cases {
            assert_eq!(parse_answer(&s, cell), expected, "cell {cell:?}");
        }
    }

    #[test]
    fn sides_and_levels() {
        assert_eq!(parse_side("I.T."), Some(Side::It));
        assert_eq!(parse_side(" it "), Some(Side::It));
        assert_eq!(parse_side("BUSINESS"), Some(Side::Business));
        assert_eq!(parse_side("Finance"), None);
        assert_eq!(parse_level("Strategic"), Some(Level::Strategic));
        assert_eq!(parse_level("operational (team)"), Some(Level::Operational));
        assert_eq!(parse_level("board"), None);
    }
}
