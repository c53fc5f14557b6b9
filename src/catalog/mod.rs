//! The control catalog: every question the assessment asks, as data compiled in by build.rs.
//!
//! The catalog's structure (ids, categories, criteria, flags) lives in the static tables below;
//! its display text (titles, questions, help, labels) lives in [`CatalogText`], one value per
//! language, passed explicitly to whatever renders text (reports, OSCAL). The engine's scoring
//! never reads text. Both come from `catalog/*.toml`, the one home of question and help text.

mod criteria;
pub mod phrases;
mod sections;
mod text;
pub use criteria::Criterion;
pub use sections::Section;
pub use text::{CatalogText, ControlText, Labels};

use crate::model::{Category, Profile};
use serde::Serialize;
// CATALOG_ID, CATALOG_VERSION, PROVIDER_REPORT_CONTROL, SECTIONS, CRITERIA, CONTROLS, LANGUAGES,
// compiled by build.rs from `catalog/*.toml` and `catalog/lang/` (validated there).
include!(concat!(env!("OUT_DIR"), "/catalog_tables.rs"));
include!(concat!(env!("OUT_DIR"), "/catalog_languages.rs"));

/// Remediation effort for a control that is not in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
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
    /// The system runs on hardware the company operates (own or colocated servers).
    SelfHosted,
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
            Applicability::SelfHosted => !profile.cloud_hosted,
        }
    }
}

/// Where a control comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Origin {
    /// A checklist item, boundary item, cadence, challenge or FAQ topic of the source guide.
    Guide,
    /// Something auditors ask that the guide leaves out, added so every criterion is covered.
    Auditor,
}

/// One question of the assessment (its text is in [`CatalogText`]).
#[derive(Debug)]
pub struct Control {
    /// Stable id (`section.slug`); answers are keyed by it. Never reuse a retired id.
    pub id: &'static str,
    /// Id of the [`Section`] it belongs to.
    pub section: &'static str,
    /// Trust services category whose scope decides whether the control is asked.
    pub category: Category,
    /// Trust Services Criteria ids it evidences (e.g. `CC6.1`).
    pub criteria: &'static [&'static str],
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
    /// Whether it documents the API's data flows: its effort grows with the API surface and is
    /// planned as the documentation phase of the timeline, not as remediation.
    pub documents_data_flows: bool,
    /// Part of the foundations the rest is built on (ownership, policies, risk assessment,
    /// scope): the plan puts them first.
    pub foundation: bool,
    /// Controls that must be in place before this one can be (e.g. access reviews need defined
    /// roles): the plan never puts it before them. Acyclic; a foundation depends only on
    /// foundations (build.rs checks both).
    pub depends_on: &'static [&'static str],
    /// The same controls by position in [`controls`] (build.rs resolves them).
    pub(crate) depends_on_at: &'static [usize],
    /// Where the control comes from.
    pub origin: Origin,
}

impl Control {
    /// Whether the control is asked for `profile` (category in scope and condition met).
    pub fn applies_to(&self, profile: &Profile) -> bool {
        profile.in_scope(self.category) && self.applies_when.holds(profile)
    }

    /// Whether the profile lets the cloud provider's SOC 2 report cover this control (the
    /// engine also requires the report to be on record: see `score::provider_report_on_record`).
    pub fn inherited_for(&self, profile: &Profile) -> bool {
        self.inherited && profile.cloud_hosted && profile.cloud_provider_soc2
    }
}

/// Every control, in catalog order.
pub fn controls() -> &'static [Control] {
    CONTROLS
}

/// The control with `id`, if the catalog has it.
pub fn control(id: &str) -> Option<&'static Control> {
    position(id).and_then(|i| CONTROLS.get(i))
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

/// Each entry of a document's map (its answers or assignments) with the catalog position of its
/// control (`None` for an id the catalog does not know), in id order: one merge with the
/// catalog's id index, rather than a search per entry.
pub(crate) fn positions_in<V>(
    map: &crate::model::IdMap<V>,
) -> impl Iterator<Item = (&str, Option<usize>, &V)> {
    let mut catalog = index().by_id.iter().peekable();
    map.iter().map(move |(id, value)| {
        let id = id.as_str();
        while catalog.next_if(|(k, _)| *k < id).is_some() {}
        let position = catalog.next_if(|(k, _)| *k == id).map(|(_, p)| *p);
        (id, position, value)
    })
}

