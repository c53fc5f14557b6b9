//! The OSCAL set (catalog, system security plan, assessment plan, assessment results): the mapping
//! checked here in Rust; bytes pinned by golden files and compared across two CLI processes; and,
//! with `SOC2_OSCAL_VALIDATE=1` (as `make test` runs it), every set validated by two independent
//! OSCAL implementations through `scripts/oscal-validate.sh` (installed by
//! `scripts/setup.sh --test`).
//!
//! Golden files: `SOC2_UPDATE_GOLDEN=1 cargo test --test oscal` rewrites `tests/oscal/golden/`
//! after an intended change; review the diff before committing it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{all_categories, answer, answer_all, start};
use serde_json::Value;
use soc2_readiness::oscal::{self, Timestamp};
use soc2_readiness::score::{self, Band};
use soc2_readiness::{catalog, to_json, Category, Date, Document, Export, Mode, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const GENERATED_AT: &str = "2027-01-05T09:30:00+01:00";

fn generated_at() -> Timestamp {
    Timestamp::parse(GENERATED_AT).unwrap()
}

/// The earliest and latest dates `Date` can hold (whatever range it is given).
fn extreme_dates() -> (Date, Date) {
    let first = ["0001-01-01", "1000-01-01", "1900-01-01"]
        .iter()
        .find_map(|d| Date::parse(d).ok())
        .unwrap();
    let last = Date::parse("9999-12-31").unwrap();
    (first, last)
}

/// Documents by name: empty, partial, complete, quick, and the extreme start dates.
fn documents() -> Vec<(&'static str, Document)> {
    let empty = Document::new(start());

    let mut partial = all_categories();
    partial.profile.organization = "Acme <API> \"}],\"x\":{\"".into();
    partial.profile.compliance_owner = "Jo Bloggs".into();
    partial.profile.integrations = 3;
    let statuses = Status::ALL;
    for (i, c) in catalog::controls().iter().enumerate().step_by(2) {
        let mut a = answer(statuses[i % statuses.len()], i % 4 == 0);
        if i % 6 == 0 {
            a.note = format!("note {i}: \"}}],\"x\":{{\" <script>alert({i})</script>\nline 2");
        }
        partial.answers.insert(c.id.to_string(), a);
    }
    partial
        .answers
        .insert("retired.control".into(), answer(Status::Implemented, true));

    let mut complete = all_categories();
    answer_all(&mut complete, Status::Implemented, true);

    let mut quick = Document::new(start());
    quick.mode = Mode::Quick;
    quick.profile.categories = vec![Category::Security, Category::Privacy];
    for c in catalog::controls().iter().filter(|c| c.quick).take(5) {
        quick
            .answers
            .insert(c.id.to_string(), answer(Status::Implemented, true));
    }

    let (first, last) = extreme_dates();
    let mut earliest = all_categories();
    earliest.profile.start_date = first;
    answer_all(&mut earliest, Status::Partial, false);
    let mut latest = Document::new(last);
    latest.profile.organization = "Far Future".into();
    answer_all(&mut latest, Status::Implemented, true);

    vec![
        ("empty", empty),
        ("partial", partial),
        ("complete", complete),
        ("quick", quick),
        ("earliest", earliest),
        ("latest", latest),
    ]
}

/// The generation time each document is exported with: the extreme-date ones use the default
/// (their start date at midnight UTC, clamped), the others an explicit one.
fn time_for(name: &str, export: &Export) -> Timestamp {
    match name {
        "earliest" | "latest" => Timestamp::midnight(export.profile.start_date),
        _ => generated_at(),
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("soc2-oscal-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn strings_under<'a>(v: &'a Value, key: &str, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                if let (true, Some(s)) = (k == key, child.as_str()) {
                    out.push(s);
                }
                strings_under(child, key, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|c| strings_under(c, key, out)),
        _ => {}
    }
}

fn all_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Object(map) => map.values().for_each(|c| all_strings(c, out)),
        Value::Array(items) => items.iter().for_each(|c| all_strings(c, out)),
        _ => {}
    }
}

