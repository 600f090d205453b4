//! An independent reference for reading event files: serde_json for the syntax and the
//! values, serde_path_to_error for field paths, taken in the order in which
//! `parse_event` reports problems (broken JSON, then a file that is not one object,
//! then the version, then the first error in the data).
//!
//! The reader in `model::json` is stricter than serde_json in two documented ways, which
//! [`compare`] accepts only when the input really has that shape:
//! - a struct is read from an object only, never from an array of its fields (the
//!   comparison then goes on with that array written as the object serde_json reads);
//! - a `\u` escape that leaves a UTF-16 surrogate unpaired is refused everywhere, where
//!   serde_json lets it pass in the values of unknown fields.

use forum_widget::json;
use forum_widget::model::{parse_event, Event};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;

/// What the reference makes of a file.
#[derive(Debug)]
pub enum Outcome {
    /// Not JSON.
    Syntax,
    /// JSON, but not an object.
    NotAnObject,
    /// A problem with the version: the start of the expected message.
    Version(String),
    /// The first error in the data: its path and serde's message for it.
    Data { path: String, message: String },
    /// The event as serde_json reads it.
    Event(Box<Event>),
}

#[derive(Deserialize)]
struct Header {
    version: Option<u64>,
}

/// serde_json's message without the position it appends.
fn message_of(error: &serde_json::Error) -> String {
    let full = error.to_string();
    match (error.line(), full.rfind(" at line ")) {
        (1.., Some(at)) => full[..at].to_owned(),
        _ => full,
    }
}

/// `serde_path_to_error`'s path, with a missing field's name appended as `parse_event`
/// reports it.
fn path_of(error: &serde_path_to_error::Error<serde_json::Error>) -> String {
    let path = error.path().to_string();
    let message = message_of(error.inner());
    match message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        Some(field) if path == "." => field.to_owned(),
        Some(field) => format!("{path}.{field}"),
        None => path,
    }
}

pub fn reference(text: &str) -> Outcome {
    if serde_json::from_str::<IgnoredAny>(text).is_err() {
        return Outcome::Syntax;
    }
    if !text.trim_start().starts_with('{') {
        return Outcome::NotAnObject;
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Header>(de) {
        Err(e) if e.path().to_string() == "version" => {
            return Outcome::Version("must be a number: 1 or 2".into())
        }
        Err(e) => {
            return Outcome::Data {
                path: path_of(&e),
                message: message_of(e.inner()),
            }
        }
        Ok(Header { version: None }) => return Outcome::Version("missing".into()),
        Ok(Header { version: Some(v) }) if !(1..=2).contains(&v) => {
            return Outcome::Version(format!("unsupported version {v}"))
        }
        Ok(_) => {}
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Event>(de) {
        Ok(event) => Outcome::Event(Box::new(event)),
        Err(e) => Outcome::Data {
            path: path_of(&e),
            message: message_of(e.inner()),
        },
    }
}

/// The text after the last `, expected `: what the visitor wanted.
fn wanted(message: &str) -> Option<&str> {
    message.rsplit_once(", expected ").map(|(_, w)| w)
}

/// Whether `ours` says the same as serde's `message`, allowing for the reader's own
/// wording where serde_json has its own words or writes a value differently.
fn same_problem(message: &str, ours: &str) -> bool {
    if message == ours {
        return true;
    }
    if let Some(field) = message.strip_prefix("missing field `") {
        return !field.is_empty() && ours == "missing";
    }
    // Floats are named as written, strings without escapes: only the kind of value
    // found and what was expected must agree.
    for kind in ["invalid type: floating point ", "invalid type: string "] {
        if message.starts_with(kind) {
            return ours.starts_with(kind) && wanted(message) == wanted(ours);
        }
    }
    // serde_json's words for a number, an array or a broken object where an enum belongs,
    // and for a number too large for a float where a text belongs.
    if message == "expected value" || message == "number out of range" {
        return ours.starts_with("invalid type: ");
    }
    false
}

/// Whether `text` has a `\u` escape that leaves a surrogate unpaired, by serde_json's
/// account when it reads every string.
fn has_unpaired_surrogate(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_err_and(|e| {
        let e = e.to_string();
        e.contains("surrogate") || e.contains("end of hex escape")
    })
}

/// The JSON pointer of a path as `parse_event` writes it (`people[1].name`).
fn pointer_of(path: &str) -> String {
    let mut pointer = String::new();
    if path == "." {
        return pointer;
    }
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').unwrap_or((part, ""));
        pointer.push('/');
        pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            pointer.push('/');
            pointer.push_str(index.trim_end_matches(']'));
        }
    }
    pointer
}

