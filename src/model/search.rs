//! Finding programme items: search words and the day, kind, room, track and language
//! filters. The starred and past filters need the reader's stars and clock: the views
//! apply them ([`keep`]).
//!
//! Pure Rust. Lower-casing is passed in: the widget asks the browser (Rust's own
//! `to_lowercase` would add Unicode tables to the wasm), the native tests use Rust's.

use super::{Date, Event, ProgramItem, ProgramKind};

/// Lower-cases text for matching.
pub type Lower<'a> = &'a dyn Fn(&str) -> String;

/// What the reader looks for; the default finds every item.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// Words that must all occur, in any case and order.
    pub query: String,
    pub day: Option<Date>,
    pub kind: Option<ProgramKind>,
    /// A room as shown in the reader's language.
    pub room: Option<String>,
    /// A track's id.
    pub track: Option<String>,
    /// A language tag, as the items give it.
    pub language: Option<String>,
    /// Only the items the reader starred.
    pub starred: bool,
    /// Leave out the items that are over.
    pub hide_past: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// The lower-cased text of each item, built once per event, at the first search: titles
/// and descriptions in every language, the location, and the names of its people in
/// every script.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchIndex {
    haystacks: std::cell::OnceCell<Vec<String>>,
}

fn haystack(event: &Event, item: &ProgramItem) -> String {
    let mut text = String::new();
    let mut add = |value: &str| {
        text.push_str(value);
        text.push('\n');
    };
    for value in [&item.title, &item.description, &item.location] {
        value.0.values().for_each(|v| add(v));
    }
    for person in item.people.iter().filter_map(|id| event.person(id)) {
        add(&person.name);
        person.local_names.0.values().for_each(|v| add(v));
        if let Some(native) = &person.native_name {
            add(&native.text);
        }
    }
    text
}

/// Every item's haystack, lower-cased in one call (the browser's lower-casing is a call
/// out of the wasm), or one call each if a text holds the separator.
fn haystacks(event: &Event, lower: Lower) -> Vec<String> {
    let texts: Vec<String> = event
        .program
        .iter()
        .map(|item| haystack(event, item))
        .collect();
    let lowered = lower(&texts.join("\0"));
    let parts: Vec<String> = lowered.split('\0').map(str::to_owned).collect();
    if parts.len() == texts.len() {
        parts
    } else {
        texts.iter().map(|t| lower(t)).collect()
    }
}

impl SearchIndex {
    /// An index built now rather than at the first search.
    pub fn new(event: &Event, lower: Lower) -> SearchIndex {
        let index = SearchIndex::default();
        index.haystacks.get_or_init(|| haystacks(event, lower));
        index
    }

    /// Builds the index now if no search has yet: the first keystroke then only looks.
    pub fn warm(&self, event: &Event, lower: Lower) {
        self.haystacks.get_or_init(|| haystacks(event, lower));
    }

    /// Indices of the items that `filter` finds, in programme order; rooms are compared
    /// as shown in `lang`.
    pub fn find(&self, event: &Event, filter: &Filter, lang: &str, lower: Lower) -> Vec<usize> {
        let query = lower(&filter.query);
        let words: Vec<&str> = query.split_whitespace().collect();
        let haystacks: &[String] = if words.is_empty() {
            &[]
        } else {
            self.haystacks.get_or_init(|| haystacks(event, lower))
        };
        event
            .program
            .iter()
            .enumerate()
            .filter(|&(index, item)| {
                words
                    .iter()
                    .all(|w| haystacks.get(index).is_some_and(|hay| hay.contains(w)))
                    && filter.day.is_none_or(|d| item.date == d)
                    && filter.kind.is_none_or(|k| item.kind == k)
                    && filter
                        .room
                        .as_ref()
                        .is_none_or(|r| item.location.text_for(lang) == Some(r.as_str()))
                    && filter
                        .track
                        .as_deref()
                        .is_none_or(|t| item.track.as_deref() == Some(t))
                    && filter
                        .language
                        .as_deref()
                        .is_none_or(|l| item.language.as_deref() == Some(l))
            })
            .map(|(index, _)| index)
            .collect()
    }
}

/// The values the filters offer for an event: days and kinds in programme order, rooms
/// (as shown in `lang`) sorted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FilterChoices {
    pub days: Vec<Date>,
    pub kinds: Vec<ProgramKind>,
    pub rooms: Vec<String>,
    /// Track ids, in the order the event lists its tracks, then any others items name.
    pub tracks: Vec<String>,
    /// Language tags, in programme order.
    pub languages: Vec<String>,
}

impl FilterChoices {
    pub fn of(event: &Event, lang: &str) -> FilterChoices {
        let mut choices = FilterChoices::default();
        for item in &event.program {
            if !choices.days.contains(&item.date) {
                choices.days.push(item.date);
            }
            if !choices.kinds.contains(&item.kind) {
                choices.kinds.push(item.kind);
            }
            if let Some(track) = &item.track {
                if !choices.tracks.contains(track) {
                    choices.tracks.push(track.clone());
                }
            }
            if let Some(language) = &item.language {
                if !choices.languages.contains(language) {
                    choices.languages.push(language.clone());
                }
            }
            if let Some(room) = item.location.text_for(lang) {
                if !choices.rooms.iter().any(|r| r == room) {
                    choices.rooms.push(room.to_owned());
                }
            }
        }
        // The rooms are distinct, so an unstable sort gives the same order (with less code).
        choices.rooms.sort_unstable();
        let listed = |id: &String| event.tracks.iter().position(|t| &t.id == id);
        choices
            .tracks
            .sort_by_key(|id| listed(id).unwrap_or(usize::MAX));
        choices
    }
}

/// Whether `item` passes the filters that need the reader's stars and the clock.
pub fn keep(
    item: &ProgramItem,
    filter: &Filter,
    starred: &super::IdSet,
    now: Option<super::Now>,
) -> bool {
    (!filter.starred || starred.contains(&item.id))
        && !(filter.hide_past && now.is_some_and(|now| now.is_past(item)))
}
