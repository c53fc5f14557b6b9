//! The display text of the catalog in one language: what reports and OSCAL documents print.
//!
//! It is read from the catalog JSON that build.rs writes (natively, the English one compiled into
//! the CLI; in the browser, the page hands the session the text it loaded). [`CatalogText::checked`]
//! verifies it belongs to this engine's catalog, after which every lookup by position is safe.
//! The help texts (`why`, `evidence`, `remediation`) may be absent from a first-screen file; a
//! report made from such text leaves them empty. The exports' phrases (`report`) come with the
//! help too (`catalog-help.json`); Markdown and CSV need them ([`CatalogText::check_phrases`]).
//!
//! Every language has the same shape: `catalog.json` + `catalog-help.json` (English),
//! `catalog.<tag>.json` + `catalog-help.<tag>.json` (the translations, build.rs).

use super::phrases::{fill, Phrase};
use super::{controls, Criterion, Section, CATALOG_VERSION, CRITERIA, SECTIONS};
use crate::model::{Category, ImportError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The text of one control.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct ControlText {
    pub id: String,
    /// Short label for lists and reports.
    pub title: String,
    /// The question, answerable by a CTO without a glossary.
    pub question: String,
    /// Why an auditor asks.
    pub why: String,
    /// What evidence the auditor asks for.
    pub evidence: String,
    /// How to put it in place.
    pub remediation: String,
}

/// The text of a section, criterion or category.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct NamedText {
    pub id: String,
    pub title: String,
    /// A criterion's series heading (e.g. "Logical and physical access").
    pub series: String,
    /// A section's or category's one-line summary.
    pub summary: String,
}

/// Names of the engine's values, keyed by their ids in documents and results: states (which
/// include the answer statuses), bands, timeline phases, and the plan's stages and windows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Labels {
    pub states: BTreeMap<String, String>,
    pub bands: BTreeMap<String, String>,
    pub phases: BTreeMap<String, String>,
    pub stages: BTreeMap<String, String>,
    pub windows: BTreeMap<String, String>,
}

/// The catalog's text in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct CatalogText {
    /// The catalog version the text was written for (must be this engine's).
    pub version: String,
    /// BCP 47 language tag, e.g. `en`.
    pub language: String,
    pub labels: Labels,
    pub categories: Vec<NamedText>,
    pub sections: Vec<NamedText>,
    pub criteria: Vec<NamedText>,
    pub controls: Vec<ControlText>,
    /// The exports' phrases by key (`src/catalog/phrases.rs`), with `{placeholders}`.
    pub report: BTreeMap<String, String>,
}

fn same_ids<'a>(
    key: &str,
    found: &[impl AsRef<str>],
    expected: impl ExactSizeIterator<Item = &'a str>,
) -> Result<(), ImportError> {
    let matches =
        found.len() == expected.len() && found.iter().zip(expected).all(|(f, e)| f.as_ref() == e);
    if matches {
        Ok(())
    } else {
        Err(ImportError {
            path: format!("$.{key}"),
            message: format!("the {key} differ from this engine's catalog; rebuild the site"),
        })
    }
}

impl AsRef<str> for ControlText {
    fn as_ref(&self) -> &str {
        &self.id
    }
}

impl AsRef<str> for NamedText {
    fn as_ref(&self) -> &str {
        &self.id
    }
}

impl CatalogText {
    /// The text, if it was written for this engine's catalog: the same version, and every
    /// control, section, criterion and category in catalog order.
    pub fn checked(self) -> Result<CatalogText, ImportError> {
        if self.version != CATALOG_VERSION {
            return Err(ImportError {
                path: "$.version".into(),
                message: format!(
                    "catalog {} does not match this engine's catalog {CATALOG_VERSION}; rebuild the site",
                    self.version.chars().take(40).collect::<String>()
                ),
            });
        }
        same_ids("controls", &self.controls, controls().iter().map(|c| c.id))?;
        same_ids("sections", &self.sections, SECTIONS.iter().map(|s| s.id))?;
        same_ids("criteria", &self.criteria, CRITERIA.iter().map(|k| k.id))?;
        same_ids(
            "categories",
            &self.categories,
            Category::ALL.iter().map(|c| c.id()),
        )?;
        Ok(self)
    }

