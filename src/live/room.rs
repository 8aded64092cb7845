//! The room of a voting session: who is in it and which phone speaks for whom, the question the
//! facilitator has open, and the votes. No network here: the server calls these, and each
//! change the room accepts comes back as an [`Event`] for whoever owns the assessment to apply
//! (the window as edits, the headless command to its file).
//!
//! The room mirrors the assessment: [`Room::sync`] takes it back after the owner has applied
//! events (or the facilitator typed an answer, undid, started a new round), keeping the changes
//! the owner has not applied yet, so a count never goes back for a moment.

use std::collections::HashMap;

use crate::model::{Answer, Assessment, Participant, Question, Questionnaire, Side, first_unused};

/// The most phones a session binds: more than any room, a bound on what a flood of joins costs.
pub const MAX_DEVICES: usize = 1000;

/// The longest name a phone may give, in characters.
pub const MAX_NAME: usize = 80;

/// Ids of people who added themselves from a phone: `v1`, `v2`, … (their code in an anonymous
/// assessment is `V1`). The window numbers its own `p1`, `p2`, …, so the two never collide.
const JOINED_PREFIX: &str = "v";

/// A change the room accepted.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Someone added themself from a phone.
    Joined(Participant),
    /// A participant's vote on a question, today and as target.
    Voted {
        participant: String,
        question: String,
        vote: Vote,
    },
    /// The facilitator asked the room to vote on the question again.
    NewRound { question: String },
}

/// A change and its place in the order the room accepted them.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub seq: u64,
    pub change: Change,
}

/// One participant's answers to one question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Vote {
    pub current: Answer,
    pub target: Answer,
}

/// Why the room refused a request; each maps to one HTTP status.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("this phone has not joined the session")]
    UnknownDevice,
    #[error("no such participant")]
    UnknownParticipant,
    #[error("no such question")]
    UnknownQuestion,
    #[error("that question is not open for voting")]
    NotOpen,
    #[error("that question is not asked of your side")]
    NotAsked,
    #[error("that level is not on the scale")]
    OffScale,
    #[error("choose today's level or the target")]
    NothingChosen,
    #[error("that participant has joined from another phone")]
    AlreadyBound,
    #[error("give your name")]
    NameNeeded,
    #[error("choose IT or business")]
    SideNeeded,
    #[error("that name is longer than {MAX_NAME} characters")]
    NameTooLong,
    #[error("the session is full")]
    Full,
    #[error("no question is on screen")]
    NoQuestion,
}

/// Someone in the room, as far as voting needs to know.
#[derive(Clone, Debug)]
pub(super) struct Member {
    pub id: String,
    pub name: String,
    pub side: Side,
}

/// Which question is on screen and what may happen to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Poll {
    /// Index into the questionnaire's questions.
    pub question: Option<usize>,
    /// Votes are taken.
    pub open: bool,
    /// The distribution is shown.
    pub revealed: bool,
}

/// What a phone learns on joining.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joined {
    pub participant: String,
    /// Their name, or their code in an anonymous assessment.
    pub shown_as: String,
}

/// A join: pick a participant already in the list, or add oneself by name and side.
#[derive(Clone, Debug, Default)]
pub struct JoinRequest {
    pub participant: Option<String>,
    pub name: String,
    /// Needed to add oneself.
    pub side: Option<Side>,
}

/// What the facilitator can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostAction {
    /// Put the question with this id on screen, open for votes.
    Open(String),
    /// Open the question after the one on screen.
    Next,
    Reveal,
    Close,
    /// Keep the answers as an earlier round and vote again.
    Again,
}

/// The state of a voting session.
pub struct Room {
    pub(super) questionnaire: Questionnaire,
    pub(super) anonymous: bool,
    pub(super) members: Vec<Member>,
    /// Keyed by participant id, then question id.
    pub(super) answers: HashMap<String, HashMap<String, Vote>>,
    /// Device token → participant id.
    devices: HashMap<String, String>,
    pub(super) poll: Poll,
    /// Accepted and handed out, not yet seen back in a sync.
    pending: Vec<Event>,
    next_seq: u64,
}

impl Room {
    /// A room mirroring `assessment`, no question open.
    pub fn new(assessment: &Assessment) -> Self {
        let mut room = Self {
            questionnaire: assessment.questionnaire.clone(),
            anonymous: assessment.anonymous,
            members: Vec::new(),
            answers: HashMap::new(),
            devices: HashMap::new(),
            poll: Poll::default(),
            pending: Vec::new(),
            next_seq: 1,
        };
        room.mirror(assessment);
        room
    }

