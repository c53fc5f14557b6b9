//! Fuzzes the untrusted-input path: import, then everything a page does with an imported document
//! (assess, every report format), and the catalog-text reader. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use soc2_readiness::{assess_text, import::read_catalog_text, oscal, report, to_json};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = read_catalog_text(text);
    if let Ok(export) = assess_text(text) {
        let json = to_json(&export);
        // An export always re-imports, to the same results.
        let again = assess_text(&json).expect("an export re-imports");
        assert_eq!(to_json(&again), json);
        let _ = report::markdown(&export);
        let _ = report::csv(&export);
        let stamp = oscal::Timestamp::midnight(export.profile.start_date);
        let _ = to_json(&oscal::assessment_results(&export, stamp));
    }
});
