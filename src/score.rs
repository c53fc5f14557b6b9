//! Readiness scoring: design (Type I) and operating (Type II) readiness, bands, blockers, gaps.
//!
//! The rules, in full (README "Scoring" says the same in prose):
//! - A control counts when its category is in scope, its applicability condition holds for the
//!   profile, it is asked in the current mode, and it is not answered "not applicable".
//! - Design credit: implemented 2 units, partial 1, anything else 0. A control the cloud
//!   provider's SOC 2 report covers, left unanswered, is credited in full as inherited.
//! - Operating credit: design credit, but only when evidence of operation over time exists
//!   (for inherited controls, the provider's report is that evidence).
//! - A score is `floor(100 × Σ weight × credit / Σ weight × 2)`; an empty set scores 100.
//! - Band from the score (≥ 90 audit-ready, ≥ 70 findings likely, ≥ 40 material gaps, else not
//!   ready), capped by blockers: a critical control with no credit caps the band at "material
//!   gaps", with half credit at "findings likely".
//! - Completion (answered ÷ asked) is reported beside the score, never mixed into it.

use crate::catalog::{self, Control};
use crate::model::{Answer, Category, Document, Mode, Status};
use crate::ordered::OrderedMap;
use serde::Serialize;

/// Readiness band, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Band {
    NotReady,
    MaterialGaps,
    FindingsLikely,
    AuditReady,
}

impl Band {
    /// Band for a 0–100 score before blocker caps.
    pub fn for_score(score: u8) -> Band {
        match score {
            90.. => Band::AuditReady,
            70..=89 => Band::FindingsLikely,
            40..=69 => Band::MaterialGaps,
            _ => Band::NotReady,
        }
    }

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Band::AuditReady => "Audit-ready",
            Band::FindingsLikely => "Findings likely",
            Band::MaterialGaps => "Material gaps",
            Band::NotReady => "Not ready",
        }
    }
}

/// Where a control stands once the profile, mode and answer are taken into account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum State {
    Implemented,
    Partial,
    Planned,
    NotImplemented,
    /// No answer yet; counts as not in place.
    Unanswered,
    /// Unanswered, but covered by the cloud provider's SOC 2 report.
    Inherited,
}

/// One counted control with its credit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Evaluated {
    pub control: &'static Control,
    /// Position in `catalog::controls()`.
    pub position: usize,
    pub state: State,
    /// Design credit, 0–2 units.
    pub design: u32,
    /// Operating credit, 0–2 units.
    pub operating: u32,
}

impl Evaluated {
    fn weight(&self) -> u32 {
        u32::from(self.control.weight.clamp(1, 3))
    }
}

/// Counts behind a score.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Counts {
    /// Controls asked (including those answered not applicable).
    pub asked: u32,
    /// Of those, answered (or inherited).
    pub answered: u32,
    pub implemented: u32,
    pub partial: u32,
    pub planned: u32,
    pub not_implemented: u32,
    pub unanswered: u32,
    pub not_applicable: u32,
    pub inherited: u32,
    /// Implemented or partial, with evidence of operation.
    pub evidenced: u32,
}

/// Readiness of a set of controls (overall, a category, a criterion or a section).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Score {
    /// Type I readiness: controls designed and in place, 0–100.
    pub design: u8,
    /// Type II readiness: in place and evidenced over time, 0–100. Never above `design`.
    pub operating: u8,
    /// Band of the design score after blocker caps.
    pub band: Band,
    /// Band of the operating score after blocker caps.
    pub operating_band: Band,
    /// Share of asked controls answered, 0–100. Kept apart from readiness.
    pub completion: u8,
    /// Weighted credit earned and possible (design), the numbers behind `design`.
    pub earned: u32,
    pub possible: u32,
    pub counts: Counts,
    /// Critical controls that cap `band` (design not fully in place).
    pub capped_by: Vec<&'static str>,
    /// Controls that make up this score (criteria and sections only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<&'static str>,
}

/// Readiness overall, per category in scope, per criterion in scope and per section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Readiness {
    pub overall: Score,
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Partial<Record<Category, Score>>")
    )]
    pub categories: OrderedMap<Score>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Score>"))]
    pub criteria: OrderedMap<Score>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Score>"))]
    pub sections: OrderedMap<Score>,
}

/// A critical control that is not in place (or, for Type II, not evidenced).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Blocker {
    pub control_id: &'static str,
    pub title: &'static str,
    pub state: State,
    /// `type1` when the control is not in place (blocks both reports), `type2` when it is in
    /// place but lacks evidence of operation.
    pub blocks: &'static str,
    /// The best band reachable while it stands.
    pub caps_at: Band,
}

