//! The CSV import dialog: the columns of a form export matched to the open assessment's
//! questions (automatically, then by hand), a preview of what the import adds, every problem
//! listed by line of the file, and the import itself as one undoable edit.
//!
//! The import is recomputed only when the mapping (or the assessment's participants) changes,
//! never per frame; the dialog keeps the last report.

use std::path::PathBuf;

use egui::{Color32, RichText};

use crate::files::count_answers;
use crate::files::csv_import::{self, ColumnRole, ImportProblem, ImportReport, Severity, Table};
use crate::model::{Participant, Questionnaire};

use super::command::Command;
use super::view::{View, ViewCtx};
use crate::document::Edit;

/// Answers shown per column to help recognise what it holds.
const SAMPLES: usize = 3;
/// Height of one line in the problem list.
const PROBLEM_ROW_HEIGHT: f32 = 24.0;
/// Room kept free above and below the dialog.
const SCREEN_MARGIN: f32 = 24.0;
/// Height of what follows the column list, besides the problem list: preview, headings,
/// separators and buttons.
const BELOW_COLUMNS: f32 = 150.0;
/// Width of the column table besides the heading and answers: number, automatic match, menu,
/// the gaps between them and the scroll bar.
const COLUMNS_FIXED_WIDTH: f32 = 40.0 + 180.0 + MENU_WIDTH + 4.0 * 14.0 + 24.0;
/// Width of a column's menu.
const MENU_WIDTH: f32 = 220.0;
/// The problem list takes at most this share of the room left for the two lists.
const PROBLEMS_SHARE: f32 = 0.4;

/// Importing one CSV export into the open assessment.
pub struct ImportDialog {
    pub path: PathBuf,
    table: Table,
    /// A few answers of each column, read once.
    samples: Vec<String>,
    /// Made on the first frame, from the open assessment's questionnaire.
    mapping: Option<Mapping>,
    /// How tall the column table was last drawn, so the problem list can have what it leaves.
    columns_content: Option<f32>,
}

/// What each column is read as, and what importing with that gives.
struct Mapping {
    /// What `match_columns` proposed.
    automatic: Vec<ColumnRole>,
    /// What the user settled on; starts as `automatic`.
    roles: Vec<ColumnRole>,
    /// Every role a column can be given, in menu order.
    choices: Vec<Choice>,
    /// The import with `roles` against the participants the assessment had then.
    report: ImportReport,
    answers: usize,
    /// How many participants the assessment had when `report` was made.
    existing: usize,
    /// The problems, one list entry per line of the list, grouped by line of the file.
    problem_rows: Vec<ProblemRow>,
    /// "lines 3, 4": where the errors are; empty when there are none.
    error_lines: String,
}

/// One entry of a column's menu.
struct Choice {
    role: ColumnRole,
    label: String,
    /// The question's text, for a question's columns.
    hover: Option<String>,
}

/// One line of the problem list: a line of the file, or one of its problems.
enum ProblemRow {
    Line(String),
    Problem(usize),
}

/// What the user decided this frame.
enum Action {
    Import,
    Cancel,
}

impl ImportDialog {
    /// The dialog for a table read from `path`.
    pub fn new(path: PathBuf, table: Table) -> Self {
        let samples = column_samples(&table);
        Self {
            path,
            table,
            samples,
            mapping: None,
            columns_content: None,
        }
    }
}

