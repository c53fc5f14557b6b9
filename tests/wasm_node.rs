//! The engine session in Node (`wasm-pack test --node -- --test wasm_node`).
#![cfg(all(target_arch = "wasm32", not(feature = "exports")))]

mod wasm;
use wasm_bindgen_test::wasm_bindgen_test;

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
