//! Reader for frab / c3voc `schedule.json`, pretalx's export included (field mapping and
//! pitfalls: ../shared/realdata/FORMATS.md §2.1, §3). The guarantees every reader keeps
//! are listed at the top of lib.rs; the mapping itself is shared with the XML reader in
//! [`crate::frab`].

use crate::error::Warning;
use crate::frab::{
    self, Conference, Day, LinkSource, RawEvent, RawLink, RawPerson, RawTrack, Schedule,
};
use crate::{Format, Hints, Read, ReadError};
use serde_json::{Map, Value};

const FORMAT: Format = Format::FrabJson;

/// A string, or a number written as one (`"id": 11223`, `"index": "1"`).
fn scalar(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => frab::nonblank(Some(s)).map(str::to_owned),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn field(object: &Map<String, Value>, key: &str) -> Option<String> {
    scalar(object.get(key))
}

/// `"key"` as a JSON path segment: `["Saal 1"]`.
fn quoted(key: &str) -> String {
    serde_json::to_string(key).unwrap_or_else(|_| "\"?\"".to_owned())
}

fn link_list(
    object: &Map<String, Value>,
    key: &str,
    path: &str,
    source: LinkSource,
    warnings: &mut Vec<Warning>,
) -> Vec<RawLink> {
    let Some(list) = object.get(key) else {
        return Vec::new();
    };
    let Some(list) = list.as_array() else {
        if !list.is_null() {
            warnings.push(Warning {
                path: format!("{path}.{key}"),
                problem: "is not a list; ignored".into(),
            });
        }
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let path = format!("{path}.{key}[{i}]");
            let (url, title, link_type) = match l {
                Value::String(s) => (Some(s.clone()), None, None),
                Value::Object(o) => (
                    field(o, "url").or_else(|| field(o, "href")),
                    field(o, "title"),
                    field(o, "type"),
                ),
                _ => (None, None, None),
            };
            let Some(url) = url else {
                warnings.push(Warning {
                    path,
                    problem: "has no url; left out".into(),
                });
                return None;
            };
            Some(RawLink {
                path,
                url,
                title,
                link_type,
                source,
            })
        })
        .collect()
}

fn person(p: &Value, path: String, warnings: &mut Vec<Warning>) -> Option<RawPerson> {
    let Some(o) = p.as_object() else {
        // A bare name, as a few hand-made files write.
        return match p.as_str().and_then(|s| frab::nonblank(Some(s))) {
            Some(name) => Some(RawPerson {
                path,
                name: Some(name.to_owned()),
                ..RawPerson::default()
            }),
            None => {
                warnings.push(Warning {
                    path,
                    problem: "is not a person; left out".into(),
                });
                None
            }
        };
    };
    Some(RawPerson {
        guid: field(o, "guid"),
        id: field(o, "id"),
        code: field(o, "code"),
        name: field(o, "name")
            .or_else(|| field(o, "public_name"))
            .or_else(|| field(o, "full_public_name")),
        biography: field(o, "biography"),
        avatar: field(o, "avatar"),
        url: field(o, "url"),
        links: link_list(o, "links", &path, LinkSource::Link, warnings),
        path,
    })
}

fn event(
    e: &Map<String, Value>,
    path: String,
    day: usize,
    room: &str,
    warnings: &mut Vec<Warning>,
) -> RawEvent {
    let persons = match e.get("persons") {
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .filter_map(|(i, p)| person(p, format!("{path}.persons[{i}]"), warnings))
            .collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(_) => {
            warnings.push(Warning {
                path: format!("{path}.persons"),
                problem: "is not a list; ignored".into(),
            });
            Vec::new()
        }
    };
    let mut links = link_list(e, "links", &path, LinkSource::Link, warnings);
    links.extend(link_list(
        e,
        "attachments",
        &path,
        LinkSource::Attachment,
        warnings,
    ));
    RawEvent {
        day,
        listed_room: frab::nonblank(Some(room)).map(str::to_owned),
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
        links,
        path,
    }
}

