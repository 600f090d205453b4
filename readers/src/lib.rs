//! Readers for the schedules conference systems publish, picked by the file's content,
//! each converting to the widget's own event format (version 2, [`event`]).
//!
//! Pure Rust with no browser APIs: the same code is the `schedule` command-line tool
//! (`check`, `convert`) and, compiled to its own small wasm, the module the widget
//! fetches only when a `src` file is in another format.
//!
//! What every reader guarantees about the [`Event`] it returns:
//! - `Item.start`/`end` are the event's wall clock (`time::DateTime::to_iso`), with the
//!   offset when the data gives one; times without an offset stay without one (never
//!   read as UTC or as the machine's zone). An explicit offset wins over a zone name; a
//!   time in UTC among local-offset times is re-expressed on the dominant local offset.
//! - `Item.date` is the conference day the item is listed under (a frab `<day>`), else
//!   the calendar date of its start; `start_date`/`end_date` span the items' days.
//! - `time_zone` is the IANA zone the data (or `Hints`) names; otherwise `utc_offset`
//!   is the dominant offset the times carry, if any.
//! - `name` comes from the data, else `Hints.name`; `id` from an acronym or `slug`.
//! - Item and person ids are unique (repeats get a suffix and a [`Warning`]); every id
//!   in `Item.people` names a person (dangling ones are dropped with a warning).
//! - Links are absolute `http(s)` URLs only (`event::web_url`); abstracts and bios go
//!   through [`rich`], so nothing from data can run or load anything.
//! - Lenient reading: unknown fields, a BOM and CRLF are accepted; a broken item is
//!   skipped with a warning; a [`ReadError`] names the format and the place, and comes
//!   only when the top-level shape is wrong or nothing usable remains.
//! - At most 10,000 items and 5,000 people; texts over 20,000 characters are cut with
//!   a warning. No input makes a reader panic.

pub mod error;
pub mod event;
mod frab;
pub mod frab_json;
pub mod frab_xml;
pub mod ical;
mod json_common;
pub mod pretalx_widget;
pub mod report;
pub mod rich;
pub mod sessionize;
pub mod time;
#[cfg(feature = "wasm")]
mod wasm;

pub use error::{ReadError, Warning};
pub use event::Event;

/// Largest file read, in bytes (the widget's own limit).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The formats, as errors and `check` name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The widget's own format: nothing to convert.
    Own,
    FrabJson,
    FrabXml,
    PretalxWidget,
    Sessionize,
    ICalendar,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Own => "the widget's own format",
            Format::FrabJson => "frab schedule.json",
            Format::FrabXml => "frab schedule.xml",
            Format::PretalxWidget => "pretalx widget data",
            Format::Sessionize => "Sessionize All",
            Format::ICalendar => "iCalendar",
        }
    }
}

/// What the partner's attributes say where the data is silent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The event's name (`name` attribute).
    pub name: Option<String>,
    /// IANA zone (`time-zone` attribute), for data that names none.
    pub time_zone: Option<String>,
}

/// A converted schedule and what was noticed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub format: Format,
    pub event: Event,
    pub warnings: Vec<Warning>,
}

const LOOKED_FOR: &str = "looked for: the widget's own event JSON, frab schedule.json \
({\"schedule\":{\"conference\":…}}), pretalx widget data (talks, rooms, speakers, timezone), \
Sessionize All (sessions, speakers, categories, rooms), frab/Pentabarf schedule.xml \
(<schedule>), iCalendar (BEGIN:VCALENDAR)";

fn not_a_schedule(why: &str) -> ReadError {
    ReadError {
        format: None,
        path: String::new(),
        problem: format!("not a schedule this widget can read: {why} ({LOOKED_FOR})"),
    }
}

/// Which format `text` is in, from its content alone; `None` if none fits.
pub fn sniff(text: &str) -> Option<Format> {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('<') {
        return Some(Format::FrabXml);
    }
    if text.len() >= 15 && text[..15].eq_ignore_ascii_case("BEGIN:VCALENDAR") {
        return Some(Format::ICalendar);
    }
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    sniff_json(&value)
}

