//! Merging assessment files taken with the same questionnaire — participants who answered
//! alone on their own laptops, or parts of one form export imported separately — into one
//! assessment that scores exactly as if they had all answered in one file.
//!
//! Nobody is left out without evidence that they are already in (see [`identity`]): the same
//! respondent id from the same form export, or the same typed name on the same side. When the
//! evidence is mixed, both are kept and the merge says so.
//!
//! Participant ids are only unique within a file, so a clash alone means nothing: a later
//! participant whose id is taken gets the next free `pN`, and one whose made-up name
//! ("Respondent 3") is taken gets the next free number, as one import of the whole export would.

mod identity;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::{
    Assessment, FORMAT_VERSION, GENERATED_PREFIXES, Numbering, Participant, Questionnaire, Side,
    numbered_name_prefix,
};
use identity::{Known, Verdict};
pub use identity::{SameBecause, Unclear};

/// One assessment to merge and the file it was read from (for messages).
#[derive(Clone, Debug)]
pub struct MergeSource {
    pub path: PathBuf,
    pub assessment: Assessment,
}

/// The merged assessment, the participants left out because an earlier file had them, and
/// those kept although they may be someone an earlier file has.
#[derive(Clone, Debug)]
pub struct Merged {
    pub assessment: Assessment,
    pub duplicates: Vec<DuplicateParticipant>,
    pub unclear: Vec<UnclearIdentity>,
}

impl Merged {
    /// What the user should know about who was merged, one line each: left out, then kept
    /// although unclear. The window and the command line show these.
    pub fn report_lines(&self) -> Vec<String> {
        let left_out = self.duplicates.iter().map(ToString::to_string);
        left_out
            .chain(self.unclear.iter().map(ToString::to_string))
            .collect()
    }
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
        write!(
            f,
            "{}: participant \"{}\" ({}, {}) is already in {} as {} ({}); \
             kept the one from {}, left this one out",
            self.file.display(),
            self.name,
            self.id,
            self.side.name(),
            self.kept_file.display(),
            self.kept_id,
            self.because,
            self.kept_file.display(),
        )
    }
}

/// A participant kept although an earlier file has someone who may be the same person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnclearIdentity {
    /// The file of the participant kept, and their id in the merged file.
    pub file: PathBuf,
    pub id: String,
    pub name: String,
    pub side: Side,
    /// The earlier file's participant they may be, and that one's id in the merged file.
    pub other_file: PathBuf,
    pub other_id: String,
    pub why: Unclear,
}

impl fmt::Display for UnclearIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: participant \"{}\" ({}, {}) may be {} of {} ({}); kept both, \
             remove one if they are the same person",
            self.file.display(),
            self.name,
            self.id,
            self.side.name(),
            self.other_id,
            self.other_file.display(),
            self.why,
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
/// are not added); the map stays marked complete only if no later file added to it. Notes: joined, each distinct note once. Linear in the participants.
pub fn merge_assessments(sources: Vec<MergeSource>) -> Result<Merged, MergeError> {
    let mut sources = sources.into_iter();
    let Some(first) = sources.next() else {
        return Err(MergeError::NoFiles);
    };
    let rest: Vec<MergeSource> = sources.collect();
    for other in &rest {
        same_questionnaire(&first, other)?;
    }

    let mut merged = first.assessment;
    merged.format_version = FORMAT_VERSION;
    let mut people = People::new(&merged.participants, first.path);
    let mut touchpoints: HashSet<_> = merged.touchpoints.iter().cloned().collect();
    let mut actions: HashSet<_> = merged.actions.iter().cloned().collect();
    let mut notes: Vec<String> = non_empty_note(&merged.notes).into_iter().collect();

    for MergeSource { path, assessment } in rest {
        fill_if_blank(&mut merged.organisation, &assessment.organisation);
        fill_if_blank(&mut merged.date, &assessment.date);
        fill_if_blank(&mut merged.facilitator, &assessment.facilitator);
        people.add_file(&mut merged.participants, assessment.participants, &path);
        for touchpoint in assessment.touchpoints {
            if touchpoints.insert(touchpoint.clone()) {
                merged.touchpoint_map_complete = false;
                merged.touchpoints.push(touchpoint);
            }
        }
        if let Some(note) = non_empty_note(&assessment.notes)
            && !notes.contains(&note)
        {
            notes.push(note);
        }
        for action in assessment.actions {
            if actions.insert(action.clone()) {
                merged.actions.push(action);
            }
        }
    }
    merged.notes = notes.join("\n\n");
    Ok(Merged {
        assessment: merged,
        duplicates: people.duplicates,
        unclear: people.unclear,
    })
}

