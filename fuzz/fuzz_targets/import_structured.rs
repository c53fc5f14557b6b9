//! Fuzzes import with large structured documents built from a recipe (the input bytes): many
//! keys (up to 150,000 in one object: top level, profile, answers, ignored results), strings at
//! the length limits (notes 4,000, names 200, ids 100 characters; non-BMP and escaped
//! characters), deep but legal nesting (and one level too deep), duplicate keys far apart. Random
//! bytes rarely build those, and no other test did. The checks are `import`'s (`common::check`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use soc2_readiness::catalog;

#[path = "common/mod.rs"]
mod common;

fuzz_target!(|recipe: &[u8]| common::check(structured(recipe).as_bytes()));

/// Reads the recipe a byte at a time; zeros when it runs out.
struct Recipe<'a>(std::slice::Iter<'a, u8>);

impl Recipe<'_> {
    fn byte(&mut self) -> u8 {
        self.0.next().copied().unwrap_or(0)
    }
    /// A number below `max`, strongly biased towards small ones (two bytes, cubed), so that most
    /// runs stay fast and the largest sizes still come up.
    fn size(&mut self, max: usize) -> usize {
        let raw = u128::from(u16::from_le_bytes([self.byte(), self.byte()]));
        let scaled = raw * raw * raw * max as u128 / (65_536u128 * 65_536 * 65_536);
        scaled as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::from(self.byte()) % items.len()]
    }
}

/// Characters that stress lengths and escaping: BMP, non-BMP, escaped, invisible.
const CHARS: [&str; 10] = [
    "a", "é", "漢", "😀", "\\u0001", "\\\"", "\\\\", "\\ud83d\\ude00", "\u{feff}", "\u{10ffff}",
];

/// A JSON string of about `n` characters drawn from CHARS.
fn string(r: &mut Recipe, n: usize) -> String {
    let (a, b) = (r.pick(&CHARS), r.pick(&CHARS));
    let mut s = String::from("\"");
    for i in 0..n {
        s.push_str(if i % 7 == 3 { b } else { a });
    }
    s.push('"');
    s
}

fn structured(recipe: &[u8]) -> String {
    let mut r = Recipe(recipe.iter());
    let ids: Vec<&str> = catalog::controls().iter().map(|c| c.id).collect();
    let date = r.pick(&["2027-01-04", "1970-01-01", "2199-12-31", "2200-01-01", "3000-01-01"]);
    let mut profile = vec![format!("\"startDate\":\"{date}\"")];
    let mut top = vec!["\"version\":1".to_string()];
    let mut answers = Vec::new();
    match r.byte() % 4 {
        // Many keys in one object.
        0 => {
            let n = r.size(150_000);
            let duplicate_at = r.size(n + 1);
            let key = |i: usize| {
                if i == duplicate_at && i > 0 {
                    "k0".to_string()
                } else {
                    format!("k{i:x}")
                }
            };
            match r.byte() % 4 {
                0 => top.extend((0..n).map(|i| format!("\"{}\":0", key(i)))),
                1 => profile.extend((0..n).map(|i| format!("\"{}\":0", key(i)))),
                2 => answers.extend((0..n).map(|i| format!("\"{}\":{{\"status\":\"planned\"}}", key(i)))),
                _ => {
                    let members: Vec<String> = (0..n).map(|i| format!("\"{}\":[]", key(i))).collect();
                    top.push(format!("\"readiness\":{{{}}}", members.join(",")));
                }
            }
        }
        // Long strings near the limits: notes (4,000), names (200), ids (100).
        1 => {
            for field in ["organization", "complianceOwner", "cloudProvider"] {
                let n = 190 + r.size(20);
                profile.push(format!("\"{field}\":{}", string(&mut r, n)));
            }
            let count = r.size(ids.len() + 1);
            for id in ids.iter().take(count) {
                let n = 3_990 + r.size(20);
                answers.push(format!("\"{id}\":{{\"status\":\"partial\",\"note\":{}}}", string(&mut r, n)));
            }
            for i in 0..r.size(520) {
                let n = 90 + r.size(20);
                let id = string(&mut r, n);
                let id = format!("\"{i}{}", id.get(1..).unwrap_or("\""));
                answers.push(format!("{id}:{{\"status\":\"planned\"}}"));
            }
        }
        // Deep nesting, legal and not, in an ignored field and where a value is expected.
        2 => {
            let depth = r.size(40);
            let mut nested = String::from("0");
            for level in 0..depth {
                nested = if r.byte() % 2 == 0 {
                    format!("[{nested},{level}]")
                } else {
                    format!("{{\"l{level}\":{nested},\"x\":null}}")
                };
            }
            let at = r.pick(&["gaps", "colour", "answers", "profile"]);
            match at {
                "profile" => profile.push(format!("\"categories\":{nested}")),
                "answers" => answers.push(format!("\"{}\":{nested}", ids[0])),
                other => top.push(format!("\"{other}\":{nested}")),
            }
        }
        // A large valid document: every control answered, notes of every length.
        _ => {
            let statuses = ["implemented", "partial", "planned", "notImplemented", "notApplicable"];
            for id in &ids {
                let n = r.size(4_001);
                let status = r.pick(&statuses);
                answers.push(format!("\"{id}\":{{\"status\":\"{status}\",\"evidence\":true,\"note\":{}}}", string(&mut r, n)));
            }
        }
    }
    top.push(format!("\"profile\":{{{}}}", profile.join(",")));
    top.push(format!("\"answers\":{{{}}}", answers.join(",")));
    format!("{{{}}}", top.join(","))
}
