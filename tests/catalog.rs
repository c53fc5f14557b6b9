//! The catalog: complete against the source guide at the strength it states, every criterion
//! covered, the quick check fair. (Shape rules — unique ids, known criteria, lengths, critical
//! controls never N/A — are enforced by build.rs, which fails the build instead.)
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use soc2_readiness::catalog::{self, Applicability, Origin, CRITERIA};
use soc2_readiness::Category;
use std::collections::BTreeSet;

/// Every checklist item, system-boundary item, ongoing-compliance cadence, API challenge and FAQ
/// fact of the source guide (paraphrased), the controls that carry it, and, where the guide
/// states a strength (a protocol version, a cadence, a standard), words the first control's
/// title or question must contain so the strength is not watered down.
const GUIDE: &[(&str, &[&str], &[&str])] = &[
    // System boundaries
    (
        "all API endpoints and versions",
        &["boundary.api-endpoints"],
        &[],
    ),
    (
        "authentication and authorisation systems",
        &["boundary.identity-systems"],
        &[],
    ),
    (
        "data processing and storage infrastructure",
        &["boundary.data-stores"],
        &[],
    ),
    (
        "third-party integrations and dependencies",
        &["boundary.third-parties"],
        &[],
    ),
    (
        "development and deployment pipelines",
        &["boundary.pipelines"],
        &[],
    ),
    (
        "monitoring and logging systems",
        &["boundary.monitoring"],
        &[],
    ),
    // Access management and authentication
    (
        "MFA for all administrative access",
        &["access.mfa-admin"],
        &["multi-factor", "every administrative"],
    ),
    (
        "RBAC with least privilege",
        &["access.least-privilege"],
        &["roles", "only the permissions"],
    ),
    (
        "document and regularly review access rights",
        &["access.access-reviews"],
        &["quarterly"],
    ),
    (
        "API key management with rotation policies",
        &[
            "access.key-rotation",
            "access.api-keys",
            "access.key-storage",
        ],
        &["rotation policy"],
    ),
    (
        "OAuth 2.0 or similar for API consumers",
        &["access.consumer-auth"],
        &["oauth 2.0"],
    ),
    (
        "log all authentication attempts and failures",
        &["access.auth-logging"],
        &["all authentication attempts"],
    ),
    // Network security
    (
        "firewalls and intrusion detection",
        &["network.firewall-ids"],
        &["firewall", "intrusion detection"],
    ),
    ("network segmentation", &["network.segmentation"], &[]),
    (
        "TLS 1.2 or higher for all transmission",
        &["network.tls"],
        &["tls 1.2 or higher"],
    ),
    (
        "API gateways with rate limiting",
        &["network.api-gateway"],
        &["gateway", "rate limits"],
    ),
    (
        "VPN for remote administration",
        &["network.remote-admin"],
        &["vpn"],
    ),
    (
        "regular vulnerability scanning and penetration testing",
        &["network.vuln-scanning", "network.vuln-pentest"],
        &["at least monthly"],
    ),
    // Data protection
    (
        "encryption at rest with AES-256",
        &["data.encryption-at-rest"],
        &["aes-256"],
    ),
    (
        "field-level encryption of sensitive payloads",
        &["data.field-encryption"],
        &["field level"],
    ),
    (
        "data classification and handling procedures",
        &["data.classification"],
        &["classification"],
    ),
    (
        "secure backup and recovery",
        &["data.backups"],
        &["backed up"],
    ),
    (
        "retention and deletion policies",
        &["data.retention"],
        &["retention"],
    ),
    (
        "data loss prevention tools",
        &["data.dlp"],
        &["data loss prevention"],
    ),
    // System monitoring and alerting
    (
        "API monitoring across all endpoints",
        &["monitoring.api-monitoring"],
        &["every production api endpoint"],
    ),
    (
        "real-time alerting for outages and performance",
        &["monitoring.outage-alerting"],
        &["alerts"],
    ),
    (
        "automated failover",
        &["monitoring.auto-failover"],
        &["automatically"],
    ),
    (
        "SLA monitoring and reporting",
        &["monitoring.sla-reporting"],
        &["sla"],
    ),
    (
        "system health dashboards",
        &["monitoring.health-dashboards"],
        &["dashboards"],
    ),
    // Incident response
    (
        "documented incident response procedures",
        &["incident.response-plan"],
        &["written incident response plan"],
    ),
    (
        "escalation by severity level",
        &["incident.severity-escalation"],
        &["severity"],
    ),
    (
        "customer notification plans",
        &["incident.customer-comms"],
        &["notifying affected customers"],
    ),
    (
        "automated incident detection and response tools",
        &["incident.auto-detection"],
        &["automated", "detect", "response"],
    ),
    (
        "regular incident response drills",
        &["incident.drills"],
        &["exercises"],
    ),
    // Business continuity
    (
        "comprehensive disaster recovery plans",
        &["continuity.dr-plan"],
        &["disaster recovery plan"],
    ),
    (
        "redundancy across availability zones",
        &["continuity.multi-az"],
        &["two availability zones"],
    ),
    (
        "backup data centres or cloud regions",
        &["continuity.secondary-region"],
        &["second cloud region"],
    ),
    (
        "documented RTO and RPO",
        &["continuity.rto-rpo"],
        &["rto", "rpo"],
    ),
    (
        "quarterly disaster recovery tests",
        &["continuity.dr-testing"],
        &["at least quarterly"],
    ),
    // Data validation and processing
    (
        "input validation for all endpoints",
        &["validation.input-validation"],
        &["every api endpoint"],
    ),
    (
        "integrity checks and checksums",
        &["validation.integrity-checks"],
        &["checksums"],
    ),
    (
        "automated API tests",
        &["validation.automated-tests"],
        &["automated tests"],
    ),
    (
        "documented transformation and processing logic",
        &["validation.processing-logic"],
        &["documented"],
    ),
    (
        "error handling and logging",
        &["validation.error-handling"],
        &["errors", "logged"],
    ),
    (
        "data quality monitoring and alerts",
        &["validation.data-quality"],
        &["data quality", "alerts"],
    ),
    // Change management
    (
        "formal change management procedures",
        &["change.procedure"],
        &["written procedure"],
    ),
    (
        "code review for all API changes",
        &["change.code-review"],
        &["every change"],
    ),
    (
        "staging that mirrors production",
        &["change.staging"],
        &["matches production"],
    ),
    (
        "deployment procedures and rollback plans",
        &["change.deploy-rollback"],
        &["roll back"],
    ),
    (
        "change logs and version control",
        &["change.version-control"],
        &["version control", "change log"],
    ),
    (
        "approval workflows for production deployments",
        &["change.prod-approval", "change.code-review"],
        &["recorded approval"],
    ),
    // Data handling procedures
    (
        "classification schemes and handling procedures",
        &["handling.confidential-data"],
        &["classification scheme", "written procedures"],
    ),
    (
        "masking in non-production",
        &["handling.nonprod-masking"],
        &["masked"],
    ),
    (
        "secure data sharing agreements",
        &["handling.sharing-agreements"],
        &["agreements"],
    ),
    (
        "processing purposes and legal bases",
        &["handling.processing-purposes"],
        &["legal basis"],
    ),
    (
        "privacy by design in API development",
        &["handling.privacy-by-design"],
        &["privacy review"],
    ),
    // Third-party management
    (
        "inventory of third-party providers",
        &["vendors.inventory"],
        &["inventory"],
    ),
    (
        "due diligence on vendors with sensitive data",
        &["vendors.due-diligence"],
        &["review the security"],
    ),
    (
        "contractual security requirements",
        &["vendors.contracts"],
        &["security obligations"],
    ),
    (
        "monitoring third-party compliance",
        &["vendors.monitoring"],
        &["over time"],
    ),
    (
        "secure integration practices",
        &["vendors.secure-integration"],
        &["integrations"],
    ),
    // Policy documentation
    (
        "information security policy and procedures",
        &["policies.infosec-policy"],
        &["information security policy"],
    ),
    (
        "API security standards",
        &["policies.api-standard"],
        &["api security standards"],
    ),
    (
        "security training materials",
        &["policies.training-materials"],
        &["training materials"],
    ),
    (
        "vendor management policies",
        &["policies.vendor-policy"],
        &["vendor management policy"],
    ),
    (
        "BC/DR plans",
        &["policies.bcdr-plan"],
        &["business continuity"],
    ),
    // Technical documentation
    (
        "system architecture diagrams",
        &["techdocs.architecture"],
        &["architecture diagrams"],
    ),
    (
        "data flow diagrams of API interactions",
        &["techdocs.data-flows"],
        &["data flow diagrams"],
    ),
    (
        "network topology",
        &["techdocs.network-topology"],
        &["network topology"],
    ),
    (
        "control implementation guides",
        &["techdocs.control-guides"],
        &["guides"],
    ),
    (
        "API documentation and specifications",
        &["techdocs.api-specs"],
        &["specification"],
    ),
    // Operational evidence: records of the practices, asked once with each practice
    (
        "access review reports and approvals",
        &["access.access-reviews"],
        &[],
    ),
    (
        "security monitoring logs and alerts",
        &["evidence.security-logs"],
        &["security logs"],
    ),
    (
        "vulnerability scan results and remediation",
        &["evidence.vuln-remediation"],
        &["remediation"],
    ),
    (
        "incident records and post-mortems",
        &["evidence.incident-records"],
        &["post-mortem"],
    ),
    ("change records and approvals", &["change.code-review"], &[]),
    // Ongoing compliance
    (
        "monthly control testing",
        &["cadence.monthly-testing"],
        &["each month"],
    ),
    (
        "quarterly access reviews and policy updates",
        &["cadence.policy-updates", "access.access-reviews"],
        &["every quarter"],
    ),
    (
        "annual risk assessments and control evaluations",
        &["risk.assessment", "governance.internal-audit"],
        &["at least yearly"],
    ),
    (
        "continuous security metrics and KPIs",
        &["cadence.security-metrics"],
        &["continuously", "kpis"],
    ),
    (
        "regular training and awareness",
        &["cadence.awareness-training"],
        &["awareness training"],
    ),
    // API-specific challenges
    (
        "rate limiting and DDoS protection with traffic analysis",
        &["api.ddos-rate-limiting", "network.api-gateway"],
        &["traffic", "ddos"],
    ),
    (
        "security across API versions and deprecation",
        &["api.version-lifecycle", "platform.version-parity"],
        &["deprecation"],
    ),
    (
        "integrations meet your security standards",
        &["api.integration-standard"],
        &["security standard"],
    ),
    (
        "data residency: where data is processed and stored",
        &["api.data-location", "platform.data-residency"],
        &["regions"],
    ),
    // Facts of the summary and FAQ
    (
        "segmentation between clients' data",
        &["access.tenant-isolation"],
        &["tenant"],
    ),
    (
        "several API versions in one system boundary",
        &["platform.version-parity"],
        &["system boundary"],
    ),
    (
        "data flows across jurisdictions documented",
        &["platform.cross-border-flows"],
        &["country or region"],
    ),
    (
        "local regulations such as GDPR or CCPA",
        &["platform.local-regulations"],
        &["gdpr", "ccpa"],
    ),
    (
        "legal basis for international transfers",
        &["platform.transfer-mechanism"],
        &["legal basis", "international transfer"],
    ),
    (
        "cloud providers' SOC 2 reports",
        &["platform.cloud-soc2"],
        &["soc 2 report"],
    ),
    (
        "shared responsibility model documented",
        &["platform.shared-responsibility"],
        &["you operate versus your cloud provider"],
    ),
];

