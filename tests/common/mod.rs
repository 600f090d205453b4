//! Helpers shared by the native test files.

use forum_widget::model::{Date, Time};

/// UTC+8 all year, as Asia/Shanghai has been since 1991: wall clock → ms since the epoch.
pub fn utc8(date: Date, time: Time) -> Option<f64> {
    Some(date.utc_midnight_ms() + f64::from(time.minutes()) * 60_000.0 - 8.0 * 3_600_000.0)
}

/// Calendar entries for the event and every programme item, times at UTC+8.
pub fn all_entries(
    event: &forum_widget::model::Event,
    t: &forum_widget::i18n::Strings,
) -> Vec<forum_widget::exports::Entry> {
    let mut entries = vec![forum_widget::exports::event_entry(event, t)];
    entries.extend(
        event
            .program
            .iter()
            .map(|i| forum_widget::exports::item_entry(event, i, t, &utc8)),
    );
    entries
}
