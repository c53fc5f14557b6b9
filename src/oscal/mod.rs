//! OSCAL 1.2.3 export: the self-assessment in NIST's machine-readable formats, for GRC tools.
//!
//! Four documents that link to each other by relative hrefs, written side by side under the
//! file names below (`docs/oscal.md` is the user-facing description):
//!
//! ```text
//! assessment results ──import-ap──► assessment plan ──import-ssp──► system security plan
//!   (findings per criterion,          (the questions asked,          (the system as scoped,
//!    observations per answer)          the criteria reviewed)         a requirement per criterion)
//!                                                                          │ import-profile
//!                                                                          ▼
//!                                                          catalog: the Trust Services Criteria
//!                                                          with the questionnaire's questions
//! ```
//!
//! The catalog depends only on the compiled-in catalog ([`catalog()`]); the other three on the
//! assessment and the generation time ([`system_security_plan`], [`assessment_plan`],
//! [`assessment_results`]). OSCAL requires an assessment plan to import a system security plan,
//! and a system security plan to import its baseline (a profile or a catalog); so the chain
//! results → plan → SSP → catalog is the shortest one along which every control id resolves.
//!
//! Pure like the rest of the engine: the caller passes the generation time ([`Timestamp`]),
//! and every uuid is a name-based (version 5) uuid derived from the content, so the same input
//! gives byte-identical output. User text (notes, names) only ever enters a document as a JSON
//! string value built by serde_json, never by string concatenation.

mod catalog;
mod plan;
mod results;
mod ssp;
mod time;
mod uuid5;

pub use catalog::{catalog, CatalogDocument};
pub use plan::{assessment_plan, PlanDocument};
pub use results::{assessment_results, finding_state, satisfied, AssessmentResults, FindingState};
pub use ssp::{system_security_plan, SspDocument};
pub use time::{Timestamp, FIRST_YEAR, LAST_YEAR};

use crate::catalog::CatalogText;
use crate::model::Mode;
use crate::Export;
use serde::Serialize;
use std::fmt;
pub use uuid5::Uuid;

/// OSCAL version the documents conform to: the newest release that both compliance-trestle
/// (5.2, models of 1.2.1, reads 1.2.x) and NIST's 1.2.3 schema and constraints accept.
pub const OSCAL_VERSION: &str = "1.2.3";
/// Namespace of this tool's own props and parts (OSCAL requires one for names outside its own).
pub const NS: &str = "https://soc2-readiness.dev/ns/oscal";
/// NIST's RMF namespace, for the `method` prop of assessment methods.
const RMF_NS: &str = "http://csrc.nist.gov/ns/rmf";

/// File name of the catalog; the other documents link to it as `./` + this name.
pub const CATALOG_FILE: &str = "soc2-readiness-catalog.oscal.json";
/// File name of the system security plan.
pub const SSP_FILE: &str = "soc2-readiness-ssp.oscal.json";
/// File name of the assessment plan.
pub const PLAN_FILE: &str = "soc2-readiness-assessment-plan.oscal.json";
/// File name of the assessment results.
pub const RESULTS_FILE: &str = "soc2-readiness-assessment-results.oscal.json";

/// `last-modified` of the catalog document: the month of [`crate::catalog::CATALOG_VERSION`].
/// The catalog is the same for every assessment, so it carries no generation time.
pub const CATALOG_LAST_MODIFIED: &str = "2026-11-01T00:00:00Z";

/// The three documents that depend on the assessment, as (file name, JSON text), in the order
/// results, plan, SSP. The catalog ([`catalog()`]) completes the set.
pub fn assessment_documents(
    export: &Export,
    text: &CatalogText,
    generated_at: Timestamp,
) -> [(&'static str, String); 3] {
    [
        (
            RESULTS_FILE,
            crate::to_json(&assessment_results(export, text, generated_at)),
        ),
        (
            PLAN_FILE,
            crate::to_json(&assessment_plan(export, text, generated_at)),
        ),
        (
            SSP_FILE,
            crate::to_json(&system_security_plan(export, text, generated_at)),
        ),
    ]
}

/// One document of the OSCAL set: its file name (the documents' hrefs name each other by these)
/// and its JSON text, ending in a newline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct OscalFile {
    pub name: &'static str,
    pub text: String,
}