#[test]
fn every_fact_of_the_guide_has_a_control_at_its_strength() {
    for (fact, controls, words) in GUIDE {
        for id in *controls {
            assert!(catalog::control(id).is_some(), "{fact}: no control {id}");
        }
        let first = catalog::control(controls[0]).unwrap();
        let text = catalog::english().control_by_id(first.id);
        let text = format!("{} {}", text.title, text.question)
            .to_lowercase()
            .replace("-factor", " factor")
            .replace("multi factor", "multi-factor")
            .replace("field-level", "field level");
        for word in *words {
            assert!(
                text.contains(word),
                "{fact}: `{}` does not say `{word}`: {text}",
                first.id
            );
        }
    }
}

#[test]
fn the_compiled_in_english_text_belongs_to_this_catalog() {
    let text = catalog::english();
    assert_eq!(text.language, "en");
    assert_eq!(text.controls.len(), catalog::controls().len());
    for (c, t) in catalog::controls().iter().zip(&text.controls) {
        assert_eq!(c.id, t.id);
        for (field, value) in [
            ("title", &t.title),
            ("question", &t.question),
            ("why", &t.why),
            ("evidence", &t.evidence),
            ("remediation", &t.remediation),
        ] {
            assert!(!value.is_empty(), "{} {field}", c.id);
        }
    }
    for id in ["implemented", "unanswered", "inherited", "notApplicable"] {
        assert_ne!(text.state(id), id, "no label for {id}");
    }
    assert_eq!(text.band("notAssessed"), "Not assessed");
    // A text for another catalog version, or with the controls out of order, is refused.
    let mut stale = text.clone();
    stale.version = "1999.01".into();
    assert_eq!(stale.checked().unwrap_err().path, "$.version");
    let mut shuffled = text.clone();
    shuffled.controls.swap(0, 1);
    assert_eq!(shuffled.checked().unwrap_err().path, "$.controls");
}

