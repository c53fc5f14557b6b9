#!/usr/bin/env bash
# Validates OSCAL assessment-results files (from `soc2-readiness report FILE --format oscal`)
# with an independent OSCAL implementation: compliance-trestle's pydantic models, plus
# reference checks in scripts/oscal_validate.py.
#   scripts/oscal-validate.sh FILE...
# Creates .venv-oscal/ in the checkout and installs the pinned compliance-trestle from PyPI into
# it the first time (about a minute); later runs reuse it.
set -euo pipefail

# trestle 3.12.x models OSCAL 1.1.3 and reads any 1.1.x document; the export declares 1.1.2.
# (trestle 4.2 and 5.x model OSCAL 1.2.)
TRESTLE_VERSION=3.12.4

[ "$#" -gt 0 ] || { echo "usage: scripts/oscal-validate.sh FILE..." >&2; exit 2; }
# Resolve the files before lib.sh changes into the checkout.
files=()
for f in "$@"; do
  [ -f "$f" ] || { echo "error: no such file: $f" >&2; exit 2; }
  files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done

source "$(dirname "$0")/lib.sh"
VENV="$ROOT/.venv-oscal"
PY="$VENV/bin/python"

command -v python3 >/dev/null || die "python3 not found: install Python 3.10 or later, then rerun"
if [ ! -x "$PY" ]; then
  say "creating .venv-oscal (python3 -m venv)"
  python3 -m venv "$VENV" || die "could not create $VENV: install python3-venv, then rerun"
fi
installed="$("$PY" -c 'import importlib.metadata as m; print(m.version("compliance-trestle"))' 2>/dev/null || true)"
if [ "$installed" != "$TRESTLE_VERSION" ] || ! "$PY" -c 'import trestle' 2>/dev/null; then
  say "installing compliance-trestle==$TRESTLE_VERSION from PyPI into .venv-oscal${installed:+ (replacing $installed)}"
  "$PY" -m pip install --quiet --disable-pip-version-check "compliance-trestle==$TRESTLE_VERSION" ||
    die "could not install compliance-trestle: run '$PY -m pip install compliance-trestle==$TRESTLE_VERSION' by hand"
  "$PY" -c 'import trestle' || die "compliance-trestle installed but does not import"
fi
ok "compliance-trestle $TRESTLE_VERSION (pydantic $("$PY" -c 'import importlib.metadata as m; print(m.version("pydantic"))'))"

"$PY" "$ROOT/scripts/oscal_validate.py" "${files[@]}"
