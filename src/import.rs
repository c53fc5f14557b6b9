//! Reading an assessment document from untrusted text.
//!
//! Everything a user hands us goes through [`import`]: files in the CLI, imports and local
//! storage in the page. It never panics; an error names the problem and its JSON path, and a
//! successful import reports what it ignored.

use crate::date::Date;
use crate::json::{self, Json};
use crate::model::{
    Answer, Category, Document, Mode, Profile, Status, DOCUMENT_VERSION, MAX_NAME_CHARS,
    MAX_NOTE_CHARS, OBSERVATION_WINDOWS, SUPPORTED_VERSIONS,
};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// Largest accepted input, in bytes.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;
/// Deepest accepted nesting of arrays and objects.
pub const MAX_DEPTH: usize = 32;
/// Upper bounds for the API-surface numbers, far above any real company.
const MAX_COUNT: u32 = 100_000;

/// Keys an export carries besides the document itself; import accepts and recomputes them.
const RESULT_KEYS: &[&str] = &[
    "$schema",
    "catalog",
    "generator",
    "disclaimer",
    "estimate",
    "standings",
    "readiness",
    "blockers",
    "gaps",
    "timeline",
    "warnings",
];

/// Why a document was rejected, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ImportError {
    /// JSON path of the offending value, e.g. `$.answers["access.mfa-admin"].status`.
    pub path: String,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ImportError {}

/// Something accepted but worth telling the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Warning {
    /// JSON path it concerns.
    pub path: String,
    /// What happened.
    pub message: String,
}

/// A document that passed every check, with what the import ignored.
#[derive(Debug)]
pub struct Imported {
    pub document: Document,
    pub warnings: Vec<Warning>,
}

fn error(path: impl Into<String>, message: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        message: message.into(),
    }
}

/// Parses and validates `text` as an assessment document.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(error(
            "$",
            format!(
                "the file is {} KiB; assessment documents are limited to 1 MiB",
                text.len() / 1024
            ),
        ));
    }
    let json = parse_json(text)?;
    let mut warnings = Vec::new();
    let document = read_document(&json, &mut warnings)?;
    let document = validate(document)?;
    Ok(Imported { document, warnings })
}

fn child(path: &str, key: &str) -> String {
    format!("{path}{}", key_segment(key))
}

fn wrong_type(path: &str, expected: &str, found: &Json) -> ImportError {
    error(path, format!("expected {expected}, found {}", found.kind()))
}

/// The fields of an object, after checking that no key appears twice.
fn fields<'a>(v: &'a Json, path: &str) -> Result<&'a [(String, Json)], ImportError> {
    let Json::Object(fields) = v else {
        return Err(wrong_type(path, "an object", v));
    };
    for (i, (key, _)) in fields.iter().enumerate() {
        if fields.iter().take(i).any(|(k, _)| k == key) {
            return Err(error(
                child(path, key),
                "duplicate key: this object names it twice",
            ));
        }
    }
    Ok(fields)
}

fn get<'a>(fields: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Rejects keys outside `known` (a likely typo the user must hear about).
fn only(fields: &[(String, Json)], path: &str, known: &[&str]) -> Result<(), ImportError> {
    match fields.iter().find(|(k, _)| !known.contains(&k.as_str())) {
        Some((k, _)) => Err(error(
            child(path, k),
            format!(
                "unknown field `{}`; expected one of: {}",
                clip(k),
                known.join(", ")
            ),
        )),
        None => Ok(()),
    }
}

fn clip(text: &str) -> String {
    text.chars().take(60).collect()
}

fn read_u32(v: &Json, path: &str) -> Result<u32, ImportError> {
    match v {
        Json::Int(n) => u32::try_from(*n).map_err(|_| {
            error(
                path,
                format!("{n} is out of range for a whole number of 0 or more"),
            )
        }),
        Json::Float => Err(error(path, "expected a whole number, found a fraction")),
        other => Err(wrong_type(path, "a whole number", other)),
    }
}

fn read_bool(v: &Json, path: &str) -> Result<bool, ImportError> {
    match v {
        Json::Bool(b) => Ok(*b),
        other => Err(wrong_type(path, "true or false", other)),
    }
}

fn read_str<'a>(v: &'a Json, path: &str) -> Result<&'a str, ImportError> {
    match v {
        Json::String(s) => Ok(s),
        other => Err(wrong_type(path, "a string", other)),
    }
}

