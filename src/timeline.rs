//! Type I and Type II timeline estimates, as low–high week ranges with phases and dates.
//!
//! The model (README "Timeline model" explains each input, the facts behind it and the
//! calibration table that `tests/timeline.rs` holds it to):
//! 1. Readiness review: 2 weeks, up to 3 + one per optional category in scope (at most 6).
//! 2. Remediation: the person-hours of design work left on every gap, divided by the capacity
//!    the company gives the programme; low = 0.8×, high = 1.3× (estimates of unknown work run
//!    over more often than under). Missing records are not remediation: Type II records
//!    accumulate during the observation window. In quick mode the controls the quick check did
//!    not ask are estimated from the ones it did (the same share of their effort is left).
//! 3. API data-flow documentation: person-hours from endpoints, live versions, integrations and
//!    regions, times the share of the data-flow documentation controls not yet in place (their
//!    own effort is this phase, not remediation).
//! 4. (Type II only) the observation window: 3, 6, 9 or 12 months = 13, 26, 39 or 52 weeks.
//! 5. The audit, fieldwork and report issuance together: 4–8 weeks for Type I, 5–10 for Type II
//!    (sampling a whole period takes longer), plus a week on the high side for every two optional
//!    categories and up to 4 weeks for a complex API surface (regions, versions, integrations,
//!    endpoints: more systems and locations to test).
//!
//! Phases run one after another, so Type II = Type I + the window + the longer Type II audit
//! (1 week low, 2 high), on both ends of the range.

use crate::date::Date;
use crate::model::{Category, Document, Mode};
use crate::score::{self, Evaluation, Verdict};
use serde::Serialize;

/// Default person-hours a week a company gives its SOC 2 programme: 45 plus 3 per team member
/// (about 1.5 people full time for a team of five, three for 25), at most six people full time
/// (readiness work does not parallelise without end). Calibrated so that starting from scratch
/// takes 4–9 months of readiness work whatever the team size (README "Timeline model").
pub fn capacity_hours_per_week(team_size: u32) -> u32 {
    team_size.saturating_mul(3).saturating_add(45).min(240)
}

/// The audit (fieldwork and report issuance) in weeks before additions, low and high.
pub const TYPE1_AUDIT_WEEKS: (u32, u32) = (4, 8);
/// The Type II audit tests samples across the whole window, so it runs a little longer.
pub const TYPE2_AUDIT_WEEKS: (u32, u32) = (5, 10);

/// A low–high range in whole weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Weeks {
    pub low: u32,
    pub high: u32,
}

/// A low–high range of calendar dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Dates {
    pub low: Date,
    pub high: Date,
}

/// One phase of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    /// `review`, `remediation`, `documentation`, `observation` or `audit` (its name is in the
    /// catalog text's labels).
    #[serde(serialize_with = "crate::ordered::id")]
    pub id: &'static str,
    /// Duration.
    pub weeks: Weeks,
    /// Weeks from the start date to the phase's start (low and high).
    pub starts: Weeks,
    /// Weeks from the start date to the phase's end (low and high).
    pub ends: Weeks,
}

impl Phase {
    /// Calendar end of the phase (low and high) for a plan from `start`. Not in the results:
    /// the page draws phases in weeks, and each date crossing to JS costs as much as a dozen
    /// numbers (the plan's `reportDates` are there).
    pub fn end_dates(&self, start: Date) -> Dates {
        dates(start, self.ends)
    }
}

/// A Type I or Type II plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Total weeks from the start date to the report.
    pub weeks: Weeks,
    /// Date the report is expected (low and high).
    pub report_dates: Dates,
    pub phases: Vec<Phase>,
}

/// The inputs as the model saw them, so the page can explain the estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Drivers {
    /// Person-hours a week assumed available for remediation.
    pub capacity_hours_per_week: u32,
    /// Person-hours of design remediation left on the controls asked.
    pub remediation_hours: u32,
    /// Quick check only: person-hours estimated for the controls it did not ask (the share of
    /// effort left on the asked controls, applied to theirs). 0 in a full assessment.
    pub estimated_hours: u32,
    /// Person-hours to document API data flows (included in neither of the above).
    pub documentation_hours: u32,
    /// Controls credited through the cloud provider's SOC 2 report.
    pub inherited_controls: u32,
    /// Controls in place without records of operating over time: their records start with the
    /// Type II observation window.
    pub records_to_start: u32,
    pub optional_categories: u32,
    pub observation_weeks: u32,
    /// Weeks the audit's high end gains for a complex API surface (0–4).
    pub complexity_weeks: u32,
}

/// Both plans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub start_date: Date,
    pub type1: Plan,
    pub type2: Plan,
    pub drivers: Drivers,
}

/// Person-hours to document data flows for the system description from nothing: two days, plus
/// half an hour per endpoint, three days per extra live version, a day and a half per integration
/// and four days per extra region.
pub fn documentation_hours(endpoints: u32, versions: u32, integrations: u32, regions: u32) -> u64 {
    16 + u64::from(endpoints) / 2
        + 24 * u64::from(versions.saturating_sub(1))
        + 12 * u64::from(integrations)
        + 32 * u64::from(regions.saturating_sub(1))
}

/// Extra audit weeks (high end) for a complex API surface: one per extra region, one per two
/// extra live versions, one per ten integrations, one per 200 endpoints, at most four.
pub fn complexity_weeks(endpoints: u32, versions: u32, integrations: u32, regions: u32) -> u32 {
    regions
        .saturating_sub(1)
        .saturating_add(versions.saturating_sub(1) / 2)
        .saturating_add(integrations / 10)
        .saturating_add(endpoints / 200)
        .min(4)
}

