//! The widget's own width (not the viewport's): read from the host element at once, then
//! followed with a `ResizeObserver`. A large programme picks its layout and how many
//! room columns fit by it.

use crate::embed::host_events::Host;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Widths are rounded to this step, so that a resize re-renders only when it matters.
const STEP: f64 = 8.0;

fn rounded(width: f64) -> u32 {
    ((width / STEP).floor() * STEP) as u32
}

/// The host element's content width in CSS pixels (0 without a host).
#[hook]
pub fn use_width(host: &Host) -> u32 {
    let initial = host
        .0
        .as_ref()
        .map_or(0, |e| rounded(f64::from(e.client_width())));
    let width = use_state_eq(|| initial);
    {
        let width = width.clone();
        use_effect_with(host.clone(), move |host| {
            let observed = host.0.clone().and_then(|element| {
                let on_resize =
                    Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let entry = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>();
                        if let Ok(entry) = entry {
                            width.set(rounded(entry.content_rect().width()));
                        }
                    });
                let observer =
                    web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}
