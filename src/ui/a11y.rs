//! Accessible names for widgets whose visible text alone cannot tell them apart (a "3" in every
//! row, a "Remove" per participant): screen readers and the UI tests find them by these names.

use egui::WidgetInfo;
use egui::accesskit::Role;

/// A widget of `role` named `label`.
pub fn labeled(role: Role, label: &str) -> impl Fn() -> WidgetInfo + '_ {
    move || WidgetInfo::labeled(role, true, label)
}

/// A button that is on or off, named `label`.
pub fn toggle(selected: bool, label: &str) -> impl Fn() -> WidgetInfo + '_ {
    move || WidgetInfo::selected(Role::Button, true, selected, label)
}
