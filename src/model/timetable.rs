//! The programme laid out in time: an item's minutes within its conference day, a day's
//! timetable (time rows by rooms), items grouped by start time, and what "now" means for
//! an item. Pure Rust: the browser gives the current wall clock in the event's zone.

use super::{Date, Event, ProgramItem};

/// Minutes since midnight of the item's conference day, from start to end. An item that
/// starts after midnight under the day before counts past 1,440; an item without an end
/// (or ending before it starts) lasts no time. `None` when no start is published.
pub fn minutes(item: &ProgramItem) -> Option<(i64, i64)> {
    let at = |clock: super::Clock| {
        let days = clock.on(item.date).days_since_epoch() - item.date.days_since_epoch();
        days * 1440 + i64::from(clock.time.minutes())
    };
    let start = at(item.start?);
    let end = item.end.map_or(start, at).max(start);
    Some((start, end))
}

/// The event's wall clock now: its date, and minutes since that date's midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub date: Date,
    pub minutes: i64,
}

impl Now {
    /// Minutes since the midnight of `day` (negative before it).
    pub fn on(self, day: Date) -> i64 {
        (self.date.days_since_epoch() - day.days_since_epoch()) * 1440 + self.minutes
    }

    /// Whether `item` has started and not yet ended.
    pub fn under_way(self, item: &ProgramItem) -> bool {
        let now = self.on(item.date);
        minutes(item).is_some_and(|(start, end)| start <= now && now < end)
    }

    /// Whether `item` is over: it has ended (or, without an end, started).
    pub fn is_past(self, item: &ProgramItem) -> bool {
        let now = self.on(item.date);
        match minutes(item) {
            Some((start, end)) if end > start => end <= now,
            Some((start, _)) => start < now,
            // Untimed: over once its day is.
            None => now >= 1440,
        }
    }
}

/// The rooms of a programme, in the order the data first names them (`""` for items
/// without one), as shown in `lang`.
pub fn rooms(event: &Event, lang: &str) -> Vec<String> {
    let mut rooms: Vec<String> = Vec::new();
    for item in &event.program {
        let room = room_of(item, lang);
        if !rooms.iter().any(|r| r == room) {
            rooms.push(room.to_owned());
        }
    }
    rooms
}

/// The room an item is in, as shown in `lang`; `""` when it names none.
pub fn room_of<'a>(item: &'a ProgramItem, lang: &str) -> &'a str {
    item.location.text_for(lang).unwrap_or("")
}

/// One cell of a timetable: where an item (or several that overlap in one room) starts,
/// spanning rows; a row covered by such a cell above; or nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Start { items: Vec<usize>, span: usize },
    Covered,
    Empty,
}

/// A day's timetable: a row for each time at which something starts or ends, a column
/// for each room, and the items that have no published time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// Minutes since the day's midnight at which each row starts.
    pub rows: Vec<i64>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Cell>>,
    pub untimed: Vec<usize>,
}

impl Grid {
    /// The timetable of `items` (indices into the programme, all of one day) in `rooms`;
    /// items in other rooms are left out.
    pub fn of(event: &Event, items: &[usize], rooms: &[String], lang: &str) -> Grid {
        let mut grid = Grid::default();
        let mut timed: Vec<(usize, usize, i64, i64)> = Vec::new();
        for &index in items {
            let Some(item) = event.program.get(index) else {
                continue;
            };
            let room = room_of(item, lang);
            let Some(column) = rooms.iter().position(|r| r == room) else {
                continue;
            };
            match minutes(item) {
                Some((start, end)) => timed.push((index, column, start, end)),
                None => grid.untimed.push(index),
            }
        }
        timed.sort_by_key(|&(index, _, start, end)| (start, end, index));
        let mut bounds: Vec<i64> = timed.iter().flat_map(|&(_, _, s, e)| [s, e]).collect();
        bounds.sort_unstable();
        bounds.dedup();
        // The last boundary only ends rows, unless something starts (and ends) there.
        if let Some(&last) = bounds.last() {
            if !timed.iter().any(|&(_, _, start, _)| start == last) {
                bounds.pop();
            }
        }
        let row_of = |minute: i64| bounds.partition_point(|&b| b < minute);
        grid.cells = vec![vec![Cell::Empty; rooms.len()]; bounds.len()];
        for (index, column, start, end) in timed {
            let first = row_of(start);
            let span = (row_of(end).min(bounds.len()) - first).max(1);
            let free = (first..first + span).all(|r| grid.cells[r][column] == Cell::Empty);
            if free {
                grid.cells[first][column] = Cell::Start {
                    items: vec![index],
                    span,
                };
                for row in first + 1..first + span {
                    grid.cells[row][column] = Cell::Covered;
                }
                continue;
            }
            // Overlaps another item in its room: shown in the cell of the one it overlaps.
            let above = (0..=first)
                .rev()
                .find(|&r| matches!(grid.cells[r][column], Cell::Start { .. }));
            match above.map(|r| &mut grid.cells[r][column]) {
                Some(Cell::Start { items, .. }) => items.push(index),
                _ => {
                    // Free at its start but running into the next item: as long as fits.
                    let fits = (first..first + span)
                        .take_while(|&r| grid.cells[r][column] == Cell::Empty)
                        .count();
                    grid.cells[first][column] = Cell::Start {
                        items: vec![index],
                        span: fits.max(1),
                    };
                    for row in first + 1..first + fits {
                        grid.cells[row][column] = Cell::Covered;
                    }
                }
            }
        }
        grid.rows = bounds;
        grid
    }

    /// The row that `now` (minutes since the day's midnight) falls in, if the day's
    /// timetable is under way.
    pub fn now_row(&self, now: i64, event: &Event) -> Option<usize> {
        let end = self
            .cells
            .iter()
            .flatten()
            .filter_map(|cell| match cell {
                Cell::Start { items, .. } => Some(items),
                _ => None,
            })
            .flatten()
            .filter_map(|&i| minutes(event.program.get(i)?))
            .map(|(_, end)| end)
            .max()?;
        let first = *self.rows.first()?;
        if now < first || now >= end {
            return None;
        }
        Some(self.rows.partition_point(|&r| r <= now).saturating_sub(1))
    }
}

/// `items` (indices, in programme order) grouped by start time: a group per start, in
/// time order, then one group of the untimed (`None`).
pub fn by_start(event: &Event, items: &[usize]) -> Vec<(Option<i64>, Vec<usize>)> {
    let mut keyed: Vec<(Option<i64>, usize)> = items
        .iter()
        .filter_map(|&i| Some((event.program.get(i)?, i)))
        .map(|(item, i)| (minutes(item).map(|(start, _)| start), i))
        .collect();
    // Untimed last; the sort is stable, so programme order holds within a time.
    keyed.sort_by_key(|&(start, _)| (start.is_none(), start));
    let mut groups: Vec<(Option<i64>, Vec<usize>)> = Vec::new();
    for (start, index) in keyed {
        match groups.last_mut() {
            Some((s, group)) if *s == start => group.push(index),
            _ => groups.push((start, vec![index])),
        }
    }
    groups
}

/// The calendar date and wall-clock time `minutes` after the midnight of `day`.
pub fn at(day: Date, minutes: i64) -> (Date, super::Time) {
    let days = minutes.div_euclid(1440);
    let m = minutes.rem_euclid(1440);
    let time = super::Time {
        hour: (m / 60) as u8,
        minute: (m % 60) as u8,
    };
    (
        Date::from_days_since_epoch(day.days_since_epoch() + days),
        time,
    )
}
