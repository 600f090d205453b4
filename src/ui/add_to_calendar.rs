//! "Add to calendar": an .ics download made in the browser, and Google Calendar and
//! Outlook.com links.

use super::{label, sep, SectionProps};
use crate::embed::download::offer_file;
use crate::embed::intl;
use crate::exports::{event_entry, google_link, ics, item_entry, outlook_link, Entry};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddToCalendarProps {
    pub view: SectionProps,
    /// The programme item; `None` for the whole event (whose file holds every item too).
    #[prop_or_default]
    pub item: Option<usize>,
}

/// The calendar entries of the event or of one item, in the reader's language.
fn entries(view: &SectionProps, item: Option<usize>, with_items: bool) -> Vec<Entry> {
    let (event, t) = (&view.event, view.t);
    let to_utc = |d, time| intl::instant(d, time, event.zone());
    match item.and_then(|i| event.program.get(i)) {
        Some(item) => vec![item_entry(event, item, t, &to_utc)],
        None => {
            let mut all = vec![event_entry(event, t)];
            if with_items {
                all.extend(
                    event
                        .program
                        .iter()
                        .map(|i| item_entry(event, i, t, &to_utc)),
                );
            }
            all
        }
    }
}

#[function_component]
pub fn AddToCalendar(props: &AddToCalendarProps) -> Html {
    let (view, item) = (&props.view, props.item);
    let Some(entry) = entries(view, item, false).into_iter().next() else {
        return Html::default();
    };
    let event = &view.event;
    let file_name = match item.and_then(|i| event.program.get(i)) {
        Some(item) => format!("{}-{}.ics", event.id, item.id),
        None => format!("{}.ics", event.id),
    };
    // The file is written on click: a large programme makes many entries.
    let onclick = {
        let view = view.clone();
        Callback::from(move |_| {
            offer_file(
                &file_name,
                "text/calendar;charset=utf-8",
                &ics(&entries(&view, item, true), js_sys::Date::now()),
            );
        })
    };
    let t = view.t;
    html! {
        <p class="calendar" part="calendar">
            { label(t, t.add_to_calendar) }
            <button type="button" class="link" {onclick}>{ t.calendar_file }</button>
            { sep(" · ") }
            <a href={google_link(&entry, event.zone())} target="_blank" rel="noopener noreferrer" lang="en">{ "Google Calendar" }</a>
            { sep(" · ") }
            <a href={outlook_link(&entry)} target="_blank" rel="noopener noreferrer" lang="en">{ "Outlook.com" }</a>
        </p>
    }
}
