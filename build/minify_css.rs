//! Strips comments and needless whitespace from a stylesheet, and nothing else: strings
//! and escapes are copied as they are, whitespace that separates tokens stays as one
//! space, and rules, selectors and values are left untouched.

/// Characters around which whitespace never means anything.
fn is_separator(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',')
}

/// The stylesheet without comments and without whitespace next to `{`, `}`, `;` or
/// `,`; any other run of whitespace becomes one space. A comment written directly
/// between two other characters (`a/**/b`) is refused, because removing it could join
/// two tokens into one.
pub fn minify(css: &str) -> Result<String, String> {
    let chars: Vec<char> = css.chars().collect();
    let mut out = String::with_capacity(css.len());
    // Whitespace or a comment was skipped since the last character written.
    let mut gap = false;
    let mut i = 0;
    let push = |out: &mut String, gap: &mut bool, c: char| {
        if *gap && !out.is_empty() && !out.ends_with(is_separator) && !is_separator(c) {
            out.push(' ');
        }
        *gap = false;
        out.push(c);
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            let end = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == '*' && chars[j + 1] == '/')
                .ok_or_else(|| format!("unclosed comment at character {i}"))?;
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(end + 2).copied();
            let joins = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && !is_separator(c));
            if joins(before) && joins(after) {
                return Err(format!(
                    "comment at character {i} sits directly between two tokens"
                ));
            }
            gap = true;
            i = end + 2;
        } else if c.is_whitespace() {
            gap = true;
            i += 1;
        } else if c == '"' || c == '\'' {
            push(&mut out, &mut gap, c);
            i += 1;
            loop {
                let Some(&s) = chars.get(i) else {
                    return Err("unclosed string".into());
                };
                out.push(s);
                i += 1;
                if s == '\\' {
                    if let Some(&escaped) = chars.get(i) {
                        out.push(escaped);
                        i += 1;
                    }
                } else if s == c {
                    break;
                } else if s == '\n' {
                    return Err("line break inside a string".into());
                }
            }
        } else if c == '\\' {
            // An escape outside a string (`\:` in a selector, say): kept with the
            // character it escapes, even whitespace.
            push(&mut out, &mut gap, c);
            if let Some(&escaped) = chars.get(i + 1) {
                out.push(escaped);
            }
            i += 2;
        } else {
            push(&mut out, &mut gap, c);
            i += 1;
        }
    }
    Ok(out)
}
