//! Checks a translation of the catalog's text (`catalog/lang/<tag>/`) against the English source
//! (`catalog/*.toml`): build.rs includes this file and fails the build on any problem it reports,
//! and its unit tests run it on fixtures and on every real translation.
//!
//! A translation has one file per English file (`catalog.toml`, `criteria.toml`,
//! `sections/<id>.toml`) holding only text, keyed by id: `[labels.*]`, `[category.<id>]`,
//! `[glossary.<id>]`, `[report]`; `[criterion."<id>"]`; `[section]` and `[control."<id>"]`. What
//! it must hold is derived from the English files, so a control added in English is a missing key
//! in every translation until it is translated, and one retired in English is a stale key. Rules:
//!
//! - every English text key present, non-empty; no key English lacks (stale), no file English
//!   lacks; `language` names the directory;
//! - a control's title at most 72 characters, question 260 (ending with `?`), why, evidence and
//!   remediation 320 (the English limits plus room for longer words);
//! - every number written in digits in the English text appears in the translation (facts at
//!   the same strength: "TLS 1.2", "90 days");
//! - a `[report]` phrase uses exactly the `{placeholders}` of its English text;
//! - a glossary term's `matches` (other spellings in that language) are free: a list of text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Longest text a translated control field may have, in characters.
pub const LIMITS: [(&str, usize); 5] = [
    ("title", 72),
    ("question", 260),
    ("why", 320),
    ("evidence", 320),
    ("remediation", 320),
];

/// One value of a flattened file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    /// A list of text (a glossary term's `matches`).
    List(Vec<String>),
    /// Anything else (a number, a table where text belongs…), by its TOML type name.
    Other(&'static str),
}

/// A file as key → value, keys written as TOML writes them (`control."access.mfa-admin".title`).
pub type Flat = BTreeMap<String, Entry>;

/// The kinds of file a language has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum File {
    Catalog,
    Criteria,
    Section,
}

