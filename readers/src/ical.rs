//! Reader for iCalendar, RFC 5545 (field mapping and pitfalls: ../shared/realdata/FORMATS.md
//! §2.5). The guarantees every reader keeps are listed at the top of lib.rs.
//!
//! Written by hand, for the calendars conference systems publish:
//! - lines end in CRLF, bare LF (or bare CR); a line starting with a space or a tab
//!   continues the one before; blank lines (FOSDEM has one between every two events)
//!   are skipped;
//! - parameters are `;`-separated, values may be quoted; vCal 1.0 parameters without a
//!   value (`;QUOTED-PRINTABLE`) and `CHARSET=` are accepted and ignored (the text is
//!   already UTF-8);
//! - `\n` `\N` `\,` `\;` `\\` are unescaped; any other backslash is kept as written;
//! - `BEGIN`/`END` nest at most [`MAX_DEPTH`] deep; a `BEGIN:VEVENT` inside an open VEVENT
//!   ends that one; unknown properties and components (VTIMEZONE, VALARM, a stray
//!   `VTIMEZONE:` property) are ignored — offsets come only from the times themselves.
//!
//! Times: floating `20260201T090000` stays an offset-less wall clock; `TZID=Zone/Name:…`
//! is a wall clock in that zone (its offset is unknown without a zone database, so it
//! stays offset-less and the zone names the event's `time_zone`); `…Z` is UTC and kept
//! as `Z`. An all-day `VALUE=DATE` event is kept, starting at 00:00 of its date (its
//! `DTEND` date, exclusive in RFC 5545, becomes 00:00 of that day), with a warning: the
//! programme still lists it, and the warning tells the publisher it has no time.
//!
//! Lost in the conversion: everything ICS does not have (venue, types — every item is
//! `other` —, bios, a track list), recurrence (only an RRULE event's first occurrence is
//! listed, with a warning), STATUS:CANCELLED events (skipped), ATTACH links, e-mail
//! addresses of attendees.

use crate::event::{self, ConvertedFrom, Event, Item, Kind, Link, LinkKind, Person, Text};
use crate::time::{self, DateTime};
use crate::{dominant_offset, rich, slug, Format, Hints, Read, ReadError, Warning};
use std::collections::{BTreeMap, HashMap, HashSet};

const FORMAT: Format = Format::ICalendar;

/// Deepest nesting of `BEGIN` blocks read (real calendars need 3: VCALENDAR, VEVENT, VALARM).
pub const MAX_DEPTH: usize = 16;
const MAX_ITEMS: usize = 10_000;
const MAX_PEOPLE: usize = 5_000;
const MAX_TEXT_CHARS: usize = 20_000;
/// Longest `DURATION` believed: a year.
const MAX_DURATION_SECS: i64 = 366 * 86_400;
/// Warnings of one kind listed before the rest are only counted.
const LISTED_PER_KIND: usize = 5;
/// Calendar names exporters fill in when the calendar has none.
const PLACEHOLDER_NAMES: [&str; 8] = [
    "",
    "ical",
    "icalendar",
    "calendar",
    "schedule",
    "events",
    "untitled",
    "default",
];

pub fn read(input: &str, hints: &Hints) -> Result<Read, ReadError> {
    let input = input.trim_start_matches('\u{feff}');
    let mut reader = Reader::default();
    for line in unfold(input) {
        reader.line(&line)?;
    }
    if !reader.started {
        return Err(ReadError::new(
            FORMAT.name(),
            "",
            "the file is empty; a calendar starts with BEGIN:VCALENDAR",
        ));
    }
    reader.finish(hints)
}

/// One logical (unfolded) line and the physical line it starts on.
struct Line {
    number: usize,
    text: String,
}

fn unfold(input: &str) -> Vec<Line> {
    let separator = if input.contains('\n') { '\n' } else { '\r' };
    let mut lines: Vec<Line> = Vec::new();
    for (index, raw) in input.split(separator).enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            if let Some(last) = lines.last_mut() {
                last.text.push_str(rest);
                continue;
            }
        }
        if !raw.trim().is_empty() {
            lines.push(Line {
                number: index + 1,
                text: raw.to_owned(),
            });
        }
    }
    lines
}

/// A content line: `NAME;PARAM=value;…:value`. Names are upper-cased; the value is raw.
#[derive(Debug, Clone)]
struct Property {
    line: usize,
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value as text, unescaped and trimmed.
    fn text(&self) -> String {
        unescape(&self.value).trim().to_owned()
    }
}

fn parse_property(line: &Line) -> Option<Property> {
    let text = line.text.as_str();
    let name_end = text.find([';', ':'])?;
    let name = text[..name_end].trim();
    if name.is_empty() {
        return None;
    }
    let mut params = Vec::new();
    let mut rest = &text[name_end..];
    loop {
        if let Some(value) = rest.strip_prefix(':') {
            return Some(Property {
                line: line.number,
                name: name.to_ascii_uppercase(),
                params,
                value: value.to_owned(),
            });
        }
        // `rest` starts with ';': one parameter follows.
        let after = rest.get(1..)?;
        let name_end = after.find(['=', ';', ':'])?;
        let param_name = after[..name_end].trim().to_ascii_uppercase();
        let after_name = &after[name_end..];
        match after_name.strip_prefix('=') {
            Some(mut values_text) => {
                let mut values = Vec::new();
                loop {
                    if let Some(quoted) = values_text.strip_prefix('"') {
                        let close = quoted.find('"')?;
                        values.push(&quoted[..close]);
                        values_text = &quoted[close + 1..];
                        // Anything between the closing quote and the next separator is junk.
                        let next = values_text.find([',', ';', ':'])?;
                        values_text = &values_text[next..];
                    } else {
                        let end = values_text.find([',', ';', ':'])?;
                        values.push(&values_text[..end]);
                        values_text = &values_text[end..];
                    }
                    match values_text.strip_prefix(',') {
                        Some(more) => values_text = more,
                        None => break,
                    }
                }
                params.push((param_name, values.join(",")));
                rest = values_text;
            }
            None => {
                // vCal 1.0: a parameter without a value.
                params.push((param_name, String::new()));
                rest = after_name;
            }
        }
    }
}

