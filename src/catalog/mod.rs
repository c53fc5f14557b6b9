//! The control catalog: every question the assessment asks, as compiled-in data.
//!
//! The catalog is the single home of question and help text. The web UI renders from
//! [`catalog_json`](crate::catalog_json); nothing else holds a copy.

/// Wraps display text (titles, questions, help). Natively the text is compiled in; in the Wasm
/// build it is left out (it would double the module's download size) and the page loads it from `catalog.json`,
/// which `soc2-readiness catalog` writes from this same source at build time. See `provide_text` (Wasm only).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! text {
    ($s:literal) => {
        $s
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! text {
    ($s:literal) => {
        ""
    };
}

mod controls;
mod criteria;
mod sections;

pub use criteria::{Criterion, CRITERIA};
pub use sections::{Section, SECTIONS};

use crate::model::{Category, Profile};
use serde::Serialize;

/// Identifier of this catalog; exported documents record it so a later version can migrate.
pub const CATALOG_ID: &str = "soc2-readiness/api-companies";
/// Catalog version. Bump when controls are added, retired or re-mapped.
pub const CATALOG_VERSION: &str = "2026.11";

/// Remediation effort for a control that is not in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Effort {
    /// About a person-day: a setting, a short document, a one-off review.
    Small,
    /// A few person-days: a procedure with tooling or a first run of a process.
    Medium,
    /// A week or more of work: new infrastructure, a programme, a first test cycle.
    Large,
}

impl Effort {
    /// Person-hours of work to put the control in place from nothing (8-hour days).
    pub fn person_hours(self) -> u32 {
        match self {
            Effort::Small => 8,
            Effort::Medium => 24,
            Effort::Large => 64,
        }
    }
}

/// When a control applies, as a condition on the scoping profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Applicability {
    /// Always asked (within its category).
    Always,
    /// More than one API version is live.
    MultipleApiVersions,
    /// Data is processed or stored in more than one country or region.
    MultipleRegions,
    /// The API has third-party integrations or sub-processors.
    ThirdPartyIntegrations,
    /// The system runs on a cloud provider.
    CloudHosted,
}

impl Applicability {
    /// Whether a control with this condition applies to `profile`.
    pub fn holds(self, profile: &Profile) -> bool {
        match self {
            Applicability::Always => true,
            Applicability::MultipleApiVersions => profile.api_versions > 1,
            Applicability::MultipleRegions => profile.regions > 1,
            Applicability::ThirdPartyIntegrations => profile.integrations > 0,
            Applicability::CloudHosted => profile.cloud_hosted,
        }
    }
}

/// Where a control comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Origin {
    /// A checklist item, boundary item, cadence, challenge or FAQ topic of the source guide.
    Guide,
    /// Something auditors ask that the guide leaves out, added so every criterion is covered.
    Auditor,
}

/// One question of the assessment.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Control {
    /// Stable id (`section.slug`); answers are keyed by it. Never reuse a retired id.
    pub id: &'static str,
    /// Id of the [`Section`] it belongs to.
    pub section: &'static str,
    /// Trust services category whose scope decides whether the control is asked.
    pub category: Category,
    /// Trust Services Criteria ids it evidences (e.g. `CC6.1`).
    pub criteria: &'static [&'static str],
    /// Short label for lists and reports.
    pub title: &'static str,
    /// The question, answerable by a CTO without a glossary. Empty in Wasm: use [`text`].
    pub question: &'static str,
    /// Why an auditor cares. Empty in Wasm: use [`text`].
    pub why: &'static str,
    /// What evidence the auditor asks for. Empty in Wasm: use [`text`].
    pub evidence: &'static str,
    /// How to put it in place. Empty in Wasm: use [`text`].
    pub remediation: &'static str,
    /// A critical control not in place caps the band, whatever the percentage.
    pub critical: bool,
    /// Asked in quick mode.
    pub quick: bool,
    /// Relative weight in scores, 1 to 3.
    pub weight: u8,
    /// Remediation effort.
    pub effort: Effort,
    /// Applicability condition on the profile.
    pub applies_when: Applicability,
    /// Whether "not applicable" is an accepted answer.
    pub allows_not_applicable: bool,
    /// Whether a cloud provider's own SOC 2 report typically covers it.
    pub inherited: bool,
    /// Where the control comes from.
    pub origin: Origin,
}

impl Control {
    /// Whether the control is asked for `profile` (category in scope and condition met).
    pub fn applies_to(&self, profile: &Profile) -> bool {
        profile.in_scope(self.category) && self.applies_when.holds(profile)
    }

    /// Whether the control's credit is inherited from the cloud provider's SOC 2 report.
    pub fn inherited_for(&self, profile: &Profile) -> bool {
        self.inherited && profile.cloud_hosted && profile.cloud_provider_soc2
    }
}

/// The display text of one control.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ControlText {
    pub title: &'static str,
    pub question: &'static str,
    pub why: &'static str,
    pub evidence: &'static str,
    pub remediation: &'static str,
}

/// Display texts supplied at run time (Wasm only): control texts, and titles of sections and
/// criteria keyed by their ids.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy)]
struct Provided {
    /// Aligned with [`controls`] (read_catalog_text checks ids and order).
    controls: &'static [ControlText],
    titles: &'static [(&'static str, &'static str)],
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static PROVIDED: std::cell::Cell<Provided> = const {
        std::cell::Cell::new(Provided { controls: &[], titles: &[] })
    };
}

