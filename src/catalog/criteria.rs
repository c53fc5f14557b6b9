//! A Trust Services Criterion. The 61 criteria (2017, points of focus revised 2022) are data in
//! `catalog/criteria.toml`; their titles are plain-language paraphrases written for this
//! project, not the AICPA text.

use crate::model::Category;

/// One Trust Services Criterion (its series heading and paraphrase are in the catalog text).
#[derive(Debug)]
pub struct Criterion {
    /// Id such as `CC6.1` or `P4.2`.
    pub id: &'static str,
    /// Category whose scope decides whether the criterion is assessed.
    pub category: Category,
}
