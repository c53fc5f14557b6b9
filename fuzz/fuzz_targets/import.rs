//! Fuzzes the untrusted-input path: import, then everything a page does with an imported document
//! (assess, every report format), and the catalog-text reader. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use soc2_readiness::{assess_text, import, import::read_catalog_text, oscal, report, to_json, Export};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = read_catalog_text(text);
    if let Ok(imported) = import(text) {
        let export = Export::new(imported.document);
        let json = to_json(&export);
        // An export always re-imports, to the same results (import warnings concern the input
        // file, whose unknown fields the export no longer carries).
        let again = assess_text(&json).expect("an export re-imports");
        assert_eq!(to_json(&again), json);
        let _ = report::markdown(&export);
        let _ = report::csv(&export);
        let stamp = oscal::Timestamp::midnight(export.profile.start_date);
        let _ = to_json(&oscal::assessment_results(&export, stamp));
    }
});
