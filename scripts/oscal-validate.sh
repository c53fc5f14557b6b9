#!/usr/bin/env bash
# Validates OSCAL sets written by `soc2-readiness oscal FILE --out-dir DIR` with two independent
# implementations, compliance-trestle and oscal-validate (NIST's OSCAL 1.2.3 schema and
# constraints), plus cross-document checks: see scripts/oscal_validate.py.
#   scripts/oscal-validate.sh DIR...
# Installs nothing: `scripts/setup.sh --test` (run by `make test`) creates .venv-oscal/.
set -euo pipefail

[ "$#" -gt 0 ] || { echo "usage: scripts/oscal-validate.sh DIR..." >&2; exit 2; }
# Resolve the directories before lib.sh changes into the checkout.
dirs=()
for d in "$@"; do
  [ -d "$d" ] || { echo "error: no such directory: $d" >&2; exit 2; }
  dirs+=("$(cd "$d" && pwd)")
done

source "$(dirname "$0")/lib.sh"
oscal_venv_ready ||
  die "the OSCAL validators are not installed in .venv-oscal: run 'bash scripts/setup.sh --test' first"
ok "compliance-trestle $OSCAL_TRESTLE_VERSION and oscal-validate $OSCAL_VALIDATE_VERSION (Python $("$OSCAL_PY" -c 'import platform; print(platform.python_version())'))"
"$OSCAL_PY" "$ROOT/scripts/oscal_validate.py" --oscal-validate "$OSCAL_VENV/bin/oscal-validate" "${dirs[@]}"
