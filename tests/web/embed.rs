//! The embed shell: mount, update and unmount, the adopted stylesheet (an internal error is
//! the loader's to show: tests/e2e/robustness.test.mjs).

use crate::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn mount_adopts_styles_and_unmount_removes_its_nodes() {
    let root = shadow_host();
    let widget = forum_widget::mount(
        root.clone(),
        root.host(),
        options(&[("lang", "zh"), ("view", "speakers")]),
        None,
        None,
    )
    .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(root.adopted_style_sheets().length(), 1);
    assert_eq!(selected_tab(&root), "fw-tab-speakers");
    assert!(query(&root, ".title")
        .text_content()
        .unwrap()
        .starts_with("第五届"));
    widget.unmount();
    assert_eq!(root.child_element_count(), 0);
}

/// The browser's own reading of `src/widget.css` and of the minified copy the wasm
/// embeds is the same, rule by rule. Custom property values keep their whitespace as
/// written (`var(--a, b)` against `var(--a,b)`), so whitespace runs count as one space
/// and whitespace beside a comma is not compared.
#[wasm_bindgen_test]
fn the_embedded_stylesheet_parses_to_the_same_rules_as_src_widget_and_schedule_css() {
    let rules = |css: &str| -> Vec<String> {
        let sheet = web_sys::CssStyleSheet::new().unwrap();
        sheet.replace_sync(css).unwrap();
        let list = sheet.css_rules().unwrap();
        (0..list.length())
            .map(|i| {
                let text = list.item(i).unwrap().css_text();
                let words: Vec<&str> = text.split_whitespace().collect();
                words.join(" ").replace(", ", ",").replace(" ,", ",")
            })
            .collect()
    };
    // The full build (these tests' default features) embeds schedule.css after widget.css.
    let written = concat!(
        include_str!("../../src/widget.css"),
        include_str!("../../src/schedule.css")
    );
    let source = rules(written);
    assert!(source.len() > 50, "{} rules", source.len());
    assert!(forum_widget::STYLES.len() < written.len());
    assert_eq!(rules(forum_widget::STYLES), source);
}

#[wasm_bindgen_test]
async fn update_changes_language_and_sections_without_remounting() {
    let root = shadow_host();
    let mut widget = forum_widget::mount(
        root.clone(),
        root.host(),
        options(&[("lang", "en")]),
        None,
        None,
    )
    .unwrap();
    yew::scheduler::flush().await;
    let title = query(&root, ".title");
    widget.update(options(&[("lang", "zh"), ("sections", "speakers,summary")]));
    yew::scheduler::flush().await;
    assert_eq!(all_text(&root, "[role=tab]"), ["嘉宾", "概况"]);
    assert_eq!(
        selected_tab(&root),
        "fw-tab-summary",
        "the shown tab is kept while it exists"
    );
    widget.update(options(&[("lang", "zh"), ("sections", "speakers,program")]));
    yew::scheduler::flush().await;
    assert_eq!(
        selected_tab(&root),
        "fw-tab-speakers",
        "a removed tab gives way to the first section"
    );
    assert!(
        query(&root, ".title").is_same_node(Some(&title)),
        "the same DOM was updated in place"
    );
    assert!(title.text_content().unwrap().starts_with("第五届"));
    widget.unmount();
}
