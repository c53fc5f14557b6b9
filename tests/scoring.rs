//! Scoring behaviour a compliance lead relies on, scenario by scenario. Each "misleading output"
//! scenario of the auditor's review has a test here that failed on the engine before the fix.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;
use common::*;
use soc2_readiness::score::{Band, Blocks, GapKind, State};
use soc2_readiness::{assess, catalog, Category, Document, Mode, Status};

#[test]
fn everything_implemented_with_evidence_scores_100_and_audit_ready() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Implemented, true);
    let r = assess(&doc);
    let o = &r.readiness.overall;
    assert_eq!(
        (o.design, o.operating, o.band, o.operating_band),
        (Some(100), Some(100), Band::AuditReady, Band::AuditReady)
    );
    assert_eq!(o.completion, Some(100));
    assert_eq!(r.readiness.categories.len(), 5);
    assert_eq!(r.readiness.criteria.len(), 61);
    assert!(r
        .readiness
        .criteria
        .iter()
        .all(|(_, s)| s.design == Some(100) && s.band == Band::AuditReady));
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
        (Some(0), Some(0), Some(0), Band::NotReady)
    );
    assert_eq!(o.counts.unanswered, o.counts.asked);
    let critical = catalog::controls()
        .iter()
        .filter(|c| c.critical && c.applies_to(&doc.profile))
        .count();
    assert_eq!(r.blockers.len(), critical);
    assert!(r
        .blockers
        .iter()
        .all(|b| b.state == State::Unanswered && b.blocks == Blocks::Type1));
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
    assert!(o.design.unwrap() >= 98, "{:?}", o.design);
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

/// Review scenario 2: "an empty set scores 100 and audit-ready" in quick mode.
#[test]
fn nothing_asked_is_not_assessed_never_100() {
    let mut doc = all_categories();
    doc.mode = Mode::Quick;
    for c in catalog::controls().iter().filter(|c| c.quick) {
        doc.answers
            .insert(c.id.into(), answer(Status::Implemented, false));
    }
    let r = assess(&doc);
    let unasked: Vec<_> = r
        .readiness
        .criteria
        .iter()
        .filter(|(_, s)| s.counts.asked == 0)
        .collect();
    assert!(
        unasked.len() > 20,
        "the quick check leaves most criteria unasked"
    );
    for (id, s) in unasked {
        assert!(!s.assessed, "{id}");
        assert_eq!(
            (s.design, s.operating, s.completion),
            (None, None, None),
            "{id}"
        );
        assert_eq!(
            (s.band, s.operating_band),
            (Band::NotAssessed, Band::NotAssessed),
            "{id}"
        );
    }
    // Every category in scope is asked something in the quick check, so none is empty.
    for (id, s) in r.readiness.categories.iter() {
        assert!(s.assessed && s.counts.asked > 0, "{id}");
    }
}

/// Review scenario 2 again: a criterion whose every asked control is answered not applicable.
#[test]
fn a_set_answered_entirely_not_applicable_is_not_assessed() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Implemented, true);
    let (id, members) = catalog::CRITERIA
        .iter()
        .map(|k| {
            let m: Vec<_> = catalog::controls()
                .iter()
                .filter(|c| c.criteria.contains(&k.id) && c.applies_to(&doc.profile))
                .collect();
            (k.id, m)
        })
        .find(|(_, m)| !m.is_empty() && m.iter().all(|c| c.allows_not_applicable))
        .expect("a criterion whose controls all allow N/A");
    for c in &members {
        doc.answers
            .insert(c.id.into(), answer(Status::NotApplicable, false));
    }
    let r = assess(&doc);
    let s = r.readiness.criteria.get(id).unwrap();
    assert_eq!(s.counts.not_applicable as usize, members.len());
    assert!(!s.assessed);
    assert_eq!((s.design, s.band), (None, Band::NotAssessed));
    assert_eq!(
        s.completion,
        Some(100),
        "answered, though nothing is scored"
    );
    assert_eq!(
        r.readiness.overall.band,
        Band::AuditReady,
        "and it caps nothing"
    );
}

