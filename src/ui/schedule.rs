//! A large programme's three layouts, each a day at a time: the timetable (a real table,
//! rooms as columns, time as rows), items grouped by start time, and the list. Every
//! entry states its time and room in its own text, opens its detail with a button, and
//! carries a star. Entries under way are marked in words, not only by colour.

use super::{list, person_name, sep, text, Action};
use crate::embed::intl;
use crate::i18n::{fill, Strings};
use crate::model::timetable::{at, by_start, minutes, room_of};
use crate::model::{Cell, Date, Event, Grid, Now, ProgramItem};
use std::collections::BTreeSet;
use yew::prelude::*;

/// What every entry needs to know besides its item.
pub struct EntryContext<'a> {
    pub event: &'a Event,
    pub t: &'static Strings,
    pub stars: Option<&'a crate::model::IdSet>,
    pub now: Option<Now>,
    pub act: &'a Callback<Action>,
    /// Whether entries name their date (the list of all days).
    pub with_date: bool,
    /// Whether entries give the reader's own time beside the event's (where no row or
    /// group heading gives it).
    pub local: bool,
}

/// The reader's own clock time at `minutes` after the midnight of `day` in the event's
/// zone: "17:00", or with the zone's short name; `None` where the reader's zone agrees.
pub fn reader_clock(
    day: Date,
    minutes: i64,
    zone: &str,
    t: &Strings,
    with_zone: bool,
) -> Option<String> {
    let (date, time) = at(day, minutes);
    let instant = intl::instant(date, time, zone)?;
    let parts = intl::ReaderParts {
        day: true,
        zone: with_zone,
    };
    intl::reader_time(instant, zone, day, t, parts)
}

/// "09:30–10:00" in the event's zone, as the locale writes times.
pub fn clock_range(item: &ProgramItem, t: &Strings) -> Option<String> {
    let (start, end) = minutes(item)?;
    let clock = |m| {
        let (date, time) = at(item.date, m);
        intl::clock_time(date, time, t)
    };
    Some(if end > start {
        format!("{}–{}", clock(start), clock(end))
    } else {
        clock(start)
    })
}

/// The star of an item: a toggle button whose name says which item it stars.
pub fn star(item: &ProgramItem, context: &EntryContext) -> Html {
    let Some(stars) = context.stars else {
        return Html::default();
    };
    let t = context.t;
    let on = stars.contains(&item.id);
    let id = item.id.clone();
    let onclick = context.act.reform(move |_| Action::ToggleStar(id.clone()));
    let title = item.title.text_for(t.tag).unwrap_or_default();
    html! {
        <button type="button" class="star" part="star" aria-pressed={if on { "true" } else { "false" }}
            aria-label={fill(t.star, &[title])} {onclick}>{ if on { "★" } else { "☆" } }</button>
    }
}

/// One item, short: title (opens the detail), time, room, track, "under way", people.
pub fn entry(index: usize, item: &ProgramItem, context: &EntryContext, tag: &'static str) -> Html {
    let EntryContext { event, t, now, .. } = *context;
    let under_way = now.is_some_and(|n| n.under_way(item));
    let past = now.is_some_and(|n| n.is_past(item));
    let id = item.id.clone();
    let open = context
        .act
        .reform(move |_| Action::Detail(Some(id.clone())));
    let track = item.track.as_deref().map(|id| (id, event.track(id)));
    let color = track.and_then(|(_, tr)| tr?.color.clone());
    let people: Vec<Html> = item
        .people
        .iter()
        .filter_map(|id| event.person(id))
        .map(|p| person_name(p, t))
        .collect();
    let class = classes!(
        "entry",
        under_way.then_some("under-way"),
        past.then_some("past"),
        context
            .stars
            .is_some_and(|s| s.contains(&item.id))
            .then_some("starred"),
    );
    let _ = index;
    html! {
        // Keyed by the item: when a search or filter changes the entries around it, its
        // elements are kept and moved rather than rewritten.
        <@{tag} key={item.id.as_str()} {class} id={super::Target::Item(item.id.clone()).anchor()} part="program-item" tabindex="-1"
            style={color.as_ref().map(|c| format!("--track:{c}"))}>
            <div class="entry-head">
                <button type="button" class="entry-title link" onclick={open}>{ text(&item.title, t) }</button>
                { star(item, context) }
            </div>
            <p class="entry-meta">
                if context.with_date {
                    <span class="date">{ intl::long_date(item.date, t) }</span>
                    { sep(" · ") }
                }
                <span class="time">{
                    if context.local { super::programme::time_text(item, event.zone(), t) } else { clock_range(item, t) }
                        .unwrap_or_else(|| t.time_not_published.to_owned())
                }</span>
                if !item.location.is_empty() {
                    { sep(" · ") }
                    <span class="location">{ text(&item.location, t) }</span>
                }
                if let Some((id, found)) = track {
                    { sep(" · ") }
                    <span class="track">
                        if color.is_some() { <span class="swatch" aria-hidden="true"></span> }
                        { match found {
                            Some(tr) => text(&tr.name, t),
                            None => html! { <bdi>{ id.to_owned() }</bdi> },
                        } }
                    </span>
                }
                if under_way {
                    { sep(" · ") }
                    <strong class="now-badge">{ t.under_way }</strong>
                }
            </p>
            if !people.is_empty() {
                <p class="entry-people">{ list(t, people) }</p>
            }
        </@>
    }
}

