//! A Trust Services Criterion. The 61 criteria (2017, points of focus revised 2022) are data in
//! `catalog/criteria.toml`; their titles are plain-language paraphrases written for this
//! project, not the AICPA text.

use crate::model::Category;
use serde::Serialize;

/// One Trust Services Criterion.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Criterion {
    /// Id such as `CC6.1` or `P4.2`.
    pub id: &'static str,
    /// Category whose scope decides whether the criterion is assessed.
    pub category: Category,
    /// Series heading (e.g. "Logical and physical access").
    pub series: &'static str,
    /// Plain-language paraphrase.
    pub title: &'static str,
}
