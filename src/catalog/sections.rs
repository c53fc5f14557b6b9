//! A checklist section. The sections and their order are data in `catalog/catalog.toml` and
//! `catalog/sections/*.toml`.

use super::Origin;

/// A group of related controls, shown as one page of the questionnaire (its heading and summary
/// are in the catalog text).
#[derive(Debug)]
pub struct Section {
    /// Stable id; controls refer to it.
    pub id: &'static str,
    /// Whether the section comes from the source guide or was added for auditor coverage.
    pub origin: Origin,
}
