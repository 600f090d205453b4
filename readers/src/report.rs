//! What `check` says about a converted schedule: counts, the zone, the first and last
//! item. The realdata tests compare these with an independent reader.

use crate::event::{Event, Item};
use crate::time::DateTime;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub items: usize,
    pub people: usize,
    /// Distinct rooms that hold at least one item.
    pub rooms: usize,
    /// Distinct conference days that hold at least one item.
    pub days: usize,
    pub time_zone: Option<String>,
    pub utc_offset: Option<String>,
    pub first: Option<ItemSummary>,
    pub last: Option<ItemSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSummary {
    pub title: String,
    /// In UTC (`…Z`) when the offset is known, else the wall clock.
    pub start: String,
    pub end: Option<String>,
}

/// UTC `YYYY-MM-DDTHH:MM:SSZ` for a time with an offset; `YYYY-MM-DDTHH:MM:SS` without.
pub fn normalised(iso: &str) -> String {
    match DateTime::parse(iso) {
        Some(t) => {
            let t = t.at_offset(0);
            let (h, m, s) = (t.secs / 3600, t.secs / 60 % 60, t.secs % 60);
            let zone = if t.offset.is_some() { "Z" } else { "" };
            format!("{}T{h:02}:{m:02}:{s:02}{zone}", t.date_string())
        }
        None => iso.to_owned(),
    }
}

fn order_key(item: &Item) -> i64 {
    DateTime::parse(&item.start).map_or(i64::MIN, |t| {
        t.instant().unwrap_or_else(|| t.wall_seconds())
    })
}

fn item_summary(item: &Item) -> ItemSummary {
    ItemSummary {
        title: item.title.any().to_owned(),
        start: normalised(&item.start),
        end: item.end.as_deref().map(normalised),
    }
}

pub fn summarise(event: &Event) -> Summary {
    let rooms: BTreeSet<&str> = event
        .program
        .iter()
        .filter_map(|i| i.location.as_ref().map(|l| l.any()))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let days: BTreeSet<&str> = event.program.iter().map(|i| i.date.as_str()).collect();
    // First: earliest start, the first such in file order; last: latest start, the last.
    let first = event.program.iter().min_by_key(|i| order_key(i));
    let last = event.program.iter().max_by_key(|i| order_key(i));
    Summary {
        items: event.program.len(),
        people: event.people.len(),
        rooms: rooms.len(),
        days: days.len(),
        time_zone: event.time_zone.clone(),
        utc_offset: event.utc_offset.clone(),
        first: first.map(item_summary),
        last: last.map(item_summary),
    }
}
