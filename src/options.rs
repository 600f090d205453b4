//! Embedding options as partners write them (attribute strings), read into typed values.
//! Pure Rust: the browser shell only hands over the strings.

use crate::state::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Theme {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Theme::Auto => "theme-auto",
            Theme::Light => "theme-light",
            Theme::Dark => "theme-dark",
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
    /// The tab shown first.
    pub view: Option<Tab>,
    /// Which views exist, in order (never empty).
    pub sections: Vec<Tab>,
    pub theme: Theme,
    /// Level of the widget's title heading (2–5); section headings are one below.
    pub heading_level: u8,
    /// Whether the reader gets a language menu (`language-switcher="off"` hides it).
    pub language_switcher: bool,
    /// Whether schema.org JSON-LD goes into the page's `<head>` (`seo="off"` stops it).
    pub seo: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: None,
            src: None,
            view: None,
            sections: Tab::ALL.to_vec(),
            theme: Theme::Auto,
            heading_level: 2,
            language_switcher: true,
            seo: true,
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

/// `summary,speakers,program` → the tabs in that order; unknown names and repeats are
/// dropped, and nothing usable means all three.
pub fn parse_sections(s: &str) -> Vec<Tab> {
    let mut tabs = Vec::new();
    for tab in s.split([',', ' ']).filter_map(Tab::parse) {
        if !tabs.contains(&tab) {
            tabs.push(tab);
        }
    }
    if tabs.is_empty() {
        Tab::ALL.to_vec()
    } else {
        tabs
    }
}

impl Options {
    /// Reads options from attribute-like strings; `get("lang")` returns the value or None.
    pub fn from_strings(get: impl Fn(&str) -> Option<String>) -> Options {
        let sections = get("sections").map_or_else(|| Tab::ALL.to_vec(), |s| parse_sections(&s));
        let view = get("view").as_deref().and_then(Tab::parse);
        Options {
            lang: non_empty(get("lang")),
            src: non_empty(get("src")),
            view: view.filter(|v| sections.contains(v)),
            sections,
            theme: get("theme").map_or(Theme::Auto, |t| Theme::parse(&t)),
            heading_level: get("heading-level")
                .and_then(|h| h.trim().parse::<u8>().ok())
                .map_or(2, |h| h.clamp(2, 5)),
            language_switcher: get("language-switcher").is_none_or(|v| !is_off(&v)),
            seo: get("seo").is_none_or(|v| !is_off(&v)),
        }
    }

    /// The tab to show first: the requested view, else the first section.
    pub fn first_tab(&self) -> Tab {
        self.view
            .or_else(|| self.sections.first().copied())
            .unwrap_or(Tab::Summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> Options {
        Options::from_strings(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn defaults_show_all_three_views_in_auto_theme() {
        let o = from(&[]);
        assert_eq!(o, Options::default());
        assert_eq!(o.first_tab(), Tab::Summary);
    }

    #[test]
    fn sections_keep_the_given_order_and_drop_unknown_and_repeated_names() {
        assert_eq!(
            parse_sections("program, speakers"),
            [Tab::Program, Tab::Speakers]
        );
        assert_eq!(parse_sections("speakers,agenda,speakers"), [Tab::Speakers]);
        assert_eq!(parse_sections("nonsense"), Tab::ALL.to_vec());
        assert_eq!(from(&[("sections", "program")]).first_tab(), Tab::Program);
    }

    #[test]
    fn a_view_outside_the_sections_is_ignored() {
        let o = from(&[("sections", "summary,program"), ("view", "speakers")]);
        assert_eq!(o.view, None);
        assert_eq!(o.first_tab(), Tab::Summary);
        assert_eq!(from(&[("view", "programme")]).first_tab(), Tab::Program);
    }

    #[test]
    fn theme_heading_level_and_blank_values() {
        assert_eq!(from(&[("theme", "DARK")]).theme, Theme::Dark);
        assert_eq!(from(&[("theme", "purple")]).theme, Theme::Auto);
        assert_eq!(from(&[("heading-level", "4")]).heading_level, 4);
        assert_eq!(from(&[("heading-level", "9")]).heading_level, 5);
        assert_eq!(from(&[("heading-level", "x")]).heading_level, 2);
        assert_eq!(from(&[("lang", "  "), ("src", "")]).lang, None);
        assert_eq!(from(&[("src", "")]).src, None);
        assert!(from(&[]).language_switcher);
        assert!(!from(&[("language-switcher", "off")]).language_switcher);
        assert!(from(&[]).seo && !from(&[("seo", "OFF")]).seo);
    }
}
