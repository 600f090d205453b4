//! The hooks that connect a widget to the browser shell: loading the event, telling the
//! host page what happened, the page's JSON-LD, focus after a cross-link, the page's URL
//! hash and the reader's stars, the widget's width, the clock, and drawing the rest of a view
//! after the first paint.

mod after_paint;
#[cfg(feature = "schedule")]
mod use_after_paint;
mod use_event;
mod use_focus;
mod use_host_events;
mod use_json_ld;
#[cfg(feature = "schedule")]
mod use_now;
#[cfg(feature = "schedule")]
mod use_page_state;
#[cfg(feature = "schedule")]
mod use_width;

#[cfg(feature = "schedule")]
pub use use_after_paint::use_after_paint;
pub use use_event::{use_event, Load};
pub use use_focus::use_focus;
pub use use_host_events::use_host_events;
pub use use_json_ld::use_json_ld;
#[cfg(feature = "schedule")]
pub use use_now::use_now;
#[cfg(feature = "schedule")]
pub use use_page_state::{days_of, use_page_state};
#[cfg(feature = "schedule")]
pub use use_width::use_width;
