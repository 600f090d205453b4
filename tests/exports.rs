//! Calendar files, calendar links and JSON-LD, as pure functions (native).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use forum_widget::exports::json_ld;
use forum_widget::exports::{event_entry, google_link, ics, item_entry, outlook_link, When};
use forum_widget::i18n::strings_for;
use forum_widget::model::{built_in_event, parse_event};
use serde_json::Value;

fn timed_event() -> forum_widget::model::Event {
    parse_event(include_str!("fixtures/timed-event.json")).unwrap()
}

/// Unfolded content lines of an iCalendar text.
fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn whole_event_file_has_all_day_entries_for_untimed_items() {
    let event = built_in_event().unwrap();
    let t = strings_for("en");
    let entries = common::all_entries(&event, t);
    let text = ics(&entries, 1_795_478_400_000.0);
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "every physical line is folded"
    );
    let lines = lines(&text);
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 5);
    assert_eq!(
        lines
            .iter()
            .filter(|l| *l == "DTSTART;VALUE=DATE:20231113")
            .count(),
        5
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| *l == "DTEND;VALUE=DATE:20231114")
            .count(),
        5
    );
    assert!(lines.contains(&"DTSTAMP:20261124T000000Z".to_owned()));
    assert!(lines.contains(&"UID:china-ceec-cangzhou-sme-forum-2023@forum-widget".to_owned()));
    assert!(lines.iter().any(|l| l.starts_with(
        "LOCATION:China–CEEC (Cangzhou) SME Cooperation Zone\\, Cangzhou\\, Hebei Province\\, CN"
    )));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("URL:https://www.miit.gov.cn/")));
}

#[test]
fn timed_items_are_written_in_utc_and_linked_with_their_zone() {
    let event = timed_event();
    let t = strings_for("en");
    let entry = item_entry(&event, &event.program[0], t, &common::utc8);
    assert!(matches!(entry.when, When::Timed { .. }));
    let lines = lines(&ics(&[entry], 0.0));
    assert!(lines.contains(&"DTSTART:20231113T013000Z".to_owned()));
    assert!(lines.contains(&"DTEND:20231113T020000Z".to_owned()));
    let open_end = item_entry(&event, &event.program[1], t, &common::utc8);
    let google = google_link(&open_end, &event.time_zone);
    let outlook = outlook_link(&open_end);
    let lines = self::lines(&ics(&[open_end], 0.0));
    assert!(lines.contains(&"DTSTART:20231113T081500Z".to_owned()));
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("DTEND") || l.starts_with("DURATION")),
        "no end is invented when only the start is known: {lines:?}"
    );
    assert!(
        google.contains("&dates=20231113T161500%2F20231113T161500&"),
        "{google}"
    );
    assert!(
        outlook.contains("startdt=2023-11-13T08%3A15%3A00Z&enddt=2023-11-13T08%3A15%3A00Z&"),
        "{outlook}"
    );
}

#[test]
fn uids_do_not_change_with_language_clock_or_build() {
    let event = built_in_event().unwrap();
    let uids = |lang: &str, now: f64| -> Vec<String> {
        let t = strings_for(lang);
        let entries: Vec<_> = event
            .program
            .iter()
            .map(|i| item_entry(&event, i, t, &common::utc8))
            .collect();
        lines(&ics(&entries, now))
            .into_iter()
            .filter(|l| l.starts_with("UID:"))
            .collect()
    };
    assert_eq!(uids("en", 0.0), uids("zh", 1e12));
    assert_eq!(
        uids("en", 0.0)[0],
        "UID:opening-ceremony.china-ceec-cangzhou-sme-forum-2023@forum-widget"
    );
}

#[test]
fn long_chinese_text_folds_on_character_boundaries() {
    let event = built_in_event().unwrap();
    let text = ics(&[event_entry(&event, strings_for("zh"))], 0.0);
    for physical in text.split("\r\n") {
        assert!(physical.len() <= 75, "{} octets", physical.len());
    }
    let description = lines(&text)
        .into_iter()
        .find(|l| l.starts_with("DESCRIPTION:"))
        .unwrap();
    assert!(description.contains("论坛由工业和信息化部、河北省人民政府共同主办"));
    assert!(text.contains("\r\n "), "the long description was folded");
}

#[test]
fn calendar_links_carry_dates_text_and_zone() {
    let event = timed_event();
    let t = strings_for("en");
    let google = google_link(
        &item_entry(&event, &event.program[0], t, &common::utc8),
        &event.time_zone,
    );
    assert!(
        google.contains("&dates=20231113T093000%2F20231113T100000&ctz=Asia%2FShanghai"),
        "{google}"
    );
    let outlook = outlook_link(&item_entry(&event, &event.program[0], t, &common::utc8));
    assert!(
        outlook.contains(
            "startdt=2023-11-13T01%3A30%3A00Z&enddt=2023-11-13T02%3A00%3A00Z&allday=false"
        ),
        "{outlook}"
    );
    let all_day = google_link(&event_entry(&event, t), &event.time_zone);
    assert!(
        all_day.contains("dates=20231113%2F20231114") && !all_day.contains("ctz="),
        "{all_day}"
    );
}