/// Reads one of `names` and returns its index.
fn read_choice(v: &Json, path: &str, names: &[&str]) -> Result<usize, ImportError> {
    let s = read_str(v, path)?;
    names.iter().position(|n| *n == s).ok_or_else(|| {
        error(
            path,
            format!(
                "unknown value `{}`; expected one of: {}",
                clip(s),
                names.join(", ")
            ),
        )
    })
}

const TOP_KEYS: &[&str] = &["version", "mode", "profile", "answers"];
const PROFILE_KEYS: &[&str] = &[
    "organization",
    "categories",
    "teamSize",
    "endpoints",
    "apiVersions",
    "integrations",
    "regions",
    "cloudHosted",
    "cloudProviderSoc2",
    "cloudProvider",
    "complianceOwner",
    "startDate",
    "observationMonths",
];

fn read_document(v: &Json, warnings: &mut Vec<Warning>) -> Result<Document, ImportError> {
    let top = fields(v, "$").map_err(|e| {
        if e.message.starts_with("expected") {
            error("$", "not an assessment document: expected a JSON object")
        } else {
            e
        }
    })?;
    let supported = SUPPORTED_VERSIONS
        .iter()
        .fold(String::new(), |mut list, v| {
            if !list.is_empty() {
                list.push_str(", ");
            }
            list.push_str(&v.to_string());
            list
        });
    let version = match get(top, "version") {
        None => {
            return Err(error(
                "$.version",
                format!("missing; this build reads version {supported}"),
            ))
        }
        Some(Json::Int(n)) if SUPPORTED_VERSIONS.iter().any(|s| i64::from(*s) == *n) => {
            u32::try_from(*n).unwrap_or(DOCUMENT_VERSION)
        }
        Some(other) => {
            let shown = match other {
                Json::Int(n) => n.to_string(),
                Json::String(s) => format!("\"{}\"", clip(s)),
                other => other.kind().to_string(),
            };
            return Err(error(
                "$.version",
                format!("unsupported version {shown}; this build reads version {supported}"),
            ));
        }
    };
    for (key, _) in top {
        if !TOP_KEYS.contains(&key.as_str()) && !RESULT_KEYS.contains(&key.as_str()) {
            warnings.push(Warning {
                path: child("$", key),
                message: "unknown field, ignored".into(),
            });
        }
    }
    let mode = match get(top, "mode") {
        None => Mode::Full,
        Some(m) => [Mode::Full, Mode::Quick]
            .get(read_choice(m, "$.mode", &["full", "quick"])?)
            .copied()
            .unwrap_or_default(),
    };
    let profile = match get(top, "profile") {
        Some(p) => read_profile(p, "$.profile")?,
        None => {
            return Err(error(
                "$.profile",
                "missing; the profile holds at least `startDate`",
            ))
        }
    };
    let answers = match get(top, "answers") {
        Some(a) => read_answers(a, "$.answers")?,
        None => BTreeMap::new(),
    };
    Ok(Document {
        version,
        mode,
        profile,
        answers,
    })
}

fn read_profile(v: &Json, path: &str) -> Result<Profile, ImportError> {
    let f = fields(v, path)?;
    only(f, path, PROFILE_KEYS)?;
    let at = |key: &str| child(path, key);
    let start_date = match get(f, "startDate") {
        Some(d) => {
            Date::parse(read_str(d, &at("startDate"))?).map_err(|m| error(at("startDate"), m))?
        }
        None => {
            return Err(error(
                at("startDate"),
                "missing; give the day remediation starts, YYYY-MM-DD",
            ))
        }
    };
    let mut p = Profile::new(start_date);
    for (key, value) in f {
        let path = at(key);
        match key.as_str() {
            "organization" => p.organization = read_str(value, &path)?.to_owned(),
            "cloudProvider" => p.cloud_provider = read_str(value, &path)?.to_owned(),
            "complianceOwner" => p.compliance_owner = read_str(value, &path)?.to_owned(),
            "teamSize" => p.team_size = read_u32(value, &path)?,
            "endpoints" => p.endpoints = read_u32(value, &path)?,
            "apiVersions" => p.api_versions = read_u32(value, &path)?,
            "integrations" => p.integrations = read_u32(value, &path)?,
            "regions" => p.regions = read_u32(value, &path)?,
            "cloudHosted" => p.cloud_hosted = read_bool(value, &path)?,
            "cloudProviderSoc2" => p.cloud_provider_soc2 = read_bool(value, &path)?,
            "observationMonths" => {
                p.observation_months = u8::try_from(read_u32(value, &path)?).unwrap_or(u8::MAX)
            }
            "categories" => {
                let Json::Array(items) = value else {
                    return Err(wrong_type(&path, "an array of category names", value));
                };
                let names = Category::ALL.map(Category::id);
                p.categories = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let index = read_choice(item, &format!("{path}[{i}]"), &names)?;
                        Ok(Category::ALL
                            .get(index)
                            .copied()
                            .unwrap_or(Category::Security))
                    })
                    .collect::<Result<_, ImportError>>()?;
            }
            _ => {}
        }
    }
    Ok(p)
}

