//! The root component of one widget: loads the event, then shows the header, the
//! section tabs and the sections.

use super::error_box::ErrorBox;
use super::hooks::{use_event, use_focus, use_host_events, use_json_ld, Load};
#[cfg(feature = "schedule")]
use super::hooks::{use_now, use_page_state, use_width};
use super::language_switcher::LanguageSwitcher;
use super::people::People;
use super::programme::{Programme, ProgrammeProps};
use super::section_tabs::{panel_id, tab_id, SectionTabs};
use super::summary::{date_range, Summary};
use super::{heading, text, Action, SectionProps, Target, ViewState};
use crate::embed::host_events::{detail, Host};
use crate::embed::intl;
use crate::i18n::{fill, Strings};
use crate::model::{status, Filter, Now, Status};
use crate::options::{Options, Section};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub options: Options,
    /// Interface strings for the language the host asks for (`lang`, then the page's
    /// languages); the reader may pick another in the language switcher.
    pub strings: &'static Strings,
    /// Fixed "now" in ms since the epoch, for tests and previews; `None` reads the clock.
    #[prop_or_default]
    pub now_ms: Option<f64>,
    #[prop_or_default]
    pub host: Host,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let options = &props.options;
    let hints = crate::embed::load::Hints {
        name: options.name.clone(),
        time_zone: options.time_zone.clone(),
    };
    let load = use_event(options.src.clone(), hints);
    let state = use_reducer(|| ViewState::new(options));
    let t = state.strings(props.strings);
    use_host_events(&props.host, &load, state.dispatcher());
    use_json_ld(&props.host, &load, options.seo, t);
    // Large programmes (the full build): deep links, stars, the width, a running clock.
    #[cfg(feature = "schedule")]
    let (width, now) = {
        use_page_state(
            options.links,
            options.favourites,
            &props.host,
            &load,
            &state,
        );
        (use_width(&props.host), use_now(props.now_ms))
    };
    #[cfg(not(feature = "schedule"))]
    let (width, now) = (0, props.now_ms.unwrap_or_else(js_sys::Date::now));

    // Stable callbacks, so that the sections (and the large lists in them) re-render
    // only when what they show changes.
    let act = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let on_select = use_callback(
        (props.host.clone(), options.view, act.clone()),
        |section: Section, (host, view, act)| {
            host.emit("select", &detail(&[("type", "tab"), ("id", section.key())]));
            act.emit(Action::ShowSection {
                section,
                view: *view,
            });
        },
    );
    let open = use_callback(
        (props.host.clone(), options.view, act.clone()),
        |target: Target, (host, view, act)| {
            let (kind, id) = target.describe();
            host.emit("select", &detail(&[("type", kind), ("id", id)]));
            act.emit(Action::Open {
                target,
                view: *view,
            });
        },
    );
    let sections = (*use_memo(options.sections.clone(), |s| {
        Rc::<[Section]>::from(s.as_slice())
    }))
    .clone();
    let switcher = options.language_switcher.then(|| {
        let host_strings = props.strings;
        let on_pick = act.reform(move |strings| Action::PickLanguage {
            strings,
            host: host_strings,
        });
        html! { <LanguageSwitcher current={t} {on_pick} /> }
    });

    let body = match &load {
        Load::Loading => html! { <p class="loading" role="status">{ t.loading }</p> },
        Load::Failed(error) => {
            html! { <ErrorBox title={t.error_title} message={error.message(t)} /> }
        }
        Load::Ready(event) => {
            let clock =
                intl::wall_clock(event.zone(), now).map(|(date, minutes)| Now { date, minutes });
            let view = SectionProps {
                event: event.clone(),
                t,
                today: clock.map(|c| c.date),
                level: options.heading_level + 1,
                sections,
                open,
                images: options.images,
            };
            html! {
                <EventView {view} title_level={options.heading_level} section={state.section(options)}
                    focus={state.focus.clone()} all_sections={state.all_sections}
                    filter={state.filter.clone()} limit={state.limit} {act} {on_select} {switcher}
                    layout={state.layout.or(options.layout)} {width} opened={state.opened.clone()}
                    rooms_from={state.rooms_from} rooms_hidden={state.rooms_hidden.clone()} stars={state.stars.clone()} favourites={options.favourites}
                    now={clock} />
            }
        }
    };
    html! {
        <div class={classes!("fw", options.color_scheme.class())} lang={t.tag} part="root"
            role="region" aria-label={t.widget_label}>{ body }</div>
    }
}

