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

/// The wall clock in `zone` at `epoch_ms`: the date, and minutes since midnight. From the
/// zone's offset then, which is remembered (see [`offset_minutes`]).
pub fn wall_clock(zone: &str, epoch_ms: f64) -> Option<(Date, i64)> {
    let offset = offset_minutes(zone, epoch_ms)?;
    let minutes = (epoch_ms / 60_000.0).floor() as i64 + offset as i64;
    let date = Date::from_days_since_epoch(minutes.div_euclid(1440));
    Some((date, minutes.rem_euclid(1440)))
}

/// The wall clock in the IANA `zone` at `epoch_ms`, asked of the browser.
fn ask_wall_clock(zone: &str, epoch_ms: f64) -> Option<(Date, i64)> {
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

/// Two offsets found at most this many minutes apart that agree hold for every minute
/// between them: in the time-zone database, no two changes of a zone's offset are closer
/// than four days.
const SPAN: i64 = 6 * 60;

/// The offset at `minute` from those already found: the same minute's, or that of two
/// neighbours less than [`SPAN`] apart that agree.
fn known_offset(cache: &[(i64, f64)], minute: i64) -> Option<f64> {
    match cache.binary_search_by_key(&minute, |&(m, _)| m) {
        Ok(found) => Some(cache[found].1),
        Err(at) => {
            let (before, after) = (cache.get(at.checked_sub(1)?)?, cache.get(at)?);
            (after.0 - before.0 <= SPAN && after.1 == before.1).then_some(before.1)
        }
    }
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
        (cache.0 == zone).then(|| known_offset(&cache.1, minute))?
    });
    if known.is_some() {
        return known;
    }
    // The wall clock has minute resolution, so one answer holds for the whole minute.
    // The offset [`SPAN`] later is asked too: where the two agree, the minutes between
    // them (a conference day's other times) need no more questions.
    let ask = |minute: i64| {
        let (date, minutes) = ask_wall_clock(zone, minute as f64 * 60_000.0)?;
        let wall = date.utc_midnight_ms() + (minutes * 60_000) as f64;
        Some(((wall - minute as f64 * 60_000.0) / 60_000.0).round())
    };
    let offset = ask(minute)?;
    let later = ask(minute + SPAN);
    OFFSETS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.0 != zone {
            *cache = (zone.to_owned(), Vec::new());
        }
        let found = [(minute, Some(offset)), (minute + SPAN, later)];
        for (minute, offset) in found {
            let Some(offset) = offset else { continue };
            if let Err(at) = cache.1.binary_search_by_key(&minute, |&(m, _)| m) {
                cache.1.insert(at, (minute, offset));
            }
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
