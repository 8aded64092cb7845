//! The report as a document: sections of headings, paragraphs, tables and charts, in the order
//! the report reads. HTML, PDF and DOCX each render this one outline, so they say the same
//! things in the same order; each escapes the text for its own format.

use serde::Serialize;

use super::charts::Chart;
use super::model::Report;
use super::sections;

/// One section of the report: a page (or more) of its own when printed.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// A stable name: `cover`, `summary`, `slope` …, for styles and tests.
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Larger text: the headline of a section.
    Lead {
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// A remark in muted type: why something is absent, how to read a chart.
    Note {
        text: String,
    },
    Subheading {
        text: String,
    },
    /// A small heading within a subsection (a question in the appendix).
    Minor {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    /// Label and value pairs: the cover's facts, a question's levels.
    Pairs {
        pairs: Vec<Pair>,
    },
    Table(Table),
    Chart {
        chart: Chart,
        caption: String,
    },
}

/// A label and its value.
#[derive(Clone, Debug, Serialize)]
pub struct Pair {
    pub label: String,
    pub value: String,
}

/// A table with a header row.
#[derive(Clone, Debug, Serialize)]
pub struct Table {
    /// What the table holds (`dimension-scores`), for styles and tests.
    pub class: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// A column: its title, and whether it holds numbers (right-aligned).
#[derive(Clone, Debug, Serialize)]
pub struct Column {
    pub title: String,
    pub numeric: bool,
}

/// A row of cells, one per column; `strong` for totals.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub cells: Vec<String>,
    pub strong: bool,
}

impl Table {
    /// A table whose columns are given as `(title, numeric)`.
    pub fn new(class: &'static str, columns: &[(&str, bool)]) -> Table {
        Table {
            class,
            columns: columns
                .iter()
                .map(|(title, numeric)| Column {
                    title: (*title).to_string(),
                    numeric: *numeric,
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: impl IntoIterator<Item = impl Into<String>>) {
        self.push(cells, false);
    }

    pub fn strong_row(&mut self, cells: impl IntoIterator<Item = impl Into<String>>) {
        self.push(cells, true);
    }

    /// Adds a row of exactly one cell per column: missing cells are empty, extra ones dropped.
    fn push(&mut self, cells: impl IntoIterator<Item = impl Into<String>>, strong: bool) {
        let mut cells: Vec<String> = cells.into_iter().map(Into::into).collect();
        cells.resize(self.columns.len(), String::new());
        self.rows.push(Row { cells, strong });
    }
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph { text: text.into() }
    }

    pub fn note(text: impl Into<String>) -> Block {
        Block::Note { text: text.into() }
    }

    pub fn subheading(text: impl Into<String>) -> Block {
        Block::Subheading { text: text.into() }
    }

    pub fn bullets(items: impl IntoIterator<Item = impl Into<String>>) -> Block {
        Block::Bullets {
            items: items.into_iter().map(Into::into).collect(),
        }
    }

    pub fn chart(chart: Chart, caption: impl Into<String>) -> Block {
        Block::Chart {
            chart,
            caption: caption.into(),
        }
    }
}

impl Pair {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Pair {
        Pair {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// The report's sections, in reading order.
pub fn outline(report: &Report) -> Vec<Section> {
    sections::all(report)
}

/// The charts the outline shows, in order: what a writer has to draw.
pub fn charts_in(sections: &[Section]) -> Vec<Chart> {
    sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Chart { chart, .. } => Some(*chart),
            _ => None,
        })
        .collect()
}
