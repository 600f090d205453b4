//! An embeddable event widget: summary, people and programme of one event.
//!
//! Data flows one way: event file → [`model`] → view state → views.
//!
//! - Pure Rust, no `web_sys`, tested natively with `cargo test`: [`model`] (the event,
//!   dates and day arithmetic, validation, status, search and filters), [`json`] (the
//!   strict reader and the JSON-LD writer), [`exports`] (iCalendar, calendar links,
//!   schema.org), [`i18n`] (interface strings) and [`options`] (embedding options).
//! - [`embed`]: the browser shell, everything that touches JS or the DOM outside Yew and
//!   the only `#[wasm_bindgen]` items (mount / update / unmount, host events, the
//!   page's JSON-LD, fetch, downloads, `Intl`).
//! - [`ui`]: Yew components and hooks, which turn view state into HTML and input into
//!   actions.

pub mod embed;
pub mod exports;
pub mod i18n;
pub mod json;
pub mod model;
pub mod options;
pub mod ui;

pub use embed::{mount, Widget};
pub use ui::{App, AppProps};

/// The wasm's allocator: talc, smaller than the default dlmalloc and as fast on a
/// 1,000-item programme. Moving blocks instead of resizing them in place keeps it smaller.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The widget's stylesheet, adopted into each shadow root (no `<style>` tag, CSP-safe):
/// `src/widget.css` without its comments and needless whitespace (see `build.rs`).
#[cfg(not(feature = "schedule"))]
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
/// `src/widget.css`, then `src/schedule.css` for large programmes, minified (see `build.rs`).
#[cfg(feature = "schedule")]
pub const STYLES: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/widget.css")),
    include_str!(concat!(env!("OUT_DIR"), "/schedule.css"))
);
