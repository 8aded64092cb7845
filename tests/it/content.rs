//! The shipped questionnaires as a client reads them: nothing about where the content came
//! from, every question asked of a named audience, levels that say what is present, actions
//! that are actions (an owner, a time frame, an observable result; never a restated level, never
//! a skipped one), figures cited once with their source, honest minutes, a core set, and the
//! self-check worded as the workshop. Each check is a function returning the problems it finds,
//! run on the shipped files (no problems) and on a copy broken on purpose (the problem found).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use convergence::files;
use convergence::model::{Audience, Question, Questionnaire, Side};
use convergence::validate::validate;
use serde::Deserialize;

const WORKSHOP: &str = "convergence-workshop";
const SELF_CHECK: &str = "cio-self-check";

/// Each shipped questionnaire with its source text.
fn shipped() -> Vec<(Questionnaire, &'static str)> {
    files::builtin_sources()
        .map(|(path, text)| {
            let q =
                files::parse_questionnaire(text, Path::new(path)).unwrap_or_else(|e| panic!("{e}"));
            (q, text)
        })
        .collect()
}

fn shipped_one(id: &str) -> Questionnaire {
    shipped()
        .into_iter()
        .map(|(q, _)| q)
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no shipped questionnaire {id}"))
}

// ---------------------------------------------------------------------------------------------
// Words.

/// Lower-case words, apostrophes dropped ("IT's" → "its").
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The share of `action`'s distinct words that also occur in `level`.
fn shared_share(action: &str, level: &str) -> f64 {
    let action: HashSet<String> = words(action).into_iter().collect();
    let level: HashSet<String> = words(level).into_iter().collect();
    action.intersection(&level).count() as f64 / action.len().max(1) as f64
}

/// Words too common to tell one level from another.
const STOP_WORDS: &str = "a an the and or of to in on at by for with from into as is are be been \
    was were it its this that these those each every who whom what which when where how than then \
    so such not no nor any some all most more less one two three four five within done months \
    month weeks week year years days day they them their theirs";

/// Words of four letters or more that say something.
fn content_words(text: &str) -> BTreeSet<String> {
    let stop: HashSet<&str> = STOP_WORDS.split_whitespace().collect();
    words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !stop.contains(w.as_str()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// Every text a client sees, with where it is.
fn client_texts(q: &Questionnaire) -> Vec<(String, &str)> {
    let mut texts = vec![
        ("title".to_owned(), q.title.as_str()),
        ("description".to_owned(), q.description.as_str()),
    ];
    for level in &q.scale.levels {
        texts.push((
            format!("scale level {}", level.value),
            level.description.as_str(),
        ));
    }
    for d in &q.dimensions {
        texts.push((format!("{} description", d.id), d.description.as_str()));
        for step in &d.improvements {
            for action in &step.actions {
                texts.push((
                    format!("{} action from {}", d.id, step.from),
                    action.as_str(),
                ));
            }
        }
    }
    for question in &q.questions {
        let id = &question.id;
        texts.push((format!("{id} text"), question.text.as_str()));
        texts.push((format!("{id} guidance"), question.guidance.as_str()));
        if let Some(mirror) = &question.mirror {
            texts.push((format!("{id} IT wording"), mirror.it.as_str()));
            texts.push((format!("{id} business wording"), mirror.business.as_str()));
        }
        for (i, level) in question.levels.iter().enumerate() {
            texts.push((format!("{id} level {}", i + 1), level.as_str()));
        }
        for step in &question.improvements {
            for action in &step.actions {
                texts.push((format!("{id} action from {}", step.from), action.as_str()));
            }
        }
    }
    for zone in &q.slope.zones {
        texts.push((format!("zone {}", zone.name), zone.description.as_str()));
    }
    texts
}

/// Where the content came from is nobody's business in front of a client.
fn source_talk(q: &Questionnaire) -> Vec<String> {
    let mut found = Vec::new();
    for (place, text) in client_texts(q) {
        let w = words(text);
        let talk = w
            .iter()
            .any(|w| w == "seed" || w == "seeds" || w.starts_with("blog"))
            || w.windows(2)
                .any(|p| p[0] == "the" && (p[1] == "post" || p[1] == "posts"));
        if talk {
            found.push(format!("{place} speaks of the source: {text}"));
        }
    }
    found
}

/// The audience as written in the source, question by question: the model reads a missing one
/// as Both for older files, so only the text tells whether it was named.
fn unnamed_audiences(source: &str) -> Vec<String> {
    #[derive(Deserialize)]
    struct Raw {
        questions: Vec<RawQuestion>,
    }
    #[derive(Deserialize)]
    struct RawQuestion {
        id: String,
        #[serde(default, deserialize_with = "named")]
        audience: bool,
    }
    /// An audience written in the file (RON would want `Some(It)` for an `Option`).
    fn named<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        Audience::deserialize(d).map(|_| true)
    }
    let raw: Raw = ron::from_str(source).expect("the source parses");
    raw.questions
        .into_iter()
        .filter(|q| !q.audience)
        .map(|q| format!("question {} names no audience", q.id))
        .collect()
}

/// An action that says again what a level says, rather than how to get there.
fn restated_levels(q: &Questionnaire) -> Vec<String> {
    let mut found = Vec::new();
    let mut check = |owner: &str, from: u8, action: &str, levels: &[String]| {
        for (i, level) in levels.iter().enumerate() {
            let share = shared_share(action, level);
            if share >= 0.5 {
                found.push(format!(
                    "{owner} action from {from} shares {:.0}% of its words with level {}: {action}",
                    share * 100.0,
                    i + 1
                ));
            }
        }
    };
    for question in &q.questions {
        for step in &question.improvements {
            for action in &step.actions {
                check(&question.id, step.from, action, &question.levels);
            }
        }
    }
    for d in &q.dimensions {
        for step in &d.improvements {
            for action in &step.actions {
                for question in q.questions_in(&d.id) {
                    check(&d.id, step.from, action, &question.levels);
                }
            }
        }
    }
    found
}

/// Each level's words that no other level of the question uses.
fn distinctive_words(levels: &[String]) -> Vec<BTreeSet<String>> {
    levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            let others: BTreeSet<String> = levels
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .flat_map(|(_, l)| content_words(l))
                .collect();
            content_words(level).difference(&others).cloned().collect()
        })
        .collect()
}

