//! Reader for frab / Pentabarf / wafer / CCC-hub `schedule.xml` (field mapping and
//! pitfalls: ../shared/realdata/FORMATS.md §2.2, §3). The guarantees every reader keeps
//! are listed at the top of lib.rs; the mapping itself is shared with the JSON reader in
//! [`crate::frab`].
//!
//! Parsed with `roxmltree`, which never loads anything from outside the text: DTDs are
//! refused outright (a schedule needs none; entity declarations are how external files
//! and expansion bombs get in), and the number of nodes is bounded.

use crate::frab::{
    self, Conference, Day, LinkSource, RawEvent, RawLink, RawPerson, RawTrack, Schedule,
};
use crate::{Format, Hints, Read, ReadError};
use roxmltree::{Document, Node, ParsingOptions};

const FORMAT: Format = Format::FrabXml;

/// More nodes than any schedule within the file size limit plausibly has.
const MAX_NODES: u32 = 2_000_000;

fn parse_error(e: &roxmltree::Error) -> ReadError {
    let pos = e.pos();
    let at = format!("line {}, column {}", pos.row, pos.col);
    let problem = match e {
        roxmltree::Error::DtdDetected => "the file has a DTD (<!DOCTYPE …>); DTDs are not \
            read, since their entities could fetch other files or expand without end, and \
            a schedule needs none"
            .to_owned(),
        roxmltree::Error::EntityReferenceLoop(_) => {
            "entities that expand into each other without end are not read".to_owned()
        }
        roxmltree::Error::NodesLimitReached => {
            format!("more than {MAX_NODES} XML nodes; that is not a schedule")
        }
        other => format!("not well-formed XML: {other}"),
    };
    ReadError::new(FORMAT.name(), at, problem)
}

fn element<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The text directly inside `node` (CDATA included), not that of nested elements.
fn own_text(node: Node) -> Option<String> {
    let text: String = node
        .children()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect();
    frab::nonblank(Some(&text)).map(str::to_owned)
}

/// The text of `node`'s first direct child `<name>`.
fn child(node: Node, name: &str) -> Option<String> {
    element(node, name).next().and_then(own_text)
}

fn attr(node: Node, name: &str) -> Option<String> {
    frab::nonblank(node.attribute(name)).map(str::to_owned)
}

/// `<links><link href>title</link></links>` or hub's `<link href><title>…</title></link>`.
fn links(event: Node, list: &str, one: &str, path: &str, source: LinkSource) -> Vec<RawLink> {
    element(event, list)
        .flat_map(|l| element(l, one))
        .enumerate()
        .filter_map(|(i, l)| {
            Some(RawLink {
                path: format!("{path}/{list}/{one}[{}]", i + 1),
                url: attr(l, "href")?,
                title: child(l, "title").or_else(|| own_text(l)),
                link_type: attr(l, "type").or_else(|| child(l, "type")),
                source,
            })
        })
        .collect()
}

fn event(e: Node, path: String, day: usize, room: Option<&str>) -> RawEvent {
    let persons = element(e, "persons")
        .flat_map(|p| element(p, "person"))
        .enumerate()
        .map(|(i, p)| RawPerson {
            path: format!("{path}/persons/person[{}]", i + 1),
            guid: attr(p, "guid"),
            id: attr(p, "id"),
            code: attr(p, "code"),
            name: own_text(p),
            ..RawPerson::default()
        })
        .collect();
    let mut all_links = links(e, "links", "link", &path, LinkSource::Link);
    all_links.extend(links(
        e,
        "attachments",
        "attachment",
        &path,
        LinkSource::Attachment,
    ));
    RawEvent {
        day,
        listed_room: room.map(str::to_owned),
        guid: attr(e, "guid"),
        id: attr(e, "id"),
        code: child(e, "code"),
        date: child(e, "date"),
        start: child(e, "start"),
        duration: child(e, "duration"),
        end: child(e, "end"),
        room: child(e, "room"),
        title: child(e, "title"),
        subtitle: child(e, "subtitle"),
        track: child(e, "track"),
        item_type: child(e, "type"),
        language: child(e, "language"),
        abstract_text: child(e, "abstract"),
        description: child(e, "description"),
        url: child(e, "url"),
        persons,
        links: all_links,
        path,
    }
}

