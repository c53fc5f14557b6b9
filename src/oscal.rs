//! OSCAL 1.1.2 assessment-results export: the self-assessment in NIST's machine-readable format,
//! for GRC tools that import OSCAL.
//!
//! The mapping (README "OSCAL export" says the same for users):
//! - each Trust Services Criterion in scope is a reviewed control, its id lowercased (`CC6.1` is
//!   `cc6.1`) because OSCAL ids are tokens, and gets one finding whose target is that id;
//! - each answered control the catalog knows is an observation (method `INTERVIEW`: the
//!   organisation answered for itself), linked from the findings of the criteria it counts for;
//! - the plan is described in `back-matter` and imported by fragment (`#uuid`), so the document
//!   is self-contained.
//!
//! Pure like the rest of the engine: the caller passes the generation time ([`Timestamp`]), and
//! every uuid is derived from the content, so the same input gives byte-identical output.
//! User text (notes, names) only ever enters the document as JSON string values built by
//! serde_json, never by string concatenation.

use crate::catalog;
use crate::date::Date;
use crate::model::{Mode, Status};
use crate::score::{Band, Score};
use crate::Export;
use serde::Serialize;
use std::fmt;

/// OSCAL version the export conforms to.
pub const OSCAL_VERSION: &str = "1.1.2";
/// Namespace of this tool's own props (OSCAL requires one for names outside the NIST set).
pub const NS: &str = "https://soc2-readiness.dev/ns/oscal";

/// A date-time with timezone, as OSCAL's `date-time-with-timezone` requires.
///
/// Accepts RFC 3339 date-times (`2027-01-04T10:00:00Z`, `2027-01-04T12:00:00.5+02:00`) within
/// what OSCAL 1.1.2 allows: years 1900–2999 and the UTC offsets its schema lists (whole hours
/// from −12:00 to +14:00 and the half- and three-quarter-hour zones in use). Leap seconds are
/// rejected. Display gives the normalised text: upper-case `T`, `Z` for a zero offset, fraction
/// without trailing zeros.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    nanos: u32,
    /// Offset from UTC in minutes.
    offset: i16,
}

/// Offsets (minutes east of UTC) OSCAL 1.1.2's date-time pattern accepts, besides whole hours.
const PART_HOUR_OFFSETS: [i16; 9] = [
    -(9 * 60 + 30),
    -(3 * 60 + 30),
    3 * 60 + 30,
    4 * 60 + 30,
    5 * 60 + 30,
    5 * 60 + 45,
    6 * 60 + 30,
    8 * 60 + 45,
    9 * 60 + 30,
];
const MORE_PART_HOUR_OFFSETS: [i16; 2] = [10 * 60 + 30, 12 * 60 + 45];

fn offset_allowed(minutes: i16) -> bool {
    if minutes % 60 == 0 {
        return (-12 * 60..=14 * 60).contains(&minutes);
    }
    PART_HOUR_OFFSETS.contains(&minutes) || MORE_PART_HOUR_OFFSETS.contains(&minutes)
}

fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

impl Timestamp {
    /// Parses an RFC 3339 date-time with timezone (see the type's documentation).
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let shown = clip(text);
        let shape = || {
            format!(
                "`{shown}` is not an RFC 3339 date-time with timezone; expected \
                 YYYY-MM-DDTHH:MM:SS[.fraction] followed by Z or ±HH:MM, e.g. 2027-01-04T10:00:00Z"
            )
        };
        let bytes = text.as_bytes();
        let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        let byte_at = |i: usize| bytes.get(i).copied();
        let head_ok = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
            .into_iter()
            .all(digit_at)
            && byte_at(4) == Some(b'-')
            && byte_at(7) == Some(b'-')
            && matches!(byte_at(10), Some(b'T' | b't'))
            && byte_at(13) == Some(b':')
            && byte_at(16) == Some(b':');
        if !head_ok {
            return Err(shape());
        }
        let num = |from: usize, to: usize| {
            text.get(from..to)
                .and_then(|s| s.parse::<u32>().ok())
                .unwrap_or(0)
        };
        let date = Date::parse(text.get(0..10).unwrap_or_default())
            .map_err(|e| format!("`{shown}`: {e}"))?;
        if num(0, 4) > 2999 {
            return Err(format!(
                "`{shown}`: OSCAL date-times must lie in the years 1900 to 2999"
            ));
        }
        let (hour, minute, second) = (num(11, 13), num(14, 16), num(17, 19));
        if hour > 23 || minute > 59 {
            return Err(format!(
                "`{shown}`: {hour:02}:{minute:02} is not a time of day"
            ));
        }
        if second == 60 {
            return Err(format!("`{shown}`: leap seconds (:60) are not supported"));
        }
        if second > 59 {
            return Err(format!("`{shown}`: second {second} is out of range"));
        }

