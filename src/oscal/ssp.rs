//! The system security plan: the system as the scoping profile describes it, with the catalog as
//! its baseline and one implemented requirement per criterion in scope.
//!
//! OSCAL requires an assessment plan to import a system security plan; this one carries what the
//! self-assessment knows about the system (the organisation's API, its surface, its hosting, the
//! categories in scope) and nothing it does not: how each criterion is met is what the answers,
//! in the assessment results, say.

use super::{
    assessment_metadata, catalog_name, control_id, href, mode_id, oscal_string, prop, scope,
    stable_uuid, Ids, Import, Metadata, Prop, Timestamp, CATALOG_FILE,
};
use crate::catalog::CatalogText;
use crate::Export;
use serde::Serialize;

/// An OSCAL system-security-plan document: the root object, whose one member is
/// `system-security-plan`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SspDocument {
    pub system_security_plan: Body,
}

/// The `system-security-plan` object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Body {
    pub uuid: String,
    pub metadata: Metadata,
    pub import_profile: Import,
    pub system_characteristics: SystemCharacteristics,
    pub system_implementation: SystemImplementation,
    pub control_implementation: ControlImplementation,
}

/// `system-characteristics`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SystemCharacteristics {
    pub system_ids: Vec<SystemId>,
    pub system_name: String,
    pub description: String,
    pub props: Vec<Prop>,
    pub system_information: SystemInformation,
    pub status: Status,
    pub authorization_boundary: Described,
}

/// A `system-ids` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SystemId {
    pub identifier_type: &'static str,
    pub id: String,
}

/// `system-information`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SystemInformation {
    pub information_types: Vec<InformationType>,
}

/// An `information-types` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct InformationType {
    pub uuid: String,
    pub title: &'static str,
    pub description: &'static str,
}

/// A life-cycle `status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Status {
    pub state: &'static str,
    pub remarks: &'static str,
}

/// An object with a description only (`authorization-boundary`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Described {
    pub description: String,
}

/// `system-implementation`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct SystemImplementation {
    pub components: Vec<Component>,
}

/// A component: the system itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Component {
    pub uuid: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub status: Status,
}

/// `control-implementation`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ControlImplementation {
    pub description: String,
    pub implemented_requirements: Vec<ImplementedRequirement>,
}

/// An `implemented-requirements` entry: a criterion in scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ImplementedRequirement {
    pub uuid: String,
    pub control_id: String,
    pub by_components: Vec<ByComponent>,
}

/// A `by-components` entry: how the system as a whole meets a criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ByComponent {
    pub component_uuid: String,
    pub uuid: String,
    pub description: String,
}

const UNKNOWN_STATE: Status = Status {
    state: "other",
    remarks: "The self-assessment does not record the system's life-cycle state.",
};

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The OSCAL system security plan for `export`, generated at `generated_at`.
pub fn system_security_plan(
    export: &Export,
    text: &CatalogText,
    generated_at: Timestamp,
) -> SspDocument {
    let ids = Ids::content(export, generated_at);
    let p = &export.profile;
    let organization = oscal_string(&p.organization);
    let system_name = match &organization {
        Some(name) => format!("{name} API"),
        None => "The organisation's API".to_string(),
    };
    let scope = scope(export, text);
    let hosting = match (p.cloud_hosted, oscal_string(&p.cloud_provider)) {
        (false, _) => "not hosted on a cloud provider".to_string(),
        (true, provider) => {
            let provider = provider.unwrap_or_else(|| "a cloud provider".into());
            if p.cloud_provider_soc2 {
                format!("hosted on {provider}, which has its own SOC 2 report")
            } else {
                format!("hosted on {provider}")
            }
        }
    };
    let surface = format!(
        "{}, {} live, {}, data processed in {}; {hosting}",
        plural(p.endpoints, "API endpoint", "API endpoints"),
        plural(p.api_versions, "API version", "API versions"),
        plural(
            p.integrations,
            "third-party integration or sub-processor",
            "third-party integrations or sub-processors"
        ),
        plural(p.regions, "country or region", "countries or regions"),
    );
    let mut props = vec![
        prop(
            "categories",
            p.scoped_categories()
                .map(|c| c.id())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        prop("mode", mode_id(export.mode)),
        prop("team-size", p.team_size),
        prop("endpoints", p.endpoints),
        prop("api-versions", p.api_versions),
        prop("integrations", p.integrations),
        prop("regions", p.regions),
        prop("cloud-hosted", p.cloud_hosted),
        prop("cloud-provider-soc2", p.cloud_provider_soc2),
    ];
    if let Some(provider) = oscal_string(&p.cloud_provider) {
        props.push(prop("cloud-provider", provider));
    }
    props.push(prop("start-date", p.start_date));
    props.push(prop("observation-months", p.observation_months));

    let system_uuid = stable_uuid(
        "system",
        organization.as_deref().unwrap_or("the organisation's API"),
    );
    SspDocument {
        system_security_plan: Body {
            uuid: ids.uuid("system-security-plan", ""),
            metadata: assessment_metadata(
                export,
                "SOC 2 readiness self-assessment: system as scoped",
                generated_at,
                format!(
                    "Generated by {} from the scoping profile of a self-assessment against \
                     catalog {}. It records what the self-assessment knows about the system; it \
                     is not a system security plan written for an authorisation.",
                    export.generator,
                    catalog_name(export)
                ),
            ),
            import_profile: Import {
                href: href(CATALOG_FILE),
                remarks: "The baseline is the soc2-readiness catalog of the Trust Services \
                          Criteria, written beside this file; the criteria in scope are the \
                          implemented requirements below.",
            },
            system_characteristics: SystemCharacteristics {
                system_ids: vec![SystemId {
                    identifier_type: "https://ietf.org/rfc/rfc4122",
                    id: system_uuid.clone(),
                }],
                system_name: system_name.clone(),
                description: format!(
                    "{system_name}, as scoped for a SOC 2 readiness self-assessment: {surface}."
                ),
                props,
                system_information: SystemInformation {
                    information_types: vec![InformationType {
                        uuid: ids.uuid("information-type", "customer-data"),
                        title: "Customer data processed through the API",
                        description: "The data the organisation's API stores and processes for \
                                      its customers. The self-assessment does not categorise it \
                                      further.",
                    }],
                },
                status: UNKNOWN_STATE,
                authorization_boundary: Described {
                    description: format!(
                        "The API and the people, processes and infrastructure that support it, \
                         for the Trust Services categories in scope: {scope}."
                    ),
                },
            },
            system_implementation: SystemImplementation {
                components: vec![Component {
                    uuid: system_uuid.clone(),
                    kind: "this-system",
                    title: system_name,
                    description: format!("The system as a whole: {surface}."),
                    status: UNKNOWN_STATE,
                }],
            },
            control_implementation: ControlImplementation {
                description: format!(
                    "The Trust Services Criteria in scope ({scope}). How the organisation meets \
                     each one is what its answers to the questionnaire say: see the \
                     observations and findings of the assessment results."
                ),
                implemented_requirements: export
                    .readiness
                    .criteria
                    .iter()
                    .map(|(id, _)| ImplementedRequirement {
                        uuid: ids.uuid("implemented-requirement", id),
                        control_id: control_id(id),
                        by_components: vec![ByComponent {
                            component_uuid: system_uuid.clone(),
                            uuid: ids.uuid("by-component", id),
                            description: format!(
                                "Self-assessed: the organisation's answers to the questions on                                  {id} and the finding for {id} are in the assessment results."
                            ),
                        }],
                    })
                    .collect(),
            },
        },
    }
}
