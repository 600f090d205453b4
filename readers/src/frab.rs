//! The frab data model the two frab readers share: `schedule.json` and `schedule.xml`
//! are read into [`Schedule`] (strings as the file gives them, each with its path), and
//! [`build`] maps that onto the widget's event format once, with every pitfall of
//! ../shared/realdata/FORMATS.md §3 that the frab family has: conference days past
//! midnight, dates that are date-times, durations in any shape, UTC among local offsets,
//! a zone name the offsets contradict, persons repeated in every event, HTML or Markdown
//! abstracts.

use crate::error::Warning;
use crate::event::{
    date_span, kind_of, web_url, ConvertedFrom, Event, Item, Kind, Link, LinkKind, Person, Text,
    Track, Venue, FORMAT_VERSION,
};
use crate::time::{parse_clock, parse_date, parse_duration, utc_offset_field, DateTime};
use crate::{dominant_offset, rich, slug, Format, Hints, Read, ReadError};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many items and people are read.
pub const MAX_ITEMS: usize = 10_000;
pub const MAX_PEOPLE: usize = 5_000;
/// Texts longer than this (in characters) are cut.
pub const MAX_TEXT: usize = 20_000;
/// Longest item accepted (a week): anything longer is a broken duration.
const MAX_DURATION: i64 = 7 * 86_400;

/// The `<conference>` / `schedule.conference` fields used.
#[derive(Debug, Default)]
pub struct Conference {
    pub path: String,
    pub acronym: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub time_zone_name: Option<String>,
    /// Pentabarf's `day_change` (`09:00:00`): times before it belong to the day before.
    pub day_change: Option<String>,
    pub url: Option<String>,
    /// The base for relative media URIs (attachments, avatars).
    pub base_url: Option<String>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub tracks: Vec<RawTrack>,
    /// Texts are pretalx Markdown (pretalx export, CCC hub) rather than frab's HTML-ish.
    pub markdown: bool,
}

#[derive(Debug, Default)]
pub struct RawTrack {
    pub name: String,
    pub color: Option<String>,
    pub slug: Option<String>,
}

/// One conference day (`<day>` / `days[]`).
#[derive(Debug, Default)]
pub struct Day {
    pub path: String,
    pub date: Option<String>,
    pub start: Option<String>,
}

#[derive(Debug, Default)]
pub struct RawEvent {
    pub path: String,
    /// Index into [`Schedule::days`] of the day it is listed under.
    pub day: usize,
    /// The room it is listed under (`<room name>`, the key in `rooms`).
    pub listed_room: Option<String>,
    pub guid: Option<String>,
    pub id: Option<String>,
    pub code: Option<String>,
    pub date: Option<String>,
    pub start: Option<String>,
    pub duration: Option<String>,
    pub end: Option<String>,
    pub room: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub track: Option<String>,
    pub item_type: Option<String>,
    pub language: Option<String>,
    pub abstract_text: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub persons: Vec<RawPerson>,
    pub links: Vec<RawLink>,
}

#[derive(Debug, Default)]
pub struct RawPerson {
    pub path: String,
    pub guid: Option<String>,
    pub id: Option<String>,
    pub code: Option<String>,
    pub name: Option<String>,
    pub biography: Option<String>,
    pub avatar: Option<String>,
    pub url: Option<String>,
    pub links: Vec<RawLink>,
}

/// What a link is, before its title is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSource {
    /// The item's or person's own `url`.
    Page,
    /// `links[]`, `<links><link>`.
    Link,
    /// `attachments[]`, `<attachments><attachment>` (relative paths are media URIs).
    Attachment,
}

#[derive(Debug)]
pub struct RawLink {
    pub path: String,
    pub url: String,
    pub title: Option<String>,
    /// A type the data gives (`<attachment type="slides">`, hub `<type>related</type>`).
    pub link_type: Option<String>,
    pub source: LinkSource,
}

#[derive(Debug, Default)]
pub struct Schedule {
    /// `schedule.url` (pretalx), the schedule's own page.
    pub url: Option<String>,
    pub conference: Conference,
    pub days: Vec<Day>,
    pub events: Vec<RawEvent>,
}

