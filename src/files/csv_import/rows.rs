//! Turning the rows of a table into participants, with every problem reported by line and
//! column: a bad cell is left blank and the rest of its row still imports; a respondent who is
//! already in the assessment (or earlier in the file) is skipped, so nothing is imported twice.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::cells::{parse_answer, parse_level, parse_side};
use super::columns::{ColumnRole, MAX_BRACKET_DEPTH, bracket_depth};
use super::table::{Table, TableRow};
use crate::model::{Answer, Numbering, Participant, Questionnaire, Response, Side};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Something was ignored or assumed; the import is still what the file says.
    Warning,
    /// A value could not be read and was left out.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Warning => "warning",
            Self::Error => "error",
        })
    }
}

/// One thing the user should know about a cell, a row or a column of the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based line in the file; problems with the columns are on the header's line.
    pub line: usize,
    /// 1-based column, when the problem is about one.
    pub column: Option<usize>,
    /// That column's heading as written, empty when there is no column.
    pub header: String,
    /// What is wrong and what was done about it.
    pub message: String,
    /// Whether something was left out.
    pub severity: Severity,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
            let header = self.header.trim();
            if !header.is_empty() {
                write!(f, " (\"{}\")", shorten(header))?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// A long heading cut to fit a message line, keeping a grid's closing bracket.
fn shorten(header: &str) -> String {
    const KEEP: usize = 40;
    if header.chars().count() <= KEEP + 10 {
        return header.to_owned();
    }
    let mut cut: String = header.chars().take(KEEP).collect();
    // Cut between words, not inside one.
    if let Some(space) = cut.rfind(char::is_whitespace) {
        cut.truncate(space);
    }
    let closing = if header.ends_with(']') { "]" } else { "" };
    format!("{} …{closing}", cut.trim_end())
}

/// The outcome of an import: the new participants and everything that did not fit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// One per imported row, in file order, with ids unused by the existing participants.
    pub participants: Vec<Participant>,
    /// Warnings and errors in the order of the file (column problems first).
    pub problems: Vec<ImportProblem>,
    /// Rows skipped because their respondent was already imported.
    pub skipped_duplicates: usize,
}

impl ImportReport {
    /// Whether any value could not be read.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// The problems found on one line of the file.
    pub fn problems_on_line(&self, line: usize) -> impl Iterator<Item = &ImportProblem> {
        self.problems.iter().filter(move |p| p.line == line)
    }
}

/// Turns each row of `table` into a participant, reading the columns as `roles` says (one role
/// per header; missing roles count as `Ignored`). Rows whose respondent is in `existing` or
/// earlier in the table are skipped; rows with no cell filled in are skipped silently.
pub fn import(
    q: &Questionnaire,
    table: &Table,
    roles: &[ColumnRole],
    existing: &[Participant],
) -> ImportReport {
    let mut report = ImportReport::default();
    let layout = Layout::new(q, table, roles, &mut report.problems);
    let export = table.fingerprint();
    let mut ids: HashSet<String> = existing.iter().map(|p| p.id.clone()).collect();
    let mut names: HashSet<String> = existing.iter().map(|p| p.name.clone()).collect();
    let mut numbering = (Numbering::new("p"), Numbering::new("Respondent "));
    // Only ids of this same export say who someone is: another form's `ID=1` is someone else.
    let mut seen: HashMap<String, String> = existing
        .iter()
        .filter(|p| !p.external_id.is_empty() && p.export == export)
        .map(|p| {
            let who = format!("was already imported as {} ({})", p.id, p.name);
            (p.external_id.clone(), who)
        })
        .collect();

    for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let reader = RowReader {
            layout: &layout,
            row,
            problems: &mut report.problems,
        };
        let (external_id, identity_column) = reader.identity();
        if let Some(earlier) = seen.get(&external_id) {
            let problem = layout.problem(
                row.line,
                identity_column,
                Severity::Warning,
                format!("respondent \"{external_id}\" {earlier}; row skipped"),
            );
            report.problems.push(problem);
            report.skipped_duplicates += 1;
            continue;
        }
        let id = numbering.0.next_unused(|id| ids.contains(id));
        let mut participant = reader.participant(id, &mut numbering.1, &names);
        ids.insert(participant.id.clone());
        names.insert(participant.name.clone());
        if !external_id.is_empty() {
            seen.insert(
                external_id.clone(),
                format!("already appears on line {}", row.line),
            );
        }
        participant.external_id = external_id;
        participant.export.clone_from(&export);
        report.participants.push(participant);
    }
    report
}

