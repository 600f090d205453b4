//! Parsing and validation of event files, and status computation (native, no browser).
#![cfg(not(target_arch = "wasm32"))]

use forum_widget::model::*;
use serde_json::{json, Value};

fn built_in_value() -> Value {
    serde_json::from_str(BUILT_IN_EVENT_JSON).expect("built-in event is JSON")
}

/// Applies `change` to a copy of the built-in event and parses the result.
fn parse_changed(change: impl FnOnce(&mut Value)) -> Result<Event, EventError> {
    let mut value = built_in_value();
    change(&mut value);
    parse_event(&value.to_string())
}

fn assert_refused(change: impl FnOnce(&mut Value), path: &str, problem_part: &str) {
    let error = parse_changed(change).expect_err("the changed file must be refused");
    assert_eq!(error.path, path, "wrong path in `{error}`");
    assert!(
        error.problem.contains(problem_part),
        "`{error}` should mention `{problem_part}`"
    );
    assert_eq!(error.to_string(), format!("{path}: {}", error.problem));
}

fn date(s: &str) -> Date {
    Date::parse(s).expect("test date")
}

#[test]
fn built_in_event_passes_every_check_an_event_file_gets() {
    // The widget reads its built-in event without the checks (so the default build leaves
    // them out): every one of them must accept it, and give the same event.
    let checked = parse_event(BUILT_IN_EVENT_MINIFIED).expect("the built-in event is valid");
    assert_eq!(built_in_event().expect("the built-in event reads"), checked);
    assert_eq!(parse_event(BUILT_IN_EVENT_JSON), Ok(checked));
}

#[test]
fn the_default_builds_positional_form_is_the_same_event() {
    // The default build reads its built-in event from the form build.rs writes
    // (src/json/compact.rs): field for field, it must be the event the checks accept.
    let checked = parse_event(BUILT_IN_EVENT_MINIFIED).expect("the built-in event is valid");
    let compact = built_in_event_compact().expect("the positional form reads");
    assert_eq!(compact, checked);
    // Its texts are the JSON's, without the keys: shorter than the minified JSON.
    assert!(BUILT_IN_EVENT_COMPACT.len() < BUILT_IN_EVENT_MINIFIED.len());
}

#[test]
fn the_positional_form_keeps_every_field_of_other_events() {
    use forum_widget::json::compact::{Compact, FromCompact, ToCompact};
    for file in [
        "tests/fixtures/small-event.json",
        "tests/fixtures/timed-event.json",
    ] {
        let json = std::fs::read_to_string(file).expect("fixture");
        let event = parse_event(&json).expect("fixture is valid");
        let mut text = String::new();
        event.put(&mut text);
        let text: &'static str = Box::leak(text.into_boxed_str());
        assert_eq!(Event::take(&mut Compact::new(text)), Some(event), "{file}");
    }
}

#[test]
fn built_in_event_is_the_cangzhou_forum_with_corrected_names() {
    let event = built_in_event().expect("built-in event is valid");
    assert_eq!(event.start_date, date("2023-11-13"));
    assert_eq!(event.last_date(), date("2023-11-13"));
    assert_eq!(event.time_zone, "Asia/Shanghai");
    assert!(event
        .name
        .pick("en")
        .unwrap()
        .text
        .contains("China–CEEC (Cangzhou) SME Cooperation Forum"));
    assert_eq!(
        event.name.pick("zh").unwrap().text,
        "第五届中国—中东欧国家（沧州）中小企业合作论坛"
    );
    let names: Vec<&str> = event.people.iter().map(|p| p.name.as_str()).collect();
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
    for wrong in ["Sinisa Mari", "Beljan", "Karadija", "Governor"] {
        assert!(
            !BUILT_IN_EVENT_JSON.contains(wrong),
            "seed error `{wrong}` in the built-in event"
        );
    }
    let struzik = event.person("adam-struzik").unwrap();
    assert!(struzik.role.pick("en").unwrap().text.starts_with("Marshal"));
    assert_eq!(struzik.attendance, Some(Attendance::Video));
    assert_eq!(
        event.person("sinisa-mali").unwrap().attendance,
        Some(Attendance::Video)
    );
    assert_eq!(
        event
            .person("archil-kalandia")
            .unwrap()
            .native_name
            .as_ref()
            .unwrap()
            .lang,
        "ka"
    );
    let titles: Vec<&str> = event
        .program
        .iter()
        .map(|i| i.title.pick("en").unwrap().text)
        .collect();
    assert_eq!(
        titles,
        [
            "Opening ceremony",
            "Keynote forum",
            "SME Innovation Achievements Exhibition",
            "Cross-border matchmaking meeting"
        ]
    );
    assert!(
        event
            .program
            .iter()
            .all(|i| i.start.is_none() && i.end.is_none()),
        "no invented times"
    );
    assert!(event.sources.iter().any(|s| s
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://www.miit.gov.cn/"))));
    let by_person = event.items_by_person();
    assert_eq!(by_person[0], [0], "Xu Xiaolan: the opening ceremony");
    assert_eq!(by_person[3], [0], "Siniša Berjan: the opening ceremony");
    assert_eq!(by_person.len(), event.people.len());
}

#[test]
fn every_text_of_the_built_in_event_has_english_and_chinese() {
    let event = built_in_event().unwrap();
    let mut texts = vec![
        &event.name,
        &event.summary,
        &event.theme,
        &event.edition,
        &event.venue.name,
    ];
    texts.extend(
        event
            .people
            .iter()
            .flat_map(|p| [&p.role, &p.participation]),
    );
    texts.extend(event.program.iter().map(|i| &i.title));
    texts.extend(event.organisations.iter().map(|o| &o.name));
    for text in texts {
        assert!(
            text.0.contains_key("en") && text.0.contains_key("zh"),
            "{text:?}"
        );
    }
}

#[test]
fn programme_is_sorted_by_date_then_time_with_untimed_items_last_in_their_day() {
    let event = parse_changed(|v| {
        v["end_date"] = json!("2023-11-14");
        v["program"] = json!([
            {"id": "c", "title": {"en": "C"}, "kind": "talk", "date": "2023-11-14", "start": "09:00"},
            {"id": "u", "title": {"en": "U"}, "kind": "talk", "date": "2023-11-13"},
            {"id": "b", "title": {"en": "B"}, "kind": "talk", "date": "2023-11-13", "start": "14:00", "end": "15:30"},
            {"id": "a", "title": {"en": "A"}, "kind": "talk", "date": "2023-11-13", "start": "09:30"}
        ]);
    })
    .expect("valid");
    let ids: Vec<&str> = event.program.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "u", "c"]);
    assert_eq!(event.program[1].end, Clock::parse("15:30"));
}

