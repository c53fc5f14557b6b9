//! The limits fit together: whatever import accepts exports to something import accepts again,
//! and every date derived from an accepted start date is one every output can represent.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;
use common::*;
use soc2_readiness::date::{START_MAX, START_MIN};
use soc2_readiness::import::{document_bytes, import, validate, MAX_INPUT_BYTES};
use soc2_readiness::model::{
    MAX_COUNT, MAX_DOCUMENT_BYTES, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS,
    MAX_UNKNOWN_ANSWERS,
};
use soc2_readiness::oscal::{assessment_results, Timestamp};
use soc2_readiness::{assess, catalog, to_json, Answer, Date, Document, Export, Mode, Status};

/// Every count at its maximum, a team of one, every category, nothing in place, the longest
/// window: the longest plan the limits allow.
fn longest_plan(start: Date) -> Document {
    let mut doc = all_categories();
    let p = &mut doc.profile;
    p.start_date = start;
    p.team_size = 1;
    (p.endpoints, p.api_versions, p.integrations, p.regions) =
        (MAX_COUNT, MAX_COUNT, MAX_COUNT, MAX_COUNT);
    p.observation_months = 12;
    p.cloud_hosted = false;
    p.cloud_provider_soc2 = false;
    answer_all(&mut doc, Status::NotImplemented, false);
    doc
}

#[test]
fn the_longest_plan_from_the_last_start_date_ends_on_a_real_date() {
    let doc = validate(longest_plan(START_MAX)).unwrap();
    let t = assess(&doc).timeline;
    for plan in [&t.type1, &t.type2] {
        for (weeks, date) in [
            (plan.weeks.low, plan.report_dates.low),
            (plan.weeks.high, plan.report_dates.high),
        ] {
            // Not clamped at 9999-12-31: exactly `weeks` after the start.
            assert_eq!(
                date.to_days() - START_MAX.to_days(),
                i64::from(weeks) * 7,
                "{weeks} weeks from {START_MAX} gave {date}"
            );
        }
    }
    assert!(t.type2.report_dates.high < Date::parse("9999-12-31").unwrap());
    // Centuries: the bound is about the count limits, not about real plans.
    assert!(t.type2.weeks.high > 500 * 52, "{:?}", t.type2.weeks);
}

#[test]
fn oscal_accepts_every_start_date_import_accepts() {
    for start in [START_MIN, START_MAX] {
        let at = Timestamp::midnight(start);
        // OSCAL date-times must lie in 1900–2999; the parser enforces exactly that.
        assert_eq!(Timestamp::parse(&at.to_string()).unwrap(), at);
        let export = Export::new(validate(Document::new(start)).unwrap());
        let oscal = to_json(&assessment_results(
            &export,
            soc2_readiness::catalog::english(),
            at,
        ));
        assert!(oscal.contains(&format!("\"start\": \"{start}T00:00:00Z\"")));
    }
    for outside in ["1969-12-31", "2200-01-01", "3000-01-01"] {
        let text = format!(r#"{{"version":1,"profile":{{"startDate":"{outside}"}}}}"#);
        assert_eq!(import(&text).unwrap_err().path, "$.profile.startDate");
    }
}

/// Characters that cost the most bytes: escaped control characters (6 bytes in JSON), quotes
/// and backslashes (2), and characters outside the BMP (4).
fn costly(chars: usize, seed: usize) -> String {
    const MIX: [char; 6] = ['\u{1}', '"', '\\', '😀', '漢', '\u{10ffff}'];
    (0..chars).map(|i| MIX[(i + seed) % MIX.len()]).collect()
}

#[test]
fn the_largest_document_exports_to_a_file_import_accepts() {
    // Every limit at once: names at their length, the most answers to unknown ids with the
    // longest ids, every control answered, notes as long as the document allows.
    let mut doc = longest_plan(START_MAX);
    doc.mode = Mode::Full;
    let p = &mut doc.profile;
    p.organization = costly(MAX_NAME_CHARS, 0);
    p.compliance_owner = costly(MAX_NAME_CHARS, 1);
    p.cloud_provider = costly(MAX_NAME_CHARS, 2);
    for i in 0..MAX_UNKNOWN_ANSWERS {
        let id = format!("{i:04}{}", costly(MAX_ID_CHARS - 4, i));
        doc.answers.insert(
            id,
            Answer {
                status: Status::Partial,
                evidence: true,
                note: String::new(),
            },
        );
    }
    let mut room = MAX_DOCUMENT_BYTES - document_bytes(&doc);
    for (i, answer) in doc.answers.values_mut().enumerate() {
        // Each costly character takes at most 6 bytes; fill what is left, note by note.
        let note = costly((room / 6).min(MAX_NOTE_CHARS), i);
        room -= serde_json::to_string(&note).unwrap().len() - 2;
        answer.note = note;
    }
    let doc = validate(doc).unwrap();
    assert!(
        document_bytes(&doc) > MAX_DOCUMENT_BYTES - 6 * 1024,
        "filled to the limit"
    );
    assert_eq!(
        doc.answers.len(),
        catalog::controls().len() + MAX_UNKNOWN_ANSWERS
    );

    let export = to_json(&Export::new(doc.clone()));
    eprintln!("largest export: {} bytes", export.len());
    assert!(
        export.len() <= MAX_INPUT_BYTES,
        "an export of {} bytes would not re-import (limit {MAX_INPUT_BYTES})",
        export.len()
    );
    let again = import(&export).unwrap().document;
    assert_eq!(again, doc);
}

#[test]
fn one_character_more_anywhere_is_refused_with_its_path() {
    let base = || {
        let mut doc = Document::new(start());
        doc.answers.insert(
            "access.mfa-admin".into(),
            Answer {
                status: Status::Planned,
                evidence: false,
                note: "😀".repeat(MAX_NOTE_CHARS),
            },
        );
        doc.profile.organization = "😀".repeat(MAX_NAME_CHARS);
        doc
    };
    // At the limits, counted in characters (each of these is two UTF-16 units, four bytes).
    let ok = base();
    assert_eq!(import(&to_json(&ok)).unwrap().document, ok);
    let mut long_note = base();
    long_note
        .answers
        .get_mut("access.mfa-admin")
        .unwrap()
        .note
        .push('a');
    assert_eq!(
        import(&to_json(&long_note)).unwrap_err().path,
        r#"$.answers["access.mfa-admin"].note"#
    );
    let mut long_name = base();
    long_name.profile.organization.push('a');
    assert_eq!(
        import(&to_json(&long_name)).unwrap_err().path,
        "$.profile.organization"
    );
}