/// A name-based (version 5) uuid in RFC 4122 form, lower case.
fn is_uuid_v5(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && s.bytes()
            .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && groups[2].starts_with('5')
        && groups[3].starts_with(['8', '9', 'a', 'b'])
}

fn prop<'a>(v: &'a Value, name: &str) -> &'a str {
    v["props"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("no prop {name} in {v}"))["value"]
        .as_str()
        .unwrap()
}

fn included(selection: &Value) -> Vec<&str> {
    selection["control-selections"][0]["include-controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["control-id"].as_str().unwrap())
        .collect()
}

fn check_uuids(name: &str, v: &Value) {
    let mut uuids = Vec::new();
    strings_under(v, "uuid", &mut uuids);
    assert!(!uuids.is_empty());
    assert!(uuids.iter().all(|u| is_uuid_v5(u)), "{name}: {uuids:?}");
    let unique: BTreeSet<_> = uuids.iter().collect();
    assert_eq!(unique.len(), uuids.len(), "{name}: duplicate uuid");
}

/// The criteria in scope for `doc`, as OSCAL control ids, in catalog order.
fn in_scope(doc: &Document) -> Vec<String> {
    catalog::CRITERIA
        .iter()
        .filter(|k| doc.profile.in_scope(k.category))
        .map(|k| k.id.to_ascii_lowercase())
        .collect()
}

/// Assessment results: a finding per criterion in scope targeting its objective in the catalog,
/// an observation per answered catalog control, the satisfied rule, the start date.
fn check_results(name: &str, doc: &Document, export: &Export, v: &Value) {
    let ar = &v["assessment-results"];
    check_uuids(name, v);
    assert_eq!(ar["metadata"]["oscal-version"], "1.2.3", "{name}");
    assert_eq!(
        ar["import-ap"]["href"],
        "./soc2-readiness-assessment-plan.oscal.json"
    );
    assert!(ar.get("back-matter").is_none());

    let results = ar["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    let result = &results[0];
    assert_eq!(
        prop(result, "start-date"),
        doc.profile.start_date.to_string()
    );
    let start = result["start"].as_str().unwrap();
    let year: i32 = doc.profile.start_date.to_string()[..4].parse().unwrap();
    if (1900..=2999).contains(&year) {
        assert_eq!(start, format!("{}T00:00:00Z", doc.profile.start_date));
        assert!(result.get("remarks").is_none());
    } else {
        // Outside OSCAL's years: the nearest instant it can hold, and a remark saying so.
        let nearest = if year < 1900 {
            "1900-01-01T00:00:00Z"
        } else {
            "2999-12-31T00:00:00Z"
        };
        assert_eq!(start, nearest, "{name}");
        assert_eq!(ar["metadata"]["last-modified"], nearest);
        assert!(result["remarks"]
            .as_str()
            .unwrap()
            .contains(&doc.profile.start_date.to_string()));
    }
    let estimate = result["description"]
        .as_str()
        .unwrap()
        .contains("Quick estimate");
    assert_eq!(estimate, doc.mode == Mode::Quick, "{name}");

    let scope = in_scope(doc);
    assert_eq!(included(&result["reviewed-controls"]), scope, "{name}");
    let findings = result["findings"].as_array().unwrap();
    let targets: Vec<&str> = findings
        .iter()
        .map(|f| f["target"]["target-id"].as_str().unwrap())
        .collect();
    let objectives: Vec<String> = scope.iter().map(|id| format!("{id}_obj")).collect();
    assert_eq!(targets, objectives, "{name}");

    // Observations: one per answered control the catalog has.
    let answered: BTreeSet<&str> = doc
        .answers
        .keys()
        .filter(|id| catalog::control(id).is_some())
        .map(String::as_str)
        .collect();
    let observations = result
        .get("observations")
        .map_or(&[][..], |o| o.as_array().unwrap().as_slice());
    let by_uuid: BTreeMap<&str, &str> = observations
        .iter()
        .map(|o| (o["uuid"].as_str().unwrap(), prop(o, "control-id")))
        .collect();
    assert_eq!(
        by_uuid.values().copied().collect::<BTreeSet<_>>(),
        answered,
        "{name}"
    );
    for o in observations {
        let id = prop(o, "control-id");
        let a = doc.answers.get(id).unwrap();
        assert_eq!(
            o["title"],
            soc2_readiness::catalog::english()
                .control_by_id(id)
                .title
                .as_str()
        );
        assert_eq!(o["methods"][0], "INTERVIEW");
        assert_eq!(o["collected"], ar["metadata"]["last-modified"]);
        assert_eq!(prop(o, "status"), a.status.id());
        assert_eq!(prop(o, "evidence"), a.evidence.to_string());
        if a.note.trim().is_empty() {
            assert!(o.get("remarks").is_none());
        } else {
            assert_eq!(o["remarks"], a.note.as_str(), "notes are carried verbatim");
        }
    }

    // Satisfied rule and links to the observations of the criterion's controls.
    let criteria = &export.readiness.criteria;
    assert_eq!(criteria.len(), findings.len());
    for (finding, (id, s)) in findings.iter().zip(criteria.iter()) {
        assert_eq!(finding["target"]["type"], "objective-id");
        let satisfied = finding["target"]["status"]["state"] == "satisfied";
        assert_eq!(
            satisfied,
            s.band == Band::AuditReady && s.possible > 0,
            "{name} {id}"
        );
        assert_eq!(
            finding["target"]["status"].get("remarks").is_some(),
            s.possible == 0,
            "{name} {id}: a criterion nothing counted towards says why"
        );
        let has = |n: &str| {
            finding["props"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"] == n)
        };
        match s.design {
            Some(design) => assert_eq!(prop(finding, "design-score"), design.to_string()),
            None => {
                assert!(
                    !has("design-score") && !has("operating-score"),
                    "{name} {id}: no score"
                );
                assert_eq!(prop(finding, "design-band"), "notAssessed", "{name} {id}");
            }
        }
        let linked: BTreeSet<&str> = finding
            .get("related-observations")
            .map_or(&[][..], |r| r.as_array().unwrap().as_slice())
            .iter()
            .map(|r| by_uuid[r["observation-uuid"].as_str().unwrap()])
            .collect();
        // The controls mapped to the criterion that were asked and answered.
        let expected: BTreeSet<&str> = catalog::controls()
            .iter()
            .filter(|c| c.criteria.contains(&id) && export.standings.get(c.id).is_some())
            .map(|c| c.id)
            .filter(|c| answered.contains(c))
            .collect();
        assert_eq!(linked, expected, "{name} {id}");
    }
    let states: BTreeSet<&str> = findings
        .iter()
        .map(|f| f["target"]["status"]["state"].as_str().unwrap())
        .collect();
    match name {
        "empty" | "earliest" => assert!(!states.contains("satisfied"), "{name}"),
        "complete" | "latest" => assert_eq!(states, BTreeSet::from(["satisfied"]), "{name}"),
        _ => {}
    }
}

/// Assessment plan: the questions asked as activities, the criteria in scope reviewed.
fn check_plan(name: &str, doc: &Document, v: &Value) {
    let ap = &v["assessment-plan"];
    check_uuids(name, v);
    assert_eq!(ap["import-ssp"]["href"], "./soc2-readiness-ssp.oscal.json");
    let scope = in_scope(doc);
    assert_eq!(included(&ap["reviewed-controls"]), scope, "{name}");
    let activities = ap["local-definitions"]["activities"].as_array().unwrap();
    let asked: Vec<&str> = catalog::controls()
        .iter()
        .filter(|c| score::asked(c, doc))
        .map(|c| c.id)
        .collect();
    let listed: Vec<&str> = activities.iter().map(|a| prop(a, "control-id")).collect();
    assert_eq!(listed, asked, "{name}: one activity per question asked");
    assert_eq!(prop(&ap["metadata"], "questions"), asked.len().to_string());
    for a in activities {
        let control = catalog::control(prop(a, "control-id")).unwrap();
        assert_eq!(
            a["description"],
            soc2_readiness::catalog::english()
                .control_by_id(control.id)
                .question
                .as_str()
        );
        let related = included(&a["related-controls"]);
        let expected: Vec<String> = control
            .criteria
            .iter()
            .map(|k| k.to_ascii_lowercase())
            .filter(|k| scope.contains(k))
            .collect();
        assert_eq!(related, expected, "{name} {}", control.id);
    }
}

/// System security plan: imports the catalog, one requirement per criterion in scope.
fn check_ssp(name: &str, doc: &Document, v: &Value) {
    let ssp = &v["system-security-plan"];
    check_uuids(name, v);
    assert_eq!(
        ssp["import-profile"]["href"],
        "./soc2-readiness-catalog.oscal.json"
    );
    let requirements: Vec<&str> = ssp["control-implementation"]["implemented-requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["control-id"].as_str().unwrap())
        .collect();
    assert_eq!(requirements, in_scope(doc), "{name}");
    let characteristics = &ssp["system-characteristics"];
    assert_eq!(
        prop(characteristics, "endpoints"),
        doc.profile.endpoints.to_string()
    );
    assert_eq!(
        prop(characteristics, "start-date"),
        doc.profile.start_date.to_string()
    );
}

/// Writes the four documents of `export` into `dir`, as `soc2-readiness oscal` does.
fn write_set(dir: &Path, export: &Export, at: Timestamp) {
    std::fs::write(
        dir.join(oscal::CATALOG_FILE),
        to_json(&oscal::catalog(soc2_readiness::catalog::english())) + "\n",
    )
    .unwrap();
    for (file, text) in oscal::assessment_documents(export, soc2_readiness::catalog::english(), at)
    {
        std::fs::write(dir.join(file), text + "\n").unwrap();
    }
}

#[test]
fn catalog_holds_every_criterion_with_its_questions() {
    let v = parse(&to_json(
        &oscal::catalog(soc2_readiness::catalog::english()),
    ));
    check_uuids("catalog", &v);
    let cat = &v["catalog"];
    assert_eq!(cat["metadata"]["oscal-version"], "1.2.3");
    assert_eq!(cat["metadata"]["version"], catalog::CATALOG_VERSION);
    let categories = cat["groups"].as_array().unwrap();
    assert_eq!(categories.len(), 5);
    let mut seen = Vec::new();
    for category in categories {
        for series in category["groups"].as_array().unwrap() {
            for control in series["controls"].as_array().unwrap() {
                let label = prop(control, "label");
                let criterion = catalog::criterion(label).unwrap();
                assert_eq!(control["id"], label.to_ascii_lowercase());
                assert_eq!(category["id"], criterion.category.id());
                assert!(label.starts_with(&series["id"].as_str().unwrap().to_uppercase()));
                // The project's own paraphrase, nothing else.
                assert_eq!(
                    control["title"],
                    soc2_readiness::catalog::english()
                        .criterion(criterion)
                        .title
                        .as_str()
                );
                let parts = control["parts"].as_array().unwrap();
                assert_eq!(parts[0]["name"], "statement");
                assert_eq!(
                    parts[1]["id"],
                    format!("{}_obj", control["id"].as_str().unwrap())
                );
                let questions: Vec<&str> = parts[1]["parts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|q| prop(q, "control-id"))
                    .collect();
                let expected: Vec<&str> = catalog::controls()
                    .iter()
                    .filter(|c| c.criteria.contains(&label))
                    .map(|c| c.id)
                    .collect();
                assert!(!expected.is_empty());
                assert_eq!(questions, expected, "{label}");
                for q in parts[1]["parts"].as_array().unwrap() {
                    let c = catalog::control(prop(q, "control-id")).unwrap();
                    assert_eq!(
                        q["title"],
                        soc2_readiness::catalog::english()
                            .control_by_id(c.id)
                            .title
                            .as_str()
                    );
                    assert_eq!(
                        q["prose"],
                        soc2_readiness::catalog::english()
                            .control_by_id(c.id)
                            .question
                            .as_str()
                    );
                }
                seen.push(label.to_string());
            }
        }
    }
    let all: Vec<String> = catalog::CRITERIA.iter().map(|k| k.id.to_string()).collect();
    assert_eq!(seen, all, "every criterion once, in catalog order");
}

#[test]
fn assessment_documents_map_the_assessment() {
    for (name, doc) in documents() {
        let export = Export::new(doc.clone());
        let at = time_for(name, &export);
        check_results(
            name,
            &doc,
            &export,
            &parse(&to_json(&oscal::assessment_results(
                &export,
                soc2_readiness::catalog::english(),
                at,
            ))),
        );
        check_plan(
            name,
            &doc,
            &parse(&to_json(&oscal::assessment_plan(
                &export,
                soc2_readiness::catalog::english(),
                at,
            ))),
        );
        check_ssp(
            name,
            &doc,
            &parse(&to_json(&oscal::system_security_plan(
                &export,
                soc2_readiness::catalog::english(),
                at,
            ))),
        );
    }
}

#[test]
fn uuids_follow_the_documented_v5_scheme() {
    // Parties: v5(v5(URL namespace, NS), "party|<role>|<name>"), the same in every document.
    let ns = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, oscal::NS.as_bytes());
    let mut doc = Document::new(start());
    doc.profile.organization = "Acme API".into();
    let export = Export::new(doc);
    let expected = uuid::Uuid::new_v5(&ns, b"party|organization|Acme API").to_string();
    for v in [
        parse(&to_json(&oscal::assessment_results(
            &export,
            soc2_readiness::catalog::english(),
            generated_at(),
        ))),
        parse(&to_json(&oscal::assessment_plan(
            &export,
            soc2_readiness::catalog::english(),
            generated_at(),
        ))),
        parse(&to_json(&oscal::system_security_plan(
            &export,
            soc2_readiness::catalog::english(),
            generated_at(),
        ))),
    ] {
        let root = v.as_object().unwrap().values().next().unwrap();
        assert_eq!(root["metadata"]["parties"][0]["uuid"], expected.as_str());
    }
    // Everything else depends on the input: another generation time, other uuids.
    let a = oscal::assessment_results(&export, soc2_readiness::catalog::english(), generated_at());
    let b = oscal::assessment_results(
        &export,
        soc2_readiness::catalog::english(),
        Timestamp::parse("2027-01-06T09:30:00Z").unwrap(),
    );
    assert_ne!(a.assessment_results.uuid, b.assessment_results.uuid);
}

#[test]
fn unknown_controls_get_no_observation_and_notes_stay_data() {
    let note = "ok\"}],\"x\":{\"<script>alert(1)</script>\n\\u0000 ✓";
    let mut doc = Document::new(start());
    doc.profile.organization = "<b>\"}],\"x\":{\"</b>".into();
    doc.answers.insert(
        "access.mfa-admin".into(),
        soc2_readiness::Answer {
            note: note.into(),
            ..answer(Status::Implemented, true)
        },
    );
    doc.answers
        .insert("retired.control".into(), answer(Status::Implemented, true));
    let v = parse(&to_json(&oscal::assessment_results(
        &Export::new(doc),
        soc2_readiness::catalog::english(),
        generated_at(),
    )));
    let observations = v["assessment-results"]["results"][0]["observations"]
        .as_array()
        .unwrap();
    assert_eq!(observations.len(), 1, "the retired control has none");
    assert_eq!(observations[0]["remarks"], note);
    let mut strings = Vec::new();
    all_strings(&v, &mut strings);
    assert_eq!(strings.iter().filter(|s| **s == note).count(), 1);
    assert!(v.get("x").is_none() && v["assessment-results"].get("x").is_none());
}

/// Runs the CLI's `oscal` command for `input` into `dir`.
fn cli_oscal(input: &Path, dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
        .args(["oscal", input.to_str().unwrap(), "--out-dir"])
        .arg(dir)
        .args(["--generated-at", GENERATED_AT])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    for file in [
        oscal::CATALOG_FILE,
        oscal::SSP_FILE,
        oscal::PLAN_FILE,
        oscal::RESULTS_FILE,
    ] {
        assert!(listed.contains(file), "{listed}");
    }
}

#[test]
fn same_input_gives_the_same_bytes_across_processes_and_versions() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oscal/fixture.json");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oscal/golden");
    let (a, b) = (temp_dir("run-a"), temp_dir("run-b"));
    cli_oscal(&fixture, &a);
    cli_oscal(&fixture, &b);
    for file in [
        oscal::CATALOG_FILE,
        oscal::SSP_FILE,
        oscal::PLAN_FILE,
        oscal::RESULTS_FILE,
    ] {
        let first = std::fs::read(a.join(file)).unwrap();
        assert_eq!(first, std::fs::read(b.join(file)).unwrap(), "{file}");
    }
    // The per-assessment documents are pinned byte for byte (the catalog, a megabyte that moves
    // with every text edit, by the two runs above and by its own test).
    for file in [oscal::SSP_FILE, oscal::PLAN_FILE, oscal::RESULTS_FILE] {
        let written = std::fs::read_to_string(a.join(file)).unwrap();
        let pinned = golden.join(file);
        if std::env::var("SOC2_UPDATE_GOLDEN").as_deref() == Ok("1") {
            std::fs::create_dir_all(&golden).unwrap();
            std::fs::write(&pinned, &written).unwrap();
        }
        let expected = std::fs::read_to_string(&pinned).unwrap_or_default();
        assert!(
            written == expected,
            "{file} differs from tests/oscal/golden/{file}; if the change is intended, rerun with \
             SOC2_UPDATE_GOLDEN=1 and review the diff"
        );
    }
    std::fs::remove_dir_all(a).unwrap();
    std::fs::remove_dir_all(b).unwrap();
}

#[test]
fn sets_validate_with_independent_oscal_implementations() {
    if std::env::var("SOC2_OSCAL_VALIDATE").as_deref() != Ok("1") {
        println!(
            "set SOC2_OSCAL_VALIDATE=1 to validate with compliance-trestle and oscal-validate"
        );
        return;
    }
    let root = temp_dir("sets");
    let mut dirs = Vec::new();
    for (name, doc) in documents() {
        let export = Export::new(doc);
        let dir = root.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        write_set(&dir, &export, time_for(name, &export));
        dirs.push(dir);
    }
    // A set with a broken reference, which the validators must reject: a finding targeting an
    // objective and a reviewed control the catalog does not have.
    let broken = root.join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    for entry in std::fs::read_dir(&dirs[1]).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = if path.ends_with(oscal::RESULTS_FILE) {
            text.replacen("\"cc1.1\"", "\"cc99.1\"", 1).replacen(
                "\"cc1.1_obj\"",
                "\"cc99.1_obj\"",
                1,
            )
        } else {
            text
        };
        std::fs::write(broken.join(path.file_name().unwrap()), text).unwrap();
    }

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/oscal-validate.sh");
    let run = |dirs: &[PathBuf]| {
        let out = Command::new("bash")
            .arg(&script)
            .args(dirs)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    };
    let (ok, text) = run(&dirs);
    println!("{text}");
    assert!(ok, "OSCAL validation failed:\n{text}");
    assert!(text.contains(&format!("{} passed, 0 failed", dirs.len() * 4)));

    let (ok, text) = run(&[broken]);
    assert!(!ok, "a broken reference passed:\n{text}");
    assert!(text.contains("cc99.1"), "{text}");
    assert!(text.contains("REFERENCE_UNRESOLVED"), "{text}");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn v5_uuids_match_the_uuid_crate_at_every_padding_boundary() {
    let ns = uuid::Uuid::NAMESPACE_URL;
    assert_eq!(oscal::Uuid::NAMESPACE_URL.0, *ns.as_bytes());
    for len in 0..=200 {
        let name: Vec<u8> = (0..len).map(|i| (i * 7 + len) as u8).collect();
        assert_eq!(
            oscal::Uuid::new_v5(&oscal::Uuid::NAMESPACE_URL, &name).text(),
            uuid::Uuid::new_v5(&ns, &name).to_string(),
            "name of {len} bytes"
        );
    }
}

proptest::proptest! {
    #[test]
    fn v5_uuids_match_the_uuid_crate(
        ns in proptest::prelude::any::<[u8; 16]>(),
        name in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
    ) {
        proptest::prop_assert_eq!(
            oscal::Uuid::new_v5(&oscal::Uuid(ns), &name).text(),
            uuid::Uuid::new_v5(&uuid::Uuid::from_bytes(ns), &name).to_string()
        );
    }
}
