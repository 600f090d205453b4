//! The widget's own event format, version 2, as every reader writes it (README "Event
//! file format"). Texts whose language the source does not state are plain strings;
//! rich texts (abstracts, bios) are in the safe Markdown subset of [`crate::rich`].

use serde::Serialize;
use std::collections::BTreeMap;

pub const FORMAT_VERSION: u32 = 2;

/// A text: a plain string when the source does not say its language, else a map from
/// BCP 47 tag to text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Languages(BTreeMap<String, String>),
}

impl Text {
    /// The text in one language: the given tag, else English, else the first.
    pub fn any(&self) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Languages(map) => map
                .get("en")
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::Languages(map) => map.values().all(|s| s.trim().is_empty()),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Plain(s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub version: u32,
    pub id: String,
    /// Absent in pretalx widget data and Sessionize: the `name` attribute gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// `YYYY-MM-DD`, the first conference day.
    pub start_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// IANA zone; absent when the data names none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// `+01:00`: the offset the data's times carry, for events whose zone is unnamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<Venue>,
    /// The event's own page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<Track>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub program: Vec<Item>,
    /// Where the data came from: `{"format": "frab schedule.xml", "generator": …}`.
    pub converted_from: ConvertedFrom,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConvertedFrom {
    /// The format's name as errors and `check` give it, e.g. `frab schedule.json`.
    pub format: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Venue {
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Track {
    /// What items name in their `track`.
    pub id: String,
    pub name: Text,
    /// `#rrggbb`, never the only cue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Sessionize's tag line, the only role-like field any format has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Text>,
    /// Rich text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bio: Option<Text>,
    /// http(s) URL; shown only with `images="on"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// One of the widget's item kinds; free-text types map onto it, unknown → `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Ceremony,
    Keynote,
    Talk,
    Panel,
    Workshop,
    Exhibition,
    Meeting,
    Break,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    pub title: Text,
    pub kind: Kind,
    /// The source's own type, e.g. `lecture`, `Workshop`, `Live-Podcast Bühne`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub item_type: Option<String>,
    /// The conference day it is listed under (`YYYY-MM-DD`), which for items after
    /// midnight is the day before their start's calendar date.
    pub date: String,
    /// Event-local wall clock, `YYYY-MM-DDTHH:MM[:SS]`, with the offset (`+01:00`, `Z`)
    /// when the data gives one.
    pub start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// The room.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Text>,
    /// Id of an entry in `tracks`, or the track's name when the data lists no tracks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// BCP 47 tag(s) of the talk's language, as the data gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Rich text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// The item's page, slides, recordings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The item's or person's own page.
    Page,
    Slides,
    Recording,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Always `http:` or `https:`; readers drop every other scheme.
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub kind: LinkKind,
}

/// `Some(url)` for an absolute `http(s)` URL (trimmed), else `None`.
pub fn web_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > lower.find("//").map_or(0, |i| i + 2)
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then(|| url.to_owned())
}

/// Maps a source's free-text type onto a [`Kind`].
pub fn kind_of(item_type: &str) -> Kind {
    let t = item_type.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["break", "lunch", "coffee", "pause", "dinner", "breakfast"]) {
        Kind::Break
    } else if has(&["keynote"]) {
        Kind::Keynote
    } else if has(&["workshop", "tutorial", "hands-on"]) {
        Kind::Workshop
    } else if has(&["panel", "podium", "discussion"]) {
        Kind::Panel
    } else if has(&["opening", "closing", "ceremony", "welcome"]) {
        Kind::Ceremony
    } else if has(&["meetup", "meeting", "bof", "assembly"]) {
        Kind::Meeting
    } else if has(&["exhibition", "expo", "installation"]) {
        Kind::Exhibition
    } else if has(&[
        "talk",
        "lecture",
        "session",
        "presentation",
        "lightning",
        "vortrag",
    ]) {
        Kind::Talk
    } else {
        Kind::Other
    }
}

/// Builds `start_date`/`end_date` from the items' conference days.
pub fn date_span(items: &[Item]) -> Option<(String, Option<String>)> {
    let first = items.iter().map(|i| i.date.as_str()).min()?;
    let last = items.iter().map(|i| i.date.as_str()).max()?;
    Some((first.to_owned(), (last != first).then(|| last.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_urls_are_kept() {
        assert_eq!(
            web_url(" https://fosdem.org/x "),
            Some("https://fosdem.org/x".into())
        );
        assert_eq!(web_url("HTTP://a.b"), Some("HTTP://a.b".into()));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil",
            "https://",
            "/rel",
            "https://a b",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn free_types_map_onto_kinds() {
        assert_eq!(kind_of("lecture"), Kind::Talk);
        assert_eq!(kind_of("Lunch Break"), Kind::Break);
        assert_eq!(kind_of("podium"), Kind::Panel);
        assert_eq!(kind_of("Workshop (2h)"), Kind::Workshop);
        assert_eq!(kind_of("performance"), Kind::Other);
    }
}
