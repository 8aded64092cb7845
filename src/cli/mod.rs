//! The command line: `convergence` with no command opens the window; each subcommand is a
//! thin call into the same core the window uses.

mod export;
mod live;
mod portfolio;
mod score_table;
mod terminal;
mod trend;

pub use terminal::terminal_safe;
use terminal::{err as say_err, out};

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::files::{self, FileError};
use crate::model::{Aggregation, Improvement, Mirror, Questionnaire, TouchpointCatalogue};
use crate::scoring;

/// Assess how far IT and the business of an organisation have converged.
#[derive(Debug, Parser)]
#[command(
    name = "convergence",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Assessments to open in the window: one opens for work; several (of one organisation)
    /// open side by side in the history view.
    pub files: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check questionnaire or assessment files; problems go to stderr as FILE:LINE:COL: message.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Inspect questionnaires.
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
    /// Turn a CSV export of Microsoft Forms, Google Forms or LimeSurvey into an assessment.
    ImportCsv {
        /// Questionnaire file, or the id of a built-in one.
        #[arg(long, short)]
        questionnaire: String,
        /// The CSV export, one row per respondent.
        responses: PathBuf,
        /// The assessment file to write.
        #[arg(long, short)]
        output: PathBuf,
        /// Organisation name to record in the assessment.
        #[arg(long, default_value = "")]
        organisation: String,
        /// Write the participants that were read even when some cells could not be (the run
        /// still exits 1). Without it, a run with errors writes nothing.
        #[arg(long)]
        force: bool,
    },
    /// Merge assessments taken with the same questionnaire (participants who answered alone on
    /// their own laptops) into one; a participant present in more than one file is kept once
    /// and reported on stderr.
    Merge {
        /// The assessment files, in order: the first one's organisation and settings are kept.
        #[arg(required = true, num_args = 2..)]
        assessments: Vec<PathBuf>,
        /// The merged assessment file to write.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Score an assessment.
    Score {
        assessment: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// How answers combine; defaults to the rule saved in the assessment.
        #[arg(long, value_enum)]
        aggregation: Option<AggregationArg>,
    },
    /// Compare assessments of one organisation over time, ordered by their dates: the slope and
    /// each dimension, what improved and declined most, the touchpoint map then and now, the
    /// actions completed in between. Different questionnaire versions are compared on the
    /// questions they share.
    Trend {
        #[arg(required = true, num_args = 2..)]
        assessments: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Read every assessment under a folder (sub-folders too) and show the organisations side by
    /// side, each by its latest assessment: percentiles per dimension among those assessed with
    /// the same questionnaire, and each dimension's quartiles. A file that does not load is
    /// listed and never stops the run.
    Portfolio {
        folder: PathBuf,
        #[arg(long, value_enum, default_value_t = portfolio::PortfolioFormat::Table)]
        format: portfolio::PortfolioFormat,
    },
    /// Write an assessment's report: HTML (one self-contained file), PDF or Word (DOCX).
    Report {
        assessment: PathBuf,
        /// The report file to write.
        #[arg(long, short)]
        output: PathBuf,
        /// The format; by default the output's extension says it (.html, .pdf, .docx).
        #[arg(long, value_enum)]
        format: Option<export::ReportFormatArg>,
        /// A portfolio folder: the report adds where the organisation stands among the
        /// organisations assessed there with the same questionnaire.
        #[arg(long, value_name = "DIR")]
        portfolio: Option<PathBuf>,
        /// An earlier assessment of the organisation (repeat for several): the report adds a
        /// trend page from the oldest to this one.
        #[arg(long, value_name = "FILE")]
        earlier: Vec<PathBuf>,
    },
    /// Export an assessment's scores as CSV (--scores OUT.csv), or one of its charts as SVG or
    /// PNG (--chart NAME -o OUT.svg|OUT.png).
    Export {
        assessment: PathBuf,
        /// Write every score, dimensions and questions, to this CSV file.
        #[arg(
            long,
            value_name = "OUT.csv",
            required_unless_present = "chart",
            conflicts_with = "chart"
        )]
        scores: Option<PathBuf>,
        /// The chart to write: radar, slope, perception, spread, heatmap or level-map.
        #[arg(long, value_parser = export::chart_arg, requires = "output")]
        chart: Option<crate::report::Chart>,
        /// The chart's file; its extension (.svg or .png) says the format.
        #[arg(long, short, value_name = "OUT.svg|OUT.png", requires = "chart")]
        output: Option<PathBuf>,
        /// The chart's width in pixels.
        #[arg(long, value_name = "PX", default_value_t = crate::report::charts::REPORT_WIDTH,
              value_parser = clap::value_parser!(u32).range(200..=4000))]
        width: u32,
    },
    /// Phone voting without a window: serve the assessment to phones on the local network,
    /// print the join and host URLs, save every accepted vote into the file; Ctrl+C stops.
    Live {
        assessment: PathBuf,
        /// Address and port to listen on; defaults to this machine's local network address,
        /// port 8765 (port 0: any free port).
        #[arg(long)]
        bind: Option<std::net::SocketAddr>,
    },
}

