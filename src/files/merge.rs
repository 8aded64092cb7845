//! Merging assessment files taken with the same questionnaire — participants who answered
//! alone on their own laptops — into one assessment that scores exactly as if they had all
//! answered in one file.
//!
//! Who counts as the same participant in two files (the later one is left out and reported):
//! - the same name (ignoring case and surrounding spaces) on the same side: the same person
//!   answering twice, or the same file given twice;
//! - or the same name and the same non-empty `external_id`: the same respondent of a form
//!   export imported into both files, even if their side was corrected in one of them.
//!
//! An `external_id` alone is not enough: form exports number their responses from 1 (`ID=1`,
//! `row 2`), so two different exports share them. Each person should put their own name in
//! their file: the self-assessment's default name "Me" makes everyone after the first one a
//! duplicate (each one is reported, so nobody disappears silently).
//!
//! Participant ids are only unique within a file, so a clash alone means nothing: a later
//! participant whose id is taken gets the next free `pN`.

use std::collections::HashSet;
use std::fmt;
use std::path::PathBuf;

use thiserror::Error;

use crate::model::unused_participant_id;
use crate::model::{Assessment, FORMAT_VERSION, Participant, Questionnaire, Side};

/// One assessment to merge and the file it was read from (for messages).
#[derive(Clone, Debug)]
pub struct MergeSource {
    pub path: PathBuf,
    pub assessment: Assessment,
}

/// The merged assessment and the participants left out because an earlier file had them.
#[derive(Clone, Debug)]
pub struct Merged {
    pub assessment: Assessment,
    pub duplicates: Vec<DuplicateParticipant>,
}

/// Why two participants of different files are taken for the same person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SameBecause {
    /// Same name, same side.
    NameAndSide,
    /// Same name, and the same response of a form export (the side differs).
    ExternalId(String),
}

/// A participant present in more than one file: the first one is kept, this one left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateParticipant {
    /// The file whose participant was left out.
    pub file: PathBuf,
    pub id: String,
    pub name: String,
    pub side: Side,
    /// The file whose participant was kept, and that participant's id in the merged file.
    pub kept_file: PathBuf,
    pub kept_id: String,
    pub because: SameBecause,
}

impl fmt::Display for DuplicateParticipant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let because = match &self.because {
            SameBecause::ExternalId(external) => {
                format!("same name and form response \"{external}\"")
            }
            SameBecause::NameAndSide => "same name and side".to_owned(),
        };
        write!(
            f,
            "{}: participant \"{}\" ({}, {}) is already in {} as {} ({because}); \
             kept the one from {}, left this one out",
            self.file.display(),
            self.name,
            self.id,
            self.side.name(),
            self.kept_file.display(),
            self.kept_id,
            self.kept_file.display(),
        )
    }
}

/// Why assessments cannot be merged.
#[derive(Debug, Error)]
pub enum MergeError {
    #[error("nothing to merge: give at least one assessment file")]
    NoFiles,
    /// Another questionnaire, or another version of it.
    #[error(
        "{}: taken with {other_questionnaire}, but {} with {first_questionnaire}; only \
         assessments taken with the same questionnaire can be merged",
        other.display(),
        first.display()
    )]
    DifferentQuestionnaire {
        first: PathBuf,
        /// `"id" version V`
        first_questionnaire: String,
        other: PathBuf,
        other_questionnaire: String,
    },
    /// Same id and version, but the copies in the files differ (one was edited by hand).
    #[error(
        "{} and {}: both say questionnaire \"{id}\" version {version}, but their copies differ \
         ({difference}); only assessments taken with the same questionnaire can be merged",
        first.display(),
        other.display()
    )]
    ChangedQuestionnaire {
        first: PathBuf,
        other: PathBuf,
        id: String,
        version: String,
        difference: String,
    },
}

