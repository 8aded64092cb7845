//! The uncertainty of a dimension score: a 90% interval from the spread of the answers behind it.
//!
//! The method (also in the README): with n ≥ 3 answers to the dimension's questions and s their
//! sample standard deviation, the interval is score ± t · s / √n, where t is Student's t for
//! n − 1 degrees of freedom at 0.95 (so 90% two-sided), clipped to the scale. It treats the
//! answers as a sample of what the organisation would say: few answers or a divided room give
//! a wide interval, many answers that agree a narrow one.

use super::stats::sample_variance;

/// A dimension score with fewer answers than this has no interval: two answers say too
/// little about how far the score could move.
pub const INTERVAL_MIN_ANSWERS: usize = 3;

/// Student's t at 0.95 for 1–30 degrees of freedom (index 0 = 1 degree).
const T_95: [f64; 30] = [
    6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782, 1.771,
    1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706,
    1.703, 1.701, 1.699, 1.697,
];

/// The standard normal's 0.95 quantile.
const Z_95: f64 = 1.644_853_6;

/// Student's t at 0.95 for `df` degrees of freedom (at least 1): the table up to 30, beyond
/// that the Cornish–Fisher expansion around the normal, good to three decimals there.
pub fn t_95(df: usize) -> f64 {
    match T_95.get(df.max(1) - 1) {
        Some(&t) => t,
        None => {
            let (z, n) = (Z_95, df as f64);
            z + (z.powi(3) + z) / (4.0 * n)
                + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * n * n)
        }
    }
}

/// The 90% interval around `score` from the `answers` behind it, on a scale of 1 to `top`;
/// `None` with fewer than `INTERVAL_MIN_ANSWERS` answers or no score.
pub fn interval_90(score: Option<f64>, answers: &[f64], top: u8) -> Option<[f64; 2]> {
    let score = score?;
    let n = answers.len();
    if n < INTERVAL_MIN_ANSWERS {
        return None;
    }
    let half = t_95(n - 1) * sample_variance(answers)?.sqrt() / (n as f64).sqrt();
    let top = f64::from(top.max(1));
    Some([(score - half).max(1.0), (score + half).min(top)])
}
