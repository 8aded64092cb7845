//! Text from files on its way to a terminal. A name, a heading or a question text can hold
//! control characters — an escape sequence that rewrites the screen or the window title, a NUL,
//! a bidirectional override that shows text in another order than it is — so everything the
//! command line prints goes through [`terminal_safe`], which shows them as `\uXXXX` instead.
//! The same form is a valid JSON escape, so JSON output stays valid JSON with the same data.

use std::borrow::Cow;

/// `text` with control characters (C0 but line breaks and tabs, DEL, C1) and bidirectional
/// controls (U+061C, U+200E–200F, U+202A–202E, U+2066–2069) written as `\uXXXX`.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            safe.push_str(&format!("\\u{:04X}", u32::from(c)));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Prints a line on standard output, made safe.
pub fn out(text: &str) {
    println!("{}", terminal_safe(text));
}

/// Prints a line on standard error, made safe.
pub fn err(text: &str) {
    eprintln!("{}", terminal_safe(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(terminal_safe("plain — café\n\tok"), "plain — café\n\tok");
        assert!(matches!(terminal_safe("plain"), Cow::Borrowed(_)));
        assert_eq!(terminal_safe("a\u{1b}[2Jb"), "a\\u001B[2Jb");
        assert_eq!(terminal_safe("nul\0"), "nul\\u0000");
        assert_eq!(
            terminal_safe("\u{9b}31m\u{7f}\r"),
            "\\u009B31m\\u007F\\u000D"
        );
        assert_eq!(
            terminal_safe("x\u{202E}cod.exe\u{2066}\u{2069}"),
            "x\\u202Ecod.exe\\u2066\\u2069"
        );
    }

    #[test]
    fn escaped_json_is_the_same_json() {
        let json = serde_json::to_string(&"Ann\u{202E}\u{85}\u{1b}").unwrap();
        let safe = terminal_safe(&json);
        assert!(!safe.chars().any(unsafe_char), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "Ann\u{202E}\u{85}\u{1b}");
    }
}
