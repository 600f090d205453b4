//! The frab readers (`schedule.json`, `schedule.xml`) on small samples written here,
//! hostile ones included, and on the real files in ../shared/realdata.

use schedule_readers::event::{Event, Kind, LinkKind};
use schedule_readers::time::DateTime;
use schedule_readers::{frab_json, frab_xml, read, Format, Hints, Read};
use std::collections::BTreeSet;

fn json(text: &str) -> Read {
    let value: serde_json::Value = serde_json::from_str(text).expect("sample is JSON");
    frab_json::read(&value, &Hints::default()).expect("sample reads")
}

fn xml(text: &str) -> Read {
    frab_xml::read(text, &Hints::default()).expect("sample reads")
}

fn xml_error(text: &str) -> String {
    frab_xml::read(text, &Hints::default())
        .expect_err("sample is refused")
        .to_string()
}

fn json_day(day: &str, rooms: &str) -> String {
    let days = format!(r#"{{"index":1,"date":"2019-12-27",{day}"rooms":{rooms}}}"#);
    format!(
        r#"{{"schedule":{{"version":"1","conference":{{"acronym":"tc","title":"Test Con",
        "start":"2019-12-27","end":"2019-12-28","days":[{days}]}}}}}}"#
    )
}

fn item<'a>(event: &'a Event, id: &str) -> &'a schedule_readers::event::Item {
    event
        .program
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

#[test]
fn a_day_past_midnight_keeps_its_items() {
    let r = json(&json_day(
        r#""day_start":"2019-12-27T11:00:00+01:00","day_end":"2019-12-28T04:00:00+01:00","#,
        r#"{"Ada":[
          {"id":1,"guid":"g-late","date":"2019-12-28T00:50:00+01:00","start":"00:50","duration":"01:30","room":"Ada","title":"Jeopardy","persons":[]},
          {"id":2,"start":"01:30","duration":"0:30","room":"Ada","title":"No date","persons":[]},
          {"id":3,"start":"23:30","duration":"01:00","room":"Ada","title":"Crosses midnight","persons":[]}
        ]}"#,
    ));
    let late = item(&r.event, "g-late");
    assert_eq!(late.date, "2019-12-27");
    assert_eq!(late.start, "2019-12-28T00:50+01:00");
    assert_eq!(late.end.as_deref(), Some("2019-12-28T02:20+01:00"));
    // Without its own date-time, a start before the day's start is on the next date.
    let no_date = item(&r.event, "2");
    assert_eq!(no_date.date, "2019-12-27");
    assert_eq!(no_date.start, "2019-12-28T01:30+01:00");
    let crossing = item(&r.event, "3");
    assert_eq!(crossing.start, "2019-12-27T23:30+01:00");
    assert_eq!(crossing.end.as_deref(), Some("2019-12-28T00:30+01:00"));
    assert_eq!(r.event.start_date, "2019-12-27");
    assert_eq!(r.event.end_date, None);
    assert_eq!(r.event.utc_offset.as_deref(), Some("+01:00"));
    assert_eq!(r.event.time_zone, None);
}

#[test]
fn pentabarf_day_change_moves_early_starts_to_the_next_date() {
    let r = xml(
        r#"<schedule><conference><title>F</title><day_change>09:00:00</day_change>
        <venue>ULB</venue><city>Brussels</city></conference>
        <day date="2025-02-01" index="1">
          <event id="1"><start>08:30</start><duration>00:05:00</duration><room>K</room><title>Early</title></event>
          <event id="2"><start>10:00</start><duration>PT1H</duration><room>K</room><title>Morning</title></event>
        </day></schedule>"#,
    );
    // Old Pentabarf: events right in the day, no offsets anywhere.
    let early = item(&r.event, "1");
    assert_eq!(early.date, "2025-02-01");
    assert_eq!(early.start, "2025-02-02T08:30");
    assert_eq!(early.end.as_deref(), Some("2025-02-02T08:35"));
    assert_eq!(item(&r.event, "2").end.as_deref(), Some("2025-02-01T11:00"));
    assert_eq!(r.event.utc_offset, None);
    assert_eq!(
        item(&r.event, "1").location.as_ref().map(|l| l.any()),
        Some("K")
    );
    let venue = r.event.venue.expect("venue");
    assert_eq!(venue.name.any(), "ULB");
    assert_eq!(
        venue.city.map(|c| c.any().to_owned()).as_deref(),
        Some("Brussels")
    );
}

