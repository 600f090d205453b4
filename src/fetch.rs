//! Loading an event from a `data-src` URL, with errors a partner can act on.

use crate::i18n::{fill, Strings};
use crate::model::{parse_event, Event, EventError};
use gloo_net::http::Request;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Http { url: String, status: u16 },
    Network { url: String, detail: String },
    Invalid { url: String, error: EventError },
}

impl LoadError {
    /// The message shown inside the widget, in the reader's language.
    pub fn message(&self, t: &Strings) -> String {
        match self {
            LoadError::Http { url, status } => fill(t.error_http, &[url, &status.to_string()]),
            LoadError::Network { url, detail } => fill(t.error_network, &[url, detail]),
            LoadError::Invalid { url, error } => fill(t.error_invalid, &[url, &error.to_string()]),
        }
    }
}

/// Fetches and validates the event at `url` (already absolute).
pub async fn fetch_event(url: &str) -> Result<Event, LoadError> {
    let network = |detail: String| LoadError::Network {
        url: url.to_owned(),
        detail,
    };
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    let body = response.text().await.map_err(|e| network(e.to_string()))?;
    let event = parse_event(&body).map_err(|error| LoadError::Invalid {
        url: url.to_owned(),
        error,
    })?;
    check_zone(event).map_err(|error| LoadError::Invalid {
        url: url.to_owned(),
        error,
    })
}

/// The model checks a zone's shape; only the browser knows whether it exists.
pub fn check_zone(event: Event) -> Result<Event, EventError> {
    if crate::intl::zone_is_known(&event.time_zone) {
        Ok(event)
    } else {
        Err(EventError {
            path: "time_zone".into(),
            problem: format!(
                "`{}` is not a time zone this browser knows",
                event.time_zone
            ),
        })
    }
}
