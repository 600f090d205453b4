//! Property tests: parsing never panics, valid events round-trip, exports always parse.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod strategies;

use forum_widget::exports::ics;
use forum_widget::exports::json_ld;
use forum_widget::i18n::LANGUAGES;
use forum_widget::model::{built_in_event, parse_event, Clock, Date, Event, LocalizedText, Time};
use proptest::prelude::*;
use serde_json::Value;

/// Valid events: the built-in one with arbitrary texts, names, dates and times.
fn valid_event() -> impl Strategy<Value = Event> {
    let text = "[^\\u{0}-\\u{1f}]{0,40}[^\\s\\u{0}-\\u{1f}]";
    (
        text,
        text,
        prop::collection::vec(text, 5),
        (2000i32..2100, 1u8..=12, 1u8..=28),
        prop::collection::vec((0u8..23, 0u8..60, prop::option::of(1u32..120)), 4),
    )
        .prop_map(|(name, summary, people, (y, m, d), times)| {
            let mut event = built_in_event().unwrap();
            event.name = LocalizedText::from([("en", name.as_str()), ("zh", "论坛")]);
            event.summary = LocalizedText::from([("en", summary.as_str())]);
            for (person, name) in event.people.iter_mut().zip(people) {
                person.name = name;
            }
            let date = Date::new(y, m, d).unwrap();
            event.start_date = date;
            for (item, (h, min, length)) in event.program.iter_mut().zip(times) {
                item.date = date;
                let start = Time {
                    hour: h,
                    minute: min,
                };
                item.start = Some(start.into());
                item.end = length
                    .map(|l| start.minutes() + l)
                    .filter(|end| *end < 24 * 60)
                    .map(|end| {
                        Clock::from(Time {
                            hour: (end / 60) as u8,
                            minute: (end % 60) as u8,
                        })
                    });
            }
            event
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn parsing_arbitrary_json_never_panics(value in strategies::any_value(true)) {
        let _ = parse_event(&value.to_string());
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = parse_event(&text);
    }

    #[test]
    fn valid_events_survive_serialise_then_parse(event in valid_event()) {
        let once = parse_event(&serde_json::to_string(&event).unwrap()).unwrap();
        let twice = parse_event(&serde_json::to_string(&once).unwrap()).unwrap();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn exports_of_valid_events_always_parse(event in valid_event()) {
        let event = parse_event(&serde_json::to_string(&event).unwrap()).unwrap();
        for t in LANGUAGES {
            let ld: Value = serde_json::from_str(&json_ld(&event, t, "https://x.example/", &common::utc8)).unwrap();
            prop_assert_eq!(&ld["@type"], "Event");
            let entries = common::all_entries(&event, t);
            let text = ics(&entries, 0.0);
            prop_assert!(text.split("\r\n").all(|l| l.len() <= 75));
            let unfolded = text.replace("\r\n ", "");
            prop_assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 5);
            prop_assert!(unfolded.split("\r\n").all(|l| l.is_empty() || l.contains(':')));
        }
    }
}
