//! "The questions the room disagrees on most", defined once for the window, the command line
//! and the report.

use super::{QuestionScore, Scores};

/// How many of them the window, the command line and the report list.
pub const MOST_DISPUTED: usize = 8;

/// The `n` questions whose answers today spread widest: those with a spread at all (two or more
/// respondents who did not all give the same level), by standard deviation, widest first; ties
/// keep questionnaire order. Questions flagged as a disagreement (`QuestionScore::disagreement`)
/// come first whenever they have the wider spread.
pub fn most_disputed(scores: &Scores, n: usize) -> Vec<&QuestionScore> {
    let mut disputed: Vec<(f64, &QuestionScore)> = scores
        .questions
        .iter()
        .filter_map(|q| q.spread.sd.filter(|&sd| sd > 0.0).map(|sd| (sd, q)))
        .collect();
    // A stable sort: equal spreads stay in questionnaire order.
    disputed.sort_by(|(a, _), (b, _)| b.total_cmp(a));
    disputed.into_iter().take(n).map(|(_, q)| q).collect()
}
