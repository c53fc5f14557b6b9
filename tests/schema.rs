//! The committed JSON Schemas match the Rust types, name the document's fields, and carry the
//! rules import enforces.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use serde_json::Value;
use soc2_readiness::model::{
    MAX_COUNT, MAX_NAME_CHARS, MAX_NOTE_CHARS, OBSERVATION_WINDOWS, SCHEMA_URL,
};
use soc2_readiness::schema::{document_schema_json, engine_schema_json};

fn committed(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default()
}

#[test]
fn committed_schemas_are_up_to_date() {
    assert!(
        document_schema_json() + "\n" == committed("schema/assessment.schema.json"),
        "schema/assessment.schema.json is stale: run `cargo run -- schema > schema/assessment.schema.json`"
    );
    assert!(
        engine_schema_json() + "\n" == committed("schema/engine.schema.json"),
        "schema/engine.schema.json is stale: run `cargo run -- schema --engine > schema/engine.schema.json`"
    );
}

fn schema() -> Value {
    serde_json::from_str(&document_schema_json()).unwrap()
}

/// The definition `name` refers to, following one `$ref`.
fn resolve<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    match node["$ref"].as_str() {
        Some(r) => &schema["$defs"][r.trim_start_matches("#/$defs/")],
        None => node,
    }
}

fn top_description(schema: &Value) -> String {
    schema["properties"]["$schema"]["description"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_schema_names_the_document_fields() {
    let schema = schema();
    // No `$id`: the schema claims no address; exports name where it is served.
    assert!(schema.get("$id").is_none(), "{}", schema["$id"]);
    assert!(top_description(&schema).contains(SCHEMA_URL));
    let top = &schema["properties"];
    for key in ["$schema", "version", "profile", "answers", "mode"] {
        assert!(top.get(key).is_some(), "{key}");
    }
    let profile = resolve(&schema, &top["profile"]);
    let keys: Vec<&str> = profile["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "categories",
        "teamSize",
        "endpoints",
        "apiVersions",
        "integrations",
        "regions",
        "cloudHosted",
        "cloudProviderSoc2",
        "startDate",
        "observationMonths",
    ] {
        assert!(keys.contains(&key), "profile.{key}");
    }
    assert_eq!(profile["additionalProperties"], false, "a typo is an error");
    assert_eq!(profile["required"], serde_json::json!(["startDate"]));
    let answer = resolve(&schema, &top["answers"]["additionalProperties"]);
    let status = resolve(&schema, &answer["properties"]["status"]);
    assert_eq!(
        status["enum"],
        serde_json::json!([
            "implemented",
            "partial",
            "planned",
            "notImplemented",
            "notApplicable"
        ])
    );
}

/// What import rejects with a path, the schema rejects too: the same bounds, from the same
/// constants.
#[test]
fn the_schema_carries_the_import_rules() {
    let schema = schema();
    let profile = &resolve(&schema, &schema["properties"]["profile"])["properties"];
    assert_eq!(
        profile["observationMonths"]["enum"],
        serde_json::json!(OBSERVATION_WINDOWS)
    );
    for (field, min) in [
        ("teamSize", 1),
        ("endpoints", 0),
        ("apiVersions", 1),
        ("integrations", 0),
        ("regions", 1),
    ] {
        assert_eq!(profile[field]["minimum"], min, "{field}");
        assert_eq!(profile[field]["maximum"], MAX_COUNT, "{field}");
    }
    for field in ["organization", "cloudProvider", "complianceOwner"] {
        assert_eq!(profile[field]["maxLength"], MAX_NAME_CHARS, "{field}");
    }
    let answer = resolve(
        &schema,
        &schema["properties"]["answers"]["additionalProperties"],
    );
    assert_eq!(answer["properties"]["note"]["maxLength"], MAX_NOTE_CHARS);
    let date = resolve(&schema, &profile["startDate"]);
    let pattern = regex_lite(date["pattern"].as_str().unwrap());
    for (text, ok) in [
        ("1970-01-01", true),
        ("2199-12-31", true),
        ("1969-12-31", false),
        ("2200-01-01", false),
    ] {
        assert_eq!(pattern(text), ok, "{text}");
        assert_eq!(
            soc2_readiness::Date::parse_start(text).is_ok(),
            ok,
            "import and schema agree on {text}"
        );
    }
}

/// The start-date pattern, `^(19[7-9][0-9]|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$`, checked by hand
/// (no regex engine needed for one fixed shape).
fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool {
    assert_eq!(
        pattern, r"^(19[7-9][0-9]|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$",
        "the schema's start-date pattern changed: update this test"
    );
    |text: &str| {
        let b = text.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
        let year_ok = match (b.first(), b.get(1), b.get(2)) {
            (Some(b'1'), Some(b'9'), Some(d)) => (b'7'..=b'9').contains(d) && digits(3..4),
            (Some(b'2'), Some(b'0' | b'1'), _) => digits(2..4),
            _ => false,
        };
        b.len() == 10 && year_ok && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)
    }
}

#[test]
fn the_engine_schema_names_every_value_the_page_uses() {
    let engine: Value = serde_json::from_str(&engine_schema_json()).unwrap();
    let defs = engine["$defs"].as_object().unwrap();
    for name in [
        "AssessmentDocument",
        "Assessment",
        "Export",
        "Limits",
        "Warning",
        "ImportError",
        "CatalogText",
        "Score",
        "Standing",
    ] {
        assert!(defs.contains_key(name), "{name}");
    }
    // Scores that were not assessed are null, and the field is always there.
    let score = &defs["Score"];
    let required: Vec<&str> = score["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for field in ["design", "operating", "completion", "assessed"] {
        assert!(required.contains(&field), "{field}");
    }
}
