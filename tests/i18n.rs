//! Interface languages: plural rules against CLDR data (`intl_pluralrules`), and every
//! string key used by the widget.
#![cfg(not(target_arch = "wasm32"))]

use forum_widget::i18n::plural::{category, Category};
use forum_widget::i18n::{strings_for, LANGUAGES};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use std::fs;
use unic_langid::LanguageIdentifier;

fn cldr(lang: &str, n: u64) -> Category {
    let id: LanguageIdentifier = lang.parse().unwrap();
    let rules = PluralRules::create(id, PluralRuleType::CARDINAL).unwrap();
    match rules.select(n).unwrap() {
        PluralCategory::ONE => Category::One,
        PluralCategory::FEW => Category::Few,
        PluralCategory::MANY => Category::Many,
        _ => Category::Other,
    }
}

#[test]
fn plural_categories_match_cldr_for_every_language_from_0_to_1000() {
    for strings in LANGUAGES {
        // The rules are the language's: `sr-Latn` counts as `sr`.
        let primary = forum_widget::model::text::primary_subtag(strings.tag);
        for n in 0..=1000 {
            assert_eq!(
                category(primary, n),
                cldr(primary, n),
                "{} {n}",
                strings.tag
            );
        }
    }
}

#[test]
fn polish_and_serbian_have_three_forms() {
    let pl: Vec<_> = [0, 1, 2, 5, 21, 22].map(|n| category("pl", n)).into();
    use Category::*;
    assert_eq!(pl, [Many, One, Few, Many, Many, Few]);
    let sr: Vec<_> = [0, 1, 2, 5, 21, 22].map(|n| category("sr", n)).into();
    assert_eq!(sr, [Other, One, Few, Other, One, Few]);
    let t = strings_for("pl");
    let forms: Vec<String> = [1, 2, 5, 22]
        .iter()
        .map(|&n| t.count(&t.speaker_count, n))
        .collect();
    assert_eq!(
        forms,
        [
            "1 prelegent",
            "2 prelegenci",
            "5 prelegentów",
            "22 prelegenci"
        ]
    );
    let t = strings_for("sr");
    let forms: Vec<String> = [1, 3, 11, 21]
        .iter()
        .map(|&n| t.count(&t.item_count, n))
        .collect();
    assert_eq!(
        forms,
        [
            "1 stavka programa",
            "3 stavke programa",
            "11 stavki programa",
            "21 stavka programa"
        ]
    );
}

/// The field names of `Strings`, read from its definition.
fn keys() -> Vec<String> {
    let source = fs::read_to_string("src/i18n/mod.rs").unwrap();
    let body = source
        .split("pub struct Strings {")
        .nth(1)
        .unwrap()
        .split("\n}")
        .next()
        .unwrap();
    body.lines()
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.split(':').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_language_file_sets_every_key_and_every_key_is_used() {
    let keys = keys();
    assert!(keys.len() > 40, "{keys:?}");
    for file in ["en", "zh", "sr", "pl", "bs", "ka"] {
        let text = fs::read_to_string(format!("src/i18n/{file}.rs")).unwrap();
        for key in &keys {
            assert!(
                text.contains(&format!("    {key}:")),
                "{file}.rs lacks {key}"
            );
        }
    }
    // Every Rust file outside src/i18n, at any depth.
    let mut code = String::new();
    let mut dirs = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() && !path.ends_with("i18n") {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                code.push_str(&fs::read_to_string(path).unwrap());
            }
        }
    }
    let i18n = fs::read_to_string("src/i18n/mod.rs").unwrap();
    for key in &keys {
        let used =
            code.contains(&format!(".{key}")) || i18n.matches(&format!(".{key}")).count() > 0;
        assert!(used, "the key `{key}` is never used");
    }
}

#[test]
fn strings_have_no_stray_whitespace_and_the_same_placeholders_as_english() {
    let en = strings_for("en");
    let fields = |s: &forum_widget::i18n::Strings| {
        vec![
            s.status_upcoming,
            s.status_took_place,
            s.time_zone,
            s.published,
            s.error_http,
            s.error_network,
            s.error_invalid,
            s.error_internal,
            s.local_time,
            s.speaker_count.one,
            s.speaker_count.few,
            s.speaker_count.many,
            s.speaker_count.other,
            s.item_count.one,
            s.item_count.few,
            s.item_count.many,
            s.item_count.other,
        ]
    };
    for strings in LANGUAGES {
        for (a, b) in fields(en).into_iter().zip(fields(strings)) {
            assert_eq!(
                a.matches("{}").count(),
                b.matches("{}").count(),
                "{}: {b}",
                strings.tag
            );
            assert_eq!(b.trim(), b, "{}: `{b}`", strings.tag);
        }
    }
}

#[test]
fn asides_take_each_language_brackets_and_never_nest() {
    let (en, zh, pl) = (strings_for("en"), strings_for("zh"), strings_for("pl"));
    assert_eq!(
        zh.with_aside("2023年11月13日", "北京时间"),
        "2023年11月13日（北京时间）"
    );
    assert_eq!(
        en.with_aside("13 November 2023", "China Standard Time"),
        "13 November 2023 (China Standard Time)"
    );
    // The zone name has brackets of its own: a separator instead of brackets around it.
    let polish = pl.with_aside("13 listopada 2023", "Chiny (czas standardowy)");
    assert_eq!(polish, "13 listopada 2023, Chiny (czas standardowy)");
    assert_eq!(polish.matches('(').count(), 1);
    assert_eq!(zh.bracketed("中文"), "（中文）");
}

#[test]
fn chinese_separators_are_full_width_and_lists_fall_back_to_the_list_separator() {
    let zh = strings_for("zh");
    for s in [
        zh.colon,
        zh.comma,
        zh.list_separator,
        zh.open_bracket,
        zh.close_bracket,
    ] {
        assert!(
            s.chars().all(|c| !c.is_ascii()),
            "zh separator {s:?} is full width"
        );
    }
    assert_eq!(zh.plain_list(&["开幕式", "主旨论坛"]), "开幕式、主旨论坛");
    assert_eq!(zh.list_literals(3), ["", "、", "、", ""]);
    assert_eq!(strings_for("en").list_literals(1), ["", ""]);
    assert!(zh.venue_large_to_small && zh.venue_separator.is_empty());
    assert!(!strings_for("pl").venue_large_to_small);
}
