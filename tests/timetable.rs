//! The programme in time: a day's timetable, groups by start time, and "now".

use forum_widget::model::timetable::{at, by_start, minutes, rooms};
use forum_widget::model::{keep, parse_event, Cell, Date, Event, Filter, Grid, Now};

/// An event of `items`: (id, room, start, end) on 2025-02-01 in UTC.
fn event(items: &[(&str, &str, &str, Option<&str>)]) -> Event {
    let program: Vec<String> = items
        .iter()
        .map(|(id, room, start, end)| {
            let end = end.map_or(String::new(), |e| format!(r#","end":"{e}""#));
            let start = if start.is_empty() {
                String::new()
            } else {
                format!(r#","start":"{start}""#)
            };
            format!(
                r#"{{"id":"{id}","title":{{"en":"{id}"}},"kind":"talk","date":"2025-02-01","location":{{"en":"{room}"}}{start}{end}}}"#
            )
        })
        .collect();
    parse_event(&format!(
        r#"{{"version":2,"id":"t","name":{{"en":"T"}},"start_date":"2025-02-01","end_date":"2025-02-02","time_zone":"UTC","program":[{}]}}"#,
        program.join(",")
    ))
    .expect("valid test event")
}

/// The programme index of the item `id` (the reader sorts the programme by time).
fn at_id(event: &Event, id: &str) -> usize {
    event
        .program
        .iter()
        .position(|i| i.id == id)
        .expect("item exists")
}

fn ids(event: &Event, items: &[usize]) -> Vec<String> {
    items.iter().map(|&i| event.program[i].id.clone()).collect()
}

#[test]
fn an_item_past_midnight_counts_its_minutes_under_its_conference_day() {
    let e = event(&[
        ("late", "A", "2025-02-01T23:30", Some("2025-02-02T00:30")),
        ("after", "A", "2025-02-02T01:00", Some("2025-02-02T02:00")),
        ("open", "A", "10:00", None),
        ("untimed", "A", "", None),
    ]);
    assert_eq!(minutes(&e.program[at_id(&e, "late")]), Some((1410, 1470)));
    assert_eq!(minutes(&e.program[at_id(&e, "after")]), Some((1500, 1560)));
    assert_eq!(minutes(&e.program[at_id(&e, "open")]), Some((600, 600)));
    assert_eq!(minutes(&e.program[at_id(&e, "untimed")]), None);
    let day = Date::new(2025, 2, 1).unwrap();
    assert_eq!(
        at(day, 1500),
        (
            Date::new(2025, 2, 2).unwrap(),
            forum_widget::model::Time { hour: 1, minute: 0 }
        )
    );
}

/// What a cell shows: the ids of the items starting there and its row span.
fn shown(event: &Event, cell: &Cell) -> Option<(Vec<String>, usize)> {
    match cell {
        Cell::Start { items, span } => Some((ids(event, items), *span)),
        _ => None,
    }
}

fn start(ids: &[&str], span: usize) -> Option<(Vec<String>, usize)> {
    Some((ids.iter().map(|s| s.to_string()).collect(), span))
}

#[test]
fn a_days_timetable_has_a_row_per_boundary_and_items_span_their_rows() {
    let e = event(&[
        ("a1", "A", "09:00", Some("10:00")),
        ("b1", "B", "09:30", Some("10:00")),
        ("a2", "A", "10:00", Some("10:30")),
        ("c1", "C", "09:00", Some("09:30")),
        ("u", "B", "", None),
    ]);
    let rooms = rooms(&e, "en");
    // In the order the (time-sorted) programme first names them.
    assert_eq!(rooms, ["A", "C", "B"]);
    let all: Vec<usize> = (0..e.program.len()).collect();
    let grid = Grid::of(&e, &all, &rooms, "en");
    assert_eq!(grid.rows, [540, 570, 600]);
    let cell = |r: usize, c: usize| shown(&e, &grid.cells[r][c]);
    assert_eq!(cell(0, 0), start(&["a1"], 2));
    assert_eq!(grid.cells[1][0], Cell::Covered);
    assert_eq!(cell(2, 0), start(&["a2"], 1));
    assert_eq!(cell(0, 1), start(&["c1"], 1));
    assert_eq!(grid.cells[1][1], Cell::Empty);
    assert_eq!(grid.cells[0][2], Cell::Empty);
    assert_eq!(cell(1, 2), start(&["b1"], 1));
    assert_eq!(grid.cells[2][2], Cell::Empty);
    assert_eq!(ids(&e, &grid.untimed), ["u"]);
}

#[test]
fn overlapping_items_in_one_room_share_a_cell_and_rooms_left_out_are_not_shown() {
    let e = event(&[
        ("first", "A", "09:00", Some("10:00")),
        ("inside", "A", "09:15", Some("09:45")),
        ("other", "B", "09:00", Some("09:30")),
    ]);
    let all: Vec<usize> = (0..e.program.len()).collect();
    let grid = Grid::of(&e, &all, &["A".to_owned()], "en");
    assert_eq!(grid.rows, [540, 555, 585]);
    assert_eq!(shown(&e, &grid.cells[0][0]), start(&["first", "inside"], 3));
    assert!(grid.cells.iter().all(|row| row.len() == 1));
}

#[test]
fn now_falls_in_the_row_under_way_and_nowhere_outside_the_day() {
    let e = event(&[
        ("a", "A", "09:00", Some("10:00")),
        ("b", "A", "10:00", Some("11:00")),
    ]);
    let grid = Grid::of(&e, &[0, 1], &["A".to_owned()], "en");
    assert_eq!(grid.now_row(539, &e), None);
    assert_eq!(grid.now_row(540, &e), Some(0));
    assert_eq!(grid.now_row(659, &e), Some(1));
    assert_eq!(grid.now_row(660, &e), None);
    let day = Date::new(2025, 2, 1).unwrap();
    let now = Now {
        date: day,
        minutes: 630,
    };
    let (a, b) = (&e.program[at_id(&e, "a")], &e.program[at_id(&e, "b")]);
    assert!(!now.under_way(a) && now.is_past(a));
    assert!(now.under_way(b) && !now.is_past(b));
    let next_day = Now {
        date: Date::new(2025, 2, 2).unwrap(),
        minutes: 0,
    };
    assert_eq!(next_day.on(day), 1440);
}

#[test]
fn items_group_by_start_time_untimed_last() {
    let e = event(&[
        ("b", "B", "10:00", Some("11:00")),
        ("u", "A", "", None),
        ("a", "A", "09:00", Some("10:00")),
        ("c", "C", "10:00", Some("10:30")),
    ]);
    let groups = by_start(&e, &[0, 1, 2, 3]);
    let shown: Vec<(Option<i64>, Vec<String>)> = groups
        .iter()
        .map(|(s, items)| (*s, ids(&e, items)))
        .collect();
    assert_eq!(
        shown,
        [
            (Some(540), vec!["a".to_owned()]),
            (Some(600), vec!["b".to_owned(), "c".to_owned()]),
            (None, vec!["u".to_owned()]),
        ]
    );
}

#[test]
fn starred_and_past_filters_use_the_readers_stars_and_clock() {
    let e = event(&[
        ("a", "A", "09:00", Some("10:00")),
        ("b", "A", "11:00", Some("12:00")),
    ]);
    let starred: forum_widget::model::IdSet = ["b".to_owned()].into_iter().collect();
    let now = Some(Now {
        date: Date::new(2025, 2, 1).unwrap(),
        minutes: 600,
    });
    let only = Filter {
        starred: true,
        ..Filter::default()
    };
    let past = Filter {
        hide_past: true,
        ..Filter::default()
    };
    let kept = |f: &Filter, now| {
        e.program
            .iter()
            .filter(|i| keep(i, f, &starred, now))
            .count()
    };
    assert_eq!(kept(&Filter::default(), now), 2);
    assert_eq!(kept(&only, now), 1);
    assert_eq!(kept(&past, now), 1);
    assert_eq!(kept(&past, None), 2, "no clock, nothing is past");
}
