//! The command-line interface (native builds only): argument parsing, file I/O, exit statuses.

use soc2_readiness::catalog::CatalogText;
use soc2_readiness::import::{size_text, MAX_INPUT_BYTES};
use soc2_readiness::oscal::{self, Timestamp};
use soc2_readiness::report::{self, ReportFormat};
use soc2_readiness::{assess_bytes, catalog, compare, to_json};
use std::io::{self, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
soc2-readiness: SOC 2 readiness self-assessment for API companies

USAGE:
    soc2-readiness catalog [--lang L]           Print the control catalog as JSON (its text in L)
    soc2-readiness schema [--engine]            Print the JSON Schema of the assessment document
                                                (--engine: of every value the Wasm engine takes
                                                or returns, for TypeScript declarations)
    soc2-readiness assess FILE|-                Print the document with its computed results (JSON)
    soc2-readiness report FILE|- --format F [--lang L]
                                                Print a report; F is markdown, csv, json or oscal
    soc2-readiness oscal FILE|- --out-dir DIR   Write the OSCAL set (catalog, system security plan,
                                                assessment plan, assessment results) into DIR
    soc2-readiness oscal-catalog                Print the OSCAL catalog of the Trust Services
                                                Criteria with the questionnaire's questions
    soc2-readiness diff BEFORE AFTER [--format F] [--lang L]
                                                Compare a previous assessment with a newer one:
                                                what moved overall and per category, criterion
                                                and section, the controls that improved,
                                                regressed, appeared or were retired, and how much
                                                closer each report got; F is json (default),
                                                markdown or csv (one row per control that moved)
    soc2-readiness help | --help | -h           Print this help
    soc2-readiness --version | -V               Print the version

FILE is an assessment document (UTF-8 JSON, at most 4 MiB) such as the page's JSON export; `-`
reads standard input. Results are always recomputed from the profile and answers.

--lang L, -l L                  The language of the catalog's text and of the Markdown and CSV
                                wording (catalog, report, diff): en (default) or de. JSON is
                                language-neutral (ids and status names) and OSCAL is written in
                                English: neither takes another language.

OPTIONS (report):
    --format F, -f F            markdown (summary), csv (gaps), json (the export) or oscal
                                (OSCAL 1.2.3 assessment-results JSON for GRC tools; its
                                import-ap names the plan that `oscal` writes beside it)
    --generated-at TIMESTAMP    For oscal: when the results were generated, an RFC 3339
                                date-time with timezone such as 2027-01-04T10:00:00Z, years
                                1900-2999. Recorded as last-modified and as each observation's
                                collection time. Default: the profile's start date at 00:00:00Z
                                (clamped to 1900-2999), so the output depends on the file alone.

OPTIONS (oscal):
    --out-dir DIR               Directory to write into (created if missing). Files, which link
                                to each other by relative hrefs, so keep them together:
                                  soc2-readiness-catalog.oscal.json
                                  soc2-readiness-ssp.oscal.json
                                  soc2-readiness-assessment-plan.oscal.json
                                  soc2-readiness-assessment-results.oscal.json
                                Existing files of those names are replaced; nothing else is
                                touched. Prints the paths written.
    --generated-at TIMESTAMP    As for report.

EXIT STATUS:
    0 success, 1 the file could not be read or written, 2 invalid usage or invalid document
    (the message names the JSON path of the problem).

EXAMPLES:
    soc2-readiness assess assessment.json | jq .readiness.overall
    soc2-readiness report assessment.json --format csv > gaps.csv
    soc2-readiness report assessment.json --format oscal --generated-at \"$(date -u +%FT%TZ)\"
    soc2-readiness oscal assessment.json --out-dir oscal/
    soc2-readiness diff last-quarter.json assessment.json --format markdown
    soc2-readiness report assessment.json --format markdown --lang de
";

enum Failure {
    Usage(String),
    Io(String),
    Invalid(String),
}

/// Runs the command line and returns the process exit status.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            let mut stdout = io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // A closed pipe (`| head`) is not an error worth a message.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => fail(Failure::Io(format!("cannot write output: {e}"))),
            }
        }
        Err(f) => fail(f),
    }
}

