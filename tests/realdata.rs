//! Every real schedule in ../shared/realdata, converted by the schedule readers, is a
//! valid event file for the widget, and keeps every item and person.
#![cfg(not(target_arch = "wasm32"))]

use forum_widget::json::compact::{Compact, FromCompact, ToCompact};
use forum_widget::model::{parse_event, Event};
use std::path::PathBuf;

fn real_files() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/realdata");
    let mut files = Vec::new();
    for dir in [
        "frab-json",
        "frab-xml",
        "pretalx-widget",
        "sessionize",
        "ical",
    ] {
        let entries = std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (../shared/realdata must be beside the repository)",
                root.join(dir).display()
            )
        });
        for entry in entries.flatten() {
            let path = entry.path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("json" | "xml" | "ics")
            ) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_real_schedule_converts_to_a_valid_event_file() {
    let files = real_files();
    assert!(files.len() >= 10, "only {} real files found", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let read = schedule_readers::read(&text, &Default::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&read.event).unwrap();
        let event = parse_event(&json)
            .unwrap_or_else(|e| panic!("{}: converted file refused: {e}", path.display()));
        assert_eq!(
            event.program.len(),
            read.event.program.len(),
            "{}",
            path.display()
        );
        assert_eq!(
            event.people.len(),
            read.event.people.len(),
            "{}",
            path.display()
        );
        assert!(!event.program.is_empty(), "{}", path.display());
        // The positional form the default build reads its built-in event from
        // (src/json/compact.rs) keeps every field of real conferences' events too.
        let mut compact = String::new();
        event.put(&mut compact);
        let compact: &'static str = Box::leak(compact.into_boxed_str());
        assert_eq!(
            Event::take(&mut Compact::new(compact)).as_ref(),
            Some(&event),
            "{}: positional form",
            path.display()
        );
    }
}
