//! The People section: every person, with role and attendance.

use crate::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn speakers_view_lists_every_person_with_role_and_attendance() {
    let root = render("en", Some(Section::People), AFTER_FORUM_MS).await;
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
    let georgian = query(&root, "#fw-person-archil-kalandia [lang=ka]");
    assert_eq!(georgian.text_content().unwrap(), "არჩილ კალანდია");
}
