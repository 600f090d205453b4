//! The Programme section: items, times as published.

use crate::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn programme_view_lists_items_without_inventing_times() {
    let root = render("en", Some(Section::Programme), AFTER_FORUM_MS).await;
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
