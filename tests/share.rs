//! The shareable link (src/share.rs): every document reads back as it was, without notes, with
//! names only when they were included; links stay short; a damaged, truncated or oversized link
//! is an error, never a panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;
use proptest::prelude::*;
use soc2_readiness::date::Date;
use soc2_readiness::model::{Assignment, MAX_COUNT, MAX_HOURS_PER_WEEK};
use soc2_readiness::share::{fragment, read, read_payload, MAX_FRAGMENT_CHARS};
use soc2_readiness::{catalog, import, to_json, Answer, Category, Document, Mode, Status};

/// The document a link carries: answers and assignments to known controls only, no notes, no
/// names unless included (owners of assignments either), no assignment left empty.
fn expected(doc: &Document, names: bool) -> Document {
    let mut d = doc.clone();
    let known = |id: &str| catalog::control(id).is_some();
    d.answers = doc
        .answers
        .iter()
        .filter(|(id, _)| known(id))
        .map(|(id, a)| {
            (
                id.clone(),
                Answer {
                    note: String::new(),
                    ..a.clone()
                },
            )
        })
        .collect();
    if !names {
        d.profile.organization.clear();
        d.profile.compliance_owner.clear();
        d.profile.cloud_provider.clear();
    }
    d.assignments = doc
        .assignments
        .iter()
        .filter(|(id, _)| known(id))
        .map(|(id, a)| {
            let owner = if names {
                a.owner.clone()
            } else {
                String::new()
            };
            (id.clone(), Assignment { owner, due: a.due })
        })
        .filter(|(_, a)| !a.owner.is_empty() || a.due.is_some())
        .collect();
    d
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[A-Za-z ]{1,30}",
        ".{0,200}",
        "😀{190,200}",
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1970i32..2200, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

/// Any valid document: every profile field over its range, answers to known and unknown ids
/// with notes, assignments with owners and dates.
fn document() -> impl Strategy<Value = Document> {
    let ids: Vec<&'static str> = catalog::controls().iter().map(|c| c.id).collect();
    let n = ids.len();
    let counts = (
        1..=MAX_COUNT,
        0..=MAX_COUNT,
        1..=MAX_COUNT,
        0..=MAX_COUNT,
        1..=MAX_COUNT,
    );
    (
        (
            any::<[bool; 5]>(),
            counts,
            any::<(bool, bool, bool)>(),
            0usize..4,
            proptest::option::of(1..=MAX_HOURS_PER_WEEK),
            date(),
        ),
        [name(), name(), name()],
        proptest::collection::vec(
            proptest::option::of((0usize..5, any::<bool>(), ".{0,20}")),
            n,
        ),
        proptest::collection::vec(("[a-z.]{1,20}", 0usize..5), 0..4),
        proptest::collection::vec(
            (
                proptest::sample::select(ids),
                prop_oneof![Just(String::new()), "[A-Z][a-z]{0,8}", ".{0,200}"],
                proptest::option::of(date()),
            ),
            0..20,
        ),
    )
        .prop_map(
            move |(
                (
                    cats,
                    (team, endpoints, versions, integrations, regions),
                    flags,
                    window,
                    hours,
                    start,
                ),
                [org, owner, provider],
                answers,
                unknown,
                assignments,
            )| {
                let mut doc = Document::new(start);
                let p = &mut doc.profile;
                p.categories = Category::ALL
                    .iter()
                    .zip(cats)
                    .filter(|(_, on)| *on)
                    .map(|(c, _)| *c)
                    .collect();
                (
                    p.team_size,
                    p.endpoints,
                    p.api_versions,
                    p.integrations,
                    p.regions,
                ) = (team, endpoints, versions, integrations, regions);
                (p.cloud_hosted, p.cloud_provider_soc2) = (flags.0, flags.1);
                doc.mode = if flags.2 { Mode::Quick } else { Mode::Full };
                p.observation_months = [3, 6, 9, 12][window];
                p.hours_per_week = hours;
                (p.organization, p.compliance_owner, p.cloud_provider) = (org, owner, provider);
                for (c, a) in catalog::controls().iter().zip(answers) {
                    if let Some((s, evidence, note)) = a {
                        doc.answers.insert(
                            c.id.into(),
                            Answer {
                                status: Status::ALL[s],
                                evidence,
                                note,
                            },
                        );
                    }
                }
                for (id, s) in unknown {
                    doc.answers.insert(
                        format!("gone.{id}"),
                        Answer {
                            status: Status::ALL[s],
                            evidence: false,
                            note: String::new(),
                        },
                    );
                }
                for (id, owner, due) in assignments {
                    doc.assignments.insert(id.into(), Assignment { owner, due });
                }
                // as the page and the CLI hold it: read by the import's rules
                import(&to_json(&doc)).unwrap().document
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_document_reads_back_without_notes_and_with_names_only_when_included(
        doc in document(),
        names in any::<bool>(),
    ) {
        let link = match fragment(&doc, names) {
            Ok(link) => link,
            Err(e) => {
                // only names can make a link too long
                prop_assert!(names && e.message.contains("without names"), "{e}");
                return Ok(());
            }
        };
        prop_assert!(link.len() <= MAX_FRAGMENT_CHARS);
        if !names {
            prop_assert!(link.len() < 2000, "{} characters without names", link.len());
        }
        let shared = read(&link).unwrap();
        prop_assert_eq!(shared.document, expected(&doc, names));
        prop_assert_eq!(shared.catalog.version, catalog::CATALOG_VERSION);
    }

    #[test]
    fn a_damaged_link_is_an_error(
        doc in document(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        with in proptest::char::range('!', '~'),
    ) {
        let link = fragment(&doc, false).unwrap();
        let data = link.trim_start_matches("share=1.");
        // truncated anywhere
        let short = &link[..link.len() - 1 - cut.index(data.len())];
        prop_assert!(read(short).is_err(), "{short}");
        // one character changed
        let i = at.index(data.len());
        let old = data.as_bytes()[i] as char;
        prop_assume!(old != with);
        let changed = format!("share=1.{}{with}{}", &data[..i], &data[i + 1..]);
        prop_assert!(read(&changed).is_err(), "{changed}");
    }

    #[test]
    fn reading_any_text_never_panics(text in ".{0,300}", prefix in prop_oneof![Just(""), Just("share=1."), Just("#share=1.")]) {
        let _ = read(&format!("{prefix}{text}"));
    }

    #[test]
    fn decoding_any_payload_never_panics_and_what_it_reads_links_again(
        bytes in proptest::collection::vec(any::<u8>(), 0..200),
        doc in document(),
        at in any::<prop::sample::Index>(),
        with in any::<u8>(),
    ) {
        let _ = read_payload(&bytes);
        // a real payload with one byte changed: read or refused, never a panic; what is read
        // links again to the same document
        let link = fragment(&doc, true).unwrap_or_default();
        let data = link.trim_start_matches("share=1.");
        let mut payload = base64url_decode(data);
        payload.truncate(payload.len().saturating_sub(4));
        if !payload.is_empty() {
            let i = at.index(payload.len());
            payload[i] = with;
        }
        if let Ok(shared) = read_payload(&payload) {
            let again = read(&fragment(&shared.document, true).unwrap()).unwrap();
            prop_assert_eq!(again.document, shared.document);
        }
    }

    #[test]
    fn reading_any_bytes_in_base64url_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        use std::fmt::Write;
        // base64url of arbitrary bytes (the checksum fails almost always; the reader must not panic)
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut text = String::from("1.");
        for b in &bytes {
            let _ = write!(text, "{}", alphabet[usize::from(*b & 63)] as char);
        }
        let _ = read(&text);
    }
}

#[test]
fn a_full_assessment_link_stays_under_2000_characters() {
    // Every control answered, every count at its maximum, hours given: the longest link
    // without names.
    let mut doc = Document::new(Date::new(2199, 12, 31).unwrap());
    let p = &mut doc.profile;
    p.categories = Category::ALL.to_vec();
    (
        p.team_size,
        p.endpoints,
        p.api_versions,
        p.integrations,
        p.regions,
    ) = (MAX_COUNT, MAX_COUNT, MAX_COUNT, MAX_COUNT, MAX_COUNT);
    p.hours_per_week = Some(MAX_HOURS_PER_WEEK);
    p.organization = "Acme API".into();
    for c in catalog::controls() {
        doc.answers.insert(
            c.id.into(),
            Answer {
                status: Status::Implemented,
                evidence: true,
                note: "x".repeat(4000),
            },
        );
        doc.assignments.insert(
            c.id.into(),
            Assignment {
                owner: "Dana Lee".into(),
                due: Date::new(2199, 12, 31),
            },
        );
    }
    let without = fragment(&doc, false).unwrap();
    assert!(without.len() < 2000, "{} characters", without.len());
    // with names as a team writes them (a few owners), it stays under the mark too
    let with = fragment(&doc, true).unwrap();
    assert!(with.len() < 2000, "{} characters with names", with.len());
    // a link with no assignments, as most are: the figure README gives
    doc.assignments.clear();
    let plain = fragment(&doc, false).unwrap();
    println!(
        "link lengths: {} (no assignments), {} (a date on every control), {} (and names)",
        plain.len(),
        without.len(),
        with.len()
    );
    assert!(plain.len() < 700, "{}", plain.len());
    assert_eq!(
        read(&with).unwrap().document,
        expected(&doc_with_assignments(&doc), true)
    );
}

fn doc_with_assignments(doc: &Document) -> Document {
    let mut d = doc.clone();
    for c in catalog::controls() {
        d.assignments.insert(
            c.id.into(),
            Assignment {
                owner: "Dana Lee".into(),
                due: Date::new(2199, 12, 31),
            },
        );
    }
    d
}

#[test]
fn names_that_make_a_link_too_long_are_an_error_saying_so() {
    let mut doc = Document::new(common::start());
    doc.profile.organization = "😀".repeat(200);
    for (i, c) in catalog::controls().iter().enumerate() {
        doc.assignments.insert(
            c.id.into(),
            Assignment {
                owner: format!("{i}{}", "😀".repeat(150)),
                due: None,
            },
        );
    }
    let e = fragment(&doc, true).unwrap_err();
    assert!(e.message.contains("share it without names"), "{e}");
    assert!(fragment(&doc, false).is_ok());
}

fn base64url_decode(text: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for c in text.bytes() {
        acc = (acc << 6) | alphabet.iter().position(|a| *a == c).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}
