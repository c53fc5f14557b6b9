//! What the page shows after every change, taken from the full results: the overall and
//! category scores, each criterion's band, each section's progress and scores, the blocker
//! counts, the head of the plan, the timeline. The session returns it from every change (a tenth
//! of the full results, so one answer costs the page little); the full results stay available for what needs them (a
//! section's standings, a criterion's detail, the report, exports).

use crate::ordered::{Id, OrderedMap};
use crate::plan::{Action, ActionPlan, Window};
use crate::score::{Band, Blocker, Blocks, Counts, Readiness, Score};
use crate::timeline::Timeline;
use crate::{Assessment, Document};
use serde::Serialize;

/// How many actions and caps the summary carries (the rest are in the full results).
pub const FIRST: usize = 5;

/// A criterion on the page's map: its band and Type I score (null when not assessed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Cell {
    pub band: Band,
    #[schemars(required)]
    pub design: Option<u8>,
}

/// A section on the page: asked, answered and inherited controls (the steps' counts), and its
/// Type I and Type II scores (null when not assessed), for the chart of where the weak areas are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Progress {
    pub asked: u32,
    pub answered: u32,
    /// Controls the cloud provider's report stands in for (counted as answered): the page counts
    /// "yours" without them.
    pub inherited: u32,
    #[schemars(required)]
    pub design: Option<u8>,
    #[schemars(required)]
    pub operating: Option<u8>,
}

/// The first items of a ranked list, and how many there are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct First<T> {
    pub count: u32,
    pub first: Vec<T>,
}

/// How many blockers there are (the list is the results' `blockers`; the plan's actions say
/// which of them are `critical`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Blockers {
    pub count: u32,
    /// How many block Type I (and so Type II too).
    pub type1: u32,
}

/// A score as the page's headline shows it: percentages, bands, counts, and what caps the Type I
/// band (the first few of each kind; the complete lists are the results' `cappedBy`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Headline {
    /// False when nothing counted (see `Score::assessed`).
    pub assessed: bool,
    #[schemars(required)]
    pub design: Option<u8>,
    #[schemars(required)]
    pub operating: Option<u8>,
    #[schemars(required)]
    pub completion: Option<u8>,
    pub band: Band,
    pub operating_band: Band,
    /// The band the Type I percentage alone gives; `band` is lower when a cap bites.
    pub uncapped_band: Band,
    pub counts: Counts,
    /// Criteria in scope with nothing in place: each caps the band at material gaps.
    pub unmet_criteria: First<Id>,
    /// Critical controls not fully in place: each caps the band whatever the percentage.
    pub capping_controls: First<Id>,
}

impl Headline {
    fn of(score: &Score) -> Headline {
        // `cappedBy` names the capping controls first, then the criteria.
        let (controls, criteria) = score
            .capped_by
            .split_at(score.capping_controls.min(score.capped_by.len()));
        Headline {
            assessed: score.assessed,
            design: score.design,
            operating: score.operating,
            completion: score.completion,
            band: score.band,
            operating_band: score.operating_band,
            uncapped_band: score.uncapped_band,
            counts: score.counts.clone(),
            unmet_criteria: first(criteria),
            capping_controls: first(controls),
        }
    }
}

fn first(ids: &[&'static str]) -> First<Id> {
    First {
        count: count(ids.len()),
        first: ids.iter().take(FIRST).map(|id| Id(id)).collect(),
    }
}

/// The head of the plan: its first actions, and how many there are in all and in each window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PlanHead {
    pub count: u32,
    /// Actions ending in each window, keyed by window id in time order (the first 30 days,
    /// days 31–60, 61–90, later).
    pub windows: OrderedMap<u32>,
    pub capacity_hours_per_week: u32,
    pub first: Vec<Action>,
}

/// What the page shows after every change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// True in quick mode: an estimate.
    pub estimate: bool,
    pub overall: Headline,
    pub categories: OrderedMap<Headline>,
    pub criteria: OrderedMap<Cell>,
    pub sections: OrderedMap<Progress>,
    pub blockers: Blockers,
    pub plan: PlanHead,
    pub timeline: Timeline,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Summary {
    /// The summary of `results`.
    pub fn of(results: &Assessment) -> Summary {
        Summary::new(
            results.estimate,
            &results.readiness,
            &results.blockers,
            &results.plan,
            results.timeline.clone(),
        )
    }

    fn new(
        estimate: bool,
        r: &Readiness,
        blockers: &[Blocker],
        plan: &ActionPlan,
        timeline: Timeline,
    ) -> Summary {
        let type1 = blockers
            .iter()
            .filter(|b| b.blocks == Blocks::Type1)
            .count();
        Summary {
            estimate,
            overall: Headline::of(&r.overall),
            categories: r
                .categories
                .iter()
                .map(|(id, s)| (id, Headline::of(s)))
                .collect(),
            criteria: r
                .criteria
                .iter()
                .map(|(id, s)| {
                    (
                        id,
                        Cell {
                            band: s.band,
                            design: s.design,
                        },
                    )
                })
                .collect(),
            sections: r
                .sections
                .iter()
                .map(|(id, s)| {
                    (
                        id,
                        Progress {
                            asked: s.counts.asked,
                            answered: s.counts.answered,
                            inherited: s.counts.inherited,
                            design: s.design,
                            operating: s.operating,
                        },
                    )
                })
                .collect(),
            blockers: Blockers {
                count: count(blockers.len()),
                type1: count(type1),
            },
            plan: PlanHead {
                count: count(plan.actions.len()),
                windows: Window::ALL
                    .into_iter()
                    .map(|w| {
                        let n = plan.actions.iter().filter(|a| a.window == w);
                        (w.id(), count(n.count()))
                    })
                    .collect(),
                capacity_hours_per_week: plan.capacity_hours_per_week,
                first: plan.actions.iter().take(FIRST).cloned().collect(),
            },
            timeline,
        }
    }
}

/// The summary of assessing `doc`: equal to `Summary::of(&assess(doc))`, without the parts of
/// the full results it does not carry (every control's standing, the gaps' list, warnings).
/// What the session computes for every change.
pub fn summarize(doc: &Document) -> Summary {
    let scored = crate::Scored::of(doc, false);
    Summary::new(
        doc.mode == crate::model::Mode::Quick,
        &scored.readiness,
        &scored.blockers,
        &scored.plan,
        scored.timeline,
    )
}
