#!/usr/bin/env bash
# Builds the release Wasm engine into www/pkg, the single-file build into dist/, and prints the
# gzipped size of everything the page downloads. Each output is written beside its target and
# moved into place only when complete, so an interrupted build never leaves a half-written site.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh

say "building the Wasm engine (wasm-pack --release, wasm-opt -Oz)"
stage="$ROOT/target/pkg.partial"
rm -rf "$stage"
wasm-pack --quiet build --target web --release --out-dir "$stage" --out-name soc2_readiness >/dev/null
[ -f "$stage/soc2_readiness_bg.wasm" ] && [ -f "$stage/soc2_readiness.js" ] || die "wasm-pack produced no module; see its output above"
# The exports module (Markdown, CSV, JSON, OSCAL downloads), loaded by the page on first export:
# the same crate with the `exports` feature (src/wasm.rs).
say "building the exports module (wasm-pack --release --features exports)"
exports_stage="$ROOT/target/pkg-exports.partial"
rm -rf "$exports_stage"
wasm-pack --quiet build --target web --release --out-dir "$exports_stage" --out-name soc2_readiness_exports -- --features exports >/dev/null
[ -f "$exports_stage/soc2_readiness_exports_bg.wasm" ] || die "wasm-pack produced no exports module; see its output above"
cp "$exports_stage"/soc2_readiness_exports* "$stage/"
# TypeScript declarations of the engine's values, from the Rust types' JSON Schema.
node scripts/types.mjs "$stage/soc2_readiness_types.d.ts"
# The catalog's display text ships beside the module (the Wasm leaves it out to stay small):
# build.rs writes catalog.json from catalog/*.toml while the engine compiles, and cargo names the
# directory it wrote to (the build above made this a no-op compile).
out_dir="$(cargo build --lib --release --target wasm32-unknown-unknown --quiet --message-format=json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){if(!l)continue;const m=JSON.parse(l);if(m.reason==="build-script-executed"&&/[#/]soc2-readiness[@#]/.test(m.package_id))console.log(m.out_dir)}})' | tail -n1)"
[ -f "$out_dir/catalog.json" ] && [ -f "$out_dir/catalog-help.json" ] || die "build.rs wrote no catalog.json (looked in '$out_dir')"
cp "$out_dir/catalog.json" "$out_dir/catalog-help.json" "$stage/"
# Each translation's pair (catalog/lang/<tag>/ → catalog.<tag>.json, catalog-help.<tag>.json).
for f in "$out_dir"/catalog.*.json "$out_dir"/catalog-help.*.json; do
  if [ -f "$f" ]; then cp "$f" "$stage/"; fi
done
# The page's own words in each language other than English (www/i18n/<tag>.json; English is in the
# bundle), fetched beside the element's script when that language is chosen.
mkdir -p "$stage/i18n"
cp www/i18n/*.json "$stage/i18n/"
cp README.md LICENSE-MIT LICENSE-APACHE "$stage/" 2>/dev/null || true
rm -rf www/pkg.old
[ -d www/pkg ] && mv www/pkg www/pkg.old
mv "$stage" www/pkg
rm -rf www/pkg.old
ok "www/pkg"

say "building the element bundles and the single-file page (dist/soc2-readiness.html)"
node scripts/bundle.mjs
ok "dist/soc2-readiness.html"
# www/pkg as the npm package (package.json, the element's types, the schema), and the schema
# beside index.html.
node scripts/package.mjs www/pkg
ok "www/pkg (npm package soc2-readiness), www/schema"

node scripts/sizes.mjs "$@"