/// Which column holds what, decided once for the whole table.
struct Layout<'a> {
    q: &'a Questionnaire,
    headers: &'a [String],
    respondent: Option<usize>,
    email: Option<usize>,
    name: Option<usize>,
    side: Option<usize>,
    role: Option<usize>,
    level: Option<usize>,
    /// (question id, current column, target column) in questionnaire order.
    questions: Vec<(&'a str, Option<usize>, Option<usize>)>,
}

impl<'a> Layout<'a> {
    /// Reads the roles and reports the columns that are unused, doubled or missing.
    fn new(
        q: &'a Questionnaire,
        table: &'a Table,
        roles: &[ColumnRole],
        problems: &mut Vec<ImportProblem>,
    ) -> Self {
        let mut layout = Layout {
            q,
            headers: &table.headers,
            respondent: None,
            email: None,
            name: None,
            side: None,
            role: None,
            level: None,
            questions: q
                .questions
                .iter()
                .map(|question| (question.id.as_str(), None, None))
                .collect(),
        };
        let mut found = Vec::new();
        if let Some(encoding) = table.legacy_encoding {
            found.push((
                None,
                Severity::Warning,
                format!(
                    "the file is not UTF-8 and was read as {encoding}; \
                     if accents look wrong, save it as \"CSV UTF-8\" and import it again"
                ),
            ));
        }
        for column in 0..table.headers.len() {
            let role = roles.get(column).unwrap_or(&ColumnRole::Ignored);
            if let Some((severity, message)) = layout.assign(table, column, role) {
                found.push((Some(column), severity, message));
            }
        }
        if !layout
            .questions
            .iter()
            .any(|(_, c, t)| c.is_some() || t.is_some())
        {
            found.push((
                None,
                Severity::Error,
                format!(
                    "no column matches a question of \"{}\"; map the columns by hand",
                    q.title
                ),
            ));
        } else {
            let sides = respondent_sides(table, layout.side);
            for ((id, current, target), question) in layout.questions.iter().zip(&q.questions) {
                // A question nobody in the file is asked (for IT only, in a business survey)
                // is not missing.
                if !sides.is_empty() && !sides.iter().any(|&s| question.audience.includes(s)) {
                    continue;
                }
                let message = match (current, target) {
                    (None, None) => format!("question {id} has no column"),
                    (None, Some(_)) => {
                        format!("question {id} has a target column but no current column")
                    }
                    _ => continue,
                };
                found.push((None, Severity::Warning, message));
            }
        }
        if layout.side.is_none() {
            found.push((
                None,
                Severity::Warning,
                "there is no Side column: every respondent counts as Business".to_owned(),
            ));
        }
        if table.rows.is_empty() {
            found.push((
                None,
                Severity::Warning,
                "the file has no responses".to_owned(),
            ));
        }
        let header_line = table.header_line.max(1);
        for (column, severity, message) in found {
            problems.push(layout.problem(header_line, column, severity, message));
        }
        layout
    }

