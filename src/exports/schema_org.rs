//! schema.org `Event` structured data (JSON-LD) for search engines, as a pure function
//! of the event, written by [`crate::json::writer`].

use super::ToUtc;
use crate::i18n::Strings;
use crate::json::writer::{s, Json};
use crate::model::{Clock, Event, Part, Person, ProgramItem};

/// `2023-11-13T09:30:00+08:00`, or the date alone when the offset is unknown.
fn date_time(item: &ProgramItem, clock: Clock, to_utc: ToUtc) -> String {
    let (date, time) = (clock.on(item.date), clock.time);
    let Some(utc) = super::entry::instant(item, clock, to_utc) else {
        return date.to_string();
    };
    let wall = date.utc_midnight_ms() + f64::from(time.minutes()) * 60_000.0;
    let offset = ((wall - utc) / 60_000.0).round() as i64;
    let (sign, m) = if offset < 0 {
        ('-', -offset)
    } else {
        ('+', offset)
    };
    format!("{date}T{time}:00{sign}{:02}:{:02}", m / 60, m % 60)
}

fn place(event: &Event, t: &Strings) -> Json {
    let venue = &event.venue;
    let mut address = vec![("@type", s("PostalAddress"))];
    if let Some(city) = venue.city.text_for(t.tag) {
        address.push(("addressLocality", s(city)));
    }
    if let Some(region) = venue.region.text_for(t.tag) {
        address.push(("addressRegion", s(region)));
    }
    if let Some(country) = &venue.country {
        address.push(("addressCountry", s(country.clone())));
    }
    Json::Object(vec![
        ("@type", s("Place")),
        ("name", s(venue.name.text_for(t.tag).unwrap_or_default())),
        ("address", Json::Object(address)),
    ])
}

fn person(p: &Person, t: &Strings) -> Json {
    let mut fields = vec![("@type", s("Person")), ("name", s(p.name.clone()))];
    if let Some(role) = p.role.text_for(t.tag) {
        fields.push(("jobTitle", s(role)));
    }
    Json::Object(fields)
}

/// Speakers as `performer`, attendees as `attendee`; people whose part the data does
/// not give are in neither.
fn people_fields(
    fields: &mut Vec<(&'static str, Json)>,
    groups: Vec<(Option<Part>, Vec<&Person>)>,
    t: &Strings,
) {
    for (part, people) in groups {
        let key = match part {
            Some(Part::Speaker) => "performer",
            Some(Part::Attendee) => "attendee",
            None => continue,
        };
        fields.push((
            key,
            Json::List(people.into_iter().map(|p| person(p, t)).collect()),
        ));
    }
}

fn sub_event(event: &Event, item: &ProgramItem, t: &Strings, to_utc: ToUtc) -> Json {
    let start = match item.start {
        Some(clock) => date_time(item, clock, to_utc),
        None => item.date.to_string(),
    };
    let mut fields = vec![
        ("@type", s("Event")),
        ("name", s(item.title.text_for(t.tag).unwrap_or_default())),
        ("startDate", s(start)),
    ];
    if let (Some(_), Some(end)) = (item.start, item.end) {
        fields.push(("endDate", s(date_time(item, end, to_utc))));
    }
    if let Some(description) = item.description.text_for(t.tag) {
        let plain = crate::model::rich::plain(&crate::model::rich::parse(description));
        fields.push(("description", s(plain)));
    }
    fields.push(("location", place(event, t)));
    people_fields(&mut fields, event.people_by_part(&item.people), t);
    Json::Object(fields)
}

/// The JSON-LD text for `event` in the reader's language, shown on `page_url`.
pub fn json_ld(event: &Event, t: &Strings, page_url: &str, to_utc: ToUtc) -> String {
    let mut fields = vec![
        ("@context", s("https://schema.org")),
        ("@type", s("Event")),
        ("name", s(event.name.text_for(t.tag).unwrap_or_default())),
    ];
    // The official long name, where it differs from the name shown as the title.
    if let Some(full) = event.full_name.text_for(t.tag) {
        if Some(full) != event.name.text_for(t.tag) {
            fields.push(("alternateName", s(full)));
        }
    }
    fields.extend([
        ("startDate", s(event.start_date.to_string())),
        ("endDate", s(event.last_date().to_string())),
    ]);
    if let Some(description) = event.summary.text_for(t.tag) {
        fields.push(("description", s(description)));
    }
    fields.push(("location", place(event, t)));
    let organizers: Vec<Json> = event
        .organisations_with(crate::model::OrganisationRole::Host)
        .map(|o| {
            Json::Object(vec![
                ("@type", s("Organization")),
                ("name", s(o.name.text_for(t.tag).unwrap_or_default())),
            ])
        })
        .collect();
    if !organizers.is_empty() {
        fields.push(("organizer", Json::List(organizers)));
    }
    people_fields(&mut fields, event.all_people_by_part(), t);
    // The data format has no cancellation or postponement, so the event is as scheduled.
    fields.push(("eventStatus", s("https://schema.org/EventScheduled")));
    // Speeches by video do not make the audience's attendance mixed: the data format
    // has no online attendance, so the event is attended in person.
    fields.push((
        "eventAttendanceMode",
        s("https://schema.org/OfflineEventAttendanceMode"),
    ));
    fields.push(("inLanguage", s(t.tag)));
    fields.push(("url", s(page_url)));
    let sub_events: Vec<Json> = event
        .program
        .iter()
        .map(|item| sub_event(event, item, t, to_utc))
        .collect();
    if !sub_events.is_empty() {
        fields.push(("subEvent", Json::List(sub_events)));
    }
    let mut out = String::new();
    Json::Object(fields).write(&mut out);
    out
}