/// A key path as TOML writes it: bare segments where allowed, quoted otherwise.
pub fn key(segments: &[&str]) -> String {
    segments
        .iter()
        .map(|s| {
            let bare = !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if bare {
                (*s).to_string()
            } else {
                format!("{s:?}")
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn entry(value: &toml::Value) -> Entry {
    match value {
        toml::Value::String(s) => Entry::Text(s.clone()),
        toml::Value::Array(items) => {
            let texts: Option<Vec<String>> = items
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect();
            texts.map_or(Entry::Other("array"), Entry::List)
        }
        other => Entry::Other(other.type_str()),
    }
}

/// Every leaf of `table`, keyed by its path (tables are walked, arrays are leaves).
pub fn flatten(table: &toml::Table) -> Flat {
    fn walk(prefix: &mut Vec<String>, table: &toml::Table, out: &mut Flat) {
        for (k, v) in table {
            prefix.push(k.clone());
            match v {
                toml::Value::Table(t) => walk(prefix, t, out),
                leaf => {
                    let segments: Vec<&str> = prefix.iter().map(String::as_str).collect();
                    out.insert(key(&segments), entry(leaf));
                }
            }
            prefix.pop();
        }
    }
    let mut out = Flat::new();
    walk(&mut Vec::new(), table, &mut out);
    out
}

/// The entries of an English array of tables (`[[control]]`…), each keyed by its `id`.
fn by_id<'a>(table: &'a toml::Table, array: &str) -> Vec<(&'a str, &'a toml::Table)> {
    table
        .get(array)
        .and_then(toml::Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(toml::Value::as_table)
                .filter_map(|t| Some((t.get("id")?.as_str()?, t)))
                .collect()
        })
        .unwrap_or_default()
}

/// The text of the English file `english` that a translation of it must translate, keyed as the
/// translation writes it.
pub fn source_texts(file: File, english: &toml::Table) -> Flat {
    let mut out = Flat::new();
    let take = |out: &mut Flat, segments: &[&str], table: &toml::Table, field: &str| {
        if let Some(v) = table.get(field) {
            let mut path = segments.to_vec();
            path.push(field);
            out.insert(key(&path), entry(v));
        }
    };
    match file {
        File::Catalog => {
            for group in ["labels", "report"] {
                if let Some(t) = english.get(group).and_then(toml::Value::as_table) {
                    let mut inner = Flat::new();
                    for (k, v) in flatten(t) {
                        inner.insert(format!("{}.{k}", key(&[group])), v);
                    }
                    out.append(&mut inner);
                }
            }
            for (id, t) in by_id(english, "category") {
                for field in ["title", "summary"] {
                    take(&mut out, &["category", id], t, field);
                }
            }
            for (id, t) in by_id(english, "glossary") {
                for field in ["term", "matches", "definition"] {
                    take(&mut out, &["glossary", id], t, field);
                }
            }
        }
        File::Criteria => {
            for (id, t) in by_id(english, "criterion") {
                for field in ["series", "title"] {
                    take(&mut out, &["criterion", id], t, field);
                }
            }
        }
        File::Section => {
            if let Some(t) = english.get("section").and_then(toml::Value::as_table) {
                for field in ["title", "part", "summary"] {
                    take(&mut out, &["section"], t, field);
                }
            }
            for (id, t) in by_id(english, "control") {
                for field in ["title", "question", "why", "evidence", "remediation"] {
                    take(&mut out, &["control", id], t, field);
                }
            }
        }
    }
    out
}

/// The numbers written in digits in `text` (each maximal run of ASCII digits: "TLS 1.2" has 1
/// and 2, whatever the decimal separator a language writes).
pub fn numbers(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The last segment of a key (`title` of `control."x".title`).
fn field(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(50).collect();
    if text.chars().count() > 50 {
        s.push('…');
    }
    s
}

/// Every problem of the translation `translation` (the file `path`, in language `language`) of
/// an English file whose text is `english` ([`source_texts`]). Empty when it is complete and
/// consistent.
pub fn check(
    file: File,
    path: &str,
    language: &str,
    english: &Flat,
    translation: &Flat,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut say = |m: String| problems.push(format!("{path}: {m}"));
    if file == File::Catalog {
        match translation.get("language") {
            Some(Entry::Text(tag)) if tag == language => {}
            Some(Entry::Text(tag)) => say(format!(
                "`language` is `{tag}`, but the directory is `{language}`"
            )),
            _ => say(format!("`language` is missing (it must be `{language}`)")),
        }
    }
    for (k, source) in english {
        let found = translation.get(k);
        match (source, found) {
            // Other spellings of a glossary term: optional, a list of text.
            (Entry::List(_), None | Some(Entry::List(_))) => {}
            (Entry::List(_), Some(_)) => say(format!("`{k}` must be a list of text")),
            (Entry::Text(en), None) => {
                say(format!("`{k}` is missing (English: \"{}\")", short(en)))
            }
            (Entry::Text(_), Some(Entry::List(_) | Entry::Other(_))) => {
                say(format!("`{k}` must be text"))
            }
            (Entry::Text(en), Some(Entry::Text(t))) => {
                if t.trim().is_empty() {
                    say(format!("`{k}` is empty"));
                    continue;
                }
                if k.starts_with("control.") {
                    let n = t.chars().count();
                    if let Some((_, max)) = LIMITS.iter().find(|(f, _)| *f == field(k)) {
                        if n > *max {
                            say(format!("`{k}` has {n} characters; at most {max}"));
                        }
                    }
                    if field(k) == "question" && !t.trim_end().ends_with('?') {
                        say(format!("`{k}` does not end with `?`"));
                    }
                }
                let have = numbers(t);
                let missing: Vec<&str> = numbers(en)
                    .into_iter()
                    .filter(|n| !have.contains(n))
                    .collect();
                if !missing.is_empty() {
                    say(format!(
                        "`{k}` drops or changes the number(s) {} of the English \"{}\"",
                        missing.join(", "),
                        short(en)
                    ));
                }
                if k.starts_with("report.") {
                    let set = |s: &str| -> BTreeSet<String> {
                        placeholders(s).into_iter().map(str::to_string).collect()
                    };
                    let (want, got) = (set(en), set(t));
                    if want != got {
                        say(format!(
                            "`{k}` uses the placeholders {got:?}; English uses {want:?}"
                        ));
                    }
                }
            }
            (Entry::Other(_), _) => {}
        }
    }
    for k in translation.keys() {
        let allowed = english.contains_key(k)
            || (file == File::Catalog && k == "language")
            || (k.starts_with("glossary.") && field(k) == "matches" && {
                let term = k.trim_end_matches("matches").to_string() + "term";
                english.contains_key(&term)
            });
        if !allowed {
            say(format!(
                "`{k}` is not in the English source (stale or misspelt: remove or rename it)"
            ));
        }
    }
    problems
}

/// The `{name}` placeholders of `text` (ASCII letters and digits between braces).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(end) = after.find('}') else { break };
        let name = after.get(..end).unwrap_or_default();
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()) {
            found.push(name);
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    found
}

/// A translation, checked: its files flattened, the sections' by section id.
#[derive(Debug)]
pub struct Language {
    pub tag: String,
    pub catalog: Flat,
    pub criteria: Flat,
    pub sections: BTreeMap<String, Flat>,
}

impl Language {
    /// The text at `segments` of a flattened file (empty when absent, which a checked
    /// translation never is for an English text key).
    pub fn text<'a>(file: &'a Flat, segments: &[&str]) -> &'a str {
        match file.get(&key(segments)) {
            Some(Entry::Text(t)) => t,
            _ => "",
        }
    }

    /// The list at `segments` (empty when absent).
    pub fn list<'a>(file: &'a Flat, segments: &[&str]) -> &'a [String] {
        match file.get(&key(segments)) {
            Some(Entry::List(items)) => items,
            _ => &[],
        }
    }
}

