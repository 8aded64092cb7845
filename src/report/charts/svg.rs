//! A small SVG writer for the charts: shapes, and text escaped for XML and measured with the
//! app's own font so labels wrap where they would print.

use std::fmt::Write;
use std::sync::LazyLock;

use super::super::fonts;

/// The font family every chart names; the HTML embeds it, the PNG renderer and Typst load it.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Text escaped for XML: element content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0 at all.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Parsed faces of the app's font, for measuring text.
struct Faces {
    regular: Option<ttf_parser::Face<'static>>,
    bold: Option<ttf_parser::Face<'static>>,
}

static FACES: LazyLock<Faces> = LazyLock::new(|| Faces {
    regular: ttf_parser::Face::parse(fonts::REGULAR, 0).ok(),
    bold: ttf_parser::Face::parse(fonts::BOLD, 0).ok(),
});

/// How wide `text` is at `size` pixels in the app's font.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let face = if bold { &FACES.bold } else { &FACES.regular };
    let Some(face) = face else {
        // Without the font, an average DejaVu Sans glyph is about 0.6 em.
        return text.chars().count() as f64 * size * 0.6;
    };
    let units = f64::from(face.units_per_em());
    let advance: f64 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(units * 0.6, f64::from)
        })
        .sum();
    advance * size / units
}

/// `text` broken into lines no wider than `width`, at most `max_lines` (the last one cut with
/// an ellipsis when the text does not fit).
pub fn wrap(text: &str, size: f64, width: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || text_width(&candidate, size, false) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    for line in &mut lines {
        *line = ellipsised(line, size, width);
    }
    lines
}

/// `text` cut with an ellipsis to fit `width`.
fn ellipsised(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size, false) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut: String = chars.iter().collect::<String>() + "…";
        if text_width(&cut, size, false) <= width {
            return cut;
        }
    }
    "…".to_string()
}

/// How text is anchored on its x.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A text's look.
#[derive(Clone, Copy, Debug)]
pub struct TextStyle<'a> {
    pub size: f64,
    pub fill: &'a str,
    pub anchor: Anchor,
    pub bold: bool,
}

/// An SVG document being written.
pub struct Svg {
    out: String,
}

/// Coordinates to one decimal: enough for print, and short.
fn n(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

impl Svg {
    /// A `width` × `height` drawing; `title` is its accessible name.
    pub fn new(width: f64, height: f64, title: &str) -> Svg {
        let mut out = String::with_capacity(16 * 1024);
        let _ = write!(
            out,
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" font-family="{FONT_FAMILY}, sans-serif"><title>{}</title><rect width="{w}" height="{h}" fill="#ffffff"/>"##,
            escape(title),
            w = n(width),
            h = n(height),
        );
        Svg { out }
    }

    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &str,
        stroke: Option<(&str, f64)>,
    ) {
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}""#,
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0))
        );
        self.stroke(stroke);
        self.out.push_str("/>");
    }

    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str, width: f64, dash: bool) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}" stroke-linecap="round""#,
            n(from.0),
            n(from.1),
            n(to.0),
            n(to.1),
            n(width)
        );
        if dash {
            let _ = write!(
                self.out,
                r#" stroke-dasharray="{} {}""#,
                n(width * 4.0),
                n(width * 2.5)
            );
        }
        self.out.push_str("/>");
    }

    /// A closed polygon (`fill` "none" for an outline) or, when `closed` is false, a polyline.
    pub fn path(
        &mut self,
        points: &[(f64, f64)],
        closed: bool,
        fill: &str,
        stroke: Option<(&str, f64)>,
    ) {
        let element = if closed { "polygon" } else { "polyline" };
        let coords: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
            .collect();
        let _ = write!(
            self.out,
            r#"<{element} points="{}" fill="{fill}" stroke-linejoin="round""#,
            coords.join(" ")
        );
        self.stroke(stroke);
        self.out.push_str("/>");
    }

    /// Fill at an opacity, for shaded areas.
    pub fn shaded(&mut self, points: &[(f64, f64)], fill: &str, opacity: f64) {
        let coords: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
            .collect();
        let _ = write!(
            self.out,
            r#"<polygon points="{}" fill="{fill}" fill-opacity="{:.2}"/>"#,
            coords.join(" "),
            opacity
        );
    }

    pub fn circle(&mut self, centre: (f64, f64), radius: f64, fill: &str) {
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"/>"#,
            n(centre.0),
            n(centre.1),
            n(radius)
        );
    }

    /// One line of text with its baseline at `y`.
    pub fn text(&mut self, x: f64, y: f64, text: &str, style: TextStyle<'_>) {
        let weight = if style.bold {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="{}"{weight}>{}</text>"#,
            n(x),
            n(y),
            n(style.size),
            style.fill,
            style.anchor.name(),
            escape(text)
        );
    }

    /// Lines of text, the first baseline at `y`, 1.2 em apart.
    pub fn lines(&mut self, x: f64, y: f64, lines: &[String], style: TextStyle<'_>) {
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as f64 * style.size * 1.2, line, style);
        }
    }

    fn stroke(&mut self, stroke: Option<(&str, f64)>) {
        if let Some((colour, width)) = stroke {
            let _ = write!(
                self.out,
                r#" stroke="{colour}" stroke-width="{}""#,
                n(width)
            );
        }
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape(r#"<script>alert("1") & 'x'</script>"#),
            "&lt;script&gt;alert(&quot;1&quot;) &amp; &#39;x&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{1}b"), "ab");
    }

    #[test]
    fn text_is_measured_with_the_font_and_wrapped_to_fit() {
        let one = text_width("Governance", 12.0, false);
        assert!(one > 50.0 && one < 90.0, "{one}");
        assert!(text_width("Governance", 12.0, true) > one);
        let lines = wrap("Business relationship manager", 12.0, 100.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 12.0, false) <= 100.0));
        let cut = wrap("Supercalifragilisticexpialidocious words", 12.0, 60.0, 1);
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'), "{cut:?}");
    }
}
