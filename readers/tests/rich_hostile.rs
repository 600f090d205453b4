//! Hostile rich text: markup that tries to run, to fetch, or to cost time. Every shape
//! here is 400,000 characters long, so a reader that searched afresh for each opener's
//! closer would take minutes on it; each must come back as safe subset text.

use schedule_readers::rich::{decode_entities, from_html, from_markdown};

const LEN: usize = 400_000;

fn long(unit: &str) -> String {
    unit.repeat(LEN / unit.len())
}

/// Every closed link in the subset points at a web address (the widget renders the
/// rest, `[a](javascript:` without its `)` included, as text).
fn assert_links_are_web(out: &str) {
    let mut from = 0;
    while let Some(i) = out[from..].find("](").map(|i| from + i) {
        if let Some(end) = out[i + 2..].find(')') {
            let target = &out[i + 2..i + 2 + end];
            assert!(
                target.starts_with("https://") || target.starts_with("http://"),
                "link to {target:?}"
            );
        }
        from = i + 2;
    }
}

/// HTML's markup is gone, not escaped: no script, handler or non-web link remains.
fn assert_safe(out: &str) {
    assert_links_are_web(out);
    let lower = out.to_ascii_lowercase();
    for bad in [
        "<script",
        "onerror",
        "javascript:",
        "data:",
        "<img",
        "<iframe",
    ] {
        assert!(
            !lower.contains(bad),
            "{bad} in {}",
            &out[..out.len().min(200)]
        );
    }
}

#[test]
fn html_full_of_unclosed_openers() {
    for unit in [
        "<",
        "<a",
        "<script>",
        "<style>x</style>",
        "<!--",
        "&",
        "&#",
        "&amp;",
        "<a href=\"https://x.y\">",
        "<img src=https://t.example/p.png onerror=alert(1)>",
    ] {
        let out = from_html(&long(unit));
        assert!(
            out.chars().count() <= schedule_readers::rich::MAX_CHARS,
            "{unit}"
        );
        assert_safe(&out);
    }
}

#[test]
fn markdown_full_of_unclosed_openers() {
    for unit in [
        "[",
        "[a](",
        "![a](",
        "[a](javascript:",
        "`",
        "**",
        "__",
        "http://",
        "http://a&#1;",
        "<",
        "[a](https://x.y",
        "![a](https://t.example/p.png)",
    ] {
        let out = from_markdown(&long(unit));
        assert!(
            out.chars().count() <= schedule_readers::rich::MAX_CHARS,
            "{unit}"
        );
        assert_links_are_web(&out);
        assert!(
            !out.contains("t.example"),
            "an image address was kept: {unit}"
        );
    }
}

#[test]
fn entities_without_an_end_stay_as_written() {
    let text = long("&a");
    assert_eq!(decode_entities(&text), text);
    assert_eq!(decode_entities("&amp;&#x41;&#65;&lt"), "&AA&lt");
}