#[test]
fn minimal_event_needs_only_the_required_fields() {
    let event = parse_event(
        r#"{"version":1,"id":"x","name":{"en":"X"},"start_date":"2025-01-02",
            "time_zone":"UTC","venue":{"name":{"en":"Hall"}}}"#,
    )
    .expect("minimal event is valid");
    assert!(event.people.is_empty() && event.program.is_empty() && event.end_date.is_none());
}

#[test]
fn valid_events_survive_serialise_then_parse() {
    let event = built_in_event().unwrap();
    let again = parse_event(&serde_json::to_string(&event).unwrap()).unwrap();
    assert_eq!(event, again);
}

#[test]
fn malformed_json_names_line_and_column() {
    let error = parse_event("{\"version\": 1,\n \"id\": }").unwrap_err();
    assert_eq!(error.path, ".");
    assert!(
        error.problem.starts_with("invalid JSON at line 2, column"),
        "{error}"
    );
    assert_eq!(parse_event("[]").unwrap_err().path, ".");
    assert_eq!(parse_event("").unwrap_err().path, ".");
}

#[test]
fn version_is_required_and_must_be_supported() {
    assert_refused(
        |v| {
            v.as_object_mut().unwrap().remove("version");
        },
        "version",
        "missing",
    );
    assert_refused(
        |v| v["version"] = json!(3),
        "version",
        "unsupported version 3",
    );
    assert_refused(
        |v| v["version"] = json!("1"),
        "version",
        "must be a number: 1 or 2",
    );
}

#[test]
fn missing_required_fields_are_named_by_path() {
    assert_refused(
        |v| {
            v.as_object_mut().unwrap().remove("id");
        },
        "id",
        "missing",
    );
    assert_refused(
        |v| {
            v.as_object_mut().unwrap().remove("name");
        },
        "name",
        "missing",
    );
    assert_refused(
        |v| {
            v.as_object_mut().unwrap().remove("venue");
        },
        "venue",
        "missing",
    );
    assert_refused(
        |v| {
            v.as_object_mut().unwrap().remove("time_zone");
        },
        "time_zone",
        "missing",
    );
    assert_refused(
        |v| {
            v["people"][2].as_object_mut().unwrap().remove("name");
        },
        "people[2].name",
        "missing",
    );
    assert_refused(
        |v| {
            v["program"][3].as_object_mut().unwrap().remove("date");
        },
        "program[3].date",
        "missing",
    );
    assert_refused(
        |v| {
            v["venue"].as_object_mut().unwrap().remove("name");
        },
        "venue.name",
        "missing",
    );
}

#[test]
fn wrong_types_are_named_by_path() {
    assert_refused(
        |v| v["people"][0]["role"] = json!(5),
        "people[0].role",
        "invalid type",
    );
    assert_refused(|v| v["program"] = json!({}), "program", "invalid type");
    assert_refused(
        |v| v["name"]["en"] = json!(["x"]),
        "name.en",
        "invalid type",
    );
}

