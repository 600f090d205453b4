//! "Add to Google Calendar" and "Add to Outlook.com" links for a calendar entry.

use super::entry::{Entry, When};
use super::ics::{basic_date, basic_utc};
use crate::model::deep_link::encode;
use crate::model::{Date, Time};

fn query(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn details(entry: &Entry) -> String {
    match &entry.url {
        Some(url) if entry.description.is_empty() => url.clone(),
        Some(url) => format!("{}\n\n{url}", entry.description),
        None => entry.description.clone(),
    }
}

/// "Add to Google Calendar": wall-clock times with the event's zone, or whole days.
pub fn google_link(entry: &Entry, zone: &str) -> String {
    let dates = match entry.when {
        When::Days { first, last } => {
            format!("{}/{}", basic_date(first), basic_date(last.next_day()))
        }
        // Google's template needs an end: a start-only entry ends when it starts.
        When::Timed { start, end, .. } => {
            let wall = |(date, time): (Date, Time)| {
                format!("{}T{:02}{:02}00", basic_date(date), time.hour, time.minute)
            };
            format!("{}/{}", wall(start), wall(end.unwrap_or(start)))
        }
    };
    let ctz = if matches!(entry.when, When::Timed { .. }) {
        zone
    } else {
        ""
    };
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&{}",
        query(&[
            ("text", &entry.title),
            ("dates", &dates),
            ("ctz", ctz),
            ("details", &details(entry)),
            ("location", &entry.location),
        ])
    )
}

/// "Add to Outlook.com": UTC instants, or whole days.
pub fn outlook_link(entry: &Entry) -> String {
    let iso_utc = |ms: f64| {
        let b = basic_utc(ms);
        format!(
            "{}-{}-{}T{}:{}:{}Z",
            &b[0..4],
            &b[4..6],
            &b[6..8],
            &b[9..11],
            &b[11..13],
            &b[13..15]
        )
    };
    let (start, end, all_day) = match entry.when {
        When::Days { first, last } => (first.to_string(), last.next_day().to_string(), "true"),
        // Outlook likewise: a start-only entry ends when it starts.
        When::Timed {
            start_ms, end_ms, ..
        } => (
            iso_utc(start_ms),
            iso_utc(end_ms.unwrap_or(start_ms)),
            "false",
        ),
    };
    format!(
        "https://outlook.live.com/calendar/0/action/compose?{}",
        query(&[
            ("rru", "addevent"),
            ("subject", &entry.title),
            ("startdt", &start),
            ("enddt", &end),
            ("allday", all_day),
            ("body", &details(entry)),
            ("location", &entry.location),
        ])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    }
}
