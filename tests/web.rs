//! Component tests in a real headless browser (wasm-bindgen-test): each tab renders
//! what it should, and clicks and arrow keys switch tabs.
#![cfg(target_arch = "wasm32")]

use forum_widget::i18n::strings_for;
use forum_widget::options::Options;
use forum_widget::state::Tab;
use forum_widget::{App, AppProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

/// 2023-11-13 12:00 in Cangzhou (04:00 UTC).
const DURING_FORUM_MS: f64 = 1_699_848_000_000.0;
/// 2026-11-24 00:00 UTC.
const AFTER_FORUM_MS: f64 = 1_795_478_400_000.0;

fn shadow_host() -> ShadowRoot {
    let document = gloo::utils::document();
    let host = document.create_element("test-widget-host").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap()
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&object, &(*k).into(), &(*v).into()).unwrap();
    }
    object.into()
}

async fn render(lang: &str, view: Option<Tab>, now_ms: f64) -> ShadowRoot {
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

fn query(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn all_text(root: &ShadowRoot, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn selected_tab(root: &ShadowRoot) -> String {
    query(root, "[role=tab][aria-selected=true]").id()
}

fn visible_panel(root: &ShadowRoot) -> String {
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

fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn summary_shows_title_date_with_zone_venue_theme_and_status() {
    let root = render("en", None, DURING_FORUM_MS).await;
    assert_eq!(
        query(&root, ".title").text_content().unwrap(),
        "5th China–CEEC (Cangzhou) SME Cooperation Forum"
    );
    assert_eq!(
        query(&root, ".status").text_content().unwrap(),
        "Under way now"
    );
    assert_eq!(visible_panel(&root), "fw-panel-summary");
    let summary = query(&root, "#fw-panel-summary").text_content().unwrap();
    for expected in [
        "13 November 2023",
        "China Standard Time",
        "China–CEEC (Cangzhou) SME Cooperation Zone",
        "Cangzhou",
        "Hebei Province",
        "Expanding openness and cooperation for win-win development",
        "People's Government of Hebei Province",
        "China–CEEC Cooperation Secretariat",
        "nearly 400",
        "participants",
    ] {
        assert!(
            summary.contains(expected),
            "summary lacks `{expected}`: {summary}"
        );
    }
    let source = query(&root, ".sources a");
    assert!(source
        .get_attribute("href")
        .unwrap()
        .starts_with("https://www.miit.gov.cn/"));
    assert_eq!(
        source.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
}

#[wasm_bindgen_test]
async fn status_after_the_forum_says_when_it_took_place() {
    let root = render("en", None, AFTER_FORUM_MS).await;
    assert_eq!(
        query(&root, ".status").text_content().unwrap(),
        "Took place on 13 November 2023"
    );
    let root = render("zh", None, AFTER_FORUM_MS).await;
    assert_eq!(
        query(&root, ".status").text_content().unwrap(),
        "已于2023年11月13日举行"
    );
}

#[wasm_bindgen_test]
async fn status_before_the_forum_counts_the_days() {
    let root = render("en", None, DURING_FORUM_MS - 3.0 * 86_400_000.0).await;
    assert_eq!(
        query(&root, ".status").text_content().unwrap(),
        "Upcoming: starts in 3 days"
    );
}

#[wasm_bindgen_test]
async fn speakers_view_lists_every_person_with_role_and_attendance() {
    let root = render("en", Some(Tab::Speakers), AFTER_FORUM_MS).await;
    assert_eq!(visible_panel(&root), "fw-panel-speakers");
    let names = all_text(&root, ".person .name");
    assert_eq!(
        names,
        [
            "Xu Xiaolan",
            "Siniša Mali",
            "Adam Struzik",
            "Siniša Berjan",
            "Archil Kalandia"
        ]
    );
    let people = all_text(&root, ".person");
    assert!(
        people[1].contains("Синиша Мали")
            && people[1].contains("By video")
            && people[1].contains("Serbia")
    );
    assert!(
        people[2].contains("Marshal of the Masovian Voivodeship") && people[2].contains("Poland")
    );
    assert!(people[4].contains("არჩილ კალანდია") && people[4].contains("In person"));
    assert!(people[3].contains("Takes part in: Opening ceremony"));
    let georgian = query(&root, ".person:nth-child(5) [lang=ka]");
    assert_eq!(georgian.text_content().unwrap(), "არჩილ კალანდია");
}

#[wasm_bindgen_test]
async fn programme_view_lists_items_without_inventing_times() {
    let root = render("en", Some(Tab::Program), AFTER_FORUM_MS).await;
    assert_eq!(visible_panel(&root), "fw-panel-program");
    assert_eq!(
        all_text(&root, ".item-title"),
        [
            "Opening ceremony",
            "Keynote forum",
            "SME Innovation Achievements Exhibition",
            "Cross-border matchmaking meeting"
        ]
    );
    assert_eq!(
        all_text(&root, ".item .time"),
        vec!["Time not published"; 4]
    );
    let opening = all_text(&root, ".item")[0].clone();
    assert!(
        opening.contains("Ceremony")
            && opening.contains("Siniša Mali")
            && opening.contains("13 November 2023")
    );
}

#[wasm_bindgen_test]
async fn chinese_interface_shows_chinese_texts_and_transliterations() {
    let root = render("zh", Some(Tab::Speakers), AFTER_FORUM_MS).await;
    assert_eq!(
        query(&root, ".title").text_content().unwrap(),
        "第五届中国—中东欧国家（沧州）中小企业合作论坛"
    );
    assert_eq!(
        query(&root, ".fw").get_attribute("lang").as_deref(),
        Some("zh")
    );
    assert_eq!(all_text(&root, "[role=tab]"), ["概况", "嘉宾", "议程"]);
    let people = all_text(&root, ".person");
    assert!(people[1].contains("西尼沙·马利") && people[1].contains("视频参会"));
}

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
async fn mount_adopts_styles_and_unmount_removes_its_nodes() {
    let root = shadow_host();
    let widget = forum_widget::mount(
        root.clone(),
        root.host(),
        options(&[("lang", "zh"), ("view", "speakers")]),
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
fn the_embedded_stylesheet_parses_to_the_same_rules_as_src_widget_css() {
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
    let source = rules(include_str!("../src/widget.css"));
    assert!(source.len() > 50, "{} rules", source.len());
    assert!(forum_widget::STYLES.len() < include_str!("../src/widget.css").len());
    assert_eq!(rules(forum_widget::STYLES), source);
}

#[wasm_bindgen_test]
async fn an_internal_error_replaces_the_widget_with_an_error_notice() {
    let root = shadow_host();
    let _widget =
        forum_widget::mount(root.clone(), root.host(), options(&[("lang", "en")])).unwrap();
    yew::scheduler::flush().await;
    forum_widget::show_internal_error("index out of bounds");
    let alert = query(&root, ".error");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("internal error: index out of bounds"));
    assert!(
        root.query_selector(".tabs").unwrap().is_none(),
        "the broken view is gone"
    );
}

#[wasm_bindgen_test]
async fn links_between_speakers_and_programme_open_the_other_view_and_focus_the_entry() {
    let root = render("en", Some(Tab::Speakers), AFTER_FORUM_MS).await;
    let to_item = query(&root, "#fw-person-sinisa-berjan .takes-part .link");
    assert_eq!(to_item.text_content().unwrap(), "Opening ceremony");
    to_item.unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(selected_tab(&root), "fw-tab-program");
    assert_eq!(
        root.active_element().map(|e| e.id()).as_deref(),
        Some("fw-item-opening-ceremony")
    );
    let to_person = query(
        &root,
        "#fw-item-opening-ceremony .item-people .link:nth-of-type(5)",
    );
    assert!(to_person
        .text_content()
        .unwrap()
        .starts_with("Archil Kalandia"));
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
    let widget = forum_widget::mount(root.clone(), root.host(), opts).unwrap();
    yew::scheduler::flush().await;
    assert!(root.query_selector("[role=tablist]").unwrap().is_none());
    assert_eq!(query(&root, ".title").tag_name(), "H3");
    assert_eq!(query(&root, ".item-title").tag_name(), "H4");
    assert!(query(&root, ".fw")
        .get_attribute("class")
        .unwrap()
        .split(' ')
        .any(|c| c == "theme-dark"));
    assert_eq!(all_text(&root, ".item-title").len(), 4);
    assert!(
        root.query_selector(".item-people .link").unwrap().is_none(),
        "no links into views that are not shown"
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn update_changes_language_and_sections_without_remounting() {
    let root = shadow_host();
    let mut widget =
        forum_widget::mount(root.clone(), root.host(), options(&[("lang", "en")])).unwrap();
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

#[wasm_bindgen_test]
fn own_date_writing_agrees_with_the_browsers_intl_wherever_the_browser_has_the_language() {
    use forum_widget::i18n::LANGUAGES;
    use forum_widget::intl::{has_date_data, long_date};
    use forum_widget::model::Date;
    let mut compared = Vec::new();
    for t in LANGUAGES {
        if !has_date_data(t.intl) {
            continue;
        }
        for month in 1..=12 {
            let date = Date::new(2023, month, 13).unwrap();
            assert_eq!(
                t.long_date(date),
                long_date(date, t),
                "{} month {month}",
                t.tag
            );
        }
        compared.push(t.tag);
    }
    for tag in ["en", "zh", "sr", "pl"] {
        assert!(compared.contains(&tag), "{tag} was compared: {compared:?}");
    }
}
