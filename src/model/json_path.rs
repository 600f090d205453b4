//! Finds the field path (`people[2].name`) at a position in a JSON text.
//!
//! serde_json reports a line and column for each error; this small scanner turns that
//! position into a path. It stands in for `serde_path_to_error`, which costs about 45 KB
//! of wasm; tests check that both give the same path.

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

fn render(frames: &[Frame]) -> String {
    let mut path = String::new();
    for frame in frames {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// Byte offset of a 1-based `line` and `column` (serde_json counts columns in bytes).
pub fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let line_start = json
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(at, _)| at + 1);
    let start = if line <= 1 { 0 } else { line_start };
    (start + column).min(json.len())
}

/// The path of the value that starts at `offset`, or that the text up to `offset` is
/// inside. When the text up to `offset` ends with a closing bracket or an object key,
/// the object is meant: serde reports a missing field after `}`, and an unknown enum
/// variant or a duplicate field right after the key. With `last_member`, a closing `}`
/// means the object's last member instead: serde_json places an error raised inside a
/// value (a bad date, say) after the object when that value came last.
pub fn path_at(json: &str, offset: usize, last_member: bool) -> String {
    let bytes = json.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut closed: Option<String> = None;
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        let b = bytes[i];
        if !b.is_ascii_whitespace() {
            closed = None;
        }
        match b {
            b'{' => frames.push(Frame::Object { key: None }),
            b'[' => frames.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                let member = render(&frames);
                frames.pop();
                closed = Some(if last_member && b == b'}' {
                    member
                } else {
                    render(&frames)
                });
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key }) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key: key @ None }) = frames.last_mut() {
                    let raw = &json[start..(i + 1).min(json.len())];
                    *key = Some(
                        serde_json::from_str::<String>(raw)
                            .unwrap_or_else(|_| raw.trim_matches('"').to_owned()),
                    );
                    closed = Some(render(&frames[..frames.len() - 1]));
                }
            }
            _ => {}
        }
        i += 1;
    }
    closed.unwrap_or_else(|| render(&frames))
}