#[derive(Debug, Subcommand)]
pub enum QuestionnaireCommand {
    /// List the built-in questionnaires.
    List,
    /// Show a questionnaire's dimensions and questions.
    Show {
        /// Questionnaire file, or the id of a built-in one.
        questionnaire: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// `--aggregation` on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AggregationArg {
    Mean,
    Median,
    WeakestLink,
}

impl From<AggregationArg> for Aggregation {
    fn from(arg: AggregationArg) -> Self {
        match arg {
            AggregationArg::Mean => Aggregation::Mean,
            AggregationArg::Median => Aggregation::Median,
            AggregationArg::WeakestLink => Aggregation::WeakestLink,
        }
    }
}

/// Runs one subcommand. Problems the user must fix are printed here; the exit code says
/// whether there were any.
pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Validate { files } => Ok(validate(&files)),
        Command::Questionnaire(QuestionnaireCommand::List) => {
            for q in files::builtin_questionnaires() {
                out(&format!(
                    "{:<22} {} ({} questions, about {} min)",
                    q.id,
                    q.title,
                    q.questions.len(),
                    q.estimated_minutes
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Questionnaire(QuestionnaireCommand::Show {
            questionnaire,
            format,
        }) => show_questionnaire(&questionnaire, format),
        Command::ImportCsv {
            questionnaire,
            responses,
            output,
            organisation,
            force,
        } => import_csv(
            &questionnaire,
            &responses,
            &output,
            ImportOptions {
                organisation,
                force,
            },
        ),
        Command::Merge {
            assessments,
            output,
        } => merge(&assessments, &output),
        Command::Score {
            assessment,
            format,
            aggregation,
        } => score(&assessment, format, aggregation),
        Command::Trend {
            assessments,
            format,
        } => trend::trend(&assessments, format),
        Command::Portfolio { folder, format } => portfolio::portfolio(&folder, format),
        Command::Report {
            assessment,
            output,
            format,
            portfolio,
            earlier,
        } => export::report(
            &assessment,
            &output,
            format,
            &export::Progress { portfolio, earlier },
        ),
        Command::Export {
            assessment,
            scores,
            chart,
            output,
            width,
        } => match (scores, chart, output) {
            (Some(csv), _, _) => export::scores(&assessment, &csv),
            (None, Some(chart), Some(output)) => export::chart(&assessment, chart, &output, width),
            _ => anyhow::bail!("say what to export: --scores OUT.csv, or --chart NAME -o OUT"),
        },
        Command::Live { assessment, bind } => {
            live::live(&assessment, bind.unwrap_or_else(live::default_bind))
        }
    }
}

/// Validates each file as an assessment or a questionnaire, whichever it parses as.
fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for path in paths {
        match validate_one(path) {
            Ok(()) => {}
            Err(err) => {
                ok = false;
                say_err(&err.to_string());
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Validates one file as what parsing shows it is: an assessment or a questionnaire.
fn validate_one(path: &Path) -> Result<(), FileError> {
    files::load_document(path).map(drop)
}

#[derive(Serialize)]
struct QuestionnaireSummary<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
    description: &'a str,
    estimated_minutes: u32,
    core_minutes: u32,
    dimensions: Vec<DimensionSummary<'a>>,
    questions: Vec<QuestionSummary<'a>>,
    touchpoints: &'a TouchpointCatalogue,
}

#[derive(Serialize)]
struct DimensionSummary<'a> {
    id: &'a str,
    name: &'a str,
    weight: f64,
    improvements: &'a [Improvement],
}

#[derive(Serialize)]
struct QuestionSummary<'a> {
    id: &'a str,
    dimension: &'a str,
    text: &'a str,
    /// `both`, `it` or `business`.
    audience: &'static str,
    core: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    mirror: Option<&'a Mirror>,
    guidance: &'a str,
    /// The level descriptions, lowest first.
    levels: &'a [String],
    weight: f64,
    improvements: &'a [Improvement],
}

impl<'a> QuestionnaireSummary<'a> {
    fn of(q: &'a Questionnaire) -> Self {
        QuestionnaireSummary {
            id: &q.id,
            title: &q.title,
            version: &q.version,
            description: &q.description,
            estimated_minutes: q.estimated_minutes,
            core_minutes: q.core_minutes,
            dimensions: q
                .dimensions
                .iter()
                .map(|d| DimensionSummary {
                    id: &d.id,
                    name: &d.name,
                    weight: d.weight,
                    improvements: &d.improvements,
                })
                .collect(),
            questions: q
                .questions
                .iter()
                .map(|x| QuestionSummary {
                    id: &x.id,
                    dimension: &x.dimension,
                    text: &x.text,
                    audience: x.audience.name(),
                    core: x.core,
                    mirror: x.mirror.as_ref(),
                    guidance: &x.guidance,
                    levels: &x.levels,
                    weight: x.weight,
                    improvements: &x.improvements,
                })
                .collect(),
            touchpoints: &q.touchpoints,
        }
    }
}

fn show_questionnaire(file_or_id: &str, format: Format) -> Result<ExitCode> {
    let q = files::resolve_questionnaire(file_or_id)?;
    match format {
        Format::Json => {
            let summary = QuestionnaireSummary::of(&q);
            out(&serde_json::to_string_pretty(&summary)?);
        }
        Format::Table => {
            out(&format!("{} — {} (version {})", q.id, q.title, q.version));
            for d in &q.dimensions {
                out(&format!("\n{} [{}] weight {}", d.name, d.id, d.weight));
                for question in q.questions_in(&d.id) {
                    let core = if question.core { "core" } else { "" };
                    let audience = question.audience.name();
                    out(&format!(
                        "  {:<8} {core:<4} {audience:<8} {}",
                        question.id, question.text
                    ));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `import-csv` records and whether it writes a partial result.
struct ImportOptions {
    organisation: String,
    force: bool,
}

/// Imports `responses` into a new assessment at `output`. Writes nothing when nobody was
/// imported, or when there were errors and `--force` was not given.
fn import_csv(
    questionnaire: &str,
    responses: &Path,
    output: &Path,
    options: ImportOptions,
) -> Result<ExitCode> {
    use crate::files::csv_import;
    let questionnaire_file = Path::new(questionnaire);
    files::refuse_inputs(output, &[responses, questionnaire_file])?;
    let q = files::resolve_questionnaire(questionnaire)?;
    let report = csv_import::import_file(&q, responses, &[])?;
    for problem in &report.problems {
        say_err(&format!("{}: {problem}", responses.display()));
    }
    let errors = report
        .problems
        .iter()
        .filter(|p| p.severity == csv_import::Severity::Error)
        .count();
    let imported = report.participants.len();
    if imported == 0 {
        anyhow::bail!(
            "{}: nobody was imported; {} was not written",
            responses.display(),
            output.display()
        );
    }
    if errors > 0 && !options.force {
        anyhow::bail!(
            "{}: {}; {} was not written (fix the file, or give --force to write the {} read)",
            responses.display(),
            crate::report::format::count(errors, "error"),
            output.display(),
            crate::report::format::count(imported, "participant"),
        );
    }
    let mut assessment = crate::model::Assessment::new(q);
    assessment.organisation = options.organisation;
    assessment.date = chrono::Local::now().format("%Y-%m-%d").to_string();
    assessment.participants = report.participants;
    files::save_assessment(&assessment, output)?;
    say_err(&format!(
        "{}: wrote {imported} participants; {} problems ({errors} errors)",
        output.display(),
        report.problems.len(),
    ));
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Merges the files into `output`; each participant left out as a duplicate is named on stderr.
fn merge(inputs: &[PathBuf], output: &Path) -> Result<ExitCode> {
    let input_paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    files::refuse_inputs(output, &input_paths)?;
    let sources = inputs
        .iter()
        .map(|path| {
            files::load_assessment(path).map(|assessment| files::MergeSource {
                path: path.clone(),
                assessment,
            })
        })
        .collect::<Result<Vec<_>, FileError>>()?;
    let merged = files::merge_assessments(sources)?;
    for line in merged.report_lines() {
        say_err(&line);
    }
    files::save_assessment(&merged.assessment, output)?;
    say_err(&format!(
        "{}: merged {} files: {} participants, {} answers; duplicates left out: {}; \
         kept although unclear: {}",
        output.display(),
        inputs.len(),
        merged.assessment.participants.len(),
        files::count_answers(&merged.assessment.participants),
        merged.duplicates.len(),
        merged.unclear.len()
    ));
    Ok(ExitCode::SUCCESS)
}

fn score(path: &Path, format: Format, aggregation: Option<AggregationArg>) -> Result<ExitCode> {
    let assessment = files::load_assessment(path)?;
    let rule = aggregation.map_or(assessment.aggregation, Aggregation::from);
    let scores = scoring::score_with(&assessment, rule);
    match format {
        Format::Json => out(&serde_json::to_string_pretty(&scores).context("encoding scores")?),
        Format::Table => print!(
            "{}",
            terminal_safe(&score_table::score_table(&crate::report::Report::build(
                &assessment,
                &scores
            )))
        ),
    }
    Ok(ExitCode::SUCCESS)
}
