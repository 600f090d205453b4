//! Reader for ICalendar (see ../shared/realdata/FORMATS.md).

use crate::{Format, Hints, Read, ReadError};

const FORMAT: Format = Format::ICalendar;

pub fn read(_input: &str, _hints: &Hints) -> Result<Read, ReadError> {
    Err(ReadError::new(
        FORMAT.name(),
        "",
        "this reader is not written yet",
    ))
}
