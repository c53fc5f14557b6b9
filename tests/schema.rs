//! The committed JSON Schema matches the Rust types, and describes real documents.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use serde_json::Value;

#[test]
fn committed_schema_is_up_to_date() {
    let generated = soc2_readiness::schema::document_schema_json() + "\n";
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/assessment.schema.json"
    ))
    .unwrap_or_default();
    assert!(
        generated == committed,
        "schema/assessment.schema.json is stale: run `cargo run -- schema > schema/assessment.schema.json`"
    );
}

#[test]
fn schema_pins_the_document_names() {
    let schema: Value =
        serde_json::from_str(&soc2_readiness::schema::document_schema_json()).unwrap();
    assert_eq!(schema["$id"], soc2_readiness::model::SCHEMA_URL);
    let props = &schema["properties"];
    for key in ["$schema", "version", "profile", "answers", "mode"] {
        assert!(props.get(key).is_some(), "{key}");
    }
    let text = schema.to_string();
    for name in [
        "startDate",
        "observationMonths",
        "categories",
        "processingIntegrity",
        "notImplemented",
        "notApplicable",
        "evidence",
        "note",
    ] {
        assert!(text.contains(name), "{name}");
    }
}