/// Undoes RFC 5545 text escapes; a backslash before anything else is kept as written.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ (',' | ';' | '\\')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// RFC 6868 caret escapes in parameter values (`^n`, `^'`, `^^`).
fn uncaret(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            // A line break has no place in a name.
            ('^', Some('n')) => {
                out.push(' ');
                chars.next();
            }
            ('^', Some('\'')) => {
                out.push('"');
                chars.next();
            }
            ('^', Some('^')) => {
                out.push('^');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// `"value"` for messages, cut to a readable length.
fn quoted(s: &str) -> String {
    let mut cut: String = s.chars().take(60).collect();
    if cut.len() < s.len() {
        cut.push('…');
    }
    format!("\"{cut}\"")
}

/// What kind of warning: the first few of each kind are listed, the rest counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Problem {
    Syntax,
    Skipped,
    AllDay,
    End,
    Url,
    Recurring,
    RepeatedUid,
    PersonId,
    TooLong,
    Zone,
}

impl Problem {
    fn more(self) -> &'static str {
        match self {
            Problem::Syntax => "lines not read",
            Problem::Skipped => "VEVENTs skipped",
            Problem::AllDay => "all-day VEVENTs listed at 00:00",
            Problem::End => "ends or durations ignored",
            Problem::Url => "URLs dropped (not absolute http(s) URLs)",
            Problem::Recurring => "repeating VEVENTs listed once",
            Problem::RepeatedUid => "repeated UIDs given a suffix",
            Problem::PersonId => "person ids given a suffix",
            Problem::TooLong => "texts cut",
            Problem::Zone => "zone problems",
        }
    }
}

#[derive(Default)]
struct Notes {
    warnings: Vec<Warning>,
    counts: BTreeMap<Problem, usize>,
}

impl Notes {
    fn add(&mut self, kind: Problem, path: impl Into<String>, problem: impl Into<String>) {
        let count = self.counts.entry(kind).or_insert(0);
        *count += 1;
        if *count <= LISTED_PER_KIND {
            self.warnings.push(Warning {
                path: path.into(),
                problem: problem.into(),
            });
        }
    }

    fn at(&mut self, kind: Problem, line: usize, problem: impl Into<String>) {
        self.add(kind, format!("line {line}"), problem);
    }

    fn finish(mut self) -> Vec<Warning> {
        for (kind, count) in &self.counts {
            if *count > LISTED_PER_KIND {
                self.warnings.push(Warning {
                    path: "and elsewhere".to_owned(),
                    problem: format!(
                        "{} more {} like the above",
                        count - LISTED_PER_KIND,
                        kind.more()
                    ),
                });
            }
        }
        self.warnings
    }
}

/// An open `BEGIN` block; VEVENTs directly in a calendar collect their properties.
struct Block {
    name: String,
    line: usize,
    event: Option<Vec<Property>>,
}

/// A VEVENT read, before ids and people are settled across the calendar.
struct Draft {
    line: usize,
    id: String,
    title: String,
    start: DateTime,
    end: Option<DateTime>,
    location: Option<String>,
    track: Option<String>,
    description: Option<String>,
    speakers: Vec<String>,
    links: Vec<Link>,
    zone: Option<String>,
}

/// Why a VEVENT was skipped: the line and the reason.
type Skip = (usize, String);

#[derive(Default)]
struct Reader {
    started: bool,
    stack: Vec<Block>,
    calendar_name: Option<Property>,
    calendar_zone: Option<Property>,
    drafts: Vec<Draft>,
    events_seen: usize,
    first_skip: Option<Skip>,
    warned_zones: HashSet<String>,
    notes: Notes,
}

impl Reader {
    fn error(line: usize, problem: impl Into<String>) -> ReadError {
        ReadError::new(FORMAT.name(), format!("line {line}"), problem)
    }

    fn line(&mut self, line: &Line) -> Result<(), ReadError> {
        let property = parse_property(line);
        if !self.started {
            let opens = property.as_ref().is_some_and(|p| {
                p.name == "BEGIN" && p.value.trim().eq_ignore_ascii_case("VCALENDAR")
            });
            if !opens {
                return Err(Self::error(
                    line.number,
                    format!(
                        "a calendar starts with BEGIN:VCALENDAR, not {}",
                        quoted(&line.text)
                    ),
                ));
            }
            self.started = true;
        }
        let Some(property) = property else {
            self.notes.at(
                Problem::Syntax,
                line.number,
                format!("{} is not a NAME:value line; ignored", quoted(&line.text)),
            );
            return Ok(());
        };
        match property.name.as_str() {
            "BEGIN" => self.begin(&property),
            "END" => {
                self.end(&property);
                Ok(())
            }
            _ => {
                match self.stack.last_mut() {
                    Some(Block {
                        event: Some(props), ..
                    }) => props.push(property),
                    Some(block) if block.name == "VCALENDAR" => {
                        let slot = match property.name.as_str() {
                            "X-WR-CALNAME" => &mut self.calendar_name,
                            "X-WR-TIMEZONE" => &mut self.calendar_zone,
                            _ => return Ok(()),
                        };
                        if slot.is_none() {
                            *slot = Some(property);
                        }
                    }
                    _ => {}
                }
                Ok(())
            }
        }
    }

    fn begin(&mut self, property: &Property) -> Result<(), ReadError> {
        let name = property.value.trim().to_ascii_uppercase();
        let is_event = name == "VEVENT";
        if is_event {
            if let Some(open) = self.stack.last().filter(|b| b.event.is_some()) {
                let open_line = open.line;
                self.notes.at(
                    Problem::Syntax,
                    open_line,
                    format!(
                        "VEVENT has no END:VEVENT; it ends where the next begins (line {})",
                        property.line
                    ),
                );
                if let Some(block) = self.stack.pop() {
                    self.close(block);
                }
            }
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(Self::error(
                property.line,
                format!("BEGIN:{name} nests blocks more than {MAX_DEPTH} deep"),
            ));
        }
        let in_calendar = self.stack.last().is_none_or(|b| b.name == "VCALENDAR");
        self.stack.push(Block {
            event: (is_event && in_calendar).then(Vec::new),
            name,
            line: property.line,
        });
        Ok(())
    }

    fn end(&mut self, property: &Property) {
        let name = property.value.trim().to_ascii_uppercase();
        let Some(at) = self.stack.iter().rposition(|b| b.name == name) else {
            self.notes.at(
                Problem::Syntax,
                property.line,
                format!("END:{name} without BEGIN:{name}; ignored"),
            );
            return;
        };
        while self.stack.len() > at {
            let Some(block) = self.stack.pop() else { break };
            if self.stack.len() > at && block.event.is_some() {
                self.notes.at(
                    Problem::Syntax,
                    block.line,
                    format!(
                        "VEVENT has no END:VEVENT; it ends with END:{name} (line {})",
                        property.line
                    ),
                );
            }
            self.close(block);
        }
    }

    fn close(&mut self, block: Block) {
        let Some(props) = block.event else { return };
        self.events_seen += 1;
        let seen = self.events_seen;
        match build(
            block.line,
            &props,
            seen,
            &mut self.warned_zones,
            &mut self.notes,
        ) {
            Ok(draft) => self.drafts.push(draft),
            Err((line, reason)) => {
                self.notes
                    .at(Problem::Skipped, line, format!("{reason}; VEVENT skipped"));
                self.first_skip.get_or_insert((line, reason));
            }
        }
    }