fn read_answers(v: &Json, path: &str) -> Result<BTreeMap<String, Answer>, ImportError> {
    let Json::Object(entries) = v else {
        return Err(wrong_type(path, "an object from control id to answer", v));
    };
    let mut answers = BTreeMap::new();
    for (id, value) in entries {
        let at = child(path, id);
        if answers.contains_key(id) {
            return Err(error(
                at,
                format!("duplicate answer for control `{}`", clip(id)),
            ));
        }
        let f = fields(value, &at)?;
        only(f, &at, &["status", "evidence", "note"])?;
        let status = match get(f, "status") {
            Some(s) => {
                let names = Status::ALL.map(Status::id);
                let i = read_choice(s, &child(&at, "status"), &names)?;
                Status::ALL
                    .get(i)
                    .copied()
                    .unwrap_or(Status::NotImplemented)
            }
            None => return Err(error(child(&at, "status"), "missing")),
        };
        let evidence = match get(f, "evidence") {
            Some(e) => read_bool(e, &child(&at, "evidence"))?,
            None => false,
        };
        let note = match get(f, "note") {
            Some(n) => read_str(n, &child(&at, "note"))?.to_owned(),
            None => String::new(),
        };
        answers.insert(
            id.clone(),
            Answer {
                status,
                evidence,
                note,
            },
        );
    }
    Ok(answers)
}

/// Display texts read from catalog JSON: per control `[title, question, why, evidence,
/// remediation]`, and `(id, title)` of every section and criterion.
#[derive(Debug)]
pub struct CatalogText {
    pub controls: Vec<(String, [String; 5])>,
    pub titles: Vec<(String, String)>,
}

/// Reads the display texts from catalog JSON (what `soc2-readiness catalog` prints), for the
/// Wasm build, which leaves them out of the module. The catalog must be this engine's: same
/// version and the same control ids.
pub fn read_catalog_text(text: &str) -> Result<CatalogText, ImportError> {
    let json = parse_json(text)?;
    let top = fields(&json, "$")?;
    let version = get(top, "version")
        .map(|v| read_str(v, "$.version"))
        .transpose()?;
    if version != Some(crate::catalog::CATALOG_VERSION) {
        return Err(error(
            "$.version",
            format!(
                "catalog {} does not match this engine's catalog {}; rebuild the site",
                clip(version.unwrap_or("(none)")),
                crate::catalog::CATALOG_VERSION
            ),
        ));
    }
    let list = |key: &str| -> Result<&Vec<Json>, ImportError> {
        match get(top, key) {
            Some(Json::Array(items)) => Ok(items),
            _ => Err(error(child("$", key), "missing or not an array")),
        }
    };
    let strings = |item: &Json, path: &str, keys: &[&str]| -> Result<Vec<String>, ImportError> {
        let f = fields(item, path)?;
        keys.iter()
            .map(|key| {
                let v = get(f, key).ok_or_else(|| error(child(path, key), "missing"))?;
                Ok(read_str(v, &child(path, key))?.to_owned())
            })
            .collect()
    };
    let mut controls = Vec::new();
    for (i, c) in list("controls")?.iter().enumerate() {
        let s = strings(
            c,
            &format!("$.controls[{i}]"),
            &["id", "title", "question", "why", "evidence", "remediation"],
        )?;
        let mut s = s.into_iter();
        let mut next = || s.next().unwrap_or_default();
        controls.push((next(), [next(), next(), next(), next(), next()]));
    }
    let ids_match = controls.len() == crate::catalog::controls().len()
        && controls
            .iter()
            .zip(crate::catalog::controls())
            .all(|((id, _), c)| id == c.id);
    if !ids_match {
        return Err(error(
            "$.controls",
            "control ids differ from this engine's catalog; rebuild the site",
        ));
    }
    let mut titles = Vec::new();
    for key in ["sections", "criteria"] {
        for (i, item) in list(key)?.iter().enumerate() {
            let mut s = strings(item, &format!("$.{key}[{i}]"), &["id", "title"])?.into_iter();
            titles.push((s.next().unwrap_or_default(), s.next().unwrap_or_default()));
        }
    }
    Ok(CatalogText { controls, titles })
}

