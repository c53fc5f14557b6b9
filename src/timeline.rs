//! Type I and Type II timeline estimates, as low–high week ranges with phases and dates.
//!
//! The model (README "Timeline model" explains each input and the facts behind it):
//! 1. Readiness review: 2 weeks, up to 3 + one per optional category in scope (at most 6).
//! 2. Remediation: the person-hours left on every gap, divided by the team's capacity;
//!    low = 0.8×, high = 1.3× (estimates of unknown work run over more often than under).
//! 3. API data-flow documentation: person-hours from endpoints, live versions, integrations and
//!    regions, halved as the technical documentation section reaches full readiness.
//! 4. Audit fieldwork: 4–6 weeks, plus a week on the high side for every two optional categories.
//! 5. (Type II only) the observation window: 3, 6, 9 or 12 months = 13, 26, 39 or 52 weeks.
//! 6. Report issuance: 2–6 weeks after fieldwork.
//!
//! Phases run one after another, so Type II = Type I + the window, on both ends of the range.

use crate::date::Date;
use crate::model::{Category, Document};
use crate::score::{self, Evaluation, Readiness};
use serde::Serialize;

/// Person-hours a week the team can give remediation: half a person plus 15 % of each team
/// member, at most six full-time people (remediation does not parallelise without end).
pub fn capacity_hours_per_week(team_size: u32) -> u32 {
    // 40 × (0.5 + 0.15 × team) = 20 + 6 × team, capped at 40 × 6.
    team_size.saturating_mul(6).saturating_add(20).min(240)
}

/// A low–high range in whole weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Weeks {
    pub low: u32,
    pub high: u32,
}

/// A low–high range of calendar dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Dates {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub low: Date,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub high: Date,
}

/// One phase of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Phase {
    /// `review`, `remediation`, `documentation`, `fieldwork`, `observation` or `report`.
    pub id: &'static str,
    pub label: &'static str,
    /// Duration.
    pub weeks: Weeks,
    /// Weeks from the start date to the phase's start (low and high).
    pub starts: Weeks,
    /// Weeks from the start date to the phase's end (low and high).
    pub ends: Weeks,
    /// Calendar end of the phase (low and high).
    pub end_dates: Dates,
}

/// A Type I or Type II plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Plan {
    /// Total weeks from the start date to the report.
    pub weeks: Weeks,
    /// Date the report is expected (low and high).
    pub report_dates: Dates,
    pub phases: Vec<Phase>,
}

/// The inputs as the model saw them, so the page can explain the estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Drivers {
    /// Person-hours a week assumed available for remediation.
    pub capacity_hours_per_week: u32,
    /// Person-hours of remediation left on all gaps.
    pub remediation_hours: u32,
    /// Person-hours to document API data flows.
    pub documentation_hours: u32,
    /// Controls credited through the cloud provider's SOC 2 report.
    pub inherited_controls: u32,
    pub optional_categories: u32,
    pub observation_weeks: u32,
}

/// Both plans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Timeline {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub start_date: Date,
    pub type1: Plan,
    pub type2: Plan,
    pub drivers: Drivers,
}

/// Person-hours to document data flows for the system description, before discounts:
/// two days, plus half an hour per endpoint, three days per extra live version, a day and a half
/// per integration and four days per extra region.
pub fn documentation_hours(endpoints: u32, versions: u32, integrations: u32, regions: u32) -> u64 {
    16 + u64::from(endpoints) / 2
        + 24 * u64::from(versions.saturating_sub(1))
        + 12 * u64::from(integrations)
        + 32 * u64::from(regions.saturating_sub(1))
}

/// Whole weeks to do `hours` of work at `per_week` hours a week (at least one when there is work).
fn weeks_for(hours: u64, per_week: u32) -> u32 {
    let per_week = u64::from(per_week.max(1));
    u32::try_from(hours.div_ceil(per_week)).unwrap_or(u32::MAX)
}

/// Estimates both plans for `doc`.
pub(crate) fn estimate(doc: &Document, evaluated: &Evaluation, readiness: &Readiness) -> Timeline {
    let p = &doc.profile;
    let per_week = capacity_hours_per_week(p.team_size);
    let remediation: u64 = evaluated
        .counted()
        .map(|e| u64::from(score::remaining_hours(e)))
        .sum();
    // Halved as the technical-documentation section reaches full design readiness.
    let docs_ready = readiness
        .sections
        .get("techdocs")
        .map_or(0, |s| u64::from(s.design));
    let documentation = documentation_hours(p.endpoints, p.api_versions, p.integrations, p.regions)
        * (200 - docs_ready)
        / 200;
    let optional = u32::try_from(
        p.scoped_categories()
            .filter(|c| *c != Category::Security)
            .count(),
    )
    .unwrap_or(0);
    let observation = u32::from(p.observation_months) * 13 / 3;

    let review = Weeks {
        low: 2,
        high: (3 + optional).min(6),
    };
    let remediation_weeks = Weeks {
        low: weeks_for(remediation * 8 / 10, per_week),
        high: weeks_for(remediation * 13 / 10, per_week),
    };
    let documentation_weeks = Weeks {
        low: weeks_for(documentation, per_week),
        high: weeks_for(documentation * 3 / 2, per_week),
    };
    let fieldwork = Weeks {
        low: 4,
        high: 6 + optional / 2,
    };
    let report = Weeks { low: 2, high: 6 };

    let readiness_phases = [
        ("review", "Readiness review", review),
        ("remediation", "Remediation of gaps", remediation_weeks),
        (
            "documentation",
            "API data-flow documentation",
            documentation_weeks,
        ),
    ];
    let audit = [
        ("fieldwork", "Audit fieldwork", fieldwork),
        ("report", "Report issuance", report),
    ];
    let type1 = plan(p.start_date, readiness_phases.iter().chain(audit.iter()));
    let window = [(
        "observation",
        "Type II observation window",
        Weeks {
            low: observation,
            high: observation,
        },
    )];
    let type2 = plan(
        p.start_date,
        readiness_phases
            .iter()
            .chain(window.iter())
            .chain(audit.iter()),
    );
    Timeline {
        start_date: p.start_date,
        type1,
        type2,
        drivers: Drivers {
            capacity_hours_per_week: per_week,
            remediation_hours: u32::try_from(remediation).unwrap_or(u32::MAX),
            documentation_hours: u32::try_from(documentation).unwrap_or(u32::MAX),
            inherited_controls: u32::try_from(
                evaluated
                    .counted()
                    .filter(|e| e.state == score::State::Inherited)
                    .count(),
            )
            .unwrap_or(0),
            optional_categories: optional,
            observation_weeks: observation,
        },
    }
}

fn plan<'a>(
    start: Date,
    phases: impl Iterator<Item = &'a (&'static str, &'static str, Weeks)>,
) -> Plan {
    let mut at = Weeks { low: 0, high: 0 };
    let mut out = Vec::new();
    for &(id, label, weeks) in phases {
        let starts = at;
        at = Weeks {
            low: at.low + weeks.low,
            high: at.high + weeks.high,
        };
        out.push(Phase {
            id,
            label,
            weeks,
            starts,
            ends: at,
            end_dates: dates(start, at),
        });
    }
    Plan {
        weeks: at,
        report_dates: dates(start, at),
        phases: out,
    }
}

fn dates(start: Date, weeks: Weeks) -> Dates {
    Dates {
        low: start.add_days(i64::from(weeks.low) * 7),
        high: start.add_days(i64::from(weeks.high) * 7),
    }
}