#[test]
fn every_guide_control_carries_a_fact_of_the_guide() {
    let carried: BTreeSet<&str> = GUIDE
        .iter()
        .flat_map(|(_, ids, _)| ids.iter().copied())
        .collect();
    for c in catalog::controls()
        .iter()
        .filter(|c| c.origin == Origin::Guide)
    {
        assert!(
            carried.contains(c.id),
            "{} is marked as from the guide",
            c.id
        );
    }
}

#[test]
fn all_61_criteria_exist_and_each_is_covered_within_its_own_category() {
    assert_eq!(CRITERIA.len(), 61);
    let per_category = |cat: Category| CRITERIA.iter().filter(|k| k.category == cat).count();
    assert_eq!(per_category(Category::Security), 33);
    assert_eq!(per_category(Category::Availability), 3);
    assert_eq!(per_category(Category::Confidentiality), 2);
    assert_eq!(per_category(Category::ProcessingIntegrity), 5);
    assert_eq!(per_category(Category::Privacy), 18);
    // With only the criterion's own category in scope and a minimal profile (one version, one
    // region, no integrations, cloud-hosted or not), at least one control still evidences it.
    for cloud_hosted in [true, false] {
        for k in CRITERIA {
            let covered = catalog::controls().iter().any(|c| {
                c.category == k.category
                    && c.criteria.contains(&k.id)
                    && match c.applies_when {
                        Applicability::Always => true,
                        Applicability::CloudHosted => cloud_hosted,
                        Applicability::SelfHosted => !cloud_hosted,
                        _ => false,
                    }
            });
            assert!(
                covered,
                "criterion {} is not covered by a {:?} control (cloud hosted: {cloud_hosted})",
                k.id, k.category
            );
        }
    }
}

