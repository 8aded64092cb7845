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
        // Guidance and hints are weak text: still 4.5:1 against every background they sit on.
        let visuals = &mut style.visuals;
        let weak = visuals.weak_text_color();
        visuals.weak_text_color = Some(with_contrast_on_all(
            weak,
            &backgrounds(visuals),
            TEXT_CONTRAST,
        ));
    });
}

/// The colours text sits on: the panels, windows, striped rows (drawn over the panel) and
/// text fields and plots.
pub fn backgrounds(visuals: &egui::Visuals) -> [Color32; 4] {
    [
        visuals.panel_fill,
        visuals.window_fill,
        visuals.panel_fill.blend(visuals.faint_bg_color),
        visuals.extreme_bg_color,
    ]
}

/// WCAG's minimum contrast for normal text.
pub const TEXT_CONTRAST: f32 = 4.5;
/// WCAG's minimum contrast for graphics (chart fills, zones, lines) against what is beside them.
pub const GRAPHIC_CONTRAST: f32 = 3.0;

/// WCAG relative luminance of a colour (its alpha ignored).
pub fn luminance(colour: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

/// WCAG contrast ratio of two colours, 1 (none) to 21 (black on white).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `colour`, made opaque on the first background, then lightened on a dark background or
/// darkened on a light one just enough to reach `ratio` against every one of `backgrounds`.
pub fn with_contrast_on_all(colour: Color32, backgrounds: &[Color32], ratio: f32) -> Color32 {
    let colour = match backgrounds.first() {
        Some(&first) if !colour.is_opaque() => first.blend(colour),
        _ => colour,
    };
    let dark = backgrounds.iter().map(|&b| luminance(b)).sum::<f32>()
        < 0.5 * backgrounds.len() as f32 * luminance(Color32::from_gray(118));
    let toward = if dark { Color32::WHITE } else { Color32::BLACK };
    let enough = |c: Color32| backgrounds.iter().all(|&b| contrast(c, b) >= ratio);
    (0..=20)
        .map(|step| colour.lerp_to_gamma(toward, step as f32 / 20.0))
        .find(|&c| enough(c))
        .unwrap_or(toward)
}

/// `colour` as text on this panel: at least 4.5:1 against it.
pub fn readable(ui: &egui::Ui, colour: Color32) -> Color32 {
    text_colour(ui.visuals(), colour)
}

/// `colour` as text on the panels of `visuals`.
pub fn text_colour(visuals: &egui::Visuals, colour: Color32) -> Color32 {
    with_contrast_on_all(
        colour,
        &[visuals.panel_fill, visuals.window_fill],
        TEXT_CONTRAST,
    )
}

/// `colour` as a chart's fill or line on the panels of `visuals`: at least 3:1 against it.
pub fn graphic_colour(visuals: &egui::Visuals, colour: Color32) -> Color32 {
    with_contrast_on_all(
        colour,
        &[visuals.panel_fill, visuals.extreme_bg_color],
        GRAPHIC_CONTRAST,
    )
}

/// `colour` as a fill or line drawn in `ui`.
pub fn graphic(ui: &egui::Ui, colour: Color32) -> Color32 {
    graphic_colour(ui.visuals(), colour)
}

/// Colour of today's (current) values in every chart and marker.
pub const CURRENT: Color32 = Color32::from_rgb(0x1f, 0x77, 0xb4);
/// Colour of target values.
pub const TARGET: Color32 = Color32::from_rgb(0xe0, 0x7b, 0x00);
/// Colour of IT's answers.
pub const IT: Color32 = Color32::from_rgb(0x6a, 0x3d, 0x9a);
/// Colour of the business's answers.
pub const BUSINESS: Color32 = Color32::from_rgb(0x2c, 0xa0, 0x2c);

/// Background colours of the slope's zones, low to high: light in both themes, so the zone
/// names on them are dark text, and at least 3:1 against the dark theme's panels.
pub fn zone_colour(index: usize, dark: bool) -> Color32 {
    const LIGHT: [Color32; 5] = [
        Color32::from_rgb(0xf4, 0xd6, 0xd2),
        Color32::from_rgb(0xf7, 0xe6, 0xc4),
        Color32::from_rgb(0xf2, 0xf0, 0xc0),
        Color32::from_rgb(0xd5, 0xec, 0xcf),
        Color32::from_rgb(0xc4, 0xe0, 0xf0),
    ];
    let colour = LIGHT[index % LIGHT.len()];
    // Dimmer on a dark screen, so the band does not glare, yet well clear of the panel.
    if dark {
        colour.lerp_to_gamma(Color32::from_gray(30), 0.3)
    } else {
        colour
    }
}

/// The colour of text written on a zone, in either theme.
pub const ON_ZONE: Color32 = Color32::from_gray(25);

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

/// A gap with its sign ("+1.25", "-0.50"): a target below today is a negative gap, never 0.
pub fn fmt_gap(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:+.2}"))
}

/// A score to two decimals, or a dash when there are no answers behind it: the report's format.
pub fn fmt_score(value: Option<f64>) -> String {
    crate::report::Figure::score(value).text
}

/// "Strategic" from "strategic": the report's.
pub use crate::report::format::capitalised;
