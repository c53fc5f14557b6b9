#!/usr/bin/env bash
# Runs every test: formatting, lints, native tests, Wasm binding tests (Node and headless
# Chromium), the release build with its size report and budget, the OSCAL validation, and the
# browser end-to-end suite. Ends with a summary; exits non-zero on any failure.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh --test

results=()
failed=0
step() {
  local name="$1"; shift
  say "$name"
  local t0=$SECONDS
  if "$@"; then
    results+=("$(printf '%s  pass%s  %-44s %4ss' "$G" "$N" "$name" $((SECONDS - t0)))")
  else
    results+=("$(printf '%s  FAIL%s  %-44s %4ss' "$R" "$N" "$name" $((SECONDS - t0)))")
    failed=1
  fi
}

export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
step "cargo fmt --check"                 cargo fmt --all --check
step "cargo clippy (native, all targets)" cargo clippy --quiet --all-targets -- -D warnings
step "cargo clippy (wasm32 engine)"      cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
step "cargo clippy (wasm32 exports)"     cargo clippy --quiet --lib --target wasm32-unknown-unknown --features exports -- -D warnings
step "cargo test (native; OSCAL validated)" env SOC2_OSCAL_VALIDATE=1 cargo test --quiet
step "wasm-bindgen tests (Node)"         wasm-pack test --node -- --test wasm_node
step "wasm-bindgen tests (headless Chrome)" wasm-pack test --headless --chrome -- --test wasm_browser
step "wasm-bindgen tests (exports, Node)" wasm-pack test --node -- --test wasm_exports --features exports
step "release build + size budget"       bash scripts/build.sh --check
step "TypeScript declarations (tsc)"     tsc -p tests/types
# The browser suite compares the page's exports with the native CLI's.
step "native CLI (release)"              cargo build --release --quiet --bin soc2-readiness
step "schema validation (ajv)"           node --test tests/schema/
step "page words in every language"      node --test tests/i18n/
step "packages (cargo publish --dry-run, npm pack)" bash scripts/package-check.sh
step "npm package: Vite consumer (Chromium)" node --test --test-concurrency=1 tests/package/
step "browser end-to-end (Chromium)"     node --test --test-concurrency=1 tests/e2e/

echo
say "summary"
printf '%s\n' "${results[@]}"
if [ "$failed" = 0 ]; then
  printf '%sall checks passed%s\n' "$G" "$N"
else
  printf '%ssome checks failed%s (scroll up for details)\n' "$R" "$N"
  exit 1
fi
