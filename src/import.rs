//! Reading an assessment document from untrusted text.
//!
//! Everything a user hands us goes through [`import`]: files in the CLI, imports and local
//! storage in the page. It never panics; an error names the problem and its JSON path, and a
//! successful import reports what it ignored.

use crate::model::{
    Document, MAX_NAME_CHARS, MAX_NOTE_CHARS, OBSERVATION_WINDOWS, SUPPORTED_VERSIONS,
};
use serde::{Deserialize, Serialize};
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
    "estimate",
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
                "the file is {:.1} MiB; assessment documents are limited to 1 MiB",
                text.len() as f64 / (1024.0 * 1024.0)
            ),
        ));
    }
    check_depth(text)?;
    check_version(text)?;

    let mut ignored = Vec::new();
    let mut json = serde_json::Deserializer::from_str(text);
    let document: Document = {
        let mut on_ignored = |path: serde_ignored::Path| ignored.push(path.to_string());
        let tracked = serde_ignored::Deserializer::new(&mut json, &mut on_ignored);
        serde_path_to_error::deserialize(tracked).map_err(|e| {
            let path = render_path(e.path());
            error(path, describe_serde_error(&e.into_inner().to_string()))
        })?
    };
    json.end()
        .map_err(|e| error("$", describe_serde_error(&e.to_string())))?;

    let warnings = ignored
        .into_iter()
        .filter(|p| !RESULT_KEYS.contains(&p.as_str()))
        .map(|p| Warning {
            path: format!("$.{p}"),
            message: "unknown field, ignored".into(),
        })
        .collect();
    let document = validate(document)?;
    Ok(Imported { document, warnings })
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

fn render_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => out.push_str(&key_segment(key)),
            Segment::Enum { variant } => out.push_str(&key_segment(variant)),
            Segment::Unknown => {}
        }
    }
    out
}

/// Rewords serde's messages where they would puzzle a user.
fn describe_serde_error(message: &str) -> String {
    let message = message.replace("unknown variant", "unknown value");
    if message.starts_with("EOF while parsing") {
        return format!("the file ends too early (truncated?): {message}");
    }
    if message.contains("expected value at line 1 column 1") {
        return "not JSON: an assessment document is a JSON object".into();
    }
    message
}

/// Rejects nesting deeper than [`MAX_DEPTH`] before serde sees the text.
fn check_depth(text: &str) -> Result<(), ImportError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(error(
                        "$",
                        format!("nested deeper than {MAX_DEPTH} levels; this is not an assessment document"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Reads `version` first so that a newer file gets "unsupported version", not a field error.
fn check_version(text: &str) -> Result<(), ImportError> {
    #[derive(Deserialize)]
    struct Probe {
        version: Option<serde_json::Value>,
    }
    let probe: Probe = match serde_json::from_str(text) {
        Ok(p) => p,
        // Syntax and shape errors are reported, with their path, by the full parse.
        Err(_) => return Ok(()),
    };
    let supported = SUPPORTED_VERSIONS
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match probe.version {
        None => Err(error(
            "$.version",
            format!("missing; this build reads version {supported}"),
        )),
        Some(serde_json::Value::Number(n))
            if n.as_u64()
                .is_some_and(|v| SUPPORTED_VERSIONS.iter().any(|s| u64::from(*s) == v)) =>
        {
            Ok(())
        }
        Some(other) => Err(error(
            "$.version",
            format!("unsupported version {other}; this build reads version {supported}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"version":1,"profile":{"startDate":"2027-01-04"}}"#;

    fn err(text: &str) -> ImportError {
        import(text).unwrap_err()
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
        assert!(e.message.contains("unknown value `done`"), "{}", e.message);

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
        assert!(e.message.contains("duplicate field `profile`"), "{e}");
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