#[test]
fn json_ld_is_valid_json_with_the_event_fields() {
    let event = built_in_event().unwrap();
    let text = json_ld(
        &event,
        strings_for("en"),
        "https://partner.example/page",
        &common::utc8,
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["@type"], "Event");
    assert_eq!(v["startDate"], "2023-11-13");
    assert_eq!(v["location"]["address"]["addressCountry"], "CN");
    assert_eq!(
        v["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode",
        "speeches by video do not make the audience's attendance mixed"
    );
    assert_eq!(v["organizer"].as_array().unwrap().len(), 2);
    assert_eq!(v["subEvent"].as_array().unwrap().len(), 4);
    assert_eq!(v["url"], "https://partner.example/page");
    // The official long name, read from the data, as schema.org's alternateName.
    let data: Value = serde_json::from_str(forum_widget::model::BUILT_IN_EVENT_JSON).unwrap();
    assert_eq!(v["alternateName"], data["full_name"]["en"]);
    assert_ne!(v["alternateName"], v["name"]);

    let timed = timed_event();
    let v: Value =
        serde_json::from_str(&json_ld(&timed, strings_for("en"), "", &common::utc8)).unwrap();
    assert_eq!(v["subEvent"][0]["startDate"], "2023-11-13T09:30:00+08:00");
    assert_eq!(v["subEvent"][0]["endDate"], "2023-11-13T10:00:00+08:00");
    assert_eq!(
        v["eventAttendanceMode"],
        "https://schema.org/OfflineEventAttendanceMode"
    );
    assert!(
        v.get("alternateName").is_none(),
        "no alternateName without a full name"
    );
}

#[test]
fn json_ld_cannot_close_its_script_element() {
    let mut event = built_in_event().unwrap();
    event.name.0.insert(
        "en".into(),
        "</script><script>alert(1)</script> & \u{2028}".into(),
    );
    let text = json_ld(&event, strings_for("en"), "", &common::utc8);
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["name"], "</script><script>alert(1)</script> & \u{2028}");
}

fn names(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(|p| p["name"].as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn json_ld_lists_speakers_as_performers_and_attendees_as_attendees() {
    let event = built_in_event().unwrap();
    let v: Value =
        serde_json::from_str(&json_ld(&event, strings_for("en"), "", &common::utc8)).unwrap();
    assert_eq!(
        names(&v["performer"]),
        ["Xu Xiaolan", "Siniša Mali", "Adam Struzik"]
    );
    assert_eq!(names(&v["attendee"]), ["Siniša Berjan", "Archil Kalandia"]);
    let opening = &v["subEvent"][0];
    assert_eq!(
        names(&opening["performer"]),
        ["Xu Xiaolan", "Siniša Mali", "Adam Struzik"]
    );
    assert_eq!(
        names(&opening["attendee"]),
        ["Siniša Berjan", "Archil Kalandia"]
    );
    assert!(v["subEvent"][1].get("performer").is_none());

    // A person whose part the data does not give is claimed as neither.
    let mut unknown = event.clone();
    unknown.people[0].part = None;
    let v: Value =
        serde_json::from_str(&json_ld(&unknown, strings_for("en"), "", &common::utc8)).unwrap();
    assert_eq!(names(&v["performer"]), ["Siniša Mali", "Adam Struzik"]);
    assert_eq!(
        names(&v["subEvent"][0]["performer"]),
        ["Siniša Mali", "Adam Struzik"]
    );
    assert_eq!(names(&v["attendee"]), ["Siniša Berjan", "Archil Kalandia"]);
}

#[test]
fn calendar_text_names_speakers_and_guests_apart() {
    let event = built_in_event().unwrap();
    for (lang, speakers, guests) in [("en", "Speakers", "Guests"), ("zh", "致辞嘉宾", "出席嘉宾")]
    {
        let t = strings_for(lang);
        let entry = item_entry(&event, &event.program[0], t, &common::utc8);
        let tail: Vec<&str> = entry.description.lines().rev().take(2).collect();
        assert!(
            tail[1].starts_with(speakers) && tail[1].contains("Adam Struzik"),
            "{lang}: {tail:?}"
        );
        assert!(!tail[1].contains("Berjan"), "{lang}: {tail:?}");
        assert!(
            tail[0].starts_with(guests)
                && tail[0].contains("Siniša Berjan")
                && tail[0].contains("Archil Kalandia"),
            "{lang}: {tail:?}"
        );
    }
}

#[test]
fn chinese_calendar_text_uses_chinese_punctuation_and_address_order() {
    let event = built_in_event().unwrap();
    let t = strings_for("zh");
    let entry = item_entry(&event, &event.program[0], t, &common::utc8);
    assert_eq!(
        entry.location,
        "河北省沧州市中国—中东欧国家（沧州）中小企业合作区"
    );
    assert!(
        entry
            .description
            .ends_with("致辞嘉宾：Xu Xiaolan、Siniša Mali、Adam Struzik\n出席嘉宾：Siniša Berjan、Archil Kalandia"),
        "{}",
        entry.description
    );
}

#[test]
fn json_ld_names_latin_script_serbian_as_such() {
    let event = built_in_event().unwrap();
    let v: Value =
        serde_json::from_str(&json_ld(&event, strings_for("sr"), "", &common::utc8)).unwrap();
    assert_eq!(v["inLanguage"], "sr-Latn");
    assert_eq!(v["name"], event.name.0.get("sr-Latn").unwrap().as_str());
}
