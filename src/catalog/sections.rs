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
    guide("boundary", text!("System boundaries"), text!("Scoping"), text!("What the audit covers: endpoints, identity, data stores, integrations, pipelines and monitoring.")),
    guide("platform", text!("Versions, locations and cloud"), text!("Scoping"), text!("Several live API versions, data in several countries, and what your cloud provider's report covers.")),
    guide("access", text!("Access management and authentication"), text!("Security"), text!("Who and what can reach production and customer data, and how they prove who they are.")),
    guide("network", text!("Network security"), text!("Security"), text!("Perimeter, segmentation, encryption in transit, gateways and vulnerability testing.")),
    guide("data", text!("Data protection"), text!("Security"), text!("Encryption at rest, classification, backups, retention and leak prevention.")),
    guide("change", text!("Change management"), text!("Security"), text!("How code and infrastructure changes are reviewed, approved, tested and rolled back.")),
    guide("vendors", text!("Third-party management"), text!("Security"), text!("The providers and integrations your API depends on, and how you hold them to your standard.")),
    guide("monitoring", text!("System monitoring and alerting"), text!("Availability"), text!("Seeing outages and degradation across every endpoint before customers do.")),
    guide("incident", text!("Incident response"), text!("Availability"), text!("Detecting, escalating, communicating and learning from incidents.")),
    guide("continuity", text!("Business continuity"), text!("Availability"), text!("Surviving the loss of a zone, a region or a data store, within stated objectives.")),
    guide("validation", text!("Data validation and processing"), text!("Processing integrity"), text!("Complete, accurate and valid data in, through and out of the API.")),
    guide("handling", text!("Data handling procedures"), text!("Confidentiality and privacy"), text!("Classifying, masking, sharing and lawfully processing customer data.")),
    guide("policies", text!("Policy documentation"), text!("Documentation and evidence"), text!("The written policies an auditor reads first.")),
    guide("techdocs", text!("Technical documentation"), text!("Documentation and evidence"), text!("Diagrams and specifications that show the auditor how the system works.")),
    guide("evidence", text!("Operational evidence"), text!("Documentation and evidence"), text!("Records that prove controls operated, which a Type II report depends on.")),
    guide("cadence", text!("Ongoing compliance"), text!("Operating the programme"), text!("The recurring work that keeps controls alive between audits.")),
    guide("api", text!("API-specific challenges"), text!("Operating the programme"), text!("Abuse, versioning, integrations and data residency: where API companies usually struggle.")),
    auditor("governance", text!("Governance and oversight"), text!("Tone at the top, oversight, structure and accountability for internal control.")),
    auditor("people", text!("People and communication"), text!("Hiring, onboarding, accountability and how commitments reach staff and customers.")),
    auditor("risk", text!("Risk management"), text!("Identifying, analysing and responding to risks, including fraud and significant change.")),
    auditor("endpoint", text!("Physical and endpoint security"), text!("Offices, laptops, media disposal and malware protection.")),
    auditor("resilience", text!("Capacity and recovery"), text!("Capacity planning, environmental protections and tested recovery.")),
    auditor("confidentiality", text!("Confidential information"), text!("Identifying confidential information and disposing of it when commitments end.")),
    auditor("integrity", text!("Processing integrity"), text!("Specifications, inputs, processing, outputs and stored data that stay complete and accurate.")),
    auditor("privacy", text!("Privacy"), text!("Notice, choice, collection, use, retention, access, disclosure, quality and complaints for personal information.")),
];
