//! Scoring and timeline behaviour a compliance lead relies on, scenario by scenario.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;
use common::*;
use soc2_readiness::score::{Band, State};
use soc2_readiness::{assess, catalog, Category, Mode, Status};

#[test]
fn everything_implemented_with_evidence_scores_100_and_audit_ready() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Implemented, true);
    let r = assess(&doc);
    let o = &r.readiness.overall;
    assert_eq!(
        (o.design, o.operating, o.band, o.operating_band),
        (100, 100, Band::AuditReady, Band::AuditReady)
    );
    assert_eq!(o.completion, 100);
    assert_eq!(r.readiness.categories.len(), 5);
    assert_eq!(r.readiness.criteria.len(), 61);
    assert!(r
        .readiness
        .criteria
        .iter()
        .all(|(_, s)| s.design == 100 && s.band == Band::AuditReady));
    assert!(r.blockers.is_empty() && r.gaps.is_empty());
}

#[test]
fn an_empty_assessment_is_not_ready_and_every_critical_control_blocks() {
    let mut doc = all_categories();
    doc.profile.cloud_provider_soc2 = false;
    let r = assess(&doc);
    let o = &r.readiness.overall;
    assert_eq!(
        (o.design, o.operating, o.completion, o.band),
        (0, 0, 0, Band::NotReady)
    );
    assert_eq!(o.counts.unanswered, o.counts.asked);
    let critical = catalog::controls()
        .iter()
        .filter(|c| c.critical && c.applies_to(&all_categories().profile))
        .count();
    assert_eq!(r.blockers.len(), critical);
    assert!(r
        .blockers
        .iter()
        .all(|b| b.state == State::Unanswered && b.blocks == "type1"));
}

#[test]
fn one_critical_control_missing_caps_the_band_whatever_the_percentage() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Implemented, true);
    doc.answers.insert(
        "access.mfa-admin".into(),
        answer(Status::NotImplemented, false),
    );
    let r = assess(&doc);
    let o = &r.readiness.overall;
    assert!(o.design >= 98, "{}", o.design);
    assert_eq!(o.band, Band::MaterialGaps);
    assert_eq!(o.capped_by, vec!["access.mfa-admin"]);
    assert_eq!(r.blockers.len(), 1);
    assert_eq!(r.blockers[0].control_id, "access.mfa-admin");
    assert_eq!(
        r.gaps[0].control_id, "access.mfa-admin",
        "the blocker ranks first"
    );
    // Partially in place caps one band higher.
    doc.answers
        .insert("access.mfa-admin".into(), answer(Status::Partial, true));
    assert_eq!(assess(&doc).readiness.overall.band, Band::FindingsLikely);
}

#[test]
fn evidence_separates_type_ii_from_type_i() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Implemented, false);
    let r = assess(&doc);
    let o = &r.readiness.overall;
    assert_eq!(o.design, 100);
    assert!(
        o.operating < 10,
        "only inherited controls are evidenced: {}",
        o.operating
    );
    assert_eq!(o.band, Band::AuditReady);
    assert_eq!(o.operating_band, Band::NotReady);
    assert!(r.blockers.iter().all(|b| b.blocks == "type2"));
    assert!(r.gaps.iter().all(|g| g.kind == "evidence"));
}

#[test]
fn out_of_scope_categories_are_not_scored() {
    let mut doc = all_categories();
    doc.profile.categories = vec![Category::Security];
    let r = assess(&doc);
    assert_eq!(
        r.readiness
            .categories
            .iter()
            .map(|(k, _)| k)
            .collect::<Vec<_>>(),
        vec!["security"]
    );
    assert_eq!(r.readiness.criteria.len(), 33);
    assert!(r.gaps.iter().all(|g| g.category == Category::Security));
}

#[test]
fn not_applicable_only_where_allowed() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Implemented, true);
    // Allowed: excluded from the score.
    doc.answers.insert(
        "network.remote-admin".into(),
        answer(Status::NotApplicable, false),
    );
    let r = assess(&doc);
    assert_eq!(r.readiness.overall.design, 100);
    assert_eq!(r.readiness.overall.counts.not_applicable, 1);
    assert!(r.warnings.is_empty());
    // Not allowed on a critical control: a warning, and it counts as not in place.
    doc.answers.insert(
        "access.mfa-admin".into(),
        answer(Status::NotApplicable, false),
    );
    let r = assess(&doc);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].path, r#"$.answers["access.mfa-admin"]"#);
    assert_eq!(r.blockers[0].control_id, "access.mfa-admin");
}

#[test]
fn unknown_control_ids_are_kept_and_warned() {
    let mut doc = all_categories();
    doc.answers.insert(
        "retired.old-control".into(),
        answer(Status::Implemented, true),
    );
    let r = assess(&doc);
    assert!(r.warnings[0].message.contains("kept but not scored"));
    let export = soc2_readiness::Export::new(doc);
    assert!(export.answers.contains_key("retired.old-control"));
}

