#!/usr/bin/env python3
"""Validates OSCAL assessment-results JSON files with an independent OSCAL implementation.

Run by scripts/oscal-validate.sh inside .venv-oscal, where compliance-trestle is installed.
Each FILE is loaded with trestle's pydantic model of OSCAL assessment-results (it checks
required fields, types, token/uuid/string patterns and allowed values), serialised back (which
rejects date-times without a timezone), then checked for what the model cannot see:

- every date-time matches OSCAL 1.1.2's date-time-with-timezone pattern;
- every uuid is unique in the document;
- import-ap's href points to a back-matter resource of the same document;
- every finding's target-id is one of the reviewed control ids;
- every related-observation uuid is an observation of the same result.

Exit status: 0 when every file passes, 1 when one fails, 2 on bad usage.
"""

import json
import pathlib
import re
import sys

from trestle.common.err import TrestleError
from trestle.oscal import OSCAL_VERSION
from trestle.oscal.assessment_results import AssessmentResults

# OSCAL 1.1.2 JSON schema, DateTimeWithTimezoneDatatype.
DATE_TIME = re.compile(
    r"^(((2000|2400|2800|(19|2[0-9](0[48]|[2468][048]|[13579][26])))-02-29)"
    r"|(((19|2[0-9])[0-9]{2})-02-(0[1-9]|1[0-9]|2[0-8]))"
    r"|(((19|2[0-9])[0-9]{2})-(0[13578]|10|12)-(0[1-9]|[12][0-9]|3[01]))"
    r"|(((19|2[0-9])[0-9]{2})-(0[469]|11)-(0[1-9]|[12][0-9]|30)))"
    r"T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?"
    r"(Z|(-((0[0-9]|1[0-2]):00|0[39]:30)|\+((0[0-9]|1[0-4]):00|(0[34569]|10):30|(0[58]|12):45)))$"
)
DATE_TIME_KEYS = {"last-modified", "published", "start", "end", "collected", "expires"}


def walk(value, path="$"):
    """Yields (path, key, value) for every object member, depth first."""
    if isinstance(value, dict):
        for key, child in value.items():
            here = f"{path}.{key}"
            yield here, key, child
            yield from walk(child, here)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from walk(child, f"{path}[{i}]")


def check_references(raw):
    """Problems the pydantic model cannot see, as a list of messages."""
    problems = []
    ar = raw["assessment-results"]

    seen = {}
    for path, key, value in walk(raw):
        if key in DATE_TIME_KEYS and isinstance(value, str) and not DATE_TIME.match(value):
            problems.append(f"{path}: `{value}` is not an OSCAL 1.1.2 date-time with timezone")
        if key == "uuid" and isinstance(value, str):
            if value in seen:
                problems.append(f"{path}: uuid {value} already used at {seen[value]}")
            seen.setdefault(value, path)

    resources = {r["uuid"] for r in ar.get("back-matter", {}).get("resources", [])}
    href = ar["import-ap"]["href"]
    if not (href.startswith("#") and href[1:] in resources):
        problems.append(f"$.assessment-results.import-ap.href: `{href}` names no back-matter resource")

    for i, result in enumerate(ar["results"]):
        where = f"$.assessment-results.results[{i}]"
        reviewed = {
            c["control-id"]
            for selection in result["reviewed-controls"]["control-selections"]
            for c in selection.get("include-controls", [])
        }
        observations = {o["uuid"] for o in result.get("observations", [])}
        for j, finding in enumerate(result.get("findings", [])):
            target = finding["target"]["target-id"]
            if target not in reviewed:
                problems.append(f"{where}.findings[{j}].target.target-id: `{target}` is not a reviewed control")
            for k, rel in enumerate(finding.get("related-observations", [])):
                if rel["observation-uuid"] not in observations:
                    problems.append(
                        f"{where}.findings[{j}].related-observations[{k}]: "
                        f"no observation {rel['observation-uuid']} in this result"
                    )
    return problems


def validate(path):
    """Returns a list of problems with the file at `path` (empty when it passes)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return [f"cannot read JSON: {e}"]
    if not isinstance(raw, dict) or list(raw) != ["assessment-results"]:
        return ["the top level must be an object with the single key `assessment-results`"]
    try:
        model = AssessmentResults.oscal_read(path)
        if model is None:
            return ["trestle could not read the file"]
        model.oscal_serialize_json()
    except TrestleError as e:
        return [f"trestle rejects it: {e}"]
    return check_references(raw)


def summary(raw):
    result = raw["assessment-results"]["results"][0]
    findings = result.get("findings", [])
    satisfied = sum(1 for f in findings if f["target"]["status"]["state"] == "satisfied")
    return (
        f"OSCAL {raw['assessment-results']['metadata']['oscal-version']}, "
        f"{len(result['reviewed-controls']['control-selections'][0]['include-controls'])} reviewed controls, "
        f"{len(result.get('observations', []))} observations, "
        f"{len(findings)} findings ({satisfied} satisfied)"
    )


def main(argv):
    if not argv:
        print("usage: oscal_validate.py FILE...", file=sys.stderr)
        return 2
    failed = 0
    for name in argv:
        path = pathlib.Path(name)
        problems = validate(path)
        if problems:
            failed += 1
            print(f"FAIL {name}", file=sys.stderr)
            for p in problems:
                print(f"  {p}", file=sys.stderr)
        else:
            print(f"  ok {name}: {summary(json.loads(path.read_text(encoding='utf-8')))}")
    print(f"oscal: {len(argv) - failed} passed, {failed} failed (trestle models OSCAL {OSCAL_VERSION})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
