//! Readiness scoring: design (Type I) and operating (Type II) readiness, bands, blockers, gaps.
//!
//! The rules, in full (README "How scores work" says the same in prose):
//! - A control counts when its category is in scope, its applicability condition holds for the
//!   profile, it is asked in the current mode, and it is not answered "not applicable".
//! - Design credit: implemented 2 units, partial 1, anything else 0. A control the cloud
//!   provider's SOC 2 report covers, left unanswered, is credited in full as inherited, but only
//!   while that report is on record (the provider-report control is not answered planned or not
//!   implemented).
//! - Operating credit: design credit, but only when evidence of operation over time exists
//!   (for inherited controls, the provider's report is that evidence).
//! - A score is `floor(100 × Σ weight × credit / Σ weight × 2)` over the counted controls. A set
//!   with no counted control is **not assessed**: no score, band `notAssessed`, never 100.
//! - Band from the score (≥ 90 audit-ready, ≥ 70 findings likely, ≥ 40 material gaps, else not
//!   ready), then capped:
//!   - by blockers: a critical control with no credit caps the band at "material gaps", with
//!     half credit at "findings likely";
//!   - by unmet criteria (overall and the criterion's category only): an assessed criterion in
//!     scope with no credit at all caps the band at "material gaps" (an auditor qualifies the
//!     opinion on a criterion with nothing in place);
//!   - in quick mode, at "findings likely": a quick check is an estimate, never audit-ready.
//!
//!   `cappedBy` / `operatingCappedBy` name the controls and criteria behind each cap.
//! - Completion (answered ÷ asked) is reported beside the score, never mixed into it.

use crate::catalog::{self, Control};
use crate::model::{Answer, Category, Document, Mode, Profile, Status};
use crate::ordered::OrderedMap;
use serde::Serialize;
use std::borrow::Cow;

/// Readiness band. Assessed bands are ordered worst first, so caps combine with `min`;
/// `NotAssessed` (nothing counted) is never combined with another band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Band {
    /// No counted control: nothing was asked (or everything asked is not applicable).
    NotAssessed,
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

    /// The camelCase id used in results (and as the key of its label in the catalog text).
    pub fn id(self) -> &'static str {
        match self {
            Band::AuditReady => "auditReady",
            Band::FindingsLikely => "findingsLikely",
            Band::MaterialGaps => "materialGaps",
            Band::NotReady => "notReady",
            Band::NotAssessed => "notAssessed",
        }
    }
}

/// Where a control stands once the profile, mode and answer are taken into account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum State {
    Implemented,
    Partial,
    Planned,
    NotImplemented,
    /// No answer yet; counts as not in place.
    Unanswered,
    /// Unanswered, but covered by the cloud provider's SOC 2 report (which is on record).
    Inherited,
    /// Answered not applicable, where the control allows it: out of the score.
    NotApplicable,
}

impl State {
    /// The camelCase id used in results (and as the key of its label in the catalog text).
    pub fn id(self) -> &'static str {
        match self {
            State::Implemented => "implemented",
            State::Partial => "partial",
            State::Planned => "planned",
            State::NotImplemented => "notImplemented",
            State::Unanswered => "unanswered",
            State::Inherited => "inherited",
            State::NotApplicable => "notApplicable",
        }
    }
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    /// Whether any control counted. When false there is no score: `design` and `operating` are
    /// null and both bands are `notAssessed`.
    pub assessed: bool,
    /// Type I readiness: controls designed and in place, 0–100.
    #[schemars(required)]
    pub design: Option<u8>,
    /// Type II readiness: in place and evidenced over time, 0–100. Never above `design`.
    #[schemars(required)]
    pub operating: Option<u8>,
    /// Band of the design score after caps.
    pub band: Band,
    /// Band of the operating score after caps.
    pub operating_band: Band,
    /// The bands the scores alone would give, before any cap: when they differ from `band` and
    /// `operating_band`, `cappedBy` and `operatingCappedBy` say why.
    pub uncapped_band: Band,
    pub uncapped_operating_band: Band,
    /// Share of asked controls answered, 0–100 (null when nothing was asked). Kept apart from
    /// readiness.
    #[schemars(required)]
    pub completion: Option<u8>,
    /// Weighted credit earned and possible (design), the numbers behind `design`.
    pub earned: u32,
    pub possible: u32,
    pub counts: Counts,
    /// What caps `band`: critical controls not fully in place, then (overall and categories)
    /// criteria in scope with nothing in place.
    #[serde(serialize_with = "crate::ordered::ids")]
    pub capped_by: Vec<&'static str>,
    /// What caps `operating_band`: critical controls without operating credit, then criteria
    /// with no operating credit.
    #[serde(serialize_with = "crate::ordered::ids")]
    pub operating_capped_by: Vec<&'static str>,
    /// How many of `capped_by`'s first entries are controls (the rest are criteria).
    #[serde(skip)]
    pub(crate) capping_controls: usize,
}