#[test]
fn a_utc_zone_name_the_offsets_contradict_is_not_kept() {
    let text = r#"{"schedule":{"conference":{"acronym":"democon","title":"DemoCon","time_zone_name":"UTC",
      "days":[{"date":"2020-12-14","day_start":"2020-12-14T04:00:00+01:00","rooms":{"Gray":[
        {"id":25,"guid":"a","date":"2020-12-14T09:00:00+01:00","duration":"00:30","title":"T","type":"Talk",
         "persons":[{"id":26,"code":"NQTF8Y","public_name":"Brian","biography":"**Bio**\r\nline"}]}]}}]}}}"#;
    let r = json(text);
    assert_eq!(r.event.time_zone, None);
    assert_eq!(r.event.utc_offset.as_deref(), Some("+01:00"));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.path.ends_with("time_zone_name") && w.problem.contains("UTC")),
        "{:?}",
        r.warnings
    );
    assert_eq!(item(&r.event, "a").start, "2020-12-14T09:00+01:00");
    assert_eq!(item(&r.event, "a").kind, Kind::Talk);
    // A hint names the zone when the data's own name was dropped.
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let hinted = frab_json::read(
        &value,
        &Hints {
            time_zone: Some("Europe/Berlin".into()),
            ..Hints::default()
        },
    )
    .unwrap();
    assert_eq!(hinted.event.time_zone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(hinted.event.utc_offset, None);
}

#[test]
fn a_utc_time_among_local_ones_is_put_on_the_local_clock() {
    let r = xml(
        r#"<schedule><conference><time_zone_name>Europe/Berlin</time_zone_name>
        <start>2025-12-27T09:00:00+00:00</start></conference>
        <day date="2025-12-27" start="2025-12-27T09:00:00+00:00" end="2025-12-28T06:00:00+01:00">
        <room name="One">
          <event guid="a" id="1"><date>2025-12-27T16:00:00+01:00</date><duration>01:00</duration><title>A</title></event>
          <event guid="b" id="2"><date>2025-12-27T16:00:00Z</date><duration>01:00</duration><title>B</title></event>
          <event guid="c" id="3"><date>2025-12-27T18:00:00+01:00</date><duration>01:00</duration><title>C</title></event>
        </room></day></schedule>"#,
    );
    assert_eq!(item(&r.event, "b").start, "2025-12-27T17:00+01:00");
    assert_eq!(
        item(&r.event, "b").end.as_deref(),
        Some("2025-12-27T18:00+01:00")
    );
    assert_eq!(r.event.time_zone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(
        item(&r.event, "a").location.as_ref().map(|l| l.any()),
        Some("One")
    );
}

#[test]
fn persons_are_one_person_across_events() {
    let r = json(&json_day(
        "",
        r#"{"A":[
          {"id":1,"date":"2019-12-27T11:00:00+01:00","title":"One","persons":[{"id":7,"public_name":"Ada"},{"guid":"p-g","name":"Grace"}]},
          {"id":2,"date":"2019-12-27T12:00:00+01:00","title":"Two","persons":[{"id":7,"public_name":"Ada"},{"id":8,"full_public_name":"Old frab"},{"id":9},{"id":7,"public_name":"Ada"}]}
        ]}"#,
    ));
    let names: Vec<&str> = r.event.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Grace", "Old frab"]);
    assert_eq!(item(&r.event, "2").people, ["7", "8"]);
    assert!(r.warnings.iter().any(|w| w.problem.contains("no name")));
    let ids: BTreeSet<&str> = r.event.people.iter().map(|p| p.id.as_str()).collect();
    for i in &r.event.program {
        for p in &i.people {
            assert!(ids.contains(p.as_str()));
        }
    }
}

