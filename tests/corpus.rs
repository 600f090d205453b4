//! The hostile and malformed corpus (tests/corpus, written by generate.py): every file
//! gives its expected field-path error, or parses and stays plain text in every export.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use forum_widget::exports::ics;
use forum_widget::exports::json_ld;
use forum_widget::i18n::strings_for;
use forum_widget::model::{parse_event, BUILT_IN_EVENT_JSON};
use serde_json::{json, Value};
use std::fs;

#[test]
fn every_corpus_file_gives_its_expected_outcome() {
    let expected: Value =
        serde_json::from_str(&fs::read_to_string("tests/corpus/expected.json").unwrap()).unwrap();
    let cases = expected.as_object().unwrap();
    assert!(cases.len() >= 60, "{} files", cases.len());
    for (name, outcome) in cases {
        let text = fs::read_to_string(format!("tests/corpus/{name}.json")).unwrap();
        let result = parse_event(&text);
        match outcome.get("error").and_then(Value::as_str) {
            Some(path) => {
                let error = result.expect_err(name);
                assert_eq!(error.path, path, "{name}: {error}");
                let part = outcome["message"].as_str().unwrap();
                assert!(
                    error.problem.contains(part),
                    "{name}: `{error}` lacks `{part}`"
                );
            }
            None => {
                let event = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                let t = strings_for("en");
                let ld: Value =
                    serde_json::from_str(&json_ld(&event, t, "https://x.example/", &common::utc8))
                        .unwrap();
                assert_eq!(ld["@type"], "Event", "{name}");
                let entries = common::all_entries(&event, t);
                let cal = ics(&entries, 0.0);
                assert!(cal.split("\r\n").all(|l| l.len() <= 75), "{name}: folded");
            }
        }
    }
}

#[test]
fn a_ten_megabyte_file_is_refused_before_parsing() {
    let mut value: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    value["summary"]["en"] = json!("x".repeat(10 * 1024 * 1024));
    let error = parse_event(&value.to_string()).unwrap_err();
    assert_eq!(error.path, ".");
    assert!(error.problem.contains("at most 5242880"), "{error}");
}

#[test]
fn counts_are_capped_with_the_list_named() {
    let mut value: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    let item = json!({"id": "x", "title": {"en": "x"}, "kind": "talk", "date": "2023-11-13"});
    value["program"] = Value::Array(vec![item; 10_001]);
    let error = parse_event(&value.to_string()).unwrap_err();
    assert_eq!(error.to_string(), "program: 10001 entries; at most 10000");
}