#[test]
fn the_quick_check_asks_critical_questions_in_every_category() {
    let quick: Vec<_> = catalog::controls().iter().filter(|c| c.quick).collect();
    assert!(
        (15..=25).contains(&quick.len()),
        "quick mode asks {}",
        quick.len()
    );
    for c in &quick {
        assert!(c.critical, "{}: quick questions are critical ones", c.id);
        assert_eq!(
            c.applies_when,
            Applicability::Always,
            "{}: asked of everyone",
            c.id
        );
    }
    for cat in Category::ALL {
        assert!(
            quick.iter().any(|c| c.category == cat),
            "{cat:?} has no quick question"
        );
    }
    let security = quick
        .iter()
        .filter(|c| c.category == Category::Security)
        .count();
    assert!(
        security >= 12,
        "a Security-only quick check asks {security}"
    );
}

#[test]
fn critical_means_an_auditor_would_qualify_the_opinion() {
    // Critical controls cap bands, so the set stays small: about a fifth of Security.
    let security: Vec<_> = catalog::controls()
        .iter()
        .filter(|c| c.category == Category::Security)
        .collect();
    let critical = security.iter().filter(|c| c.critical).count();
    assert!(
        critical * 5 <= security.len() + 5,
        "{critical} of {} Security controls are critical",
        security.len()
    );
    // What the review found to be exceptions, not qualified opinions.
    for id in [
        "api.ddos-rate-limiting",
        "monitoring.api-monitoring",
        "people.background-checks",
        "people.onboarding-ack",
        "governance.code-of-conduct",
        "change.prod-approval",
        "network.vuln-pentest",
    ] {
        assert!(!catalog::control(id).unwrap().critical, "{id}");
    }
    assert!(
        catalog::control("access.tenant-isolation")
            .unwrap()
            .critical
    );
}

#[test]
fn inherited_controls_are_never_critical_and_only_for_cloud_hosting() {
    let inherited: Vec<_> = catalog::controls().iter().filter(|c| c.inherited).collect();
    assert!(!inherited.is_empty());
    for c in inherited {
        assert!(
            !c.critical,
            "{}: inherited credit must not hide a blocker",
            c.id
        );
        assert_eq!(c.applies_when, Applicability::CloudHosted, "{}", c.id);
    }
    let report = catalog::control(catalog::PROVIDER_REPORT_CONTROL).unwrap();
    assert_eq!(report.applies_when, Applicability::CloudHosted);
}

#[test]
fn the_review_contradictions_stay_reconciled() {
    let all_text = |id: &str| {
        let t = catalog::english().control_by_id(id);
        format!(
            "{} {} {} {} {}",
            t.title, t.question, t.why, t.evidence, t.remediation
        )
        .to_lowercase()
    };
    // Restore tests and DR tests: quarterly everywhere, never yearly.
    for id in [
        "data.backups",
        "resilience.restore-tests",
        "continuity.dr-testing",
    ] {
        let t = all_text(id);
        assert!(t.contains("quarter"), "{id}");
        assert!(!t.contains("yearly"), "{id}");
    }
    // Log retention is not presented as a rule SOC 2 sets.
    for id in ["boundary.monitoring", "evidence.security-logs"] {
        assert!(all_text(id).contains("no fixed period"), "{id}");
    }
    // Breach notices flow down: vendors tell you sooner than you tell customers.
    assert!(all_text("vendors.contracts").contains("sooner than you must tell customers"));
    assert!(all_text("privacy.subprocessor-terms").contains("shorter than the one you promise"));
    // Transfers need a transfer mechanism (GDPR's term), not only a legal basis.
    assert!(all_text("platform.transfer-mechanism").contains("transfer mechanism"));
}
