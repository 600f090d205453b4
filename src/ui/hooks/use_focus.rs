//! After a cross-link, focus moves to the opened entry (which scrolls it into view).

use crate::ui::Target;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the element of `focus` inside the shadow root that holds `root`.
#[hook]
pub fn use_focus(root: NodeRef, focus: Option<(u32, Target)>) {
    use_effect_with(focus, move |focus| {
        let found = focus.as_ref().and_then(|(_, target)| {
            let shadow = root.cast::<web_sys::Element>()?.get_root_node();
            let fragment = shadow.dyn_into::<web_sys::DocumentFragment>().ok()?;
            fragment
                .get_element_by_id(&target.anchor())?
                .dyn_into::<web_sys::HtmlElement>()
                .ok()
        });
        if let Some(element) = found {
            let _ = element.focus();
        }
    });
}
