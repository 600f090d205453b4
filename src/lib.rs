//! An embeddable event widget: summary, speakers and programme of one event.
//!
//! `model` (parsing, validation, status) and `i18n` are pure Rust, tested natively.
//! Everything else is the browser shell; [`mount`] is the one place JS and Rust meet.

pub mod i18n;
pub mod model;
pub mod state;

mod app;
mod components;
mod fetch;
mod intl;

pub use app::{App, AppProps};

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};
use yew::AppHandle;

/// The widget's stylesheet, adopted into each shadow root (no `<style>` tag, CSP-safe).
pub const STYLES: &str = include_str!("widget.css");

thread_local! {
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
    /// Mounted widgets' containers, so a panic can put every one into an error state.
    static MOUNTED: RefCell<Vec<(Element, &'static i18n::Strings)>> = const { RefCell::new(Vec::new()) };
}

/// One mounted widget; `unmount` removes everything it added.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
    container: Element,
}

#[wasm_bindgen]
impl Widget {
    /// Tears the widget down and removes its nodes from the shadow root.
    pub fn unmount(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        let container = self.container.clone();
        MOUNTED.with(|m| m.borrow_mut().retain(|(c, _)| *c != container));
        container.remove();
    }
}

/// Renders a widget into `root`.
///
/// `lang`: interface language tag (otherwise the page's `<html lang>`, then the
/// browser's languages, then English). `src`: absolute URL of an event file
/// (otherwise the built-in event). `view`: `summary`, `speakers` or `program`.
#[wasm_bindgen]
pub fn mount(
    root: ShadowRoot,
    lang: Option<String>,
    src: Option<String>,
    view: Option<String>,
) -> Result<Widget, JsValue> {
    install_panic_hook();
    adopt_styles(&root)?;
    let document = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("forum-widget: the shadow root has no document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("fw-mount");
    root.append_child(&container)?;

    let strings = i18n::choose(
        language_candidates(&document, lang)
            .iter()
            .map(String::as_str),
    );
    MOUNTED.with(|m| m.borrow_mut().push((container.clone(), strings)));
    let props = AppProps {
        src: src.filter(|s| !s.trim().is_empty()).map(Into::into),
        strings,
        view: view.as_deref().and_then(state::Tab::parse),
        now_ms: None,
    };
    let handle = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
    Ok(Widget {
        handle: Some(handle),
        container,
    })
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
    }));
}

/// Replaces every mounted widget's content with a plain error notice, built without
/// Yew because a panic may have left Yew's state unusable.
pub fn show_internal_error(message: &str) {
    let Ok(mounted) = MOUNTED.try_with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default())
    else {
        return;
    };
    for (container, t) in mounted {
        let Some(document) = container.owner_document() else {
            continue;
        };
        let build = || -> Result<Element, JsValue> {
            let notice = document.create_element("div")?;
            notice.set_class_name("fw");
            notice.set_attribute("lang", t.tag)?;
            let error = document.create_element("div")?;
            error.set_class_name("error");
            error.set_attribute("role", "alert")?;
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
