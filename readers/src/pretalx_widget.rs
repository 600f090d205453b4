//! Reader for PretalxWidget (field mapping and pitfalls: ../shared/realdata/FORMATS.md). The
//! guarantees every reader keeps are listed at the top of lib.rs.

use crate::{Format, Hints, Read, ReadError};

const FORMAT: Format = Format::PretalxWidget;

pub fn read(_input: &serde_json::Value, _hints: &Hints) -> Result<Read, ReadError> {
    Err(ReadError::new(
        FORMAT.name(),
        "",
        "this reader is not written yet",
    ))
}
