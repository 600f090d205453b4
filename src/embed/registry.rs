//! What this wasm instance holds between calls: idle Yew apps (for reuse), and the
//! mount counter.

use super::Shell;
use std::cell::{Cell, RefCell};
use web_sys::Element;
use yew::AppHandle;

/// A Yew app no widget uses. Yew never removes the event listeners it puts on an app's
/// root, so destroying an app would leak them; an idle app renders nothing.
struct Idle {
    container: Element,
    handle: AppHandle<Shell>,
}

thread_local! {
    static IDLE: RefCell<Vec<Idle>> = const { RefCell::new(Vec::new()) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
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
