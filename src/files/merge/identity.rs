//! Who is who when merging: two participants of different files are the same person only on
//! real evidence —
//! - the same non-empty respondent id (`ID=7`, an e-mail) from the same form export, or
//! - the same typed name (ignoring case and surrounding spaces) on the same side.
//!
//! Names the app made up ("Respondent 3", "Participant 2", "Me") never count: every part of
//! an anonymous export has a "Respondent 1". An id of another export says nothing either:
//! forms number their responses from 1. When the evidence is mixed — the same name but
//! another response of the same export, the same response under another name, the same name
//! on the other side — both are kept and the merge says so.

use std::collections::HashMap;
use std::fmt;

use crate::model::{Participant, is_generated_name};

/// Why two participants of different files are taken for the same person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SameBecause {
    /// Same typed name, same side.
    NameAndSide,
    /// The same response of the same form export.
    ExternalId(String),
}

impl fmt::Display for SameBecause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NameAndSide => f.write_str("same name and side"),
            Self::ExternalId(id) => write!(f, "same form response \"{id}\""),
        }
    }
}

/// Why two participants may be one person although the evidence does not say so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unclear {
    /// The same typed name, on the other side.
    NameOnOtherSide,
    /// The same typed name, but another response of the same form export.
    OtherResponse,
    /// The same typed name and side in the same form export, with no respondent id to tell.
    NoResponseId,
    /// The same response of the same form export, under another typed name.
    OtherName(String),
}

impl fmt::Display for Unclear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NameOnOtherSide => f.write_str("same name, other side"),
            Self::OtherResponse => f.write_str("same name, another response of the same form"),
            Self::NoResponseId => {
                f.write_str("same name and side in the same form, which has no respondent ids")
            }
            Self::OtherName(id) => write!(f, "same form response \"{id}\" under another name"),
        }
    }
}

/// What the evidence says about a newcomer and someone already merged (by index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Same(usize, SameBecause),
    Unclear(usize, Unclear),
    Different,
}

/// The participants of earlier files, indexed by response and by typed name.
#[derive(Debug, Default)]
pub struct Known {
    /// (export, external id) → the first participant with it.
    by_response: HashMap<(String, String), usize>,
    /// Typed name, lower case → the participants with it, in order.
    by_name: HashMap<String, Vec<usize>>,
}

impl Known {
    /// Indexes `participants`, which sit at `offset..` in the merged list.
    pub fn extend(&mut self, participants: &[Participant], offset: usize) {
        for (i, p) in participants.iter().enumerate() {
            if let Some(key) = response_key(p) {
                self.by_response.entry(key).or_insert(offset + i);
            }
            if let Some(name) = typed_name(p) {
                self.by_name.entry(name).or_default().push(offset + i);
            }
        }
    }

    /// The verdict on `later` against the indexed participants of `merged`: the first one it
    /// is the same as, else the first one it may be, else different.
    pub fn find(&self, merged: &[Participant], later: &Participant) -> Verdict {
        let by_response = response_key(later).and_then(|key| self.by_response.get(&key));
        let by_name = typed_name(later).and_then(|name| self.by_name.get(&name));
        let candidates = by_response.into_iter().chain(by_name.into_iter().flatten());
        let mut unclear = None;
        for &index in candidates {
            match compare(&merged[index], later) {
                Verdict::Same(_, because) => return Verdict::Same(index, because),
                Verdict::Unclear(_, why) if unclear.is_none() => {
                    unclear = Some(Verdict::Unclear(index, why));
                }
                _ => {}
            }
        }
        unclear.unwrap_or(Verdict::Different)
    }
}

fn response_key(p: &Participant) -> Option<(String, String)> {
    (!p.export.is_empty() && !p.external_id.is_empty())
        .then(|| (p.export.clone(), p.external_id.clone()))
}

/// The name as typed by someone, in the form compared; `None` for blank and made-up names.
fn typed_name(p: &Participant) -> Option<String> {
    let name = p.name.trim();
    (!name.is_empty() && !is_generated_name(name)).then(|| name.to_lowercase())
}