/// Checks the semantic rules the types cannot express, and normalises the categories.
pub fn validate(mut document: Document) -> Result<Document, ImportError> {
    let profile = &mut document.profile;
    if !OBSERVATION_WINDOWS.contains(&profile.observation_months) {
        return Err(error(
            "$.profile.observationMonths",
            format!(
                "{} months is not an observation window auditors offer; use 3, 6, 9 or 12",
                profile.observation_months
            ),
        ));
    }
    let counts = [
        ("teamSize", profile.team_size, 1),
        ("endpoints", profile.endpoints, 0),
        ("apiVersions", profile.api_versions, 1),
        ("integrations", profile.integrations, 0),
        ("regions", profile.regions, 1),
    ];
    for (name, value, min) in counts {
        if value < min || value > MAX_COUNT {
            return Err(error(
                format!("$.profile.{name}"),
                format!("{value} is out of range; expected {min} to {MAX_COUNT}"),
            ));
        }
    }
    for (name, value) in [
        ("organization", &profile.organization),
        ("cloudProvider", &profile.cloud_provider),
        ("complianceOwner", &profile.compliance_owner),
    ] {
        if value.chars().count() > MAX_NAME_CHARS {
            return Err(error(
                format!("$.profile.{name}"),
                format!("longer than {MAX_NAME_CHARS} characters"),
            ));
        }
    }
    let mut categories: Vec<_> = profile.scoped_categories().collect();
    categories.dedup();
    profile.categories = categories;

    for (id, answer) in &document.answers {
        if answer.note.chars().count() > MAX_NOTE_CHARS {
            return Err(error(
                format!("{}.note", answer_path(id)),
                format!(
                    "the note has {} characters; notes are limited to {MAX_NOTE_CHARS}",
                    answer.note.chars().count()
                ),
            ));
        }
    }
    Ok(document)
}

/// `$.answers.<id>` in the path notation errors use.
pub fn answer_path(id: &str) -> String {
    format!("$.answers{}", key_segment(id))
}

fn key_segment(key: &str) -> String {
    let plain = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        format!(".{key}")
    } else {
        // serde_json escapes quotes and control characters; a String never fails to serialise.
        format!("[{}]", serde_json::to_string(key).unwrap_or_default())
    }
}

