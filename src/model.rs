//! The assessment document's input types: scoping profile and answers.
//!
//! Field names are a public contract (see `tests/contract.rs`): exports written today must import
//! in every later version.

use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Current document format version.
pub const DOCUMENT_VERSION: u32 = 1;
/// Document format versions this build reads.
pub const SUPPORTED_VERSIONS: &[u32] = &[1];
/// The `$schema` of an export: where a site serving the page has the document's JSON Schema,
/// relative to the site's root (`schema/assessment.schema.json` beside `index.html`, copied there
/// by the build; the npm package and the crate carry it too). The page writes the absolute URL of
/// the copy served beside its engine instead (README "The assessment document").
pub const SCHEMA_URL: &str = "schema/assessment.schema.json";
/// Longest accepted note, in characters (Unicode scalar values, as everywhere in this crate).
pub const MAX_NOTE_CHARS: usize = 4000;
/// Longest accepted short text field (names), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Type II observation windows auditors offer, in months.
pub const OBSERVATION_WINDOWS: [u8; 4] = [3, 6, 9, 12];
/// The windows in words, for messages (`import` tests keep it equal to the list).
pub const OBSERVATION_WINDOWS_TEXT: &str = "3, 6, 9 or 12";
/// Upper bound of the API-surface numbers and the team size, far above any real company.
pub const MAX_COUNT: u32 = 100_000;
/// Most answers to control ids this catalog does not know (retired, or from another catalog).
pub const MAX_UNKNOWN_ANSWERS: usize = 500;
/// Longest control id an answer may carry, in characters (the catalog's are under 40).
pub const MAX_ID_CHARS: usize = 100;
/// Largest document: the profile and answers as compact JSON (what the page saves), in bytes.
/// The files import reads may be larger (`import::MAX_INPUT_BYTES`): an export adds the
/// results to the document, and every export must re-import.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// The limits a document must respect, for user interfaces (written into `catalog.json`, so the
/// page states and enforces them without restating a number).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Largest file import reads, in bytes.
    pub input_bytes: usize,
    /// Largest document (profile and answers as compact JSON), in bytes.
    pub document_bytes: usize,
    /// Longest note, in characters.
    pub note_chars: usize,
    /// Longest name (organisation, owner, cloud provider), in characters.
    pub name_chars: usize,
    /// Largest count in the profile (endpoints, versions, integrations, regions, team size).
    pub max_count: u32,
    /// Observation windows, in months.
    pub observation_windows: [u8; 4],
    /// Answer statuses, in the order the questionnaire offers them.
    pub statuses: [Status; 5],
    /// Earliest start date.
    pub start_date_min: Date,
    /// Latest start date.
    pub start_date_max: Date,
}

/// This build's limits.
pub const LIMITS: Limits = Limits {
    input_bytes: crate::import::MAX_INPUT_BYTES,
    document_bytes: MAX_DOCUMENT_BYTES,
    note_chars: MAX_NOTE_CHARS,
    name_chars: MAX_NAME_CHARS,
    max_count: MAX_COUNT,
    observation_windows: OBSERVATION_WINDOWS,
    statuses: Status::ALL,
    start_date_min: crate::date::START_MIN,
    start_date_max: crate::date::START_MAX,
};

/// A Trust Services category.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum Category {
    Security,
    Availability,
    Confidentiality,
    ProcessingIntegrity,
    Privacy,
}

impl Category {
    /// All categories in report order.
    pub const ALL: [Category; 5] = [
        Category::Security,
        Category::Availability,
        Category::Confidentiality,
        Category::ProcessingIntegrity,
        Category::Privacy,
    ];

    /// The camelCase id used in documents.
    pub fn id(self) -> &'static str {
        match self {
            Category::Security => "security",
            Category::Availability => "availability",
            Category::Confidentiality => "confidentiality",
            Category::ProcessingIntegrity => "processingIntegrity",
            Category::Privacy => "privacy",
        }
    }
}

/// How far a control is in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Implemented,
    Partial,
    Planned,
    NotImplemented,
    NotApplicable,
}

impl Status {
    /// Every status, in the order the questionnaire offers them.
    pub const ALL: [Status; 5] = [
        Status::Implemented,
        Status::Partial,
        Status::Planned,
        Status::NotImplemented,
        Status::NotApplicable,
    ];

    /// The camelCase name used in documents.
    pub fn id(self) -> &'static str {
        match self {
            Status::Implemented => "implemented",
            Status::Partial => "partial",
            Status::Planned => "planned",
            Status::NotImplemented => "notImplemented",
            Status::NotApplicable => "notApplicable",
        }
    }
}

/// The answer to one control. A control without an answer is unanswered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Answer {
    /// How far the control is in place.
    pub status: Status,
    /// Records exist that show the control operating over time (tickets, logs, sign-offs).
    #[serde(default)]
    pub evidence: bool,
    /// Free text, at most 4000 characters (Unicode scalar values). Shown as text, never as
    /// markup.
    #[serde(default)]
    #[schemars(length(max = MAX_NOTE_CHARS))]
    pub note: String,
}

