//! The widget's rich-text subset (abstracts, bios): paragraphs, line breaks, lists,
//! emphasis and http(s) links, read from a small Markdown dialect and turned into nodes
//! the views build as elements — never into HTML text. The schedule readers write it
//! (`readers/src/rich.rs` documents the dialect); version 1 descriptions are plain
//! text, which reads the same: single newlines are line breaks.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Numbered(Vec<Vec<Inline>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Break,
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link { href: String, text: Vec<Inline> },
}

/// `- item` → `Some("item")`.
fn bullet(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
}

/// `12. item` → `Some("item")`.
fn numbered(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && digits < 10).then(|| line[digits..].strip_prefix(". "))?
}

/// Any text is valid: what is not markup is text.
pub fn parse(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n");
    let mut blocks = Vec::new();
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let items = |pick: fn(&str) -> Option<&str>| -> Option<Vec<Vec<Inline>>> {
            lines.iter().map(|l| pick(l).map(inline)).collect()
        };
        if let Some(items) = items(bullet) {
            blocks.push(Block::Bullets(items));
        } else if let Some(items) = items(numbered) {
            blocks.push(Block::Numbered(items));
        } else {
            let mut out = Vec::new();
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    out.push(Inline::Break);
                }
                out.extend(inline(line));
            }
            blocks.push(Block::Paragraph(out));
        }
    }
    blocks
}

/// Where each marker occurs in a text outside backslash escapes, found in one pass so
/// that a text full of unclosed markers costs no more than a plain one.
struct Marks {
    strong: Vec<usize>,
    emphasis: Vec<usize>,
    link: Vec<usize>,
    /// Every `)`, escaped or not: an address ends at the first.
    paren: Vec<usize>,
}

impl Marks {
    fn of(s: &str) -> Marks {
        let mut marks = Marks {
            strong: Vec::new(),
            emphasis: Vec::new(),
            link: Vec::new(),
            paren: Vec::new(),
        };
        let mut escaped = false;
        for (i, c) in s.char_indices() {
            if c == ')' {
                marks.paren.push(i);
            }
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '*' {
                marks.emphasis.push(i);
                if s[i + 1..].starts_with('*') {
                    marks.strong.push(i);
                }
            } else if c == ']' && s[i + 1..].starts_with('(') {
                marks.link.push(i);
            }
        }
        marks
    }
}

/// The first of `at` (sorted) at or after `from`.
fn first(at: &[usize], from: usize) -> Option<usize> {
    at.get(at.partition_point(|&p| p < from)).copied()
}

fn is_web(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !href.contains(|c: char| c.is_whitespace() || c.is_control())
}

fn inline(s: &str) -> Vec<Inline> {
    let marks = Marks::of(s);
    let mut out = Vec::new();
    let mut text = String::new();
    let mut at = 0;
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while let Some(c) = s[at..].chars().next() {
        if c == '\\' {
            let next = s[at + 1..].chars().next();
            text.push(next.unwrap_or('\\'));
            at += 1 + next.map_or(0, char::len_utf8);
            continue;
        }
        // `marker` at `at`, closed by its next occurrence with something between.
        let wrapped = |marks: &[usize], len: usize| {
            let inner = at + len;
            let end = first(marks, inner).filter(|&e| e > inner)?;
            Some((inner, end, end + len))
        };
        let strong = s[at..].starts_with("**").then(|| wrapped(&marks.strong, 2));
        let emphasis = (c == '*').then(|| wrapped(&marks.emphasis, 1));
        if let Some((inner, end, after)) = strong.flatten() {
            flush(&mut text, &mut out);
            out.push(Inline::Strong(inline(&s[inner..end])));
            at = after;
        } else if let Some((inner, end, after)) = emphasis.flatten() {
            flush(&mut text, &mut out);
            out.push(Inline::Emphasis(inline(&s[inner..end])));
            at = after;
        } else if let Some((label, href, after)) = (c == '[').then(|| link(s, at, &marks)).flatten()
        {
            flush(&mut text, &mut out);
            out.push(Inline::Link {
                href: href.to_owned(),
                text: inline(label),
            });
            at = after;
        } else {
            text.push(c);
            at += c.len_utf8();
        }
    }
    flush(&mut text, &mut out);
    out
}

/// `[label](https://…)` at `at` in `s`: label, address, and where what follows starts.
fn link<'a>(s: &'a str, at: usize, marks: &Marks) -> Option<(&'a str, &'a str, usize)> {
    let close = first(&marks.link, at + 1).filter(|&c| c > at + 1)?;
    let tail = close + 2;
    let end = first(&marks.paren, tail)?;
    let href = &s[tail..end];
    is_web(href).then(|| (&s[at + 1..close], href, end + 1))
}

