//! Calendar exports, as pure functions of the event: iCalendar files (RFC 5545) and
//! "add to Google Calendar / Outlook.com" links. Times are converted to UTC by a
//! function the caller passes (the browser's `Intl` in the widget; a fixed offset in
//! tests), so no time-zone database is needed.

use crate::i18n::Strings;
use crate::model::{Date, Event, ProgramItem, Time};

/// Turns a wall-clock date and time in the event's zone into ms since the epoch (UTC).
pub type ToUtc<'a> = &'a dyn Fn(Date, Time) -> Option<f64>;

/// One calendar entry, in the reader's language.
pub struct Entry {
    pub uid: String,
    pub title: String,
    pub description: String,
    pub location: String,
    pub url: Option<String>,
    pub when: When,
}

pub enum When {
    /// Whole days, `last` included.
    Days { first: Date, last: Date },
    /// UTC instants in ms, plus the wall-clock start/end for links that take a zone.
    Timed {
        start_ms: f64,
        end_ms: f64,
        date: Date,
        start: Time,
        end: Time,
    },
}

fn pick(text: &crate::model::LocalizedText, t: &Strings) -> String {
    text.pick(t.tag)
        .map(|s| s.text.to_owned())
        .unwrap_or_default()
}

fn location(event: &Event, t: &Strings) -> String {
    let venue = &event.venue;
    [&venue.name, &venue.city, &venue.region]
        .into_iter()
        .map(|text| pick(text, t))
        .filter(|s| !s.is_empty())
        .chain(venue.country.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

fn first_url(event: &Event) -> Option<String> {
    event.sources.iter().find_map(|s| s.url.clone())
}

/// The entry for the whole event: all of its days.
pub fn event_entry(event: &Event, t: &Strings) -> Entry {
    Entry {
        uid: format!("{}@forum-widget", event.id),
        title: pick(&event.name, t),
        description: pick(&event.summary, t),
        location: location(event, t),
        url: first_url(event),
        when: When::Days {
            first: event.start_date,
            last: event.last_date(),
        },
    }
}

/// The entry for one programme item: its times when published (an hour when only the
/// start is known), else its whole day.
pub fn item_entry(event: &Event, item: &ProgramItem, t: &Strings, to_utc: ToUtc) -> Entry {
    let speakers: Vec<&str> = item
        .people
        .iter()
        .filter_map(|id| event.person(id))
        .map(|p| p.name.as_str())
        .collect();
    let mut description = pick(&item.description, t);
    if !speakers.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&format!("{}: {}", t.speakers, speakers.join(", ")));
    }
    let timed = item.start.and_then(|start| {
        let end = item.end.unwrap_or(Time {
            hour: (start.hour + 1).min(23),
            minute: if start.hour >= 23 { 59 } else { start.minute },
        });
        Some(When::Timed {
            start_ms: to_utc(item.date, start)?,
            end_ms: to_utc(item.date, end)?,
            date: item.date,
            start,
            end,
        })
    });
    let event_title = pick(&event.name, t);
    Entry {
        uid: format!("{}.{}@forum-widget", item.id, event.id),
        title: format!("{} — {event_title}", pick(&item.title, t)),
        description,
        location: location(event, t),
        url: first_url(event),
        when: timed.unwrap_or(When::Days {
            first: item.date,
            last: item.date,
        }),
    }
}

fn next_day(date: Date) -> Date {
    let days = date.days_since_epoch() + 1;
    civil_from_days(days)
}

/// The date `days` after 1970-01-01 (inverse of `Date::days_since_epoch`).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// `20231113`
fn basic_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// `20231113T013000Z` for ms since the epoch.
fn basic_utc(ms: f64) -> String {
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let date = civil_from_days(days);
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
                line(format!("DTEND;VALUE=DATE:{}", basic_date(next_day(last))));
            }
            When::Timed {
                start_ms, end_ms, ..
            } => {
                line(format!("DTSTART:{}", basic_utc(start_ms)));
                line(format!("DTEND:{}", basic_utc(end_ms)));
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

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

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
            format!("{}/{}", basic_date(first), basic_date(next_day(last)))
        }
        When::Timed {
            date, start, end, ..
        } => format!(
            "{d}T{:02}{:02}00/{d}T{:02}{:02}00",
            start.hour,
            start.minute,
            end.hour,
            end.minute,
            d = basic_date(date)
        ),
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
        When::Days { first, last } => (first.to_string(), next_day(last).to_string(), "true"),
        When::Timed {
            start_ms, end_ms, ..
        } => (iso_utc(start_ms), iso_utc(end_ms), "false"),
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
    fn day_numbers_round_trip_through_civil_dates() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2023-11-13",
            "2023-12-31",
            "2024-02-28",
        ] {
            let d = Date::parse(s).unwrap();
            assert_eq!(civil_from_days(d.days_since_epoch()), d);
        }
        assert_eq!(
            next_day(Date::parse("2023-12-31").unwrap()).to_string(),
            "2024-01-01"
        );
        assert_eq!(basic_utc(1_699_839_000_000.0), "20231113T013000Z");
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

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    }
}
