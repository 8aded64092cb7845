//! Dates as assessments keep them: `YYYY-MM-DD`, a real calendar date, so that history can be
//! ordered by them and a typo ("2025-02-30", "next tuesday") is caught where it is typed.

/// A real calendar date written exactly `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let text = text.trim();
    // jiff also reads longer forms (with a time, say); the file keeps exactly this one.
    (text.len() == 10).then(|| text.parse().ok()).flatten()
}

/// Today on this computer's calendar, `YYYY-MM-DD`.
pub fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_in_the_one_form_parse() {
        assert_eq!(
            parse_date(" 2024-02-29 "),
            Some(jiff::civil::date(2024, 2, 29))
        );
        for bad in [
            "",
            "next tuesday",
            "2025-02-29",
            "2025-13-01",
            "2025-1-01",
            "14/03/2025",
            "2025-03-14T10:00",
            "20250314",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        assert!(parse_date(&today()).is_some());
    }
}