        // Fraction, then zone.
        let mut at = 19;
        let mut nanos = 0u32;
        if byte_at(at) == Some(b'.') {
            let digits = bytes
                .get(at + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits == 0 {
                return Err(shape());
            }
            if digits > 9 {
                return Err(format!(
                    "`{shown}`: at most 9 fractional digits (nanoseconds) are supported"
                ));
            }
            let scale = 10u32.pow(u32::try_from(9 - digits).unwrap_or(0));
            nanos = num(at + 1, at + 1 + digits) * scale;
            at += 1 + digits;
        }
        let zone = text.get(at..).unwrap_or_default();
        let offset = match zone.as_bytes() {
            [] => {
                return Err(format!(
                    "`{shown}` has no timezone; add Z for UTC or an offset such as +02:00"
                ))
            }
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2]
                if [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()) =>
            {
                let hours = i16::from(h1 - b'0') * 10 + i16::from(h2 - b'0');
                let minutes = i16::from(m1 - b'0') * 10 + i16::from(m2 - b'0');
                if hours > 23 || minutes > 59 {
                    return Err(format!("`{shown}`: {zone} is not a UTC offset"));
                }
                let total = hours * 60 + minutes;
                let total = if *sign == b'-' { -total } else { total };
                if !offset_allowed(total) {
                    return Err(format!(
                        "`{shown}`: UTC offset {zone} is not one OSCAL accepts \
                         (whole hours from -12:00 to +14:00, or a half- or three-quarter-hour zone in use)"
                    ));
                }
                total
            }
            _ => return Err(shape()),
        };
        Ok(Timestamp {
            date,
            hour: u8::try_from(hour).unwrap_or(0),
            minute: u8::try_from(minute).unwrap_or(0),
            second: u8::try_from(second).unwrap_or(0),
            nanos,
            offset,
        })
    }

    /// Midnight UTC at the start of `date` (`YYYY-MM-DDT00:00:00Z`).
    pub fn midnight(date: Date) -> Timestamp {
        Timestamp {
            date,
            hour: 0,
            minute: 0,
            second: 0,
            nanos: 0,
            offset: 0,
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date, self.hour, self.minute, self.second
        )?;
        if self.nanos > 0 {
            let fraction = format!("{:09}", self.nanos);
            write!(f, ".{}", fraction.trim_end_matches('0'))?;
        }
        if self.offset == 0 {
            f.write_str("Z")
        } else {
            let sign = if self.offset < 0 { '-' } else { '+' };
            let abs = self.offset.unsigned_abs();
            write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
        }
    }
}

/// 128-bit FNV-1a, streaming.
#[derive(Clone, Copy)]
struct Fnv128(u128);

impl Fnv128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

    fn new() -> Self {
        Fnv128(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }
}

/// A bijective 128-bit finaliser (xor-shifts and odd multipliers), so that inputs differing in
/// one byte give uuids that look unrelated. Being a bijection, it keeps distinct hashes distinct.
fn mix(mut h: u128) -> u128 {
    const K1: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835;
    const K2: u128 = 0xbf58_476d_1ce4_e5b9_94d0_49bb_1331_11eb;
    h ^= h >> 67;
    h = h.wrapping_mul(K1);
    h ^= h >> 61;
    h = h.wrapping_mul(K2);
    h ^ (h >> 64)
}

/// Deterministic version-4 uuids: FNV-1a over `<content>|<kind>|<key>`, mixed, where the content
/// is the serialised input (mode, profile, answers, catalog, generator, generation time).
struct Ids {
    content: Fnv128,
}

