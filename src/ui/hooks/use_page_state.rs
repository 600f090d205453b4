//! The widget's part of the page's URL hash (read on load, on Back and Forward; written
//! as the reader moves), and the reader's stars (read from this device's storage on load;
//! stored, and told to the host as `forum-widget:favourites`, once the reader stars).

use super::Load;
use crate::embed::host_events::Host;
use crate::embed::page_state::{hash, on_navigation, set_hash, store_stars, stored_stars};
use crate::model::deep_link::Link;
use crate::model::{Date, Event};
use crate::ui::programme::FILTERS_ABOVE;
use crate::ui::{Action, ViewState};
use gloo::timers::callback::Timeout;
use js_sys::{Array, Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// How long the reader pauses before a change of filters or search goes into the address.
const WRITE_AFTER_MS: u32 = 400;

/// The programme's days, in order: what `day=N` in a link counts.
pub fn days_of(event: &Event) -> Vec<Date> {
    let mut days: Vec<Date> = event.program.iter().map(|i| i.date).collect();
    days.sort_unstable();
    days.dedup();
    days
}

#[hook]
pub fn use_page_state(
    links: bool,
    favourites: bool,
    host: &Host,
    load: &Load,
    state: &UseReducerHandle<ViewState>,
) {
    // Only large programmes have days, layouts, filters and stars to keep.
    let event = match load {
        Load::Ready(event) if event.program.len() > FILTERS_ABOVE => Some(event.clone()),
        _ => None,
    };
    // The link last read or written, per event: the first render after a load shows the
    // state before the link is applied, and must not write over it.
    let written = use_mut_ref(|| None::<Link>);
    {
        let dispatcher = state.dispatcher();
        let written = written.clone();
        use_effect_with(event.clone(), move |event| {
            let mut listeners = None;
            if let Some(event) = event {
                if favourites {
                    let stored = stored_stars(&event.id);
                    if !stored.is_empty() {
                        dispatcher.dispatch(Action::Stars(stored.into_iter().collect()));
                    }
                }
                let days = Rc::new(days_of(event));
                let apply = move |dispatcher: &UseReducerDispatcher<ViewState>, always: bool| {
                    let found = Link::read(&hash());
                    if found.is_none() && !always {
                        return;
                    }
                    let mut link = found.unwrap_or_default();
                    if !favourites {
                        link.stars = None;
                    }
                    dispatcher.dispatch(Action::FromLink {
                        link: Box::new(link),
                        days: days.to_vec(),
                    });
                };
                *written.borrow_mut() = None;
                if links {
                    apply(&dispatcher, false);
                    let dispatcher = dispatcher.clone();
                    let apply = Rc::new(apply);
                    listeners = Some(on_navigation(move || apply(&dispatcher, true)));
                }
            }
            move || drop(listeners)
        });
    }

    let link = event.as_ref().map(|e| state.link(&days_of(e)));
    // Filters and typing are written once the reader pauses: each write of the address
    // costs the browser about as much as drawing a keystroke's results.
    let pending = use_mut_ref(|| None::<Timeout>);
    use_effect_with(link, move |link| {
        let Some(link) = link.clone().filter(|_| links) else {
            return;
        };
        let mut last = written.borrow_mut();
        let Some(before) = last.replace(link.clone()) else {
            return;
        };
        if before == link {
            return;
        }
        // A new day or item is a step Back can return from, written at once; filters and
        // typing are not.
        let now_in_hash = Link::read(&hash()).unwrap_or_default();
        let step = (now_in_hash.day, &now_in_hash.item) != (link.day, &link.item);
        let write = move |push: bool| {
            let current = hash();
            set_hash(&link.write(&current), push);
        };
        let mut pending = pending.borrow_mut();
        if step {
            pending.take();
            write(true);
        } else {
            *pending = Some(Timeout::new(WRITE_AFTER_MS, move || write(false)));
        }
    });

    let stars = (state.stars.clone(), state.stars_touched);
    let host = host.clone();
    let id = event.as_ref().map(|e| e.id.clone());
    use_effect_with(stars, move |(stars, touched)| {
        let Some(id) = id.filter(|_| favourites && *touched) else {
            return;
        };
        let ids: Vec<String> = stars.iter().cloned().collect();
        store_stars(&id, &ids);
        let detail = Object::new();
        let list: Array = ids.iter().map(|id| JsValue::from_str(id)).collect();
        let _ = Reflect::set(&detail, &"event".into(), &id.as_str().into());
        let _ = Reflect::set(&detail, &"ids".into(), &list);
        host.emit("favourites", &detail);
    });
}