/// The whole set, side by side: the catalog, the SSP, the assessment plan and the results, what
/// `soc2-readiness oscal --out-dir` writes and the page's ZIP download holds.
pub fn set(export: &Export, text: &CatalogText, generated_at: Timestamp) -> Vec<OscalFile> {
    let catalog = (CATALOG_FILE, crate::to_json(&catalog(text)));
    std::iter::once(catalog)
        .chain(assessment_documents(export, text, generated_at))
        .map(|(name, json)| OscalFile {
            name,
            text: json + "\n",
        })
        .collect()
}

fn href(file: &str) -> String {
    format!("./{file}")
}

// ---------------------------------------------------------------------------------------------
// Uuids

/// This tool's uuid namespace: the version-5 uuid of [`NS`] in the RFC 4122 URL namespace.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, NS.as_bytes())
}

fn uuid_text(uuid: Uuid) -> String {
    uuid.text()
}

/// Name-based (RFC 4122 version 5, SHA-1) uuids ([`Uuid`], hand-written for size). [`Ids::content`] derives a namespace from
/// everything a document is made from, and each object's uuid is the v5 uuid of
/// `<kind>|<key>` in it: the same input gives the same uuids, any change to the input gives new
/// ones.
struct Ids {
    ns: Uuid,
}

impl Ids {
    /// Uuids for documents made from `export` at `generated_at`: the namespace is the v5 uuid of
    /// the serialised input (mode, profile, answers, catalog, generator, generation time).
    fn content(export: &Export, generated_at: Timestamp) -> Ids {
        // Pretty JSON through `to_json`, like the export: no second serialiser in the Wasm module.
        let content = crate::to_json(&(
            export.mode,
            &export.profile,
            &export.answers,
            &export.catalog,
            export.generator,
            generated_at.to_string(),
        ));
        Ids {
            ns: Uuid::new_v5(&namespace(), content.as_bytes()),
        }
    }

    /// Uuids named by `text` alone (the catalog's, which depend on its content only).
    fn named(text: &str) -> Ids {
        Ids {
            ns: Uuid::new_v5(&namespace(), text.as_bytes()),
        }
    }

    fn uuid(&self, kind: &str, key: &str) -> String {
        uuid_text(Uuid::new_v5(&self.ns, format!("{kind}|{key}").as_bytes()))
    }
}

/// The uuid of a subject that outlives one assessment (a party, the system), from its kind and
/// name only: the same organisation keeps one uuid across revisions of the documents, as OSCAL
/// asks of per-subject uuids.
fn stable_uuid(kind: &str, name: &str) -> String {
    uuid_text(Uuid::new_v5(
        &namespace(),
        format!("{kind}|{name}").as_bytes(),
    ))
}

// ---------------------------------------------------------------------------------------------
// Shared document parts. The members of each object are in OSCAL's schema order; optional members
// are left out when absent. No `serde_json::Value` (its map, its serialiser and serde_json's float
// formatter would all land in the Wasm module), and no numbers: OSCAL prop values are strings.

/// Document `metadata`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Metadata {
    pub title: String,
    pub last_modified: String,
    pub version: String,
    pub oscal_version: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responsible_parties: Vec<ResponsibleParty>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

/// A role in `metadata.roles`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Role {
    pub id: &'static str,
    pub title: &'static str,
}

/// A party in `metadata.parties`: the organisation or the compliance owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Party {
    pub uuid: String,
    /// `organization` or `person`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
}

/// A `metadata.responsible-parties` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ResponsibleParty {
    pub role_id: &'static str,
    pub party_uuids: Vec<String>,
}

/// A prop; OSCAL prop values are strings. `ns` is [`NS`] for this tool's own names and absent
/// for OSCAL's (`label`, `sort-id`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Prop {
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ns: Option<&'static str>,
    pub value: String,
}

/// An import (`import-ap`, `import-ssp`, `import-profile`): a relative href to the sibling file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Import {
    pub href: String,
    pub remarks: &'static str,
}

/// `reviewed-controls` (also an activity's `related-controls`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ReviewedControls {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub control_selections: Vec<ControlSelection>,
}

/// A `control-selections` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ControlSelection {
    pub include_controls: Vec<SelectControl>,
}

/// An `include-controls` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SelectControl {
    pub control_id: String,
}