#[test]
fn durations_in_every_shape_and_broken_ones() {
    let r = json(&json_day(
        "",
        r#"{"A":[
          {"id":1,"date":"2019-12-27T11:00:00+01:00","duration":"1:15","title":"a"},
          {"id":2,"date":"2019-12-27T11:00:00+01:00","duration":"00:05:00","title":"b"},
          {"id":3,"date":"2019-12-27T11:00:00+01:00","duration":"PT1H30M","title":"c"},
          {"id":4,"date":"2019-12-27T11:00:00+01:00","duration":"26:00","title":"d"},
          {"id":5,"date":"2019-12-27T11:00:00+01:00","duration":"soon","title":"e"},
          {"id":6,"date":"2019-12-27T11:00:00+01:00","duration":"P99999999999999D","title":"f"},
          {"id":7,"date":"2019-12-27T11:00:00+01:00","end":"2019-12-27T11:45:00+01:00","duration":"9:00","title":"g"}
        ]}"#,
    ));
    let end = |id| item(&r.event, id).end.clone();
    assert_eq!(end("1").as_deref(), Some("2019-12-27T12:15+01:00"));
    assert_eq!(end("2").as_deref(), Some("2019-12-27T11:05+01:00"));
    assert_eq!(end("3").as_deref(), Some("2019-12-27T12:30+01:00"));
    assert_eq!(end("4").as_deref(), Some("2019-12-28T13:00+01:00"));
    assert_eq!(end("5"), None);
    assert_eq!(end("6"), None);
    assert_eq!(end("7").as_deref(), Some("2019-12-27T11:45+01:00"));
    assert!(r.warnings.iter().any(|w| w.path.ends_with("[4].duration")));
}

#[test]
fn broken_events_are_skipped_and_the_rest_is_read() {
    let r = json(&json_day(
        "",
        r#"{"A":[
          {"id":1,"date":"2019-12-27T11:00:00+01:00","title":"Fine"},
          {"id":2,"date":"2019-12-27T25:00:00+01:00","title":"Bad date"},
          {"id":3,"start":"25:00","title":"Bad start"},
          {"id":4,"date":"2019-12-27T13:00:00+01:00"},
          "not an event",
          {"id":1,"date":"2019-12-27T14:00:00+01:00","title":"Same id"}
        ]}"#,
    ));
    let ids: Vec<&str> = r.event.program.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["1", "1-2"]);
    let paths: Vec<&str> = r.warnings.iter().map(|w| w.path.as_str()).collect();
    assert!(
        paths.contains(&"schedule.conference.days[0].rooms[\"A\"][2].start"),
        "{paths:?}"
    );
    assert!(r
        .warnings
        .iter()
        .any(|w| w.problem.contains("\"25:00\" is not a time")));
    assert!(r.warnings.iter().any(|w| w.problem.contains("used before")));
}

