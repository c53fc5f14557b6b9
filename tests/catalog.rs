//! The catalog: complete against the source guide, every criterion covered, well-formed.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use soc2_readiness::catalog::{self, Applicability, Origin, CRITERIA, SECTIONS};
use soc2_readiness::Category;
use std::collections::{BTreeMap, BTreeSet};

/// Controls per section that come from the guide: 13 checklist sections (70 items), the 6
/// system-boundary items, the 5 ongoing-compliance cadences, the 4 API-specific challenges and 6
/// controls for the FAQ topics (versions, jurisdictions, GDPR/CCPA, residency, cloud report,
/// shared responsibility).
const GUIDE_SECTIONS: &[(&str, usize)] = &[
    ("boundary", 6),
    ("platform", 6),
    ("access", 6),
    ("network", 6),
    ("data", 6),
    ("change", 6),
    ("vendors", 5),
    ("monitoring", 5),
    ("incident", 5),
    ("continuity", 5),
    ("validation", 6),
    ("handling", 5),
    ("policies", 5),
    ("techdocs", 5),
    ("evidence", 5),
    ("cadence", 5),
    ("api", 4),
];

#[test]
fn every_guide_section_is_present_with_all_its_items() {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in catalog::controls()
        .iter()
        .filter(|c| c.origin == Origin::Guide)
    {
        *counts.entry(c.section).or_default() += 1;
    }
    for (section, expected) in GUIDE_SECTIONS {
        assert_eq!(counts.get(section), Some(expected), "section {section}");
        assert!(
            catalog::section(section).is_some(),
            "section {section} missing"
        );
    }
    let checklist: usize = GUIDE_SECTIONS
        .iter()
        .filter(|(s, _)| !["boundary", "platform", "cadence", "api"].contains(s))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(checklist, 70, "the guide's checkbox items");
}

/// Distinctive facts of the guide that must survive in the catalog's wording.
#[test]
fn guide_facts_appear_in_the_catalog() {
    let text: String = catalog::controls()
        .iter()
        .map(|c| format!("{} {} {} {}\n", c.title, c.question, c.why, c.remediation))
        .collect::<String>()
        .to_lowercase()
        .replace('-', " ");
    for fact in [
        "multi factor",
        "least privilege",
        "rotat",
        "oauth",
        "tls 1.2",
        "rate limit",
        "vpn",
        "penetration",
        "aes 256",
        "field level",
        "data loss prevention",
        "failover",
        "sla",
        "availability zone",
        "rto",
        "rpo",
        "quarterly",
        "checksum",
        "staging",
        "rollback",
        "masking",
        "legal basis",
        "privacy by design",
        "gdpr",
        "ccpa",
        "shared responsibility",
        "deprecat",
        "ddos",
        "residency",
        "post mortem",
        "data flow",
        "topology",
        "kpi",
    ] {
        assert!(text.contains(fact), "no control mentions `{fact}`");
    }
}

#[test]
fn ids_are_unique_stable_shaped_and_match_their_section() {
    let mut seen = BTreeSet::new();
    for c in catalog::controls() {
        assert!(seen.insert(c.id), "duplicate id {}", c.id);
        let (prefix, slug) = c.id.split_once('.').unwrap();
        assert_eq!(prefix, c.section, "{}", c.id);
        assert!(!slug.is_empty() && slug.len() <= 24, "{}", c.id);
        assert!(
            slug.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
            "{}",
            c.id
        );
        assert!(
            catalog::section(c.section).is_some(),
            "{} has unknown section",
            c.id
        );
    }
    let section_ids: BTreeSet<_> = SECTIONS.iter().map(|s| s.id).collect();
    assert_eq!(section_ids.len(), SECTIONS.len());
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
    // region, no integrations), at least one control still evidences it.
    for k in CRITERIA {
        let covered = catalog::controls().iter().any(|c| {
            c.category == k.category
                && c.criteria.contains(&k.id)
                && matches!(
                    c.applies_when,
                    Applicability::Always | Applicability::CloudHosted
                )
        });
        assert!(
            covered,
            "criterion {} is not covered by a {:?} control",
            k.id, k.category
        );
    }
}

#[test]
fn control_mappings_are_consistent() {
    for c in catalog::controls() {
        assert!(!c.criteria.is_empty() && c.criteria.len() <= 4, "{}", c.id);
        for id in c.criteria {
            let k = catalog::criterion(id)
                .unwrap_or_else(|| panic!("{}: unknown criterion {id}", c.id));
            if c.category == Category::Security {
                assert_eq!(k.category, Category::Security, "{} maps {id}", c.id);
            }
        }
        assert!(
            c.criteria
                .iter()
                .any(|id| catalog::criterion(id).unwrap().category == c.category),
            "{} maps no criterion of its own category",
            c.id
        );
    }
}

#[test]
fn control_fields_follow_the_rules() {
    for c in catalog::controls() {
        assert!((1..=3).contains(&c.weight), "{}", c.id);
        assert!(
            !(c.critical && c.allows_not_applicable),
            "{}: critical yet N/A allowed",
            c.id
        );
        assert!(
            !c.quick || c.critical,
            "{}: quick questions are critical ones",
            c.id
        );
        assert!(c.question.ends_with('?'), "{}", c.id);
        for (field, text, max) in [
            ("title", c.title, 60),
            ("question", c.question, 200),
            ("why", c.why, 240),
            ("evidence", c.evidence, 240),
            ("remediation", c.remediation, 240),
        ] {
            assert!(!text.trim().is_empty(), "{} {field} empty", c.id);
            assert!(text.chars().count() <= max, "{} {field} too long", c.id);
        }
    }
    let quick = catalog::controls().iter().filter(|c| c.quick).count();
    assert!(
        (15..=25).contains(&quick),
        "quick mode asks {quick} questions"
    );
    let security_quick = catalog::controls()
        .iter()
        .filter(|c| c.quick && c.category == Category::Security)
        .count();
    assert!(
        security_quick >= 12,
        "a Security-only quick check asks {security_quick}"
    );
}

#[test]
fn inherited_controls_are_few_and_never_critical_gaps_in_disguise() {
    let inherited: Vec<_> = catalog::controls()
        .iter()
        .filter(|c| c.inherited)
        .map(|c| c.id)
        .collect();
    assert!(
        !inherited.is_empty() && inherited.len() <= 6,
        "{inherited:?}"
    );
}
