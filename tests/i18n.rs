//! Languages (issue 18): every translation compiled in has every key English has, and the
//! Markdown and CSV exports (report and comparison) follow the language of the text they are
//! given, while JSON stays language-neutral. Key completeness of the translation files
//! themselves is checked by build.rs and unit-tested in `src/catalog/translations.rs`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::{answer, start};
use soc2_readiness::catalog::{self, CatalogText, Phrase};
use soc2_readiness::model::Assignment;
use soc2_readiness::report::{self, ReportFormat};
use soc2_readiness::{compare, Category, Document, Export, Mode, Status};
use std::collections::BTreeSet;

fn german() -> &'static CatalogText {
    catalog::text_in("de").unwrap()
}

/// A realistic document: three categories, answers of every kind (one with records, one with a
/// note), an owner and a due date, a compliance owner.
fn document() -> Document {
    let mut doc = Document::new(start());
    doc.profile.organization = "Acme API".into();
    doc.profile.compliance_owner = "Dana Lee".into();
    doc.profile.categories = vec![
        Category::Security,
        Category::Availability,
        Category::Privacy,
    ];
    for (id, status, evidence) in [
        ("access.mfa-admin", Status::Implemented, true),
        ("access.least-privilege", Status::Implemented, false),
        ("network.tls", Status::Partial, false),
        ("data.backups", Status::Planned, false),
        ("governance.security-owner", Status::Implemented, true),
        ("risk.assessment", Status::NotImplemented, false),
    ] {
        doc.answers.insert(id.into(), answer(status, evidence));
    }
    doc.answers.get_mut("network.tls").unwrap().note = "Gateway only".into();
    doc.assignments.set(
        "risk.assessment",
        Some(Assignment {
            owner: "Dana Lee".into(),
            due: Some(soc2_readiness::Date::parse("2027-02-15").unwrap()),
        }),
    );
    doc
}

fn keys<V>(map: &std::collections::BTreeMap<String, V>) -> BTreeSet<&str> {
    map.keys().map(String::as_str).collect()
}

#[test]
fn every_language_has_every_key_english_has() {
    let en = catalog::english();
    assert_eq!(catalog::LANGUAGES[0], "en");
    assert!(
        catalog::LANGUAGES.contains(&"de"),
        "{:?}",
        catalog::LANGUAGES
    );
    for tag in catalog::LANGUAGES {
        let text = catalog::text_in(tag).unwrap();
        assert_eq!(text.language, *tag);
        assert_eq!(text.version, catalog::CATALOG_VERSION);
        assert!(text.clone().checked().is_ok(), "{tag}");
        text.check_phrases().unwrap();
        let (l, e) = (&text.labels, &en.labels);
        for (group, mine, english) in [
            ("states", &l.states, &e.states),
            ("bands", &l.bands, &e.bands),
            ("phases", &l.phases, &e.phases),
            ("stages", &l.stages, &e.stages),
            ("windows", &l.windows, &e.windows),
        ] {
            assert_eq!(keys(mine), keys(english), "{tag} labels.{group}");
            for (id, label) in mine {
                assert!(!label.trim().is_empty(), "{tag} labels.{group}.{id}");
            }
        }
        assert_eq!(keys(&text.report), keys(&en.report), "{tag} report");
        let phrases: BTreeSet<&str> = Phrase::ALL.iter().map(|p| p.key()).collect();
        assert_eq!(
            keys(&text.report),
            phrases,
            "{tag}: the phrases the code uses"
        );
        for c in &text.controls {
            for (field, value) in [
                ("title", &c.title),
                ("question", &c.question),
                ("why", &c.why),
                ("evidence", &c.evidence),
                ("remediation", &c.remediation),
            ] {
                assert!(!value.trim().is_empty(), "{tag} {} {field}", c.id);
            }
        }
        for named in text
            .categories
            .iter()
            .chain(&text.sections)
            .chain(&text.criteria)
        {
            assert!(!named.title.trim().is_empty(), "{tag} {}", named.id);
        }
    }
    assert!(catalog::text_in("DE").is_some(), "tags match ignoring case");
    assert!(catalog::text_in("fr").is_none());
}

