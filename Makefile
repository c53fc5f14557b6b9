# Two commands from a fresh machine (README "Quick start"):
#   make serve   build the release Wasm engine and the site, serve it on http://127.0.0.1:8000
#   make test    run every test and print a summary
# PORT=9000 make serve to pick another port (the next free one is used when it is taken).
.PHONY: serve build test bench package
PORT ?= 8000

serve: build
	node scripts/serve.mjs --root www --port $(PORT)

build:
	bash scripts/build.sh

test:
	bash scripts/test.sh

bench: build
	bash scripts/bench.sh

# Checks the crate (cargo package, cargo publish --dry-run, cargo install) and the npm package
# (npm pack --dry-run) without publishing; needs `make build` first.
package:
	bash scripts/package-check.sh
