//! The plain-text table `convergence score` prints by default.

use std::fmt::Write;

use crate::model::Assessment;
use crate::scoring::Scores;

/// A score to two decimals, or "—" when there are no answers behind it.
pub fn fmt_score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
}

/// The assessment's scores as an aligned text table.
pub fn score_table(assessment: &Assessment, scores: &Scores) -> String {
    let mut out = String::new();
    let o = &scores.overall;
    let _ = writeln!(
        out,
        "{} — {}",
        assessment.organisation, assessment.questionnaire.title
    );
    let _ = writeln!(
        out,
        "Slope position {} ({}), target {} ({})",
        fmt_score(o.slope),
        o.zone.as_deref().unwrap_or("—"),
        fmt_score(o.slope_target),
        o.target_zone.as_deref().unwrap_or("—"),
    );
    let _ = writeln!(
        out,
        "Practice {} → target {} (gap {}); engagement {} → {}; IT {} vs business {} (perception gap {})\n",
        fmt_score(o.current),
        fmt_score(o.target),
        fmt_score(o.gap),
        fmt_score(o.engagement),
        fmt_score(o.engagement_target),
        fmt_score(o.it),
        fmt_score(o.business),
        fmt_score(o.perception_gap),
    );
    let _ = writeln!(
        out,
        "{:<34} {:>7} {:>7} {:>6} {:>6} {:>6} {:>6} {:>5} {:>9}",
        "dimension", "current", "target", "gap", "IT", "bus.", "perc.", "sd", "answered"
    );
    for d in &scores.dimensions {
        let _ = writeln!(
            out,
            "{:<34} {:>7} {:>7} {:>6} {:>6} {:>6} {:>6} {:>5} {:>9}",
            truncate(&d.name, 34),
            fmt_score(d.current),
            fmt_score(d.target),
            fmt_score(d.gap),
            fmt_score(d.it),
            fmt_score(d.business),
            fmt_score(d.perception_gap),
            fmt_score(d.spread.sd),
            format!("{}/{}", d.answered, d.questions),
        );
    }
    if !scores.gaps.is_empty() {
        let _ = writeln!(out, "\nGaps to close, largest first:");
        for (rank, gap) in scores.gaps.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. {} — {:.2} → {:.2} (gap {:.2})",
                rank + 1,
                gap.name,
                gap.current,
                gap.target,
                gap.gap
            );
            for (from, actions) in &gap.steps {
                for action in actions {
                    let _ = writeln!(out, "   {from}→{}: {action}", from + 1);
                }
            }
        }
    }
    let disputed: Vec<&str> = scores
        .questions
        .iter()
        .filter(|q| q.disagreement)
        .map(|q| q.id.as_str())
        .collect();
    if !disputed.is_empty() {
        let _ = writeln!(
            out,
            "\nQuestions where participants disagree widely: {}",
            disputed.join(", ")
        );
    }
    out
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        text.chars().take(width - 1).chain(['…']).collect()
    }
}