fn fail(failure: Failure) -> ExitCode {
    let (message, code) = match failure {
        Failure::Usage(m) => (
            format!(
                "{}\nRun `soc2-readiness --help` for usage.",
                terminal_safe(&m)
            ),
            2,
        ),
        Failure::Io(m) => (terminal_safe(&m), 1),
        Failure::Invalid(m) => (terminal_safe(&m), 2),
    };
    eprintln!("soc2-readiness: {message}");
    ExitCode::from(code)
}

/// A message with every control character (line breaks included: a message is one line) and
/// bidirectional control written as a visible escape: file names, arguments and documents can
/// hold escape sequences that would otherwise drive the terminal.
fn terminal_safe(message: &str) -> String {
    report::escape_controls(message, true)
}

fn run(args: &[String]) -> Result<String, Failure> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["help" | "--help" | "-h", ..] => Ok(HELP.to_string()),
        ["--version" | "-V"] => Ok(format!("{}\n", soc2_readiness::GENERATOR)),
        ["catalog", rest @ ..] => catalog_command(rest),
        ["schema"] => Ok(soc2_readiness::schema::document_schema_json() + "\n"),
        ["schema", "--engine"] => Ok(soc2_readiness::schema::engine_schema_json() + "\n"),
        ["assess", file] => {
            let export = load(file)?;
            Ok(to_json(&export) + "\n")
        }
        ["report", rest @ ..] => report_command(rest),
        ["oscal-catalog"] => Ok(to_json(&oscal::catalog(catalog::english())) + "\n"),
        ["oscal", rest @ ..] => oscal_command(rest),
        ["diff", rest @ ..] => diff_command(rest),
        [cmd, ..] if ["schema", "assess", "oscal-catalog"].contains(cmd) => {
            Err(Failure::Usage(format!("wrong arguments for `{cmd}`")))
        }
        [cmd, ..] => Err(Failure::Usage(format!("unknown command `{cmd}`"))),
    }
}

/// The language a `--lang` option names (`--lang L`, `--lang=L`, `-l L`), if `arg` is one.
fn lang_option<'a>(
    arg: &'a str,
    rest: &mut std::slice::Iter<'_, &'a str>,
) -> Result<Option<&'a str>, Failure> {
    if arg == "--lang" || arg == "-l" {
        return rest
            .next()
            .copied()
            .map(Some)
            .ok_or_else(|| Failure::Usage(format!("`{arg}` needs a language: {}", available())));
    }
    Ok(arg.strip_prefix("--lang="))
}

fn available() -> String {
    catalog::LANGUAGES.join(", ")
}

/// The catalog's text in `tag` (English without one); an unknown tag lists the languages.
fn language(tag: Option<&str>) -> Result<&'static CatalogText, Failure> {
    let tag = tag.unwrap_or("en");
    catalog::text_in(tag).ok_or_else(|| {
        Failure::Usage(format!(
            "unknown language `{tag}`; available: {}",
            available()
        ))
    })
}

/// `catalog [--lang L]`: the full catalog as JSON, its text in L.
fn catalog_command(args: &[&str]) -> Result<String, Failure> {
    let mut lang = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match lang_option(arg, &mut iter)? {
            Some(tag) => lang = Some(tag),
            None => return Err(Failure::Usage("wrong arguments for `catalog`".into())),
        }
    }
    language(lang)?;
    Ok(catalog::json_in(lang.unwrap_or("en"))
        .unwrap_or(catalog::CATALOG_JSON)
        .to_string()
        + "\n")
}

