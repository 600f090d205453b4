//! The programme's search and filters (`model::search`), natively: against the data of
//! the built-in forum and of a generated programme, with every expected set computed
//! here by a plain scan of the items, not typed in.
#![cfg(not(target_arch = "wasm32"))]

use forum_widget::model::{
    built_in_event, parse_event, Event, Filter, FilterChoices, ProgramKind, SearchIndex,
};
use proptest::prelude::*;

fn lower(text: &str) -> String {
    text.to_lowercase()
}

fn find(event: &Event, filter: &Filter, lang: &str) -> Vec<usize> {
    SearchIndex::new(event, &lower).find(event, filter, lang, &lower)
}

fn ids(event: &Event, found: &[usize]) -> Vec<String> {
    found.iter().map(|&i| event.program[i].id.clone()).collect()
}

/// A plain scan: an item is found when every word of the query is in one of its texts
/// (any language) or its people's names (any script), and it passes each filter.
fn scan(event: &Event, filter: &Filter, lang: &str) -> Vec<String> {
    let words: Vec<String> = filter.query.split_whitespace().map(lower).collect();
    event
        .program
        .iter()
        .filter(|item| {
            let mut texts: Vec<String> = [&item.title, &item.description, &item.location]
                .iter()
                .flat_map(|t| t.0.values().cloned())
                .collect();
            for person in event.people.iter().filter(|p| item.people.contains(&p.id)) {
                texts.push(person.name.clone());
                texts.extend(person.local_names.0.values().cloned());
                texts.extend(person.native_name.iter().map(|n| n.text.clone()));
            }
            let all = lower(&texts.join("\n"));
            words.iter().all(|w| all.contains(w.as_str()))
                && filter.day.is_none_or(|d| item.date == d)
                && filter.kind.is_none_or(|k| item.kind == k)
                && filter.room.as_ref().is_none_or(|room| {
                    item.location.pick(lang).map(|s| s.text) == Some(room.as_str())
                })
                && filter
                    .track
                    .as_ref()
                    .is_none_or(|t| item.track.as_ref() == Some(t))
                && filter
                    .language
                    .as_ref()
                    .is_none_or(|l| item.language.as_ref() == Some(l))
        })
        .map(|item| item.id.clone())
        .collect()
}

/// 120 items over 3 days in 5 rooms with 4 kinds and 10 speakers.
fn generated() -> Event {
    let kinds = ["talk", "panel", "workshop", "break"];
    let people: Vec<String> = (0..10)
        .map(|i| {
            format!(
                r#"{{"id":"p{i}","name":"Speaker {i} Novák","local_names":{{"zh":"讲者{i}"}},"role":{{"en":"Engineer"}},"attendance":"in_person"}}"#
            )
        })
        .collect();
    let items: Vec<String> = (0..120)
        .map(|i| {
            format!(
                r#"{{"id":"i{i}","title":{{"en":"Talk {i} on Ports and Rails","zh":"报告{i}"}},"kind":"{}","date":"2030-05-{:02}","location":{{"en":"Room {}","zh":"{}号厅"}},"people":["p{}"],"track":"t{}","language":"{}"}}"#,
                kinds[i % 4],
                20 + i % 3,
                i % 5,
                i % 5,
                i % 10,
                i % 3,
                ["en", "de"][i % 2]
            )
        })
        .collect();
    let json = format!(
        r#"{{"version":2,"id":"gen","name":{{"en":"Generated"}},"start_date":"2030-05-20","end_date":"2030-05-22","time_zone":"Europe/Prague","venue":{{"name":{{"en":"Hall"}}}},"people":[{}],"program":[{}]}}"#,
        people.join(","),
        items.join(",")
    );
    parse_event(&json).expect("the generated event is valid")
}

#[test]
fn no_filter_finds_every_item_in_programme_order() {
    let event = built_in_event().unwrap();
    let all = find(&event, &Filter::default(), "en");
    assert_eq!(all, (0..event.program.len()).collect::<Vec<_>>());
    assert!(Filter::default().is_empty());
}

#[test]
fn a_speakers_name_in_any_script_finds_the_items_they_take_part_in() {
    let event = built_in_event().unwrap();
    let xu = event.person("xu-xiaolan").unwrap();
    let theirs: Vec<String> = event
        .program
        .iter()
        .filter(|i| i.people.contains(&xu.id))
        .map(|i| i.id.clone())
        .collect();
    assert!(!theirs.is_empty());
    let native = &xu.native_name.as_ref().unwrap().text;
    for query in [native.as_str(), "XU XIAOLAN", "xiaolan xu"] {
        let filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        assert_eq!(ids(&event, &find(&event, &filter, "en")), theirs, "{query}");
    }
}

