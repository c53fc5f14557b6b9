//! The OSCAL assessment-results export: structure checked here in Rust; with
//! `SOC2_OSCAL_VALIDATE=1` also validated by an independent OSCAL implementation (compliance-trestle,
//! through `scripts/oscal-validate.sh`, which installs it into `.venv-oscal/` on first use).
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{all_categories, answer, answer_all, start};
use serde_json::Value;
use soc2_readiness::oscal::{assessment_results, Timestamp};
use soc2_readiness::score::Band;
use soc2_readiness::{catalog, to_json, Category, Document, Export, Mode, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

fn generated_at() -> Timestamp {
    Timestamp::parse("2027-01-05T09:30:00+01:00").unwrap()
}

/// Empty, partial, complete and quick documents, by name.
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

    vec![
        ("empty", empty),
        ("partial", partial),
        ("complete", complete),
        ("quick", quick),
    ]
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

fn is_uuid_v4(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && s.bytes()
            .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && groups[2].starts_with('4')
        && groups[3].starts_with(['8', '9', 'a', 'b'])
}

fn prop<'a>(v: &'a Value, name: &str) -> &'a str {
    v["props"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("no prop {name}"))["value"]
        .as_str()
        .unwrap()
}

/// The mapping: a finding per criterion in scope, an observation per answered catalog control,
/// satisfied iff the criterion's band is audit-ready (with at least one control counted).
fn check_structure(name: &str, doc: &Document, export: &Export, v: &Value) {
    let ar = &v["assessment-results"];
    assert_eq!(ar["metadata"]["oscal-version"], "1.1.2", "{name}");
    assert_eq!(
        ar["metadata"]["last-modified"], "2027-01-05T09:30:00+01:00",
        "{name}"
    );

    let mut uuids = Vec::new();
    strings_under(v, "uuid", &mut uuids);
    assert!(uuids.iter().all(|u| is_uuid_v4(u)), "{name}: {uuids:?}");
    let unique: BTreeSet<_> = uuids.iter().collect();
    assert_eq!(unique.len(), uuids.len(), "{name}: duplicate uuid");
    let plan = ar["back-matter"]["resources"][0]["uuid"].as_str().unwrap();
    assert_eq!(ar["import-ap"]["href"], format!("#{plan}"), "{name}");

    let results = ar["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    let result = &results[0];
    assert_eq!(result["start"], "2027-01-04T00:00:00Z");
    let estimate = result["description"]
        .as_str()
        .unwrap()
        .contains("Quick estimate");
    assert_eq!(estimate, doc.mode == Mode::Quick, "{name}");

    // Reviewed controls and findings: the criteria in scope, lowercased, in catalog order.
    let in_scope: Vec<String> = catalog::CRITERIA
        .iter()
        .filter(|k| doc.profile.in_scope(k.category))
        .map(|k| k.id.to_ascii_lowercase())
        .collect();
    let reviewed: Vec<&str> = result["reviewed-controls"]["control-selections"][0]
        ["include-controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["control-id"].as_str().unwrap())
        .collect();
    assert_eq!(reviewed, in_scope, "{name}");
    let findings = result["findings"].as_array().unwrap();
    let targets: Vec<&str> = findings
        .iter()
        .map(|f| f["target"]["target-id"].as_str().unwrap())
        .collect();
    assert_eq!(targets, in_scope, "{name}");

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
    assert_eq!(by_uuid.len(), observations.len());
    for o in observations {
        let id = prop(o, "control-id");
        let a = &doc.answers[id];
        assert_eq!(o["title"], catalog::control(id).unwrap().title);
        assert_eq!(o["methods"][0], "INTERVIEW");
        assert_eq!(o["collected"], "2027-01-05T09:30:00+01:00");
        assert_eq!(prop(o, "status"), a.status.id());
        assert_eq!(prop(o, "evidence"), a.evidence.to_string());
        if a.note.trim().is_empty() {
            assert!(o.get("remarks").is_none());
        } else {
            assert_eq!(o["remarks"], a.note.as_str(), "notes are carried verbatim");
        }
    }

    // Satisfied rule and links to the observations of the criterion's controls.
    let criteria = &export.results.readiness.criteria;
    assert_eq!(criteria.len(), findings.len());
    for (finding, (id, score)) in findings.iter().zip(criteria.iter()) {
        assert_eq!(finding["target"]["type"], "objective-id");
        let satisfied = finding["target"]["status"]["state"] == "satisfied";
        assert_eq!(
            satisfied,
            score.band == Band::AuditReady && score.possible > 0,
            "{name} {id}"
        );
        let has = |n: &str| {
            finding["props"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"] == n)
        };
        match (score.design, score.operating) {
            (Some(design), Some(operating)) => {
                assert_eq!(prop(finding, "design-score"), design.to_string());
                assert_eq!(prop(finding, "operating-score"), operating.to_string());
            }
            _ => {
                assert!(
                    !has("design-score") && !has("operating-score"),
                    "{name} {id}"
                );
                assert_eq!(prop(finding, "design-band"), "notAssessed");
            }
        }
        let linked: BTreeSet<&str> = finding
            .get("related-observations")
            .map_or(&[][..], |r| r.as_array().unwrap().as_slice())
            .iter()
            .map(|r| by_uuid[r["observation-uuid"].as_str().unwrap()])
            .collect();
        let expected: BTreeSet<&str> = score
            .controls
            .iter()
            .copied()
            .filter(|c| answered.contains(c))
            .collect();
        assert_eq!(linked, expected, "{name} {id}");
    }
    match name {
        "empty" => assert!(findings
            .iter()
            .all(|f| f["target"]["status"]["state"] == "not-satisfied")),
        "complete" => assert!(findings
            .iter()
            .all(|f| f["target"]["status"]["state"] == "satisfied")),
        "partial" => {
            assert!(ar["metadata"]["parties"][0]["name"]
                .as_str()
                .unwrap()
                .starts_with("Acme <API>"));
            assert!(ar.get("x").is_none() && v.get("x").is_none());
        }
        _ => {}
    }
}

#[test]
fn oscal_exports_map_the_assessment_and_validate() {
    let dir: PathBuf = std::env::temp_dir().join(format!("soc2-oscal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (name, doc) in documents() {
        let export = Export::new(doc.clone());
        let document = assessment_results(&export, generated_at());
        let text = to_json(&document);
        // What is written is what was checked: parse the text back.
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed, serde_json::to_value(&document).unwrap());
        check_structure(name, &doc, &export, &parsed);
        assert_eq!(
            text,
            to_json(&assessment_results(&Export::new(doc), generated_at())),
            "{name}: not deterministic"
        );
        let file = dir.join(format!("{name}.oscal.json"));
        std::fs::write(&file, text).unwrap();
        files.push(file);
    }

    if std::env::var("SOC2_OSCAL_VALIDATE").as_deref() == Ok("1") {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/oscal-validate.sh");
        let out = Command::new("bash")
            .arg(script)
            .args(&files)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        println!("{stdout}{stderr}");
        assert!(
            out.status.success(),
            "OSCAL validation failed:\n{stdout}\n{stderr}"
        );
        assert!(stdout.contains(&format!("{} passed, 0 failed", files.len())));
    } else {
        println!("set SOC2_OSCAL_VALIDATE=1 to validate with compliance-trestle as well");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