/// Title of the section or criterion with `id` (what reports print).
pub fn title(id: &str) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    {
        PROVIDED.with(|p| {
            p.get()
                .titles
                .iter()
                .find(|(k, _)| *k == id)
                .map_or("", |(_, t)| *t)
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        section(id)
            .map(|s| s.title)
            .or_else(|| criterion(id).map(|c| c.title))
            .unwrap_or("")
    }
}

/// The long text of `control`: compiled in natively; in Wasm, what `provide_text` (Wasm only) supplied
/// (empty strings until then).
pub fn text(control: &Control) -> ControlText {
    #[cfg(target_arch = "wasm32")]
    {
        let provided = PROVIDED.with(|p| p.get());
        position(control.id)
            .and_then(|i| provided.controls.get(i))
            .copied()
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        ControlText {
            title: control.title,
            question: control.question,
            why: control.why,
            evidence: control.evidence,
            remediation: control.remediation,
        }
    }
}

/// Supplies the display texts to the Wasm build, once per page; later calls replace them. The
/// tables live for the rest of the page (leaked on purpose: a few dozen kilobytes, once).
#[cfg(target_arch = "wasm32")]
pub fn provide_text(texts: crate::import::CatalogText) {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let controls: Vec<ControlText> = texts
        .controls
        .into_iter()
        .map(
            |(_, [title, question, why, evidence, remediation])| ControlText {
                title: leak(title),
                question: leak(question),
                why: leak(why),
                evidence: leak(evidence),
                remediation: leak(remediation),
            },
        )
        .collect();
    let titles: Vec<(&'static str, &'static str)> = texts
        .titles
        .into_iter()
        .map(|(id, t)| (leak(id), leak(t)))
        .collect();
    PROVIDED.with(|p| {
        p.set(Provided {
            controls: Box::leak(controls.into_boxed_slice()),
            titles: Box::leak(titles.into_boxed_slice()),
        })
    });
}

/// Every control, in catalog order.
pub fn controls() -> &'static [Control] {
    controls::CONTROLS
}

/// The control with `id`, if the catalog has it.
pub fn control(id: &str) -> Option<&'static Control> {
    position(id).and_then(|i| controls::CONTROLS.get(i))
}

/// Position of the control with `id` in [`controls`].
pub fn position(id: &str) -> Option<usize> {
    let by_id = &index().by_id;
    by_id
        .binary_search_by(|(k, _)| (*k).cmp(id))
        .ok()
        .and_then(|i| by_id.get(i))
        .map(|(_, p)| *p)
}

/// Lookup tables over the static catalog, built once per process: the engine's hot paths use
/// positions instead of searching by id.
pub(crate) struct Index {
    /// (control id, position), sorted by id.
    pub by_id: Vec<(&'static str, usize)>,
    /// Positions of the controls mapped to each criterion, aligned with [`CRITERIA`].
    pub controls_of_criterion: Vec<Vec<usize>>,
    /// Positions of the controls of each section, aligned with [`SECTIONS`].
    pub controls_of_section: Vec<Vec<usize>>,
    /// Positions in [`CRITERIA`] of each control's criteria, aligned with [`controls`].
    pub criteria_of_control: Vec<Vec<usize>>,
}

pub(crate) fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let all = controls::CONTROLS;
        // Sorted by insertion: once per process, and it spares the module a sort routine.
        let mut by_id: Vec<(&'static str, usize)> = Vec::with_capacity(all.len());
        for (i, c) in all.iter().enumerate() {
            let at = by_id.partition_point(|(k, _)| *k < c.id);
            by_id.insert(at, (c.id, i));
        }
        let criteria_of_control: Vec<Vec<usize>> = all
            .iter()
            .map(|c| {
                c.criteria
                    .iter()
                    .filter_map(|id| CRITERIA.iter().position(|k| k.id == *id))
                    .collect()
            })
            .collect();
        let mut controls_of_criterion = vec![Vec::new(); CRITERIA.len()];
        for (i, ks) in criteria_of_control.iter().enumerate() {
            for k in ks {
                if let Some(list) = controls_of_criterion.get_mut(*k) {
                    list.push(i);
                }
            }
        }
        let controls_of_section = SECTIONS
            .iter()
            .map(|s| {
                all.iter()
                    .enumerate()
                    .filter(|(_, c)| c.section == s.id)
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        Index {
            by_id,
            controls_of_criterion,
            controls_of_section,
            criteria_of_control,
        }
    })
}

/// The section with `id`.
pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}

/// The criterion with `id`.
pub fn criterion(id: &str) -> Option<&'static Criterion> {
    CRITERIA.iter().find(|c| c.id == id)
}

/// The catalog as one serialisable value (what `soc2-readiness catalog` prints).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename = "Catalog")]
pub struct CatalogView {
    pub id: &'static str,
    pub version: &'static str,
    pub categories: [CategoryInfo; 5],
    pub sections: &'static [Section],
    pub criteria: &'static [Criterion],
    pub controls: &'static [Control],
    /// What a document may hold (lengths in characters, sizes in bytes), for the page.
    pub limits: crate::model::Limits,
}

/// Display information about a trust services category.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CategoryInfo {
    pub id: Category,
    pub title: &'static str,
    pub required: bool,
    pub summary: &'static str,
}

/// The whole catalog.
pub fn view() -> CatalogView {
    CatalogView {
        id: CATALOG_ID,
        version: CATALOG_VERSION,
        categories: Category::ALL.map(|id| CategoryInfo {
            id,
            title: id.title(),
            required: id == Category::Security,
            summary: id.summary(),
        }),
        sections: SECTIONS,
        criteria: CRITERIA,
        controls: controls::CONTROLS,
        limits: crate::model::LIMITS,
    }
}