    fn finish(mut self, hints: &Hints) -> Result<Read, ReadError> {
        let open: Vec<(String, usize, bool)> = self
            .stack
            .iter()
            .map(|b| (b.name.clone(), b.line, b.event.is_some()))
            .collect();
        for (name, line, is_event) in open {
            if is_event {
                self.events_seen += 1;
                let reason = "VEVENT never ends (is the file cut short?)".to_owned();
                self.notes
                    .at(Problem::Skipped, line, format!("{reason}; VEVENT skipped"));
                self.first_skip.get_or_insert((line, reason));
            } else if name == "VCALENDAR" {
                self.notes.at(
                    Problem::Syntax,
                    line,
                    "VCALENDAR has no END:VCALENDAR (is the file cut short?)",
                );
            }
        }
        if self.drafts.is_empty() {
            return Err(match self.first_skip {
                Some((line, reason)) if self.events_seen == 1 => Self::error(line, reason),
                Some((line, reason)) => Self::error(
                    line,
                    format!(
                        "{reason} (and none of the other {} VEVENTs could be read either)",
                        self.events_seen - 1
                    ),
                ),
                None => ReadError::new(FORMAT.name(), "", "the calendar has no VEVENT"),
            });
        }
        if self.drafts.len() > MAX_ITEMS {
            return Err(ReadError::new(
                FORMAT.name(),
                "",
                format!(
                    "the calendar has {} events; at most {MAX_ITEMS} are read",
                    self.drafts.len()
                ),
            ));
        }
        let mut notes = self.notes;
        let time_zone = event_zone(&self.drafts, self.calendar_zone.as_ref(), hints, &mut notes);
        let name = self
            .calendar_name
            .as_ref()
            .map(|p| (p.line, p.text()))
            .filter(|(_, n)| !PLACEHOLDER_NAMES.contains(&n.to_lowercase().as_str()))
            .map(|(line, n)| limit(n, line, "X-WR-CALNAME", &mut notes))
            .or_else(|| hints.name.clone());

        // A UTC time among local-offset ones is put on the local wall clock.
        let local = dominant_offset(
            self.drafts
                .iter()
                .flat_map(|d| [Some(d.start), d.end])
                .flatten()
                .filter_map(|t| t.offset)
                .filter(|o| *o != 0),
        );
        let offsets: Vec<i32> = self
            .drafts
            .iter()
            .flat_map(|d| [Some(d.start), d.end])
            .flatten()
            .filter_map(|t| t.offset)
            .collect();
        let utc_offset = match (&time_zone, local) {
            (None, Some(local)) => Some(time::utc_offset_field(local)),
            (None, None) => dominant_offset(offsets).map(time::utc_offset_field),
            _ => None,
        };
        let on_local = |t: DateTime| match (local, t.offset) {
            (Some(local), Some(0)) => t.at_offset(local),
            _ => t,
        };

        let mut people = People::default();
        let mut ids = Ids::default();
        let mut program = Vec::with_capacity(self.drafts.len());
        for draft in self.drafts {
            let id = unique_id(&draft.id, draft.line, &mut ids, &mut notes);
            let mut item_people: Vec<String> = Vec::new();
            for speaker in &draft.speakers {
                let person = people.id_of(speaker, draft.line, &mut notes)?;
                if !item_people.contains(&person) {
                    item_people.push(person);
                }
            }
            let start = on_local(draft.start);
            program.push(Item {
                id,
                title: Text::Plain(draft.title),
                kind: Kind::Other,
                item_type: None,
                date: start.date_string(),
                start: start.to_iso(),
                end: draft.end.map(|t| on_local(t).to_iso()),
                location: draft.location.map(Text::Plain),
                track: draft.track,
                language: None,
                description: draft.description.map(Text::Plain),
                people: item_people,
                links: draft.links,
            });
        }
        let (start_date, end_date) = event::date_span(&program).unwrap_or_default();
        Ok(Read {
            format: FORMAT,
            event: Event {
                version: event::FORMAT_VERSION,
                id: slug(name.as_deref().unwrap_or("")),
                name: name.map(Text::Plain),
                summary: None,
                start_date,
                end_date,
                time_zone,
                utc_offset,
                venue: None,
                url: None,
                tracks: Vec::new(),
                people: people.list,
                program,
                converted_from: ConvertedFrom {
                    format: FORMAT.name().to_owned(),
                },
            },
            warnings: notes.finish(),
        })
    }
}

/// The event's zone: the one most `TZID=` times name, else `X-WR-TIMEZONE`, else the hint.
fn event_zone(
    drafts: &[Draft],
    calendar_zone: Option<&Property>,
    hints: &Hints,
    notes: &mut Notes,
) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for zone in drafts.iter().filter_map(|d| d.zone.as_deref()) {
        match counts.iter_mut().find(|(z, _)| *z == zone) {
            Some((_, n)) => *n += 1,
            None => counts.push((zone, 1)),
        }
    }
    let most = counts.iter().map(|(_, n)| *n).max();
    let from_times = counts
        .iter()
        .find(|(_, n)| Some(*n) == most)
        .map(|(z, _)| (*z).to_owned());
    if counts.len() > 1 {
        let names: Vec<&str> = counts.iter().map(|(z, _)| *z).collect();
        notes.add(
            Problem::Zone,
            "calendar",
            format!(
                "times are in several zones ({}); each keeps its own wall clock, and the event's zone is the most used",
                names.join(", ")
            ),
        );
    }
    let from_calendar = calendar_zone.and_then(|p| {
        let value = p.text();
        let zone = zone_name(&value);
        if zone.is_none() {
            notes.at(
                Problem::Zone,
                p.line,
                format!(
                    "X-WR-TIMEZONE {} is not an IANA zone name; ignored",
                    quoted(&value)
                ),
            );
        }
        zone
    });
    if let (Some(times), Some(calendar)) = (&from_times, &from_calendar) {
        if times != calendar {
            notes.add(
                Problem::Zone,
                "calendar",
                format!(
                    "X-WR-TIMEZONE says {calendar} but the times are in {times}; {times} is used"
                ),
            );
        }
    }
    from_times
        .or(from_calendar)
        .or_else(|| hints.time_zone.clone())
}

/// An IANA zone name as written in `TZID`/`X-WR-TIMEZONE`, `None` for anything else
/// (Windows names, FOSDEM's `Europe-Brussels`). A globally unique `/vendor/…/` prefix
/// is dropped.
fn zone_name(value: &str) -> Option<String> {
    const AREAS: [&str; 11] = [
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Etc",
    ];
    let value = value.trim().trim_matches('"');
    let value = match value.strip_prefix('/') {
        Some(prefixed) => {
            let parts: Vec<&str> = prefixed.split('/').collect();
            let area = parts.iter().position(|p| AREAS.contains(p))?;
            return zone_name(&parts[area..].join("/"));
        }
        None => value,
    };
    let well_formed = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+' | '/'))
        && !value.starts_with('/')
        && !value.ends_with('/')
        && !value.contains("//");
    let known_shape = value.contains('/') || matches!(value, "UTC" | "GMT");
    (well_formed && known_shape).then(|| value.to_owned())
}

