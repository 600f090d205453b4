//! The event format's types read straight from the lexer, by hand rather than through
//! serde's derived visitors: one object loop and one array loop serve every type, where
//! the derive writes a visitor, a field enum and a map loop per struct and inlines them
//! all. The result, the messages and the field paths are those serde's derive gives
//! with [`super::from_str`] (`tests/json_path.rs` compares the two on every field of
//! the built-in event and on the corpus).

use super::error::Error;
use super::reader::{Number, Reader};
use serde::de::{Error as _, Expected, Unexpected};
use std::borrow::Cow;

/// A type read from JSON text.
pub trait FromJson<'de>: Sized {
    fn read(r: &mut Reader<'de>) -> Result<Self, Error>;

    /// The value of a struct field that is absent and has no default: an error, except
    /// for an `Option`, which is then `None` (as with serde's derive).
    fn missing(field: &'static str) -> Result<Self, Error> {
        Err(Error::missing_field(field))
    }
}

/// Reads `json` as one `T`; nothing but whitespace may follow the value.
pub fn read<'de, T: FromJson<'de>>(json: &'de str) -> Result<T, Error> {
    Reader::whole(json, T::read)
}

/// Checks that `json` is one JSON value, reading nothing into memory.
pub fn check(json: &str) -> Result<(), Error> {
    read::<Skipped>(json).map(|_| ())
}

/// Any value, checked and skipped.
pub struct Skipped;

impl FromJson<'_> for Skipped {
    fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.skip().map(|()| Skipped)
    }
}

impl<'de> Reader<'de> {
    /// Reads the object that must come next (else the error names `expected`), calling
    /// `member` with each key; `member` reads or skips the value.
    pub fn object(
        &mut self,
        expected: &str,
        member: &mut dyn FnMut(&mut Self, &str) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.open(b'{', &expected)?;
        let mut started = false;
        while self.next_entry(b'}', started)? {
            started = true;
            let key = self.key()?;
            member(self, &key)?;
        }
        Ok(())
    }

    /// Reads the array that must come next, calling `element` with each index.
    pub fn array(
        &mut self,
        expected: &str,
        element: &mut dyn FnMut(&mut Self, usize) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.open(b'[', &expected)?;
        let mut index = 0;
        while self.next_entry(b']', index > 0)? {
            element(self, index).map_err(|e| e.in_element(index))?;
            index += 1;
        }
        Ok(())
    }

    /// Opens the array or object whose `bracket` must come next, else the error names
    /// `expected`.
    pub(super) fn open(&mut self, bracket: u8, expected: &dyn Expected) -> Result<(), Error> {
        if self.peek() != Some(bracket) {
            return Err(self.mismatch(expected));
        }
        self.enter()
    }

    /// Moves past the `,` before the next entry (none before the first, once `started`
    /// is false); false, past the `close` bracket, at the end.
    pub(super) fn next_entry(&mut self, close: u8, started: bool) -> Result<bool, Error> {
        match self.peek() {
            Some(b) if b == close => {
                self.at += 1;
                self.depth -= 1;
                return Ok(false);
            }
            Some(b',') if started => self.after_comma()?,
            _ if started => {
                return Err(self.syntax(if close == b']' {
                    "expected `,` or `]`"
                } else {
                    "expected `,` or `}`"
                }))
            }
            _ => {}
        }
        Ok(true)
    }

    /// Reads the string that must come next, else the error names `expected`.
    pub fn text(&mut self, expected: &str) -> Result<Cow<'de, str>, Error> {
        if self.peek() != Some(b'"') {
            return Err(self.mismatch(&expected));
        }
        self.string()
    }

    /// Reads a unit enum's variant as serde does: its name as a string, or an object
    /// whose one key is the name and whose value is `null`. Gives the variant's index.
    pub fn variant(
        &mut self,
        expected: &str,
        names: &'static [&'static str],
    ) -> Result<usize, Error> {
        let find = |name: &str| {
            names
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| Error::unknown_variant(name, names))
        };
        match self.peek() {
            Some(b'"') => find(&self.string()?),
            Some(b'{') => {
                let name = self.variant_name(&expected)?;
                let index = find(&name)?;
                if self.peek() == Some(b'n') {
                    self.literal("null")?;
                } else {
                    return Err(self.mismatch(&"unit").in_member(&name));
                }
                self.variant_end()?;
                Ok(index)
            }
            _ => Err(self.mismatch(&expected)),
        }
    }

    /// Reads an integer that must come next and fit `max`, named `expected` (`u32`).
    fn unsigned(&mut self, expected: &str, max: u64) -> Result<u64, Error> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.mismatch(&expected));
        }
        match self.number()? {
            Number::Unsigned(n) if n <= max => Ok(n),
            Number::Unsigned(n) => Err(Error::invalid_value(Unexpected::Unsigned(n), &expected)),
            Number::Signed(n) => Err(Error::invalid_value(Unexpected::Signed(n), &expected)),
            float => Err(float.mismatch(&expected)),
        }
    }
}

