//! A shareable link to an assessment's results: the profile and answers, packed into a URL
//! fragment (`#share=1.<base64url>`), which browsers never send to a server.
//!
//! What travels: the profile's numbers and flags (mode, categories, team size, API surface,
//! hosting, start date, observation window, hours a week), every answer's status and evidence
//! flag, the catalog the link was made with, and each assignment's target date. What never
//! travels: notes. What travels only when the sender ticks "include names": the organisation,
//! the compliance owner, the cloud provider's name and the owners of the plan's actions. Answers
//! to ids this catalog does not know (retired, or from another catalog) are left out: the link
//! names controls by a hash of their id, which only a known id has.
//!
//! The layout (format 1), after the base64url text is decoded:
//!
//! ```text
//! flags        1 byte: bit 0 quick mode, 1 cloud hosted, 2 provider has a SOC 2 report,
//!              3 hours a week given, 4 names included, 5–6 observation window (3, 6, 9, 12)
//! categories   1 byte: bit i = Category::ALL[i] in scope
//! numbers      varints: team size, endpoints, API versions, integrations, regions,
//!              [hours a week], start date (days since 1970-01-01)
//! catalog      text: catalog id, catalog version
//! names        [text: organisation, compliance owner, cloud provider]   (bit 4 only)
//! answers      varint count; per answer 3 bytes: the id's 20-bit hash, then 4 bits of
//!              status × 2 + evidence
//! owners       [varint count; text each]                                  (bit 4 only)
//! assignments  varint count; per assignment 3 bytes: the id's 20-bit hash, then 4 bits
//!              (bit 0 a date follows, bit 1 an owner follows); [the date: zigzag varint of
//!              days from the start date]; [varint index into owners]
//! checksum     4 bytes: FNV-1a (32-bit) of everything before, big-endian
//! ```
//!
//! Text is a varint byte length and UTF-8. Controls are named by a hash of their id, not by
//! their position in the catalog, so that a link made with another catalog version still opens:
//! controls added since are unanswered, answers to controls this catalog does not have are left
//! out with a warning (`tests`: every id of this catalog has its own hash). A full assessment
//! without names takes about 650 characters; no link is longer than [`MAX_FRAGMENT_CHARS`].
//! The checksum catches a damaged or truncated link; it is not a signature (anyone can write a
//! link, and what it holds is read by the import's rules like any file).
//!
//! Pure: no I/O, no clock, no randomness. Deflate was measured and left out (README "Sharing a
//! link"): the hashes that make up most of a link do not compress.

use crate::catalog;
use crate::date::Date;
use crate::import::{self, ImportError, Warning};
use crate::model::{Answer, Assignment, Category, Document, Mode, Status, OBSERVATION_WINDOWS};
use serde::Serialize;

/// The fragment's key: links read `…#share=1.<data>`.
pub const KEY: &str = "share";
/// The link format this build writes and reads.
pub const FORMAT: u32 = 1;
/// Longest fragment accepted or written, in characters (a link without names is far shorter:
/// about 650 characters for a full assessment).
pub const MAX_FRAGMENT_CHARS: usize = 8192;
/// Longest catalog id and version read from a link, in bytes.
const MAX_CATALOG_TEXT: usize = 100;

/// An assessment read from a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Shared {
    /// The document: profile and answers (no notes; names only when the sender included them).
    pub document: Document,
    /// The catalog the link was made with (answers are read against this build's).
    pub catalog: LinkCatalog,
    /// What reading the link noticed: another catalog version, answers left out, and what the
    /// import's rules noticed.
    pub warnings: Vec<Warning>,
}

/// [`Shared`] with the document as compact JSON text (what the exports module returns: writing the
/// document as a JS object would take the module 4.7 KB gzipped of serialiser, measured; the page
/// parses the text, and imports or compares it as text anyway).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SharedText {
    /// The document (an `AssessmentDocument`) as compact JSON.
    pub document: String,
    pub catalog: LinkCatalog,
    pub warnings: Vec<Warning>,
}

impl From<Shared> for SharedText {
    fn from(s: Shared) -> SharedText {
        SharedText {
            document: crate::to_json(&s.document),
            catalog: s.catalog,
            warnings: s.warnings,
        }
    }
}

