//! "Add to calendar": an .ics download made in the browser, and Google Calendar and
//! Outlook.com links.

use crate::calendar::{google_link, ics, outlook_link, Entry};
use crate::i18n::Strings;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct AddToCalendarProps {
    /// The entries of the .ics file; the first one is also the links' entry.
    pub entries: Rc<Vec<Entry>>,
    pub zone: AttrValue,
    pub file_name: AttrValue,
    pub t: &'static Strings,
}

impl PartialEq for AddToCalendarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entries, &other.entries)
            && self.zone == other.zone
            && self.file_name == other.file_name
            && self.t == other.t
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
    let Some(entry) = props.entries.first() else {
        return Html::default();
    };
    let onclick = {
        let (entries, name) = (props.entries.clone(), props.file_name.clone());
        Callback::from(move |_| {
            download(&name, &ics(&entries, js_sys::Date::now()));
        })
    };
    html! {
        <p class="calendar" part="calendar">
            <span class="label">{ props.t.add_to_calendar }{ ": " }</span>
            <button type="button" class="link" {onclick}>{ props.t.calendar_file }</button>
            <span class="sep">{ " · " }</span>
            <a href={google_link(entry, &props.zone)} target="_blank" rel="noopener noreferrer" lang="en">{ "Google Calendar" }</a>
            <span class="sep">{ " · " }</span>
            <a href={outlook_link(entry)} target="_blank" rel="noopener noreferrer" lang="en">{ "Outlook.com" }</a>
        </p>
    }
}
