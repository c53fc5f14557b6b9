//! The WebAssembly boundary: a thin layer over the engine for the web component and npm users.
//!
//! Values cross as JSON (the browser's native `JSON.parse`/`stringify` on the JS side, serde_json
//! on ours), which keeps one serialiser in the module. Nothing here throws or panics: every
//! function returns an `Outcome`-shaped object, `{ ok: true, value }` or `{ ok: false, error }`,
//! whose error names the problem and its JSON path.

use crate::oscal::{self, Timestamp};
use crate::{assess_text, import, report, to_json, Date, Document, ImportError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TS_OUTCOME: &str = r#"
/** Result of every engine call: a value, or an error naming the JSON path of the problem. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ImportError };
/** Formats `report` produces. */
export type ReportFormat = "markdown" | "csv" | "json" | "oscal";
/** A document that passed import, with what the import ignored. */
export interface ImportedDocument { document: AssessmentDocument; warnings: Warning[] }
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// Turns an outcome into a JS object. `ok` is written as a boolean, not a string.
fn outcome<T: Serialize>(result: Result<T, ImportError>) -> JsValue {
    let text = match result {
        Ok(value) => format!("{{\"ok\":true,\"value\":{}}}", to_json(&value)),
        Err(error) => format!("{{\"ok\":false,\"error\":{}}}", to_json(&error)),
    };
    json_parse(&text).unwrap_or(JsValue::NULL)
}

fn boundary_error(message: &str) -> ImportError {
    ImportError {
        path: "$".into(),
        message: message.into(),
    }
}

/// Reads a JS value as document text, the same way a file import would be read.
fn document_text(value: &JsValue) -> Result<String, ImportError> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    json_stringify(value)
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| boundary_error("expected an assessment document object or JSON text"))
}

/// Supplies the long control texts (questions, help, remediation) from `catalog.json`, which the
/// build writes beside the module: the Wasm engine leaves them out to stay small. Reports made
/// before this call have empty remediation and evidence text.
#[wasm_bindgen(js_name = provideCatalogText, unchecked_return_type = "Outcome<number>")]
pub fn provide_catalog_text(#[wasm_bindgen(js_name = catalogJson)] catalog_json: &str) -> JsValue {
    outcome(import::read_catalog_text(catalog_json).map(|texts| {
        let n = texts.controls.len();
        crate::catalog::provide_text(texts);
        n
    }))
}

/// A new, empty full assessment starting on `startDate` (`YYYY-MM-DD`).
#[wasm_bindgen(js_name = newDocument, unchecked_return_type = "Outcome<AssessmentDocument>")]
pub fn new_document(#[wasm_bindgen(js_name = startDate)] start_date: &str) -> JsValue {
    outcome(
        Date::parse(start_date)
            .and_then(Date::check_start)
            .map(Document::new)
            .map_err(|m| ImportError {
                path: "$.profile.startDate".into(),
                message: m,
            }),
    )
}

/// What the import functions return: the document, and what the import ignored.
#[derive(Serialize)]
struct Imported {
    document: Document,
    warnings: Vec<crate::Warning>,
}

fn imported(result: Result<import::Imported, ImportError>) -> JsValue {
    outcome(result.map(|i| Imported {
        document: i.document,
        warnings: i.warnings,
    }))
}

/// Parses and validates untrusted text (local storage, a value set by a host page) as an
/// assessment document.
#[wasm_bindgen(js_name = importDocument, unchecked_return_type = "Outcome<ImportedDocument>")]
pub fn import_document(text: &str) -> JsValue {
    imported(import::import(text))
}

/// Assesses a document: the document with readiness, blockers, gaps, timeline and warnings.
#[wasm_bindgen(unchecked_return_type = "Outcome<Export>")]
pub fn assess(
    #[wasm_bindgen(unchecked_param_type = "AssessmentDocument | string")] document: JsValue,
) -> JsValue {
    outcome(document_text(&document).and_then(|t| assess_text(&t)))
}

/// Renders a document as Markdown, CSV, JSON (the export) or OSCAL assessment results (JSON).
/// `generatedAt` is an RFC 3339 timestamp with timezone for OSCAL metadata (the engine reads no
/// clock); without it, OSCAL uses the start date at midnight UTC. Other formats ignore it.
#[wasm_bindgen(unchecked_return_type = "Outcome<string>")]
pub fn report(
    #[wasm_bindgen(unchecked_param_type = "AssessmentDocument | string")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReportFormat")] format: &str,
    #[wasm_bindgen(js_name = generatedAt)] generated_at: Option<String>,
) -> JsValue {
    let result = document_text(&document)
        .and_then(|t| assess_text(&t))
        .and_then(|export| match format {
            "markdown" => Ok(report::markdown(&export)),
            "csv" => Ok(report::csv(&export)),
            "json" => Ok(to_json(&export)),
            "oscal" => {
                let at = match generated_at.as_deref() {
                    None => Timestamp::midnight(export.profile.start_date),
                    Some(text) => Timestamp::parse(text).map_err(|message| ImportError {
                        path: "generatedAt".into(),
                        message,
                    })?,
                };
                Ok(to_json(&oscal::assessment_results(&export, at)))
            }
            other => Err(ImportError {
                path: "format".into(),
                message: format!(
                    "unknown format `{}`; use markdown, csv, json or oscal",
                    other.chars().take(40).collect::<String>()
                ),
            }),
        });
    outcome(result)
}
