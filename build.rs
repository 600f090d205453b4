//! Writes the minified stylesheet that the wasm embeds (`$OUT_DIR/widget.css`).

#[path = "build/minify_css.rs"]
mod minify_css;

fn main() {
    println!("cargo::rerun-if-changed=src/widget.css");
    println!("cargo::rerun-if-changed=build/minify_css.rs");
    let css = std::fs::read_to_string("src/widget.css").expect("src/widget.css is readable");
    let minified = minify_css::minify(&css).unwrap_or_else(|e| panic!("src/widget.css: {e}"));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&out).join("widget.css"), minified)
        .expect("OUT_DIR is writable");
}
