//! The assessment document's input types: scoping profile and answers.
//!
//! Field names are a public contract (see `tests/contract.rs`): exports written today must import
//! in every later version.

use crate::date::Date;
use serde::{Deserialize, Serialize};

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
/// Most person-hours a week the profile may give the programme (25 people full time).
pub const MAX_HOURS_PER_WEEK: u32 = 1000;

/// A size limit as the page receives it: `u32`, because serde-wasm-bindgen writes a `usize`
/// through a 64-bit path the engine module needs for nothing else (169 bytes gzipped, measured).
/// A limit that did not fit would stop the build (this runs at compile time).
const fn limit(n: usize) -> u32 {
    assert!(n <= u32::MAX as usize);
    n as u32
}

/// The limits a document must respect, for user interfaces (the Wasm engine's `limits()`, so the
/// page states and enforces them without restating a number).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Largest file import reads, in bytes.
    pub input_bytes: u32,
    /// Largest document (profile and answers as compact JSON), in bytes.
    pub document_bytes: u32,
    /// Longest note, in characters.
    pub note_chars: u32,
    /// Longest name (organisation, owner, cloud provider), in characters.
    pub name_chars: u32,
    /// Largest count in the profile (endpoints, versions, integrations, regions, team size).
    pub max_count: u32,
    /// Most person-hours a week the profile may give the programme.
    pub hours_per_week: u32,
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
    input_bytes: limit(crate::import::MAX_INPUT_BYTES),
    document_bytes: limit(MAX_DOCUMENT_BYTES),
    note_chars: limit(MAX_NOTE_CHARS),
    name_chars: limit(MAX_NAME_CHARS),
    max_count: MAX_COUNT,
    hours_per_week: MAX_HOURS_PER_WEEK,
    observation_windows: OBSERVATION_WINDOWS,
    statuses: Status::ALL,
    start_date_min: crate::date::START_MIN,
    start_date_max: crate::date::START_MAX,
};

/// [`LIMITS`] as compact JSON text, made at compile time: what the Wasm engine's `limits()` hands
/// the page (the browser parses it), so the module carries no serializer for the limits (124
/// bytes gzipped less, measured). The test `limits_json_is_the_limits_as_serde_writes_them`
/// holds it to serde's JSON of `LIMITS`, names and order included.
pub const LIMITS_JSON: &str = const_format::concatcp!(
    "{\"inputBytes\":",
    LIMITS.input_bytes,
    ",\"documentBytes\":",
    LIMITS.document_bytes,
    ",\"noteChars\":",
    LIMITS.note_chars,
    ",\"nameChars\":",
    LIMITS.name_chars,
    ",\"maxCount\":",
    LIMITS.max_count,
    ",\"hoursPerWeek\":",
    LIMITS.hours_per_week,
    ",\"observationWindows\":[",
    LIMITS.observation_windows[0],
    ",",
    LIMITS.observation_windows[1],
    ",",
    LIMITS.observation_windows[2],
    ",",
    LIMITS.observation_windows[3],
    "],\"statuses\":[\"",
    LIMITS.statuses[0].id(),
    "\",\"",
    LIMITS.statuses[1].id(),
    "\",\"",
    LIMITS.statuses[2].id(),
    "\",\"",
    LIMITS.statuses[3].id(),
    "\",\"",
    LIMITS.statuses[4].id(),
    "\"],\"startDateMin\":\"",
    crate::date::START_MIN_TEXT,
    "\",\"startDateMax\":\"",
    crate::date::START_MAX_TEXT,
    "\"}"
);

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

    /// Position in [`Category::ALL`] (the declaration order).
    pub fn position(self) -> usize {
        self as usize
    }

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
    pub const fn id(self) -> &'static str {
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
    /// Person-hours a week the company can spend on the programme; absent, the timeline assumes
    /// a default from the team size (`timeline::capacity_hours_per_week`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = MAX_HOURS_PER_WEEK))]
    pub hours_per_week: Option<u32>,
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
            hours_per_week: None,
        }
    }

    /// Person-hours a week for the programme: as set, or the default for the team size.
    pub fn capacity_hours_per_week(&self) -> u32 {
        self.hours_per_week
            .unwrap_or_else(|| crate::timeline::capacity_hours_per_week(self.team_size))
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
    pub answers: IdMap<Answer>,
    /// Who owns closing a gap and by when, keyed by control id (the plan and the exports carry
    /// them). Omitted when empty.
    #[serde(default, skip_serializing_if = "Assignments::is_empty")]
    pub assignments: Assignments,
}

/// Values keyed by control id, kept sorted by id: the document's answers and assignments.
/// A sorted list rather than `BTreeMap`: the B-tree's insert, remove and rebalancing code is
/// the largest generic code in the Wasm module (measured: the engine 1.5 KB gzipped smaller
/// with this type, its sort included), and a document's maps are read far more than they
/// change. Serialised as a JSON object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdMap<V>(Vec<(String, V)>);

/// Owner and target date per control id.
pub type Assignments = IdMap<Assignment>;

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<V> IdMap<V> {
    /// An empty map.
    pub const fn new() -> Self {
        IdMap(Vec::new())
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    /// The value of control `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        self.find(id)
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }

    /// The value of control `id`, to change in place.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut V> {
        self.find(id)
            .ok()
            .and_then(|i| self.0.get_mut(i))
            .map(|(_, v)| v)
    }

    /// Whether `id` has a value.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the value of `id`; returns the one it replaces.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(i) => self.0.get_mut(i).map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.0.insert(i, (id, value));
                None
            }
        }
    }

    /// Sets (`Some`) or removes (`None`) the value of `id`; returns the one it had, so that
    /// `set` with it again undoes the change.
    pub fn set(&mut self, id: &str, value: Option<V>) -> Option<V> {
        match value {
            Some(v) => self.insert(id.to_string(), v),
            None => self.remove(id),
        }
    }

    /// Removes the value of `id`; returns it.
    pub fn remove(&mut self, id: &str) -> Option<V> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    /// Entries in id order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&String, &V)> + ExactSizeIterator {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Ids in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// Values in id order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    /// Values in id order, to change in place.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.0.clear()
    }
}