fn report_command(args: &[&str]) -> Result<String, Failure> {
    let (mut file, mut format, mut generated_at, mut lang) = (None, None, None, None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if let Some(tag) = lang_option(arg, &mut iter)? {
            lang = Some(tag);
            continue;
        }
        match *arg {
            "--format" | "-f" => format = iter.next().copied(),
            a if a.starts_with("--format=") => format = a.strip_prefix("--format="),
            a if a.starts_with("--generated-at") => {
                generated_at = generated_at_option(a, &mut iter)?;
                if generated_at.is_none() {
                    return Err(Failure::Usage(format!("unknown option `{a}` for `report`")));
                }
            }
            a if a.starts_with('-') && a != "-" => {
                return Err(Failure::Usage(format!("unknown option `{a}` for `report`")))
            }
            a if file.is_none() => file = Some(a),
            a => return Err(Failure::Usage(format!("unexpected argument `{a}`"))),
        }
    }
    let file =
        file.ok_or_else(|| Failure::Usage("`report` needs a FILE (or - for stdin)".into()))?;
    let format = format.ok_or_else(|| {
        Failure::Usage("`report` needs --format json, markdown, csv or oscal".into())
    })?;
    // The document is read first (a pipe into stdin is always drained), then the options checked.
    let export = load(file)?;
    let format = ReportFormat::parse(format).map_err(|e| Failure::Usage(e.message))?;
    if generated_at.is_some() && format != ReportFormat::Oscal {
        return Err(Failure::Usage(
            "`--generated-at` applies only to --format oscal".into(),
        ));
    }
    let at = generated_at
        .map(|t| Timestamp::parse(t).map_err(|e| Failure::Usage(format!("--generated-at: {e}"))))
        .transpose()?;
    let text = language(lang)?;
    if format == ReportFormat::Oscal && !std::ptr::eq(text, catalog::english()) {
        return Err(Failure::Usage(
            "OSCAL is written in English (ids and statuses are language-neutral); `--lang` applies to markdown and csv".into(),
        ));
    }
    Ok(report::render(format, &export, text, at))
}

/// `diff BEFORE AFTER [--format F]`: what moved between two assessments.
fn diff_command(args: &[&str]) -> Result<String, Failure> {
    let (mut files, mut format, mut lang) = (Vec::new(), None, None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if let Some(tag) = lang_option(arg, &mut iter)? {
            lang = Some(tag);
            continue;
        }
        match *arg {
            "--format" | "-f" => {
                format = Some(iter.next().copied().ok_or_else(|| {
                    Failure::Usage("`--format` needs json, markdown or csv".into())
                })?)
            }
            a if a.starts_with("--format=") => format = a.strip_prefix("--format="),
            a if a.starts_with('-') && a != "-" => {
                return Err(Failure::Usage(format!("unknown option `{a}` for `diff`")))
            }
            a => files.push(a),
        }
    }
    let [before, after] = files.as_slice() else {
        return Err(Failure::Usage(
            "`diff` needs two files: BEFORE (the previous assessment) and AFTER".into(),
        ));
    };
    if *before == "-" && *after == "-" {
        return Err(Failure::Usage(
            "only one of BEFORE and AFTER can be stdin (-)".into(),
        ));
    }
    let format = compare::CompareFormat::parse(format.unwrap_or("json"))
        .map_err(|e| Failure::Usage(e.message))?;
    let language = language(lang)?;
    let (b, a) = (read_input(before)?, read_input(after)?);
    let text = |file: &str, bytes: &'_ [u8]| -> Result<String, Failure> {
        soc2_readiness::import::utf8_text(bytes)
            .map(str::to_string)
            .map_err(|e| Failure::Invalid(format!("{file}: {e}")))
    };
    let (b, a) = (text(before, &b)?, text(after, &a)?);
    let comparison = compare::compare_text(&b, &a).map_err(|e| {
        // The message starts with the side; name its file instead.
        let (file, message) = match e.message.split_once(": ") {
            Some(("before", m)) => (*before, m.to_string()),
            Some(("after", m)) => (*after, m.to_string()),
            _ => (*after, e.message.clone()),
        };
        let file = if file == "-" { "<stdin>" } else { file };
        Failure::Invalid(format!("{file}: {}: {message}", e.path))
    })?;
    Ok(compare::render(format, &comparison, language))
}

