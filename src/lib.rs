//! An embeddable event widget: summary, speakers and programme of one event.
//!
//! `model` (parsing, validation, status) and `i18n` are pure Rust, tested natively.
//! Everything else is the browser shell; [`mount`] is the one place JS and Rust meet.

pub mod calendar;
pub mod i18n;
pub mod jsonld;
pub mod model;
pub mod options;
pub mod state;

mod app;
mod components;
mod fetch;
pub mod host;
pub mod intl;
mod seo;

pub use app::{App, AppProps};

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};
use yew::prelude::*;
use yew::AppHandle;

/// The wasm's allocator: talc, smaller than the default dlmalloc and as fast on a
/// 1,000-item programme. Moving blocks instead of resizing them in place keeps it smaller.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The widget's stylesheet, adopted into each shadow root (no `<style>` tag, CSP-safe):
/// `src/widget.css` without its comments and needless whitespace (see `build.rs`).
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
    /// Mounted widgets' containers, so a panic can put every one into an error state.
    static MOUNTED: RefCell<Vec<(Element, &'static i18n::Strings, Element)>> = const { RefCell::new(Vec::new()) };
    /// Idle Yew apps kept for reuse: Yew never removes the event listeners it puts on an
    /// app's root, so destroying an app would leak them; an idle app renders nothing.
    static IDLE: RefCell<Vec<(Element, AppHandle<Shell>)>> = const { RefCell::new(Vec::new()) };
    static GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

#[derive(Properties, PartialEq, Clone)]
struct ShellProps {
    /// `None` while the app waits in the idle pool.
    app: Option<AppProps>,
    /// A new number for each mount, so a reused app starts with fresh state.
    generation: u32,
}

#[function_component]
fn Shell(props: &ShellProps) -> Html {
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
        let props = props_for(&self.container, &self.host, &options);
        MOUNTED.with(|m| {
            for (container, strings, _) in m.borrow_mut().iter_mut() {
                if *container == self.container {
                    *strings = props.strings;
                }
            }
        });
        if let Some(handle) = self.handle.as_mut() {
            handle.update(ShellProps {
                app: Some(props),
                generation: self.generation,
            });
        }
    }

    /// Panics on purpose, for tests of how the page survives an internal error.
    #[wasm_bindgen(js_name = panicForTests)]
    pub fn panic_for_tests(&self) {
        panic!("panic requested by a test");
    }

    /// Removes the widget's nodes from the shadow root and its share of the page's
    /// JSON-LD; its Yew app goes idle for reuse.
    pub fn unmount(mut self) {
        // At once, not on Yew's next render: the page may look right after unmounting.
        seo::withdraw(&self.host, None);
        let container = self.container.clone();
        MOUNTED.with(|m| m.borrow_mut().retain(|(c, _, _)| *c != container));
        container.remove();
        if let Some(mut handle) = self.handle.take() {
            handle.update(ShellProps {
                app: None,
                generation: self.generation,
            });
            IDLE.with(|idle| idle.borrow_mut().push((container, handle)));
        }
    }
}

/// Renders a widget into `root`, the open shadow root of `host`.
///
/// `options` is a plain object of strings, named like the element's attributes:
/// `lang` (otherwise the page's `<html lang>`, then the browser's languages, then
/// English), `src` (absolute URL of an event file; otherwise the built-in event),
/// `view`, `sections`, `theme`, `heading-level`, and `now` (ms since the epoch or an
/// ISO date, for previews and tests).
#[wasm_bindgen]
pub fn mount(root: ShadowRoot, host: Element, options: JsValue) -> Result<Widget, JsValue> {
    install_panic_hook();
    adopt_styles(&root)?;
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    let reused = IDLE.with(|idle| idle.borrow_mut().pop());
    let (container, handle) = match reused {
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
        app: Some(props_for(&container, &host, &options)),
        generation,
    };
    if let Some(app) = &shell.app {
        MOUNTED.with(|m| {
            m.borrow_mut()
                .push((container.clone(), app.strings, host.clone()))
        });
    }
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

fn props_for(container: &Element, host: &Element, options: &JsValue) -> AppProps {
    let get = |key: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let parsed = options::Options::from_strings(get);
    let now_ms = js_sys::Reflect::get(options, &JsValue::from_str("now"))
        .ok()
        .and_then(|v| {
            v.as_f64()
                .or_else(|| v.as_string().map(|s| js_sys::Date::parse(&s)))
        })
        .filter(|ms| ms.is_finite());
    let candidates = container
        .owner_document()
        .map(|d| language_candidates(&d, parsed.lang.clone()))
        .unwrap_or_default();
    AppProps {
        strings: i18n::choose(candidates.iter().map(String::as_str)),
        options: parsed,
        now_ms,
        host: host::Host(Some(host.clone())),
    }
}

fn language_candidates(document: &web_sys::Document, lang: Option<String>) -> Vec<String> {
    let page = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"));
    let browser: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default();
    lang.into_iter().chain(page).chain(browser).collect()
}

fn adopt_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| -> Result<_, JsValue> {
        let mut cell = cell.borrow_mut();
        if let Some(sheet) = cell.as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(STYLES)?;
        *cell = Some(sheet.clone());
        Ok(sheet)
    })?;
    let sheets = root.adopted_style_sheets();
    if !sheets.includes(&sheet, 0) {
        sheets.push(&sheet);
        root.set_adopted_style_sheets(&sheets);
    }
    Ok(())
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            let message = match info.payload().downcast_ref::<&str>() {
                Some(s) => (*s).to_owned(),
                None => info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| "panic".to_owned()),
            };
            web_sys::console::error_1(&format!("forum-widget: internal error: {message}").into());
            show_internal_error(&message);
        }))
    });
}

/// Replaces every mounted widget's content with a plain error notice, built without
/// Yew because a panic may have left Yew's state unusable.
pub fn show_internal_error(message: &str) {
    let Ok(mounted) = MOUNTED.try_with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default())
    else {
        return;
    };
    for (container, t, host) in mounted {
        // The loader retires this wasm instance when it hears of an internal error.
        host::Host(Some(host)).emit(
            "error",
            &host::detail(&[
                ("message", &format!("internal error: {message}")),
                ("internal", "true"),
            ]),
        );
        let Some(document) = container.owner_document() else {
            continue;
        };
        let build = || -> Result<Element, JsValue> {
            let notice = document.create_element("div")?;
            notice.set_class_name("fw");
            notice.set_attribute("lang", t.tag)?;
            let error = document.create_element("div")?;
            error.set_class_name("error");
            error.set_attribute("role", "status")?;
            let title = document.create_element("p")?;
            title.set_class_name("error-title");
            title.set_text_content(Some(t.error_title));
            let detail = document.create_element("p")?;
            detail.set_class_name("error-message");
            detail.set_text_content(Some(&i18n::fill(t.error_internal, &[message])));
            error.append_child(&title)?;
            error.append_child(&detail)?;
            notice.append_child(&error)?;
            Ok(notice)
        };
        if let Ok(notice) = build() {
            container.set_text_content(None);
            let _ = container.append_child(&notice);
        }
    }
}
