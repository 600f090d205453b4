//! The Programme view: items in order with date, time (or "time not published"),
//! kind, description and speakers.

use super::calendar::AddToCalendar;
use super::{heading, joined, link_to, person_name, sep, text, Ctx};
use crate::i18n::{fill, Strings};
use crate::intl::{self, ReaderParts};
use crate::model::{Date, Event, ProgramItem, ProgramKind};

type Event_ = yew::Event;
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

const PAGE: usize = 50;
/// Search and filters appear when the programme has more items than this.
const FILTERS_ABOVE: usize = 8;

/// One programme entry.
fn item_view(ctx: &Ctx, index: usize, item: &ProgramItem) -> Html {
    let Ctx { event, t, .. } = ctx;

    let people: Vec<_> = item
        .people
        .iter()
        .filter_map(|id| event.person(id))
        .collect();
    html! {
        <li class="item" part="program-item" id={Target::Item(item.id.clone()).anchor()} tabindex="-1">
            { heading(ctx.level, "item-title", text(&item.title, t)) }
            <p class="meta">
                <time datetime={item.date.to_string()}>{ intl::long_date(item.date, t) }</time>
                { sep(" · ") }
                { match time_text(item, &event.time_zone, t) {
                    Some(time) => html! { <span class="time">{ time }</span> },
                    None => html! { <span class="time time-unknown">{ t.time_not_published }</span> },
                } }
                { sep(" · ") }
                <span class="kind">{ t.kind(item.kind) }</span>
                if !item.location.is_empty() {
                    { sep(" · ") }
                    <span class="location">{ text(&item.location, t) }</span>
                }
            </p>
            if !item.description.is_empty() {
                <p class="description">{ text(&item.description, t) }</p>
            }
            if !people.is_empty() {
                <p class="item-people">
                    <span class="label">{ t.speakers }{ ": " }</span>
                    { joined("; ", people.iter().map(|person| link_to(ctx, Target::Speaker(person.id.clone()), person_name(person, t))).collect()) }
                </p>
            }
            <AddToCalendar ctx={ctx.clone()} item={index} />
        </li>
    }
}

/// Lower-cased text an item is found by: titles and descriptions in every language,
/// location, and speaker names.
fn haystack(event: &Event, item: &ProgramItem) -> String {
    let mut text = String::new();
    for value in [&item.title, &item.description, &item.location] {
        for v in value.0.values() {
            text.push_str(v);
            text.push('\n');
        }
    }
    for person in item.people.iter().filter_map(|id| event.person(id)) {
        text.push_str(&person.name);
        text.push('\n');
        for v in person
            .local_names
            .0
            .values()
            .chain(person.native_name.iter().map(|n| &n.text))
        {
            text.push_str(v);
            text.push('\n');
        }
    }
    lower(&text)
}

