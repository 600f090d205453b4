//! `model::json_path` against an independent implementation: for every place in the
//! built-in event, break the file there and check that `parse_event` names the same
//! field path as `serde_path_to_error` does for the same serde error.
#![cfg(not(target_arch = "wasm32"))]

use forum_widget::model::{parse_event, Event, BUILT_IN_EVENT_JSON};
use serde_json::{json, Value};

/// Every JSON pointer in `value`, with the value found there.
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

/// The path `serde_path_to_error` gives, written the way `parse_event` reports it.
fn reference_path(json: &str) -> Option<String> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let error = serde_path_to_error::deserialize::<_, Event>(de).err()?;
    let path = error.path().to_string();
    let message = error.inner().to_string();
    Some(
        match message
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            Some(field) if path == "." => field.to_owned(),
            Some(field) => format!("{path}.{field}"),
            None => path,
        },
    )
}

fn check(value: &Value, what: &str, compared: &mut usize) {
    for json in [
        value.to_string(),
        serde_json::to_string_pretty(value).unwrap(),
    ] {
        let Some(expected) = reference_path(&json) else {
            continue;
        };
        let error = parse_event(&json).expect_err(what);
        assert_eq!(error.path, expected, "{what}: `{error}`");
        *compared += 1;
    }
}

#[test]
fn field_paths_match_serde_path_to_error_for_every_breakage() {
    let original: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    let mut all = Vec::new();
    pointers(&original, String::new(), &mut all);
    let mut compared = 0;
    for pointer in all.iter().filter(|p| !p.is_empty() && *p != "/version") {
        for replacement in [
            json!(7),
            json!(true),
            json!([1]),
            json!({"x": 1}),
            json!("s"),
            json!(null),
        ] {
            let mut broken = original.clone();
            *broken.pointer_mut(pointer).unwrap() = replacement.clone();
            check(
                &broken,
                &format!("{pointer} = {replacement}"),
                &mut compared,
            );
        }
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let mut removed = original.clone();
        if let Some(Value::Object(map)) = removed.pointer_mut(parent) {
            map.remove(key);
            check(&removed, &format!("remove {pointer}"), &mut compared);
        }
    }
    assert!(compared > 500, "only {compared} breakages compared");
}

#[test]
fn escaped_keys_and_strings_with_brackets_do_not_confuse_the_scanner() {
    let mut value: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    value["summary"]["en"] = json!("a \"quoted\" text with } and ] and { [ , inside");
    value["people"][1]["role"] = json!(["not", "a", "map"]);
    let json = value
        .to_string()
        .replace("\"summary\"", "\"summ\\u0061ry\"");
    assert_eq!(reference_path(&json).as_deref(), Some("people[1].role"));
    assert_eq!(parse_event(&json).unwrap_err().path, "people[1].role");
}

#[test]
fn errors_in_an_objects_last_member_are_placed_on_that_member() {
    let base = BUILT_IN_EVENT_JSON.trim_end().trim_end_matches('}');
    let cases = [
        format!("{base}, \"end_date\": \"2023-13-01\"}}"),
        BUILT_IN_EVENT_JSON.replacen(
            "\"date\": \"2023-11-13\"\n    }",
            "\"date\": \"bad\"\n    }",
            1,
        ),
        BUILT_IN_EVENT_JSON.replacen(
            "\"kind\": \"exhibition\",\n      \"date\": \"2023-11-13\"",
            "\"kind\": \"exhibition\",\n      \"date\": \"2023-11-13\", \"start\": \"9\"",
            1,
        ),
    ];
    for json in cases {
        let expected = reference_path(&json).expect("the case is broken");
        assert_eq!(parse_event(&json).unwrap_err().path, expected);
    }
}
