//! The section tabs (clicks, arrow keys), one-section widgets and links between sections.

use crate::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn clicking_a_tab_shows_its_panel() {
    let root = render("en", None, AFTER_FORUM_MS).await;
    query(&root, "#fw-tab-program")
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(selected_tab(&root), "fw-tab-program");
    assert_eq!(visible_panel(&root), "fw-panel-program");
    assert_eq!(
        query(&root, "#fw-tab-program")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    assert_eq!(
        query(&root, "#fw-tab-summary")
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_between_tabs_and_focus() {
    let root = render("en", None, AFTER_FORUM_MS).await;
    let steps = [
        ("ArrowRight", "speakers"),
        ("ArrowRight", "program"),
        ("ArrowRight", "summary"),
        ("ArrowLeft", "program"),
        ("Home", "summary"),
        ("End", "program"),
    ];
    for (key, tab) in steps {
        let current = query(&root, "[role=tab][aria-selected=true]");
        press(&current, key);
        yew::scheduler::flush().await;
        assert_eq!(selected_tab(&root), format!("fw-tab-{tab}"), "after {key}");
        assert_eq!(visible_panel(&root), format!("fw-panel-{tab}"));
        let focused = root.active_element().map(|e| e.id());
        assert_eq!(
            focused.as_deref(),
            Some(format!("fw-tab-{tab}").as_str()),
            "focus after {key}"
        );
    }
    let current = query(&root, "[role=tab][aria-selected=true]");
    press(&current, "a");
    yew::scheduler::flush().await;
    assert_eq!(
        selected_tab(&root),
        "fw-tab-program",
        "other keys change nothing"
    );
}

#[wasm_bindgen_test]
async fn links_between_speakers_and_programme_open_the_other_view_and_focus_the_entry() {
    let root = render("en", Some(Section::People), AFTER_FORUM_MS).await;
    let to_item = query(&root, "#fw-person-sinisa-berjan .takes-part .link");
    assert_eq!(to_item.text_content().unwrap(), "Opening ceremony");
    to_item.unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(selected_tab(&root), "fw-tab-program");
    assert_eq!(
        root.active_element().map(|e| e.id()).as_deref(),
        Some("fw-item-opening-ceremony")
    );
    let links = root
        .query_selector_all("#fw-item-opening-ceremony .item-people .link")
        .unwrap();
    assert_eq!(links.length(), 5, "a link to each of the five people");
    let to_person = (0..links.length())
        .filter_map(|i| links.item(i))
        .find(|l| {
            l.text_content()
                .is_some_and(|t| t.starts_with("Archil Kalandia"))
        })
        .expect("a link to Archil Kalandia")
        .unchecked_into::<Element>();
    to_person.unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(selected_tab(&root), "fw-tab-speakers");
    assert_eq!(
        root.active_element().map(|e| e.id()).as_deref(),
        Some("fw-person-archil-kalandia")
    );
}

#[wasm_bindgen_test]
async fn one_section_shows_no_tab_bar_and_heading_level_is_followed() {
    let root = shadow_host();
    let opts = options(&[
        ("sections", "program"),
        ("heading-level", "3"),
        ("theme", "dark"),
    ]);
    let widget = forum_widget::mount(root.clone(), root.host(), opts, None, None).unwrap();
    yew::scheduler::flush().await;
    assert!(root.query_selector("[role=tablist]").unwrap().is_none());
    assert_eq!(query(&root, ".title").tag_name(), "H3");
    assert_eq!(query(&root, ".item-title").tag_name(), "H4");
    assert!(query(&root, ".fw")
        .get_attribute("class")
        .unwrap()
        .split(' ')
        .any(|c| c == "scheme-dark"));
    assert_eq!(all_text(&root, ".item-title").len(), 4);
    assert!(
        root.query_selector(".item-people .link").unwrap().is_none(),
        "no links into views that are not shown"
    );
    widget.unmount();
}
