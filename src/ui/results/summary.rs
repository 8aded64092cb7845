//! The headline a CIO can repeat, and what it rests on: how much was answered and by whom,
//! whether the zone is only a first indication, what the touchpoint map does to the position,
//! and what a workshop would add where one side's view is missing.

use egui::RichText;

use crate::model::Assessment;
use crate::scoring::{Respondents, Scores};
use crate::ui::theme::{self, fmt_score};

/// Where we are, where we want to be, what it rests on and what it means.
pub fn summary_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    let o = &scores.overall;
    let Some(headline) = o.headline() else {
        ui.label(
            RichText::new("No answers yet: answer the questionnaire to see where you stand.")
                .size(18.0),
        );
        return;
    };
    ui.label(
        RichText::new(format!("Today: {headline}"))
            .size(22.0)
            .color(theme::readable(ui, theme::CURRENT))
            .strong(),
    );
    if let (Some(target), Some(target_zone)) = (o.slope_target, &o.target_zone) {
        ui.label(
            RichText::new(format!("Target: {target:.1} — {target_zone}"))
                .size(18.0)
                .color(theme::readable(ui, theme::TARGET))
                .strong(),
        );
    }
    if o.zone_provisional {
        ui.label(
            "Fewer than half the dimensions are answered: the zone is a first indication, not a finding.",
        );
    }
    ui.weak(format!(
        "Practice score {} (target {}), {}. The slope is continuous: zones name stretches of it, not steps to certify.",
        fmt_score(o.current),
        fmt_score(o.target),
        o.respondents.answered_by()
    ));
    ui.label(o.map_note());
    if let Some(description) = o
        .zone
        .as_ref()
        .and_then(|zone| {
            assessment
                .questionnaire
                .slope
                .zones
                .iter()
                .find(|z| &z.name == zone)
        })
        .map(|z| &z.description)
    {
        ui.label(description);
    }
    if let Some(missing) = workshop_would_add(&o.respondents) {
        workshop_note_ui(ui, &missing);
    }
}

/// What a workshop would add where fewer than two people on a side answered; `None` when both
/// sides have two or more, or nobody answered at all.
pub fn workshop_would_add(respondents: &Respondents) -> Option<String> {
    let (it, business) = (respondents.it, respondents.business);
    if it + business == 0 || (it >= 2 && business >= 2) {
        return None;
    }
    let spread = if it + business < 2 {
        " With one person there is no spread or agreement to show either: a room shows where people see things differently and which questions to discuss."
    } else {
        ""
    };
    let missing = match (it < 2, business < 2) {
        (true, true) => "IT and business participants",
        (false, true) => "business participants",
        _ => "IT participants",
    };
    Some(format!(
        "What a workshop with {missing} would add: each side's own view of every question and the perception gap between them — the business often rates IT lower than IT rates itself. It needs at least two people on each side.{spread}"
    ))
}

/// The note in a frame, so it reads as advice rather than a result.
pub fn workshop_note_ui(ui: &mut egui::Ui, text: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(text);
    });
}