impl View for ImportDialog {
    /// Shows the dialog until it is closed. Importing pushes one undoable edit.
    fn ui(&mut self, ui: &mut egui::Ui, view: &mut ViewCtx<'_>) {
        let Some(doc) = view.doc else { return };
        let assessment = &doc.assessment;
        let ctx = &ui.ctx().clone();
        let Self {
            path,
            table,
            samples,
            mapping,
            columns_content,
        } = self;
        let q = &assessment.questionnaire;
        let existing = &assessment.participants;
        let mapping = mapping.get_or_insert_with(|| Mapping::new(q, table, existing));
        if mapping.existing != existing.len() {
            mapping.refresh(q, table, existing);
        }

        let screen = ctx.content_rect();
        let width = (screen.width() - 80.0).clamp(560.0, 1200.0);
        let max_height = screen.height() - 2.0 * SCREEN_MARGIN;
        let file_name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut action = None;
        let mut remapped = None;
        let mut drawn_columns = None;
        let modal = egui::Modal::new(egui::Id::unique("csv-import")).show(ctx, |ui| {
            ui.set_width(width);
            ui.set_max_height(max_height);
            ui.heading(format!("Import answers from {file_name}"));
            ui.label(format!(
                "Into this assessment, taken with \"{}\" (version {}). Check what each column \
                 is read as, and change it with its menu where the form worded a question \
                 differently.",
                q.title, q.version
            ));
            ui.add_space(4.0);
            ui.strong("Columns");
            let (columns_height, problems_height) = list_heights(ui, mapping, *columns_content);
            let (picked, content) = columns_ui(ui, table, samples, mapping, columns_height);
            remapped = picked;
            drawn_columns = Some(content);
            ui.separator();
            preview_ui(ui, mapping);
            ui.add_space(4.0);
            problems_ui(ui, mapping, problems_height);
            ui.separator();
            action = buttons_ui(ui, mapping.report.participants.len());
        });
        // Once the table's height is known the lists are shared anew: one more frame, not a loop.
        if let Some(content) = drawn_columns
            && columns_content.is_none_or(|known| (known - content).abs() > 1.0)
        {
            *columns_content = Some(content);
            ctx.request_repaint();
        }
        // Escape cancels; a click beside the dialog does not, so no mapping is lost by accident.
        if modal.is_top_modal
            && !modal.any_popup_open
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            action = Some(Action::Cancel);
        }
        if let Some((column, role)) = remapped
            && let Some(slot) = mapping.roles.get_mut(column)
        {
            *slot = role;
            mapping.refresh(q, table, existing);
        }

        match action {
            Some(Action::Import) => {
                // Against the participants as they are now, so ids and duplicates are right.
                let report = csv_import::import(q, table, &mapping.roles, existing);
                if !report.participants.is_empty() {
                    view.push(Command::Edit(Edit::ImportParticipants(report.participants)));
                }
                view.push(Command::CloseImport);
            }
            Some(Action::Cancel) => view.push(Command::CloseImport),
            None => {}
        }
    }
}

impl Mapping {
    fn new(q: &Questionnaire, table: &Table, existing: &[Participant]) -> Self {
        let automatic = csv_import::match_columns(q, &table.headers);
        let mut mapping = Self {
            roles: automatic.clone(),
            automatic,
            choices: choices(q),
            report: ImportReport::default(),
            answers: 0,
            existing: 0,
            problem_rows: Vec::new(),
            error_lines: String::new(),
        };
        mapping.refresh(q, table, existing);
        mapping
    }

    /// Imports again with the current roles.
    fn refresh(&mut self, q: &Questionnaire, table: &Table, existing: &[Participant]) {
        self.report = csv_import::import(q, table, &self.roles, existing);
        self.answers = count_answers(&self.report.participants);
        self.existing = existing.len();
        self.problem_rows = problem_rows(&self.report, table, &self.roles);
        self.error_lines = error_lines(&self.report);
    }
}

/// The roles a column can take: who answered, then each question's today and target.
fn choices(q: &Questionnaire) -> Vec<Choice> {
    let plain = [
        ColumnRole::Ignored,
        ColumnRole::Metadata,
        ColumnRole::Respondent,
        ColumnRole::Email,
        ColumnRole::Timestamp,
        ColumnRole::Name,
        ColumnRole::Side,
        ColumnRole::Role,
        ColumnRole::Level,
    ]
    .into_iter()
    .map(|role| Choice {
        label: role_label(&role),
        role,
        hover: None,
    });
    let questions = q.questions.iter().flat_map(|question| {
        [
            ColumnRole::Current(question.id.clone()),
            ColumnRole::Target(question.id.clone()),
        ]
        .map(|role| Choice {
            label: role_label(&role),
            role,
            hover: Some(question.text.clone()),
        })
    });
    plain.chain(questions).collect()
}

/// How a role reads in the menus: "Side", "com-01 today", "com-01 target".
fn role_label(role: &ColumnRole) -> String {
    match role {
        ColumnRole::Ignored => "Ignore".to_owned(),
        ColumnRole::Metadata => "Ignore (form metadata)".to_owned(),
        ColumnRole::Respondent => "Respondent id".to_owned(),
        ColumnRole::Email => "E-mail".to_owned(),
        ColumnRole::Timestamp => "Timestamp".to_owned(),
        ColumnRole::Name => "Name".to_owned(),
        ColumnRole::Side => "Side".to_owned(),
        ColumnRole::Role => "Role".to_owned(),
        ColumnRole::Level => "Level".to_owned(),
        ColumnRole::Current(id) => format!("{id} today"),
        ColumnRole::Target(id) => format!("{id} target"),
    }
}