    /// Takes the assessment back once the owner has applied every event up to `applied`; the
    /// later ones are kept on top. Phones of participants no longer there are unbound.
    pub fn sync(&mut self, assessment: &Assessment, applied: u64) {
        self.pending.retain(|e| e.seq > applied);
        self.questionnaire.clone_from(&assessment.questionnaire);
        self.anonymous = assessment.anonymous;
        self.mirror(assessment);
        for event in std::mem::take(&mut self.pending) {
            self.carry_out(&event.change);
            self.pending.push(event);
        }
        let members = &self.members;
        self.devices
            .retain(|_, id| members.iter().any(|m| &m.id == id));
        if self
            .poll
            .question
            .is_some_and(|i| i >= self.questionnaire.questions.len())
        {
            self.poll = Poll::default();
        }
    }

    fn mirror(&mut self, assessment: &Assessment) {
        self.members = assessment
            .participants
            .iter()
            .map(|p| Member {
                id: p.id.clone(),
                name: assessment.display_name(p),
                side: p.side,
            })
            .collect();
        self.answers = assessment
            .participants
            .iter()
            .map(|p| {
                let votes = p.responses.iter().map(|(question, r)| {
                    let vote = Vote {
                        current: r.current,
                        target: r.target,
                    };
                    (question.clone(), vote)
                });
                (p.id.clone(), votes.collect())
            })
            .collect();
    }

    /// The poll: which question is on screen, open, revealed.
    pub fn poll(&self) -> Poll {
        self.poll
    }

    /// The question on screen.
    pub fn question(&self) -> Option<&Question> {
        self.poll
            .question
            .and_then(|i| self.questionnaire.questions.get(i))
    }

    /// Binds `device` to the participant the request names or adds.
    pub fn join(
        &mut self,
        request: JoinRequest,
        device: String,
    ) -> Result<(Joined, Option<Event>), Refusal> {
        if self.devices.len() >= MAX_DEVICES {
            return Err(Refusal::Full);
        }
        let (index, event) = match &request.participant {
            Some(id) => (self.unbound(id)?, None),
            None => self.join_by_name(&request)?,
        };
        let member = &self.members[index];
        let joined = Joined {
            participant: member.id.clone(),
            shown_as: member.name.clone(),
        };
        self.devices.insert(device, member.id.clone());
        Ok((joined, event))
    }

    /// The participant with `id`, when no phone speaks for them yet.
    fn unbound(&self, id: &str) -> Result<usize, Refusal> {
        let index = self
            .members
            .iter()
            .position(|m| m.id == id)
            .ok_or(Refusal::UnknownParticipant)?;
        if self.is_bound(id) {
            return Err(Refusal::AlreadyBound);
        }
        Ok(index)
    }

    /// Whether a phone speaks for participant `id`.
    pub(super) fn is_bound(&self, id: &str) -> bool {
        self.devices.values().any(|bound| bound == id)
    }

    /// How many phones have joined.
    pub(super) fn bound_count(&self) -> usize {
        self.devices.len()
    }

    /// Whether `device` is a phone that has joined.
    pub fn knows(&self, device: &str) -> bool {
        self.devices.contains_key(device)
    }

    /// Someone giving their name and side: the participant of that name on that side when
    /// there is one (so nobody is added twice), otherwise someone new. In an anonymous
    /// assessment nobody is looked up by name: everyone who joins gets a code.
    fn join_by_name(&mut self, request: &JoinRequest) -> Result<(usize, Option<Event>), Refusal> {
        let side = request.side.ok_or(Refusal::SideNeeded)?;
        let name = request.name.trim();
        if !self.anonymous {
            if name.is_empty() {
                return Err(Refusal::NameNeeded);
            }
            if name.chars().count() > MAX_NAME {
                return Err(Refusal::NameTooLong);
            }
            let same = self
                .members
                .iter()
                .find(|m| m.side == side && m.name.trim().eq_ignore_ascii_case(name));
            if let Some(member) = same {
                let id = member.id.clone();
                return Ok((self.unbound(&id)?, None));
            }
        }
        let members = &self.members;
        let id = first_unused(JOINED_PREFIX, |id| members.iter().any(|m| m.id == id));
        let participant = Participant {
            id,
            name: if self.anonymous {
                String::new()
            } else {
                name.to_owned()
            },
            side,
            ..Participant::default()
        };
        let event = self.accept(Change::Joined(participant));
        Ok((self.members.len() - 1, Some(event)))
    }

    /// The participant `device` speaks for.
    pub(super) fn member_of(&self, device: &str) -> Result<&Member, Refusal> {
        let id = self.devices.get(device).ok_or(Refusal::UnknownDevice)?;
        self.members
            .iter()
            .find(|m| &m.id == id)
            .ok_or(Refusal::UnknownDevice)
    }

