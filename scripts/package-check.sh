#!/usr/bin/env bash
# Checks both packages without publishing anything (`make package`; `make test` runs it):
#   - the crate: `cargo package --list` holds what the crate needs and nothing of the page,
#     scripts or browser tests; `cargo publish --dry-run` packages and builds it (--allow-dirty:
#     a working tree with changes, or CI's generated files, is fine for a dry run);
#     `cargo install --path .` installs the CLI, which then runs;
#   - the npm package: `npm pack --dry-run` of www/pkg (built by `make build`); its contents and a
#     Vite app using it are tested by tests/package/consumer.test.mjs.
source "$(dirname "$0")/lib.sh"

say "cargo package --list"
list="$(cargo package --list --allow-dirty 2>/dev/null)"
for want in Cargo.toml build.rs src/main.rs src/lib.rs catalog/catalog.toml catalog/sections/access.toml schema/assessment.schema.json README.md LICENSE-MIT LICENSE-APACHE; do
  grep -qx "$want" <<<"$list" || die "the crate package lacks $want"
done
if bad="$(grep -E '^(www|scripts|dist|node_modules|fuzz|target|\.ci|tests/e2e|tests/types|tests/package|tests/schema)/|^(package(-lock)?\.json|Makefile)$' <<<"$list")"; then
  die "the crate package holds files that do not belong: $(tr '\n' ' ' <<<"$bad")"
fi
ok "$(wc -l <<<"$list") files, none of the page, scripts or browser tests"

say "cargo publish --dry-run"
out="$(cargo publish --dry-run --allow-dirty 2>&1)" || { printf '%s\n' "$out"; die "cargo publish --dry-run failed"; }
grep -E '^ *(Packaged|Verifying|Compiling soc2-readiness|Uploading)' <<<"$out" || true
ok "cargo publish --dry-run (packaged, verified by building the packaged crate)"

say "cargo install --path ."
root="$ROOT/target/install-check"
rm -rf "$root"
# The release build is reused (same target directory), so this is quick after `make build`.
CARGO_TARGET_DIR="$ROOT/target" cargo install --path . --locked --quiet --root "$root" 2>/dev/null || die "cargo install --path . failed"
"$root/bin/soc2-readiness" catalog | head -c 200 | grep -q '"controls"\|"version"' || die "the installed CLI does not print the catalog"
ok "installed $root/bin/soc2-readiness"

say "npm pack --dry-run (www/pkg)"
[ -f www/pkg/package.json ] || die "www/pkg is not built: run 'make build'"
(cd www/pkg && npm pack --dry-run --ignore-scripts 2>&1 | grep -E 'name:|version:|filename:|package size:|unpacked size:|total files:')
ok "npm package soc2-readiness"
