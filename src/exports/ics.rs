//! iCalendar files (RFC 5545) of calendar entries.

use super::entry::{Entry, When};
use crate::model::Date;

/// `20231113`
pub(super) fn basic_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// `20231113T013000Z` for ms since the epoch.
pub(super) fn basic_utc(ms: f64) -> String {
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let date = Date::from_days_since_epoch(days);
    format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(date),
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to at most 75 octets per line, never inside a UTF-8 character
/// (RFC 5545 §3.1), ending with CRLF.
fn push_folded(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// An iCalendar file holding `entries`; `now_ms` gives DTSTAMP.
pub fn ics(entries: &[Entry], now_ms: f64) -> String {
    let mut out = String::new();
    let mut line = |l: String| push_folded(&mut out, &l);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//forum-widget//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    for entry in entries {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&entry.uid)));
        line(format!("DTSTAMP:{}", basic_utc(now_ms)));
        match entry.when {
            When::Days { first, last } => {
                line(format!("DTSTART;VALUE=DATE:{}", basic_date(first)));
                line(format!("DTEND;VALUE=DATE:{}", basic_date(last.next_day())));
            }
            When::Timed {
                start_ms, end_ms, ..
            } => {
                line(format!("DTSTART:{}", basic_utc(start_ms)));
                // Without DTEND or DURATION a DATE-TIME start takes up no time
                // (RFC 5545 §3.6.1): the end is not published, so none is written.
                if let Some(end_ms) = end_ms {
                    line(format!("DTEND:{}", basic_utc(end_ms)));
                }
            }
        }
        line(format!("SUMMARY:{}", escape(&entry.title)));
        if !entry.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&entry.description)));
        }
        if !entry.location.is_empty() {
            line(format!("LOCATION:{}", escape(&entry.location)));
        }
        if let Some(url) = &entry.url {
            line(format!("URL:{url}"));
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_instants_are_written_in_basic_form() {
        assert_eq!(basic_utc(1_699_839_000_000.0), "20231113T013000Z");
        assert_eq!(basic_date(Date::parse("2023-11-13").unwrap()), "20231113");
    }

    #[test]
    fn text_is_escaped_and_folded_at_75_octets_without_splitting_characters() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        let long = format!(
            "SUMMARY:{}",
            "第五届中国—中东欧国家（沧州）中小企业合作论坛".repeat(4)
        );
        push_folded(&mut out, &long);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }
}