/// Steps missing from a question's ladder, and actions from level k that describe a level above
/// k + 1: three or more of that level's own words, and more than of the level next up.
fn skipped_levels(q: &Questionnaire) -> Vec<String> {
    let mut found = Vec::new();
    let max = q.max_level();
    for question in &q.questions {
        let steps: BTreeSet<u8> = question.improvements.iter().map(|s| s.from).collect();
        let all: BTreeSet<u8> = (1..max).collect();
        if steps != all {
            found.push(format!(
                "{} has actions from levels {steps:?}, not every step of {all:?}",
                question.id
            ));
        }
        let distinct = distinctive_words(&question.levels);
        for step in &question.improvements {
            for action in &step.actions {
                let words = content_words(action);
                let hits: Vec<usize> = distinct
                    .iter()
                    .map(|d| d.intersection(&words).count())
                    .collect();
                let next = hits.get(usize::from(step.from)).copied().unwrap_or(0);
                for (i, &count) in hits.iter().enumerate().skip(usize::from(step.from) + 1) {
                    if count >= 3 && count > next {
                        found.push(format!(
                            "{} action from {} describes level {} ({count} of its words, {next} of level {}): {action}",
                            question.id,
                            step.from,
                            i + 1,
                            step.from + 1
                        ));
                    }
                }
            }
        }
    }
    found
}

/// Dimensions without core questions; in the workshop, exactly three per dimension.
fn core_problems(q: &Questionnaire, exactly: Option<usize>) -> Vec<String> {
    let mut found = Vec::new();
    for d in &q.dimensions {
        let core = q.questions_in(&d.id).filter(|x| x.core).count();
        if core == 0 {
            found.push(format!("dimension {} has no core question", d.id));
        } else if exactly.is_some_and(|n| n != core) {
            found.push(format!("dimension {} has {core} core questions", d.id));
        }
    }
    found
}

/// The same level description twice in one questionnaire: two levels that cannot be told apart.
fn duplicated_levels(q: &Questionnaire) -> Vec<String> {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut found = Vec::new();
    for question in &q.questions {
        for (i, level) in question.levels.iter().enumerate() {
            let place = format!("{} level {}", question.id, i + 1);
            let key = words(level).join(" ");
            if let Some(first) = seen.get(&key) {
                found.push(format!("{place} repeats {first}: {level}"));
            } else {
                seen.insert(key, place);
            }
        }
    }
    found
}

