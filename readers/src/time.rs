//! Date-times as schedules write them: a wall clock, with the UTC offset when the data
//! gives one. No zone database: offsets come from the data, never from the machine.

/// Days from 1970-01-01 to `year-month-day` (proleptic Gregorian).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A wall-clock moment, with the offset from UTC in seconds when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    /// Days since 1970-01-01 of the wall-clock date.
    pub days: i64,
    /// Seconds since the wall-clock midnight, `0..86_400`.
    pub secs: u32,
    pub offset: Option<i32>,
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses exactly `YYYY-MM-DD` into days since 1970-01-01.
pub fn parse_date(s: &str) -> Option<i64> {
    let (y, rest) = s.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (i64::from(number(y)?), number(m)?, number(d)?);
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| days_from_civil(y, m, d))
}

/// Parses `HH:MM` or `HH:MM:SS` (hours 0–23) into seconds since midnight.
pub fn parse_clock(s: &str) -> Option<u32> {
    let mut parts = s.split(':');
    let h = parts.next().filter(|p| p.len() == 2).and_then(number)?;
    let m = parts.next().filter(|p| p.len() == 2).and_then(number)?;
    let sec = match parts.next() {
        // Fractions of a second are dropped.
        Some(p) => p
            .get(..2)
            .filter(|_| p.len() == 2 || p.as_bytes().get(2) == Some(&b'.'))
            .and_then(number)?,
        None => 0,
    };
    (parts.next().is_none() && h < 24 && m < 60 && sec < 60).then_some(h * 3600 + m * 60 + sec)
}