/// `Some(trimmed)` for a non-blank string.
pub fn nonblank(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// `s` cut to [`MAX_TEXT`] characters, with a warning when it was longer.
fn cap<'s>(s: &'s str, at: At, warnings: &mut Vec<Warning>) -> Cow<'s, str> {
    match rich::char_limit(s, MAX_TEXT) {
        Some(cut) => {
            warnings.push(Warning {
                path: at.path(),
                problem: format!(
                    "the text has more than {MAX_TEXT} characters; the rest is cut off"
                ),
            });
            Cow::Borrowed(&s[..cut])
        }
        None => Cow::Borrowed(s),
    }
}

/// A field's path, `base.field` (or `base` alone), written out only for a warning.
#[derive(Clone, Copy)]
struct At<'a>(&'a str, &'a str);

impl At<'_> {
    fn path(self) -> String {
        match self {
            At(base, "") => base.to_owned(),
            At(base, field) => format!("{base}.{field}"),
        }
    }
}

/// Does an abstract look like HTML (markup or entities) rather than Markdown/plain text?
fn looks_like_html(s: &str) -> bool {
    const MARKS: [&str; 23] = [
        "<p>", "<p ", "</p>", "<br", "<a ", "</a>", "<ul", "<ol", "<li", "<div", "<span", "<em>",
        "<strong>", "<b>", "<i>", "<h1", "<h2", "<h3", "&lt;", "&amp;", "&quot;", "&#", "&gt;",
    ];
    // Every mark starts with `<` or `&`: only those places are compared, ignoring ASCII case.
    let mut from = 0;
    while let Some(found) = s[from..].find(['<', '&']) {
        let tail = &s.as_bytes()[from + found..];
        if MARKS.iter().any(|m| {
            tail.get(..m.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(m.as_bytes()))
        }) {
            return true;
        }
        from += found + 1;
    }
    false
}

/// A colour as `#rrggbb` (lower case), from `#rgb` or `#rrggbb`.
fn colour(s: &str) -> Option<String> {
    let hex = s.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(
            hex.chars()
                .flat_map(|c| [c, c])
                .fold("#".to_owned(), |mut out, c| {
                    out.push(c.to_ascii_lowercase());
                    out
                }),
        ),
        _ => None,
    }
}

/// `https://host` of an absolute web URL.
fn origin(base: &str) -> Option<&str> {
    let base = web_url(base).map(|_| base.trim())?;
    let after = base.find("://")? + 3;
    Some(match base[after..].find('/') {
        Some(i) => &base[..after + i],
        None => base,
    })
}

/// An absolute web URL for `url`; host-absolute (`/media/…`) and scheme-relative media
/// paths are resolved against the schedule's `base_url`.
fn resolve(url: &str, base: Option<&str>, media: bool) -> Option<String> {
    let url = url.trim();
    if let Some(ok) = web_url(url) {
        return Some(ok);
    }
    if !media {
        // frab lets speakers type `www.example.org`: a bare host name is a web address.
        return bare_host(url)
            .then(|| format!("https://{url}"))
            .and_then(|u| web_url(&u));
    }
    let base = base?;
    if let Some(rest) = url.strip_prefix("//") {
        let scheme = if base.trim().to_ascii_lowercase().starts_with("http://") {
            "http"
        } else {
            "https"
        };
        return web_url(&format!("{scheme}://{rest}"));
    }
    if url.starts_with('/') {
        return web_url(&format!("{}{url}", origin(base)?));
    }
    None
}

