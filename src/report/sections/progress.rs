//! The sections about progress, present only when the report was given them: the organisation
//! among a portfolio's (the benchmark), and its trend since earlier assessments.

use super::super::model::Report;
use super::super::outline::{Block, Section, Table};
use super::section;

pub fn benchmark(report: &Report) -> Option<Section> {
    let b = report.benchmark.as_ref()?;
    let mut blocks = vec![Block::Lead {
        text: b.position.clone(),
    }];
    if !b.dimensions.is_empty() {
        let mut table = Table::new(
            "benchmark",
            &[
                ("Dimension", false),
                ("Score today", true),
                ("Others with a score", true),
                ("Above", true),
            ],
        );
        for d in &b.dimensions {
            table.row([
                d.name.clone(),
                d.score.text.clone(),
                d.others.to_string(),
                d.above.text.clone(),
            ]);
        }
        blocks.push(Block::Table(table));
        blocks.push(Block::note(
            "Above: the share of the other organisations scoring lower on the dimension, ties \
             counted half. Each organisation counts once, by its latest assessment.",
        ));
    }
    blocks.push(Block::note(b.literature.clone()));
    Some(section(
        "benchmark",
        "Among the organisations assessed",
        blocks,
    ))
}

pub fn trend(report: &Report) -> Option<Section> {
    let t = report.trend.as_ref()?;
    let mut blocks: Vec<Block> = t.notes.iter().map(|n| Block::note(n.clone())).collect();
    let mut columns = vec![("", false)];
    columns.extend(t.assessments.iter().map(|a| (a.date.as_str(), true)));
    let mut scores = Table::new("trend", &columns);
    let row = |label: &str, figures: Vec<String>| std::iter::once(label.to_string()).chain(figures);
    let figures = |f: fn(&super::super::progress::TrendRow) -> String| {
        t.assessments.iter().map(f).collect::<Vec<_>>()
    };
    scores.strong_row(row("Slope position", figures(|a| a.slope.text.clone())));
    scores.strong_row(row("Practice", figures(|a| a.current.text.clone())));
    for (name, figures) in &t.dimensions {
        scores.row(row(name, figures.iter().map(|f| f.text.clone()).collect()));
    }
    blocks.push(Block::Table(scores));
    blocks.push(Block::note(format!(
        "The assessments, oldest first: {}.",
        t.assessments
            .iter()
            .map(|a| format!("{} ({})", a.date, a.file))
            .collect::<Vec<_>>()
            .join(", ")
    )));
    let lists = [
        ("Improved most", &t.improved, "No dimension improved."),
        ("Declined most", &t.declined, "No dimension declined."),
        (
            "The touchpoint map then and now",
            &t.touchpoints,
            "No touchpoint started, stopped or changed in strength.",
        ),
        (
            "Actions completed in between",
            &t.completed_actions,
            "None of the plans' actions was completed between these assessments.",
        ),
    ];
    for (title, items, none) in lists {
        blocks.push(Block::subheading(title));
        blocks.push(if items.is_empty() {
            Block::note(none)
        } else {
            Block::bullets(items.iter().cloned())
        });
    }
    Some(section(
        "trend",
        "Progress since earlier assessments",
        blocks,
    ))
}
