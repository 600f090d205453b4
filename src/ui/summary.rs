//! The Summary view: edition, dates with the zone named, venue, theme, organisers,
//! key figures, notes and sources.

use super::add_to_calendar::AddToCalendar;
use super::{country, heading, text, SectionProps};
use crate::embed::intl;
use crate::i18n::{fill, Strings};
use crate::model::text::primary_subtag;
use crate::model::{Event, OrganisationRole};
use yew::prelude::*;

/// "13 November 2023" or "7 November 2024 – 8 November 2024".
pub fn date_range(event: &Event, t: &Strings) -> String {
    let start = intl::long_date(event.start_date, t);
    if event.last_date() == event.start_date {
        start
    } else {
        format!("{start} – {}", intl::long_date(event.last_date(), t))
    }
}

#[function_component]
pub fn Summary(props: &SectionProps) -> Html {
    let SectionProps {
        event, t, level, ..
    } = props;
    let level = *level;
    let zone = intl::zone_name(event.zone(), event.start_date, t);
    let venue = &event.venue;
    // Small to large ("venue, city, region, country"), or large to small with no
    // separators in Chinese (中国河北省沧州市…).
    let mut place: Vec<Html> = [&venue.name, &venue.city, &venue.region]
        .into_iter()
        .filter(|v| !v.is_empty())
        .map(|v| text(v, t))
        .chain(venue.country.iter().map(|c| country(c, t)))
        .collect();
    if t.venue_large_to_small {
        place.reverse();
    }

    let organisations = |role: OrganisationRole, label: &'static str| {
        let mut orgs = event.organisations_with(role).peekable();
        orgs.peek().is_some().then(|| html! {
            <div class="row">
                <dt>{ label }</dt>
                <dd><ul class="plain">{ for orgs.map(|o| html! { <li>{ text(&o.name, t) }</li> }) }</ul></dd>
            </div>
        })
    };

    html! {
        <div class="summary">
            if !event.summary.is_empty() {
                <p class="lead">{ text(&event.summary, t) }</p>
            }
            <dl class="facts">
                if !event.edition.is_empty() {
                    <div class="row"><dt>{ t.edition }</dt><dd>{ text(&event.edition, t) }</dd></div>
                }
                <div class="row">
                    <dt>{ t.date }</dt>
                    <dd>
                        <time datetime={event.start_date.to_string()}>{ date_range(event, t) }</time>
                        <span class="zone">{ t.with_aside("", &zone) }</span>
                    </dd>
                </div>
                <div class="row">
                    <dt>{ t.venue }</dt>
                    <dd>
                        { for place.into_iter().enumerate().map(|(i, p)| html! {
                            <>{ if i > 0 { t.venue_separator } else { "" } }{ p }</>
                        }) }
                    </dd>
                </div>
                if !event.theme.is_empty() {
                    <div class="row"><dt>{ t.theme }</dt><dd class="theme">{ text(&event.theme, t) }</dd></div>
                }
                { for organisations(OrganisationRole::Host, t.hosts) }
                { for organisations(OrganisationRole::Organiser, t.organisers) }
                { for organisations(OrganisationRole::Supporter, t.supporters) }
                { for organisations(OrganisationRole::Partner, t.partners) }
            </dl>
            <AddToCalendar view={props.clone()} />
            if !event.figures.is_empty() {
                { heading(level, "subhead", html! { t.figures }) }
                <ul class="figures">
                    { for event.figures.iter().map(|f| html! {
                        <li>{ figure(f, t) }</li>
                    }) }
                </ul>
            }
            if !event.notes.is_empty() {
                { heading(level, "subhead", html! { t.notes }) }
                <ul class="notes">{ for event.notes.iter().map(|n| html! { <li>{ text(n, t) }</li> }) }</ul>
            }
            if !event.sources.is_empty() {
                { heading(level, "subhead", html! { t.sources }) }
                <ul class="sources">{ for event.sources.iter().map(|s| source(s, t)) }</ul>
            }
        </div>
    }
}

/// A figure as one phrase in the reader's language ("近400人参会"), from its pattern
/// when the pattern is in that language; else its value, then its label.
fn figure(f: &crate::model::Figure, t: &'static Strings) -> Html {
    let value = html! { <span class="figure-value">{ text(&f.value, t) }</span> };
    let pattern = f.pattern.pick(t.tag).filter(|p| p.lang == t.tag);
    match pattern.and_then(|p| p.text.split_once("{}")) {
        Some((before, after)) => html! {
            <span class="figure-phrase">{ before.to_owned() }{ value }{ after.to_owned() }</span>
        },
        None => html! {
            <>{ value }{ " " }<span class="figure-label">{ text(&f.label, t) }</span></>
        },
    }
}

fn source(source: &crate::model::Source, t: &'static Strings) -> Html {
    let label = if source.title.is_empty() {
        &source.publisher
    } else {
        &source.title
    };
    let published = source
        .date
        .map(|d| fill(t.published, &[&intl::long_date(d, t)]));
    // The page's own language, said when the reader's differs: "(in Chinese)".
    let page_lang = source.lang.as_deref();
    let foreign = page_lang.filter(|l| primary_subtag(l) != primary_subtag(t.tag));
    let in_language = foreign.map(|l| {
        if primary_subtag(l).eq_ignore_ascii_case("zh") {
            (t.in_chinese.to_owned(), t.tag)
        } else {
            intl::language_name(l, t)
        }
    });
    let label = match &source.url {
        Some(url) => {
            html! { <a href={url.clone()} hreflang={page_lang.map(str::to_owned)} target="_blank" rel="noopener noreferrer">{ text(label, t) }</a> }
        }
        None => text(label, t),
    };
    html! {
        <li>
            { label }
            if let Some((name, lang)) = in_language {
                <span class="muted page-lang" lang={(lang != t.tag).then_some(lang)}>{ t.bracketed(&name) }</span>
            }
            if !source.title.is_empty() {
                <span class="muted">{ " — " }{ text(&source.publisher, t) }</span>
            }
            if let Some(published) = published {
                <span class="muted">{ t.comma }{ published }</span>
            }
        </li>
    }
}
