//! The exports module in Node (`wasm-pack test --node -- --test wasm_exports --features exports`):
//! every format renders from a session's document text and the catalog text the page loads; junk
//! gets an error outcome, never an exception.
#![cfg(all(target_arch = "wasm32", feature = "exports"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod wasm;
use js_sys::JSON;
use soc2_readiness::wasm::{compare, compare_as, oscal_set, read_shared, render, share_fragment};
use wasm::{expect_error, expect_ok};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const DOCUMENT: &str = r#"{"version":1,"profile":{"startDate":"2027-01-04","organization":"Acme"},"answers":{"access.mfa-admin":{"status":"implemented","evidence":true,"note":"keys"}}}"#;

fn catalog() -> JsValue {
    JSON::parse(include_str!(concat!(env!("OUT_DIR"), "/catalog-full.json"))).unwrap()
}

#[wasm_bindgen_test]
fn every_format_renders_with_the_page_catalog_text() {
    for (format, starts) in [
        ("json", "{"),
        ("markdown", "# Acme: SOC 2 readiness"),
        ("md", "# Acme: SOC 2 readiness"),
        ("csv", "rank,title,description,owner,due_date"),
        ("oscal", "{"),
    ] {
        let out = expect_ok(&render(
            format,
            DOCUMENT,
            catalog(),
            Some("2027-01-04T09:30:00Z".into()),
        ));
        let text = out.as_string().unwrap();
        assert!(
            text.starts_with(starts),
            "{format}: {}",
            &text[..40.min(text.len())]
        );
        assert!(text.ends_with('\n'), "{format}");
    }
    let csv = expect_ok(&render("csv", DOCUMENT, catalog(), None))
        .as_string()
        .unwrap();
    assert!(
        csv.contains("Role-based access with least privilege"),
        "titles come from the text"
    );
    // The OSCAL set: four documents under the names their hrefs use.
    let set = expect_ok(&oscal_set(DOCUMENT, catalog(), "2027-01-04T09:30:00Z"));
    let files = js_sys::Array::from(&set);
    let names: Vec<String> = files
        .iter()
        .map(|f| wasm::get(&f, "name").as_string().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "soc2-readiness-catalog.oscal.json",
            "soc2-readiness-assessment-results.oscal.json",
            "soc2-readiness-assessment-plan.oscal.json",
            "soc2-readiness-ssp.oscal.json"
        ]
    );
    let results = wasm::get(&files.get(1), "text").as_string().unwrap();
    assert!(results.contains("\"href\": \"./soc2-readiness-assessment-plan.oscal.json\""));
}

#[wasm_bindgen_test]
fn junk_gets_errors_with_paths() {
    let (path, _) = expect_error(&render("pdf", DOCUMENT, catalog(), None));
    assert_eq!(path, "format");
    let (path, _) = expect_error(&render("csv", "{", catalog(), None));
    assert_eq!(path, "$");
    let (path, _) = expect_error(&render(
        "oscal",
        DOCUMENT,
        catalog(),
        Some("yesterday".into()),
    ));
    assert_eq!(path, "generatedAt");
    let (path, _) = expect_error(&oscal_set(DOCUMENT, catalog(), "2027-01-04"));
    assert_eq!(path, "generatedAt");
    let stale = JSON::parse(
        &include_str!(concat!(env!("OUT_DIR"), "/catalog-full.json")).replace("2026.12", "1999.01"),
    )
    .unwrap();
    let (path, _) = expect_error(&render("csv", DOCUMENT, stale, None));
    assert_eq!(path, "text.version");
    for junk in [JsValue::NULL, JsValue::from(3), JsValue::from_str("x")] {
        expect_error(&render("markdown", DOCUMENT, junk.clone(), None));
        expect_error(&oscal_set(DOCUMENT, junk, "2027-01-04T09:30:00Z"));
    }
}

