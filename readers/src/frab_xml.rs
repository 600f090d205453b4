//! Reader for FrabXml (field mapping and pitfalls: ../shared/realdata/FORMATS.md). The
//! guarantees every reader keeps are listed at the top of lib.rs.

use crate::{Format, Hints, Read, ReadError};

const FORMAT: Format = Format::FrabXml;

pub fn read(_input: &str, _hints: &Hints) -> Result<Read, ReadError> {
    Err(ReadError::new(
        FORMAT.name(),
        "",
        "this reader is not written yet",
    ))
}
