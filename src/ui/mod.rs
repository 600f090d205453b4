//! Yew only: components that turn view state into HTML and input into [`Action`]s, and
//! the hooks that connect them to the browser shell. [`App`] is the root of one widget.
//!
//! One file per component: [`summary`], [`people`] and [`programme`] are the three
//! sections; [`section_tabs`], [`language_switcher`], [`add_to_calendar`] and
//! [`error_box`] the pieces around them; [`state`] the one view state.

pub mod add_to_calendar;
pub mod app;
pub mod error_box;
pub mod hooks;
pub mod language_switcher;
#[cfg(feature = "schedule")]
pub mod large_programme;
pub mod people;
pub mod programme;
pub mod rich;
#[cfg(feature = "schedule")]
pub mod schedule;
pub mod section_tabs;
pub mod state;
pub mod summary;

pub use app::{App, AppProps};
pub use state::{Action, Target, ViewState};

use crate::i18n::Strings;
use crate::model::{Date, Event, LocalizedText, Person};
use crate::options::Section;
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// The loaded event, shared by the views; equal when it is the same load, so comparing
/// props and memo keys costs a pointer comparison, not a walk through the programme.
#[derive(Clone)]
pub struct EventRef(pub Rc<Event>);

impl PartialEq for EventRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for EventRef {
    type Target = Event;
    fn deref(&self) -> &Event {
        &self.0
    }
}

/// The props every section is given: the event, the interface strings, today's date in
/// the event's zone (None when the browser could not tell), the heading level for
/// entries, the sections that exist, and the callback that opens a person or an item.
#[derive(Clone, PartialEq, Properties)]
pub struct SectionProps {
    pub event: EventRef,
    pub t: &'static Strings,
    pub today: Option<Date>,
    pub level: u8,
    pub sections: Rc<[Section]>,
    /// Whether speakers' pictures are shown (`images` option).
    pub images: bool,
    pub open: Callback<Target>,
}

/// `<hN class=…>` for a level from 2 to 6.
pub fn heading(level: u8, class: &'static str, content: Html) -> Html {
    let tag = match level {
        ..=2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    };
    html! { <@{tag} {class}>{ content }</@> }
}

/// A button that opens `target` in its section, or just `label` when that section is
/// not shown.
pub fn link_to(view: &SectionProps, target: Target, label: Html) -> Html {
    if !view.sections.contains(&target.section()) {
        return label;
    }
    let onclick = view.open.reform(move |_| target.clone());
    html! { <button type="button" class="link" {onclick}>{ label }</button> }
}

/// The best text for the reader, tagged with its language when it is not the
/// interface's, and isolated (`<bdi>`) so that bidi controls in data cannot reorder
/// the interface text around it.
pub fn text(value: &LocalizedText, t: &Strings) -> Html {
    match value.pick(t.tag) {
        Some(shown) if shown.lang == t.tag => html! { <bdi>{ shown.text.to_owned() }</bdi> },
        Some(shown) => html! { <bdi lang={shown.lang.to_owned()}>{ shown.text.to_owned() }</bdi> },
        None => Html::default(),
    }
}

/// A separator between parts of a line (" · "), in its own span; a leading space is
/// written as a no-break space, so that the separator never starts a line.
pub fn sep(separator: &'static str) -> Html {
    let shown = match separator.strip_prefix(' ') {
        Some(rest) => format!("\u{a0}{rest}"),
        None => separator.to_owned(),
    };
    html! { <span class="sep">{ shown }</span> }
}

/// `items` as a list in the reader's language ("A, B and C" / "A、B和C", by the
/// browser's `Intl.ListFormat`). Each separator is written inside the span of the item
/// before it, with its trailing space outside, so no separator can start a line.
pub fn list(t: &Strings, items: Vec<Html>) -> Html {
    let literals = crate::embed::intl::list_literals(items.len(), t);
    let literal = |i: usize| literals.get(i).cloned().unwrap_or_default();
    html! {
        <>
            { literal(0) }
            { for items.into_iter().enumerate().map(|(i, item)| {
                let after = literal(i + 1);
                let kept = after.trim_end().to_owned();
                let space = after[kept.len()..].to_owned();
                html! { <><span class="list-item">{ item }{ kept }</span>{ space }</> }
            }) }
        </>
    }
}

/// A label before its content: "Speakers: " / "致辞嘉宾：".
pub fn label(t: &Strings, label: &'static str) -> Html {
    html! { <span class="label">{ label }{ t.colon }</span> }
}

/// A country's name from its ISO code, marked with its language when the browser
/// could only give it in English.
pub fn country(code: &str, t: &Strings) -> Html {
    match crate::embed::intl::country_name(code, t) {
        (name, lang) if lang == t.tag => html! { name },
        (name, lang) => html! { <span {lang}>{ name }</span> },
    }
}

/// The Latin-script name, then the native script and the reader's own transliteration.
pub fn person_name(person: &Person, t: &Strings) -> Html {
    let native = person.native_name.as_ref().map(|n| {
        html! { <bdi class="alt-name" lang={n.lang.clone()}>{ n.text.clone() }</bdi> }
    });
    let local = person
        .local_names
        .pick(t.tag)
        .filter(|shown| shown.lang == t.tag)
        .map(|shown| html! { <bdi class="alt-name" lang={shown.lang.to_owned()}>{ shown.text.to_owned() }</bdi> });
    html! {
        <>
            <bdi class="name">{ person.name.clone() }</bdi>
            { for local }
            { for native }
        </>
    }
}
