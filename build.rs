//! Compiles the control catalog (`catalog/*.toml`, the one place question and help text live)
//! into the engine's static tables and into `catalog.json`, the file the web page renders from.
//!
//! Every rule a reviewer should not have to check by eye is checked here, and a broken catalog
//! fails the build with the file and control named: ids unique, shaped `section.slug` and never
//! reused; sections, categories and criteria that exist; weights 1–3; critical controls never
//! "not applicable"; questions that are questions; texts present and within their lengths.
//!
//! Outputs in `OUT_DIR`: `catalog_tables.rs` (included by `src/catalog/mod.rs`);
//! `catalog-full.json`, everything (the native CLI prints it with `soc2-readiness catalog`); and
//! the page's two files, which `scripts/build.sh` copies into the site: `catalog.json` (the first
//! screen: structure, titles, questions, labels) and `catalog-help.json` (why, evidence,
//! remediation, the glossary and the exports' phrases, loaded after the first screen).
//!
//! Translations (`catalog/lang/<tag>/`) are checked against the English source by
//! `src/catalog/translations.rs` (a missing, stale or empty key, a broken length limit, a dropped
//! number, a question without `?`, a phrase with other placeholders fails the build, naming file
//! and key), then written in the same shapes with the language in their names:
//! `catalog-full.<tag>.json`, `catalog.<tag>.json`, `catalog-help.<tag>.json`. Ids, structure and
//! numbers are the English files'; only text differs. `catalog_languages.rs` lists the languages
//! (the native CLI compiles every full file in).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// Shared with the library: the phrase keys its exports use, and the translation checks (unit-
// tested there).
#[path = "src/catalog/phrases.rs"]
#[allow(dead_code)]
mod phrases;
#[path = "src/catalog/translations.rs"]
#[allow(dead_code)]
mod translations;

use translations::Language;

const CATEGORIES: [&str; 5] = [
    "security",
    "availability",
    "confidentiality",
    "processingIntegrity",
    "privacy",
];
const EFFORTS: [&str; 3] = ["small", "medium", "large"];
const APPLICABILITY: [&str; 6] = [
    "always",
    "multipleApiVersions",
    "multipleRegions",
    "thirdPartyIntegrations",
    "cloudHosted",
    "selfHosted",
];
const ORIGINS: [&str; 2] = ["guide", "auditor"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct CatalogFile {
    id: String,
    version: String,
    language: String,
    provider_report_control: String,
    labels: Labels,
    sections: Vec<String>,
    category: Vec<CategoryInfo>,
    glossary: Vec<Term>,
    /// The exports' phrases (`src/catalog/phrases.rs` names the keys and placeholders).
    report: BTreeMap<String, String>,
}

/// Names of the engine's values: answer statuses and states, bands, timeline phases.
#[derive(Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    states: BTreeMap<String, String>,
    bands: BTreeMap<String, String>,
    phases: BTreeMap<String, String>,
    stages: BTreeMap<String, String>,
    windows: BTreeMap<String, String>,
}

/// The ids every label map must name, exactly (the engine's `State`, `Band` and phase ids).
const LABEL_IDS: [(&str, &[&str]); 5] = [
    (
        "states",
        &[
            "implemented",
            "partial",
            "planned",
            "notImplemented",
            "notApplicable",
            "unanswered",
            "inherited",
        ],
    ),
    (
        "bands",
        &[
            "auditReady",
            "findingsLikely",
            "materialGaps",
            "notReady",
            "notAssessed",
        ],
    ),
    (
        "phases",
        &[
            "review",
            "remediation",
            "documentation",
            "observation",
            "audit",
        ],
    ),
    ("stages", &["foundations", "controls", "operate"]),
    ("windows", &["days30", "days60", "days90", "later"]),
];

/// A term the help explains where a control's text uses it.
#[derive(Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Term {
    id: String,
    term: String,
    /// Other spellings that count as a use of the term (matched case-insensitively).
    #[serde(default)]
    matches: Vec<String>,
    definition: String,
}

#[derive(Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct CategoryInfo {
    id: String,
    title: String,
    #[serde(default)]
    required: bool,
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CriteriaFile {
    criterion: Vec<Criterion>,
}

