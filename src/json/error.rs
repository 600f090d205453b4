//! The reader's error: what is wrong, and the field path or line and column where.

use serde::de::{self, Expected, Unexpected};
use std::fmt;

/// One step of a field path, innermost first in [`Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Segment {
    Key(String),
    Index(usize),
}

/// Why a JSON text could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    problem: String,
    /// Byte offset of a syntax error; `None` for an error in the data.
    syntax_at: Option<usize>,
    /// The path of the value concerned, innermost segment first.
    path: Vec<Segment>,
}

impl Error {
    pub(super) fn syntax(at: usize, reason: &str) -> Error {
        Error {
            problem: reason.to_owned(),
            syntax_at: Some(at),
            path: Vec::new(),
        }
    }

    pub(super) fn data(problem: String) -> Error {
        Error {
            problem,
            syntax_at: None,
            path: Vec::new(),
        }
    }

    /// The same error seen from one level further out, from the member `key`.
    pub fn in_member(mut self, key: &str) -> Error {
        if self.syntax_at.is_none() {
            self.path.push(Segment::Key(key.to_owned()));
        }
        self
    }

    /// The same error seen from one level further out, from the element at `index`.
    pub(super) fn in_element(mut self, index: usize) -> Error {
        if self.syntax_at.is_none() {
            self.path.push(Segment::Index(index));
        }
        self
    }

    /// True when the text is not JSON at all, rather than JSON of the wrong shape.
    pub fn is_syntax(&self) -> bool {
        self.syntax_at.is_some()
    }

    /// What is wrong: `missing`, `invalid type: …`, or for a syntax error
    /// `invalid JSON at line 3, column 7: …`.
    pub fn problem(&self) -> &str {
        &self.problem
    }

    /// The field path, e.g. `people[2].name`; `.` for the whole file and for syntax errors.
    pub fn path(&self) -> String {
        let mut path = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Segment::Index(index) => {
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                }
            }
        }
        if path.is_empty() {
            path.push('.');
        }
        path
    }

    /// Turns a syntax error's byte offset into the line and column (in characters) of `json`.
    pub(super) fn placed(mut self, json: &str) -> Error {
        if let Some(at) = self.syntax_at {
            let before = json.as_bytes().get(..at).unwrap_or(json.as_bytes());
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |nl| nl + 1);
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let column = 1 + before[line_start..]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count();
            self.problem = format!(
                "invalid JSON at line {line}, column {column}: {}",
                self.problem
            );
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.problem)
    }
}

impl std::error::Error for Error {}

/// Names what was found as serde does, except that `null` is called so (as serde_json
/// does) and that the value of a floating-point number is left out: no float formatting
/// ships (the reader itself names a float in the text as written).
pub(super) fn describe(found: Unexpected<'_>) -> String {
    match found {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Other(other) => other.to_owned(),
        Unexpected::Float(_) => "floating point number".to_owned(),
        Unexpected::Char(c) => format!("character `{c}`"),
        Unexpected::Str(s) => format!("string \"{s}\""),
        Unexpected::Unit => "null".to_owned(),
        Unexpected::Seq => "sequence".to_owned(),
        Unexpected::Map => "map".to_owned(),
        Unexpected::Bytes(_) => "byte array".to_owned(),
        Unexpected::Option => "Option value".to_owned(),
        Unexpected::NewtypeStruct => "newtype struct".to_owned(),
        Unexpected::Enum => "enum".to_owned(),
        Unexpected::UnitVariant => "unit variant".to_owned(),
        Unexpected::NewtypeVariant => "newtype variant".to_owned(),
        Unexpected::TupleVariant => "tuple variant".to_owned(),
        Unexpected::StructVariant => "struct variant".to_owned(),
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::data(msg.to_string())
    }

    fn invalid_type(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::data(format!(
            "invalid type: {}, expected {expected}",
            describe(found)
        ))
    }

    fn invalid_value(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::data(format!(
            "invalid value: {}, expected {expected}",
            describe(found)
        ))
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        Error::data(format!("invalid length {len}, expected {expected}"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let mut problem = format!("unknown variant `{variant}`, ");
        match expected {
            [] => problem.push_str("there are no variants"),
            [only] => problem.push_str(&format!("expected `{only}`")),
            [a, b] => problem.push_str(&format!("expected `{a}` or `{b}`")),
            _ => {
                problem.push_str("expected one of ");
                for (i, name) in expected.iter().enumerate() {
                    if i > 0 {
                        problem.push_str(", ");
                    }
                    problem.push('`');
                    problem.push_str(name);
                    problem.push('`');
                }
            }
        }
        Error::data(problem)
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        Error::data(format!("unknown field `{field}`"))
    }

    fn missing_field(field: &'static str) -> Self {
        Error {
            problem: "missing".to_owned(),
            syntax_at: None,
            path: vec![Segment::Key(field.to_owned())],
        }
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::data(format!("duplicate field `{field}`"))
    }
}