/// The catalog a link names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LinkCatalog {
    pub id: String,
    pub version: String,
}

fn error(message: impl Into<String>) -> ImportError {
    ImportError {
        path: "link".into(),
        message: message.into(),
    }
}

/// The 20-bit hash that names control `id` in a link: the top 20 bits of its FNV-1a hash.
/// Every id of this catalog has its own (a unit test checks it; a catalog that broke that would
/// need a new link format).
pub fn id_hash(id: &str) -> u32 {
    fnv1a(id.as_bytes()) >> 12
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// The catalog control a link's hash names, if this catalog has one.
fn control_of(hash: u32) -> Option<&'static str> {
    catalog::controls()
        .iter()
        .map(|c| c.id)
        .find(|id| id_hash(id) == hash)
}

// ---- writing -----------------------------------------------------------------------------

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }
    fn varint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }
    fn text(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn hashed(&mut self, hash: u32, low: u8) {
        let v = (hash << 4) | u32::from(low & 0xf);
        self.0.extend_from_slice(&v.to_be_bytes()[1..]);
    }
    fn days(&mut self, date: Date) {
        // Documents hold dates from 1970 (the start-date and due-date range).
        self.varint(u64::try_from(date.to_days()).unwrap_or(0));
    }
    /// `date` as days from `from`, zigzag-encoded (0, -1, 1, -2, … as 0, 1, 2, 3, …).
    fn days_from(&mut self, from: Date, date: Date) {
        let d = date.to_days() - from.to_days();
        self.varint(((d << 1) ^ (d >> 63)) as u64);
    }
}

/// The link's fragment (`share=1.<data>`, without the `#`) for `doc`: names only with
/// `include_names`, never notes, only answers and assignments to this catalog's controls. An
/// error when names make it longer than [`MAX_FRAGMENT_CHARS`].
pub fn fragment(doc: &Document, include_names: bool) -> Result<String, ImportError> {
    let p = &doc.profile;
    let window = OBSERVATION_WINDOWS
        .iter()
        .position(|w| *w == p.observation_months)
        .unwrap_or(1) as u8;
    let mut w = Writer::default();
    w.byte(
        u8::from(doc.mode == Mode::Quick)
            | u8::from(p.cloud_hosted) << 1
            | u8::from(p.cloud_provider_soc2) << 2
            | u8::from(p.hours_per_week.is_some()) << 3
            | u8::from(include_names) << 4
            | window << 5,
    );
    w.byte(
        Category::ALL
            .iter()
            .enumerate()
            .filter(|(_, c)| p.in_scope(**c))
            .fold(0u8, |bits, (i, _)| bits | 1 << i),
    );
    for n in [
        p.team_size,
        p.endpoints,
        p.api_versions,
        p.integrations,
        p.regions,
    ] {
        w.varint(u64::from(n));
    }
    if let Some(hours) = p.hours_per_week {
        w.varint(u64::from(hours));
    }
    w.days(p.start_date);
    w.text(catalog::CATALOG_ID);
    w.text(catalog::CATALOG_VERSION);
    if include_names {
        w.text(&p.organization);
        w.text(&p.compliance_owner);
        w.text(&p.cloud_provider);
    }
    let known = |id: &String| catalog::control(id).is_some();
    let answers: Vec<(&String, &Answer)> = doc.answers.iter().filter(|(id, _)| known(id)).collect();
    w.varint(answers.len() as u64);
    for (id, a) in answers {
        w.hashed(id_hash(id), answer_code(a));
    }
    let assignments: Vec<(&String, &str, Option<Date>)> = doc
        .assignments
        .iter()
        .filter(|(id, _)| known(id))
        .map(|(id, a)| (id, if include_names { a.owner.as_str() } else { "" }, a.due))
        .filter(|(_, owner, due)| !owner.is_empty() || due.is_some())
        .collect();
    let mut owners: Vec<&str> = Vec::new();
    for (_, owner, _) in &assignments {
        if !owner.is_empty() && !owners.contains(owner) {
            owners.push(owner);
        }
    }
    if include_names {
        w.varint(owners.len() as u64);
        for owner in &owners {
            w.text(owner);
        }
    }
    w.varint(assignments.len() as u64);
    for (id, owner, due) in assignments {
        w.hashed(
            id_hash(id),
            u8::from(due.is_some()) | u8::from(!owner.is_empty()) << 1,
        );
        if let Some(due) = due {
            w.days_from(p.start_date, due);
        }
        if let Some(i) = owners.iter().position(|o| *o == owner) {
            w.varint(i as u64);
        }
    }
    let sum = fnv1a(&w.0);
    w.0.extend_from_slice(&sum.to_be_bytes());
    let text = format!("{KEY}={FORMAT}.{}", base64url(&w.0));
    if text.len() > MAX_FRAGMENT_CHARS {
        return Err(ImportError {
            path: "$".into(),
            message: format!(
                "with the names the link would be {} characters long, over the {MAX_FRAGMENT_CHARS} a link may have: share it without names, or send the JSON export",
                text.len()
            ),
        });
    }
    Ok(text)
}