    /// Whether the text has every phrase the Markdown and CSV exports use (the page loads them
    /// with the help: `catalog-help.json`'s `report`).
    pub fn check_phrases(&self) -> Result<(), ImportError> {
        match Phrase::ALL
            .iter()
            .find(|p| !self.report.contains_key(p.key()))
        {
            None => Ok(()),
            Some(p) => Err(ImportError {
                path: format!("$.report.{}", p.key()),
                message: "the catalog text has no exports' phrases; hand over the catalog with its help (catalog-help.json) merged in".into(),
            }),
        }
    }

    /// The text of a phrase (its key when the text has none, which a checked text with its
    /// phrases never lacks).
    pub fn phrase(&self, phrase: Phrase) -> &str {
        self.report
            .get(phrase.key())
            .map_or(phrase.key(), String::as_str)
    }

    /// A phrase with its placeholders filled in (`values`: name, value).
    pub fn fill(&self, phrase: Phrase, values: &[(&str, &str)]) -> String {
        fill(self.phrase(phrase), values)
    }

    /// A percentage as this language writes it ("45 %").
    pub fn percent(&self, value: impl std::fmt::Display) -> String {
        self.fill(Phrase::Percent, &[("value", &value.to_string())])
    }

    /// The text of the control at `position` in [`controls`] (empty for a position out of range,
    /// which a checked text never has).
    pub fn control(&self, position: usize) -> &ControlText {
        static EMPTY: ControlText = ControlText {
            id: String::new(),
            title: String::new(),
            question: String::new(),
            why: String::new(),
            evidence: String::new(),
            remediation: String::new(),
        };
        self.controls.get(position).unwrap_or(&EMPTY)
    }

    /// The text of the control with `id` (empty when the catalog has none).
    pub fn control_by_id(&self, id: &str) -> &ControlText {
        self.control(super::position(id).unwrap_or(usize::MAX))
    }

    fn named<'a>(list: &'a [NamedText], id: &str) -> Option<&'a NamedText> {
        list.iter().find(|t| t.id == id)
    }

    /// A section's heading.
    pub fn section(&self, section: &Section) -> &str {
        Self::named(&self.sections, section.id).map_or("", |t| &t.title)
    }

    /// A section's heading by id (the id itself when unknown).
    pub fn section_title<'a>(&'a self, id: &'a str) -> &'a str {
        Self::named(&self.sections, id).map_or(id, |t| &t.title)
    }

    /// A criterion's paraphrase.
    pub fn criterion(&self, criterion: &Criterion) -> &NamedText {
        static EMPTY: NamedText = NamedText {
            id: String::new(),
            title: String::new(),
            series: String::new(),
            summary: String::new(),
        };
        Self::named(&self.criteria, criterion.id).unwrap_or(&EMPTY)
    }

    /// A category's name.
    pub fn category(&self, category: Category) -> &str {
        Self::named(&self.categories, category.id()).map_or(category.id(), |t| &t.title)
    }

    /// The label of a state, band or phase id (the id itself when the text has none).
    pub fn label<'a>(map: &'a BTreeMap<String, String>, id: &'a str) -> &'a str {
        map.get(id).map_or(id, String::as_str)
    }

    /// The label of a state (answer statuses included).
    pub fn state<'a>(&'a self, id: &'a str) -> &'a str {
        Self::label(&self.labels.states, id)
    }

    /// The label of a band.
    pub fn band<'a>(&'a self, id: &'a str) -> &'a str {
        Self::label(&self.labels.bands, id)
    }

    /// The label of a timeline phase.
    pub fn phase<'a>(&'a self, id: &'a str) -> &'a str {
        Self::label(&self.labels.phases, id)
    }

    /// The label of a plan stage.
    pub fn stage<'a>(&'a self, id: &'a str) -> &'a str {
        Self::label(&self.labels.stages, id)
    }

    /// The label of a plan window.
    pub fn window<'a>(&'a self, id: &'a str) -> &'a str {
        Self::label(&self.labels.windows, id)
    }
}
