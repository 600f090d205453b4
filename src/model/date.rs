//! Calendar dates and wall-clock times as the event data states them.
//!
//! They carry no time zone of their own: the event's IANA zone gives them meaning,
//! and the browser's `Intl` does all zone arithmetic, so no zone database ships here.

use crate::json::{Error, FromJson, Reader};
use serde::{de, Serialize, Serializer};
#[cfg(feature = "serde-reference")]
use serde::{Deserialize, Deserializer};
use std::fmt;

/// A day of the proleptic Gregorian calendar, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A wall-clock time of day, written `HH:MM` (24-hour).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    /// Builds a date, refusing days that do not exist (30 February, month 13, …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(digits(y)? as i32, digits(m)? as u8, digits(d)? as u8)
    }

    /// Days since 1970-01-01 (negative before it); the civil-from-days inverse.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (the inverse of [`Date::days_since_epoch`]).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The following day.
    pub fn next_day(self) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + 1)
    }

    /// Milliseconds since the Unix epoch at 00:00 UTC of this date (for `Intl` with `timeZone: "UTC"`).
    pub fn utc_midnight_ms(self) -> f64 {
        self.days_since_epoch() as f64 * 86_400_000.0
    }
}

impl Time {
    /// Parses exactly `HH:MM`, 00:00 to 23:59.
    pub fn parse(s: &str) -> Option<Time> {
        let (h, m) = s.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (hour, minute) = (digits(h)?, digits(m)?);
        (hour < 24 && minute < 60).then_some(Time {
            hour: hour as u8,
            minute: minute as u8,
        })
    }

    pub fn minutes(self) -> u32 {
        u32::from(self.hour) * 60 + u32::from(self.minute)
    }
}

/// A programme item's start or end: the wall clock in the event's zone, written `HH:MM`
/// (on the item's date), or in full, `YYYY-MM-DDTHH:MM[:SS]` with an optional `Z` or
/// `±HH:MM`, for items that cross midnight or whose offset the data states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Clock {
    /// The calendar date, when written; else the item's date.
    pub date: Option<Date>,
    pub time: Time,
    /// Minutes east of UTC, when written.
    pub offset: Option<i16>,
}

impl Clock {
    pub fn parse(s: &str) -> Option<Clock> {
        if s.len() == 5 {
            return Some(Clock {
                date: None,
                time: Time::parse(s)?,
                offset: None,
            });
        }
        let (date, rest) = (s.get(..10)?, s.get(10..)?);
        let rest = rest.strip_prefix('T')?;
        let time = Time::parse(rest.get(..5)?)?;
        let mut rest = &rest[5..];
        // Seconds are dropped: the programme shows minutes.
        if rest.starts_with(':') {
            digits(rest.get(1..3)?).filter(|s| *s < 60)?;
            rest = &rest[3..];
        }
        let offset = match rest {
            "" => None,
            "Z" => Some(0),
            _ => {
                let sign = match rest.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let at = Time::parse(rest.get(1..)?)?;
                Some(sign * at.minutes() as i16)
            }
        };
        Some(Clock {
            date: Some(Date::parse(date)?),
            time,
            offset,
        })
    }

    /// The calendar date, given the item's.
    pub fn on(self, item_date: Date) -> Date {
        self.date.unwrap_or(item_date)
    }

    /// Milliseconds since the epoch, when the offset is written.
    pub fn instant_ms(self, item_date: Date) -> Option<f64> {
        let offset = self.offset?;
        let minutes = i64::from(self.time.minutes()) - i64::from(offset);
        Some(self.on(item_date).utc_midnight_ms() + minutes as f64 * 60_000.0)
    }
}

