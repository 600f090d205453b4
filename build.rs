//! Writes the minified stylesheets and built-in event that the wasm embeds
//! (`$OUT_DIR/widget.css`, `$OUT_DIR/schedule.css`, `$OUT_DIR/forum-2023.json`), and the
//! built-in event's positional form (`$OUT_DIR/forum-2023.compact`, see
//! `src/json/compact.rs`), which the default build reads instead of the JSON.

#[path = "build/minify_css.rs"]
mod minify_css;
#[path = "build/minify_json.rs"]
mod minify_json;

// The event's types and their readers, compiled into this script as well, so that the
// positional form is written from the same definitions the widget reads it with.
#[allow(dead_code, unused_imports)]
#[path = "src/json/mod.rs"]
mod json;
// (At the top level: `event` finds them as `super::date` and `super::text`.)
#[allow(dead_code, unused_imports)]
#[path = "src/model/date.rs"]
mod date;
#[allow(dead_code, unused_imports)]
#[path = "src/model/event.rs"]
mod event;
#[allow(dead_code, unused_imports)]
#[path = "src/model/text.rs"]
mod text;

fn main() {
    println!("cargo::rerun-if-changed=src/widget.css");
    println!("cargo::rerun-if-changed=src/schedule.css");
    println!("cargo::rerun-if-changed=build/minify_css.rs");
    println!("cargo::rerun-if-changed=build/minify_json.rs");
    println!("cargo::rerun-if-changed=data/forum-2023.json");
    for path in [
        "src/json",
        "src/model/date.rs",
        "src/model/event.rs",
        "src/model/text.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["widget.css", "schedule.css"] {
        let path = format!("src/{name}");
        let css = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let minified = minify_css::minify(&css).unwrap_or_else(|e| panic!("{path}: {e}"));
        std::fs::write(std::path::Path::new(&out).join(name), minified)
            .expect("OUT_DIR is writable");
    }
    let event =
        std::fs::read_to_string("data/forum-2023.json").expect("data/forum-2023.json is readable");
    std::fs::write(
        std::path::Path::new(&out).join("forum-2023.json"),
        minify_json::minify(&event),
    )
    .expect("OUT_DIR is writable");
    let mut read: event::Event =
        json::read(&event).unwrap_or_else(|e| panic!("data/forum-2023.json: {e}"));
    read.sort_programme();
    let mut compact = String::new();
    json::compact::ToCompact::put(&read, &mut compact);
    std::fs::write(
        std::path::Path::new(&out).join("forum-2023.compact"),
        compact,
    )
    .expect("OUT_DIR is writable");
}