/// Parses JSON text, turning syntax errors into messages a user can act on.
fn parse_json(text: &str) -> Result<Json, ImportError> {
    json::parse(text, MAX_DEPTH).map_err(|e| {
        let message = match e.message {
            "nesting too deep" => {
                format!("nested deeper than {MAX_DEPTH} levels; this is not an assessment document")
            }
            _ if e.line == 1 && e.column == 1 => {
                "not JSON: an assessment document is a JSON object".into()
            }
            m if m.starts_with("unexpected end of input") => {
                format!("the file ends too early (truncated?): {e}")
            }
            _ => format!("not valid JSON: {e}"),
        };
        error("$", message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"version":1,"profile":{"startDate":"2027-01-04"}}"#;

    fn err(text: &str) -> ImportError {
        import(text).unwrap_err()
    }

    #[test]
    fn catalog_text_round_trips_and_must_match_the_engine() {
        let texts = read_catalog_text(&crate::catalog_json()).unwrap();
        assert_eq!(texts.controls.len(), crate::catalog::controls().len());
        let first = crate::catalog::controls().first().unwrap();
        assert_eq!(texts.controls[0].1[0], first.title);
        assert_eq!(texts.controls[0].1[1], first.question);
        assert_eq!(texts.titles.len(), crate::catalog::SECTIONS.len() + 61);
        let stale = crate::catalog_json().replace(crate::catalog::CATALOG_VERSION, "1999.01");
        assert_eq!(read_catalog_text(&stale).unwrap_err().path, "$.version");
    }

    #[test]
    fn minimal_document_gets_defaults() {
        let doc = import(MINIMAL).unwrap().document;
        assert_eq!(doc.profile.observation_months, 6);
        assert_eq!(
            doc.profile.categories,
            vec![crate::model::Category::Security]
        );
        assert!(doc.answers.is_empty());
    }

    #[test]
    fn errors_name_the_json_path() {
        let e = err(
            r#"{"version":1,"profile":{"startDate":"2027-01-04"},"answers":{"access.mfa-admin":{"status":"done"}}}"#,
        );
        assert_eq!(e.path, r#"$.answers["access.mfa-admin"].status"#);
        assert!(
            e.message
                .contains("unknown value `done`; expected one of: implemented"),
            "{}",
            e.message
        );

        let e = err(r#"{"version":1,"profile":{"startDate":"2027-02-30"}}"#);
        assert_eq!(e.path, "$.profile.startDate");

        let e = err(r#"{"version":1,"profile":{"startDate":"2027-01-04","teamSize":"ten"}}"#);
        assert_eq!(e.path, "$.profile.teamSize");
    }

    #[test]
    fn unsupported_and_missing_versions_say_what_is_supported() {
        let e = err(r#"{"version":7,"profile":{}}"#);
        assert_eq!(e.path, "$.version");
        assert!(e
            .message
            .contains("unsupported version 7; this build reads version 1"));
        assert!(err(r#"{"profile":{}}"#).message.contains("missing"));
        assert!(err(r#"{"version":"1"}"#)
            .message
            .contains("unsupported version \"1\""));
    }

    #[test]
    fn observation_window_must_be_one_auditors_offer() {
        let e = err(r#"{"version":1,"profile":{"startDate":"2027-01-04","observationMonths":4}}"#);
        assert_eq!(e.path, "$.profile.observationMonths");
    }

    #[test]
    fn size_depth_and_syntax_limits() {
        let big = format!(
            "{{\"version\":1,\"pad\":\"{}\"}}",
            "x".repeat(MAX_INPUT_BYTES)
        );
        assert!(err(&big).message.contains("limited to 1 MiB"));
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(err(&deep).message.contains("nested deeper than 32"));
        // Brackets inside strings do not count.
        let bracket_note = format!(
            r#"{{"version":1,"profile":{{"startDate":"2027-01-04"}},"answers":{{"x":{{"status":"planned","note":"{}"}}}}}}"#,
            "[".repeat(100)
        );
        assert!(import(&bracket_note).is_ok());
        assert!(err(r#"{"version":1,"profile":{"startDate":"2027-01-04"}"#)
            .message
            .contains("truncated"));
        assert!(err("hello").message.contains("not JSON"));
        assert!(
            err(r#"{"version":1,"profile":{"startDate":"2027-01-04"}} trailing"#)
                .message
                .contains("trailing")
        );
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let e = err(
            r#"{"version":1,"profile":{"startDate":"2027-01-04"},"profile":{"startDate":"2027-01-04"}}"#,
        );
        assert_eq!(e.path, "$.profile");
        assert!(e.message.contains("duplicate key"), "{e}");
        let e = err(
            r#"{"version":1,"profile":{"startDate":"2027-01-04"},"answers":{"a":{"status":"planned"},"a":{"status":"implemented"}}}"#,
        );
        assert!(
            e.message.contains("duplicate answer for control `a`"),
            "{e}"
        );
    }

    #[test]
    fn long_notes_are_rejected_with_their_path() {
        let text = format!(
            r#"{{"version":1,"profile":{{"startDate":"2027-01-04"}},"answers":{{"x":{{"status":"planned","note":"{}"}}}}}}"#,
            "n".repeat(MAX_NOTE_CHARS + 1)
        );
        let e = err(&text);
        assert_eq!(e.path, "$.answers.x.note");
    }

    #[test]
    fn export_keys_are_accepted_and_unknown_keys_warned() {
        let text = r#"{"$schema":"s","version":1,"readiness":{},"gaps":[],"profile":{"startDate":"2027-01-04"},"colour":"blue"}"#;
        let imported = import(text).unwrap();
        assert_eq!(imported.warnings.len(), 1);
        assert_eq!(imported.warnings[0].path, "$.colour");
    }

    #[test]
    fn unknown_profile_fields_are_errors_with_a_path() {
        let e = err(r#"{"version":1,"profile":{"startDate":"2027-01-04","teamsize":3}}"#);
        assert_eq!(e.path, "$.profile.teamsize");
        assert!(e.message.contains("unknown field `teamsize`"), "{e}");
    }
}