/// [`fragment`] of a document given as JSON text (an export, or what the page saves), read by
/// the import's rules.
pub fn fragment_text(document_text: &str, include_names: bool) -> Result<String, ImportError> {
    fragment(&import::import(document_text)?.document, include_names)
}

fn answer_code(a: &Answer) -> u8 {
    let status = Status::ALL.iter().position(|s| *s == a.status).unwrap_or(0) as u8;
    status * 2 + u8::from(a.evidence)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let v = b(0) << 16 | b(1) << 8 | b(2);
        for k in 0..=chunk.len() {
            let six = (v >> (18 - 6 * k)) & 0x3f;
            out.push(char::from(
                ALPHABET.get(six as usize).copied().unwrap_or(b'A'),
            ));
        }
    }
    out
}

/// Decodes base64url without padding; anything else (another character, a dangling
/// character, bits set past the end) is an error.
fn from_base64url(text: &str) -> Result<Vec<u8>, ImportError> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in text.bytes().enumerate() {
        let six = ALPHABET.iter().position(|a| *a == c).ok_or_else(|| {
            error(format!(
                "the link holds a character a link cannot (at position {}); it may have been cut or changed when it was copied",
                i + 1
            ))
        })?;
        acc = (acc << 6 | six as u32) & 0xff_ffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if bits >= 6 || acc & ((1 << bits) - 1) != 0 {
        return Err(damaged());
    }
    Ok(out)
}

fn damaged() -> ImportError {
    error("the link is incomplete or was changed: its data does not check out; ask for the link again, or for the JSON export")
}

// ---- reading -----------------------------------------------------------------------------

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ImportError> {
        if n > self.bytes.len() {
            return Err(damaged());
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    fn byte(&mut self) -> Result<u8, ImportError> {
        self.take(1)?.first().copied().ok_or_else(damaged)
    }
    /// A varint of at most `max`; overlong encodings are refused.
    fn varint(&mut self, max: u64) -> Result<u64, ImportError> {
        let mut v = 0u64;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                if (b == 0 && shift > 0) || v > max {
                    return Err(damaged());
                }
                return Ok(v);
            }
        }
        Err(damaged())
    }
    fn count(&mut self, max: u64) -> Result<u32, ImportError> {
        u32::try_from(self.varint(max)?).map_err(|_| damaged())
    }
    fn text(&mut self, max_bytes: usize) -> Result<String, ImportError> {
        let n = self.varint(max_bytes as u64)?;
        let bytes = self.take(usize::try_from(n).map_err(|_| damaged())?)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| damaged())
    }
    fn hashed(&mut self) -> Result<(u32, u8), ImportError> {
        let b = self.take(3)?;
        let v = b.iter().fold(0u32, |v, b| v << 8 | u32::from(*b));
        Ok((v >> 4, (v & 0xf) as u8))
    }
    fn date(&mut self) -> Result<Date, ImportError> {
        let days = self.varint(4_000_000)?;
        Date::from_days(i64::try_from(days).map_err(|_| damaged())?).ok_or_else(damaged)
    }
    fn date_from(&mut self, from: Date) -> Result<Date, ImportError> {
        let z = self.varint(8_000_000)? as i64;
        let d = (z >> 1) ^ -(z & 1);
        Date::from_days(from.to_days() + d).ok_or_else(damaged)
    }
}