/// Lower case by the browser: Rust's `to_lowercase` would add Unicode tables to the wasm.
fn lower(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

#[derive(Clone, PartialEq, Default)]
struct Filter {
    query: String,
    day: Option<Date>,
    kind: Option<ProgramKind>,
    room: Option<String>,
}

fn select_value(e: &Event_) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A labelled `<select>` whose first option means "all"; `options` are
/// (value, text, selected).
fn filter_select(
    label: &'static str,
    all: &'static str,
    onchange: Callback<Event_>,
    options: Vec<(String, String, bool)>,
) -> Html {
    html! {
        <label class="filter"><span>{ label }</span>
            <select {onchange}>
                <option value="">{ all }</option>
                { for options.into_iter().map(|(value, text, selected)| html! { <option {value} {selected}>{ text }</option> }) }
            </select>
        </label>
    }
}

#[function_component]
pub fn Program(props: &ProgramProps) -> Html {
    let ctx = &props.ctx;
    let Ctx { event, t, .. } = ctx;
    let filter = use_state(Filter::default);
    let limit = use_state(|| PAGE);
    let haystacks = {
        let event = event.clone();
        use_memo(Rc::as_ptr(&event) as usize, move |_| {
            event
                .program
                .iter()
                .map(|item| haystack(&event, item))
                .collect::<Vec<_>>()
        })
    };
    if event.program.is_empty() {
        return html! { <p class="empty">{ t.no_program }</p> };
    }
    let zone = intl::zone_name(&event.time_zone, event.start_date, t);
    let words: Vec<String> = lower(&filter.query)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let matches: Vec<(usize, &ProgramItem)> = event
        .program
        .iter()
        .enumerate()
        .zip(haystacks.iter())
        .filter(|((_, item), hay)| {
            words.iter().all(|w| hay.contains(w.as_str()))
                && filter.day.is_none_or(|d| item.date == d)
                && filter.kind.is_none_or(|k| item.kind == k)
                && filter
                    .room
                    .as_ref()
                    .is_none_or(|r| item.location.pick(t.tag).is_some_and(|l| l.text == r))
        })
        .map(|(entry, _)| entry)
        .collect();
    let shown = matches.len().min(*limit);
    let set = {
        let (filter, limit) = (filter.clone(), limit.clone());
        move |change: Box<dyn Fn(&mut Filter)>| {
            let mut next = (*filter).clone();
            change(&mut next);
            limit.set(PAGE);
            filter.set(next);
        }
    };
    let controls = (event.program.len() > FILTERS_ABOVE).then(|| {
        let mut days: Vec<Date> = event.program.iter().map(|i| i.date).collect();
        days.dedup();
        let mut kinds: Vec<ProgramKind> = Vec::new();
        let mut rooms: Vec<String> = Vec::new();
        for item in &event.program {
            if !kinds.contains(&item.kind) {
                kinds.push(item.kind);
            }
            if let Some(room) = item.location.pick(t.tag) {
                if !rooms.iter().any(|r| r == room.text) {
                    rooms.push(room.text.to_owned());
                }
            }
        }
        // The rooms are distinct, so an unstable sort gives the same order (with less code).
        rooms.sort_unstable();
        let on_query = { let set = set.clone(); Callback::from(move |e: InputEvent| {
            let value = e.target_dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            set(Box::new(move |f| f.query = value.clone()));
        }) };
        let on_day = { let (set, days) = (set.clone(), days.clone()); Callback::from(move |e: Event_| {
            let day = select_value(&e).parse::<usize>().ok().and_then(|i| days.get(i).copied());
            set(Box::new(move |f| f.day = day));
        }) };
        let on_kind = { let (set, kinds) = (set.clone(), kinds.clone()); Callback::from(move |e: Event_| {
            let kind = select_value(&e).parse::<usize>().ok().and_then(|i| kinds.get(i).copied());
            set(Box::new(move |f| f.kind = kind));
        }) };
        let on_room = { let set = set.clone(); Callback::from(move |e: Event_| {
            let room = Some(select_value(&e)).filter(|r| !r.is_empty());
            set(Box::new(move |f| f.room = room.clone()));
        }) };
        html! {
            <div class="filters" role="search" part="filters">
                <label class="filter search">
                    <span>{ t.search }</span>
                    <input type="search" value={filter.query.clone()} oninput={on_query} />
                </label>
                if days.len() > 1 {
                    { filter_select(t.filter_day, t.filter_all, on_day, days.iter().enumerate().map(|(i, d)| {
                        (i.to_string(), intl::long_date(*d, t), filter.day == Some(*d))
                    }).collect()) }
                }
                if kinds.len() > 1 {
                    { filter_select(t.filter_kind, t.filter_all, on_kind, kinds.iter().enumerate().map(|(i, k)| {
                        (i.to_string(), t.kind(*k).to_owned(), filter.kind == Some(*k))
                    }).collect()) }
                }
                if rooms.len() > 1 {
                    { filter_select(t.filter_room, t.filter_all, on_room, rooms.iter().map(|r| {
                        (r.clone(), r.clone(), filter.room.as_deref() == Some(r.as_str()))
                    }).collect()) }
                }
            </div>
        }
    });
    let filtered = controls.is_some();
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    html! {
        <>
            <p class="muted zone-note">
                <span class="count">{ t.count(&t.item_count, event.program.len()) }</span>
                { sep(" · ") }
                { fill(t.time_zone, &[&zone]) }
            </p>
            { controls.unwrap_or_default() }
            if filtered {
                <p class="results muted" role="status" aria-live="polite">
                    { if matches.is_empty() { t.no_match.to_owned() } else { fill(t.shown_of, &[&shown.to_string(), &matches.len().to_string()]) } }
                </p>
            }
            <ol class="program">
                { for matches.iter().take(shown).map(|(index, item)| item_view(ctx, *index, item)) }
            </ol>
            if shown < matches.len() {
                <button type="button" class="more" onclick={more}>{ t.show_more }</button>
            }
        </>
    }
}
