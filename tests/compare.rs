//! Comparing a previous assessment with this one (src/compare.rs): what moves is exactly what
//! changed, retired ids are listed, and the formats say it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;
use common::*;
use soc2_readiness::compare::{self, CompareFormat, Movement};
use soc2_readiness::{assess, catalog, to_json, Document, Export, Status};

/// A company some way along: every other control implemented with records.
fn midway() -> Document {
    let mut doc = Document::new(start());
    for (i, c) in catalog::controls().iter().enumerate() {
        if i % 2 == 0 {
            doc.answers
                .insert(c.id.into(), answer(Status::Implemented, true));
        }
    }
    doc
}

#[test]
fn identical_assessments_show_no_change() {
    let doc = midway();
    let c = compare::compare(&doc, None, &doc, None);
    assert!(c.controls.is_empty());
    assert!(!c.catalog_changed);
    assert_eq!(c.overall.design_points, Some(0));
    assert_eq!(c.overall.operating_points, Some(0));
    assert!(!c.overall.band_changed);
    for (id, ch) in c
        .categories
        .iter()
        .chain(c.criteria.iter())
        .chain(c.sections.iter())
    {
        assert!(
            ch.design_points.unwrap_or(0) == 0
                && ch.operating_points.unwrap_or(0) == 0
                && !ch.band_changed,
            "{id} moved"
        );
    }
    assert_eq!(c.timeline.type1.earlier_by_days.low, 0);
    assert_eq!(c.timeline.type2.earlier_by_days.high, 0);
    let md = compare::markdown(&c, catalog::english());
    assert!(md.contains("No control moved."));
    assert!(!md.contains("### Areas that moved"));
}

#[test]
fn one_control_improved_moves_exactly_it_and_what_it_belongs_to() {
    let before = midway();
    // A control not yet answered, now implemented with records.
    let control = catalog::controls()
        .iter()
        .find(|c| {
            !before.answers.contains_key(c.id) && c.category == soc2_readiness::Category::Security
        })
        .unwrap();
    let mut after = before.clone();
    after
        .answers
        .insert(control.id.into(), answer(Status::Implemented, true));
    let c = compare::compare(&before, None, &after, None);

    assert_eq!(c.controls.len(), 1, "{:?}", c.controls);
    let moved = &c.controls[0];
    assert_eq!(moved.control_id, control.id);
    assert_eq!(moved.change, Movement::Improved);
    assert_eq!((moved.design, moved.operating), (2, 2));
    assert!(c.overall.design_points.unwrap() > 0);

    // Its criteria and section gain points; no other criterion or section moves.
    for (id, ch) in c.criteria.iter() {
        let expected = control.criteria.contains(&id);
        assert_eq!(ch.design_points.unwrap() > 0, expected, "criterion {id}");
        assert_eq!(ch.operating_points.unwrap() > 0, expected, "criterion {id}");
    }
    for (id, ch) in c.sections.iter() {
        assert_eq!(
            ch.design_points.unwrap_or(0) != 0,
            id == control.section,
            "section {id}"
        );
    }
    for (id, ch) in c.categories.iter() {
        assert_eq!(
            ch.design_points.unwrap() > 0,
            id == "security",
            "category {id}"
        );
    }
    // The same control back to not implemented: a regression of the same size.
    let back = compare::compare(&after, None, &before, None);
    assert_eq!(back.controls[0].change, Movement::Regressed);
    assert_eq!(
        back.overall.design_points,
        c.overall.design_points.map(|p| -p)
    );
}

#[test]
fn retired_ids_are_listed_never_dropped_and_a_catalog_change_is_said() {
    let mut before = midway();
    before.answers.insert(
        "access.legacy-`sso`".into(),
        answer(Status::Implemented, true),
    );
    let after = midway();
    let c = compare::compare(&before, Some("2025.01".into()), &after, None);
    assert!(c.catalog_changed);
    assert_eq!(c.before.catalog_version.as_deref(), Some("2025.01"));
    let retired: Vec<_> = c
        .controls
        .iter()
        .filter(|x| x.change == Movement::Retired)
        .collect();
    assert_eq!(retired.len(), 1);
    assert_eq!(retired[0].control_id, "access.legacy-`sso`");
    assert_eq!(retired[0].before.map(|s| s.id()), Some("implemented"));
    assert!(retired[0].after.is_none());
    let md = compare::markdown(&c, catalog::english());
    assert!(md.contains("The catalog changed in between"));
    // In a code span the id's backticks cannot close it.
    assert!(
        md.contains("(`access.legacy-'sso'`): Implemented → retired"),
        "{md}"
    );
    let csv = compare::csv(&c, catalog::english());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader.records().map(Result::unwrap).next().unwrap();
    assert_eq!(&row[0], "access.legacy-`sso`");
    assert_eq!(&row[3], "retired");
}

#[test]
fn a_change_of_scope_shows_what_appeared_and_what_dropped() {
    let before = midway();
    let mut after = before.clone();
    after.profile.categories = vec![soc2_readiness::Category::Availability];
    let c = compare::compare(&before, None, &after, None);
    let availability = c.categories.get("availability").unwrap();
    assert!(availability.before.is_none() && availability.after.is_some());
    assert!(
        availability.design_points.is_none(),
        "no points without a before"
    );
    let appeared: Vec<_> = c
        .controls
        .iter()
        .filter(|x| x.change == Movement::Appeared)
        .map(|x| x.control_id.as_str())
        .collect();
    assert!(!appeared.is_empty());
    assert!(
        appeared
            .iter()
            .all(|id| catalog::control(id).unwrap().category
                == soc2_readiness::Category::Availability)
    );
    assert!(c.controls.iter().all(|x| x.change == Movement::Appeared));
}

#[test]
fn compare_text_reads_exports_by_the_import_rules_and_names_the_side_of_an_error() {
    let before = Export::new(midway());
    let before_text = to_json(&before);
    let mut after = midway();
    after.answers.insert(
        catalog::controls()[1].id.into(),
        answer(Status::Partial, false),
    );
    let after_text = to_json(&Export::new(after.clone()));
    let c = compare::compare_text(&before_text, &after_text).unwrap();
    // An export names its catalog version; both are this build's.
    assert_eq!(
        c.before.catalog_version.as_deref(),
        Some(catalog::CATALOG_VERSION)
    );
    assert!(!c.catalog_changed);
    assert_eq!(c.controls.len(), 1);
    // Answered: the visitor's answers, not controls inherited from the provider's report.
    let counts = assess(&after).readiness.overall.counts;
    assert!(counts.inherited > 0);
    assert_eq!(c.after.answered, counts.answered - counts.inherited);

    let broken = after_text.replacen("\"partial\"", "\"sort of\"", 1);
    let err = compare::compare_text(&before_text, &broken).unwrap_err();
    assert!(err.message.starts_with("after: "), "{}", err.message);
    assert!(err.path.starts_with("$.answers"), "{}", err.path);

    // JSON is the comparison itself.
    let json: serde_json::Value = serde_json::from_str(&compare::render(
        CompareFormat::Json,
        &c,
        catalog::english(),
    ))
    .unwrap();
    assert_eq!(json["controls"][0]["change"], "improved");
    assert_eq!(json["before"]["startDate"], "2027-01-04");
}
