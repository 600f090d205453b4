//! A strict JSON reader (RFC 8259) for serde, whose errors name the field path.
//!
//! It reads a `&str` in one pass straight into the target type, without a tree of values
//! in between. What it refuses: trailing commas, comments, numbers with leading zeros,
//! control characters in strings, unknown escapes, `\u` escapes that leave a UTF-16
//! surrogate unpaired, anything after the top-level value, and arrays or objects nested
//! more than [`MAX_DEPTH`] deep where they are read into values (values of unknown
//! fields are skipped without recursion, at any depth).
//!
//! An object is the only form a struct is read from (never an array of its fields), and
//! only integers of 64 bits are read into values: a number with a fraction or an
//! exponent, an integer beyond 64 bits, or `-0` is refused as a floating-point number,
//! which the event format has no use for, so no float parsing ships.
//!
//! Errors in the data carry the path of the value they concern, written as
//! `people[2].name` (`.` for the whole file); a missing field is reported at the
//! field's own path with the problem `missing`. Syntax errors name the line and column.

use serde::de::{self, DeserializeSeed, Expected, IntoDeserializer, Unexpected, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Deepest nesting of arrays and objects read into values (as deep as serde_json reads).
pub const MAX_DEPTH: usize = 127;

/// One step of a field path, innermost first in [`Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
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
    fn syntax(at: usize, reason: &str) -> Error {
        Error {
            problem: reason.to_owned(),
            syntax_at: Some(at),
            path: Vec::new(),
        }
    }

    fn data(problem: String) -> Error {
        Error {
            problem,
            syntax_at: None,
            path: Vec::new(),
        }
    }

    /// The same error seen from one level further out, from the member `key`.
    fn in_member(mut self, key: &str) -> Error {
        if self.syntax_at.is_none() {
            self.path.push(Segment::Key(key.to_owned()));
        }
        self
    }

    /// The same error seen from one level further out, from the element at `index`.
    fn in_element(mut self, index: usize) -> Error {
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
    fn placed(mut self, json: &str) -> Error {
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
fn describe(found: Unexpected<'_>) -> String {
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

/// Reads `json` as one `T`; nothing but whitespace may follow the value.
pub fn from_str<'de, T: de::Deserialize<'de>>(json: &'de str) -> Result<T, Error> {
    let mut reader = Reader {
        json,
        at: 0,
        depth: 0,
    };
    T::deserialize(&mut reader)
        .and_then(|value| match reader.peek() {
            None => Ok(value),
            Some(_) => Err(reader.syntax("trailing characters")),
        })
        .map_err(|e| e.placed(json))
}

/// A number as written: an integer that fits 64 bits, or the text of a floating-point
/// number.
enum Number<'de> {
    Unsigned(u64),
    Signed(i64),
    Float(&'de str),
}

impl Number<'_> {
    /// The error for this number where `expected` belongs; a float is named as written.
    fn mismatch(self, expected: &dyn Expected) -> Error {
        match self {
            Number::Unsigned(n) => de::Error::invalid_type(Unexpected::Unsigned(n), expected),
            Number::Signed(n) => de::Error::invalid_type(Unexpected::Signed(n), expected),
            Number::Float(text) => Error::data(format!(
                "invalid type: floating point `{text}`, expected {expected}"
            )),
        }
    }
}

struct Reader<'de> {
    json: &'de str,
    /// Byte offset of the next byte to read.
    at: usize,
    /// Arrays and objects open around the value being read.
    depth: usize,
}

impl<'de> Reader<'de> {
    fn byte(&self) -> Option<u8> {
        self.json.as_bytes().get(self.at).copied()
    }

    fn rest(&self) -> &'de [u8] {
        self.json.as_bytes().get(self.at..).unwrap_or_default()
    }

    fn slice(&self, from: usize, to: usize) -> &'de str {
        self.json.get(from..to).unwrap_or_default()
    }

    fn syntax(&self, reason: &str) -> Error {
        let reason = if self.at >= self.json.len() {
            "unexpected end of the text"
        } else {
            reason
        };
        Error::syntax(self.at, reason)
    }

    /// Skips whitespace and returns the next byte without consuming it.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b) = self.byte() {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// Consumes `byte` after any whitespace, or fails with `reason`.
    fn expect(&mut self, byte: u8, reason: &str) -> Result<(), Error> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.syntax(reason))
        }
    }

    /// Opens an array or object (its bracket is next), counting the depth.
    fn enter(&mut self) -> Result<(), Error> {
        if self.depth >= MAX_DEPTH {
            return Err(self.syntax("arrays and objects nested too deeply"));
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    /// Consumes `word` (`true`, `false` or `null`), which starts at the next byte.
    fn literal(&mut self, word: &str) -> Result<(), Error> {
        if self.rest().starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.syntax("expected a value"))
        }
    }

    /// Reads a string whose opening quote is next; borrowed unless it has escapes.
    fn string(&mut self) -> Result<Cow<'de, str>, Error> {
        self.at += 1;
        let mut start = self.at;
        let mut owned: Option<String> = None;
        loop {
            match self.byte() {
                None => return Err(self.syntax("unterminated string")),
                Some(b'"') => {
                    let tail = self.slice(start, self.at);
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut text) => {
                            text.push_str(tail);
                            Cow::Owned(text)
                        }
                    });
                }
                Some(b'\\') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(self.slice(start, self.at));
                    self.at += 1;
                    text.push(self.escape()?);
                    start = self.at;
                }
                Some(0..=0x1F) => return Err(self.syntax("control character in a string")),
                Some(_) => self.at += 1,
            }
        }
    }

    /// Reads the rest of an escape after its backslash.
    fn escape(&mut self) -> Result<char, Error> {
        let backslash = self.at - 1;
        let c = match self.byte() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let unpaired = || Error::syntax(backslash, "unpaired surrogate in a \\u escape");
                let code = match self.hex4()? {
                    high @ 0xD800..=0xDBFF => {
                        if !self.rest().starts_with(b"\\u") {
                            return Err(unpaired());
                        }
                        self.at += 2;
                        match self.hex4()? {
                            low @ 0xDC00..=0xDFFF => {
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            }
                            _ => return Err(unpaired()),
                        }
                    }
                    0xDC00..=0xDFFF => return Err(unpaired()),
                    code => code,
                };
                return char::from_u32(code).ok_or_else(unpaired);
            }
            _ => return Err(self.syntax("invalid escape")),
        };
        self.at += 1;
        Ok(c)
    }

    /// Reads exactly four hexadecimal digits.
    fn hex4(&mut self) -> Result<u32, Error> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .byte()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.syntax("invalid \\u escape"))?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    /// Reads a number whose first byte is next: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Number<'de>, Error> {
        let start = self.at;
        if self.byte() == Some(b'-') {
            self.at += 1;
        }
        match self.byte() {
            Some(b'0') => {
                self.at += 1;
                if self.byte().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.syntax("number with a leading zero"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.syntax("invalid number")),
        }
        let mut integer = true;
        if self.byte() == Some(b'.') {
            integer = false;
            self.at += 1;
            self.some_digits()?;
        }
        if matches!(self.byte(), Some(b'e' | b'E')) {
            integer = false;
            self.at += 1;
            if matches!(self.byte(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.some_digits()?;
        }
        // As in serde_json, `-0` is the floating-point negative zero.
        let text = self.slice(start, self.at);
        Ok(match (integer, text.starts_with('-')) {
            (true, false) => text.parse().map_or(Number::Float(text), Number::Unsigned),
            (true, true) if text != "-0" => {
                text.parse().map_or(Number::Float(text), Number::Signed)
            }
            _ => Number::Float(text),
        })
    }

    fn digits(&mut self) {
        while self.byte().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), Error> {
        if !self.byte().is_some_and(|b| b.is_ascii_digit()) {
            return Err(self.syntax("invalid number"));
        }
        self.digits();
        Ok(())
    }

    /// Reads an object key and its colon; the key's opening quote must be next.
    fn key(&mut self) -> Result<Cow<'de, str>, Error> {
        if self.peek() != Some(b'"') {
            return Err(self.syntax("expected a string key"));
        }
        let key = self.string()?;
        self.expect(b':', "expected `:`")?;
        Ok(key)
    }

    /// After a `,` inside an array or object: refuses a closing bracket right after it.
    fn after_comma(&mut self) -> Result<(), Error> {
        self.at += 1;
        match self.peek() {
            Some(b']' | b'}') => Err(self.syntax("trailing comma")),
            _ => Ok(()),
        }
    }

    /// Skips one value of any shape, checking its syntax, with a heap stack of open
    /// brackets instead of recursion, so that nesting depth costs no stack.
    fn skip(&mut self) -> Result<(), Error> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                Some(b'[') => {
                    self.at += 1;
                    if self.peek() == Some(b']') {
                        self.at += 1;
                    } else {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'{') => {
                    self.at += 1;
                    if self.peek() == Some(b'}') {
                        self.at += 1;
                    } else {
                        open.push(b'}');
                        self.key()?;
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'n') => self.literal("null")?,
                _ => return Err(self.syntax("expected a value")),
            }
            // A value is complete: close what ends here, up to the next comma.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                match self.peek() {
                    Some(b',') => {
                        self.after_comma()?;
                        if close == b'}' {
                            self.key()?;
                        }
                        break;
                    }
                    Some(b) if b == close => {
                        self.at += 1;
                        open.pop();
                    }
                    _ if close == b']' => return Err(self.syntax("expected `,` or `]`")),
                    _ => return Err(self.syntax("expected `,` or `}`")),
                }
            }
        }
    }

    /// Opens the array (`[`) or object (`{`) that must come next.
    fn entries(&mut self, open: u8, expected: &dyn Expected) -> Result<Entries<'_, 'de>, Error> {
        if self.peek() != Some(open) {
            return Err(self.mismatch(expected));
        }
        self.enter()?;
        Ok(Entries {
            reader: self,
            close: if open == b'[' { b']' } else { b'}' },
            count: 0,
            done: false,
            key: Cow::Borrowed(""),
        })
    }

    /// In an enum written as an object (next), reads the variant's name and colon.
    fn variant_name(&mut self, expected: &dyn Expected) -> Result<Cow<'de, str>, Error> {
        self.enter()?;
        if self.peek() != Some(b'"') {
            return Err(de::Error::invalid_type(Unexpected::Map, expected));
        }
        self.key()
    }

    /// Closes an enum written as an object, which has one key.
    fn variant_end(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'}') => {
                self.at += 1;
                self.depth -= 1;
                Ok(())
            }
            Some(b',') => Err(Error::data(
                "invalid type: map with more than one key, expected one variant".into(),
            )),
            _ => Err(self.syntax("expected `,` or `}`")),
        }
    }

    /// The error for the value that comes next, of the wrong type where `expected`
    /// belongs; a syntax error when what comes next is not a value (or starts like one
    /// and breaks off).
    fn mismatch(&mut self, expected: &dyn Expected) -> Error {
        let found = match self.peek() {
            Some(b'[') => Ok(Unexpected::Seq),
            Some(b'{') => Ok(Unexpected::Map),
            Some(b'n') => self.literal("null").map(|()| Unexpected::Unit),
            Some(b't') => self.literal("true").map(|()| Unexpected::Bool(true)),
            Some(b'f') => self.literal("false").map(|()| Unexpected::Bool(false)),
            Some(b'"') => {
                return match self.string() {
                    Ok(text) => de::Error::invalid_type(Unexpected::Str(&text), expected),
                    Err(e) => e,
                }
            }
            Some(b'-' | b'0'..=b'9') => {
                return match self.number() {
                    Ok(number) => number.mismatch(expected),
                    Err(e) => e,
                }
            }
            _ => Err(self.syntax("expected a value")),
        };
        match found {
            Ok(found) => de::Error::invalid_type(found, expected),
            Err(e) => e,
        }
    }

    fn visit_number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        match self.number()? {
            Number::Unsigned(n) => visitor.visit_u64(n),
            Number::Signed(n) => visitor.visit_i64(n),
            float => Err(float.mismatch(&visitor)),
        }
    }

    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }
}

