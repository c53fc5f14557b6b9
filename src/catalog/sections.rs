//! A checklist section. The sections and their order are data in `catalog/catalog.toml` and
//! `catalog/sections/*.toml`.

use super::Origin;
use serde::Serialize;

/// A group of related controls, shown as one page of the questionnaire.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Section {
    /// Stable id; controls refer to it.
    pub id: &'static str,
    /// Heading.
    pub title: &'static str,
    /// The part of the checklist it belongs to.
    pub part: &'static str,
    /// One sentence on what the section covers.
    pub summary: &'static str,
    /// Whether the section comes from the source guide or was added for auditor coverage.
    pub origin: Origin,
}
