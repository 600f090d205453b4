//! The event's schema.org JSON-LD in the host page's `<head>` while it is shown, in the
//! language on screen (unless the host set `seo="off"`).

use super::Load;
use crate::embed::head_json_ld;
use crate::embed::host_events::Host;
use crate::embed::intl;
use crate::exports::json_ld;
use crate::i18n::Strings;
use yew::prelude::*;

#[hook]
pub fn use_json_ld(host: &Host, load: &Load, seo: bool, t: &'static Strings) {
    let ready = match load {
        Load::Ready(event) => Some(event.clone()),
        _ => None,
    };
    let host = host.0.clone();
    use_effect_with((ready, seo, t.tag), move |(ready, seo, _)| {
        let shown = ready
            .clone()
            .filter(|_| *seo)
            .zip(host)
            .map(|(event, host)| {
                let page = web_sys::window()
                    .and_then(|w| w.location().href().ok())
                    .unwrap_or_default();
                let to_utc = |d, time| intl::instant(d, time, event.zone());
                head_json_ld::publish(&event.id, &host, || json_ld(&event, t, &page, &to_utc));
                (event.id.clone(), host)
            });
        move || {
            if let Some((id, host)) = shown {
                head_json_ld::withdraw(&host, Some(&id));
            }
        }
    });
}
