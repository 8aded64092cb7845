//! How the room's answers to one question read out loud, for the projector and the facilitator:
//! "the room agrees", "the room is split" — words, not statistics.

use serde::Serialize;

use super::QuestionScore;

/// What today's answers to a question say about the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoomView {
    NoAnswers,
    OneAnswer,
    /// Everyone gave the same level.
    Agrees,
    /// The answers lie on two neighbouring levels.
    MostlyAgrees,
    /// The answers span three levels.
    Differs,
    /// The answers span four levels or more, or spread widely (`QuestionScore::disagreement`):
    /// worth discussing and voting again.
    Split,
}

impl RoomView {
    /// The room's view of a question from its answers today.
    pub fn of(question: &QuestionScore) -> RoomView {
        let s = &question.spread;
        let range = s.max.zip(s.min).map_or(0.0, |(max, min)| max - min);
        match s.count {
            0 => RoomView::NoAnswers,
            1 => RoomView::OneAnswer,
            _ if question.disagreement || range >= 3.0 => RoomView::Split,
            _ if range >= 2.0 => RoomView::Differs,
            _ if range >= 1.0 => RoomView::MostlyAgrees,
            _ => RoomView::Agrees,
        }
    }

    /// "the room agrees", "the room is split", …
    pub fn words(self) -> &'static str {
        match self {
            RoomView::NoAnswers => "no answers yet",
            RoomView::OneAnswer => "one answer so far",
            RoomView::Agrees => "the room agrees",
            RoomView::MostlyAgrees => "the room mostly agrees",
            RoomView::Differs => "the room sees it differently",
            RoomView::Split => "the room is split",
        }
    }

    /// The room disagrees enough to discuss and vote again.
    pub fn worth_revoting(self) -> bool {
        self == RoomView::Split
    }
}

/// The room's view in a sentence, with how the sides differ where two or more on each side
/// answered: "the room is split — IT rates it higher than the business".
pub fn room_sentence(question: &QuestionScore) -> String {
    let view = RoomView::of(question).words();
    match question.perception_gap {
        Some(gap) if gap >= 1.0 => format!("{view} — IT rates it higher than the business"),
        Some(gap) if gap <= -1.0 => format!("{view} — the business rates it higher than IT"),
        _ => view.to_string(),
    }
}
