//! Generated JSON shared by the property tests of the reader and of the model.

use proptest::prelude::*;
use serde_json::Value;

/// JSON values, with floats only where `floats` is set, and strings drawn from all of
/// Unicode (serde_json escapes the control characters).
pub fn any_value(floats: bool) -> impl Strategy<Value = Value> {
    let number = if floats {
        prop_oneof![
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
        ]
        .boxed()
    } else {
        prop_oneof![
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from)
        ]
        .boxed()
    };
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number,
        any::<String>().prop_map(Value::String),
        prop_oneof![
            Just("2023-11-13"),
            Just("09:30"),
            Just("Asia/Shanghai"),
            Just("en"),
            Just("video"),
            Just("talk")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("version".to_owned()),
                        Just("id".to_owned()),
                        Just("name".to_owned()),
                        Just("en".to_owned()),
                        Just("start_date".to_owned()),
                        Just("time_zone".to_owned()),
                        Just("venue".to_owned()),
                        Just("people".to_owned()),
                        Just("program".to_owned()),
                        Just("role".to_owned()),
                        Just("attendance".to_owned()),
                        any::<String>(),
                    ],
                    inner
                ),
                0..8
            )
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}