fn prop(name: &'static str, value: impl fmt::Display) -> Prop {
    Prop {
        name,
        ns: Some(NS),
        value: value.to_string(),
    }
}

/// The OSCAL control id of a Trust Services Criterion: lower case, because OSCAL ids are tokens
/// and NIST's catalogs write them so (`CC6.1` is `cc6.1`).
pub fn control_id(criterion: &str) -> String {
    criterion.to_ascii_lowercase()
}

/// Id of a criterion's assessment-objective part in the catalog, which findings target.
pub fn objective_id(criterion: &str) -> String {
    format!("{}_obj", control_id(criterion))
}

/// Selects the criteria `ids` (upper-case, as the engine names them).
fn selection<'a>(
    description: Option<String>,
    ids: impl Iterator<Item = &'a str>,
) -> ReviewedControls {
    ReviewedControls {
        description,
        control_selections: vec![ControlSelection {
            include_controls: ids
                .map(|id| SelectControl {
                    control_id: control_id(id),
                })
                .collect(),
        }],
    }
}

/// A name as an OSCAL `string`: whitespace and control characters collapsed to single spaces,
/// trimmed; `None` when nothing is left.
fn oscal_string(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// `text` as an OSCAL `string`, or `fallback` when it is blank (OSCAL strings may not be empty,
/// and a first-screen catalog text may lack help texts).
fn text_or(text: &str, fallback: impl FnOnce() -> String) -> String {
    oscal_string(text).unwrap_or_else(fallback)
}

/// `CC6.1: <paraphrase>`, or the id alone when the text has no paraphrase.
fn criterion_title(text: &CatalogText, id: &str) -> String {
    let title = crate::catalog::criterion(id).map_or("", |k| text.criterion(k).title.as_str());
    match oscal_string(title) {
        Some(title) => format!("{id}: {title}"),
        None => id.to_string(),
    }
}

fn mode_id(mode: Mode) -> &'static str {
    match mode {
        Mode::Full => "full",
        Mode::Quick => "quick",
    }
}

fn catalog_name(export: &Export) -> String {
    format!("{} {}", export.catalog.id, export.catalog.version)
}

fn scope(export: &Export, text: &CatalogText) -> String {
    export
        .profile
        .scoped_categories()
        .map(|c| text.category(c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Metadata shared by the per-assessment documents: title, generation time, catalog and
/// generator, the organisation and the compliance owner as parties.
fn assessment_metadata(export: &Export, title: &str, at: Timestamp, remarks: String) -> Metadata {
    let mut roles = Vec::new();
    let mut parties = Vec::new();
    let mut responsible_parties = Vec::new();
    let organization = oscal_string(&export.profile.organization);
    if let Some(name) = &organization {
        parties.push(Party {
            uuid: stable_uuid("party|organization", name),
            kind: "organization",
            name: name.clone(),
        });
    }
    if let Some(name) = oscal_string(&export.profile.compliance_owner) {
        let uuid = stable_uuid("party|compliance-owner", &name);
        roles.push(Role {
            id: "compliance-owner",
            title: "Compliance owner",
        });
        parties.push(Party {
            uuid: uuid.clone(),
            kind: "person",
            name,
        });
        responsible_parties.push(ResponsibleParty {
            role_id: "compliance-owner",
            party_uuids: vec![uuid],
        });
    }
    let title = match organization {
        Some(name) => format!("{title}: {name}"),
        None => title.to_string(),
    };
    Metadata {
        title,
        last_modified: at.to_string(),
        version: format!("{} ({})", catalog_name(export), export.generator),
        oscal_version: OSCAL_VERSION,
        props: Vec::new(),
        roles,
        parties,
        responsible_parties,
        remarks: Some(remarks),
    }
}

/// `results[0].start` and the like: the profile's start date at midnight UTC, and when that date
/// lies outside the years OSCAL date-times can hold, a sentence saying what was written instead.
fn start_of(export: &Export) -> (Timestamp, Option<String>) {
    let date = export.profile.start_date;
    let start = Timestamp::midnight(date);
    let note = (start.date() != date).then(|| {
        format!(
            "The start date {date} lies outside the years OSCAL date-times can hold \
             ({FIRST_YEAR} to {LAST_YEAR}); {start} is the nearest instant they can hold."
        )
    });
    (start, note)
}
