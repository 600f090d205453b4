//! The event as the widget renders it. The JSON format is documented in README.md.

use super::date::{Clock, Date};
use super::text::LocalizedText;
#[cfg(feature = "serde-reference")]
use serde::Deserialize;
use serde::Serialize;

/// The newest format version this build reads; version 1 files are read too.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Event {
    pub version: u32,
    /// Stable identifier, used for element ids and (later) calendar UIDs.
    pub id: String,
    /// Required in version 1; in version 2 the `name` option can give it instead.
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub name: LocalizedText,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub full_name: LocalizedText,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub edition: LocalizedText,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub summary: LocalizedText,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub theme: LocalizedText,
    pub start_date: Date,
    /// Last day; absent means a one-day event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// IANA time-zone name, e.g. `Asia/Shanghai`; dates and times are wall-clock there.
    /// Required in version 1; in version 2 it may be absent (the `time-zone` option).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time_zone: String,
    /// `+01:00`: the offset the times carry, for an event whose zone is not named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<String>,
    /// Required in version 1.
    #[serde(default)]
    pub venue: Venue,
    /// The event's own page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<Track>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<LocalizedText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub program: Vec<ProgramItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Venue {
    pub name: LocalizedText,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub city: LocalizedText,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub region: LocalizedText,
    /// ISO 3166-1 alpha-2 code; the browser names the country in the reader's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationRole {
    Host,
    Supporter,
    Organiser,
    Partner,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Organisation {
    pub name: LocalizedText,
    pub role: OrganisationRole,
}

/// A published number about the event, e.g. "nearly 400 | participants".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Figure {
    pub value: LocalizedText,
    pub label: LocalizedText,
    /// The whole phrase per language, `{}` standing for the value: "{}人参会".
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub pattern: LocalizedText,
    /// Id of the entry in `sources` that published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    InPerson,
    Video,
}

/// What a person did at the event; absent when the data does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Gave a speech, in person or by video.
    Speaker,
    /// Attended without speaking.
    Attendee,
}