/// Reads a link's fragment (`#share=1.<data>`, with or without the `#` and the key) by the
/// import's rules: a damaged, truncated, oversized or unknown link is an error naming what is
/// wrong, never a panic. Answers to controls this catalog does not have are left out, with a
/// warning, as is a link made with another catalog version.
pub fn read(fragment: &str) -> Result<Shared, ImportError> {
    let text = fragment.strip_prefix('#').unwrap_or(fragment);
    let text = text
        .strip_prefix(KEY)
        .and_then(|t| t.strip_prefix('='))
        .unwrap_or(text);
    let chars = text.chars().count();
    if chars > MAX_FRAGMENT_CHARS {
        return Err(error(format!(
            "the link is {chars} characters long; shared links are at most {MAX_FRAGMENT_CHARS}"
        )));
    }
    let Some((format, data)) = text.split_once('.') else {
        return Err(error(
            "this is not a link to shared results (it has no format number); ask for the link again",
        ));
    };
    // Digits summed by hand (`str::parse` costs the Wasm module more).
    let number =
        (!format.is_empty() && format.len() < 6 && format.bytes().all(|b| b.is_ascii_digit()))
            .then(|| {
                format
                    .bytes()
                    .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
            });
    match number {
        Some(FORMAT) => {}
        Some(n) if n > FORMAT => {
            return Err(error(format!(
                "the link was made by a newer version of this tool (link format {n}); this page reads format {FORMAT}: ask for the JSON export instead"
            )))
        }
        _ => {
            return Err(error(
                "this is not a link to shared results (its format number is not one this tool writes)",
            ))
        }
    }
    let bytes = from_base64url(data)?;
    let (body, sum) = bytes.split_last_chunk::<4>().ok_or_else(damaged)?;
    if fnv1a(body) != u32::from_be_bytes(*sum) {
        return Err(damaged());
    }
    decode(body)
}

/// Reads a link's data after its base64url text was decoded and its checksum checked: for
/// fuzzing and property tests, which reach the decoder with any bytes this way.
#[doc(hidden)]
pub fn read_payload(body: &[u8]) -> Result<Shared, ImportError> {
    decode(body)
}

