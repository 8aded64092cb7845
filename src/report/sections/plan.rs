//! The sections about what happens next: the touchpoint map, the gaps with their improvement
//! actions, the action plan, the evidence to gather, and the comments and notes.

use super::super::charts::Chart;
use super::super::model::Report;
use super::super::outline::{Block, Section, Table};
use super::section;

pub fn touchpoints(report: &Report) -> Section {
    let title = "Touchpoint map";
    let Some(t) = &report.touchpoints else {
        return section(
            "touchpoints",
            title,
            vec![Block::note(
                "No touchpoint map was drawn: the position on the slope is the practice score \
                 alone. Map where IT and business people meet today, then find where they \
                 should meet and do not.",
            )],
        );
    };
    let mut levels = Table::new(
        "levels",
        &[
            ("Level", false),
            ("Active today", true),
            ("Active at target", true),
            ("Missing", true),
        ],
    );
    for l in &t.levels {
        levels.row([
            l.level.clone(),
            l.today.to_string(),
            l.target.to_string(),
            l.missing.to_string(),
        ]);
    }
    let mut blocks = vec![
        Block::Lead {
            text: format!(
                "Engagement index {} today, {} at target",
                t.engagement, t.engagement_target
            ),
        },
        Block::chart(
            Chart::Heatmap,
            "How strongly each business role meets each IT role: the left half of a cell today, \
             the right half at target; darker is stronger. A red frame marks a pair that should \
             meet and does not meet today.",
        ),
        Block::chart(
            Chart::LevelMap,
            "Today's touchpoints by level: a line's width is how often, its colour how well; \
             dashed red lines are missing touchpoints.",
        ),
        Block::Table(levels),
        Block::subheading("Missing touchpoints"),
    ];
    if t.missing.is_empty() {
        blocks.push(Block::note(
            "None: every touchpoint that should exist exists today.",
        ));
    } else {
        let mut missing = Table::new(
            "missing",
            &[
                ("Business role", false),
                ("IT role", false),
                ("Level", false),
                ("Channel", false),
                ("Should be", false),
            ],
        );
        for m in &t.missing {
            missing.row([
                m.business_role.clone(),
                m.it_role.clone(),
                m.level.clone(),
                m.channel.clone(),
                m.target.clone(),
            ]);
        }
        blocks.push(Block::Table(missing));
    }
    blocks.push(Block::subheading("The service desk's share"));
    blocks.push(Block::paragraph(&t.service_desk));
    blocks.push(Block::subheading("Fragile roles"));
    blocks.push(if t.fragile.is_empty() {
        Block::note("No role hangs on a single touchpoint or a single channel.")
    } else {
        Block::bullets(t.fragile.iter().cloned())
    });
    if !t.unconnected.is_empty() {
        blocks.push(Block::subheading("Roles with no touchpoint today"));
        blocks.push(Block::bullets(t.unconnected.iter().cloned()));
    }
    section("touchpoints", title, blocks)
}

pub fn gaps(report: &Report) -> Section {
    let title = "Gaps to close, largest first";
    if report.gaps.is_empty() {
        return section(
            "gaps",
            title,
            vec![Block::note(
                "No gaps: no dimension has a target above today's score.",
            )],
        );
    }
    let mut blocks = vec![Block::note(
        "Ranked by gap × dimension weight, each with the questionnaire's improvement actions \
         for every level to climb.",
    )];
    for g in &report.gaps {
        blocks.push(Block::subheading(format!(
            "{}. {} — from {} to {} (gap {})",
            g.rank, g.name, g.current, g.target, g.gap
        )));
        for step in &g.steps {
            blocks.push(Block::Minor {
                text: step.title.clone(),
            });
            blocks.push(Block::bullets(step.actions.iter().cloned()));
        }
        if g.questions.is_empty() {
            continue;
        }
        blocks.push(Block::Minor {
            text: "Its questions with the largest gaps".to_string(),
        });
        blocks.push(Block::bullets(
            g.questions
                .iter()
                .map(|q| format!("{} {} (gap {})", q.id, q.text, q.gap)),
        ));
        for q in &g.questions {
            if let Some(step) = &q.step {
                blocks.push(Block::Minor {
                    text: format!("{} — {}", q.id, step.title),
                });
                blocks.push(Block::bullets(step.actions.iter().cloned()));
            }
        }
    }
    section("gaps", title, blocks)
}

pub fn actions(report: &Report) -> Section {
    let title = "Action plan";
    if report.actions.is_empty() {
        return section(
            "actions",
            title,
            vec![Block::note("No actions have been agreed yet.")],
        );
    }
    let mut table = Table::new(
        "actions",
        &[
            ("Action", false),
            ("Owner", false),
            ("Due", false),
            ("Status", false),
            ("Addresses", false),
        ],
    );
    for a in &report.actions {
        table.row([
            a.text.clone(),
            a.owner.clone(),
            a.due.clone(),
            a.status.clone(),
            a.addresses.clone(),
        ]);
    }
    section("actions", title, vec![Block::Table(table)])
}

pub fn evidence(report: &Report) -> Section {
    let title = "Evidence to gather";
    if report.evidence.is_empty() {
        return section(
            "evidence",
            title,
            vec![Block::note("Nobody answered \"don't know\".")],
        );
    }
    let mut table = Table::new(
        "evidence",
        &[
            ("Question", false),
            ("Dimension", false),
            ("Answered \"don't know\"", false),
        ],
    );
    for e in &report.evidence {
        table.row([
            format!("{} {}", e.id, e.text),
            e.dimension.clone(),
            e.who.join(", "),
        ]);
    }
    section(
        "evidence",
        title,
        vec![
            Block::paragraph(
                "Where participants answered \"don't know\", the room lacked the facts: gather \
                 them before the next assessment.",
            ),
            Block::Table(table),
        ],
    )
}

pub fn comments(report: &Report) -> Section {
    let mut blocks = vec![Block::subheading("Notes")];
    let notes: Vec<&str> = report
        .notes
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if notes.is_empty() {
        blocks.push(Block::note("No notes."));
    } else {
        blocks.extend(notes.into_iter().map(Block::paragraph));
    }
    blocks.push(Block::subheading("Comments on the questions"));
    if report.comments.is_empty() {
        blocks.push(Block::note("No comments."));
    } else {
        let mut table = Table::new(
            "comments",
            &[
                ("Question", false),
                ("Participant", false),
                ("Comment", false),
            ],
        );
        for c in &report.comments {
            table.row([
                format!("{} {}", c.id, c.text),
                c.participant.clone(),
                c.comment.clone(),
            ]);
        }
        blocks.push(Block::Table(table));
    }
    section("comments", "Comments and notes", blocks)
}