/// `example.org` or `www.example.org/path`: a dotted host of letters, digits and
/// hyphens ending in a letters-only top-level domain, then nothing or a path.
fn bare_host(url: &str) -> bool {
    let host = url.split(['/', '?', '#']).next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last().copied().unwrap_or_default();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && tld.len() >= 2
        && tld.chars().all(char::is_alphabetic)
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

/// The widget's kind for a frab `type`; Pentabarf's own words first (FOSDEM's
/// `devroom`/`maintrack` are talks, `junior` are children's workshops).
fn kind_for(item_type: &str) -> Kind {
    match item_type.trim().to_ascii_lowercase().as_str() {
        "devroom" | "maintrack" | "main track" | "lightningtalk" => Kind::Talk,
        "junior" => Kind::Workshop,
        other => kind_of(other),
    }
}

fn link_kind(link: &RawLink) -> LinkKind {
    if link.source == LinkSource::Page {
        return LinkKind::Page;
    }
    let words = format!(
        "{} {}",
        link.link_type.as_deref().unwrap_or(""),
        link.title.as_deref().unwrap_or("")
    )
    .to_lowercase();
    if words.contains("slide") || words.contains("folien") {
        LinkKind::Slides
    } else if words.contains("video") || words.contains("recording") {
        LinkKind::Recording
    } else {
        LinkKind::Other
    }
}

fn links(raw: &[RawLink], base: Option<&str>, warnings: &mut Vec<Warning>) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    for link in raw {
        let Some(url) = resolve(&link.url, base, link.source == LinkSource::Attachment) else {
            warnings.push(Warning {
                path: link.path.clone(),
                problem: format!(
                    "{:?} is not an absolute http(s) URL; the link is left out",
                    cut_for_message(&link.url)
                ),
            });
            continue;
        };
        if out.iter().any(|l| l.url == url) {
            continue;
        }
        let title = nonblank(link.title.as_deref())
            .map(|t| cap(t, At(&link.path, ""), warnings).into_owned());
        out.push(Link {
            url,
            title,
            kind: link_kind(link),
        });
    }
    out
}

/// A value quoted in a message, cut to a readable length.
pub fn cut_for_message(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// Zone names that mean UTC, the only ones checkable against offsets without a zone
/// database.
fn means_utc(zone: &str) -> bool {
    matches!(
        zone.to_ascii_lowercase().as_str(),
        "utc"
            | "etc/utc"
            | "gmt"
            | "etc/gmt"
            | "z"
            | "zulu"
            | "universal"
            | "etc/universal"
            | "etc/zulu"
            | "uct"
            | "etc/uct"
            | "gmt0"
            | "etc/gmt0"
            | "etc/gmt+0"
            | "etc/gmt-0"
    )
}

/// An IANA-looking zone name (`Europe/Berlin`, `UTC`).
fn zone_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'+' | b'-'))
}

struct Timed {
    start: DateTime,
    end: Option<DateTime>,
    /// The conference day it is listed under, when that day has a date.
    day_date: Option<i64>,
}

/// The parsed days: date, start.
struct DayInfo {
    date: Option<i64>,
    start: Option<DateTime>,
}

fn warn(warnings: &mut Vec<Warning>, path: &str, problem: impl Into<String>) {
    warnings.push(Warning {
        path: path.to_owned(),
        problem: problem.into(),
    });
}

