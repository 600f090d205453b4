//! The event a widget shows: the built-in one at once, or the `src` file once fetched,
//! parsed and its zone checked by the browser.

#[cfg(feature = "schedule")]
use crate::embed::fetch::fetch_event;
use crate::embed::intl::check_zone;
use crate::embed::load::{Hints, LoadError};
use crate::model::built_in_event;
use crate::ui::EventRef;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub enum Load {
    Loading,
    Ready(EventRef),
    Failed(LoadError),
}

fn built_in() -> Load {
    match built_in_event().and_then(check_zone) {
        Ok(event) => Load::Ready(EventRef(Rc::new(event))),
        Err(error) => Load::Failed(LoadError::Invalid {
            url: "built-in event".into(),
            error,
        }),
    }
}

/// The built-in event: the default build is given no `src` (the loader starts the full
/// build for one).
#[cfg(not(feature = "schedule"))]
#[hook]
pub fn use_event(_src: Option<String>, _hints: Hints) -> Load {
    (*use_state(built_in)).clone()
}

/// Loads `src` (the built-in event when `None`), again whenever it changes; a late reply
/// for an earlier `src` is dropped.
#[cfg(feature = "schedule")]
#[hook]
pub fn use_event(src: Option<String>, hints: Hints) -> Load {
    let src: Option<AttrValue> = src.map(Into::into);
    let load = use_state(|| {
        if src.is_some() {
            Load::Loading
        } else {
            built_in()
        }
    });
    // The source the state shows or awaits (`Some(None)`: the built-in event), so the
    // first run does not parse twice.
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
                    let hints = hints.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = fetch_event(&url, &hints).await;
                        let still_wanted = matches!(&*wanted.borrow(), Some(Some(u)) if *u == url);
                        if still_wanted {
                            load.set(match result {
                                Ok(event) => Load::Ready(EventRef(Rc::new(event))),
                                Err(error) => Load::Failed(error),
                            });
                        }
                    });
                }
            }
        });
    }
    (*load).clone()
}
