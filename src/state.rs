//! The view state of one widget: which tab is shown, and which element should take
//! focus after a cross-link. All changes go through `Action`.

use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Summary,
    Speakers,
    Program,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Summary, Tab::Speakers, Tab::Program];

    /// Reads a `view`/`sections` value; `programme` is accepted beside `program`.
    pub fn parse(s: &str) -> Option<Tab> {
        match s.trim().to_ascii_lowercase().as_str() {
            "summary" => Some(Tab::Summary),
            "speakers" => Some(Tab::Speakers),
            "program" | "programme" => Some(Tab::Program),
            _ => None,
        }
    }

    /// Stable name used in element ids, options and events.
    pub fn key(self) -> &'static str {
        match self {
            Tab::Summary => "summary",
            Tab::Speakers => "speakers",
            Tab::Program => "program",
        }
    }
}

/// Something a reader can open from another view: a speaker or a programme item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Speaker(String),
    Item(String),
}

impl Target {
    pub fn tab(&self) -> Tab {
        match self {
            Target::Speaker(_) => Tab::Speakers,
            Target::Item(_) => Tab::Program,
        }
    }

    /// Element id of the target's entry in its view.
    pub fn anchor(&self) -> String {
        match self {
            Target::Speaker(id) => format!("fw-person-{id}"),
            Target::Item(id) => format!("fw-item-{id}"),
        }
    }

    /// `(type, id)` for the `forum-widget:select` event.
    pub fn describe(&self) -> (&'static str, &str) {
        match self {
            Target::Speaker(id) => ("speaker", id),
            Target::Item(id) => ("program-item", id),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    pub tab: Tab,
    /// The entry to focus once rendered, numbered so that opening it twice refocuses.
    pub focus: Option<(u32, Target)>,
    /// Whether the hidden views are rendered too. The shown view renders first, so a large
    /// programme does not hold up the first paint; the others follow (for printing and a
    /// quick switch).
    pub all_views: bool,
}

pub enum Action {
    SelectTab(Tab),
    Open(Target),
    RenderAllViews,
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SelectTab(tab) if tab == self.tab => self,
            Action::SelectTab(tab) => Rc::new(ViewState {
                tab,
                focus: None,
                all_views: self.all_views,
            }),
            Action::Open(target) => {
                let serial = self.focus.as_ref().map_or(1, |(n, _)| n.wrapping_add(1));
                Rc::new(ViewState {
                    tab: target.tab(),
                    focus: Some((serial, target)),
                    all_views: self.all_views,
                })
            }
            Action::RenderAllViews if self.all_views => self,
            Action::RenderAllViews => Rc::new(ViewState {
                all_views: true,
                ..(*self).clone()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_names_parse_in_any_case_and_spelling() {
        assert_eq!(Tab::parse("Program"), Some(Tab::Program));
        assert_eq!(Tab::parse(" programme "), Some(Tab::Program));
        assert_eq!(Tab::parse("speakers"), Some(Tab::Speakers));
        assert_eq!(Tab::parse("agenda"), None);
    }

    #[test]
    fn opening_a_target_switches_tab_and_asks_for_focus_each_time() {
        let start = Rc::new(ViewState {
            tab: Tab::Summary,
            focus: None,
            all_views: false,
        });
        let once = start.reduce(Action::Open(Target::Item("keynote".into())));
        assert_eq!(once.tab, Tab::Program);
        assert_eq!(
            once.focus.as_ref().map(|(_, t)| t.anchor()),
            Some("fw-item-keynote".into())
        );
        let twice = once
            .clone()
            .reduce(Action::Open(Target::Item("keynote".into())));
        assert_ne!(once.focus, twice.focus, "a second open refocuses");
        let tab = twice.reduce(Action::SelectTab(Tab::Summary));
        assert_eq!((tab.tab, tab.focus.clone()), (Tab::Summary, None));
        assert!(Rc::ptr_eq(
            &tab,
            &tab.clone().reduce(Action::SelectTab(Tab::Summary))
        ));
    }

    #[test]
    fn hidden_views_once_rendered_stay_rendered() {
        let start = Rc::new(ViewState {
            tab: Tab::Speakers,
            focus: None,
            all_views: false,
        });
        let all = start.reduce(Action::RenderAllViews);
        assert!(all.all_views);
        assert!(Rc::ptr_eq(
            &all,
            &all.clone().reduce(Action::RenderAllViews)
        ));
        let moved = all.reduce(Action::Open(Target::Speaker("x".into())));
        assert!(moved.all_views && moved.reduce(Action::SelectTab(Tab::Program)).all_views);
    }
}
