//! Descriptive statistics of a set of answers: centre, spread and agreement.

use serde::Serialize;

/// Statistics of the numeric answers to one question or one dimension. Every field but `count`
/// is `None` when there are no answers: no answers is not a score of 0.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub count: usize,
    /// The people behind the answers: `count` for one question, fewer for a dimension's
    /// pooled answers (one person answers several of its questions).
    pub respondents: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// Sample standard deviation (n − 1); `None` with fewer than two respondents: one
    /// person's answers are one view, not a spread of opinion.
    pub sd: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// First and third quartiles (linear interpolation), for box plots.
    pub q1: Option<f64>,
    pub q3: Option<f64>,
    /// Interquartile range, Q3 − Q1.
    pub iqr: Option<f64>,
    /// Within-group agreement r_wg (James, Demaree & Wolf): 1 − s² / σ²_EU, where σ²_EU =
    /// (A² − 1) / 12 is the variance of uniformly random answers on an A-level scale.
    /// 1 = full agreement, 0 = no more agreement than chance. Needs two respondents.
    pub rwg: Option<f64>,
}

/// Fewer respondents than this have no spread and no agreement.
pub const MIN_RESPONDENTS: usize = 2;

impl Stats {
    /// Statistics of `values` answered on a scale with `levels` levels, one per respondent.
    pub fn of(values: &[f64], levels: u8) -> Stats {
        Stats::pooled(values, levels, values.len())
    }

    /// Statistics of `values` given by `respondents` people, some answering more than once.
    pub fn pooled(values: &[f64], levels: u8, respondents: usize) -> Stats {
        let count = values.len();
        if count == 0 {
            return Stats::default();
        }
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mean = mean(values);
        let variance = sample_variance(values);
        let spread = respondents >= MIN_RESPONDENTS;
        let uniform_variance = (f64::from(levels).powi(2) - 1.0) / 12.0;
        let rwg = variance
            .filter(|_| spread && uniform_variance > 0.0)
            .map(|v| (1.0 - v / uniform_variance).clamp(0.0, 1.0));
        Stats {
            count,
            respondents,
            mean: Some(mean),
            median: Some(quantile(&sorted, 0.5)),
            sd: variance.filter(|_| spread).map(f64::sqrt),
            min: sorted.first().copied(),
            max: sorted.last().copied(),
            q1: Some(quantile(&sorted, 0.25)),
            q3: Some(quantile(&sorted, 0.75)),
            iqr: Some(quantile(&sorted, 0.75) - quantile(&sorted, 0.25)),
            rwg,
        }
    }
}

/// Arithmetic mean of a non-empty slice.
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Sample variance (n − 1) of the values; `None` with fewer than two.
pub fn sample_variance(values: &[f64]) -> Option<f64> {
    (values.len() > 1).then(|| {
        let mean = mean(values);
        values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (values.len() - 1) as f64
    })
}

/// Median of a slice; `None` when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(quantile(&sorted, 0.5))
}

/// The `p`-quantile of sorted, non-empty values, interpolating between neighbours.
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    let rank = p * (sorted.len() - 1) as f64;
    let low = rank.floor() as usize;
    let high = rank.ceil() as usize;
    sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
}

/// Weighted mean of the `(value, weight)` pairs whose value is present; `None` if none is.
pub fn weighted_mean(items: impl IntoIterator<Item = (Option<f64>, f64)>) -> Option<f64> {
    let (sum, weights) = items
        .into_iter()
        .filter_map(|(value, weight)| value.map(|v| (v * weight, weight)))
        .fold((0.0, 0.0), |(s, w), (vw, weight)| (s + vw, w + weight));
    (weights > 0.0).then(|| sum / weights)
}
