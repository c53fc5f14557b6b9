//! The 61 Trust Services Criteria (2017, points of focus revised 2022), paraphrased.
//!
//! Titles are short plain-language paraphrases written for this project, not the AICPA text.

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

const fn cc(id: &'static str, series: &'static str, title: &'static str) -> Criterion {
    Criterion {
        id,
        category: Category::Security,
        series,
        title,
    }
}
const fn a(id: &'static str, title: &'static str) -> Criterion {
    Criterion {
        id,
        category: Category::Availability,
        series: text!("Availability"),
        title,
    }
}
const fn c(id: &'static str, title: &'static str) -> Criterion {
    Criterion {
        id,
        category: Category::Confidentiality,
        series: text!("Confidentiality"),
        title,
    }
}
const fn pi(id: &'static str, title: &'static str) -> Criterion {
    Criterion {
        id,
        category: Category::ProcessingIntegrity,
        series: text!("Processing integrity"),
        title,
    }
}
const fn p(id: &'static str, title: &'static str) -> Criterion {
    Criterion {
        id,
        category: Category::Privacy,
        series: text!("Privacy"),
        title,
    }
}

const CE: &str = text!("Control environment");
const CI: &str = text!("Communication and information");
const RA: &str = text!("Risk assessment");
const MA: &str = text!("Monitoring activities");
const CA: &str = text!("Control activities");
const LA: &str = text!("Logical and physical access");
const SO: &str = text!("System operations");
const CM: &str = text!("Change management");
const RM: &str = text!("Risk mitigation");