/// Review scenario 1: audit-ready while whole criteria had nothing in place.
#[test]
fn a_criterion_with_nothing_in_place_caps_the_overall_and_its_category() {
    let mut doc = Document::new(start());
    answer_all(&mut doc, Status::Implemented, true);
    let unmet = ["CC1.2", "CC1.5", "CC3.3", "CC3.4"];
    for c in catalog::controls() {
        if c.criteria.iter().any(|k| unmet.contains(k)) {
            assert!(
                !c.critical,
                "{} is critical: pick criteria without one",
                c.id
            );
            doc.answers
                .insert(c.id.into(), answer(Status::NotImplemented, false));
        }
    }
    let r = assess(&doc);
    let o = &r.readiness.overall;
    assert!(o.design.unwrap() >= 90, "a high score: {:?}", o.design);
    assert!(r.blockers.is_empty(), "no critical control is involved");
    assert_eq!(o.band, Band::MaterialGaps);
    assert_eq!(o.operating_band, Band::MaterialGaps);
    for k in unmet {
        assert_eq!(r.readiness.criteria.get(k).unwrap().earned, 0, "{k}");
        assert!(o.capped_by.contains(&k), "{k} in {:?}", o.capped_by);
        assert!(o.operating_capped_by.contains(&k), "{k}");
    }
    let security = r.readiness.categories.get("security").unwrap();
    assert_eq!(security.band, Band::MaterialGaps);
    assert!(security.capped_by.contains(&"CC3.3"));
    // Partially in place lifts the cap: the criterion has some credit.
    for c in catalog::controls()
        .iter()
        .filter(|c| c.criteria.contains(&"CC3.3"))
    {
        doc.answers
            .insert(c.id.into(), answer(Status::Partial, true));
    }
    let o = assess(&doc).readiness.overall;
    assert!(!o.capped_by.contains(&"CC3.3"));
}

#[test]
fn an_unmet_criterion_of_another_category_does_not_cap_security() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Implemented, true);
    for c in catalog::controls()
        .iter()
        .filter(|c| c.criteria.contains(&"P8.1"))
    {
        doc.answers
            .insert(c.id.into(), answer(Status::NotImplemented, false));
    }
    let r = assess(&doc);
    assert_eq!(
        r.readiness.categories.get("privacy").unwrap().band,
        Band::MaterialGaps
    );
    assert_eq!(
        r.readiness.categories.get("security").unwrap().band,
        Band::AuditReady
    );
    assert!(r.readiness.overall.capped_by.contains(&"P8.1"));
}

/// Review scenario 3: the quick check is never audit-ready and covers every category.
#[test]
fn quick_mode_is_an_estimate_that_is_never_audit_ready() {
    let mut doc = all_categories();
    doc.mode = Mode::Quick;
    answer_all(&mut doc, Status::Implemented, true);
    let r = assess(&doc);
    assert!(r.estimate);
    let o = &r.readiness.overall;
    assert_eq!(o.design, Some(100));
    assert_eq!(
        (o.band, o.operating_band),
        (Band::FindingsLikely, Band::FindingsLikely)
    );
    for (id, s) in r.readiness.categories.iter() {
        assert_eq!(s.band, Band::FindingsLikely, "{id}");
    }
    assert!(r
        .readiness
        .criteria
        .iter()
        .all(|(_, s)| s.band != Band::AuditReady));
    assert_eq!(
        o.counts.asked as usize,
        catalog::controls()
            .iter()
            .filter(|c| c.quick && c.applies_to(&doc.profile))
            .count()
    );
    doc.mode = Mode::Full;
    let r = assess(&doc);
    assert!(!r.estimate);
    assert_eq!(r.readiness.overall.band, Band::AuditReady);
}

#[test]
fn quick_mode_asks_the_foundations_an_auditor_expects() {
    for id in [
        "data.backups",
        "vendors.due-diligence",
        "cadence.awareness-training",
        "change.code-review",
        "access.tenant-isolation",
    ] {
        assert!(catalog::control(id).unwrap().quick, "{id}");
    }
    // At least one question for each category, asked whatever the profile.
    for cat in Category::ALL {
        let mut doc = Document::new(start());
        doc.profile.categories = vec![cat];
        doc.mode = Mode::Quick;
        let r = assess(&doc);
        let s = r.readiness.categories.get(cat.id()).unwrap();
        assert!(s.counts.asked > 0, "{cat:?}");
    }
}

