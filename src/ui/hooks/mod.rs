//! The hooks that connect a widget to the browser shell: loading the event, telling the
//! host page what happened, the page's JSON-LD, and focus after a cross-link.

mod use_event;
mod use_focus;
mod use_host_events;
mod use_json_ld;

pub use use_event::{use_event, Load};
pub use use_focus::use_focus;
pub use use_host_events::use_host_events;
pub use use_json_ld::use_json_ld;
