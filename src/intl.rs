//! Dates, zones, relative times and country names, formatted by the browser's `Intl`,
//! so no locale data or time-zone database is compiled into the wasm.

use crate::model::{Date, Time};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, epoch_ms: f64) -> String;
    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, epoch_ms: f64) -> Array;

    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<RelativeTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "RelativeTimeFormat")]
    fn format(this: &RelativeTimeFormat, value: f64, unit: &str) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locale: &str, options: &Object) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, js_class = "DisplayNames", catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn part(parts: &Array, kind: &str) -> Option<String> {
    parts.iter().find_map(|p| {
        let is_kind = Reflect::get(&p, &"type".into()).ok()?.as_string()? == kind;
        is_kind
            .then(|| Reflect::get(&p, &"value".into()).ok()?.as_string())
            .flatten()
    })
}

/// Checks that the browser knows the IANA zone (the data model only checks its shape).
pub fn zone_is_known(zone: &str) -> bool {
    DateTimeFormat::new("en", &options(&[("timeZone", zone)])).is_ok()
}

/// Today's calendar date in `zone` at `now_ms`.
pub fn date_in_zone(now_ms: f64, zone: &str) -> Option<Date> {
    let fmt = DateTimeFormat::new(
        "en-US",
        &options(&[
            ("timeZone", zone),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
        ]),
    )
    .ok()?;
    let parts = fmt.format_to_parts(now_ms);
    let number = |kind| part(&parts, kind)?.parse::<i64>().ok();
    Date::new(
        number("year")? as i32,
        number("month")? as u8,
        number("day")? as u8,
    )
}

/// A calendar date in words, e.g. "13 November 2023" / "2023年11月13日".
pub fn long_date(date: Date, locale: &str) -> String {
    DateTimeFormat::new(
        locale,
        &options(&[("timeZone", "UTC"), ("dateStyle", "long")]),
    )
    .map(|f| f.format(date.utc_midnight_ms()))
    .unwrap_or_else(|_| date.to_string())
}

/// A wall-clock time in the reader's convention, e.g. "09:30" / "9:30 AM".
pub fn clock_time(date: Date, time: Time, locale: &str) -> String {
    let ms = date.utc_midnight_ms() + f64::from(time.minutes()) * 60_000.0;
    DateTimeFormat::new(
        locale,
        &options(&[("timeZone", "UTC"), ("timeStyle", "short")]),
    )
    .map(|f| f.format(ms))
    .unwrap_or_else(|_| time.to_string())
}

/// The zone's long name on `date`, e.g. "China Standard Time" / "中国标准时间".
pub fn zone_name(zone: &str, date: Date, locale: &str) -> String {
    // Noon UTC falls on `date` in every zone from UTC−11 to UTC+11, and DST changes are at night.
    let noon = date.utc_midnight_ms() + 12.0 * 3_600_000.0;
    DateTimeFormat::new(
        locale,
        &options(&[("timeZone", zone), ("timeZoneName", "long")]),
    )
    .ok()
    .and_then(|f| part(&f.format_to_parts(noon), "timeZoneName"))
    .unwrap_or_else(|| zone.to_owned())
}

/// "in 3 days" / "tomorrow" / "3天后".
pub fn in_days(days: i64, locale: &str) -> String {
    RelativeTimeFormat::new(locale, &options(&[("numeric", "auto")]))
        .map(|f| f.format(days as f64, "day"))
        .unwrap_or_else(|_| format!("+{days} d"))
}

/// The country's name in the reader's language ("Serbia" / "塞尔维亚"), or the code.
pub fn country_name(code: &str, locale: &str) -> String {
    DisplayNames::new(locale, &options(&[("type", "region")]))
        .and_then(|names| names.of(code))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| code.to_owned())
}
