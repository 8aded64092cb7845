//! An assessment: the document a user opens and saves. It carries its own copy of the
//! questionnaire so a file opened years later scores exactly as it did. Unknown fields are
//! refused, so a misspelt field is an error rather than silently lost (by a merge, say); a
//! field added later therefore comes with a new `FORMAT_VERSION`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::questionnaire::{Question, Questionnaire};
use super::touchpoint::{Level, Touchpoint};

/// The assessment file format this version writes; files up to this version open.
/// 1: the first. 2: actions carry a status, owner, due date, dimensions and questions.
/// 3: a next round names the assessment it was started from (`previous`).
/// 4: plain answers of a participant on one line (`answers: "c1=3/4 c2=dk/-"`).
pub const FORMAT_VERSION: u32 = 4;

/// One assessment of one organisation at one date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub format_version: u32,
    #[serde(default)]
    pub organisation: String,
    /// ISO date, `YYYY-MM-DD`; empty in files that never had one.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub facilitator: String,
    /// The assessment this one is the next round of, when it was started from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousRound>,
    pub questionnaire: Questionnaire,
    #[serde(default)]
    pub aggregation: Aggregation,
    /// Show participants by their anonymous code (`P3`) rather than their name.
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    /// The facilitator has marked the touchpoint map complete: only then does it enter the
    /// position on the slope. Older files have no such mark and open with the map in progress.
    #[serde(default)]
    pub touchpoint_map_complete: bool,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
}

/// The earlier assessment a next round was started from: whose it was and when it was taken.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousRound {
    pub organisation: String,
    /// `YYYY-MM-DD`, or empty when the earlier one had no date.
    #[serde(default)]
    pub date: String,
}

/// Which side of the house a participant sits on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    It,
    #[default]
    Business,
}

impl Side {
    /// "IT" or "Business".
    pub fn name(self) -> &'static str {
        match self {
            Side::It => "IT",
            Side::Business => "Business",
        }
    }
}

/// One person answering (or an anonymous code standing for one). Files hold it in the form
/// of [`super::participant_file`]: plain answers on one line, for speed.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(try_from = "super::participant_file::ParticipantFile")]
pub struct Participant {
    /// Stable identity within the file; names may change or repeat.
    pub id: String,
    pub name: String,
    pub side: Side,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub level: Option<Level>,
    /// Who this is in the source the answers came from (a form's response id, an email), so
    /// importing the same export twice adds nobody twice. Empty for people entered by hand.
    pub external_id: String,
    /// The form export this participant was imported from (a fingerprint of its heading row):
    /// `external_id`s of different exports say nothing about each other. Empty for people
    /// entered by hand and in older files.
    pub export: String,
    /// Keyed by question id.
    pub responses: BTreeMap<String, Response>,
}

/// One answer on the scale, or a reason there is none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    #[default]
    Blank,
    Level(u8),
    DontKnow,
    NotApplicable,
}

impl Answer {
    /// The level when the answer counts as a score.
    pub fn level(self) -> Option<u8> {
        match self {
            Answer::Level(l) => Some(l),
            _ => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        *self == Answer::Blank
    }
}

/// A participant's answer to one question: where they are, where they want to be.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    #[serde(default, skip_serializing_if = "Answer::is_blank")]
    pub current: Answer,
    #[serde(default, skip_serializing_if = "Answer::is_blank")]
    pub target: Answer,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// Earlier rounds of voting on this question, oldest first; the fields above are the latest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_rounds: Vec<Round>,
}

/// A superseded vote, kept to show how far the room converged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub current: Answer,
    pub target: Answer,
}

/// How answers are combined into question and dimension scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Aggregation {
    /// Question = mean of its answers; dimension = weighted mean of its questions.
    #[default]
    Mean,
    /// Question = median of its answers; dimension = weighted mean of its questions.
    Median,
    /// Question = mean of its answers; dimension = its lowest question.
    WeakestLink,
}

impl Aggregation {
    pub const ALL: [Aggregation; 3] = [
        Aggregation::Mean,
        Aggregation::Median,
        Aggregation::WeakestLink,
    ];

    /// As written on the command line: `mean`, `median`, `weakest-link`.
    pub fn name(self) -> &'static str {
        match self {
            Aggregation::Mean => "mean",
            Aggregation::Median => "median",
            Aggregation::WeakestLink => "weakest-link",
        }
    }
}

/// An action of the action plan: what is to be done, by whom, by when, how far it has got, and
/// which gaps it addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "ActionItemFile")]
pub struct ActionItem {
    pub text: String,
    pub owner: String,
    /// ISO date, `YYYY-MM-DD`, or empty while undecided.
    pub due: String,
    pub status: ActionStatus,
    /// Ids of the dimensions it addresses.
    pub dimensions: Vec<String>,
    /// Ids of the questions it addresses.
    pub questions: Vec<String>,
}

