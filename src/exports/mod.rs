//! What the widget exports, as pure functions of the event: calendar entries
//! ([`entry`]) written as iCalendar files ([`ics`]) or calendar links ([`links`]), and
//! schema.org structured data ([`schema_org`]). Times are turned into UTC by a function
//! the caller passes (the browser's `Intl` in the widget, a fixed offset in tests), so no
//! time-zone database ships.

pub mod entry;
pub mod ics;
pub mod links;
pub mod schema_org;

pub use entry::{event_entry, item_entry, Entry, ToUtc, When};
pub use ics::ics;
pub use links::{google_link, outlook_link};
pub use schema_org::json_ld;
