//! Reads what the loader hands over (the options object) and what the page says about
//! languages into the props of one widget.

use crate::i18n;
use crate::options::Options;
use crate::ui::AppProps;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::host_events::Host;

pub fn app_props(container: &Element, host: &Element, options: &JsValue) -> AppProps {
    let get = |key: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let parsed = Options::from_strings(get);
    let now_ms = js_sys::Reflect::get(options, &JsValue::from_str("now"))
        .ok()
        .and_then(|v| {
            v.as_f64()
                .or_else(|| v.as_string().map(|s| js_sys::Date::parse(&s)))
        })
        .filter(|ms| ms.is_finite());
    let candidates = container
        .owner_document()
        .map(|d| language_candidates(&d, parsed.lang.clone()))
        .unwrap_or_default();
    AppProps {
        strings: i18n::choose(candidates.iter().map(String::as_str)),
        options: parsed,
        now_ms,
        host: Host(Some(host.clone())),
    }
}

/// The host's `lang` option, then the page's `<html lang>`, then the browser's languages.
fn language_candidates(document: &Document, lang: Option<String>) -> Vec<String> {
    let page = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"));
    let browser: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default();
    lang.into_iter().chain(page).chain(browser).collect()
}
