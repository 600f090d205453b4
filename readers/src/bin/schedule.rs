//! `schedule check FILE|URL` and `schedule convert FILE|URL > event.json`: validate a
//! conference system's schedule and convert it to the widget's own format.

use schedule_readers::report::{summarise, ItemSummary};
use schedule_readers::{read, Hints, MAX_FILE_BYTES};
use std::io::Read as _;
use std::process::ExitCode;

const USAGE: &str = "usage:
  schedule check FILE|URL [--name NAME] [--time-zone ZONE]
      which format, counts of items, people, rooms and days, the zone, every problem
  schedule convert FILE|URL [--name NAME] [--time-zone ZONE] > event.json
      the schedule in the widget's own event format (version 2)";

#[cfg(not(target_arch = "wasm32"))]
fn fetch(source: &str) -> Result<String, String> {
    let mut response = ureq::get(source)
        .call()
        .map_err(|e| format!("{source}: {e}"))?;
    let mut body = Vec::new();
    response
        .body_mut()
        .as_reader()
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| format!("{source}: {e}"))?;
    String::from_utf8(body).map_err(|_| format!("{source}: the response is not UTF-8 text"))
}

#[cfg(target_arch = "wasm32")]
fn fetch(source: &str) -> Result<String, String> {
    Err(format!("{source}: URLs are read only by the native tool"))
}

fn load(source: &str) -> Result<String, String> {
    if source.starts_with("http://") || source.starts_with("https://") {
        fetch(source)
    } else {
        let bytes = std::fs::read(source).map_err(|e| format!("{source}: {e}"))?;
        String::from_utf8(bytes).map_err(|_| format!("{source}: the file is not UTF-8 text"))
    }
}

fn describe(label: &str, item: &Option<ItemSummary>) -> String {
    match item {
        Some(i) => format!(
            "{label}: {} ({} – {})",
            i.title,
            i.start,
            i.end.as_deref().unwrap_or("no end")
        ),
        None => format!("{label}: none"),
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    let mut source = None;
    let mut hints = Hints::default();
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--name" => hints.name = Some(rest.next().ok_or(USAGE)?.clone()),
            "--time-zone" => hints.time_zone = Some(rest.next().ok_or(USAGE)?.clone()),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if source.is_none() => source = Some(arg.clone()),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let source = source.ok_or(USAGE)?;
    let text = load(&source)?;
    let converted = read(&text, &hints).map_err(|e| format!("{source}: {e}"))?;
    match command.as_str() {
        "check" => {
            let s = summarise(&converted.event);
            println!("{source}: {}", converted.format.name());
            println!(
                "{} items, {} people, {} rooms, {} days",
                s.items, s.people, s.rooms, s.days
            );
            let zone = match (&s.time_zone, &s.utc_offset) {
                (Some(zone), _) => zone.clone(),
                (None, Some(offset)) => format!("none named; times carry UTC{offset}"),
                (None, None) => "none named; times are local wall clock".to_owned(),
            };
            println!("time zone: {zone}");
            println!("{}", describe("first", &s.first));
            println!("{}", describe("last", &s.last));
            if converted.warnings.is_empty() {
                println!("no problems");
            } else {
                println!("{} problems:", converted.warnings.len());
                for w in &converted.warnings {
                    println!("  {w}");
                }
            }
            Ok(())
        }
        "convert" => {
            let json = serde_json::to_string_pretty(&converted.event).map_err(|e| e.to_string())?;
            println!("{json}");
            for w in &converted.warnings {
                eprintln!("warning: {w}");
            }
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