/// Questionnaire mode.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// Every applicable control.
    #[default]
    Full,
    /// About twenty key controls; scores are an estimate over the questions asked.
    Quick,
}

impl Mode {
    /// The camelCase name used in documents.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Full => "full",
            Mode::Quick => "quick",
        }
    }
}

/// The scoping profile: what is audited and what drives the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct Profile {
    /// Organisation name, for report headings.
    #[serde(default)]
    #[schemars(length(max = MAX_NAME_CHARS))]
    pub organization: String,
    /// Trust Services categories in scope. Security is always in scope, listed or not.
    #[serde(default = "default_categories")]
    pub categories: Vec<Category>,
    /// Engineers and operators who can work on remediation.
    #[serde(default = "default_team_size")]
    #[schemars(range(min = 1, max = MAX_COUNT))]
    pub team_size: u32,
    /// Number of public API endpoints.
    #[serde(default = "default_endpoints")]
    #[schemars(range(max = MAX_COUNT))]
    pub endpoints: u32,
    /// Number of API versions live at once.
    #[serde(default = "one")]
    #[schemars(range(min = 1, max = MAX_COUNT))]
    pub api_versions: u32,
    /// Third-party integrations and sub-processors the API depends on.
    #[serde(default)]
    #[schemars(range(max = MAX_COUNT))]
    pub integrations: u32,
    /// Countries or regions where customer data is processed or stored.
    #[serde(default = "one")]
    #[schemars(range(min = 1, max = MAX_COUNT))]
    pub regions: u32,
    /// The system runs on a cloud provider (IaaS/PaaS).
    #[serde(default = "yes")]
    pub cloud_hosted: bool,
    /// The cloud provider has its own SOC 2 report (controls it covers are inherited).
    #[serde(default = "yes")]
    pub cloud_provider_soc2: bool,
    /// Cloud provider's name, for reports.
    #[serde(default)]
    #[schemars(length(max = MAX_NAME_CHARS))]
    pub cloud_provider: String,
    /// Person accountable for the compliance programme.
    #[serde(default)]
    #[schemars(length(max = MAX_NAME_CHARS))]
    pub compliance_owner: String,
    /// Day remediation starts (`YYYY-MM-DD`); timeline dates count from it.
    pub start_date: Date,
    /// Type II observation window in months: 3, 6, 9 or 12.
    #[serde(default = "default_window")]
    #[schemars(extend("enum" = OBSERVATION_WINDOWS))]
    pub observation_months: u8,
}

fn default_categories() -> Vec<Category> {
    vec![Category::Security]
}
fn default_team_size() -> u32 {
    10
}
fn default_endpoints() -> u32 {
    20
}
/// The schema's default for counts starting at one.
fn one() -> u32 {
    1
}
/// The schema's default for the hosting flags.
fn yes() -> bool {
    true
}
fn default_window() -> u8 {
    6
}

impl Profile {
    /// A profile with defaults and the given start date.
    pub fn new(start_date: Date) -> Self {
        Profile {
            organization: String::new(),
            categories: default_categories(),
            team_size: default_team_size(),
            endpoints: default_endpoints(),
            api_versions: 1,
            integrations: 0,
            regions: 1,
            cloud_hosted: true,
            cloud_provider_soc2: true,
            cloud_provider: String::new(),
            compliance_owner: String::new(),
            start_date,
            observation_months: default_window(),
        }
    }

    /// Whether `category` is in scope (Security always is).
    pub fn in_scope(&self, category: Category) -> bool {
        category == Category::Security || self.categories.contains(&category)
    }

    /// Categories in scope, in report order, Security first.
    pub fn scoped_categories(&self) -> impl Iterator<Item = Category> + '_ {
        Category::ALL.into_iter().filter(|c| self.in_scope(*c))
    }
}

/// An assessment: profile and answers. What users save, export and import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "AssessmentDocument")]
pub struct Document {
    /// Format version; this build reads 1.
    pub version: u32,
    /// Full assessment or quick estimate.
    #[serde(default)]
    pub mode: Mode,
    /// Scoping profile.
    pub profile: Profile,
    /// Answers keyed by control id. Missing ids are unanswered.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

impl Document {
    /// An empty full assessment with a default profile.
    pub fn new(start_date: Date) -> Self {
        Document {
            version: DOCUMENT_VERSION,
            mode: Mode::Full,
            profile: Profile::new(start_date),
            answers: BTreeMap::new(),
        }
    }
}

/// Why a document was rejected, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ImportError {
    /// JSON path of the offending value, e.g. `$.answers["access.mfa-admin"].status`.
    pub path: String,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ImportError {}

/// Something accepted but worth telling the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Warning {
    /// JSON path it concerns.
    pub path: String,
    /// What happened.
    pub message: String,
}
