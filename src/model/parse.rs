//! JSON → validated [`Event`], with errors that name the failing field.

use super::date::Clock;
use super::event::{Event, Link, FORMAT_VERSION};
use super::text::{is_language_tag, LocalizedText};
use crate::json;
use std::fmt;

/// Why an event file was refused, and where: `people[2].name: missing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventError {
    /// Dotted field path from the top of the file; `.` for the file as a whole.
    pub path: String,
    pub problem: String,
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

impl std::error::Error for EventError {}

fn err(path: impl Into<String>, problem: impl Into<String>) -> EventError {
    EventError {
        path: path.into(),
        problem: problem.into(),
    }
}

/// Largest event file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most characters in one text, id or name.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Most programme items, people, sources, and entries of other lists.
pub const MAX_ITEMS: usize = 10_000;
pub const MAX_PEOPLE: usize = 5_000;
pub const MAX_OTHER: usize = 200;

/// Parses and validates an event file; the programme comes back in display order.
pub fn parse_event(json: &str) -> Result<Event, EventError> {
    if json.len() > MAX_FILE_BYTES {
        return Err(err(
            ".",
            format!(
                "the file has {} bytes; at most {MAX_FILE_BYTES} are read",
                json.len()
            ),
        ));
    }
    let mut event: Event = match json::read(json) {
        Ok(event) => event,
        Err(first) => return Err(refusal(json, first)),
    };
    if !(1..=FORMAT_VERSION).contains(&event.version) {
        return Err(unsupported(event.version.into()));
    }
    validate(&event)?;
    event.sort_programme();
    Ok(event)
}

/// An event file known to be valid (the built-in one): read, and its programme put in
/// order, with no other check.
pub fn read_trusted(json: &str) -> Result<Event, EventError> {
    let mut event: Event = json::read(json)?;
    event.sort_programme();
    Ok(event)
}

impl From<json::Error> for EventError {
    fn from(e: json::Error) -> Self {
        EventError {
            path: e.path(),
            problem: e.problem().to_owned(),
        }
    }
}

fn unsupported(version: u64) -> EventError {
    err(
        "version",
        format!("unsupported version {version}; this widget reads versions 1 to {FORMAT_VERSION}"),
    )
}

/// Only the version, read when a file is refused: a file of another version gets that
/// error rather than a confusing one about some field that changed.
struct Header {
    version: Option<u64>,
}

crate::json_struct!(Header, "struct Header", { version });

/// The error to report for a file whose reading as an [`Event`] failed with `first`.
/// Broken JSON anywhere in the file comes first, then a file that is not one object,
/// then a missing, mistyped or unsupported version, and only then `first`.
fn refusal(json: &str, first: json::Error) -> EventError {
    if first.is_syntax() {
        return first.into();
    }
    if let Err(broken) = json::check(json) {
        return broken.into();
    }
    match json::read::<Header>(json) {
        Err(e) if e.path() == "version" => err("version", "must be a number: 1 or 2"),
        Err(_)
            if !json
                .trim_start_matches([' ', '\t', '\n', '\r'])
                .starts_with('{') =>
        {
            err(".", "expected a JSON object describing one event")
        }
        Err(e) => e.into(),
        Ok(Header { version: None }) => err("version", "missing"),
        Ok(Header { version: Some(v) }) if !(1..=u64::from(FORMAT_VERSION)).contains(&v) => {
            unsupported(v)
        }
        Ok(_) => first.into(),
    }
}

struct Checker {
    first: Option<EventError>,
}

/// A field path, written out only when a check fails: a valid file of 1,000 items would
/// otherwise build some 10,000 path strings that nobody reads.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    name: &'a str,
    index: Option<usize>,
}

impl<'a> Path<'a> {
    const fn top(name: &'a str) -> Self {
        Path {
            parent: None,
            name,
            index: None,
        }
    }

    /// The entry at `index` of this list.
    fn at(self, index: usize) -> Self {
        Path {
            index: Some(index),
            ..self
        }
    }