#[derive(Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Criterion {
    id: String,
    category: String,
    series: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFile {
    section: SectionHead,
    #[serde(default)]
    control: Vec<ControlIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionHead {
    title: String,
    part: String,
    summary: String,
    origin: String,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Section {
    id: String,
    title: String,
    part: String,
    summary: String,
    origin: String,
}

fn two() -> u8 {
    2
}
fn always() -> String {
    "always".into()
}

/// A control as written in a section file; omitted fields take the defaults below.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ControlIn {
    id: String,
    category: String,
    criteria: Vec<String>,
    #[serde(default)]
    critical: bool,
    #[serde(default)]
    quick: bool,
    #[serde(default = "two")]
    weight: u8,
    effort: String,
    #[serde(default = "always")]
    applies_when: String,
    #[serde(default)]
    allows_not_applicable: bool,
    #[serde(default)]
    inherited: bool,
    #[serde(default)]
    documents_data_flows: bool,
    #[serde(default)]
    foundation: bool,
    #[serde(default)]
    depends_on: Vec<String>,
    /// Defaults to the section's origin.
    origin: Option<String>,
    title: String,
    question: String,
    why: String,
    evidence: String,
    remediation: String,
}

/// A control as the engine and `catalog.json` see it (the JSON keeps this field order).
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Control {
    id: String,
    section: String,
    category: String,
    criteria: Vec<String>,
    title: String,
    question: String,
    why: String,
    evidence: String,
    remediation: String,
    critical: bool,
    quick: bool,
    weight: u8,
    effort: String,
    applies_when: String,
    allows_not_applicable: bool,
    inherited: bool,
    documents_data_flows: bool,
    foundation: bool,
    depends_on: Vec<String>,
    origin: String,
    /// Ids of the glossary terms its text uses (computed).
    glossary: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CatalogJson<'a> {
    id: &'a str,
    version: &'a str,
    language: &'a str,
    provider_report_control: &'a str,
    labels: &'a Labels,
    glossary: &'a [Term],
    categories: &'a [CategoryInfo],
    sections: &'a [Section],
    criteria: &'a [Criterion],
    controls: &'a [Control],
    report: &'a BTreeMap<String, String>,
}

/// The catalog's text in one language, over the English structure.
struct Text {
    language: String,
    labels: Labels,
    glossary: Vec<Term>,
    categories: Vec<CategoryInfo>,
    sections: Vec<Section>,
    criteria: Vec<Criterion>,
    controls: Vec<Control>,
    report: BTreeMap<String, String>,
}

fn main() -> std::process::ExitCode {
    // Problems one per line (a `Result` from `main` would print them as one escaped string).
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let dir = root.join("catalog");
    println!("cargo:rerun-if-changed=catalog");
    let catalog: CatalogFile = read_toml(&dir.join("catalog.toml"))?;
    let criteria: CriteriaFile = read_toml(&dir.join("criteria.toml"))?;
    let mut problems = Vec::new();
    let mut sections = Vec::new();
    let mut controls = Vec::new();
    for id in &catalog.sections {
        let path = dir.join("sections").join(format!("{id}.toml"));
        let file: SectionFile = read_toml(&path)?;
        let origin = file.section.origin.clone();
        sections.push(Section {
            id: id.clone(),
            title: file.section.title,
            part: file.section.part,
            summary: file.section.summary,
            origin: origin.clone(),
        });
        for c in file.control {
            controls.push(Control {
                section: id.clone(),
                origin: c.origin.unwrap_or_else(|| origin.clone()),
                id: c.id,
                category: c.category,
                criteria: c.criteria,
                title: c.title,
                question: c.question,
                why: c.why,
                evidence: c.evidence,
                remediation: c.remediation,
                critical: c.critical,
                quick: c.quick,
                weight: c.weight,
                effort: c.effort,
                applies_when: c.applies_when,
                allows_not_applicable: c.allows_not_applicable,
                inherited: c.inherited,
                documents_data_flows: c.documents_data_flows,
                foundation: c.foundation,
                depends_on: c.depends_on,
                glossary: Vec::new(),
            });
        }
    }
    // Every section file is listed, so none is silently left out of the questionnaire.
    let listed: BTreeSet<&str> = catalog.sections.iter().map(String::as_str).collect();
    for entry in std::fs::read_dir(dir.join("sections")).map_err(|e| e.to_string())? {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        if let Some(stem) = name.strip_suffix(".toml") {
            if !listed.contains(stem) {
                problems.push(format!(
                    "catalog/sections/{name} is not listed in catalog.toml `sections`"
                ));
            }
        }
    }
    let mut categories = catalog.category;
    for c in &mut categories {
        c.required = c.id == "security";
    }
    link_glossary(&mut controls, &catalog.glossary);
    if !controls
        .iter()
        .any(|c| c.id == catalog.provider_report_control)
    {
        problems.push(format!(
            "catalog.toml: providerReportControl `{}` is not a control",
            catalog.provider_report_control
        ));
    }
    for (key, ids) in LABEL_IDS {
        let map = match key {
            "states" => &catalog.labels.states,
            "bands" => &catalog.labels.bands,
            "stages" => &catalog.labels.stages,
            "windows" => &catalog.labels.windows,
            _ => &catalog.labels.phases,
        };
        let found: Vec<&str> = map.keys().map(String::as_str).collect();
        let mut expected = ids.to_vec();
        expected.sort_unstable();
        if found != expected {
            problems.push(format!(
                "catalog.toml: [labels.{key}] must name exactly {expected:?}, found {found:?}"
            ));
        }
    }
    check_phrases(&catalog.report, &mut problems);
    unused_terms("catalog.toml", &catalog.glossary, &controls, &mut problems);
    if let Some(id) = dependency_cycle(&controls) {
        problems.push(format!("`dependsOn` has a cycle through `{id}`"));
    }
    check(
        &catalog.id,
        &catalog.version,
        &categories,
        &sections,
        &criteria.criterion,
        &controls,
        &mut problems,
    );
    let english = Text {
        language: catalog.language.clone(),
        labels: catalog.labels,
        glossary: catalog.glossary,
        categories,
        sections,
        criteria: criteria.criterion,
        controls,
        report: catalog.report,
    };
    // Every translation, checked against the English files and laid over the English structure.
    let mut texts = Vec::new();
    for tag in translations::languages(&dir)? {
        match translations::read_language(&dir, &tag) {
            Ok(language) => {
                let text = translated(&english, &language);
                unused_terms(
                    &format!("lang/{tag}/catalog.toml"),
                    &text.glossary,
                    &text.controls,
                    &mut problems,
                );
                texts.push(text);
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "the catalog has {} problem(s):\n  {}",
            problems.len(),
            problems.join("\n  ")
        ));
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let mut languages = String::from(
        "// Generated by build.rs from catalog/lang. Do not edit.\n\n\
         /// The languages the catalog's text is written in (BCP 47 tags), English (the source) first.\n\
         pub const LANGUAGES: &[&str] = &[",
    );
    let mut native = String::from(
        "\n\n/// Each language's full catalog JSON (`catalog-full.json` for English).\n\
         #[cfg(not(target_arch = \"wasm32\"))]\n\
         pub(crate) const LANGUAGE_JSON: &[(&str, &str)] = &[\n",
    );
    for text in std::iter::once(&english).chain(&texts) {
        let suffix = if text.language == english.language {
            String::new()
        } else {
            format!(".{}", text.language)
        };
        write_language(
            &out,
            &suffix,
            &catalog.id,
            &catalog.version,
            &catalog.provider_report_control,
            text,
        )?;
        let _ = write!(languages, "{:?}, ", text.language);
        let json = if suffix.is_empty() {
            "CATALOG_JSON".to_string()
        } else {
            format!("include_str!(concat!(env!(\"OUT_DIR\"), \"/catalog-full{suffix}.json\"))")
        };
        let _ = writeln!(native, "    ({:?}, {json}),", text.language);
    }
    languages.push_str("];");
    native.push_str("];\n");
    write(&out.join("catalog_languages.rs"), &(languages + &native))?;
    let mut rust = tables(
        &catalog.id,
        &catalog.version,
        &english.sections,
        &english.criteria,
        &english.controls,
    );
    let _ = writeln!(
        rust,
        "\n/// The control asking whether the cloud provider's SOC 2 report was obtained and reviewed:\n\
         /// inherited credit stands only while it is not answered planned or not implemented.\n\
         pub const PROVIDER_REPORT_CONTROL: &str = {:?};",
        catalog.provider_report_control
    );
    write(&out.join("catalog_tables.rs"), &rust)
}

/// Writes one language's files: `catalog-full<suffix>.json` (everything), and the page's
/// `catalog<suffix>.json` and `catalog-help<suffix>.json`.
fn write_language(
    out: &Path,
    suffix: &str,
    id: &str,
    version: &str,
    provider_report_control: &str,
    text: &Text,
) -> Result<(), String> {
    let json = serde_json::to_string(&CatalogJson {
        id,
        version,
        language: &text.language,
        provider_report_control,
        labels: &text.labels,
        glossary: &text.glossary,
        categories: &text.categories,
        sections: &text.sections,
        criteria: &text.criteria,
        controls: &text.controls,
        report: &text.report,
    })
    .map_err(|e| e.to_string())?;
    write(&out.join(format!("catalog-full{suffix}.json")), &json)?;
    // What the page needs, split by when it needs it (README "Performance"): the first screen's
    // file (structure, titles, questions, labels) and the help it loads after the first screen
    // (why, evidence, remediation, the glossary, the exports' phrases). Both carry the version
    // and language, so each is checked against the engine on its own.
    let full: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let (first, help) = split_for_the_page(full);
    write(
        &out.join(format!("catalog{suffix}.json")),
        &first.to_string(),
    )?;
    write(
        &out.join(format!("catalog-help{suffix}.json")),
        &help.to_string(),
    )
}

/// The English text `english` with the text of the translation `language` in place of its own:
/// the same ids, order, flags and numbers. Glossary links are found again in the translated text
/// with the translation's terms and spellings.
fn translated(english: &Text, language: &Language) -> Text {
    let cat = &language.catalog;
    let relabel = |group: &str, map: &BTreeMap<String, String>| -> BTreeMap<String, String> {
        map.keys()
            .map(|id| {
                (
                    id.clone(),
                    Language::text(cat, &["labels", group, id]).to_string(),
                )
            })
            .collect()
    };
    let l = &english.labels;
    let labels = Labels {
        states: relabel("states", &l.states),
        bands: relabel("bands", &l.bands),
        phases: relabel("phases", &l.phases),
        stages: relabel("stages", &l.stages),
        windows: relabel("windows", &l.windows),
    };
    let glossary = english
        .glossary
        .iter()
        .map(|t| Term {
            id: t.id.clone(),
            term: Language::text(cat, &["glossary", &t.id, "term"]).to_string(),
            matches: Language::list(cat, &["glossary", &t.id, "matches"]).to_vec(),
            definition: Language::text(cat, &["glossary", &t.id, "definition"]).to_string(),
        })
        .collect::<Vec<_>>();
    let categories = english
        .categories
        .iter()
        .map(|c| CategoryInfo {
            title: Language::text(cat, &["category", &c.id, "title"]).to_string(),
            summary: Language::text(cat, &["category", &c.id, "summary"]).to_string(),
            ..c.clone()
        })
        .collect();
    let criteria = english
        .criteria
        .iter()
        .map(|k| Criterion {
            series: Language::text(&language.criteria, &["criterion", &k.id, "series"]).to_string(),
            title: Language::text(&language.criteria, &["criterion", &k.id, "title"]).to_string(),
            ..k.clone()
        })
        .collect();
    let empty = translations::Flat::new();
    let section_file = |id: &str| language.sections.get(id).unwrap_or(&empty);
    let sections = english
        .sections
        .iter()
        .map(|s| {
            let f = section_file(&s.id);
            Section {
                title: Language::text(f, &["section", "title"]).to_string(),
                part: Language::text(f, &["section", "part"]).to_string(),
                summary: Language::text(f, &["section", "summary"]).to_string(),
                ..s.clone()
            }
        })
        .collect();
    let mut controls: Vec<Control> = english
        .controls
        .iter()
        .map(|c| {
            let f = section_file(&c.section);
            let field = |name: &str| Language::text(f, &["control", &c.id, name]).to_string();
            Control {
                title: field("title"),
                question: field("question"),
                why: field("why"),
                evidence: field("evidence"),
                remediation: field("remediation"),
                glossary: Vec::new(),
                ..c.clone()
            }
        })
        .collect();
    link_glossary(&mut controls, &glossary);
    let report = english
        .report
        .keys()
        .map(|k| (k.clone(), Language::text(cat, &["report", k]).to_string()))
        .collect();
    Text {
        language: language.tag.clone(),
        labels,
        glossary,
        categories,
        sections,
        criteria,
        controls,
        report,
    }
}

/// Sets each control's `glossary`: the terms its question or help uses (the term or one of its
/// spellings, as a whole word, case-insensitively).
fn link_glossary(controls: &mut [Control], glossary: &[Term]) {
    for c in controls {
        let text = [&c.question, &c.why, &c.evidence, &c.remediation]
            .map(|t| t.to_lowercase())
            .join(" ");
        c.glossary = glossary
            .iter()
            .filter(|t| {
                std::iter::once(&t.term)
                    .chain(&t.matches)
                    .any(|m| contains_word(&text, &m.to_lowercase()))
            })
            .map(|t| t.id.clone())
            .collect();
    }
}

/// A glossary term no control's text uses is never shown: an error (per language: each
/// language's spellings must find its own text).
fn unused_terms(file: &str, glossary: &[Term], controls: &[Control], problems: &mut Vec<String>) {
    for t in glossary {
        if !controls.iter().any(|c| c.glossary.contains(&t.id)) {
            problems.push(format!(
                "{file}: glossary term `{}` is used by no control",
                t.id
            ));
        }
    }
}

/// The English `[report]` phrases: exactly the keys `src/catalog/phrases.rs` names, each with
/// exactly its placeholders.
fn check_phrases(report: &BTreeMap<String, String>, problems: &mut Vec<String>) {
    use phrases::Phrase;
    for p in Phrase::ALL {
        let Some(text) = report.get(p.key()) else {
            problems.push(format!("catalog.toml: [report] has no `{}`", p.key()));
            continue;
        };
        let found: BTreeSet<&str> = translations::placeholders(text).into_iter().collect();
        let expected: BTreeSet<&str> = p.placeholders().iter().copied().collect();
        if found != expected || text.trim().is_empty() {
            problems.push(format!(
                "catalog.toml: [report] `{}` must be text using the placeholders {expected:?}, found {found:?}",
                p.key()
            ));
        }
    }
    for k in report.keys() {
        if !Phrase::ALL.iter().any(|p| p.key() == k) {
            problems.push(format!(
                "catalog.toml: [report] `{k}` is not a phrase of src/catalog/phrases.rs (stale or misspelt)"
            ));
        }
    }
}

/// Whether `word` occurs in `text` as a whole word (not inside a longer one).
fn contains_word(text: &str, word: &str) -> bool {
    let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    text.match_indices(word).any(|(at, _)| {
        boundary(text[..at].chars().next_back()) && boundary(text[at + word.len()..].chars().next())
    })
}

/// Control fields the page renders on the first screen; the rest of a control's fields serve
/// the engine and tools (`catalog-full.json`).
const FIRST_SCREEN_CONTROL_FIELDS: [&str; 9] = [
    "id",
    "section",
    "category",
    "criteria",
    "title",
    "question",
    "critical",
    "allowsNotApplicable",
    "inherited",
];
/// Control fields loaded after the first screen.
const HELP_CONTROL_FIELDS: [&str; 5] = ["id", "why", "evidence", "remediation", "glossary"];

/// Splits the full catalog JSON into the first screen's and the help's. Flags that are false and
/// lists that are empty are left out of the first screen's controls (the page reads a missing
/// flag as false).
fn split_for_the_page(full: serde_json::Value) -> (serde_json::Value, serde_json::Value) {
    use serde_json::{Map, Value};
    let Value::Object(mut all) = full else {
        return (Value::Null, Value::Null);
    };
    let controls = match all.remove("controls") {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let glossary = all.remove("glossary").unwrap_or(Value::Array(Vec::new()));
    let report = all.remove("report").unwrap_or(Value::Object(Map::new()));
    let pick = |c: &Value, keys: &[&str], lean: bool| -> Value {
        let mut m = Map::new();
        for key in keys {
            if let Some(v) = c.get(*key) {
                let empty =
                    matches!(v, Value::Bool(false)) || v.as_array().is_some_and(Vec::is_empty);
                if !(lean && empty) {
                    m.insert((*key).to_string(), v.clone());
                }
            }
        }
        Value::Object(m)
    };
    let first_controls = controls
        .iter()
        .map(|c| pick(c, &FIRST_SCREEN_CONTROL_FIELDS, true))
        .collect();
    let help_controls = controls
        .iter()
        .map(|c| pick(c, &HELP_CONTROL_FIELDS, false))
        .collect();
    let mut help = Map::new();
    for key in ["id", "version", "language"] {
        if let Some(v) = all.get(key) {
            help.insert(key.to_string(), v.clone());
        }
    }
    help.insert("glossary".into(), glossary);
    help.insert("report".into(), report);
    help.insert("controls".into(), Value::Array(help_controls));
    all.insert("controls".into(), Value::Array(first_controls));
    (Value::Object(all), Value::Object(help))
}

fn read_toml<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Collects every rule the catalog breaks (all of them, not just the first).
fn check(
    id: &str,
    version: &str,
    categories: &[CategoryInfo],
    sections: &[Section],
    criteria: &[Criterion],
    controls: &[Control],
    problems: &mut Vec<String>,
) {
    let mut say = |m: String| problems.push(m);
    if id.is_empty() {
        say("catalog.toml: empty `id`".into());
    }
    let version_ok = version.len() == 7
        && version.as_bytes().get(4) == Some(&b'.')
        && version
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit());
    if !version_ok {
        say(format!("catalog.toml: version `{version}` is not YYYY.MM"));
    }
    let cat_ids: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
    if cat_ids != CATEGORIES {
        say(format!(
            "catalog.toml: categories must be {CATEGORIES:?} in that order, found {cat_ids:?}"
        ));
    }
    let mut seen = BTreeSet::new();
    for s in sections {
        if !seen.insert(s.id.as_str()) {
            say(format!("catalog.toml: section `{}` listed twice", s.id));
        }
        if !ORIGINS.contains(&s.origin.as_str()) {
            say(format!(
                "sections/{}.toml: origin `{}` is not one of {ORIGINS:?}",
                s.id, s.origin
            ));
        }
    }
    let mut crit_ids = BTreeMap::new();
    for k in criteria {
        if crit_ids
            .insert(k.id.as_str(), k.category.as_str())
            .is_some()
        {
            say(format!("criteria.toml: `{}` appears twice", k.id));
        }
        if !CATEGORIES.contains(&k.category.as_str()) {
            say(format!(
                "criteria.toml: `{}` has unknown category `{}`",
                k.id, k.category
            ));
        }
    }
    let mut ids = BTreeSet::new();
    for c in controls {
        let at = format!("sections/{}.toml: control `{}`", c.section, c.id);
        if !ids.insert(c.id.as_str()) {
            say(format!("{at}: duplicate id"));
        }
        let shaped = c.id.split_once('.').is_some_and(|(prefix, slug)| {
            prefix == c.section
                && !slug.is_empty()
                && slug.len() <= 24
                && slug
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        });
        if !shaped {
            say(format!(
                "{at}: ids are `{}.<slug>` with a slug of at most 24 lowercase letters, digits or dashes",
                c.section
            ));
        }
        if !CATEGORIES.contains(&c.category.as_str()) {
            say(format!("{at}: unknown category `{}`", c.category));
        }
        if !EFFORTS.contains(&c.effort.as_str()) {
            say(format!(
                "{at}: effort `{}` is not one of {EFFORTS:?}",
                c.effort
            ));
        }
        if !APPLICABILITY.contains(&c.applies_when.as_str()) {
            say(format!(
                "{at}: appliesWhen `{}` is not one of {APPLICABILITY:?}",
                c.applies_when
            ));
        }
        if !ORIGINS.contains(&c.origin.as_str()) {
            say(format!(
                "{at}: origin `{}` is not one of {ORIGINS:?}",
                c.origin
            ));
        }
        if !(1..=3).contains(&c.weight) {
            say(format!("{at}: weight {} is not 1, 2 or 3", c.weight));
        }
        if c.critical && c.allows_not_applicable {
            say(format!(
                "{at}: a critical control cannot be answered not applicable"
            ));
        }
        if c.criteria.is_empty() || c.criteria.len() > 4 {
            say(format!(
                "{at}: maps {} criteria; map 1 to 4",
                c.criteria.len()
            ));
        }
        let mut own_category = false;
        for k in &c.criteria {
            match crit_ids.get(k.as_str()) {
                None => say(format!("{at}: unknown criterion `{k}`")),
                Some(cat) => own_category |= *cat == c.category,
            }
        }
        if !own_category {
            say(format!(
                "{at}: maps no criterion of its own category `{}`",
                c.category
            ));
        }
        for d in &c.depends_on {
            match controls.iter().find(|x| x.id == *d) {
                None => say(format!("{at}: dependsOn names no control `{d}`")),
                Some(x) if x.id == c.id => say(format!("{at}: depends on itself")),
                Some(x) if c.foundation && !x.foundation => say(format!(
                    "{at}: a foundation depends only on foundations, not on `{d}`"
                )),
                Some(_) => {}
            }
        }
        if !c.question.ends_with('?') {
            say(format!("{at}: the question does not end with `?`"));
        }
        for (field, text, max) in [
            ("title", &c.title, 60),
            ("question", &c.question, 200),
            ("why", &c.why, 240),
            ("evidence", &c.evidence, 240),
            ("remediation", &c.remediation, 240),
        ] {
            let n = text.chars().count();
            if text.trim().is_empty() {
                say(format!("{at}: empty {field}"));
            } else if n > max {
                say(format!("{at}: {field} has {n} characters; at most {max}"));
            }
        }
    }
}

/// Names a control on a `dependsOn` cycle, if there is one (the plan orders every control after
/// what it depends on, which a cycle makes impossible).
fn dependency_cycle(controls: &[Control]) -> Option<String> {
    // Depth-first search with colours: 1 on the stack, 2 done.
    fn visit<'a>(
        id: &'a str,
        controls: &'a [Control],
        colour: &mut BTreeMap<&'a str, u8>,
    ) -> Option<String> {
        match colour.get(id) {
            Some(1) => return Some(id.to_string()),
            Some(_) => return None,
            None => {}
        }
        colour.insert(id, 1);
        let deps = controls
            .iter()
            .find(|c| c.id == id)
            .map_or(&[][..], |c| c.depends_on.as_slice());
        for d in deps {
            if let Some(found) = visit(d, controls, colour) {
                return Some(found);
            }
        }
        colour.insert(id, 2);
        None
    }
    let mut colour = BTreeMap::new();
    controls
        .iter()
        .find_map(|c| visit(&c.id, controls, &mut colour))
}

fn variant(value: &str) -> String {
    // camelCase data names → the Rust enum variants (`processingIntegrity` → `ProcessingIntegrity`).
    let mut chars = value.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The Rust source of the static tables: the catalog's structure only. Its text reaches the
/// engine as a `CatalogText` (from catalog.json), never as part of these tables.
fn tables(
    id: &str,
    version: &str,
    sections: &[Section],
    criteria: &[Criterion],
    controls: &[Control],
) -> String {
    let mut r = String::from("// Generated by build.rs from catalog/*.toml. Do not edit.\n\n");
    let _ = writeln!(
        r,
        "/// Identifier of this catalog; exported documents record it."
    );
    let _ = writeln!(r, "pub const CATALOG_ID: &str = {id:?};");
    let _ = writeln!(r, "/// Catalog version (`catalog/catalog.toml`).");
    let _ = writeln!(r, "pub const CATALOG_VERSION: &str = {version:?};\n");
    r.push_str(
        "/// Every section, in questionnaire order.\npub static SECTIONS: &[Section] = &[\n",
    );
    for s in sections {
        let _ = writeln!(
            r,
            "    Section {{ id: {:?}, origin: Origin::{} }},",
            s.id,
            variant(&s.origin)
        );
    }
    r.push_str("];\n\n");
    r.push_str("/// All 61 criteria in report order.\npub static CRITERIA: &[Criterion] = &[\n");
    for k in criteria {
        let _ = writeln!(
            r,
            "    Criterion {{ id: {:?}, category: Category::{} }},",
            k.id,
            variant(&k.category)
        );
    }
    r.push_str("];\n\n");
    r.push_str("static CONTROLS: &[Control] = &[\n");
    for c in controls {
        let _ = writeln!(
            r,
            "    Control {{ id: {:?}, section: {:?}, category: Category::{}, criteria: &{:?}, \
             critical: {}, quick: {}, weight: {}, effort: Effort::{}, \
             applies_when: Applicability::{}, allows_not_applicable: {}, inherited: {}, \
             documents_data_flows: {}, foundation: {}, depends_on: &{:?}, depends_on_at: &{:?}, origin: Origin::{} }},",
            c.id,
            c.section,
            variant(&c.category),
            c.criteria,
            c.critical,
            c.quick,
            c.weight,
            variant(&c.effort),
            variant(&c.applies_when),
            c.allows_not_applicable,
            c.inherited,
            c.documents_data_flows,
            c.foundation,
            c.depends_on,
            c.depends_on
                .iter()
                .filter_map(|d| controls.iter().position(|o| o.id == *d))
                .collect::<Vec<_>>(),
            variant(&c.origin)
        );
    }
    r.push_str("];\n");

    r
}
