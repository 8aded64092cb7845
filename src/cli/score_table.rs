//! The plain-text table `convergence score` prints by default. Its figures and texts are the
//! report model's, formatted once: the table, the reports and the window say the same numbers.
//! The caller makes it safe for the terminal (`terminal_safe`).

use std::fmt::Write;

use crate::report::Report;

/// The report's scores as an aligned text table.
pub fn score_table(report: &Report) -> String {
    let mut out = String::new();
    let (c, o, s) = (&report.cover, &report.overall, &report.slope);
    let zone = |z: &Option<String>| z.clone().unwrap_or_else(|| "—".to_string());
    let _ = writeln!(out, "{} — {}", c.organisation, c.questionnaire);
    let _ = writeln!(
        out,
        "Slope position {} ({}), target {} ({})",
        s.today,
        zone(&s.today_zone),
        s.target,
        zone(&s.target_zone),
    );
    if let Some(headline) = &o.headline {
        let _ = writeln!(out, "{headline}; {}", o.answered_by);
    }
    let _ = writeln!(out, "{}", o.map_text);
    let _ = writeln!(out, "Aggregation: {}", c.aggregation.to_lowercase());
    let _ = writeln!(
        out,
        "Practice {} → target {} (gap {}); engagement {} → {}; IT {} vs business {} (perception gap {})\n",
        o.current,
        o.target,
        o.gap,
        o.engagement,
        o.engagement_target,
        o.it,
        o.business,
        o.perception_gap,
    );
    dimensions(&mut out, report);
    gaps(&mut out, report);
    disputed(&mut out, report);
    out
}

fn dimensions(out: &mut String, report: &Report) {
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
    for d in &report.dimensions {
        let _ = writeln!(
            out,
            "{:<34} {:>7} {:>11} {:>7} {:>6} {:>6} {:>6} {:>6} {:>5} {:>9}",
            truncate(&d.name, 34),
            d.current,
            d.range,
            d.target,
            d.gap,
            d.it,
            d.business,
            d.perception_gap,
            d.sd,
            format!("{}/{}", d.answered, d.questions),
        );
    }
}

fn gaps(out: &mut String, report: &Report) {
    if report.gaps.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nGaps to close, largest first:");
    for gap in &report.gaps {
        let _ = writeln!(
            out,
            "{}. {} — {} → {} (gap {})",
            gap.rank, gap.name, gap.current, gap.target, gap.gap
        );
        for step in &gap.steps {
            for action in &step.actions {
                let _ = writeln!(out, "   {}: {action}", step.short);
            }
        }
    }
}

fn disputed(out: &mut String, report: &Report) {
    let Some(agreement) = report.agreement.as_ref().filter(|a| !a.disputed.is_empty()) else {
        return;
    };
    let _ = writeln!(out, "\nThe questions the room disagrees on most:");
    for q in &agreement.disputed {
        let flag = if q.wide { " (wide)" } else { "" };
        let _ = writeln!(
            out,
            "  {:<10} sd {}{flag}  {}",
            q.id,
            q.sd,
            truncate(&q.text, 70)
        );
    }
}

/// `text` cut to `width` characters, with an ellipsis when it was longer.
pub(super) fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        text.chars().take(width - 1).chain(['…']).collect()
    }
}