/// The participants merged so far, indexed so each newcomer is checked in constant time.
struct People {
    /// The file each merged participant came from.
    origins: Vec<PathBuf>,
    /// The participants of the files before the one being added.
    known: Known,
    ids: HashSet<String>,
    names: HashSet<String>,
    id_numbering: Numbering,
    name_numbering: HashMap<&'static str, Numbering>,
    duplicates: Vec<DuplicateParticipant>,
    unclear: Vec<UnclearIdentity>,
}

impl People {
    fn new(first: &[Participant], path: PathBuf) -> Self {
        let mut people = Self {
            origins: vec![path; first.len()],
            known: Known::default(),
            ids: first.iter().map(|p| p.id.clone()).collect(),
            names: first.iter().map(|p| p.name.clone()).collect(),
            id_numbering: Numbering::new("p"),
            name_numbering: GENERATED_PREFIXES
                .iter()
                .map(|prefix| (*prefix, Numbering::new(prefix)))
                .collect(),
            duplicates: Vec::new(),
            unclear: Vec::new(),
        };
        people.known.extend(first, 0);
        people
    }

    /// Adds the participants of one more file to `merged`, leaving out those already in.
    fn add_file(&mut self, merged: &mut Vec<Participant>, file: Vec<Participant>, path: &Path) {
        // Compared with the earlier files only: two people of one file are that file's business.
        let earlier = merged.len();
        for mut participant in file {
            match self.known.find(merged, &participant) {
                Verdict::Same(index, because) => {
                    self.duplicates.push(DuplicateParticipant {
                        file: path.to_path_buf(),
                        id: participant.id,
                        name: participant.name,
                        side: participant.side,
                        kept_file: self.origins[index].clone(),
                        kept_id: merged[index].id.clone(),
                        because,
                    });
                    continue;
                }
                Verdict::Unclear(index, why) => {
                    self.renumber(&mut participant);
                    self.unclear.push(UnclearIdentity {
                        file: path.to_path_buf(),
                        id: participant.id.clone(),
                        name: participant.name.clone(),
                        side: participant.side,
                        other_file: self.origins[index].clone(),
                        other_id: merged[index].id.clone(),
                        why,
                    });
                }
                Verdict::Different => self.renumber(&mut participant),
            }
            self.ids.insert(participant.id.clone());
            self.names.insert(participant.name.clone());
            merged.push(participant);
            self.origins.push(path.to_path_buf());
        }
        self.known.extend(&merged[earlier..], earlier);
    }

    /// A taken id becomes the next free `pN`, a taken made-up name the next free number.
    fn renumber(&mut self, participant: &mut Participant) {
        if self.ids.contains(&participant.id) {
            let ids = &self.ids;
            participant.id = self.id_numbering.next_unused(|id| ids.contains(id));
        }
        if self.names.contains(&participant.name)
            && let Some(numbering) = numbered_name_prefix(&participant.name)
                .and_then(|prefix| self.name_numbering.get_mut(prefix))
        {
            let names = &self.names;
            participant.name = numbering.next_unused(|name| names.contains(name));
        }
    }
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
}
