//! The root component of one widget: loads the event, then shows the header, the tab
//! bar and the three views.

use crate::components::error::ErrorBox;
use crate::components::people::People;
use crate::components::program::Program;
use crate::components::summary::{date_range, Summary};
use crate::components::tabs::{panel_id, tab_id, TabBar};
use crate::components::{heading, text, Ctx};
use crate::fetch::{check_zone, fetch_event, LoadError};
use crate::host::{detail, Host};
use crate::i18n::{fill, Strings};
use crate::intl;
use crate::model::{built_in_event, status, Event, Status};
use crate::options::Options;
use crate::state::{Action, Tab, Target, ViewState};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub options: Options,
    /// Interface strings, chosen from `options.lang` and the page's languages.
    pub strings: &'static Strings,
    /// Fixed "now" in ms since the epoch, for tests and previews; `None` reads the clock.
    #[prop_or_default]
    pub now_ms: Option<f64>,
    #[prop_or_default]
    pub host: Host,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Rc<Event>),
    Failed(LoadError),
}

fn built_in() -> Load {
    match built_in_event().and_then(check_zone) {
        Ok(event) => Load::Ready(Rc::new(event)),
        Err(error) => Load::Failed(LoadError::Invalid {
            url: "built-in event".into(),
            error,
        }),
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let src: Option<AttrValue> = props.options.src.clone().map(Into::into);
    let load = use_state(|| {
        if src.is_some() {
            Load::Loading
        } else {
            built_in()
        }
    });
    let view = use_reducer(|| ViewState {
        tab: props.options.first_tab(),
        focus: None,
        all_views: false,
    });
    // The source the state shows or awaits (`Some(None)`: the built-in event), so the
    // first run does not parse twice and a late reply for an old URL is dropped.
    let wanted = use_mut_ref(|| src.is_none().then_some(None::<AttrValue>));

    {
        let load = load.clone();
        use_effect_with(src, move |src| {
            if wanted.borrow().as_ref() == Some(src) {
                return;
            }
            *wanted.borrow_mut() = Some(src.clone());
            match src.clone() {
                None => load.set(built_in()),
                Some(url) => {
                    load.set(Load::Loading);
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = fetch_event(&url).await;
                        let still_wanted = matches!(&*wanted.borrow(), Some(Some(u)) if *u == url);
                        if still_wanted {
                            load.set(match result {
                                Ok(event) => Load::Ready(Rc::new(event)),
                                Err(error) => Load::Failed(error),
                            });
                        }
                    });
                }
            }
        });
    }
    // Tell the host page once the content (or the error) is on screen.
    let outcome = match &*load {
        Load::Loading => None,
        Load::Ready(event) => Some(Ok(event.id.clone())),
        Load::Failed(error) => Some(Err(error.clone())),
    };
    let host = props.host.clone();
    let render_all = view.dispatcher();
    use_effect_with(outcome, move |outcome| {
        let mut later = None;
        match outcome {
            Some(Ok(id)) => {
                host.emit("ready", &detail(&[("event", id)]));
                // The hidden views, once the shown one is on screen.
                later = Some(gloo::timers::callback::Timeout::new(0, move || {
                    render_all.dispatch(Action::RenderAllViews)
                }));
            }
            Some(Err(error)) => {
                let english = error.message(crate::i18n::strings_for("en"));
                web_sys::console::error_1(&format!("forum-widget: {english}").into());
                host.emit("error", &detail(&[("message", &english)]));
            }
            None => {}
        }
        move || drop(later)
    });
    // Follow the host when it asks for another first view, and keep the shown tab
    // inside the sections when it changes them.
    {
        let view = view.clone();
        use_effect_with(props.options.view, move |wanted| {
            if let Some(tab) = *wanted {
                view.dispatch(Action::SelectTab(tab));
            }
        });
    }
    {
        let view = view.clone();
        let first = props.options.first_tab();
        use_effect_with(props.options.sections.clone(), move |sections| {
            if !sections.contains(&view.tab) {
                view.dispatch(Action::SelectTab(first));
            }
        });
    }

    // The reader's pick in the language switcher, until the host sets another language.
    let picked = use_state(|| None::<&'static Strings>);
    {
        let picked = picked.clone();
        use_effect_with(props.strings.tag, move |_| picked.set(None));
    }
    let t = picked.unwrap_or(props.strings);
    let options = &props.options;
    // Structured data for search engines, in the host page's <head> while shown.
    {
        let ready = match &*load {
            Load::Ready(event) => Some(event.clone()),
            _ => None,
        };
        let key = (
            ready.as_ref().map(|e| Rc::as_ptr(e) as usize),
            options.seo,
            t.tag,
        );
        let host = props.host.0.clone();
        use_effect_with(key, move |(_, seo, _)| {
            let shown = ready.filter(|_| *seo).zip(host).map(|(event, host)| {
                let page = web_sys::window()
                    .and_then(|w| w.location().href().ok())
                    .unwrap_or_default();
                let to_utc = |d, time| intl::instant(d, time, &event.time_zone);
                crate::seo::publish(&event.id, &host, || {
                    crate::jsonld::json_ld(&event, t, &page, &to_utc)
                });
                (event.id.clone(), host)
            });
            move || {
                if let Some((id, host)) = shown {
                    crate::seo::withdraw(&host, Some(&id));
                }
            }
        });
    }
    // Stable callbacks, so that the views (and the large lists in them) re-render only
    // when what they show changes.
    let dispatcher = view.dispatcher();
    let on_select = {
        let dispatcher = dispatcher.clone();
        use_callback(props.host.clone(), move |tab: Tab, host| {
            host.emit("select", &detail(&[("type", "tab"), ("id", tab.key())]));
            dispatcher.dispatch(Action::SelectTab(tab));
        })
    };
    let open = use_callback(props.host.clone(), move |target: Target, host| {
        let (kind, id) = target.describe();
        host.emit("select", &detail(&[("type", kind), ("id", id)]));
        dispatcher.dispatch(Action::Open(target));
    });
    let sections: Rc<[Tab]> = {
        let sections = props.options.sections.clone();
        (*use_memo(sections, |s| Rc::<[Tab]>::from(s.clone()))).clone()
    };
    let switcher = options.language_switcher.then(|| {
        let on_pick = Callback::from(move |strings| picked.set(Some(strings)));
        html! { <LanguageSwitcher current={t} {on_pick} /> }
    });
    let body = match &*load {
        Load::Loading => html! { <p class="loading" role="status">{ t.loading }</p> },
        Load::Failed(error) => {
            html! { <ErrorBox title={t.error_title} message={error.message(t)} /> }
        }
        Load::Ready(event) => {
            let now = props.now_ms.unwrap_or_else(js_sys::Date::now);
            let ctx = Ctx {
                event: event.clone(),
                t,
                today: intl::date_in_zone(now, &event.time_zone),
                level: options.heading_level + 1,
                sections,
                open,
            };
            html! {
                <Loaded {ctx} title_level={options.heading_level} tab={view.tab} all_views={view.all_views}
                    focus={view.focus.clone()} {on_select} {switcher} />
            }
        }
    };
    html! {
        <div class={classes!("fw", options.theme.class())} lang={t.tag} part="root"
            role="region" aria-label={t.widget_label}>{ body }</div>
    }
}

