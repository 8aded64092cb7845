//! Charts as PNG: the SVG drawn by resvg with the app's own font (never the system's), so a
//! PNG looks the same on every machine.

use std::sync::{Arc, LazyLock};

use resvg::{tiny_skia, usvg};

use super::super::{ReportError, fonts};
use super::svg::FONT_FAMILY;
use super::{Chart, chart_svg};
use crate::report::model::Report;

/// The app's two faces, loaded once.
static FONT_DB: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(fonts::REGULAR.to_vec());
    db.load_font_data(fonts::BOLD.to_vec());
    db.set_sans_serif_family(FONT_FAMILY);
    Arc::new(db)
});

/// `chart` as a PNG image `width` pixels wide (clamped like [`chart_svg`]).
pub fn chart_png(report: &Report, chart: Chart, width: u32) -> Result<Vec<u8>, ReportError> {
    rasterise(&chart_svg(report, chart, width)).map(|png| png.bytes)
}

/// A PNG image and its size in pixels.
pub(crate) struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Rasterises one of the charts' SVG documents at its own size.
pub(crate) fn rasterise(svg: &str) -> Result<Png, ReportError> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: Arc::clone(&FONT_DB),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ReportError::Png(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        ReportError::Png(format!(
            "cannot draw {}×{} pixels",
            size.width(),
            size.height()
        ))
    })?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let bytes = pixmap
        .encode_png()
        .map_err(|e| ReportError::Png(e.to_string()))?;
    Ok(Png {
        bytes,
        width: size.width(),
        height: size.height(),
    })
}