/// The field names that serde's derive gives a struct, caught from `deserialize_struct`.
#[derive(Debug)]
struct Fields(&'static [&'static str]);

impl std::fmt::Display for Fields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for Fields {}

impl serde::de::Error for Fields {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Fields(&[])
    }
}

struct CatchFields;

impl<'de> serde::Deserializer<'de> for CatchFields {
    type Error = Fields;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
        Err(Fields(&[]))
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Fields> {
        Err(Fields(fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

fn fields_of<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    T::deserialize(CatchFields).err().map_or(&[], |f| f.0)
}

/// `text` with the array at `path` written as the object serde_json reads it as: the
/// struct `name`'s fields in order, any further elements under keys it ignores.
fn as_object(text: &str, path: &str, name: &str) -> Option<String> {
    use forum_widget::model::{
        Figure, Organisation, Person, ProgramItem, ScriptName, Source, Venue,
    };
    let fields = match name {
        "Event" => fields_of::<Event>(),
        "Venue" => fields_of::<Venue>(),
        "Organisation" => fields_of::<Organisation>(),
        "Figure" => fields_of::<Figure>(),
        "ScriptName" => fields_of::<ScriptName>(),
        "Person" => fields_of::<Person>(),
        "ProgramItem" => fields_of::<ProgramItem>(),
        "Source" => fields_of::<Source>(),
        _ => return None,
    };
    let mut value: Value = serde_json::from_str(text).ok()?;
    let slot = value.pointer_mut(&pointer_of(path))?;
    let Value::Array(items) = slot.take() else {
        return None;
    };
    let mut object = serde_json::Map::new();
    for (i, item) in items.into_iter().enumerate() {
        let key = fields
            .get(i)
            .map_or(format!("extra {i}"), |f| (*f).to_owned());
        object.insert(key, item);
    }
    *slot = Value::Object(object);
    Some(value.to_string())
}

/// Checks `parse_event` and `json::from_str::<Event>` against the reference for `text`;
/// `Err` says how they differ.
pub fn compare(text: &str) -> Result<(), String> {
    let expected = reference(text);
    let ours = parse_event(text);
    let read = || json::from_str::<Event>(text);
    let differ = || format!("reference {expected:?}, parse_event {ours:?}");
    if let Err(e) = &ours {
        if e.problem.contains("unpaired surrogate") {
            return if e.path == "." && has_unpaired_surrogate(text) {
                Ok(())
            } else {
                Err(differ())
            };
        }
        // An array where a struct belongs: serde_json reads it as the struct's fields in
        // order. With the array written as that object, both must agree.
        if let Some(name) = e
            .problem
            .strip_prefix("invalid type: sequence, expected struct ")
        {
            return match as_object(text, &e.path, name) {
                Some(rewritten) => compare(&rewritten),
                None => Err(differ()),
            };
        }
    }
    let agrees = match (&expected, &ours) {
        (Outcome::Syntax, Err(e)) => {
            e.path == "." && e.problem.starts_with("invalid JSON at line ") && read().is_err()
        }
        (Outcome::NotAnObject, Err(e)) => {
            e.path == "." && e.problem == "expected a JSON object describing one event"
        }
        (Outcome::Version(part), Err(e)) => e.path == "version" && e.problem.contains(part),
        (Outcome::Data { path, message }, Err(e)) => {
            e.path == *path && same_problem(message, &e.problem)
        }
        (Outcome::Event(event), result) => {
            let read_same = read().is_ok_and(|r| r == **event);
            let parsed_same = match result {
                Ok(parsed) => {
                    let mut sorted = event.as_ref().clone();
                    sorted
                        .program
                        .sort_by_key(|item| (item.date, item.start.is_none(), item.start));
                    *parsed == sorted
                }
                // Refused by validation, which reads the same event.
                Err(e) => e.path != "." && e.path != "version",
            };
            read_same && parsed_same
        }
        _ => false,
    };
    if agrees {
        Ok(())
    } else {
        Err(differ())
    }
}
