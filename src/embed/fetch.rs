//! Loading an event from a `src` URL (the full build only: the loader gives a `src` to it),
//! with limits and errors a partner can act on; files in other formats go through the
//! schedule readers' module.

use super::load::{Hints, LoadError, TIMEOUT_SECONDS};
use crate::json;
use crate::model::parse::MAX_FILE_BYTES;
use crate::model::{parse_event, Event};
use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

thread_local! {
    /// The loader's function that fetches the schedule readers' wasm (once per page).
    static LOAD_READERS: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
    /// The loader's `fetch(url, init)`: it hands over the response to the request it
    /// started for this widget's `src` while the wasm loaded, and fetches anything else.
    static FETCH: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the loader's `loadReaders` for files in other formats, and its `fetch` for this
/// instance's widget.
pub fn set_loader_functions(load: Option<js_sys::Function>, fetch: Option<js_sys::Function>) {
    if load.is_some() {
        LOAD_READERS.with(|l| *l.borrow_mut() = load);
    }
    FETCH.with(|f| *f.borrow_mut() = fetch);
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `fetch`, which exists in windows and workers alike.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn fetch_with_init(url: &str, init: &RequestInit) -> Result<js_sys::Promise, JsValue>;
}

/// What the browser said about a failed request, e.g. `TypeError: Failed to fetch`.
fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.to_string().into(),
        None => error.as_string().unwrap_or_default(),
    }
}

/// Types that are certainly not an event file (an HTML error page served with 200, say).
fn clearly_not_json(content_type: &str) -> bool {
    let t = content_type.to_ascii_lowercase();
    ["text/html", "xhtml", "image/", "audio/", "video/", "font/"]
        .iter()
        .any(|bad| t.contains(bad))
}

/// Fetches and validates the event at `url` (already absolute). Sends no cookies or
/// credentials, and gives up after `TIMEOUT_SECONDS`.
pub async fn fetch_event(url: &str, hints: &Hints) -> Result<Event, LoadError> {
    let url_owned = || url.to_owned();
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .map(|c| Timeout::new(TIMEOUT_SECONDS * 1000, move || c.abort()));
    let timed_out = || signal.as_ref().is_some_and(|s| s.aborted());
    let failed = |detail: String| {
        if timed_out() {
            LoadError::Timeout { url: url_owned() }
        } else {
            LoadError::Network {
                url: url_owned(),
                detail,
            }
        }
    };

    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(signal.as_ref());
    let request = match FETCH.with(|f| f.borrow().clone()) {
        Some(fetch) => fetch
            .call2(&JsValue::NULL, &JsValue::from_str(url), &init)
            .and_then(|p| p.dyn_into::<js_sys::Promise>()),
        None => fetch_with_init(url, &init),
    }
    .map_err(|e| failed(describe(&e)))?;
    let response: Response = JsFuture::from(request)
        .await
        .map_err(|e| failed(describe(&e)))?
        .dyn_into()
        .map_err(|e| failed(describe(&e)))?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url_owned(),
            status: response.status(),
        });
    }
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let content_type = header("content-type").unwrap_or_default();
    if clearly_not_json(&content_type) {
        return Err(LoadError::NotJson {
            url: url_owned(),
            content_type,
        });
    }
    let declared = header("content-length").and_then(|l| l.trim().parse::<usize>().ok());
    if declared.is_some_and(|len| len > MAX_FILE_BYTES) {
        return Err(LoadError::TooLarge { url: url_owned() });
    }
    // The bytes, not a JS string: they are copied into the wasm (and on to the schedule
    // readers) in one block each, where a string is re-encoded a character at a time.
    let buffer = response.array_buffer().map_err(|e| failed(describe(&e)))?;
    let bytes = js_sys::Uint8Array::new(
        &JsFuture::from(buffer)
            .await
            .map_err(|e| failed(describe(&e)))?,
    );
    drop(timer);
    if bytes.length() as usize > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { url: url_owned() });
    }
    let body = utf8_text(bytes.to_vec());
    let invalid = |error| LoadError::Invalid {
        url: url_owned(),
        error,
    };
    let mut event = match parse_event(&body) {
        Ok(event) => event,
        Err(_) if in_another_format(&body) => {
            let json = convert(&bytes, hints)
                .await
                .map_err(|detail| LoadError::Unreadable {
                    url: url_owned(),
                    detail,
                })?;
            parse_event(&json).map_err(invalid)?
        }
        Err(error) => return Err(invalid(error)),
    };
    if event.name.is_empty() {
        let name = hints.name.clone().unwrap_or_else(|| event.id.clone());
        event
            .name
            .0
            .insert(crate::model::text::UNSTATED.to_owned(), name);
    }
    if event.time_zone.is_empty() {
        if let Some(zone) = &hints.time_zone {
            event.time_zone = zone.clone();
        }
    }
    super::intl::check_zone(event).map_err(invalid)
}

/// Whether a file this widget's own reader refused looks like one for the schedule
/// readers: XML, iCalendar, or JSON with the top-level keys of another system's format.
fn in_another_format(body: &str) -> bool {
    let text = body.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let starts = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    /// Whether the object has a top-level key of frab JSON, pretalx widget data or
    /// Sessionize, with a value other than `null`.
    struct Other(bool);
    impl<'de> json::FromJson<'de> for Other {
        fn read(r: &mut json::Reader<'de>) -> Result<Self, json::Error> {
            let mut other = false;
            r.object("an object", &mut |r, key| {
                other |= matches!(key, "schedule" | "talks" | "sessions") && r.peek() != Some(b'n');
                r.skip()
            })?;
            Ok(Other(other))
        }
    }
    starts("<")
        || starts("BEGIN:VCALENDAR")
        || (starts("{") && json::read::<Other>(text).is_ok_and(|o| o.0))
}

/// The file converted to the widget's own format by the schedule readers' module.
async fn convert(body: &js_sys::Uint8Array, hints: &Hints) -> Result<String, String> {
    let load = LOAD_READERS
        .with(|l| l.borrow().clone())
        .ok_or("this page's loader cannot load the schedule readers")?;
    let promise: js_sys::Promise = load
        .call0(&JsValue::NULL)
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|e| describe(&e))?;
    let module = JsFuture::from(promise)
        .await
        .map_err(|e| format!("the schedule readers did not load ({})", describe(&e)))?;
    let convert: js_sys::Function = js_sys::Reflect::get(&module, &JsValue::from_str("convert"))
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|e| describe(&e))?;
    let optional = |v: &Option<String>| v.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
    let json = convert
        .call3(
            &JsValue::NULL,
            body,
            &optional(&hints.name),
            &optional(&hints.time_zone),
        )
        .map_err(|e| match e.dyn_ref::<js_sys::Error>() {
            // The readers' own message already names the format and the place.
            Some(error) => error.message().into(),
            None => describe(&e),
        })?;
    let json = json
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| "the schedule readers gave no text".to_owned())?;
    Ok(utf8_text(json.to_vec()))
}

/// Text as `Response.text()` reads it: UTF-8, a leading byte order mark dropped, and each
/// invalid sequence replaced by U+FFFD.
pub fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