#[test]
fn texts_need_a_language_tag_and_content() {
    assert_refused(|v| v["name"] = json!({}), "name", "at least one language");
    assert_refused(
        |v| v["name"] = json!({"english": "Forum"}),
        "name.english",
        "not a language tag",
    );
    assert_refused(|v| v["theme"]["zh"] = json!("  "), "theme.zh", "empty text");
    assert_refused(
        |v| v["people"][1]["name"] = json!(""),
        "people[1].name",
        "empty",
    );
}

#[test]
fn dates_times_and_zones_are_checked() {
    assert_refused(
        |v| v["start_date"] = json!("2023-02-30"),
        "start_date",
        "not a valid date",
    );
    assert_refused(
        |v| v["end_date"] = json!("2023-11-12"),
        "end_date",
        "before start_date",
    );
    assert_refused(
        |v| v["time_zone"] = json!("China Standard Time"),
        "time_zone",
        "IANA",
    );
    assert_refused(
        |v| v["program"][1]["date"] = json!("2023-11-14"),
        "program[1].date",
        "outside",
    );
    assert_refused(
        |v| v["program"][0]["start"] = json!("9:00"),
        "program[0].start",
        "not a valid time",
    );
    assert_refused(
        |v| v["program"][0]["end"] = json!("10:00"),
        "program[0].end",
        "without start",
    );
    assert_refused(
        |v| {
            v["program"][0]["start"] = json!("10:00");
            v["program"][0]["end"] = json!("09:00");
        },
        "program[0].end",
        "not after start",
    );
}

#[test]
fn enumerations_refuse_unknown_values() {
    assert_refused(
        |v| v["people"][0]["attendance"] = json!("hologram"),
        "people[0].attendance",
        "unknown variant",
    );
    assert_refused(
        |v| v["program"][2]["kind"] = json!("party"),
        "program[2].kind",
        "unknown variant",
    );
    assert_refused(
        |v| v["organisations"][1]["role"] = json!("sponsor"),
        "organisations[1].role",
        "unknown variant",
    );
}

#[test]
fn ids_must_be_unique_and_references_must_resolve() {
    assert_refused(
        |v| v["people"][3]["id"] = json!("xu-xiaolan"),
        "people[3].id",
        "duplicate id",
    );
    assert_refused(
        |v| v["program"][1]["id"] = json!("opening-ceremony"),
        "program[1].id",
        "duplicate id",
    );
    assert_refused(
        |v| v["sources"][2]["id"] = json!("miit-2023-11-14"),
        "sources[2].id",
        "duplicate id",
    );
    assert_refused(
        |v| v["program"][0]["people"][1] = json!("nobody"),
        "program[0].people[1]",
        "`nobody`",
    );
    assert_refused(
        |v| v["figures"][0]["source"] = json!("gone"),
        "figures[0].source",
        "`gone`",
    );
}

#[test]
fn codes_and_addresses_are_checked() {
    assert_refused(
        |v| v["venue"]["country"] = json!("China"),
        "venue.country",
        "ISO 3166-1",
    );
    assert_refused(
        |v| v["people"][4]["country"] = json!("ge"),
        "people[4].country",
        "ISO 3166-1",
    );
    assert_refused(
        |v| v["people"][1]["native_name"]["lang"] = json!("Cyrillic"),
        "people[1].native_name.lang",
        "language tag",
    );
    assert_refused(
        |v| v["sources"][0]["url"] = json!("javascript:alert(1)"),
        "sources[0].url",
        "http",
    );
    assert_refused(
        |v| v["figures"][0]["pattern"]["zh"] = json!("近400参会"),
        "figures[0].pattern.zh",
        "`{}`",
    );
    assert_refused(
        |v| v["sources"][0]["lang"] = json!("Chinese"),
        "sources[0].lang",
        "language tag",
    );
    let event = built_in_event().unwrap();
    assert_eq!(
        event.sources[0].lang.as_deref(),
        Some("zh"),
        "the MIIT page is in Chinese"
    );
}

#[test]
fn status_follows_the_calendar_in_the_event_zone() {
    let (start, end) = (date("2024-11-07"), date("2024-11-08"));
    assert_eq!(
        status(start, end, date("2024-11-04")),
        Status::Upcoming { days_until: 3 }
    );
    assert_eq!(
        status(start, end, date("2023-11-07")),
        Status::Upcoming { days_until: 366 }
    );
    assert_eq!(status(start, end, date("2024-11-07")), Status::UnderWay);
    assert_eq!(status(start, end, date("2024-11-08")), Status::UnderWay);
    assert_eq!(status(start, end, date("2024-11-09")), Status::TookPlace);
    let day = date("2023-11-13");
    assert_eq!(
        status(day, day, date("2023-11-12")),
        Status::Upcoming { days_until: 1 }
    );
    assert_eq!(status(day, day, day), Status::UnderWay);
    assert_eq!(status(day, day, date("2026-11-24")), Status::TookPlace);
}