/// Review scenario 4: records over time are a Type II matter.
#[test]
fn a_company_without_an_audit_period_yet_can_be_type_i_ready() {
    let mut doc = Document::new(start());
    answer_all(&mut doc, Status::Implemented, false);
    let r = assess(&doc);
    let o = &r.readiness.overall;
    assert_eq!((o.design, o.band), (Some(100), Band::AuditReady));
    assert_eq!(o.operating_band, Band::NotReady);
    assert!(r.blockers.iter().all(|b| b.blocks == Blocks::Type2));
    assert!(r.gaps.iter().all(|g| g.kind == GapKind::Evidence));
    assert!(catalog::controls()
        .iter()
        .filter(|c| c.section == "evidence")
        .all(|c| !c.critical));
}

#[test]
fn each_practice_is_asked_once() {
    // The retired duplicates: records of access reviews and changes are the evidence of the
    // practice's own control; the annual risk assessment and the quarterly access reviews have
    // one control each.
    for retired in [
        "evidence.access-reviews",
        "evidence.change-records",
        "cadence.risk-assessment",
        "cadence.quarterly-reviews",
    ] {
        assert!(catalog::control(retired).is_none(), "{retired}");
    }
    let mut doc = Document::new(start());
    doc.answers.insert(
        "evidence.access-reviews".into(),
        answer(Status::Implemented, true),
    );
    let r = assess(&doc);
    assert_eq!(
        r.warnings.len(),
        1,
        "an answer to a retired id is kept and reported"
    );
    assert!(soc2_readiness::Export::new(doc)
        .answers
        .contains_key("evidence.access-reviews"));
}

/// Review scenario 5: inherited credit needs the provider's report on record.
#[test]
fn inherited_credit_is_earned_only_while_the_providers_report_is_on_record() {
    let mut doc = all_categories();
    let inherited: Vec<_> = catalog::controls()
        .iter()
        .filter(|c| c.inherited && c.applies_to(&doc.profile))
        .collect();
    assert!(!inherited.is_empty());
    let r = assess(&doc);
    assert_eq!(
        r.readiness.overall.counts.inherited as usize,
        inherited.len()
    );
    for c in &inherited {
        assert_eq!(
            r.standings.get(c.id).unwrap().state,
            State::Inherited,
            "{}",
            c.id
        );
        assert!(r.gaps.iter().all(|g| g.control_id != c.id));
    }
    for (status, credited) in [
        (Status::Implemented, true),
        (Status::Partial, true),
        (Status::Planned, false),
        (Status::NotImplemented, false),
    ] {
        doc.answers.insert(
            catalog::PROVIDER_REPORT_CONTROL.into(),
            answer(status, false),
        );
        let r = assess(&doc);
        assert_eq!(
            r.readiness.overall.counts.inherited > 0,
            credited,
            "{status:?}"
        );
        for c in &inherited {
            let state = r.standings.get(c.id).unwrap().state;
            assert_eq!(state == State::Inherited, credited, "{} {status:?}", c.id);
        }
    }
    // Without a provider report in the profile, nothing is inherited.
    doc.answers.clear();
    doc.profile.cloud_provider_soc2 = false;
    let r = assess(&doc);
    assert_eq!(r.readiness.overall.counts.inherited, 0);
    assert!(inherited
        .iter()
        .all(|c| r.gaps.iter().any(|g| g.control_id == c.id)));
}

#[test]
fn data_centre_questions_follow_the_hosting() {
    let mut doc = Document::new(start());
    let asked =
        |doc: &Document, id: &str| soc2_readiness::score::asked(catalog::control(id).unwrap(), doc);
    assert!(asked(&doc, "endpoint.dc-physical"));
    assert!(!asked(&doc, "endpoint.facility-access"));
    doc.profile.cloud_hosted = false;
    assert!(!asked(&doc, "endpoint.dc-physical"));
    assert!(!asked(&doc, "platform.cloud-soc2"));
    assert!(asked(&doc, "endpoint.facility-access"));
}

