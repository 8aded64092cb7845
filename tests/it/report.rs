//! The report model and its HTML, CSV and charts: the figures equal the scores (read back from
//! the HTML), what may not be claimed is left out, participants stay anonymous when asked,
//! user text is escaped, nothing is fetched, CSV cells cannot run as formulas, and every chart
//! draws as SVG and PNG at several widths.

use convergence::model::{ActionItem, ActionStatus, Answer, Assessment, Frequency, Level, Side};
use convergence::report::{self, Chart, Report};
use convergence::scoring::{self, Scores};

use crate::support::{add_participant, lv, sample_assessment, set_answer, touchpoint};

/// The sample assessment (two IT, one business) with a second business participant, so every
/// statistic may be shown; comments, a "don't know", an action and a missing touchpoint.
pub fn workshop() -> Assessment {
    let mut a = sample_assessment();
    add_participant(
        &mut a,
        Side::Business,
        &[
            ("c1", lv(2), lv(4)),
            ("c2", lv(3), lv(4)),
            ("v1", lv(2), lv(4)),
            ("v2", lv(4), lv(5)),
            ("k1", lv(2), lv(3)),
            ("k2", Answer::DontKnow, lv(3)),
        ],
    );
    a.participants[0].name = "Ada Lovelace".into();
    a.participants[0].role = "Head of infrastructure".into();
    a.participants[2]
        .responses
        .get_mut("c1")
        .expect("answered")
        .comment = "IT hears us late.\nEvery time.".into();
    a.notes = "Held in the blue room.".into();
    a.actions = vec![ActionItem {
        text: "Monthly café with each business unit".into(),
        owner: "CIO".into(),
        due: "2025-06-30".into(),
        status: ActionStatus::InProgress,
        dimensions: vec!["comm".into()],
        questions: vec!["c1".into()],
    }];
    a.touchpoints.push(touchpoint(
        "bu-head",
        "partner",
        Level::Tactical,
        "joint-team",
        (Frequency::None, None),
        (Frequency::Weekly, Some(4)),
    ));
    a
}

pub fn built(assessment: &Assessment) -> (Scores, Report) {
    let scores = scoring::score(assessment);
    let report = Report::build(assessment, &scores);
    (scores, report)
}

fn two(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
}

/// The cells of each body row of every table with `class` in `html`, in order.
pub fn table_rows(html: &str, class: &str) -> Vec<Vec<String>> {
    let opening = format!("<table class=\"{class}\">");
    let tables: Vec<&str> = html
        .match_indices(&opening)
        .map(|(start, _)| &html[start..start + html[start..].find("</table>").expect("table ends")])
        .collect();
    assert!(!tables.is_empty(), "no table {class}");
    tables
        .into_iter()
        .flat_map(|table| {
            let body = &table[table.find("<tbody>").expect("a body")..];
            body.split("<tr").skip(1).map(|row| {
                row.split("<td")
                    .skip(1)
                    .map(|cell| {
                        let text = &cell[cell.find('>').expect("cell opens") + 1..];
                        text[..text.find("</td>").expect("cell closes")].to_string()
                    })
                    .collect()
            })
        })
        .collect()
}

#[test]
fn the_figures_in_the_html_are_the_scores() {
    let a = workshop();
    let (scores, report) = built(&a);
    let html = report::html(&report);
    let rows = table_rows(&html, "dimension-scores");
    assert_eq!(
        rows.len(),
        scores.dimensions.len() + 1,
        "a row each and the overall"
    );
    for (row, d) in rows.iter().zip(&scores.dimensions) {
        assert_eq!(row[0], d.name);
        assert_eq!(row[1..4], [two(d.current), two(d.target), two(d.gap)]);
        assert_eq!(row[4], format!("{} of {}", d.answered, d.questions));
        assert_eq!(row[5], d.spread.count.to_string());
    }
    let o = &scores.overall;
    assert_eq!(
        rows.last().expect("overall")[..4],
        [
            "Overall".to_string(),
            two(o.current),
            two(o.target),
            two(o.gap)
        ]
    );
    let perception = table_rows(&html, "perception");
    for (row, d) in perception.iter().zip(&scores.dimensions) {
        assert_eq!(
            row[1..],
            [two(d.it), two(d.business), two(d.perception_gap)]
        );
    }
    let spread = table_rows(&html, "spread");
    for (row, d) in spread.iter().zip(&scores.dimensions) {
        // One answer has no spread to show.
        let sd = d.spread.sd.filter(|_| d.spread.count >= 2);
        assert_eq!(row[4..], [two(sd), two(d.spread.rwg)], "{}", d.name);
    }
    let questions = table_rows(&html, "question-scores");
    for q in &scores.questions {
        let row = questions
            .iter()
            .find(|r| r[0].starts_with(&format!("{} ", q.id)))
            .unwrap_or_else(|| panic!("no row for {}", q.id));
        assert_eq!(
            row[1..4],
            [two(q.current), two(q.target), two(q.gap)],
            "{}",
            q.id
        );
    }
    assert!(html.contains(&format!(
        "Today: {} — {}",
        two(o.slope),
        o.zone.as_deref().unwrap()
    )));
}

