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
//!
//! `error` holds the error type and its paths, `reader` the lexer over the text, `read`
//! the readers of the event's types on top of it, `de` a serde `Deserializer` on the same
//! lexer (feature `serde-reference`, for the tests), `writer` the small writer used
//! for JSON-LD, and `compact` the positional form the default build reads its built-in
//! event from instead of JSON.

pub mod compact;
#[cfg(feature = "serde-reference")]
mod de;
mod error;
mod read;
mod reader;
pub mod writer;

pub use error::Error;
pub use read::{check, field, read, FromJson, Skipped};
pub use reader::Reader;
#[cfg(feature = "serde-reference")]
use serde::de::Deserialize;

/// Deepest nesting of arrays and objects read into values (as deep as serde_json reads).
pub const MAX_DEPTH: usize = 127;

/// Reads `json` as one serde `T`; nothing but whitespace may follow the value. Only for
/// the tests' comparison with serde_json (feature `serde-reference`): the widget reads
/// with [`read`].
#[cfg(feature = "serde-reference")]
pub fn from_str<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, Error> {
    Reader::whole(json, |r| T::deserialize(r))
}
