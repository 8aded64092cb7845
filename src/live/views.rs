//! What the phones and the facilitator's screens are shown, as JSON: the question on screen in
//! the reader's side's words, how many have voted, and the distribution once revealed. Nothing
//! here says who voted what: a phone sees its own vote and counts, never another's answer.

use serde::{Deserialize, Serialize};

use super::room::{Refusal, Room, Vote};
use crate::model::{Answer, Question, Side};

/// An answer as the API writes it: a level number, `"dont_know"`, `"not_applicable"`, or null.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum WireAnswer {
    Level(u8),
    Word(Word),
}

/// The answers that are not a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Word {
    DontKnow,
    NotApplicable,
}

/// The answer a wire value stands for; null is no answer.
pub fn answer_from_wire(wire: Option<WireAnswer>) -> Answer {
    match wire {
        None => Answer::Blank,
        Some(WireAnswer::Level(level)) => Answer::Level(level),
        Some(WireAnswer::Word(Word::DontKnow)) => Answer::DontKnow,
        Some(WireAnswer::Word(Word::NotApplicable)) => Answer::NotApplicable,
    }
}

/// How the API writes an answer.
pub fn answer_to_wire(answer: Answer) -> Option<WireAnswer> {
    match answer {
        Answer::Blank => None,
        Answer::Level(level) => Some(WireAnswer::Level(level)),
        Answer::DontKnow => Some(WireAnswer::Word(Word::DontKnow)),
        Answer::NotApplicable => Some(WireAnswer::Word(Word::NotApplicable)),
    }
}

/// A vote as the API writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WireVote {
    pub current: Option<WireAnswer>,
    pub target: Option<WireAnswer>,
}

/// What a phone shows.
#[derive(Debug, Serialize)]
pub struct PhoneState {
    /// The question on screen; null when there is none or it is not asked of this phone's side.
    pub question: Option<QuestionView>,
    /// Votes are taken on it.
    pub open: bool,
    /// Whether the question on screen is asked of this phone's side (true for a phone that has
    /// not joined).
    pub asked: bool,
    /// This phone's own vote on the question on screen.
    pub mine: Option<WireVote>,
    /// Who this phone votes as: their name, or their code when anonymous.
    pub you: Option<String>,
}

/// A question as a phone shows it.
#[derive(Debug, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub text: String,
    /// Its place in the questionnaire, from 1, and how many there are.
    pub number: usize,
    pub of: usize,
    pub levels: Vec<LevelView>,
    pub dont_know: String,
    pub not_applicable: String,
}

/// One level: its number, the scale's name for it, and what it looks like for this question.
#[derive(Debug, Serialize)]
pub struct LevelView {
    pub value: u8,
    pub label: String,
    pub description: String,
}

/// Someone a phone can join as.
#[derive(Debug, Serialize)]
pub struct MemberView {
    pub participant: String,
    pub name: String,
    pub side: &'static str,
    /// Another phone already speaks for them.
    pub taken: bool,
}

/// The join screen's list: nobody is listed in an anonymous assessment.
#[derive(Debug, Serialize)]
pub struct Roster {
    pub anonymous: bool,
    pub participants: Vec<MemberView>,
}

/// How far the vote on the question on screen has got.
#[derive(Debug, PartialEq, Serialize)]
pub struct Tally {
    /// Participants asked the question who have voted.
    pub voted: usize,
    /// Participants asked the question.
    pub participants: usize,
    /// Null until the facilitator reveals it.
    pub distribution: Option<Distribution>,
}

/// How many chose each answer, today and as target, for each side.
#[derive(Debug, PartialEq, Serialize)]
pub struct Distribution {
    /// The scale's levels, lowest first: the order of every `levels` count below.
    pub levels: Vec<String>,
    pub current: BySide,
    pub target: BySide,
}

#[derive(Debug, Default, PartialEq, Serialize)]
pub struct BySide {
    pub it: Counts,
    pub business: Counts,
}

#[derive(Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub levels: Vec<usize>,
    pub dont_know: usize,
    pub not_applicable: usize,
}

/// What the facilitator's screen shows.
#[derive(Debug, Serialize)]
pub struct HostState {
    pub questions: Vec<HostQuestion>,
    /// The id of the question on screen.
    pub question: Option<String>,
    pub open: bool,
    pub revealed: bool,
    /// Phones that have joined.
    pub phones: usize,
    pub tally: Tally,
}

/// A question in the facilitator's list.
#[derive(Debug, Serialize)]
pub struct HostQuestion {
    pub id: String,
    pub text: String,
    /// `both`, `it` or `business`.
    pub audience: &'static str,
}