fn is_utc_zone(zone: &str) -> bool {
    matches!(
        zone,
        "UTC" | "GMT" | "Etc/UTC" | "Etc/GMT" | "Etc/Universal" | "Etc/Zulu"
    )
}

/// A `DTSTART`/`DTEND` value.
enum When {
    At(DateTime),
    Day(i64),
}

/// `YYYYMMDD` (or `YYYY-MM-DD`) into days since 1970-01-01.
fn parse_day(s: &str) -> Option<i64> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        time::parse_date(&format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..]))
    } else {
        time::parse_date(s)
    }
}

/// `YYYYMMDDTHHMM[SS][Z|±HHMM]`, or the extended ISO form.
fn parse_date_time(s: &str) -> Option<DateTime> {
    if let Some(t) = DateTime::parse(s) {
        return Some(t);
    }
    let days = parse_day(s.get(..8)?)?;
    let rest = s.get(8..)?.strip_prefix(['T', 't'])?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 && digits != 6 {
        return None;
    }
    let (clock, offset) = rest.split_at(digits);
    let seconds = clock.get(4..6).unwrap_or("00");
    let secs = time::parse_clock(&format!("{}:{}:{seconds}", &clock[..2], &clock[2..4]))?;
    let offset = if offset.is_empty() {
        None
    } else {
        Some(time::parse_offset(offset)?)
    };
    Some(DateTime { days, secs, offset })
}

/// A time property's value and the IANA zone its `TZID` names, if any.
fn parse_when(
    property: &Property,
    warned_zones: &mut HashSet<String>,
    notes: &mut Notes,
) -> Result<(When, Option<String>), Skip> {
    let value = property.value.trim();
    let not_a_time = || {
        (
            property.line,
            format!("{} {} is not a date-time", property.name, quoted(value)),
        )
    };
    if property
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
    {
        return parse_day(value)
            .map(|d| (When::Day(d), None))
            .ok_or_else(|| {
                (
                    property.line,
                    format!("{} {} is not a date", property.name, quoted(value)),
                )
            });
    }
    if !value.contains(['T', 't']) {
        if let Some(days) = parse_day(value) {
            return Ok((When::Day(days), None));
        }
    }
    let mut at = parse_date_time(value).ok_or_else(not_a_time)?;
    let mut zone = None;
    if let Some(tzid) = property.param("TZID") {
        match zone_name(tzid) {
            Some(name) if is_utc_zone(&name) => {
                at.offset.get_or_insert(0);
                zone = Some(name);
            }
            // An explicit offset on the time wins over the zone name.
            Some(name) => zone = at.offset.is_none().then_some(name),
            None => {
                if warned_zones.insert(tzid.to_owned()) {
                    notes.at(
                        Problem::Zone,
                        property.line,
                        format!(
                            "TZID {} is not an IANA zone name; its times are kept as wall clock",
                            quoted(tzid)
                        ),
                    );
                }
            }
        }
    }
    Ok((When::At(at), zone))
}

/// `text` cut to [`MAX_TEXT_CHARS`], with a warning when it was longer.
fn limit(text: String, line: usize, what: &str, notes: &mut Notes) -> String {
    match crate::rich::char_limit(&text, MAX_TEXT_CHARS) {
        Some(cut) => {
            notes.at(
                Problem::TooLong,
                line,
                format!("{what} is longer than {MAX_TEXT_CHARS} characters; cut"),
            );
            text[..cut].to_owned()
        }
        None => text,
    }
}

/// True when `text` has something that looks like an HTML tag: `<p>`, `</i>`, `<a href…>`.
fn has_html_tags(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        let rest = &text[at + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        rest.starts_with(|c: char| c.is_ascii_alphabetic())
            && rest
                .find(['>', '<'])
                .is_some_and(|end| rest.as_bytes().get(end) == Some(&b'>'))
    })
}

