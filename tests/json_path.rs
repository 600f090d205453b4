//! Field paths of `parse_event` against an independent implementation: for every place
//! in the built-in event, break the file there and check that `parse_event` names the
//! same field path as `serde_path_to_error` does for the same serde error (with serde_json
//! reading the file), and reads the same event where the file is still an event.
#![cfg(not(target_arch = "wasm32"))]

mod reference;

use forum_widget::model::{parse_event, BUILT_IN_EVENT_JSON};
use reference::{compare, reference, Outcome};
use serde_json::{json, Value};

/// Every JSON pointer in `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Compares `value` written compactly (and also pretty-printed with `pretty`); counts the
/// files refused with a path in the data.
fn check(value: &Value, pretty: bool, what: &str, with_path: &mut usize) {
    let mut texts = vec![value.to_string()];
    if pretty {
        texts.push(serde_json::to_string_pretty(value).unwrap());
    }
    for text in texts {
        if let Err(difference) = compare(&text) {
            panic!("{what}: {difference}");
        }
        if matches!(reference(&text), Outcome::Data { .. }) {
            *with_path += 1;
        }
    }
}

#[test]
fn field_paths_match_serde_path_to_error_for_every_breakage() {
    let original: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    let mut all = Vec::new();
    pointers(&original, String::new(), &mut all);
    let mut with_path = 0;
    for pointer in all.iter().filter(|p| !p.is_empty()) {
        for replacement in [
            json!(7),
            json!(-3),
            json!(1.5),
            json!(true),
            json!([1]),
            json!({"x": 1}),
            json!({}),
            json!("s"),
            json!(null),
        ] {
            let mut broken = original.clone();
            *broken.pointer_mut(pointer).unwrap() = replacement.clone();
            let pretty = replacement == json!(7);
            let what = format!("{pointer} = {replacement}");
            check(&broken, pretty, &what, &mut with_path);
        }
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let mut removed = original.clone();
        match removed.pointer_mut(parent) {
            Some(Value::Object(map)) => {
                map.remove(key);
            }
            Some(Value::Array(items)) => {
                items.remove(key.parse::<usize>().unwrap());
            }
            _ => {}
        }
        check(&removed, true, &format!("remove {pointer}"), &mut with_path);
    }
    assert!(with_path > 1000, "only {with_path} breakages with a path");
}

#[test]
fn escaped_keys_and_strings_with_brackets_do_not_confuse_the_path() {
    let mut value: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    value["summary"]["en"] = json!("a \"quoted\" text with } and ] and { [ , inside");
    value["people"][1]["role"] = json!(["not", "a", "map"]);
    let json = value
        .to_string()
        .replace("\"summary\"", "\"summ\\u0061ry\"");
    compare(&json).unwrap();
    assert_eq!(parse_event(&json).unwrap_err().path, "people[1].role");
}

#[test]
fn errors_in_an_objects_last_member_are_placed_on_that_member() {
    let base = BUILT_IN_EVENT_JSON.trim_end().trim_end_matches('}');
    let cases = [
        (
            format!("{base}, \"end_date\": \"2023-13-01\"}}"),
            "end_date",
        ),
        (
            BUILT_IN_EVENT_JSON.replacen(
                "\"date\": \"2023-11-13\"\n    }",
                "\"date\": \"bad\"\n    }",
                1,
            ),
            "program[2].date",
        ),
        (
            BUILT_IN_EVENT_JSON.replacen(
                "\"kind\": \"exhibition\",\n      \"date\": \"2023-11-13\"",
                "\"kind\": \"exhibition\",\n      \"date\": \"2023-11-13\", \"start\": \"9\"",
                1,
            ),
            "program[2].start",
        ),
    ];
    for (json, path) in cases {
        compare(&json).unwrap();
        assert_eq!(parse_event(&json).unwrap_err().path, path);
    }
}

#[test]
fn a_missing_field_is_named_inside_its_object() {
    let json = BUILT_IN_EVENT_JSON.replacen("\"attendance\": \"video\",", "", 1);
    compare(&json).unwrap();
    let error = parse_event(&json).unwrap_err();
    assert!(error.path.starts_with("people[") && error.path.ends_with("].attendance"));
    assert_eq!(error.problem, "missing");
}
