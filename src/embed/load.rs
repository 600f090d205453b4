//! What loading an event can go wrong with, in words a partner can act on, and what the
//! partner's attributes add to a schedule (both builds: the default one shows only the
//! built-in event, whose check can fail too).

use crate::i18n::{fill, Strings};
use crate::model::parse::MAX_FILE_BYTES;
use crate::model::EventError;

/// What the partner's attributes say where a schedule is silent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    pub name: Option<String>,
    pub time_zone: Option<String>,
}

/// A request that has not finished by then is abandoned.
pub const TIMEOUT_SECONDS: u32 = 15;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Http {
        url: String,
        status: u16,
    },
    Network {
        url: String,
        detail: String,
    },
    Timeout {
        url: String,
    },
    TooLarge {
        url: String,
    },
    NotJson {
        url: String,
        content_type: String,
    },
    Invalid {
        url: String,
        error: EventError,
    },
    /// A file in another format that the schedule readers refused (their message names
    /// the format and the place), or the readers' module did not load.
    Unreadable {
        url: String,
        detail: String,
    },
}

impl LoadError {
    /// The message shown inside the widget, in the reader's language.
    pub fn message(&self, t: &Strings) -> String {
        match self {
            LoadError::Http { url, status } => fill(t.error_http, &[url, &status.to_string()]),
            LoadError::Network { url, detail } => fill(t.error_network, &[url, detail]),
            LoadError::Timeout { url } => {
                fill(t.error_timeout, &[url, &TIMEOUT_SECONDS.to_string()])
            }
            LoadError::TooLarge { url } => fill(
                t.error_too_large,
                &[url, &(MAX_FILE_BYTES / 1024 / 1024).to_string()],
            ),
            LoadError::NotJson { url, content_type } => fill(t.error_type, &[url, content_type]),
            LoadError::Invalid { url, error } => fill(t.error_invalid, &[url, &error.to_string()]),
            LoadError::Unreadable { url, detail } => fill(t.error_invalid, &[url, detail]),
        }
    }
}
