//! The built-in forum in every interface language: each of its texts exists in the
//! reader's language (no English fallback), Chinese is typeset with full-width
//! punctuation, and the people's parts are in the data (native, no browser).
#![cfg(not(target_arch = "wasm32"))]

use forum_widget::i18n::{strings_for, LANGUAGES};
use forum_widget::model::text::primary_subtag;
use forum_widget::model::*;
use serde_json::{json, Value};
use std::fs;

/// The languages other than English that the built-in forum must be written in.
const LANGS: [&str; 6] = ["sr", "sr-Latn", "pl", "bs", "ka", "zh"];

/// Every language map of the event that holds text, with the path of its field.
fn texts(event: &Event) -> Vec<(String, &LocalizedText)> {
    let mut out: Vec<(String, &LocalizedText)> = vec![
        ("name".into(), &event.name),
        ("full_name".into(), &event.full_name),
        ("edition".into(), &event.edition),
        ("summary".into(), &event.summary),
        ("theme".into(), &event.theme),
        ("venue.name".into(), &event.venue.name),
        ("venue.city".into(), &event.venue.city),
        ("venue.region".into(), &event.venue.region),
    ];
    for (i, o) in event.organisations.iter().enumerate() {
        out.push((format!("organisations[{i}].name"), &o.name));
    }
    for (i, f) in event.figures.iter().enumerate() {
        out.push((format!("figures[{i}].value"), &f.value));
        out.push((format!("figures[{i}].label"), &f.label));
    }
    for (i, n) in event.notes.iter().enumerate() {
        out.push((format!("notes[{i}]"), n));
    }
    for (i, p) in event.people.iter().enumerate() {
        out.push((format!("people[{i}].role"), &p.role));
        out.push((format!("people[{i}].organisation"), &p.organisation));
        out.push((format!("people[{i}].participation"), &p.participation));
    }
    for (i, item) in event.program.iter().enumerate() {
        out.push((format!("program[{i}].title"), &item.title));
        out.push((format!("program[{i}].location"), &item.location));
        out.push((format!("program[{i}].description"), &item.description));
    }
    for (i, s) in event.sources.iter().enumerate() {
        out.push((format!("sources[{i}].publisher"), &s.publisher));
        out.push((format!("sources[{i}].title"), &s.title));
    }
    out.retain(|(_, text)| !text.is_empty());
    out
}

fn event() -> Event {
    built_in_event().expect("the built-in event is valid")
}

fn same_language(shown: &str, wanted: &str) -> bool {
    primary_subtag(shown).eq_ignore_ascii_case(primary_subtag(wanted))
}

#[test]
fn every_text_of_the_built_in_event_is_in_each_language_not_english() {
    let event = event();
    let texts = texts(&event);
    assert!(texts.len() > 30, "{}", texts.len());
    let interface: Vec<&str> = LANGUAGES.iter().map(|s| s.tag).collect();
    for lang in LANGS.iter().copied().chain(interface) {
        if lang == "en" {
            continue;
        }
        for (path, text) in &texts {
            let shown = text.pick(lang).expect("a text");
            assert!(
                same_language(shown.lang, lang),
                "{path} for `{lang}` falls back to `{}`: {}",
                shown.lang,
                shown.text
            );
        }
    }
}

#[test]
fn serbian_is_latin_script_and_tagged_sr_latn() {
    let event = event();
    for (path, text) in texts(&event) {
        assert!(
            !text.0.contains_key("sr") && !text.0.contains_key("sr-Cyrl"),
            "{path}: Serbian is written under sr-Latn"
        );
        let latin = text.0.get("sr-Latn").expect("Serbian text");
        assert!(
            !latin
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "{path}: Cyrillic in sr-Latn: {latin}"
        );
        // The Serbian interface (tag `sr`) and a future `sr-Latn` tag both find it.
        assert_eq!(text.pick("sr").unwrap().lang, "sr-Latn", "{path}");
        assert_eq!(text.pick("sr-Latn").unwrap().lang, "sr-Latn", "{path}");
    }
    let both = LocalizedText::from([("sr-Cyrl", "Форум"), ("sr-Latn", "Forum"), ("en", "Forum")]);
    assert_eq!(both.pick("sr-Latn").unwrap().text, "Forum");
    assert_eq!(both.pick("sr-Cyrl").unwrap().text, "Форум");
}