/// Deserializer methods that read a number the way `deserialize_u64` does.
macro_rules! forward_to_u64 {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                self.deserialize_u64(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'n') => {
                self.literal("null")?;
                visitor.visit_unit()
            }
            Some(b't' | b'f') => self.deserialize_bool(visitor),
            Some(b'"') => self.visit_string(visitor),
            Some(b'-' | b'0'..=b'9') => self.visit_number(visitor),
            Some(b'[') => self.deserialize_seq(visitor),
            Some(b'{') => self.deserialize_map(visitor),
            _ => Err(self.syntax("expected a value")),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b't') => {
                self.literal("true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.literal("false")?;
                visitor.visit_bool(false)
            }
            _ => Err(self.mismatch(&visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.visit_number(visitor),
            _ => Err(self.mismatch(&visitor)),
        }
    }

    // Every number is read as a 64-bit integer; a float is refused where one is read.
    forward_to_u64! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_f32 deserialize_f64
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'"') => self.visit_string(visitor),
            _ => Err(self.mismatch(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            visitor.visit_unit()
        } else {
            Err(self.mismatch(&visitor))
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut elements = self.entries(b'[', &visitor)?;
        let value = visitor.visit_seq(&mut elements)?;
        elements.finish()?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut members = self.entries(b'{', &visitor)?;
        let value = visitor.visit_map(&mut members)?;
        members.finish()?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// A unit variant is read from its name as a string, or from an object with that
    /// name as its one key (`{"video": null}`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'"') => {
                let name = self.string()?;
                visitor.visit_enum(name.as_ref().into_deserializer())
            }
            Some(b'{') => {
                let name = self.variant_name(&visitor)?;
                let value = visitor.visit_enum(Variant {
                    reader: &mut *self,
                    name,
                })?;
                self.variant_end()?;
                Ok(value)
            }
            _ => Err(self.mismatch(&visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip()?;
        visitor.visit_unit()
    }
}

/// The elements of an array or the members of an object being read.
struct Entries<'a, 'de> {
    reader: &'a mut Reader<'de>,
    /// The closing bracket, `]` or `}`.
    close: u8,
    /// Entries started so far.
    count: usize,
    done: bool,
    /// In an object, the key whose value comes next.
    key: Cow<'de, str>,
}

impl Entries<'_, '_> {
    /// Moves to the next entry, past its key and colon in an object; false at the end.
    fn advance(&mut self) -> Result<bool, Error> {
        if self.done {
            return Ok(false);
        }
        let reader = &mut *self.reader;
        match reader.peek() {
            Some(b) if b == self.close => {
                reader.at += 1;
                reader.depth -= 1;
                self.done = true;
                return Ok(false);
            }
            Some(b',') if self.count > 0 => reader.after_comma()?,
            _ if self.count > 0 => {
                return Err(reader.syntax(if self.close == b']' {
                    "expected `,` or `]`"
                } else {
                    "expected `,` or `}`"
                }))
            }
            _ => {}
        }
        self.count += 1;
        if self.close == b'}' {
            self.key = reader.key()?;
        }
        Ok(true)
    }

    /// Checks that every entry was read.
    fn finish(self) -> Result<(), Error> {
        if self.done {
            Ok(())
        } else {
            Err(self.reader.syntax("more entries than expected"))
        }
    }
}

impl<'de> de::SeqAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.advance()? {
            return Ok(None);
        }
        let index = self.count - 1;
        seed.deserialize(&mut *self.reader)
            .map(Some)
            .map_err(|e| e.in_element(index))
    }
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.advance()? {
            return Ok(None);
        }
        seed.deserialize(self.key.as_ref().into_deserializer())
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let key = &self.key;
        seed.deserialize(&mut *self.reader)
            .map_err(|e| e.in_member(key))
    }
}

/// An enum written as an object with the variant's name as its one key.
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
    name: Cow<'de, str>,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant = seed.deserialize(self.name.as_ref().into_deserializer())?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        let name = &self.name;
        de::Deserialize::deserialize(&mut *self.reader).map_err(|e| e.in_member(name))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        let name = &self.name;
        seed.deserialize(&mut *self.reader)
            .map_err(|e| e.in_member(name))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        let name = &self.name;
        de::Deserializer::deserialize_seq(&mut *self.reader, visitor).map_err(|e| e.in_member(name))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let name = &self.name;
        de::Deserializer::deserialize_map(&mut *self.reader, visitor).map_err(|e| e.in_member(name))
    }
}
