//! A questionnaire: the scale, the dimensions and their questions, the improvement actions,
//! the touchpoint catalogue and the slope. Consultants write these by hand in RON, so unknown
//! fields are refused (a misspelt `wieght` must not silently become the default).

use serde::{Deserialize, Serialize};

use super::assessment::Side;
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
    /// How long answering all of it takes (a workshop: the room; a self-check: one person),
    /// shown on the start screen.
    #[serde(default)]
    pub estimated_minutes: u32,
    /// How long answering only the core questions takes; 0 when it has no core set.
    #[serde(default)]
    pub core_minutes: u32,
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

/// The actions that move a dimension or a question from level `from` to level `from + 1`.
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
    /// Who is asked it. Files written before audiences existed asked everyone everything,
    /// hence the default; the shipped questionnaires name it on every question.
    #[serde(default)]
    pub audience: Audience,
    /// In the short set that fits a half-day workshop.
    #[serde(default)]
    pub core: bool,
    /// The statement as each side says it, when both answer it from their own side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mirror: Option<Mirror>,
    #[serde(default)]
    pub guidance: String,
    /// `levels[0]` describes level 1, `levels[1]` level 2, and so on.
    pub levels: Vec<String>,
    #[serde(default = "one")]
    pub weight: f64,
    /// What to do to climb this question from one level to the next.
    #[serde(default)]
    pub improvements: Vec<Improvement>,
}

/// Who a question is asked of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// IT and the business: the perception gap compares their answers.
    #[default]
    Both,
    /// Only IT can answer it from what it sees.
    It,
    /// Only the business can answer it from what it sees.
    Business,
}

impl Audience {
    /// Whether a participant on `side` is asked the question.
    pub fn includes(self, side: Side) -> bool {
        match self {
            Audience::Both => true,
            Audience::It => side == Side::It,
            Audience::Business => side == Side::Business,
        }
    }

    /// As written in JSON and on the command line: `both`, `it`, `business`.
    pub fn name(self) -> &'static str {
        match self {
            Audience::Both => "both",
            Audience::It => "it",
            Audience::Business => "business",
        }
    }
}

/// A mirrored pair: one statement as IT says it ("we understand the business") and as the
/// business says it ("IT understands our business"), scored as one question so that the
/// perception gap compares like with like.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mirror {
    pub it: String,
    pub business: String,
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

    /// The questions a participant on `side` is asked, in questionnaire order.
    pub fn questions_for(&self, side: Side) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.audience.includes(side))
    }

    /// Whether some questions, but not all, are marked core: then "core questions only" is a
    /// real choice.
    pub fn has_core_set(&self) -> bool {
        let core = self.questions.iter().filter(|q| q.core).count();
        core > 0 && core < self.questions.len()
    }

    /// The same questionnaire with only its core questions, for a workshop that has no time
    /// for the rest; its estimated time is the core set's.
    pub fn core_only(&self) -> Questionnaire {
        let mut short = self.clone();
        short.questions.retain(|q| q.core);
        short.title = format!("{} (core questions)", self.title);
        short.estimated_minutes = self.core_minutes;
        short
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
        actions_from(&self.improvements, from)
    }
}

impl Question {
    /// The actions to climb this question from `from` to `from + 1`.
    pub fn actions_from(&self, from: u8) -> &[String] {
        actions_from(&self.improvements, from)
    }

    /// The question as a participant on `side` reads it: their side's wording of a mirrored
    /// pair, otherwise the text.
    pub fn text_for(&self, side: Side) -> &str {
        match (&self.mirror, side) {
            (Some(mirror), Side::It) => &mirror.it,
            (Some(mirror), Side::Business) => &mirror.business,
            (None, _) => &self.text,
        }
    }
}

fn actions_from(improvements: &[Improvement], from: u8) -> &[String] {
    improvements
        .iter()
        .find(|i| i.from == from)
        .map(|i| i.actions.as_slice())
        .unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, audience: Audience, core: bool) -> Question {
        Question {
            id: id.into(),
            dimension: "d".into(),
            text: format!("{id}?"),
            audience,
            core,
            mirror: None,
            guidance: String::new(),
            levels: Vec::new(),
            weight: 1.0,
            improvements: vec![Improvement {
                from: 2,
                actions: vec![format!("{id} 2→3")],
            }],
        }
    }

    fn questionnaire(questions: Vec<Question>) -> Questionnaire {
        Questionnaire {
            id: "q".into(),
            title: "Workshop".into(),
            version: "1".into(),
            language: "en".into(),
            description: String::new(),
            estimated_minutes: 240,
            core_minutes: 150,
            scale: Scale {
                levels: Vec::new(),
                dont_know: default_dont_know(),
                not_applicable: default_not_applicable(),
            },
            dimensions: Vec::new(),
            questions,
            touchpoints: TouchpointCatalogue::default(),
            slope: Slope {
                zones: Vec::new(),
                practice_weight: 1.0,
                engagement_weight: 0.0,
            },
        }
    }

    #[test]
    fn each_side_is_asked_its_audience() {
        let q = questionnaire(vec![
            question("both", Audience::Both, true),
            question("it", Audience::It, false),
            question("business", Audience::Business, true),
        ]);
        let ids = |side| {
            q.questions_for(side)
                .map(|x| x.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Side::It), ["both", "it"]);
        assert_eq!(ids(Side::Business), ["both", "business"]);
        assert_eq!(Audience::It.name(), "it");
    }

    #[test]
    fn the_core_set_keeps_core_questions_and_their_time() {
        let q = questionnaire(vec![
            question("a", Audience::Both, true),
            question("b", Audience::It, false),
            question("c", Audience::Business, true),
        ]);
        assert!(q.has_core_set());
        let core = q.core_only();
        let ids: Vec<&str> = core.questions.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(core.estimated_minutes, 150);
        assert_eq!(core.title, "Workshop (core questions)");
        assert_eq!(
            core.id, q.id,
            "the same questionnaire, so workshops compare"
        );
        // All core, or none: there is nothing to choose.
        assert!(!core.has_core_set());
        assert!(!questionnaire(vec![question("b", Audience::It, false)]).has_core_set());
    }

    #[test]
    fn a_mirrored_question_reads_in_each_sides_words() {
        let mut q = question("m", Audience::Both, true);
        assert_eq!(q.text_for(Side::It), "m?");
        q.mirror = Some(Mirror {
            it: "We understand the business.".into(),
            business: "IT understands our business.".into(),
        });
        assert_eq!(q.text_for(Side::It), "We understand the business.");
        assert_eq!(q.text_for(Side::Business), "IT understands our business.");
        assert_eq!(q.actions_from(2), ["m 2→3"]);
        assert!(q.actions_from(3).is_empty());
    }
}
