//! A large programme (more than a few items; the full build only): search and filters,
//! a day at a time in the layout the widget's width, the host or the reader chooses,
//! stars, calendar files of what is shown and starred, a share link, and each item's
//! detail.

use super::hooks::use_after_paint;
use super::programme::{item_body, zone_note, ProgrammeProps};
use super::schedule::{
    grouped, plain_list, room_window, rooms_of, star, timetable, EntryContext, FIRST_SCREEN,
};
use super::{sep, Action, EventRef, SectionProps, Target};
use crate::embed::download::offer_file;
use crate::embed::intl::{self, lower_case};
use crate::exports::{ics, item_entry, Entry};
use crate::i18n::{fill, Strings};
use crate::model::timetable::{room_of, rooms};
use crate::model::{keep, Date, Filter, FilterChoices, SearchIndex};
use crate::options::Layout;
use std::rc::Rc;
use yew::prelude::*;

fn select_value(e: &yew::Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The value of `values` that a `<select>` whose options are numbered by position chose
/// ("" for all: `None`).
fn chosen<T: Clone>(values: &[T], e: &yew::Event) -> Option<T> {
    let at = select_value(e).parse::<usize>().ok()?;
    values.get(at).cloned()
}

/// A labelled `<select>` whose first option (if `all` names it) means "all"; `options` are
/// (value, text, selected). `class`: the label's classes (`filter`, and `date` for the
/// day, whose options are long dates).
fn filter_select(
    class: &'static str,
    label: &'static str,
    all: Option<&'static str>,
    onchange: Callback<yew::Event>,
    options: Vec<(String, String, bool)>,
) -> Html {
    // The "all" option is marked too: otherwise the browser shows the last option
    // Yew rendered as chosen.
    let none_chosen = !options.iter().any(|(_, _, selected)| *selected);
    html! {
        <label {class}><span>{ label }</span>
            <select {onchange}>
                if let Some(all) = all {
                    <option value="" selected={none_chosen}>{ all }</option>
                }
                { for options.into_iter().map(|(value, text, selected)| html! { <option {value} {selected}>{ text }</option> }) }
            </select>
        </label>
    }
}

/// A labelled check box.
fn check(label: &'static str, checked: bool, onchange: Callback<bool>) -> Html {
    check_text(label.to_owned(), checked, onchange)
}

/// A check box labelled with text from the data, isolated.
fn check_text(label: String, checked: bool, onchange: Callback<bool>) -> Html {
    let onchange = onchange.reform(|e: yew::Event| {
        e.target_dyn_into::<web_sys::HtmlInputElement>()
            .is_some_and(|i| i.checked())
    });
    html! {
        <label class="check"><input type="checkbox" {checked} {onchange} /><bdi>{ label }</bdi></label>
    }
}

/// Scrolls the schedule (the widget's own scroll box, never the page) to the row or
/// entry under way, else the first entry not yet over.
fn jump_to_now(schedule: &NodeRef) {
    let Some(scroller) = schedule.cast::<web_sys::Element>() else {
        return;
    };
    let target = [".now", ".under-way", ".entry:not(.past)"]
        .iter()
        .find_map(|selector| scroller.query_selector(selector).ok().flatten());
    let Some(target) = target else { return };
    let head = scroller
        .query_selector("thead")
        .ok()
        .flatten()
        .map_or(0.0, |h| h.get_bounding_client_rect().height());
    let top = target.get_bounding_client_rect().top() - scroller.get_bounding_client_rect().top()
        + f64::from(scroller.scroll_top());
    scroller.set_scroll_top((top - head).max(0.0) as i32);
}

/// The calendar file of `items`, written on click.
fn calendar_button(
    view: &SectionProps,
    items: Vec<usize>,
    name: String,
    label: &'static str,
) -> Html {
    let onclick = {
        let view = view.clone();
        Callback::from(move |_| {
            let (event, t) = (&view.event, view.t);
            let to_utc = |d, time| intl::instant(d, time, event.zone());
            let entries: Vec<Entry> = items
                .iter()
                .filter_map(|&i| event.program.get(i))
                .map(|item| item_entry(event, item, t, &to_utc))
                .collect();
            offer_file(
                &name,
                "text/calendar;charset=utf-8",
                &ics(&entries, js_sys::Date::now()),
            );
        })
    };
    html! { <button type="button" class="link" {onclick}>{ label }</button> }
}

/// What the filters need: everything but the search words, so that a keystroke does not
/// build and compare the filters' options again.
#[derive(Properties, PartialEq)]
struct FiltersProps {
    event: EventRef,
    t: &'static Strings,
    choices: Rc<FilterChoices>,
    /// The filters in force, with no search words.
    filter: Filter,
    /// Whether a day at a time is shown, and whether in the list layout.
    by_day: bool,
    list: bool,
    /// The day shown.
    day: Option<Date>,
    /// Whether items can be starred.
    stars: bool,
    act: Callback<Action>,
}

/// The day, kind, room, track and language filters and the check boxes.
#[function_component]
fn Filters(props: &FiltersProps) -> Html {
    let FiltersProps {
        event,
        t,
        choices,
        filter,
        by_day,
        list,
        day,
        act,
        ..
    } = props;
    let (t, by_day, day) = (*t, *by_day, *day);
    let FilterChoices {
        days,
        kinds,
        rooms: room_choices,
        tracks,
        languages,
    } = &**choices;
    let on_day = {
        let days = days.clone();
        act.reform(move |e: yew::Event| Action::FilterDay(chosen(&days, &e)))
    };
    let on_kind = {
        let kinds = kinds.clone();
        act.reform(move |e: yew::Event| Action::FilterKind(chosen(&kinds, &e)))
    };
    let on_room = act.reform(|e: yew::Event| {
        Action::FilterRoom(Some(select_value(&e)).filter(|r| !r.is_empty()))
    });
    let on_track = {
        let tracks = tracks.clone();
        act.reform(move |e: yew::Event| Action::FilterTrack(chosen(&tracks, &e)))
    };
    let on_language = {
        let languages = languages.clone();
        act.reform(move |e: yew::Event| Action::FilterLanguage(chosen(&languages, &e)))
    };
    let track_name = |id: &String| match event.track(id) {
        Some(track) => track.name.text_for(t.tag).unwrap_or(id).to_owned(),
        None => id.clone(),
    };
    html! {
        <>
            if days.len() > 1 {
                { filter_select("filter date", t.filter_day, (!by_day || *list).then_some(t.filter_all), on_day, days.iter().enumerate().map(|(i, d)| {
                    (i.to_string(), intl::long_date(*d, t), if by_day { day == Some(*d) } else { filter.day == Some(*d) })
                }).collect()) }
            }
            if kinds.len() > 1 {
                { filter_select("filter", t.filter_kind, Some(t.filter_all), on_kind, kinds.iter().enumerate().map(|(i, k)| {
                    (i.to_string(), t.kind(*k).to_owned(), filter.kind == Some(*k))
                }).collect()) }
            }
            if room_choices.len() > 1 {
                { filter_select("filter", t.filter_room, Some(t.filter_all), on_room, room_choices.iter().map(|r| {
                    (r.clone(), r.clone(), filter.room.as_deref() == Some(r.as_str()))
                }).collect()) }
            }
            if tracks.len() > 1 {
                { filter_select("filter", t.track, Some(t.filter_all), on_track, tracks.iter().enumerate().map(|(i, id)| {
                    (i.to_string(), track_name(id), filter.track.as_ref() == Some(id))
                }).collect()) }
            }
            if languages.len() > 1 {
                { filter_select("filter", t.language, Some(t.filter_all), on_language, languages.iter().enumerate().map(|(i, code)| {
                    (i.to_string(), intl::language_name(code, t).0, filter.language.as_ref() == Some(code))
                }).collect()) }
            }
            <div class="checks">
                if props.stars {
                    { check(t.starred_only, filter.starred, act.reform(Action::OnlyStarred)) }
                }
                { check(t.hide_past, filter.hide_past, act.reform(Action::HidePast)) }
            </div>
        </>
    }
}

/// The timetable's rooms for the day shown.
struct TableView {
    day: Date,
    /// The day's rooms, for the room picker.
    used_rooms: Vec<String>,
    /// The rooms the reader has not hidden.
    day_rooms: Vec<String>,
    /// How many room columns fit the widget's width.
    fit: usize,
    /// The columns shown: `day_rooms[first..last]`.
    first: usize,
    last: usize,
}

#[function_component]
pub fn LargeProgramme(props: &ProgrammeProps) -> Html {
    let ProgrammeProps {
        view,
        filter,
        limit,
        act,
        ..
    } = props;
    let SectionProps { event, t, .. } = view;
    let index = use_memo(event.clone(), |_| SearchIndex::default());
    let choices = use_memo((event.clone(), t.tag), |(event, lang)| {
        FilterChoices::of(event, lang)
    });
    let all_rooms = use_memo((event.clone(), t.tag), |(event, lang)| rooms(event, lang));
    let schedule = use_node_ref();
    let stars = props.favourites.then_some(&*props.stars);
    let now = props.now;
    let mut found = index.find(event, filter, t.tag, &lower_case);
    if filter.starred || filter.hide_past {
        let none = Default::default();
        found.retain(|&i| {
            event
                .program
                .get(i)
                .is_some_and(|item| keep(item, filter, stars.unwrap_or(&none), now))
        });
    }
    let zone_note = zone_note(view);
    // A large programme: its detail, or a day in the layout for the widget's width.
    let days = &choices.days;
    let layout = props
        .layout
        .unwrap_or_else(|| Layout::for_width(f64::from(props.width)));
    let by_day = layout != Layout::List || filter.day.is_some();
    let today = view.today.filter(|d| days.contains(d));
    let day = filter.day.or(today).or_else(|| days.first().copied());
    let shown: Vec<usize> = match day.filter(|_| by_day) {
        Some(day) => found
            .iter()
            .copied()
            .filter(|&i| event.program.get(i).is_some_and(|item| item.date == day))
            .collect(),
        None => found.clone(),
    };

    // The timetable's rooms: those of the day the reader has not hidden, as many as fit
    // (columns at least 10em wide beside a 5em time column), from the one paged to.
    let table = day
        .filter(|_| by_day && layout == Layout::Timetable)
        .map(|day| {
            let used_rooms = rooms_of(&all_rooms, event, &shown, t.tag);
            let day_rooms: Vec<String> = used_rooms
                .iter()
                .filter(|r| !props.rooms_hidden.contains(r))
                .cloned()
                .collect();
            let fit = ((f64::from(props.width) - 40.0 - 80.0) / 160.0)
                .floor()
                .max(1.0) as usize;
            let (first, last) = room_window(&day_rooms, fit, props.rooms_from);
            TableView {
                day,
                used_rooms,
                day_rooms,
                fit,
                first,
                last,
            }
        });
    // What is shown draws its first screen at once (the timetable's first rows, the first
    // entries of the other layouts) and the rest after the browser has painted that: on
    // load, and again whenever the day, the rooms or the entries found change.
    let view_key = (
        layout,
        day.filter(|_| by_day),
        table.as_ref().map(|v| (v.first, v.last)),
        shown.clone(),
    );
    let complete = use_after_paint(view_key);
    let first_screen = |n: usize| if complete { n } else { n.min(FIRST_SCREEN) };
    // Entries still to come in the grouped and list layouts.
    let busy = first_screen(*limit) < shown.len().min(*limit);

    let detail = props.opened.as_ref().and_then(|id| {
        let index = event.program.iter().position(|item| &item.id == id)?;
        Some((index, event.program.get(index)?))
    });
    if let Some((index, item)) = detail {
        let back = act.reform(|_| Action::Detail(None));
        let context = EntryContext {
            event,
            t,
            stars,
            now,
            act,
            with_date: true,
            local: false,
        };
        return html! {
            <>
                { zone_note }
                <div class="detail" part="detail">
                    <button type="button" class="back link" onclick={back}>{ "← " }{ t.back }</button>
                    <article class="item" id={Target::Item(item.id.clone()).anchor()} tabindex="-1">
                        { item_body(view, index, item, star(item, &context)) }
                    </article>
                </div>
            </>
        };
    }

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
    let controls = html! {
        <div class="filters" role="search" part="filters">
            <label class="filter search">
                <span>{ t.search }</span>
                <input type="search" value={filter.query.clone()} oninput={on_query} onfocus={on_focus} />
            </label>
            <Filters event={event.clone()} {t} choices={choices.clone()}
                filter={Filter { query: String::new(), ..filter.clone() }}
                {by_day} list={layout == Layout::List} {day} stars={stars.is_some()} act={act.clone()} />
        </div>
    };

    let layouts = html! {
        <div class="layouts" role="group" aria-label={t.layout} part="layouts">
            { for Layout::ALL.into_iter().map(|choice| {
                let name = match choice {
                    Layout::Timetable => t.layout_timetable,
                    Layout::Grouped => t.layout_grouped,
                    Layout::List => t.layout_list,
                };
                let onclick = act.reform(move |_| Action::Layout(choice));
                html! {
                    <button type="button" class="layout" aria-pressed={if choice == layout { "true" } else { "false" }} {onclick}>{ name }</button>
                }
            }) }
        </div>
    };
    // "Jump to now" while the day shown is under way.
    let live = now
        .zip(day)
        .is_some_and(|(now, day)| by_day && now.date == day)
        && shown.iter().any(|&i| {
            event
                .program
                .get(i)
                .is_some_and(|item| now.is_some_and(|n| !n.is_past(item)))
        });
    let on_jump = {
        let schedule = schedule.clone();
        Callback::from(move |_| jump_to_now(&schedule))
    };
    let starred: Vec<usize> = stars.map_or_else(Vec::new, |stars| {
        (0..event.program.len())
            .filter(|&i| {
                event
                    .program
                    .get(i)
                    .is_some_and(|item| stars.contains(&item.id))
            })
            .collect()
    });
    let share = (!starred.is_empty()).then(|| {
        let ids: Vec<String> = starred
            .iter()
            .filter_map(|&i| Some(event.program.get(i)?.id.clone()))
            .collect();
        crate::embed::page_state::share_url(&ids)
    });
    let tools = html! {
        <p class="tools" part="tools">
            if live {
                <button type="button" class="jump" onclick={on_jump}>{ t.jump_to_now }</button>
            }
            { calendar_button(view, shown.clone(), format!("{}-programme.ics", event.id), t.calendar_shown) }
            if !starred.is_empty() {
                { sep(" · ") }
                { calendar_button(view, starred.clone(), format!("{}-starred.ics", event.id), t.calendar_starred) }
            }
            if let Some(href) = share {
                { sep(" · ") }
                <a class="share" {href}>{ t.share_starred }</a>
            }
        </p>
    };

    // Entries are marked under way or over only while the programme is on.
    let on_now = now.filter(|n| days.contains(&n.date));
    let context = EntryContext {
        event,
        t,
        stars,
        now: on_now,
        act,
        with_date: !by_day,
        local: layout == Layout::List,
    };
    let count = shown.len();
    // How many of the items found are on screen (the timetable's rooms shown, or the page).
    let mut listed = count.min(*limit);
    let body = match (table, layout, day.filter(|_| by_day)) {
        (
            Some(TableView {
                day,
                used_rooms,
                day_rooms,
                fit,
                first,
                last,
            }),
            _,
            _,
        ) => {
            let hidden = &props.rooms_hidden;
            // The reader picks the rooms shown: a check box for each of the day's rooms.
            let picker = (used_rooms.len() > 1).then(|| html! {
                <details class="room-picker" part="rooms">
                    <summary>{ t.choose_rooms }</summary>
                    <div class="room-choices">
                        if !hidden.is_empty() {
                            <button type="button" class="link" onclick={act.reform(|_| Action::ToggleRoom(None))}>{ t.filter_all }</button>
                        }
                        { for used_rooms.iter().map(|room| {
                            let name = if room.is_empty() { "—".to_owned() } else { room.clone() };
                            let toggle = {
                                let room = room.clone();
                                act.reform(move |_: bool| Action::ToggleRoom(Some(room.clone())))
                            };
                            check_text(name, !hidden.contains(room), toggle)
                        }) }
                    </div>
                </details>
            });
            let pager = (day_rooms.len() > fit).then(|| {
                let step = last - first;
                let previous = act.reform(move |_| Action::RoomsFrom(first.saturating_sub(step)));
                let next = act.reform(move |_| Action::RoomsFrom(first + step));
                html! {
                    <p class="rooms-pager">
                        <button type="button" class="page" disabled={first == 0} onclick={previous} aria-label={t.rooms_previous}>{ "‹" }</button>
                        <span role="status">{ fill(t.rooms_shown, &[&(first + 1).to_string(), &last.to_string(), &day_rooms.len().to_string()]) }</span>
                        <button type="button" class="page" disabled={last == day_rooms.len()} onclick={next} aria-label={t.rooms_next}>{ "›" }</button>
                    </p>
                }
            });
            let window = day_rooms.get(first..last).unwrap_or_default();
            listed = shown
                .iter()
                .filter_map(|&i| event.program.get(i))
                .filter(|item| {
                    let room = room_of(item, t.tag);
                    window.iter().any(|r| r == room)
                })
                .count();
            html! {
                <>
                    <div class="rooms-bar">{ picker.unwrap_or_default() }{ pager.unwrap_or_default() }</div>
                    <div class="schedule" ref={schedule.clone()} tabindex="0" role="region" aria-label={intl::long_date(day, t)}>
                        { timetable(day, &shown, window, &context, complete) }
                    </div>
                </>
            }
        }
        (None, Layout::Grouped, Some(day)) => html! {
            <div class="schedule" ref={schedule.clone()} tabindex="0" role="region" aria-label={intl::long_date(day, t)}>
                { grouped(day, &shown, first_screen(*limit), busy, &context) }
                if count > *limit {
                    <button type="button" class="more" onclick={act.reform(|_| Action::ShowMore)}>{ t.show_more }</button>
                }
            </div>
        },
        _ => html! {
            <div class="schedule" ref={schedule.clone()} tabindex="0" role="region" aria-label={t.tab_programme}>
                { plain_list(&shown, first_screen(*limit), busy, &context) }
                if count > *limit {
                    <button type="button" class="more" onclick={act.reform(|_| Action::ShowMore)}>{ t.show_more }</button>
                }
            </div>
        },
    };
    html! {
        <>
            { zone_note }
            { controls }
            <div class="bar">{ layouts }{ tools }</div>
            <p class="results muted" role="status" aria-live="polite">
                { if count == 0 { t.no_match.to_owned() } else { fill(t.shown_of, &[&listed.to_string(), &count.to_string()]) } }
            </p>
            { body }
        </>
    }
}
