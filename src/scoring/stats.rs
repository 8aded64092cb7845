//! Descriptive statistics of a set of answers: centre, spread and agreement.

use serde::Serialize;

/// Statistics of the numeric answers to one question or one dimension. Every field but `count`
/// is `None` when there are no answers: no answers is not a score of 0.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub count: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// Sample standard deviation (n − 1); 0 for a single answer.
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
    /// 1 = full agreement, 0 = no more agreement than chance. Needs two answers.
    pub rwg: Option<f64>,
}

impl Stats {
    /// Statistics of `values` answered on a scale with `levels` levels.
    pub fn of(values: &[f64], levels: u8) -> Stats {
        let count = values.len();
        if count == 0 {
            return Stats::default();
        }
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mean = mean(values);
        let variance = if count > 1 {
            values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (count - 1) as f64
        } else {
            0.0
        };
        let uniform_variance = (f64::from(levels).powi(2) - 1.0) / 12.0;
        let rwg = (count > 1 && uniform_variance > 0.0)
            .then(|| (1.0 - variance / uniform_variance).clamp(0.0, 1.0));
        Stats {
            count,
            mean: Some(mean),
            median: Some(quantile(&sorted, 0.5)),
            sd: Some(variance.sqrt()),
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
