//! The editor under the matrix: the touchpoints of the selected business role × IT role pair,
//! one row each (level, channel, how often and how well today and at target, Remove). Every
//! change is an `Edit`, so Ctrl+Z takes it back.

use crate::ui::a11y;
use egui::RichText;
use egui::accesskit::Role;

use crate::document::Edit;
use crate::model::{Assessment, Engagement, Frequency, Level, Touchpoint};
use crate::scoring::TouchpointAnalysis;
use crate::ui::charts::heatmap::MISSING;
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::theme::readable;

use super::Pair;

/// Draws the selected pair's touchpoints.
pub fn pair_editor_ui(
    ui: &mut egui::Ui,
    assessment: &Assessment,
    analysis: &TouchpointAnalysis,
    pair: &Pair,
    commands: &mut Vec<Command>,
) {
    let (business, it) = pair;
    let business_name = analysis.role_name(crate::model::Side::Business, business);
    let it_name = analysis.role_name(crate::model::Side::It, it);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Touchpoints between").size(20.0));
        ui.label(
            RichText::new(business_name)
                .size(20.0)
                .strong()
                .color(readable(ui, theme::BUSINESS)),
        );
        ui.label(RichText::new("and").size(20.0));
        ui.label(
            RichText::new(it_name)
                .size(20.0)
                .strong()
                .color(readable(ui, theme::IT)),
        );
    });
    let rows: Vec<(usize, &Touchpoint)> = assessment
        .touchpoints
        .iter()
        .enumerate()
        .filter(|(_, t)| &t.business_role == business && &t.it_role == it)
        .collect();
    if rows.is_empty() {
        ui.weak("None on the map yet. Do these two roles meet today? Should they?");
    } else {
        egui::Grid::new("pair-touchpoints")
            .num_columns(9)
            .spacing([8.0, 6.0])
            .striped(true)
            .show(ui, |ui| {
                for header in [
                    "",
                    "Level",
                    "Channel",
                    "Today: how often",
                    "how well",
                    "Target: how often",
                    "how well",
                    "",
                    "",
                ] {
                    ui.strong(header);
                }
                ui.end_row();
                for (number, (index, touchpoint)) in rows.iter().enumerate() {
                    touchpoint_row_ui(ui, assessment, *index, number + 1, touchpoint, commands);
                    ui.end_row();
                }
            });
    }
}

/// One touchpoint: every field editable, each change pushed as one edit of that touchpoint.
fn touchpoint_row_ui(
    ui: &mut egui::Ui,
    assessment: &Assessment,
    index: usize,
    number: usize,
    touchpoint: &Touchpoint,
    commands: &mut Vec<Command>,
) {
    let mut edited = touchpoint.clone();
    let mut changed = false;
    let name = format!("touchpoint {number}");
    if touchpoint.is_missing() {
        ui.label(
            RichText::new(format!("#{number} missing"))
                .strong()
                .color(MISSING),
        )
        .on_hover_text("Should exist and does not today");
    } else {
        ui.label(RichText::new(format!("#{number}")).strong());
    }

    changed |= combo_ui(
        ui,
        ("level", index),
        &format!("Level of {name}"),
        120.0,
        level_title(edited.level),
        |ui| {
            let mut changed = false;
            for level in Level::ALL {
                changed |= ui
                    .selectable_value(&mut edited.level, level, level_title(level))
                    .changed();
            }
            changed
        },
    );

    let channels = &assessment.questionnaire.touchpoints.channels;
    let channel_name = channels
        .iter()
        .find(|c| c.id == edited.channel)
        .map_or_else(|| edited.channel.clone(), |c| c.name.clone());
    changed |= combo_ui(
        ui,
        ("channel", index),
        &format!("Channel of {name}"),
        200.0,
        &channel_name,
        |ui| {
            let mut changed = false;
            for channel in channels {
                let response =
                    ui.selectable_value(&mut edited.channel, channel.id.clone(), &channel.name);
                let response = if channel.description.is_empty() {
                    response
                } else {
                    response.on_hover_text(&channel.description)
                };
                changed |= response.changed();
            }
            changed
        },
    );

    for (phase, engagement) in [("Today", &mut edited.today), ("Target", &mut edited.target)] {
        changed |= engagement_ui(
            ui,
            index,
            &format!("{phase} frequency of {name}"),
            &format!("{phase} effectiveness of {name}"),
            engagement,
        );
    }

    let remove = ui
        .button("Remove")
        .on_hover_text("Remove this touchpoint (Ctrl+Z undoes)");
    let remove_name = format!("Remove {name}");
    remove.widget_info(a11y::labeled(Role::Button, &remove_name));
    if remove.clicked() {
        commands.push(Command::Edit(Edit::RemoveTouchpoint(index)));
    } else if changed {
        commands.push(Command::Edit(Edit::Touchpoint {
            index,
            touchpoint: edited,
        }));
    }
}

/// How often and how well; a touchpoint that does not happen has no effectiveness.
fn engagement_ui(
    ui: &mut egui::Ui,
    index: usize,
    frequency_name: &str,
    effectiveness_name: &str,
    engagement: &mut Engagement,
) -> bool {
    let mut changed = combo_ui(
        ui,
        (frequency_name, index),
        frequency_name,
        120.0,
        engagement.frequency.name(),
        |ui| {
            let mut changed = false;
            for frequency in Frequency::ALL {
                changed |= ui
                    .selectable_value(&mut engagement.frequency, frequency, frequency.name())
                    .changed();
            }
            changed
        },
    );
    if changed && engagement.frequency == Frequency::None {
        engagement.effectiveness = None;
    }
    let happens = engagement.frequency != Frequency::None;
    let shown = if happens {
        effectiveness_name_of(engagement.effectiveness)
    } else {
        "—"
    };
    ui.add_enabled_ui(happens, |ui| {
        changed |= combo_ui(
            ui,
            (effectiveness_name, index),
            effectiveness_name,
            130.0,
            shown,
            |ui| {
                let mut changed = false;
                for value in [None, Some(1), Some(2), Some(3), Some(4), Some(5)] {
                    changed |= ui
                        .selectable_value(
                            &mut engagement.effectiveness,
                            value,
                            effectiveness_name_of(value),
                        )
                        .changed();
                }
                changed
            },
        );
    });
    changed
}

/// A combo box with an accessible name; returns whether a choice changed the value.
fn combo_ui(
    ui: &mut egui::Ui,
    id: impl egui::AsIdSalt,
    accessible_name: &str,
    width: f32,
    selected: &str,
    items: impl FnOnce(&mut egui::Ui) -> bool,
) -> bool {
    let shown = egui::ComboBox::from_id_salt(id)
        .width(width)
        .height(400.0)
        .selected_text(selected)
        .show_ui(ui, items);
    shown
        .response
        .widget_info(a11y::labeled(Role::ComboBox, accessible_name));
    shown.inner.unwrap_or(false)
}

/// "Strategic", "Tactical", "Operational".
pub fn level_title(level: Level) -> &'static str {
    match level {
        Level::Strategic => "Strategic",
        Level::Tactical => "Tactical",
        Level::Operational => "Operational",
    }
}

/// How well a touchpoint works, in words the room can agree on.
fn effectiveness_name_of(value: Option<u8>) -> &'static str {
    match value {
        None => "not rated",
        Some(1) => "1 — poor",
        Some(2) => "2 — weak",
        Some(3) => "3 — adequate",
        Some(4) => "4 — good",
        Some(_) => "5 — excellent",
    }
}