impl Score {
    /// Lowers the bands to at most `design` and `operating` (assessed scores only), recording
    /// `by` as the reason for each cap given.
    fn cap(
        &mut self,
        design: Option<Band>,
        operating: Option<Band>,
        by: &'static str,
        is_control: bool,
    ) {
        if !self.assessed {
            return;
        }
        if let Some(cap) = design {
            self.band = self.band.min(cap);
            self.capped_by.push(by);
            if is_control {
                self.capping_controls += 1;
            }
        }
        if let Some(cap) = operating {
            self.operating_band = self.operating_band.min(cap);
            self.operating_capped_by.push(by);
        }
    }
}

/// Where one asked control stands, as the page shows it: the engine's verdict, so no consumer
/// re-derives the rules (inheritance, accepted answers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Standing {
    pub state: State,
    /// Design credit, 0–2 units (0 when not applicable).
    pub design: u8,
    /// Operating credit, 0–2 units.
    pub operating: u8,
}

/// Readiness overall, per category in scope, per criterion in scope and per section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub overall: Score,
    pub categories: OrderedMap<Score>,
    pub criteria: OrderedMap<Score>,
    pub sections: OrderedMap<Score>,
}

/// Which reports a blocker holds back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Blocks {
    /// The control is not in place: it holds back Type I, and so Type II too.
    Type1,
    /// The control is in place but lacks evidence of operation: it holds back Type II.
    Type2,
}

/// What a gap is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum GapKind {
    /// The control is not fully in place.
    Design,
    /// The control is in place; only evidence of its operation is missing.
    Evidence,
}

impl GapKind {
    /// The camelCase id used in results.
    pub fn id(self) -> &'static str {
        match self {
            GapKind::Design => "design",
            GapKind::Evidence => "evidence",
        }
    }
}

/// A critical control that is not in place (or, for Type II, not evidenced).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Blocker {
    #[serde(serialize_with = "crate::ordered::id")]
    pub control_id: &'static str,
    pub state: State,
    pub blocks: Blocks,
    /// The best band reachable while it stands.
    pub caps_at: Band,
}

/// A control short of full credit, with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    #[serde(serialize_with = "crate::ordered::id")]
    pub control_id: &'static str,
    #[serde(serialize_with = "crate::ordered::id")]
    pub section: &'static str,
    pub category: Category,
    pub state: State,
    pub kind: GapKind,
    pub critical: bool,
    /// weight × (3 if critical else 1) × (2 × missing design units + missing operating units).
    pub impact: u32,
    pub effort: catalog::Effort,
    /// Estimated person-hours to close (8 hours a day): the control's remaining effort, or, for
    /// an evidence gap, the few hours to start keeping records.
    pub effort_hours: u32,
    /// Criteria in scope this control evidences.
    #[serde(serialize_with = "crate::ordered::ids")]
    pub criteria: Cow<'static, [&'static str]>,
    /// The control's position in `catalog::controls()`: the plan reads the control by it rather
    /// than searching by id.
    #[serde(skip)]
    pub(crate) position: usize,
}

/// Where one catalog control stands for a document.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Verdict {
    /// Not asked for this profile and mode.
    NotAsked,
    /// Asked, and answered not applicable where the control allows it: out of the score.
    NotApplicable,
    /// Asked and counted.
    Counted(Evaluated),
}

