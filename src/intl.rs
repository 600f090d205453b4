//! Dates, zones, relative times and country names, formatted by the browser's `Intl`,
//! so no locale data or time-zone database is compiled into the wasm.

use crate::i18n::Strings;
use crate::model::{Date, Time};
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, epoch_ms: f64) -> String;
    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, epoch_ms: f64) -> Array;
    #[wasm_bindgen(static_method_of = DateTimeFormat, js_namespace = Intl, js_class = "DateTimeFormat", js_name = supportedLocalesOf)]
    fn supported_locales_of(locale: &str) -> Array;

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

thread_local! {
    /// Formatters by locale and options: building an `Intl.DateTimeFormat` costs far more
    /// than using one, and a large programme formats thousands of dates.
    static FORMATTERS: RefCell<Vec<(String, DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
}

/// A cached `Intl.DateTimeFormat`; an error when the browser refuses the locale or options.
fn formatter(locale: &str, pairs: &[(&str, &str)]) -> Result<DateTimeFormat, JsValue> {
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
    let made = DateTimeFormat::new(locale, &options(pairs))?;
    FORMATTERS.with(|c| c.borrow_mut().push((key, made.clone())));
    Ok(made)
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
    formatter("en", &[("timeZone", zone)]).is_ok()
}

/// The wall clock in `zone` at `epoch_ms`: the date, and minutes since midnight.
fn wall_clock(zone: &str, epoch_ms: f64) -> Option<(Date, i64)> {
    let fmt = formatter(
        "en-US",
        &[
            ("timeZone", zone),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
        ],
    )
    .ok()?;
    let parts = fmt.format_to_parts(epoch_ms);
    // Integer parsing: parsing floats would pull a large routine into the wasm.
    let n = |kind| part(&parts, kind)?.parse::<i64>().ok();
    let date = Date::new(n("year")? as i32, n("month")? as u8, n("day")? as u8)?;
    Some((date, n("hour")? * 60 + n("minute")?))
}

/// Today's calendar date in `zone` at `now_ms`.
pub fn date_in_zone(now_ms: f64, zone: &str) -> Option<Date> {
    wall_clock(zone, now_ms).map(|(date, _)| date)
}

thread_local! {
    static HAS_DATA: RefCell<Vec<(&'static str, bool)>> = const { RefCell::new(Vec::new()) };
}

/// Whether this browser has real date data for `locale`. Some builds lack a language
/// (Debian's Chromium has no Georgian) or carry it without month names (Bosnian
/// gives "M11"); then the widget writes dates from its own strings.
pub fn has_date_data(locale: &'static str) -> bool {
    if let Some(known) = HAS_DATA.with(|c| {
        c.borrow()
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, k)| *k)
    }) {
        return known;
    }
    let november = Date::new(2023, 11, 13).map_or(0.0, Date::utc_midnight_ms);
    let month = formatter(locale, &[("timeZone", "UTC"), ("month", "long")])
        .map(|f| f.format(november))
        .unwrap_or_default();
    let placeholder = month
        .strip_prefix('M')
        .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit()));
    let known = DateTimeFormat::supported_locales_of(locale).length() > 0
        && !month.is_empty()
        && !placeholder;
    HAS_DATA.with(|c| c.borrow_mut().push((locale, known)));
    known
}

/// The locale for clock times: the reader's, or British English digits when the
/// browser lacks the reader's language (24-hour, like most of the widget's readers).
fn time_locale(t: &Strings) -> &'static str {
    if has_date_data(t.intl) {
        t.intl
    } else {
        "en-GB"
    }
}

/// A calendar date in words, e.g. "13 November 2023" / "2023年11月13日".
pub fn long_date(date: Date, t: &Strings) -> String {
    if !has_date_data(t.intl) {
        return t.long_date(date);
    }
    formatter(t.intl, &[("timeZone", "UTC"), ("dateStyle", "long")])
        .map(|f| f.format(date.utc_midnight_ms()))
        .unwrap_or_else(|_| t.long_date(date))
}

/// A wall-clock time in the reader's convention, e.g. "09:30" / "9:30 AM".
pub fn clock_time(date: Date, time: Time, t: &Strings) -> String {
    let ms = date.utc_midnight_ms() + f64::from(time.minutes()) * 60_000.0;
    formatter(
        time_locale(t),
        &[("timeZone", "UTC"), ("timeStyle", "short")],
    )
    .map(|f| f.format(ms))
    .unwrap_or_else(|_| time.to_string())
}

