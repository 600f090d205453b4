//! Calendar entries: the event, or one programme item, as the reader will see it in a
//! calendar, ready for [`super::ics`] and [`super::links`].

use crate::i18n::Strings;
use crate::model::{Clock, Date, Event, ProgramItem, Time};

/// Turns a wall-clock date and time in the event's zone into ms since the epoch (UTC).
pub type ToUtc<'a> = &'a dyn Fn(Date, Time) -> Option<f64>;

/// One calendar entry, in the reader's language.
pub struct Entry {
    pub uid: String,
    pub title: String,
    pub description: String,
    pub location: String,
    pub url: Option<String>,
    pub when: When,
}

pub enum When {
    /// Whole days, `last` included.
    Days { first: Date, last: Date },
    /// UTC instants in ms, plus the wall-clock start/end for links that take a zone; no
    /// end when the data gives none (a start-only entry: none is invented).
    Timed {
        start_ms: f64,
        end_ms: Option<f64>,
        start: (Date, Time),
        end: Option<(Date, Time)>,
    },
}

/// `clock` of `item` in ms since the epoch: from its written offset, else its zone.
pub fn instant(item: &ProgramItem, clock: Clock, to_utc: ToUtc) -> Option<f64> {
    clock
        .instant_ms(item.date)
        .or_else(|| to_utc(clock.on(item.date), clock.time))
}

/// The venue, small to large ("venue, city, region, CN"), or large to small with no
/// separators where the language writes addresses so (Chinese, without the country
/// code, which is not Chinese text).
fn location(event: &Event, t: &Strings) -> String {
    let venue = &event.venue;
    let mut parts: Vec<String> = [&venue.name, &venue.city, &venue.region]
        .into_iter()
        .map(|text| text.text_for(t.tag).unwrap_or_default().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    if t.venue_large_to_small {
        parts.reverse();
    } else {
        parts.extend(venue.country.clone());
    }
    parts.join(t.venue_separator)
}

fn first_url(event: &Event) -> Option<String> {
    event.sources.iter().find_map(|s| s.url.clone())
}

/// The entry for the whole event: all of its days.
pub fn event_entry(event: &Event, t: &Strings) -> Entry {
    Entry {
        uid: format!("{}@forum-widget", event.id),
        title: event.name.text_for(t.tag).unwrap_or_default().to_owned(),
        description: event.summary.text_for(t.tag).unwrap_or_default().to_owned(),
        location: location(event, t),
        url: first_url(event),
        when: When::Days {
            first: event.start_date,
            last: event.last_date(),
        },
    }
}

/// The entry for one programme item: its times when published (the start alone when
/// only the start is known), else its whole day.
pub fn item_entry(event: &Event, item: &ProgramItem, t: &Strings, to_utc: ToUtc) -> Entry {
    let mut description = item
        .description
        .text_for(t.tag)
        .map(|text| crate::model::rich::plain(&crate::model::rich::parse(text)))
        .unwrap_or_default();
    // "Speakers: …" and "Guests: …", one line each.
    for (i, (part, people)) in event.people_by_part(&item.people).into_iter().enumerate() {
        if !description.is_empty() {
            description.push_str(if i == 0 { "\n\n" } else { "\n" });
        }
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        description.push_str(&format!(
            "{}{}{}",
            t.part_label(part),
            t.colon,
            t.plain_list(&names)
        ));
    }
    let timed = item.start.and_then(|start| {
        let end_ms = match item.end {
            Some(end) => Some(instant(item, end, to_utc)?),
            None => None,
        };
        let wall = |c: Clock| (c.on(item.date), c.time);
        Some(When::Timed {
            start_ms: instant(item, start, to_utc)?,
            end_ms,
            start: wall(start),
            end: item.end.map(wall),
        })
    });
    let event_title = event.name.text_for(t.tag).unwrap_or_default().to_owned();
    Entry {
        uid: format!("{}.{}@forum-widget", item.id, event.id),
        title: format!(
            "{} — {event_title}",
            item.title.text_for(t.tag).unwrap_or_default()
        ),
        description,
        location: location(event, t),
        url: first_url(event),
        when: timed.unwrap_or(When::Days {
            first: item.date,
            last: item.date,
        }),
    }
}
