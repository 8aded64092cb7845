//! The appendix: how the scores were made, and every question with its level descriptions.

use super::super::model::Report;
use super::super::outline::{Block, Pair, Section};
use super::section;

pub fn method(report: &Report) -> Section {
    let m = &report.method;
    section(
        "method",
        "Appendix: the method",
        vec![
            Block::subheading("The scoring contract"),
            Block::bullets(m.contract.iter().cloned()),
            Block::subheading("The aggregation rule"),
            Block::paragraph(&m.aggregation),
            Block::subheading("The touchpoint engagement index"),
            Block::bullets(m.engagement.iter().cloned()),
            Block::subheading("The slope"),
            Block::paragraph(&m.slope),
            Block::subheading("What the numbers may claim"),
            Block::bullets(m.claims.iter().cloned()),
        ],
    )
}

pub fn questions(report: &Report) -> Section {
    let mut blocks = Vec::new();
    for d in &report.appendix {
        blocks.push(Block::subheading(&d.name));
        if !d.description.trim().is_empty() {
            blocks.push(Block::note(&d.description));
        }
        for q in &d.questions {
            blocks.push(Block::Minor {
                text: format!("{} {}", q.id, q.text),
            });
            let mut about = q.audience.clone();
            if !q.guidance.trim().is_empty() {
                about = format!("{about}. {}", q.guidance);
            }
            blocks.push(Block::note(about));
            blocks.push(Block::Pairs {
                pairs: q
                    .levels
                    .iter()
                    .map(|(label, description)| Pair::new(label, description))
                    .collect(),
            });
        }
    }
    section("questions", "Appendix: the questions", blocks)
}