/// Stems answered yes or no do not fit a five-level scale.
fn yes_no_stems(q: &Questionnaire) -> Vec<String> {
    const AUXILIARIES: [&str; 14] = [
        "is", "are", "do", "does", "did", "has", "have", "can", "could", "would", "will", "should",
        "was", "were",
    ];
    let mut found = Vec::new();
    for question in &q.questions {
        let mut stems = vec![question.text.as_str()];
        if let Some(mirror) = &question.mirror {
            stems.extend([mirror.it.as_str(), mirror.business.as_str()]);
        }
        for stem in stems {
            let first = words(stem).into_iter().next().unwrap_or_default();
            if AUXILIARIES.contains(&first.as_str()) || !stem.ends_with('?') {
                found.push(format!("{} is not an open question: {stem}", question.id));
            }
        }
    }
    found
}

/// The top level says what is there, not what has gone.
fn top_levels_by_absence(q: &Questionnaire) -> Vec<String> {
    const ABSENCE: [&str; 10] = [
        "no longer",
        "disappear",
        "unnecessary",
        "lost its",
        "nobody",
        "no one",
        "not needed",
        "gone",
        "never",
        "without",
    ];
    q.questions
        .iter()
        .filter_map(|question| {
            let top = question.levels.last()?.to_lowercase();
            let padded = format!(" {} ", words(&top).join(" "));
            ABSENCE
                .iter()
                .find(|phrase| padded.contains(&format!(" {phrase}")))
                .map(|phrase| format!("{} level 5 says \"{phrase}\": {top}", question.id))
        })
        .collect()
}

/// Who may own an action: the roles the questionnaires name.
const OWNERS: [&str; 25] = [
    "the CIO",
    "the CEO",
    "the CFO",
    "the COO",
    "the CMO",
    "the head of HR",
    "the business relationship managers",
    "the enterprise architect",
    "the project managers",
    "the service owners",
    "the service desk manager",
    "the IT service coach",
    "the IT managers",
    "the business unit heads",
    "the business owners",
    "the process owners",
    "the data owners",
    "the key users",
    "the executive team",
    "the portfolio board",
    "the business sponsors",
    "the chairs of",
    "the CFO's team",
    "the IT service coaches",
    "the head of",
];

/// "Within N months, OWNER does …. Done when RESULT." — a time frame, an owner, an observable
/// result.
fn action_form(action: &str) -> Option<String> {
    let rest = action.strip_prefix("Within ")?;
    let (number, rest) = rest.split_once(' ')?;
    let months: u32 = number.parse().ok()?;
    let (unit, rest) = rest.split_once(", ")?;
    if !["month", "months", "week", "weeks"].contains(&unit) || months == 0 || months > 18 {
        return Some(format!(
            "time frame \"{number} {unit}\" is not 1 to 18 months"
        ));
    }
    if !OWNERS.iter().any(|owner| rest.starts_with(owner)) {
        return Some("no owner role after the time frame".into());
    }
    let (_, result) = rest.split_once(". Done when ")?;
    (result.len() < 10 || !result.ends_with('.')).then(|| "no observable result".into())
}

fn malformed_actions(q: &Questionnaire) -> Vec<String> {
    let dimension_actions = q
        .dimensions
        .iter()
        .flat_map(|d| d.improvements.iter().map(move |s| (&d.id, s)));
    let question_actions = q
        .questions
        .iter()
        .flat_map(|x| x.improvements.iter().map(move |s| (&x.id, s)));
    dimension_actions
        .chain(question_actions)
        .flat_map(|(id, step)| step.actions.iter().map(move |a| (id, step.from, a)))
        .filter_map(|(id, from, action)| {
            let problem = match action_form(action) {
                None if !action.starts_with("Within ") || !action.contains(". Done when ") => {
                    Some("not \"Within …, OWNER …. Done when ….\"".to_owned())
                }
                other => other,
            };
            problem.map(|p| format!("{id} action from {from}: {p}: {action}"))
        })
        .collect()
}

/// The percentages in `text`, as written ("45%"); the top of a band ("70–84%") is a band, not
/// a figure.
fn percentages(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c == '%' {
            let start = chars[..i]
                .iter()
                .rposition(|c| !c.is_ascii_digit())
                .map_or(0, |p| p + 1);
            let in_band = start > 0 && ['–', '-'].contains(&chars[start - 1]);
            if start < i && !in_band {
                found.push(chars[start..=i].iter().collect());
            }
        }
    }
    found
}

