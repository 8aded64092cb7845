//! The sections about the scores: the slope, the dimensions and their questions, IT against the
//! business, spread and agreement.

use super::super::charts::Chart;
use super::super::format::{Figure, count};
use super::super::model::Report;
use super::super::outline::{Block, Section, Table};
use super::section;
use crate::scoring::MIN_RESPONDENTS;

pub fn slope(report: &Report) -> Section {
    let s = &report.slope;
    let mut blocks = Vec::new();
    let position = |label: &str, figure: &Figure, zone: &Option<String>| {
        zone.as_deref()
            .filter(|_| !figure.is_absent())
            .map(|zone| format!("{label}: {figure} — {zone}"))
    };
    let lead: Vec<String> = [
        position("Today", &s.today, &s.today_zone),
        position("Target", &s.target, &s.target_zone),
    ]
    .into_iter()
    .flatten()
    .collect();
    if lead.is_empty() {
        blocks.push(Block::paragraph(
            "No answers on the scale yet, so there is no position on the slope.",
        ));
    } else {
        blocks.push(Block::Lead {
            text: lead.join(" · "),
        });
    }
    if s.provisional {
        blocks.push(Block::note(
            "Provisional: fewer than half the dimensions have answers.",
        ));
    }
    if let Some((position, zone)) = &s.with_map {
        blocks.push(Block::note(format!(
            "The touchpoint map is still being drawn and does not count yet; as drawn, it would \
             put the position at {position}{}, provisional.",
            zone.as_deref()
                .map_or_else(String::new, |z| format!(" ({z})"))
        )));
    }
    blocks.push(Block::chart(
        Chart::Slope,
        "The continuous slope from 1.0 to 5.0 with its named zones; today's position and the \
         target marked on it.",
    ));
    let mut zones = Table::new(
        "zones",
        &[
            ("Zone", false),
            ("From", true),
            ("To", true),
            ("What it looks like", false),
        ],
    );
    for z in &s.zones {
        zones.row([
            z.name.clone(),
            format!("{:.1}", z.from),
            format!("{:.1}", z.to),
            z.description.clone(),
        ]);
    }
    blocks.push(Block::Table(zones));
    blocks.push(Block::note(report.method.slope.clone()));
    section("slope", "Where the organisation stands", blocks)
}

pub fn dimensions(report: &Report) -> Section {
    let mut table = Table::new(
        "dimension-scores",
        &[
            ("Dimension", false),
            ("Today", true),
            ("Target", true),
            ("Gap", true),
            ("Answered", true),
            ("Answers", true),
            ("90% range", true),
        ],
    );
    for d in &report.dimensions {
        table.row([
            d.name.clone(),
            d.current.text.clone(),
            d.target.text.clone(),
            d.gap.text.clone(),
            format!("{} of {}", d.answered, d.questions),
            d.answers.to_string(),
            d.range.clone(),
        ]);
    }
    let o = &report.overall;
    table.strong_row([
        "Overall".to_string(),
        o.current.text.clone(),
        o.target.text.clone(),
        o.gap.text.clone(),
        format!("{} of {}", o.questions_answered, o.questions),
        report
            .dimensions
            .iter()
            .map(|d| d.answers)
            .sum::<usize>()
            .to_string(),
        String::new(),
    ]);
    let mut blocks = vec![
        Block::paragraph(format!(
            "{} of {} dimensions have answers. Answered: the questions with at least one answer; \
             answers: all the answers on the scale. A score with no answers behind it shows as a \
             dash, never as 0. With three answers or more, a dimension's score carries the range \
             its true value lies in with 90% confidence.",
            o.dimensions_answered, o.dimensions
        )),
        Block::Table(table),
    ];
    for d in &report.dimensions {
        blocks.push(Block::subheading(&d.name));
        let mut questions = Table::new(
            "question-scores",
            &[
                ("Question", false),
                ("Today", true),
                ("Target", true),
                ("Gap", true),
                ("Answers", true),
                ("Don't know", true),
            ],
        );
        for q in report.questions.iter().filter(|q| q.dimension == d.id) {
            questions.row([
                format!("{} {}", q.id, q.text),
                q.current.text.clone(),
                q.target.text.clone(),
                q.gap.text.clone(),
                q.answers.to_string(),
                q.dont_know.to_string(),
            ]);
        }
        blocks.push(Block::Table(questions));
    }
    section("dimensions", "Scores by dimension", blocks)
}

