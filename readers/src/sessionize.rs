//! Reader for Sessionize's "All" view, `api/v2/<id>/view/All` (field mapping and
//! pitfalls: ../shared/realdata/FORMATS.md §2.4). The guarantees every reader keeps are
//! listed at the top of lib.rs. Times are the event's wall clock without an offset, or
//! UTC; categories are the organiser's own questions, read by what their titles ask.

use crate::event::{kind_of, web_url, Item, Kind, Link, LinkKind, Person, Text, Track};
use crate::json_common::{
    capped, finish, list, text, too_many, unique, Parts, MAX_ITEMS, MAX_PEOPLE,
};
use crate::time::DateTime;
use crate::{rich, Format, Hints, Read, ReadError, Warning};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const FORMAT: Format = Format::Sessionize;

/// What a category's title asks about.
#[derive(Clone, Copy, PartialEq)]
enum Asks {
    Track,
    Format,
    Language,
    Other,
}

fn asks(title: &str) -> Asks {
    let t = title.to_lowercase();
    if t.contains("track") || t.contains("topic") || t.contains("theme") {
        Asks::Track
    } else if t.contains("format") || t.contains("type") {
        Asks::Format
    } else if t.contains("language") {
        Asks::Language
    } else {
        Asks::Other
    }
}

pub fn read(doc: &Value, hints: &Hints) -> Result<Read, ReadError> {
    let sessions = list(FORMAT, doc, "sessions")?;
    let speakers = list(FORMAT, doc, "speakers")?;
    too_many(FORMAT, "sessions", sessions.len(), MAX_ITEMS)?;
    too_many(FORMAT, "speakers", speakers.len(), MAX_PEOPLE)?;
    let mut warnings: Vec<Warning> = Vec::new();
    let rooms: BTreeMap<String, String> = list(FORMAT, doc, "rooms")
        .map(|l| {
            l.iter()
                .filter_map(|r| Some((text(r.get("id"))?, text(r.get("name"))?)))
                .collect()
        })
        .unwrap_or_default();
    // Category item id → (what its category asks, its name).
    let mut choices: BTreeMap<String, (Asks, String)> = BTreeMap::new();
    let mut tracks = Vec::new();
    for category in doc
        .get("categories")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let about = asks(&text(category.get("title")).unwrap_or_default());
        for choice in category
            .get("items")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(id), Some(name)) = (text(choice.get("id")), text(choice.get("name"))) else {
                continue;
            };
            if about == Asks::Track {
                tracks.push(Track {
                    id: id.clone(),
                    name: Text::Plain(name.clone()),
                    color: None,
                });
            }
            choices.insert(id, (about, name));
        }
    }

    let mut person_ids = BTreeSet::new();
    let mut people = Vec::new();
    for (i, s) in speakers.iter().enumerate() {
        let path = format!("speakers[{i}]");
        let name = text(s.get("fullName")).or_else(|| {
            let parts: Vec<String> = ["firstName", "lastName"]
                .iter()
                .filter_map(|k| text(s.get(*k)))
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        let (Some(id), Some(name)) = (text(s.get("id")), name) else {
            warnings.push(Warning {
                path,
                problem: "no id or no name; skipped".to_owned(),
            });
            continue;
        };
        let links = s
            .get("links")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|l| {
                Some(Link {
                    url: web_url(&text(l.get("url"))?)?,
                    title: text(l.get("title")),
                    kind: LinkKind::Page,
                })
            })
            .collect();
        people.push(Person {
            id: unique(id, &mut person_ids, &path, &mut warnings),
            name: capped(name, &format!("{path}.fullName"), &mut warnings),
            organisation: text(s.get("tagLine")).map(Text::Plain),
            bio: text(s.get("bio"))
                .map(|b| rich::from_plain(&capped(b, &format!("{path}.bio"), &mut warnings)))
                .filter(|b| !b.is_empty())
                .map(Text::Plain),
            avatar: text(s.get("profilePicture")).and_then(|a| web_url(&a)),
            links,
        });
    }

    let mut item_ids = BTreeSet::new();
    let mut items = Vec::new();
    let mut offsets = Vec::new();
    for (i, s) in sessions.iter().enumerate() {
        let path = format!("sessions[{i}]");
        let parse = |key: &str| text(s.get(key)).and_then(|t| DateTime::parse(&t));
        let (Some(title), Some(start)) = (text(s.get("title")), parse("startsAt")) else {
            warnings.push(Warning {
                path,
                problem: "no title or no start time (not scheduled yet?); skipped".to_owned(),
            });
            continue;
        };
        let end = parse("endsAt")
            .filter(|e| e.wall_seconds() > start.wall_seconds() && e.offset == start.offset);
        offsets.extend(start.offset);
        let mut track = None;
        let mut item_type = None;
        let mut language = None;
        for id in s
            .get("categoryItems")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some((about, name)) = text(Some(id))
                .and_then(|id| choices.get(&id).map(|c| (id, c)))
                .map(|(id, (a, n))| (*a, (id, n.clone())))
            {
                match about {
                    Asks::Track if track.is_none() => track = Some(name.0),
                    Asks::Format if item_type.is_none() => item_type = Some(name.1),
                    Asks::Language if language.is_none() => language = Some(name.1),
                    _ => {}
                }
            }
        }
        let service = s.get("isServiceSession").and_then(Value::as_bool) == Some(true);
        let kind = match (service, kind_of(item_type.as_deref().unwrap_or(&title))) {
            (true, Kind::Other) => Kind::Break,
            (false, Kind::Other | Kind::Break) if item_type.is_none() => Kind::Talk,
            (_, kind) => kind,
        };
        let mut item_people = Vec::new();
        for (j, id) in s
            .get("speakers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            match text(Some(id)) {
                Some(id) if person_ids.contains(&id) => item_people.push(id),
                _ => warnings.push(Warning {
                    path: format!("{path}.speakers[{j}]"),
                    problem: "no speaker has this id; left out".to_owned(),
                }),
            }
        }
        let mut links = Vec::new();
        for (key, kind) in [
            ("recordingUrl", LinkKind::Recording),
            ("liveUrl", LinkKind::Other),
        ] {
            if let Some(url) = text(s.get(key)).and_then(|u| web_url(&u)) {
                links.push(Link {
                    url,
                    title: None,
                    kind,
                });
            }
        }
        items.push(Item {
            id: unique(
                text(s.get("id")).unwrap_or_else(|| i.to_string()),
                &mut item_ids,
                &path,
                &mut warnings,
            ),
            title: Text::Plain(capped(title, &format!("{path}.title"), &mut warnings)),
            kind,
            item_type,
            date: start.date_string(),
            start: start.to_iso(),
            end: end.map(|e| e.to_iso()),
            location: text(s.get("roomId"))
                .and_then(|r| rooms.get(&r).cloned())
                .map(Text::Plain),
            track,
            language,
            description: text(s.get("description"))
                .map(|d| {
                    rich::from_plain(&capped(d, &format!("{path}.description"), &mut warnings))
                })
                .filter(|d| !d.is_empty())
                .map(Text::Plain),
            people: item_people,
            links,
        });
    }
    finish(
        Parts {
            format: FORMAT,
            time_zone: None,
            people,
            items,
            tracks,
            offsets,
            warnings,
        },
        hints,
    )
}