/// The page's German files, merged as the page merges them (`catalog.de.json` with
/// `catalog-help.de.json`): Markdown and CSV in German; OSCAL only from the English text.
#[wasm_bindgen_test]
fn the_exports_follow_the_language_of_the_text() {
    let german = || {
        JSON::parse(include_str!(concat!(
            env!("OUT_DIR"),
            "/catalog-full.de.json"
        )))
        .unwrap()
    };
    let md = expect_ok(&render("markdown", DOCUMENT, german(), None))
        .as_string()
        .unwrap();
    assert!(
        md.starts_with("# Acme: SOC-2-Prüfungsbereitschaft"),
        "{}",
        &md[..60]
    );
    assert!(md.contains("\n## Maßnahmenplan\n"));
    let csv = expect_ok(&render("csv", DOCUMENT, german(), None))
        .as_string()
        .unwrap();
    assert!(csv.contains("Rollenbasierter Zugriff nach dem Prinzip der minimalen Rechte"));
    let after = DOCUMENT.replace(r#""status":"implemented""#, r#""status":"partial""#);
    let since = expect_ok(&compare_as("markdown", DOCUMENT, &after, german()))
        .as_string()
        .unwrap();
    assert!(since.starts_with("## Seit 2027-01-04"), "{since}");
    let (path, message) = expect_error(&render("oscal", DOCUMENT, german(), None));
    assert_eq!(path, "text.language", "{message}");
    let (path, _) = expect_error(&oscal_set(DOCUMENT, german(), "2027-01-04T09:30:00Z"));
    assert_eq!(path, "text.language");
    // A first-screen file without its help has no phrases: Markdown and CSV say so.
    let first = JSON::parse(include_str!(concat!(env!("OUT_DIR"), "/catalog.de.json"))).unwrap();
    let (path, _) = expect_error(&render("markdown", DOCUMENT, first, None));
    assert_eq!(path, "text.report.title");
}

#[wasm_bindgen_test]
fn compare_is_the_cli_diff_and_names_the_side_of_an_error() {
    let after = DOCUMENT.replace(r#""status":"implemented""#, r#""status":"partial""#);
    let value = expect_ok(&compare(DOCUMENT, &after));
    let controls = js_sys::Reflect::get(&value, &"controls".into()).unwrap();
    let first = js_sys::Reflect::get(&controls, &0.into()).unwrap();
    let change = js_sys::Reflect::get(&first, &"change".into()).unwrap();
    assert_eq!(change.as_string().as_deref(), Some("regressed"));
    for (format, starts) in [
        ("markdown", "## Since 2027-01-04"),
        ("csv", "control_id,title,section,change,"),
        ("json", "{"),
    ] {
        let text = expect_ok(&compare_as(format, DOCUMENT, &after, catalog()))
            .as_string()
            .unwrap();
        assert!(text.starts_with(starts), "{format}");
    }
    let (_, message) = expect_error(&compare(DOCUMENT, "{}"));
    assert!(message.starts_with("after: "), "{message}");
    let (path, _) = expect_error(&compare_as("oscal", DOCUMENT, DOCUMENT, catalog()));
    assert_eq!(path, "format");
}

#[wasm_bindgen_test]
fn a_shared_link_reads_back_without_notes_and_names_unless_included() {
    let link = expect_ok(&share_fragment(DOCUMENT, false))
        .as_string()
        .unwrap();
    assert!(link.starts_with("share=1."), "{link}");
    let shared = expect_ok(&read_shared(&format!("#{link}")));
    let document = JSON::parse(&wasm::get(&shared, "document").as_string().unwrap()).unwrap();
    let answer = wasm::get(&wasm::get(&document, "answers"), "access.mfa-admin");
    assert_eq!(
        wasm::get(&answer, "status").as_string().as_deref(),
        Some("implemented")
    );
    assert_eq!(wasm::get(&answer, "evidence"), JsValue::TRUE);
    assert_eq!(
        wasm::get(&answer, "note").as_string().as_deref(),
        Some(""),
        "notes never travel"
    );
    let profile = wasm::get(&document, "profile");
    assert_eq!(
        wasm::get(&profile, "organization").as_string().as_deref(),
        Some("")
    );
    assert_eq!(
        wasm::get(&wasm::get(&shared, "catalog"), "version")
            .as_string()
            .as_deref(),
        Some("2026.12")
    );
    assert_eq!(
        js_sys::Array::from(&wasm::get(&shared, "warnings")).length(),
        0
    );
    // with names
    let named = expect_ok(&share_fragment(DOCUMENT, true))
        .as_string()
        .unwrap();
    let text = wasm::get(&expect_ok(&read_shared(&named)), "document");
    let profile = wasm::get(&JSON::parse(&text.as_string().unwrap()).unwrap(), "profile");
    assert_eq!(
        wasm::get(&profile, "organization").as_string().as_deref(),
        Some("Acme")
    );
}

#[wasm_bindgen_test]
fn a_damaged_or_oversized_link_is_an_error_outcome() {
    let link = expect_ok(&share_fragment(DOCUMENT, false))
        .as_string()
        .unwrap();
    for junk in [
        String::new(),
        link[..link.len() - 3].to_string(),
        link.replace("share=1.", "share=1.A"),
        link.replace("share=1.", "share=9."),
        format!("share=1.{}", "A".repeat(10_000)),
        "\u{1}\u{ffff}😀".to_string(),
    ] {
        let (path, message) = expect_error(&read_shared(&junk));
        assert_eq!(path, "link", "{message}");
    }
    let (path, _) = expect_error(&share_fragment("{", false));
    assert_eq!(path, "$");
}