/// Start and end of one event. `local` is the dominant local offset of the file's
/// times, `fallback` the offset a `day date + start` time gets.
fn times(
    ev: &RawEvent,
    day: Option<&DayInfo>,
    day_change: Option<u32>,
    local: Option<i32>,
    fallback: Option<i32>,
    warnings: &mut Vec<Warning>,
) -> Result<Timed, (String, String)> {
    let at = |field: &str| format!("{}.{field}", ev.path);
    let day_date = day.and_then(|d| d.date);
    let to_local = |t: DateTime| match (t.offset, local) {
        (Some(0), Some(l)) if l != 0 => t.at_offset(l),
        _ => t,
    };
    let mut own_date = None;
    let mut start = None;
    if let Some(date) = nonblank(ev.date.as_deref()) {
        if let Some(t) = DateTime::parse(date) {
            start = Some(to_local(t));
        } else if let Some(d) = parse_date(date) {
            own_date = Some(d);
        } else if nonblank(ev.start.as_deref()).is_some() {
            warn(
                warnings,
                &at("date"),
                format!(
                    "{:?} is not a date-time; the start is taken from the day and `start`",
                    cut_for_message(date)
                ),
            );
        } else {
            return Err((
                at("date"),
                format!("{:?} is not a date-time", cut_for_message(date)),
            ));
        }
    }
    let start = match start {
        Some(t) => t,
        None => {
            let Some(clock) = nonblank(ev.start.as_deref()) else {
                return Err((ev.path.clone(), "has neither a date nor a start".into()));
            };
            let secs = parse_clock(clock).ok_or_else(|| {
                (
                    at("start"),
                    format!("{:?} is not a time", cut_for_message(clock)),
                )
            })?;
            let days = match (own_date, day_date) {
                (Some(d), _) => d,
                (None, Some(d)) => {
                    // A conference day runs past midnight: a start earlier than the day's
                    // own start (or the day change) is on the next calendar date.
                    let threshold = day
                        .and_then(|d| d.start)
                        .map(&to_local)
                        .filter(|t| t.days == d)
                        .map(|t| t.secs)
                        .or(day_change);
                    d + i64::from(threshold.is_some_and(|th| secs < th))
                }
                (None, None) => {
                    return Err((
                        ev.path.clone(),
                        "its day has no date to put the start on".into(),
                    ))
                }
            };
            DateTime {
                days,
                secs,
                offset: fallback,
            }
        }
    };
    let mut end = None;
    if let Some(text) = nonblank(ev.end.as_deref()) {
        match DateTime::parse(text) {
            Some(t) => {
                let t = to_local(t);
                end = Some(match (t.offset, start.offset) {
                    (None, Some(off)) => DateTime {
                        offset: Some(off),
                        ..t
                    },
                    _ => t,
                });
            }
            None => warn(
                warnings,
                &at("end"),
                format!(
                    "{:?} is not a date-time; the duration is used",
                    cut_for_message(text)
                ),
            ),
        }
    }
    if end.is_none() {
        if let Some(text) = nonblank(ev.duration.as_deref()) {
            match parse_duration(text) {
                Some(secs) if secs <= MAX_DURATION => end = Some(start.plus(secs)),
                Some(_) => warn(
                    warnings,
                    &at("duration"),
                    format!(
                        "{:?} is longer than a week; the item gets no end",
                        cut_for_message(text)
                    ),
                ),
                None => warn(
                    warnings,
                    &at("duration"),
                    format!(
                        "{:?} is not a duration; the item gets no end",
                        cut_for_message(text)
                    ),
                ),
            }
        }
    }
    if let Some(e) = end {
        let key = |t: &DateTime| t.instant().unwrap_or_else(|| t.wall_seconds());
        let (ks, ke) = (key(&start), key(&e));
        if ke < ks || ke - ks > MAX_DURATION {
            warn(
                warnings,
                &at("end"),
                format!(
                    "{} is before the start {} or a week after it; the item gets no end",
                    e.to_iso(),
                    start.to_iso()
                ),
            );
            end = None;
        }
    }
    Ok(Timed {
        start,
        end,
        day_date,
    })
}

/// `id`, or `id-2`, `id-3`… if taken; a warning when it had to be changed.
fn unique(
    id: String,
    taken: &mut BTreeSet<String>,
    what: &str,
    path: &str,
    warnings: &mut Vec<Warning>,
) -> String {
    if taken.insert(id.clone()) {
        return id;
    }
    let mut n = 2usize;
    loop {
        let candidate = format!("{id}-{n}");
        if taken.insert(candidate.clone()) {
            warn(
                warnings,
                path,
                format!(
                    "{what} id {:?} is used before; this one is {candidate:?}",
                    cut_for_message(&id)
                ),
            );
            return candidate;
        }
        n += 1;
    }
}

struct Texts<'a> {
    markdown: bool,
    warnings: &'a mut Vec<Warning>,
}

impl Texts<'_> {
    /// An abstract or description as the safe subset: pretalx Markdown, frab HTML-ish.
    fn rich(&mut self, s: &str, at: At) -> Option<String> {
        let s = cap(s, at, self.warnings);
        let out = if self.markdown || !looks_like_html(&s) {
            rich::from_markdown(&s)
        } else {
            rich::from_html(&s)
        };
        let out = cap(&out, at, &mut Vec::new());
        let out = out.trim();
        (!out.is_empty()).then(|| out.to_owned())
    }
}