/// The text alone, for search, calendar files and JSON-LD: blocks on their own lines.
pub fn plain(blocks: &[Block]) -> String {
    fn walk(nodes: &[Inline], out: &mut String) {
        for node in nodes {
            match node {
                Inline::Text(t) => out.push_str(t),
                Inline::Break => out.push('\n'),
                Inline::Emphasis(n) | Inline::Strong(n) | Inline::Link { text: n, .. } => {
                    walk(n, out)
                }
            }
        }
    }
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match block {
            Block::Paragraph(nodes) => walk(nodes, &mut out),
            Block::Bullets(items) | Block::Numbered(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    walk(item, &mut out);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    fn t(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn paragraphs_breaks_and_lists() {
        let blocks = parse("One\nline two\r\n\r\n- a\n- b\n\n1. x\n2. y");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![t("One"), Break, t("line two")]),
                Block::Bullets(vec![vec![t("a")], vec![t("b")]]),
                Block::Numbered(vec![vec![t("x")], vec![t("y")]]),
            ]
        );
    }

    #[test]
    fn emphasis_strong_and_web_links_only() {
        let blocks = parse("*a* **b** [site](https://x.org/p) [bad](javascript:alert(1))");
        let Block::Paragraph(nodes) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(nodes[0], Emphasis(vec![t("a")]));
        assert_eq!(nodes[2], Strong(vec![t("b")]));
        assert_eq!(
            nodes[4],
            Link {
                href: "https://x.org/p".into(),
                text: vec![t("site")]
            }
        );
        assert_eq!(nodes[5], t(" [bad](javascript:alert(1))"));
    }

    #[test]
    fn unmatched_markers_and_escapes_stay_text() {
        assert_eq!(
            parse("2 * 3 = 6"),
            vec![Block::Paragraph(vec![t("2 * 3 = 6")])]
        );
        assert_eq!(
            parse(r"\*not\* \- \[x\]"),
            vec![Block::Paragraph(vec![t("*not* - [x]")])]
        );
        assert_eq!(
            plain(&parse("a **b** [c](https://d.e)\n\n- f")),
            "a b c\n\nf"
        );
    }
}

/// The first version of [`inline`], which searched for each marker's closer afresh
/// (quadratic on texts full of unclosed markers): the new one must read every text the
/// same way.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod same_as_before {
    use super::*;
    use proptest::prelude::*;

    /// Where `marker` next occurs in `s` outside backslash escapes.
    fn find_unescaped(s: &str, marker: &str) -> Option<usize> {
        let mut escaped = false;
        for (i, c) in s.char_indices() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if s[i..].starts_with(marker) {
                return Some(i);
            }
        }
        None
    }

    fn reference(s: &str) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut text = String::new();
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            let flush = |text: &mut String, out: &mut Vec<Inline>| {
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(text)));
                }
            };
            if c == '\\' {
                let next = rest[1..].chars().next();
                text.push(next.unwrap_or('\\'));
                rest = &rest[1 + next.map_or(0, char::len_utf8)..];
                continue;
            }
            let wrapped = |marker: &str| {
                let inner = rest.strip_prefix(marker)?;
                let end = find_unescaped(inner, marker).filter(|&e| e > 0)?;
                Some((&inner[..end], &inner[end + marker.len()..]))
            };
            if let Some((inner, after)) = wrapped("**") {
                flush(&mut text, &mut out);
                out.push(Inline::Strong(reference(inner)));
                rest = after;
            } else if let Some((inner, after)) = wrapped("*") {
                flush(&mut text, &mut out);
                out.push(Inline::Emphasis(reference(inner)));
                rest = after;
            } else if let Some((label, href, after)) = reference_link(rest) {
                flush(&mut text, &mut out);
                out.push(Inline::Link {
                    href: href.to_owned(),
                    text: reference(label),
                });
                rest = after;
            } else {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if !text.is_empty() {
            out.push(Inline::Text(text));
        }
        out
    }

    /// `[label](https://…)` at the start of `s`: label, address, and what follows.
    fn reference_link(s: &str) -> Option<(&str, &str, &str)> {
        let inner = s.strip_prefix('[')?;
        let close = find_unescaped(inner, "](")?;
        let tail = &inner[close + 2..];
        let end = tail.find(')')?;
        let href = &tail[..end];
        (close > 0 && is_web(href)).then(|| (&inner[..close], href, &tail[end + 1..]))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn reads_like_the_first_version(s in r"[*\\\[\]() ah:/.ps\n]{0,40}") {
            prop_assert_eq!(inline(&s), reference(&s));
        }

        #[test]
        fn reads_links_like_the_first_version(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("[".to_owned()), Just("](".to_owned()), Just(")".to_owned()),
                    Just("https://a.b".to_owned()), Just("*".to_owned()), Just("**".to_owned()),
                    Just("\\".to_owned()), Just("x".to_owned()), Just(" ".to_owned()),
                ],
                0..24,
            )
        ) {
            let s = parts.concat();
            prop_assert_eq!(inline(&s), reference(&s));
        }
    }

    #[test]
    fn unclosed_markers_are_read_in_one_pass() {
        // 400,000 characters of openers with no closer: text, and as before.
        for unit in ["[", "[a", "[a](", "[a](javascript:", "[a](https://x.y"] {
            let s = unit.repeat(400_000 / unit.len());
            let nodes = inline(&s);
            assert_eq!(nodes, vec![Inline::Text(s.clone())], "{unit}");
        }
    }
}
