//! Embedding options as partners write them (attribute strings), read into typed values.
//! Pure Rust: the browser shell only hands over the strings.

/// Every option a partner can set, as an attribute of `<forum-widget>`, a `data-*`
/// attribute of the script tag, or a key of `ForumWidget.mount`'s options. The loader's
/// list is written from this one at build time (`scripts/dist.mjs`); `loading` is read
/// by the loader alone, and `now` (a fixed clock for previews and tests) is a number
/// or a date that [`crate::embed`] reads itself.
pub const NAMES: [&str; 16] = [
    "lang",
    "src",
    "view",
    "sections",
    "theme",
    "heading-level",
    "language-switcher",
    "seo",
    "loading",
    "now",
    "name",
    "time-zone",
    "images",
    "layout",
    "links",
    "favourites",
];

/// One of the widget's sections. The `view` and `sections` options name them
/// `summary`, `speakers` and `program` (or `programme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    People,
    Programme,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Summary, Section::People, Section::Programme];

    /// Reads a `view`/`sections` value; `programme` is accepted beside `program`, and
    /// `people` beside `speakers`.
    pub fn parse(s: &str) -> Option<Section> {
        match s.trim().to_ascii_lowercase().as_str() {
            "summary" => Some(Section::Summary),
            "speakers" | "people" => Some(Section::People),
            "program" | "programme" => Some(Section::Programme),
            _ => None,
        }
    }

    /// The public name, used in element ids, options and `forum-widget:select` events.
    pub fn key(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::People => "speakers",
            Section::Programme => "program",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorScheme {
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl ColorScheme {
    /// Reads the `theme` option.
    pub fn parse(s: &str) -> ColorScheme {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => ColorScheme::Light,
            "dark" => ColorScheme::Dark,
            _ => ColorScheme::Auto,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            ColorScheme::Auto => "scheme-auto",
            ColorScheme::Light => "scheme-light",
            ColorScheme::Dark => "scheme-dark",
        }
    }
}

/// How a large programme is laid out (`layout`); `None` in [`Options`] picks one by the
/// widget's own width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A table per day: rooms as columns, time as rows.
    Timetable,
    /// Items grouped under their start time, the room named on each.
    Grouped,
    /// One item after another.
    List,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Timetable, Layout::Grouped, Layout::List];

    pub fn parse(s: &str) -> Option<Layout> {
        match s.trim().to_ascii_lowercase().as_str() {
            "timetable" | "grid" => Some(Layout::Timetable),
            "grouped" | "by-time" => Some(Layout::Grouped),
            "list" => Some(Layout::List),
            _ => None,
        }
    }

    /// The public name, in the `layout` option and deep links.
    pub fn key(self) -> &'static str {
        match self {
            Layout::Timetable => "timetable",
            Layout::Grouped => "grouped",
            Layout::List => "list",
        }
    }

    /// The layout for a widget `width` CSS pixels wide: the timetable where at least
    /// four room columns fit, items grouped by time on a tablet, the list on a phone.
    pub fn for_width(width: f64) -> Layout {
        if width >= 880.0 {
            Layout::Timetable
        } else if width >= 560.0 {
            Layout::Grouped
        } else {
            Layout::List
        }
    }
}

/// Everything a host can set on one widget.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Interface language requested by the host (`lang` / `data-lang`).
    pub lang: Option<String>,
    /// Absolute URL of an event file; `None` shows the built-in event.
    pub src: Option<String>,
    /// The section shown first (`view`).
    pub view: Option<Section>,
    /// Which sections exist, in order (never empty).
    pub sections: Vec<Section>,
    /// The `theme` option.
    pub color_scheme: ColorScheme,
    /// Level of the widget's title heading (2–5); section headings are one below.
    pub heading_level: u8,
    /// Whether the reader gets a language menu (`language-switcher="off"` hides it).
    pub language_switcher: bool,
    /// Whether schema.org JSON-LD goes into the page's `<head>` (`seo="off"` stops it).
    pub seo: bool,
    /// The event's name, for schedules that carry none (pretalx widget data, Sessionize).
    pub name: Option<String>,
    /// IANA zone, for schedules that name none.
    pub time_zone: Option<String>,
    /// Whether speakers' pictures are shown (`images="on"`): third-party requests.
    pub images: bool,
    /// The programme's layout (`layout`); `None` chooses by the widget's width.
    pub layout: Option<Layout>,
    /// Whether the day, the opened item and the filters go into the page's URL hash
    /// (`links="off"` stops it).
    pub links: bool,
    /// Whether the reader can star items, kept in `localStorage` (`favourites="off"`
    /// removes the stars and never touches storage).
    pub favourites: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: None,
            src: None,
            view: None,
            sections: Section::ALL.to_vec(),
            color_scheme: ColorScheme::Auto,
            heading_level: 2,
            language_switcher: true,
            seo: true,
            name: None,
            time_zone: None,
            images: false,
            layout: None,
            links: true,
            favourites: true,
        }
    }
}

fn is_off(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "off" | "false" | "no"
    )
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// `summary,speakers,program` → the sections in that order; unknown names and repeats
/// are dropped, and nothing usable means all three.
pub fn parse_sections(s: &str) -> Vec<Section> {
    let mut sections = Vec::new();
    for section in s.split([',', ' ']).filter_map(Section::parse) {
        if !sections.contains(&section) {
            sections.push(section);
        }
    }
    if sections.is_empty() {
        Section::ALL.to_vec()
    } else {
        sections
    }
}

