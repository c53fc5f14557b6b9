//! JSON Schema of the assessment document, generated from the Rust types (native builds only).
//!
//! The committed copy, `schema/assessment.schema.json`, is checked against this output by
//! `tests/schema.rs`; regenerate it with `soc2-readiness schema > schema/assessment.schema.json`.

use crate::model::{Document, SCHEMA_URL};

/// The schema as pretty JSON.
pub fn document_schema_json() -> String {
    let mut schema = schemars::schema_for!(Document);
    schema.insert("$id".into(), SCHEMA_URL.into());
    schema.insert("title".into(), "SOC 2 readiness assessment document".into());
    if let Some(props) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        // Exports carry `$schema` and computed results; import accepts and recomputes them.
        props.insert(
            "$schema".into(),
            serde_json::json!({ "type": "string", "description": "URL of this schema" }),
        );
    }
    crate::to_json(&schema)
}
