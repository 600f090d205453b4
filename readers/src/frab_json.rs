//! Reader for frab / c3voc `schedule.json`, also what pretalx serves at
//! `schedule/export/schedule.json` (field mapping and pitfalls:
//! ../shared/realdata/FORMATS.md §2.1). The guarantees every reader keeps are listed at
//! the top of lib.rs; the mapping onto the event is shared with `schedule.xml` (`frab`).

use crate::frab::{
    build, Conference, Day, LinkSource, RawEvent, RawLink, RawPerson, RawTrack, Schedule,
};
use crate::{Format, Hints, Read, ReadError, Warning};
use serde_json::Value;

const FORMAT: Format = Format::FrabJson;

/// A string, number or boolean field as text (old frab writes numbers as strings and
/// back); `None` for null, absent or a list/object.
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn field(object: &Value, key: &str) -> Option<String> {
    text(object.get(key))
}

fn links(list: Option<&Value>, path: &str, source: LinkSource) -> Vec<RawLink> {
    let Some(Value::Array(list)) = list else {
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .filter_map(|(i, link)| {
            let (url, title, link_type) = match link {
                Value::String(url) => (url.clone(), None, None),
                Value::Object(_) => (
                    field(link, "url").or_else(|| field(link, "href"))?,
                    field(link, "title"),
                    field(link, "type"),
                ),
                _ => return None,
            };
            Some(RawLink {
                path: format!("{path}[{i}]"),
                url,
                title,
                link_type,
                source,
            })
        })
        .collect()
}

fn person(p: &Value, path: String) -> Option<RawPerson> {
    if !p.is_object() {
        return None;
    }
    let name = ["name", "public_name", "full_public_name"]
        .iter()
        .find_map(|k| field(p, k).filter(|n| !n.trim().is_empty()));
    Some(RawPerson {
        guid: field(p, "guid"),
        id: field(p, "id"),
        code: field(p, "code"),
        name,
        biography: field(p, "biography"),
        avatar: field(p, "avatar"),
        url: field(p, "url"),
        links: links(p.get("links"), &format!("{path}.links"), LinkSource::Link),
        path,
    })
}

fn event(e: &Value, day: usize, room: &str, path: String) -> RawEvent {
    let persons = match e.get("persons") {
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .filter_map(|(i, p)| person(p, format!("{path}.persons[{i}]")))
            .collect(),
        _ => Vec::new(),
    };
    let mut all_links = links(e.get("links"), &format!("{path}.links"), LinkSource::Link);
    all_links.extend(links(
        e.get("attachments"),
        &format!("{path}.attachments"),
        LinkSource::Attachment,
    ));
    RawEvent {
        day,
        listed_room: Some(room.to_owned()),
        guid: field(e, "guid"),
        id: field(e, "id"),
        code: field(e, "code"),
        date: field(e, "date"),
        start: field(e, "start"),
        duration: field(e, "duration"),
        end: field(e, "end"),
        room: field(e, "room"),
        title: field(e, "title"),
        subtitle: field(e, "subtitle"),
        track: field(e, "track"),
        item_type: field(e, "type"),
        language: field(e, "language"),
        abstract_text: field(e, "abstract"),
        description: field(e, "description"),
        url: field(e, "url"),
        persons,
        links: all_links,
        path,
    }
}

pub fn read(doc: &Value, hints: &Hints) -> Result<Read, ReadError> {
    let fail = |path: &str, problem: &str| Err(ReadError::new(FORMAT.name(), path, problem));
    let Some(schedule) = doc.get("schedule").filter(|s| s.is_object()) else {
        return fail("schedule", "missing or not an object");
    };
    let Some(conf) = schedule.get("conference").filter(|c| c.is_object()) else {
        return fail("schedule.conference", "missing or not an object");
    };
    let mut warnings: Vec<Warning> = Vec::new();
    let tracks = match conf.get("tracks") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|t| {
                Some(RawTrack {
                    name: field(t, "name")?,
                    color: field(t, "color"),
                    slug: field(t, "slug"),
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    let url = field(schedule, "url");
    let conf_url = field(conf, "url");
    // pretalx and the hub write Markdown; their persons have `code`s.
    let markdown = [&url, &conf_url]
        .iter()
        .any(|u| u.as_deref().is_some_and(|u| u.contains("pretalx")))
        || field(schedule, "generator").is_some_and(|g| g.to_ascii_lowercase().contains("pretalx"))
        || schedule
            .get("generator")
            .and_then(|g| field(g, "name"))
            .is_some_and(|g| g.to_ascii_lowercase().contains("pretalx"));
    let mut out = Schedule {
        url,
        conference: Conference {
            path: "schedule.conference".to_owned(),
            acronym: field(conf, "acronym"),
            title: field(conf, "title"),
            description: field(conf, "description"),
            start: field(conf, "start"),
            end: field(conf, "end"),
            time_zone_name: field(conf, "time_zone_name"),
            day_change: field(conf, "day_change"),
            url: conf_url,
            base_url: field(schedule, "base_url").or_else(|| field(conf, "base_url")),
            venue: None,
            city: None,
            tracks,
            markdown,
        },
        days: Vec::new(),
        events: Vec::new(),
    };
    let Some(Value::Array(days)) = conf.get("days") else {
        return fail("schedule.conference.days", "missing or not a list");
    };
    for (d, day) in days.iter().enumerate() {
        let path = format!("schedule.conference.days[{d}]");
        if !day.is_object() {
            warnings.push(Warning {
                path,
                problem: "not an object; skipped".to_owned(),
            });
            continue;
        }
        let index = out.days.len();
        out.days.push(Day {
            path: path.clone(),
            date: field(day, "date"),
            start: field(day, "day_start"),
        });
        let Some(Value::Object(rooms)) = day.get("rooms") else {
            continue;
        };
        for (room, list) in rooms {
            let Value::Array(list) = list else { continue };
            for (i, e) in list.iter().enumerate() {
                let at = format!("{path}.rooms[{room:?}][{i}]");
                if e.is_object() {
                    out.events.push(event(e, index, room, at));
                } else {
                    warnings.push(Warning {
                        path: at,
                        problem: "not an object; skipped".to_owned(),
                    });
                }
            }
        }
    }
    build(FORMAT, out, hints, warnings)
}