/// A control short of full credit, with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Gap {
    pub control_id: &'static str,
    pub title: &'static str,
    pub section: &'static str,
    pub category: Category,
    pub state: State,
    /// `design` when the control is not fully in place; `evidence` when only evidence is missing.
    pub kind: &'static str,
    pub critical: bool,
    /// weight × (3 if critical else 1) × (2 × missing design units + missing operating units).
    pub impact: u32,
    pub effort: catalog::Effort,
    /// Estimated person-hours to close (8 hours a day).
    pub effort_hours: u32,
    /// Criteria in scope this control evidences.
    pub criteria: Vec<&'static str>,
    pub remediation: &'static str,
    pub evidence: &'static str,
}

/// Where one catalog control stands for a document.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Standing {
    /// Not asked for this profile and mode.
    NotAsked,
    /// Asked, and answered not applicable where the control allows it: out of the score.
    NotApplicable,
    /// Asked and counted.
    Counted(Evaluated),
}

/// The standing of every catalog control for one document, aligned with `catalog::controls()`.
/// Computed once per assessment; every score reads it by position.
pub(crate) struct Evaluation {
    standings: Vec<Standing>,
}

impl Evaluation {
    /// Counted controls in catalog order.
    pub fn counted(&self) -> impl Iterator<Item = &Evaluated> {
        self.standings.iter().filter_map(|s| match s {
            Standing::Counted(e) => Some(e),
            _ => None,
        })
    }

    fn standing(&self, position: usize) -> Standing {
        self.standings
            .get(position)
            .copied()
            .unwrap_or(Standing::NotAsked)
    }

    fn is_asked(&self, position: usize) -> bool {
        !matches!(self.standing(position), Standing::NotAsked)
    }
}

/// Evaluates every catalog control for `doc`.
pub(crate) fn evaluate(doc: &Document) -> Evaluation {
    let standings = catalog::controls()
        .iter()
        .enumerate()
        .map(|(position, c)| {
            if !asked(c, doc) {
                Standing::NotAsked
            } else {
                evaluate_one(c, position, doc).map_or(Standing::NotApplicable, Standing::Counted)
            }
        })
        .collect();
    Evaluation { standings }
}

/// Whether the questionnaire asks `control` for `doc` (before any N/A answer).
pub fn asked(control: &Control, doc: &Document) -> bool {
    control.applies_to(&doc.profile) && (doc.mode == Mode::Full || control.quick)
}

/// Accepted answer for `control`, if any (N/A where the control forbids it is not accepted).
fn accepted<'a>(control: &Control, doc: &'a Document) -> Option<&'a Answer> {
    doc.answers
        .get(control.id)
        .filter(|a| a.status != Status::NotApplicable || control.allows_not_applicable)
}

/// The credit of an asked control; `None` when it is answered not applicable (and may be).
fn evaluate_one(control: &'static Control, position: usize, doc: &Document) -> Option<Evaluated> {
    let answer = accepted(control, doc);
    let inherited = control.inherited_for(&doc.profile);
    let (state, evidence) = match answer {
        Some(a) => (
            match a.status {
                Status::NotApplicable => return None,
                Status::Implemented => State::Implemented,
                Status::Partial => State::Partial,
                Status::Planned => State::Planned,
                Status::NotImplemented => State::NotImplemented,
            },
            a.evidence,
        ),
        None if inherited => (State::Inherited, true),
        None => (State::Unanswered, false),
    };
    let design = match state {
        State::Implemented | State::Inherited => 2,
        State::Partial => 1,
        _ => 0,
    };
    // The provider's report evidences operation of what it covers.
    let operating = if evidence || inherited { design } else { 0 };
    Some(Evaluated {
        control,
        position,
        state,
        design,
        operating,
    })
}

fn cap_for(units: u32) -> Option<Band> {
    match units {
        0 => Some(Band::MaterialGaps),
        1 => Some(Band::FindingsLikely),
        _ => None,
    }
}

fn percent(earned: u32, possible: u32) -> u8 {
    if possible == 0 {
        return 100;
    }
    u8::try_from(u64::from(earned) * 100 / u64::from(possible)).unwrap_or(100)
}

/// Scores the controls at `positions` (asked ones only; N/A answers count towards completion).
fn score(positions: impl Iterator<Item = usize>, ev: &Evaluation, list_controls: bool) -> Score {
    let mut counts = Counts::default();
    let mut controls = Vec::new();
    let (mut earned, mut possible, mut earned_op) = (0, 0, 0);
    let (mut band_cap, mut op_cap) = (Band::AuditReady, Band::AuditReady);
    let mut capped_by = Vec::new();
    for position in positions {
        let e = match ev.standing(position) {
            Standing::NotAsked => continue,
            Standing::NotApplicable => {
                counts.asked += 1;
                counts.answered += 1;
                counts.not_applicable += 1;
                if let (true, Some(c)) = (list_controls, catalog::controls().get(position)) {
                    controls.push(c.id);
                }
                continue;
            }
            Standing::Counted(e) => e,
        };
        counts.asked += 1;
        if list_controls {
            controls.push(e.control.id);
        }
        let w = e.weight();
        earned += w * e.design;
        earned_op += w * e.operating;
        possible += w * 2;
        match e.state {
            State::Implemented => counts.implemented += 1,
            State::Partial => counts.partial += 1,
            State::Planned => counts.planned += 1,
            State::NotImplemented => counts.not_implemented += 1,
            State::Unanswered => counts.unanswered += 1,
            State::Inherited => counts.inherited += 1,
        }
        if e.state != State::Unanswered {
            counts.answered += 1;
        }
        if e.operating > 0 {
            counts.evidenced += 1;
        }
        if e.control.critical {
            if let Some(cap) = cap_for(e.design) {
                band_cap = band_cap.min(cap);
                capped_by.push(e.control.id);
            }
            if let Some(cap) = cap_for(e.operating) {
                op_cap = op_cap.min(cap);
            }
        }
    }
    let design = percent(earned, possible);
    let operating = percent(earned_op, possible);
    Score {
        design,
        operating,
        band: Band::for_score(design).min(band_cap),
        operating_band: Band::for_score(operating).min(op_cap),
        completion: percent(counts.answered, counts.asked),
        earned,
        possible,
        counts,
        capped_by,
        controls,
    }
}

