//! Reader for pretalx's widget data, `schedule/widgets/schedule.json` (field mapping and
//! pitfalls: ../shared/realdata/FORMATS.md §2.3). The guarantees every reader keeps are
//! listed at the top of lib.rs. Breaks carry their start in UTC and their end in the
//! event's offset: both are put on the event's local offset.

use crate::event::{kind_of, web_url, Item, Kind, Person, Track};
use crate::json_common::{
    capped, finish, list, localized, text, too_many, unique, Parts, MAX_ITEMS, MAX_PEOPLE,
};
use crate::time::DateTime;
use crate::{dominant_offset, rich, Format, Hints, Read, ReadError, Warning};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const FORMAT: Format = Format::PretalxWidget;

pub fn read(doc: &Value, hints: &Hints) -> Result<Read, ReadError> {
    let talks = list(FORMAT, doc, "talks")?;
    let speakers = list(FORMAT, doc, "speakers")?;
    too_many(FORMAT, "talks", talks.len(), MAX_ITEMS)?;
    too_many(FORMAT, "speakers", speakers.len(), MAX_PEOPLE)?;
    let mut warnings: Vec<Warning> = Vec::new();
    let names = |key: &str| -> BTreeMap<String, Value> {
        list(FORMAT, doc, key)
            .map(|l| {
                l.iter()
                    .filter_map(|r| Some((text(r.get("id"))?, r.clone())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let rooms = names("rooms");
    let track_list = names("tracks");
    let tracks: Vec<Track> = track_list
        .iter()
        .filter_map(|(id, t)| {
            Some(Track {
                id: id.clone(),
                name: localized(t.get("name"))?,
                color: text(t.get("color")).filter(|c| {
                    c.len() == 7
                        && c.starts_with('#')
                        && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
                }),
            })
        })
        .collect();

    let mut person_ids = BTreeSet::new();
    let mut people = Vec::new();
    for (i, s) in speakers.iter().enumerate() {
        let path = format!("speakers[{i}]");
        let (Some(code), Some(name)) = (text(s.get("code")), text(s.get("name"))) else {
            warnings.push(Warning {
                path,
                problem: "no code or no name; skipped".to_owned(),
            });
            continue;
        };
        let id = unique(code, &mut person_ids, &path, &mut warnings);
        people.push(Person {
            id,
            name: capped(name, &format!("{path}.name"), &mut warnings),
            organisation: None,
            bio: text(s.get("biography"))
                .map(|b| rich::from_markdown(&b).into())
                .filter(|b: &crate::event::Text| !b.is_blank()),
            avatar: text(s.get("avatar")).and_then(|a| web_url(&a)),
            links: Vec::new(),
        });
    }

    // Offsets of the talks' own times: the event's local offsets.
    let local: Vec<i32> = talks
        .iter()
        .flat_map(|t| [t.get("start"), t.get("end")])
        .filter_map(|v| DateTime::parse(&text(v)?)?.offset)
        .filter(|&o| o != 0)
        .collect();
    let local_offset = dominant_offset(local.iter().copied());
    let mut item_ids = BTreeSet::new();
    let mut items = Vec::new();
    let mut offsets = Vec::new();
    for (i, t) in talks.iter().enumerate() {
        let path = format!("talks[{i}]");
        let parse = |key: &str| text(t.get(key)).and_then(|s| DateTime::parse(&s));
        let Some(start) = parse("start") else {
            warnings.push(Warning {
                path: format!("{path}.start"),
                problem: "missing or not a date-time; skipped".to_owned(),
            });
            continue;
        };
        let end = parse("end").or_else(|| {
            let minutes = t.get("duration").and_then(Value::as_i64)?;
            Some(start.plus(minutes.clamp(0, 7 * 1440) * 60))
        });
        // One wall clock per event: the offset the item's own other time carries, else the event's.
        let own = [Some(start), end]
            .into_iter()
            .flatten()
            .filter_map(|t| t.offset)
            .find(|&o| o != 0);
        let to_local = |t: DateTime| match own.or(local_offset) {
            Some(off) => t.at_offset(off),
            None => t,
        };
        let (start, end) = (to_local(start), end.map(to_local));
        let end = end.filter(|e| match (e.instant(), start.instant()) {
            (Some(e), Some(s)) => e > s,
            _ => true,
        });
        offsets.extend(start.offset);
        let is_break =
            text(t.get("slot_type")).is_some_and(|s| s == "break") || t.get("code").is_none();
        let id = match text(t.get("code")) {
            Some(code) => code,
            None => format!(
                "slot-{}",
                text(t.get("id")).unwrap_or_else(|| i.to_string())
            ),
        };
        let id = unique(id, &mut item_ids, &path, &mut warnings);
        let Some(title) = localized(t.get("title")) else {
            warnings.push(Warning {
                path: format!("{path}.title"),
                problem: "missing; skipped".to_owned(),
            });
            continue;
        };
        let speakers: Vec<String> = t
            .get("speakers")
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(|c| text(Some(c))).collect())
            .unwrap_or_default();
        let mut item_people = Vec::new();
        for (j, code) in speakers.into_iter().enumerate() {
            if person_ids.contains(&code) {
                item_people.push(code);
            } else {
                warnings.push(Warning {
                    path: format!("{path}.speakers[{j}]"),
                    problem: format!("no speaker has code `{code}`; left out"),
                });
            }
        }
        let room = text(t.get("room"))
            .and_then(|r| rooms.get(&r))
            .and_then(|r| localized(r.get("name")));
        let description = text(t.get("abstract"))
            .filter(|a| a != "-")
            .map(|a| rich::from_markdown(&capped(a, &format!("{path}.abstract"), &mut warnings)))
            .filter(|a| !a.is_empty())
            .map(Into::into);
        items.push(Item {
            id,
            kind: match (is_break, kind_of(title.any())) {
                (true, _) => Kind::Break,
                // A talk named "…break…" is still a talk.
                (false, Kind::Other | Kind::Break) => Kind::Talk,
                (false, kind) => kind,
            },
            title,
            item_type: None,
            date: start.date_string(),
            start: start.to_iso(),
            end: end.map(|e| e.to_iso()),
            location: room,
            track: text(t.get("track")).filter(|id| track_list.contains_key(id)),
            language: text(t.get("content_locale")),
            description,
            people: item_people,
            links: Vec::new(),
        });
    }
    finish(
        Parts {
            format: FORMAT,
            time_zone: text(doc.get("timezone")),
            people,
            items,
            tracks,
            offsets,
            warnings,
        },
        hints,
    )
}
