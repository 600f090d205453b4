//! The browser's `Intl`: [`bindings`] to its objects, [`zone`] arithmetic, and
//! [`format`]ting in the reader's language.

pub mod bindings;
pub mod format;
pub mod zone;

pub use format::*;
pub use zone::{check_zone, date_in_zone, instant, wall_clock, zone_is_known};