/// Parses `±HH:MM`, `±HHMM`, `±HH` or `Z` into seconds east of UTC.
pub fn parse_offset(s: &str) -> Option<i32> {
    if s == "Z" || s == "z" {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &s[1..];
    let (h, m) = match rest.len() {
        2 => (rest, "00"),
        4 => (&rest[..2], &rest[2..]),
        5 if rest.as_bytes()[2] == b':' => (&rest[..2], &rest[3..]),
        _ => return None,
    };
    let (h, m) = (number(h)?, number(m)?);
    (h < 24 && m < 60).then(|| sign * (h * 3600 + m * 60) as i32)
}

impl DateTime {
    /// Parses ISO 8601 as schedules write it: `YYYY-MM-DDTHH:MM[:SS[.fff]]` then an
    /// optional `Z` or `±HH:MM`; a space may stand for the `T`.
    pub fn parse(s: &str) -> Option<DateTime> {
        let s = s.trim();
        let (date, rest) = (s.get(..10)?, s.get(10..)?);
        if !matches!(rest.as_bytes().first(), Some(b'T' | b't' | b' ')) {
            return None;
        }
        let rest = &rest[1..];
        let split = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
        let (clock, offset) = rest.split_at(split);
        Some(DateTime {
            days: parse_date(date)?,
            secs: parse_clock(clock)?,
            offset: if offset.is_empty() {
                None
            } else {
                Some(parse_offset(offset)?)
            },
        })
    }

    /// Seconds since the Unix epoch, when the offset is known.
    pub fn instant(&self) -> Option<i64> {
        self.offset
            .map(|off| self.days * 86_400 + i64::from(self.secs) - i64::from(off))
    }

    /// Seconds since the epoch of the wall clock as if it were UTC: orders times of one
    /// offset-less schedule.
    pub fn wall_seconds(&self) -> i64 {
        self.days * 86_400 + i64::from(self.secs)
    }

    /// The same instant (or wall clock, if the offset is unknown) `secs` later.
    pub fn plus(&self, secs: i64) -> DateTime {
        let total = self.wall_seconds() + secs;
        DateTime {
            days: total.div_euclid(86_400),
            secs: total.rem_euclid(86_400) as u32,
            offset: self.offset,
        }
    }

    /// The same instant on the wall clock of `offset`; unchanged if this one has none.
    pub fn at_offset(&self, offset: i32) -> DateTime {
        match self.offset {
            Some(own) => DateTime {
                offset: Some(offset),
                ..self.plus(i64::from(offset) - i64::from(own))
            },
            None => *self,
        }
    }

    /// `YYYY-MM-DD` of the wall clock.
    pub fn date_string(&self) -> String {
        let (y, m, d) = civil_from_days(self.days);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `YYYY-MM-DDTHH:MM[:SS]` plus `Z`/`±HH:MM` when the offset is known.
    pub fn to_iso(&self) -> String {
        let (h, m, s) = (self.secs / 3600, self.secs / 60 % 60, self.secs % 60);
        let mut out = format!("{}T{h:02}:{m:02}", self.date_string());
        if s != 0 {
            out.push_str(&format!(":{s:02}"));
        }
        if let Some(off) = self.offset {
            out.push_str(&offset_string(off));
        }
        out
    }
}

/// `+01:00`, `-05:00`, `Z` for zero.
pub fn offset_string(offset: i32) -> String {
    if offset == 0 {
        return "Z".to_owned();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let a = offset.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 3600, a / 60 % 60)
}

/// Like [`offset_string`] but `+00:00` for zero: the form of the `utc_offset` field.
pub fn utc_offset_field(offset: i32) -> String {
    if offset == 0 {
        "+00:00".to_owned()
    } else {
        offset_string(offset)
    }
}

/// A length in any shape schedules use, in seconds: `H:MM`/`HH:MM` (hours may pass
/// 23), `HH:MM:SS`, ISO 8601 `PT1H30M`/`P1DT2H`, or whole minutes (`45`).
pub fn parse_duration(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(iso) = s.strip_prefix(['P', 'p']) {
        return parse_iso_duration(iso);
    }
    if let Some(minutes) = number(s) {
        return Some(i64::from(minutes) * 60);
    }
    let parts: Vec<&str> = s.split(':').collect();
    let ok = |p: &&str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(ok) {
        return None;
    }
    let n = |i: usize| parts.get(i).and_then(|p| p.parse::<i64>().ok());
    let (h, m, sec) = (n(0)?, n(1)?, n(2).unwrap_or(0));
    (parts[1].len() == 2 && m < 60 && sec < 60).then_some(h * 3600 + m * 60 + sec)
}

fn parse_iso_duration(s: &str) -> Option<i64> {
    let mut total = 0i64;
    let mut in_time = false;
    let mut digits = String::new();
    let mut any = false;
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c),
            'T' | 't' if digits.is_empty() && !in_time => in_time = true,
            unit => {
                let n: i64 = digits.parse().ok()?;
                digits.clear();
                let secs = match (in_time, unit.to_ascii_uppercase()) {
                    (false, 'W') => 604_800,
                    (false, 'D') => 86_400,
                    (true, 'H') => 3600,
                    (true, 'M') => 60,
                    (true, 'S') => 1,
                    _ => return None,
                };
                total = total.checked_add(n.checked_mul(secs)?)?;
                any = true;
            }
        }
    }
    (any && digits.is_empty()).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 18_000, 20_405, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(19_674), (2023, 11, 13));
    }

    #[test]
    fn date_times_in_the_shapes_schedules_write() {
        let t = DateTime::parse("2019-12-27T23:30:00+01:00").unwrap();
        assert_eq!(t.to_iso(), "2019-12-27T23:30+01:00");
        assert_eq!(
            t.instant(),
            Some(days_from_civil(2019, 12, 27) * 86_400 + 22 * 3600 + 1800)
        );
        assert_eq!(
            DateTime::parse("2026-08-27T15:50:00Z").unwrap().offset,
            Some(0)
        );
        assert_eq!(DateTime::parse("2026-10-02T09:00:00").unwrap().offset, None);
        assert_eq!(
            DateTime::parse("2026-10-02 09:00:05.123-05:00")
                .unwrap()
                .to_iso(),
            "2026-10-02T09:00:05-05:00"
        );
        for bad in [
            "2019-12-27",
            "2019-12-27T25:00",
            "2019-02-30T10:00",
            "2019-12-27T10:00+1",
            "x",
        ] {
            assert_eq!(DateTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn instants_move_between_offsets() {
        let utc = DateTime::parse("2026-08-27T15:50:00Z").unwrap();
        let lima = utc.at_offset(-5 * 3600);
        assert_eq!(lima.to_iso(), "2026-08-27T10:50-05:00");
        assert_eq!(lima.instant(), utc.instant());
        let late = DateTime::parse("2019-12-27T23:30+01:00")
            .unwrap()
            .plus(3600);
        assert_eq!(late.to_iso(), "2019-12-28T00:30+01:00");
    }

    #[test]
    fn durations_in_every_shape_seen() {
        assert_eq!(parse_duration("0:30"), Some(1800));
        assert_eq!(parse_duration("01:00"), Some(3600));
        assert_eq!(parse_duration("26:15"), Some(26 * 3600 + 900));
        assert_eq!(parse_duration("00:05:00"), Some(300));
        assert_eq!(parse_duration("45"), Some(2700));
        assert_eq!(parse_duration("PT1H00M"), Some(3600));
        assert_eq!(parse_duration("P1DT2H"), Some(93_600));
        for bad in ["", "1:5", "abc", "PT", "P1H", "-1:00", "1:60"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
