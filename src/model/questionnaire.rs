//! A questionnaire: the scale, the dimensions and their questions, the improvement actions,
//! the touchpoint catalogue and the slope. Consultants write these by hand in RON, so unknown
//! fields are refused (a misspelt `wieght` must not silently become the default).

use serde::{Deserialize, Serialize};

use super::touchpoint::TouchpointCatalogue;

/// One questionnaire, as loaded from a `.ron` file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub id: String,
    pub title: String,
    pub version: String,
    pub language: String,
    pub description: String,
    /// How long answering it takes one person, shown on the start screen.
    #[serde(default)]
    pub estimated_minutes: u32,
    pub scale: Scale,
    pub dimensions: Vec<Dimension>,
    pub questions: Vec<Question>,
    pub touchpoints: TouchpointCatalogue,
    pub slope: Slope,
}

/// The rating scale: numbered levels, plus two answers that never count as a score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub levels: Vec<ScaleLevel>,
    #[serde(default = "default_dont_know")]
    pub dont_know: String,
    #[serde(default = "default_not_applicable")]
    pub not_applicable: String,
}

fn default_dont_know() -> String {
    "Don't know".into()
}

fn default_not_applicable() -> String {
    "Not applicable".into()
}

/// One level of the scale, e.g. `3 = Defined`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub value: u8,
    pub label: String,
    pub description: String,
}

/// A dimension of maturity (communications, value, governance …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default = "one")]
    pub weight: f64,
    /// What to do to climb from one level to the next.
    #[serde(default)]
    pub improvements: Vec<Improvement>,
}

/// The actions that move a dimension from level `from` to level `from + 1`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Improvement {
    pub from: u8,
    pub actions: Vec<String>,
}

/// One question, with a description of what each level looks like in practice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub dimension: String,
    pub text: String,
    #[serde(default)]
    pub guidance: String,
    /// `levels[0]` describes level 1, `levels[1]` level 2, and so on.
    pub levels: Vec<String>,
    #[serde(default = "one")]
    pub weight: f64,
}

/// Named zones on the continuous 1.0–5.0 slope and how practice and engagement combine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slope {
    pub zones: Vec<Zone>,
    /// Share of the questionnaire's practice score in the combined position.
    pub practice_weight: f64,
    /// Share of the touchpoint engagement index in the combined position.
    pub engagement_weight: f64,
}

/// A stretch of the slope starting at `from` and running to the next zone's `from`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub name: String,
    pub from: f64,
    pub description: String,
}

/// A role in the touchpoint catalogue, on the business or the IT side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
}

/// A way IT and business people meet: steering committee, SLA review, service desk …
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

fn one() -> f64 {
    1.0
}

impl Questionnaire {
    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questions of one dimension, in questionnaire order.
    pub fn questions_in<'a>(&'a self, dimension: &'a str) -> impl Iterator<Item = &'a Question> {
        self.questions
            .iter()
            .filter(move |q| q.dimension == dimension)
    }

    /// The highest level of the scale (5 for the shipped questionnaires).
    pub fn max_level(&self) -> u8 {
        self.scale.levels.iter().map(|l| l.value).max().unwrap_or(5)
    }

    /// The label of a level, e.g. "Defined".
    pub fn level_label(&self, value: u8) -> Option<&str> {
        self.scale
            .levels
            .iter()
            .find(|l| l.value == value)
            .map(|l| l.label.as_str())
    }
}

impl Slope {
    /// The zone a position on the slope falls in.
    pub fn zone_at(&self, position: f64) -> Option<&Zone> {
        self.zones
            .iter()
            .rev()
            .find(|z| position >= z.from)
            .or(self.zones.first())
    }
}

impl Dimension {
    /// The actions to climb from `from` to `from + 1`.
    pub fn actions_from(&self, from: u8) -> &[String] {
        self.improvements
            .iter()
            .find(|i| i.from == from)
            .map(|i| i.actions.as_slice())
            .unwrap_or(&[])
    }
}
