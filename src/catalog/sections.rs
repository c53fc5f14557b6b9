//! Checklist sections, in the order the questionnaire presents them.

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

const fn guide(
    id: &'static str,
    title: &'static str,
    part: &'static str,
    summary: &'static str,
) -> Section {
    Section {
        id,
        title,
        part,
        summary,
        origin: Origin::Guide,
    }
}

const fn auditor(id: &'static str, title: &'static str, summary: &'static str) -> Section {
    Section {
        id,
        title,
        part: "What auditors also ask",
        summary,
        origin: Origin::Auditor,
    }
}

/// Every section, in questionnaire order.
pub static SECTIONS: &[Section] = &[
    guide("boundary", "System boundaries", "Scoping",
        "What the audit covers: endpoints, identity, data stores, integrations, pipelines and monitoring."),
    guide("platform", "Versions, locations and cloud", "Scoping",
        "Several live API versions, data in several countries, and what your cloud provider's report covers."),
    guide("access", "Access management and authentication", "Security",
        "Who and what can reach production and customer data, and how they prove who they are."),
    guide("network", "Network security", "Security",
        "Perimeter, segmentation, encryption in transit, gateways and vulnerability testing."),
    guide("data", "Data protection", "Security",
        "Encryption at rest, classification, backups, retention and leak prevention."),
    guide("change", "Change management", "Security",
        "How code and infrastructure changes are reviewed, approved, tested and rolled back."),
    guide("vendors", "Third-party management", "Security",
        "The providers and integrations your API depends on, and how you hold them to your standard."),
    guide("monitoring", "System monitoring and alerting", "Availability",
        "Seeing outages and degradation across every endpoint before customers do."),
    guide("incident", "Incident response", "Availability",
        "Detecting, escalating, communicating and learning from incidents."),
    guide("continuity", "Business continuity", "Availability",
        "Surviving the loss of a zone, a region or a data store, within stated objectives."),
    guide("validation", "Data validation and processing", "Processing integrity",
        "Complete, accurate and valid data in, through and out of the API."),
    guide("handling", "Data handling procedures", "Confidentiality and privacy",
        "Classifying, masking, sharing and lawfully processing customer data."),
    guide("policies", "Policy documentation", "Documentation and evidence",
        "The written policies an auditor reads first."),
    guide("techdocs", "Technical documentation", "Documentation and evidence",
        "Diagrams and specifications that show the auditor how the system works."),
    guide("evidence", "Operational evidence", "Documentation and evidence",
        "Records that prove controls operated, which a Type II report depends on."),
    guide("cadence", "Ongoing compliance", "Operating the programme",
        "The recurring work that keeps controls alive between audits."),
    guide("api", "API-specific challenges", "Operating the programme",
        "Abuse, versioning, integrations and data residency: where API companies usually struggle."),
    auditor("governance", "Governance and oversight",
        "Tone at the top, oversight, structure and accountability for internal control."),
    auditor("people", "People and communication",
        "Hiring, onboarding, accountability and how commitments reach staff and customers."),
    auditor("risk", "Risk management",
        "Identifying, analysing and responding to risks, including fraud and significant change."),
    auditor("endpoint", "Physical and endpoint security",
        "Offices, laptops, media disposal and malware protection."),
    auditor("resilience", "Capacity and recovery",
        "Capacity planning, environmental protections and tested recovery."),
    auditor("confidentiality", "Confidential information",
        "Identifying confidential information and disposing of it when commitments end."),
    auditor("integrity", "Processing integrity",
        "Specifications, inputs, processing, outputs and stored data that stay complete and accurate."),
    auditor("privacy", "Privacy",
        "Notice, choice, collection, use, retention, access, disclosure, quality and complaints for personal information."),
];
