//! Milestones: the next round of an assessment. Consultants come back every year; the next
//! round starts from the last one's questionnaire, people, touchpoint map and action plan, with
//! every answer still to give, and remembers which assessment it follows.

use crate::model::{Assessment, PreviousRound};

/// The next round of `earlier`, dated `date`: the same questionnaire, participants (without
/// their answers), touchpoint map and action plan with its statuses; no answers, no notes; a
/// link to the earlier one's organisation and date.
pub fn next_round(earlier: &Assessment, date: &str) -> Assessment {
    let mut next = earlier.clone();
    next.date = date.to_string();
    next.previous = Some(PreviousRound {
        organisation: earlier.organisation.clone(),
        date: earlier.date.clone(),
    });
    next.notes.clear();
    // Last year's map is where this round starts; it counts again once the room confirms it.
    next.touchpoint_map_complete = false;
    for participant in &mut next.participants {
        participant.responses.clear();
        // Who someone was in last year's form export says nothing about this year's.
        participant.external_id.clear();
        participant.export.clear();
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, ActionStatus, Answer, Participant, Response, Side};

    #[test]
    fn the_next_round_keeps_the_setting_and_drops_the_answers() {
        let questionnaire = crate::files::builtin_questionnaires().remove(1);
        let question = questionnaire.questions[0].id.clone();
        let mut earlier = Assessment::new(questionnaire);
        earlier.organisation = "Acme".into();
        earlier.date = "2024-03-01".into();
        earlier.notes = "Room 4".into();
        earlier.participants.push(Participant {
            id: "p1".into(),
            name: "Ann".into(),
            side: Side::It,
            external_id: "form-7".into(),
            export: "abc".into(),
            responses: [(
                question,
                Response {
                    current: Answer::Level(2),
                    ..Response::default()
                },
            )]
            .into(),
            ..Participant::default()
        });
        earlier.actions.push(ActionItem {
            text: "Monthly café".into(),
            status: ActionStatus::InProgress,
            ..ActionItem::default()
        });

        let next = next_round(&earlier, "2025-03-01");
        assert_eq!(next.date, "2025-03-01");
        assert_eq!(
            next.previous,
            Some(PreviousRound {
                organisation: "Acme".into(),
                date: "2024-03-01".into()
            })
        );
        assert_eq!(next.organisation, "Acme");
        assert_eq!(next.questionnaire, earlier.questionnaire);
        assert_eq!(next.actions, earlier.actions);
        assert_eq!(next.touchpoints, earlier.touchpoints);
        assert_eq!(next.participants[0].name, "Ann");
        assert!(next.participants[0].responses.is_empty());
        assert!(next.participants[0].external_id.is_empty());
        assert!(next.notes.is_empty());
    }
}
