//! The Summary section: title, dates, zone, venue, theme and the status line.

use crate::*;
use wasm_bindgen_test::*;

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
