//! JSON Schemas generated from the Rust types (schemars):
//! - the assessment document's, published (`schema/assessment.schema.json`, the `$schema` of every
//!   export); regenerate with `soc2-readiness schema > schema/assessment.schema.json`;
//! - the engine's, every value crossing the Wasm boundary (`schema/engine.schema.json`), from which
//!   the build writes the TypeScript declarations (`scripts/types.mjs`); regenerate with
//!   `soc2-readiness schema --engine > schema/engine.schema.json`.
//!
//! `tests/schema.rs` keeps both committed copies equal to these functions' output.

use crate::catalog::CatalogText;
use crate::import::{ImportError, Warning};
use crate::model::{Document, Limits, Mode, Profile, Status, SCHEMA_URL};
use crate::{Assessment, Export};

/// The schema as pretty JSON.
pub fn document_schema_json() -> String {
    // No `$id`: the schema is served wherever the site or package is hosted, at
    // `SCHEMA_URL` relative to it; no address is claimed that the project does not serve.
    let mut schema = schemars::schema_for!(Document);
    schema.insert("title".into(), "SOC 2 readiness assessment document".into());
    if let Some(props) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        // Exports carry `$schema` and computed results; import accepts and recomputes them.
        props.insert(
            "$schema".into(),
            serde_json::json!({
                "type": "string",
                "description": format!("URL of this schema (`{SCHEMA_URL}` of the site that serves it)")
            }),
        );
    }
    crate::to_json(&schema)
}

/// The schema of every value crossing the Wasm boundary, as `$defs` named after the TypeScript
/// types (`AssessmentDocument`, `Assessment`, `Export`, `Limits`, `CatalogText`, …).
pub fn engine_schema_json() -> String {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<Document>();
    generator.subschema_for::<Profile>();
    generator.subschema_for::<Status>();
    generator.subschema_for::<Mode>();
    generator.subschema_for::<Assessment>();
    generator.subschema_for::<crate::summary::Summary>();
    generator.subschema_for::<Export>();
    generator.subschema_for::<Limits>();
    generator.subschema_for::<Warning>();
    generator.subschema_for::<ImportError>();
    generator.subschema_for::<CatalogText>();
    generator.subschema_for::<crate::oscal::OscalFile>();
    generator.subschema_for::<crate::compare::Comparison>();
    generator.subschema_for::<crate::share::SharedText>();
    let defs: serde_json::Map<String, serde_json::Value> = generator.take_definitions(true);
    crate::to_json(&serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "soc2-readiness engine values",
        "description": "Every value the Wasm engine takes or returns; the build writes TypeScript declarations from it.",
        "$defs": defs,
    }))
}
