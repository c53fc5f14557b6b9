//! The public names of the assessment document and catalog. Other tools parse these files:
//! renaming any of them breaks users, so each is pinned here.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use serde_json::{json, Value};
use soc2_readiness::{assess_text, catalog_json, to_json};

fn at<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |cur, key| {
        cur.get(key).unwrap_or_else(|| panic!("missing `{path}`"))
    })
}

#[test]
fn catalog_controls_keep_their_field_names() {
    let catalog: Value = serde_json::from_str(&catalog_json()).unwrap();
    assert!(at(&catalog, "id").is_string() && at(&catalog, "version").is_string());
    let controls = at(&catalog, "controls").as_array().unwrap();
    assert!(controls.len() > 100);
    for c in controls {
        assert!(c["id"].is_string() && c["section"].is_string() && c["category"].is_string());
        assert!(
            c["criteria"].is_array()
                && c["critical"].is_boolean()
                && c["allowsNotApplicable"].is_boolean()
        );
        assert!(
            c["question"].is_string()
                && c["why"].is_string()
                && c["evidence"].is_string()
                && c["remediation"].is_string()
        );
    }
}

#[test]
fn the_engine_states_the_limits_the_page_enforces() {
    // The element reads these from the engine (`limits()` in the Wasm session) instead of
    // restating a number.
    let limits = serde_json::to_value(soc2_readiness::model::LIMITS).unwrap();
    assert_eq!(
        limits,
        json!({
            "inputBytes": 4 * 1024 * 1024,
            "documentBytes": 1024 * 1024,
            "noteChars": 4000,
            "nameChars": 200,
            "maxCount": 100_000,
            "hoursPerWeek": 1000,
            "observationWindows": [3, 6, 9, 12],
            "statuses": ["implemented", "partial", "planned", "notImplemented", "notApplicable"],
            "startDateMin": "1970-01-01",
            "startDateMax": "2199-12-31"
        })
    );
}

#[test]
fn assessment_document_keeps_its_field_names() {
    let categories = [
        "security",
        "availability",
        "confidentiality",
        "processingIntegrity",
        "privacy",
    ];
    let doc = json!({
        "version": 1,
        "profile": {"categories": categories, "observationMonths": 6, "startDate": "2027-01-04"},
        "answers": {
            "access.mfa-admin": {"status": "implemented", "evidence": true, "note": ""},
            "network.tls": {"status": "partial", "evidence": false, "note": "v1 only"},
            "data.dlp": {"status": "planned", "evidence": false, "note": ""},
            "change.staging": {"status": "notImplemented", "evidence": false, "note": ""},
            "network.remote-admin": {"status": "notApplicable", "evidence": false, "note": ""}
        }
    });
    let out: Value =
        serde_json::from_str(&to_json(&assess_text(&doc.to_string()).unwrap())).unwrap();
    assert_eq!(out["version"], 1);
    assert!(out["$schema"]
        .as_str()
        .unwrap()
        .ends_with("assessment.schema.json"));
    assert_eq!(at(&out, "profile.categories").as_array().unwrap().len(), 5);
    assert_eq!(at(&out, "profile.observationMonths"), 6);
    assert_eq!(at(&out, "profile.startDate"), "2027-01-04");
    assert_eq!(
        out["answers"]["network.tls"],
        json!({"status": "partial", "evidence": false, "note": "v1 only"})
    );
    let keys = std::iter::once("readiness.overall".to_string()).chain(
        categories
            .iter()
            .map(|c| format!("readiness.categories.{c}")),
    );
    for key in keys {
        let score = at(&out, &key);
        assert!(
            score["design"].is_u64() && score["operating"].is_u64() && score["band"].is_string(),
            "{key}"
        );
    }
    let criteria = at(&out, "readiness.criteria").as_object().unwrap();
    assert_eq!(criteria.len(), 61);
    assert!(criteria["CC1.1"]["design"].is_u64() && criteria["P8.1"]["band"].is_string());
    for list in ["blockers", "gaps"] {
        let items = out[list].as_array().unwrap();
        assert!(
            !items.is_empty() && items.iter().all(|i| i["controlId"].is_string()),
            "{list}"
        );
    }
    for plan in ["type1", "type2"] {
        for end in ["low", "high"] {
            assert!(at(&out, &format!("timeline.{plan}.weeks.{end}")).is_u64());
        }
    }
    for (status, id) in [
        ("implemented", "access.mfa-admin"),
        ("notApplicable", "network.remote-admin"),
    ] {
        assert_eq!(out["answers"][id]["status"], status);
    }
    let bands: Vec<_> = ["auditReady", "findingsLikely", "materialGaps", "notReady"].into();
    assert!(bands.contains(&out["readiness"]["overall"]["band"].as_str().unwrap()));
}
