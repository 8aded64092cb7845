//! Adding a touchpoint at the speed of the room: with a pair of roles selected, one click on a
//! channel adds a touchpoint as that channel usually runs (its level, how often, how well), or
//! the keyboard does it: the channel field has the focus once a cell is clicked, a few letters
//! narrow the channels and Enter adds the first. "Happening today" or "missing today" says
//! which kind is added, and stays so while the room goes through the pairs.

use egui::accesskit::Role;
use egui::{Key, RichText};

use crate::document::Edit;
use crate::model::{Assessment, Channel, channel_preset, preset_touchpoint};
use crate::ui::a11y;
use crate::ui::charts::heatmap::MISSING;
use crate::ui::command::Command;

use super::Pair;
use super::editor::level_title;

/// What the room is adding: which kind, and the letters typed so far.
#[derive(Default)]
pub struct Adding {
    /// Touchpoints that should exist and do not, rather than today's.
    missing: bool,
    /// Letters that narrow the channels.
    typed: String,
    /// Give the channel field the keyboard on the next frame.
    focus: bool,
}

impl Adding {
    /// A pair was just selected: the keys go to the channel field.
    pub fn pair_selected(&mut self) {
        self.typed.clear();
        self.focus = true;
    }

    /// The buttons and the field that add a touchpoint to `pair`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        pair: &Pair,
        commands: &mut Vec<Command>,
    ) {
        let channels = &assessment.questionnaire.touchpoints.channels;
        let add = |channel: &str, missing: bool| {
            Command::Edit(Edit::AddTouchpoint(preset_touchpoint(
                &pair.0, &pair.1, channel, missing,
            )))
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Add a touchpoint").size(17.0).strong());
            self.kind_ui(ui);
            if !channels.is_empty() {
                let entered = self.typed_ui(ui) && !self.typed.trim().is_empty();
                let first = matching(channels, &self.typed).next();
                if let Some(first) = first.filter(|_| entered) {
                    commands.push(add(&first.id, self.missing));
                    self.typed.clear();
                    self.focus = true;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            if channels.is_empty() {
                if ui.button("Add touchpoint").clicked() {
                    commands.push(add("", self.missing));
                }
                return;
            }
            for channel in matching(channels, &self.typed) {
                if channel_button_ui(ui, channel).clicked() {
                    commands.push(add(&channel.id, self.missing));
                }
            }
        });
    }

    /// "Happening today" or "missing today".
    fn kind_ui(&mut self, ui: &mut egui::Ui) {
        let today = egui::Button::selectable(!self.missing, "happening today");
        if ui
            .add(today)
            .on_hover_text("A touchpoint that happens today; its target starts the same")
            .clicked()
        {
            self.missing = false;
        }
        let missing =
            egui::Button::selectable(self.missing, RichText::new("missing today").color(MISSING));
        if ui
            .add(missing)
            .on_hover_text("Where there should be interaction and there is none today")
            .clicked()
        {
            self.missing = true;
        }
    }

    /// The channel field; true when Enter was pressed in it.
    fn typed_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let label = ui.label("through");
        let field = egui::TextEdit::singleline(&mut self.typed)
            .hint_text("type a channel, Enter adds")
            .desired_width(220.0);
        let response = ui.add(field).labelled_by(label.id);
        if std::mem::take(&mut self.focus) {
            response.request_focus();
        }
        response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
    }
}

/// The channels whose name or id contains the typed letters (all when nothing is typed).
fn matching<'a>(channels: &'a [Channel], typed: &str) -> impl Iterator<Item = &'a Channel> {
    let typed = typed.trim().to_lowercase();
    channels.iter().filter(move |c| {
        typed.is_empty() || c.name.to_lowercase().contains(&typed) || c.id.contains(&typed)
    })
}

/// A channel's button, named "Add Steering committee", with how it usually runs on hover.
fn channel_button_ui(ui: &mut egui::Ui, channel: &Channel) -> egui::Response {
    let preset = channel_preset(&channel.id);
    let level = preset
        .level
        .map_or("at the level of its roles", level_title);
    let runs = format!(
        "{level}, {}, effectiveness {} of 5",
        preset.frequency.name(),
        preset.effectiveness
    );
    let hover = if channel.description.is_empty() {
        runs
    } else {
        format!("{}\n{runs}", channel.description)
    };
    let response = ui.button(&channel.name).on_hover_text(hover);
    let name = format!("Add {}", channel.name);
    response.widget_info(a11y::labeled(Role::Button, &name));
    response
}
