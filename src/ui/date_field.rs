//! A date typed as `YYYY-MM-DD` beside a calendar button: the one date widget of the window
//! (the assessment's date in Setup, each action's due date). Text that is not yet a date stays
//! in the field as a draft, marked, and only a real date reaches the assessment.

use egui::accesskit::Role;

use crate::model::parse_date;
use crate::ui::a11y;

/// What a date field is called and whether it may be left empty.
pub struct DateField<'a> {
    /// Tells this field's widgets apart from every other's.
    pub id_salt: &'a str,
    /// The accessible name of the text field (and, with "calendar", of its button).
    pub name: &'a str,
    /// An empty field means "no date" (a due date not decided yet).
    pub may_be_empty: bool,
}

impl DateField<'_> {
    /// Draws the field for `value`; `draft` holds text typed that is not a date yet. True when
    /// `value` changed.
    pub fn ui(&self, ui: &mut egui::Ui, value: &mut String, draft: &mut Option<String>) -> bool {
        let mut text = draft.clone().unwrap_or_else(|| value.clone());
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .id_salt((self.id_salt, "text"))
                .hint_text("YYYY-MM-DD")
                .desired_width(124.0),
        );
        field.widget_info(a11y::labeled(Role::TextInput, self.name));
        let mut changed = false;
        if field.changed() {
            let empty_allowed = self.may_be_empty && text.trim().is_empty();
            if empty_allowed || parse_date(&text).is_some() {
                *draft = None;
                *value = text.trim().to_string();
                changed = true;
            } else {
                *draft = Some(text);
            }
        }
        if draft.is_some() {
            ui.colored_label(ui.visuals().error_fg_color, "not a date: use YYYY-MM-DD");
        }
        let mut date = parse_date(value).unwrap_or_else(today);
        let picker_id = format!("{}-calendar", self.id_salt);
        let picker = egui_extras::DatePickerButton::new(&mut date)
            .id_salt(&picker_id)
            // The text field beside it shows the date; the button only opens the calendar.
            .format("")
            .show_icon(true)
            // Its year, month and day menus have no accessible names; the arrows and the
            // month's grid reach every date.
            .combo_boxes(false)
            .calendar_week(false)
            .highlight_weekends(false);
        let picked = ui.add(picker);
        picked.widget_info(a11y::labeled(
            Role::Button,
            &format!("{} calendar", self.name),
        ));
        if picked
            .on_hover_text("Pick the date from a calendar")
            .changed()
        {
            *draft = None;
            *value = date.to_string();
            changed = true;
        }
        changed
    }
}

fn today() -> jiff::civil::Date {
    // A date chrono formats always parses; the fallback is never used.
    parse_date(&crate::model::today()).unwrap_or(jiff::civil::Date::constant(2026, 1, 1))
}
