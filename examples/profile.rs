use convergence::files::{self, csv_import};
use convergence::model::Assessment;
use std::time::Instant;
fn main() {
    let csv = std::path::Path::new("/tmp/workshop-1000.csv");
    let out = std::path::Path::new("/tmp/w-prof.ron");
    for _ in 0..3 {
        let t = Instant::now();
        let q = files::resolve_questionnaire("convergence-workshop").unwrap();
        let t1 = t.elapsed();
        let table = csv_import::read_table_file(csv).unwrap();
        let t2 = t.elapsed();
        let roles = csv_import::match_columns(&q, &table.headers);
        let report = csv_import::import(&q, &table, &roles, &[]);
        let t3 = t.elapsed();
        let mut a = Assessment::new(q);
        a.participants = report.participants;
        let text = files::assessment_to_ron(&a, out).unwrap();
        let t4 = t.elapsed();
        files::write_atomic(out, text.as_bytes()).unwrap();
        let t5 = t.elapsed();
        let text = std::fs::read_to_string(out).unwrap();
        let parsed: Assessment = ron::from_str(&text).unwrap();
        let t6 = t.elapsed();
        let _ = files::parse_assessment(&text, out).unwrap();
        let t7 = t.elapsed();
        let s = convergence::scoring::score(&parsed);
        let t8 = t.elapsed();
        std::hint::black_box(s);
        println!(
            "resolve {:?} table {:?} import {:?} to_ron {:?} write {:?} ron::from_str {:?} parse_assessment {:?} score {:?}",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            t5 - t4,
            t6 - t5,
            t7 - t6,
            t8 - t7
        );
    }
}
