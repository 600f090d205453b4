//! Where the event stands relative to "now", judged by the calendar in the event's zone.

use super::date::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Starts `days_until` days after today (≥ 1).
    Upcoming {
        days_until: i64,
    },
    UnderWay,
    TookPlace,
}

/// `today` is the current date in the event's own time zone (the browser shell finds it
/// with `Intl`; tests pass any date), so the clock is injected, not read.
pub fn status(start: Date, end: Date, today: Date) -> Status {
    if today < start {
        Status::Upcoming {
            days_until: start.days_since_epoch() - today.days_since_epoch(),
        }
    } else if today <= end {
        Status::UnderWay
    } else {
        Status::TookPlace
    }
}
