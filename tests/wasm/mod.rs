//! Shared checks for the Wasm binding tests (Node and browser): every exported function, fed
//! malformed values, returns `{ ok: false, error: { path, message } }` instead of throwing or
//! panicking, and well-formed calls round-trip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use js_sys::{Reflect, JSON};
use soc2_readiness::wasm::{assess, import_document, new_document, provide_catalog_text, report};
use wasm_bindgen::JsValue;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// Asserts `outcome` is an error and returns its (path, message).
pub fn expect_error(outcome: &JsValue) -> (String, String) {
    assert_eq!(
        get(outcome, "ok"),
        JsValue::FALSE,
        "expected an error outcome"
    );
    let error = get(outcome, "error");
    (
        get(&error, "path").as_string().unwrap(),
        get(&error, "message").as_string().unwrap(),
    )
}

/// Asserts `outcome` is a success and returns its value.
pub fn expect_ok(outcome: &JsValue) -> JsValue {
    assert_eq!(
        get(outcome, "ok"),
        JsValue::TRUE,
        "expected a success outcome"
    );
    get(outcome, "value")
}

pub fn malformed_values_never_throw() {
    let junk: Vec<JsValue> = vec![
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from(42),
        JsValue::TRUE,
        JsValue::from_str(""),
        JsValue::from_str("{"),
        JsValue::from_str("[]"),
        JsValue::from_str(&"[".repeat(10_000)),
        JSON::parse(r#"{"version":1,"profile":{"startDate":"2027-13-01"}}"#).unwrap(),
        JSON::parse(r#"{"version":99}"#).unwrap(),
        JSON::parse(
            r#"{"version":1,"profile":{"startDate":"2027-01-04"},"answers":{"x":{"status":7}}}"#,
        )
        .unwrap(),
        js_sys::Symbol::for_("s").into(),
    ];
    for value in &junk {
        expect_error(&assess(value.clone()));
        for format in ["markdown", "csv", "json", "oscal", "pdf", ""] {
            expect_error(&report(value.clone(), format, None));
        }
    }
    for text in ["", "null", "{", "2027", "\u{0}", &"{\"a\":".repeat(5000)] {
        expect_error(&import_document(text));
        expect_error(&provide_catalog_text(text));
    }
    let (path, _) = expect_error(&new_document("2027-02-30"));
    assert_eq!(path, "$.profile.startDate");
    expect_error(&new_document(""));
    // The one start-date range: what import refuses, a new document refuses too.
    let (path, message) = expect_error(&new_document("3000-01-01"));
    assert_eq!(path, "$.profile.startDate");
    assert!(message.contains("1970-01-01 to 2199-12-31"), "{message}");
    // A leading byte order mark is skipped, as the CLI skips it in a file.
    expect_ok(&import_document(
        "\u{feff}{\"version\":1,\"profile\":{\"startDate\":\"2027-01-04\"}}",
    ));
}

pub fn a_document_round_trips_through_every_function() {
    let doc = expect_ok(&new_document("2027-01-04"));
    let export = expect_ok(&assess(doc.clone()));
    let overall = get(&get(&get(&export, "readiness"), "overall"), "design");
    assert!(overall.as_f64().unwrap() <= 100.0);
    let text = JSON::stringify(&export).unwrap().as_string().unwrap();
    let imported = expect_ok(&import_document(&text));
    let again = expect_ok(&assess(get(&imported, "document")));
    assert_eq!(
        JSON::stringify(&again).unwrap().as_string(),
        JSON::stringify(&export).unwrap().as_string(),
        "an export re-imports to the same results"
    );
    for format in ["markdown", "csv", "json", "oscal"] {
        let out = expect_ok(&report(
            doc.clone(),
            format,
            Some("2027-01-04T09:30:00Z".into()),
        ));
        assert!(!out.as_string().unwrap().is_empty(), "{format}");
    }
    let (path, _) = expect_error(&report(doc, "pdf", None));
    assert_eq!(path, "format");
}
