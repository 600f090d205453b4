//! Languages: Chinese texts and names, and the widget's own date writing against the browser's `Intl`.

use crate::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn chinese_interface_shows_chinese_texts_and_transliterations() {
    let root = render("zh", Some(Section::People), AFTER_FORUM_MS).await;
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
fn own_date_writing_agrees_with_the_browsers_intl_wherever_the_browser_has_the_language() {
    use forum_widget::embed::intl::{has_date_data, long_date};
    use forum_widget::i18n::LANGUAGES;
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
    for tag in ["en", "zh", "sr-Latn", "pl"] {
        assert!(compared.contains(&tag), "{tag} was compared: {compared:?}");
    }
}