fn decode(body: &[u8]) -> Result<Shared, ImportError> {
    let mut r = Reader { bytes: body };
    let flags = r.byte()?;
    let categories = r.byte()?;
    if flags & 0x80 != 0 || categories & !0x1f != 0 {
        return Err(damaged());
    }
    let max = u64::from(u32::MAX);
    let mut doc = Document::new(crate::date::START_MIN);
    let p = &mut doc.profile;
    if flags & 1 != 0 {
        doc.mode = Mode::Quick;
    }
    p.cloud_hosted = flags & 2 != 0;
    p.cloud_provider_soc2 = flags & 4 != 0;
    p.observation_months = OBSERVATION_WINDOWS
        .get(usize::from(flags >> 5 & 3))
        .copied()
        .unwrap_or(6);
    p.categories = Category::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| categories & 1 << i != 0)
        .map(|(_, c)| *c)
        .collect();
    p.team_size = r.count(max)?;
    p.endpoints = r.count(max)?;
    p.api_versions = r.count(max)?;
    p.integrations = r.count(max)?;
    p.regions = r.count(max)?;
    if flags & 8 != 0 {
        p.hours_per_week = Some(r.count(max)?);
    }
    p.start_date = r.date()?;
    let link_catalog = LinkCatalog {
        id: r.text(MAX_CATALOG_TEXT)?,
        version: r.text(MAX_CATALOG_TEXT)?,
    };
    let names = flags & 16 != 0;
    if names {
        // Four bytes a character at most: longer is over the name limit, which import states.
        let most = crate::model::MAX_NAME_CHARS * 4;
        p.organization = r.text(most)?;
        p.compliance_owner = r.text(most)?;
        p.cloud_provider = r.text(most)?;
    }
    let mut unknown = 0usize;
    let twice = || error("the link names a control twice; it was changed after it was made");
    for _ in 0..r.count(max)? {
        let (hash, code) = r.hashed()?;
        let status = Status::ALL
            .get(usize::from(code / 2))
            .copied()
            .ok_or_else(damaged)?;
        let Some(id) = control_of(hash) else {
            unknown += 1;
            continue;
        };
        let answer = Answer {
            status,
            evidence: code & 1 != 0,
            note: String::new(),
        };
        if doc.answers.insert(id.to_string(), answer).is_some() {
            return Err(twice());
        }
    }
    let owners: Vec<String> = if names {
        let n = r.count(max)?;
        (0..n)
            .map(|_| {
                r.text(crate::model::MAX_NAME_CHARS * 4).and_then(|t| {
                    if t.is_empty() {
                        Err(damaged())
                    } else {
                        Ok(t)
                    }
                })
            })
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    let mut unknown_assignments = 0usize;
    for _ in 0..r.count(max)? {
        let (hash, bits) = r.hashed()?;
        // An assignment carries a date, an owner or both; nothing else is ever written.
        if bits == 0 || bits & !3 != 0 {
            return Err(damaged());
        }
        let due = if bits & 1 != 0 {
            Some(r.date_from(doc.profile.start_date)?)
        } else {
            None
        };
        let owner = if bits & 2 != 0 {
            let i = r.count(max)?;
            owners.get(i as usize).cloned().ok_or_else(damaged)?
        } else {
            String::new()
        };
        let Some(id) = control_of(hash) else {
            unknown_assignments += 1;
            continue;
        };
        if doc
            .assignments
            .insert(id.to_string(), Assignment { owner, due })
            .is_some()
        {
            return Err(twice());
        }
    }
    if !r.bytes.is_empty() {
        return Err(damaged());
    }
    let document = import::validate(doc).map_err(|e| ImportError {
        path: e.path,
        message: format!("the link's assessment: {}", e.message),
    })?;
    let mut warnings = Vec::new();
    let this = (catalog::CATALOG_ID, catalog::CATALOG_VERSION);
    if (link_catalog.id.as_str(), link_catalog.version.as_str()) != this {
        warnings.push(Warning {
            path: "$.catalog".into(),
            message: format!(
                "the link was made with catalog {} {}; this page uses {} {}: questions added since are unanswered",
                crate::report::escape_controls(&link_catalog.id, true),
                crate::report::escape_controls(&link_catalog.version, true),
                this.0,
                this.1
            ),
        });
    }
    for (n, path, what) in [
        (unknown, "$.answers", "answer"),
        (unknown_assignments, "$.assignments", "owner or date"),
    ] {
        if n > 0 {
            warnings.push(Warning {
                path: path.into(),
                message: format!(
                    "{n} {what}{} in the link {} to controls catalog {} does not have (retired, or from another catalog); left out",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "is" } else { "are" },
                    catalog::CATALOG_VERSION
                ),
            });
        }
    }
    warnings.extend(crate::assess(&document).warnings);
    Ok(Shared {
        document,
        catalog: link_catalog,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn full() -> Document {
        let mut doc = Document::new(Date::new(2027, 1, 4).unwrap());
        doc.profile.categories = Category::ALL.to_vec();
        for (i, c) in catalog::controls().iter().enumerate() {
            doc.answers.insert(
                c.id.into(),
                Answer {
                    status: Status::ALL[i % 5],
                    evidence: i % 3 == 0,
                    note: "a note that never travels".into(),
                },
            );
        }
        doc
    }

    #[test]
    fn every_control_of_this_catalog_has_its_own_hash() {
        let mut hashes: Vec<u32> = catalog::controls().iter().map(|c| id_hash(c.id)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), catalog::controls().len());
    }

    #[test]
    fn base64url_round_trips_and_refuses_junk() {
        for n in 0..20 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(from_base64url(&base64url(&bytes)).unwrap(), bytes);
        }
        assert!(from_base64url("A").is_err(), "a dangling character");
        assert!(from_base64url("AB").is_err(), "bits set past the end");
        assert!(from_base64url("AA+").is_err(), "another alphabet");
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
    }

    #[test]
    fn a_full_assessment_reads_back_without_notes_or_names() {
        let mut doc = full();
        doc.profile.organization = "Acme API".into();
        doc.profile.hours_per_week = Some(80);
        let link = fragment(&doc, false).unwrap();
        assert!(link.starts_with("share=1."), "{link}");
        assert!(link.len() < 2000, "{} characters", link.len());
        let shared = read(&format!("#{link}")).unwrap();
        assert_eq!(shared.document.profile.organization, "");
        assert_eq!(shared.document.profile.hours_per_week, Some(80));
        assert!(shared.document.answers.values().all(|a| a.note.is_empty()));
        assert_eq!(shared.document.answers.len(), doc.answers.len());
        assert_eq!(shared.catalog.version, catalog::CATALOG_VERSION);
        assert!(shared.warnings.iter().all(|w| w.path != "$.catalog"));
        // the same link without `#`, or without the key
        assert_eq!(read(&link).unwrap(), shared);
        assert_eq!(read(link.trim_start_matches("share=")).unwrap(), shared);
    }

    #[test]
    fn unknown_ids_are_left_out_and_names_travel_when_asked() {
        let mut doc = full();
        doc.answers.insert(
            "retired.control".into(),
            Answer {
                status: Status::Implemented,
                evidence: false,
                note: String::new(),
            },
        );
        doc.profile.compliance_owner = "Dana Lee".into();
        doc.assignments.insert(
            "access.mfa-admin".into(),
            Assignment {
                owner: "Dana".into(),
                due: Date::new(2027, 2, 1),
            },
        );
        doc.assignments.insert(
            "risk.assessment".into(),
            Assignment {
                owner: "Dana".into(),
                due: None,
            },
        );
        let named = read(&fragment(&doc, true).unwrap()).unwrap();
        assert_eq!(named.document.profile.compliance_owner, "Dana Lee");
        assert!(!named.document.answers.contains_key("retired.control"));
        assert_eq!(named.document.assignments, doc.assignments);
        let anonymous = read(&fragment(&doc, false).unwrap()).unwrap();
        assert_eq!(anonymous.document.profile.compliance_owner, "");
        // the date travels, the owner does not; an assignment with only an owner goes
        assert_eq!(anonymous.document.assignments.len(), 1);
        let a = anonymous
            .document
            .assignments
            .get("access.mfa-admin")
            .unwrap();
        assert_eq!((a.owner.as_str(), a.due), ("", Date::new(2027, 2, 1)));
    }

    #[test]
    fn damaged_links_are_errors() {
        let link = fragment(&full(), false).unwrap();
        let data = link.trim_start_matches("share=");
        // every truncation, and a changed character anywhere
        for cut in 0..data.len() {
            assert!(read(&data[..cut]).is_err(), "cut at {cut}");
        }
        for at in 2..data.len() {
            let mut bytes = data.as_bytes().to_vec();
            bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(bytes).unwrap();
            assert!(read(&changed).is_err(), "changed at {at}");
        }
        assert!(read("2.AAAA")
            .unwrap_err()
            .message
            .contains("newer version"));
        assert!(read("").is_err());
        assert!(read("share=").is_err());
        assert!(read("x.AAAA").is_err());
        let long = format!("1.{}", "A".repeat(MAX_FRAGMENT_CHARS));
        assert!(read(&long).unwrap_err().message.contains("at most"));
    }

    #[test]
    fn a_link_from_another_catalog_version_opens_with_a_warning() {
        // A link written as another catalog version would write it, with an answer this catalog
        // does not have.
        let mut w = Writer::default();
        w.byte(0b0100_0110);
        w.byte(1);
        for n in [10, 20, 1, 0, 1] {
            w.varint(n);
        }
        w.days(Date::new(2027, 1, 4).unwrap());
        w.text(catalog::CATALOG_ID);
        w.text("2020.01");
        w.varint(2);
        w.hashed(id_hash("access.mfa-admin"), 0);
        w.hashed(id_hash("gone.control"), 1);
        w.varint(0);
        let sum = fnv1a(&w.0);
        w.0.extend_from_slice(&sum.to_be_bytes());
        let shared = read(&format!("1.{}", base64url(&w.0))).unwrap();
        assert_eq!(shared.document.answers.len(), 1);
        let paths: Vec<&str> = shared.warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["$.catalog", "$.answers"]);
        assert!(shared.warnings[1]
            .message
            .starts_with("1 answer in the link is"));
    }
}
