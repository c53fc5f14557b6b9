//! Fuzzes the shared link's reader (src/share.rs): arbitrary text as a fragment, and arbitrary
//! bytes as a link's data past its checksum (what random text almost never reaches). Any panic
//! is a bug; whatever a link yields must link again to the same document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use soc2_readiness::share;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = share::read(text);
    }
    if let Ok(shared) = share::read_payload(data) {
        for names in [false, true] {
            let Ok(link) = share::fragment(&shared.document, names) else {
                assert!(names, "a link without names always fits");
                continue;
            };
            let again = share::read(&link).expect("a link just written reads back");
            if names {
                assert_eq!(again.document, shared.document);
            }
        }
    }
});
