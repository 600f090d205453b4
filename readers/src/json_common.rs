//! What the flat, id-linked JSON readers (pretalx widget data, Sessionize) share: text
//! fields, language maps, unique ids, and the event assembled from items and people.

use crate::event::{date_span, ConvertedFrom, Event, Item, Person, Text, Track, FORMAT_VERSION};
use crate::time::{utc_offset_field, DateTime};
use crate::{dominant_offset, slug, Format, Hints, Read, ReadError, Warning};
use serde_json::Value;
use std::collections::BTreeSet;

pub const MAX_ITEMS: usize = 10_000;
pub const MAX_PEOPLE: usize = 5_000;
const MAX_TEXT: usize = 20_000;

/// The top-level list `key`, or an error naming it.
pub fn list<'a>(format: Format, doc: &'a Value, key: &str) -> Result<&'a Vec<Value>, ReadError> {
    doc.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| ReadError::new(format.name(), key, "missing or not a list"))
}

/// A string or number as text; `None` for null, blank or other shapes.
pub fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A plain string, or a language map (`{"en": …, "es": …}`) with blank entries left out.
pub fn localized(v: Option<&Value>) -> Option<Text> {
    match v? {
        Value::Object(map) => {
            let texts: std::collections::BTreeMap<String, String> = map
                .iter()
                .filter_map(|(tag, t)| Some((tag.clone(), text(Some(t))?)))
                .collect();
            (!texts.is_empty()).then_some(Text::Languages(texts))
        }
        other => text(Some(other)).map(Text::Plain),
    }
}

/// Cuts a text over the limit, with a warning.
pub fn capped(s: String, path: &str, warnings: &mut Vec<Warning>) -> String {
    match crate::rich::char_limit(&s, MAX_TEXT) {
        Some(cut) => {
            warnings.push(Warning {
                path: path.to_owned(),
                problem: format!("longer than {MAX_TEXT} characters; cut"),
            });
            s[..cut].to_owned()
        }
        None => s,
    }
}

/// Makes `id` unique among `seen` (`x`, `x-2`, …), with a warning when it was not.
pub fn unique(
    id: String,
    seen: &mut BTreeSet<String>,
    path: &str,
    warnings: &mut Vec<Warning>,
) -> String {
    if seen.insert(id.clone()) {
        return id;
    }
    let mut n = 2;
    while seen.contains(&format!("{id}-{n}")) {
        n += 1;
    }
    let new = format!("{id}-{n}");
    warnings.push(Warning {
        path: path.to_owned(),
        problem: format!("id `{id}` repeats; read as `{new}`"),
    });
    seen.insert(new.clone());
    new
}

/// The rest of the event, once items and people are read.
pub struct Parts {
    pub format: Format,
    pub time_zone: Option<String>,
    pub people: Vec<Person>,
    pub items: Vec<Item>,
    pub tracks: Vec<Track>,
    /// Offsets the items' times carry, for `utc_offset`.
    pub offsets: Vec<i32>,
    pub warnings: Vec<Warning>,
}

pub fn finish(parts: Parts, hints: &Hints) -> Result<Read, ReadError> {
    let Parts {
        format,
        time_zone,
        people,
        mut items,
        tracks,
        offsets,
        warnings,
    } = parts;
    let Some((start_date, end_date)) = date_span(&items) else {
        return Err(ReadError::new(
            format.name(),
            "",
            "no item with a usable start time",
        ));
    };
    items.sort_by_key(|i| {
        DateTime::parse(&i.start).map(|t| t.instant().unwrap_or_else(|| t.wall_seconds()))
    });
    let name = hints.name.clone().map(Text::Plain);
    let time_zone = time_zone.or_else(|| hints.time_zone.clone());
    let utc_offset = match &time_zone {
        Some(_) => None,
        None => dominant_offset(offsets).map(utc_offset_field),
    };
    Ok(Read {
        format,
        event: Event {
            version: FORMAT_VERSION,
            id: name
                .as_ref()
                .map_or_else(|| "event".to_owned(), |n| slug(n.any())),
            name,
            summary: None,
            start_date,
            end_date,
            time_zone,
            utc_offset,
            venue: None,
            url: None,
            tracks,
            people,
            program: items,
            converted_from: ConvertedFrom {
                format: format.name().to_owned(),
            },
        },
        warnings,
    })
}

/// Too many entries for the widget: an error naming the list.
pub fn too_many(format: Format, path: &str, len: usize, max: usize) -> Result<(), ReadError> {
    if len > max {
        return Err(ReadError::new(
            format.name(),
            path,
            format!("{len} entries; at most {max} are read"),
        ));
    }
    Ok(())
}