/// The text of some HTML, only to find `Speaker:` lines in it (never shown).
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open..];
        let Some(close) = tag.find('>') else {
            rest = "";
            break;
        };
        let name = tag[1..close]
            .trim_start_matches('/')
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(name.as_str(), "br" | "p" | "div" | "li" | "tr") {
            out.push('\n');
        }
        rest = &tag[close + 1..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Names from `Speaker: A, B` / `Speakers: A and B` lines of a description.
fn speakers_in(description: &str) -> Vec<String> {
    const LABELS: [&str; 3] = ["speakers:", "speaker(s):", "speaker:"];
    let text = if has_html_tags(description) {
        html_text(description)
    } else {
        description.to_owned()
    };
    let mut names = Vec::new();
    for line in text.lines().map(str::trim) {
        let Some(rest) = LABELS.iter().find_map(|label| {
            line.get(..label.len())
                .filter(|head| head.eq_ignore_ascii_case(label))
                .and_then(|_| line.get(label.len()..))
        }) else {
            continue;
        };
        for part in rest.split([',', ';', '&']) {
            for name in part.split(" and ") {
                let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                if !name.is_empty() && name.chars().count() <= 200 {
                    names.push(name);
                }
            }
        }
    }
    names
}

/// Names of the people a VEVENT lists: `ATTENDEE;CN=` (not rooms or resources), else
/// `ORGANIZER;CN=`.
fn speakers_of(props: &[Property]) -> Vec<String> {
    let named = |kind: &str| -> Vec<String> {
        props
            .iter()
            .filter(|p| p.name == kind)
            .filter(|p| {
                !p.param("CUTYPE").is_some_and(|t| {
                    t.eq_ignore_ascii_case("ROOM") || t.eq_ignore_ascii_case("RESOURCE")
                })
            })
            .filter_map(|p| p.param("CN"))
            .map(|cn| uncaret(cn).split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|cn| !cn.is_empty())
            .collect()
    };
    let attendees = named("ATTENDEE");
    if attendees.is_empty() {
        named("ORGANIZER")
    } else {
        attendees
    }
}

/// One VEVENT as an item, or why it cannot be one.
fn build(
    begin_line: usize,
    props: &[Property],
    n: usize,
    warned_zones: &mut HashSet<String>,
    notes: &mut Notes,
) -> Result<Draft, Skip> {
    let get = |name: &str| props.iter().find(|p| p.name == name);
    let text_of = |name: &str| get(name).map(Property::text).filter(|t| !t.is_empty());
    if get("STATUS").is_some_and(|p| p.text().eq_ignore_ascii_case("CANCELLED")) {
        return Err((
            begin_line,
            "VEVENT is cancelled (STATUS:CANCELLED)".to_owned(),
        ));
    }
    let dtstart = get("DTSTART").ok_or((begin_line, "VEVENT has no DTSTART".to_owned()))?;
    let (start, zone) = match parse_when(dtstart, warned_zones, notes)? {
        (When::At(t), zone) => (t, zone),
        (When::Day(days), _) => {
            notes.at(
                Problem::AllDay,
                dtstart.line,
                "DTSTART is a date without a time (an all-day VEVENT); listed as starting at 00:00",
            );
            (
                DateTime {
                    days,
                    secs: 0,
                    offset: None,
                },
                None,
            )
        }
    };
    let title = text_of("SUMMARY").ok_or((begin_line, "VEVENT has no SUMMARY".to_owned()))?;
    let title = limit(title, begin_line, "SUMMARY", notes);
    let end = end_of(props, start, warned_zones, notes);
    if get("RRULE").is_some() || get("RDATE").is_some() {
        notes.at(
            Problem::Recurring,
            begin_line,
            "VEVENT repeats (RRULE/RDATE); only its first occurrence is listed",
        );
    }
    let description = text_of("DESCRIPTION").map(|d| limit(d, begin_line, "DESCRIPTION", notes));
    let mut speakers = speakers_of(props);
    if speakers.is_empty() {
        speakers = description.as_deref().map(speakers_in).unwrap_or_default();
    }
    let description = description
        .map(|d| {
            if has_html_tags(&d) {
                rich::from_html(&d)
            } else {
                rich::from_plain(&d)
            }
        })
        .filter(|d| !d.trim().is_empty());
    let mut links = Vec::new();
    if let Some(url) = get("URL").filter(|p| !p.value.trim().is_empty()) {
        match event::web_url(&url.value) {
            Some(url) => links.push(Link {
                url,
                title: None,
                kind: LinkKind::Page,
            }),
            None => notes.at(
                Problem::Url,
                url.line,
                format!(
                    "URL {} is not an absolute http(s) URL; dropped",
                    quoted(url.value.trim())
                ),
            ),
        }
    }
    Ok(Draft {
        line: begin_line,
        id: text_of("UID").unwrap_or_else(|| format!("vevent-{n}")),
        title,
        start,
        end,
        location: text_of("LOCATION").map(|l| limit(l, begin_line, "LOCATION", notes)),
        // The whole value is one track: FOSDEM's track names hold unescaped commas.
        track: text_of("CATEGORIES").map(|c| limit(c, begin_line, "CATEGORIES", notes)),
        description,
        speakers,
        links,
        zone,
    })
}

/// The end from `DTEND`, else `DTSTART` + `DURATION`; a broken or backward end is dropped.
fn end_of(
    props: &[Property],
    start: DateTime,
    warned_zones: &mut HashSet<String>,
    notes: &mut Notes,
) -> Option<DateTime> {
    let get = |name: &str| props.iter().find(|p| p.name == name);
    let (end, line) = if let Some(dtend) = get("DTEND") {
        let end = match parse_when(dtend, warned_zones, notes) {
            Ok((When::At(t), _)) => t,
            Ok((When::Day(days), _)) => DateTime {
                days,
                secs: 0,
                offset: None,
            },
            Err((line, reason)) => {
                notes.at(Problem::End, line, format!("{reason}; the item has no end"));
                return None;
            }
        };
        (end, dtend.line)
    } else {
        let duration = get("DURATION")?;
        let value = duration.value.trim();
        match time::parse_duration(value.strip_prefix('+').unwrap_or(value)) {
            Some(secs) if secs <= MAX_DURATION_SECS => (start.plus(secs), duration.line),
            _ => {
                notes.at(
                    Problem::End,
                    duration.line,
                    format!(
                        "DURATION {} is not a length of up to a year; the item has no end",
                        quoted(value)
                    ),
                );
                return None;
            }
        }
    };
    let backwards = match (start.instant(), end.instant()) {
        (Some(s), Some(e)) => e < s,
        _ => end.wall_seconds() < start.wall_seconds(),
    };
    if backwards {
        notes.at(
            Problem::End,
            line,
            format!(
                "the end {} is before the start {}; the item has no end",
                end.to_iso(),
                start.to_iso()
            ),
        );
        return None;
    }
    Some(end)
}

/// Ids handed out: `id`, or `id-2`, `id-3`… when an earlier one took it.
#[derive(Default)]
struct Ids {
    /// Each id and the line it was first given on.
    taken: HashMap<String, usize>,
    /// The next suffix to try for a repeated id (keeps many repeats linear).
    next_suffix: HashMap<String, u64>,
}

impl Ids {
    /// A free id from `base`, and the line that first took `base` when it was taken.
    fn claim(&mut self, base: &str, line: usize) -> (String, Option<usize>) {
        let Some(first) = self.taken.get(base).copied() else {
            self.taken.insert(base.to_owned(), line);
            return (base.to_owned(), None);
        };
        let next = self.next_suffix.entry(base.to_owned()).or_insert(2);
        let unique = loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if !self.taken.contains_key(&candidate) {
                break candidate;
            }
        };
        self.taken.insert(unique.clone(), line);
        (unique, Some(first))
    }
}

fn unique_id(id: &str, line: usize, ids: &mut Ids, notes: &mut Notes) -> String {
    let (unique, first) = ids.claim(id, line);
    if let Some(first) = first {
        notes.at(
            Problem::RepeatedUid,
            line,
            format!(
                "UID {} was already used on line {first}; this item is {}",
                quoted(id),
                quoted(&unique)
            ),
        );
    }
    unique
}

/// The people met so far, one per name (letter case aside), with ids from their names.
#[derive(Default)]
struct People {
    list: Vec<Person>,
    by_name: HashMap<String, String>,
    ids: Ids,
}

impl People {
    fn id_of(&mut self, name: &str, line: usize, notes: &mut Notes) -> Result<String, ReadError> {
        let key = name.to_lowercase();
        if let Some(id) = self.by_name.get(&key) {
            return Ok(id.clone());
        }
        if self.list.len() >= MAX_PEOPLE {
            return Err(ReadError::new(
                FORMAT.name(),
                format!("line {line}"),
                format!("more than {MAX_PEOPLE} people; at most {MAX_PEOPLE} are read"),
            ));
        }
        let base = slug(name);
        let (id, first) = self.ids.claim(&base, line);
        if first.is_some() {
            notes.at(
                Problem::PersonId,
                line,
                format!(
                    "{} has the same id as another name ({}); this person is {}",
                    quoted(name),
                    quoted(&base),
                    quoted(&id)
                ),
            );
        }
        let name = limit(name.to_owned(), line, "a person's name", notes);
        self.by_name.insert(key, id.clone());
        self.list.push(Person {
            id: id.clone(),
            name,
            organisation: None,
            bio: None,
            avatar: None,
            links: Vec::new(),
        });
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calendar(body: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n")
    }

    fn vevent(lines: &str) -> String {
        format!("BEGIN:VEVENT\r\n{lines}END:VEVENT\r\n")
    }

    fn talk(uid: &str, start: &str) -> String {
        vevent(&format!(
            "UID:{uid}\r\nDTSTART:{start}\r\nSUMMARY:Talk {uid}\r\n"
        ))
    }

    fn read_ok(text: &str) -> Read {
        match read(text, &Hints::default()) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        }
    }

