//! The iCalendar reader on the real feeds in ../shared/realdata/ical (never edited).

use schedule_readers::report::summarise;
use schedule_readers::{read, Format, Hints, Read};
use std::collections::HashSet;

const FOSDEM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/realdata/ical/fosdem-2026.pentabarf.ics"
);
const KIELUX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/realdata/ical/kielux-2020.ics"
);

fn load(path: &str) -> (String, Read) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let read = read(&text, &Hints::default()).unwrap_or_else(|e| panic!("{path}: {e}"));
    (text, read)
}

/// What every reader promises, whatever the file.
fn keeps_the_guarantees(read: &Read, text: &str) {
    assert_eq!(read.format, Format::ICalendar);
    let event = &read.event;
    let vevents = text.lines().filter(|l| l.trim() == "BEGIN:VEVENT").count();
    assert_eq!(event.program.len(), vevents, "one item per VEVENT");
    let item_ids: HashSet<&str> = event.program.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(item_ids.len(), event.program.len(), "item ids are unique");
    let person_ids: HashSet<&str> = event.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        person_ids.len(),
        event.people.len(),
        "person ids are unique"
    );
    for item in &event.program {
        assert!(!item.title.is_blank(), "{}", item.id);
        assert!(item.start.starts_with(&item.date), "{}", item.id);
        for person in &item.people {
            assert!(person_ids.contains(person.as_str()), "{person}");
        }
        for link in &item.links {
            assert!(link.url.starts_with("http"), "{}", link.url);
        }
    }
    let first = event.program.iter().map(|i| i.date.as_str()).min();
    assert_eq!(first, Some(event.start_date.as_str()));
}

#[test]
fn fosdem_2026_reads_with_floating_times_in_brussels() {
    let (text, read) = load(FOSDEM);
    keeps_the_guarantees(&read, &text);
    let event = &read.event;
    assert_eq!(event.time_zone.as_deref(), Some("Europe/Brussels"));
    assert_eq!(event.utc_offset, None);
    // The calendar's name is the placeholder `iCal`.
    assert_eq!(event.name, None);
    for item in &event.program {
        assert!(
            !item.start.ends_with('Z') && !item.start.contains('+'),
            "floating times stay offset-less: {}",
            item.start
        );
        assert!(item.end.is_some(), "{}", item.id);
        // Every URL in this file lacks a slash (`https:/fosdem.org`).
        assert!(item.links.is_empty(), "{}", item.id);
    }
    assert!(read
        .warnings
        .iter()
        .any(|w| w.problem.contains("https:/fosdem.org")));
    let commas = event
        .program
        .iter()
        .filter_map(|i| i.track.as_deref())
        .any(|t| t.contains(", "));
    assert!(commas, "tracks with commas stay whole");
    let summary = summarise(event);
    assert!(summary.rooms > 1 && summary.people > 1);
}

#[test]
fn fosdem_2026_takes_its_name_from_the_hint() {
    let text = std::fs::read_to_string(FOSDEM).unwrap();
    let hints = Hints {
        name: Some("FOSDEM 2026".into()),
        time_zone: None,
    };
    let read = read(&text, &hints).unwrap();
    assert_eq!(read.event.id, "fosdem-2026");
}

#[test]
fn kielux_2020_reads_in_utc_with_its_speakers() {
    let (text, read) = load(KIELUX);
    keeps_the_guarantees(&read, &text);
    let event = &read.event;
    assert!(event.name.is_some());
    assert_eq!(event.time_zone, None);
    assert_eq!(event.utc_offset.as_deref(), Some("+00:00"));
    for item in &event.program {
        assert!(item.start.ends_with('Z'), "{}", item.start);
        assert!(!item.people.is_empty(), "{}", item.id);
        assert_eq!(item.links.len(), 1, "{}", item.id);
    }
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
}