#[test]
fn standings_report_the_engines_verdict_for_every_asked_control() {
    let mut doc = Document::new(start());
    doc.answers.insert(
        "network.remote-admin".into(),
        answer(Status::NotApplicable, false),
    );
    // N/A where the control does not allow it: not accepted, so unanswered.
    doc.answers.insert(
        "access.mfa-admin".into(),
        answer(Status::NotApplicable, false),
    );
    let r = assess(&doc);
    assert_eq!(
        r.standings.get("network.remote-admin").unwrap().state,
        State::NotApplicable
    );
    assert_eq!(
        r.standings.get("access.mfa-admin").unwrap().state,
        State::Unanswered
    );
    assert!(
        r.standings.get("platform.data-residency").is_none(),
        "not asked"
    );
    assert_eq!(r.standings.len() as u32, r.readiness.overall.counts.asked);
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
    assert_eq!(r.readiness.overall.design, Some(100));
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
fn applicability_follows_the_profile() {
    let mut doc = all_categories();
    let asked =
        |doc: &Document, id: &str| soc2_readiness::score::asked(catalog::control(id).unwrap(), doc);
    assert!(!asked(&doc, "platform.data-residency"));
    assert!(!asked(&doc, "platform.version-parity"));
    // Privacy laws and transfers concern a single-region API with foreign users too.
    for id in [
        "platform.local-regulations",
        "platform.transfer-mechanism",
        "platform.cross-border-flows",
    ] {
        assert!(asked(&doc, id), "{id}");
        assert!(catalog::control(id).unwrap().allows_not_applicable, "{id}");
    }
    doc.profile.regions = 3;
    doc.profile.api_versions = 2;
    assert!(asked(&doc, "platform.data-residency"));
    assert!(asked(&doc, "platform.version-parity"));
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
    // Gaps name controls by id; their remediation and evidence are in the catalog text.
    let text = catalog::english().control_by_id(r.gaps[0].control_id);
    assert!(!text.remediation.is_empty() && !text.evidence.is_empty());
}

#[test]
fn criteria_scores_explain_which_controls_drive_them() {
    let mut doc = all_categories();
    let before = assess(&doc)
        .readiness
        .criteria
        .get("CC6.1")
        .unwrap()
        .clone();
    doc.answers
        .insert("access.mfa-admin".into(), answer(Status::Implemented, true));
    let r = assess(&doc);
    let cc61 = r.readiness.criteria.get("CC6.1").unwrap();
    assert!(
        cc61.earned > before.earned,
        "the answer counts towards CC6.1"
    );
    assert!(before.capped_by.contains(&"access.mfa-admin"));
    assert!(cc61.design.is_some_and(|d| d > 0 && d < 100));
    assert!(cc61.capped_by.iter().all(|id| *id != "access.mfa-admin"));
}

#[test]
fn controls_map_where_the_review_placed_them() {
    let maps = |id: &str, k: &str| catalog::control(id).unwrap().criteria.contains(&k);
    for (id, k) in [
        ("data.backups", "A1.2"),
        ("validation.input-validation", "PI1.2"),
        ("incident.response-plan", "CC7.5"),
        ("governance.board-oversight", "CC2.2"),
        ("monitoring.api-monitoring", "A1.1"),
        ("api.ddos-rate-limiting", "A1.1"),
        ("privacy.dsr-changes", "P4.3"),
        ("evidence.vuln-remediation", "CC4.2"),
        ("access.provisioning", "CC6.2"),
    ] {
        assert!(maps(id, k), "{id} → {k}");
    }
    assert!(!maps("validation.input-validation", "CC8.1"));
    assert!(!maps("governance.board-oversight", "CC2.1"));
    // A data backup counts for availability's recovery criterion when availability is in scope.
    let mut doc = all_categories();
    let before = assess(&doc).readiness.criteria.get("A1.2").unwrap().clone();
    doc.answers
        .insert("data.backups".into(), answer(Status::Implemented, true));
    let a12 = assess(&doc).readiness.criteria.get("A1.2").unwrap().clone();
    assert!(a12.earned > before.earned, "the backup counts towards A1.2");
}