impl Ids {
    fn new(export: &Export, generated_at: Timestamp) -> Ids {
        // Pretty JSON through `to_json`, like the export: no second serialiser in the Wasm module.
        let content = crate::to_json(&(
            export.mode,
            &export.profile,
            &export.answers,
            &export.catalog,
            export.generator,
            generated_at.to_string(),
        ));
        let mut hash = Fnv128::new();
        hash.write(content.as_bytes());
        Ids { content: hash }
    }

    fn uuid(&self, kind: &str, key: &str) -> String {
        let mut hash = self.content;
        for part in ["|", kind, "|", key] {
            hash.write(part.as_bytes());
        }
        uuid_v4(mix(hash.0))
    }
}

/// Formats 128 bits as a uuid with the version-4 nibble and the RFC 4122 variant bits set.
fn uuid_v4(bits: u128) -> String {
    let bits = (bits & !(0xf << 76)) | (0x4 << 76);
    let bits = (bits & !(0x3 << 62)) | (0x2 << 62);
    // Written digit by digit: `format!("{:x}")` on a u128 would pull 128-bit formatting into
    // the Wasm module.
    let mut out = String::with_capacity(36);
    for (i, byte) in bits.to_be_bytes().into_iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        for nibble in [byte >> 4, byte & 0xf] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
}

// The document, as typed structs serialised by serde's derive: the members of each object in
// OSCAL's schema order, optional members left out when absent. No `serde_json::Value` (its map,
// its serialiser and serde_json's float formatter would all land in the Wasm module), and no
// numbers: OSCAL prop values are strings, formatted here.

/// An OSCAL 1.1.2 assessment-results document: the root object, whose one member is
/// `assessment-results`. Serialise it with [`crate::to_json`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct AssessmentResults {
    pub assessment_results: Body,
}

/// The `assessment-results` object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Body {
    pub uuid: String,
    pub metadata: Metadata,
    pub import_ap: ImportAp,
    pub results: Vec<AssessmentResult>,
    pub back_matter: BackMatter,
}

/// Document `metadata`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Metadata {
    pub title: &'static str,
    pub last_modified: String,
    pub version: String,
    pub oscal_version: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responsible_parties: Vec<ResponsibleParty>,
    pub remarks: String,
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

/// `import-ap`: a fragment link to the plan resource in back-matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ImportAp {
    pub href: String,
    pub remarks: &'static str,
}

/// The one entry of `results`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct AssessmentResult {
    pub uuid: String,
    pub title: &'static str,
    pub description: String,
    pub start: String,
    pub props: Vec<Prop>,
    pub reviewed_controls: ReviewedControls,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    pub findings: Vec<Finding>,
}

/// A prop in this tool's namespace ([`NS`]); OSCAL prop values are strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Prop {
    pub name: &'static str,
    pub ns: &'static str,
    pub value: String,
}

/// `reviewed-controls`: the criteria in scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ReviewedControls {
    pub description: String,
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

/// An observation: one answered control.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Observation {
    pub uuid: String,
    pub title: &'static str,
    pub description: String,
    pub props: Vec<Prop>,
    pub methods: Vec<&'static str>,
    pub types: Vec<&'static str>,
    pub collected: String,
    /// The answer's note, verbatim, when it is not blank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

/// A finding: one criterion in scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Finding {
    pub uuid: String,
    pub title: String,
    pub description: String,
    pub props: Vec<Prop>,
    pub target: FindingTarget,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_observations: Vec<RelatedObservation>,
}

/// A finding's `target`: the criterion's objective and whether it is satisfied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct FindingTarget {
    /// Always `objective-id`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub target_id: String,
    pub status: ObjectiveStatus,
}

/// A target's `status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ObjectiveStatus {
    /// `satisfied` or `not-satisfied`.
    pub state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<&'static str>,
}

/// A `related-observations` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RelatedObservation {
    pub observation_uuid: String,
}

/// `back-matter`: the resource standing in for the assessment plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct BackMatter {
    pub resources: Vec<Resource>,
}

/// A back-matter resource.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Resource {
    pub uuid: String,
    pub title: &'static str,
    pub description: String,
    pub props: Vec<Prop>,
}

fn prop(name: &'static str, value: impl fmt::Display) -> Prop {
    Prop {
        name,
        ns: NS,
        value: value.to_string(),
    }
}