fn conference(root: Node) -> Conference {
    let Some(conf) = element(root, "conference").next() else {
        return Conference {
            path: "schedule/conference".into(),
            ..Conference::default()
        };
    };
    let track = |t: Node| {
        Some(RawTrack {
            name: attr(t, "name").or_else(|| own_text(t))?,
            color: attr(t, "color"),
            slug: attr(t, "slug"),
        })
    };
    // Hub: `<conference><track name color slug/>`; Pentabarf: `<tracks><track>name`.
    let mut tracks: Vec<RawTrack> = element(conf, "track").filter_map(track).collect();
    tracks.extend(
        element(root, "tracks")
            .chain(element(conf, "tracks"))
            .flat_map(|ts| element(ts, "track"))
            .filter_map(track),
    );
    let url = child(conf, "url");
    Conference {
        path: "schedule/conference".into(),
        acronym: child(conf, "acronym"),
        title: child(conf, "title"),
        description: child(conf, "description"),
        start: child(conf, "start"),
        end: child(conf, "end"),
        time_zone_name: child(conf, "time_zone_name"),
        day_change: child(conf, "day_change"),
        base_url: child(conf, "base_url"),
        venue: child(conf, "venue"),
        city: child(conf, "city"),
        tracks,
        // pretalx behind it (the hub's `<code>`, a pretalx URL): Markdown texts.
        markdown: url
            .as_deref()
            .is_some_and(|u| u.to_lowercase().contains("pretalx"))
            || root
                .descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == "event")
                .any(|e| element(e, "code").next().is_some()),
        url,
    }
}

pub fn read(input: &str, hints: &Hints) -> Result<Read, ReadError> {
    let input = input.trim_start_matches('\u{feff}');
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        entity_resolver: None,
    };
    let doc = Document::parse_with_options(input, options).map_err(|e| parse_error(&e))?;
    let root = doc.root_element();
    if root.tag_name().name() != "schedule" {
        return Err(ReadError {
            format: None,
            path: String::new(),
            problem: format!(
                "not a schedule this widget can read: the XML's root element is <{}>, \
                 where frab, Pentabarf and pretalx write <schedule>",
                frab::cut_for_message(root.tag_name().name())
            ),
        });
    }

    let conference = conference(root);
    let mut days = Vec::new();
    let mut events = Vec::new();
    for (d, day) in element(root, "day").enumerate() {
        let path = format!("schedule/day[{}]", d + 1);
        let index = days.len();
        days.push(Day {
            path: path.clone(),
            date: attr(day, "date"),
            start: attr(day, "start"),
        });
        // `<room name>` wrappers, or (old Pentabarf) events right in the day.
        let mut listed: Vec<(Node, String, Option<String>)> = Vec::new();
        for (r, room) in element(day, "room").enumerate() {
            let name = attr(room, "name");
            let room_path = match &name {
                Some(n) => format!("{path}/room[@name={}]", quoted(n)),
                None => format!("{path}/room[{}]", r + 1),
            };
            for (i, e) in element(room, "event").enumerate() {
                listed.push((e, format!("{room_path}/event[{}]", i + 1), name.clone()));
            }
        }
        for (i, e) in element(day, "event").enumerate() {
            listed.push((e, format!("{path}/event[{}]", i + 1), None));
        }
        for (e, path, room) in listed {
            if events.len() >= frab::MAX_ITEMS {
                return Err(ReadError::new(
                    FORMAT.name(),
                    path,
                    format!(
                        "more than {} events; at most that many are read",
                        frab::MAX_ITEMS
                    ),
                ));
            }
            events.push(event(e, path, index, room.as_deref()));
        }
    }
    if days.is_empty() {
        return Err(ReadError::new(
            FORMAT.name(),
            "schedule",
            "has no <day> elements, so no programme",
        ));
    }

    frab::build(
        FORMAT,
        Schedule {
            url: None,
            conference,
            days,
            events,
        },
        hints,
        Vec::new(),
    )
}

/// `'Saal 1'` for an XPath-like path (double quotes inside are kept as they are).
fn quoted(s: &str) -> String {
    format!("'{}'", frab::cut_for_message(s))
}