    /// Records what `column` holds; a warning or error when it is not used.
    fn assign(
        &mut self,
        table: &Table,
        column: usize,
        role: &ColumnRole,
    ) -> Option<(Severity, String)> {
        let single = |slot: &mut Option<usize>, what: &str| match *slot {
            Some(first) => Some((
                Severity::Warning,
                format!("a second {what} column; column {} is used", first + 1),
            )),
            None => {
                *slot = Some(column);
                None
            }
        };
        match role {
            // A timestamp is bookkeeping, never who someone is (see `RowReader::identity`).
            ColumnRole::Metadata | ColumnRole::Timestamp => None,
            ColumnRole::Ignored if bracket_depth(&table.headers[column]) > MAX_BRACKET_DEPTH => {
                Some((
                    Severity::Error,
                    format!(
                        "the heading nests square brackets {} deep; no form writes that, so \
                         the column is not read",
                        bracket_depth(&table.headers[column])
                    ),
                ))
            }
            ColumnRole::Ignored => {
                let blank = table.headers[column].trim().is_empty()
                    && table
                        .rows
                        .iter()
                        .all(|r| r.cells.get(column).is_none_or(|c| c.trim().is_empty()));
                (!blank).then(|| {
                    (
                        Severity::Warning,
                        "ignored: the heading names no question of the questionnaire".to_owned(),
                    )
                })
            }
            ColumnRole::Respondent => single(&mut self.respondent, "respondent id"),
            ColumnRole::Email => single(&mut self.email, "e-mail"),
            ColumnRole::Name => single(&mut self.name, "name"),
            ColumnRole::Side => single(&mut self.side, "side"),
            ColumnRole::Role => single(&mut self.role, "role"),
            ColumnRole::Level => single(&mut self.level, "level"),
            ColumnRole::Current(id) | ColumnRole::Target(id) => {
                let target = matches!(role, ColumnRole::Target(_));
                let Some((_, current_slot, target_slot)) =
                    self.questions.iter_mut().find(|(qid, _, _)| qid == id)
                else {
                    return Some((
                        Severity::Error,
                        format!("question {id} is not in the questionnaire; column ignored"),
                    ));
                };
                let (slot, what) = if target {
                    (target_slot, "target")
                } else {
                    (current_slot, "current")
                };
                match *slot {
                    Some(first) => Some((
                        Severity::Warning,
                        format!(
                            "a second {what} column for question {id}; column {} is used \
                             (if this one is the target, map it so)",
                            first + 1
                        ),
                    )),
                    None => {
                        *slot = Some(column);
                        None
                    }
                }
            }
        }
    }

    fn problem(
        &self,
        line: usize,
        column: Option<usize>,
        severity: Severity,
        message: String,
    ) -> ImportProblem {
        ImportProblem {
            line,
            column: column.map(|c| c + 1),
            header: column
                .and_then(|c| self.headers.get(c))
                .map(|h| h.trim().to_owned())
                .unwrap_or_default(),
            message,
            severity,
        }
    }
}

/// The side of each respondent in the table, as the import will read it (Business when the
/// file has no side or the cell is blank or unreadable); empty when there are no respondents.
fn respondent_sides(table: &Table, column: Option<usize>) -> Vec<Side> {
    table
        .rows
        .iter()
        .filter(|row| row.cells.iter().any(|c| !c.trim().is_empty()))
        .map(|row| {
            column
                .and_then(|c| row.cells.get(c))
                .and_then(|cell| parse_side(cell.trim()))
                .unwrap_or(Side::Business)
        })
        .collect()
}

/// Reads one row against the layout, collecting its problems.
struct RowReader<'a, 'p> {
    layout: &'a Layout<'a>,
    row: &'a TableRow,
    problems: &'p mut Vec<ImportProblem>,
}

