//! What this wasm instance holds between calls: the mounted widgets (for the panic
//! path), idle Yew apps (for reuse), and the mount counter.

use super::Shell;
use std::cell::{Cell, RefCell};
use web_sys::Element;
use yew::AppHandle;

/// A widget on screen.
#[derive(Clone)]
pub struct Mounted {
    /// The element Yew renders into, inside the shadow root.
    pub container: Element,
    /// The `<forum-widget>` element, which receives the widget's events.
    pub host: Element,
    /// The loader's callback for an internal error.
    pub on_internal_error: Option<js_sys::Function>,
}

/// A Yew app no widget uses. Yew never removes the event listeners it puts on an app's
/// root, so destroying an app would leak them; an idle app renders nothing.
struct Idle {
    container: Element,
    handle: AppHandle<Shell>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static IDLE: RefCell<Vec<Idle>> = const { RefCell::new(Vec::new()) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

pub fn remember(widget: Mounted) {
    MOUNTED.with(|m| m.borrow_mut().push(widget));
}

pub fn forget(container: &Element) {
    MOUNTED.with(|m| m.borrow_mut().retain(|w| w.container != *container));
}

/// The mounted widgets, or none when the registry cannot be read (during a panic
/// inside a borrow of it).
pub fn mounted() -> Vec<Mounted> {
    MOUNTED
        .try_with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default())
        .unwrap_or_default()
}

pub fn park(container: Element, handle: AppHandle<Shell>) {
    IDLE.with(|idle| idle.borrow_mut().push(Idle { container, handle }));
}

pub fn take_idle() -> Option<(Element, AppHandle<Shell>)> {
    IDLE.with(|idle| idle.borrow_mut().pop())
        .map(|idle| (idle.container, idle.handle))
}

/// A new number for each mount.
pub fn next_generation() -> u32 {
    GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    })
}
