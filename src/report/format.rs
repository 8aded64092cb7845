//! Numbers and counts as every output shows them, written once: scores to two decimals (a
//! dash when nothing stands behind them), shares as whole percentages, counts with their noun
//! in the singular or the plural, lists joined with "and".

use serde::Serialize;

/// What is shown where there is no figure: no answers behind a score, or too few to say.
pub const NO_FIGURE: &str = "—";

/// A number together with the text every output shows for it. Writers print `text`; charts
/// and the CSV read `value`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub value: Option<f64>,
    pub text: String,
}

impl Figure {
    /// A score on the 1–5 scale, a gap or a standard deviation: two decimals.
    pub fn score(value: Option<f64>) -> Figure {
        Figure {
            value,
            text: value.map_or_else(|| NO_FIGURE.to_string(), score_text),
        }
    }

    /// A share of a whole, 0.0–1.0, as a whole percentage: "38%".
    pub fn percent(value: Option<f64>) -> Figure {
        Figure {
            value,
            text: value.map_or_else(|| NO_FIGURE.to_string(), |v| format!("{:.0}%", v * 100.0)),
        }
    }

    /// The text in a CSV cell: the number, or an empty cell when there is none.
    pub fn csv(&self) -> &str {
        if self.value.is_some() { &self.text } else { "" }
    }

    pub fn is_absent(&self) -> bool {
        self.value.is_none()
    }
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Two decimals, and never "-0.00": a gap that rounds to nothing is no gap.
fn score_text(value: f64) -> String {
    let text = format!("{value:.2}");
    match text.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
        _ => text,
    }
}

/// A 90% interval to one decimal, "2.1–3.4", or a dash when there is none.
pub fn range(interval: Option<[f64; 2]>) -> String {
    interval.map_or_else(
        || NO_FIGURE.to_string(),
        |[low, high]| format!("{low:.1}–{high:.1}"),
    )
}

/// "1 participant", "3 participants": nouns that take an "s".
pub fn count(n: usize, noun: &str) -> String {
    plural(n, noun, &format!("{noun}s"))
}

/// "1 person", "3 people": the count with the right form of the noun.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "a", "a and b", "a, b and c".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

/// The first letter in upper case: "strategic" → "Strategic".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_have_two_decimals_and_no_negative_zero() {
        assert_eq!(Figure::score(Some(2.0)).text, "2.00");
        assert_eq!(Figure::score(Some(2.345_6)).text, "2.35");
        assert_eq!(Figure::score(Some(-0.6)).text, "-0.60");
        assert_eq!(Figure::score(Some(-0.001)).text, "0.00");
        assert_eq!(Figure::score(None).text, NO_FIGURE);
        assert_eq!(Figure::score(None).csv(), "");
        assert_eq!(Figure::percent(Some(0.375)).text, "38%");
    }

    #[test]
    fn counts_and_lists_read_as_english() {
        assert_eq!(count(1, "answer"), "1 answer");
        assert_eq!(count(0, "answer"), "0 answers");
        assert_eq!(plural(2, "person", "people"), "2 people");
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b"]), "a and b");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(capitalised("strategic"), "Strategic");
    }
}
