//! Component tests in a real headless browser (wasm-bindgen-test), one module per part
//! of the widget: each section renders what it should, the tabs and links switch
//! sections, and the embed shell mounts and updates.
#![cfg(target_arch = "wasm32")]

mod embed;
mod languages;
mod people;
mod programme;
mod sections;
mod summary;
mod zones;

use forum_widget::i18n::strings_for;
use forum_widget::options::Options;
use forum_widget::options::Section;
use forum_widget::{App, AppProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

/// 2023-11-13 12:00 in Cangzhou (04:00 UTC).
pub(crate) const DURING_FORUM_MS: f64 = 1_699_848_000_000.0;
/// 2026-11-24 00:00 UTC.
pub(crate) const AFTER_FORUM_MS: f64 = 1_795_478_400_000.0;

pub(crate) fn shadow_host() -> ShadowRoot {
    let document = gloo::utils::document();
    let host = document.create_element("test-widget-host").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap()
}

pub(crate) fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&object, &(*k).into(), &(*v).into()).unwrap();
    }
    object.into()
}

pub(crate) async fn render(lang: &str, view: Option<Section>, now_ms: f64) -> ShadowRoot {
    let root = shadow_host();
    let container = gloo::utils::document().create_element("div").unwrap();
    root.append_child(&container).unwrap();
    let props = AppProps {
        options: Options {
            view,
            ..Options::default()
        },
        strings: strings_for(lang),
        now_ms: Some(now_ms),
        host: Default::default(),
    };
    yew::Renderer::<App>::with_root_and_props(container, props).render();
    yew::scheduler::flush().await;
    root
}

pub(crate) fn query(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub(crate) fn all_text(root: &ShadowRoot, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

pub(crate) fn selected_tab(root: &ShadowRoot) -> String {
    query(root, "[role=tab][aria-selected=true]").id()
}

pub(crate) fn visible_panel(root: &ShadowRoot) -> String {
    let list = root.query_selector_all("[role=tabpanel]").unwrap();
    let visible: Vec<String> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter(|e| !e.has_attribute("hidden"))
        .map(|e| e.id())
        .collect();
    assert_eq!(visible.len(), 1, "exactly one panel is shown: {visible:?}");
    visible[0].clone()
}

pub(crate) fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}
