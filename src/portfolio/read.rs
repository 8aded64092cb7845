//! Reading a portfolio folder: every `.ron` file under it (hidden folders such as `.git`
//! left out), read and scored in parallel, kept only as a summary; then each organisation by
//! its latest assessment, ranked among those assessed with the same questionnaire.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use thiserror::Error;

use super::rank::{percentiles_among_each_other, quartiles};
use super::{
    DimensionSpread, LoadError, Portfolio, PortfolioEntry, QuestionnaireInfo, organisation_key,
    shown,
};
use crate::files::{self, Document};
use crate::history::DimensionScores;
use crate::scoring;

/// Why a folder could not be read at all (a file that cannot is a [`LoadError`] instead).
#[derive(Debug, Error)]
#[error("{}: cannot read the portfolio folder: {cause}", path.display())]
pub struct FolderError {
    pub path: PathBuf,
    pub cause: std::io::Error,
}

/// One assessment file, scored: all the portfolio keeps of it.
struct Summary {
    entry: PortfolioEntry,
    questionnaire: QuestionnaireInfo,
}

/// Reads every assessment under `folder` into a portfolio.
pub fn read_portfolio(folder: &Path) -> Result<Portfolio, FolderError> {
    if let Err(cause) = std::fs::read_dir(folder) {
        return Err(FolderError {
            path: folder.to_path_buf(),
            cause,
        });
    }
    let (paths, mut errors) = assessment_files(folder);
    let read: Vec<Result<Summary, LoadError>> = paths.par_iter().map(|p| summarise(p)).collect();
    let mut summaries = Vec::with_capacity(read.len());
    for result in read {
        match result {
            Ok(summary) => summaries.push(summary),
            Err(error) => errors.push(error),
        }
    }
    errors.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(rank(latest_by_organisation(summaries), errors))
}

/// The `.ron` files under `folder`, sorted, and the places that could not be listed.
fn assessment_files(folder: &Path) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    let hidden = |entry: &walkdir::DirEntry| {
        entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
    };
    let walk = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    for entry in walk {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_ron(entry.path()) => {
                paths.push(entry.into_path())
            }
            Ok(_) => {}
            Err(err) => errors.push(LoadError {
                file: err.path().map_or_else(|| shown(folder), shown),
                message: format!("cannot be read: {err}"),
            }),
        }
    }
    (paths, errors)
}

fn is_ron(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// Reads, checks and scores one file.
fn summarise(path: &Path) -> Result<Summary, LoadError> {
    let file = shown(path);
    let failed = |message: String| LoadError {
        file: file.clone(),
        message: without_file(&message, &file),
    };
    let text = std::fs::read_to_string(path).map_err(|e| failed(format!("cannot read: {e}")))?;
    let assessment = match files::parse_assessment(&text, path) {
        Ok(assessment) => assessment,
        // Only a file that fails is asked what it is: a questionnaire kept beside the
        // assessments is no error of the user's, but it is not an organisation either.
        Err(err) => {
            return Err(match files::parse_document(&text, path) {
                Ok(Document::Questionnaire(_)) => {
                    failed("a questionnaire, not an assessment; left out".to_string())
                }
                _ => failed(err.to_string()),
            });
        }
    };
    let scores = scoring::score(&assessment);
    let q = &assessment.questionnaire;
    let dimensions = scores
        .dimensions
        .iter()
        .map(|d| (d.id.clone(), d.current))
        .collect();
    Ok(Summary {
        entry: PortfolioEntry {
            file: file.clone(),
            organisation: assessment.organisation.trim().to_string(),
            date: assessment.date.clone(),
            questionnaire: q.id.clone(),
            slope: scores.overall.slope,
            current: scores.overall.current,
            dimensions: DimensionScores(dimensions),
            percentiles: DimensionScores::default(),
        },
        questionnaire: QuestionnaireInfo {
            id: q.id.clone(),
            title: q.title.clone(),
            dimensions: q
                .dimensions
                .iter()
                .map(|d| (d.id.clone(), d.name.clone()))
                .collect(),
        },
    })
}

/// An error's text without the file name it starts with on each line: `errors` name the file
/// apart.
fn without_file(message: &str, file: &str) -> String {
    let prefix = format!("{file}:");
    message
        .lines()
        .map(|line| line.strip_prefix(&prefix).unwrap_or(line).trim_start())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each organisation's latest assessment (by date, then file name); the number left out. An
/// assessment with no organisation name stands for itself.
fn latest_by_organisation(summaries: Vec<Summary>) -> (Vec<Summary>, usize) {
    let total = summaries.len();
    let mut latest: HashMap<String, Summary> = HashMap::new();
    for summary in summaries {
        let entry = &summary.entry;
        let key = if entry.organisation.is_empty() {
            format!("\u{0}{}", entry.file)
        } else {
            organisation_key(&entry.organisation)
        };
        let newer =
            |kept: &Summary| (&entry.date, &entry.file) > (&kept.entry.date, &kept.entry.file);
        match latest.get(&key) {
            Some(kept) if !newer(kept) => {}
            _ => {
                latest.insert(key, summary);
            }
        }
    }
    let kept: Vec<Summary> = latest.into_values().collect();
    let superseded = total - kept.len();
    (kept, superseded)
}

/// Ranks the organisations among those assessed with the same questionnaire.
fn rank((mut kept, superseded): (Vec<Summary>, usize), errors: Vec<LoadError>) -> Portfolio {
    kept.sort_by(|a, b| {
        let key = |s: &Summary| {
            (
                organisation_key(&s.entry.organisation),
                s.entry.file.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    let mut questionnaires: Vec<QuestionnaireInfo> = Vec::new();
    // The latest assessment's questionnaire names each one's dimensions.
    let mut by_date: Vec<&Summary> = kept.iter().collect();
    by_date.sort_by(|a, b| b.entry.date.cmp(&a.entry.date));
    for summary in by_date {
        if !questionnaires
            .iter()
            .any(|q| q.id == summary.questionnaire.id)
        {
            questionnaires.push(summary.questionnaire.clone());
        }
    }
    questionnaires.sort_by(|a, b| a.id.cmp(&b.id));
    let mut entries: Vec<PortfolioEntry> = kept.into_iter().map(|s| s.entry).collect();
    let mut dimensions = Vec::new();
    for q in &questionnaires {
        let members: Vec<usize> = (0..entries.len())
            .filter(|&i| entries[i].questionnaire == q.id)
            .collect();
        for (id, name) in &q.dimensions {
            let scores: Vec<Option<f64>> = members
                .iter()
                .map(|&i| entries[i].dimensions.get(id))
                .collect();
            for (&i, percentile) in members.iter().zip(percentiles_among_each_other(&scores)) {
                entries[i].percentiles.0.push((id.clone(), percentile));
            }
            let mut sorted: Vec<f64> = scores.into_iter().flatten().collect();
            sorted.sort_by(f64::total_cmp);
            dimensions.push(DimensionSpread {
                questionnaire: q.id.clone(),
                id: id.clone(),
                n: sorted.len(),
                quartiles: quartiles(&sorted),
                name: name.clone(),
                range: sorted.first().zip(sorted.last()).map(|(lo, hi)| [*lo, *hi]),
            });
        }
    }
    Portfolio {
        assessments: entries,
        dimensions,
        errors,
        superseded,
        questionnaires,
    }
}
