//! The browser's `Intl` objects the widget uses, and a cache of date formatters.

use crate::embed::object;
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::fmt::Write as _;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    pub type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    pub fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat")]
    pub fn format(this: &DateTimeFormat, epoch_ms: f64) -> String;
    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = formatToParts)]
    pub fn format_to_parts(this: &DateTimeFormat, epoch_ms: f64) -> Array;
    #[wasm_bindgen(static_method_of = DateTimeFormat, js_namespace = Intl, js_class = "DateTimeFormat", js_name = supportedLocalesOf)]
    pub fn supported_locales_of(locale: &str) -> Array;

    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    pub type RelativeTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    pub fn new(locale: &str, options: &Object) -> Result<RelativeTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "RelativeTimeFormat")]
    pub fn format(this: &RelativeTimeFormat, value: f64, unit: &str) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = ListFormat)]
    #[derive(Clone)]
    pub type ListFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "ListFormat", catch)]
    pub fn new(locale: &str, options: &Object) -> Result<ListFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "ListFormat", js_name = formatToParts, catch)]
    pub fn format_to_parts(this: &ListFormat, items: &Array) -> Result<Array, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    pub type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    pub fn new(locale: &str, options: &Object) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, js_class = "DisplayNames", catch)]
    pub fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(static_method_of = DisplayNames, js_namespace = Intl, js_class = "DisplayNames", js_name = supportedLocalesOf, catch)]
    pub fn display_names_locales(locale: &str) -> Result<Array, JsValue>;
}

thread_local! {
    /// Formatters by locale and options: building an `Intl.DateTimeFormat` costs far more
    /// than using one, and a large programme formats thousands of dates.
    static FORMATTERS: RefCell<Vec<(String, DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
}

/// A cached `Intl.DateTimeFormat`; an error when the browser refuses the locale or options.
pub fn formatter(locale: &str, pairs: &[(&str, &str)]) -> Result<DateTimeFormat, JsValue> {
    // Each value is preceded by its length, so that no value (a zone name from an
    // event file, say) can pass for other options.
    let mut key = String::from(locale);
    for (name, value) in pairs {
        let _ = write!(key, "|{name}={}:{value}", value.len());
    }
    if let Some(found) = FORMATTERS.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| f.clone())
    }) {
        return Ok(found);
    }
    let made = DateTimeFormat::new(locale, &object(pairs))?;
    FORMATTERS.with(|c| c.borrow_mut().push((key, made.clone())));
    Ok(made)
}

thread_local! {
    /// `Intl.ListFormat`s by locale, cached like the date formatters.
    static LIST_FORMATTERS: RefCell<Vec<(&'static str, ListFormat)>> = const { RefCell::new(Vec::new()) };
}

/// A cached `Intl.ListFormat` for lists of things ("A, B and C" / "A、B和C").
pub fn list_formatter(locale: &'static str) -> Result<ListFormat, JsValue> {
    if let Some(found) = LIST_FORMATTERS.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == locale)
            .map(|(_, f)| f.clone())
    }) {
        return Ok(found);
    }
    let made = ListFormat::new(
        locale,
        &object(&[("type", "conjunction"), ("style", "long")]),
    )?;
    LIST_FORMATTERS.with(|c| c.borrow_mut().push((locale, made.clone())));
    Ok(made)
}

pub fn part(parts: &Array, kind: &str) -> Option<String> {
    parts.iter().find_map(|p| {
        let is_kind = Reflect::get(&p, &"type".into()).ok()?.as_string()? == kind;
        is_kind
            .then(|| Reflect::get(&p, &"value".into()).ok()?.as_string())
            .flatten()
    })
}