pub fn perception(report: &Report) -> Section {
    let title = "IT and the business";
    let Some(p) = &report.perception else {
        let r = report.cover.respondents;
        return section(
            "perception",
            title,
            vec![Block::note(format!(
                "Left out: the perception gap needs at least {MIN_RESPONDENTS} respondents on \
                 each side, and this assessment has {} and {}.",
                count(r.it, "IT respondent"),
                count(r.business, "business respondent")
            ))],
        );
    };
    let mut table = Table::new(
        "perception",
        &[
            ("Dimension", false),
            ("IT", true),
            ("Business", true),
            ("Perception gap", true),
        ],
    );
    for d in &report.dimensions {
        table.row([
            d.name.clone(),
            d.it.text.clone(),
            d.business.text.clone(),
            d.perception_gap.text.clone(),
        ]);
    }
    table.strong_row([
        "Overall".to_string(),
        p.it.text.clone(),
        p.business.text.clone(),
        p.gap.text.clone(),
    ]);
    section(
        "perception",
        title,
        vec![
            Block::paragraph(&p.reading),
            Block::chart(
                Chart::Perception,
                "IT's and the business's scores by dimension, on the questions both sides \
                 answered. A positive gap means IT rates itself higher than the business rates it.",
            ),
            Block::Table(table),
        ],
    )
}

pub fn agreement(report: &Report) -> Section {
    let title = "Spread and agreement";
    let Some(agreement) = &report.agreement else {
        let text = report.workshop_would_add.clone().unwrap_or_else(|| {
            format!(
                "Left out: spread and agreement need answers from at least {MIN_RESPONDENTS} \
                 participants."
            )
        });
        return section("agreement", title, vec![Block::note(text)]);
    };
    let mut spread = Table::new(
        "spread",
        &[
            ("Dimension", false),
            ("Answers", true),
            ("Median", true),
            ("IQR", true),
            ("sd", true),
            ("Agreement (r_wg)", true),
        ],
    );
    for d in &report.dimensions {
        spread.row([
            d.name.clone(),
            d.answers.to_string(),
            d.median.text.clone(),
            d.iqr.text.clone(),
            d.sd.text.clone(),
            d.rwg.text.clone(),
        ]);
    }
    let mut blocks = vec![
        Block::chart(
            Chart::Spread,
            "Today's answers by dimension: whiskers from the lowest to the highest answer, the \
             box from the first to the third quartile, the median inside.",
        ),
        Block::Table(spread),
        Block::subheading("The questions the room disagrees on most"),
    ];
    blocks.extend(disputed(agreement));
    blocks.push(Block::subheading("Rounds of voting"));
    blocks.push(rounds(agreement));
    section("agreement", title, blocks)
}

fn disputed(agreement: &super::super::model::Agreement) -> Vec<Block> {
    if agreement.disputed.is_empty() {
        return vec![Block::note(
            "Agreement needs at least two answers to a question.",
        )];
    }
    let mut table = Table::new(
        "disputed",
        &[
            ("Question", false),
            ("Answers", true),
            ("Mean", true),
            ("IQR", true),
            ("sd", true),
            ("r_wg", true),
            ("Wide", false),
        ],
    );
    for d in &agreement.disputed {
        table.row([
            format!("{} {}", d.id, d.text),
            d.answers.to_string(),
            d.mean.text.clone(),
            d.iqr.text.clone(),
            d.sd.text.clone(),
            d.rwg.text.clone(),
            if d.wide { "yes" } else { "" }.to_string(),
        ]);
    }
    vec![
        Block::note(
            "Widest spread first; wide: a standard deviation above 1 over three answers or more. \
             Discuss these before trusting their scores, then vote again.",
        ),
        Block::Table(table),
    ]
}

fn rounds(agreement: &super::super::model::Agreement) -> Block {
    if agreement.rounds.is_empty() {
        return Block::note("No question was voted on again.");
    }
    let mut table = Table::new(
        "rounds",
        &[
            ("Question", false),
            ("Mean, first round", true),
            ("Mean now", true),
            ("sd first → now", true),
            ("r_wg first → now", true),
        ],
    );
    for r in &agreement.rounds {
        table.row([
            format!("{} {}", r.id, r.text),
            r.first_mean.text.clone(),
            r.now_mean.text.clone(),
            format!("{} → {}", r.first_sd, r.now_sd),
            format!("{} → {}", r.first_rwg, r.now_rwg),
        ]);
    }
    Block::Table(table)
}
