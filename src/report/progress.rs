//! What the report says about progress, when it is given more than the one assessment: where
//! the organisation stands among a portfolio's (the benchmark, `--portfolio`), and how it moved
//! since earlier assessments (the trend page, `--earlier`). The numbers are the core's
//! (`crate::portfolio::position`, `crate::history::trend`); this only words them.

use serde::Serialize;

use super::format::{Figure, capitalised};
use super::model::Report;
use crate::history::Trend;
use crate::portfolio::{LITERATURE, Position};

/// Where the organisation stands among the portfolio's others.
#[derive(Clone, Debug, Serialize)]
pub struct Benchmark {
    /// "Your position among N organisations assessed with this questionnaire: …", or why there
    /// is no position.
    pub position: String,
    /// Each dimension; empty without a position.
    pub dimensions: Vec<BenchmarkRow>,
    /// Luftman and Kempaiah (2007), cited and not stretched.
    pub literature: String,
}

/// One dimension's score and where it stands.
#[derive(Clone, Debug, Serialize)]
pub struct BenchmarkRow {
    pub name: String,
    pub score: Figure,
    /// The other organisations with a score on it.
    pub others: usize,
    /// The share of them below, ties counted half.
    pub above: Figure,
}

/// The trend page: the assessments by date and what changed between the oldest and this one.
#[derive(Clone, Debug, Serialize)]
pub struct TrendPage {
    /// The assessments, oldest first.
    pub assessments: Vec<TrendRow>,
    /// Each dimension the assessments share, its score in each of them.
    pub dimensions: Vec<(String, Vec<Figure>)>,
    /// "+2.00 Communication", most first.
    pub improved: Vec<String>,
    pub declined: Vec<String>,
    /// "Added: Business unit head – …".
    pub touchpoints: Vec<String>,
    /// "Done by 2024-03-01: Joint roadmap (Ann)".
    pub completed_actions: Vec<String>,
    /// What changed between questionnaire versions.
    pub notes: Vec<String>,
}

/// One assessment of the trend.
#[derive(Clone, Debug, Serialize)]
pub struct TrendRow {
    pub date: String,
    pub file: String,
    pub slope: Figure,
    pub current: Figure,
}

impl Report {
    /// The report with the benchmark line: `position` among the portfolio's organisations, or
    /// `None` when the portfolio has no other organisation with this questionnaire to compare.
    pub fn with_benchmark(mut self, position: Option<&Position>) -> Report {
        self.benchmark = Some(benchmark(position));
        self
    }

    /// The report with a trend page: `trend` of earlier assessments and this one.
    pub fn with_trend(mut self, trend: &Trend) -> Report {
        self.trend = Some(trend_page(trend));
        self
    }
}

fn benchmark(position: Option<&Position>) -> Benchmark {
    let Some(position) = position else {
        return Benchmark {
            position: "No other organisation in the portfolio was assessed with this \
                       questionnaire and has a position on the slope: there is nothing to \
                       compare with yet."
                .into(),
            dimensions: Vec::new(),
            literature: LITERATURE.into(),
        };
    };
    Benchmark {
        position: position.sentence(),
        dimensions: position
            .dimensions
            .iter()
            .map(|d| BenchmarkRow {
                name: d.name.clone(),
                score: Figure::score(d.score),
                others: d.others,
                above: Figure::percent(d.percentile.map(|p| p / 100.0)),
            })
            .collect(),
        literature: LITERATURE.into(),
    }
}

fn trend_page(trend: &Trend) -> TrendPage {
    let changes = |list: &[crate::history::DimensionChange]| {
        list.iter()
            .map(|c| format!("{:+.2} {}", c.change, c.name))
            .collect()
    };
    TrendPage {
        assessments: trend
            .assessments
            .iter()
            .map(|p| TrendRow {
                date: p.date.clone(),
                file: p.file.clone(),
                slope: Figure::score(p.slope),
                current: Figure::score(p.current),
            })
            .collect(),
        dimensions: trend
            .dimensions
            .iter()
            .map(|(id, name)| {
                let scores = trend.assessments.iter();
                let scores = scores.map(|p| Figure::score(p.dimensions.get(id)));
                (name.clone(), scores.collect())
            })
            .collect(),
        improved: changes(&trend.improved),
        declined: changes(&trend.declined),
        touchpoints: trend
            .touchpoints
            .changes()
            .map(|(what, change)| format!("{}: {}", capitalised(what), change.describe()))
            .collect(),
        completed_actions: trend
            .completed_actions
            .iter()
            .map(|a| match a.owner.trim() {
                "" => format!("Done by {}: {}", a.done_by, a.text),
                owner => format!("Done by {}: {} ({owner})", a.done_by, a.text),
            })
            .collect(),
        notes: trend.notes.clone(),
    }
}
