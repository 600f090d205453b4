//! The JSON reader (`model::json`) against serde_json: the same files accepted and
//! refused, the same values and events read, the same field paths (through
//! `serde_path_to_error`), for the corpus, the built-in event, and generated files.
#![cfg(not(target_arch = "wasm32"))]

mod reference;
mod strategies;

use strategies::any_value;

use forum_widget::json;
use forum_widget::model::{parse_event, BUILT_IN_EVENT_JSON};
use proptest::prelude::*;
use reference::compare;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;
use std::fs;

/// True when `value` holds a number that is not an integer of 64 bits.
fn has_float(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_f64(),
        Value::Array(items) => items.iter().any(has_float),
        Value::Object(map) => map.values().any(has_float),
        _ => false,
    }
}

/// Reads `text` into a serde_json `Value` with both readers. Where serde_json reads a
/// floating-point number, the reader refuses it: that is the one accepted difference,
/// and then `None` is returned.
fn both_values(text: &str) -> Option<(Result<Value, String>, Result<Value, String>)> {
    let theirs = serde_json::from_str::<Value>(text).map_err(|e| e.to_string());
    let ours = json::from_str::<Value>(text).map_err(|e| e.to_string());
    match (&theirs, &ours) {
        (Ok(v), Err(e)) if e.contains("floating point `") && has_float(v) => None,
        _ => Some((theirs, ours)),
    }
}

/// `text` (JSON) with every character outside ASCII written as `\u` escapes, as UTF-16.
fn ascii_escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// Whether serde_json refuses `text`, when it reads every string, because of a `\\u`
/// escape that leaves a surrogate unpaired (which it lets pass in skipped values).
fn unpaired_surrogate(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_err_and(|e| {
        let e = e.to_string();
        e.contains("surrogate") || e.contains("end of hex escape")
    })
}

/// Both readers accept `text` or both refuse it, read as a value and when skipped;
/// accepted values are equal.
fn assert_same_value(text: &str) {
    let skipped = json::from_str::<IgnoredAny>(text);
    let their_skipped = serde_json::from_str::<IgnoredAny>(text);
    assert_eq!(
        skipped.is_ok(),
        their_skipped.is_ok() && !unpaired_surrogate(text),
        "skipping {text:?}: {skipped:?}"
    );
    if let Some((theirs, ours)) = both_values(text) {
        match (&theirs, &ours) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{text:?}: serde_json {theirs:?}, reader {ours:?}"),
        }
    }
}

#[test]
fn json_syntax_is_strict() {
    for bad in [
        "",
        " ",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "// c\n1",
        "/* c */ 1",
        "[1] // c",
        "01",
        "-01",
        "00",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "Infinity",
        "tru",
        "nul",
        "True",
        "\"a\u{0}b\"",
        "\"tab\there\"",
        "\"new\nline\"",
        "\"\\x41\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800\\n\"",
        "\"\\ud800x\"",
        "\"unterminated",
        "[1] x",
        "{} {}",
        "1 2",
        "[",
        "{",
        "{\"a\":",
        "[1,",
        "]",
        "}",
        "\u{feff}{}",
        "\u{a0}1",
        "[1}",
        "{\"a\":1]",
        "[{]}",
        "{\"a\":[}]",
        "{\"a\"}",
        "{\"a\":}",
        "{,}",
        "[,1]",
        "{\"a\":1 \"b\":2}",
        "{1:2}",
    ] {
        assert!(json::from_str::<Value>(bad).is_err(), "accepted {bad:?}");
        assert!(
            json::from_str::<IgnoredAny>(bad).is_err(),
            "skipped {bad:?}"
        );
        assert!(
            serde_json::from_str::<Value>(bad).is_err(),
            "serde_json: {bad:?}"
        );
    }
    assert_same_value("-0");
    for good in [
        "0",
        "[0, -1, 18446744073709551615, -9223372036854775808]",
        " \t\r\n{ \"a\" : [ ] , \"b\" : { } } \n",
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 \\uFFFF\"",
        "\"\u{7f}\u{80}€😀\"",
        "{\"a\":1,\"a\":2}",
    ] {
        assert_same_value(good);
        assert!(json::from_str::<Value>(good).is_ok(), "refused {good:?}");
    }
}

