//! The hand-written JSON parser agrees with serde_json: same values for valid JSON, and the same
//! accept/reject decision on arbitrary and mutated text.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use proptest::prelude::*;
use serde_json::Value;
use soc2_readiness::json::{parse, Json};

/// Whether `ours` holds the same value as `theirs` (objects without duplicate keys).
fn same(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Int(a), Value::Number(n)) => n.as_i64() == Some(*a),
        (Json::Big, Value::Number(n)) => n.as_i64().is_none() && (n.is_u64() || n.is_f64()),
        (Json::Float, Value::Number(n)) => n.is_f64(),
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text that is often almost JSON.
fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"".to_string()),
        Just(" ".to_string()),
        Just("true".to_string()),
        Just("nul".to_string()),
        Just("-0".to_string()),
        Just("01".to_string()),
        Just("1.5e-3".to_string()),
        Just("\\u00e9".to_string()),
        Just("\\ud800".to_string()),
        Just("\\".to_string()),
        Just("\"k\":".to_string()),
        Just("\n".to_string()),
        "[a-z0-9.eE+-]{1,3}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn valid_json_parses_to_the_same_value(v in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { v.to_string() };
        let ours = parse(&text, 64).unwrap();
        prop_assert!(same(&ours, &v), "{text}");
    }

    #[test]
    fn accepts_and_rejects_what_serde_json_does(text in jsonish()) {
        let theirs = serde_json::from_str::<Value>(&text);
        // serde_json also rejects numbers beyond f64; this parser does not read their value.
        if let Err(e) = &theirs {
            prop_assume!(!e.to_string().contains("number out of range"));
        }
        prop_assert_eq!(parse(&text, 64).is_ok(), theirs.is_ok(), "{:?}", text);
    }

    #[test]
    fn mutated_json_is_judged_like_serde_json(v in value(), at in any::<prop::sample::Index>(), cut in any::<bool>(), byte in 0x20u8..0x7f) {
        let mut text = v.to_string();
        let i = at.index(text.len() + 1);
        if !text.is_char_boundary(i) { return Ok(()); }
        if cut { text.truncate(i) } else { text.insert(i, char::from(byte)) }
        let theirs = serde_json::from_str::<Value>(&text);
        if let Err(e) = &theirs {
            prop_assume!(!e.to_string().contains("number out of range"));
        }
        prop_assert_eq!(parse(&text, 64).is_ok(), theirs.is_ok(), "{:?}", text);
    }
}
