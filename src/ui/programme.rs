//! The Programme section: items in order with date, time (or "time not published"),
//! kind, description and speakers, with search and filters (see `model::search`) for
//! programmes of more than a few items.

use super::add_to_calendar::AddToCalendar;
use super::rich::{links, rich};
use super::{heading, label, link_to, list, person_name, sep, text, Action, SectionProps, Target};
use crate::embed::intl::{self, lower_case, ReaderParts};
use crate::i18n::{fill, Strings};
use crate::model::{Clock, Filter, FilterChoices, ProgramItem, SearchIndex};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ProgrammeProps {
    pub view: SectionProps,
    pub filter: Filter,
    /// How many of the items found are shown.
    pub limit: usize,
    pub act: Callback<Action>,
}

/// "09:30–10:00", then the reader's own time when their zone differs:
/// "09:30–10:00 (your time: 02:30–03:00 CET)".
fn time_text(item: &ProgramItem, zone_name: &str, t: &Strings) -> Option<String> {
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

/// Search and filters appear when the programme has more items than this.
const FILTERS_ABOVE: usize = 8;

/// One programme entry.
fn item_view(view: &SectionProps, index: usize, item: &ProgramItem) -> Html {
    let SectionProps { event, t, .. } = view;

    let groups = event.people_by_part(&item.people);
    html! {
        <li class="item" part="program-item" id={Target::Item(item.id.clone()).anchor()} tabindex="-1">
            { heading(view.level, "item-title", text(&item.title, t)) }
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
        </li>
    }
}

fn select_value(e: &yew::Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A labelled `<select>` whose first option means "all"; `options` are
/// (value, text, selected).
fn filter_select(
    label: &'static str,
    all: &'static str,
    onchange: Callback<yew::Event>,
    options: Vec<(String, String, bool)>,
) -> Html {
    // The "all" option is marked too: otherwise the browser shows the last option
    // Yew rendered as chosen.
    let none_chosen = !options.iter().any(|(_, _, selected)| *selected);
    html! {
        <label class="filter"><span>{ label }</span>
            <select {onchange}>
                <option value="" selected={none_chosen}>{ all }</option>
                { for options.into_iter().map(|(value, text, selected)| html! { <option {value} {selected}>{ text }</option> }) }
            </select>
        </label>
    }
}

#[function_component]
pub fn Programme(props: &ProgrammeProps) -> Html {
    let ProgrammeProps {
        view,
        filter,
        limit,
        act,
    } = props;
    let SectionProps { event, t, .. } = view;
    let index = use_memo(event.clone(), |_| SearchIndex::default());
    let choices = use_memo((event.clone(), t.tag), |(event, lang)| {
        FilterChoices::of(event, lang)
    });
    if event.program.is_empty() {
        return html! { <p class="empty">{ t.no_program }</p> };
    }
    let zone = intl::zone_name(event.zone(), event.start_date, t);
    let found = index.find(event, filter, t.tag, &lower_case);
    let shown = found.len().min(*limit);
    let filtered = event.program.len() > FILTERS_ABOVE;
    let controls = filtered.then(|| {
        let FilterChoices { days, kinds, rooms, .. } = &*choices;
        // The index is built when the reader enters the search box, before the first keystroke.
        let on_focus = {
            let (index, event) = (index.clone(), event.clone());
            Callback::from(move |_: FocusEvent| index.warm(&event, &lower_case))
        };
        let on_query = act.reform(|e: InputEvent| {
            let value = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            Action::Search(value)
        });
        let on_day = {
            let days = days.clone();
            act.reform(move |e: yew::Event| {
                Action::FilterDay(select_value(&e).parse::<usize>().ok().and_then(|i| days.get(i).copied()))
            })
        };
        let on_kind = {
            let kinds = kinds.clone();
            act.reform(move |e: yew::Event| {
                Action::FilterKind(select_value(&e).parse::<usize>().ok().and_then(|i| kinds.get(i).copied()))
            })
        };
        let on_room = act.reform(|e: yew::Event| {
            Action::FilterRoom(Some(select_value(&e)).filter(|r| !r.is_empty()))
        });
        html! {
            <div class="filters" role="search" part="filters">
                <label class="filter search">
                    <span>{ t.search }</span>
                    <input type="search" value={filter.query.clone()} oninput={on_query} onfocus={on_focus} />
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
    let more = act.reform(|_| Action::ShowMore);
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
                    { if found.is_empty() { t.no_match.to_owned() } else { fill(t.shown_of, &[&shown.to_string(), &found.len().to_string()]) } }
                </p>
            }
            <ol class="program">
                { for found.iter().take(shown).filter_map(|&i| Some((i, event.program.get(i)?))).map(|(i, item)| item_view(view, i, item)) }
            </ol>
            if shown < found.len() {
                <button type="button" class="more" onclick={more}>{ t.show_more }</button>
            }
        </>
    }
}
