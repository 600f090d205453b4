//! Zone arithmetic: the widget's wall clock, whose offsets are remembered and shared by
//! neighbouring minutes, against the browser's own `toLocaleString` asked afresh.

use forum_widget::embed::intl::{instant, wall_clock};
use forum_widget::model::timetable::at;
use forum_widget::model::Date;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// The wall clock in `zone` at `ms` as the browser writes it ("3/30/2025, 03:15"), read
/// back as (year, month, day, minutes since midnight).
fn browser_wall_clock(zone: &str, ms: f64) -> (i32, u8, u8, i64) {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).unwrap();
    }
    let text: String = js_sys::Date::new(&JsValue::from_f64(ms))
        .to_locale_string("en-US", &options)
        .into();
    let numbers: Vec<i64> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    let [month, day, year, hour, minute] = numbers[..] else {
        panic!("unexpected {text:?}");
    };
    (year as i32, month as u8, day as u8, hour * 60 + minute)
}

#[wasm_bindgen_test]
fn wall_clock_agrees_with_the_browser_every_quarter_hour_across_offset_changes() {
    // (zone, a UTC day on which its offset changes): a one-hour change in spring and in
    // autumn, a half-hour one (Lord Howe), and a zone without changes.
    let cases = [
        ("Europe/Brussels", "2025-03-29"),
        ("Europe/Brussels", "2025-10-25"),
        ("America/New_York", "2025-03-08"),
        ("Australia/Lord_Howe", "2025-04-05"),
        ("Asia/Kathmandu", "2025-06-01"),
    ];
    let mut compared = 0;
    for (zone, day) in cases {
        let date = Date::parse(day).unwrap();
        let from = date.utc_midnight_ms();
        // Three days, in order and then backwards, so that remembered offsets are reused
        // both ways.
        let steps: Vec<i64> = (0..3 * 96).chain((0..3 * 96).rev()).collect();
        for step in steps {
            let ms = from + step as f64 * 15.0 * 60_000.0;
            let (year, month, day, minutes) = browser_wall_clock(zone, ms);
            let (date, ours) = wall_clock(zone, ms).unwrap();
            assert_eq!(
                (date.year, date.month, date.day, ours),
                (year, month, day, minutes),
                "{zone} at {ms}"
            );
            // And back: the instant of that wall-clock time is this one (each wall-clock
            // time here is shown at most once, but for the hour repeated in autumn).
            let (date_again, time) = at(date, ours);
            let back = instant(date_again, time, zone).unwrap();
            assert_eq!(
                wall_clock(zone, back).unwrap(),
                (date, ours),
                "{zone} at {ms}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 5 * 2 * 3 * 96);
}
