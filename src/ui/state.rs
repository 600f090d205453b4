//! The view state of one widget: the reader's choices (section, language, programme
//! filters), and which element takes focus after a cross-link. All changes go through
//! [`Action`]. The host's options are not copied in: a choice remembers the option it
//! was made under, and gives way when the host changes that option.

use crate::i18n::Strings;
#[cfg(feature = "schedule")]
use crate::model::deep_link::Link;
use crate::model::{Date, Filter, IdSet, ProgramKind};
use crate::options::{Layout, Options, Section};
use std::rc::Rc;
use yew::Reducible;

/// How many programme items are shown at first, and added by "Show more".
pub const PAGE: usize = 50;

/// Something a reader can open from another section: a person or a programme item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Person(String),
    Item(String),
}

impl Target {
    pub fn section(&self) -> Section {
        match self {
            Target::Person(_) => Section::People,
            Target::Item(_) => Section::Programme,
        }
    }

    /// Element id of the target's entry in its section.
    pub fn anchor(&self) -> String {
        match self {
            Target::Person(id) => format!("fw-person-{id}"),
            Target::Item(id) => format!("fw-item-{id}"),
        }
    }

    /// `(type, id)` for the `forum-widget:select` event.
    pub fn describe(&self) -> (&'static str, &str) {
        match self {
            Target::Person(id) => ("speaker", id),
            Target::Item(id) => ("program-item", id),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// The section the reader chose, and the host's `view` option at the time.
    chosen: Option<(Section, Option<Section>)>,
    /// The language the reader picked, and the host's language at the time.
    picked: Option<(&'static Strings, &'static Strings)>,
    /// The entry to focus once rendered, numbered so that opening it twice refocuses.
    pub focus: Option<(u32, Target)>,
    /// Whether the hidden sections are rendered too. The shown one renders first, so a
    /// large programme does not hold up the first paint; the others follow (for
    /// printing and a quick switch).
    pub all_sections: bool,
    pub filter: Filter,
    /// How many of the programme items found are shown.
    pub limit: usize,
    /// The layout the reader picked for a large programme (else the host's, else by width).
    pub layout: Option<Layout>,
    /// The item whose detail is open in a large programme.
    pub opened: Option<String>,
    /// The first room shown in the timetable, when not all rooms fit.
    pub rooms_from: usize,
    /// The rooms the reader left out of the timetable.
    pub rooms_hidden: Rc<Vec<String>>,
    /// The items the reader starred.
    pub stars: Rc<IdSet>,
    /// Whether the reader has starred or unstarred something here: only then are the
    /// stars stored.
    pub stars_touched: bool,
}

impl ViewState {
    /// The state of a new widget: the host's first section shown, nothing picked.
    pub fn new(options: &Options) -> ViewState {
        ViewState {
            chosen: Some((options.first_section(), options.view)),
            picked: None,
            focus: None,
            all_sections: false,
            filter: Filter::default(),
            limit: PAGE,
            layout: None,
            opened: None,
            rooms_from: 0,
            rooms_hidden: Rc::default(),
            stars: Rc::default(),
            stars_touched: false,
        }
    }
}

impl ViewState {
    /// The section shown: the reader's choice while the host's `view` is what it was and
    /// the section exists, else the host's first section.
    pub fn section(&self, options: &Options) -> Section {
        match self.chosen {
            Some((section, view))
                if view == options.view && options.sections.contains(&section) =>
            {
                section
            }
            _ => options.first_section(),
        }
    }

    /// The interface language: the reader's pick while the host asks for the language it
    /// asked for then, else the host's.
    pub fn strings(&self, host: &'static Strings) -> &'static Strings {
        match self.picked {
            Some((picked, under)) if under == host => picked,
            _ => host,
        }
    }

    /// What the page's URL hash should say of this state; `days` are the programme's.
    #[cfg(feature = "schedule")]
    pub fn link(&self, days: &[Date]) -> Link {
        let position = |day: Date| days.iter().position(|&d| d == day).map(|i| i + 1);
        let f = &self.filter;
        let text = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        Link {
            day: f.day.and_then(position),
            item: self.opened.clone(),
            layout: self.layout.map(|l| l.key().to_owned()),
            query: text(&f.query),
            kind: f.kind.map(|k| k.key().to_owned()),
            room: f.room.clone(),
            track: f.track.clone(),
            language: f.language.clone(),
            starred_only: f.starred,
            hide_past: f.hide_past,
            stars: None,
        }
    }
}

pub enum Action {
    /// The reader shows a section; `view` is the host's `view` option.
    ShowSection {
        section: Section,
        view: Option<Section>,
    },
    /// The reader opens a person or an item from another section.
    Open {
        target: Target,
        view: Option<Section>,
    },
    RenderAllSections,
    /// The reader picks a language; `host` is the language the host asks for.
    PickLanguage {
        strings: &'static Strings,
        host: &'static Strings,
    },
    Search(String),
    FilterDay(Option<Date>),
    FilterKind(Option<ProgramKind>),
    FilterRoom(Option<String>),
    FilterTrack(Option<String>),
    FilterLanguage(Option<String>),
    OnlyStarred(bool),
    HidePast(bool),
    ShowMore,
    /// The reader picks a layout.
    Layout(Layout),
    /// The reader opens an item's detail, or closes it (`None`).
    Detail(Option<String>),
    RoomsFrom(usize),
    /// The reader shows or hides a room in the timetable; `None` shows every room again.
    ToggleRoom(Option<String>),
    /// The reader stars or unstars an item.
    ToggleStar(String),
    /// Stars read from storage or a shared link (not stored until the reader changes them).
    Stars(IdSet),
    /// The state a link describes (on load, Back and Forward); `days` are the programme's.
    #[cfg(feature = "schedule")]
    FromLink {
        link: Box<Link>,
        days: Vec<Date>,
    },
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::ShowSection { section, view } => {
                if self.chosen == Some((section, view)) {
                    return self;
                }
                next.chosen = Some((section, view));
                next.focus = None;
            }
            Action::Open { target, view } => {
                let serial = self.focus.as_ref().map_or(1, |(n, _)| n.wrapping_add(1));
                next.chosen = Some((target.section(), view));
                // A large programme shows an opened item in its detail.
                if let Target::Item(id) = &target {
                    next.opened = Some(id.clone());
                }
                next.focus = Some((serial, target));
            }
            Action::RenderAllSections if self.all_sections => return self,
            Action::RenderAllSections => next.all_sections = true,
            Action::PickLanguage { strings, host } => next.picked = Some((strings, host)),
            Action::Search(query) => next.filter.query = query,
            Action::FilterDay(day) => next.filter.day = day,
            Action::FilterKind(kind) => next.filter.kind = kind,
            Action::FilterRoom(room) => next.filter.room = room,
            Action::FilterTrack(track) => next.filter.track = track,
            Action::FilterLanguage(language) => next.filter.language = language,
            Action::OnlyStarred(on) => next.filter.starred = on,
            Action::HidePast(on) => next.filter.hide_past = on,
            Action::ShowMore => next.limit = self.limit.saturating_add(PAGE),
            Action::Layout(layout) => next.layout = Some(layout),
            Action::Detail(item) => {
                let serial = self.focus.as_ref().map_or(1, |(n, _)| n.wrapping_add(1));
                // Closing the detail returns focus to the item's entry; opening focuses the detail.
                next.focus = item
                    .clone()
                    .or_else(|| self.opened.clone())
                    .map(|id| (serial, Target::Item(id)));
                next.opened = item;
            }
            Action::RoomsFrom(first) => next.rooms_from = first,
            Action::ToggleRoom(None) => next.rooms_hidden = Rc::default(),
            Action::ToggleRoom(Some(room)) => {
                let mut hidden = (*self.rooms_hidden).clone();
                match hidden.iter().position(|r| *r == room) {
                    Some(at) => {
                        hidden.remove(at);
                    }
                    None => hidden.push(room),
                }
                next.rooms_hidden = Rc::new(hidden);
                next.rooms_from = 0;
            }
            Action::ToggleStar(id) => {
                let mut stars = (*self.stars).clone();
                if !stars.remove(&id) {
                    stars.insert(id);
                }
                next.stars = Rc::new(stars);
                next.stars_touched = true;
            }
            Action::Stars(stars) => next.stars = Rc::new(stars),
            #[cfg(feature = "schedule")]
            Action::FromLink { link, days } => {
                let link = *link;
                let day = link.day.and_then(|d| days.get(d.checked_sub(1)?).copied());
                next.filter = Filter {
                    query: link.query.unwrap_or_default(),
                    day,
                    kind: link.kind.as_deref().and_then(ProgramKind::from_key),
                    room: link.room,
                    track: link.track,
                    language: link.language,
                    starred: link.starred_only,
                    hide_past: link.hide_past,
                };
                next.layout = link
                    .layout
                    .as_deref()
                    .and_then(Layout::parse)
                    .or(self.layout);
                if link.item.is_some() {
                    next.chosen = Some((Section::Programme, self.chosen.and_then(|c| c.1)));
                }
                if link.item != self.opened {
                    let serial = self.focus.as_ref().map_or(1, |(n, _)| n.wrapping_add(1));
                    next.focus = link.item.clone().map(|id| (serial, Target::Item(id)));
                    next.opened = link.item;
                }
                if let Some(stars) = link.stars {
                    next.stars = Rc::new(stars.into_iter().collect());
                }
            }
        }
        if next.filter != self.filter {
            next.limit = PAGE;
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::strings_for;

    fn options(pairs: &[(&str, &str)]) -> Options {
        Options::from_pairs(pairs)
    }

    fn reduce(state: &Rc<ViewState>, action: Action) -> Rc<ViewState> {
        state.clone().reduce(action)
    }

    #[test]
    fn opening_a_target_shows_its_section_and_asks_for_focus_each_time() {
        let o = options(&[]);
        let start = Rc::new(ViewState::new(&o));
        assert_eq!(start.section(&o), Section::Summary);
        let open = || Action::Open {
            target: Target::Item("keynote".into()),
            view: None,
        };
        let once = reduce(&start, open());
        assert_eq!(once.section(&o), Section::Programme);
        assert_eq!(
            once.focus.as_ref().map(|(_, t)| t.anchor()),
            Some("fw-item-keynote".into())
        );
        let twice = reduce(&once, open());
        assert_ne!(once.focus, twice.focus, "a second open refocuses");
        let shown = |section| Action::ShowSection {
            section,
            view: None,
        };
        let back = reduce(&twice, shown(Section::Summary));
        assert_eq!(
            (back.section(&o), back.focus.clone()),
            (Section::Summary, None)
        );
        assert!(Rc::ptr_eq(&back, &reduce(&back, shown(Section::Summary))));
    }

    #[test]
    fn the_readers_section_gives_way_when_the_host_changes_view_or_drops_it() {
        let o = options(&[]);
        let start = Rc::new(ViewState::new(&o));
        let chose = reduce(
            &start,
            Action::ShowSection {
                section: Section::People,
                view: o.view,
            },
        );
        assert_eq!(chose.section(&o), Section::People);
        assert_eq!(
            chose.section(&options(&[("sections", "speakers,program")])),
            Section::People,
            "kept while it exists"
        );
        assert_eq!(
            chose.section(&options(&[("sections", "summary,program")])),
            Section::Summary,
            "a dropped section gives way to the first"
        );
        assert_eq!(
            chose.section(&options(&[("view", "program")])),
            Section::Programme,
            "a new view from the host wins"
        );
    }

    #[test]
    fn the_readers_language_holds_until_the_host_asks_for_another() {
        let (en, zh, pl) = (strings_for("en"), strings_for("zh"), strings_for("pl"));
        let start = Rc::new(ViewState::new(&options(&[])));
        assert_eq!(start.strings(en).tag, "en");
        let picked = reduce(
            &start,
            Action::PickLanguage {
                strings: zh,
                host: en,
            },
        );
        assert_eq!(picked.strings(en).tag, "zh");
        assert_eq!(picked.strings(pl).tag, "pl", "the host's new language wins");
    }

    #[test]
    fn filters_reset_the_page_and_show_more_adds_one() {
        let start = Rc::new(ViewState::new(&options(&[])));
        let more = reduce(&reduce(&start, Action::ShowMore), Action::ShowMore);
        assert_eq!(more.limit, 3 * PAGE);
        let searched = reduce(&more, Action::Search("rust".into()));
        assert_eq!(
            (searched.limit, searched.filter.query.as_str()),
            (PAGE, "rust")
        );
        let same = reduce(
            &reduce(&searched, Action::ShowMore),
            Action::Search("rust".into()),
        );
        assert_eq!(same.limit, 2 * PAGE, "the same query keeps the page");
        let room = reduce(&same, Action::FilterRoom(Some("Hall".into())));
        assert_eq!(
            (room.limit, room.filter.room.as_deref()),
            (PAGE, Some("Hall"))
        );
    }

    #[test]
    fn hidden_sections_once_rendered_stay_rendered() {
        let o = options(&[("view", "speakers")]);
        let start = Rc::new(ViewState::new(&o));
        let all = reduce(&start, Action::RenderAllSections);
        assert!(all.all_sections);
        assert!(Rc::ptr_eq(&all, &reduce(&all, Action::RenderAllSections)));
        let moved = reduce(
            &all,
            Action::Open {
                target: Target::Person("x".into()),
                view: o.view,
            },
        );
        assert!(moved.all_sections);
    }
}