#[test]
fn every_word_must_match_and_nothing_matches_nothing() {
    let event = generated();
    let filter = |query: &str| Filter {
        query: query.into(),
        ..Filter::default()
    };
    let one = find(&event, &filter("speaker 3"), "en");
    assert_eq!(ids(&event, &one), scan(&event, &filter("speaker 3"), "en"));
    let p3: Vec<usize> = (0..event.program.len())
        .filter(|&i| event.program[i].people == ["p3"])
        .collect();
    assert_eq!(p3.len(), 12);
    assert!(
        p3.iter().all(|i| one.contains(i)),
        "every item of speaker 3 is found"
    );
    assert!(find(&event, &filter("ports zzz"), "en").is_empty());
}

#[test]
fn day_kind_and_room_filters_combine_with_the_query() {
    let event = generated();
    let choices = FilterChoices::of(&event, "en");
    assert_eq!(choices.days.len(), 3);
    assert_eq!(choices.kinds.len(), 4);
    let mut sorted = choices.rooms.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(choices.rooms, sorted, "rooms are distinct and sorted");
    for day in &choices.days {
        for kind in &choices.kinds {
            for room in &choices.rooms {
                let filter = Filter {
                    query: "rails".into(),
                    day: Some(*day),
                    kind: Some(*kind),
                    room: Some(room.clone()),
                    ..Filter::default()
                };
                assert_eq!(
                    ids(&event, &find(&event, &filter, "en")),
                    scan(&event, &filter, "en")
                );
            }
        }
    }
    let zh_rooms = FilterChoices::of(&event, "zh").rooms;
    assert!(zh_rooms.iter().all(|r| r.ends_with("号厅")), "{zh_rooms:?}");
    let filter = Filter {
        room: Some(zh_rooms[0].clone()),
        kind: Some(ProgramKind::Break),
        ..Filter::default()
    };
    assert_eq!(
        ids(&event, &find(&event, &filter, "zh")),
        scan(&event, &filter, "zh")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn search_agrees_with_a_plain_scan(
        words in prop::collection::vec(prop::sample::select(vec![
            "talk", "PORTS", "rails", "1", "2", "novák", "speaker", "报告", "讲者", "room", "x",
        ]), 0..4),
        day in prop::option::of(0usize..3),
        kind in prop::option::of(0usize..4),
        room in prop::option::of(0usize..5),
        track in prop::option::of(0usize..3),
        language in prop::option::of(0usize..2),
        lang in prop::sample::select(vec!["en", "zh"]),
    ) {
        let event = generated();
        let choices = FilterChoices::of(&event, lang);
        let filter = Filter {
            query: words.join(" "),
            day: day.map(|d| choices.days[d]),
            kind: kind.map(|k| choices.kinds[k]),
            room: room.map(|r| choices.rooms[r].clone()),
            track: track.map(|t| choices.tracks[t].clone()),
            language: language.map(|l| choices.languages[l].clone()),
            ..Filter::default()
        };
        prop_assert_eq!(ids(&event, &find(&event, &filter, lang)), scan(&event, &filter, lang));
    }
}

#[test]
fn an_item_whose_text_holds_the_index_separator_is_still_found() {
    let mut event = built_in_event().unwrap();
    let title = event.program[1].title.0.values_mut().next().unwrap();
    title.push_str(" zero\0byte");
    for query in ["ZERO", "byte", "zero\0byte"] {
        let filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        let expected = scan(&event, &filter, "en");
        assert!(expected.contains(&event.program[1].id), "{query}");
        assert_eq!(
            ids(&event, &find(&event, &filter, "en")),
            expected,
            "{query}"
        );
    }
}

#[test]
fn an_index_built_at_the_first_search_finds_what_one_built_at_once_finds() {
    let event = built_in_event().unwrap();
    let lazy = SearchIndex::default();
    for query in ["", "forum", "CEEC smes", "nothing-like-this"] {
        let filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        assert_eq!(
            lazy.find(&event, &filter, "en", &lower),
            find(&event, &filter, "en"),
            "{query}"
        );
    }
}
