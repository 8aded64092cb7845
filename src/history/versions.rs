//! Assessments taken with different versions of a questionnaire: what they share, what
//! changed, and each one narrowed to what they share so that like is compared with like.

use std::collections::HashSet;

use crate::model::{Assessment, Question, Questionnaire};

/// What a run of questionnaires (oldest first) has in common.
pub struct Shared {
    /// Ids of the questions every one asks in the same words, at the same weight.
    pub questions: HashSet<String>,
    /// `(id, name)` of the dimensions every one has, with at least one shared question, in the
    /// latest questionnaire's order and words.
    pub dimensions: Vec<(String, String)>,
    /// Whether every questionnaire is the same as the latest in its dimensions and questions.
    pub identical: bool,
}

/// A question is the same question in two questionnaires when it has the same id, dimension,
/// wording (text, mirror, level descriptions), audience and weight: a reworded question is a
/// new one, and its answers say something else.
fn same_question(a: &Question, b: &Question) -> bool {
    a.id == b.id
        && a.dimension == b.dimension
        && a.text == b.text
        && a.mirror == b.mirror
        && a.levels == b.levels
        && a.audience == b.audience
        && a.weight == b.weight
}

/// What the questionnaires, oldest first, share with each other.
pub fn shared(questionnaires: &[&Questionnaire]) -> Shared {
    let Some(latest) = questionnaires.last() else {
        return Shared {
            questions: HashSet::new(),
            dimensions: Vec::new(),
            identical: true,
        };
    };
    let questions: HashSet<String> = latest
        .questions
        .iter()
        .filter(|q| {
            questionnaires
                .iter()
                .all(|other| other.question(&q.id).is_some_and(|o| same_question(q, o)))
        })
        .map(|q| q.id.clone())
        .collect();
    let dimensions = latest
        .dimensions
        .iter()
        .filter(|d| questionnaires.iter().all(|o| o.dimension(&d.id).is_some()))
        .filter(|d| {
            latest
                .questions_in(&d.id)
                .any(|q| questions.contains(&q.id))
        })
        .map(|d| (d.id.clone(), d.name.clone()))
        .collect();
    let identical = questionnaires.iter().all(|q| {
        q.dimensions.len() == latest.dimensions.len()
            && q.questions.len() == latest.questions.len()
            && q.questions.iter().all(|x| questions.contains(&x.id))
            && q.dimensions
                .iter()
                .zip(&latest.dimensions)
                .all(|(a, b)| a.id == b.id && a.weight == b.weight)
    });
    Shared {
        questions,
        dimensions,
        identical,
    }
}

/// What changed from `before` to `after`, in words: questions changed, added and removed,
/// dimensions added, removed and reweighted. Empty when nothing did.
pub fn changes(before: &Questionnaire, after: &Questionnaire) -> Vec<String> {
    let mut said = Vec::new();
    let mut list = |what: &str, ids: Vec<&str>| {
        if !ids.is_empty() {
            said.push(format!("{what} {}", ids.join(", ")));
        }
    };
    let changed = after
        .questions
        .iter()
        .filter(|q| before.question(&q.id).is_some_and(|b| !same_question(q, b)))
        .map(|q| q.id.as_str())
        .collect();
    list("questions changed:", changed);
    let added = after
        .questions
        .iter()
        .filter(|q| before.question(&q.id).is_none())
        .map(|q| q.id.as_str())
        .collect();
    list("questions added:", added);
    let removed = before
        .questions
        .iter()
        .filter(|q| after.question(&q.id).is_none())
        .map(|q| q.id.as_str())
        .collect();
    list("questions removed:", removed);
    let added = after
        .dimensions
        .iter()
        .filter(|d| before.dimension(&d.id).is_none())
        .map(|d| d.id.as_str())
        .collect();
    list("dimensions added:", added);
    let removed = before
        .dimensions
        .iter()
        .filter(|d| after.dimension(&d.id).is_none())
        .map(|d| d.id.as_str())
        .collect();
    list("dimensions removed:", removed);
    let reweighted = after
        .dimensions
        .iter()
        .filter(|d| {
            before
                .dimension(&d.id)
                .is_some_and(|b| b.weight != d.weight)
        })
        .map(|d| d.id.as_str())
        .collect();
    list("dimensions reweighted:", reweighted);
    said
}

/// The assessment with its questionnaire narrowed to the shared questions and dimensions, and
/// the answers to anything else left out.
pub fn narrowed(assessment: &Assessment, shared: &Shared) -> Assessment {
    let mut narrowed = assessment.clone();
    let q = &mut narrowed.questionnaire;
    q.questions.retain(|x| shared.questions.contains(&x.id));
    q.dimensions
        .retain(|d| shared.dimensions.iter().any(|(id, _)| *id == d.id));
    for participant in &mut narrowed.participants {
        participant
            .responses
            .retain(|id, _| shared.questions.contains(id));
    }
    narrowed
}
