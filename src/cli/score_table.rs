//! The plain-text table `convergence score` prints by default.

use std::fmt::Write;

use crate::model::Assessment;
use crate::scoring::{MapState, Scores, most_disputed};

/// How many of the questions the room disagrees on most the table lists.
const DISPUTED: usize = 8;

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
    if let Some(headline) = o.headline() {
        let _ = writeln!(out, "{headline}; {}", o.respondents.answered_by());
    }
    let _ = writeln!(out, "{}", map_line(scores));
    let _ = writeln!(out, "Aggregation: {}", scores.aggregation.name());
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
        "{:<34} {:>7} {:>11} {:>7} {:>6} {:>6} {:>6} {:>6} {:>5} {:>9}",
        "dimension",
        "current",
        "90% range",
        "target",
        "gap",
        "IT",
        "bus.",
        "perc.",
        "sd",
        "answered"
    );
    for d in &scores.dimensions {
        let range = d.interval.map_or_else(
            || "—".to_string(),
            |[low, high]| format!("{low:.1}–{high:.1}"),
        );
        let _ = writeln!(
            out,
            "{:<34} {:>7} {:>11} {:>7} {:>6} {:>6} {:>6} {:>6} {:>5} {:>9}",
            truncate(&d.name, 34),
            fmt_score(d.current),
            range,
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
    let disputed = most_disputed(scores, DISPUTED);
    if !disputed.is_empty() {
        let _ = writeln!(out, "\nThe questions the room disagrees on most:");
        for q in disputed {
            let text = assessment
                .questionnaire
                .question(&q.id)
                .map_or("", |question| question.text.as_str());
            let flag = if q.disagreement { " (wide)" } else { "" };
            let _ = writeln!(
                out,
                "  {:<10} sd {}{flag}  {}",
                q.id,
                fmt_score(q.spread.sd),
                truncate(text, 70)
            );
        }
    }
    out
}

/// Whether the touchpoint map counts in the position, and what it would give while drawn.
fn map_line(scores: &Scores) -> String {
    let o = &scores.overall;
    match (o.map, &o.provisional) {
        (MapState::Complete, _) => format!(
            "Touchpoint map complete: engagement {} counts in the position",
            fmt_score(o.engagement)
        ),
        (MapState::InProgress, Some(with_map)) => format!(
            "Touchpoint map in progress, not counted: engagement {} would give {} ({}) — provisional",
            fmt_score(o.engagement),
            fmt_score(with_map.slope),
            with_map.zone.as_deref().unwrap_or("—")
        ),
        _ => "No touchpoint map: the position is the practice score alone".to_string(),
    }
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        text.chars().take(width - 1).chain(['…']).collect()
    }
}
