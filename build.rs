//! Writes the minified stylesheets and built-in event that the wasm embeds
//! (`$OUT_DIR/widget.css`, `$OUT_DIR/schedule.css`, `$OUT_DIR/forum-2023.json`).

#[path = "build/minify_css.rs"]
mod minify_css;
#[path = "build/minify_json.rs"]
mod minify_json;

fn main() {
    println!("cargo::rerun-if-changed=src/widget.css");
    println!("cargo::rerun-if-changed=src/schedule.css");
    println!("cargo::rerun-if-changed=build/minify_css.rs");
    println!("cargo::rerun-if-changed=build/minify_json.rs");
    println!("cargo::rerun-if-changed=data/forum-2023.json");
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
}
