//! The Programme section. A short programme is one list of items in full: date, time
//! (or "time not published"), kind, description and speakers. A large one gets search
//! and filters (see `model::search`), a day at a time in a layout chosen by the widget's
//! width or the reader (see `schedule`), stars, and each item's detail.

use super::add_to_calendar::AddToCalendar;
use super::rich::{links, rich};
use super::{heading, label, link_to, list, person_name, sep, text, Action, SectionProps, Target};
use crate::embed::intl::{self, ReaderParts};
use crate::i18n::{fill, Strings};
use crate::model::{Clock, Filter, Now, ProgramItem};
use crate::options::Layout;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ProgrammeProps {
    pub view: SectionProps,
    pub filter: Filter,
    /// How many of the items found are shown.
    pub limit: usize,
    pub act: Callback<Action>,
    /// The reader's layout, else the host's; `None` chooses by `width`.
    pub layout: Option<Layout>,
    /// The widget's width in CSS pixels.
    pub width: u32,
    /// The item whose detail is open.
    pub opened: Option<String>,
    pub rooms_from: usize,
    pub rooms_hidden: Rc<Vec<String>>,
    pub stars: Rc<crate::model::IdSet>,
    /// Whether items can be starred (`favourites` option).
    pub favourites: bool,
    pub now: Option<Now>,
}

/// "09:30–10:00", then the reader's own time when their zone differs:
/// "09:30–10:00 (your time: 02:30–03:00 CET)".
pub(super) fn time_text(item: &ProgramItem, zone_name: &str, t: &Strings) -> Option<String> {
    let (start, end) = (item.start?, item.end);
    let clock = |c: Clock| intl::clock_time(c.on(item.date), c.time, t);
    let mut text = match end {
        Some(end) => format!("{}–{}", clock(start), clock(end)),
        None => clock(start),
    };
    let reader = |c: Clock, day, zone| {
        let at = c
            .instant_ms(item.date)
            .or_else(|| intl::instant(c.on(item.date), c.time, zone_name))?;
        intl::reader_time(at, zone_name, item.date, t, ReaderParts { day, zone })
    };
    let local = match end {
        Some(end) => reader(start, true, false)
            .zip(reader(end, false, true))
            .map(|(a, b)| format!("{a}–{b}")),
        None => reader(start, true, true),
    };
    if let Some(local) = local {
        text.push_str(&t.bracketed(&fill(t.local_time, &[&local])));
    }
    Some(text)
}

/// Search, filters, layouts and stars appear when the programme has more items than this.
pub const FILTERS_ABOVE: usize = 8;

/// One programme entry, in full.
fn item_view(view: &SectionProps, index: usize, item: &ProgramItem) -> Html {
    html! {
        <li class="item" part="program-item" id={Target::Item(item.id.clone()).anchor()} tabindex="-1">
            { item_body(view, index, item, Html::default()) }
        </li>
    }
}

/// What an item says: title (with `after` beside it), date, time, kind, room, track,
/// language, description, links, people and "add to calendar".
pub(super) fn item_body(
    view: &SectionProps,
    index: usize,
    item: &ProgramItem,
    after: Html,
) -> Html {
    let SectionProps { event, t, .. } = view;

    let groups = event.people_by_part(&item.people);
    html! {
        <>
            <div class="entry-head">
                { heading(view.level, "item-title", text(&item.title, t)) }
                { after }
            </div>
            <p class="meta">
                <time datetime={item.date.to_string()}>{ intl::long_date(item.date, t) }</time>
                { sep(" · ") }
                { match time_text(item, event.zone(), t) {
                    Some(time) => html! { <span class="time">{ time }</span> },
                    None => html! { <span class="time time-unknown">{ t.time_not_published }</span> },
                } }
                { sep(" · ") }
                <span class="kind">{ t.kind(item.kind) }</span>
                if !item.location.is_empty() {
                    { sep(" · ") }
                    <span class="location">{ text(&item.location, t) }</span>
                }
                if let Some(track) = &item.track {
                    { sep(" · ") }
                    <span class="track">
                        if let Some(color) = event.track(track).and_then(|tr| tr.color.clone()) {
                            <span class="swatch" style={format!("background:{color}")} aria-hidden="true"></span>
                        }
                        { label(t, t.track) }
                        { match event.track(track) {
                            Some(tr) => text(&tr.name, t),
                            None => html! { <bdi>{ track.clone() }</bdi> },
                        } }
                    </span>
                }
                if let Some(code) = &item.language {
                    { sep(" · ") }
                    <span class="language">{ label(t, t.language) }{ language(code, t) }</span>
                }
            </p>
            { rich(&item.description, t, "description") }
            { links(&item.links, t) }
            { for groups.iter().map(|(part, people)| html! {
                <p class="item-people">
                    { label(t, t.part_label(*part)) }
                    { list(t, people.iter().map(|person| link_to(view, Target::Person(person.id.clone()), person_name(person, t))).collect()) }
                </p>
            }) }
            <AddToCalendar view={view.clone()} item={index} />
        </>
    }
}

/// A language's name in the reader's language, marked when the browser gave it in English.
fn language(code: &str, t: &Strings) -> Html {
    match intl::language_name(code, t) {
        (name, lang) if lang == t.tag => html! { name },
        (name, lang) => html! { <span {lang}>{ name }</span> },
    }
}

/// "943 programme items · Times are in Central European Standard Time".
pub(super) fn zone_note(view: &SectionProps) -> Html {
    let (event, t) = (&view.event, view.t);
    let zone = intl::zone_name(event.zone(), event.start_date, t);
    html! {
        <p class="muted zone-note">
            <span class="count">{ t.count(&t.item_count, event.program.len()) }</span>
            { sep(" · ") }
            { fill(t.time_zone, &[&zone]) }
        </p>
    }
}

#[function_component]
pub fn Programme(props: &ProgrammeProps) -> Html {
    let view = &props.view;
    let SectionProps { event, t, .. } = view;
    if event.program.is_empty() {
        return html! { <p class="empty">{ t.no_program }</p> };
    }
    // A large programme has search, filters, layouts and stars, in the full build.
    #[cfg(feature = "schedule")]
    if event.program.len() > FILTERS_ABOVE {
        return html! { <super::large_programme::LargeProgramme ..props.clone() /> };
    }
    let (limit, act) = (props.limit, &props.act);
    html! {
        <>
            { zone_note(view) }
            <ol class="program">
                { for event.program.iter().take(limit).enumerate().map(|(i, item)| item_view(view, i, item)) }
            </ol>
            if event.program.len() > limit {
                <button type="button" class="more" onclick={act.reform(|_| Action::ShowMore)}>{ t.show_more }</button>
            }
        </>
    }
}
