//! Charts of the scores, one per file, all drawn with egui_plot from what the core computed.

pub mod heatmap;
pub mod level_map;
pub mod perception;
pub mod radar;
pub mod rows;
pub mod scores;
pub mod slope;
pub mod spread;

use egui_plot::{GridInput, GridMark, Plot};

/// A plot that stays as drawn: charts of scores are read, not explored, and a stray drag on a
/// projector must not move them.
pub fn still_plot<'a>(id: &str) -> Plot<'a> {
    Plot::new(id)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

/// Grid marks at 1, 2, … `count`: one per dimension on a category axis.
pub fn category_marks(count: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |_| {
        (1..=count)
            .map(|i| GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect()
    }
}

/// The label under category `value`: the first word of its name, without punctuation.
pub fn category_label(names: &[String], value: f64) -> String {
    let index = value.round() as usize;
    if (value - value.round()).abs() > 1e-6 || index == 0 {
        return String::new();
    }
    names
        .get(index - 1)
        .and_then(|name| name.split_whitespace().next())
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .unwrap_or_default()
}