    fn read_err(text: &str) -> String {
        match read(text, &Hints::default()) {
            Ok(r) => panic!("read, with {} items", r.event.program.len()),
            Err(e) => e.to_string(),
        }
    }

    fn mentions(read: &Read, words: &str) -> bool {
        read.warnings.iter().any(|w| w.to_string().contains(words))
    }

    #[test]
    fn folded_lines_are_joined_whatever_the_line_ends() {
        for eol in ["\r\n", "\n", "\r"] {
            let text = calendar(&vevent(
                "UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:Fol\r\n d\r\n\tlines\r\nLOCATION:Jan\r\n son\r\n",
            ))
            .replace("\r\n", eol);
            let r = read_ok(&text);
            let item = &r.event.program[0];
            assert_eq!(item.title, Text::from("Foldlines"), "{eol:?}");
            assert_eq!(item.location, Some(Text::from("Janson")), "{eol:?}");
        }
    }

    #[test]
    fn escapes_are_undone_and_bad_ones_kept_as_written() {
        let r = read_ok(&calendar(&vevent(
            "UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:a\\, b\\; c\\\\d\\ne\\Nf \\: \\x end\\\r\n",
        )));
        assert_eq!(
            r.event.program[0].title.any(),
            "a, b; c\\d\ne\nf \\: \\x end\\"
        );
    }