/// A citation: "(Source, 2013)" — a year of four digits before a closing parenthesis.
fn has_citation(text: &str) -> bool {
    text.match_indices(')').any(|(i, _)| {
        let before = &text[..i];
        before.len() >= 4
            && before[before.len() - 4..]
                .chars()
                .all(|c| c.is_ascii_digit())
            && before[..before.len() - 4].ends_with(", ")
    })
}

/// Figures are cited in a description, with source and year, and appear nowhere else.
fn figure_problems(q: &Questionnaire) -> Vec<String> {
    let texts = client_texts(q);
    let mut found = Vec::new();
    let mut cited = Vec::new();
    for (place, text) in &texts {
        if !has_citation(text) {
            continue;
        }
        if !place.ends_with("description") {
            found.push(format!(
                "{place} cites a source; cite it once in a description"
            ));
        }
        for sentence in text.split(". ").filter(|s| has_citation(s)) {
            cited.extend(percentages(sentence));
        }
    }
    for figure in cited {
        let places: Vec<&str> = texts
            .iter()
            .filter(|(_, text)| percentages(text).contains(&figure))
            .map(|(place, _)| place.as_str())
            .collect();
        if places.len() != 1 {
            found.push(format!(
                "the cited {figure} appears in {places:?}; cite it once"
            ));
        }
    }
    found
}

/// Every problem the content checks find; the shipped questionnaires have none.
fn content_problems(q: &Questionnaire, source: &str) -> Vec<String> {
    let exactly = (q.id == WORKSHOP).then_some(3);
    let mut found: Vec<String> = validate(q, source)
        .iter()
        .map(ToString::to_string)
        .collect();
    found.extend(source_talk(q));
    found.extend(unnamed_audiences(source));
    found.extend(restated_levels(q));
    found.extend(skipped_levels(q));
    found.extend(core_problems(q, exactly));
    found.extend(duplicated_levels(q));
    found.extend(yes_no_stems(q));
    found.extend(top_levels_by_absence(q));
    found.extend(malformed_actions(q));
    found.extend(figure_problems(q));
    found
}

// ---------------------------------------------------------------------------------------------
// The shipped questionnaires.

#[test]
fn the_shipped_questionnaires_pass_every_content_check() {
    let all = shipped();
    assert_eq!(all.len(), 2);
    for (q, source) in &all {
        let problems = content_problems(q, source);
        assert!(problems.is_empty(), "{}:\n{}", q.id, problems.join("\n"));
    }
}

