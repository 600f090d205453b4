//! The root component of one widget: loads the event, then shows the header, the tab
//! bar and the three views.

use crate::components::error::ErrorBox;
use crate::components::people::People;
use crate::components::program::Program;
use crate::components::summary::{date_range, Summary};
use crate::components::tabs::{panel_id, tab_id, TabBar};
use crate::components::{text, Ctx};
use crate::fetch::{check_zone, fetch_event, LoadError};
use crate::i18n::{fill, Strings};
use crate::intl;
use crate::model::{built_in_event, status, Event, Status};
use crate::state::{Action, Tab, ViewState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Absolute URL of an event file; `None` shows the built-in event.
    pub src: Option<AttrValue>,
    pub strings: &'static Strings,
    pub view: Option<Tab>,
    /// Fixed "now" in ms since the epoch, for tests and previews; `None` reads the clock.
    pub now_ms: Option<f64>,
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
    let load = use_state(|| {
        if props.src.is_some() {
            Load::Loading
        } else {
            built_in()
        }
    });
    let view = use_reducer(|| ViewState {
        tab: props.view.unwrap_or(Tab::Summary),
    });
    // The source the state shows or awaits (`Some(None)`: the built-in event), so the
    // first run does not parse twice and a late reply for an old URL is dropped.
    let wanted = use_mut_ref(|| props.src.is_none().then_some(None::<AttrValue>));

    {
        let load = load.clone();
        use_effect_with(props.src.clone(), move |src| {
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
    let failure = match &*load {
        Load::Failed(error) => Some(error.clone()),
        _ => None,
    };
    use_effect_with(failure, |failure| {
        if let Some(error) = failure {
            let english = crate::i18n::strings_for("en");
            gloo::console::error!(format!("forum-widget: {}", error.message(english)));
        }
    });

    let t = props.strings;
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
            };
            let on_select = {
                let view = view.clone();
                Callback::from(move |tab| view.dispatch(Action::SelectTab(tab)))
            };
            html! { <Loaded {ctx} tab={view.tab} {on_select} /> }
        }
    };
    html! {
        <div class="fw" lang={t.tag} part="root">{ body }</div>
    }
}

#[derive(Properties, PartialEq)]
struct LoadedProps {
    ctx: Ctx,
    tab: Tab,
    on_select: Callback<Tab>,
}

fn status_line(ctx: &Ctx) -> Option<String> {
    let (event, t) = (&ctx.event, ctx.t);
    Some(
        match status(event.start_date, event.last_date(), ctx.today?) {
            Status::Upcoming { days_until } => {
                fill(t.status_upcoming, &[&intl::in_days(days_until, t.tag)])
            }
            Status::UnderWay => t.status_under_way.to_owned(),
            Status::TookPlace => fill(t.status_took_place, &[&date_range(event, t.tag)]),
        },
    )
}

#[function_component]
fn Loaded(props: &LoadedProps) -> Html {
    let ctx = &props.ctx;
    let t = ctx.t;
    let tabs: Vec<(Tab, &'static str)> = Tab::ALL
        .into_iter()
        .map(|tab| {
            let label = match tab {
                Tab::Summary => t.tab_summary,
                Tab::Speakers => t.tab_speakers,
                Tab::Program => t.tab_program,
            };
            (tab, label)
        })
        .collect();
    html! {
        <>
            <header class="head" part="header">
                <h2 class="title">{ text(&ctx.event.name, t) }</h2>
                if let Some(line) = status_line(ctx) {
                    <p class="status">{ line }</p>
                }
            </header>
            <TabBar tabs={tabs} selected={props.tab} label={t.tabs_label} on_select={props.on_select.clone()} />
            { for Tab::ALL.into_iter().map(|tab| html! {
                <section class="panel" role="tabpanel" id={panel_id(tab)} aria-labelledby={tab_id(tab)}
                    tabindex="0" hidden={tab != props.tab} part="panel">
                    { match tab {
                        Tab::Summary => html! { <Summary ctx={ctx.clone()} /> },
                        Tab::Speakers => html! { <People ctx={ctx.clone()} /> },
                        Tab::Program => html! { <Program ctx={ctx.clone()} /> },
                    } }
                </section>
            }) }
        </>
    }
}