#[derive(Properties, PartialEq)]
struct EventViewProps {
    view: SectionProps,
    switcher: Option<Html>,
    title_level: u8,
    section: Section,
    focus: Option<(u32, Target)>,
    all_sections: bool,
    filter: Filter,
    limit: usize,
    act: Callback<Action>,
    on_select: Callback<Section>,
    layout: Option<crate::options::Layout>,
    width: u32,
    opened: Option<String>,
    rooms_from: usize,
    rooms_hidden: Rc<Vec<String>>,
    stars: Rc<crate::model::IdSet>,
    favourites: bool,
    now: Option<Now>,
}

fn status_line(view: &SectionProps) -> Option<String> {
    let (event, t) = (&view.event, view.t);
    Some(
        match status(event.start_date, event.last_date(), view.today?) {
            Status::Upcoming { days_until } => {
                fill(t.status_upcoming, &[&intl::in_days(days_until, t)])
            }
            Status::UnderWay => t.status_under_way.to_owned(),
            Status::TookPlace => fill(t.status_took_place, &[&date_range(event, t)]),
        },
    )
}

fn section_label(t: &Strings, section: Section) -> &'static str {
    match section {
        Section::Summary => t.tab_summary,
        Section::People => t.tab_people,
        Section::Programme => t.tab_programme,
    }
}

/// The loaded event: header, then the section tabs and panels (or the one section).
#[function_component]
fn EventView(props: &EventViewProps) -> Html {
    let view = &props.view;
    let t = view.t;
    let root = use_node_ref();
    use_focus(root.clone(), props.focus.clone());

    let section_of = |section: Section| match section {
        Section::Summary => html! { <Summary ..view.clone() /> },
        Section::People => html! { <People ..view.clone() /> },
        Section::Programme => {
            let programme = ProgrammeProps {
                view: view.clone(),
                filter: props.filter.clone(),
                limit: props.limit,
                act: props.act.clone(),
                layout: props.layout,
                width: props.width,
                opened: props.opened.clone(),
                rooms_from: props.rooms_from,
                rooms_hidden: props.rooms_hidden.clone(),
                stars: props.stars.clone(),
                favourites: props.favourites,
                now: props.now,
            };
            html! { <Programme ..programme /> }
        }
    };
    let body = if let [only] = *view.sections {
        html! { <div class="panel single" part="panel">{ section_of(only) }</div> }
    } else {
        let tabs: Vec<(Section, &'static str)> = view
            .sections
            .iter()
            .map(|&section| (section, section_label(t, section)))
            .collect();
        html! {
            <>
                <SectionTabs {tabs} selected={props.section} label={t.tabs_label} on_select={props.on_select.clone()} />
                { for view.sections.iter().map(|&section| html! {
                    <section class="panel" role="tabpanel" id={panel_id(section)} aria-labelledby={tab_id(section)}
                        tabindex="0" hidden={section != props.section} part="panel" data-title={section_label(t, section)}>
                        if section == props.section || props.all_sections { { section_of(section) } }
                    </section>
                }) }
            </>
        }
    };
    html! {
        <div class="content" ref={root}>
            <header class="head" part="header">
                <div class="head-text">
                    { heading(props.title_level, "title", text(&view.event.name, t)) }
                    if let Some(line) = status_line(view) {
                        <p class="status">{ line }</p>
                    }
                </div>
                { props.switcher.clone().unwrap_or_default() }
            </header>
            { body }
        </div>
    }
}