/// Texts in Georgian and Chinese are in their own script, not copied Latin text.
#[test]
fn georgian_and_chinese_texts_are_in_their_scripts() {
    let event = event();
    let georgian = |c: char| ('\u{10D0}'..='\u{10FF}').contains(&c);
    for (path, text) in texts(&event) {
        for (lang, in_script) in [("ka", &georgian as &dyn Fn(char) -> bool), ("zh", &is_cjk)] {
            let value = &text.0[lang];
            let only_number = value.chars().all(|c| c.is_ascii_digit());
            assert!(
                only_number || value.chars().any(in_script),
                "{path}.{lang} is not in its script: {value}"
            );
        }
    }
}

/// Names: Latin in Serbian, Polish and Bosnian (the `name` field); Georgian and Chinese
/// readers get the name in their script, from `local_names` or the native name.
#[test]
fn every_person_has_a_name_in_georgian_and_chinese_script() {
    for person in event().people {
        for lang in ["ka", "zh"] {
            let native = person
                .native_name
                .as_ref()
                .is_some_and(|n| same_language(&n.lang, lang));
            let local = person
                .local_names
                .pick(lang)
                .is_some_and(|s| same_language(s.lang, lang));
            assert!(native ^ local, "{} in {lang}", person.name);
        }
        for lang in ["sr", "sr-Latn", "pl", "bs", "en"] {
            assert!(
                !person.local_names.0.contains_key(lang),
                "{}: the Latin name stands in {lang}",
                person.name
            );
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK punctuation
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{2014}' // the dash in 中国—中东欧
    )
}

/// The ASCII `, : ; ( )` in `text` that stand next to Chinese text (spaces skipped).
fn ascii_punctuation_beside_cjk(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |from: usize, step: isize| {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < chars.len() {
            let c = chars[i as usize];
            if !c.is_whitespace() {
                return Some(c);
            }
            i += step;
        }
        None
    };
    chars
        .iter()
        .enumerate()
        .filter(|(_, c)| ",:;()".contains(**c))
        .filter(|&(i, _)| {
            neighbour(i, -1).is_some_and(is_cjk) || neighbour(i, 1).is_some_and(is_cjk)
        })
        .map(|(i, _)| {
            let from = i.saturating_sub(6);
            chars[from..(i + 7).min(chars.len())].iter().collect()
        })
        .collect()
}

#[test]
fn chinese_texts_have_no_ascii_punctuation_beside_chinese() {
    assert_eq!(
        ascii_punctuation_beside_cjk("2023年11月13日 (中国标准时间)").len(),
        2
    );
    assert_eq!(ascii_punctuation_beside_cjk("参与活动: 开幕式").len(), 1);
    assert!(ascii_punctuation_beside_cjk("日历文件（.ics）：HTTP, JSON (UTF-8)").is_empty());

    let event = event();
    let mut texts: Vec<(String, &str)> = texts(&event)
        .into_iter()
        .filter_map(|(path, t)| t.0.get("zh").map(|zh| (path, zh.as_str())))
        .collect();
    for p in &event.people {
        if let Some(zh) = p.local_names.0.get("zh") {
            texts.push((format!("{}.local_names.zh", p.id), zh));
        }
    }
    for (path, zh) in texts {
        let found = ascii_punctuation_beside_cjk(zh);
        assert!(found.is_empty(), "{path}: {found:?}");
    }
}

/// Every string literal of the Chinese interface file.
#[test]
fn chinese_interface_strings_use_full_width_punctuation() {
    let source = fs::read_to_string("src/i18n/zh.rs").unwrap();
    let literals: Vec<&str> = source.split('"').skip(1).step_by(2).collect();
    assert!(literals.len() > 60, "{}", literals.len());
    for literal in literals {
        let found = ascii_punctuation_beside_cjk(literal);
        assert!(found.is_empty(), "zh.rs `{literal}`: {found:?}");
    }
}

/// The longest run of characters that `a` and `b` share, ignoring case.
fn longest_common_run(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut best = 0;
    let mut previous = vec![0; b.len() + 1];
    for x in &a {
        let mut row = vec![0; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                row[j + 1] = previous[j] + 1;
                best = best.max(row[j + 1]);
            }
        }
        previous = row;
    }
    best
}

