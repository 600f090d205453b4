//! A Rust panic stops this wasm instance for good. Every widget it shows is replaced by
//! a plain-DOM notice (Yew's state may be unusable), in the language on screen; the
//! loader hears of it through the callback it passed to `mount`, and the host page
//! through a `forum-widget:error` event.

use super::host_events::{detail, Host};
use super::registry;
use crate::i18n::{self, fill};
use wasm_bindgen::JsValue;
use web_sys::Element;

pub fn install_hook() {
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

/// The language the widget in `container` shows: its root's `lang`.
fn language_on_screen(container: &Element) -> &'static i18n::Strings {
    let lang = container
        .query_selector(".fw")
        .ok()
        .flatten()
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_default();
    i18n::strings_for(&lang)
}

/// Replaces every mounted widget's content with a plain error notice.
pub fn show_internal_error(message: &str) {
    for widget in registry::mounted() {
        let t = language_on_screen(&widget.container);
        if let Some(callback) = &widget.on_internal_error {
            let _ = callback.call1(&JsValue::NULL, &JsValue::from_str(message));
        }
        Host(Some(widget.host.clone())).emit(
            "error",
            &detail(&[
                ("message", &format!("internal error: {message}")),
                ("internal", "true"),
            ]),
        );
        let Some(document) = widget.container.owner_document() else {
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
            detail.set_text_content(Some(&fill(t.error_internal, &[message])));
            error.append_child(&title)?;
            error.append_child(&detail)?;
            notice.append_child(&error)?;
            Ok(notice)
        };
        if let Ok(notice) = build() {
            widget.container.set_text_content(None);
            let _ = widget.container.append_child(&notice);
        }
    }
}