#[test]
fn syntax_errors_name_line_and_column_in_characters() {
    let error = json::from_str::<Value>("{\n  \"é\": [1,\n   ]}").unwrap_err();
    assert!(error.is_syntax());
    assert_eq!(error.path(), ".");
    assert_eq!(
        error.problem(),
        "invalid JSON at line 3, column 4: trailing comma"
    );
    let error = json::from_str::<Value>("[\"é\" x]").unwrap_err();
    assert_eq!(
        error.problem(),
        "invalid JSON at line 1, column 6: expected `,` or `]`"
    );
    let error = json::from_str::<Value>("[1").unwrap_err();
    assert_eq!(
        error.problem(),
        "invalid JSON at line 1, column 3: unexpected end of the text"
    );
}

#[test]
fn broken_json_anywhere_is_reported_before_other_problems() {
    let compact = serde_json::from_str::<Value>(BUILT_IN_EVENT_JSON)
        .unwrap()
        .to_string();
    for text in [
        format!(" {}", &compact[1..]),
        format!("[1] {compact}"),
        compact.replacen("\"version\":1", "\"version\":\"1\"", 1) + ",",
        compact
            .replacen("\"version\":1", "\"version\":2", 1)
            .replacen("}", "},", 1),
        compact.replacen("\"name\":{", "\"name\":7,\"x\":{", 1) + "]",
    ] {
        compare(&text).unwrap_or_else(|d| panic!("{text:.40}: {d}"));
        let error = parse_event(&text).unwrap_err();
        assert!(error.problem.starts_with("invalid JSON"), "{error}");
    }
}

/// Arrays nested `depth` deep as a type, so that each level is read into a value.
#[derive(Debug, Deserialize, PartialEq)]
struct Nested(Vec<Nested>);

#[test]
fn nesting_is_limited_like_serde_json_where_values_are_read() {
    for depth in [1, 100, 126, 127, 128, 129, 5000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let ours = json::from_str::<Nested>(&text);
        let theirs = serde_json::from_str::<Nested>(&text);
        assert_eq!(ours.is_ok(), theirs.is_ok(), "depth {depth}: {ours:?}");
        if depth > json::MAX_DEPTH {
            let problem = ours.unwrap_err().problem().to_owned();
            assert!(problem.contains("nested too deeply"), "{problem}");
        }
        assert_same_value(&text);
    }
}

#[test]
fn values_of_unknown_fields_are_skipped_at_any_depth() {
    let deep = format!("{}\"x\"{}", "[{\"k\":".repeat(20_000), "}]".repeat(20_000));
    let text = BUILT_IN_EVENT_JSON.replacen('{', &format!("{{\"extra\": {deep},"), 1);
    compare(&text).unwrap();
    assert!(parse_event(&text).is_ok());
    let broken = text.replacen("\"x\"", "\"x\",", 1);
    compare(&broken).unwrap();
    let unpaired = BUILT_IN_EVENT_JSON.replacen('{', "{\"extra\": \"\\udead\",", 1);
    compare(&unpaired).unwrap();
    let error = parse_event(&unpaired).unwrap_err();
    assert!(error.problem.contains("unpaired surrogate"), "{error}");
}

#[test]
fn every_corpus_file_and_the_built_in_event_read_as_serde_json_reads_them() {
    let mut files = 0;
    for entry in fs::read_dir("tests/corpus").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = fs::read_to_string(&path).unwrap();
            if let Err(difference) = compare(&text) {
                panic!("{}: {difference}", path.display());
            }
            files += 1;
        }
    }
    assert!(files >= 81, "{files} files");
    compare(BUILT_IN_EVENT_JSON).unwrap();
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(BUILT_IN_EVENT_JSON).unwrap())
            .unwrap();
    compare(&pretty).unwrap();
}

#[test]
fn enumerations_read_from_a_name_or_an_object_with_that_name() {
    let with =
        |attendance: &str| BUILT_IN_EVENT_JSON.replacen("\"attendance\": \"video\"", attendance, 1);
    for text in [
        with("\"attendance\": {\"in_person\": null}"),
        with("\"attendance\": {\"in_person\": 1}"),
        with("\"attendance\": {\"in_person\": null, \"video\": null}"),
        with("\"attendance\": {}"),
        with("\"attendance\": {\"hologram\": null}"),
        with("\"attendance\": \"hologram\""),
        with("\"attendance\": 7"),
    ] {
        compare(&text).unwrap_or_else(|d| panic!("{d}"));
    }
}

#[test]
fn structs_are_read_from_objects_only() {
    let mut value: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    value["people"][1]["native_name"] = serde_json::json!(["Синиша Мали", "sr-Cyrl"]);
    let accepted_by_serde_json = value.to_string();
    value["people"][1]["organisation"]["en"] = serde_json::json!([1]);
    let refused_later_by_serde_json = value.to_string();
    for text in [accepted_by_serde_json, refused_later_by_serde_json] {
        compare(&text).unwrap_or_else(|d| panic!("{d}"));
        let error = parse_event(&text).unwrap_err();
        assert_eq!(error.path, "people[1].native_name");
        assert_eq!(
            error.problem,
            "invalid type: sequence, expected struct ScriptName"
        );
    }
}

