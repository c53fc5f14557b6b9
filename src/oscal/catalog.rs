//! The catalog document: the 61 Trust Services Criteria as OSCAL controls, grouped by category
//! and series, each with the questionnaire's questions that evidence it.
//!
//! ```text
//! group security (category) ─ group cc6 (series) ─ control cc6.1 (criterion)
//!     part statement           cc6.1_smt    the project's paraphrase of the criterion
//!     part assessment-objective cc6.1_obj   what findings target
//!         part assessment-objective cc6.1_obj.access.mfa-admin   one question: title, question
//!             (prose), why / evidence / remediation (parts in this tool's namespace), props
//!     part assessment-method    cc6.1_mth   INTERVIEW: the organisation answers for itself
//! ```
//!
//! It depends on the compiled-in catalog alone: the same for every assessment, and its uuid
//! changes only when its content does.

use super::{
    control_id, objective_id, oscal_string, prop, Ids, Metadata, Prop, CATALOG_LAST_MODIFIED,
    OSCAL_VERSION, RMF_NS,
};
use crate::catalog::CatalogText;
use crate::catalog::{self, Applicability, Control as Question, Effort, CRITERIA};
use crate::model::Category;
use serde::Serialize;

/// An OSCAL catalog document: the root object, whose one member is `catalog`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct CatalogDocument {
    pub catalog: Body,
}

/// The `catalog` object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Body {
    pub uuid: String,
    pub metadata: Metadata,
    pub groups: Vec<Group>,
}

/// A group: a category (holding series groups) or a series (holding criteria).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Group {
    pub id: String,
    /// `category` or `series`.
    pub class: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<Control>,
}

/// A criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Control {
    pub id: String,
    /// Always `criterion`.
    pub class: &'static str,
    pub title: String,
    pub props: Vec<Prop>,
    pub parts: Vec<Part>,
}

/// A control part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Part {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ns: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prose: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
}

impl Part {
    fn new(name: &'static str, prose: impl Into<String>) -> Part {
        Part {
            id: None,
            name,
            ns: None,
            title: None,
            props: Vec::new(),
            prose: Some(prose.into()),
            parts: Vec::new(),
        }
    }
}

fn oscal_prop(name: &'static str, value: impl Into<String>) -> Prop {
    Prop {
        name,
        ns: None,
        value: value.into(),
    }
}

fn effort_id(effort: Effort) -> &'static str {
    match effort {
        Effort::Small => "small",
        Effort::Medium => "medium",
        Effort::Large => "large",
    }
}

fn applicability_id(applies: Applicability) -> &'static str {
    match applies {
        Applicability::Always => "always",
        Applicability::MultipleApiVersions => "multipleApiVersions",
        Applicability::MultipleRegions => "multipleRegions",
        Applicability::ThirdPartyIntegrations => "thirdPartyIntegrations",
        Applicability::CloudHosted => "cloudHosted",
        Applicability::SelfHosted => "selfHosted",
    }
}

/// Series of a criterion: `CC6` for `CC6.1`.
fn series(id: &str) -> &str {
    id.split_once('.').map_or(id, |(series, _)| series)
}

/// A sortable form of a criterion id: `cc06.01` for `CC6.1`.
fn sort_id(id: &str) -> String {
    let letters: String = id
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    let numbers: Vec<String> = id
        .get(letters.len()..)
        .unwrap_or_default()
        .split('.')
        .map(|n| format!("{n:0>2}"))
        .collect();
    format!("{letters}{}", numbers.join("."))
}

/// One question as an assessment objective of `criterion`.
fn question(text: &CatalogText, criterion: &str, q: &Question) -> Part {
    let text = text.control_by_id(q.id);
    let mut parts = Vec::new();
    for (name, prose) in [
        ("why", &text.why),
        ("evidence", &text.evidence),
        ("remediation", &text.remediation),
    ] {
        if let Some(prose) = oscal_string(prose) {
            parts.push(Part {
                ns: Some(super::NS),
                ..Part::new(name, prose)
            });
        }
    }
    Part {
        id: Some(format!("{}.{}", objective_id(criterion), q.id)),
        name: "assessment-objective",
        ns: None,
        title: Some(oscal_string(&text.title).unwrap_or_else(|| q.id.to_string())),
        props: vec![
            prop("control-id", q.id),
            prop("section", q.section),
            prop("category", q.category.id()),
            prop("critical", q.critical),
            prop("quick", q.quick),
            prop("weight", q.weight),
            prop("effort", effort_id(q.effort)),
            prop("applies-when", applicability_id(q.applies_when)),
            prop("not-applicable-allowed", q.allows_not_applicable),
            prop("inherited", q.inherited),
        ],
        prose: Some(oscal_string(&text.question).unwrap_or_else(|| q.id.to_string())),
        parts,
    }
}

