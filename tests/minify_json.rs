//! The JSON minifier used by `build.rs` for the built-in event: it removes whitespace
//! between tokens and changes nothing else.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/minify_json.rs"]
mod minify_json;
use forum_widget::model::{parse_event, BUILT_IN_EVENT_JSON, BUILT_IN_EVENT_MINIFIED};
use minify_json::minify;
use serde_json::Value;

#[test]
fn whitespace_between_tokens_goes_and_strings_stay() {
    let json = "{\n  \"a b\" : [ 1 ,\t2 ],\r\n  \"c\": \" x \\\" y\\\\\" , \"d\": \"\\\\\" }\n";
    assert_eq!(
        minify(json),
        "{\"a b\":[1,2],\"c\":\" x \\\" y\\\\\",\"d\":\"\\\\\"}"
    );
}

#[test]
fn the_shipped_built_in_event_is_the_data_file_minified() {
    assert_eq!(BUILT_IN_EVENT_MINIFIED, minify(BUILT_IN_EVENT_JSON));
    assert!(BUILT_IN_EVENT_MINIFIED.len() < BUILT_IN_EVENT_JSON.len());
    // An independent reader finds the same document in both.
    let pretty: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    let minified: Value = serde_json::from_str(BUILT_IN_EVENT_MINIFIED).unwrap();
    assert_eq!(pretty, minified);
    assert_eq!(
        parse_event(BUILT_IN_EVENT_JSON).unwrap(),
        parse_event(BUILT_IN_EVENT_MINIFIED).unwrap()
    );
}
