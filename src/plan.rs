//! The ordered plan: every gap as an action, in the order to work through them, scheduled at the
//! programme's capacity. README "The plan" states the same rule in prose.
//!
//! 1. **Stages.** *Foundations* first (catalog `foundation`: ownership, policies, the risk
//!    assessment, the system's scope), then the *controls* not fully in place, then *operate*:
//!    controls in place whose records of operation are missing (nothing to build; the records
//!    start with the Type II observation window).
//! 2. **Within a stage**: what blocks Type I first (a critical control not in place), then the gaps'
//!    own ranking (impact, then the smaller task, then catalog order).
//! 3. **Dependencies** (catalog `dependsOn`): an action never comes before an action it depends
//!    on. A dependency already in place, or not asked, holds nothing up. Applied as a topological
//!    order that always takes the highest-ranked action whose dependencies are done.
//! 4. **Schedule**: one action after another at the capacity (person-hours a week, the timeline's
//!    figure); an action's window is when its work ends: within 30, 60 or 90 days of the start
//!    date, or later.

use crate::catalog;
use crate::date::Date;
use crate::model::{Assignment, Document};
use crate::ordered::Id;
use crate::score::{Gap, GapKind, State};
use serde::Serialize;

/// Where an action sits in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Stage {
    /// Ownership, policies, risk assessment, scope: what the rest is built on.
    Foundations,
    /// Controls not fully in place.
    Controls,
    /// Controls in place without records of operation over time.
    Operate,
}

impl Stage {
    /// The camelCase id used in results (and as the key of its label in the catalog text).
    pub fn id(self) -> &'static str {
        match self {
            Stage::Foundations => "foundations",
            Stage::Controls => "controls",
            Stage::Operate => "operate",
        }
    }
}

/// When an action's work ends, counted from the start date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Window {
    Days30,
    Days60,
    Days90,
    Later,
}

impl Window {
    /// Every window, in order.
    pub const ALL: [Window; 4] = [
        Window::Days30,
        Window::Days60,
        Window::Days90,
        Window::Later,
    ];

    /// The camelCase id used in results (and as the key of its label in the catalog text).
    pub fn id(self) -> &'static str {
        match self {
            Window::Days30 => "days30",
            Window::Days60 => "days60",
            Window::Days90 => "days90",
            Window::Later => "later",
        }
    }

    fn ending_on(day: u32) -> Window {
        match day {
            0..=30 => Window::Days30,
            31..=60 => Window::Days60,
            61..=90 => Window::Days90,
            _ => Window::Later,
        }
    }
}

/// One step of the plan: a control to put in place, or to start keeping records for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    #[serde(serialize_with = "crate::ordered::id")]
    pub control_id: &'static str,
    pub stage: Stage,
    pub state: State,
    /// Whether the control is not fully in place (both reports need it) or only its records are
    /// missing (Type II only).
    pub kind: GapKind,
    /// Critical: a blocker until done.
    pub critical: bool,
    /// Person-hours, as the gap estimates them.
    pub effort_hours: u32,
    /// Days from the start date to the start and the end of its work, at the plan's capacity.
    pub starts_day: u32,
    pub ends_day: u32,
    pub window: Window,
    /// Controls (ids) it waits for: its dependencies still to be put in place.
    pub after: Vec<Id>,
    /// Who owns it, when the document assigns it.
    #[schemars(required)]
    pub owner: Option<String>,
    /// Its target date, when the document sets one.
    #[schemars(required)]
    pub due: Option<Date>,
}

/// The plan: every action in order, and the capacity it was scheduled at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActionPlan {
    pub capacity_hours_per_week: u32,
    pub actions: Vec<Action>,
}

