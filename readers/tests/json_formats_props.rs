//! Property tests of the pretalx widget and Sessionize readers: documents generated here,
//! with hostile text, missing times and titles, dangling speakers and unknown rooms; what
//! the readers must make of each is worked out from the generated document itself.

use proptest::prelude::*;
use schedule_readers::event::{Event, Item};
use schedule_readers::{read, Format, Hints};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Text with markup, entities, Markdown and non-ASCII in it, never blank.
fn words() -> impl Strategy<Value = String> {
    "[a-zé漢 ]{0,6}(<script>x</script>|<b>|&amp;|\\*\\*|\\[a\\]\\(javascript:x\\)|!\\[i\\]\\(https://t\\.example/p\\.png\\))?[a-z]{1,6}"
}

/// A talk as generated: what goes into the document and what the reader must keep.
#[derive(Debug, Clone)]
struct Talk {
    title: Option<String>,
    /// Day of May 2024, hour and minute; `None` for an unscheduled talk.
    start: Option<(u32, u32, u32)>,
    minutes: i64,
    /// Indices into the speakers; one past the end is a dangling reference.
    speakers: Vec<usize>,
    /// Index into the rooms; one past the end is an unknown room.
    room: usize,
    abstract_: String,
}

fn talk(speakers: usize, rooms: usize) -> impl Strategy<Value = Talk> {
    (
        prop::option::weighted(0.9, words()),
        prop::option::weighted(0.85, (1u32..=3, 0u32..24, 0u32..60)),
        0i64..600,
        prop::collection::vec(0..=speakers, 0..4),
        0..=rooms,
        words(),
    )
        .prop_map(|(title, start, minutes, speakers, room, abstract_)| Talk {
            title,
            start,
            minutes,
            speakers,
            room,
            abstract_,
        })
}

#[derive(Debug, Clone)]
struct Doc {
    speakers: Vec<String>,
    rooms: Vec<String>,
    talks: Vec<Talk>,
}

fn doc() -> impl Strategy<Value = Doc> {
    (
        prop::collection::vec(words(), 0..5),
        prop::collection::vec(words(), 1..4),
    )
        .prop_flat_map(|(speakers, rooms)| {
            let (s, r) = (speakers.len(), rooms.len());
            (
                Just(speakers),
                Just(rooms),
                prop::collection::vec(talk(s, r), 0..10),
            )
        })
        .prop_map(|(speakers, rooms, talks)| Doc {
            speakers,
            rooms,
            talks,
        })
}

fn clock((day, hour, minute): (u32, u32, u32)) -> String {
    format!("2024-05-{day:02}T{hour:02}:{minute:02}")
}

/// Minutes since 2024-05-01T00:00 of a wall clock `YYYY-MM-DDTHH:MM…` in May 2024.
fn minutes_of(iso: &str) -> i64 {
    let n = |a: usize, b: usize| iso[a..b].parse::<i64>().expect("digits");
    (n(8, 10) - 1) * 1440 + n(11, 13) * 60 + n(14, 16)
}

fn pretalx(d: &Doc) -> Value {
    json!({
        "timezone": "Europe/Berlin",
        "rooms": d.rooms.iter().enumerate().map(|(i, n)| json!({"id": i, "name": {"en": n}})).collect::<Vec<_>>(),
        "speakers": d.speakers.iter().enumerate().map(|(i, n)| json!({"code": format!("S{i}"), "name": n, "biography": n})).collect::<Vec<_>>(),
        "talks": d.talks.iter().enumerate().map(|(i, t)| {
            let mut v = json!({
                "code": format!("T{i}"),
                "abstract": t.abstract_,
                "duration": t.minutes,
                "room": t.room,
                "speakers": t.speakers.iter().map(|s| format!("S{s}")).collect::<Vec<_>>(),
            });
            if let Some(title) = &t.title { v["title"] = json!(title); }
            if let Some(start) = t.start { v["start"] = json!(format!("{}:00+02:00", clock(start))); }
            v
        }).collect::<Vec<_>>(),
    })
}