#[test]
fn the_summary_names_the_largest_gaps_and_the_perception_gap_from_the_scores() {
    let a = workshop();
    let (scores, report) = built(&a);
    let summary = report.summary.join("\n");
    assert!(summary.starts_with(&format!(
        "Acme Ltd stands at {} on the convergence slope today, in the {} zone.",
        two(scores.overall.slope),
        scores.overall.zone.as_deref().unwrap()
    )));
    for gap in scores.gaps.iter().take(3) {
        let named = format!(
            "{} (from {:.2} to {:.2}, a gap of {:.2})",
            gap.name, gap.current, gap.target, gap.gap
        );
        assert!(summary.contains(&named), "{named} not in\n{summary}");
    }
    let o = &scores.overall;
    assert!(
        summary.contains(&format!(
            "IT scores {} and the business {}",
            two(o.it),
            two(o.business)
        )),
        "{summary}"
    );
    assert!(summary.contains("This rests on 3 of 3 dimensions and 5 of 6 questions answered, by 2 IT participants and 2 business participants."), "{summary}");
}

#[test]
fn one_person_leaves_out_spread_and_agreement_and_says_what_a_workshop_would_add() {
    let mut a = crate::support::assessment();
    add_participant(
        &mut a,
        Side::It,
        &[("c1", lv(2), lv(4)), ("c2", lv(3), lv(4))],
    );
    let (_, report) = built(&a);
    assert!(report.agreement.is_none() && report.perception.is_none());
    assert!(
        report
            .dimensions
            .iter()
            .all(|d| d.sd.is_absent() && d.spread.is_none())
    );
    let would_add = report
        .workshop_would_add
        .as_deref()
        .expect("a self-assessment");
    assert!(
        would_add.contains("A workshop with the business would add the business's own answers"),
        "{would_add}"
    );
    let html = report::html(&report);
    assert!(
        !html.contains("<table class=\"spread\">")
            && !html.contains("<table class=\"perception\">")
    );
    assert!(html.contains("A workshop with the business would add"));
    assert!(report.summary.last().is_some_and(|s| s == would_add));
    // The charts that need a room say so instead of drawing one person's answers.
    let spread = report::chart_svg(&report, Chart::Spread, 600);
    assert!(spread.contains("needs at least 2 respondents"), "{spread}");
}

#[test]
fn one_respondent_on_a_side_leaves_out_the_perception_gap_only() {
    let a = sample_assessment(); // two IT, one business
    let (scores, report) = built(&a);
    assert!(
        scores.overall.perception_gap.is_none(),
        "the core leaves it out too"
    );
    assert!(scores.overall.it.is_some(), "IT's own score stands");
    assert!(report.perception.is_none() && report.overall.perception_gap.is_absent());
    assert!(
        report
            .dimensions
            .iter()
            .all(|d| d.it.is_absent() && d.business.is_absent())
    );
    assert!(
        report.agreement.is_some(),
        "three respondents have a spread"
    );
    let html = report::html(&report);
    assert!(html.contains("the perception gap needs at least 2 respondents on each side, and this assessment has 2 IT respondents and 1 business respondent."), "{html}");
    let csv = report::scores_csv(&report);
    let first = csv.lines().nth(1).expect("a dimension row");
    assert_eq!(
        first.split(',').nth(9),
        Some(""),
        "no perception gap in {first}"
    );
}

