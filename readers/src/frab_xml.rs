//! Reader for frab / Pentabarf / wafer / CCC-hub `schedule.xml` (FOSDEM, CCC congresses,
//! DebConf; field mapping and pitfalls: ../shared/realdata/FORMATS.md §2.2). The
//! guarantees every reader keeps are listed at the top of lib.rs; the mapping onto the
//! event is shared with `schedule.json` (`frab`).
//!
//! The XML parser never fetches anything: external entities are not resolved, and a
//! document type declaration is refused outright (no real schedule has one), so entity
//! expansion cannot blow up either.

use crate::frab::{
    build, Conference, Day, LinkSource, RawEvent, RawLink, RawPerson, RawTrack, Schedule,
};
use crate::{Format, Hints, Read, ReadError};
use roxmltree::{Document, Node, ParsingOptions};

const FORMAT: Format = Format::FrabXml;

/// The trimmed text of the direct child `name` (only direct children: the hub nests
/// `<title>` inside `<link>`).
fn child<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name(name))
}

fn child_text(node: Node, name: &str) -> Option<String> {
    let c = child(node, name)?;
    let text: String = c
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect();
    Some(text)
}

fn attr(node: Node, name: &str) -> Option<String> {
    node.attribute(name).map(str::to_owned)
}

fn links(event: Node, path: &str) -> Vec<RawLink> {
    let mut out = Vec::new();
    for (wrapper, item, source) in [
        ("links", "link", LinkSource::Link),
        ("attachments", "attachment", LinkSource::Attachment),
    ] {
        let Some(list) = child(event, wrapper) else {
            continue;
        };
        for (i, link) in list.children().filter(|c| c.has_tag_name(item)).enumerate() {
            let Some(url) = attr(link, "href") else {
                continue;
            };
            // The title is the element's own text, or (hub) a <title> child.
            let own: String = link
                .children()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect();
            let title =
                child_text(link, "title").or_else(|| (!own.trim().is_empty()).then_some(own));
            out.push(RawLink {
                path: format!("{path}.{wrapper}.{item}[{i}]"),
                url,
                title,
                link_type: attr(link, "type").or_else(|| child_text(link, "type")),
                source,
            });
        }
    }
    out
}

fn event(node: Node, day: usize, room: Option<&str>, path: String) -> RawEvent {
    let persons = child(node, "persons")
        .map(|list| {
            list.children()
                .filter(|c| c.has_tag_name("person"))
                .enumerate()
                .map(|(i, p)| {
                    let name: String = p.text().unwrap_or_default().to_owned();
                    RawPerson {
                        path: format!("{path}.persons.person[{i}]"),
                        guid: attr(p, "guid"),
                        id: attr(p, "id"),
                        code: attr(p, "code"),
                        name: Some(name),
                        ..RawPerson::default()
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let t = |name| child_text(node, name);
    RawEvent {
        day,
        listed_room: room.map(str::to_owned),
        guid: attr(node, "guid"),
        id: attr(node, "id"),
        code: attr(node, "code").or_else(|| t("code")),
        date: t("date"),
        start: t("start"),
        duration: t("duration"),
        end: t("end"),
        room: t("room"),
        title: t("title"),
        subtitle: t("subtitle"),
        track: t("track"),
        item_type: t("type"),
        language: t("language"),
        abstract_text: t("abstract"),
        description: t("description"),
        url: t("url"),
        persons,
        links: links(node, &path),
        path,
    }
}

pub fn read(text: &str, hints: &Hints) -> Result<Read, ReadError> {
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 2_000_000,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        let problem = match e {
            roxmltree::Error::DtdDetected => {
                "has a document type declaration (<!DOCTYPE>), which is refused: no schedule \
                 needs one, and its entities could fetch or expand data"
                    .to_owned()
            }
            other => format!("not well-formed XML: {other}"),
        };
        ReadError::new(FORMAT.name(), "", problem)
    })?;
    let root = doc.root_element();
    if !root.has_tag_name("schedule") {
        return Err(ReadError {
            format: None,
            path: String::new(),
            problem: format!(
                "not a schedule this widget can read: an XML file whose root element is \
                 <{}>, not <schedule> (looked for: frab/Pentabarf schedule.xml)",
                root.tag_name().name()
            ),
        });
    }
    let conf = child(root, "conference");
    let c = |name| conf.and_then(|c| child_text(c, name));
    let tracks = conf
        .and_then(|c| child(c, "tracks"))
        .map(|list| {
            list.children()
                .filter(|t| t.has_tag_name("track"))
                .filter_map(|t| {
                    let name = attr(t, "name").or_else(|| t.text().map(str::to_owned))?;
                    Some(RawTrack {
                        name,
                        color: attr(t, "color"),
                        slug: attr(t, "slug"),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let generator = child(root, "generator").and_then(|g| attr(g, "name"));
    let url = c("url");
    let markdown = generator
        .as_deref()
        .is_some_and(|g| g.to_ascii_lowercase().contains("pretalx"))
        || url.as_deref().is_some_and(|u| u.contains("pretalx"))
        || root.descendants().any(|n| n.has_tag_name("origin_url"));
    let mut out = Schedule {
        url: None,
        conference: Conference {
            path: "schedule.conference".to_owned(),
            acronym: c("acronym"),
            title: c("title"),
            description: c("description"),
            start: c("start"),
            end: c("end"),
            time_zone_name: c("time_zone_name"),
            day_change: c("day_change"),
            url,
            base_url: c("base_url"),
            venue: c("venue"),
            city: c("city"),
            tracks,
            markdown,
        },
        days: Vec::new(),
        events: Vec::new(),
    };
    for (d, day) in root
        .children()
        .filter(|n| n.has_tag_name("day"))
        .enumerate()
    {
        let path = format!("schedule.day[{d}]");
        let index = out.days.len();
        out.days.push(Day {
            path: path.clone(),
            date: attr(day, "date"),
            start: attr(day, "start"),
        });
        let mut count = 0;
        for (r, room) in day
            .children()
            .filter(|n| n.has_tag_name("room"))
            .enumerate()
        {
            let name = attr(room, "name");
            for e in room.children().filter(|n| n.has_tag_name("event")) {
                let at = format!("{path}.room[{r}].event[{count}]");
                out.events.push(event(e, index, name.as_deref(), at));
                count += 1;
            }
        }
        // Old Pentabarf: events directly under <day>, no <room> wrappers.
        for e in day.children().filter(|n| n.has_tag_name("event")) {
            let at = format!("{path}.event[{count}]");
            out.events.push(event(e, index, None, at));
            count += 1;
        }
    }
    build(FORMAT, out, hints, Vec::new())
}
