//! The lexer: bytes of the text into literals, numbers, strings and structure.

use super::error::Error;
use super::MAX_DEPTH;
use serde::de::{self, Expected, Unexpected};
use std::borrow::Cow;

/// A number as written: an integer that fits 64 bits, or the text of a floating-point
/// number.
pub(super) enum Number<'de> {
    Unsigned(u64),
    Signed(i64),
    Float(&'de str),
}

impl Number<'_> {
    /// The error for this number where `expected` belongs; a float is named as written.
    pub(super) fn mismatch(self, expected: &dyn Expected) -> Error {
        match self {
            Number::Unsigned(n) => de::Error::invalid_type(Unexpected::Unsigned(n), expected),
            Number::Signed(n) => de::Error::invalid_type(Unexpected::Signed(n), expected),
            Number::Float(text) => Error::data(format!(
                "invalid type: floating point `{text}`, expected {expected}"
            )),
        }
    }
}

/// The lexer's position in a text; [`super::FromJson`] types read from it.
pub struct Reader<'de> {
    pub(super) json: &'de str,
    /// Byte offset of the next byte to read.
    pub(super) at: usize,
    /// Arrays and objects open around the value being read.
    pub(super) depth: usize,
}

impl<'de> Reader<'de> {
    /// Reads `json` with `read`; nothing but whitespace may follow the value.
    pub(super) fn whole<T>(
        json: &'de str,
        read: impl FnOnce(&mut Reader<'de>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut r = Reader {
            json,
            at: 0,
            depth: 0,
        };
        read(&mut r)
            .and_then(|value| match r.peek() {
                None => Ok(value),
                Some(_) => Err(r.syntax("trailing characters")),
            })
            .map_err(|e| e.placed(json))
    }

    pub(super) fn byte(&self) -> Option<u8> {
        self.json.as_bytes().get(self.at).copied()
    }

    pub(super) fn rest(&self) -> &'de [u8] {
        self.json.as_bytes().get(self.at..).unwrap_or_default()
    }

    pub(super) fn slice(&self, from: usize, to: usize) -> &'de str {
        self.json.get(from..to).unwrap_or_default()
    }

    pub(super) fn syntax(&self, reason: &str) -> Error {
        let reason = if self.at >= self.json.len() {
            "unexpected end of the text"
        } else {
            reason
        };
        Error::syntax(self.at, reason)
    }

    /// Skips whitespace and returns the next byte without consuming it.
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(b) = self.byte() {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// Consumes `byte` after any whitespace, or fails with `reason`.
    pub(super) fn expect(&mut self, byte: u8, reason: &str) -> Result<(), Error> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.syntax(reason))
        }
    }

    /// Opens an array or object (its bracket is next), counting the depth.
    pub(super) fn enter(&mut self) -> Result<(), Error> {
        if self.depth >= MAX_DEPTH {
            return Err(self.syntax("arrays and objects nested too deeply"));
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    /// Consumes `word` (`true`, `false` or `null`), which starts at the next byte.
    pub(super) fn literal(&mut self, word: &str) -> Result<(), Error> {
        if self.rest().starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.syntax("expected a value"))
        }
    }

    /// Reads a string whose opening quote is next; borrowed unless it has escapes.
    pub(super) fn string(&mut self) -> Result<Cow<'de, str>, Error> {
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
    pub(super) fn escape(&mut self) -> Result<char, Error> {
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
    pub(super) fn hex4(&mut self) -> Result<u32, Error> {
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
    pub(super) fn number(&mut self) -> Result<Number<'de>, Error> {
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

    pub(super) fn digits(&mut self) {
        while self.byte().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    pub(super) fn some_digits(&mut self) -> Result<(), Error> {
        if !self.byte().is_some_and(|b| b.is_ascii_digit()) {
            return Err(self.syntax("invalid number"));
        }
        self.digits();
        Ok(())
    }

    /// Reads an object key and its colon; the key's opening quote must be next.
    pub(super) fn key(&mut self) -> Result<Cow<'de, str>, Error> {
        if self.peek() != Some(b'"') {
            return Err(self.syntax("expected a string key"));
        }
        let key = self.string()?;
        self.expect(b':', "expected `:`")?;
        Ok(key)
    }

    /// After a `,` inside an array or object: refuses a closing bracket right after it.
    pub(super) fn after_comma(&mut self) -> Result<(), Error> {
        self.at += 1;
        match self.peek() {
            Some(b']' | b'}') => Err(self.syntax("trailing comma")),
            _ => Ok(()),
        }
    }

    /// Skips one value of any shape, checking its syntax, with a heap stack of open
    /// brackets instead of recursion, so that nesting depth costs no stack.
    pub fn skip(&mut self) -> Result<(), Error> {
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

    /// In an enum written as an object (next), reads the variant's name and colon.
    pub(super) fn variant_name(&mut self, expected: &dyn Expected) -> Result<Cow<'de, str>, Error> {
        self.enter()?;
        if self.peek() != Some(b'"') {
            return Err(de::Error::invalid_type(Unexpected::Map, expected));
        }
        self.key()
    }

    /// Closes an enum written as an object, which has one key.
    pub(super) fn variant_end(&mut self) -> Result<(), Error> {
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
    pub(super) fn mismatch(&mut self, expected: &dyn Expected) -> Error {
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
}