/// Computes readiness for `doc` from its evaluation.
pub(crate) fn readiness(doc: &Document, ev: &Evaluation) -> Readiness {
    let all = catalog::controls();
    let index = catalog::index();
    let overall = score(0..all.len(), ev, false);

    let categories = doc
        .profile
        .scoped_categories()
        .map(|cat| {
            let members = all
                .iter()
                .enumerate()
                .filter(|(_, c)| c.category == cat)
                .map(|(i, _)| i);
            (cat.id(), score(members, ev, false))
        })
        .collect();

    let criteria = catalog::CRITERIA
        .iter()
        .zip(&index.controls_of_criterion)
        .filter(|(k, _)| doc.profile.in_scope(k.category))
        .map(|(k, members)| (k.id, score(members.iter().copied(), ev, true)))
        .collect();

    let sections = catalog::SECTIONS
        .iter()
        .zip(&index.controls_of_section)
        .filter(|(_, members)| members.iter().any(|i| ev.is_asked(*i)))
        .map(|(sec, members)| (sec.id, score(members.iter().copied(), ev, true)))
        .collect();

    Readiness {
        overall,
        categories,
        criteria,
        sections,
    }
}

/// Critical controls holding the bands down, in catalog order.
pub(crate) fn blockers(ev: &Evaluation) -> Vec<Blocker> {
    ev.counted()
        .filter(|e| e.control.critical)
        .filter_map(|e| {
            let (blocks, caps_at) = match (cap_for(e.design), cap_for(e.operating)) {
                (Some(cap), _) => ("type1", cap),
                (None, Some(cap)) => ("type2", cap),
                (None, None) => return None,
            };
            Some(Blocker {
                control_id: e.control.id,
                title: catalog::text(e.control).title,
                state: e.state,
                blocks,
                caps_at,
            })
        })
        .collect()
}

/// Person-hours still needed to give `e` full credit.
pub(crate) fn remaining_hours(e: &Evaluated) -> u32 {
    let full = e.control.effort.person_hours();
    match (e.design, e.operating) {
        (2, 2) => 0,
        // In place, evidence missing: set up record keeping.
        (2, _) => 4,
        (1, _) => full / 2,
        _ => full,
    }
}

/// Every control short of full credit, highest impact first, then least effort.
pub(crate) fn gaps(doc: &Document, ev: &Evaluation) -> Vec<Gap> {
    let index = catalog::index();
    // Ranked with an unstable sort (smaller code than the stable one) and catalog order as the
    // final key, so the ranking is still total and deterministic.
    let mut gaps: Vec<(usize, Gap)> = ev
        .counted()
        .filter(|e| e.design < 2 || e.operating < 2)
        .map(|e| {
            let c = e.control;
            let text = catalog::text(c);
            let missing = 2 * (2 - e.design) + (2 - e.operating);
            let gap = Gap {
                control_id: c.id,
                title: text.title,
                section: c.section,
                category: c.category,
                state: e.state,
                kind: if e.design < 2 { "design" } else { "evidence" },
                critical: c.critical,
                impact: e.weight() * if c.critical { 3 } else { 1 } * missing,
                effort: c.effort,
                effort_hours: remaining_hours(e),
                criteria: index
                    .criteria_of_control
                    .get(e.position)
                    .into_iter()
                    .flatten()
                    .filter_map(|k| catalog::CRITERIA.get(*k))
                    .filter(|k| doc.profile.in_scope(k.category))
                    .map(|k| k.id)
                    .collect(),
                remediation: text.remediation,
                evidence: text.evidence,
            };
            (e.position, gap)
        })
        .collect();
    gaps.sort_unstable_by(|(ia, a), (ib, b)| {
        b.impact
            .cmp(&a.impact)
            .then(a.effort_hours.cmp(&b.effort_hours))
            .then(ia.cmp(ib))
    });
    gaps.into_iter().map(|(_, gap)| gap).collect()
}
