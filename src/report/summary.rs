//! The executive summary: a few paragraphs in plain words, each sentence read off the report
//! model, nothing invented: where the organisation stands on the slope and at target, what that
//! rests on, the three largest gaps, the perception gap, and where the room disagreed.

use super::format::{and_list, count};
use super::model::Report;
use crate::scoring::MIN_RESPONDENTS;
use crate::scoring::MapState;

/// How many gaps the summary names.
const GAPS_NAMED: usize = 3;
/// How many of the questions the room disagreed on most it names (the report lists more).
const DISPUTES_NAMED: usize = 3;

pub fn summary(report: &Report) -> Vec<String> {
    [
        Some(position(report)),
        Some(basis(report)),
        Some(gaps(report)),
        perception(report),
        disagreement(report),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn organisation(report: &Report) -> &str {
    match report.cover.organisation.trim() {
        "" => "The organisation",
        name => name,
    }
}

fn position(report: &Report) -> String {
    let slope = &report.slope;
    let Some(zone) = slope
        .today_zone
        .as_deref()
        .filter(|_| !slope.today.is_absent())
    else {
        return "No answers on the scale yet, so there is no position on the slope.".to_string();
    };
    let mut text = format!(
        "{} stands at {} on the convergence slope today, in the {zone} zone",
        organisation(report),
        slope.today
    );
    if slope.provisional {
        text.push_str(" (provisional: fewer than half the dimensions have answers)");
    }
    text.push('.');
    if let Some(description) = slope
        .zones
        .iter()
        .find(|z| z.name == zone)
        .map(|z| z.description.trim())
        .filter(|d| !d.is_empty())
    {
        text.push(' ');
        text.push_str(description);
    }
    if let Some(target_zone) = slope
        .target_zone
        .as_deref()
        .filter(|_| !slope.target.is_absent())
    {
        text.push_str(&format!(
            " The target the participants set is {}, in the {target_zone} zone.",
            slope.target
        ));
    }
    text
}

fn basis(report: &Report) -> String {
    let o = &report.overall;
    let r = report.cover.respondents;
    let people = match (r.it, r.business) {
        (0, 0) => "nobody yet".to_string(),
        (it, 0) => count(it, "IT participant"),
        (0, business) => count(business, "business participant"),
        (it, business) => format!(
            "{} and {}",
            count(it, "IT participant"),
            count(business, "business participant")
        ),
    };
    let engagement = map_sentence(report);
    format!(
        "This rests on {} of {} dimensions and {} of {} questions answered, by {people}. \
         {engagement}",
        o.dimensions_answered, o.dimensions, o.questions_answered, o.questions
    )
}

/// What the touchpoint map adds to the position, and whether it counts yet.
fn map_sentence(report: &Report) -> String {
    let missing = |t: &super::model::TouchpointView| match t.missing.len() {
        0 => "every touchpoint that should exist exists".to_string(),
        n => format!(
            "{} that should exist {}",
            count(n, "touchpoint"),
            if n == 1 { "does not" } else { "do not" }
        ),
    };
    match (report.map, &report.touchpoints, &report.slope.with_map) {
        (MapState::Complete, Some(t), _) => format!(
            "The touchpoint map, marked complete, puts engagement at {} today and {} at target; \
             {}.",
            t.engagement,
            t.engagement_target,
            missing(t)
        ),
        (MapState::InProgress, Some(t), Some((position, zone))) => format!(
            "The touchpoint map is still being drawn, so it does not count yet: as drawn, \
             engagement is {} and the position would be {position}{} (provisional); {}.",
            t.engagement,
            zone.as_deref()
                .map_or_else(String::new, |z| format!(", {z}")),
            missing(t)
        ),
        _ => format!(
            "No touchpoint map was drawn, so the position is the practice score alone ({}).",
            report.overall.current
        ),
    }
}

fn gaps(report: &Report) -> String {
    let named: Vec<String> = report
        .gaps
        .iter()
        .take(GAPS_NAMED)
        .map(|g| {
            format!(
                "{} (from {} to {}, a gap of {})",
                g.name, g.current, g.target, g.gap
            )
        })
        .collect();
    match named.len() {
        0 if report.overall.target.is_absent() => {
            "No targets were given, so there are no gaps to rank.".to_string()
        }
        0 => "No dimension has a target above today's score.".to_string(),
        1 => format!("The one gap to close is in {}.", named[0]),
        2 => format!("The two largest gaps are in {}.", and_list(&named)),
        _ => format!("The three largest gaps are in {}.", and_list(&named)),
    }
}

/// The perception gap; nothing for a self-assessment, which says what a workshop would add.
fn perception(report: &Report) -> Option<String> {
    let r = report.cover.respondents;
    if report.workshop_would_add.is_some() {
        return None;
    }
    Some(match &report.perception {
        Some(p) => p.reading.clone(),
        None => format!(
            "There is no perception gap to report: it needs at least {MIN_RESPONDENTS} \
             respondents on each side, and this assessment has {} and {}.",
            count(r.it, "IT respondent"),
            count(r.business, "business respondent")
        ),
    })
}

fn disagreement(report: &Report) -> Option<String> {
    if let Some(text) = &report.workshop_would_add {
        return Some(text.clone());
    }
    let Some(agreement) = &report.agreement else {
        return Some(format!(
            "Spread and agreement need answers from at least {MIN_RESPONDENTS} participants."
        ));
    };
    let wide: Vec<String> = agreement
        .disputed
        .iter()
        .filter(|d| d.wide)
        .take(DISPUTES_NAMED)
        .map(|d| format!("“{}” (standard deviation {})", d.text, d.sd))
        .collect();
    if !wide.is_empty() {
        return Some(format!(
            "The room disagreed most on {}: worth discussing before trusting their scores (the \
             section on agreement lists more).",
            and_list(&wide)
        ));
    }
    agreement.disputed.first().map(|d| {
        format!(
            "No question split the room widely; its answers spread most on “{}” (standard \
             deviation {}).",
            d.text, d.sd
        )
    })
}