/// The plan for `doc` from its ranked `gaps` (as `score::gaps` returns them).
pub(crate) fn plan(doc: &Document, gaps: &[Gap]) -> ActionPlan {
    let controls = catalog::controls();
    let stage_of = |g: &Gap| match (g.kind == GapKind::Design, controls.get(g.position)) {
        (false, _) => Stage::Operate,
        (true, Some(c)) if c.foundation => Stage::Foundations,
        (true, _) => Stage::Controls,
    };
    // Ranked by stage, then Type I blockers first, then the gaps' own order: filled bucket by
    // bucket (no sort routine in the Wasm module for it).
    let mut ranked: Vec<(Stage, &Gap)> = Vec::with_capacity(gaps.len());
    for stage in [Stage::Foundations, Stage::Controls, Stage::Operate] {
        for blocking in [true, false] {
            ranked.extend(
                gaps.iter()
                    .filter(|g| {
                        stage_of(g) == stage
                            && (g.kind == GapKind::Design && g.critical) == blocking
                    })
                    .map(|g| (stage, g)),
            );
        }
    }

    // Each action's dependencies still to be put in place, as indices into `ranked`: the design
    // actions, found by catalog position.
    let mut design_action = vec![usize::MAX; catalog::controls().len()];
    for (i, (_, g)) in ranked.iter().enumerate() {
        if let Some(slot) = Some(g.position)
            .filter(|_| g.kind == GapKind::Design)
            .and_then(|p| design_action.get_mut(p))
        {
            *slot = i;
        }
    }
    let waits_for: Vec<Vec<usize>> = ranked
        .iter()
        .map(|(_, g)| {
            controls
                .get(g.position)
                .map_or(&[][..], |c| c.depends_on_at)
                .iter()
                .filter_map(|p| design_action.get(*p))
                .copied()
                .filter(|&i| i != usize::MAX)
                .collect()
        })
        .collect();

    // Topological order, always taking the highest-ranked action that is free to start.
    let n = ranked.len();
    let mut done = vec![false; n];
    let is_done = |done: &[bool], i: usize| done.get(i).copied().unwrap_or(true);
    let mut order = Vec::with_capacity(n);
    let mut first_open = 0;
    while order.len() < n {
        while first_open < n && is_done(&done, first_open) {
            first_open += 1;
        }
        let free = (first_open..n).find(|&i| {
            !is_done(&done, i)
                && waits_for
                    .get(i)
                    .is_some_and(|ds| ds.iter().all(|&d| is_done(&done, d)))
        });
        // The catalog's dependencies are acyclic (build.rs), so an action is always free; were
        // none, the first open one would follow rather than loop forever.
        let Some(i) = free.or((first_open < n).then_some(first_open)) else {
            break;
        };
        if let Some(d) = done.get_mut(i) {
            *d = true;
        }
        order.push(i);
    }

    let per_week = doc.profile.capacity_hours_per_week().max(1);
    let day = |hours: u64| -> u32 {
        u32::try_from((hours * 7).div_ceil(u64::from(per_week))).unwrap_or(u32::MAX)
    };
    let mut hours = 0u64;
    let actions = order
        .into_iter()
        .filter_map(|i| ranked.get(i).map(|r| (i, r)))
        .map(|(i, &(stage, g))| {
            let starts_day = day(hours);
            hours += u64::from(g.effort_hours);
            let ends_day = day(hours);
            let assignment: Option<&Assignment> = if doc.assignments.is_empty() {
                None
            } else {
                doc.assignments.get(g.control_id)
            };
            Action {
                control_id: g.control_id,
                stage,
                state: g.state,
                kind: g.kind,
                critical: g.critical,
                effort_hours: g.effort_hours,
                starts_day,
                ends_day,
                window: Window::ending_on(ends_day),
                after: waits_for
                    .get(i)
                    .into_iter()
                    .flatten()
                    .filter_map(|d| ranked.get(*d))
                    .map(|(_, o)| Id(o.control_id))
                    .collect(),
                owner: assignment
                    .map(|a| a.owner.clone())
                    .filter(|o| !o.is_empty()),
                due: assignment.and_then(|a| a.due),
            }
        });
    let actions = crate::ordered::sized(actions);
    ActionPlan {
        capacity_hours_per_week: per_week,
        actions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_counted_in_days() {
        assert_eq!(Window::ending_on(0), Window::Days30);
        assert_eq!(Window::ending_on(30), Window::Days30);
        assert_eq!(Window::ending_on(31), Window::Days60);
        assert_eq!(Window::ending_on(90), Window::Days90);
        assert_eq!(Window::ending_on(91), Window::Later);
    }
}