/// Merges the assessments in order. The first file gives the organisation, date, facilitator,
/// aggregation rule and anonymity (a blank organisation, date or facilitator is taken from the
/// next file that has one). Participants: all of the first file, then those of each later
/// file that no earlier file has (see the module doc). Touchpoints, and likewise actions: the
/// first file's as they are, then each later file's that are not already there (exact repeats
/// are not added). Notes: joined, each distinct note once.
pub fn merge_assessments(sources: Vec<MergeSource>) -> Result<Merged, MergeError> {
    let mut sources = sources.into_iter();
    let Some(first) = sources.next() else {
        return Err(MergeError::NoFiles);
    };
    let rest: Vec<MergeSource> = sources.collect();
    for other in &rest {
        same_questionnaire(&first, other)?;
    }

    let first_path = first.path;
    let mut merged = first.assessment;
    merged.format_version = FORMAT_VERSION;
    let mut origins: Vec<PathBuf> = vec![first_path.clone(); merged.participants.len()];
    let mut duplicates = Vec::new();
    let mut notes: Vec<String> = non_empty_note(&merged.notes).into_iter().collect();

    for MergeSource { path, assessment } in rest {
        fill_if_blank(&mut merged.organisation, &assessment.organisation);
        fill_if_blank(&mut merged.date, &assessment.date);
        fill_if_blank(&mut merged.facilitator, &assessment.facilitator);

        // Compared with the earlier files only: two people of one file are that file's business.
        let earlier = merged.participants.len();
        let mut ids: HashSet<String> = merged.participants.iter().map(|p| p.id.clone()).collect();
        for mut participant in assessment.participants {
            let kept = merged.participants[..earlier]
                .iter()
                .zip(&origins)
                .find_map(|(kept, origin)| {
                    same_person(kept, &participant).map(|because| (kept, origin, because))
                });
            if let Some((kept, origin, because)) = kept {
                duplicates.push(DuplicateParticipant {
                    file: path.clone(),
                    id: participant.id,
                    name: participant.name,
                    side: participant.side,
                    kept_file: origin.clone(),
                    kept_id: kept.id.clone(),
                    because,
                });
                continue;
            }
            if ids.contains(&participant.id) {
                participant.id = unused_participant_id(&ids);
            }
            ids.insert(participant.id.clone());
            merged.participants.push(participant);
            origins.push(path.clone());
        }

        for touchpoint in assessment.touchpoints {
            if !merged.touchpoints.contains(&touchpoint) {
                merged.touchpoints.push(touchpoint);
            }
        }
        if let Some(note) = non_empty_note(&assessment.notes)
            && !notes.contains(&note)
        {
            notes.push(note);
        }
        for action in assessment.actions {
            if !merged.actions.contains(&action) {
                merged.actions.push(action);
            }
        }
    }
    merged.notes = notes.join("\n\n");
    Ok(Merged {
        assessment: merged,
        duplicates,
    })
}

/// Answers given by these participants — a level, don't know or not applicable, today or as
/// a target, each counted once — as the import preview and the merge summary show them.
pub fn count_answers(participants: &[Participant]) -> usize {
    participants
        .iter()
        .flat_map(|p| p.responses.values())
        .map(|r| usize::from(!r.current.is_blank()) + usize::from(!r.target.is_blank()))
        .sum()
}

/// Why `later` is the same person as `kept`, if they are.
fn same_person(kept: &Participant, later: &Participant) -> Option<SameBecause> {
    let name = |p: &Participant| p.name.trim().to_lowercase();
    if name(kept).is_empty() || name(kept) != name(later) {
        return None;
    }
    if kept.side == later.side {
        Some(SameBecause::NameAndSide)
    } else if !kept.external_id.is_empty() && kept.external_id == later.external_id {
        Some(SameBecause::ExternalId(kept.external_id.clone()))
    } else {
        None
    }
}

fn fill_if_blank(field: &mut String, other: &str) {
    if field.trim().is_empty() && !other.trim().is_empty() {
        *field = other.to_owned();
    }
}

fn non_empty_note(note: &str) -> Option<String> {
    let note = note.trim();
    (!note.is_empty()).then(|| note.to_owned())
}