fn sniff_json(value: &serde_json::Value) -> Option<Format> {
    let object = value.as_object()?;
    let has = |key: &str| object.contains_key(key);
    if object
        .get("schedule")
        .and_then(|s| s.get("conference"))
        .is_some()
    {
        Some(Format::FrabJson)
    } else if has("talks") && has("rooms") && has("speakers") {
        Some(Format::PretalxWidget)
    } else if has("sessions") && has("speakers") && has("rooms") {
        Some(Format::Sessionize)
    } else if object.get("version").is_some_and(serde_json::Value::is_u64) {
        Some(Format::Own)
    } else {
        None
    }
}

/// Reads a schedule in any known format. The widget's own format comes back as
/// [`Format::Own`] with an error-free `Err`-less path: callers pass it on unchanged.
pub fn read(text: &str, hints: &Hints) -> Result<Read, ReadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(not_a_schedule(&format!(
            "the file has {} bytes; at most {MAX_FILE_BYTES} are read",
            text.len()
        )));
    }
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    if trimmed.starts_with('<') {
        return frab_xml::read(text, hints);
    }
    if trimmed.len() >= 15
        && trimmed.is_char_boundary(15)
        && trimmed[..15].eq_ignore_ascii_case("BEGIN:VCALENDAR")
    {
        return ical::read(text, hints);
    }
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return Err(not_a_schedule("it is neither JSON, XML nor iCalendar"));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        not_a_schedule(&format!(
            "it starts like JSON but is not (line {}, column {}: {e})",
            e.line(),
            e.column()
        ))
    })?;
    match sniff_json(&value) {
        Some(Format::FrabJson) => frab_json::read(&value, hints),
        Some(Format::PretalxWidget) => pretalx_widget::read(&value, hints),
        Some(Format::Sessionize) => sessionize::read(&value, hints),
        Some(Format::Own) => Err(ReadError {
            format: Some(Format::Own.name()),
            path: String::new(),
            problem: "already in the widget's own format; nothing to convert".to_owned(),
        }),
        _ => Err(not_a_schedule("a JSON file of some other shape")),
    }
}

/// The id an event gets when the data has none: its name, lower-cased, with runs of
/// anything but letters and digits made one `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "event".to_owned()
    } else {
        out
    }
}

/// The offset most of `offsets` carry (ties: the earliest seen), for `utc_offset`.
pub fn dominant_offset(offsets: impl IntoIterator<Item = i32>) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for off in offsets {
        match counts.iter_mut().find(|(o, _)| *o == off) {
            Some((_, n)) => *n += 1,
            None => counts.push((off, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.iter().find(|(_, n)| *n == best).map(|(o, _)| *o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_content() {
        assert_eq!(
            sniff("\u{feff}{\"schedule\":{\"conference\":{}}}"),
            Some(Format::FrabJson)
        );
        assert_eq!(
            sniff("{\"talks\":[],\"rooms\":[],\"speakers\":[]}"),
            Some(Format::PretalxWidget)
        );
        assert_eq!(
            sniff("{\"sessions\":[],\"speakers\":[],\"rooms\":[],\"categories\":[]}"),
            Some(Format::Sessionize)
        );
        assert_eq!(
            sniff("  <?xml version=\"1.0\"?><schedule/>"),
            Some(Format::FrabXml)
        );
        assert_eq!(
            sniff("BEGIN:VCALENDAR\r\nEND:VCALENDAR"),
            Some(Format::ICalendar)
        );
        assert_eq!(sniff("{\"version\":1}"), Some(Format::Own));
        assert_eq!(sniff("{\"a\":1}"), None);
        assert_eq!(sniff("hello"), None);
    }

    #[test]
    fn an_unknown_file_says_what_was_looked_for() {
        let e = read("{\"a\":1}", &Hints::default()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("not a schedule this widget can read"),
            "{e}"
        );
        assert!(e.to_string().contains("looked for:"), "{e}");
        assert!(read("plain words", &Hints::default()).is_err());
    }

    #[test]
    fn slugs_and_offsets() {
        assert_eq!(
            slug("36C3 - Resource Exhaustion"),
            "36c3-resource-exhaustion"
        );
        assert_eq!(slug("  "), "event");
        assert_eq!(dominant_offset([3600, 7200, 3600]), Some(3600));
        assert_eq!(dominant_offset([]), None);
    }
}