/// The verdict on every catalog control for one document, aligned with `catalog::controls()`.
/// Computed once per assessment; every score reads it by position.
pub(crate) struct Evaluation {
    verdicts: Vec<Verdict>,
}

impl Evaluation {
    /// Counted controls in catalog order.
    pub fn counted(&self) -> impl Iterator<Item = &Evaluated> {
        self.verdicts.iter().filter_map(|s| match s {
            Verdict::Counted(e) => Some(e),
            _ => None,
        })
    }

    /// Verdicts in catalog order, with their controls.
    pub fn verdicts(&self) -> impl Iterator<Item = (&'static Control, Verdict)> + '_ {
        catalog::controls()
            .iter()
            .zip(self.verdicts.iter().copied())
    }
}

/// Evaluates every catalog control for `doc`.
pub(crate) fn evaluate(doc: &Document) -> Evaluation {
    let report_on_record = provider_report_on_record(doc);
    let answers = answers_by_position(doc);
    let verdicts = catalog::controls()
        .iter()
        .zip(answers)
        .enumerate()
        .map(|(position, (c, answer))| {
            if !asked(c, doc) {
                Verdict::NotAsked
            } else {
                let inherited = report_on_record && c.inherited_for(&doc.profile);
                let accepted =
                    answer.filter(|a| a.status != Status::NotApplicable || c.allows_not_applicable);
                evaluate_one(c, position, accepted, inherited)
                    .map_or(Verdict::NotApplicable, Verdict::Counted)
            }
        })
        .collect();
    Evaluation { verdicts }
}

/// Each catalog control's answer, aligned with `catalog::controls()`: one merge of the answers
/// (sorted by id) with the catalog's id index, instead of a map search per control.
fn answers_by_position(doc: &Document) -> Vec<Option<&Answer>> {
    let mut by_position = vec![None; catalog::controls().len()];
    for (_, position, answer) in catalog::positions_in(&doc.answers) {
        if let Some(slot) = position.and_then(|p| by_position.get_mut(p)) {
            *slot = Some(answer);
        }
    }
    by_position
}

/// Whether the cloud provider's SOC 2 report can stand in for the controls it covers: the
/// profile says the provider has one, and the control asking whether it was obtained and reviewed
/// is not answered planned or not implemented (unanswered leaves the benefit of the doubt the
/// profile gave; the page shows where the credit comes from).
pub(crate) fn provider_report_on_record(doc: &Document) -> bool {
    let answer = doc
        .answers
        .get(catalog::PROVIDER_REPORT_CONTROL)
        .map(|a| a.status);
    !matches!(answer, Some(Status::Planned | Status::NotImplemented))
}

/// Whether the questionnaire asks `control` for `doc` (before any N/A answer).
pub fn asked(control: &Control, doc: &Document) -> bool {
    control.applies_to(&doc.profile) && (doc.mode == Mode::Full || control.quick)
}

/// The credit of an asked control; `None` when it is answered not applicable (and may be).
fn evaluate_one(
    control: &'static Control,
    position: usize,
    accepted: Option<&Answer>,
    inherited: bool,
) -> Option<Evaluated> {
    let (state, evidence) = match accepted {
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
    // Records of operation count only for what is in place; the provider's report (when it is
    // on record) evidences operation of what it covers, answered or not.
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

fn percent(earned: u32, possible: u32) -> Option<u8> {
    (possible > 0)
        .then(|| u8::try_from(u64::from(earned) * 100 / u64::from(possible)).unwrap_or(100))
}

/// One score being added up: the counts and credit of the controls added so far, and the
/// critical controls among them that cap the bands. [`readiness`] fills every score's tally in
/// one pass over the catalog, rather than a pass per score over its members (measured: the
/// scores took half of an assessment that way).
#[derive(Default)]
struct Tally {
    /// Whether to name what caps the bands (`capped_by`), or only count and cap.
    names: bool,
    counts: Counts,
    earned: u32,
    earned_op: u32,
    possible: u32,
    /// The lowest cap a critical control set on each band (`None`: none did).
    design_cap: Option<Band>,
    operating_cap: Option<Band>,
    capped_by: Vec<&'static str>,
    operating_capped_by: Vec<&'static str>,
    capping_controls: usize,
}

impl Tally {
    /// Adds an asked control (an N/A answer counts towards completion only).
    fn add(&mut self, verdict: &Verdict) {
        let counts = &mut self.counts;
        let e = match verdict {
            Verdict::NotAsked => return,
            Verdict::NotApplicable => {
                counts.asked += 1;
                counts.answered += 1;
                counts.not_applicable += 1;
                return;
            }
            Verdict::Counted(e) => e,
        };
        counts.asked += 1;
        let w = e.weight();
        self.earned += w * e.design;
        self.earned_op += w * e.operating;
        self.possible += w * 2;
        match e.state {
            State::Implemented => counts.implemented += 1,
            State::Partial => counts.partial += 1,
            State::Planned => counts.planned += 1,
            State::NotImplemented => counts.not_implemented += 1,
            State::Unanswered => counts.unanswered += 1,
            State::Inherited => counts.inherited += 1,
            State::NotApplicable => counts.not_applicable += 1,
        }
        if e.state != State::Unanswered {
            counts.answered += 1;
        }
        if e.operating > 0 {
            counts.evidenced += 1;
        }
        // Critical controls short of full credit cap the bands, whatever the percentage.
        if e.control.critical {
            if let Some(cap) = cap_for(e.design) {
                self.design_cap = Some(self.design_cap.map_or(cap, |c| c.min(cap)));
                if self.names {
                    self.capped_by.push(e.control.id);
                }
                self.capping_controls += 1;
            }
            if let Some(cap) = cap_for(e.operating) {
                self.operating_cap = Some(self.operating_cap.map_or(cap, |c| c.min(cap)));
                if self.names {
                    self.operating_capped_by.push(e.control.id);
                }
            }
        }
    }

    /// The score: percentages, bands, and the critical controls' caps.
    fn score(self) -> Score {
        let design = percent(self.earned, self.possible);
        let operating = percent(self.earned_op, self.possible);
        let band_of = |score: Option<u8>| score.map_or(Band::NotAssessed, Band::for_score);
        let capped = |band: Band, cap: Option<Band>| cap.map_or(band, |c| band.min(c));
        Score {
            // A critical control that caps is counted, so a capped score is always assessed.
            assessed: self.possible > 0,
            design,
            operating,
            band: capped(band_of(design), self.design_cap),
            operating_band: capped(band_of(operating), self.operating_cap),
            uncapped_band: band_of(design),
            uncapped_operating_band: band_of(operating),
            completion: percent(self.counts.answered, self.counts.asked),
            earned: self.earned,
            possible: self.possible,
            counts: self.counts,
            capped_by: self.capped_by,
            operating_capped_by: self.operating_capped_by,
            capping_controls: self.capping_controls,
        }
    }
}

/// Caps `score` by the criteria in `criteria` that were assessed and earned nothing.
fn cap_by_unmet_criteria<'a>(
    score: &mut Score,
    criteria: impl Iterator<Item = (&'static str, &'a Score)>,
) {
    for (id, k) in criteria.filter(|(_, k)| k.assessed) {
        let design = (k.earned == 0).then_some(Band::MaterialGaps);
        let operating = (k.operating == Some(0)).then_some(Band::MaterialGaps);
        score.cap(design, operating, id, false);
    }
}

/// Computes readiness for `doc` from its evaluation. Without `every_cap_named`, the criteria's
/// and sections' scores leave `capped_by` and `operatingCappedBy` empty (their bands are capped
/// all the same): the summary carries those lists for the overall and category scores only, and
/// filling them was a third of the scores' allocations (measured).
pub(crate) fn readiness(doc: &Document, ev: &Evaluation, every_cap_named: bool) -> Readiness {
    let index = catalog::index();

    // One pass over the catalog adds each asked control to the scores it belongs to: overall,
    // its category, its section and its criteria.
    let tallies = |n: usize, names: bool| {
        std::iter::repeat_with(|| Tally {
            names,
            ..Tally::default()
        })
        .take(n)
        .collect::<Vec<_>>()
    };
    let mut overall = Tally {
        names: true,
        ..Tally::default()
    };
    let mut categories = tallies(Category::ALL.len(), true);
    let mut sections = tallies(catalog::SECTIONS.len(), every_cap_named);
    let mut criteria = tallies(catalog::CRITERIA.len(), every_cap_named);
    // Plain loops and lookups: the engine module is size-optimised, where iterator adaptors
    // stay calls (measured against a chain of them here: fewer instructions, 93 bytes smaller).
    let controls = catalog::controls();
    for (position, verdict) in ev.verdicts.iter().enumerate() {
        if matches!(verdict, Verdict::NotAsked) {
            continue;
        }
        overall.add(verdict);
        let category = controls.get(position).map(|c| c.category.position());
        if let Some(tally) = category.and_then(|c| categories.get_mut(c)) {
            tally.add(verdict);
        }
        let section = index.section_of_control.get(position);
        if let Some(tally) = section.and_then(|&s| sections.get_mut(s)) {
            tally.add(verdict);
        }
        if let Some(of_control) = index.criteria_of_control.get(position) {
            for &k in of_control {
                if let Some(tally) = criteria.get_mut(k) {
                    tally.add(verdict);
                }
            }
        }
    }

    // Criteria in scope, and their categories (the categories' caps need them).
    let in_scope = |k: &&catalog::Criterion| doc.profile.in_scope(k.category);
    let criteria: OrderedMap<Score> = catalog::CRITERIA
        .iter()
        .zip(criteria)
        .filter(|(k, _)| in_scope(k))
        .map(|(k, tally)| (k.id, tally.score()))
        .collect();
    let in_category = |cat: Option<Category>| {
        catalog::CRITERIA
            .iter()
            .filter(in_scope)
            .zip(criteria.iter())
            .filter(move |(k, _)| cat.map_or(true, |c| k.category == c))
            .map(|(_, (id, s))| (id, s))
    };

    let mut overall = overall.score();
    cap_by_unmet_criteria(&mut overall, in_category(None));

    let categories = Category::ALL
        .iter()
        .zip(categories)
        .filter(|(cat, _)| doc.profile.in_scope(**cat))
        .map(|(&cat, tally)| {
            let mut s = tally.score();
            cap_by_unmet_criteria(&mut s, in_category(Some(cat)));
            (cat.id(), s)
        })
        .collect();

    // Sections with a control asked (an N/A answer included).
    let sections = catalog::SECTIONS
        .iter()
        .zip(sections)
        .filter(|(_, tally)| tally.counts.asked > 0)
        .map(|(sec, tally)| (sec.id, tally.score()))
        .collect();

    let mut readiness = Readiness {
        overall,
        categories,
        criteria,
        sections,
    };
    if doc.mode == Mode::Quick {
        // An estimate is never audit-ready (`Assessment::estimate` says why).
        readiness.for_each_score(|s| {
            if s.assessed {
                s.band = s.band.min(QUICK_BEST);
                s.operating_band = s.operating_band.min(QUICK_BEST);
            }
        });
    }
    readiness
}

/// The best band a quick check shows.
pub const QUICK_BEST: Band = Band::FindingsLikely;

impl Readiness {
    fn for_each_score(&mut self, mut f: impl FnMut(&mut Score)) {
        f(&mut self.overall);
        for map in [&mut self.categories, &mut self.criteria, &mut self.sections] {
            for (_, s) in map.0.iter_mut() {
                f(s);
            }
        }
    }
}

/// The verdict on every asked control, keyed by id in catalog order.
pub(crate) fn standings(ev: &Evaluation) -> OrderedMap<Standing> {
    ev.verdicts()
        .filter_map(|(c, v)| {
            let standing = match v {
                Verdict::NotAsked => return None,
                Verdict::NotApplicable => Standing {
                    state: State::NotApplicable,
                    design: 0,
                    operating: 0,
                },
                Verdict::Counted(e) => Standing {
                    state: e.state,
                    design: u8::try_from(e.design).unwrap_or(0),
                    operating: u8::try_from(e.operating).unwrap_or(0),
                },
            };
            Some((c.id, standing))
        })
        .collect()
}

/// Critical controls holding the bands down, in catalog order.
pub(crate) fn blockers(ev: &Evaluation) -> Vec<Blocker> {
    ev.counted()
        .filter(|e| e.control.critical)
        .filter_map(|e| {
            let (blocks, caps_at) = match (cap_for(e.design), cap_for(e.operating)) {
                (Some(cap), _) => (Blocks::Type1, cap),
                (None, Some(cap)) => (Blocks::Type2, cap),
                (None, None) => return None,
            };
            Some(Blocker {
                control_id: e.control.id,
                state: e.state,
                blocks,
                caps_at,
            })
        })
        .collect()
}

/// Person-hours still needed to put `e` in place (design). Records of operation are not
/// remediation work: they accumulate during the Type II observation window.
pub(crate) fn remaining_design_hours(e: &Evaluated) -> u32 {
    let full = e.control.effort.person_hours();
    match e.design {
        2.. => 0,
        1 => full / 2,
        0 => full,
    }
}

/// Person-hours to start keeping records for a control in place without them.
pub const RECORD_KEEPING_HOURS: u32 = 4;

/// Every control short of full credit, highest impact first, then least effort.
pub(crate) fn gaps(doc: &Document, ev: &Evaluation) -> Vec<Gap> {
    let short: Vec<&Evaluated> =
        crate::ordered::sized(ev.counted().filter(|e| e.design < 2 || e.operating < 2));
    // Ranked by one integer key per gap (impact descending, then hours, then catalog order, so
    // the ranking is total and deterministic), sorted by insertion: at most a few hundred keys,
    // and a standard-library sort would cost the Wasm module 1.5 KB gzipped (measured).
    let mut ranked: Vec<u64> = Vec::with_capacity(short.len());
    for (i, e) in short.iter().enumerate() {
        let (impact, hours) = (impact(e), effort_hours(e));
        let key =
            (u64::from(u32::MAX - impact) << 32) | (u64::from(hours.min(0xFFFF)) << 16) | i as u64;
        let at = ranked.partition_point(|k| *k < key);
        ranked.insert(at, key);
    }
    let gaps = ranked
        .into_iter()
        .filter_map(|key| short.get((key & 0xFFFF) as usize))
        .map(|e| {
            let c = e.control;
            Gap {
                control_id: c.id,
                section: c.section,
                category: c.category,
                state: e.state,
                kind: if e.design < 2 {
                    GapKind::Design
                } else {
                    GapKind::Evidence
                },
                critical: c.critical,
                impact: impact(e),
                effort: c.effort,
                effort_hours: effort_hours(e),
                criteria: criteria_in_scope(c, e.position, &doc.profile),
                position: e.position,
            }
        });
    crate::ordered::sized(gaps)
}

/// The criteria in scope that `control` (at `position`) evidences: its own static list when
/// every one is in scope, as is usual, so that most gaps allocate nothing.
fn criteria_in_scope(
    control: &'static Control,
    position: usize,
    profile: &Profile,
) -> Cow<'static, [&'static str]> {
    let of_control = catalog::index()
        .criteria_of_control
        .get(position)
        .map_or(&[][..], Vec::as_slice);
    let in_scope = |k: &usize| {
        catalog::CRITERIA
            .get(*k)
            .is_some_and(|k| profile.in_scope(k.category))
    };
    if of_control.iter().all(in_scope) {
        Cow::Borrowed(control.criteria)
    } else {
        Cow::Owned(
            of_control
                .iter()
                .filter(|k| in_scope(k))
                .filter_map(|k| catalog::CRITERIA.get(*k))
                .map(|k| k.id)
                .collect(),
        )
    }
}

/// What closing a gap is worth: weight × (3 if critical) × (2 × missing design units + missing
/// operating units).
fn impact(e: &Evaluated) -> u32 {
    let missing = 2 * (2 - e.design.min(2)) + (2 - e.operating.min(2));
    e.weight() * if e.control.critical { 3 } else { 1 } * missing
}

/// Person-hours to close a gap: the remaining design effort, or the few hours to start keeping
/// records when only evidence is missing.
fn effort_hours(e: &Evaluated) -> u32 {
    match remaining_design_hours(e) {
        0 => RECORD_KEEPING_HOURS,
        hours => hours,
    }
}
