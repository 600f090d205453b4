//! Arbitrary text through the rich-text paths: the readers' HTML, Markdown and plain
//! converters and the widget's parser of the result. No panic, no link that is not
//! http(s), and plain text survives escaping.
#![no_main]
use forum_widget::model::rich::{parse, plain, Block, Inline};
use libfuzzer_sys::fuzz_target;
use schedule_readers::rich::{from_html, from_markdown, from_plain};

fn links_are_web(nodes: &[Inline]) {
    for node in nodes {
        match node {
            Inline::Link { href, text } => {
                let lower = href.to_ascii_lowercase();
                assert!(lower.starts_with("https://") || lower.starts_with("http://"), "{href}");
                links_are_web(text);
            }
            Inline::Emphasis(n) | Inline::Strong(n) => links_are_web(n),
            _ => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for out in [from_html(text), from_markdown(text), from_plain(text)] {
        for block in parse(&out) {
            match &block {
                Block::Paragraph(n) => links_are_web(n),
                Block::Bullets(items) | Block::Numbered(items) => items.iter().for_each(|n| links_are_web(n)),
            }
        }
    }
    // Escaped plain text reads back as the same words.
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let back = plain(&parse(&from_plain(text)));
    if text.chars().count() < 5_000 && !text.contains(['\r']) {
        assert_eq!(words(&back), words(text), "{text:?}");
    }
});
