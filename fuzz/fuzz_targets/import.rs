//! Fuzzes the untrusted-input path: the JSON parser (against serde_json), import, then everything a page does with an imported document
//! (assess, every report format), and the catalog-text reader. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use soc2_readiness::{assess_text, import, import::read_catalog_text, oscal, report, to_json, Export};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
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
    let _ = read_catalog_text(text);
    if let Ok(imported) = import(text) {
        let export = Export::new(imported.document);
        let json = to_json(&export);
        // An export always re-imports, to the same results (import warnings concern the input
        // file, whose unknown fields the export no longer carries).
        let again = assess_text(&json).expect("an export re-imports");
        assert_eq!(to_json(&again), json);
        let _ = report::markdown(&export, soc2_readiness::catalog::english());
        let _ = report::csv(&export, soc2_readiness::catalog::english());
        let stamp = oscal::Timestamp::midnight(export.profile.start_date);
        let _ = to_json(&oscal::assessment_results(&export, soc2_readiness::catalog::english(), stamp));
    }
});
