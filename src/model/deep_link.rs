//! The widget's part of the host page's URL hash, so that a day, an opened item, the
//! filters and a starred selection survive being shared: `#fw:day=2;item=ID;track=T`.
//!
//! The hash may hold the host page's own part too (an anchor, a router's path): parts
//! are separated by `&`, the widget's part is the one that starts with its prefix, and
//! every other part is kept as it was. Pure Rust: the browser shell reads and writes
//! `location.hash`.

/// The widget's prefix in the hash.
pub const PREFIX: &str = "fw:";

/// What a link restores. Every field is optional; an empty link writes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    /// The day shown, 1 for the programme's first.
    pub day: Option<usize>,
    /// The opened item's id.
    pub item: Option<String>,
    /// `timetable`, `grouped` or `list`.
    pub layout: Option<String>,
    pub query: Option<String>,
    pub kind: Option<String>,
    pub room: Option<String>,
    pub track: Option<String>,
    pub language: Option<String>,
    /// The "only starred" filter.
    pub starred_only: bool,
    pub hide_past: bool,
    /// A shared selection of starred items.
    pub stars: Option<Vec<String>>,
}

impl Link {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut add = |key, value: &Option<String>| {
            if let Some(value) = value {
                pairs.push((key, encode(value)));
            }
        };
        add("day", &self.day.map(|d| d.to_string()));
        add("item", &self.item);
        add("layout", &self.layout);
        add("q", &self.query);
        add("type", &self.kind);
        add("room", &self.room);
        add("track", &self.track);
        add("language", &self.language);
        add("only", &self.starred_only.then(|| "starred".to_owned()));
        add("past", &self.hide_past.then(|| "hide".to_owned()));
        if let Some(stars) = &self.stars {
            let list: Vec<String> = stars.iter().map(|s| encode(s)).collect();
            pairs.push(("stars", list.join(",")));
        }
        pairs
    }

    /// `fw:day=2;item=…`, or `""` for an empty link.
    pub fn to_part(&self) -> String {
        let pairs = self.pairs();
        if pairs.is_empty() {
            return String::new();
        }
        let fields: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{PREFIX}{}", fields.join(";"))
    }

    /// Reads the widget's part of a hash (with or without its `#`); unknown keys and
    /// unreadable values are skipped. `None` when the hash has no part of the widget's.
    pub fn read(hash: &str) -> Option<Link> {
        let part = parts(hash).find_map(|p| p.strip_prefix(PREFIX))?;
        let mut link = Link::default();
        for field in part.split(';') {
            let Some((key, value)) = field.split_once('=') else {
                continue;
            };
            let text = || Some(decode(value)).filter(|v| !v.is_empty());
            match key {
                "day" => link.day = value.parse().ok().filter(|&d| d > 0),
                "item" => link.item = text(),
                "layout" => link.layout = text(),
                "q" => link.query = text(),
                "type" => link.kind = text(),
                "room" => link.room = text(),
                "track" => link.track = text(),
                "language" => link.language = text(),
                "only" => link.starred_only = value == "starred",
                "past" => link.hide_past = value == "hide",
                "stars" => {
                    let ids = value.split(',').map(decode).filter(|s| !s.is_empty());
                    link.stars = Some(ids.collect());
                }
                _ => {}
            }
        }
        Some(link)
    }

    /// The hash with the widget's part replaced by this link (or removed when it is
    /// empty), the host's parts kept in their order; `""` when nothing is left.
    pub fn write(&self, hash: &str) -> String {
        let mine = self.to_part();
        let mut kept: Vec<&str> = parts(hash).filter(|p| !p.starts_with(PREFIX)).collect();
        if !mine.is_empty() {
            kept.push(&mine);
        }
        if kept.is_empty() {
            String::new()
        } else {
            format!("#{}", kept.join("&"))
        }
    }
}

fn parts(hash: &str) -> impl Iterator<Item = &str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&').filter(|p| !p.is_empty())
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so that `;`, `,`, `&`,
/// `=` and `#` in ids and searches cannot break a link (calendar links use it too).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    out
}

/// Undoes [`encode`] (and any other `%XX`); malformed escapes are kept as written.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_round_trips_through_the_hash_with_hostile_values() {
        let link = Link {
            day: Some(2),
            item: Some("a;b=c&d#e,f%g é".into()),
            query: Some("rust wasm".into()),
            starred_only: true,
            stars: Some(vec!["x,y".into(), "z".into()]),
            ..Link::default()
        };
        let hash = link.write("");
        assert!(hash.starts_with("#fw:day=2;item="), "{hash}");
        assert_eq!(hash.matches('&').count(), 0, "{hash}");
        assert_eq!(Link::read(&hash), Some(link));
    }

    #[test]
    fn the_host_pages_own_hash_is_kept() {
        let link = Link {
            day: Some(3),
            ..Link::default()
        };
        assert_eq!(link.write("#section-2"), "#section-2&fw:day=3");
        assert_eq!(link.write("#section-2&fw:day=1"), "#section-2&fw:day=3");
        assert_eq!(link.write("#/route?a=1&b=2"), "#/route?a=1&b=2&fw:day=3");
        assert_eq!(Link::default().write("#top&fw:day=1"), "#top");
        assert_eq!(Link::default().write("#fw:day=1"), "");
        assert_eq!(Link::read("#section-2"), None);
        assert_eq!(Link::read("#top&fw:day=4").and_then(|l| l.day), Some(4));
    }

    #[test]
    fn unreadable_fields_are_skipped() {
        let link =
            Link::read("#fw:day=zero;day=0;nonsense;color=red;item=;past=hide").unwrap_or_default();
        assert_eq!(
            link,
            Link {
                hide_past: true,
                ..Link::default()
            }
        );
        assert_eq!(decode("100%;%zz%4"), "100%;%zz%4");
    }
}
