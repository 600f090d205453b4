//! Text given in several languages, and the choice of which one to show.

use crate::json::{Error, FromJson, Reader};
#[cfg(feature = "serde-reference")]
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
#[cfg(feature = "serde-reference")]
use std::fmt;

/// A map from BCP 47 language tag (`en`, `zh`, `sr-Latn`, …) to text. In a file, a
/// plain string is a text whose language is not stated: it is kept under [`UNSTATED`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalizedText(pub TextMap);

impl Serialize for LocalizedText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (tag, text) in self.0.iter() {
            map.serialize_entry(tag, text)?;
        }
        map.end()
    }
}

/// Language tag → text, in the order of the tags, as a `BTreeMap` keeps them: a sorted
/// vector, since a text has one to six languages (and a `BTreeMap` of its own type
/// costs the wasm its own copy of the tree's code).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextMap(Vec<(String, String)>);

impl TextMap {
    pub fn new() -> Self {
        TextMap(Vec::new())
    }

    fn find(&self, tag: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(t, _)| t.as_str().cmp(tag))
    }

    /// Sets the text for `tag`, returning the one it replaces.
    pub fn insert(&mut self, tag: String, text: String) -> Option<String> {
        match self.find(&tag) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, text)),
            Err(i) => {
                self.0.insert(i, (tag, text));
                None
            }
        }
    }

    pub fn get(&self, tag: &str) -> Option<&String> {
        self.find(tag).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, tag: &str) -> bool {
        self.find(tag).is_ok()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&String, &String)> + ExactSizeIterator {
        self.0.iter().map(|(tag, text)| (tag, text))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.0.iter().map(|(tag, _)| tag)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.0.iter().map(|(_, text)| text)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.0.iter_mut().map(|(_, text)| text)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Index<&str> for TextMap {
    type Output = String;

    /// The text for `tag`; panics if there is none, as a `BTreeMap` does.
    fn index(&self, tag: &str) -> &String {
        match self.get(tag) {
            Some(text) => text,
            None => panic!("no text in {tag}"),
        }
    }
}

impl<'a> IntoIterator for &'a TextMap {
    type Item = (&'a String, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a String, &'a String),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(tag, text)| (tag, text))
    }
}

impl FromIterator<(String, String)> for TextMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        let mut map = TextMap::new();
        for (tag, text) in pairs {
            map.insert(tag, text);
        }
        map
    }
}

impl<const N: usize> From<[(String, String); N]> for TextMap {
    fn from(pairs: [(String, String); N]) -> Self {
        pairs.into_iter().collect()
    }
}

/// BCP 47's "undetermined": the language of a text the data does not name.
pub const UNSTATED: &str = "und";

impl<'de> FromJson<'de> for LocalizedText {
    fn read(r: &mut Reader<'de>) -> Result<Self, Error> {
        const EXPECTED: &str = "a text, or a map from language tag to text";
        if r.peek() == Some(b'"') {
            let text = r.text(EXPECTED)?.into_owned();
            return Ok(LocalizedText(TextMap::from([(UNSTATED.to_owned(), text)])));
        }
        let mut texts = TextMap::new();
        r.object(EXPECTED, &mut |r, tag| {
            let text = String::read(r).map_err(|e| e.in_member(tag))?;
            texts.insert(tag.to_owned(), text);
            Ok(())
        })?;
        Ok(LocalizedText(texts))
    }
}

#[cfg(feature = "serde-reference")]
impl<'de> Deserialize<'de> for LocalizedText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = LocalizedText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a map from language tag to text")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(LocalizedText(TextMap::from([(
                    UNSTATED.to_owned(),
                    s.to_owned(),
                )])))
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut texts = TextMap::new();
                while let Some((tag, text)) = map.next_entry::<String, String>()? {
                    texts.insert(tag, text);
                }
                Ok(LocalizedText(texts))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// One text chosen for display, with the language it is really in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

/// The primary language subtag, lower-cased: `zh` for `zh-Hans-CN`.
pub fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

