//! The keys that answer a question, the same on every screen that takes answers from the
//! keyboard: 1–5 a level, D don't know, N not applicable, Delete or Backspace clears.

use egui::Key;

use crate::model::Answer;

/// Keys pressed this frame on their own or with Shift; Ctrl, Cmd and Alt make shortcuts instead.
pub fn plain_keys(ui: &egui::Ui) -> Vec<Key> {
    ui.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.command && !modifiers.ctrl && !modifiers.alt => Some(*key),
                _ => None,
            })
            .collect()
    })
}

/// The answer `key` gives on a scale of `max` levels, if it gives one.
pub fn answer_for_key(key: Key, max: u8) -> Option<Answer> {
    match key {
        Key::D => Some(Answer::DontKnow),
        Key::N => Some(Answer::NotApplicable),
        Key::Delete | Key::Backspace => Some(Answer::Blank),
        _ => key
            .name()
            .parse::<u8>()
            .ok()
            .filter(|level| (1..=max).contains(level))
            .map(Answer::Level),
    }
}