    #[test]
    fn parameters_may_be_quoted_and_hold_separators() {
        let r = read_ok(&calendar(&vevent(
            "UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY;CHARSET=UTF-8;LANGUAGE=en:Hi\r\n\
             ATTENDEE;ROLE=REQ-PARTICIPANT;CN=\"Doe; Jane: PhD, MD\":invalid:nomail\r\n\
             ATTENDEE;CN=Bob O^'Neil;CUTYPE=INDIVIDUAL:mailto:bob@example.org\r\n\
             ATTENDEE;CUTYPE=ROOM;CN=Janson:invalid:nomail\r\n\
             DESCRIPTION;ENCODING=8BIT;QUOTED-PRINTABLE:plain\r\n",
        )));
        let names: Vec<&str> = r.event.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Doe; Jane: PhD, MD", "Bob O\"Neil"]);
        assert_eq!(r.event.program[0].title.any(), "Hi");
    }

    #[test]
    fn floating_times_stay_wall_clock_in_the_calendars_zone() {
        let r = read_ok(&calendar(&format!(
            "X-WR-CALNAME;VALUE=TEXT:iCal\r\nX-WR-TIMEZONE;VALUE=TEXT:Europe/Brussels\r\n{}",
            vevent("UID:1\r\nTZID:Europe-Brussels\r\nDTSTART:20260201T090000\r\nDTEND:20260201T095000\r\nSUMMARY:x\r\n")
        )));
        let item = &r.event.program[0];
        assert_eq!(item.start, "2026-02-01T09:00");
        assert_eq!(item.end.as_deref(), Some("2026-02-01T09:50"));
        assert_eq!(item.date, "2026-02-01");
        assert_eq!(r.event.time_zone.as_deref(), Some("Europe/Brussels"));
        assert_eq!(r.event.utc_offset, None);
        // `iCal` is no name.
        assert_eq!(r.event.name, None);
        assert_eq!(r.event.id, "event");
    }

    #[test]
    fn a_tzid_parameter_names_the_zone_without_giving_an_offset() {
        let r = read_ok(&calendar(&vevent(
            "UID:1\r\nDTSTART;TZID=\"/mozilla.org/20050126_1/Europe/Berlin\":20261227T103000\r\nDTEND;TZID=Europe/Berlin:20261227T1130\r\nSUMMARY:x\r\n",
        )));
        assert_eq!(r.event.program[0].start, "2026-12-27T10:30");
        assert_eq!(r.event.program[0].end.as_deref(), Some("2026-12-27T11:30"));
        assert_eq!(r.event.time_zone.as_deref(), Some("Europe/Berlin"));
    }

    #[test]
    fn a_zone_that_is_no_iana_name_is_reported_once_and_not_used() {
        let r = read_ok(&calendar(&format!(
            "{}{}",
            vevent(
                "UID:1\r\nDTSTART;TZID=W. Europe Standard Time:20261227T103000\r\nSUMMARY:x\r\n"
            ),
            vevent(
                "UID:2\r\nDTSTART;TZID=W. Europe Standard Time:20261227T113000\r\nSUMMARY:y\r\n"
            ),
        )));
        assert_eq!(r.event.time_zone, None);
        assert_eq!(r.event.program[1].start, "2026-12-27T11:30");
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
        assert!(mentions(&r, "not an IANA zone name"));
    }

    #[test]
    fn utc_times_keep_their_z_and_give_the_offset_only_when_no_zone_is_named() {
        let unnamed = read_ok(&calendar(&talk("1", "20200918T110000Z")));
        assert_eq!(unnamed.event.program[0].start, "2020-09-18T11:00Z");
        assert_eq!(unnamed.event.utc_offset.as_deref(), Some("+00:00"));
        assert_eq!(unnamed.event.time_zone, None);

        let named = read_ok(&calendar(&format!(
            "X-WR-TIMEZONE:Europe/Berlin\r\n{}",
            talk("1", "20200918T110000Z")
        )));
        assert_eq!(named.event.program[0].start, "2020-09-18T11:00Z");
        assert_eq!(named.event.utc_offset, None);
        assert_eq!(named.event.time_zone.as_deref(), Some("Europe/Berlin"));

        let hinted = read(
            &calendar(&talk("1", "20200918T110000Z")),
            &Hints {
                name: Some("Kielux".into()),
                time_zone: Some("Europe/Berlin".into()),
            },
        )
        .unwrap();
        assert_eq!(hinted.event.time_zone.as_deref(), Some("Europe/Berlin"));
        assert_eq!(hinted.event.name, Some(Text::from("Kielux")));
        assert_eq!(hinted.event.id, "kielux");
    }

    #[test]
    fn an_explicit_offset_wins_over_the_zone_and_utc_joins_the_local_clock() {
        let r = read_ok(&calendar(&format!(
            "{}{}{}",
            talk("a", "20260827T100000+0200"),
            vevent("UID:b\r\nDTSTART;TZID=Europe/Berlin:20260827T090000Z\r\nSUMMARY:b\r\n"),
            vevent("UID:c\r\nDTSTART;TZID=UTC:20260827T090000\r\nSUMMARY:c\r\n"),
        )));
        let starts: Vec<&str> = r.event.program.iter().map(|i| i.start.as_str()).collect();
        assert_eq!(
            starts,
            [
                "2026-08-27T10:00+02:00",
                "2026-08-27T11:00+02:00",
                "2026-08-27T11:00+02:00"
            ]
        );
        assert_eq!(r.event.utc_offset, None, "the zone is named (UTC)");
    }

    #[test]
    fn an_all_day_event_starts_at_midnight_with_a_warning() {
        let r = read_ok(&calendar(&vevent(
            "UID:1\r\nDTSTART;VALUE=DATE:20260131\r\nDTEND;VALUE=DATE:20260202\r\nSUMMARY:FOSDEM\r\n",
        )));
        let item = &r.event.program[0];
        assert_eq!(item.start, "2026-01-31T00:00");
        assert_eq!(item.end.as_deref(), Some("2026-02-02T00:00"));
        assert!(mentions(&r, "all-day"));
    }

    #[test]
    fn a_duration_gives_the_end_and_a_backward_end_is_dropped() {
        let r = read_ok(&calendar(&format!(
            "{}{}{}",
            vevent("UID:1\r\nDTSTART:20111227T233000\r\nDURATION:PT1H00M\r\nSUMMARY:late\r\n"),
            vevent("UID:2\r\nDTSTART:20111227T100000\r\nDTEND:20111227T090000\r\nSUMMARY:back\r\n"),
            vevent("UID:3\r\nDTSTART:20111227T100000\r\nDURATION:-PT1H\r\nSUMMARY:neg\r\n"),
        )));
        let p = &r.event.program;
        assert_eq!(p[0].end.as_deref(), Some("2011-12-28T00:30"));
        assert_eq!(p[0].date, "2011-12-27");
        assert_eq!(p[1].end, None);
        assert_eq!(p[2].end, None);
        assert!(mentions(&r, "before the start"));
        assert!(mentions(&r, "DURATION \"-PT1H\""));
    }

    #[test]
    fn repeated_uids_are_made_unique_with_a_warning() {
        let r = read_ok(&calendar(&format!(
            "{}{}{}",
            talk("x", "20260201T090000"),
            talk("x", "20260201T100000"),
            talk("x-2", "20260201T110000")
        )));
        let ids: Vec<&str> = r.event.program.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["x", "x-2", "x-2-2"]);
        assert!(mentions(&r, "already used"));
    }

    #[test]
    fn people_are_deduplicated_by_name_and_organisers_count_only_without_attendees() {
        let r = read_ok(&calendar(&format!(
            "{}{}{}",
            vevent("UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:a\r\nORGANIZER;CN=Org:x\r\nATTENDEE;CN=\"Ada  Lovelace\":x\r\nATTENDEE;CN=Ada Lovelace:x\r\n"),
            vevent("UID:2\r\nDTSTART:20260201T100000\r\nSUMMARY:b\r\nORGANIZER;CN=Org:x\r\n"),
            vevent("UID:3\r\nDTSTART:20260201T110000\r\nSUMMARY:c\r\nATTENDEE;CN=ada lovelace:x\r\nATTENDEE;CN=Ada. Lovelace:x\r\n"),
        )));
        let people: Vec<(&str, &str)> = r
            .event
            .people
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        assert_eq!(
            people,
            [
                ("ada-lovelace", "Ada Lovelace"),
                ("org", "Org"),
                ("ada-lovelace-2", "Ada. Lovelace")
            ]
        );
        assert_eq!(r.event.program[0].people, ["ada-lovelace"]);
        assert_eq!(r.event.program[1].people, ["org"]);
        assert_eq!(
            r.event.program[2].people,
            ["ada-lovelace", "ada-lovelace-2"]
        );
        let ids: HashSet<&str> = r.event.people.iter().map(|p| p.id.as_str()).collect();
        assert!(r
            .event
            .program
            .iter()
            .flat_map(|i| &i.people)
            .all(|p| ids.contains(p.as_str())));
    }

    #[test]
    fn speaker_lines_in_the_description_name_people_when_nothing_else_does() {
        let r = read_ok(&calendar(&format!(
            "{}{}",
            vevent("UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:a\r\nDESCRIPTION:About it.\\nSpeakers: Ann Lee\\, Bo Chen and Cy Dee\\n\r\n"),
            vevent("UID:2\r\nDTSTART:20260201T100000\r\nSUMMARY:b\r\nDESCRIPTION:<p>Text</p><p>speaker: <b>Ann Lee</b></p>\r\n"),
        )));
        let names: Vec<&str> = r.event.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ann Lee", "Bo Chen", "Cy Dee"]);
        assert_eq!(r.event.program[1].people, ["ann-lee"]);
    }

    #[test]
    fn only_web_urls_become_links() {
        let r = read_ok(&calendar(&format!(
            "{}{}{}",
            vevent("UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:a\r\nURL:https:/fosdem.org/2026/x/\r\n"),
            vevent("UID:2\r\nDTSTART:20260201T090000\r\nSUMMARY:b\r\nURL;VALUE=URI:javascript:alert(1)\r\n"),
            vevent("UID:3\r\nDTSTART:20260201T090000\r\nSUMMARY:c\r\nURL:https://kielux.de/programm/KOLT20#460\r\n"),
        )));
        let p = &r.event.program;
        assert!(p[0].links.is_empty() && p[1].links.is_empty());
        assert_eq!(p[2].links[0].url, "https://kielux.de/programm/KOLT20#460");
        assert_eq!(p[2].links[0].kind, LinkKind::Page);
        assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    }

    #[test]
    fn many_warnings_of_one_kind_are_counted_not_listed() {
        let events: String = (0..20)
            .map(|n| {
                vevent(&format!(
                    "UID:{n}\r\nDTSTART:20260201T090000\r\nSUMMARY:a\r\nURL:https:/x.org/{n}\r\n"
                ))
            })
            .collect();
        let r = read_ok(&calendar(&events));
        assert_eq!(r.warnings.len(), LISTED_PER_KIND + 1);
        assert!(mentions(&r, &format!("{} more URLs", 20 - LISTED_PER_KIND)));
    }

    #[test]
    fn the_whole_categories_value_is_one_track() {
        let r = read_ok(&calendar(&format!(
            "{}{}",
            vevent("UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:a\r\nCATEGORIES:BSD, illumos, bhyve, OpenZFS\r\n"),
            vevent("UID:2\r\nDTSTART:20260201T090000\r\nSUMMARY:b\r\nCATEGORIES:Rust\\, Go\r\nCATEGORIES:Other\r\n"),
        )));
        assert_eq!(
            r.event.program[0].track.as_deref(),
            Some("BSD, illumos, bhyve, OpenZFS")
        );
        assert_eq!(r.event.program[1].track.as_deref(), Some("Rust, Go"));
    }

    #[test]
    fn html_descriptions_never_keep_markup_that_could_run() {
        let r = read_ok(&calendar(&vevent(
            "UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:a\r\nDESCRIPTION:<p>Hi <script>alert(1)</script><a href=\"javascript:x\">y</a></p>\r\n",
        )));
        if let Some(d) = &r.event.program[0].description {
            let d = d.any();
            assert!(!d.contains("<script") && !d.contains("javascript:"), "{d}");
        }
        assert!(has_html_tags("a <i>b</i>"));
        assert!(has_html_tags("x</p>"));
        assert!(!has_html_tags("1 < 2 and 3 > 2"));
        assert!(!has_html_tags("a <- b"));
    }

    #[test]
    fn blank_lines_unknown_parts_and_an_invalid_vtimezone_property_are_ignored() {
        let r = read_ok(&calendar(&format!(
            "VTIMEZONE:Europe/Brussels\r\n\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\nBEGIN:STANDARD\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\r\n\
             BEGIN:X-THING\r\nBEGIN:VEVENT\r\nUID:hidden\r\nDTSTART:20260201T080000\r\nSUMMARY:h\r\nEND:VEVENT\r\nEND:X-THING\r\n\
             {}\r\n\r\n{}",
            vevent("UID:1\r\nMETHOD:PUBLISH\r\nX-FOO;BAR=1:2\r\nDTSTART:20260201T090000\r\nSUMMARY:a\r\nBEGIN:VALARM\r\nSUMMARY:ring\r\nDTSTART:20000101T000000\r\nEND:VALARM\r\n"),
            talk("2", "20260201T100000"),
        )));
        let ids: Vec<&str> = r.event.program.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(r.event.program[0].title.any(), "a");
        assert_eq!(r.event.program[0].start, "2026-02-01T09:00");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn a_missing_end_vevent_ends_where_the_next_begins() {
        let text = calendar(&format!(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:a\r\n{}",
            talk("2", "20260201T100000")
        ));
        let r = read_ok(&text);
        assert_eq!(r.event.program.len(), 2);
        assert!(mentions(&r, "no END:VEVENT"));
    }

    #[test]
    fn a_cut_short_file_keeps_the_events_that_ended() {
        let text = format!(
            "BEGIN:VCALENDAR\r\n{}BEGIN:VEVENT\r\nUID:2\r\nDTSTART:2026",
            talk("1", "20260201T090000")
        );
        let r = read_ok(&text);
        assert_eq!(r.event.program.len(), 1);
        assert!(mentions(&r, "never ends"));
        assert!(mentions(&r, "no END:VCALENDAR"));
    }

    #[test]
    fn a_broken_event_is_skipped_and_the_rest_read() {
        let r = read_ok(&calendar(&format!(
            "{}{}{}{}",
            talk("bad", "2026-13-01"),
            vevent("UID:nosummary\r\nDTSTART:20260201T090000\r\n"),
            vevent("UID:gone\r\nSTATUS:CANCELLED\r\nDTSTART:20260201T090000\r\nSUMMARY:x\r\n"),
            talk("good", "20260201T090000"),
        )));
        assert_eq!(r.event.program.len(), 1);
        assert_eq!(r.event.program[0].id, "good");
        assert!(mentions(
            &r,
            "line 5: DTSTART \"2026-13-01\" is not a date-time; VEVENT skipped"
        ));
        assert!(mentions(&r, "no SUMMARY"));
        assert!(mentions(&r, "CANCELLED"));
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            read_err(&calendar(&talk("bad", "2026-13-01"))),
            "iCalendar: line 5: DTSTART \"2026-13-01\" is not a date-time"
        );
        let two = read_err(&calendar(&format!(
            "{}{}",
            talk("a", "20261301T090000"),
            talk("b", "x")
        )));
        assert!(
            two.starts_with("iCalendar: line 5: DTSTART \"20261301T090000\""),
            "{two}"
        );
        assert!(two.contains("other 1 VEVENTs"), "{two}");
        assert_eq!(
            read_err(&calendar("X-WR-CALNAME:Empty\r\n")),
            "iCalendar: the calendar has no VEVENT"
        );
        assert!(read_err("\r\n\r\nBEGIN:VEVENT\r\n")
            .starts_with("iCalendar: line 3: a calendar starts with BEGIN:VCALENDAR"));
        assert!(read_err("").contains("BEGIN:VCALENDAR"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("BEGIN:VCALENDAR\r\n{}", "BEGIN:X\r\n".repeat(100_000));
        let e = read_err(&text);
        assert!(e.contains(&format!("more than {MAX_DEPTH} deep")), "{e}");
    }

    #[test]
    fn too_many_events_are_refused_and_long_texts_cut() {
        let many: String = (0..=MAX_ITEMS)
            .map(|n| talk(&n.to_string(), "20260201T090000"))
            .collect();
        assert!(read_err(&calendar(&many)).contains("at most 10000"));

        let long = "é".repeat(MAX_TEXT_CHARS + 10);
        let r = read_ok(&calendar(&vevent(&format!(
            "UID:1\r\nDTSTART:20260201T090000\r\nSUMMARY:{long}\r\n"
        ))));
        assert_eq!(
            r.event.program[0].title.any().chars().count(),
            MAX_TEXT_CHARS
        );
        assert!(mentions(&r, "SUMMARY is longer"));
    }

    #[test]
    fn hostile_lines_do_not_break_the_reader() {
        for body in [
            ":\r\n;\r\nA;B\r\nA;B=\"x\r\nA;=:\r\nDTSTART;TZID=/a/b:1\r\nEND:\r\nEND:NOTHING\r\n",
            "BEGIN:VEVENT\r\nDTSTART:99991231T235959\r\nDURATION:P99999999999999999999W\r\nSUMMARY:x\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART:99991231T235959\r\nDURATION:P52W\r\nSUMMARY:x\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nDTSTART:20260101T2400\r\nSUMMARY:x\r\nEND:VEVENT\r\n",
        ] {
            let _ = read(&calendar(body), &Hints::default());
        }
    }

    proptest::proptest! {
        #[test]
        fn no_input_panics(body in "(BEGIN:VEVENT|END:VEVENT|DTSTART[;:A-Z=\"/]*[0-9TZ+-]{0,20}|DTEND:[0-9TZ]{0,16}|DURATION:[PTHMS0-9-]{0,8}|SUMMARY:.{0,10}|ATTENDEE;CN=.{0,8}|URL:.{0,12}|DESCRIPTION:.{0,30}|[ \t\\\\;:,\"^]|\r\n|\n|.){0,60}") {
            let _ = read(&format!("BEGIN:VCALENDAR\r\n{body}"), &Hints::default());
        }
    }
}
