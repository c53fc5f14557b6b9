//! The engine session in headless Chromium (`wasm-pack test --headless --chrome -- --test wasm_browser`).
#![cfg(all(target_arch = "wasm32", not(feature = "exports")))]

mod wasm;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn malformed_values_never_throw_and_change_nothing() {
    wasm::malformed_values_never_throw_and_change_nothing();
}

#[wasm_bindgen_test]
fn changes_round_trip_through_the_session() {
    wasm::changes_round_trip_through_the_session();
}

#[wasm_bindgen_test]
fn answers_grow_to_the_limits_and_no_further() {
    wasm::answers_grow_to_the_limits_and_no_further();
}

#[wasm_bindgen_test]
fn a_summary_written_by_changes_equals_the_summary_written_whole() {
    wasm::a_summary_written_by_changes_equals_the_summary_written_whole();
}