/// The first few different answers of each column, joined.
fn column_samples(table: &Table) -> Vec<String> {
    (0..table.headers.len())
        .map(|column| {
            let mut seen: Vec<&str> = Vec::new();
            for row in &table.rows {
                let cell = row.cells.get(column).map_or("", |c| c.trim());
                if !cell.is_empty() && !seen.contains(&cell) {
                    seen.push(cell);
                    if seen.len() == SAMPLES {
                        break;
                    }
                }
            }
            seen.join(" · ")
        })
        .collect()
}

/// The lines with errors, as "line 4" or "lines 3, 4, 9, …" (the first few).
fn error_lines(report: &ImportReport) -> String {
    const SHOWN: usize = 8;
    let mut lines: Vec<usize> = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.line)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let mut listed: Vec<String> = lines.iter().take(SHOWN).map(usize::to_string).collect();
    if lines.len() > SHOWN {
        listed.push("…".to_owned());
    }
    match lines.len() {
        0 => String::new(),
        1 => format!("line {}", listed.join(", ")),
        _ => format!("lines {}", listed.join(", ")),
    }
}

/// The problem list: each line of the file that has problems, then its problems.
fn problem_rows(report: &ImportReport, table: &Table, roles: &[ColumnRole]) -> Vec<ProblemRow> {
    let mut lines: Vec<usize> = report.problems.iter().map(|p| p.line).collect();
    lines.sort_unstable();
    lines.dedup();
    let who = roles
        .iter()
        .position(|r| *r == ColumnRole::Name)
        .or_else(|| roles.iter().position(|r| *r == ColumnRole::Email));
    let mut rows = Vec::new();
    for line in lines {
        let heading = if line == table.header_line.max(1) {
            format!("Line {line} · the column headings")
        } else {
            let name = table
                .rows
                .iter()
                .find(|r| r.line == line)
                .and_then(|r| who.and_then(|c| r.cells.get(c)))
                .map_or("", |c| c.trim());
            if name.is_empty() {
                format!("Line {line}")
            } else {
                format!("Line {line} · {name}")
            }
        };
        rows.push(ProblemRow::Line(heading));
        rows.extend(
            report
                .problems
                .iter()
                .enumerate()
                .filter(|(_, p)| p.line == line)
                .map(|(index, _)| ProblemRow::Problem(index)),
        );
    }
    rows
}

/// How tall the column list and the problem list may be, so the dialog fits the window: both
/// whole when they fit; otherwise the problem list gets at least a share of the room (or all it
/// needs, if less) and the column table the rest.
fn list_heights(ui: &egui::Ui, mapping: &Mapping, columns_content: Option<f32>) -> (f32, f32) {
    let spacing = ui.spacing().item_spacing.y;
    let mut below = BELOW_COLUMNS;
    if mapping.report.skipped_duplicates > 0 {
        below += PROBLEM_ROW_HEIGHT + spacing;
    }
    if mapping.report.has_errors() {
        below += PROBLEM_ROW_HEIGHT + spacing;
    }
    let room = (ui.available_height() - below).max(160.0);
    let problems_needed = mapping.problem_rows.len() as f32 * (PROBLEM_ROW_HEIGHT + spacing);
    let problems_least = problems_needed.min(room * PROBLEMS_SHARE);
    let columns = columns_content.unwrap_or(room).min(room - problems_least);
    (columns, problems_needed.min(room - columns))
}

/// The table of columns, one menu per column; returns a column the user gave a new role, and
/// the table's whole height.
fn columns_ui(
    ui: &mut egui::Ui,
    table: &Table,
    samples: &[String],
    mapping: &Mapping,
    max_height: f32,
) -> (Option<(usize, ColumnRole)>, f32) {
    let mut remapped = None;
    let warn = ui.visuals().warn_fg_color;
    let highlight = warn.gamma_multiply(0.18);
    let full = ui.available_width();
    let sample_width = (full * 0.2).max(120.0);
    // The rest after the number, the automatic match, the menu, the gaps and the scroll bar.
    let heading_width = (full - sample_width - COLUMNS_FIXED_WIDTH).max(200.0);
    let shown = egui::ScrollArea::vertical()
        .id_salt("import-columns")
        .max_height(max_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("import-columns-grid")
                .num_columns(5)
                .striped(true)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    for title in [
                        "#",
                        "Heading in the file",
                        "Answers",
                        "Matched",
                        "Import as",
                    ] {
                        ui.strong(title);
                    }
                    ui.end_row();
                    for (column, header) in table.headers.iter().enumerate() {
                        let role = mapping.roles.get(column).unwrap_or(&ColumnRole::Ignored);
                        let automatic = mapping
                            .automatic
                            .get(column)
                            .unwrap_or(&ColumnRole::Ignored);
                        let unmatched = *role == ColumnRole::Ignored;
                        ui.label((column + 1).to_string());
                        let mut text = RichText::new(header.trim());
                        if unmatched {
                            text = text.color(warn).background_color(highlight);
                        }
                        // Wrapped, not cut: a grid's distinguishing part comes last, in brackets.
                        ui.scope(|ui| {
                            ui.set_width(heading_width);
                            ui.add(egui::Label::new(text).wrap());
                        });
                        let sample = samples.get(column).map_or("", String::as_str);
                        fixed_width_label_ui(
                            ui,
                            sample_width,
                            RichText::new(sample).weak(),
                            sample,
                        );
                        let matched = match automatic {
                            ColumnRole::Ignored => RichText::new("not matched").color(warn),
                            other => RichText::new(role_label(other)),
                        };
                        ui.label(matched);
                        if let Some(role) = role_menu_ui(ui, column, header, role, &mapping.choices)
                        {
                            remapped = Some((column, role));
                        }
                        ui.end_row();
                    }
                });
        });
    (remapped, shown.content_size.y)
}

