//! Dates, times, zone names, relative days and country names in the reader's language,
//! written by the browser's `Intl`, so no locale data ships in the wasm; the widget's own
//! strings stand in where a browser lacks a language.

use super::bindings::{
    formatter, list_formatter, part, DateTimeFormat, DisplayNames, RelativeTimeFormat,
};
use super::zone::offset_minutes;
use crate::embed::object;
use crate::i18n::Strings;
use crate::model::{Date, Time};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    static HAS_DATA: RefCell<Vec<(&'static str, bool)>> = const { RefCell::new(Vec::new()) };
    /// Clock times already written, by locale and minute of the day: a timetable writes
    /// the same few dozen times hundreds of times (the default build's short programmes
    /// write a handful, so it goes without these caches and their bytes).
    #[cfg(feature = "schedule")]
    static CLOCKS: RefCell<Vec<(&'static str, u32, String)>> = const { RefCell::new(Vec::new()) };
    /// List literals already found, by locale and length.
    #[cfg(feature = "schedule")]
    static LISTS: RefCell<Vec<(&'static str, usize, Vec<String>)>> = const { RefCell::new(Vec::new()) };
    /// The zone name last written, by zone, date and language: a large programme writes it
    /// on every render (every keystroke of a search).
    #[cfg(feature = "schedule")]
    static ZONE_NAME: RefCell<Option<(String, Date, &'static str, String)>> = const { RefCell::new(None) };
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
    let (locale, minute) = (time_locale(t), time.minutes());
    #[cfg(feature = "schedule")]
    if let Some(text) = CLOCKS.with(|c| {
        let c = c.borrow();
        let found = c.iter().find(|(l, m, _)| *l == locale && *m == minute);
        found.map(|(_, _, text)| text.clone())
    }) {
        return text;
    }
    // The time of day alone is written, so any date gives the same text.
    let ms = date.utc_midnight_ms() + f64::from(minute) * 60_000.0;
    let text = formatter(locale, &[("timeZone", "UTC"), ("timeStyle", "short")])
        .map(|f| f.format(ms))
        .unwrap_or_else(|_| time.to_string());
    #[cfg(feature = "schedule")]
    CLOCKS.with(|c| c.borrow_mut().push((locale, minute, text.clone())));
    text
}

/// The zone's long name on `date`, e.g. "China Standard Time" / "中国标准时间", or its
/// offset ("UTC+8") when the browser lacks the reader's language.
pub fn zone_name(zone: &str, date: Date, t: &Strings) -> String {
    #[cfg(feature = "schedule")]
    {
        let known = ZONE_NAME.with(|c| match &*c.borrow() {
            Some((z, d, tag, name)) if z == zone && *d == date && *tag == t.tag => {
                Some(name.clone())
            }
            _ => None,
        });
        if let Some(name) = known {
            return name;
        }
        let name = find_zone_name(zone, date, t);
        ZONE_NAME.with(|c| *c.borrow_mut() = Some((zone.to_owned(), date, t.tag, name.clone())));
        name
    }
    #[cfg(not(feature = "schedule"))]
    find_zone_name(zone, date, t)
}

fn find_zone_name(zone: &str, date: Date, t: &Strings) -> String {
    // Noon UTC falls on `date` in every zone from UTC−11 to UTC+11, and DST changes are at night.
    let noon = date.utc_midnight_ms() + 12.0 * 3_600_000.0;
    if zone.is_empty() {
        return t.local_zone.to_owned();
    }
    if !has_date_data(t.intl) || super::zone::fixed_offset(zone).is_some() {
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
    // Chinese readers call China's time 北京时间, not Intl's 中国标准时间 (README).
    if zone == "Asia/Shanghai" && t.tag == "zh" {
        return "北京时间".to_owned();
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
    RelativeTimeFormat::new(t.intl, &object(&[("numeric", "auto")]))
        .map(|f| f.format(days as f64, "day"))
        .unwrap_or_else(|_| t.count(&t.in_days, usize::try_from(days).unwrap_or(0)))
}

/// The country's name in the reader's language ("Serbia" / "塞尔维亚") and the
/// language it is really in: English when the browser lacks the reader's language.
pub fn country_name(code: &str, t: &Strings) -> (String, &'static str) {
    let region = |locale: &str| {
        DisplayNames::new(locale, &object(&[("type", "region")]))
            .and_then(|names| names.of(code))
            .ok()
            .and_then(|name| name.as_string())
    };
    // English Intl writes "Bosnia & Herzegovina"; the widget's English writes "and".
    let english = region("en").map(|name| name.replace(" & ", " and "));
    if t.tag == "en" {
        return (english.unwrap_or_else(|| code.to_owned()), "en");
    }
    // A browser may claim the language and still answer in English (Chromium's Bosnian).
    let supported = DisplayNames::display_names_locales(t.intl).is_ok_and(|l| l.length() > 0);
    let own = supported
        .then(|| region(t.intl))
        .flatten()
        .filter(|name| Some(name) != english.as_ref() && name != code);
    match own.or_else(|| t.country(code).map(str::to_owned)) {
        Some(name) => (name, t.tag),
        None => (english.unwrap_or_else(|| code.to_owned()), "en"),
    }
}

/// The literals of a list of `n` items as the browser's `Intl.ListFormat` writes it in
/// the reader's language: before the first item, between each two, after the last
/// (`n + 1` of them), e.g. `["", ", ", " and ", ""]`; the widget's `list_separator`
/// when the browser lacks the language.
pub fn list_literals(n: usize, t: &Strings) -> Vec<String> {
    if n < 2 || !has_date_data(t.intl) {
        return t.list_literals(n);
    }
    #[cfg(feature = "schedule")]
    if let Some(literals) = LISTS.with(|c| {
        let c = c.borrow();
        let found = c.iter().find(|(l, len, _)| *l == t.intl && *len == n);
        found.map(|(_, _, literals)| literals.clone())
    }) {
        return literals;
    }
    let literals = browser_list_literals(n, t);
    #[cfg(feature = "schedule")]
    LISTS.with(|c| c.borrow_mut().push((t.intl, n, literals.clone())));
    literals
}

fn browser_list_literals(n: usize, t: &Strings) -> Vec<String> {
    let items: js_sys::Array = (0..n).map(|i| JsValue::from(i.to_string())).collect();
    let Ok(parts) = list_formatter(t.intl).and_then(|f| f.format_to_parts(&items)) else {
        return t.list_literals(n);
    };
    let mut literals = vec![String::new()];
    for p in parts.iter() {
        let get = |key: &str| {
            js_sys::Reflect::get(&p, &key.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        if get("type").as_deref() == Some("element") {
            literals.push(String::new());
        } else if let (Some(value), Some(last)) = (get("value"), literals.last_mut()) {
            last.push_str(&value);
        }
    }
    if literals.len() == n + 1 {
        literals
    } else {
        t.list_literals(n)
    }
}

/// A language's name in the reader's language ("Chinese" / "chiński") and the language
/// it is really in, like [`country_name`].
pub fn language_name(code: &str, t: &Strings) -> (String, &'static str) {
    let locale = if has_date_data(t.intl) { t.intl } else { "en" };
    let lang = if locale == t.intl { t.tag } else { "en" };
    let name = DisplayNames::new(locale, &object(&[("type", "language")]))
        .and_then(|names| names.of(code))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| code.to_owned());
    (name, lang)
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

/// Lower case by the browser: Rust's `to_lowercase` would add Unicode tables to the wasm.
pub fn lower_case(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}