/// What the evidence says about two participants (the index in the verdict is 0).
pub fn compare(kept: &Participant, later: &Participant) -> Verdict {
    let (kept_name, later_name) = (typed_name(kept), typed_name(later));
    let same_name = kept_name.is_some() && kept_name == later_name;
    let same_export = !kept.export.is_empty() && kept.export == later.export;
    if same_export && !kept.external_id.is_empty() && !later.external_id.is_empty() {
        let id = &kept.external_id;
        return match (*id == later.external_id, same_name) {
            (true, false) if kept_name.is_some() && later_name.is_some() => {
                Verdict::Unclear(0, Unclear::OtherName(id.clone()))
            }
            (true, _) => Verdict::Same(0, SameBecause::ExternalId(id.clone())),
            (false, true) => Verdict::Unclear(0, Unclear::OtherResponse),
            (false, false) => Verdict::Different,
        };
    }
    if !same_name {
        Verdict::Different
    } else if kept.side != later.side {
        Verdict::Unclear(0, Unclear::NameOnOtherSide)
    } else if same_export {
        Verdict::Unclear(0, Unclear::NoResponseId)
    } else {
        Verdict::Same(0, SameBecause::NameAndSide)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;

    fn person(name: &str, side: Side, export: &str, id: &str) -> Participant {
        Participant {
            name: name.into(),
            side,
            export: export.into(),
            external_id: id.into(),
            ..Participant::default()
        }
    }

    #[test]
    fn the_same_typed_name_and_side_is_the_same_person() {
        let ann = person("Ann Lee", Side::It, "", "");
        let again = person(" ann lee ", Side::It, "", "");
        assert_eq!(
            compare(&ann, &again),
            Verdict::Same(0, SameBecause::NameAndSide)
        );
        let business = person("Ann Lee", Side::Business, "", "");
        assert_eq!(
            compare(&ann, &business),
            Verdict::Unclear(0, Unclear::NameOnOtherSide)
        );
        let blank = person("", Side::It, "", "");
        assert_eq!(compare(&blank, &blank.clone()), Verdict::Different);
    }

    #[test]
    fn made_up_names_never_make_two_people_one() {
        for name in ["Respondent 1", "participant 3", "Me", " me "] {
            let a = person(name, Side::Business, "", "");
            assert_eq!(compare(&a, &a.clone()), Verdict::Different, "{name}");
        }
        // Not made up: a name that only starts like one.
        let a = person("Respondent 1b", Side::It, "", "");
        assert_eq!(
            compare(&a, &a.clone()),
            Verdict::Same(0, SameBecause::NameAndSide)
        );
    }

    #[test]
    fn a_response_id_counts_only_within_one_export() {
        let one = person("Respondent 1", Side::It, "form-a", "ID=7");
        let corrected = person("Respondent 4", Side::Business, "form-a", "ID=7");
        assert_eq!(
            compare(&one, &corrected),
            Verdict::Same(0, SameBecause::ExternalId("ID=7".into())),
            "the same response, its side corrected"
        );
        let other_form = person("Respondent 1", Side::It, "form-b", "ID=7");
        assert_eq!(compare(&one, &other_form), Verdict::Different);
        let no_export = person("Respondent 1", Side::It, "", "ID=7");
        assert_eq!(compare(&no_export, &no_export.clone()), Verdict::Different);
    }

    #[test]
    fn mixed_evidence_is_unclear() {
        let ann = person("Ann", Side::It, "form-a", "ID=1");
        let other_response = person("Ann", Side::It, "form-a", "ID=2");
        assert_eq!(
            compare(&ann, &other_response),
            Verdict::Unclear(0, Unclear::OtherResponse)
        );
        let renamed = person("Bea", Side::It, "form-a", "ID=1");
        assert_eq!(
            compare(&ann, &renamed),
            Verdict::Unclear(0, Unclear::OtherName("ID=1".into()))
        );
        let no_ids = person("Ann", Side::It, "form-a", "");
        assert_eq!(
            compare(&no_ids, &no_ids.clone()),
            Verdict::Unclear(0, Unclear::NoResponseId)
        );
    }
}
