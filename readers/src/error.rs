//! Errors and warnings that name the format and the place in the file.

use std::fmt;

/// Why a file could not be read: `frab schedule.json: schedule.conference.days[2]: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The format's name, once the file was recognised as that format.
    pub format: Option<&'static str>,
    /// Where in the file: a JSON path, an XML element path, or `line 12` in a calendar.
    pub path: String,
    pub problem: String,
}

impl ReadError {
    pub fn new(format: &'static str, path: impl Into<String>, problem: impl Into<String>) -> Self {
        ReadError {
            format: Some(format),
            path: path.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.format, self.path.is_empty()) {
            (Some(format), false) => write!(f, "{format}: {}: {}", self.path, self.problem),
            (Some(format), true) => write!(f, "{format}: {}", self.problem),
            (None, _) => write!(f, "{}", self.problem),
        }
    }
}

impl std::error::Error for ReadError {}

/// Something in a file that was read anyway (an item with no start skipped, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub problem: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}