/// A name written in another script, e.g. Cyrillic or Chinese characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct ScriptName {
    pub text: String,
    /// BCP 47 tag of the text, e.g. `sr-Cyrl`, `zh`, `ka`.
    pub lang: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Person {
    pub id: String,
    /// The name in Latin script.
    pub name: String,
    /// The name in the person's own script, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<ScriptName>,
    /// The name as other languages write it (e.g. the Chinese transliteration).
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub local_names: LocalizedText,
    /// Required in version 1.
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub role: LocalizedText,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub organisation: LocalizedText,
    /// ISO 3166-1 alpha-2 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Required in version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    /// How they took part, e.g. "delivered a speech".
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub participation: LocalizedText,
    /// Rich text (see `model::rich`).
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub bio: LocalizedText,
    /// An http(s) picture, shown only with the `images` option on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A theme the programme is grouped by, with its colour (never the only cue).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Track {
    /// What items name in their `track`.
    pub id: String,
    pub name: LocalizedText,
    /// `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The item's or person's own page.
    Page,
    Slides,
    Recording,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Link {
    /// An `http:` or `https:` address.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default = "LinkKind::other")]
    pub kind: LinkKind,
}

#[cfg(feature = "serde-reference")]
impl LinkKind {
    fn other() -> LinkKind {
        LinkKind::Other
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum ProgramKind {
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

impl ProgramKind {
    pub const ALL: [ProgramKind; 9] = [
        ProgramKind::Ceremony,
        ProgramKind::Keynote,
        ProgramKind::Talk,
        ProgramKind::Panel,
        ProgramKind::Workshop,
        ProgramKind::Exhibition,
        ProgramKind::Meeting,
        ProgramKind::Break,
        ProgramKind::Other,
    ];

    /// The name the event format gives it, e.g. `keynote`.
    pub fn key(self) -> &'static str {
        match self {
            ProgramKind::Ceremony => "ceremony",
            ProgramKind::Keynote => "keynote",
            ProgramKind::Talk => "talk",
            ProgramKind::Panel => "panel",
            ProgramKind::Workshop => "workshop",
            ProgramKind::Exhibition => "exhibition",
            ProgramKind::Meeting => "meeting",
            ProgramKind::Break => "break",
            ProgramKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<ProgramKind> {
        ProgramKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct ProgramItem {
    pub id: String,
    pub title: LocalizedText,
    pub kind: ProgramKind,
    /// The source's own type, e.g. `lecture`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub item_type: Option<String>,
    /// The day it is listed under (items after midnight stay under the day before).
    pub date: Date,
    /// Wall-clock start in the event's zone; absent when not published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Clock>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Clock>,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub location: LocalizedText,
    /// Id (or name) of its track.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// BCP 47 tag of the language it is given in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Rich text (see `model::rich`).
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub description: LocalizedText,
    /// Ids of the people who take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// Its page, slides, recordings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Source {
    pub id: String,
    /// Absent for sources known only by publisher, title and date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub publisher: LocalizedText,
    #[serde(default, skip_serializing_if = "LocalizedText::is_empty")]
    pub title: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// BCP 47 tag of the page's language (e.g. `zh`), so a link can say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Event {
    pub fn last_date(&self) -> Date {
        self.end_date.unwrap_or(self.start_date)
    }

    /// The track an item names: by id, else by name.
    pub fn track(&self, id: &str) -> Option<&Track> {
        self.tracks.iter().find(|t| t.id == id)
    }

    /// The zone `Intl` shows times in: the named zone, else the data's offset; empty
    /// when the data gives neither (times are then the event's wall clock, unconverted).
    pub fn zone(&self) -> &str {
        if self.time_zone.is_empty() {
            self.utc_offset.as_deref().unwrap_or("")
        } else {
            &self.time_zone
        }
    }

    /// Items by day, then start (items without a published time after a day's timed ones).
    pub fn sort_programme(&mut self) {
        self.program.sort_by_key(|item| {
            let start = item.start.map(|c| (c.on(item.date), c.time));
            (item.date, start.is_none(), start)
        });
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// Each person's id (sorted, each once) with the indices of the programme items they
    /// take part in, in programme order; one pass, for programmes of thousands of items.
    /// Sorted for a binary search: a map of its own type would cost the wasm a copy of the
    /// map's code.
    pub fn items_by_id(&self) -> Vec<(&str, Vec<usize>)> {
        let mut by_id: Vec<(&str, Vec<usize>)> = self
            .people
            .iter()
            .map(|p| (p.id.as_str(), Vec::new()))
            .collect();
        by_id.sort_unstable_by(|a, b| a.0.cmp(b.0));
        by_id.dedup_by(|a, b| a.0 == b.0);
        for (index, item) in self.program.iter().enumerate() {
            for id in &item.people {
                let Ok(k) = by_id.binary_search_by(|(known, _)| (*known).cmp(id.as_str())) else {
                    continue;
                };
                let items = &mut by_id[k].1;
                // A person named twice in one item takes part in it once.
                if items.last() != Some(&index) {
                    items.push(index);
                }
            }
        }
        by_id
    }

    /// For each person, in `people` order, the indices of the programme items they take
    /// part in, in programme order ([`Event::items_by_id`] in the people's order).
    pub fn items_by_person(&self) -> Vec<Vec<usize>> {
        let by_id = self.items_by_id();
        self.people
            .iter()
            .map(|p| {
                by_id
                    .binary_search_by(|(id, _)| (*id).cmp(p.id.as_str()))
                    .map(|k| by_id[k].1.clone())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The people of `ids` (in that order, unknown ids skipped) grouped by part:
    /// speakers, then attendees, then those whose part the data does not give; empty
    /// groups left out.
    pub fn people_by_part<'a>(&'a self, ids: &'a [String]) -> Vec<(Option<Part>, Vec<&'a Person>)> {
        let people: Vec<&Person> = ids.iter().filter_map(|id| self.person(id)).collect();
        group_by_part(people)
    }

    /// Everyone in `people`, grouped like [`Event::people_by_part`].
    pub fn all_people_by_part(&self) -> Vec<(Option<Part>, Vec<&Person>)> {
        group_by_part(self.people.iter().collect())
    }

    /// How many people the data says spoke.
    pub fn speaker_count(&self) -> usize {
        self.people
            .iter()
            .filter(|p| p.part == Some(Part::Speaker))
            .count()
    }

    pub fn organisations_with(
        &self,
        role: OrganisationRole,
    ) -> impl Iterator<Item = &Organisation> {
        self.organisations.iter().filter(move |o| o.role == role)
    }
}

fn group_by_part(people: Vec<&Person>) -> Vec<(Option<Part>, Vec<&Person>)> {
    [Some(Part::Speaker), Some(Part::Attendee), None]
        .into_iter()
        .map(|part| {
            let group: Vec<&Person> = people.iter().copied().filter(|p| p.part == part).collect();
            (part, group)
        })
        .filter(|(_, group)| !group.is_empty())
        .collect()
}

// The readers of the types above, field for field as serde's derive reads them (the
// derive itself is used only by the tests, as the reference: feature `serde-reference`).
crate::json_struct!(Event, "struct Event", {
    version, id, name = Default::default(), full_name = Default::default(), edition = Default::default(), summary = Default::default(), theme = Default::default(), start_date,
    end_date, time_zone = Default::default(), utc_offset, venue = Default::default(), url, tracks = Default::default(), organisations = Default::default(),
    figures = Default::default(), notes = Default::default(), people = Default::default(), program = Default::default(), sources = Default::default(),
});
crate::json_struct!(Venue, "struct Venue", { name, city = Default::default(), region = Default::default(), country });
crate::json_struct!(Organisation, "struct Organisation", { name, role });
crate::json_struct!(Figure, "struct Figure", { value, label, pattern = Default::default(), source });
crate::json_struct!(ScriptName, "struct ScriptName", { text, lang });
crate::json_struct!(Person, "struct Person", {
    id, name, native_name, local_names = Default::default(), role = Default::default(), organisation = Default::default(), country, attendance,
    part, participation = Default::default(), bio = Default::default(), avatar, links = Default::default(),
});
crate::json_struct!(Track, "struct Track", { id, name, color });
crate::json_struct!(Link, "struct Link", { url, title, kind = LinkKind::Other });
crate::json_struct!(ProgramItem, "struct ProgramItem", {
    id, title, kind, item_type as "type", date, start, end, location = Default::default(), track, language,
    description = Default::default(), people = Default::default(), links = Default::default(),
});
crate::json_struct!(Source, "struct Source", { id, url, publisher, title = Default::default(), date, lang });
crate::json_enum!(OrganisationRole, "enum OrganisationRole", {
    "host" => Host, "supporter" => Supporter, "organiser" => Organiser, "partner" => Partner,
});
crate::json_enum!(Attendance, "enum Attendance", { "in_person" => InPerson, "video" => Video });
crate::json_enum!(Part, "enum Part", { "speaker" => Speaker, "attendee" => Attendee });
crate::json_enum!(LinkKind, "enum LinkKind", {
    "page" => Page, "slides" => Slides, "recording" => Recording, "other" => Other,
});
crate::json_enum!(ProgramKind, "enum ProgramKind", {
    "ceremony" => Ceremony, "keynote" => Keynote, "talk" => Talk, "panel" => Panel,
    "workshop" => Workshop, "exhibition" => Exhibition, "meeting" => Meeting,
    "break" => Break, "other" => Other,
});