    /// Records a phone's vote on the open question; `None` when it changes nothing.
    pub fn vote(
        &mut self,
        device: &str,
        question: &str,
        vote: Vote,
    ) -> Result<Option<Event>, Refusal> {
        let member = self.member_of(device)?;
        let open = self.question().ok_or(Refusal::NotOpen)?;
        if open.id != question {
            return Err(match self.questionnaire.question(question) {
                Some(_) => Refusal::NotOpen,
                None => Refusal::UnknownQuestion,
            });
        }
        if !self.poll.open {
            return Err(Refusal::NotOpen);
        }
        if !open.audience.includes(member.side) {
            return Err(Refusal::NotAsked);
        }
        let on_scale = |answer: Answer| match answer {
            Answer::Level(level) => self
                .questionnaire
                .scale
                .levels
                .iter()
                .any(|l| l.value == level),
            _ => true,
        };
        if !on_scale(vote.current) || !on_scale(vote.target) {
            return Err(Refusal::OffScale);
        }
        if vote.current.is_blank() && vote.target.is_blank() {
            return Err(Refusal::NothingChosen);
        }
        let participant = member.id.clone();
        if self.vote_of(&participant, question) == vote {
            return Ok(None);
        }
        let change = Change::Voted {
            participant,
            question: question.to_owned(),
            vote,
        };
        Ok(Some(self.accept(change)))
    }

    /// What `participant` has answered to `question`, blank when nothing.
    pub(super) fn vote_of(&self, participant: &str, question: &str) -> Vote {
        self.answers
            .get(participant)
            .and_then(|votes| votes.get(question))
            .copied()
            .unwrap_or_default()
    }

    /// Carries out the facilitator's `action`; a new round is a change for the owner.
    pub fn host(&mut self, action: HostAction) -> Result<Option<Event>, Refusal> {
        match action {
            HostAction::Open(id) => self.open(&id).map(|()| None),
            HostAction::Next => self.next().map(|()| None),
            HostAction::Reveal => self.reveal().map(|()| None),
            HostAction::Close => self.close().map(|()| None),
            HostAction::Again => self.again().map(Some),
        }
    }

    /// Puts question `id` on screen, open for votes, its distribution hidden.
    fn open(&mut self, id: &str) -> Result<(), Refusal> {
        let index = self
            .questionnaire
            .questions
            .iter()
            .position(|q| q.id == id)
            .ok_or(Refusal::UnknownQuestion)?;
        self.poll = Poll {
            question: Some(index),
            open: true,
            revealed: false,
        };
        Ok(())
    }

    /// Opens the question after the one on screen (the first when none is).
    fn next(&mut self) -> Result<(), Refusal> {
        let next = self.poll.question.map_or(0, |i| i + 1);
        let id = self
            .questionnaire
            .questions
            .get(next)
            .map(|q| q.id.clone())
            .ok_or(Refusal::NoQuestion)?;
        self.open(&id)
    }

    /// Shows the distribution of the question on screen.
    fn reveal(&mut self) -> Result<(), Refusal> {
        self.question().ok_or(Refusal::NoQuestion)?;
        self.poll.revealed = true;
        Ok(())
    }

    /// Stops taking votes on the question on screen; it stays on screen.
    fn close(&mut self) -> Result<(), Refusal> {
        self.question().ok_or(Refusal::NoQuestion)?;
        self.poll.open = false;
        Ok(())
    }

    /// Keeps the room's answers to the question on screen as an earlier round and opens it again.
    fn again(&mut self) -> Result<Event, Refusal> {
        let question = self.question().ok_or(Refusal::NoQuestion)?.id.clone();
        self.poll.open = true;
        self.poll.revealed = false;
        Ok(self.accept(Change::NewRound { question }))
    }

    /// Numbers a change, carries it out here and keeps it until the owner has applied it.
    fn accept(&mut self, change: Change) -> Event {
        self.carry_out(&change);
        let event = Event {
            seq: self.next_seq,
            change,
        };
        self.next_seq += 1;
        self.pending.push(event.clone());
        event
    }

    fn carry_out(&mut self, change: &Change) {
        match change {
            Change::Joined(p) => {
                if !self.members.iter().any(|m| m.id == p.id) {
                    self.members.push(Member {
                        id: p.id.clone(),
                        name: p.shown_name(self.anonymous),
                        side: p.side,
                    });
                }
            }
            Change::Voted {
                participant,
                question,
                vote,
            } => {
                if self.members.iter().any(|m| &m.id == participant) {
                    self.answers
                        .entry(participant.clone())
                        .or_default()
                        .insert(question.clone(), *vote);
                }
            }
            Change::NewRound { question } => {
                for votes in self.answers.values_mut() {
                    votes.remove(question);
                }
            }
        }
    }
}