#[test]
fn an_anonymous_assessment_shows_codes_everywhere() {
    let mut a = workshop();
    a.anonymous = true;
    let (_, report) = built(&a);
    let html = report::html(&report);
    assert!(
        !html.contains("Ada Lovelace") && !html.contains("Participant p"),
        "names leak"
    );
    assert!(
        !html.contains("Head of infrastructure"),
        "roles can name a person"
    );
    let participants = table_rows(&html, "participants");
    let codes: Vec<&str> = participants.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(codes, ["P1", "P2", "P3", "P4"]);
    assert_eq!(table_rows(&html, "comments")[0][1], "P3");
    assert!(table_rows(&html, "evidence").iter().any(|r| r[2] == "P3"));
}

#[test]
fn user_text_is_escaped_in_the_html_and_the_svg() {
    let mut a = workshop();
    a.participants[0].name = "<script>alert(1)</script>".into();
    a.organisation = "Acme \"#1\" & <b>Sons</b>".into();
    a.questionnaire.dimensions[0].name = "<img src=x onerror=alert(2)>".into();
    let (_, report) = built(&a);
    let html = report::html(&report);
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>Sons"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Acme &quot;#1&quot; &amp; &lt;b&gt;Sons&lt;/b&gt;"));
    for chart in Chart::ALL {
        let svg = report::chart_svg(&report, chart, 800);
        assert!(!svg.contains("<img"), "{}", chart.name());
        resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
            .unwrap_or_else(|e| panic!("{} is not valid SVG: {e}", chart.name()));
    }
    assert!(report::chart_svg(&report, Chart::Radar, 800).contains("&lt;img src=x"));
}

#[test]
fn the_html_fetches_nothing() {
    let (_, report) = built(&workshop());
    let html = report::html(&report);
    assert!(
        html.contains("src: url(data:font/ttf;base64,"),
        "the font is embedded"
    );
    for opener in ["src=", "href=", "url("] {
        for (at, _) in html.match_indices(opener) {
            let value = html[at + opener.len()..].trim_start_matches(['"', '\'']);
            assert!(
                !value.starts_with("http") && !value.starts_with("//"),
                "{opener} fetches: {}",
                &html[at..at + 60]
            );
        }
    }
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"));
    assert_eq!(html.matches("<svg").count(), 6, "every chart inline");
}

#[test]
fn the_html_prints_a_section_a_page_and_never_cuts_a_chart() {
    let (_, report) = built(&workshop());
    let html = report::html(&report);
    let print = &html[html.find("@media print").expect("print styles")..];
    assert!(print.contains("section { margin: 0; break-before: page; }"));
    assert!(print.contains("figure, tr, li { break-inside: avoid; }"));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    let ids: Vec<&str> = html
        .match_indices("<section id=\"")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(
        ids,
        [
            "cover",
            "summary",
            "slope",
            "radar",
            "dimensions",
            "perception",
            "agreement",
            "touchpoints",
            "gaps",
            "actions",
            "evidence",
            "comments",
            "method",
            "questions"
        ]
    );
}

#[test]
fn the_report_holds_the_plan_the_evidence_the_comments_and_the_method() {
    let (_, report) = built(&workshop());
    let html = report::html(&report);
    assert_eq!(
        table_rows(&html, "actions"),
        [[
            "Monthly café with each business unit",
            "CIO",
            "2025-06-30",
            "in progress",
            "Communication, c1"
        ]]
    );
    assert!(
        html.contains("IT hears us late.<br>Every time."),
        "line breaks kept"
    );
    let evidence = table_rows(&html, "evidence");
    assert_eq!(evidence.len(), 2, "k1 (p3) and k2 (p4): {evidence:?}");
    let missing = table_rows(&html, "missing");
    assert_eq!(
        missing,
        [[
            "Business unit head",
            "Business relationship manager",
            "Tactical",
            "Joint project team",
            "weekly, effectiveness 4 of 5"
        ]]
    );
    assert!(html.contains("This report uses the mean rule"));
    assert!(
        html.contains("c1 at level 3"),
        "each question's level descriptions"
    );
    assert!(html.contains("1 − e^(−S/2)"), "the engagement formula");
}