impl LocalizedText {
    /// The best text for `wanted`: the same tag, then the tag with its last subtag
    /// dropped (`sr-Latn-RS` → `sr-Latn`, so a map with both `sr-Cyrl` and `sr-Latn`
    /// gives the right script), then the same primary language, then English, then
    /// the first language present.
    pub fn pick(&self, wanted: &str) -> Option<Shown<'_>> {
        let find = |pred: &dyn Fn(&str) -> bool| {
            self.0
                .iter()
                .find(|(tag, _)| pred(tag))
                .map(|(lang, text)| Shown { text, lang })
        };
        let primary = primary_subtag(wanted);
        let shorter = wanted.rsplit_once(['-', '_']).map(|(head, _)| head);
        find(&|t| t.eq_ignore_ascii_case(wanted))
            .or_else(|| shorter.and_then(|s| find(&|t| t.eq_ignore_ascii_case(s))))
            .or_else(|| find(&|t| primary_subtag(t).eq_ignore_ascii_case(primary)))
            .or_else(|| find(&|t| primary_subtag(t).eq_ignore_ascii_case("en")))
            .or_else(|| find(&|_| true))
    }

    /// The text [`LocalizedText::pick`] chooses for `wanted`, without its language.
    pub fn text_for(&self, wanted: &str) -> Option<&str> {
        self.pick(wanted).map(|shown| shown.text)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<const N: usize> From<[(&str, &str); N]> for LocalizedText {
    fn from(pairs: [(&str, &str); N]) -> Self {
        LocalizedText(
            pairs
                .into_iter()
                .map(|(l, t)| (l.to_owned(), t.to_owned()))
                .collect(),
        )
    }
}

/// True for a plausible BCP 47 tag: a 2–3 letter language, then 1–8 character subtags.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl crate::json::compact::FromCompact for LocalizedText {
    fn take(r: &mut crate::json::compact::Compact) -> Option<Self> {
        let n = r.count();
        let mut pairs = Vec::with_capacity(n);
        for _ in 0..n {
            pairs.push((r.token().to_owned(), r.token().to_owned()));
        }
        Some(LocalizedText(TextMap(pairs)))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl crate::json::compact::ToCompact for LocalizedText {
    fn put(&self, out: &mut String) {
        crate::json::compact::token(out, &self.0.len().to_string());
        for (tag, text) in self.0.iter() {
            crate::json::compact::token(out, tag);
            crate::json::compact::token(out, text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_exact_then_primary_then_english_then_any() {
        let t = LocalizedText::from([("en", "Forum"), ("zh", "论坛"), ("sr-Latn", "Forum SR")]);
        assert_eq!(t.pick("zh").map(|s| s.text), Some("论坛"));
        assert_eq!(t.pick("zh-CN").map(|s| s.text), Some("论坛"));
        assert_eq!(t.pick("sr-Latn").map(|s| s.lang), Some("sr-Latn"));
        assert_eq!(t.pick("sr").map(|s| s.text), Some("Forum SR"));
        let pl = t.pick("pl").map(|s| (s.text, s.lang));
        assert_eq!(pl, Some(("Forum", "en")));

        let only_zh = LocalizedText::from([("zh", "论坛")]);
        assert_eq!(only_zh.pick("en").map(|s| s.lang), Some("zh"));
        assert_eq!(LocalizedText::default().pick("en"), None);
    }

    #[test]
    fn a_script_subtag_picks_that_script() {
        let t = LocalizedText::from([("sr-Cyrl", "Форум"), ("sr-Latn", "Forum"), ("en", "F")]);
        assert_eq!(t.pick("sr-Latn-RS").map(|s| s.lang), Some("sr-Latn"));
        assert_eq!(t.pick("sr-Cyrl-RS").map(|s| s.lang), Some("sr-Cyrl"));
        assert_eq!(t.pick("sr-Latn").map(|s| s.text), Some("Forum"));
        assert_eq!(t.pick("sr-Cyrl").map(|s| s.text), Some("Форум"));
        // With no script asked for, some Serbian rather than English.
        assert_eq!(t.pick("sr").map(|s| primary_subtag(s.lang)), Some("sr"));
    }

    #[test]
    fn language_tags_are_checked_for_shape() {
        for ok in ["en", "zh", "zh-Hans", "sr-Cyrl", "sr-Latn-RS", "ka", "yue"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english",
            "en_US",
            "zh-",
            "-en",
            "en-toolongsubtag",
            "1a",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    /// The same inserts on a `BTreeMap`, the reference, give the same answers, texts and
    /// order of tags.
    #[test]
    fn text_map_behaves_as_a_btree_map() {
        use std::collections::BTreeMap;
        let ops = [
            ("zh", "一"),
            ("en", "one"),
            ("sr-Latn", "jedan"),
            ("en", "One"),
            ("ka", "ერთი"),
            ("bs", "jedan"),
            ("zh", "壹"),
            ("pl", "jeden"),
            ("sr-Cyrl", "један"),
        ];
        let mut map = TextMap::new();
        let mut reference = BTreeMap::new();
        for (tag, text) in ops {
            assert_eq!(
                map.insert(tag.to_owned(), text.to_owned()),
                reference.insert(tag.to_owned(), text.to_owned()),
                "insert {tag}"
            );
            assert!(map.iter().eq(reference.iter()));
            assert_eq!(map.len(), reference.len());
            for probe in [
                "bs", "en", "ka", "pl", "sr", "sr-Cyrl", "sr-Latn", "zh", "und",
            ] {
                assert_eq!(map.get(probe), reference.get(probe), "get {probe}");
                assert_eq!(map.contains_key(probe), reference.contains_key(probe));
            }
        }
        let collected: TextMap = ops
            .iter()
            .map(|(t, x)| (t.to_string(), x.to_string()))
            .collect();
        let expected: BTreeMap<String, String> = ops
            .iter()
            .map(|(t, x)| (t.to_string(), x.to_string()))
            .collect();
        assert!(collected.iter().eq(expected.iter()));
        assert!(collected.keys().eq(expected.keys()));
        assert!(collected.values().eq(expected.values()));
    }
}
