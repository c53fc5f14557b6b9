#!/usr/bin/env bash
# Installs what building and testing need, skipping what is present, saying what it installs.
#   scripts/setup.sh          wasm toolchain + npm packages (enough to build and serve)
#   scripts/setup.sh --test   also Chromium and ChromeDriver (browser tests) and the OSCAL
#                             validators in .venv-oscal/ (compliance-trestle, oscal-validate)
# GitHub is not needed: every tool comes from crates.io, npm or Debian.
source "$(dirname "$0")/lib.sh"
want_browser=0
[ "${1:-}" = "--test" ] && want_browser=1

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs), then rerun"
command -v node >/dev/null && command -v npm >/dev/null || die "node/npm not found: install Node.js 20 or later, then rerun"

# 1. The Wasm compilation target.
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  ok "rust target wasm32-unknown-unknown"
else
  say "installing rust target wasm32-unknown-unknown (rustup)"
  rustup target add wasm32-unknown-unknown >/dev/null ||
    die "could not add the wasm32 target: run 'rustup target add wasm32-unknown-unknown' by hand"
fi

# 2. wasm-pack, from crates.io (its GitHub installer is not reachable here).
if wasm-pack --version >/dev/null 2>&1; then
  ok "$(wasm-pack --version)"
else
  say "installing wasm-pack from crates.io into .tools/ (about 3 minutes, once)"
  cargo install wasm-pack --locked --quiet --root "$TOOLS/cargo" ||
    die "could not install wasm-pack: run 'cargo install wasm-pack --locked' by hand"
fi

# 3. wasm-bindgen CLI at exactly Cargo.lock's version, so wasm-pack never tries to download it.
#    Without --locked: with it, resolution fails on this network (see README "Toolchain notes").
[ -f Cargo.lock ] || cargo generate-lockfile --quiet
wbv="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$wbv" ]; then
  ok "wasm-bindgen $wbv"
else
  say "installing wasm-bindgen-cli $wbv from crates.io into .tools/ (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$wbv" --quiet --force --root "$TOOLS/cargo" ||
    die "could not install wasm-bindgen-cli $wbv: run 'cargo install wasm-bindgen-cli --version $wbv' by hand"
fi

# 4. npm packages (wasm-opt from binaryen@132, playwright-core, axe-core) from package-lock.json.
if [ -x node_modules/.bin/wasm-opt ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  ok "npm packages"
else
  say "installing npm packages from package-lock.json (binaryen's wasm-opt, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null ||
    die "npm ci failed: check access to the npm registry, then run 'npm ci' by hand"
fi
# Debian's binaryen 108 writes modules that fail to load; make sure ours is the npm one.
case "$(command -v wasm-opt)" in
  "$ROOT/node_modules/.bin/wasm-opt") ok "wasm-opt $(wasm-opt --version | awk '{print $3}') (npm binaryen)" ;;
  *) die "wasm-opt resolves to $(command -v wasm-opt), not node_modules/.bin/wasm-opt: run 'npm ci'" ;;
esac

# 5. Chromium and ChromeDriver for browser tests (Debian packages; never a downloaded browser).
if [ "$want_browser" = 1 ]; then
  if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null; then
    ok "$(/usr/bin/chromium --version 2>/dev/null | head -n1)"
  else
    [ "$(id -u)" = 0 ] || die "Chromium is missing and installing it needs root: run 'sudo apt-get install -y chromium chromium-driver'"
    command -v apt-get >/dev/null || die "Chromium is missing and apt-get is not available: install Chromium and ChromeDriver at /usr/bin/chromium, then rerun"
    say "installing chromium and chromium-driver (apt, about 30 seconds)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >/dev/null 2>&1 ||
      die "could not install Chromium: run 'apt-get update && apt-get install -y chromium chromium-driver' by hand"
  fi
fi

# 6. The OSCAL validators (scripts/oscal-validate.sh) from PyPI, into .venv-oscal/. oscal-validate
#    needs Python 3.12 or later: Debian 12's python3 is 3.11, so a newer one is looked for
#    (python3.12+ on PATH, pyenv's versions, or SOC2_OSCAL_PYTHON).
if [ "$want_browser" = 1 ]; then
  if oscal_venv_ready; then
    ok "compliance-trestle $OSCAL_TRESTLE_VERSION, oscal-validate $OSCAL_VALIDATE_VERSION (.venv-oscal)"
  else
    py="$(find_python312)" ||
      die "the OSCAL validators need Python 3.12 or later and none was found: install one (Debian 13: 'apt-get install python3-venv'; or 'pyenv install 3.12'), or set SOC2_OSCAL_PYTHON to its path, then rerun"
    say "installing compliance-trestle $OSCAL_TRESTLE_VERSION and oscal-validate $OSCAL_VALIDATE_VERSION from PyPI into .venv-oscal (Python $("$py" -c 'import platform; print(platform.python_version())'), about a minute)"
    rm -rf "$OSCAL_VENV"
    "$py" -m venv "$OSCAL_VENV" || die "could not create $OSCAL_VENV with $py"
    "$OSCAL_PY" -m pip install --quiet --disable-pip-version-check \
        "compliance-trestle==$OSCAL_TRESTLE_VERSION" "oscal-validate==$OSCAL_VALIDATE_VERSION" ||
      die "could not install the OSCAL validators: run '$OSCAL_PY -m pip install compliance-trestle==$OSCAL_TRESTLE_VERSION oscal-validate==$OSCAL_VALIDATE_VERSION' by hand"
    oscal_venv_ready || die "the OSCAL validators installed but do not run from $OSCAL_VENV"
  fi
fi
