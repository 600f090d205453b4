//! Fuzzes parse + validate, and the calendar and JSON-LD exports of whatever parses.
#![no_main]

use forum_widget::exports::{event_entry, ics, item_entry};
use forum_widget::i18n::LANGUAGES;
use forum_widget::exports::json_ld;
use forum_widget::model::{parse_event, Date, Time};
use libfuzzer_sys::fuzz_target;

fn utc8(date: Date, time: Time) -> Option<f64> {
    Some(date.utc_midnight_ms() + f64::from(time.minutes()) * 60_000.0 - 8.0 * 3_600_000.0)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(event) = parse_event(text) else { return };
    for t in LANGUAGES {
        let ld = json_ld(&event, t, "https://x.example/", &utc8);
        assert!(serde_json::from_str::<serde_json::Value>(&ld).is_ok(), "JSON-LD does not parse");
        let mut entries = vec![event_entry(&event, t)];
        entries.extend(event.program.iter().map(|i| item_entry(&event, i, t, &utc8)));
        let cal = ics(&entries, 0.0);
        assert!(cal.split("\r\n").all(|l| l.len() <= 75), "unfolded line");
    }
});
