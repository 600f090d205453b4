//! Every real schedule in ../shared/realdata read natively, and its counts, zone and
//! first and last item checked against an independent reader written in Python
//! (tests/reference/schedule_summary.py: the standard library and `icalendar`).
#![cfg(not(target_arch = "wasm32"))]

use schedule_readers::report::summarise;
use schedule_readers::{read, sniff, Format, Hints};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

fn real_files() -> Vec<(PathBuf, Format)> {
    let root = Path::new(MANIFEST).join("../../shared/realdata");
    let mut files = Vec::new();
    for (dir, format) in [
        ("frab-json", Format::FrabJson),
        ("frab-xml", Format::FrabXml),
        ("pretalx-widget", Format::PretalxWidget),
        ("sessionize", Format::Sessionize),
        ("ical", Format::ICalendar),
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
                files.push((path, format));
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(files.len() >= 10, "only {} real files found", files.len());
    files
}

fn reference(paths: &[&Path]) -> Vec<Value> {
    let python = Path::new(MANIFEST).join("../.venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run ./scripts/setup.sh --test",
        python.display()
    );
    let out = Command::new(python)
        .arg(Path::new(MANIFEST).join("tests/reference/schedule_summary.py"))
        .args(paths)
        .output()
        .expect("the reference reader runs");
    assert!(
        out.status.success(),
        "reference reader failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn each_real_file_is_recognised_as_its_format() {
    for (path, format) in real_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(sniff(&text), Some(format), "{}", path.display());
    }
}

#[test]
fn each_real_file_matches_the_independent_reader() {
    let files = real_files();
    let paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    let expected = reference(&paths);
    assert_eq!(expected.len(), files.len());
    for ((path, _), want) in files.iter().zip(expected) {
        let name = path.display();
        let text = std::fs::read_to_string(path).unwrap();
        let got = summarise(
            &read(&text, &Hints::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .event,
        );
        let count = |field: &str| want[field].as_u64().map(|n| n as usize);
        assert_eq!(Some(got.items), count("items"), "{name}: items");
        assert_eq!(Some(got.people), count("people"), "{name}: people");
        assert_eq!(Some(got.rooms), count("rooms"), "{name}: rooms");
        assert_eq!(Some(got.days), count("days"), "{name}: days");
        assert_eq!(
            got.time_zone.as_deref(),
            want["time_zone"].as_str(),
            "{name}: time_zone"
        );
        for (label, item) in [("first", &got.first), ("last", &got.last)] {
            let item = item
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: no {label} item"));
            let w = &want[label];
            assert_eq!(
                Some(item.title.trim()),
                w["title"].as_str(),
                "{name}: {label} title"
            );
            assert_eq!(
                Some(item.start.as_str()),
                w["start"].as_str(),
                "{name}: {label} start"
            );
            assert_eq!(
                item.end.as_deref(),
                w["end"].as_str(),
                "{name}: {label} end"
            );
        }
    }
}