#[test]
fn the_workshop_covers_what_the_issue_found_missing() {
    let q = shipped_one(WORKSHOP);
    let about = |needles: &[&str]| {
        q.questions.iter().any(|x| {
            let text = format!("{} {}", x.text, x.levels.join(" ")).to_lowercase();
            needles.iter().all(|n| text.contains(&n.to_lowercase()))
        })
    };
    for (attribute, needles) in [
        ("benchmarking", &["benchmark"][..]),
        ("IT metrics", &["report", "measure"]),
        (
            "a jointly built IT strategic plan",
            &["IT strategic plan", "together"],
        ),
        ("the CIO's reporting line", &["CIO reports to"]),
        ("hiring and retention", &["hire", "keep", "turnover"]),
        (
            "innovation and entrepreneurship",
            &["idea", "trial", "innovation"],
        ),
        ("shared rewards", &["rewards", "bonus"]),
        (
            "support hours bought in advance, used proactively",
            &["support hours bought in advance", "proactive"],
        ),
        ("common tools", &["tools", "share"]),
    ] {
        assert!(about(needles), "no question about {attribute}");
    }
    let names = |roles: &[convergence::model::Role]| {
        roles
            .iter()
            .map(|r| r.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let business = names(&q.touchpoints.business_roles);
    for role in ["CFO", "CMO", "COO"] {
        assert!(business.contains(role), "{role} missing from {business}");
    }
    assert!(names(&q.touchpoints.it_roles).contains("IT service coach"));
    // Questions only IT can answer are asked of IT only.
    for id in ["ser-02", "gov-06", "sco-06"] {
        assert_eq!(
            q.question(id).map(|x| x.audience),
            Some(Audience::It),
            "{id}"
        );
    }
    // The duplicates were merged into the questions that stayed.
    for gone in ["val-05", "ski-05", "ser-03", "cul-03", "gov-03", "gov-07"] {
        assert!(q.question(gone).is_none(), "{gone} should be merged away");
    }
}

#[test]
fn where_a_metric_exists_the_levels_are_numeric_bands() {
    let q = shipped_one(WORKSHOP);
    for (id, marker) in [
        ("val-02", "%"),
        ("par-02", "%"),
        ("ser-02", "%"),
        ("ser-01", "%"),
        ("sco-03", "minutes"),
    ] {
        let question = q.question(id).expect(id);
        let banded = question
            .levels
            .iter()
            .filter(|l| l.contains(marker) || l.contains("hours"))
            .count();
        assert!(banded >= 4, "{id}: {banded} levels give a figure");
    }
    let rating = &q.question("par-01").expect("par-01").levels;
    for (level, word) in rating
        .iter()
        .zip(["Poor", "Fair", "Good", "Good", "Excellent"])
    {
        assert!(level.starts_with(word), "{level}");
    }
}

#[test]
fn mirrored_pairs_ask_both_sides_the_same_statement() {
    let q = shipped_one(WORKSHOP);
    let mirrored: Vec<&Question> = q.questions.iter().filter(|x| x.mirror.is_some()).collect();
    assert!(mirrored.len() >= 5, "{} mirrored questions", mirrored.len());
    for question in mirrored {
        assert_eq!(question.audience, Audience::Both, "{}", question.id);
        let it = words(question.text_for(Side::It));
        let business = words(question.text_for(Side::Business));
        // Each side reads the statement from where it stands: one of them says "we".
        let first_person = |w: &[String]| w.iter().any(|w| w == "we" || w == "our");
        assert!(it != business, "{}", question.id);
        assert!(
            first_person(&it) || first_person(&business),
            "{it:?} / {business:?}"
        );
    }
    for id in ["par-01", "par-02", "ski-01", "com-02"] {
        assert!(q.question(id).is_some_and(|x| x.mirror.is_some()), "{id}");
    }
}

#[test]
fn minutes_are_honest_and_the_answering_rule_is_stated() {
    for (q, _) in shipped() {
        let core = q.questions.iter().filter(|x| x.core).count();
        // A room needs three minutes a question at least; one person a minute and a half.
        let per_question = if q.id == WORKSHOP { 3.0 } else { 1.5 };
        assert!(
            f64::from(q.estimated_minutes) >= per_question * q.questions.len() as f64,
            "{}: {} minutes for {} questions",
            q.id,
            q.estimated_minutes,
            q.questions.len()
        );
        assert!(
            f64::from(q.core_minutes) >= per_question * core as f64,
            "{}: {} minutes for {core} core questions",
            q.id,
            q.core_minutes
        );
        assert!(q.has_core_set(), "{}", q.id);
        assert!(
            q.description
                .contains("highest level whose description is entirely true")
        );
        assert!(q.description.contains("12 to 18 months"));
    }
    let workshop = shipped_one(WORKSHOP);
    assert!(
        workshop.core_minutes <= 150,
        "the core set fits a 2.5-hour workshop"
    );
    assert!(shipped_one(SELF_CHECK).description.contains("homework"));
}

#[test]
fn the_self_check_asks_most_of_its_questions_in_the_workshops_words() {
    let workshop = shipped_one(WORKSHOP);
    let check = shipped_one(SELF_CHECK);
    let mut same = 0;
    for question in &check.questions {
        assert!(
            question.audience.includes(Side::It),
            "{}: a CIO alone is on the IT side",
            question.id
        );
        let Some(original) = workshop.question(&question.id) else {
            continue;
        };
        assert_eq!(
            (
                &question.text,
                &question.mirror,
                &question.levels,
                &question.improvements,
                question.audience,
                &question.dimension
            ),
            (
                &original.text,
                &original.mirror,
                &original.levels,
                &original.improvements,
                original.audience,
                &original.dimension
            ),
            "{} is worded differently from the workshop",
            question.id
        );
        same += 1;
    }
    assert!(
        2 * same >= check.questions.len(),
        "{same} of {} questions shared",
        check.questions.len()
    );
}

// ---------------------------------------------------------------------------------------------
// Each check fails on the defect it is for.

/// The workshop with one edit, checked; the problems the edit brought.
#[track_caller]
fn problems_after(edit: impl FnOnce(&mut Questionnaire)) -> Vec<String> {
    let (mut q, _) = shipped()
        .into_iter()
        .find(|(q, _)| q.id == WORKSHOP)
        .expect("the workshop");
    edit(&mut q);
    let source =
        ron::ser::to_string_pretty(&q, ron::ser::PrettyConfig::default()).expect("serialises");
    content_problems(&q, &source)
}

fn question_mut<'a>(q: &'a mut Questionnaire, id: &str) -> &'a mut Question {
    q.questions
        .iter_mut()
        .find(|x| x.id == id)
        .expect("the question")
}

