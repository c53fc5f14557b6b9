//! The Wasm bindings in Node (`wasm-pack test --node -- --test wasm_node`).
#![cfg(target_arch = "wasm32")]

mod wasm;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn malformed_values_never_throw() {
    wasm::malformed_values_never_throw();
}

#[wasm_bindgen_test]
fn a_document_round_trips_through_every_function() {
    wasm::a_document_round_trips_through_every_function();
}
