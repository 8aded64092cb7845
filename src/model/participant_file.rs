//! A participant as files hold it (format 4). Plain answers — a level, don't know or not
//! applicable, today and as a target, with no comment and no earlier rounds — go on one line,
//! `answers: "com-01=3/4 com-02=dk/- val-01=na/na"`: a workshop file holds a thousand people
//! answering a hundred questions each, and one string per person reads many times faster than
//! a hundred small structs. Answers with a comment or earlier rounds stay in `responses` as
//! before, and files of formats 1 to 3 (everything in `responses`) read unchanged.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::assessment::{Answer, Participant, Response, Side};
use super::touchpoint::Level;

/// The serde form of [`Participant`], as read (`S` = `String`) and as written, borrowed
/// from the participant (`S` = `&str`).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Participant")]
pub struct ParticipantFile<S: Ord + AsRef<str> = String, R = Response> {
    id: S,
    name: S,
    side: Side,
    #[serde(default)]
    role: S,
    #[serde(default)]
    level: Option<Level>,
    #[serde(default, skip_serializing_if = "is_empty")]
    external_id: S,
    #[serde(default, skip_serializing_if = "is_empty")]
    export: S,
    /// Plain answers, `question=current/target` separated by spaces.
    #[serde(default, skip_serializing_if = "is_empty")]
    answers: String,
    /// Answers with a comment or earlier rounds (and, in older files, all of them).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    responses: BTreeMap<S, R>,
}

fn is_empty<S: AsRef<str>>(text: &S) -> bool {
    text.as_ref().is_empty()
}

impl Serialize for Participant {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        let mut answers = String::new();
        let mut responses = BTreeMap::new();
        for (question, response) in &self.responses {
            if fits_one_line(question, response) {
                if !answers.is_empty() {
                    answers.push(' ');
                }
                answers.push_str(question);
                answers.push('=');
                push_answer(&mut answers, response.current);
                answers.push('/');
                push_answer(&mut answers, response.target);
            } else {
                responses.insert(question.as_str(), response);
            }
        }
        ParticipantFile {
            id: self.id.as_str(),
            name: &self.name,
            side: self.side,
            role: &self.role,
            level: self.level,
            external_id: &self.external_id,
            export: &self.export,
            answers,
            responses,
        }
        .serialize(serializer)
    }
}

impl TryFrom<ParticipantFile> for Participant {
    type Error = String;

    fn try_from(file: ParticipantFile) -> Result<Self, String> {
        let mut responses = file.responses;
        for entry in file.answers.split_whitespace() {
            let (question, current, target) = parse_entry(entry).ok_or_else(|| {
                format!(
                    "participant \"{}\": \"{entry}\" is not an answer (question=current/target, \
                     each a level, dk, na or -)",
                    file.id
                )
            })?;
            let response = Response {
                current,
                target,
                ..Response::default()
            };
            if responses.insert(question.to_owned(), response).is_some() {
                return Err(format!(
                    "participant \"{}\" answers question \"{question}\" twice",
                    file.id
                ));
            }
        }
        Ok(Participant {
            id: file.id,
            name: file.name,
            side: file.side,
            role: file.role,
            level: file.level,
            external_id: file.external_id,
            export: file.export,
            responses,
        })
    }
}

/// Whether a response can be written on the answers line and read back the same.
fn fits_one_line(question: &str, response: &Response) -> bool {
    response.comment.is_empty()
        && response.earlier_rounds.is_empty()
        && !question.is_empty()
        && !question.contains(|c: char| c.is_whitespace() || c == '=')
}

fn push_answer(line: &mut String, answer: Answer) {
    match answer {
        Answer::Level(level) => line.push_str(&level.to_string()),
        Answer::DontKnow => line.push_str("dk"),
        Answer::NotApplicable => line.push_str("na"),
        Answer::Blank => line.push('-'),
    }
}

/// `com-01=3/4` as (question, current, target).
fn parse_entry(entry: &str) -> Option<(&str, Answer, Answer)> {
    let (question, answers) = entry.rsplit_once('=')?;
    let (current, target) = answers.split_once('/')?;
    if question.is_empty() {
        return None;
    }
    Some((question, parse_answer(current)?, parse_answer(target)?))
}

fn parse_answer(token: &str) -> Option<Answer> {
    match token {
        "-" => Some(Answer::Blank),
        "dk" => Some(Answer::DontKnow),
        "na" => Some(Answer::NotApplicable),
        digits => digits.parse().ok().map(Answer::Level),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Round;

    fn response(current: Answer, target: Answer) -> Response {
        Response {
            current,
            target,
            ..Response::default()
        }
    }

    #[test]
    fn plain_answers_go_on_one_line_and_come_back() {
        let mut p = Participant {
            id: "p1".into(),
            name: "Ann".into(),
            ..Participant::default()
        };
        let answers = [
            ("c1", Answer::Level(3), Answer::Level(4)),
            ("c2", Answer::DontKnow, Answer::Blank),
            ("c3", Answer::NotApplicable, Answer::NotApplicable),
            ("c4", Answer::Blank, Answer::Blank),
            ("odd id", Answer::Level(2), Answer::Blank),
        ];
        for (q, current, target) in answers {
            p.responses.insert(q.into(), response(current, target));
        }
        let mut commented = response(Answer::Level(1), Answer::Blank);
        commented.comment = "why".into();
        commented.earlier_rounds = vec![Round::default()];
        p.responses.insert("k1".into(), commented);
        let text = ron::to_string(&p).unwrap();
        assert!(
            text.contains("answers:\"c1=3/4 c2=dk/- c3=na/na c4=-/-\""),
            "{text}"
        );
        let file: ParticipantFile = ron::from_str(&text).unwrap();
        assert_eq!(
            file.responses.keys().collect::<Vec<_>>(),
            ["k1", "odd id"],
            "a comment, earlier rounds or an id with a space keep the long form"
        );
        assert_eq!(Participant::try_from(file), Ok(p));
    }

    #[test]
    fn a_bad_entry_or_a_question_answered_twice_is_an_error() {
        let file = |answers: &str| ParticipantFile {
            id: "p7".into(),
            name: String::new(),
            side: Side::It,
            role: String::new(),
            level: None,
            external_id: String::new(),
            export: String::new(),
            answers: answers.into(),
            responses: BTreeMap::new(),
        };
        for bad in ["c1=3", "c1=x/4", "=3/4", "c1=300/4", "c1=3/4/5"] {
            let err = Participant::try_from(file(bad)).unwrap_err();
            assert!(err.contains("p7") && err.contains(bad), "{err}");
        }
        let err = Participant::try_from(file("c1=3/4 c1=2/2")).unwrap_err();
        assert_eq!(err, "participant \"p7\" answers question \"c1\" twice");
        // A level off the scale reads; validation reports it with the questionnaire at hand.
        let p = Participant::try_from(file("c1=9/0")).unwrap();
        assert_eq!(
            p.responses["c1"],
            response(Answer::Level(9), Answer::Level(0))
        );
    }
}