impl Room {
    /// What the phone with `device` shows; a phone that has not joined sees the question as
    /// written. An unknown device is refused.
    pub fn phone_state(&self, device: Option<&str>) -> Result<PhoneState, Refusal> {
        let member = device.map(|d| self.member_of(d)).transpose()?;
        let side = member.map(|m| m.side);
        let question = self.question();
        let asked = match (question, side) {
            (Some(q), Some(side)) => q.audience.includes(side),
            _ => true,
        };
        let mine = match (question, member) {
            (Some(q), Some(m)) if asked => {
                let vote = self.vote_of(&m.id, &q.id);
                Some(WireVote {
                    current: answer_to_wire(vote.current),
                    target: answer_to_wire(vote.target),
                })
            }
            _ => None,
        };
        Ok(PhoneState {
            question: question
                .filter(|_| asked)
                .map(|q| self.question_view(q, side)),
            open: self.poll.open,
            asked,
            mine,
            you: member.map(|m| m.name.clone()),
        })
    }

    fn question_view(&self, question: &Question, side: Option<Side>) -> QuestionView {
        let scale = &self.questionnaire.scale;
        QuestionView {
            id: question.id.clone(),
            text: side
                .map_or(&question.text[..], |s| question.text_for(s))
                .to_owned(),
            number: self.poll.question.map_or(0, |i| i + 1),
            of: self.questionnaire.questions.len(),
            levels: scale
                .levels
                .iter()
                .map(|level| LevelView {
                    value: level.value,
                    label: level.label.clone(),
                    description: question
                        .levels
                        .get(usize::from(level.value).wrapping_sub(1))
                        .cloned()
                        .unwrap_or_else(|| level.description.clone()),
                })
                .collect(),
            dont_know: scale.dont_know.clone(),
            not_applicable: scale.not_applicable.clone(),
        }
    }

    /// Who a phone can join as.
    pub fn roster(&self) -> Roster {
        let participants = if self.anonymous {
            Vec::new()
        } else {
            self.members
                .iter()
                .map(|m| MemberView {
                    participant: m.id.clone(),
                    name: m.name.clone(),
                    side: m.side.name(),
                    taken: self.is_bound(&m.id),
                })
                .collect()
        };
        Roster {
            anonymous: self.anonymous,
            participants,
        }
    }

    /// The count of votes on the question on screen, with the distribution once revealed.
    pub fn tally(&self) -> Tally {
        let Some(question) = self.question() else {
            return Tally {
                voted: 0,
                participants: self.members.len(),
                distribution: None,
            };
        };
        let asked: Vec<_> = self
            .members
            .iter()
            .filter(|m| question.audience.includes(m.side))
            .map(|m| (m.side, self.vote_of(&m.id, &question.id)))
            .collect();
        let voted = asked.iter().filter(|(_, v)| *v != Vote::default()).count();
        let distribution = self
            .poll
            .revealed
            .then(|| self.distribution(asked.iter().copied()));
        Tally {
            voted,
            participants: asked.len(),
            distribution,
        }
    }

    fn distribution(&self, votes: impl Iterator<Item = (Side, Vote)>) -> Distribution {
        let levels = &self.questionnaire.scale.levels;
        let empty = || BySide {
            it: Counts {
                levels: vec![0; levels.len()],
                ..Counts::default()
            },
            business: Counts {
                levels: vec![0; levels.len()],
                ..Counts::default()
            },
        };
        let mut current = empty();
        let mut target = empty();
        for (side, vote) in votes {
            for (answer, by_side) in [(vote.current, &mut current), (vote.target, &mut target)] {
                let counts = match side {
                    Side::It => &mut by_side.it,
                    Side::Business => &mut by_side.business,
                };
                match answer {
                    Answer::Level(l) => {
                        if let Some(i) = levels.iter().position(|x| x.value == l) {
                            counts.levels[i] += 1;
                        }
                    }
                    Answer::DontKnow => counts.dont_know += 1,
                    Answer::NotApplicable => counts.not_applicable += 1,
                    Answer::Blank => {}
                }
            }
        }
        Distribution {
            levels: levels
                .iter()
                .map(|l| format!("{} · {}", l.value, l.label))
                .collect(),
            current,
            target,
        }
    }

    /// The facilitator's view: the questions, the poll and the tally.
    pub fn host_state(&self) -> HostState {
        HostState {
            questions: self
                .questionnaire
                .questions
                .iter()
                .map(|q| HostQuestion {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    audience: q.audience.name(),
                })
                .collect(),
            question: self.question().map(|q| q.id.clone()),
            open: self.poll.open,
            revealed: self.poll.revealed,
            phones: self.bound_count(),
            tally: self.tally(),
        }
    }
}
