//! Fuzzes the untrusted-input path with arbitrary bytes: the JSON parser (against serde_json),
//! import from bytes (as the CLI reads files), then everything a page does with an imported
//! document (assess, every report format), and the catalog-text reader. Any panic is a bug.
//! `import_structured` feeds the same checks large structured documents.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::check(data));