/// Maps the schedule onto the widget's event format.
pub fn build(
    format: Format,
    schedule: Schedule,
    hints: &Hints,
    mut warnings: Vec<Warning>,
) -> Result<Read, ReadError> {
    let conf = &schedule.conference;
    if schedule.events.len() > MAX_ITEMS {
        return Err(ReadError::new(
            format.name(),
            "",
            format!(
                "the schedule has {} events; at most {MAX_ITEMS} are read",
                schedule.events.len()
            ),
        ));
    }
    let base = nonblank(conf.base_url.as_deref());

    // Days.
    let days: Vec<DayInfo> = schedule
        .days
        .iter()
        .map(|d| {
            let date = nonblank(d.date.as_deref()).and_then(|s| {
                let parsed = parse_date(s).or_else(|| DateTime::parse(s).map(|t| t.days));
                if parsed.is_none() {
                    warn(
                        &mut warnings,
                        &format!("{}.date", d.path),
                        format!("{:?} is not a date", cut_for_message(s)),
                    );
                }
                parsed
            });
            DayInfo {
                date,
                start: nonblank(d.start.as_deref()).and_then(DateTime::parse),
            }
        })
        .collect();
    let day_change = nonblank(conf.day_change.as_deref()).and_then(parse_clock);

    // The file's local offset: what most event date-times carry (UTC ones aside).
    let own_offsets: Vec<i32> = schedule
        .events
        .iter()
        .filter_map(|e| nonblank(e.date.as_deref()).and_then(DateTime::parse))
        .filter_map(|t| t.offset)
        .collect();
    let local = dominant_offset(own_offsets.iter().copied().filter(|&o| o != 0))
        .or_else(|| dominant_offset(own_offsets.iter().copied()));
    let fallback = local.or_else(|| {
        dominant_offset(
            days.iter()
                .filter_map(|d| d.start.and_then(|t| t.offset))
                .filter(|&o| o != 0),
        )
    });

    // Tracks the conference lists.
    let mut tracks: Vec<Track> = Vec::new();
    let mut track_ids = BTreeSet::new();
    let mut track_by_name: BTreeMap<String, String> = BTreeMap::new();
    for t in &conf.tracks {
        let Some(name) = nonblank(Some(&t.name)) else {
            continue;
        };
        let key = name.to_lowercase();
        if track_by_name.contains_key(&key) {
            continue;
        }
        let id = nonblank(t.slug.as_deref()).map_or_else(|| slug(name), slug);
        let id = unique(id, &mut track_ids, "track", &conf.path, &mut warnings);
        track_by_name.insert(key, id.clone());
        tracks.push(Track {
            id,
            name: Text::Plain(cap(name, At(&conf.path, ""), &mut warnings).into_owned()),
            color: t.color.as_deref().and_then(colour),
        });
    }
    let listed_tracks = !tracks.is_empty();

    let mut people: Vec<Person> = Vec::new();
    let mut person_by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut person_ids = BTreeSet::new();
    let mut item_ids = BTreeSet::new();
    let mut program: Vec<(Item, i64)> = Vec::new();
    let mut texts_markdown = conf.markdown;
    if !texts_markdown {
        texts_markdown = schedule
            .events
            .iter()
            .flat_map(|e| &e.persons)
            .any(|p| p.code.is_some());
    }

    for (n, ev) in schedule.events.iter().enumerate() {
        let timed = match times(
            ev,
            days.get(ev.day),
            day_change,
            local,
            fallback,
            &mut warnings,
        ) {
            Ok(t) => t,
            Err((path, problem)) => {
                warn(
                    &mut warnings,
                    &path,
                    format!("{problem}; the event is left out"),
                );
                continue;
            }
        };
        let Some(title) = nonblank(ev.title.as_deref()) else {
            warn(
                &mut warnings,
                &ev.path,
                "has no title; the event is left out",
            );
            continue;
        };
        let title = cap(title, At(&ev.path, "title"), &mut warnings).into_owned();

        // Persons, the same person once across all events.
        let mut item_people: Vec<String> = Vec::new();
        for p in &ev.persons {
            let Some(name) = nonblank(p.name.as_deref()) else {
                warn(&mut warnings, &p.path, "has no name; left out");
                continue;
            };
            let own_id = nonblank(p.guid.as_deref())
                .or(nonblank(p.id.as_deref()))
                .or(nonblank(p.code.as_deref()));
            let key = match own_id {
                Some(id) => format!("id:{id}"),
                None => format!("name:{}", name.to_lowercase()),
            };
            let index = match person_by_key.get(&key) {
                Some(&i) => i,
                None => {
                    if people.len() >= MAX_PEOPLE {
                        return Err(ReadError::new(
                            format.name(),
                            p.path.clone(),
                            format!("more than {MAX_PEOPLE} people; at most {MAX_PEOPLE} are read"),
                        ));
                    }
                    let id = own_id.map_or_else(|| slug(name), str::to_owned);
                    let id = unique(id, &mut person_ids, "person", &p.path, &mut warnings);
                    person_by_key.insert(key, people.len());
                    people.push(Person {
                        id,
                        name: cap(name, At(&p.path, ""), &mut warnings).into_owned(),
                        organisation: None,
                        bio: None,
                        avatar: None,
                        links: Vec::new(),
                    });
                    people.len() - 1
                }
            };
            let mut bio_texts = Texts {
                markdown: true,
                warnings: &mut warnings,
            };
            let bio = match people.get(index) {
                Some(person) if person.bio.is_none() => nonblank(p.biography.as_deref())
                    .and_then(|b| bio_texts.rich(b, At(&p.path, "biography"))),
                _ => None,
            };
            let avatar = nonblank(p.avatar.as_deref()).and_then(|a| resolve(a, base, true));
            let mut raw_links: Vec<RawLink> = Vec::new();
            if let Some(url) = nonblank(p.url.as_deref()) {
                raw_links.push(RawLink {
                    path: format!("{}.url", p.path),
                    url: url.to_owned(),
                    title: None,
                    link_type: None,
                    source: LinkSource::Page,
                });
            }
            let person_links = links(&raw_links, base, &mut warnings);
            let more_links = links(&p.links, base, &mut warnings);
            if let Some(person) = people.get_mut(index) {
                if person.bio.is_none() {
                    person.bio = bio.map(Text::Plain);
                }
                if person.avatar.is_none() {
                    person.avatar = avatar;
                }
                for l in person_links.into_iter().chain(more_links) {
                    if !person.links.iter().any(|have| have.url == l.url) {
                        person.links.push(l);
                    }
                }
                if !item_people.contains(&person.id) {
                    item_people.push(person.id.clone());
                }
            }
        }

        // Texts: subtitle, abstract, description (each once).
        let mut texts = Texts {
            markdown: texts_markdown,
            warnings: &mut warnings,
        };
        let mut parts: Vec<String> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        if let Some(sub) = nonblank(ev.subtitle.as_deref()) {
            if sub != title.trim() {
                let sub = cap(sub, At(&ev.path, "subtitle"), texts.warnings);
                let plain = rich::from_plain(&sub);
                if !plain.trim().is_empty() {
                    parts.push(plain.trim().to_owned());
                }
                seen.push(nonblank(ev.subtitle.as_deref()).unwrap_or_default());
            }
        }
        for (field, text) in [
            ("abstract", ev.abstract_text.as_deref()),
            ("description", ev.description.as_deref()),
        ] {
            let Some(text) = nonblank(text) else { continue };
            if seen.contains(&text) {
                continue;
            }
            seen.push(text);
            if let Some(out) = texts.rich(text, At(&ev.path, field)) {
                parts.push(out);
            }
        }
        let description = (!parts.is_empty()).then(|| Text::Plain(parts.join("\n\n")));

        // Links: the item's page first.
        let mut raw_links: Vec<&RawLink> = Vec::new();
        let page = nonblank(ev.url.as_deref()).map(|url| RawLink {
            path: format!("{}.url", ev.path),
            url: url.to_owned(),
            title: None,
            link_type: None,
            source: LinkSource::Page,
        });
        raw_links.extend(page.iter());
        raw_links.extend(ev.links.iter());
        let mut item_links: Vec<Link> = Vec::new();
        for l in raw_links {
            for link in links(std::slice::from_ref(l), base, &mut warnings) {
                if !item_links.iter().any(|have| have.url == link.url) {
                    item_links.push(link);
                }
            }
        }

        let track = nonblank(ev.track.as_deref()).map(|name| {
            let key = name.to_lowercase();
            if let Some(id) = track_by_name.get(&key) {
                return id.clone();
            }
            if !listed_tracks {
                return name.to_owned();
            }
            let id = unique(slug(name), &mut track_ids, "track", &ev.path, &mut warnings);
            track_by_name.insert(key, id.clone());
            tracks.push(Track {
                id: id.clone(),
                name: Text::Plain(name.to_owned()),
                color: None,
            });
            id
        });

        let item_type = nonblank(ev.item_type.as_deref()).map(str::to_owned);
        let id = nonblank(ev.guid.as_deref())
            .or(nonblank(ev.id.as_deref()))
            .or(nonblank(ev.code.as_deref()))
            .map_or_else(|| format!("item-{}", n + 1), str::to_owned);
        let id = unique(id, &mut item_ids, "item", &ev.path, &mut warnings);
        let date = timed.day_date.unwrap_or(timed.start.days);
        let order = timed
            .start
            .instant()
            .unwrap_or_else(|| timed.start.wall_seconds());
        let location = nonblank(ev.room.as_deref())
            .or(nonblank(ev.listed_room.as_deref()))
            .map(|r| Text::Plain(r.to_owned()));
        program.push((
            Item {
                id,
                title: Text::Plain(title),
                kind: item_type.as_deref().map_or(Kind::Other, kind_for),
                item_type,
                date: DateTime {
                    days: date,
                    secs: 0,
                    offset: None,
                }
                .date_string(),
                start: timed.start.to_iso(),
                end: timed.end.map(|t| t.to_iso()),
                location,
                track,
                language: nonblank(ev.language.as_deref()).map(str::to_owned),
                description,
                people: item_people,
                links: item_links,
            },
            order,
        ));
    }

    // Conference days first, then start time; file order among equals.
    program.sort_by(|a, b| a.0.date.cmp(&b.0.date).then(a.1.cmp(&b.1)));
    let offsets: Vec<i32> = program
        .iter()
        .filter_map(|(i, _)| DateTime::parse(&i.start).and_then(|t| t.offset))
        .collect();
    let program: Vec<Item> = program.into_iter().map(|(i, _)| i).collect();
    let dominant = dominant_offset(offsets);

    // Zone: a named zone the offsets contradict is not kept.
    let mut time_zone = None;
    if let Some(name) = nonblank(conf.time_zone_name.as_deref()) {
        let path = format!("{}.time_zone_name", conf.path);
        if !zone_name(name) {
            warn(
                &mut warnings,
                &path,
                format!(
                    "{:?} is not a time zone name; ignored",
                    cut_for_message(name)
                ),
            );
        } else if means_utc(name) && dominant.is_some_and(|o| o != 0) {
            warn(
                &mut warnings,
                &path,
                format!(
                    "says {name:?}, but the times carry UTC{}; the offsets are kept and no zone is named",
                    utc_offset_field(dominant.unwrap_or_default())
                ),
            );
        } else {
            time_zone = Some(name.to_owned());
        }
    }
    let time_zone = time_zone.or_else(|| hints.time_zone.clone());
    let utc_offset = match time_zone {
        None => dominant.map(utc_offset_field),
        Some(_) => None,
    };

    let conference_date = |s: Option<&str>| {
        let s = nonblank(s)?;
        parse_date(s).or_else(|| {
            DateTime::parse(s).map(|t| match (t.offset, dominant) {
                (Some(_), Some(off)) => t.at_offset(off).days,
                _ => t.days,
            })
        })
    };
    let day_string = |days: i64| {
        DateTime {
            days,
            secs: 0,
            offset: None,
        }
        .date_string()
    };
    let (start_date, end_date) = match date_span(&program) {
        Some(span) => span,
        None => {
            let Some(start) = conference_date(conf.start.as_deref()) else {
                return Err(ReadError::new(
                    format.name(),
                    conf.path.clone(),
                    "no event has a usable start, and the conference has no start date",
                ));
            };
            warn(
                &mut warnings,
                &conf.path,
                "the schedule lists no usable events",
            );
            let end = conference_date(conf.end.as_deref()).filter(|&e| e > start);
            (day_string(start), end.map(day_string))
        }
    };

    let name = nonblank(conf.title.as_deref())
        .map(|t| cap(t, At(&conf.path, "title"), &mut warnings).into_owned())
        .or_else(|| hints.name.clone());
    let id = nonblank(conf.acronym.as_deref())
        .map(slug)
        .or_else(|| name.as_deref().map(slug))
        .unwrap_or_else(|| slug(&start_date));
    let summary = nonblank(conf.description.as_deref()).and_then(|d| {
        Texts {
            markdown: texts_markdown,
            warnings: &mut warnings,
        }
        .rich(d, At(&conf.path, "description"))
    });
    let url = [
        conf.url.as_deref(),
        schedule.url.as_deref(),
        conf.base_url.as_deref(),
    ]
    .into_iter()
    .find_map(|u| nonblank(u).and_then(web_url));
    let venue = nonblank(conf.venue.as_deref()).map(|v| Venue {
        name: Text::Plain(v.to_owned()),
        city: nonblank(conf.city.as_deref()).map(|c| Text::Plain(c.to_owned())),
    });

    Ok(Read {
        format,
        event: Event {
            version: FORMAT_VERSION,
            id,
            name: name.map(Text::Plain),
            summary: summary.map(Text::Plain),
            start_date,
            end_date,
            time_zone,
            utc_offset,
            venue,
            url,
            tracks,
            people,
            program,
            converted_from: ConvertedFrom {
                format: format.name().to_owned(),
            },
        },
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_media_urls() {
        assert_eq!(colour("#4D4D4C"), Some("#4d4d4c".into()));
        assert_eq!(colour("#abc"), Some("#aabbcc".into()));
        assert_eq!(colour("red"), None);
        assert_eq!(colour("#12345g"), None);
        let base = Some("https://fahrplan.events.ccc.de/congress/2019/Fahrplan/");
        assert_eq!(
            resolve("/system/a.pdf?1", base, true).as_deref(),
            Some("https://fahrplan.events.ccc.de/system/a.pdf?1")
        );
        assert_eq!(resolve("/system/a.pdf", base, false), None);
        assert_eq!(resolve("javascript:alert(1)", base, true), None);
        assert_eq!(resolve("www.cadus.org", base, true), None);
        assert_eq!(
            resolve("www.cadus.org", base, false).as_deref(),
            Some("https://www.cadus.org")
        );
        assert_eq!(
            resolve("github.com/mega65/x", None, false).as_deref(),
            Some("https://github.com/mega65/x")
        );
        for not_a_host in [
            "Hack_Curio, Decoding",
            "javascript:alert(1)",
            "a.b1",
            "/x",
            "localhost",
        ] {
            assert_eq!(resolve(not_a_host, base, false), None, "{not_a_host}");
        }
        assert_eq!(
            resolve("//cdn.example/x.png", base, true).as_deref(),
            Some("https://cdn.example/x.png")
        );
    }

    #[test]
    fn html_is_told_from_markdown() {
        assert!(looks_like_html("<p>Hi</p>"));
        assert!(looks_like_html("&quot;quoted&quot;"));
        assert!(!looks_like_html("Some *Markdown* and [a](https://x.y)"));
    }

    #[test]
    fn only_utc_names_are_checked_against_offsets() {
        assert!(means_utc("UTC"));
        assert!(means_utc("Etc/UTC"));
        assert!(!means_utc("Europe/Berlin"));
        assert!(zone_name("America/Argentina/Buenos_Aires"));
        assert!(!zone_name("Berlin time"));
    }
}