#[test]
fn the_wrong_top_level_shape_is_an_error_naming_the_place() {
    for (text, place) in [
        (
            r#"{"schedule":{"conference":{}}}"#,
            "schedule.conference.days",
        ),
        (r#"{"schedule":{"conference":[]}}"#, "schedule.conference"),
        (r#"{"schedule":[]}"#, "schedule"),
    ] {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let e = frab_json::read(&value, &Hints::default()).unwrap_err();
        assert_eq!(e.format, Some(Format::FrabJson.name()));
        assert_eq!(e.path, place);
    }
    // Days but no usable event and no conference date: nothing to show.
    let value: serde_json::Value = serde_json::from_str(
        r#"{"schedule":{"conference":{"days":[{"rooms":{"A":[{"title":"x"}]}}]}}}"#,
    )
    .unwrap();
    assert!(frab_json::read(&value, &Hints::default()).is_err());
}

#[test]
fn links_keep_only_web_urls_and_say_what_they_are() {
    let r = json(
        r##"{"schedule":{"base_url":"https://fahrplan.example.org/2019/Fahrplan/","conference":{"title":"T",
        "tracks":[{"name":"Security","color":"#E40429"}],
        "days":[{"date":"2019-12-27","rooms":{"A":[{"id":1,"date":"2019-12-27T11:00:00+01:00","title":"T",
          "track":"Security","language":"de, en","url":"https://fahrplan.example.org/events/1.html",
          "links":[{"url":"javascript:alert(1)","title":"x"},{"url":"https://slides.example/a.pdf","title":"Slides"},
                   {"url":"https://media.example/v/1","title":"Video recording"},{"url":"www.example.org","title":"Home"}],
          "attachments":[{"url":"/system/att/1.pdf?123","title":"paper"},{"url":"data:text/html,x","title":"y"}]},
          {"id":2,"date":"2019-12-27T12:00:00+01:00","title":"U","track":"Unlisted"}]}}]}}}"##,
    );
    let links = &item(&r.event, "1").links;
    let got: Vec<(&str, LinkKind)> = links.iter().map(|l| (l.url.as_str(), l.kind)).collect();
    assert_eq!(
        got,
        [
            ("https://fahrplan.example.org/events/1.html", LinkKind::Page),
            ("https://slides.example/a.pdf", LinkKind::Slides),
            ("https://media.example/v/1", LinkKind::Recording),
            ("https://www.example.org", LinkKind::Other),
            (
                "https://fahrplan.example.org/system/att/1.pdf?123",
                LinkKind::Other
            ),
        ]
    );
    assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    assert_eq!(item(&r.event, "1").language.as_deref(), Some("de, en"));
    // Listed tracks with colours; a track items name but the list lacks is added.
    assert_eq!(r.event.tracks.len(), 2);
    assert_eq!(r.event.tracks[0].color.as_deref(), Some("#e40429"));
    assert_eq!(
        item(&r.event, "1").track.as_deref(),
        Some(r.event.tracks[0].id.as_str())
    );
    assert_eq!(
        item(&r.event, "2").track.as_deref(),
        Some(r.event.tracks[1].id.as_str())
    );
}

#[test]
fn only_the_events_own_children_count() {
    let r = xml(
        r##"<?xml version="1.0"?><schedule><conference><title>39C3</title>
        <track name="Security" color="#0347b4" slug="security"/></conference>
        <day date="2025-12-27"><room name="One">
        <event guid="e1" id="1"><date>2025-12-27T16:00:00+01:00</date><duration>01:00</duration>
          <links><link href="https://zügli.app"><type>related</type><title>Zügli</title></link></links>
          <title>The talk</title><type>Talk</type><track>Security</track>
          <attachments><attachment href="https://x.example/s.pdf" type="slides">Paper</attachment></attachments>
          <persons><person guid="p1">Q</person></persons><code>JZ9A3E</code>
        </event></room></day></schedule>"##,
    );
    let talk = item(&r.event, "e1");
    assert_eq!(talk.title.any(), "The talk");
    assert_eq!(talk.item_type.as_deref(), Some("Talk"));
    assert_eq!(talk.links[0].title.as_deref(), Some("Zügli"));
    assert_eq!(talk.links[1].kind, LinkKind::Slides);
    assert_eq!(talk.track.as_deref(), Some("security"));
    assert_eq!(r.event.tracks[0].color.as_deref(), Some("#0347b4"));
    assert_eq!(r.event.people[0].id, "p1");
}

#[test]
fn xml_that_is_not_a_schedule_is_named() {
    let e = xml_error("<rss><channel/></rss>");
    assert!(e.starts_with("not a schedule this widget can read"), "{e}");
    assert!(e.contains("<rss>"), "{e}");
    let e = xml_error("<schedule><conference/>");
    assert!(e.contains("frab schedule.xml") && e.contains("line"), "{e}");
    let e = xml_error("<schedule><conference/></schedule>");
    assert!(e.contains("<day>"), "{e}");
}

#[test]
fn dtds_and_entities_are_refused() {
    let external = r#"<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <schedule><conference><title>&xxe;</title></conference></schedule>"#;
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
        <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <schedule><conference><title>&lol3;</title></conference></schedule>"#;
    let public =
        r#"<!DOCTYPE schedule PUBLIC "-//x//EN" "http://example.org/schedule.dtd"><schedule/>"#;
    for text in [external, bomb, public] {
        let e = xml_error(text);
        assert!(e.contains("DTD"), "{e}");
        assert!(!e.contains("root:"), "{e}");
    }
    // An undeclared entity is an error, never a lookup.
    let e = xml_error("<schedule><conference><title>&nope;</title></conference></schedule>");
    assert!(e.contains("frab schedule.xml"), "{e}");
}

