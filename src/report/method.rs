//! The appendix: how the scores were made (the scoring contract, the aggregation rule in use,
//! the engagement formula, what the numbers may claim) and every question with what each of
//! its levels looks like. The contract's wording follows the README's.

use crate::model::{Aggregation, Assessment, Audience, Question};
use crate::scoring::{DISAGREEMENT_MIN_ANSWERS, DISAGREEMENT_SD, Scores};

use super::model::{AppendixDimension, AppendixQuestion, Method};
use crate::scoring::MIN_RESPONDENTS;

/// The rule's name as the report writes it.
pub fn rule_name(rule: Aggregation) -> &'static str {
    match rule {
        Aggregation::Mean => "Mean",
        Aggregation::Median => "Median",
        Aggregation::WeakestLink => "Weakest link",
    }
}

/// What the rule does, in a sentence.
fn rule_text(rule: Aggregation) -> &'static str {
    match rule {
        Aggregation::Mean => {
            "a question scores the mean of its answers; a dimension the weighted mean of its \
             questions' scores."
        }
        Aggregation::Median => {
            "a question scores the median of its answers, which one outlier cannot move; a \
             dimension the weighted mean of its questions' scores."
        }
        Aggregation::WeakestLink => {
            "a question scores the mean of its answers; a dimension scores its lowest question, \
             as mature as its least mature practice."
        }
    }
}

/// A weight as typed in the questionnaire: `0.7`, `2`.
fn weight(value: f64) -> String {
    format!("{value}")
}

pub fn method(assessment: &Assessment, scores: &Scores) -> Method {
    let slope = &assessment.questionnaire.slope;
    Method {
        contract: [
            "Question score: the mean of its answers on the scale. \"Don't know\", \"not \
             applicable\" and blank answers never count.",
            "Dimension score: the weighted mean, by question weight, of the scores of its \
             questions that have at least one answer.",
            "Overall practice score: the weighted mean, by dimension weight, of the dimension \
             scores. A dimension nobody answered is left out, not counted as 0.",
            "The same for target answers; gap = target − current; the same for IT and for \
             business participants alone; perception gap = IT − business, on the questions both \
             sides answered.",
            "A question is asked of its audience only: an answer from the other side does not \
             count.",
            "Spread: count, median, standard deviation, quartiles and the agreement index \
             r_wg = 1 − s² / σ²_EU, with σ²_EU = (A² − 1) / 12 for an A-level scale (1 = full \
             agreement, 0 = no more than chance).",
            "90% interval of a dimension score with at least 3 answers: score ± t · s / √n, n \
             the answers to its questions, s their standard deviation, t Student's t at 0.95 for \
             n − 1 degrees of freedom, clipped to the scale.",
            "Gaps are ranked by (target − current) × dimension weight, each with the \
             questionnaire's improvement actions for every level to climb.",
        ]
        .map(String::from)
        .to_vec(),
        aggregation: format!(
            "This report uses the {} rule: {}",
            rule_name(scores.aggregation).to_lowercase(),
            rule_text(scores.aggregation)
        ),
        engagement: [
            "Each active touchpoint has a strength = frequency weight (ad hoc 0.25, quarterly \
             0.4, monthly 0.6, weekly 0.8, daily 1.0) × effectiveness / 5; a touchpoint with no \
             effectiveness given counts as 3.",
            "Depth at each of the strategic, tactical and operational levels = 1 − e^(−S/2), S \
             the sum of the strengths there: the first good touchpoints count most.",
            "Breadth = 1 − e^(−3c), c the share of business-role × IT-role pairs that meet at all.",
            "E = ⅔ × mean depth + ⅓ × breadth; the engagement index = 1 + 4E, on the same 1–5 \
             scale as the practice score.",
        ]
        .map(String::from)
        .to_vec(),
        slope: format!(
            "Position on the slope = ({p} × practice + {e} × engagement) / ({p} + {e}), with \
             this questionnaire's weights, once the facilitator has marked the touchpoint map \
             complete; until then the practice score alone, and what the map would give is \
             shown as provisional. Zones name stretches of a continuous slope, not steps to \
             certify.",
            p = weight(slope.practice_weight),
            e = weight(slope.engagement_weight),
        ),
        claims: vec![
            format!(
                "Spread and agreement need at least {MIN_RESPONDENTS} respondents, the \
                 perception gap at least {MIN_RESPONDENTS} on each side; below that they are \
                 left out."
            ),
            format!(
                "A question is flagged as a wide disagreement when at least \
                 {DISAGREEMENT_MIN_ANSWERS} answers have a standard deviation above \
                 {DISAGREEMENT_SD:.1}."
            ),
            "With fewer than half the dimensions answered, the zone is provisional.".to_string(),
        ],
    }
}

pub fn appendix(assessment: &Assessment) -> Vec<AppendixDimension> {
    let q = &assessment.questionnaire;
    q.dimensions
        .iter()
        .map(|d| AppendixDimension {
            name: d.name.clone(),
            description: d.description.clone(),
            questions: q
                .questions_in(&d.id)
                .map(|question| appendix_question(assessment, question))
                .collect(),
        })
        .collect()
}

fn appendix_question(assessment: &Assessment, question: &Question) -> AppendixQuestion {
    let scale = &assessment.questionnaire.scale;
    let audience = match (question.audience, &question.mirror) {
        (Audience::Both, Some(mirror)) => format!(
            "Asked of both sides in their own words. IT: “{}” Business: “{}”",
            mirror.it, mirror.business
        ),
        (Audience::Both, None) => "Asked of IT and the business".to_string(),
        (Audience::It, _) => "Asked of IT".to_string(),
        (Audience::Business, _) => "Asked of the business".to_string(),
    };
    AppendixQuestion {
        id: question.id.clone(),
        text: question.text.clone(),
        audience,
        guidance: question.guidance.clone(),
        levels: question
            .levels
            .iter()
            .zip(1u8..)
            .map(|(description, value)| {
                let label = scale
                    .levels
                    .iter()
                    .find(|l| l.value == value)
                    .map_or_else(|| value.to_string(), |l| format!("{value} · {}", l.label));
                (label, description.clone())
            })
            .collect(),
    }
}