/// The built-in event as a `Value`, with `count` of its values replaced by `values`.
fn built_in_with(replacements: Vec<(prop::sample::Index, Value)>) -> Value {
    let mut event: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    for (index, value) in replacements {
        let mut pointers = Vec::new();
        collect_pointers(&event, String::new(), &mut pointers);
        let pointer = index.get(&pointers).clone();
        if let Some(slot) = event.pointer_mut(&pointer) {
            *slot = value;
        }
    }
    event
}

fn collect_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                collect_pointers(v, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Small edits of a text: replace, insert or delete one character, with characters that
/// matter to JSON most of the time.
#[derive(Debug, Clone)]
enum Edit {
    Replace(prop::sample::Index, char),
    Insert(prop::sample::Index, char),
    Delete(prop::sample::Index),
}

fn any_edit() -> impl Strategy<Value = Edit> {
    let c = prop_oneof![
        8 => prop::sample::select(
            "{}[],:\"\\/ \n\t0123456789-+.eEtrufalsn\u{0}\u{1f}\u{7f}é😀".chars().collect::<Vec<_>>()
        ),
        1 => any::<char>(),
    ];
    prop_oneof![
        (any::<prop::sample::Index>(), c.clone()).prop_map(|(i, c)| Edit::Replace(i, c)),
        (any::<prop::sample::Index>(), c).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<prop::sample::Index>().prop_map(Edit::Delete),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        match *edit {
            Edit::Replace(i, c) if !chars.is_empty() => {
                let at = i.index(chars.len());
                chars[at] = c;
            }
            Edit::Insert(i, c) => {
                let at = i.index(chars.len() + 1);
                chars.insert(at, c);
            }
            Edit::Delete(i) if !chars.is_empty() => {
                let at = i.index(chars.len());
                chars.remove(at);
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn values_read_the_same(value in any_value(false)) {
        let text = value.to_string();
        prop_assert_eq!(json::from_str::<Value>(&text).ok(), Some(value.clone()));
        prop_assert_eq!(json::from_str::<Value>(&ascii_escaped(&text)).ok(), Some(value.clone()));
        assert_same_value(&serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn edited_values_are_accepted_and_refused_alike(value in any_value(true), edits in prop::collection::vec(any_edit(), 1..4)) {
        assert_same_value(&apply(&value.to_string(), &edits));
    }

    #[test]
    fn edited_values_of_unknown_fields_are_skipped_as_serde_json_skips_them(value in any_value(true), edits in prop::collection::vec(any_edit(), 0..3)) {
        let extra = apply(&value.to_string(), &edits);
        let text = BUILT_IN_EVENT_JSON.replacen("\"venue\": {", &format!("\"venue\": {{\"extra\": {extra}, "), 1);
        compare(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn arbitrary_json_reads_as_an_event_as_serde_json_reads_it(value in any_value(true)) {
        let text = value.to_string();
        compare(&text).map_err(TestCaseError::fail)?;
        let mut with_version = value;
        if let Value::Object(map) = &mut with_version {
            map.insert("version".into(), Value::from(1));
        }
        compare(&with_version.to_string()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn the_built_in_event_with_values_replaced_reads_as_serde_json_reads_it(
        replacements in prop::collection::vec((any::<prop::sample::Index>(), any_value(true)), 1..4)
    ) {
        let event = built_in_with(replacements);
        compare(&event.to_string()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn truncated_files_are_refused_as_serde_json_refuses_them(cut in any::<prop::sample::Index>(), pretty in any::<bool>()) {
        let text = if pretty {
            BUILT_IN_EVENT_JSON.to_owned()
        } else {
            serde_json::from_str::<Value>(BUILT_IN_EVENT_JSON).unwrap().to_string()
        };
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let end = *cut.get(&ends);
        compare(&text[..end]).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn edited_files_read_as_serde_json_reads_them(edits in prop::collection::vec(any_edit(), 1..4), pretty in any::<bool>()) {
        let text = if pretty {
            BUILT_IN_EVENT_JSON.to_owned()
        } else {
            serde_json::from_str::<Value>(BUILT_IN_EVENT_JSON).unwrap().to_string()
        };
        compare(&apply(&text, &edits)).map_err(TestCaseError::fail)?;
    }
}