/// The German text is German where English has text: no label, phrase or control title is left
/// in English (a few words are the same in both languages: SIEM, Typ II's "II").
#[test]
fn the_german_text_is_translated() {
    let (en, de) = (catalog::english(), german());
    let same_titles: Vec<&str> = en
        .controls
        .iter()
        .zip(&de.controls)
        .filter(|(e, d)| e.title == d.title || e.question == d.question)
        .map(|(e, _)| e.id.as_str())
        .collect();
    assert!(same_titles.is_empty(), "{same_titles:?}");
    let same_phrases: Vec<&str> = Phrase::ALL
        .iter()
        .filter(|p| en.phrase(**p) == de.phrase(**p))
        .map(|p| p.key())
        .collect();
    // "{percent} ({band})" and "{value} %" are written alike in both languages.
    assert_eq!(same_phrases, ["percent", "scored"]);
    assert_eq!(de.band("materialGaps"), "Wesentliche Lücken");
    assert_eq!(de.state("implemented"), "Umgesetzt");
}

#[test]
fn the_json_export_keeps_its_english_disclaimer() {
    assert_eq!(
        report::DISCLAIMER,
        catalog::english().phrase(Phrase::Disclaimer)
    );
}

#[test]
fn a_german_markdown_report_is_german() {
    let export = Export::new(document());
    let md = report::markdown(&export, german());
    for phrase in [
        "# Acme API: SOC-2-Prüfungsbereitschaft\n",
        "Selbstbewertung nach Katalog soc2-readiness/api-companies",
        "Typ-II-Beobachtungszeitraum (observation period) 6 Monate",
        "Im Prüfungsumfang: Sicherheit, Verfügbarkeit, Datenschutz.",
        "Verantwortlich für Compliance: Dana Lee.",
        "**Gesamt:** Angemessenheit (Typ I) ",
        "| Kategorie | Typ I: Angemessenheit | Typ II: Wirksamkeit | Beantwortet |",
        "| Sicherheit | ",
        "\n## Blockierende Kontrollen\n",
        "\n## Maßnahmenplan\n",
        "Maßnahmen in dieser Reihenfolge: zuerst die Grundlagen",
        "\n### Tag 1–30\n",
        // A control title, a stage, a state and the owner's facts, all German.
        "**Methode der Risikobeurteilung und Risikoregister** (`risk.assessment`; Grundlagen · Nicht umgesetzt · kritisch · ~",
        "verantwortlich: Dana Lee · fällig am 2027-02-15",
        "Notiz: Gateway only",
        "Behebung: ",
        " Nachweise: ",
        "Erst nach: ",
        "\n## Zeitplan\n",
        "| Bericht | Wochen | Erwartetes Berichtsdatum |",
        "| Typ I | ",
        " bis ",
        "Phasen bis zum Typ-II-Bericht:",
        "- Typ-II-Beobachtungszeitraum: 26–26 Wochen, abgeschlossen zwischen",
        "Personenstunden pro Woche für die Behebung",
        "_Erstellt mit soc2-readiness ",
        "kein Prüfer hat etwas geprüft._",
    ] {
        assert!(md.contains(phrase), "missing {phrase:?} in:\n{md}");
    }
    // Nothing of the English wording is left.
    for english in [
        "SOC 2 readiness",
        "Self-assessment",
        "Overall",
        "Blockers",
        "## Plan",
        "## Timeline",
        "Type I",
        "Type II",
        "person-day",
        "person-hours",
        "Days 1",
        "Fix:",
        "Evidence:",
        "After:",
        "Note:",
        "critical",
        "Generated by",
        "Not implemented",
        "Risk assessment",
    ] {
        assert!(!md.contains(english), "English {english:?} in:\n{md}");
    }
    // The same document in English: the same structure, English words.
    let en = report::markdown(&export, catalog::english());
    assert!(en.starts_with("# Acme API: SOC 2 readiness\n"));
    assert_eq!(md.lines().count(), en.lines().count());
}

#[test]
fn a_quick_check_says_so_in_german() {
    let mut doc = document();
    doc.mode = Mode::Quick;
    let md = report::markdown(&Export::new(doc), german());
    assert!(md.contains("Schnellschätzung nur über die Schlüsselfragen"));
    assert!(md.contains("\nSchnellcheck: eine Schätzung aus den Schlüsselfragen"));
}