impl From<Time> for Clock {
    /// `HH:MM` on the item's date, offset from the event's zone.
    fn from(time: Time) -> Clock {
        Clock {
            date: None,
            time,
            offset: None,
        }
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(date) = self.date {
            write!(f, "{date}T")?;
        }
        write!(f, "{}", self.time)?;
        match self.offset {
            Some(0) => f.write_str("Z"),
            Some(off) => {
                let sign = if off < 0 { '-' } else { '+' };
                let a = off.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", a / 60, a % 60)
            }
            None => Ok(()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

macro_rules! string_serde {
    ($ty:ty, $expected:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> FromJson<'de> for $ty {
            fn read(r: &mut Reader<'de>) -> Result<Self, Error> {
                let s = r.text("a string")?;
                <$ty>::parse(&s).ok_or_else(|| {
                    de::Error::custom(format_args!("`{}` is not a valid {}", s, $expected))
                })
            }
        }

        impl crate::json::compact::FromCompact for $ty {
            fn take(r: &mut crate::json::compact::Compact) -> Option<Self> {
                <$ty>::parse(r.token())
            }
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl crate::json::compact::ToCompact for $ty {
            fn put(&self, out: &mut String) {
                crate::json::compact::token(out, &self.to_string());
            }
        }

        #[cfg(feature = "serde-reference")]
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$ty>::parse(&s).ok_or_else(|| {
                    de::Error::custom(format_args!("`{}` is not a valid {}", s, $expected))
                })
            }
        }
    };
}

string_serde!(Date, "date (expected YYYY-MM-DD)");
string_serde!(Time, "time (expected HH:MM, 24-hour)");
string_serde!(
    Clock,
    "time (expected HH:MM, 24-hour, or YYYY-MM-DDTHH:MM with an optional offset)"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_and_refuses_impossible_ones() {
        assert_eq!(Date::parse("2023-11-13"), Date::new(2023, 11, 13));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-11-31",
            "23-11-13",
            "2023-1-13",
            "2023-11-13T00:00",
            "",
            "2023/11/13",
            "+023-11-13",
            "2023-11-1a",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip_through_civil_dates() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2023-11-13",
            "2023-12-31",
            "2024-02-28",
        ] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        }
        assert_eq!(
            Date::parse("2023-12-31").unwrap().next_day().to_string(),
            "2024-01-01"
        );
    }

    #[test]
    fn day_numbers_match_known_epoch_offsets() {
        assert_eq!(
            Date::parse("1970-01-01").map(Date::days_since_epoch),
            Some(0)
        );
        assert_eq!(
            Date::parse("2000-03-01").map(Date::days_since_epoch),
            Some(11_017)
        );
        // 2023-11-13T00:00:00Z is 1699833600 s after the epoch.
        assert_eq!(
            Date::parse("2023-11-13").map(Date::utc_midnight_ms),
            Some(1_699_833_600_000.0)
        );
        assert_eq!(
            Date::parse("1969-12-31").map(Date::days_since_epoch),
            Some(-1)
        );
    }

    #[test]
    fn clocks_are_a_time_or_a_full_date_time() {
        let short = Clock::parse("09:30").unwrap();
        assert_eq!((short.date, short.offset), (None, None));
        let late = Clock::parse("2019-12-28T00:30:00+01:00").unwrap();
        assert_eq!(late.date, Date::new(2019, 12, 28));
        assert_eq!(late.offset, Some(60));
        assert_eq!(late.to_string(), "2019-12-28T00:30+01:00");
        // 2019-12-27T23:30Z is 1577489400 s after the epoch.
        let utc = Clock::parse("2019-12-28T00:30+01:00").unwrap();
        assert_eq!(
            utc.instant_ms(Date::new(2019, 12, 27).unwrap()),
            Some(1_577_489_400_000.0)
        );
        assert_eq!(
            Clock::parse("2026-08-27T10:50-05:00").unwrap().offset,
            Some(-300)
        );
        assert_eq!(
            Clock::parse("2026-10-02T09:00")
                .unwrap()
                .instant_ms(Date::new(2026, 10, 2).unwrap()),
            None
        );
        for bad in [
            "9:30",
            "2019-12-28",
            "2019-12-28T24:00",
            "2019-12-28 00:30",
            "2019-12-28T00:30+1",
            "2019-12-28T00:30:61",
        ] {
            assert_eq!(Clock::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_times_in_24_hour_form() {
        assert_eq!(Time::parse("09:30").map(Time::minutes), Some(570));
        assert_eq!(
            Time::parse("23:59").map(|t| t.to_string()),
            Some("23:59".into())
        );
        for bad in ["24:00", "9:30", "09:60", "0930", "09:30:00", "ab:cd", ""] {
            assert_eq!(Time::parse(bad), None, "{bad}");
        }
    }
}
