//! Thin Yew function components: they turn state into HTML and input into actions.

pub mod calendar;
pub mod error;
pub mod people;
pub mod program;
pub mod summary;
pub mod tabs;

use crate::i18n::Strings;
use crate::model::{Date, Event, LocalizedText, Person};
use crate::state::{Tab, Target};
use std::rc::Rc;
use yew::prelude::*;

/// What every view needs: the event, the interface strings, today's date in the
/// event's zone (None when the browser could not tell), the heading level for entries,
/// the views that exist, and the callback that opens a speaker or programme item.
#[derive(Clone)]
pub struct Ctx {
    pub event: Rc<Event>,
    pub t: &'static Strings,
    pub today: Option<Date>,
    pub level: u8,
    pub sections: Rc<[Tab]>,
    pub open: Callback<Target>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.event, &other.event)
            && self.t == other.t
            && self.today == other.today
            && self.level == other.level
            && self.sections == other.sections
            && self.open == other.open
    }
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

/// A button that opens `target` in its view, or just `label` when that view is not shown.
pub fn link_to(ctx: &Ctx, target: Target, label: Html) -> Html {
    if !ctx.sections.contains(&target.tab()) {
        return label;
    }
    let onclick = ctx.open.reform(move |_| target.clone());
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

/// A separator between parts of a line (" · ", ", "), in its own span.
pub fn sep(separator: &'static str) -> Html {
    html! { <span class="sep">{ separator }</span> }
}

/// `parts` with `separator` between them, each separator its own span.
pub fn joined(separator: &'static str, parts: Vec<Html>) -> Html {
    html! {
        { for parts.into_iter().enumerate().map(|(i, part)| html! {
            <>
                if i > 0 { { sep(separator) } }
                { part }
            </>
        }) }
    }
}

/// A country's name from its ISO code, marked with its language when the browser
/// could only give it in English.
pub fn country(code: &str, t: &Strings) -> Html {
    match crate::intl::country_name(code, t) {
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