#[test]
fn deep_nesting_and_huge_inputs_do_not_break_the_reader() {
    let deep = format!(
        "<schedule>{}{}</schedule>",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    assert!(frab_xml::read(&deep, &Hints::default()).is_err());
    let event = r#"<event id="x"><date>2025-02-01T10:00:00+01:00</date><title>t</title></event>"#;
    let many = format!(
        r#"<schedule><day date="2025-02-01"><room name="r">{}</room></day></schedule>"#,
        event.repeat(10_001)
    );
    let e = xml_error(&many);
    assert!(e.contains("10000"), "{e}");
    let long = "x".repeat(30_000);
    let r = xml(&format!(
        r#"<schedule><day date="2025-02-01"><event id="1"><date>2025-02-01T10:00:00+01:00</date><title>{long}</title></event></day></schedule>"#
    ));
    assert_eq!(r.event.program[0].title.any().chars().count(), 20_000);
    assert!(r.warnings.iter().any(|w| w.problem.contains("cut off")));
}

#[test]
fn scripts_never_reach_titles_as_markup_or_links() {
    let r = xml(
        r#"<schedule><day date="2025-02-01"><event id="1"><date>2025-02-01T10:00:00+01:00</date>
        <title>Hi</title><url>javascript:alert(1)</url><abstract>&lt;script&gt;alert(1)&lt;/script&gt;</abstract>
        <persons><person id="1">&lt;img src=x onerror=alert(1)&gt;</person></persons>
        <links><link href=" JAVASCRIPT:alert(1)">x</link><link href="vbscript:x">y</link></links>
        </event></day></schedule>"#,
    );
    let it = &r.event.program[0];
    assert!(it.links.is_empty());
    if let Some(d) = &it.description {
        assert!(!d.any().contains("<script"), "{d:?}");
    }
    // A name is plain text: kept as text, the widget renders it as a text node.
    assert_eq!(r.event.people[0].name, "<img src=x onerror=alert(1)>");
}

#[test]
fn conference_dates_may_be_date_times() {
    let r = json(
        r#"{"schedule":{"conference":{"title":"Hub","start":"2024-12-27T09:30:00+00:00","end":"2024-12-30T18:00:00+00:00","days":[]}}}"#,
    );
    assert!(r.event.program.is_empty());
    assert_eq!(r.event.start_date, "2024-12-27");
    assert_eq!(r.event.end_date.as_deref(), Some("2024-12-30"));
    assert_eq!(r.event.id, "hub");
}

fn real(path: &str) -> String {
    let full = format!(
        "{}/../../shared/realdata/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// What holds for every real frab file, without any count read off the files.
fn invariants(path: &str, format: Format) -> Read {
    let r = read(&real(path), &Hints::default()).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(r.format, format);
    let e = &r.event;
    assert!(!e.program.is_empty(), "{path}");
    assert!(e.name.is_some(), "{path}");
    let person_ids: BTreeSet<&str> = e.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        person_ids.len(),
        e.people.len(),
        "{path}: person ids unique"
    );
    let item_ids: BTreeSet<&str> = e.program.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(item_ids.len(), e.program.len(), "{path}: item ids unique");
    let track_ids: BTreeSet<&str> = e.tracks.iter().map(|t| t.id.as_str()).collect();
    let last = e.end_date.as_deref().unwrap_or(&e.start_date);
    for i in &e.program {
        let start = DateTime::parse(&i.start).expect("start parses");
        assert!(start.offset.is_some(), "{path}: {} has an offset", i.id);
        // Listed under its conference day: the start's date or the one after.
        let day = schedule_readers::time::parse_date(&i.date).expect("date");
        assert!(
            start.days == day || start.days == day + 1,
            "{path}: {}",
            i.id
        );
        assert!(i.date.as_str() >= e.start_date.as_str() && i.date.as_str() <= last);
        if let Some(end) = &i.end {
            let end = DateTime::parse(end).expect("end parses");
            assert!(end.instant() >= start.instant(), "{path}: {}", i.id);
        }
        for p in &i.people {
            assert!(person_ids.contains(p.as_str()), "{path}: {p}");
        }
        if let (Some(t), false) = (&i.track, e.tracks.is_empty()) {
            assert!(track_ids.contains(t.as_str()), "{path}: track {t}");
        }
        for l in &i.links {
            assert!(l.url.starts_with("http://") || l.url.starts_with("https://"));
        }
    }
    r
}

#[test]
fn the_real_frab_json_files_read() {
    let congress = invariants("frab-json/36c3.frab.json", Format::FrabJson);
    assert_eq!(congress.event.time_zone, None);
    assert_eq!(congress.event.utc_offset.as_deref(), Some("+01:00"));
    let demo = invariants("frab-json/democon.pretalx-demo.json", Format::FrabJson);
    assert_eq!(
        demo.event.time_zone, None,
        "DemoCon's UTC contradicts its offsets"
    );
    assert_eq!(demo.event.utc_offset.as_deref(), Some("+01:00"));
    assert!(demo
        .warnings
        .iter()
        .any(|w| w.path.ends_with("time_zone_name")));
}

#[test]
fn the_real_frab_xml_files_read() {
    invariants("frab-xml/31c3.frab.xml", Format::FrabXml);
    let hub = invariants("frab-xml/39c3.hub.xml", Format::FrabXml);
    assert_eq!(hub.event.time_zone.as_deref(), Some("Europe/Berlin"));
    assert!(hub.event.tracks.iter().all(|t| t.color.is_some()));
    // Hub links carry their own <title>: none of it may become an event's title.
    for i in &hub.event.program {
        assert!(i
            .links
            .iter()
            .all(|l| l.title.as_deref() != Some(i.title.any()) || l.kind == LinkKind::Page));
    }
    let fosdem = invariants("frab-xml/fosdem-2025.pentabarf.xml", Format::FrabXml);
    assert!(fosdem.event.venue.is_some());
    assert_eq!(fosdem.event.time_zone.as_deref(), Some("Europe/Brussels"));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE_XML: &str = r#"<schedule><conference><title>T</title><day_change>09:00</day_change></conference><day date="2025-02-01" start="2025-02-01T09:00:00+01:00"><room name="r"><event id="1" guid="g"><date>2025-02-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><title>t</title><persons><person id="1">p</person></persons><links><link href="https://a.b">x</link></links></event></room></day></schedule>"#;
    const SAMPLE_JSON: &str = r#"{"schedule":{"base_url":"https://a.b/","conference":{"title":"T","time_zone_name":"UTC","days":[{"date":"2019-12-27","day_start":"2019-12-27T11:00:00+01:00","rooms":{"A":[{"id":1,"date":"2019-12-27T11:00:00+01:00","start":"11:00","duration":"0:30","title":"t","persons":[{"id":1,"public_name":"p"}],"links":[{"url":"https://x.y","title":"s"}],"attachments":[{"url":"/a","title":"b"}]}]}}]}}}"#;

    fn mutate(sample: &str, at: usize, cut: usize, insert: &str) -> String {
        let mut s: Vec<char> = sample.chars().collect();
        let at = at % (s.len() + 1);
        let cut = cut.min(s.len() - at);
        s.splice(at..at + cut, insert.chars());
        s.into_iter().collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn on_mangled_xml(at in 0usize..2000, cut in 0usize..8, insert in "[<>&;/\"'a-z0-9:+#. -]{0,8}") {
            let _ = frab_xml::read(&mutate(SAMPLE_XML, at, cut, &insert), &Hints::default());
        }

        #[test]
        fn on_mangled_json(at in 0usize..2000, cut in 0usize..8, insert in "[{}\\[\\]\":,0-9a-z:+T. -]{0,8}") {
            let text = mutate(SAMPLE_JSON, at, cut, &insert);
            let _ = read(&text, &Hints::default());
        }
    }
}
