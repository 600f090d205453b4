//! The view state of one widget: which tab is shown. All changes go through `Action`.

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

    /// Reads a `data-view` value; `programme` is accepted beside `program`.
    pub fn parse(s: &str) -> Option<Tab> {
        match s.trim().to_ascii_lowercase().as_str() {
            "summary" => Some(Tab::Summary),
            "speakers" => Some(Tab::Speakers),
            "program" | "programme" => Some(Tab::Program),
            _ => None,
        }
    }

    /// Stable name used in element ids.
    pub fn key(self) -> &'static str {
        match self {
            Tab::Summary => "summary",
            Tab::Speakers => "speakers",
            Tab::Program => "program",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    pub tab: Tab,
}

pub enum Action {
    SelectTab(Tab),
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SelectTab(tab) if tab != self.tab => Rc::new(ViewState { tab }),
            Action::SelectTab(_) => self,
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
}
