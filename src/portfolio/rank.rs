//! Where one score stands among others: percentiles with ties counted half, and quartiles by
//! linear interpolation between the closest ranks.

use crate::scoring::quantile;

/// The share of `others` (sorted ascending) below `score`, ties counted half, in percent;
/// `None` when there are no others.
///
/// ```
/// use convergence::portfolio::percentile;
/// // Others 2, 3, 3, 4: one lower, two tied → (1 + ½ × 2) / 4 = 50 %.
/// assert_eq!(percentile(3.0, &[2.0, 3.0, 3.0, 4.0]), Some(50.0));
/// ```
pub fn percentile(score: f64, others: &[f64]) -> Option<f64> {
    if others.is_empty() {
        return None;
    }
    let lower = others.partition_point(|&o| o < score);
    let equal = others.partition_point(|&o| o <= score) - lower;
    Some(100.0 * (lower as f64 + 0.5 * equal as f64) / others.len() as f64)
}

/// `[Q1, median, Q3]` of `sorted` (ascending); `None` when it is empty.
///
/// ```
/// use convergence::portfolio::quartiles;
/// // Q1 at rank 0.25 × 4 = 1, the median at 2, Q3 at 3 (counting from 0).
/// assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0, 9.0]), Some([2.0, 3.0, 4.0]));
/// ```
pub fn quartiles(sorted: &[f64]) -> Option<[f64; 3]> {
    (!sorted.is_empty()).then(|| [0.25, 0.5, 0.75].map(|p| quantile(sorted, p)))
}

/// The percentile of every score among the rest: `scores[i]`'s among all but itself.
pub fn percentiles_among_each_other(scores: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut sorted: Vec<f64> = scores.iter().flatten().copied().collect();
    sorted.sort_by(f64::total_cmp);
    scores
        .iter()
        .map(|score| {
            let score = (*score)?;
            // Counting itself out: one fewer tied, one fewer in all.
            let lower = sorted.partition_point(|&o| o < score);
            let equal = sorted.partition_point(|&o| o <= score) - lower - 1;
            let others = sorted.len() - 1;
            (others > 0).then(|| 100.0 * (lower as f64 + 0.5 * equal as f64) / others as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_count_ties_half_and_leave_each_out() {
        // 1, 2, 2, 4: for 2 the others are 1, 2, 4 → (1 + ½) / 3 = 50 %.
        let scores = [Some(1.0), Some(2.0), None, Some(2.0), Some(4.0)];
        assert_eq!(
            percentiles_among_each_other(&scores),
            [Some(0.0), Some(50.0), None, Some(50.0), Some(100.0)]
        );
        assert_eq!(percentiles_among_each_other(&[Some(3.0)]), [None]);
        assert_eq!(percentile(5.0, &[]), None);
    }

    #[test]
    fn quartiles_interpolate_between_the_closest_ranks() {
        // n = 4: Q1 at rank 0.75 → 1 + 0.75 × (2 − 1) = 1.75; median at 1.5 → 2.5;
        // Q3 at 2.25 → 3 + 0.25 × (5 − 3) = 3.5.
        assert_eq!(quartiles(&[1.0, 2.0, 3.0, 5.0]), Some([1.75, 2.5, 3.5]));
        assert_eq!(quartiles(&[2.5]), Some([2.5, 2.5, 2.5]));
        assert_eq!(quartiles(&[]), None);
    }
}