/// All 61 criteria in report order.
pub static CRITERIA: &[Criterion] = &[
    cc(
        "CC1.1",
        CE,
        text!("Leadership shows commitment to integrity and ethics"),
    ),
    cc(
        "CC1.2",
        CE,
        text!("An independent board or equivalent oversees internal control"),
    ),
    cc(
        "CC1.3",
        CE,
        text!("Structure, reporting lines and responsibilities are defined"),
    ),
    cc(
        "CC1.4",
        CE,
        text!("Competent people are hired, developed and kept"),
    ),
    cc(
        "CC1.5",
        CE,
        text!("People are held accountable for their control duties"),
    ),
    cc(
        "CC2.1",
        CI,
        text!("Relevant, good-quality information supports internal control"),
    ),
    cc(
        "CC2.2",
        CI,
        text!("Control objectives and duties are communicated internally"),
    ),
    cc(
        "CC2.3",
        CI,
        text!("Matters affecting control are communicated to outside parties"),
    ),
    cc(
        "CC3.1",
        RA,
        text!("Objectives are clear enough to find the risks to them"),
    ),
    cc(
        "CC3.2",
        RA,
        text!("Risks are identified and analysed across the organisation"),
    ),
    cc("CC3.3", RA, text!("The potential for fraud is considered")),
    cc(
        "CC3.4",
        RA,
        text!("Significant changes are identified and their risk assessed"),
    ),
    cc(
        "CC4.1",
        MA,
        text!("Controls are evaluated to confirm they exist and work"),
    ),
    cc(
        "CC4.2",
        MA,
        text!("Control deficiencies are reported and fixed in time"),
    ),
    cc(
        "CC5.1",
        CA,
        text!("Control activities are chosen to reduce risks"),
    ),
    cc(
        "CC5.2",
        CA,
        text!("General controls over technology are in place"),
    ),
    cc(
        "CC5.3",
        CA,
        text!("Controls are deployed through policies and procedures"),
    ),
    cc(
        "CC6.1",
        LA,
        text!("Access to protected assets is secured by software and architecture"),
    ),
    cc(
        "CC6.2",
        LA,
        text!("Users are authorised before credentials are issued and removed when they leave"),
    ),
    cc(
        "CC6.3",
        LA,
        text!("Access follows roles, least privilege and separation of duties"),
    ),
    cc(
        "CC6.4",
        LA,
        text!("Physical access to facilities and assets is restricted"),
    ),
    cc(
        "CC6.5",
        LA,
        text!("Assets are retired only once their data cannot be recovered"),
    ),
    cc(
        "CC6.6",
        LA,
        text!("Threats from outside the system boundary are kept out"),
    ),
    cc(
        "CC6.7",
        LA,
        text!("Data in transit and on the move is restricted and protected"),
    ),
    cc(
        "CC6.8",
        LA,
        text!("Malicious or unauthorised software is prevented or detected"),
    ),
    cc(
        "CC7.1",
        SO,
        text!("Configuration changes and new vulnerabilities are detected"),
    ),
    cc("CC7.2", SO, text!("Components are monitored for anomalies")),
    cc(
        "CC7.3",
        SO,
        text!("Security events are evaluated to decide whether they are incidents"),
    ),
    cc(
        "CC7.4",
        SO,
        text!("Incidents are handled through a defined response programme"),
    ),
    cc(
        "CC7.5",
        SO,
        text!("The organisation recovers from incidents"),
    ),
    cc(
        "CC8.1",
        CM,
        text!("Changes are authorised, tested, approved and documented"),
    ),
    cc(
        "CC9.1",
        RM,
        text!("Risks of business disruption are mitigated"),
    ),
    cc(
        "CC9.2",
        RM,
        text!("Vendor and partner risks are assessed and managed"),
    ),
    a(
        "A1.1",
        text!("Capacity is monitored and planned to meet commitments"),
    ),
    a(
        "A1.2",
        text!("Environmental protections, backups and recovery infrastructure are in place"),
    ),
    a("A1.3", text!("Recovery procedures are tested")),
    c(
        "C1.1",
        text!("Confidential information is identified and protected"),
    ),
    c(
        "C1.2",
        text!("Confidential information is disposed of when no longer needed"),
    ),
    pi(
        "PI1.1",
        text!("Processing objectives, data definitions and specifications are documented"),
    ),
    pi("PI1.2", text!("Inputs are complete and accurate")),
    pi(
        "PI1.3",
        text!("Processing is complete, accurate and timely"),
    ),
    pi(
        "PI1.4",
        text!("Outputs are complete, accurate, timely and reach the right parties"),
    ),
    pi(
        "PI1.5",
        text!("Stored inputs, work in progress and outputs stay complete and accurate"),
    ),
    p("P1.1", text!("People are told about privacy practices")),
    p(
        "P2.1",
        text!("People have choices about their data and give consent"),
    ),
    p(
        "P3.1",
        text!("Personal data collected matches the stated purposes"),
    ),
    p("P3.2", text!("Explicit consent is obtained where required")),
    p(
        "P4.1",
        text!("Personal data is used only for the stated purposes"),
    ),
    p(
        "P4.2",
        text!("Personal data is kept only as long as needed"),
    ),
    p("P4.3", text!("Personal data is disposed of securely")),
    p("P5.1", text!("People can access their personal data")),
    p(
        "P5.2",
        text!("People can correct their data, and corrections reach third parties"),
    ),
    p(
        "P6.1",
        text!("Personal data goes to third parties only for stated purposes, with consent"),
    ),
    p(
        "P6.2",
        text!("Authorised disclosures are recorded completely"),
    ),
    p(
        "P6.3",
        text!("Unauthorised disclosures, including breaches, are recorded"),
    ),
    p(
        "P6.4",
        text!("Vendors commit to privacy obligations and are checked"),
    ),
    p(
        "P6.5",
        text!("Vendors commit to report unauthorised disclosures"),
    ),
    p(
        "P6.6",
        text!("Breaches are notified to affected people, regulators and others"),
    ),
    p(
        "P6.7",
        text!("An account of personal data held and disclosed is given on request"),
    ),
    p(
        "P7.1",
        text!("Personal data is kept accurate, complete and relevant"),
    ),
    p(
        "P8.1",
        text!("Inquiries, complaints and disputes are handled and compliance monitored"),
    ),
];