fn band_id(band: Band) -> &'static str {
    match band {
        Band::AuditReady => "auditReady",
        Band::FindingsLikely => "findingsLikely",
        Band::MaterialGaps => "materialGaps",
        Band::NotReady => "notReady",
        Band::NotAssessed => "notAssessed",
    }
}

/// The score's props; a set with no counted control has bands (`notAssessed`) but no scores.
fn score_props(score: &Score) -> Vec<Prop> {
    let mut props = Vec::new();
    if let Some(design) = score.design {
        props.push(prop("design-score", design));
    }
    props.push(prop("design-band", band_id(score.band)));
    if let Some(operating) = score.operating {
        props.push(prop("operating-score", operating));
    }
    props.push(prop("operating-band", band_id(score.operating_band)));
    if let Some(completion) = score.completion {
        props.push(prop("completion", completion));
    }
    props
}

fn score_sentence(score: &Score) -> String {
    match (score.design, score.operating) {
        (Some(design), Some(operating)) => format!(
            "design (Type I) readiness {} % ({}), operating (Type II) readiness {} % ({}); {} of {} controls answered",
            design,
            score.band.label(),
            operating,
            score.operating_band.label(),
            score.counts.answered,
            score.counts.asked
        ),
        _ => "not assessed: no control counted".to_string(),
    }
}

