//! Checks an assessment beyond its questionnaire: what a hand-edited or damaged file can hold
//! that scoring must not see — a date that is not one (history is ordered by it), participants
//! sharing an id, answers to questions the
//! questionnaire lacks or off its scale (in earlier rounds too), touchpoints whose roles or
//! channel the catalogue lacks, effectiveness off its 1–5 scale.

use std::collections::{HashMap, HashSet};

use super::{F, Found, I, Problem, Step, id_list, questionnaire_problems};
use crate::model::{Answer, Assessment, Participant, Response, Touchpoint, parse_date};

/// Every problem in `assessment`, its questionnaire's included; `source` is its RON text.
pub fn validate_assessment(assessment: &Assessment, source: &str) -> Vec<Problem> {
    let mut found = Found::new(vec![F("questionnaire")]);
    questionnaire_problems(&assessment.questionnaire, &mut found);
    found.base.clear();
    date_problems(assessment, &mut found);
    participant_problems(assessment, &mut found);
    touchpoint_problems(assessment, &mut found);
    found.resolve(source)
}

/// The assessment's date and its previous round's: empty (never given) or `YYYY-MM-DD`.
fn date_problems(assessment: &Assessment, found: &mut Found) {
    let mut dates = vec![(vec![F("date")], &assessment.date, "the date")];
    if let Some(previous) = &assessment.previous {
        let at = vec![F("previous"), F("date")];
        dates.push((at, &previous.date, "the previous round's date"));
    }
    for (at, text, what) in dates {
        // Exactly ten characters: a padded date would sort out of order.
        if !text.is_empty() && (text.len() != 10 || parse_date(text).is_none()) {
            found.at(
                &at,
                format!("{what} \"{text}\" is not a date; write it YYYY-MM-DD, e.g. 2025-03-14"),
            );
        }
    }
}

fn participant_problems(assessment: &Assessment, found: &mut Found) {
    let q = &assessment.questionnaire;
    let questions: HashSet<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
    let max = q.max_level();
    let mut first_with_id: HashMap<&str, usize> = HashMap::new();
    for (i, participant) in assessment.participants.iter().enumerate() {
        let id = participant.id.as_str();
        let at_id = [F("participants"), I(i), F("id")];
        if id.trim().is_empty() {
            found.at(&at_id, format!("participant {} has an empty id", i + 1));
        } else if let Some(&first) = first_with_id.get(id) {
            found.at(
                &at_id,
                format!(
                    "participant id \"{id}\" is also participant {}'s; ids must differ",
                    first + 1
                ),
            );
        } else {
            first_with_id.insert(id, i);
        }
        for (question, response) in &participant.responses {
            // Built only for a problem: a large file has a hundred thousand answers.
            let at = || {
                [
                    F("participants"),
                    I(i),
                    F("responses"),
                    Step::Key(question.clone()),
                ]
            };
            if !questions.contains(question.as_str()) {
                let message = format!(
                    "participant \"{id}\" answers question \"{question}\", which the \
                     questionnaire does not have"
                );
                found.at_place(&[&at(), &answers_line(i)], entry(question), message);
            }
            answer_problems((i, participant), question, response, max, at, found);
        }
    }
}

/// A participant's line of plain answers (format 3), where most answers are.
fn answers_line(participant: usize) -> [Step<'static>; 3] {
    [F("participants"), I(participant), F("answers")]
}

/// How a question's answer starts on the answers line.
fn entry(question: &str) -> Option<String> {
    Some(format!("{question}="))
}

/// Levels off the scale, in the latest answers and in earlier rounds.
fn answer_problems(
    (index, participant): (usize, &Participant),
    question: &str,
    response: &Response,
    max: u8,
    at: impl Fn() -> [Step<'static>; 4],
    found: &mut Found,
) {
    let rounds = response.earlier_rounds.iter().enumerate();
    let earlier = rounds.flat_map(|(k, round)| {
        [("current", round.current), ("target", round.target)]
            .map(|(phase, answer)| (Some(k), phase, answer))
    });
    let latest = [("current", response.current), ("target", response.target)]
        .map(|(phase, answer)| (None, phase, answer));
    for (round, phase, answer) in latest.into_iter().chain(earlier) {
        let Answer::Level(level) = answer else {
            continue;
        };
        if (1..=max).contains(&level) {
            continue;
        }
        let mut path = at().to_vec();
        let when = match round {
            Some(k) => {
                path.extend([F("earlier_rounds"), I(k)]);
                format!(" in round {}", k + 1)
            }
            None => String::new(),
        };
        path.push(F(phase));
        found.at_place(
            &[&path, &answers_line(index)],
            entry(question),
            format!(
                "participant \"{}\" answered {level} to \"{question}\"{when}; levels run from 1 to {max}",
                participant.id
            ),
        );
    }
}

fn touchpoint_problems<'a>(assessment: &'a Assessment, found: &mut Found) {
    let catalogue = &assessment.questionnaire.touchpoints;
    let set = |ids: Vec<&'a str>| ids.into_iter().collect::<HashSet<_>>();
    let business = set(id_list(&catalogue.business_roles, |r| &r.id));
    let it = set(id_list(&catalogue.it_roles, |r| &r.id));
    let channels = set(id_list(&catalogue.channels, |c| &c.id));
    for (i, touchpoint) in assessment.touchpoints.iter().enumerate() {
        let name = describe(touchpoint, i);
        let fields = [
            (
                "business_role",
                "business role",
                &touchpoint.business_role,
                &business,
            ),
            ("it_role", "IT role", &touchpoint.it_role, &it),
            ("channel", "channel", &touchpoint.channel, &channels),
        ];
        for (field, what, value, known) in fields {
            // A catalogue without channels leaves the channel empty: nothing to choose from.
            let nothing_to_choose = known.is_empty() && value.is_empty();
            if !known.contains(value.as_str()) && !nothing_to_choose {
                found.at(
                    &[F("touchpoints"), I(i), F(field)],
                    format!("{name}: {what} \"{value}\" is not in the questionnaire's catalogue"),
                );
            }
        }
        for (phase, engagement) in [("today", touchpoint.today), ("target", touchpoint.target)] {
            if let Some(effectiveness) = engagement.effectiveness
                && !(1..=5).contains(&effectiveness)
            {
                found.at(
                    &[F("touchpoints"), I(i), F(phase), F("effectiveness")],
                    format!("{name}: effectiveness {effectiveness} {phase}; it runs from 1 to 5"),
                );
            }
        }
    }
}

/// `touchpoint 3 (exec – cio)`, as the messages name one.
fn describe(touchpoint: &Touchpoint, index: usize) -> String {
    format!(
        "touchpoint {} ({} – {})",
        index + 1,
        touchpoint.business_role,
        touchpoint.it_role
    )
}
