//! Practice scores: questions, dimensions and the whole questionnaire, for any group of
//! participants and for current or target answers, under the assessment's aggregation rule.

use std::collections::HashMap;

use crate::model::{Aggregation, Answer, Assessment, Questionnaire, Side};

use super::stats::{mean, median, weighted_mean};

/// Which answer of a response to score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Phase {
    #[default]
    Current,
    Target,
}

/// One answer with the facts needed to filter it.
#[derive(Clone, Copy, Debug)]
pub struct Vote {
    /// The participant's position in the assessment.
    pub participant: usize,
    pub side: Side,
    pub current: Answer,
    pub target: Answer,
    /// Today's answer in the first round, when the question was voted on again.
    pub first_round: Option<Answer>,
}

impl Vote {
    pub fn answer(&self, phase: Phase) -> Answer {
        match phase {
            Phase::Current => self.current,
            Phase::Target => self.target,
        }
    }
}

/// Every participant's votes, grouped by question index, built once per scoring run.
pub struct Votes {
    /// In questionnaire order.
    pub by_question: Vec<Vec<Vote>>,
    participants: usize,
}

impl Votes {
    /// Gathers the votes. Responses to questions the questionnaire lacks are ignored, and so
    /// are answers to a question not asked of the participant's side (one who moved to the
    /// other side after answering): a question for IT only is IT's view alone.
    pub fn gather(assessment: &Assessment) -> Votes {
        let questionnaire = &assessment.questionnaire;
        let index: HashMap<&str, usize> = questionnaire
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let mut votes = vec![Vec::new(); questionnaire.questions.len()];
        for (number, participant) in assessment.participants.iter().enumerate() {
            for (question, response) in &participant.responses {
                let asked = index.get(question.as_str()).filter(|&&i| {
                    questionnaire.questions[i]
                        .audience
                        .includes(participant.side)
                });
                if let Some(&i) = asked {
                    votes[i].push(Vote {
                        participant: number,
                        side: participant.side,
                        current: response.current,
                        target: response.target,
                        first_round: response.earlier_rounds.first().map(|round| round.current),
                    });
                }
            }
        }
        Votes {
            by_question: votes,
            participants: assessment.participants.len(),
        }
    }

    /// How many people gave a level today to at least one of `questions`, among those `who`
    /// selects: the people behind a pooled figure.
    pub fn respondents(
        &self,
        questions: impl IntoIterator<Item = usize>,
        who: Option<Side>,
    ) -> usize {
        let mut seen = vec![false; self.participants];
        for i in questions {
            for v in &self.by_question[i] {
                if who.is_none_or(|side| v.side == side) && v.current.level().is_some() {
                    seen[v.participant] = true;
                }
            }
        }
        seen.into_iter().filter(|&s| s).count()
    }

    /// The numeric answers to question `i` from the participants `who` selects.
    pub fn levels(&self, i: usize, phase: Phase, who: Option<Side>) -> Vec<f64> {
        self.by_question[i]
            .iter()
            .filter(|v| who.is_none_or(|side| v.side == side))
            .filter_map(|v| v.answer(phase).level())
            .map(f64::from)
            .collect()
    }
}

impl Votes {
    /// How many answered each level (index 0 = level 1) to question `i`, among those `who`
    /// selects (everyone when `None`).
    pub fn distribution(
        &self,
        i: usize,
        phase: Phase,
        who: Option<Side>,
        levels: u8,
    ) -> Vec<usize> {
        let mut counts = vec![0; usize::from(levels)];
        let chosen = self.by_question[i]
            .iter()
            .filter(|v| who.is_none_or(|side| v.side == side))
            .filter_map(|v| v.answer(phase).level());
        for level in chosen {
            if let Some(count) = counts.get_mut(usize::from(level).wrapping_sub(1)) {
                *count += 1;
            }
        }
        counts
    }

    /// The first-round levels of question `i`, when it was voted on more than once.
    pub fn first_round_levels(&self, i: usize) -> Option<Vec<f64>> {
        let votes = &self.by_question[i];
        votes.iter().any(|v| v.first_round.is_some()).then(|| {
            votes
                .iter()
                .filter_map(|v| v.first_round.and_then(Answer::level))
                .map(f64::from)
                .collect()
        })
    }
}

/// Question, dimension and overall scores of one group for one phase.
#[derive(Clone, Debug, Default)]
pub struct PracticeScores {
    /// In questionnaire order.
    pub questions: Vec<Option<f64>>,
    /// In questionnaire order.
    pub dimensions: Vec<Option<f64>>,
    pub overall: Option<f64>,
}

/// Scores the participants `who` selects (all when `None`).
pub fn practice_scores(
    questionnaire: &Questionnaire,
    votes: &Votes,
    phase: Phase,
    who: Option<Side>,
    aggregation: Aggregation,
) -> PracticeScores {
    let questions: Vec<Option<f64>> = (0..questionnaire.questions.len())
        .map(|i| {
            let levels = votes.levels(i, phase, who);
            match aggregation {
                Aggregation::Median => median(&levels),
                Aggregation::Mean | Aggregation::WeakestLink => {
                    (!levels.is_empty()).then(|| mean(&levels))
                }
            }
        })
        .collect();
    roll_up(questionnaire, questions, aggregation)
}

/// IT's and the business's scores on only the questions both sides answered, so that their
/// difference, the perception gap, compares like with like.
pub fn perception_scores(
    questionnaire: &Questionnaire,
    it: &PracticeScores,
    business: &PracticeScores,
    aggregation: Aggregation,
) -> (PracticeScores, PracticeScores) {
    let shared = |own: &[Option<f64>], other: &[Option<f64>]| -> Vec<Option<f64>> {
        own.iter()
            .zip(other)
            .map(|(own, other)| own.filter(|_| other.is_some()))
            .collect()
    };
    (
        roll_up(
            questionnaire,
            shared(&it.questions, &business.questions),
            aggregation,
        ),
        roll_up(
            questionnaire,
            shared(&business.questions, &it.questions),
            aggregation,
        ),
    )
}

/// Dimension and overall scores from question scores (in questionnaire order).
fn roll_up(
    questionnaire: &Questionnaire,
    questions: Vec<Option<f64>>,
    aggregation: Aggregation,
) -> PracticeScores {
    let dimensions: Vec<Option<f64>> = questionnaire
        .dimensions
        .iter()
        .map(|d| {
            let scored = questionnaire
                .questions
                .iter()
                .zip(&questions)
                .filter(|(q, _)| q.dimension == d.id);
            match aggregation {
                Aggregation::WeakestLink => scored
                    .filter_map(|(_, score)| *score)
                    .min_by(f64::total_cmp),
                Aggregation::Mean | Aggregation::Median => {
                    weighted_mean(scored.map(|(q, score)| (*score, q.weight)))
                }
            }
        })
        .collect();

    let overall = weighted_mean(
        questionnaire
            .dimensions
            .iter()
            .zip(&dimensions)
            .map(|(d, score)| (*score, d.weight)),
    );
    PracticeScores {
        questions,
        dimensions,
        overall,
    }
}