#[test]
fn inherited_controls_count_when_the_provider_has_a_soc2_report() {
    let mut doc = all_categories();
    let inherited: Vec<_> = catalog::controls().iter().filter(|c| c.inherited).collect();
    let r = assess(&doc);
    assert_eq!(
        r.readiness.overall.counts.inherited as usize,
        inherited.len()
    );
    assert!(r
        .gaps
        .iter()
        .all(|g| !inherited.iter().any(|c| c.id == g.control_id)));
    doc.profile.cloud_provider_soc2 = false;
    let r = assess(&doc);
    assert_eq!(r.readiness.overall.counts.inherited, 0);
    assert!(inherited
        .iter()
        .all(|c| r.gaps.iter().any(|g| g.control_id == c.id)));
}

#[test]
fn applicability_follows_the_profile() {
    let mut doc = all_categories();
    let asked = |doc: &soc2_readiness::Document, id: &str| {
        soc2_readiness::score::asked(catalog::control(id).unwrap(), doc)
    };
    assert!(!asked(&doc, "platform.data-residency"));
    assert!(!asked(&doc, "platform.version-parity"));
    doc.profile.regions = 3;
    doc.profile.api_versions = 2;
    assert!(asked(&doc, "platform.data-residency"));
    assert!(asked(&doc, "platform.version-parity"));
    doc.profile.cloud_hosted = false;
    assert!(!asked(&doc, "platform.cloud-soc2"));
}

#[test]
fn quick_mode_scores_only_key_questions_and_is_marked_an_estimate() {
    let mut doc = all_categories();
    doc.mode = Mode::Quick;
    for c in catalog::controls().iter().filter(|c| c.quick) {
        doc.answers
            .insert(c.id.into(), answer(Status::Implemented, true));
    }
    let r = assess(&doc);
    assert!(r.estimate);
    assert_eq!(r.readiness.overall.design, 100);
    assert_eq!(
        r.readiness.overall.counts.asked as usize,
        catalog::controls().iter().filter(|c| c.quick).count()
    );
    doc.mode = Mode::Full;
    let r = assess(&doc);
    assert!(!r.estimate && r.readiness.overall.design < 40);
}

#[test]
fn gaps_rank_by_impact_then_effort() {
    let r = assess(&all_categories());
    for pair in r.gaps.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            a.impact > b.impact || (a.impact == b.impact && a.effort_hours <= b.effort_hours),
            "{} before {}",
            a.control_id,
            b.control_id
        );
    }
    assert!(r.gaps[0].critical);
    assert!(!r.gaps[0].remediation.is_empty() && !r.gaps[0].evidence.is_empty());
}

#[test]
fn criteria_scores_explain_which_controls_drive_them() {
    let mut doc = all_categories();
    doc.answers
        .insert("access.mfa-admin".into(), answer(Status::Implemented, true));
    let r = assess(&doc);
    let cc61 = r.readiness.criteria.get("CC6.1").unwrap();
    assert!(cc61.controls.contains(&"access.mfa-admin"));
    assert!(cc61.design > 0 && cc61.design < 100);
    assert!(cc61.capped_by.iter().all(|id| *id != "access.mfa-admin"));
}

#[test]
fn timeline_rests_on_the_published_facts() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Implemented, true);
    let t = assess(&doc).timeline;
    let phase = |plan: &soc2_readiness::timeline::Plan, id: &str| {
        plan.phases.iter().find(|p| p.id == id).unwrap().weeks
    };
    assert_eq!(phase(&t.type1, "remediation").low, 0);
    assert_eq!(
        (
            phase(&t.type1, "fieldwork").low,
            phase(&t.type1, "report").low,
            phase(&t.type1, "report").high
        ),
        (4, 2, 6)
    );
    for (months, weeks) in [(3, 13), (6, 26), (9, 39), (12, 52)] {
        doc.profile.observation_months = months;
        let t = assess(&doc).timeline;
        assert_eq!(phase(&t.type2, "observation").low, weeks);
        assert_eq!(t.type2.weeks.low, t.type1.weeks.low + weeks);
        assert_eq!(t.type2.weeks.high, t.type1.weeks.high + weeks);
    }
    // Dates count from the start date.
    assert_eq!(t.type1.phases[0].end_dates.low.to_string(), "2027-01-18");
}

#[test]
fn starting_from_scratch_takes_months_as_the_industry_reports() {
    // Readiness work from scratch is reported at 4 to 9 months for a typical small team.
    let doc = soc2_readiness::Document::new(start());
    let t = assess(&doc).timeline;
    let readiness_weeks = |w: fn(&soc2_readiness::timeline::Weeks) -> u32| {
        t.type1
            .phases
            .iter()
            .filter(|p| ["review", "remediation", "documentation"].contains(&p.id))
            .map(|p| w(&p.weeks))
            .sum::<u32>()
    };
    let (low, high) = (readiness_weeks(|w| w.low), readiness_weeks(|w| w.high));
    assert!(
        (13..=26).contains(&low) && (26..=45).contains(&high),
        "{low}–{high} weeks"
    );
}