#[test]
fn the_word_seed_fails() {
    let found = problems_after(|q| {
        question_mut(q, "com-04").guidance = "The seed example: an upgrade went smoothly.".into();
    });
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("com-04 guidance speaks of the source"));
    let post = problems_after(|q| q.dimensions[0].description.push_str(" As the post says."));
    assert_eq!(post.len(), 1, "{post:#?}");
}

#[test]
fn a_question_without_an_audience_fails() {
    let (_, source) = shipped()
        .into_iter()
        .find(|(q, _)| q.id == WORKSHOP)
        .expect("the workshop");
    assert_eq!(unnamed_audiences(source), Vec::<String>::new());
    let without = source.replacen("audience: Business,", "", 1);
    assert_eq!(
        unnamed_audiences(&without),
        ["question com-05 names no audience"]
    );
}

#[test]
fn an_action_restating_a_level_fails() {
    let found = problems_after(|q| {
        let question = question_mut(q, "gov-01");
        question.improvements[1].actions = vec![
            "A portfolio board of business unit heads and the CIO meets at least quarterly and ranks all demand.".into(),
        ];
    });
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("gov-01 action from 2 shares") && p.contains("with level 3")),
        "{found:#?}"
    );
}

#[test]
fn an_action_that_skips_a_level_fails() {
    // From 1, an action that builds level 4's quarterly joint review of the shared priorities.
    let skip = problems_after(|q| {
        question_mut(q, "com-01").improvements[0].actions = vec![
            "Within 1 month, the CIO has three quarters of managers review progress together. Done when it is minuted.".into(),
        ];
    });
    assert!(
        skip.iter()
            .any(|p| p.starts_with("com-01 action from 1 describes level 4")),
        "{skip:#?}"
    );
    // A missing step of the ladder is a skip too.
    let missing = problems_after(|q| {
        question_mut(q, "com-01").improvements.remove(2);
    });
    assert_eq!(
        missing,
        ["com-01 has actions from levels {1, 2, 4}, not every step of {1, 2, 3, 4}"]
    );
}

#[test]
fn a_dimension_without_core_questions_fails() {
    let none = problems_after(|q| {
        for question in q.questions.iter_mut().filter(|x| x.dimension == "scope") {
            question.core = false;
        }
    });
    assert_eq!(none, ["dimension scope has no core question"]);
    let four = problems_after(|q| question_mut(q, "sco-06").core = true);
    assert_eq!(four, ["dimension scope has 4 core questions"]);
}

#[test]
fn a_duplicated_level_description_fails() {
    let found = problems_after(|q| {
        let copied = q.question("com-01").expect("com-01").levels[2].clone();
        question_mut(q, "ski-03").levels[2] = copied;
    });
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("ski-03 level 3 repeats com-01 level 3")),
        "{found:#?}"
    );
}

#[test]
fn yes_no_stems_top_levels_by_absence_and_shapeless_actions_fail() {
    let found = problems_after(|q| {
        question_mut(q, "cul-01").text = "Is there resistance to change?".into();
        question_mut(q, "cul-02").levels[4] = "Sponsorship is no longer needed.".into();
        question_mut(q, "cul-04").improvements[0].actions =
            vec!["Involve people more. Done when they are involved.".into()];
    });
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("cul-01 is not an open question")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("cul-02 level 5 says \"no longer\"")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("cul-04 action from 1: not \"Within")),
        "{found:#?}"
    );
    let late = problems_after(|q| {
        question_mut(q, "cul-04").improvements[0].actions =
            vec!["Within 36 months, the COO involves people. Done when they are involved.".into()];
    });
    assert!(
        late.iter().any(|p| p.contains("time frame \"36 months\"")),
        "{late:#?}"
    );
}

#[test]
fn a_figure_cited_twice_or_in_guidance_fails() {
    let twice = problems_after(|q| {
        question_mut(q, "par-01")
            .guidance
            .push_str(" 61% of businesses rate IT fair or poor.");
    });
    assert!(
        twice
            .iter()
            .any(|p| p.starts_with("the cited 61% appears in")),
        "{twice:#?}"
    );
    let in_guidance = problems_after(|q| {
        question_mut(q, "val-01")
            .guidance
            .push_str(" (McKinsey & Company, 2012)");
    });
    assert!(
        in_guidance
            .iter()
            .any(|p| p.starts_with("val-01 guidance cites a source")),
        "{in_guidance:#?}"
    );
}
