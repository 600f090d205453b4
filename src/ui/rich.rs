//! Rich text (abstracts, bios) and link lists: elements built from `model::rich`
//! nodes, never HTML text, so nothing from data can run or load anything.

use crate::i18n::Strings;
use crate::model::rich::{parse, Block, Inline};
use crate::model::{Link, LinkKind, LocalizedText};
use yew::prelude::*;

fn inline(nodes: &[Inline]) -> Html {
    nodes
        .iter()
        .map(|node| match node {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Break => html! { <br /> },
            Inline::Emphasis(inner) => html! { <em>{ inline(inner) }</em> },
            Inline::Strong(inner) => html! { <strong>{ inline(inner) }</strong> },
            Inline::Link { href, text } => html! {
                <a href={href.clone()} target="_blank" rel="noopener noreferrer nofollow">{ inline(text) }</a>
            },
        })
        .collect()
}

/// The text in the reader's language as paragraphs and lists, in a `div` of `class`.
pub fn rich(value: &LocalizedText, t: &Strings, class: &'static str) -> Html {
    let Some(shown) = value.pick(t.tag) else {
        return Html::default();
    };
    let lang = (shown.lang != t.tag && shown.lang != crate::model::text::UNSTATED)
        .then(|| shown.lang.to_owned());
    let blocks = parse(shown.text).into_iter().map(|block| match block {
        Block::Paragraph(nodes) => html! { <p>{ inline(&nodes) }</p> },
        Block::Bullets(items) => {
            html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> }
        }
        Block::Numbered(items) => {
            html! { <ol>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ol> }
        }
    });
    html! { <div {class} {lang}>{ for blocks }</div> }
}

/// Links (an item's page, slides, recordings; a person's pages), opened in a new tab.
pub fn links(links: &[Link], t: &Strings) -> Html {
    if links.is_empty() {
        return Html::default();
    }
    let label = |link: &Link| match (&link.title, link.kind) {
        (Some(title), _) => title.clone(),
        (None, LinkKind::Page) => t.link_page.to_owned(),
        (None, LinkKind::Slides) => t.link_slides.to_owned(),
        (None, LinkKind::Recording) => t.link_recording.to_owned(),
        (None, LinkKind::Other) => t.link_other.to_owned(),
    };
    html! {
        <ul class="links" part="links">
            { for links.iter().map(|link| html! {
                <li><a href={link.url.clone()} target="_blank" rel="noopener noreferrer nofollow">{ label(link) }</a></li>
            }) }
        </ul>
    }
}
