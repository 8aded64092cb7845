//! The report model laid out as sections, in the order item 4 of the brief gives: cover,
//! executive summary, slope, radar, scores, IT against the business, spread and agreement,
//! touchpoints, gaps, action plan, evidence to gather, comments and notes, appendix.

mod appendix;
mod plan;
mod progress;
mod scores;

use crate::model::Side;

use super::charts::Chart;
use super::format::{and_list, count};
use super::model::Report;
use super::outline::{Block, Pair, Section, Table};

pub fn all(report: &Report) -> Vec<Section> {
    let mut sections = vec![
        cover(report),
        section("summary", "Executive summary", summary_blocks(report)),
        scores::slope(report),
        section(
            "radar",
            "Today and target by dimension",
            vec![Block::chart(
                Chart::Radar,
                "Today's score and the target by dimension: the centre is level 1, the rim level 5.",
            )],
        ),
        scores::dimensions(report),
    ];
    sections.extend(progress::benchmark(report));
    sections.extend(progress::trend(report));
    sections.extend([
        scores::perception(report),
        scores::agreement(report),
        plan::touchpoints(report),
        plan::gaps(report),
        plan::actions(report),
        plan::evidence(report),
        plan::comments(report),
        appendix::method(report),
        appendix::questions(report),
    ]);
    sections
}

fn section(id: &'static str, title: &str, blocks: Vec<Block>) -> Section {
    Section {
        id,
        title: title.to_string(),
        blocks,
    }
}

fn cover(report: &Report) -> Section {
    let c = &report.cover;
    let organisation = if c.organisation.trim().is_empty() {
        "Organisation not named".to_string()
    } else {
        c.organisation.clone()
    };
    let mut facts = vec![
        Pair::new("Date", &c.date),
        Pair::new("Facilitator", &c.facilitator),
        Pair::new(
            "Questionnaire",
            format!("{}, version {}", c.questionnaire, c.questionnaire_version),
        ),
        Pair::new("Participants", &c.participants_text),
        Pair::new("Answered", &c.answered_text),
        Pair::new("Aggregation rule", &c.aggregation),
    ];
    facts.retain(|p| !p.value.trim().is_empty());
    let mut blocks = vec![
        Block::Lead { text: organisation },
        Block::Pairs { pairs: facts },
    ];
    if !c.participants.is_empty() {
        blocks.push(participants_table(report));
    }
    if c.anonymous {
        blocks.push(Block::note(
            "The assessment is anonymous: participants appear by their code throughout.",
        ));
    }
    Section {
        id: "cover",
        title: c.title.clone(),
        blocks,
    }
}

fn participants_table(report: &Report) -> Block {
    let anonymous = report.cover.anonymous;
    let name = if anonymous { "Code" } else { "Participant" };
    let mut columns = vec![(name, false), ("Side", false)];
    if !anonymous {
        columns.push(("Role", false));
    }
    columns.extend([("Level", false), ("Answered", true)]);
    let mut table = Table::new("participants", &columns);
    for p in &report.cover.participants {
        let side = match p.side {
            Side::It => "IT",
            Side::Business => "Business",
        };
        let mut cells = vec![p.name.clone(), side.to_string()];
        if !anonymous {
            cells.push(p.role.clone());
        }
        cells.extend([p.level.clone(), format!("{} of {}", p.answered, p.asked)]);
        table.row(cells);
    }
    Block::Table(table)
}

fn summary_blocks(report: &Report) -> Vec<Block> {
    let mut blocks: Vec<Block> = report.summary.iter().map(Block::paragraph).collect();
    let mut left = Vec::new();
    if !report.comments.is_empty() {
        left.push(format!("left {}", count(report.comments.len(), "comment")));
    }
    if !report.evidence.is_empty() {
        left.push(format!(
            "answered \"don't know\" to {}",
            count(report.evidence.len(), "question")
        ));
    }
    if !left.is_empty() {
        blocks.push(Block::note(format!(
            "The participants {}: listed after the action plan.",
            and_list(&left)
        )));
    }
    blocks
}
