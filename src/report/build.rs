//! Builds the report model from an assessment and its scores: the cover and the people here,
//! the scores, the touchpoints, the plan and the method in the modules beside it.

use crate::model::{Assessment, Participant};
use crate::scoring::{MIN_RESPONDENTS, MapState, Respondents, Scores};

use super::format::{Figure, and_list, capitalised, count};
use super::model::{Cover, ParticipantRow, Report, SlopeView, ZoneBand};
use super::{method, plan, scores, summary, touchpoints};

/// The report's title.
pub const TITLE: &str = "Business–IT convergence report";

/// What the scores may claim, decided once for every section.
#[derive(Clone, Copy, Debug)]
pub struct Claims {
    pub respondents: Respondents,
    /// Spread and agreement may be shown.
    pub spread: bool,
    /// The perception gap may be shown.
    pub perception: bool,
}

impl Claims {
    fn of(respondents: Respondents) -> Claims {
        Claims {
            respondents,
            spread: respondents.it + respondents.business >= MIN_RESPONDENTS,
            perception: respondents.it >= MIN_RESPONDENTS
                && respondents.business >= MIN_RESPONDENTS,
        }
    }
}

impl Report {
    /// Everything the report says about `assessment`, scored as `scores`.
    pub fn build(assessment: &Assessment, scores: &Scores) -> Report {
        let claims = Claims::of(scores.overall.respondents);
        let dimensions = scores::dimension_rows(scores, claims);
        let overall = scores::overall_row(scores, claims);
        let mut report = Report {
            cover: cover(assessment, scores, claims.respondents),
            map: scores.overall.map,
            summary: Vec::new(),
            slope: slope_view(assessment, scores),
            perception: scores::perception(scores, claims),
            agreement: scores::agreement(assessment, scores, claims),
            workshop_would_add: workshop_would_add(assessment),
            questions: scores::question_rows(assessment, scores, claims),
            dimensions,
            overall,
            touchpoints: touchpoints::view(assessment, scores),
            gaps: plan::gaps(assessment, scores),
            actions: plan::actions(assessment),
            evidence: plan::evidence(assessment),
            comments: plan::comments(assessment),
            notes: assessment.notes.clone(),
            method: method::method(assessment, scores),
            appendix: method::appendix(assessment),
            benchmark: None,
            trend: None,
        };
        report.summary = summary::summary(&report);
        report
    }
}

fn cover(assessment: &Assessment, scores: &Scores, respondents: Respondents) -> Cover {
    let q = &assessment.questionnaire;
    let participants: Vec<ParticipantRow> = assessment
        .participants
        .iter()
        .map(|p| participant_row(assessment, p))
        .collect();
    let (given, asked) = participants
        .iter()
        .fold((0, 0), |(g, a), p| (g + p.answered, a + p.asked));
    let on_side = |side| {
        assessment
            .participants
            .iter()
            .filter(|p| p.side == side)
            .count()
    };
    let (it, business) = (
        on_side(crate::model::Side::It),
        on_side(crate::model::Side::Business),
    );
    let participants_text = match (it, business) {
        (0, 0) => "No participants".to_string(),
        (it, 0) => format!("{} from IT", count(it, "participant")),
        (0, business) => format!("{} from the business", count(business, "participant")),
        (it, business) => format!("{it} from IT and {business} from the business"),
    };
    let share = (asked > 0).then(|| given as f64 / asked as f64);
    Cover {
        title: TITLE.to_string(),
        organisation: assessment.organisation.clone(),
        date: assessment.date.clone(),
        facilitator: assessment.facilitator.clone(),
        questionnaire: q.title.clone(),
        questionnaire_version: q.version.clone(),
        aggregation: method::rule_name(scores.aggregation).to_string(),
        anonymous: assessment.anonymous,
        participants,
        participants_text,
        respondents,
        answered_text: format!(
            "{given} of {} given ({})",
            count(asked, "answer"),
            Figure::percent(share)
        ),
        answers_given: given,
        answers_asked: asked,
    }
}

fn participant_row(assessment: &Assessment, p: &Participant) -> ParticipantRow {
    let asked: Vec<&str> = assessment
        .questionnaire
        .questions_for(p.side)
        .map(|q| q.id.as_str())
        .collect();
    let answered = asked
        .iter()
        .filter(|id| p.responses.get(**id).is_some_and(|r| !r.current.is_blank()))
        .count();
    ParticipantRow {
        name: assessment.display_name(p),
        side: p.side,
        role: if assessment.anonymous {
            String::new()
        } else {
            p.role.clone()
        },
        level: p.level.map_or_else(String::new, |l| capitalised(l.name())),
        answered,
        asked: asked.len(),
    }
}

fn slope_view(assessment: &Assessment, scores: &Scores) -> SlopeView {
    let slope = &assessment.questionnaire.slope;
    let zones = slope
        .zones
        .iter()
        .enumerate()
        .map(|(i, zone)| ZoneBand {
            name: zone.name.clone(),
            from: zone.from,
            to: slope.zones.get(i + 1).map_or(5.0, |next| next.from),
            description: zone.description.clone(),
        })
        .collect();
    let o = &scores.overall;
    SlopeView {
        zones,
        today: Figure::score(o.slope),
        today_zone: o.zone.clone(),
        target: Figure::score(o.slope_target),
        target_zone: o.target_zone.clone(),
        with_map: o
            .provisional
            .as_ref()
            .filter(|_| o.map == MapState::InProgress)
            .map(|p| (Figure::score(p.slope), p.zone.clone())),
        provisional: o.slope.is_some() && o.zone_provisional,
    }
}

/// For a one-person self-assessment: what a workshop with the other side would add.
fn workshop_would_add(assessment: &Assessment) -> Option<String> {
    let [only] = assessment.participants.as_slice() else {
        return None;
    };
    let other = match only.side {
        crate::model::Side::It => "the business",
        crate::model::Side::Business => "IT",
    };
    let adds = [
        format!(
            "{other}'s own answers, so the perception gap between IT and the business can be measured"
        ),
        "the spread of answers and how far the room agrees".to_string(),
        "the questions the room disagrees on, to discuss and vote on again".to_string(),
        "a touchpoint map drawn with the people who meet".to_string(),
    ];
    Some(format!(
        "This is one person's view: spread and agreement need at least {MIN_RESPONDENTS} \
         respondents. A workshop with {other} would add {}.",
        and_list(&adds)
    ))
}
