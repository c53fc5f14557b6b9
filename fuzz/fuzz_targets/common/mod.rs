//! What every fuzz target checks about an input: the JSON parser judges it as serde_json does,
//! import never panics, and whatever import accepts exports to a file that re-imports to the same
//! document and byte-identical results, with reports that can be made from it.

use soc2_readiness::import::import_bytes;
use soc2_readiness::{assess_text, oscal, report, to_json, Export};

pub fn check(bytes: &[u8]) {
    let imported = import_bytes(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        assert!(imported.is_err(), "invalid UTF-8 was accepted");
        return;
    };
    // The hand-written parser judges text as serde_json does (numbers beyond f64 and nesting
    // limits aside: the two set them differently).
    let ours = soc2_readiness::json::parse(text, 100);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    let limits = matches!(&ours, Err(e) if e.message == "nesting too deep")
        || matches!(&theirs, Err(e) if e.to_string().contains("recursion limit")
            || e.to_string().contains("number out of range"));
    if !limits {
        assert_eq!(ours.is_ok(), theirs.is_ok(), "parsers disagree on {text:?}");
    }
    // Catalog text as the exports module reads it: never a panic, whatever the input.
    if let Ok(t) = serde_json::from_str::<soc2_readiness::catalog::CatalogText>(text) {
        let _ = t.checked();
    }
    if let Ok(imported) = imported {
        let export = Export::new(imported.document.clone());
        let json = to_json(&export);
        // An export always re-imports, to the same document and results (import warnings
        // concern the input file, whose unknown fields the export no longer carries).
        let again = import_bytes(json.as_bytes()).expect("an export re-imports");
        assert_eq!(again.document, imported.document, "import → export → import changed it");
        assert_eq!(to_json(&assess_text(&json).expect("re-assesses")), json);
        let csv = report::csv(&export, soc2_readiness::catalog::english());
        assert!(
            !csv.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
            "raw control character in the CSV"
        );
        let _ = report::markdown(&export, soc2_readiness::catalog::english());
        let stamp = oscal::Timestamp::midnight(export.profile.start_date);
        let _ = to_json(&oscal::assessment_results(&export, soc2_readiness::catalog::english(), stamp));
    }
}