fn read(path: &Path) -> Result<toml::Table, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The translations `catalog/lang/` holds: its directories' names, sorted.
pub fn languages(catalog: &Path) -> Result<Vec<String>, String> {
    let dir = catalog.join("lang");
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut tags = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.path().is_dir() {
            tags.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    tags.sort();
    Ok(tags)
}

/// Reads and checks the translation `catalog/lang/<tag>/` against the English files in
/// `catalog` (the catalog directory). Every problem is reported, each naming its file and key.
pub fn read_language(catalog: &Path, tag: &str) -> Result<Language, Vec<String>> {
    let mut problems = Vec::new();
    let valid_tag = {
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or_default();
        (2..=3).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_lowercase())
            && parts.all(|p| {
                !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric())
            })
    };
    if !valid_tag || tag == "en" {
        return Err(vec![format!(
            "catalog/lang/{tag}: not a language tag for a translation (lowercase BCP 47, e.g. `de` or `pt-BR`; English is the source in catalog/)"
        )]);
    }
    let dir = catalog.join("lang").join(tag);
    let name = |rel: &str| format!("catalog/lang/{tag}/{rel}");
    let one = |rel: &str, file: File, english: &toml::Table, problems: &mut Vec<String>| {
        let path = dir.join(rel);
        if !path.exists() {
            problems.push(format!(
                "{}: missing (English has catalog/{rel})",
                name(rel)
            ));
            return Flat::new();
        }
        match read(&path) {
            Ok(table) => {
                let flat = flatten(&table);
                problems.extend(check(
                    file,
                    &name(rel),
                    tag,
                    &source_texts(file, english),
                    &flat,
                ));
                flat
            }
            Err(e) => {
                problems.push(e);
                Flat::new()
            }
        }
    };
    let english = match read(&catalog.join("catalog.toml")) {
        Ok(t) => t,
        Err(e) => return Err(vec![e]),
    };
    let criteria_en = match read(&catalog.join("criteria.toml")) {
        Ok(t) => t,
        Err(e) => return Err(vec![e]),
    };
    let section_ids: Vec<String> = english
        .get("sections")
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let catalog_flat = one("catalog.toml", File::Catalog, &english, &mut problems);
    let criteria = one("criteria.toml", File::Criteria, &criteria_en, &mut problems);
    let mut sections = BTreeMap::new();
    for id in &section_ids {
        let rel = format!("sections/{id}.toml");
        match read(&catalog.join(&rel)) {
            Ok(section_en) => {
                let flat = one(&rel, File::Section, &section_en, &mut problems);
                sections.insert(id.clone(), flat);
            }
            Err(e) => problems.push(e),
        }
    }
    // Files English does not have: a retired section, a misspelt name.
    let expected: BTreeSet<String> = ["catalog.toml", "criteria.toml"]
        .into_iter()
        .map(str::to_string)
        .chain(section_ids.iter().map(|id| format!("sections/{id}.toml")))
        .collect();
    for sub in ["", "sections"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().is_dir() {
                continue;
            }
            let file = entry.file_name().to_string_lossy().into_owned();
            let rel = if sub.is_empty() {
                file
            } else {
                format!("{sub}/{file}")
            };
            if rel.ends_with(".toml") && !expected.contains(&rel) {
                problems.push(format!(
                    "{}: English has no catalog/{rel} (stale: remove it)",
                    name(&rel)
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(Language {
            tag: tag.to_string(),
            catalog: catalog_flat,
            criteria,
            sections,
        })
    } else {
        Err(problems)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table(text: &str) -> toml::Table {
        toml::from_str(text).unwrap_or_default()
    }

    const ENGLISH: &str = r#"
[[control]]
id = "access.mfa-admin"
category = "security"
criteria = ["CC6.1"]
title = "MFA for administrative access"
question = "Is MFA required for all 3 admin systems?"
why = "Stolen passwords."
evidence = "Screenshots."
remediation = "Enforce TLS 1.2 and MFA."

[section]
title = "Access"
part = "Security"
summary = "Who gets in."
origin = "guide"
"#;

    const GERMAN: &str = r#"
[section]
title = "Zugriff"
part = "Sicherheit"
summary = "Wer hineinkommt."

[control."access.mfa-admin"]
title = "MFA für administrative Zugänge"
question = "Ist MFA für alle 3 Admin-Systeme verpflichtend?"
why = "Gestohlene Passwörter."
evidence = "Screenshots."
remediation = "Erzwingen Sie TLS 1.2 und MFA."
"#;

    fn problems(german: &str) -> Vec<String> {
        check(
            File::Section,
            "catalog/lang/de/sections/access.toml",
            "de",
            &source_texts(File::Section, &table(ENGLISH)),
            &flatten(&table(german)),
        )
    }

    #[test]
    fn a_complete_translation_passes() {
        assert_eq!(problems(GERMAN), Vec::<String>::new());
    }

    #[test]
    fn a_missing_key_is_named_with_its_file() {
        let without = GERMAN.replace("why = \"Gestohlene Passwörter.\"\n", "");
        let found = problems(&without);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("catalog/lang/de/sections/access.toml: `control.\"access.mfa-admin\".why` is missing"),
            "{found:?}"
        );
    }

    #[test]
    fn a_stale_key_is_named() {
        let stale = format!("{GERMAN}\n[control.\"access.old-vpn\"]\ntitle = \"Altes VPN\"\n");
        let found = problems(&stale);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("`control.\"access.old-vpn\".title` is not in the English source"),
            "{found:?}"
        );
        // A misspelt field is stale too (and leaves the real one missing).
        let misspelt = GERMAN.replace("evidence =", "evidense =");
        let found = problems(&misspelt);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn limits_questions_and_numbers_are_checked() {
        let long = GERMAN.replace(
            "title = \"MFA für administrative Zugänge\"",
            &format!("title = \"{}\"", "x".repeat(73)),
        );
        assert!(problems(&long)[0].contains("has 73 characters; at most 72"));
        let statement = GERMAN.replace("verpflichtend?", "verpflichtend.");
        assert!(problems(&statement)[0].contains("does not end with `?`"));
        let weaker = GERMAN.replace("TLS 1.2", "TLS 1.1");
        let found = problems(&weaker);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("number(s) 2 of the English"), "{found:?}");
        let dropped = GERMAN.replace("alle 3 ", "alle ");
        assert!(problems(&dropped)[0].contains("number(s) 3"));
        let empty = GERMAN.replace("\"Screenshots.\"", "\" \"");
        assert!(problems(&empty)[0].contains("`control.\"access.mfa-admin\".evidence` is empty"));
        let number = GERMAN.replace("\"Screenshots.\"", "3");
        assert!(problems(&number)[0].contains("must be text"));
    }

    #[test]
    fn catalog_files_name_their_language_and_keep_placeholders() {
        let english = table(
            r#"
id = "x"
language = "en"
[labels.states]
implemented = "Implemented"
[report]
titleOf = "{organization}: SOC 2 readiness"
[[glossary]]
id = "siem"
term = "SIEM"
definition = "A tool."
"#,
        );
        let source = source_texts(File::Catalog, &english);
        let run = |text: &str| {
            check(
                File::Catalog,
                "catalog/lang/de/catalog.toml",
                "de",
                &source,
                &flatten(&table(text)),
            )
        };
        let good = r#"
language = "de"
[labels.states]
implemented = "Umgesetzt"
[report]
titleOf = "{organization}: SOC-2-Prüfungsbereitschaft"
[glossary.siem]
term = "SIEM"
matches = ["Security Information and Event Management"]
definition = "Ein Werkzeug."
"#;
        assert_eq!(run(good), Vec::<String>::new());
        let found = run(&good.replace("{organization}", "{organisation}"));
        assert!(found[0].contains("uses the placeholders"), "{found:?}");
        let found = run(&good.replace("language = \"de\"", "language = \"fr\""));
        assert!(found[0].contains("`language` is `fr`"), "{found:?}");
        let found = run(&good.replace("implemented = \"Umgesetzt\"\n", ""));
        assert!(
            found[0].contains("`labels.states.implemented` is missing"),
            "{found:?}"
        );
        // A glossary term English does not have is stale, its spellings too.
        let found = run(&format!(
            "{good}\n[glossary.soar]\nterm = \"SOAR\"\nmatches = []\n"
        ));
        assert_eq!(found.len(), 2, "{found:?}");
    }

    /// Every translation in catalog/lang passes (build.rs would have failed otherwise; this
    /// names the problems in a test run too).
    #[test]
    fn every_real_translation_is_complete() {
        let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        let tags = languages(&catalog).unwrap_or_default();
        assert!(tags.contains(&"de".to_string()), "{tags:?}");
        for tag in tags {
            match read_language(&catalog, &tag) {
                Ok(language) => {
                    assert_eq!(language.tag, tag);
                    assert_eq!(language.sections.len(), crate::catalog::SECTIONS.len());
                }
                Err(problems) => panic!("{tag}:\n{}", problems.join("\n")),
            }
        }
    }

    /// A real translation with one key removed (in a copy) fails, naming the file and key.
    #[test]
    fn the_real_german_files_fail_without_a_key() {
        let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        let dir = std::env::temp_dir().join(format!("soc2-i18n-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy(&catalog, &dir);
        let file = dir.join("lang/de/sections/access.toml");
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let start = text.find("why = ").unwrap_or(0);
        let end = start + text[start..].find('\n').unwrap_or(0) + 1;
        std::fs::write(&file, format!("{}{}", &text[..start], &text[end..])).unwrap_or(());
        let problems = read_language(&dir, "de").err().unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "catalog/lang/de/sections/access.toml: `control.\"access.mfa-admin\".why` is missing"
            ),
            "{problems:?}"
        );
    }

    fn copy(from: &Path, to: &Path) {
        let _ = std::fs::create_dir_all(to);
        for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy(&entry.path(), &target);
            } else {
                let _ = std::fs::copy(entry.path(), target);
            }
        }
    }
}