impl<'a> RowReader<'a, '_> {
    /// The trimmed cell of `column`, empty when there is none.
    fn cell(&self, column: Option<usize>) -> &'a str {
        column
            .and_then(|c| self.row.cells.get(c))
            .map_or("", |c| c.trim())
    }

    /// The trimmed cell unless it is blank or Microsoft Forms' `anonymous`.
    fn known(&self, column: Option<usize>) -> Option<&'a str> {
        let cell = self.cell(column);
        (!cell.is_empty() && !cell.eq_ignore_ascii_case("anonymous")).then_some(cell)
    }

    fn report(&mut self, column: Option<usize>, severity: Severity, message: String) {
        let problem = self
            .layout
            .problem(self.row.line, column, severity, message);
        self.problems.push(problem);
    }

    /// Who answered, as the source identifies them, and the column that says so: `ID=12` or
    /// an e-mail; empty when the row says nothing (a timestamp does not: two people can send
    /// in the same second, and a row number changes when the export is split).
    fn identity(&self) -> (String, Option<usize>) {
        let layout = self.layout;
        if let Some(id) = self.known(layout.respondent) {
            let header = layout
                .respondent
                .and_then(|c| layout.headers.get(c))
                .map_or("", |h| h.trim());
            let header = if header.is_empty() { "ID" } else { header };
            return (format!("{header}={id}"), layout.respondent);
        }
        if let Some(email) = self.known(layout.email) {
            return (email.to_lowercase(), layout.email);
        }
        (String::new(), None)
    }

    /// The participant this row describes, with the id `id`; a respondent with no name gets
    /// the next "Respondent N" not in `names`.
    fn participant(
        mut self,
        id: String,
        respondents: &mut Numbering,
        names: &HashSet<String>,
    ) -> Participant {
        let layout = self.layout;
        let name = match self.known(layout.name).or_else(|| self.known(layout.email)) {
            Some(name) => name.to_owned(),
            None => respondents.next_unused(|name| names.contains(name)),
        };
        let side = self.side();
        let level = match self.cell(layout.level) {
            "" => None,
            cell => {
                let level = parse_level(cell);
                if level.is_none() {
                    let message = format!(
                        "\"{cell}\" is not a level (strategic, tactical or operational); left empty"
                    );
                    self.report(layout.level, Severity::Error, message);
                }
                level
            }
        };
        let mut responses = std::collections::BTreeMap::new();
        let mut any_answer = false;
        let mut not_asked = Vec::new();
        for (&(id, current, target), question) in layout.questions.iter().zip(&layout.q.questions) {
            let response = Response {
                current: self.answer(current),
                target: self.answer(target),
                ..Response::default()
            };
            let filled = current.is_some_and(|c| !self.cell(Some(c)).is_empty())
                || target.is_some_and(|c| !self.cell(Some(c)).is_empty());
            if question.audience.includes(side) {
                any_answer |= filled;
            } else if filled {
                not_asked.push(id);
            }
            if !response.is_empty() {
                responses.insert(id.to_owned(), response);
            }
        }
        if !not_asked.is_empty() {
            // Kept, so that correcting the side later brings them into the scores.
            let message = format!(
                "answers questions not asked of the {} side ({}): kept, but they count \
                 only if the side is corrected",
                side.name(),
                not_asked.join(", ")
            );
            self.report(layout.side, Severity::Warning, message);
        }
        if !any_answer
            && layout
                .questions
                .iter()
                .any(|(_, c, t)| c.is_some() || t.is_some())
        {
            self.report(
                None,
                Severity::Warning,
                "this respondent answered no question".to_owned(),
            );
        }
        Participant {
            id,
            name,
            side,
            role: self.cell(layout.role).to_owned(),
            level,
            responses,
            ..Participant::default()
        }
    }

    /// The side, Business when it is missing or unreadable (with a problem saying so).
    fn side(&mut self) -> Side {
        let column = self.layout.side;
        if column.is_none() {
            return Side::Business;
        }
        let cell = self.cell(column);
        if cell.is_empty() {
            self.report(
                column,
                Severity::Warning,
                "no side given; counted as Business".to_owned(),
            );
            return Side::Business;
        }
        parse_side(cell).unwrap_or_else(|| {
            self.report(
                column,
                Severity::Error,
                format!("\"{cell}\" is not a side (IT or Business); counted as Business"),
            );
            Side::Business
        })
    }

    /// The answer in `column`, blank (with an error) when it is not one.
    fn answer(&mut self, column: Option<usize>) -> Answer {
        let layout = self.layout;
        let scale = &layout.q.scale;
        let cell = self.cell(column);
        parse_answer(scale, cell).unwrap_or_else(|| {
            let lowest = scale.levels.iter().map(|l| l.value).min().unwrap_or(1);
            let highest = layout.q.max_level();
            let message = format!(
                "\"{cell}\" is not a level ({lowest}–{highest}, a level label, {} or {})",
                scale.dont_know.to_lowercase(),
                scale.not_applicable.to_lowercase()
            );
            self.report(column, Severity::Error, message);
            Answer::Blank
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::unused_participant_id;

    #[test]
    fn ids_fill_the_first_gap() {
        let taken: HashSet<String> = ["p1", "p3"].map(String::from).into();
        assert_eq!(unused_participant_id(&taken), "p2");
        assert_eq!(unused_participant_id(&HashSet::new()), "p1");
    }

    #[test]
    fn long_headings_are_shortened_in_messages() {
        let problem = ImportProblem {
            line: 4,
            column: Some(7),
            header: "Target [How often do IT and business leaders meet to set priorities?]".into(),
            message: "bad".into(),
            severity: Severity::Error,
        };
        assert_eq!(
            problem.to_string(),
            "line 4, column 7 (\"Target [How often do IT and business …]\"): bad"
        );
    }
}
