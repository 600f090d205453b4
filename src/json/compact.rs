//! The positional form of an event, for the built-in event of the default build, which
//! then carries no JSON reader at all (12.5 KB gzip less).
//!
//! `build.rs` writes it from `data/forum-2023.json` with the same types the widget reads it
//! into: each struct's fields in the order its `json_struct!` lists them, each value as
//! tokens ended by U+001F (the unit separator, which no text of the event contains: the
//! writer refuses one). A string is its token; a number its decimal digits; an `Option` an
//! empty token for `None`, else `1` and the value; a `Vec` its length, then its elements; a
//! `LocalizedText` its number of languages, then each tag and text; an enum the index of
//! its variant in `json_enum!`'s list; a date or time as the JSON writes it. No keys, no
//! defaults and no errors to name: the form is trusted, written by the build and checked
//! by the tests (`tests/model.rs`: the same event as the checked JSON; `tests/realdata.rs`:
//! every converted real schedule written and read back unchanged).

/// Ends every token.
pub const SEP: char = '\u{1f}';

/// Reads tokens off a positional form compiled into the wasm.
pub struct Compact {
    rest: &'static str,
}

impl Compact {
    pub fn new(text: &'static str) -> Self {
        Compact { rest: text }
    }

    /// The next token (empty at the end of the form).
    pub fn token(&mut self) -> &'static str {
        let (token, rest) = self.rest.split_once(SEP).unwrap_or((self.rest, ""));
        self.rest = rest;
        token
    }

    /// The next token as a count (0 if it is not one).
    pub fn count(&mut self) -> usize {
        self.token().parse().unwrap_or(0)
    }
}

/// A value read from the positional form; `None` if the form does not fit the type.
pub trait FromCompact: Sized {
    fn take(r: &mut Compact) -> Option<Self>;
}

impl FromCompact for String {
    fn take(r: &mut Compact) -> Option<Self> {
        Some(r.token().to_owned())
    }
}

impl FromCompact for u32 {
    fn take(r: &mut Compact) -> Option<Self> {
        r.token().parse().ok()
    }
}

impl FromCompact for u64 {
    fn take(r: &mut Compact) -> Option<Self> {
        r.token().parse().ok()
    }
}

impl<T: FromCompact> FromCompact for Option<T> {
    fn take(r: &mut Compact) -> Option<Self> {
        if r.token().is_empty() {
            Some(None)
        } else {
            T::take(r).map(Some)
        }
    }
}

impl<T: FromCompact> FromCompact for Vec<T> {
    fn take(r: &mut Compact) -> Option<Self> {
        let n = r.count();
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::take(r)?);
        }
        Some(out)
    }
}

/// A value written in the positional form (by `build.rs` and the tests; never in the wasm).
#[cfg(not(target_arch = "wasm32"))]
pub trait ToCompact {
    fn put(&self, out: &mut String);
}

/// Writes one token; a text holding the separator stops the build.
#[cfg(not(target_arch = "wasm32"))]
pub fn token(out: &mut String, text: &str) {
    assert!(
        !text.contains(SEP),
        "a text of the event holds U+001F, which the positional form uses between tokens"
    );
    out.push_str(text);
    out.push(SEP);
}

#[cfg(not(target_arch = "wasm32"))]
impl ToCompact for String {
    fn put(&self, out: &mut String) {
        token(out, self);
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl ToCompact for u32 {
    fn put(&self, out: &mut String) {
        token(out, &self.to_string());
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl ToCompact for u64 {
    fn put(&self, out: &mut String) {
        token(out, &self.to_string());
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: ToCompact> ToCompact for Option<T> {
    fn put(&self, out: &mut String) {
        match self {
            None => token(out, ""),
            Some(v) => {
                token(out, "1");
                v.put(out);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: ToCompact> ToCompact for Vec<T> {
    fn put(&self, out: &mut String) {
        token(out, &self.len().to_string());
        for v in self {
            v.put(out);
        }
    }
}
