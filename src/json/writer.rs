//! A small JSON writer, just enough for JSON-LD. Besides what JSON requires, it escapes
//! `<`, `>`, `&`, U+2028 and U+2029, so the text can never close the `<script>` element
//! that holds it nor end a line in older JavaScript.

/// A JSON value, just enough for JSON-LD.
pub enum Json {
    Str(String),
    List(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

/// A string value.
pub fn s(text: impl Into<String>) -> Json {
    Json::Str(text.into())
}

impl Json {
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Str(text) => {
                out.push('"');
                for c in text.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        c if (c as u32) < 0x20
                            || matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}') =>
                        {
                            out.push_str(&format!("\\u{:04x}", c as u32));
                        }
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            Json::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    s(*key).write(out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}