#[test]
fn roles_do_not_repeat_the_organisation_in_any_language() {
    assert!(
        longest_common_run(
            "Marshal of the Masovian Voivodeship",
            "Masovian Voivodeship, Poland"
        ) >= 8
    );
    assert!(longest_common_run("工业和信息化部副部长", "中华人民共和国工业和信息化部") >= 3);
    for person in event().people {
        for (lang, organisation) in &person.organisation.0 {
            let role = person.role.pick(lang).unwrap().text;
            let limit = if lang == "zh" { 3 } else { 8 };
            assert!(
                longest_common_run(role, organisation) < limit,
                "{}.{lang}: `{role}` and `{organisation}`",
                person.id
            );
        }
    }
}

#[test]
fn the_summary_names_ambassadors_to_china() {
    let event = event();
    let en = event.summary.pick("en").unwrap().text;
    assert!(en.contains("ambassadors to China"), "{en}");
    assert!(!en.contains("ambassadors in China"), "{en}");
    assert!(event.summary.0["zh"].contains("驻华使节"));
}

#[test]
fn three_people_spoke_and_the_two_ambassadors_attended() {
    let event = event();
    let parts: Vec<(&str, Option<Part>)> = event
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.part))
        .collect();
    use Part::*;
    assert_eq!(
        parts,
        [
            ("xu-xiaolan", Some(Speaker)),
            ("sinisa-mali", Some(Speaker)),
            ("adam-struzik", Some(Speaker)),
            ("sinisa-berjan", Some(Attendee)),
            ("archil-kalandia", Some(Attendee)),
        ]
    );
    let speakers = event
        .people
        .iter()
        .filter(|p| p.part == Some(Speaker))
        .count();
    let summaries: Vec<String> = LANGUAGES
        .iter()
        .map(|t| t.people_summary(event.people.len(), speakers))
        .collect();
    assert_eq!(
        summaries,
        [
            "5 people, 3 speakers",
            "5位嘉宾，其中3位致辞嘉宾",
            "5 osoba, od toga 3 govornika",
            "5 osób, w tym 3 prelegenci",
            "5 osoba, od toga 3 govornika",
            "5 ადამიანი, მათ შორის 3 მომხსენებელი",
        ]
    );
    let en = strings_for("en");
    assert_eq!(en.people_summary(1, 0), "1 person");
    assert_eq!(en.people_summary(2, 1), "2 people, 1 speaker");
    assert_eq!(en.part(Speaker), "Speakers");
    assert_eq!(strings_for("zh").part(Attendee), "出席嘉宾");
}

#[test]
fn new_strings_have_the_placeholders_of_english() {
    let count = |s: &str| s.matches("{}").count();
    for t in LANGUAGES {
        assert_eq!(count(t.people_and_speakers), 2, "{}", t.tag);
        for form in [
            t.people_count.one,
            t.people_count.few,
            t.people_count.many,
            t.people_count.other,
        ] {
            assert_eq!(count(form), 1, "{}: {form}", t.tag);
        }
    }
}

#[test]
fn a_part_is_optional_and_checked() {
    let mut value: Value = serde_json::from_str(BUILT_IN_EVENT_JSON).unwrap();
    value["people"][0]
        .as_object_mut()
        .unwrap()
        .remove("part")
        .expect("Xu Xiaolan's part");
    let event = parse_event(&value.to_string()).expect("valid without a part");
    assert_eq!(event.people[0].part, None);

    value["people"][0]["part"] = json!("keynote");
    let error = parse_event(&value.to_string()).unwrap_err();
    assert_eq!(error.path, "people[0].part");
    assert!(error.problem.contains("unknown variant"), "{error}");
}