#[derive(Properties, PartialEq)]
struct LoadedProps {
    ctx: Ctx,
    switcher: Option<Html>,
    title_level: u8,
    tab: Tab,
    all_views: bool,
    focus: Option<(u32, Target)>,
    on_select: Callback<Tab>,
}

fn status_line(ctx: &Ctx) -> Option<String> {
    let (event, t) = (&ctx.event, ctx.t);
    Some(
        match status(event.start_date, event.last_date(), ctx.today?) {
            Status::Upcoming { days_until } => {
                fill(t.status_upcoming, &[&intl::in_days(days_until, t)])
            }
            Status::UnderWay => t.status_under_way.to_owned(),
            Status::TookPlace => fill(t.status_took_place, &[&date_range(event, t)]),
        },
    )
}

fn tab_label(t: &Strings, tab: Tab) -> &'static str {
    match tab {
        Tab::Summary => t.tab_summary,
        Tab::Speakers => t.tab_speakers,
        Tab::Program => t.tab_program,
    }
}

#[function_component]
fn Loaded(props: &LoadedProps) -> Html {
    let ctx = &props.ctx;
    let t = ctx.t;
    let root = use_node_ref();

    // After a cross-link, move focus to the opened entry (which scrolls it into view).
    {
        let root = root.clone();
        use_effect_with(props.focus.clone(), move |focus| {
            let found = focus.as_ref().and_then(|(_, target)| {
                let shadow = root.cast::<web_sys::Element>()?.get_root_node();
                let fragment = shadow.dyn_into::<web_sys::DocumentFragment>().ok()?;
                fragment
                    .get_element_by_id(&target.anchor())?
                    .dyn_into::<web_sys::HtmlElement>()
                    .ok()
            });
            if let Some(element) = found {
                let _ = element.focus();
            }
        });
    }

    let view_of = |tab: Tab| match tab {
        Tab::Summary => html! { <Summary ctx={ctx.clone()} /> },
        Tab::Speakers => html! { <People ctx={ctx.clone()} /> },
        Tab::Program => html! { <Program ctx={ctx.clone()} /> },
    };
    let body = if let [only] = *ctx.sections {
        html! { <div class="panel single" part="panel">{ view_of(only) }</div> }
    } else {
        let tabs: Vec<(Tab, &'static str)> = ctx
            .sections
            .iter()
            .map(|&tab| (tab, tab_label(t, tab)))
            .collect();
        html! {
            <>
                <TabBar tabs={tabs} selected={props.tab} label={t.tabs_label} on_select={props.on_select.clone()} />
                { for ctx.sections.iter().map(|&tab| html! {
                    <section class="panel" role="tabpanel" id={panel_id(tab)} aria-labelledby={tab_id(tab)}
                        tabindex="0" hidden={tab != props.tab} part="panel" data-title={tab_label(t, tab)}>
                        if tab == props.tab || props.all_views { { view_of(tab) } }
                    </section>
                }) }
            </>
        }
    };
    html! {
        <div class="content" ref={root}>
            <header class="head" part="header">
                <div class="head-text">
                    { heading(props.title_level, "title", text(&ctx.event.name, t)) }
                    if let Some(line) = status_line(ctx) {
                        <p class="status">{ line }</p>
                    }
                </div>
                { props.switcher.clone().unwrap_or_default() }
            </header>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LanguageSwitcherProps {
    current: &'static Strings,
    on_pick: Callback<&'static Strings>,
}

/// A native `<select>` of the interface languages, each named in its own language.
#[function_component]
fn LanguageSwitcher(props: &LanguageSwitcherProps) -> Html {
    let onchange = props.on_pick.reform(|e: yew::Event| {
        let value = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|select| select.value())
            .unwrap_or_default();
        crate::i18n::strings_for(&value)
    });
    html! {
        <label class="lang-switch" part="language">
            <span class="lang-label">{ props.current.language }</span>
            <select {onchange}>
                { for crate::i18n::LANGUAGES.into_iter().map(|s| html! {
                    <option value={s.tag} lang={s.tag} selected={s.tag == props.current.tag}>{ s.name }</option>
                }) }
            </select>
        </label>
    }
}
