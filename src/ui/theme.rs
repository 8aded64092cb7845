//! Type sizes and colours: readable on a laptop and from the back of a workshop room.

use egui::{Color32, FontFamily, FontId, TextStyle, Theme};

/// Adds the embedded fallback font: egui's own lacks arrows, bullets and check marks.
pub fn install_fonts(ctx: &egui::Context) {
    let data = egui::FontData::from_static(crate::report::fonts::REGULAR);
    ctx.add_font(egui::FontInsert {
        name: "DejaVuSans".into(),
        data,
        families: [FontFamily::Proportional, FontFamily::Monospace]
            .into_iter()
            .map(|family| egui::epaint::text::InsertFontFamily {
                family,
                priority: egui::FontPriority::Lowest,
            })
            .collect(),
    });
}

/// Applies the light or dark theme and Convergence's type scale.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark { Theme::Dark } else { Theme::Light });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(13.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(26.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
        style.spacing.interact_size.y = 28.0;
    });
}

/// Colour of today's (current) values in every chart and marker.
pub const CURRENT: Color32 = Color32::from_rgb(0x1f, 0x77, 0xb4);
/// Colour of target values.
pub const TARGET: Color32 = Color32::from_rgb(0xe0, 0x7b, 0x00);
/// Colour of IT's answers.
pub const IT: Color32 = Color32::from_rgb(0x6a, 0x3d, 0x9a);
/// Colour of the business's answers.
pub const BUSINESS: Color32 = Color32::from_rgb(0x2c, 0xa0, 0x2c);

/// A side's colour (`theme::IT`, `theme::BUSINESS`) lightened on a dark background, where the
/// saturated originals are hard to read as text.
pub fn readable(ui: &egui::Ui, colour: Color32) -> Color32 {
    if ui.visuals().dark_mode {
        colour.lerp_to_gamma(Color32::WHITE, 0.4)
    } else {
        colour
    }
}

/// Background colours of the slope's zones, low to high.
pub fn zone_colour(index: usize, dark: bool) -> Color32 {
    const LIGHT: [Color32; 5] = [
        Color32::from_rgb(0xf4, 0xd6, 0xd2),
        Color32::from_rgb(0xf7, 0xe6, 0xc4),
        Color32::from_rgb(0xf2, 0xf0, 0xc0),
        Color32::from_rgb(0xd5, 0xec, 0xcf),
        Color32::from_rgb(0xc4, 0xe0, 0xf0),
    ];
    let colour = LIGHT[index % LIGHT.len()];
    // Opaque in both themes: a see-through zone would let the plot's grid show through.
    if dark {
        colour.lerp_to_gamma(Color32::from_gray(30), 0.7)
    } else {
        colour
    }
}

/// "1 participant", "3 participants": the report's plurals.
pub use crate::report::format::count;

/// How long ago, in words: "just now", "1 minute ago", "3 hours ago", "2 days ago".
pub fn age_in_words(seconds: u64) -> String {
    let (amount, unit) = match seconds {
        0..60 => return "just now".to_string(),
        60..3_600 => (seconds / 60, "minute"),
        3_600..86_400 => (seconds / 3_600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{} ago", count(amount as usize, unit))
}

/// A score to two decimals, or a dash when there are no answers behind it: the report's format.
pub fn fmt_score(value: Option<f64>) -> String {
    crate::report::Figure::score(value).text
}
