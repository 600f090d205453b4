//! Every real schedule in ../shared/realdata read natively, and its counts, zone and
//! first and last item checked against an independent reader written in Python
//! (tests/reference/schedule_summary.py: the standard library and `icalendar`, written
//! from the format documentation, not from these readers).
#![cfg(not(target_arch = "wasm32"))]

use schedule_readers::report::{summarise, ItemSummary, Summary};
use schedule_readers::{read, sniff, Format, Hints};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

/// The format every file in a folder of ../shared/realdata is in.
fn folder_format(folder: &str) -> Option<Format> {
    match folder {
        "frab-json" => Some(Format::FrabJson),
        "frab-xml" => Some(Format::FrabXml),
        "pretalx-widget" => Some(Format::PretalxWidget),
        "sessionize" => Some(Format::Sessionize),
        "ical" => Some(Format::ICalendar),
        _ => None,
    }
}

struct RealFile {
    path: PathBuf,
    /// The path under the realdata folder, e.g. `frab-json/36c3.frab.json`.
    name: String,
    format: Format,
}

/// Every schedule file (`.json`, `.xml`, `.ics`) in the folders of ../shared/realdata,
/// except the specifications in `schema/`.
fn real_files() -> Vec<RealFile> {
    let root = Path::new(MANIFEST).join("../../shared/realdata");
    let folders = std::fs::read_dir(&root).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the real schedules must be in ../shared/realdata beside the repository)",
            root.display()
        )
    });
    let mut files = Vec::new();
    for folder in folders.flatten() {
        let folder_name = folder.file_name().to_string_lossy().into_owned();
        if !folder.path().is_dir() || folder_name == "schema" {
            continue;
        }
        let format = folder_format(&folder_name).unwrap_or_else(|| {
            panic!("realdata/{folder_name}/: a folder of schedules this test has no format for")
        });
        let entries = std::fs::read_dir(folder.path())
            .unwrap_or_else(|e| panic!("{}: {e}", folder.path().display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("json" | "xml" | "ics")
            ) {
                let name = format!("{folder_name}/{}", entry.file_name().to_string_lossy());
                files.push(RealFile { path, name, format });
            }
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(
        files.len() >= 10,
        "only {} schedule files found in {}; expected at least 10",
        files.len(),
        root.display()
    );
    files
}

fn text_of(file: &RealFile) -> String {
    std::fs::read_to_string(&file.path).unwrap_or_else(|e| panic!("{}: {e}", file.path.display()))
}

/// The independent reader's summary of each file, in the order given.
fn reference(files: &[RealFile]) -> Vec<Value> {
    let python = Path::new(MANIFEST).join("../.venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run ./scripts/setup.sh --test (it creates the Python venv with tests/requirements.txt)",
        python.display()
    );
    let script = Path::new(MANIFEST).join("tests/reference/schedule_summary.py");
    let out = Command::new(&python)
        .arg(&script)
        .args(files.iter().map(|f| &f.path))
        .output()
        .unwrap_or_else(|e| panic!("{} could not run: {e}", python.display()));
    assert!(
        out.status.success(),
        "{} failed:\n{}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("the reference reader printed {line:?}: {e}"))
        })
        .collect();
    assert_eq!(
        lines.len(),
        files.len(),
        "the reference reader printed {} summaries for {} files",
        lines.len(),
        files.len()
    );
    lines
}

/// Every field of `got` that differs from the reference's `want`, as "field: ours … reference …".
fn differences(got: &Summary, want: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, ours: Value, theirs: &Value| {
        if &ours != theirs {
            out.push(format!("{field}: ours {ours}, reference {theirs}"));
        }
    };
    check("items", got.items.into(), &want["items"]);
    check("people", got.people.into(), &want["people"]);
    check("rooms", got.rooms.into(), &want["rooms"]);
    check("days", got.days.into(), &want["days"]);
    check(
        "time_zone",
        got.time_zone.clone().into(),
        &want["time_zone"],
    );
    for (label, item) in [("first", &got.first), ("last", &got.last)] {
        let want = &want[label];
        let (title, start, end) = match item {
            Some(ItemSummary { title, start, end }) => (
                Value::from(title.trim()),
                Value::from(start.as_str()),
                end.clone().into(),
            ),
            None => (Value::Null, Value::Null, Value::Null),
        };
        check(&format!("{label}.title"), title, &want["title"]);
        check(&format!("{label}.start"), start, &want["start"]);
        check(&format!("{label}.end"), end, &want["end"]);
    }
    out
}

#[test]
fn each_real_file_is_recognised_as_the_format_of_its_folder() {
    let mut wrong = Vec::new();
    for file in real_files() {
        let found = sniff(&text_of(&file));
        if found != Some(file.format) {
            wrong.push(format!(
                "{}: recognised as {found:?}, expected {:?}",
                file.name, file.format
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

#[test]
fn each_real_file_gives_what_the_independent_reader_gives() {
    let files = real_files();
    let expected = reference(&files);
    let mut failures = Vec::new();
    for (file, want) in files.iter().zip(&expected) {
        assert_eq!(
            want["file"].as_str(),
            Some(file.name.as_str()),
            "the reference reader's summaries are out of order"
        );
        match read(&text_of(file), &Hints::default()) {
            Err(e) => failures.push(format!("{}: not read: {e}", file.name)),
            Ok(read) => {
                let got = summarise(&read.event);
                for difference in differences(&got, want) {
                    failures.push(format!("{}: {difference}", file.name));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences from tests/reference/schedule_summary.py:\n{}\n",
        failures.len(),
        failures.join("\n")
    );
}
