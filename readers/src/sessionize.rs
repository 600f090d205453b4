//! Reader for Sessionize (see ../shared/realdata/FORMATS.md).

use crate::{Format, Hints, Read, ReadError};

const FORMAT: Format = Format::Sessionize;

pub fn read(_input: &serde_json::Value, _hints: &Hints) -> Result<Read, ReadError> {
    Err(ReadError::new(
        FORMAT.name(),
        "",
        "this reader is not written yet",
    ))
}
