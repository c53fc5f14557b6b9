//! Type I and Type II timeline estimates, as low–high week ranges with phases and dates.
//!
//! The model (README "Timeline model" explains each input and the facts behind it):
//! 1. Readiness review: 2 weeks, up to 3 + one per optional category in scope (at most 6).
//! 2. Remediation: the person-days left on every gap, divided by the team's capacity;
//!    low = 0.8×, high = 1.3× (estimates of unknown work run over more often than under).
//! 3. API data-flow documentation: person-days from endpoints, live versions, integrations and
//!    regions, halved as the technical documentation section reaches full readiness.
//! 4. Audit fieldwork: 4–6 weeks, plus a week on the high side for every two optional categories.
//! 5. (Type II only) the observation window: 3, 6, 9 or 12 months = 13, 26, 39 or 52 weeks.
//! 6. Report issuance: 2–6 weeks after fieldwork.
//!
//! Phases run one after another, so Type II = Type I + the window, on both ends of the range.

use crate::date::Date;
use crate::model::{Category, Document};
use crate::score::{self, Evaluated, Readiness};
use serde::Serialize;

/// Share of the team's time an organisation typically gives remediation, with a floor for tiny
/// teams and a ceiling because remediation does not parallelise without end.
fn capacity_fte(team_size: u32) -> f64 {
    (0.5 + 0.15 * f64::from(team_size)).min(6.0)
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
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Drivers {
    /// Full-time equivalents assumed available for remediation.
    pub capacity_fte: f64,
    /// Person-days of remediation left on all gaps.
    pub remediation_days: f64,
    /// Person-days to document API data flows.
    pub documentation_days: f64,
    /// Controls credited through the cloud provider's SOC 2 report.
    pub inherited_controls: u32,
    pub optional_categories: u32,
    pub observation_weeks: u32,
}

/// Both plans.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Timeline {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub start_date: Date,
    pub type1: Plan,
    pub type2: Plan,
    pub drivers: Drivers,
}

/// Person-days to document data flows for the system description, before discounts.
pub fn documentation_days(endpoints: u32, versions: u32, integrations: u32, regions: u32) -> f64 {
    2.0 + f64::from(endpoints) / 15.0
        + 3.0 * f64::from(versions.saturating_sub(1))
        + 1.5 * f64::from(integrations)
        + 4.0 * f64::from(regions.saturating_sub(1))
}

fn weeks_for(days: f64, capacity_days_per_week: f64) -> u32 {
    if days <= 0.0 {
        return 0;
    }
    let w = (days / capacity_days_per_week).ceil();
    // Saturating float-to-int cast; inputs are bounded, this only guards absurd values.
    (w as u32).max(1)
}

/// Estimates both plans for `doc`.
pub(crate) fn estimate(doc: &Document, evaluated: &[Evaluated], readiness: &Readiness) -> Timeline {
    let p = &doc.profile;
    let fte = capacity_fte(p.team_size);
    let per_week = fte * 5.0;
    let remediation_days: f64 = evaluated.iter().map(score::remaining_days).sum();
    let docs_ready = readiness
        .sections
        .get("techdocs")
        .map_or(0.0, |s| f64::from(s.design) / 100.0);
    let documentation = documentation_days(p.endpoints, p.api_versions, p.integrations, p.regions)
        * (1.0 - 0.5 * docs_ready);
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
    let remediation = Weeks {
        low: weeks_for(remediation_days * 0.8, per_week),
        high: weeks_for(remediation_days * 1.3, per_week),
    };
    let documentation_weeks = Weeks {
        low: weeks_for(documentation, per_week),
        high: weeks_for(documentation * 1.5, per_week),
    };
    let fieldwork = Weeks {
        low: 4,
        high: 6 + optional / 2,
    };
    let report = Weeks { low: 2, high: 6 };

    let readiness_phases = [
        ("review", "Readiness review", review),
        ("remediation", "Remediation of gaps", remediation),
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
            capacity_fte: (fte * 100.0).round() / 100.0,
            remediation_days: (remediation_days * 10.0).round() / 10.0,
            documentation_days: (documentation * 10.0).round() / 10.0,
            inherited_controls: u32::try_from(
                evaluated
                    .iter()
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
