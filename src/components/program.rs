//! The Programme view: items in order with date, time (or "time not published"),
//! kind, description and speakers.

use super::calendar::AddToCalendar;
use super::{heading, link_to, person_name, text, Ctx};
use crate::calendar;
use crate::i18n::{fill, Strings};
use crate::intl::{self, ReaderParts};
use crate::model::ProgramItem;
use crate::state::Target;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgramProps {
    pub ctx: Ctx,
}

/// "09:30–10:00", then the reader's own time when their zone differs:
/// "09:30–10:00 (your time: 02:30–03:00 CET)".
fn time_text(item: &ProgramItem, zone_name: &str, t: &Strings) -> Option<String> {
    let (start, end) = (item.start?, item.end);
    let clock = |time| intl::clock_time(item.date, time, t);
    let mut text = match end {
        Some(end) => format!("{}–{}", clock(start), clock(end)),
        None => clock(start),
    };
    let reader = |time, day, zone| {
        let at = intl::instant(item.date, time, zone_name)?;
        intl::reader_time(at, zone_name, item.date, t, ReaderParts { day, zone })
    };
    let local = match end {
        Some(end) => reader(start, true, false)
            .zip(reader(end, false, true))
            .map(|(a, b)| format!("{a}–{b}")),
        None => reader(start, true, true),
    };
    if let Some(local) = local {
        text.push_str(&format!(" ({})", fill(t.local_time, &[&local])));
    }
    Some(text)
}

#[function_component]
pub fn Program(props: &ProgramProps) -> Html {
    let ctx = &props.ctx;
    let Ctx { event, t, .. } = ctx;
    if event.program.is_empty() {
        return html! { <p class="empty">{ t.no_program }</p> };
    }
    let zone = intl::zone_name(&event.time_zone, event.start_date, t);
    html! {
        <>
            <p class="muted zone-note">
                <span class="count">{ t.count(&t.item_count, event.program.len()) }</span>
                <span class="sep">{ " · " }</span>
                { fill(t.time_zone, &[&zone]) }
            </p>
            <ol class="program">
                { for event.program.iter().map(|item| {
                    let people: Vec<_> = item.people.iter().filter_map(|id| event.person(id)).collect();
                    html! {
                        <li class="item" part="program-item" id={Target::Item(item.id.clone()).anchor()} tabindex="-1">
                            { heading(ctx.level, "item-title", text(&item.title, t)) }
                            <p class="meta">
                                <time datetime={item.date.to_string()}>{ intl::long_date(item.date, t) }</time>
                                <span class="sep">{ " · " }</span>
                                { match time_text(item, &event.time_zone, t) {
                                    Some(time) => html! { <span class="time">{ time }</span> },
                                    None => html! { <span class="time time-unknown">{ t.time_not_published }</span> },
                                } }
                                <span class="sep">{ " · " }</span>
                                <span class="kind">{ t.kind(item.kind) }</span>
                                if !item.location.is_empty() {
                                    <span class="sep">{ " · " }</span>
                                    <span class="location">{ text(&item.location, t) }</span>
                                }
                            </p>
                            if !item.description.is_empty() {
                                <p class="description">{ text(&item.description, t) }</p>
                            }
                            if !people.is_empty() {
                                <p class="item-people">
                                    <span class="label">{ t.speakers }{ ": " }</span>
                                    { for people.iter().enumerate().map(|(i, person)| html! {
                                        <>
                                            if i > 0 { <span class="sep">{ "; " }</span> }
                                            { link_to(ctx, Target::Speaker(person.id.clone()), person_name(person, t)) }
                                        </>
                                    }) }
                                </p>
                            }
                            <AddToCalendar
                                entries={Rc::new(vec![calendar::item_entry(event, item, t, &|d, time| intl::instant(d, time, &event.time_zone))])}
                                zone={event.time_zone.clone()} file_name={format!("{}-{}.ics", event.id, item.id)} t={*t} />
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