/// How far an action has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Suggested from a gap; nobody has agreed to it yet.
    #[default]
    Proposed,
    Agreed,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Proposed,
        ActionStatus::Agreed,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];

    /// "proposed", "agreed", "in progress", "done".
    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::Proposed => "proposed",
            ActionStatus::Agreed => "agreed",
            ActionStatus::InProgress => "in progress",
            ActionStatus::Done => "done",
        }
    }
}

/// An action as files hold it: format 1 had one `dimension` and a `done` flag, which open as a
/// one-dimension action that is done or agreed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionItemFile {
    text: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: String,
    #[serde(default, deserialize_with = "present")]
    status: Option<ActionStatus>,
    #[serde(default)]
    dimensions: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    dimension: String,
    #[serde(default)]
    done: bool,
}

/// A status that is in the file (written as `Agreed`, not `Some(Agreed)`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<ActionStatus>, D::Error> {
    ActionStatus::deserialize(d).map(Some)
}

impl From<ActionItemFile> for ActionItem {
    fn from(file: ActionItemFile) -> Self {
        let mut dimensions = file.dimensions;
        if !file.dimension.is_empty() && !dimensions.contains(&file.dimension) {
            dimensions.insert(0, file.dimension);
        }
        let status = file.status.unwrap_or(if file.done {
            ActionStatus::Done
        } else {
            ActionStatus::Agreed
        });
        Self {
            text: file.text,
            owner: file.owner,
            due: file.due,
            status,
            dimensions,
            questions: file.questions,
        }
    }
}

impl Participant {
    /// Their name, or their code (`P3`) in an anonymous assessment or when they have no name.
    pub fn shown_name(&self, anonymous: bool) -> String {
        if anonymous || self.name.trim().is_empty() {
            self.id.to_uppercase()
        } else {
            self.name.clone()
        }
    }

    /// Whether `question` is asked of this participant's side.
    pub fn is_asked(&self, question: &Question) -> bool {
        question.audience.includes(self.side)
    }
}

impl Response {
    pub fn is_empty(&self) -> bool {
        self.current.is_blank()
            && self.target.is_blank()
            && self.comment.is_empty()
            && self.earlier_rounds.is_empty()
    }
}

impl Assessment {
    /// A new, empty assessment taken with `questionnaire`.
    pub fn new(questionnaire: Questionnaire) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            organisation: String::new(),
            date: String::new(),
            facilitator: String::new(),
            previous: None,
            questionnaire,
            aggregation: Aggregation::default(),
            anonymous: false,
            participants: Vec::new(),
            touchpoints: Vec::new(),
            touchpoint_map_complete: false,
            notes: String::new(),
            actions: Vec::new(),
        }
    }

    /// How a participant is shown: their name, or their code when the assessment is anonymous.
    pub fn display_name(&self, participant: &Participant) -> String {
        participant.shown_name(self.anonymous)
    }

    /// An id no participant has yet: `p1`, `p2`, …
    pub fn next_participant_id(&self) -> String {
        first_unused("p", |id| self.participants.iter().any(|p| p.id == id))
    }
}

/// The first participant id (`p1`, `p2`, …) not in `taken`.
pub fn unused_participant_id(taken: &std::collections::HashSet<String>) -> String {
    first_unused("p", |id| taken.contains(id))
}

/// The first of `{prefix}1`, `{prefix}2`, … that is not `taken`.
pub fn first_unused(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    Numbering::new(prefix).next_unused(taken)
}

/// Hands out `{prefix}1`, `{prefix}2`, … skipping those taken. It never looks below the last
/// one it gave, so numbering many at once stays linear; that is right as long as the taken
/// set only grows between calls (what was free below the last one given has been taken since).
#[derive(Clone, Debug)]
pub struct Numbering {
    prefix: String,
    next: usize,
}

impl Numbering {
    pub fn new(prefix: &str) -> Self {
        Self {
            prefix: prefix.to_owned(),
            next: 1,
        }
    }

    /// The first `{prefix}N` from the last one given that is not `taken`.
    pub fn next_unused(&mut self, taken: impl Fn(&str) -> bool) -> String {
        loop {
            let candidate = format!("{}{}", self.prefix, self.next);
            if !taken(&candidate) {
                return candidate;
            }
            self.next += 1;
        }
    }
}

/// Names the app makes up for people it has no name for ("Respondent 3", "Participant 2",
/// "Me"): they say nothing about who someone is.
pub fn is_generated_name(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case("me") || numbered_name_prefix(name).is_some()
}

/// The prefixes of numbered made-up names, as the import and the window write them.
pub const GENERATED_PREFIXES: [&str; 2] = ["Respondent ", "Participant "];

/// The prefix of a numbered made-up name (`Respondent ` for "respondent 12"), any case.
pub fn numbered_name_prefix(name: &str) -> Option<&'static str> {
    let name = name.trim();
    GENERATED_PREFIXES.into_iter().find(|prefix| {
        name.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
            && name.len() > prefix.len()
            && name[prefix.len()..].bytes().all(|b| b.is_ascii_digit())
    })
}
