//! Rich text (abstracts, bios) made safe: HTML, entity-escaped text and Markdown from
//! the sources become the widget's Markdown subset, which the widget renders as text
//! nodes and elements it builds itself — never through `innerHTML`.
//!
//! The subset, all a reader of an abstract needs:
//! - blocks are separated by blank lines; a block whose every line starts with `- ` is
//!   a bulleted list, `1. ` (any number) a numbered list; any other block is a
//!   paragraph, in which a single newline is a line break;
//! - inline: `*emphasis*`, `**strong**`, `[text](https://…)` (only `http:`/`https:`);
//! - a backslash makes the next character literal: `\*`, `\[`, `\]`, `\\`, and `\-` or
//!   `\1` at the start of a line keeps it from starting a list.
//!
//! Everything else in the source (scripts, styles, handlers, iframes, forms, images,
//! other URL schemes, headings' markup) is dropped; its text, where it has any, stays.

/// Plain text (line breaks kept) as the subset: special characters escaped.
pub fn from_plain(text: &str) -> String {
    let _ = text;
    String::new()
}

/// HTML (FOSDEM, frab, Kielux) as the subset; entities decoded, double escapes too.
pub fn from_html(html: &str) -> String {
    let _ = html;
    String::new()
}

/// Markdown (pretalx, the CCC hub) as the subset.
pub fn from_markdown(markdown: &str) -> String {
    let _ = markdown;
    String::new()
}