#[test]
fn german_csv_keeps_the_machine_columns_and_writes_german_cells() {
    let export = Export::new(document());
    let (de, en) = (
        report::csv(&export, german()),
        report::csv(&export, catalog::english()),
    );
    assert_eq!(de.lines().next(), en.lines().next(), "column names are ids");
    let mut reader = csv::Reader::from_reader(de.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let risk = rows
        .iter()
        .find(|r| &r[column("control_id")] == "risk.assessment")
        .unwrap();
    assert_eq!(
        &risk[column("title")],
        "Methode der Risikobeurteilung und Risikoregister"
    );
    assert_eq!(&risk[column("stage")], "Grundlagen");
    assert_eq!(&risk[column("window")], "Tag 1–30");
    assert_eq!(&risk[column("state")], "Nicht umgesetzt");
    assert_eq!(&risk[column("section")], "Risikomanagement");
    assert!(risk[column("description")].contains("\n\nNachweise, die ein Prüfer verlangt: "));
    assert!(risk[column("description")].contains("\n\nWarum: "));
    assert_eq!(
        &risk[column("source")],
        "SOC-2-Selbstbewertung (kein Prüfungsurteil)"
    );
    // Machine values stay: priority names trackers map, labels, category, critical, gap kind.
    assert_eq!(&risk[column("priority")], "Highest");
    assert_eq!(&risk[column("category")], "security");
    assert_eq!(&risk[column("critical")], "true");
    assert_eq!(&risk[column("gap")], "design");
    assert!(risk[column("labels")].starts_with("soc2 soc2-foundations risk "));
    let records = rows
        .iter()
        .find(|r| &r[column("gap")] == "evidence")
        .unwrap();
    assert!(records[column("description")]
        .starts_with("Umgesetzt; beginnen Sie, Aufzeichnungen über den Betrieb"));
}

#[test]
fn the_json_export_is_the_same_in_every_language() {
    let export = Export::new(document());
    assert_eq!(
        report::render(ReportFormat::Json, &export, german(), None),
        report::render(ReportFormat::Json, &export, catalog::english(), None)
    );
}

#[test]
fn a_german_comparison_is_german() {
    // Before: an answer to an id this catalog no longer has. After: backups in place, later.
    let mut before = document();
    before
        .answers
        .insert("access.old-vpn".into(), answer(Status::Implemented, false));
    let mut after = document();
    after.profile.start_date = soc2_readiness::Date::parse("2027-04-05").unwrap();
    after
        .answers
        .insert("data.backups".into(), answer(Status::Implemented, true));
    let c = compare::compare(&before, None, &after, None);
    let md = compare::markdown(&c, german());
    for phrase in [
        "## Seit 2027-01-04\n",
        "Verglichen mit der Bewertung ab 2027-01-04",
        "**Gesamt:** Typ I ",
        "| Kategorie | Typ I | Typ II |",
        "### Veränderte Bereiche",
        "| Bereich | Typ I | Typ II |",
        "### Kontrollen",
        "**Verbessert (1):**",
        "- **Sichere Datensicherung und Wiederherstellung** (`data.backups`): Geplant → Umgesetzt",
        "**Entfallen (vorher unter einer ID beantwortet, die dieser Katalog nicht mehr kennt) (1):**",
        "(`access.old-vpn`): Umgesetzt → entfallen",
        "### Zeitplan",
        "- Typ-I-Bericht: bisher erwartet zwischen ",
        "- Typ-II-Bericht: bisher erwartet zwischen ",
        " Wochen ab dem jeweiligen Startdatum",
    ] {
        assert!(md.contains(phrase), "missing {phrase:?} in:\n{md}");
    }
    for english in [
        "Since",
        "Compared with",
        "Improved",
        "Retired",
        "Type I",
        "days earlier",
        "before, now",
    ] {
        assert!(!md.contains(english), "English {english:?} in:\n{md}");
    }
    let csv = compare::csv(&c, german());
    assert!(csv.starts_with("control_id,title,section,change,before,after,"));
    assert!(csv.contains(
        "\r\ndata.backups,Sichere Datensicherung und Wiederherstellung,Datensicherheit,improved,Geplant,Umgesetzt,"
    ), "{csv}");
    assert!(csv.contains(",improved,") && !csv.contains("not asked"));
    assert!(
        csv.contains("access.old-vpn,access.old-vpn,,retired,Umgesetzt,entfallen,"),
        "{csv}"
    );
    assert!(csv.contains("Vergleich von SOC-2-Selbstbewertungen (kein Prüfungsurteil)"));
}

/// Singular and plural: one day, one action.
#[test]
fn one_of_a_kind_is_singular() {
    let mut doc = Document::new(start());
    for c in catalog::controls() {
        doc.answers
            .insert(c.id.to_string(), answer(Status::Implemented, true));
    }
    doc.answers.insert(
        "access.mfa-admin".into(),
        answer(Status::Implemented, false),
    );
    let export = Export::new(doc);
    assert_eq!(export.plan.actions.len(), 1);
    let en = report::markdown(&export, catalog::english());
    assert!(en.contains("\n1 action: scheduled at "), "{en}");
    assert!(en.contains("~1 person-day)"), "{en}");
    let de = report::markdown(&export, german());
    assert!(de.contains("\n1 Maßnahme: geplant mit "), "{de}");
    assert!(de.contains("~1 Personentag)"), "{de}");
}