/// A one-line label cut to `width`, the whole text on hover.
fn fixed_width_label_ui(ui: &mut egui::Ui, width: f32, text: RichText, full: &str) {
    ui.scope(|ui| {
        ui.set_width(width);
        let response = ui.add(egui::Label::new(text).truncate());
        if !full.is_empty() {
            response.on_hover_text(full);
        }
    });
}

/// The menu of one column; returns the role picked, if one was.
fn role_menu_ui(
    ui: &mut egui::Ui,
    column: usize,
    header: &str,
    role: &ColumnRole,
    choices: &[Choice],
) -> Option<ColumnRole> {
    let mut picked = None;
    let accessible = format!("Import column {} ({}) as", column + 1, header.trim());
    let selected = role_label(role);
    let response = egui::ComboBox::from_id_salt(("import-column", column))
        .selected_text(selected.as_str())
        .width(MENU_WIDTH)
        .height(360.0)
        .show_ui(ui, |ui| {
            for choice in choices {
                let mut item = ui.selectable_label(choice.role == *role, choice.label.as_str());
                if let Some(hover) = &choice.hover {
                    item = item.on_hover_text(hover);
                }
                if item.clicked() && choice.role != *role {
                    picked = Some(choice.role.clone());
                }
            }
        })
        .response;
    response.widget_info(|| {
        let mut info =
            egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, &accessible);
        info.current_text_value = Some(selected.clone());
        info
    });
    picked
}

/// What importing now adds.
fn preview_ui(ui: &mut egui::Ui, mapping: &Mapping) {
    let report = &mapping.report;
    let people = report.participants.len();
    ui.label(
        RichText::new(format!(
            "Preview: {people} {}, {} {}, {} {} skipped",
            plural(people, "participant", "participants"),
            mapping.answers,
            plural(mapping.answers, "answer", "answers"),
            report.skipped_duplicates,
            plural(report.skipped_duplicates, "duplicate", "duplicates"),
        ))
        .strong(),
    );
    if report.skipped_duplicates > 0 {
        ui.weak(
            "Duplicates are respondents already in the assessment or earlier in the file: \
             importing the same export again adds nobody twice.",
        );
    }
}

/// The problems, grouped by line of the file; errors stand out from warnings.
fn problems_ui(ui: &mut egui::Ui, mapping: &Mapping, max_height: f32) {
    let problems = &mapping.report.problems;
    if problems.is_empty() {
        ui.label("No problems: every cell was read.");
        return;
    }
    ui.strong("Problems, by line of the file");
    if !mapping.error_lines.is_empty() {
        ui.label(
            RichText::new(format!(
                "Some values could not be read ({}): they are left out, and the rest of their \
                 row is imported.",
                mapping.error_lines
            ))
            .color(ui.visuals().error_fg_color),
        );
    }
    let rows = &mapping.problem_rows;
    egui::ScrollArea::vertical()
        .id_salt("import-problems")
        .max_height(max_height)
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .auto_shrink([false, true])
        .show_rows(ui, PROBLEM_ROW_HEIGHT, rows.len(), |ui, range| {
            for row in rows.get(range).unwrap_or_default() {
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), PROBLEM_ROW_HEIGHT),
                    egui::Sense::hover(),
                );
                let layout = egui::Layout::left_to_right(egui::Align::Center);
                let mut line = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout));
                match row {
                    ProblemRow::Line(heading) => {
                        line.add(egui::Label::new(RichText::new(heading).strong()).truncate());
                    }
                    ProblemRow::Problem(index) => {
                        if let Some(problem) = problems.get(*index) {
                            problem_ui(&mut line, problem);
                        }
                    }
                }
            }
        });
}