    fn field(&'a self, name: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            name,
            index: None,
        }
    }

    /// `people[2].native_name.text`
    fn render(&self) -> String {
        let mut out = self.parent.map_or_else(String::new, |p| p.render() + ".");
        out.push_str(self.name);
        if let Some(index) = self.index {
            out.push('[');
            out.push_str(&index.to_string());
            out.push(']');
        }
        out
    }
}

/// A list's ids, sorted (the sort the filters' room names use), and those that occur more
/// than once, each with whether it has been met yet: no hash table in the wasm for this.
struct Ids {
    all: Vec<String>,
    repeated: Vec<(String, bool)>,
}

impl Ids {
    fn of<'a>(ids: impl Iterator<Item = &'a String>) -> Ids {
        let mut all: Vec<String> = ids.cloned().collect();
        all.sort_unstable();
        let mut repeated: Vec<(String, bool)> = Vec::new();
        for pair in all.windows(2) {
            if pair[0] == pair[1] && repeated.last().is_none_or(|(r, _)| *r != pair[0]) {
                repeated.push((pair[0].clone(), false));
            }
        }
        Ids { all, repeated }
    }

    fn contains(&self, id: &str) -> bool {
        self.all.binary_search_by(|x| x.as_str().cmp(id)).is_ok()
    }

    /// Whether `id` was met before; the ids are met in list order.
    fn again(&mut self, id: &str) -> bool {
        match self.repeated.binary_search_by(|(x, _)| x.as_str().cmp(id)) {
            Ok(k) => std::mem::replace(&mut self.repeated[k].1, true),
            Err(_) => false,
        }
    }
}

impl Checker {
    fn fail(&mut self, path: &Path, problem: impl Into<String>) {
        if self.first.is_none() {
            self.first = Some(err(path.render(), problem));
        }
    }

    fn count(&mut self, path: &Path, len: usize, max: usize) {
        if len > max {
            self.fail(path, format!("{len} entries; at most {max}"));
        }
    }

    fn length(&mut self, path: &Path, value: &str) {
        let chars = value.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.fail(
                path,
                format!("{chars} characters; at most {MAX_TEXT_CHARS}"),
            );
        }
    }

    fn text(&mut self, path: &Path, text: &LocalizedText, required: bool) {
        if required && text.is_empty() {
            self.fail(path, "missing (needs text in at least one language)");
        }
        self.count(path, text.0.len(), MAX_OTHER);
        for (lang, value) in text.0.iter() {
            let at = path.field(lang);
            self.length(&at, value);
            if !is_language_tag(lang) {
                self.fail(&at, "not a language tag (use e.g. en, zh, sr-Latn)");
            } else if value.trim().is_empty() {
                self.fail(&at, "empty text");
            }
        }
    }

    fn non_empty(&mut self, path: &Path, value: &str) {
        self.length(path, value);
        if value.trim().is_empty() {
            self.fail(path, "empty");
        }
    }

    fn id(&mut self, path: &Path, id: &str, ids: &mut Ids) {
        self.non_empty(path, id);
        if ids.again(id) {
            self.fail(path, format!("duplicate id `{id}`"));
        }
    }

    fn web_url(&mut self, path: &Path, url: &str) {
        self.length(path, url);
        let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
        if !matches!(scheme.as_deref(), Some("https" | "http")) {
            self.fail(path, "must be an http:// or https:// address");
        }
    }

    fn links(&mut self, path: &Path, links: &[Link]) {
        self.count(path, links.len(), MAX_OTHER);
        for (i, link) in links.iter().enumerate() {
            self.web_url(&path.at(i).field("url"), &link.url);
        }
    }

    fn country(&mut self, path: &Path, code: Option<&str>) {
        if let Some(code) = code {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                self.fail(
                    path,
                    format!("`{code}` is not an ISO 3166-1 alpha-2 code (e.g. CN, RS)"),
                );
            }
        }
    }
}

/// True for `+01:00`, `-05:00`, `+00:00`.
fn is_utc_offset(offset: &str) -> bool {
    offset.len() == 6
        && matches!(offset.as_bytes()[0], b'+' | b'-')
        && super::date::Time::parse(&offset[1..]).is_some()
}