/// The rooms shown in the timetable: all where they fit, else `fit` from `from`.
pub fn room_window(rooms: &[String], fit: usize, from: usize) -> (usize, usize) {
    if rooms.len() <= fit {
        return (0, rooms.len());
    }
    let first = from.min(rooms.len() - fit);
    (first, first + fit)
}

/// The entries of the grouped and list layouts drawn before the first paint: enough to
/// fill the schedule's scroll box (80% of the viewport's height) on common screens; the
/// rest follow after the paint, while the list is `aria-busy`. 10 rather than 16: on
/// FOSDEM 2025 a search keystroke took 16 ms instead of 22.
pub const FIRST_SCREEN: usize = 10;

/// The timetable's rows drawn before the first paint: as many as fill the schedule's scroll
/// box, estimated (a row is about 65 px tall, one where an entry starts about twice that)
/// against 700 px, a little more than the box on a 800 px-high screen. On FOSDEM 2025 that
/// is 6 to 8 rows where 10 drew 18 entries on its first day.
fn first_rows(grid: &Grid) -> usize {
    let mut height = 0;
    grid.cells
        .iter()
        .take_while(|cells| {
            let before = height;
            let starts = cells.iter().any(|c| matches!(c, Cell::Start { .. }));
            height += if starts { 130 } else { 65 };
            before < 700
        })
        .count()
}