/// Lookup tables over the static catalog, built once per process: the engine's hot paths use
/// positions instead of searching by id. (Generated as static tables by build.rs instead, they
/// made the Wasm module 0.3 KB larger: measured.)
pub(crate) struct Index {
    /// (control id, position), sorted by id.
    pub by_id: Vec<(&'static str, usize)>,
    /// Positions of the controls mapped to each criterion, aligned with [`CRITERIA`].
    pub controls_of_criterion: Vec<Vec<usize>>,
    /// Position in [`SECTIONS`] of each control's section, aligned with [`controls`].
    pub section_of_control: Vec<usize>,
    /// Positions in [`CRITERIA`] of each control's criteria, aligned with [`controls`].
    pub criteria_of_control: Vec<Vec<usize>>,
}

pub(crate) fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let all = CONTROLS;
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
        // build.rs checks that every control's section exists.
        let section_of_control = all
            .iter()
            .map(|c| {
                SECTIONS
                    .iter()
                    .position(|s| s.id == c.section)
                    .unwrap_or(usize::MAX)
            })
            .collect();
        Index {
            by_id,
            controls_of_criterion,
            section_of_control,
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

// Languages (issue 18): the translation checks build.rs runs (it includes the file), unit-tested
// here. (Placed below the engine's code, as few lines as possible above it: the engine module's
// panic locations keep their line numbers and its data stays byte for byte the same.)
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(dead_code)]
mod translations;
pub use phrases::Phrase;

/// The catalog as JSON, minified (what `soc2-readiness catalog` prints and the page renders):
/// structure and English text, written by build.rs from the same data as the tables above.
#[cfg(not(target_arch = "wasm32"))]
pub const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog-full.json"));

/// The English text of the catalog, read once from [`CATALOG_JSON`] (native builds; the Wasm
/// module receives text from the page instead).
#[cfg(not(target_arch = "wasm32"))]
pub fn english() -> &'static CatalogText {
    static ENGLISH: std::sync::OnceLock<CatalogText> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(|| read_text(CATALOG_JSON))
}

#[cfg(not(target_arch = "wasm32"))]
fn read_text(json: &str) -> CatalogText {
    // build.rs wrote this JSON from the checked data and `tests/i18n.rs` reads every language:
    // it parses.
    serde_json::from_str::<CatalogText>(json)
        .ok()
        .and_then(|text| text.checked().ok())
        .unwrap_or_default()
}

/// The full catalog JSON (structure and text, what `soc2-readiness catalog` prints) in the
/// language `tag` (one of [`LANGUAGES`], matched ignoring case), if there is one.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_in(tag: &str) -> Option<&'static str> {
    LANGUAGE_JSON
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(tag))
        .map(|(_, json)| *json)
}

/// The catalog's text in the language `tag` (one of [`LANGUAGES`], matched ignoring case),
/// compiled in (native builds), read once per language.
#[cfg(not(target_arch = "wasm32"))]
pub fn text_in(tag: &str) -> Option<&'static CatalogText> {
    static TEXTS: std::sync::OnceLock<Vec<CatalogText>> = std::sync::OnceLock::new();
    let at = LANGUAGE_JSON
        .iter()
        .position(|(t, _)| t.eq_ignore_ascii_case(tag))?;
    if at == 0 {
        return Some(english());
    }
    TEXTS
        .get_or_init(|| {
            LANGUAGE_JSON
                .iter()
                .skip(1)
                .map(|(_, json)| read_text(json))
                .collect()
        })
        .get(at - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IdMap;

    /// The merge finds every known id and no unknown one, whatever sorts between them.
    #[test]
    fn positions_in_agrees_with_a_search_per_id() {
        let mut answers = IdMap::new();
        for (i, c) in controls().iter().enumerate() {
            // Every other control answered, with unknown ids sorting just before and after it.
            if i % 2 == 0 {
                answers.insert(c.id.to_string(), i);
            }
            answers.insert(format!("{}-retired", c.id), i);
            answers.insert(c.id.replace('.', "-"), i);
        }
        for id in ["", "0", "a", "zzzz", "~"] {
            answers.insert(id.to_string(), 0);
        }
        let merged: Vec<(&str, Option<usize>)> = positions_in(&answers)
            .map(|(id, position, _)| (id, position))
            .collect();
        let searched: Vec<(&str, Option<usize>)> = answers
            .keys()
            .map(|id| (id.as_str(), position(id)))
            .collect();
        assert_eq!(merged, searched);
        let found = merged.iter().filter(|(_, p)| p.is_some()).count();
        assert_eq!(found, controls().len().div_ceil(2));
    }
}