/// True for `Area/Location` style IANA names and `UTC`; the browser checks the rest.
pub fn is_time_zone_name(zone: &str) -> bool {
    let part_ok = |p: &str| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_+-".contains(&b))
    };
    zone == "UTC" || (zone.contains('/') && zone.split('/').all(part_ok))
}

fn validate(event: &Event) -> Result<(), EventError> {
    let mut c = Checker { first: None };
    c.count(&Path::top("program"), event.program.len(), MAX_ITEMS);
    c.count(&Path::top("people"), event.people.len(), MAX_PEOPLE);
    for (path, len) in [
        ("organisations", event.organisations.len()),
        ("figures", event.figures.len()),
        ("notes", event.notes.len()),
        ("sources", event.sources.len()),
    ] {
        c.count(&Path::top(path), len, MAX_OTHER);
    }
    if c.first.is_some() {
        return c.first.map_or(Ok(()), Err);
    }
    // Version 1 files describe a forum in full; files converted from conference
    // systems (version 2) lack what those systems do not publish.
    let v1 = event.version == 1;
    c.non_empty(&Path::top("id"), &event.id);
    c.text(&Path::top("name"), &event.name, v1);
    c.text(&Path::top("full_name"), &event.full_name, false);
    c.text(&Path::top("edition"), &event.edition, false);
    c.text(&Path::top("summary"), &event.summary, false);
    c.text(&Path::top("theme"), &event.theme, false);
    if event.last_date() < event.start_date {
        c.fail(&Path::top("end_date"), "is before start_date");
    }
    if let Some(offset) = &event.utc_offset {
        if !is_utc_offset(offset) {
            c.fail(
                &Path::top("utc_offset"),
                format!("`{offset}` is not an offset like +01:00"),
            );
        }
    }
    if let Some(url) = &event.url {
        c.web_url(&Path::top("url"), url);
    }
    let mut track_ids = Ids::of(event.tracks.iter().map(|x| &x.id));
    c.count(&Path::top("tracks"), event.tracks.len(), MAX_OTHER);
    for (i, track) in event.tracks.iter().enumerate() {
        let path = Path::top("tracks").at(i);
        c.id(&path.field("id"), &track.id, &mut track_ids);
        c.text(&path.field("name"), &track.name, true);
        if let Some(color) = &track.color {
            let hex = color.len() == 7
                && color.starts_with('#')
                && color.bytes().skip(1).all(|b| b.is_ascii_hexdigit());
            if !hex {
                c.fail(
                    &path.field("color"),
                    format!("`{color}` is not a colour like #1a7f37"),
                );
            }
        }
    }
    if v1 && event.time_zone.is_empty() {
        c.fail(&Path::top("time_zone"), "missing");
    } else if !event.time_zone.is_empty() && !is_time_zone_name(&event.time_zone) {
        c.fail(
            &Path::top("time_zone"),
            format!(
                "`{}` is not an IANA time-zone name (e.g. Asia/Shanghai)",
                event.time_zone
            ),
        );
    }
    let venue = Path::top("venue");
    if v1 && event.venue.name.is_empty() {
        c.fail(&venue, "missing");
    }
    c.text(&venue.field("name"), &event.venue.name, false);
    c.text(&venue.field("city"), &event.venue.city, false);
    c.text(&venue.field("region"), &event.venue.region, false);
    c.country(&venue.field("country"), event.venue.country.as_deref());
    for (i, org) in event.organisations.iter().enumerate() {
        let path = Path::top("organisations").at(i);
        c.text(&path.field("name"), &org.name, true);
    }
    for (i, note) in event.notes.iter().enumerate() {
        c.text(&Path::top("notes").at(i), note, true);
    }

    let mut source_ids = Ids::of(event.sources.iter().map(|x| &x.id));
    for (i, source) in event.sources.iter().enumerate() {
        let path = Path::top("sources").at(i);
        c.id(&path.field("id"), &source.id, &mut source_ids);
        if let Some(url) = &source.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                c.fail(&path.field("url"), "must be an http:// or https:// address");
            }
        }
        c.text(&path.field("publisher"), &source.publisher, true);
        c.text(&path.field("title"), &source.title, false);
        if let Some(lang) = &source.lang {
            if !is_language_tag(lang) {
                c.fail(
                    &path.field("lang"),
                    format!("`{lang}` is not a language tag"),
                );
            }
        }
    }
    for (i, figure) in event.figures.iter().enumerate() {
        let path = Path::top("figures").at(i);
        c.text(&path.field("value"), &figure.value, true);
        c.text(&path.field("label"), &figure.label, true);
        c.text(&path.field("pattern"), &figure.pattern, false);
        for (lang, pattern) in figure.pattern.0.iter() {
            if pattern.matches("{}").count() != 1 {
                c.fail(
                    &path.field("pattern").field(lang),
                    "must hold `{}`, where the value goes, once",
                );
            }
        }
        if let Some(id) = &figure.source {
            if !source_ids.contains(id) {
                c.fail(&path.field("source"), format!("no source has id `{id}`"));
            }
        }
    }

    let mut person_ids = Ids::of(event.people.iter().map(|x| &x.id));
    for (i, person) in event.people.iter().enumerate() {
        let path = Path::top("people").at(i);
        c.id(&path.field("id"), &person.id, &mut person_ids);
        c.non_empty(&path.field("name"), &person.name);
        if let Some(native) = &person.native_name {
            let native_path = path.field("native_name");
            c.non_empty(&native_path.field("text"), &native.text);
            if !is_language_tag(&native.lang) {
                c.fail(
                    &native_path.field("lang"),
                    "not a language tag (e.g. sr-Cyrl)",
                );
            }
        }
        c.text(&path.field("local_names"), &person.local_names, false);
        c.text(&path.field("role"), &person.role, v1);
        c.text(&path.field("organisation"), &person.organisation, false);
        c.country(&path.field("country"), person.country.as_deref());
        c.text(&path.field("participation"), &person.participation, false);
        if v1 && person.attendance.is_none() {
            c.fail(&path.field("attendance"), "missing");
        }
        c.text(&path.field("bio"), &person.bio, false);
        if let Some(avatar) = &person.avatar {
            c.web_url(&path.field("avatar"), avatar);
        }
        c.links(&path.field("links"), &person.links);
    }

    let mut item_ids = Ids::of(event.program.iter().map(|x| &x.id));
    for (i, item) in event.program.iter().enumerate() {
        let path = Path::top("program").at(i);
        c.id(&path.field("id"), &item.id, &mut item_ids);
        c.text(&path.field("title"), &item.title, true);
        c.text(&path.field("location"), &item.location, false);
        c.text(&path.field("description"), &item.description, false);
        if item.date < event.start_date || item.date > event.last_date() {
            c.fail(&path.field("date"), "is outside the event's dates");
        }
        let at = |clock: Clock| (clock.on(item.date), clock.time);
        match (item.start, item.end) {
            (None, Some(_)) => c.fail(&path.field("end"), "given without start"),
            (Some(start), Some(end)) if at(end) <= at(start) => {
                c.fail(&path.field("end"), "is not after start")
            }
            _ => {}
        }
        if let Some(language) = &item.language {
            c.length(&path.field("language"), language);
        }
        if let Some(item_type) = &item.item_type {
            c.length(&path.field("type"), item_type);
        }
        if let Some(track) = &item.track {
            c.non_empty(&path.field("track"), track);
        }
        c.links(&path.field("links"), &item.links);
        let people = path.field("people");
        c.count(&people, item.people.len(), MAX_OTHER);
        for (j, person) in item.people.iter().enumerate() {
            if !person_ids.contains(person) {
                c.fail(&people.at(j), format!("no person has id `{person}`"));
            }
        }
    }
    c.first.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::Ids;

    #[test]
    fn ids_met_again_are_told_from_the_first_meeting() {
        let list: Vec<String> = ["b", "a", "b", "c", "b", "a"].map(String::from).to_vec();
        let mut ids = Ids::of(list.iter());
        let again: Vec<bool> = list.iter().map(|id| ids.again(id)).collect();
        assert_eq!(again, [false, false, true, false, true, true]);
        assert!(ids.contains("c") && ids.contains("a") && !ids.contains("d") && !ids.contains(""));
    }
}