fn criterion(text: &CatalogText, index: usize) -> Option<Control> {
    let k = CRITERIA.get(index)?;
    let id = control_id(k.id);
    let title = oscal_string(&text.criterion(k).title).unwrap_or_else(|| k.id.to_string());
    let questions: Vec<Part> = catalog::index()
        .controls_of_criterion
        .get(index)?
        .iter()
        .filter_map(|&i| catalog::controls().get(i))
        .map(|q| question(text, k.id, q))
        .collect();
    Some(Control {
        class: "criterion",
        title: title.clone(),
        props: vec![
            oscal_prop("label", k.id),
            oscal_prop("sort-id", sort_id(k.id)),
            prop("category", k.category.id()),
        ],
        parts: vec![
            Part {
                id: Some(format!("{id}_smt")),
                ..Part::new("statement", format!("{title}."))
            },
            Part {
                id: Some(objective_id(k.id)),
                parts: questions,
                ..Part::new(
                    "assessment-objective",
                    "Determine whether the organisation meets this criterion, from its answers \
                     to the questions below.",
                )
            },
            Part {
                id: Some(format!("{id}_mth")),
                props: vec![Prop {
                    name: "method",
                    ns: Some(RMF_NS),
                    value: "INTERVIEW".into(),
                }],
                prose: None,
                parts: vec![Part::new(
                    "assessment-objects",
                    "The organisation's own answers to the soc2-readiness questionnaire: how far \
                     each control is in place, and whether records show it operating over time.",
                )],
                ..Part::new("assessment-method", "")
            },
        ],
        id,
    })
}

/// The OSCAL catalog of the Trust Services Criteria with the questionnaire's questions.
pub fn catalog(text: &CatalogText) -> CatalogDocument {
    let mut groups = Vec::new();
    for category in Category::ALL {
        let mut series_groups: Vec<Group> = Vec::new();
        for (index, k) in CRITERIA.iter().enumerate() {
            if k.category != category {
                continue;
            }
            let Some(control) = criterion(text, index) else {
                continue;
            };
            let name = series(k.id);
            match series_groups.last_mut() {
                Some(group) if group.id == control_id(name) => group.controls.push(control),
                _ => series_groups.push(Group {
                    id: control_id(name),
                    class: "series",
                    title: match oscal_string(&text.criterion(k).series) {
                        Some(title) => format!("{name} {title}"),
                        None => name.to_string(),
                    },
                    groups: Vec::new(),
                    controls: vec![control],
                }),
            }
        }
        groups.push(Group {
            id: category.id().to_string(),
            class: "category",
            title: text.category(category).to_string(),
            groups: series_groups,
            controls: Vec::new(),
        });
    }
    // The document's uuid names its content: any change to a criterion or question gives a new one.
    let ids = Ids::named(&crate::to_json(&(
        catalog::CATALOG_ID,
        catalog::CATALOG_VERSION,
        &groups,
    )));
    CatalogDocument {
        catalog: Body {
            uuid: ids.uuid("catalog", ""),
            metadata: Metadata {
                title: "SOC 2 Trust Services Criteria with the soc2-readiness questionnaire".into(),
                last_modified: CATALOG_LAST_MODIFIED.into(),
                version: catalog::CATALOG_VERSION.into(),
                oscal_version: OSCAL_VERSION,
                props: vec![prop("catalog", catalog::CATALOG_ID)],
                roles: Vec::new(),
                parties: Vec::new(),
                responsible_parties: Vec::new(),
                remarks: Some(format!(
                    "The {} Trust Services Criteria (2017, points of focus revised 2022), grouped \
                     by category and series. Criterion titles and statements are short \
                     paraphrases written for soc2-readiness, not the AICPA text. Under each \
                     criterion's assessment objective are the questions of the soc2-readiness \
                     questionnaire (catalog {} {}) that evidence it.",
                    CRITERIA.len(),
                    catalog::CATALOG_ID,
                    catalog::CATALOG_VERSION
                )),
            },
            groups,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_ids_pad_numbers() {
        assert_eq!(sort_id("CC6.1"), "cc06.01");
        assert_eq!(sort_id("PI1.5"), "pi01.05");
        assert_eq!(series("CC10.2"), "CC10");
    }
}
