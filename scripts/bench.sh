#!/usr/bin/env bash
# The benchmark command (README "Performance"): sizes, the engine natively (criterion) and the
# page in headless Chromium. Reports figures; asserts nothing. Run after `make build`.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh --test >/dev/null
echo "soc2-readiness benchmark, $(date -u +%F), $(nproc) cores, $(uname -m), $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
node scripts/sizes.mjs
say "engine, natively (criterion)"
cargo bench --quiet --bench assess -- --noplot 2>/dev/null | awk '/^assess|^import|^one/ { name=$0 } /time:/ { printf "  %-62s %s %s %s %s %s %s\n", name, $2, $3, $4, $5, $6, $7 }'
say "page, in headless Chromium"
node scripts/bench-browser.mjs "$@"
