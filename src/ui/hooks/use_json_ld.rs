//! The event's schema.org JSON-LD in the host page's `<head>` while it is shown, in the
//! language on screen (unless the host set `seo="off"`).

use super::after_paint::after_paint;
use super::Load;
use crate::embed::head_json_ld;
use crate::embed::host_events::Host;
use crate::embed::intl;
use crate::exports::json_ld;
use crate::i18n::Strings;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_json_ld(host: &Host, load: &Load, seo: bool, t: &'static Strings) {
    let ready = match load {
        Load::Ready(event) => Some(event.clone()),
        _ => None,
    };
    let host = host.0.clone();
    use_effect_with((ready, seo, t.tag), move |(ready, seo, _)| {
        // Written after the next paint (a large programme's takes a while), and taken out
        // again when the widget goes or changes, if it was written by then.
        let published = Rc::new(Cell::new(false));
        let shown = ready
            .clone()
            .filter(|_| *seo)
            .zip(host)
            .map(|(event, host)| {
                let (id, host_now, done) = (event.id.clone(), host.clone(), published.clone());
                let later = after_paint(move || {
                    let page = web_sys::window()
                        .and_then(|w| w.location().href().ok())
                        .unwrap_or_default();
                    let to_utc = |d, time| intl::instant(d, time, event.zone());
                    head_json_ld::publish(&event.id, &host, || json_ld(&event, t, &page, &to_utc));
                    done.set(true);
                });
                (id, host_now, later)
            });
        move || {
            if let Some((id, host, later)) = shown {
                drop(later);
                if published.get() {
                    head_json_ld::withdraw(&host, Some(&id));
                }
            }
        }
    });
}
