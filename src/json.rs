//! A small JSON parser (RFC 8259) for untrusted input.
//!
//! Why not serde_json's parser: the engine reads documents through a hand-written reader that
//! needs every key (duplicates included) and a depth limit, and the Wasm module is downloaded by
//! every visitor; this parser is a fraction of the size of serde_json's deserializer and float
//! parser. It does not convert fractions (the document has none), it only recognises them.
//! `tests/json.rs` checks it against serde_json on arbitrary and mutated inputs.
//!
//! Also the two string helpers the engine needs on the way out (error paths, the document's size
//! as saved), so that serde_json's serializer stays out of the Wasm engine module (measured: the
//! size check through serde_json retained 6.3 KB of it).

use std::fmt;

/// How `c` is escaped inside a JSON string, as serde_json and `JSON.stringify` write it: `None`
/// when it is written as is.
fn escape(c: char) -> Option<&'static str> {
    Some(match c {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u{8}' => "\\b",
        '\u{c}' => "\\f",
        c if c < ' ' => "\\u00",
        _ => return None,
    })
}

/// `text` as a JSON string literal, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match escape(c) {
            Some("\\u00") => {
                out.push_str("\\u00");
                let byte = u32::from(c);
                out.extend(char::from_digit(byte >> 4, 16));
                out.extend(char::from_digit(byte & 0xf, 16));
            }
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The bytes of `text` as a JSON string literal (quotes included), without writing it.
pub fn quoted_len(text: &str) -> usize {
    text.chars()
        .map(|c| match escape(c) {
            Some("\\u00") => 6,
            Some(e) => e.len(),
            None => c.len_utf8(),
        })
        .sum::<usize>()
        + 2
}

/// A parsed JSON value. Objects keep every member in order, duplicate keys included.
#[derive(Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A whole number within the i64 range.
    Int(i64),
    /// A whole number beyond the i64 range.
    Big,
    /// A number with a fraction or an exponent.
    Float,
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What kind of value this is, for messages ("a string", "an object").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Int(_) | Json::Big | Json::Float => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Why text is not JSON, and where (1-based line and column, in characters).
#[derive(Debug, PartialEq, Eq)]
pub struct ParseError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

/// Parses `text` as one JSON value, rejecting nesting deeper than `max_depth`.
pub fn parse(text: &str, max_depth: usize) -> Result<Json, ParseError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        max_depth,
    };
    p.skip_ws();
    let value = p.value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("trailing characters after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    max_depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> ParseError {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let (mut line, mut column) = (1, 1);
        for c in before.chars() {
            (line, column) = if c == '\n' {
                (line + 1, 1)
            } else {
                (line, column + 1)
            };
        }
        ParseError {
            message,
            line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8, message: &'static str) -> Result<(), ParseError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(message))
        }
    }

    fn value(&mut self) -> Result<Json, ParseError> {
        match self.peek() {
            None => Err(self.error("unexpected end of input")),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Json, ParseError>) -> Result<Json, ParseError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.error("nesting too deep"));
        }
        let value = f(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &'static str, value: Json) -> Result<Json, ParseError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn object(&mut self) -> Result<Json, ParseError> {
        self.pos += 1; // {
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("unexpected end of input in an object")),
                Some(_) => return Err(self.error("expected a string key")),
            }
            let key = self.string()?;
            self.skip_ws();
            self.eat(b':', "expected `:` after an object key")?;
            self.skip_ws();
            let value = self.value()?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                None => return Err(self.error("unexpected end of input in an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self) -> Result<Json, ParseError> {
        self.pos += 1; // [
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.error("unexpected end of input in an array")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.digits() {
            0 => return Err(self.error("invalid number")),
            n if n > 1 && self.bytes.get(int_start) == Some(&b'0') => {
                return Err(self.error("invalid number: leading zero"))
            }
            _ => {}
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            whole = false;
            if self.digits() == 0 {
                return Err(self.error("invalid number: digits expected after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            whole = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number: digits expected in the exponent"));
            }
        }
        if !whole {
            return Ok(Json::Float);
        }
        let text = self.text.get(start..self.pos).unwrap_or("");
        Ok(text.parse::<i64>().map_or(Json::Big, Json::Int))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.text.get(self.pos..self.pos + 4).unwrap_or("");
        let value = (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(digits, 16).ok())
            .flatten()
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(value)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once (the input is valid UTF-8).
            let run_start = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            out.push_str(self.text.get(run_start..self.pos).unwrap_or(""));
            match self.peek() {
                None => return Err(self.error("unexpected end of input in a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = self.peek();
                    self.pos += 1;
                    let c = match escaped {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("invalid escape in a string"));
                        }
                    };
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.error("lone surrogate in a \\u escape"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone surrogate in a \\u escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone surrogate in a \\u escape")),
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))
    }
}

/// `n` in decimal, through the unsigned formatting the engine already uses: `i64`'s own
/// `Display` would add another integer formatter to the Wasm module.
pub(crate) fn int_text(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    if n < 0 {
        format!("-{digits}")
    } else {
        digits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_text_writes_what_i64_display_writes() {
        for n in [i64::MIN, -4_294_967_296, -1, 0, 7, 4_294_967_296, i64::MAX] {
            assert_eq!(int_text(n), n.to_string());
        }
    }

    fn ok(text: &str) -> Json {
        parse(text, 32).unwrap()
    }

    fn err(text: &str) -> ParseError {
        parse(text, 32).unwrap_err()
    }

    #[test]
    fn values() {
        assert_eq!(ok(" null "), Json::Null);
        assert_eq!(
            ok("[true,false]"),
            Json::Array(vec![Json::Bool(true), Json::Bool(false)])
        );
        assert_eq!(ok("-12"), Json::Int(-12));
        assert_eq!(ok("9223372036854775808"), Json::Big);
        assert_eq!(ok("1.5e3"), Json::Float);
        assert_eq!(
            ok(r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#),
            Json::String("a\"\\/\u{8}\u{c}\n\r\té😀".into())
        );
        assert_eq!(
            ok(r#"{"a":1,"a":2}"#),
            Json::Object(vec![("a".into(), Json::Int(1)), ("a".into(), Json::Int(2))])
        );
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = err("{\n  \"a\": 1,\n  \"b\" 2\n}");
        assert_eq!(
            (e.message, e.line, e.column),
            ("expected `:` after an object key", 3, 7)
        );
        for bad in [
            "",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "1e",
            "-",
            "tru",
            "\"\\x\"",
            "\"\u{1}\"",
            "\"\\ud800\"",
            "[1] 2",
            "\"abc",
        ] {
            assert!(parse(bad, 32).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn depth_is_limited() {
        assert!(parse(&format!("{}{}", "[".repeat(32), "]".repeat(32)), 32).is_ok());
        assert_eq!(
            err(&format!("{}{}", "[".repeat(33), "]".repeat(33))).message,
            "nesting too deep"
        );
    }
}
