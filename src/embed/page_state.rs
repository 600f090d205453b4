//! What the widget keeps outside itself: its part of the page's URL hash (day, opened
//! item, filters; Back and Forward), and the reader's stars in `localStorage`, one key per
//! event. Nothing is written to storage until the reader stars something.

use crate::json::writer::{s, Json};
use gloo::events::EventListener;

/// The page's URL hash, `#` included (`""` when it has none).
pub fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Puts `hash` into the page's URL without scrolling: a new history entry when `push`
/// (Back returns to the state before), else in place of the current one.
pub fn set_hash(hash: &str, push: bool) {
    let window = gloo::utils::window();
    let location = window.location();
    if location.hash().unwrap_or_default() == hash {
        return;
    }
    // An empty hash: the address without one (pushState with "#" would leave a bare #).
    let url = if hash.is_empty() {
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        format!("{path}{search}")
    } else {
        hash.to_owned()
    };
    let Ok(history) = window.history() else {
        return;
    };
    // Keep the host's own history state object (a router may rely on it).
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}

/// Calls `changed` when the reader goes Back or Forward, or the hash changes otherwise.
pub fn on_navigation(changed: impl Fn() + Clone + 'static) -> [EventListener; 2] {
    let window = gloo::utils::window();
    let again = changed.clone();
    [
        EventListener::new(&window, "popstate", move |_| changed()),
        EventListener::new(&window, "hashchange", move |_| again()),
    ]
}

fn storage() -> Option<web_sys::Storage> {
    // Throws where storage is refused (some privacy settings, sandboxed frames).
    gloo::utils::window().local_storage().ok().flatten()
}

/// The `localStorage` key of an event's stars.
pub fn stars_key(event_id: &str) -> String {
    format!("forum-widget:favourites:{event_id}")
}

/// The stars stored for an event on this device (only read, never created).
pub fn stored_stars(event_id: &str) -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(&stars_key(event_id)).ok().flatten())
        .and_then(|text| crate::json::read::<Vec<String>>(&text).ok())
        .unwrap_or_default()
}

/// Stores an event's stars on this device, as a JSON array of item ids.
pub fn store_stars(event_id: &str, ids: &[String]) {
    let Some(storage) = storage() else { return };
    let mut text = String::new();
    Json::List(ids.iter().map(|id| s(id.as_str())).collect()).write(&mut text);
    let _ = storage.set_item(&stars_key(event_id), &text);
}

/// The page's address with a link that opens `ids` starred, for the reader to share.
pub fn share_url(ids: &[String]) -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    let link = crate::model::deep_link::Link {
        starred_only: true,
        stars: Some(ids.to_vec()),
        ..Default::default()
    };
    format!("{base}{}", link.write(&hash()))
}
