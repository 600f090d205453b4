//! The browser module: the widget calls `convert` only for files in another format.

use wasm_bindgen::prelude::*;

/// Converts the file's bytes (UTF-8) to the widget's own format (JSON, as UTF-8 bytes), or
/// throws the error message. Bytes both ways: each crosses into or out of the wasm as one
/// block, where a JS string is re-encoded a character at a time.
#[wasm_bindgen]
pub fn convert(
    bytes: &[u8],
    name: Option<String>,
    time_zone: Option<String>,
) -> Result<Vec<u8>, JsError> {
    let hints = crate::Hints { name, time_zone };
    // As `Response.text()` reads it: each invalid sequence becomes U+FFFD (the readers
    // drop a byte order mark themselves).
    let text = String::from_utf8_lossy(bytes);
    let read = crate::read(&text, &hints).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_vec(&read.event).map_err(|e| JsError::new(&e.to_string()))
}
