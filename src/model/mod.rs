//! The event data model: pure Rust, no browser APIs, tested with plain `cargo test`.
//! `event` is the data, `text` the choice of language, `date` the calendar and all day
//! arithmetic, `parse` reading and validation, `status` upcoming / under way / past,
//! `search` the programme's search and filters.

pub mod date;
pub mod deep_link;
pub mod event;
pub mod id_set;
pub mod parse;
pub mod rich;
pub mod search;
pub mod status;
pub mod text;
pub mod timetable;

pub use date::{Clock, Date, Time};
pub use event::*;
pub use id_set::IdSet;
pub use parse::{parse_event, EventError};
pub use search::{keep, Filter, FilterChoices, SearchIndex};
pub use status::{status, Status};
pub use text::{LocalizedText, Shown};
pub use timetable::{Cell, Grid, Now};

/// The event compiled into the widget: the 5th China–CEEC (Cangzhou) SME Cooperation Forum,
/// as written in `data/` (the tests edit this text).
pub const BUILT_IN_EVENT_JSON: &str = include_str!("../../data/forum-2023.json");

/// The same file without the whitespace between its tokens (`build.rs`): what the wasm
/// holds and reads.
pub const BUILT_IN_EVENT_MINIFIED: &str =
    include_str!(concat!(env!("OUT_DIR"), "/forum-2023.json"));

/// The built-in event, read without the checks an event file from elsewhere gets: the
/// tests check it ([`parse::parse_event`] accepts it and gives the same event), and the
/// default build, which shows nothing else, leaves those checks and their messages out.
#[cfg(not(all(target_arch = "wasm32", not(feature = "schedule"))))]
pub fn built_in_event() -> Result<Event, EventError> {
    parse::read_trusted(BUILT_IN_EVENT_MINIFIED)
}

/// The built-in event in its positional form (`build.rs`, `src/json/compact.rs`), with its
/// programme already in order.
pub const BUILT_IN_EVENT_COMPACT: &str =
    include_str!(concat!(env!("OUT_DIR"), "/forum-2023.compact"));

/// The default build's built-in event, read from its positional form: the default build
/// reads no JSON at all, so it carries neither the JSON reader nor the readers of the
/// event's types (12.5 KB gzip). A native test checks that both forms give the same event.
#[cfg(all(target_arch = "wasm32", not(feature = "schedule")))]
pub fn built_in_event() -> Result<Event, EventError> {
    built_in_event_compact()
}

/// The built-in event read from [`BUILT_IN_EVENT_COMPACT`].
pub fn built_in_event_compact() -> Result<Event, EventError> {
    use crate::json::compact::{Compact, FromCompact};
    Event::take(&mut Compact::new(BUILT_IN_EVENT_COMPACT)).ok_or_else(|| EventError {
        path: ".".into(),
        problem: "the built-in event's positional form does not match its types".into(),
    })
}
