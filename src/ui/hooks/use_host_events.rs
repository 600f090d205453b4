//! `forum-widget:ready` and `forum-widget:error` on the host element, once the content
//! or the error is on screen; then, after the paint, the hidden sections render.

use super::after_paint::after_paint;
use super::Load;
use crate::embed::host_events::{detail, Host};
use crate::embed::load::LoadError;
use crate::i18n::strings_for;
use crate::ui::{Action, ViewState};
use yew::prelude::*;

#[hook]
pub fn use_host_events(host: &Host, load: &Load, state: UseReducerDispatcher<ViewState>) {
    let outcome: Option<Result<String, LoadError>> = match load {
        Load::Loading => None,
        Load::Ready(event) => Some(Ok(event.id.clone())),
        Load::Failed(error) => Some(Err(error.clone())),
    };
    let host = host.clone();
    use_effect_with(outcome, move |outcome| {
        let mut later = None;
        match outcome {
            Some(Ok(id)) => {
                host.emit("ready", &detail(&[("event", id)]));
                // The hidden sections, once the shown one has been painted.
                later = Some(after_paint(move || {
                    state.dispatch(Action::RenderAllSections)
                }));
            }
            Some(Err(error)) => {
                let english = error.message(strings_for("en"));
                web_sys::console::error_1(&format!("forum-widget: {english}").into());
                host.emit("error", &detail(&[("message", &english)]));
            }
            None => {}
        }
        move || drop(later)
    });
}