/// A day's timetable: a `<table>` with a caption, the rooms as column headers and each
/// row's time as its row header; the row under way marked "now". Unless `complete`, only
/// the rows of the first screen are drawn (a cell spanning past them is cut short until
/// they are), and the table is `aria-busy`. The table is keyed by its day: another day
/// replaces it whole, rather than its rows being rewritten and the rest removed one by one.
pub fn timetable(
    day: Date,
    items: &[usize],
    rooms: &[String],
    context: &EntryContext,
    complete: bool,
) -> Html {
    let EntryContext { event, t, now, .. } = *context;
    let grid = Grid::of(event, items, rooms, t.tag);
    let rows = if complete {
        grid.rows.len()
    } else {
        first_rows(&grid)
    };
    let now_row = now.and_then(|n| grid.now_row(n.on(day), event));
    let clock = |m: i64| {
        let (date, time) = at(day, m);
        intl::clock_time(date, time, t)
    };
    let cell = |(column, cell): (usize, &Cell)| match cell {
        Cell::Start { items, span } => html! {
            <td rowspan={span.to_string()} data-room={column.to_string()}>
                { for items.iter().filter_map(|&i| Some((i, event.program.get(i)?))).map(|(i, item)| entry(i, item, context, "div")) }
            </td>
        },
        Cell::Covered => Html::default(),
        Cell::Empty => html! { <td class="free"></td> },
    };
    html! {
        <>
            <table key={day.to_string()} class="timetable" part="timetable" style={format!("--rooms:{}", rooms.len())}
                aria-busy={(rows < grid.rows.len()).then_some("true")}>
                <caption>{ intl::long_date(day, t) }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="time-head">{ t.time }</th>
                        { for rooms.iter().map(|room| html! {
                            <th scope="col" class="room-head"><bdi>{ if room.is_empty() { "—".to_owned() } else { room.clone() } }</bdi></th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for grid.rows.iter().zip(&grid.cells).enumerate().take(rows).map(|(r, (&minute, cells))| {
                        let is_now = now_row == Some(r);
                        html! {
                            <tr class={classes!(is_now.then_some("now"))}>
                                <th scope="row" class="time-row">
                                    <time>{ clock(minute) }</time>
                                    if let Some(local) = reader_clock(day, minute, event.zone(), t, r == 0) {
                                        <span class="local">{ fill(t.local_time, &[&local]) }</span>
                                    }
                                    if is_now {
                                        <span class="now-label">{ t.now }</span>
                                    }
                                </th>
                                { for cells.iter().enumerate().map(cell) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if !grid.untimed.is_empty() {
                <h4 class="group-time">{ t.time_not_published }</h4>
                <ul class="entries">
                    { for grid.untimed.iter().filter_map(|&i| Some((i, event.program.get(i)?))).map(|(i, item)| entry(i, item, context, "li")) }
                </ul>
            }
        </>
    }
}

/// Items grouped under their start time, at most `limit` of them (`aria-busy` while more
/// are to come: `busy`).
pub fn grouped(
    day: Date,
    items: &[usize],
    limit: usize,
    busy: bool,
    context: &EntryContext,
) -> Html {
    let EntryContext { event, t, now, .. } = *context;
    let mut left = limit;
    let groups: Vec<(Option<i64>, Vec<usize>)> = by_start(event, items)
        .into_iter()
        .map_while(|(start, mut group)| {
            if left == 0 {
                return None;
            }
            group.truncate(left);
            left -= group.len();
            Some((start, group))
        })
        .collect();
    let now_minutes = now.map(|n| n.on(day));
    html! {
        <div class="groups" aria-busy={busy.then_some("true")}>
            { for groups.into_iter().map(|(start, group)| {
                let heading = match start {
                    Some(m) => {
                        let (date, time) = at(day, m);
                        let mut heading = intl::clock_time(date, time, t);
                        if let Some(local) = reader_clock(day, m, event.zone(), t, true) {
                            heading.push_str(&t.bracketed(&fill(t.local_time, &[&local])));
                        }
                        heading
                    }
                    None => t.time_not_published.to_owned(),
                };
                let is_now = start.is_some() && now_minutes.is_some() && group.iter().any(|&i| {
                    event.program.get(i).is_some_and(|item| now.is_some_and(|n| n.under_way(item)))
                });
                html! {
                    <section key={start.map_or(-1, |m| m)} class={classes!("group", is_now.then_some("now"))}>
                        <h4 class="group-time"><time>{ heading }</time>
                            if is_now { <span class="now-label">{ t.now }</span> }
                        </h4>
                        <ul class="entries">
                            { for group.iter().filter_map(|&i| Some((i, event.program.get(i)?))).map(|(i, item)| entry(i, item, context, "li")) }
                        </ul>
                    </section>
                }
            }) }
        </div>
    }
}

/// One entry after another (the narrow layout), at most `limit` (`aria-busy` while more
/// are to come: `busy`).
pub fn plain_list(items: &[usize], limit: usize, busy: bool, context: &EntryContext) -> Html {
    let event = context.event;
    html! {
        <ol class="program entries" aria-busy={busy.then_some("true")}>
            { for items.iter().take(limit).filter_map(|&i| Some((i, event.program.get(i)?))).map(|(i, item)| entry(i, item, context, "li")) }
        </ol>
    }
}

/// The rooms that hold any of `items`, in the programme's room order.
pub fn rooms_of(all_rooms: &[String], event: &Event, items: &[usize], lang: &str) -> Vec<String> {
    let used: BTreeSet<&str> = items
        .iter()
        .filter_map(|&i| event.program.get(i))
        .map(|item| room_of(item, lang))
        .collect();
    all_rooms
        .iter()
        .filter(|r| used.contains(r.as_str()))
        .cloned()
        .collect()
}