/// Whether the finding for a criterion is `satisfied`: its design (Type I) band, after the
/// blocker caps, is audit-ready, **and** at least one control counted towards it
/// (`possible > 0`). Every other criterion is `not-satisfied`.
///
/// The second condition matters in quick mode, where many criteria have no key question: their
/// score covers an empty set and reads 100, but a self-assessment that asked nothing cannot call
/// them satisfied (the same holds when every control was answered not applicable).
pub fn satisfied(score: &Score) -> bool {
    score.assessed && score.band == Band::AuditReady
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

/// The OSCAL 1.1.2 assessment-results document for `export`, generated at `generated_at`.
pub fn assessment_results(export: &Export, generated_at: Timestamp) -> AssessmentResults {
    let ids = Ids::new(export, generated_at);
    let at = generated_at.to_string();
    let r = &export.results;
    let readiness = &r.readiness;
    let scope = export
        .profile
        .scoped_categories()
        .map(|c| c.title())
        .collect::<Vec<_>>()
        .join(", ");
    let catalog_name = format!("{} {}", export.catalog.id, export.catalog.version);
    let mode = match export.mode {
        Mode::Full => "full",
        Mode::Quick => "quick",
    };

    // Observations: one per answered control of the catalog, in control-id order.
    let asked = |id: &str| {
        readiness
            .sections
            .iter()
            .any(|(_, s)| s.controls.contains(&id))
    };
    // (control id, observation uuid), in answer order; a list keeps the Wasm module small.
    let mut observation_of: Vec<(&str, String)> = Vec::new();
    let mut observations = Vec::new();
    for (id, answer) in &export.answers {
        let Some(control) = catalog::control(id) else {
            continue;
        };
        let uuid = ids.uuid("observation", control.id);
        let scored = asked(control.id);
        let counting = if !scored {
            " Not asked for this scope and mode: recorded, not scored."
        } else if answer.status == Status::NotApplicable && !control.allows_not_applicable {
            " This control cannot be marked not applicable, so it counts as not in place."
        } else if answer.status == Status::NotApplicable {
            " Left out of the scores as not applicable."
        } else {
            ""
        };
        let description = format!(
            "Self-reported status: {}. Records showing the control operating over time: {}.{} \
             Evidences Trust Services Criteria {}.",
            answer.status.label(),
            if answer.evidence { "yes" } else { "no" },
            counting,
            control.criteria.join(", ")
        );
        observation_of.push((control.id, uuid.clone()));
        observations.push(Observation {
            uuid,
            title: catalog::text(control).title,
            description,
            props: vec![
                prop("control-id", control.id),
                prop("status", answer.status.id()),
                prop("evidence", answer.evidence),
                prop("scored", scored),
            ],
            methods: vec!["INTERVIEW"],
            types: vec!["control-objective"],
            collected: at.clone(),
            // Untrusted user text, carried verbatim as a JSON string value.
            remarks: (!answer.note.trim().is_empty()).then(|| answer.note.clone()),
        });
    }

    // Findings: one per criterion in scope, in catalog order.
    let findings: Vec<Finding> = readiness
        .criteria
        .iter()
        .map(|(id, score)| {
            let mut description = format!("Self-assessed readiness: {}", score_sentence(score));
            if score.counts.inherited > 0 {
                description.push_str(&format!(
                    "; {} credited through the cloud provider's SOC 2 report",
                    score.counts.inherited
                ));
            }
            description.push('.');
            if !score.capped_by.is_empty() {
                description.push_str(&format!(
                    " Critical controls not fully in place cap the band: {}.",
                    score.capped_by.join(", ")
                ));
            }
            let state = if satisfied(score) {
                "satisfied"
            } else {
                "not-satisfied"
            };
            let mut remarks = None;
            if score.possible == 0 {
                let why = if export.mode == Mode::Quick && score.counts.asked == 0 {
                    "No key question covers this criterion, so the quick estimate holds nothing to support it."
                } else {
                    "No control counted towards this criterion, so the self-assessment holds nothing to support it."
                };
                description.push(' ');
                description.push_str(why);
                remarks = Some(why);
            }
            Finding {
                uuid: ids.uuid("finding", id),
                title: format!("{id}: {}", catalog::title(id)),
                description,
                props: score_props(score),
                target: FindingTarget {
                    kind: "objective-id",
                    target_id: id.to_ascii_lowercase(),
                    status: ObjectiveStatus { state, remarks },
                },
                related_observations: score
                    .controls
                    .iter()
                    .filter_map(|c| observation_of.iter().find(|(id, _)| id == c))
                    .map(|(_, u)| RelatedObservation {
                        observation_uuid: u.clone(),
                    })
                    .collect(),
            }
        })
        .collect();

    let include_controls: Vec<SelectControl> = readiness
        .criteria
        .iter()
        .map(|(id, _)| SelectControl {
            control_id: id.to_ascii_lowercase(),
        })
        .collect();

    let overall = &readiness.overall;
    let mut description = format!(
        "Self-assessment of SOC 2 readiness: the organisation answered the soc2-readiness \
         questionnaire (catalog {catalog_name}) about its own controls. Nothing was examined or \
         tested by an auditor; this is not an audit opinion. In scope: {scope}. Overall: {}.",
        score_sentence(overall)
    );
    if r.estimate {
        description.push_str(
            " Quick estimate: only the key questions were asked, and the scores cover those alone.",
        );
    }
    let mut result_props = vec![prop("mode", mode)];
    result_props.extend(score_props(overall));
    let result = AssessmentResult {
        uuid: ids.uuid("result", ""),
        title: "SOC 2 readiness self-assessment",
        description,
        start: Timestamp::midnight(export.profile.start_date).to_string(),
        props: result_props,
        reviewed_controls: ReviewedControls {
            description: format!(
                "Trust Services Criteria in scope ({scope}). Control ids are the criterion \
                 ids in lower case (CC6.1 is cc6.1)."
            ),
            control_selections: vec![ControlSelection { include_controls }],
        },
        observations,
        findings,
    };

    let mut roles = Vec::new();
    let mut parties = Vec::new();
    let mut responsible_parties = Vec::new();
    if let Some(name) = oscal_string(&export.profile.organization) {
        parties.push(Party {
            uuid: ids.uuid("party", "organization"),
            kind: "organization",
            name,
        });
    }
    if let Some(name) = oscal_string(&export.profile.compliance_owner) {
        let uuid = ids.uuid("party", "compliance-owner");
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
    let metadata = Metadata {
        title: "SOC 2 readiness self-assessment results",
        last_modified: at,
        version: format!("{catalog_name} ({})", export.generator),
        oscal_version: OSCAL_VERSION,
        roles,
        parties,
        responsible_parties,
        remarks: format!(
            "Generated by {} from a self-assessment against catalog {catalog_name}. \
             A self-assessment, not an audit opinion.",
            export.generator
        ),
    };

    let plan = Resource {
        uuid: ids.uuid("plan", ""),
        title: "Self-assessment plan: the soc2-readiness questionnaire",
        description: format!(
            "There is no separate OSCAL assessment plan. The organisation answered the \
             soc2-readiness questionnaire ({mode} mode, catalog {catalog_name}) about its own \
             controls, for the Trust Services categories in scope: {scope}. This resource \
             stands in for the plan so the document is self-contained."
        ),
        props: vec![
            prop("catalog", export.catalog.id),
            prop("catalog-version", export.catalog.version),
            prop("generator", export.generator),
        ],
    };

    AssessmentResults {
        assessment_results: Body {
            uuid: ids.uuid("assessment-results", ""),
            metadata,
            import_ap: ImportAp {
                href: format!("#{}", plan.uuid),
                remarks: "The plan is the self-assessment questionnaire, described in back-matter.",
            },
            results: vec![result],
            back_matter: BackMatter {
                resources: vec![plan],
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Category, Document};
    use serde_json::Value;

    fn start() -> Date {
        Date::parse("2027-01-04").unwrap()
    }

    fn at() -> Timestamp {
        Timestamp::parse("2027-01-05T09:30:00Z").unwrap()
    }

    fn answer(status: Status, evidence: bool, note: &str) -> Answer {
        Answer {
            status,
            evidence,
            note: note.into(),
        }
    }

    fn partial() -> Document {
        let mut doc = Document::new(start());
        doc.profile.categories = vec![Category::Security, Category::Availability];
        doc.profile.organization = "Acme\n API  Co ".into();
        doc.profile.compliance_owner = "Jo Bloggs".into();
        for (i, c) in catalog::controls().iter().enumerate().take(40) {
            let status = if i % 3 == 0 {
                Status::Partial
            } else {
                Status::Implemented
            };
            doc.answers
                .insert(c.id.into(), answer(status, i % 2 == 0, ""));
        }
        doc
    }

    /// The document as serialised, parsed back into a `Value` to inspect.
    fn value(doc: &AssessmentResults) -> Value {
        serde_json::from_str(&crate::to_json(doc)).unwrap()
    }

    fn document(doc: Document) -> Value {
        value(&assessment_results(&Export::new(doc), at()))
    }

    /// Every string value stored under a key named `key`, anywhere in `v`.
    fn strings_under<'a>(v: &'a Value, key: &str, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    if k == key {
                        if let Some(s) = child.as_str() {
                            out.push(s);
                        }
                    }
                    strings_under(child, key, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|c| strings_under(c, key, out)),
            _ => {}
        }
    }

    fn all_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::String(s) => out.push(s),
            Value::Object(map) => map.values().for_each(|c| all_strings(c, out)),
            Value::Array(items) => items.iter().for_each(|c| all_strings(c, out)),
            _ => {}
        }
    }

    fn is_uuid_v4(s: &str) -> bool {
        let groups: Vec<&str> = s.split('-').collect();
        let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        lens == [8, 4, 4, 4, 12]
            && groups.iter().all(|g| {
                g.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            })
            && groups[2].starts_with('4')
            && groups[3].starts_with(['8', '9', 'a', 'b'])
    }

    #[test]
    fn timestamps_parse_and_normalise() {
        for (text, shown) in [
            ("2027-01-04T10:00:00Z", "2027-01-04T10:00:00Z"),
            ("2027-01-04t10:00:00z", "2027-01-04T10:00:00Z"),
            ("2027-01-04T10:00:00+02:00", "2027-01-04T10:00:00+02:00"),
            ("2027-01-04T10:00:00-03:30", "2027-01-04T10:00:00-03:30"),
            ("2027-01-04T10:00:00+05:45", "2027-01-04T10:00:00+05:45"),
            ("2027-01-04T10:00:00+00:00", "2027-01-04T10:00:00Z"),
            ("2027-01-04T10:00:00-00:00", "2027-01-04T10:00:00Z"),
            ("2027-01-04T10:00:00.5Z", "2027-01-04T10:00:00.5Z"),
            (
                "2027-01-04T10:00:00.120+01:00",
                "2027-01-04T10:00:00.12+01:00",
            ),
            ("2027-01-04T10:00:00.000Z", "2027-01-04T10:00:00Z"),
            (
                "2027-01-04T23:59:59.123456789Z",
                "2027-01-04T23:59:59.123456789Z",
            ),
            ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        ] {
            assert_eq!(Timestamp::parse(text).unwrap().to_string(), shown, "{text}");
        }
        assert_eq!(
            Timestamp::midnight(start()).to_string(),
            "2027-01-04T00:00:00Z"
        );
    }

    #[test]
    fn timestamps_without_timezone_or_malformed_are_rejected() {
        for (text, says) in [
            ("2027-01-04T10:00:00", "no timezone"),
            ("2027-01-04", "not an RFC 3339"),
            ("2027-01-04 10:00:00Z", "not an RFC 3339"),
            ("2027-01-04T10:00Z", "not an RFC 3339"),
            ("2027-01-04T10:00:00.Z", "not an RFC 3339"),
            ("2027-01-04T10:00:00.1234567890Z", "9 fractional digits"),
            ("2027-01-04T10:00:00+0200", "not an RFC 3339"),
            ("2027-01-04T10:00:00+02", "not an RFC 3339"),
            ("2027-01-04T10:00:00Z ", "not an RFC 3339"),
            (" 2027-01-04T10:00:00Z", "not an RFC 3339"),
            ("2027-01-04T10:00:00+25:00", "not a UTC offset"),
            ("2027-01-04T10:00:00+01:15", "not one OSCAL accepts"),
            ("2027-01-04T10:00:00-13:00", "not one OSCAL accepts"),
            ("2027-01-04T24:00:00Z", "not a time of day"),
            ("2027-01-04T10:60:00Z", "not a time of day"),
            ("2027-01-04T23:59:60Z", "leap seconds"),
            ("2027-02-29T10:00:00Z", "calendar date"),
            ("2027-13-01T10:00:00Z", "calendar date"),
            ("3000-01-01T10:00:00Z", "1900 to 2999"),
            ("1899-12-31T10:00:00Z", "calendar date"),
            ("２０２７-01-04T10:00:00Z", "not an RFC 3339"),
            ("2027-01-04T10:00:00Zé", "not an RFC 3339"),
            ("", "not an RFC 3339"),
        ] {
            let err = Timestamp::parse(text).unwrap_err();
            assert!(err.contains(says), "{text}: {err}");
        }
    }

    #[test]
    fn uuids_are_valid_v4_and_unique() {
        for doc in [Document::new(start()), partial()] {
            let v = document(doc);
            let mut uuids = Vec::new();
            strings_under(&v, "uuid", &mut uuids);
            assert!(uuids.len() > 10);
            for u in &uuids {
                assert!(is_uuid_v4(u), "{u}");
            }
            let unique: std::collections::BTreeSet<_> = uuids.iter().collect();
            assert_eq!(unique.len(), uuids.len());
            // References point at defined uuids.
            let ar = &v["assessment-results"];
            let plan = ar["back-matter"]["resources"][0]["uuid"].as_str().unwrap();
            assert_eq!(ar["import-ap"]["href"], format!("#{plan}"));
            let mut refs = Vec::new();
            strings_under(&v, "observation-uuid", &mut refs);
            for r in refs {
                assert!(uuids.contains(&r));
            }
        }
        assert!(is_uuid_v4(&uuid_v4(0)) && is_uuid_v4(&uuid_v4(u128::MAX)));
    }

    #[test]
    fn output_is_deterministic_and_depends_on_its_input() {
        let a = assessment_results(&Export::new(partial()), at());
        assert_eq!(a, assessment_results(&Export::new(partial()), at()));
        assert_eq!(
            crate::to_json(&a),
            crate::to_json(&assessment_results(&Export::new(partial()), at()))
        );
        let later = assessment_results(
            &Export::new(partial()),
            Timestamp::parse("2027-01-06T09:30:00Z").unwrap(),
        );
        assert_ne!(a.assessment_results.uuid, later.assessment_results.uuid);
        let later = value(&later);
        assert_eq!(
            later["assessment-results"]["metadata"]["last-modified"],
            "2027-01-06T09:30:00Z"
        );
    }

    #[test]
    fn structure_follows_the_mapping() {
        let doc = partial();
        let export = Export::new(doc.clone());
        let v = value(&assessment_results(&export, at()));
        let ar = &v["assessment-results"];
        assert_eq!(ar["metadata"]["oscal-version"], "1.1.2");
        assert_eq!(ar["metadata"]["parties"][0]["name"], "Acme API Co");
        assert_eq!(ar["metadata"]["parties"][1]["name"], "Jo Bloggs");
        let result = &ar["results"][0];
        assert_eq!(result["start"], "2027-01-04T00:00:00Z");
        let include = result["reviewed-controls"]["control-selections"][0]["include-controls"]
            .as_array()
            .unwrap();
        let criteria = &export.results.readiness.criteria;
        assert_eq!(include.len(), criteria.len());
        assert_eq!(include[0]["control-id"], "cc1.1");
        let findings = result["findings"].as_array().unwrap();
        assert_eq!(findings.len(), criteria.len());
        for (finding, (id, score)) in findings.iter().zip(criteria.iter()) {
            assert_eq!(finding["target"]["target-id"], id.to_ascii_lowercase());
            let state = &finding["target"]["status"]["state"];
            assert_eq!(state == "satisfied", satisfied(score), "{id}");
        }
        let observations = result["observations"].as_array().unwrap();
        assert_eq!(observations.len(), doc.answers.len());
        assert_eq!(observations[0]["collected"], "2027-01-05T09:30:00Z");
        assert!(findings
            .iter()
            .any(|f| f["target"]["status"]["state"] == "not-satisfied"));
    }

    #[test]
    fn unknown_controls_get_no_observation_and_empty_documents_none_at_all() {
        let mut doc = Document::new(start());
        let v = document(doc.clone());
        assert!(v["assessment-results"]["results"][0]
            .get("observations")
            .is_none());
        assert!(v["assessment-results"]["metadata"].get("parties").is_none());
        doc.answers.insert(
            "retired.control".into(),
            answer(Status::Implemented, true, "x"),
        );
        let v = document(doc);
        assert!(v["assessment-results"]["results"][0]
            .get("observations")
            .is_none());
    }

    #[test]
    fn quick_mode_does_not_call_unasked_criteria_satisfied() {
        let mut doc = Document::new(start());
        doc.mode = Mode::Quick;
        let export = Export::new(doc);
        let v = value(&assessment_results(&export, at()));
        let result = &v["assessment-results"]["results"][0];
        assert!(result["description"]
            .as_str()
            .unwrap()
            .contains("Quick estimate"));
        let findings = result["findings"].as_array().unwrap();
        let unasked: Vec<_> = export
            .results
            .readiness
            .criteria
            .iter()
            .filter(|(_, s)| s.counts.asked == 0)
            .map(|(id, _)| id.to_ascii_lowercase())
            .collect();
        assert!(!unasked.is_empty());
        for f in findings {
            if unasked
                .iter()
                .any(|id| f["target"]["target-id"] == id.as_str())
            {
                assert_eq!(f["target"]["status"]["state"], "not-satisfied");
            }
        }
    }

    #[test]
    fn notes_stay_data() {
        let note = "ok\"}],\"x\":{\"<script>alert(1)</script>\n\\u0000 ✓";
        let mut doc = Document::new(start());
        doc.profile.organization = "<b>\"}],\"x\":{\"</b>".into();
        doc.answers.insert(
            "access.mfa-admin".into(),
            answer(Status::Implemented, true, note),
        );
        let plain = {
            let mut d = doc.clone();
            d.answers.get_mut("access.mfa-admin").unwrap().note = "plain".into();
            d.profile.organization = "Plain".into();
            document(d)
        };
        let text = crate::to_json(&assessment_results(&Export::new(doc), at()));
        let parsed: Value = serde_json::from_str(&text).unwrap();
        let mut strings = Vec::new();
        all_strings(&parsed, &mut strings);
        assert_eq!(strings.iter().filter(|s| **s == note).count(), 1);
        let observation = &parsed["assessment-results"]["results"][0]["observations"][0];
        assert_eq!(observation["remarks"], note);
        assert!(parsed.get("x").is_none());
        assert!(parsed["assessment-results"].get("x").is_none());

        // Same shape as with harmless text: the same keys everywhere.
        fn shape(v: &Value) -> Value {
            match v {
                Value::Object(m) => {
                    Value::Object(m.iter().map(|(k, c)| (k.clone(), shape(c))).collect())
                }
                Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
                _ => Value::Null,
            }
        }
        assert_eq!(shape(&parsed), shape(&plain));
    }
}
