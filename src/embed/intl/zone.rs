//! Zone arithmetic by the browser: the wall clock in a zone at an instant, UTC offsets
//! and the instant of a wall-clock time, with the offsets remembered.

use super::bindings::{formatter, part};
use crate::model::{Date, Event, EventError, Time};
use std::cell::RefCell;

/// Checks that the browser knows the IANA zone (the data model only checks its shape).
/// A fixed offset, or no zone at all (times on the event's unstated wall clock), is fine.
pub fn zone_is_known(zone: &str) -> bool {
    zone.is_empty()
        || fixed_offset(zone).is_some()
        || formatter("en", &[("timeZone", zone)]).is_ok()
}

/// Minutes east of UTC of a zone written as an offset, `+01:00`.
pub fn fixed_offset(zone: &str) -> Option<f64> {
    let sign = match zone.as_bytes().first()? {
        b'+' => 1.0,
        b'-' => -1.0,
        _ => return None,
    };
    Time::parse(zone.get(1..)?).map(|t| sign * f64::from(t.minutes()))
}

/// The wall clock in `zone` at `epoch_ms`: the date, and minutes since midnight.
pub fn wall_clock(zone: &str, epoch_ms: f64) -> Option<(Date, i64)> {
    if let Some(offset) = fixed_offset(zone) {
        let minutes = (epoch_ms / 60_000.0).floor() as i64 + offset as i64;
        let date = Date::from_days_since_epoch(minutes.div_euclid(1440));
        return Some((date, minutes.rem_euclid(1440)));
    }
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
    /// UTC offsets already found, by zone and minute. A programme has few distinct times,
    /// and asking `Intl` costs far more than a look-up: a 1,000-item programme asks for
    /// about ten offsets per item. Kept sorted by minute.
    static OFFSETS: RefCell<(String, Vec<(i64, f64)>)> = RefCell::new(Default::default());
}

/// Minutes east of UTC of `zone` at the instant `epoch_ms`.
pub fn offset_minutes(zone: &str, epoch_ms: f64) -> Option<f64> {
    if zone.is_empty() {
        return None;
    }
    if let Some(offset) = fixed_offset(zone) {
        return Some(offset);
    }
    let minute = (epoch_ms / 60_000.0).floor() as i64;
    let known = OFFSETS.with(|cache| {
        let cache = cache.borrow();
        let found = cache.1.binary_search_by_key(&minute, |&(m, _)| m).ok()?;
        (cache.0 == zone).then(|| cache.1[found].1)
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
            *cache = (zone.to_owned(), Vec::new());
        }
        if let Err(at) = cache.1.binary_search_by_key(&minute, |&(m, _)| m) {
            cache.1.insert(at, (minute, offset));
        }
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

/// The model checks a zone's shape; only the browser knows whether it exists.
pub fn check_zone(event: Event) -> Result<Event, EventError> {
    if zone_is_known(&event.time_zone) {
        Ok(event)
    } else {
        Err(EventError {
            path: "time_zone".into(),
            problem: format!(
                "`{}` is not a time zone this browser knows",
                event.time_zone
            ),
        })
    }
}
