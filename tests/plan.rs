//! The ordered plan: what a CTO works through first (src/plan.rs states the rule).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;
use common::*;
use soc2_readiness::model::Assignment;
use soc2_readiness::plan::{Action, Stage, Window};
use soc2_readiness::score::GapKind;
use soc2_readiness::{assess, catalog, Date, Document, Status};

fn ids(actions: &[Action]) -> Vec<&str> {
    actions.iter().map(|a| a.control_id).collect()
}

fn position(actions: &[Action], id: &str) -> usize {
    actions
        .iter()
        .position(|a| a.control_id == id)
        .unwrap_or_else(|| panic!("{id} is not in the plan"))
}

#[test]
fn from_scratch_the_foundations_come_first_blockers_leading() {
    let r = assess(&Document::new(start()));
    let actions = &r.plan.actions;
    let foundations = actions
        .iter()
        .take_while(|a| a.stage == Stage::Foundations)
        .count();
    let catalog_foundations = catalog::controls()
        .iter()
        .filter(|c| c.foundation && c.applies_to(&Document::new(start()).profile))
        .count();
    assert_eq!(
        foundations,
        catalog_foundations,
        "every foundation first: {:?}",
        ids(actions)
    );
    // The critical foundations (owner, policy, risk assessment, continuity plan) lead.
    let first: Vec<&str> = ids(actions).into_iter().take(4).collect();
    for id in [
        "governance.security-owner",
        "policies.infosec-policy",
        "risk.assessment",
        "policies.bcdr-plan",
    ] {
        assert!(
            first.contains(&id),
            "{id} not among the first four: {first:?}"
        );
    }
    // Background checks (a small, non-critical task) no longer come before the policy.
    assert!(
        position(actions, "people.background-checks")
            > position(actions, "policies.infosec-policy")
    );
}

#[test]
fn records_of_a_practice_come_after_every_practice_still_to_build() {
    // The CTO's case: access reviews are done but not recorded, roles are not defined yet.
    let mut doc = Document::new(start());
    doc.answers.insert(
        "access.access-reviews".into(),
        answer(Status::Implemented, false),
    );
    let r = assess(&doc);
    let actions = &r.plan.actions;
    let records = position(actions, "access.access-reviews");
    assert_eq!(actions[records].stage, Stage::Operate);
    assert_eq!(actions[records].kind, GapKind::Evidence);
    let last_build = actions
        .iter()
        .rposition(|a| a.kind == GapKind::Design)
        .unwrap();
    assert!(
        records > last_build,
        "keeping records ({records}) comes after building the rest ({last_build})"
    );
}

#[test]
fn an_action_waits_for_what_it_depends_on_and_only_while_it_is_missing() {
    let mut doc = Document::new(start());
    let r = assess(&doc);
    let reviews = &r.plan.actions[position(&r.plan.actions, "access.access-reviews")];
    assert_eq!(
        reviews.after.iter().map(|i| i.0).collect::<Vec<_>>(),
        ["access.least-privilege"]
    );
    assert!(
        position(&r.plan.actions, "access.least-privilege")
            < position(&r.plan.actions, "access.access-reviews")
    );
    // Roles defined: the reviews no longer wait.
    doc.answers.insert(
        "access.least-privilege".into(),
        answer(Status::Implemented, true),
    );
    let r = assess(&doc);
    let reviews = &r.plan.actions[position(&r.plan.actions, "access.access-reviews")];
    assert!(reviews.after.is_empty());
}

#[test]
fn the_reports_name_what_an_action_waits_for_by_its_title() {
    let export = soc2_readiness::Export::new(Document::new(start()));
    let md = soc2_readiness::report::markdown(&export, catalog::english());
    let line = md
        .lines()
        .find(|l| l.contains("(`access.access-reviews`;"))
        .unwrap();
    assert!(
        line.ends_with(
            " After: Role-based access with least privilege (`access.least-privilege`)."
        ),
        "{line}"
    );
    let csv = soc2_readiness::report::csv(&export, catalog::english());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[7] == "access.access-reviews")
        .unwrap();
    assert!(row[2]
        .ends_with("\n\nAfter: Role-based access with least privilege (access.least-privilege)"));
}