impl Options {
    /// Reads options from attribute-like strings; `get("lang")` returns the value or None.
    pub fn from_strings(get: impl Fn(&str) -> Option<String>) -> Options {
        let sections =
            get("sections").map_or_else(|| Section::ALL.to_vec(), |s| parse_sections(&s));
        let view = get("view").as_deref().and_then(Section::parse);
        Options {
            lang: non_empty(get("lang")),
            src: non_empty(get("src")),
            view: view.filter(|v| sections.contains(v)),
            sections,
            color_scheme: get("theme").map_or(ColorScheme::Auto, |t| ColorScheme::parse(&t)),
            heading_level: get("heading-level")
                .and_then(|h| h.trim().parse::<u8>().ok())
                .map_or(2, |h| h.clamp(2, 5)),
            language_switcher: get("language-switcher").is_none_or(|v| !is_off(&v)),
            seo: get("seo").is_none_or(|v| !is_off(&v)),
            name: non_empty(get("name")),
            time_zone: non_empty(get("time-zone")),
            images: get("images").is_some_and(|v| {
                matches!(
                    v.trim().to_ascii_lowercase().as_str(),
                    "on" | "true" | "yes"
                )
            }),
            layout: get("layout").as_deref().and_then(Layout::parse),
            links: get("links").is_none_or(|v| !is_off(&v)),
            favourites: get("favourites").is_none_or(|v| !is_off(&v)),
        }
    }

    /// The section to show first: the requested view, else the first section.
    pub fn first_section(&self) -> Section {
        self.view
            .or_else(|| self.sections.first().copied())
            .unwrap_or(Section::Summary)
    }

    /// Options from `(name, value)` pairs, for tests.
    #[cfg(test)]
    pub(crate) fn from_pairs(pairs: &[(&str, &str)]) -> Options {
        Options::from_strings(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> Options {
        Options::from_pairs(pairs)
    }

    #[test]
    fn names_are_exactly_the_options_read_here_plus_those_the_loader_and_mount_read() {
        let asked = std::cell::RefCell::new(Vec::new());
        Options::from_strings(|key| {
            asked.borrow_mut().push(key.to_owned());
            None
        });
        let mut asked = asked.into_inner();
        asked.extend(["loading".to_owned(), "now".to_owned()]);
        asked.sort();
        let mut names = NAMES.map(str::to_owned).to_vec();
        names.sort();
        assert_eq!(asked, names);
    }

    #[test]
    fn section_names_parse_in_any_case_and_spelling() {
        assert_eq!(Section::parse("Program"), Some(Section::Programme));
        assert_eq!(Section::parse(" programme "), Some(Section::Programme));
        assert_eq!(Section::parse("speakers"), Some(Section::People));
        assert_eq!(Section::parse("people"), Some(Section::People));
        assert_eq!(Section::parse("agenda"), None);
    }

    #[test]
    fn defaults_show_all_three_views_in_auto_theme() {
        let o = from(&[]);
        assert_eq!(o, Options::default());
        assert_eq!(o.first_section(), Section::Summary);
    }

    #[test]
    fn sections_keep_the_given_order_and_drop_unknown_and_repeated_names() {
        assert_eq!(
            parse_sections("program, speakers"),
            [Section::Programme, Section::People]
        );
        assert_eq!(
            parse_sections("speakers,agenda,speakers"),
            [Section::People]
        );
        assert_eq!(parse_sections("nonsense"), Section::ALL.to_vec());
        assert_eq!(
            from(&[("sections", "program")]).first_section(),
            Section::Programme
        );
    }

    #[test]
    fn a_view_outside_the_sections_is_ignored() {
        let o = from(&[("sections", "summary,program"), ("view", "speakers")]);
        assert_eq!(o.view, None);
        assert_eq!(o.first_section(), Section::Summary);
        assert_eq!(
            from(&[("view", "programme")]).first_section(),
            Section::Programme
        );
    }

    #[test]
    fn theme_heading_level_and_blank_values() {
        assert_eq!(from(&[("theme", "DARK")]).color_scheme, ColorScheme::Dark);
        assert_eq!(from(&[("theme", "purple")]).color_scheme, ColorScheme::Auto);
        assert_eq!(from(&[("heading-level", "4")]).heading_level, 4);
        assert_eq!(from(&[("heading-level", "9")]).heading_level, 5);
        assert_eq!(from(&[("heading-level", "x")]).heading_level, 2);
        assert_eq!(from(&[("lang", "  "), ("src", "")]).lang, None);
        assert_eq!(from(&[("src", "")]).src, None);
        assert!(from(&[]).language_switcher);
        assert!(!from(&[("language-switcher", "off")]).language_switcher);
        assert!(from(&[]).seo && !from(&[("seo", "OFF")]).seo);
    }

    #[test]
    fn layout_links_and_favourites() {
        assert_eq!(from(&[]).layout, None);
        assert_eq!(
            from(&[("layout", "Timetable")]).layout,
            Some(Layout::Timetable)
        );
        assert_eq!(from(&[("layout", "by-time")]).layout, Some(Layout::Grouped));
        assert_eq!(from(&[("layout", "cards")]).layout, None);
        assert!(from(&[]).links && !from(&[("links", "off")]).links);
        assert!(from(&[]).favourites && !from(&[("favourites", "off")]).favourites);
        assert_eq!(Layout::for_width(1400.0), Layout::Timetable);
        assert_eq!(Layout::for_width(768.0), Layout::Grouped);
        assert_eq!(Layout::for_width(320.0), Layout::List);
    }
}
