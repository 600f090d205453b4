//! The browser shell: everything that touches JS or the DOM outside Yew, and the only
//! `#[wasm_bindgen]` items. [`mount`] is where the loader (`www/forum-widget.js`) hands
//! over a shadow root; [`Widget`] is what it gets back.
//!
//! - [`page`]: the options object and the page's languages, read into typed values;
//! - [`registry`]: idle Yew apps for reuse, and the mount counter;
//! - [`styles`]: the stylesheet adopted into each shadow root;
//! - [`host_events`], [`head_json_ld`], [`load`] and `fetch` (the full build), [`download`],
//!   [`intl`]: services the views call.
//!
//! A Rust panic aborts: it stops the wasm instance with a trap, which the loader hears of
//! through the glue (`scripts/dist.mjs` guards every call into the wasm) and answers with
//! the internal-error notice, in the language on screen, and a `forum-widget:error`.

pub mod download;
#[cfg(feature = "schedule")]
pub mod fetch;
pub mod head_json_ld;
pub mod host_events;
pub mod intl;
pub mod load;
mod page;
#[cfg(feature = "schedule")]
pub mod page_state;
mod registry;
mod styles;

use crate::ui::{App, AppProps};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};
use yew::prelude::*;
use yew::AppHandle;

/// A plain `{key: value}` object of strings, for an event's `detail` or `Intl`'s options.
pub fn object(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

#[derive(Properties, PartialEq, Clone)]
pub struct ShellProps {
    /// `None` while the app waits in the idle pool.
    app: Option<AppProps>,
    /// A new number for each mount, so a reused app starts with fresh state.
    generation: u32,
}

/// The root of every Yew app: the widget, or nothing while idle.
#[function_component]
pub fn Shell(props: &ShellProps) -> Html {
    match &props.app {
        Some(app) => html! { <App key={props.generation} ..app.clone() /> },
        None => Html::default(),
    }
}

/// One mounted widget; `update` re-renders it with new options, `unmount` removes
/// everything it added.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<Shell>>,
    container: Element,
    host: Element,
    generation: u32,
}

#[wasm_bindgen]
impl Widget {
    /// Re-renders with new options (same keys as [`mount`]) without reloading anything.
    pub fn update(&mut self, options: JsValue) {
        let app = page::app_props(&self.container, &self.host, &options);
        if let Some(handle) = self.handle.as_mut() {
            handle.update(ShellProps {
                app: Some(app),
                generation: self.generation,
            });
        }
    }

    /// Panics on purpose. Only the loader's test build (`dist-test/`) offers it, for the
    /// tests of how a page survives an internal error.
    #[wasm_bindgen(js_name = panicForTests)]
    pub fn panic_for_tests(&self) {
        panic!("panic requested by a test");
    }

    /// Removes the widget's nodes from the shadow root and its share of the page's
    /// JSON-LD; its Yew app goes idle for reuse.
    pub fn unmount(mut self) {
        // At once, not on Yew's next render: the page may look right after unmounting.
        head_json_ld::withdraw(&self.host, None);
        self.container.remove();
        if let Some(mut handle) = self.handle.take() {
            handle.update(ShellProps {
                app: None,
                generation: self.generation,
            });
            registry::park(self.container.clone(), handle);
        }
    }
}

/// Renders a widget into `root`, the open shadow root of `host`.
///
/// `options` is a plain object of strings named like the element's attributes (see
/// [`crate::options::NAMES`] and README.md), with `src` already absolute, and `now` as
/// ms since the epoch or a date string. `load_readers` loads the schedule readers'
/// module; `fetch(url, init)`, if given, is used instead of the global `fetch` for the
/// event file (the loader starts that request before the wasm has loaded).
#[wasm_bindgen]
pub fn mount(
    root: ShadowRoot,
    host: Element,
    options: JsValue,
    load_readers: Option<js_sys::Function>,
    fetch: Option<js_sys::Function>,
) -> Result<Widget, JsValue> {
    #[cfg(feature = "schedule")]
    fetch::set_loader_functions(load_readers, fetch);
    #[cfg(not(feature = "schedule"))]
    let _ = (load_readers, fetch);
    styles::adopt(&root)?;
    let generation = registry::next_generation();
    let (container, handle) = match registry::take_idle() {
        Some((container, handle)) => (container, Some(handle)),
        None => {
            let document = root.owner_document().ok_or_else(|| {
                JsValue::from_str("forum-widget: the shadow root has no document")
            })?;
            let container = document.create_element("div")?;
            container.set_class_name("fw-mount");
            (container, None)
        }
    };
    root.append_child(&container)?;
    let shell = ShellProps {
        app: Some(page::app_props(&container, &host, &options)),
        generation,
    };
    let handle = match handle {
        Some(mut handle) => {
            handle.update(shell);
            handle
        }
        None => yew::Renderer::<Shell>::with_root_and_props(container.clone(), shell).render(),
    };
    Ok(Widget {
        handle: Some(handle),
        container,
        host,
        generation,
    })
}