fn sessionize(d: &Doc) -> Value {
    json!({
        "rooms": d.rooms.iter().enumerate().map(|(i, n)| json!({"id": i, "name": n})).collect::<Vec<_>>(),
        "speakers": d.speakers.iter().enumerate().map(|(i, n)| json!({"id": format!("S{i}"), "fullName": n, "bio": n})).collect::<Vec<_>>(),
        "categories": [],
        "sessions": d.talks.iter().enumerate().map(|(i, t)| {
            let mut v = json!({
                "id": format!("T{i}"),
                "description": t.abstract_,
                "roomId": t.room,
                "speakers": t.speakers.iter().map(|s| format!("S{s}")).collect::<Vec<_>>(),
                "isServiceSession": false,
            });
            if let Some(title) = &t.title { v["title"] = json!(title); }
            if let Some(start) = t.start {
                v["startsAt"] = json!(format!("{}:00", clock(start)));
                let end = minutes_of(&clock(start)) + t.minutes;
                let end = (end / 1440 + 1, end % 1440 / 60, end % 60);
                if end.0 <= 28 {
                    v["endsAt"] = json!(format!("{}:00", clock((end.0 as u32, end.1 as u32, end.2 as u32))));
                }
            }
            v
        }).collect::<Vec<_>>(),
    })
}

/// What every converted event must satisfy, given the document it came from.
fn check(d: &Doc, format: Format, text: &str) -> Result<(), TestCaseError> {
    let scheduled = d
        .talks
        .iter()
        .any(|t| t.title.is_some() && t.start.is_some());
    let read = match read(text, &Hints::default()) {
        Ok(read) => read,
        // An event with nothing to show is refused, naming the format.
        Err(e) if !scheduled => {
            let e = e.to_string();
            prop_assert!(e.contains(format.name()) && e.contains("no item"), "{}", e);
            return Ok(());
        }
        Err(e) => return Err(TestCaseError::fail(e.to_string())),
    };
    prop_assert!(scheduled, "an event without items was read");
    prop_assert_eq!(read.format, format);
    let event: &Event = &read.event;
    let by_id: BTreeMap<&str, &Item> = event.program.iter().map(|i| (i.id.as_str(), i)).collect();
    prop_assert_eq!(by_id.len(), event.program.len(), "item ids are unique");
    let people: BTreeSet<&str> = event.people.iter().map(|p| p.id.as_str()).collect();
    prop_assert_eq!(people.len(), d.speakers.len());
    let kept: Vec<(usize, &Talk)> = d
        .talks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.title.is_some() && t.start.is_some())
        .collect();
    prop_assert_eq!(
        event.program.len(),
        kept.len(),
        "every scheduled, titled talk and no other"
    );
    for (i, t) in kept {
        let item = by_id
            .get(format!("T{i}").as_str())
            .ok_or_else(|| TestCaseError::fail(format!("T{i} missing")))?;
        let start = t.start.map(clock).unwrap_or_default();
        prop_assert!(
            item.start.starts_with(&start),
            "{} for {}",
            item.start,
            start
        );
        prop_assert_eq!(&item.date, &start[..10]);
        let title = t.title.as_deref().unwrap_or_default().trim();
        prop_assert_eq!(item.title.any(), title);
        // An end only after the start, `minutes` later.
        match &item.end {
            Some(end) => prop_assert_eq!(minutes_of(end) - minutes_of(&item.start), t.minutes),
            None => prop_assert!(t.minutes == 0 || format == Format::Sessionize),
        }
        // Speakers that exist, in the talk's order; the dangling one left out.
        let expected: Vec<String> = t
            .speakers
            .iter()
            .filter(|&&s| s < d.speakers.len())
            .map(|s| format!("S{s}"))
            .collect();
        prop_assert_eq!(&item.people, &expected);
        let room = d.rooms.get(t.room).map(|r| r.trim());
        prop_assert_eq!(item.location.as_ref().map(|l| l.any()), room);
        if let Some(description) = &item.description {
            // Escaped characters are text to the widget: leave them out, then look for links.
            let mut text = String::new();
            let mut chars = description.any().chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    chars.next();
                } else {
                    text.push(c);
                }
            }
            prop_assert!(!text.contains("](javascript"), "{}", description.any());
            // Markdown's image syntax keeps only the alt text (a plain text's address
            // stays text, which is never fetched).
            if format == Format::PretalxWidget {
                prop_assert!(
                    !text.contains("t.example"),
                    "an image address was kept: {}",
                    text
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn pretalx_widget_data(d in doc()) {
        check(&d, Format::PretalxWidget, &pretalx(&d).to_string())?;
    }

    #[test]
    fn sessionize_all(d in doc()) {
        check(&d, Format::Sessionize, &sessionize(&d).to_string())?;
    }
}
