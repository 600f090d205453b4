//! The browser module: the widget calls `convert` only for files in another format.

use wasm_bindgen::prelude::*;

/// Converts `text` to the widget's own format (JSON text), or throws the error message.
#[wasm_bindgen]
pub fn convert(
    text: &str,
    name: Option<String>,
    time_zone: Option<String>,
) -> Result<String, JsError> {
    let hints = crate::Hints { name, time_zone };
    let read = crate::read(text, &hints).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&read.event).map_err(|e| JsError::new(&e.to_string()))
}