/// Refuses `other` unless it was taken with exactly the questionnaire of `first`.
fn same_questionnaire(first: &MergeSource, other: &MergeSource) -> Result<(), MergeError> {
    let (a, b) = (
        &first.assessment.questionnaire,
        &other.assessment.questionnaire,
    );
    if a.id != b.id || a.version != b.version {
        let name = |q: &Questionnaire| format!("questionnaire \"{}\" version {}", q.id, q.version);
        return Err(MergeError::DifferentQuestionnaire {
            first: first.path.clone(),
            first_questionnaire: name(a),
            other: other.path.clone(),
            other_questionnaire: name(b),
        });
    }
    match first_difference(a, b) {
        None => Ok(()),
        Some(difference) => Err(MergeError::ChangedQuestionnaire {
            first: first.path.clone(),
            other: other.path.clone(),
            id: a.id.clone(),
            version: a.version.clone(),
            difference,
        }),
    }
}

/// The first part in which two copies of a questionnaire differ, in words.
fn first_difference(a: &Questionnaire, b: &Questionnaire) -> Option<String> {
    if a == b {
        return None;
    }
    if a.scale != b.scale {
        return Some("the rating scale".to_owned());
    }
    if a.dimensions != b.dimensions {
        let ids = |q: &Questionnaire| {
            q.dimensions
                .iter()
                .map(|d| d.id.clone())
                .collect::<Vec<_>>()
        };
        if ids(a) != ids(b) {
            return Some("the list of dimensions".to_owned());
        }
        let changed = a.dimensions.iter().zip(&b.dimensions).find(|(x, y)| x != y);
        return Some(changed.map_or_else(
            || "the dimensions".to_owned(),
            |(x, _)| format!("dimension {}", x.id),
        ));
    }
    if a.questions != b.questions {
        let ids = |q: &Questionnaire| q.questions.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        if ids(a) != ids(b) {
            return Some("the list of questions".to_owned());
        }
        let changed = a.questions.iter().zip(&b.questions).find(|(x, y)| x != y);
        return Some(changed.map_or_else(
            || "the questions".to_owned(),
            |(x, _)| format!("question {}", x.id),
        ));
    }
    if a.touchpoints != b.touchpoints {
        return Some("the touchpoint catalogue".to_owned());
    }
    if a.slope != b.slope {
        return Some("the slope".to_owned());
    }
    Some("the title, language or description".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Response};

    fn participant(id: &str, name: &str, side: Side) -> Participant {
        Participant {
            id: id.into(),
            name: name.into(),
            side,
            ..Participant::default()
        }
    }

    #[test]
    fn answers_count_each_non_blank_phase() {
        let mut p = participant("p1", "Ann", Side::It);
        p.responses.insert(
            "a".into(),
            Response {
                current: Answer::Level(3),
                target: Answer::DontKnow,
                ..Response::default()
            },
        );
        p.responses.insert(
            "b".into(),
            Response {
                comment: "only a comment".into(),
                ..Response::default()
            },
        );
        p.responses.insert(
            "c".into(),
            Response {
                target: Answer::Level(4),
                ..Response::default()
            },
        );
        assert_eq!(count_answers(&[p.clone(), p]), 6);
        assert_eq!(count_answers(&[]), 0);
    }

    #[test]
    fn same_person_by_name_and_side_or_by_name_and_response() {
        let mut ann = participant("p1", "Ann", Side::It);
        let mut other = participant("p4", " ann ", Side::It);
        assert_eq!(same_person(&ann, &other), Some(SameBecause::NameAndSide));
        other.side = Side::Business;
        assert_eq!(
            same_person(&ann, &other),
            None,
            "another side is another person"
        );
        ann.external_id = "ID=7".into();
        other.external_id = "ID=7".into();
        assert_eq!(
            same_person(&ann, &other),
            Some(SameBecause::ExternalId("ID=7".into())),
            "the same form response, its side corrected in one file"
        );
        other.name = "Someone else".into();
        other.side = Side::It;
        assert_eq!(
            same_person(&ann, &other),
            None,
            "ID=7 of another export is someone else"
        );
        let blank = participant("p1", "", Side::It);
        assert_eq!(
            same_person(&blank, &blank.clone()),
            None,
            "blank names say nothing"
        );
    }
}