/// Reads `--generated-at TIMESTAMP` (or `--generated-at=TIMESTAMP`) at `arg`, if it is that option.
fn generated_at_option<'a>(
    arg: &'a str,
    rest: &mut std::slice::Iter<'_, &'a str>,
) -> Result<Option<&'a str>, Failure> {
    if arg == "--generated-at" {
        return rest
            .next()
            .copied()
            .map(Some)
            .ok_or_else(|| Failure::Usage("`--generated-at` needs a TIMESTAMP".into()));
    }
    Ok(arg.strip_prefix("--generated-at="))
}

fn timestamp_or_start(
    text: Option<&str>,
    export: &soc2_readiness::Export,
) -> Result<Timestamp, Failure> {
    match text {
        Some(text) => {
            Timestamp::parse(text).map_err(|e| Failure::Usage(format!("--generated-at: {e}")))
        }
        None => Ok(Timestamp::midnight(export.profile.start_date)),
    }
}

/// `oscal FILE --out-dir DIR [--generated-at TIMESTAMP]`: writes the four OSCAL documents.
fn oscal_command(args: &[&str]) -> Result<String, Failure> {
    let (mut file, mut out_dir, mut at) = (None, None, None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if let Some(value) = generated_at_option(arg, &mut iter)? {
            at = Some(value);
            continue;
        }
        if let Some(tag) = lang_option(arg, &mut iter)? {
            if !std::ptr::eq(language(Some(tag))?, catalog::english()) {
                return Err(Failure::Usage(
                    "OSCAL is written in English (ids and statuses are language-neutral); `--lang` applies to catalog, report and diff".into(),
                ));
            }
            continue;
        }
        match *arg {
            "--out-dir" => {
                out_dir = Some(
                    iter.next()
                        .copied()
                        .ok_or_else(|| Failure::Usage("`--out-dir` needs a DIR".into()))?,
                )
            }
            a if a.starts_with("--out-dir=") => out_dir = a.strip_prefix("--out-dir="),
            a if a.starts_with('-') && a != "-" => {
                return Err(Failure::Usage(format!("unknown option `{a}` for `oscal`")))
            }
            a if file.is_none() => file = Some(a),
            a => return Err(Failure::Usage(format!("unexpected argument `{a}`"))),
        }
    }
    let file =
        file.ok_or_else(|| Failure::Usage("`oscal` needs a FILE (or - for stdin)".into()))?;
    let out_dir = out_dir.ok_or_else(|| Failure::Usage("`oscal` needs --out-dir DIR".into()))?;
    let export = load(file)?;
    let at = timestamp_or_start(at, &export)?;
    let dir = std::path::Path::new(out_dir);
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Io(format!("cannot create {out_dir}: {e}")))?;
    let mut written = String::new();
    for oscal::OscalFile { name, text } in oscal::set(&export, catalog::english(), at) {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
        written.push_str(&format!("{}\n", path.display()));
    }
    Ok(written)
}

fn load(file: &str) -> Result<soc2_readiness::Export, Failure> {
    let bytes = read_input(file)?;
    assess_bytes(&bytes).map_err(|e| {
        let name = if file == "-" { "<stdin>" } else { file };
        Failure::Invalid(format!("{name}: {e}"))
    })
}

/// The file's bytes, at most one more than the import limit (enough to refuse a larger one).
fn read_input(file: &str) -> Result<Vec<u8>, Failure> {
    let limit = u64::try_from(MAX_INPUT_BYTES).unwrap_or(u64::MAX) + 1;
    let mut bytes = Vec::new();
    let result = if file == "-" {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| Failure::Io(format!("cannot read {file}: {e}")))?;
    if bytes.len() > MAX_INPUT_BYTES {
        let limit = size_text(MAX_INPUT_BYTES);
        return Err(Failure::Invalid(format!(
            "{file}: $: the file is larger than {limit}, the limit for assessment files"
        )));
    }
    Ok(bytes)
}