#[test]
fn the_schedule_runs_at_the_capacity_and_moves_with_it() {
    let mut doc = Document::new(start());
    let r = assess(&doc);
    let per_week = r.plan.capacity_hours_per_week;
    assert_eq!(per_week, r.timeline.drivers.capacity_hours_per_week);
    let first = &r.plan.actions[0];
    assert_eq!(first.starts_day, 0);
    assert_eq!(
        first.ends_day,
        (first.effort_hours * 7).div_ceil(per_week),
        "days at {per_week} hours a week"
    );
    // One after another: each starts when the one before ends.
    for pair in r.plan.actions.windows(2) {
        assert!(pair[1].starts_day >= pair[0].starts_day);
        assert!(pair[1].ends_day >= pair[0].ends_day);
    }
    let in_first_month = |doc: &Document| {
        assess(doc)
            .plan
            .actions
            .iter()
            .filter(|a| a.window == Window::Days30)
            .count()
    };
    doc.profile.hours_per_week = Some(20);
    let slow = in_first_month(&doc);
    doc.profile.hours_per_week = Some(400);
    let fast = in_first_month(&doc);
    assert!(
        fast > slow,
        "{fast} actions in 30 days at 400 h, {slow} at 20 h"
    );
    // The timeline uses the same capacity.
    assert_eq!(assess(&doc).timeline.drivers.capacity_hours_per_week, 400);
}

#[test]
fn owners_and_dates_are_carried_into_the_plan() {
    let mut doc = Document::new(start());
    doc.assignments.insert(
        "risk.assessment".into(),
        Assignment {
            owner: "Dana (CTO)".into(),
            due: Some(Date::parse("2027-02-15").unwrap()),
        },
    );
    let r = assess(&doc);
    let a = &r.plan.actions[position(&r.plan.actions, "risk.assessment")];
    assert_eq!(a.owner.as_deref(), Some("Dana (CTO)"));
    assert_eq!(a.due.unwrap().to_string(), "2027-02-15");
    let other = &r.plan.actions[position(&r.plan.actions, "policies.infosec-policy")];
    assert_eq!((other.owner.as_deref(), other.due), (None, None));
}

#[test]
fn the_plan_is_the_gaps_and_its_critical_actions_are_the_blockers() {
    let mut doc = all_categories();
    answer_all(&mut doc, Status::Partial, false);
    let r = assess(&doc);
    let mut plan: Vec<&str> = ids(&r.plan.actions);
    let mut gaps: Vec<&str> = r.gaps.iter().map(|g| g.control_id).collect();
    plan.sort_unstable();
    gaps.sort_unstable();
    assert_eq!(plan, gaps);
    let mut critical: Vec<&str> = r
        .plan
        .actions
        .iter()
        .filter(|a| a.critical)
        .map(|a| a.control_id)
        .collect();
    let mut blockers: Vec<&str> = r.blockers.iter().map(|b| b.control_id).collect();
    critical.sort_unstable();
    blockers.sort_unstable();
    assert_eq!(critical, blockers);
}

#[test]
fn the_csv_is_the_plan_with_the_columns_an_issue_tracker_imports() {
    let mut doc = Document::new(start());
    doc.answers.insert(
        "access.access-reviews".into(),
        answer(Status::Implemented, false),
    );
    doc.assignments.insert(
        "risk.assessment".into(),
        Assignment {
            owner: "Dana, CTO".into(),
            due: Some(Date::parse("2027-02-15").unwrap()),
        },
    );
    let export = soc2_readiness::Export::new(doc);
    let csv = soc2_readiness::report::csv(&export, catalog::english());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for column in [
        "title",
        "description",
        "owner",
        "due_date",
        "priority",
        "labels",
    ] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // One row per action, in plan order.
    let ids: Vec<&str> = rows.iter().map(|r| &r[col("control_id")]).collect();
    assert_eq!(ids, self::ids(&export.plan.actions));
    let risk = rows
        .iter()
        .find(|r| &r[col("control_id")] == "risk.assessment")
        .unwrap();
    assert_eq!(&risk[col("owner")], "Dana, CTO");
    assert_eq!(&risk[col("due_date")], "2027-02-15");
    assert_eq!(
        &risk[col("priority")],
        "Highest",
        "a critical control not in place"
    );
    assert_eq!(&risk[col("title")], "Risk assessment method and register");
    assert!(risk[col("labels")]
        .split(' ')
        .any(|l| l == "soc2-foundations"));
    // Without a date of its own, an action is due when the plan ends it.
    let first = &rows[0];
    let action = &export.plan.actions[0];
    assert_eq!(
        &first[col("due_date")],
        start().add_days(i64::from(action.ends_day)).to_string()
    );
    // Records to start are the least urgent.
    let records = rows
        .iter()
        .find(|r| &r[col("control_id")] == "access.access-reviews")
        .unwrap();
    assert_eq!(
        &records[col("priority")],
        "High",
        "critical, in place without records"
    );
    assert!(records[col("description")].starts_with("In place; start keeping records"));
}
