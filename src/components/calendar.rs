//! "Add to calendar": an .ics download made in the browser, and Google Calendar and
//! Outlook.com links.

use super::{sep, Ctx};
use crate::calendar::{self, google_link, ics, outlook_link, Entry};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddToCalendarProps {
    pub ctx: Ctx,
    /// The programme item; `None` for the whole event (whose file holds every item too).
    #[prop_or_default]
    pub item: Option<usize>,
}

/// The calendar entries of the event or of one item, in the reader's language.
fn entries(ctx: &Ctx, item: Option<usize>, with_items: bool) -> Vec<Entry> {
    let (event, t) = (&ctx.event, ctx.t);
    let to_utc = |d, time| crate::intl::instant(d, time, &event.time_zone);
    match item.and_then(|i| event.program.get(i)) {
        Some(item) => vec![calendar::item_entry(event, item, t, &to_utc)],
        None => {
            let mut all = vec![calendar::event_entry(event, t)];
            if with_items {
                all.extend(
                    event
                        .program
                        .iter()
                        .map(|i| calendar::item_entry(event, i, t, &to_utc)),
                );
            }
            all
        }
    }
}

/// Offers `text` as a file download named `name`, without any request.
fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let anchor = gloo::utils::document()
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

#[function_component]
pub fn AddToCalendar(props: &AddToCalendarProps) -> Html {
    let (ctx, item) = (&props.ctx, props.item);
    let Some(entry) = entries(ctx, item, false).into_iter().next() else {
        return Html::default();
    };
    let event = &ctx.event;
    let file_name = match item.and_then(|i| event.program.get(i)) {
        Some(item) => format!("{}-{}.ics", event.id, item.id),
        None => format!("{}.ics", event.id),
    };
    // The file is written on click: a large programme makes many entries.
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            download(
                &file_name,
                &ics(&entries(&ctx, item, true), js_sys::Date::now()),
            );
        })
    };
    let t = ctx.t;
    html! {
        <p class="calendar" part="calendar">
            <span class="label">{ t.add_to_calendar }{ ": " }</span>
            <button type="button" class="link" {onclick}>{ t.calendar_file }</button>
            { sep(" · ") }
            <a href={google_link(&entry, &event.time_zone)} target="_blank" rel="noopener noreferrer" lang="en">{ "Google Calendar" }</a>
            { sep(" · ") }
            <a href={outlook_link(&entry)} target="_blank" rel="noopener noreferrer" lang="en">{ "Outlook.com" }</a>
        </p>
    }
}