#[test]
fn the_csv_has_every_score_and_no_formula_runs() {
    let mut a = workshop();
    a.questionnaire.dimensions[0].name = "=HYPERLINK(\"http://x\",\"y\")".into();
    a.questionnaire.questions[0].text = "+1 or -1?".into();
    a.questionnaire.questions[1].text = "@SUM(A1)".into();
    a.questionnaire.questions[2].text = "-2+3".into();
    // The business rates v1 above IT: a negative perception gap.
    set_answer(&mut a, "p4", "v1", lv(5), lv(5));
    let (scores, report) = built(&a);
    let csv = report::scores_csv(&report);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, report::SCORES_CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), scores.dimensions.len() + scores.questions.len());
    assert_eq!(&rows[0][3], "'=HYPERLINK(\"http://x\",\"y\")");
    let text: Vec<&str> = rows[3..6].iter().map(|r| &r[3]).collect();
    assert_eq!(text, ["'+1 or -1?", "'@SUM(A1)", "'-2+3"]);
    for (row, d) in rows.iter().zip(&scores.dimensions) {
        let sd = d.spread.sd.filter(|_| d.spread.count >= 2);
        let expected = [
            two(d.current),
            two(d.target),
            two(d.gap),
            two(d.it),
            two(d.business),
            two(d.perception_gap),
            two(sd),
        ];
        let cells: Vec<&str> = (4..11).map(|i| &row[i]).collect();
        let expected: Vec<String> = expected.iter().map(|e| e.replace('—', "")).collect();
        assert_eq!(cells, expected, "{}", d.id);
        assert_eq!(&row[11], d.spread.count.to_string());
    }
    let negative = rows.iter().any(|r| r[9].starts_with('-'));
    assert!(negative, "a negative perception gap stays a number");
}

#[test]
fn every_chart_draws_as_svg_and_png_at_several_widths() {
    let (_, report) = built(&workshop());
    for chart in Chart::ALL {
        assert_eq!(Chart::from_name(chart.name()), Some(chart));
        for width in [200, 480, 860, 1600] {
            let svg = report::chart_svg(&report, chart, width);
            let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
                .unwrap_or_else(|e| panic!("{} at {width}: {e}", chart.name()));
            assert_eq!(tree.size().width(), width as f32, "{}", chart.name());
            let png = report::chart_png(&report, chart, width).expect("a PNG");
            assert_eq!(&png[1..4], b"PNG");
            let png_width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
            assert_eq!(png_width, width, "{}", chart.name());
        }
    }
}

#[test]
fn charts_show_the_scores_they_are_drawn_from() {
    let (scores, report) = built(&workshop());
    let slope = report::chart_svg(&report, Chart::Slope, 800);
    assert!(slope.contains(&format!("today {}", two(scores.overall.slope))));
    assert!(slope.contains(&format!("target {}", two(scores.overall.slope_target))));
    let heatmap = report::chart_svg(&report, Chart::Heatmap, 800);
    let strongest = scores
        .touchpoints
        .cell("ceo", "cio")
        .expect("a cell")
        .today
        .strength;
    assert!(heatmap.contains(&format!(">{strongest:.1}<")), "{heatmap}");
    let level_map = report::chart_svg(&report, Chart::LevelMap, 800);
    assert!(level_map.contains("Tactical — 0 today · 1 at target · 1 missing"));
    assert!(
        level_map.contains("stroke-dasharray"),
        "the missing touchpoint is dashed"
    );
    let empty = Report::build(
        &crate::support::assessment(),
        &scoring::score(&crate::support::assessment()),
    );
    assert!(
        report::chart_svg(&empty, Chart::Heatmap, 800).contains("No touchpoint map was drawn.")
    );
}

#[test]
fn the_report_lists_the_questions_the_room_disagrees_on_most_widest_first() {
    let mut a = crate::support::assessment();
    // c1: 1, 5, 3 (sd 2); c2: 3, 3, 4; v1: 2, 4, 2; k1 one answer only.
    for (c1, c2, v1) in [(1, 3, 2), (5, 3, 4), (3, 4, 2)] {
        add_participant(
            &mut a,
            Side::It,
            &[
                ("c1", lv(c1), lv(5)),
                ("c2", lv(c2), lv(5)),
                ("v1", lv(v1), lv(5)),
            ],
        );
    }
    set_answer(&mut a, "p1", "k1", lv(2), lv(3));
    let scores = scoring::score(&a);
    let ids: Vec<&str> = scoring::most_disputed(&scores, scoring::MOST_DISPUTED)
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["c1", "v1", "c2"], "k1 has no spread with one answer");
    let report = Report::build(&a, &scores);
    let disputed = &report
        .agreement
        .as_ref()
        .expect("three respondents")
        .disputed;
    assert_eq!(
        disputed.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ids
    );
    assert!(disputed[0].wide && !disputed[2].wide);
    assert!(report.summary.iter().any(|s| s.contains(
        "The room disagreed most on “How does c1 look today?” (standard deviation 2.00)"
    )));
}
