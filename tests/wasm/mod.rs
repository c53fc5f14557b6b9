//! Shared checks for the Wasm binding tests (Node and browser): the engine session, fed malformed
//! values, returns `{ ok: false, error: { path, message } }` instead of throwing or panicking and
//! changes nothing; well-formed changes round-trip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use js_sys::{Reflect, JSON};
#[cfg(not(feature = "exports"))]
use soc2_readiness::wasm::{limits, Session};
use wasm_bindgen::JsValue;

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// Asserts `outcome` is an error and returns its (path, message).
pub fn expect_error(outcome: &JsValue) -> (String, String) {
    assert_eq!(
        get(outcome, "ok"),
        JsValue::FALSE,
        "expected an error outcome"
    );
    let error = get(outcome, "error");
    (
        get(&error, "path").as_string().unwrap(),
        get(&error, "message").as_string().unwrap(),
    )
}

/// Asserts `outcome` is a success and returns its value.
pub fn expect_ok(outcome: &JsValue) -> JsValue {
    assert_eq!(
        get(outcome, "ok"),
        JsValue::TRUE,
        "expected a success outcome"
    );
    get(outcome, "value")
}

#[cfg(not(feature = "exports"))]
fn text(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().as_string().unwrap()
}

#[cfg(not(feature = "exports"))]
fn junk() -> Vec<JsValue> {
    vec![
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from(42),
        JsValue::TRUE,
        JsValue::from_str(""),
        JsValue::from_str("{"),
        JsValue::from_str("[]"),
        JsValue::from_str(&"[".repeat(10_000)),
        JSON::parse(r#"{"version":1,"profile":{"startDate":"2027-13-01"}}"#).unwrap(),
        JSON::parse(r#"{"version":99}"#).unwrap(),
        JSON::parse(
            r#"{"version":1,"profile":{"startDate":"2027-01-04"},"answers":{"x":{"status":7}}}"#,
        )
        .unwrap(),
        js_sys::Symbol::for_("s").into(),
    ]
}

#[cfg(not(feature = "exports"))]
pub fn malformed_values_never_throw_and_change_nothing() {
    let mut session = Session::new("2027-01-04").unwrap();
    let before = text(&session.document());
    for value in junk() {
        expect_error(&session.replace(value.clone()));
        expect_error(&session.set_profile(value));
    }
    for bad in ["", "null", "{", "2027", "\u{0}", &"{\"a\":".repeat(5000)] {
        expect_error(&session.import_text(bad));
    }
    let (path, _) =
        expect_error(&session.set_answer("access.mfa-admin", Some("done".into()), false, ""));
    assert_eq!(path, "$.answers[\"access.mfa-admin\"].status");
    let (path, _) =
        expect_error(&session.set_answer("x", Some("planned".into()), false, &"n".repeat(4001)));
    assert_eq!(path, "$.answers.x.note");
    let (path, _) = expect_error(&session.set_profile(JSON::parse(r#"{"teamsize":3}"#).unwrap()));
    assert_eq!(path, "$.profile.teamsize");
    let (path, _) =
        expect_error(&session.set_profile(JSON::parse(r#"{"observationMonths":4}"#).unwrap()));
    assert_eq!(path, "$.profile.observationMonths");
    let (path, _) = expect_error(&session.set_mode("fast"));
    assert_eq!(path, "$.mode");
    // The one start-date range: what import refuses, a new session and a reset refuse too.
    let (path, message) = expect_error(&session.reset("3000-01-01"));
    assert_eq!(path, "$.profile.startDate");
    assert!(message.contains("1970-01-01 to 2199-12-31"), "{message}");
    assert!(Session::new("2027-02-30").is_err());
    assert_eq!(
        text(&session.document()),
        before,
        "no refused change changed anything"
    );
    // A leading byte order mark is skipped, as the CLI skips it in a file.
    expect_ok(
        &session.import_text("\u{feff}{\"version\":1,\"profile\":{\"startDate\":\"2027-01-04\"}}"),
    );
}

#[cfg(not(feature = "exports"))]
pub fn changes_round_trip_through_the_session() {
    let mut session = Session::new("2027-01-04").unwrap();
    let answered = |summary: &JsValue| {
        get(&get(&get(summary, "overall"), "counts"), "answered")
            .as_f64()
            .unwrap()
    };
    let before = answered(&session.summary());
    let summary = expect_ok(&session.set_answer(
        "access.mfa-admin",
        Some("implemented".into()),
        true,
        "keys",
    ));
    // A change returns the summary the page shows; the full results hold every standing.
    assert_eq!(answered(&summary), before + 1.0);
    assert_eq!(text(&summary), text(&session.summary()));
    let standing = get(&get(&session.exported(), "standings"), "access.mfa-admin");
    assert_eq!(get(&standing, "state").as_string().unwrap(), "implemented");
    expect_ok(
        &session
            .set_profile(JSON::parse(r#"{"teamSize":12,"categories":["availability"]}"#).unwrap()),
    );
    expect_ok(&session.set_mode("quick"));
    let doc = session.document();
    assert_eq!(get(&get(&doc, "profile"), "teamSize").as_f64(), Some(12.0));
    assert_eq!(get(&doc, "mode").as_string().unwrap(), "quick");
    let categories = text(&get(&get(&doc, "profile"), "categories"));
    assert_eq!(
        categories, r#"["security","availability"]"#,
        "Security first, always"
    );
    // The document's text re-imports into another session to the same results.
    let mut other = Session::new("2030-06-01").unwrap();
    expect_ok(&other.import_text(&session.document_text()));
    assert_eq!(text(&other.exported()), text(&session.exported()));
    // A host's object is read by the same rules as a file.
    expect_ok(&other.replace(session.document()));
    assert_eq!(text(&other.exported()), text(&session.exported()));
    // Clearing an answer.
    expect_ok(&session.set_answer("access.mfa-admin", None, false, ""));
    let standing = get(&get(&session.exported(), "standings"), "access.mfa-admin");
    assert_eq!(get(&standing, "state").as_string().unwrap(), "unanswered");
    assert!(get(&get(&session.document(), "answers"), "access.mfa-admin").is_undefined());
    let bounds = limits();
    assert_eq!(get(&bounds, "noteChars").as_f64(), Some(4000.0));
}

/// Answers set one at a time take the document up to its limits (its size as saved, the answers
/// to unknown ids it keeps) and never past them: the answer that would is refused and undone.
#[cfg(not(feature = "exports"))]
pub fn answers_grow_to_the_limits_and_no_further() {
    let note_chars = soc2_readiness::model::MAX_NOTE_CHARS;
    let unknown_answers = soc2_readiness::model::MAX_UNKNOWN_ANSWERS;

    // Size: notes of two-byte characters reach the document limit before the unknown-id one.
    let mut session = Session::new("2027-01-04").unwrap();
    let long = "é".repeat(note_chars);
    let mut refused_at = None;
    for i in 0..unknown_answers {
        let before = text(&session.document());
        let outcome = session.set_answer(&format!("x-{i}"), Some("planned".into()), false, &long);
        if get(&outcome, "ok") == JsValue::FALSE {
            let (path, message) = expect_error(&outcome);
            assert_eq!(path, "$");
            assert!(message.contains("larger than 1 MiB"), "{message}");
            assert_eq!(
                text(&session.document()),
                before,
                "the refused answer is undone"
            );
            refused_at = Some(i);
            break;
        }
    }
    let refused_at = refused_at.expect("the document limit refuses an answer");
    let saved = session.document_text().len();
    assert!(
        saved > (1 << 20) - 9000 && saved <= 1 << 20,
        "refused only at the limit ({saved} bytes after {refused_at} answers)"
    );

    // Fill what is left, note by shorter note, until not even an answer without a note fits;
    // then a longer organisation name does not fit either, and is undone too.
    let mut n = refused_at;
    for len in [2000, 1000, 500, 250, 120, 60, 30, 15, 8, 4, 2, 1, 0] {
        let note = "é".repeat(len);
        while get(
            &session.set_answer(&format!("x-{n}"), Some("planned".into()), false, &note),
            "ok",
        ) == JsValue::TRUE
        {
            n += 1;
        }
    }
    let before = text(&session.document());
    let name = format!(r#"{{"organization":"{}"}}"#, "é".repeat(200));
    let (path, message) = expect_error(&session.set_profile(JSON::parse(&name).unwrap()));
    assert_eq!(path, "$");
    assert!(message.contains("larger than 1 MiB"), "{message}");
    assert_eq!(
        text(&session.document()),
        before,
        "the refused profile is undone"
    );

    // Unknown ids: as many as a document keeps, then no more; known and existing ones still set.
    let mut session = Session::new("2027-01-04").unwrap();
    for i in 0..unknown_answers {
        expect_ok(&session.set_answer(&format!("x-{i}"), Some("planned".into()), false, ""));
    }
    let before = text(&session.document());
    let (path, message) =
        expect_error(&session.set_answer("x-new", Some("planned".into()), false, ""));
    assert_eq!(path, "$.answers");
    assert!(
        message.contains(&format!("at most {unknown_answers}")),
        "{message}"
    );
    assert_eq!(
        text(&session.document()),
        before,
        "the refused answer is undone"
    );
    expect_ok(&session.set_answer("x-0", Some("implemented".into()), true, ""));
    expect_ok(&session.set_answer("access.mfa-admin", Some("implemented".into()), true, ""));
}

/// The summary every change returns is written part by part, sharing what did not change with
/// the previous summary. After any sequence of changes (answers of every status, the provider
/// report's control, assignments, profile and mode changes, a reset, an import) it must be the
/// summary written whole by its serde derive, key order included; and no summary handed out
/// earlier may change afterwards.
#[cfg(not(feature = "exports"))]
pub fn a_summary_written_by_changes_equals_the_summary_written_whole() {
    use serde::Serialize;
    use soc2_readiness::{catalog, import, summary::summarize};
    let whole = |session: &Session| {
        let doc = import::import(&session.document_text()).unwrap().document;
        let value = summarize(&doc)
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap();
        text(&value)
    };
    let ids: Vec<&str> = catalog::controls().iter().map(|c| c.id).collect();
    let statuses = [
        Some("implemented"),
        Some("partial"),
        Some("planned"),
        Some("notImplemented"),
        Some("notApplicable"),
        None,
    ];
    let profiles = [
        r#"{"categories":["availability","privacy"]}"#,
        r#"{"categories":[]}"#,
        r#"{"teamSize":60,"hoursPerWeek":null}"#,
        r#"{"hoursPerWeek":12}"#,
        r#"{"cloudProviderSoc2":false}"#,
        r#"{"cloudProviderSoc2":true,"observationMonths":3}"#,
    ];
    let mut session = Session::new("2027-01-04").unwrap();
    assert_eq!(text(&session.summary()), whole(&session));
    let mut seed = 0x2545_f491_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    let mut handed_out = Vec::new();
    for step in 0..600 {
        let outcome = match next() % 40 {
            0 => session.set_profile(JSON::parse(profiles[next() % profiles.len()]).unwrap()),
            1 => session.set_mode(["quick", "full"][next() % 2]),
            2 => session.set_assignment(ids[next() % ids.len()], "Dana", Some("2027-03-01".into())),
            3 if step % 7 == 0 => session.reset("2027-05-03"),
            4 if step % 5 == 0 => {
                let text = session.document_text();
                expect_ok(&session.import_text(&text));
                session.set_mode("full")
            }
            // The provider report's control moves every inherited control at once.
            5..=7 => session.set_answer(
                catalog::PROVIDER_REPORT_CONTROL,
                statuses[next() % statuses.len()].map(String::from),
                next() % 2 == 0,
                "",
            ),
            _ => session.set_answer(
                ids[next() % ids.len()],
                statuses[next() % statuses.len()].map(String::from),
                next() % 3 == 0,
                "",
            ),
        };
        let summary = expect_ok(&outcome);
        let written = text(&summary);
        assert_eq!(written, whole(&session), "step {step}");
        assert_eq!(text(&session.summary()), written, "step {step}");
        handed_out.push((written, summary));
    }
    for (i, (written, summary)) in handed_out.iter().enumerate() {
        assert_eq!(
            &text(summary),
            written,
            "summary {i} changed after it was handed out"
        );
    }
}
