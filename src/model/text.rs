//! Text given in several languages, and the choice of which one to show.

use crate::json::{Error, FromJson, Reader};
#[cfg(feature = "serde-reference")]
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::Serialize;
use std::collections::BTreeMap;
#[cfg(feature = "serde-reference")]
use std::fmt;

/// A map from BCP 47 language tag (`en`, `zh`, `sr-Latn`, …) to text. In a file, a
/// plain string is a text whose language is not stated: it is kept under [`UNSTATED`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<String, String>);

/// BCP 47's "undetermined": the language of a text the data does not name.
pub const UNSTATED: &str = "und";

impl<'de> FromJson<'de> for LocalizedText {
    fn read(r: &mut Reader<'de>) -> Result<Self, Error> {
        const EXPECTED: &str = "a text, or a map from language tag to text";
        if r.peek() == Some(b'"') {
            let text = r.text(EXPECTED)?.into_owned();
            return Ok(LocalizedText(BTreeMap::from([(UNSTATED.to_owned(), text)])));
        }
        let mut texts = BTreeMap::new();
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
                Ok(LocalizedText(BTreeMap::from([(
                    UNSTATED.to_owned(),
                    s.to_owned(),
                )])))
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut texts = BTreeMap::new();
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
}