/// The zone's long name on `date`, e.g. "China Standard Time" / "中国标准时间", or its
/// offset ("UTC+8") when the browser lacks the reader's language.
pub fn zone_name(zone: &str, date: Date, t: &Strings) -> String {
    // Noon UTC falls on `date` in every zone from UTC−11 to UTC+11, and DST changes are at night.
    let noon = date.utc_midnight_ms() + 12.0 * 3_600_000.0;
    if !has_date_data(t.intl) {
        return match offset_minutes(zone, noon) {
            Some(minutes) => {
                let (sign, m) = if minutes < 0.0 {
                    ('−', -minutes)
                } else {
                    ('+', minutes)
                };
                // Whole minutes: integer formatting keeps float printing out of the wasm.
                let m = m as i64;
                let (hours, rest) = (m / 60, m % 60);
                if rest == 0 {
                    format!("UTC{sign}{hours}")
                } else {
                    format!("UTC{sign}{hours}:{rest:02}")
                }
            }
            None => zone.to_owned(),
        };
    }
    formatter(t.intl, &[("timeZone", zone), ("timeZoneName", "long")])
        .ok()
        .and_then(|f| part(&f.format_to_parts(noon), "timeZoneName"))
        .unwrap_or_else(|| zone.to_owned())
}

/// "in 3 days" / "tomorrow" / "3天后".
pub fn in_days(days: i64, t: &Strings) -> String {
    if !has_date_data(t.intl) {
        return t.count(&t.in_days, usize::try_from(days).unwrap_or(0));
    }
    RelativeTimeFormat::new(t.intl, &options(&[("numeric", "auto")]))
        .map(|f| f.format(days as f64, "day"))
        .unwrap_or_else(|_| t.count(&t.in_days, usize::try_from(days).unwrap_or(0)))
}

/// The country's name in the reader's language ("Serbia" / "塞尔维亚") and the
/// language it is really in: English when the browser lacks the reader's language.
pub fn country_name(code: &str, t: &Strings) -> (String, &'static str) {
    let locale = if has_date_data(t.intl) { t.intl } else { "en" };
    let lang = if locale == t.intl { t.tag } else { "en" };
    let name = DisplayNames::new(locale, &options(&[("type", "region")]))
        .and_then(|names| names.of(code))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| code.to_owned());
    (name, lang)
}

thread_local! {
    /// UTC offsets already found, by zone and minute. A programme has few distinct times,
    /// and asking `Intl` costs far more than a look-up: a 1,000-item programme asks for
    /// about ten offsets per item.
    static OFFSETS: RefCell<(String, HashMap<i64, f64>)> = RefCell::new(Default::default());
}

/// Minutes east of UTC of `zone` at the instant `epoch_ms`.
fn offset_minutes(zone: &str, epoch_ms: f64) -> Option<f64> {
    let minute = (epoch_ms / 60_000.0).floor() as i64;
    let known = OFFSETS.with(|cache| {
        let cache = cache.borrow();
        (cache.0 == zone).then(|| cache.1.get(&minute).copied())?
    });
    if known.is_some() {
        return known;
    }
    // The wall clock has minute resolution, so one answer holds for the whole minute.
    let (date, minutes) = wall_clock(zone, epoch_ms)?;
    let wall = date.utc_midnight_ms() + (minutes * 60_000) as f64;
    let offset = ((wall - minute as f64 * 60_000.0) / 60_000.0).round();
    OFFSETS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.0 != zone {
            *cache = (zone.to_owned(), HashMap::new());
        }
        cache.1.insert(minute, offset);
    });
    Some(offset)
}

/// The instant at which the wall clock in `zone` shows `date` `time`.
pub fn instant(date: Date, time: Time, zone: &str) -> Option<f64> {
    let wall = date.utc_midnight_ms() + f64::from(time.minutes()) * 60_000.0;
    // Two rounds settle the offset even when the first guess lands across a DST change.
    let first = wall - offset_minutes(zone, wall)? * 60_000.0;
    Some(wall - offset_minutes(zone, first)? * 60_000.0)
}

/// Which parts of the reader's clock time to write.
#[derive(Clone, Copy)]
pub struct ReaderParts {
    /// The day, when it is not the event's day.
    pub day: bool,
    /// The short zone name, e.g. "CET".
    pub zone: bool,
}

/// The reader's own clock time at `epoch_ms`, or `None` when the reader's zone agrees
/// with `zone` then.
pub fn reader_time(
    epoch_ms: f64,
    zone: &str,
    event_date: Date,
    t: &Strings,
    parts: ReaderParts,
) -> Option<String> {
    let local = js_sys::Date::new(&JsValue::from_f64(epoch_ms));
    if offset_minutes(zone, epoch_ms)? == -local.get_timezone_offset() {
        return None;
    }
    let local_date = Date::new(
        local.get_full_year() as i32,
        local.get_month() as u8 + 1,
        local.get_date() as u8,
    );
    let mut fields = vec![("hour", "2-digit"), ("minute", "2-digit")];
    if parts.day && local_date != Some(event_date) {
        fields.extend([("day", "numeric"), ("month", "short")]);
    }
    if parts.zone {
        fields.push(("timeZoneName", "short"));
    }
    formatter(time_locale(t), &fields)
        .ok()
        .map(|f| f.format(epoch_ms))
}
