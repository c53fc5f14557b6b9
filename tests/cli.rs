//! The `soc2-readiness` command: outputs, errors with JSON paths, exit statuses.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    run_bytes(args, stdin.as_bytes())
}

fn run_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_soc2-readiness"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails early closes its stdin; that is not what these tests check.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}
fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const DOC: &str = r#"{"version":1,"profile":{"startDate":"2027-01-04","organization":"Acme <API>"},"answers":{"access.mfa-admin":{"status":"implemented","evidence":true,"note":"=cmd|' /C calc'!A0"}}}"#;

#[test]
fn catalog_and_schema_print_json() {
    for cmd in ["catalog", "schema"] {
        let o = run(&[cmd], "");
        assert!(o.status.success(), "{cmd}");
        let _: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    }
}

#[test]
fn assess_reads_stdin_and_files_alike() {
    let from_stdin = run(&["assess", "-"], DOC);
    assert!(from_stdin.status.success(), "{}", stderr(&from_stdin));
    let dir = std::env::temp_dir().join(format!("soc2-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.json");
    std::fs::write(&file, DOC).unwrap();
    let from_file = run(&["assess", file.to_str().unwrap()], "");
    assert_eq!(stdout(&from_stdin), stdout(&from_file));
    let v: serde_json::Value = serde_json::from_str(&stdout(&from_file)).unwrap();
    assert!(v["readiness"]["overall"]["design"].as_u64().unwrap() > 0);
}

#[test]
fn invalid_documents_exit_2_naming_the_path() {
    let cases = [
        (
            r#"{"version":1,"profile":{"startDate":"2027-01-04","observationMonths":5}}"#,
            "$.profile.observationMonths",
        ),
        (
            r#"{"version":3,"profile":{}}"#,
            "unsupported version 3; this build reads version 1",
        ),
        (
            r#"{"version":1,"profile":{"startDate":"01/04/2027"}}"#,
            "$.profile.startDate",
        ),
        (
            r#"{"version":1,"profile":{"startDate":"2027-01-04"},"answers":{"network.tls":{"status":"yes"}}}"#,
            r#"$.answers["network.tls"].status"#,
        ),
        ("{\"version\":1,", "truncated"),
    ];
    for (doc, expected) in cases {
        let o = run(&["assess", "-"], doc);
        assert_eq!(o.status.code(), Some(2), "{doc}");
        assert!(stderr(&o).contains(expected), "{doc}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
    let big = format!("{{\"version\":1,\"x\":\"{}\"}}", "a".repeat(4_200_000));
    let o = run(&["assess", "-"], &big);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the file is larger than 4 MiB, the limit for assessment files"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn control_characters_from_the_input_never_reach_the_terminal() {
    // An unknown field named with terminal escape sequences (clear screen, bell, OSC title).
    let doc = r#"{"version":1,"profile":{"startDate":"2027-01-04","\u001b[2J\u0007\u001b]0;pwned\u0007":1}}"#;
    let o = run(&["assess", "-"], doc);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(
        err.contains("unknown field `\\u{1b}[2J\\u{7}\\u{1b}]0;pwned\\u{7}`"),
        "{err:?}"
    );
    // In arguments and file names too, and a message stays on one line.
    for args in [
        &["frob\u{1b}[31mnicate"][..],
        &["assess", "/nonexistent/\u{1b}[31m\nx.json"],
    ] {
        let o = run(args, "");
        let err = stderr(&o);
        assert!(!err.contains('\u{1b}'), "{err:?}");
        assert!(err.contains("\\u{1b}[31m"), "{err:?}");
        assert!(!err.trim_end().lines().next().unwrap().is_empty());
    }
    let o = run(&["assess", "/nonexistent/a\nb.json"], "");
    assert_eq!(stderr(&o).trim_end().lines().count(), 1, "{:?}", stderr(&o));
    // Bidirectional overrides, which reorder what the terminal shows.
    let o = run(&["report", "-", "--format", "\u{202e}vsc"], DOC);
    assert!(stderr(&o).contains("\\u{202e}vsc"), "{:?}", stderr(&o));
}

#[test]
fn bytes_rules_match_the_engine_and_the_page() {
    // A leading byte order mark is skipped; invalid UTF-8 is an error with its offset.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(DOC.as_bytes());
    let o = run_bytes(&["assess", "-"], &with_bom);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut bad = DOC.as_bytes().to_vec();
    bad.insert(60, 0xFF);
    let o = run_bytes(&["assess", "-"], &bad);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("<stdin>: $: not UTF-8 text: the byte at offset 60 is not valid UTF-8"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn csv_from_the_cli_carries_no_raw_control_characters() {
    let doc = r#"{"version":1,"profile":{"startDate":"2027-01-04"},"answers":{"access.mfa-admin":{"status":"partial","note":" =HYPERLINK(\"x\")\u001b[31m\u0007"}}}"#;
    let csv = stdout(&run(&["report", "-", "--format", "csv"], doc));
    assert!(!csv.contains('\u{1b}') && !csv.contains('\u{7}'));
    assert!(
        csv.contains(r#""' =HYPERLINK(""x"")\u{1b}[31m\u{7}""#),
        "{csv}"
    );
}

#[test]
fn reports_in_markdown_and_csv() {
    let md = run(&["report", "-", "--format", "markdown"], DOC);
    assert!(md.status.success());
    let md = stdout(&md);
    assert!(md.starts_with("# Acme &lt;API\\>: SOC 2 readiness"), "{md}");
    for heading in ["## Blockers", "## Plan", "### Days 1–30", "## Timeline"] {
        assert!(md.contains(heading), "{heading}");
    }
    let csv = stdout(&run(&["report", "-", "--format=csv"], DOC));
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("rank,title,description,owner,due_date,priority,labels,"));
    assert!(csv.lines().count() > 50);
    // The formula-looking note never starts a cell unescaped.
    assert!(!csv.contains(",=cmd"));
}

#[test]
fn lang_de_writes_german_markdown_csv_and_catalog() {
    let md = run(
        &["report", "-", "--format", "markdown", "--lang", "de"],
        DOC,
    );
    assert!(md.status.success(), "{}", stderr(&md));
    let md = stdout(&md);
    assert!(
        md.starts_with("# Acme &lt;API\\>: SOC-2-Prüfungsbereitschaft"),
        "{md}"
    );
    for heading in [
        "## Blockierende Kontrollen",
        "## Maßnahmenplan",
        "### Tag 1–30",
        "## Zeitplan",
        // German control titles.
        "**Rollenbasierter Zugriff nach dem Prinzip der minimalen Rechte** (`access.least-privilege`",
        "**Informationssicherheitsrichtlinie** (`policies.infosec-policy`",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(!md.contains("## Plan") && !md.contains("Type I"));
    // `--lang=de`, `-l de` and any case name the same language.
    for args in [
        &["report", "-", "--format", "markdown", "--lang=de"][..],
        &["report", "-", "-l", "DE", "--format", "markdown"],
    ] {
        assert_eq!(stdout(&run(args, DOC)), md, "{args:?}");
    }
    // English stays the default.
    let en = stdout(&run(
        &["report", "-", "--format", "markdown", "--lang", "en"],
        DOC,
    ));
    assert_eq!(
        en,
        stdout(&run(&["report", "-", "--format", "markdown"], DOC))
    );
    assert!(en.contains("## Blockers"));
    // CSV: the same columns, German cells.
    let csv = stdout(&run(&["report", "-", "--format=csv", "--lang", "de"], DOC));
    assert!(csv.starts_with("rank,title,description,owner,due_date,priority,labels,"));
    assert!(csv.contains(",Informationssicherheitsrichtlinie,"), "{csv}");
    // JSON is language-neutral: the same bytes.
    assert_eq!(
        stdout(&run(
            &["report", "-", "--format", "json", "--lang", "de"],
            DOC
        )),
        stdout(&run(&["report", "-", "--format", "json"], DOC))
    );
    // The catalog in German: the same ids and structure.
    let de: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["catalog", "--lang", "de"], ""))).unwrap();
    let en: serde_json::Value = serde_json::from_str(&stdout(&run(&["catalog"], ""))).unwrap();
    assert_eq!(de["language"], "de");
    assert_eq!(de["labels"]["bands"]["materialGaps"], "Wesentliche Lücken");
    assert_eq!(
        de["controls"].as_array().unwrap().len(),
        en["controls"].as_array().unwrap().len()
    );
    assert_eq!(de["controls"][0]["id"], en["controls"][0]["id"]);
}

#[test]
fn an_unknown_language_is_an_error_listing_the_available_ones() {
    for args in [
        &["report", "-", "--format", "markdown", "--lang", "fr"][..],
        &["diff", "-", "/dev/null", "--lang=fr"],
        &["catalog", "--lang", "fr"],
    ] {
        let o = run(args, DOC);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("unknown language `fr`; available: en, de"),
            "{args:?}: {err}"
        );
    }
    let o = run(&["report", "-", "--format", "markdown", "--lang"], DOC);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`--lang` needs a language: en, de"));
    // OSCAL is written in English only.
    let o = run(&["report", "-", "--format", "oscal", "--lang", "de"], DOC);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("OSCAL is written in English"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &["oscal", "-", "--out-dir", "/nonexistent", "--lang", "de"],
        DOC,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("OSCAL is written in English"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_exit_2_with_a_hint() {
    for args in [
        &["frobnicate"][..],
        &["report", "-"],
        &["report", "-", "--format", "pdf"],
        &["assess"],
    ] {
        let o = run(args, DOC);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with("soc2-readiness: "), "{args:?}");
    }
    let o = run(&["assess", "/nonexistent/file.json"], "");
    assert_eq!(o.status.code(), Some(1));
    let help = run(&["--help"], "");
    assert!(help.status.success() && stdout(&help).contains("USAGE"));
}

#[test]
fn oscal_commands_write_the_set_and_reject_bad_usage() {
    let o = run(&["oscal-catalog"], "");
    assert!(o.status.success());
    let catalog: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(catalog["catalog"]["metadata"]["oscal-version"], "1.2.3");

    let dir = std::env::temp_dir().join(format!("soc2-cli-oscal-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let o = run(&["oscal", "-", "--out-dir", dir.to_str().unwrap()], DOC);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "soc2-readiness-assessment-plan.oscal.json",
            "soc2-readiness-assessment-results.oscal.json",
            "soc2-readiness-catalog.oscal.json",
            "soc2-readiness-ssp.oscal.json"
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();

    for (args, says) in [
        (vec!["oscal", "-"], "needs --out-dir"),
        (vec!["oscal", "--out-dir", "x"], "needs a FILE"),
        (vec!["oscal", "-", "--out-dir"], "needs a DIR"),
        (
            vec![
                "oscal",
                "-",
                "--out-dir",
                "x",
                "--generated-at",
                "2027-01-04T10:00:00",
            ],
            "no timezone",
        ),
        (
            vec!["oscal", "-", "--out-dir", "x", "--frobnicate"],
            "unknown option",
        ),
        (vec!["oscal-catalog", "extra"], "wrong arguments"),
    ] {
        let o = run(&args, DOC);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    assert!(
        !std::path::Path::new("x").exists(),
        "nothing written on a usage error"
    );
}

#[test]
fn diff_compares_a_previous_assessment_in_each_format() {
    let dir = std::env::temp_dir().join(format!("soc2-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let before = dir.join("before.json");
    let after = dir.join("after.json");
    std::fs::write(
        &before,
        r#"{"version":1,"profile":{"startDate":"2027-01-04"},"answers":{"access.mfa-admin":{"status":"planned"},"access.old-vpn":{"status":"implemented"}}}"#,
    )
    .unwrap();
    std::fs::write(
        &after,
        r#"{"version":1,"profile":{"startDate":"2027-04-05"},"answers":{"access.mfa-admin":{"status":"implemented","evidence":true}}}"#,
    )
    .unwrap();
    let (b, a) = (before.to_str().unwrap(), after.to_str().unwrap());

    let json = run(&["diff", b, a], "");
    assert!(json.status.success(), "{}", stderr(&json));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let controls = value["controls"].as_array().unwrap();
    let changes: Vec<(&str, &str)> = controls
        .iter()
        .map(|c| {
            (
                c["controlId"].as_str().unwrap(),
                c["change"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("access.mfa-admin", "improved"),
            ("access.old-vpn", "retired")
        ]
    );

    let md = run(&["diff", b, a, "--format", "markdown"], "");
    assert!(md.status.success());
    let md = stdout(&md);
    assert!(md.starts_with("## Since 2027-01-04\n"), "{md}");
    assert!(md.contains(
        "- **MFA for administrative access** (`access.mfa-admin`): Planned → Implemented"
    ));
    let de = run(&["diff", b, a, "--format", "markdown", "--lang", "de"], "");
    assert!(de.status.success(), "{}", stderr(&de));
    let de = stdout(&de);
    assert!(de.starts_with("## Seit 2027-01-04\n"), "{de}");
    assert!(
        de.contains(
            "- **MFA für administrative Zugänge** (`access.mfa-admin`): Geplant → Umgesetzt"
        ),
        "{de}"
    );

    // One side from stdin; CSV with a change column.
    let doc = std::fs::read_to_string(&before).unwrap();
    let csv = run(&["diff", "-", a, "--format=csv"], &doc);
    assert!(csv.status.success());
    let csv = stdout(&csv);
    assert!(csv.starts_with("control_id,title,section,change,before,after,"));
    assert!(csv.contains("\r\naccess.mfa-admin,MFA for administrative access,"));

    // An invalid AFTER is named by its file and path; usage errors exit 2 with a hint.
    std::fs::write(&after, r#"{"version":1,"profile":{"startDate":"2027-04-05"},"answers":{"access.mfa-admin":{"status":"sort of"}}}"#).unwrap();
    let bad = run(&["diff", b, a], "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains(&format!("{a}: $.answers[\"access.mfa-admin\"].status: ")),
        "{}",
        stderr(&bad)
    );
    for args in [
        &["diff", b][..],
        &["diff", b, a, "--format", "oscal"],
        &["diff", "-", "-"],
    ] {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("Run `soc2-readiness --help`"),
            "{args:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