fn tracks(conf: &Map<String, Value>) -> Vec<RawTrack> {
    let Some(list) = conf.get("tracks").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|t| match t {
            Value::String(s) => Some(RawTrack {
                name: s.clone(),
                ..RawTrack::default()
            }),
            Value::Object(o) => Some(RawTrack {
                name: field(o, "name")?,
                color: field(o, "color"),
                slug: field(o, "slug"),
            }),
            _ => None,
        })
        .collect()
}

pub fn read(input: &Value, hints: &Hints) -> Result<Read, ReadError> {
    let err = |path: &str, problem: &str| ReadError::new(FORMAT.name(), path, problem);
    let schedule = input
        .get("schedule")
        .and_then(Value::as_object)
        .ok_or_else(|| err("schedule", "is missing or not an object"))?;
    let conf = schedule
        .get("conference")
        .and_then(Value::as_object)
        .ok_or_else(|| err("schedule.conference", "is missing or not an object"))?;
    let day_list = conf.get("days").and_then(Value::as_array).ok_or_else(|| {
        err(
            "schedule.conference.days",
            "is missing or not a list of days",
        )
    })?;

    let mut warnings = Vec::new();
    let url = field(conf, "url");
    let markdown = url
        .as_deref()
        .or(field(schedule, "url").as_deref())
        .is_some_and(|u| u.to_lowercase().contains("pretalx"));
    let conference = Conference {
        path: "schedule.conference".into(),
        acronym: field(conf, "acronym"),
        title: field(conf, "title"),
        description: field(conf, "description"),
        start: field(conf, "start"),
        end: field(conf, "end"),
        time_zone_name: field(conf, "time_zone_name"),
        day_change: field(conf, "day_change"),
        url,
        base_url: field(schedule, "base_url").or_else(|| field(conf, "base_url")),
        venue: field(conf, "venue"),
        city: field(conf, "city"),
        tracks: tracks(conf),
        markdown,
    };

    let mut days = Vec::new();
    let mut events = Vec::new();
    for (d, day) in day_list.iter().enumerate() {
        let path = format!("schedule.conference.days[{d}]");
        let Some(day) = day.as_object() else {
            warnings.push(Warning {
                path,
                problem: "is not a day; left out".into(),
            });
            continue;
        };
        let index = days.len();
        days.push(Day {
            path: path.clone(),
            date: field(day, "date"),
            start: field(day, "day_start"),
        });
        let Some(rooms) = day.get("rooms").and_then(Value::as_object) else {
            if day.get("rooms").is_some_and(|r| !r.is_null()) {
                warnings.push(Warning {
                    path: format!("{path}.rooms"),
                    problem: "is not an object of rooms; the day's events are left out".into(),
                });
            }
            continue;
        };
        for (room, list) in rooms {
            let room_path = format!("{path}.rooms[{}]", quoted(room));
            let Some(list) = list.as_array() else {
                warnings.push(Warning {
                    path: room_path,
                    problem: "is not a list of events; left out".into(),
                });
                continue;
            };
            for (i, e) in list.iter().enumerate() {
                let path = format!("{room_path}[{i}]");
                match e.as_object() {
                    Some(e) => {
                        if events.len() >= frab::MAX_ITEMS {
                            return Err(err(
                                &path,
                                &format!(
                                    "more than {} events; at most that many are read",
                                    frab::MAX_ITEMS
                                ),
                            ));
                        }
                        events.push(event(e, path, index, room, &mut warnings));
                    }
                    None => warnings.push(Warning {
                        path,
                        problem: "is not an event; left out".into(),
                    }),
                }
            }
        }
    }

    frab::build(
        FORMAT,
        Schedule {
            url: field(schedule, "url"),
            conference,
            days,
            events,
        },
        hints,
        warnings,
    )
}
