//! Events the widget dispatches on its host element, for the embedding page:
//! `forum-widget:ready`, `forum-widget:error` and `forum-widget:select`
//! (all bubble and cross the shadow boundary).

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// The host element (absent in component tests that render without one).
#[derive(Clone, Default, PartialEq)]
pub struct Host(pub Option<Element>);

/// A plain `{key: value}` object of strings for an event's `detail`.
pub fn detail(pairs: &[(&str, &str)]) -> JsValue {
    super::object(pairs).into()
}

impl Host {
    pub fn emit(&self, name: &str, detail: &JsValue) {
        let Some(element) = &self.0 else { return };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) =
            CustomEvent::new_with_event_init_dict(&format!("forum-widget:{name}"), &init)
        {
            let _ = element.dispatch_event(&event);
        }
    }
}