/// Whole weeks to do `hours` of work at `per_week` hours a week (at least one when there is work).
fn weeks_for(hours: u64, per_week: u32) -> u32 {
    let per_week = u64::from(per_week.max(1));
    u32::try_from(hours.div_ceil(per_week)).unwrap_or(u32::MAX)
}

/// `value × num ÷ den`, rounded down; all of `value` when `den` is 0 (nothing to extrapolate
/// from: the cautious reading).
fn share(value: u64, num: u64, den: u64) -> u64 {
    value.saturating_mul(num).checked_div(den).unwrap_or(value)
}

/// The work left, as the timeline counts it.
struct Work {
    /// Design remediation on asked controls (data-flow documentation excluded).
    remediation: u64,
    /// Quick check: estimated remediation on the controls it did not ask.
    estimated: u64,
    /// Share of the data-flow documentation still to do, as (missing, possible) credit units;
    /// `None` when no data-flow documentation is asked or estimated.
    documentation_missing: Option<(u64, u64)>,
    records_to_start: u32,
}

impl Work {
    fn of(doc: &Document, ev: &Evaluation) -> Work {
        let (mut remediation, mut asked_full, mut records_to_start) = (0u64, 0u64, 0u32);
        let mut docs: Option<(u64, u64)> = None;
        for e in ev.counted() {
            if e.design == 2 && e.operating < 2 {
                records_to_start += 1;
            }
            if e.control.documents_data_flows {
                let w = u64::from(e.control.weight);
                let (missing, possible) = docs.get_or_insert((0, 0));
                *missing += w * u64::from(2 - e.design.min(2));
                *possible += w * 2;
            } else if e.state != score::State::Inherited {
                remediation += u64::from(score::remaining_design_hours(e));
                asked_full += u64::from(e.control.effort.person_hours());
            }
        }
        let mut estimated = 0;
        if doc.mode == Mode::Quick {
            // What a full assessment would ask that the quick check did not, estimated from the
            // share of effort left on what it did ask (all of it when nothing with effort was
            // asked: the cautious reading).
            let report_on_record = score::provider_report_on_record(doc);
            let unasked = ev.verdicts().filter(|(c, v)| {
                matches!(v, Verdict::NotAsked)
                    && c.applies_to(&doc.profile)
                    && !(report_on_record && c.inherited_for(&doc.profile))
            });
            let mut unasked_full = 0u64;
            for (c, _) in unasked {
                if c.documents_data_flows {
                    docs.get_or_insert((remediation, asked_full));
                } else {
                    unasked_full += u64::from(c.effort.person_hours());
                }
            }
            estimated = share(unasked_full, remediation, asked_full);
        }
        Work {
            remediation,
            estimated,
            documentation_missing: docs,
            records_to_start,
        }
    }
}

/// Estimates both plans for `doc`.
pub(crate) fn estimate(doc: &Document, evaluated: &Evaluation) -> Timeline {
    let p = &doc.profile;
    let per_week = p.capacity_hours_per_week();
    let work = Work::of(doc, evaluated);
    let remediation = work.remediation + work.estimated;
    let documentation = work.documentation_missing.map_or(0, |(missing, possible)| {
        share(
            documentation_hours(p.endpoints, p.api_versions, p.integrations, p.regions),
            missing,
            possible,
        )
    });
    let optional = u32::try_from(
        p.scoped_categories()
            .filter(|c| *c != Category::Security)
            .count(),
    )
    .unwrap_or(0);
    let observation = u32::from(p.observation_months) * 13 / 3;
    let complexity = complexity_weeks(p.endpoints, p.api_versions, p.integrations, p.regions);
    let audit = |(low, high): (u32, u32)| Weeks {
        low: low + complexity / 2,
        high: high + optional / 2 + complexity,
    };

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
    let readiness_phases = [
        ("review", review),
        ("remediation", remediation_weeks),
        ("documentation", documentation_weeks),
    ];
    let type1 = plan(
        p.start_date,
        readiness_phases
            .iter()
            .chain(&[("audit", audit(TYPE1_AUDIT_WEEKS))]),
    );
    let type2 = plan(
        p.start_date,
        readiness_phases.iter().chain(&[
            (
                "observation",
                Weeks {
                    low: observation,
                    high: observation,
                },
            ),
            ("audit", audit(TYPE2_AUDIT_WEEKS)),
        ]),
    );
    let hours = |h: u64| u32::try_from(h).unwrap_or(u32::MAX);
    Timeline {
        start_date: p.start_date,
        type1,
        type2,
        drivers: Drivers {
            capacity_hours_per_week: per_week,
            remediation_hours: hours(work.remediation),
            estimated_hours: hours(work.estimated),
            documentation_hours: hours(documentation),
            inherited_controls: u32::try_from(
                evaluated
                    .counted()
                    .filter(|e| e.state == score::State::Inherited)
                    .count(),
            )
            .unwrap_or(0),
            records_to_start: work.records_to_start,
            optional_categories: optional,
            observation_weeks: observation,
            complexity_weeks: complexity,
        },
    }
}

fn plan<'a>(start: Date, phases: impl Iterator<Item = &'a (&'static str, Weeks)>) -> Plan {
    let mut at = Weeks { low: 0, high: 0 };
    let mut out = Vec::new();
    for &(id, weeks) in phases {
        let starts = at;
        at = Weeks {
            low: at.low + weeks.low,
            high: at.high + weeks.high,
        };
        out.push(Phase {
            id,
            weeks,
            starts,
            ends: at,
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
