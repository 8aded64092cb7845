//! A portfolio: every assessment under a folder (sub-folders too), each organisation counted
//! once by its latest assessment, side by side — each one's percentile per dimension among the
//! others assessed with the same questionnaire, and each dimension's quartiles. Teams share a
//! portfolio as a plain folder (a shared drive, a git repository); nothing here needs a server.
//!
//! - percentile of an organisation on a dimension = the share of the *other* organisations
//!   (with a score on it, same questionnaire) scoring lower, ties counted half, in percent:
//!   100 × (lower + ½ × equal) / others;
//! - quartiles = [Q1, median, Q3] by linear interpolation between the closest ranks: on the n
//!   scores sorted, the p-quantile sits at rank p × (n − 1) (counting from 0), between the two
//!   scores around it (as Excel's PERCENTILE.INC and NumPy's default).
//!
//! Files are read in parallel and kept only as their summary, so ten thousand of them fit in
//! little memory. A file that does not load is listed in `errors`; it never stops the run.

mod position;
mod rank;
mod read;

use std::path::Path;

use serde::Serialize;

use crate::history::DimensionScores;

pub use position::{DimensionPosition, Position, position};
pub use rank::{percentile, quartiles};
pub use read::{FolderError, read_portfolio};

/// What the literature says about where organisations stand, cited and not stretched: one
/// study's model and levels, not this slope, and no norms per criterion.
pub const LITERATURE: &str = "For scale: Luftman and Kempaiah (2007) found most of the 197 \
    organisations they measured, mainly of the Global 1,000, at level 3 of their five-level \
    alignment maturity model. That model is not this slope, and no norms per criterion exist to \
    quote: the benchmark here is the organisations in this portfolio.";

/// Every organisation's latest assessment in a folder, ranked.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Portfolio {
    /// One per organisation, by its latest assessment; by organisation name.
    pub assessments: Vec<PortfolioEntry>,
    /// Each dimension of each questionnaire: how many organisations have a score, and where
    /// the quartiles lie.
    pub dimensions: Vec<DimensionSpread>,
    /// Files that did not load, and why.
    pub errors: Vec<LoadError>,
    /// Earlier assessments of organisations that count by a later one.
    #[serde(skip)]
    pub superseded: usize,
    /// The questionnaires the organisations were assessed with, by id.
    #[serde(skip)]
    pub questionnaires: Vec<QuestionnaireInfo>,
}

/// One organisation's latest assessment.
#[derive(Clone, Debug, Serialize)]
pub struct PortfolioEntry {
    pub file: String,
    pub organisation: String,
    pub date: String,
    /// The id of the questionnaire it was taken with: organisations are ranked among those
    /// assessed with the same one.
    pub questionnaire: String,
    pub slope: Option<f64>,
    /// The practice score (the questionnaire's answers) today.
    pub current: Option<f64>,
    pub dimensions: DimensionScores,
    /// By dimension id: the share of the other organisations scoring lower, ties counted half,
    /// in percent; `None` without a score or without others to compare with.
    pub percentiles: DimensionScores,
}

/// How one dimension is spread across the organisations assessed with its questionnaire.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionSpread {
    pub questionnaire: String,
    pub id: String,
    /// Organisations with a score on it.
    pub n: usize,
    /// `[Q1, median, Q3]`; `None` when nobody has a score.
    pub quartiles: Option<[f64; 3]>,
    #[serde(skip)]
    pub name: String,
    /// The lowest and highest score, for the whiskers of a box plot.
    #[serde(skip)]
    pub range: Option<[f64; 2]>,
}

/// A file that did not load.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadError {
    pub file: String,
    pub message: String,
}

/// A questionnaire of the portfolio: its id, title and dimensions `(id, name)` in order.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub title: String,
    pub dimensions: Vec<(String, String)>,
}

impl Portfolio {
    /// The organisations assessed with questionnaire `id`.
    pub fn entries_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a PortfolioEntry> {
        self.assessments
            .iter()
            .filter(move |e| e.questionnaire == id)
    }

    /// The spread of questionnaire `id`'s dimensions, in its order.
    pub fn spreads_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a DimensionSpread> {
        self.dimensions
            .iter()
            .filter(move |d| d.questionnaire == id)
    }
}

/// How an organisation's name is compared: case, and spaces around and between words, do not
/// make another organisation.
pub fn organisation_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `path` as messages and the JSON name it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}