/// Collects entries in any order in O(n log n): sorted by id, and of repeated ids the last one
/// stays (as `BTreeMap` does).
impl<V> FromIterator<(String, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut slots: Vec<Option<(String, V)>> = iter.into_iter().map(Some).collect();
        let order = {
            let keys: Vec<&str> = slots.iter().flatten().map(|(k, _)| k.as_str()).collect();
            sorted_positions(&keys, &mut || {})
        };
        let mut kept: Vec<(String, V)> = Vec::with_capacity(slots.len());
        for entry in order.into_iter().filter_map(|i| slots.get_mut(i)?.take()) {
            match kept.last_mut() {
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => kept.push(entry),
            }
        }
        IdMap(kept)
    }
}

/// Positions of `keys` in key order, equal keys by position; `on_compare` runs once per
/// comparison (import counts its work with it). The engine's one sort: a bottom-up merge sort
/// of positions, O(n log n) and stable. Written out because the standard library's sorts are
/// large generic code in a module every visitor downloads (measured with `sort_unstable_by`
/// here instead: the Wasm engine 1.4 KB gzipped larger).
pub(crate) fn sorted_positions(keys: &[&str], on_compare: &mut dyn FnMut()) -> Vec<usize> {
    let n = keys.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        merged.clear();
        for run in order.chunks(2 * width) {
            let (mut left, mut right) = run.split_at(width.min(run.len()));
            while let (Some((&l, after_l)), Some((&r, after_r))) =
                (left.split_first(), right.split_first())
            {
                on_compare();
                // `<=` takes the left run first among equal keys: stable.
                if keys.get(l) <= keys.get(r) {
                    merged.push(l);
                    left = after_l;
                } else {
                    merged.push(r);
                    right = after_r;
                }
            }
            merged.extend_from_slice(left);
            merged.extend_from_slice(right);
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

impl<V> Extend<(String, V)> for IdMap<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, iter: I) {
        for (id, value) in iter {
            self.insert(id, value);
        }
    }
}

impl<'a, V> IntoIterator for &'a IdMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// An object whose values are all `V`, keyed by control id: the schema of any id-keyed map
/// (`OrderedMap`'s).
impl<V: schemars::JsonSchema> schemars::JsonSchema for IdMap<V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <crate::ordered::OrderedMap<V>>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <crate::ordered::OrderedMap<V>>::json_schema(generator)
    }
}

/// An owner and a target date for closing a control's gap.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Assignment {
    /// Who is responsible (a name or a team); may be empty when only a date is set.
    #[serde(default)]
    #[schemars(length(max = MAX_NAME_CHARS))]
    pub owner: String,
    /// Target date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

impl Document {
    /// An empty full assessment with a default profile.
    pub fn new(start_date: Date) -> Self {
        Document {
            version: DOCUMENT_VERSION,
            mode: Mode::Full,
            profile: Profile::new(start_date),
            answers: IdMap::new(),
            assignments: Assignments::default(),
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

// Property tests run natively (proptest is a native dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn limits_json_is_the_limits_as_serde_writes_them() {
        assert_eq!(LIMITS_JSON, serde_json::to_string(&LIMITS).unwrap());
    }

    #[test]
    fn a_categorys_position_is_its_place_in_report_order() {
        for (i, c) in Category::ALL.into_iter().enumerate() {
            assert_eq!(c.position(), i, "{}", c.id());
        }
    }

    proptest! {
        /// Whatever the order and repetition of the entries, the map holds what a `BTreeMap`
        /// built from them holds (the last value of a repeated id), in id order.
        #[test]
        fn id_map_collects_as_a_btree_map_does(
            entries in proptest::collection::vec(("[a-d]{0,3}", 0u8..10), 0..60)
        ) {
            let map: IdMap<u8> = entries.iter().cloned().collect();
            let expected: std::collections::BTreeMap<String, u8> = entries.iter().cloned().collect();
            let got: Vec<(String, u8)> = map.iter().map(|(k, v)| (k.clone(), *v)).collect();
            let want: Vec<(String, u8)> = expected.into_iter().collect();
            prop_assert_eq!(got, want);
        }

        /// Inserting and removing one at a time agrees with a `BTreeMap` too, `get` included.
        #[test]
        fn id_map_changes_as_a_btree_map_does(
            changes in proptest::collection::vec(("[a-d]{0,2}", proptest::option::of(0u8..10)), 0..60)
        ) {
            let mut map = IdMap::new();
            let mut expected = std::collections::BTreeMap::new();
            for (id, value) in changes {
                let before = match value {
                    Some(v) => expected.insert(id.clone(), v),
                    None => expected.remove(&id),
                };
                prop_assert_eq!(map.set(&id, value), before);
                prop_assert_eq!(map.get(&id), expected.get(&id));
            }
            prop_assert!(map.iter().eq(expected.iter()));
        }

        /// The merge sort orders by key, equal keys by position, and counts its comparisons.
        #[test]
        fn sorted_positions_is_a_stable_sort(keys in proptest::collection::vec("[a-c]{0,2}", 0..80)) {
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let mut comparisons = 0usize;
            let order = sorted_positions(&keys, &mut || comparisons += 1);
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            prop_assert_eq!(order, expected);
            let n = keys.len();
            prop_assert!(comparisons <= n * (usize::BITS - n.leading_zeros()) as usize);
        }
    }
}