/// Stores the value of a struct field read at `key`, refusing a second one.
pub fn field<'de, T: FromJson<'de>>(
    slot: &mut Option<T>,
    r: &mut Reader<'de>,
    key: &'static str,
) -> Result<(), Error> {
    if slot.is_some() {
        return Err(Error::duplicate_field(key));
    }
    *slot = Some(T::read(r).map_err(|e| e.in_member(key))?);
    Ok(())
}

impl<'de> FromJson<'de> for String {
    fn read(r: &mut Reader<'de>) -> Result<Self, Error> {
        r.text("a string").map(Cow::into_owned)
    }
}

impl<'de> FromJson<'de> for u32 {
    fn read(r: &mut Reader<'de>) -> Result<Self, Error> {
        // In range by the check; the fallback is never taken.
        r.unsigned("u32", u32::MAX.into())
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
    }
}

impl<'de> FromJson<'de> for u64 {
    fn read(r: &mut Reader<'de>) -> Result<Self, Error> {
        r.unsigned("u64", u64::MAX)
    }
}

impl<'de, T: FromJson<'de>> FromJson<'de> for Option<T> {
    fn read(r: &mut Reader<'de>) -> Result<Self, Error> {
        if r.peek() == Some(b'n') {
            r.literal("null")?;
            Ok(None)
        } else {
            T::read(r).map(Some)
        }
    }

    fn missing(_: &'static str) -> Result<Self, Error> {
        Ok(None)
    }
}

impl<'de, T: FromJson<'de>> FromJson<'de> for Vec<T> {
    fn read(r: &mut Reader<'de>) -> Result<Self, Error> {
        let mut out = Vec::new();
        r.array("a sequence", &mut |r, _| {
            out.push(T::read(r)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// Reads a struct from an object the way serde's derive does: unknown members skipped,
/// a member twice refused, an absent member its default or, without one, an error
/// naming it (an absent `Option` is `None`). Members are `field` (JSON key = the
/// field's name) or `field as "key"`, each optionally `= default`. Also the reader and
/// writer of the struct's positional form (`compact`): every field, in this order.
#[macro_export]
macro_rules! json_struct {
    ($ty:ident, $expected:literal, { $($field:ident $(as $key:literal)? $(= $default:expr)?),* $(,)? }) => {
        impl<'de> $crate::json::FromJson<'de> for $ty {
            fn read(r: &mut $crate::json::Reader<'de>) -> Result<Self, $crate::json::Error> {
                $(let mut $field = None;)*
                r.object($expected, &mut |r, key| {
                    $(
                        if key == $crate::json_struct!(@key $field $($key)?) {
                            return $crate::json::field(
                                &mut $field, r, $crate::json_struct!(@key $field $($key)?));
                        }
                    )*
                    r.skip()
                })?;
                Ok($ty {
                    $($field: match $field {
                        Some(value) => value,
                        None => $crate::json_struct!(
                            @missing $crate::json_struct!(@key $field $($key)?) $(, $default)?),
                    },)*
                })
            }
        }
        impl $crate::json::compact::FromCompact for $ty {
            fn take(r: &mut $crate::json::compact::Compact) -> Option<Self> {
                Some($ty { $($field: $crate::json::compact::FromCompact::take(r)?,)* })
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        impl $crate::json::compact::ToCompact for $ty {
            fn put(&self, out: &mut String) {
                $($crate::json::compact::ToCompact::put(&self.$field, out);)*
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
    (@missing $key:expr) => { $crate::json::FromJson::missing($key)? };
    (@missing $key:expr, $default:expr) => { $default };
}

/// Reads a unit enum from its variants' JSON names, as serde's derive does (and, in the
/// positional form, from its variant's index in this list).
#[macro_export]
macro_rules! json_enum {
    ($ty:ident, $expected:literal, { $($name:literal => $variant:ident),* $(,)? }) => {
        impl<'de> $crate::json::FromJson<'de> for $ty {
            fn read(r: &mut $crate::json::Reader<'de>) -> Result<Self, $crate::json::Error> {
                const NAMES: &[&str] = &[$($name),*];
                const VARIANTS: &[$ty] = &[$($ty::$variant),*];
                let index = r.variant($expected, NAMES)?;
                Ok(VARIANTS[index])
            }
        }
        impl $crate::json::compact::FromCompact for $ty {
            fn take(r: &mut $crate::json::compact::Compact) -> Option<Self> {
                const VARIANTS: &[$ty] = &[$($ty::$variant),*];
                VARIANTS.get(r.count()).copied()
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        impl $crate::json::compact::ToCompact for $ty {
            fn put(&self, out: &mut String) {
                const VARIANTS: &[$ty] = &[$($ty::$variant),*];
                let at = VARIANTS.iter().position(|v| v == self).unwrap_or(0);
                $crate::json::compact::token(out, &at.to_string());
            }
        }
    };
}
