//! The Wasm bindings in headless Chromium (`wasm-pack test --headless --chrome -- --test wasm_browser`).
#![cfg(target_arch = "wasm32")]

mod wasm;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn malformed_values_never_throw() {
    wasm::malformed_values_never_throw();
}

#[wasm_bindgen_test]
fn a_document_round_trips_through_every_function() {
    wasm::a_document_round_trips_through_every_function();
}