/// One problem: its severity in words and colour, where it is, what is wrong — one label, so
/// a screen reader says it the way it is seen.
fn problem_ui(ui: &mut egui::Ui, problem: &ImportProblem) {
    let (word, colour) = severity_style(ui, problem.severity);
    let location = match problem.column {
        Some(column) if problem.header.is_empty() => format!("column {column}: "),
        Some(column) => format!("column {column} ({}): ", short_heading(&problem.header)),
        None => String::new(),
    };
    let body = format!("{location}{}", problem.message);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = ui.visuals().text_color();
    let mut job = egui::text::LayoutJob::default();
    job.append(
        word,
        0.0,
        egui::TextFormat {
            font_id: font.clone(),
            color: colour,
            background: colour.gamma_multiply(0.15),
            ..Default::default()
        },
    );
    job.append(
        &format!(" · {body}"),
        0.0,
        egui::TextFormat::simple(font, plain),
    );
    ui.add_space(18.0);
    ui.add(egui::Label::new(job).truncate())
        .on_hover_text(format!("{word} · {body}"));
}

fn severity_style(ui: &egui::Ui, severity: Severity) -> (&'static str, Color32) {
    match severity {
        Severity::Error => ("Error", ui.visuals().error_fg_color),
        Severity::Warning => ("Warning", ui.visuals().warn_fg_color),
    }
}

/// A long heading cut short so the message after it stays in view. The middle goes: a grid
/// heading (`Title [Row]`) needs both its start (today or target) and its end (the row).
fn short_heading(header: &str) -> String {
    const HEAD: usize = 18;
    const TAIL: usize = 22;
    let header = header.trim();
    let chars: Vec<char> = header.chars().collect();
    if chars.len() <= HEAD + TAIL + 1 {
        return header.to_owned();
    }
    // Cut between words, not inside one.
    let mut head: String = chars[..HEAD].iter().collect();
    if !chars[HEAD].is_whitespace()
        && let Some(space) = head.rfind(char::is_whitespace)
    {
        head.truncate(space);
    }
    let mut tail: String = chars[chars.len() - TAIL..].iter().collect();
    if !chars[chars.len() - TAIL - 1].is_whitespace()
        && let Some((_, rest)) = tail.split_once(char::is_whitespace)
    {
        tail = rest.to_owned();
    }
    format!("{}…{}", head.trim_end(), tail.trim_start())
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "Import N participants" and "Cancel".
fn buttons_ui(ui: &mut egui::Ui, people: usize) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        let label = format!(
            "Import {people} {}",
            plural(people, "participant", "participants")
        );
        let import = ui
            .add_enabled(people > 0, egui::Button::new(RichText::new(label).strong()))
            .on_disabled_hover_text("Nobody new to import");
        if import.clicked() {
            action = Some(Action::Import);
        }
        if ui.button("Cancel").clicked() {
            action = Some(Action::Cancel);
        }
        ui.weak("Ctrl+Z undoes the import.");
    });
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_headings_keep_both_ends() {
        assert_eq!(short_heading(" Side "), "Side");
        assert_eq!(
            short_heading(
                "How mature is each practice today? [Does IT help people get the most out of it?]"
            ),
            "How mature is each…the most out of it?]"
        );
        assert_eq!(
            short_heading("Which part of the organisation do you work in, mostly, and why?"),
            "Which part of the…in, mostly, and why?"
        );
        assert_eq!(
            short_heading("Target [com-01 and a very long explanation of nothing]"),
            "Target [com-01 and…of nothing]"
        );
    }

    #[test]
    fn error_lines_name_the_first_few() {
        let problem = |line, severity| ImportProblem {
            line,
            column: None,
            header: String::new(),
            message: "bad".into(),
            severity,
        };
        let mut report = ImportReport {
            problems: vec![problem(1, Severity::Warning)],
            ..ImportReport::default()
        };
        assert_eq!(error_lines(&report), "");
        report.problems.push(problem(4, Severity::Error));
        report.problems.push(problem(4, Severity::Error));
        assert_eq!(error_lines(&report), "line 4");
        report
            .problems
            .extend((10..20).map(|l| problem(l, Severity::Error)));
        assert_eq!(
            error_lines(&report),
            "lines 4, 10, 11, 12, 13, 14, 15, 16, …"
        );
    }

    #[test]
    fn samples_are_the_first_different_answers() {
        let table = csv_import::read_table("Side,com-01\nIT,3\nIT,\nBusiness,4\nIT,2\nIT,1\n")
            .expect("a table");
        assert_eq!(column_samples(&table), ["IT · Business", "3 · 4 · 2"]);
    }
}
