//! Human-facing exports: a Markdown summary for wikis and a CSV of gaps for issue trackers, and
//! [`render`], the one dispatch from a format name to its text that the CLI and the Wasm session
//! share. Names and help come from the catalog text passed in (the results hold ids only).
//!
//! User text (organisation, owner, provider names, notes) is untrusted: Markdown escapes it so it
//! renders literally, CSV neutralises cells a spreadsheet would run as formulas.

use crate::catalog::{self, CatalogText, Phrase};
use crate::oscal::{self, Timestamp};
use crate::plan::Stage;
use crate::score::{Band, Blocks, GapKind};
use crate::{to_json, Export, ImportError};
use std::fmt::Write;

/// The formats `render` produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// The export: document and results, re-importable.
    Json,
    /// A summary for wikis.
    Markdown,
    /// The gaps, for issue trackers.
    Csv,
    /// OSCAL assessment results.
    Oscal,
}

impl ReportFormat {
    /// Every format, with the names `parse` accepts (the first is canonical).
    pub const NAMES: [(ReportFormat, &'static [&'static str]); 4] = [
        (ReportFormat::Json, &["json"]),
        (ReportFormat::Markdown, &["markdown", "md"]),
        (ReportFormat::Csv, &["csv"]),
        (ReportFormat::Oscal, &["oscal"]),
    ];

    /// The format named `name`.
    pub fn parse(name: &str) -> Result<ReportFormat, ImportError> {
        ReportFormat::NAMES
            .iter()
            .find(|(_, names)| names.contains(&name))
            .map(|(format, _)| *format)
            .ok_or_else(|| ImportError {
                path: "format".into(),
                message: format!(
                    "unknown format `{}`; use json, markdown, csv or oscal",
                    escape_controls(&name.chars().take(40).collect::<String>(), true)
                ),
            })
    }
}

/// Renders `export` in `format`, every text ending with a line break. `generated_at` is when the
/// results were produced (OSCAL records it; the engine reads no clock): without it, the start
/// date at midnight UTC, so the output depends on the input alone. Other formats ignore it.
pub fn render(
    format: ReportFormat,
    export: &Export,
    text: &CatalogText,
    generated_at: Option<Timestamp>,
) -> String {
    match format {
        ReportFormat::Json => to_json(export) + "\n",
        ReportFormat::Markdown => markdown(export, text),
        ReportFormat::Csv => csv(export, text),
        ReportFormat::Oscal => {
            let at = generated_at.unwrap_or_else(|| Timestamp::midnight(export.profile.start_date));
            to_json(&oscal::assessment_results(export, text, at)) + "\n"
        }
    }
}

/// Escapes text for inline Markdown: every punctuation character Markdown or HTML could act on
/// is backslash-escaped, line breaks become spaces.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '>' | '"' | '\'' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// "42 % (Material gaps)", or the band's name (not assessed) for a set with no counted control.
fn scored(text: &CatalogText, score: Option<u8>, b: Band) -> String {
    match score {
        Some(v) => text.fill(
            Phrase::Scored,
            &[("percent", &text.percent(v)), ("band", text.band(b.id()))],
        ),
        None => text.band(b.id()).to_lowercase(),
    }
}

/// "~N person-days" (8 hours a day, at least one).
fn person_days(text: &CatalogText, hours: u32) -> String {
    let days = hours.div_ceil(8).max(1);
    let phrase = if days == 1 {
        Phrase::PersonDay
    } else {
        Phrase::PersonDays
    };
    text.fill(phrase, &[("days", &days.to_string())])
}

/// The line the JSON export carries (`disclaimer`): what this is, and what it is not. The JSON
/// export is language-neutral and keeps it in English; Markdown writes the catalog text's
/// `disclaimer` phrase (the same sentence in English).
pub const DISCLAIMER: &str = "A self-assessment, not an attestation: answers are the organisation's own and nothing was examined by an auditor.";

/// A Markdown summary: readiness by category, blockers, top gaps and timeline, in the language
/// of `text` (headings and sentences are its `report` phrases).
/// A Markdown table's header row, with the columns' names in `text`'s language, and its rule.
fn table_head(md: &mut String, text: &CatalogText, columns: &[Phrase]) {
    for column in columns {
        let _ = write!(md, "| {} ", text.phrase(*column));
    }
    md.push_str("|\n");
    for _ in columns {
        md.push_str("|---");
    }
    md.push_str("|\n");
}

pub fn markdown(export: &Export, text: &CatalogText) -> String {
    let r = export;
    let p = &export.profile;
    let mut md = String::new();
    let org = if p.organization.trim().is_empty() {
        text.phrase(Phrase::Title).to_string()
    } else {
        text.fill(
            Phrase::TitleOf,
            &[("organization", &escape_markdown(p.organization.trim()))],
        )
    };
    let _ = writeln!(md, "# {org}\n");
    let scope: Vec<_> = p.scoped_categories().map(|c| text.category(c)).collect();
    let _ = writeln!(
        md,
        "{}",
        text.fill(
            if r.estimate {
                Phrase::IntroQuick
            } else {
                Phrase::Intro
            },
            &[
                ("catalog", export.catalog.id),
                ("version", export.catalog.version),
                ("startDate", &p.start_date.to_string()),
                ("months", &p.observation_months.to_string()),
                ("categories", &scope.join(", ")),
            ],
        )
    );
    if !p.compliance_owner.trim().is_empty() {
        let _ = writeln!(
            md,
            "{}",
            text.fill(
                Phrase::ComplianceOwner,
                &[("owner", &escape_markdown(p.compliance_owner.trim()))]
            )
        );
    }
    let disclaimer = text.phrase(Phrase::Disclaimer);
    let _ = writeln!(md, "\n_{disclaimer}_");
    let o = &r.readiness.overall;
    let _ = writeln!(
        md,
        "\n**{}:** {}",
        text.phrase(Phrase::OverallLabel),
        text.fill(
            Phrase::Overall,
            &[
                ("design", &scored(text, o.design, o.band)),
                ("operating", &scored(text, o.operating, o.operating_band)),
                ("answered", &text.percent(o.completion.unwrap_or(0))),
            ],
        )
    );
    if r.estimate {
        let _ = writeln!(md, "\n{}", text.phrase(Phrase::QuickNote));
    }
    let unmet: Vec<&str> = o
        .capped_by
        .iter()
        .copied()
        .filter(|id| catalog::criterion(id).is_some())
        .collect();
    if !unmet.is_empty() {
        let _ = writeln!(
            md,
            "\n{}",
            text.fill(Phrase::UnmetCriteria, &[("criteria", &unmet.join(", "))])
        );
    }
    let _ = writeln!(md);
    table_head(
        &mut md,
        text,
        &[
            Phrase::ColumnCategory,
            Phrase::ColumnDesign,
            Phrase::ColumnOperating,
            Phrase::ColumnAnswered,
        ],
    );
    for (id, s) in r.readiness.categories.iter() {
        let title = crate::Category::ALL
            .iter()
            .find(|c| c.id() == id)
            .map_or(id, |c| text.category(*c));
        let answered = s
            .completion
            .map_or_else(|| "–".to_string(), |c| text.percent(c));
        let _ = writeln!(
            md,
            "| {title} | {} | {} | {answered} |",
            scored(text, s.design, s.band),
            scored(text, s.operating, s.operating_band),
        );
    }

    let _ = writeln!(md, "\n## {}\n", text.phrase(Phrase::Blockers));
    if r.blockers.is_empty() {
        let _ = writeln!(md, "{}", text.phrase(Phrase::NoBlockers));
    }
    for b in &r.blockers {
        let reports = text.phrase(if b.blocks == Blocks::Type1 {
            Phrase::BlocksBoth
        } else {
            Phrase::BlocksType2
        });
        let _ = writeln!(
            md,
            "- **{}** (`{}`): {}",
            text.control_by_id(b.control_id).title,
            b.control_id,
            text.fill(
                Phrase::Blocker,
                &[
                    ("state", text.state(b.state.id())),
                    ("reports", reports),
                    ("band", text.band(b.caps_at.id())),
                ],
            )
        );
    }

    let plan = &r.plan;
    let _ = writeln!(md, "\n## {}\n", text.phrase(Phrase::Plan));
    if plan.actions.is_empty() {
        let _ = writeln!(md, "{}", text.phrase(Phrase::PlanEmpty));
    } else {
        let intro = if plan.actions.len() == 1 {
            Phrase::PlanIntroOne
        } else {
            Phrase::PlanIntro
        };
        let _ = writeln!(
            md,
            "{}",
            text.fill(
                intro,
                &[
                    ("actions", &plan.actions.len().to_string()),
                    ("hours", &plan.capacity_hours_per_week.to_string()),
                    ("startDate", &p.start_date.to_string()),
                ],
            )
        );
    }
    let mut window = None;
    for (i, a) in plan.actions.iter().enumerate() {
        if window != Some(a.window) {
            window = Some(a.window);
            let _ = writeln!(md, "\n### {}\n", text.window(a.window.id()));
        }
        let t = text.control_by_id(a.control_id);
        let mut facts = vec![
            text.stage(a.stage.id()).to_string(),
            text.state(a.state.id()).to_string(),
        ];
        if a.critical {
            facts.push(text.phrase(Phrase::Critical).to_string());
        }
        facts.push(person_days(text, a.effort_hours));
        if let Some(owner) = &a.owner {
            facts.push(text.fill(Phrase::Owner, &[("owner", &escape_markdown(owner.trim()))]));
        }
        if let Some(due) = a.due {
            facts.push(text.fill(Phrase::Due, &[("date", &due.to_string())]));
        }
        let after = if a.after.is_empty() {
            String::new()
        } else {
            format!(
                " {}.",
                text.fill(Phrase::After, &[("titles", &after_titles(a, text, "`"))])
            )
        };
        let note = export
            .answers
            .get(a.control_id)
            .map(|n| n.note.trim())
            .filter(|n| !n.is_empty())
            .map(|n| {
                format!(
                    " {}",
                    text.fill(Phrase::Note, &[("note", &escape_markdown(n))])
                )
            })
            .unwrap_or_default();
        let what = if a.kind == GapKind::Design {
            text.fill(
                Phrase::Fix,
                &[("remediation", &t.remediation), ("evidence", &t.evidence)],
            )
        } else {
            text.fill(Phrase::StartRecords, &[("evidence", &t.evidence)])
        };
        let _ = writeln!(
            md,
            "{}. **{}** (`{}`; {}). {what}{after}{note}",
            i + 1,
            t.title,
            a.control_id,
            facts.join(" · ")
        );
    }

    let t = &r.timeline;
    let _ = writeln!(md, "\n## {}\n", text.phrase(Phrase::Timeline));
    table_head(
        &mut md,
        text,
        &[
            Phrase::ColumnReport,
            Phrase::ColumnWeeks,
            Phrase::ColumnReportDate,
        ],
    );
    for (name, plan) in [(Phrase::Type1, &t.type1), (Phrase::Type2, &t.type2)] {
        let _ = writeln!(
            md,
            "| {} | {}–{} | {} |",
            text.phrase(name),
            plan.weeks.low,
            plan.weeks.high,
            text.fill(
                Phrase::DateRange,
                &[
                    ("from", &plan.report_dates.low.to_string()),
                    ("to", &plan.report_dates.high.to_string()),
                ],
            )
        );
    }
    let _ = writeln!(md, "\n{}\n", text.phrase(Phrase::Type2Phases));
    for ph in &t.type2.phases {
        let ends = ph.end_dates(t.start_date);
        let _ = writeln!(
            md,
            "- {}",
            text.fill(
                Phrase::Phase,
                &[
                    ("phase", text.phase(ph.id)),
                    ("fewestWeeks", &ph.weeks.low.to_string()),
                    ("mostWeeks", &ph.weeks.high.to_string()),
                    ("from", &ends.low.to_string()),
                    ("to", &ends.high.to_string()),
                ],
            )
        );
    }
    let _ = writeln!(
        md,
        "\n{}",
        text.fill(
            Phrase::Assumptions,
            &[
                (
                    "weeklyHours",
                    &t.drivers.capacity_hours_per_week.to_string()
                ),
                ("gapHours", &t.drivers.remediation_hours.to_string()),
                ("docHours", &t.drivers.documentation_hours.to_string()),
            ],
        )
    );
    let _ = writeln!(
        md,
        "\n_{} {disclaimer}_",
        text.fill(Phrase::GeneratedBy, &[("generator", export.generator)])
    );
    md
}

/// Writes control characters (C0 and C1, DEL) as visible escapes such as `\u{1b}`, so that text
/// from a document can neither drive a terminal nor hide in a spreadsheet. For a `terminal`,
/// every one of them, and the bidirectional embedding, override and isolate controls too (they
/// reorder what a terminal shows); otherwise (CSV cells) line breaks and tabs stay.
pub fn escape_controls(text: &str, terminal: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let escape = match c {
            '\n' | '\r' | '\t' => terminal,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => terminal,
            c => c.is_control(),
        };
        if escape {
            // `\u{1b}`, written by hand: hexadecimal formatting costs the Wasm module more.
            out.push_str("\\u{");
            let code = u32::from(c);
            let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
            for shift in (0..digits).rev() {
                out.extend(char::from_digit((code >> (shift * 4)) & 0xf, 16));
            }
            out.push('}');
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a spreadsheet could read `text` as a formula: it starts with `=`, `+`, `-` or `@`
/// (or their full-width forms) once leading whitespace (any Unicode whitespace: spaces, NBSP,
/// line breaks) and invisible characters are skipped, which importers often trim; or it starts
/// with a tab or carriage return.
fn formula_like(text: &str) -> bool {
    if text.starts_with(['\t', '\r']) {
        return true;
    }
    let invisible = |c: char| {
        matches!(
            c,
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
    };
    let first = text.chars().find(|c| !c.is_whitespace() && !invisible(*c));
    matches!(
        first,
        Some('=' | '+' | '-' | '@' | '\u{ff1d}' | '\u{ff0b}' | '\u{ff0d}' | '\u{ff20}')
    )
}

/// Makes a cell safe for spreadsheets (formula injection, control characters) and quotes it for
/// CSV (RFC 4180). Line breaks and tabs stay (inside quotes); other control characters become
/// visible escapes.
pub fn csv_cell(text: &str) -> String {
    let text = escape_controls(text, false);
    let neutral = if formula_like(&text) {
        format!("'{text}")
    } else {
        text
    };
    if neutral.contains([',', '"', '\n', '\r']) || neutral != neutral.trim() {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// The titles of the actions `a` waits for, each with its id (`quote` around it: "`" in
/// Markdown): "Disaster recovery plan (continuity.dr-plan)".
fn after_titles(a: &crate::plan::Action, text: &CatalogText, quote: &str) -> String {
    let names: Vec<String> = a
        .after
        .iter()
        .map(|d| format!("{} ({quote}{}{quote})", text.control_by_id(d.0).title, d.0))
        .collect();
    names.join("; ")
}

/// The plan as CSV, one row per action in plan order, with the columns issue trackers import
/// (title, description, owner, due date, priority, labels) and the plan's own. Column names,
/// `priority` (Highest, High, Medium, Low: the names trackers map), `labels`, `category`,
/// `critical` and `gap` are machine values in every language; the other cells are in the
/// language of `text`.
pub fn csv(export: &Export, text: &CatalogText) -> String {
    let mut out = String::from(
        "rank,title,description,owner,due_date,priority,labels,control_id,stage,window,planned_end,section,category,critical,state,gap,effort_hours,criteria,note,source\r\n",
    );
    let start = export.profile.start_date;
    for (i, a) in export.plan.actions.iter().enumerate() {
        let t = text.control_by_id(a.control_id);
        let control = catalog::control(a.control_id);
        let section = control.map_or("", |c| c.section);
        let gap = export.gaps.iter().find(|g| g.control_id == a.control_id);
        let criteria = gap.map(|g| g.criteria.join(" ")).unwrap_or_default();
        let note = export
            .answers
            .get(a.control_id)
            .map_or("", |n| n.note.as_str());
        let evidence = text.fill(Phrase::CsvEvidence, &[("evidence", &t.evidence)]);
        let mut description = if a.kind == GapKind::Design {
            format!(
                "{}\n\n{evidence}\n\n{}",
                t.remediation,
                text.fill(Phrase::CsvWhy, &[("why", &t.why)])
            )
        } else {
            format!("{}\n\n{evidence}", text.phrase(Phrase::CsvInPlace))
        };
        if !a.after.is_empty() {
            description.push_str("\n\n");
            description
                .push_str(&text.fill(Phrase::After, &[("titles", &after_titles(a, text, ""))]));
        }
        let planned_end = start.add_days(i64::from(a.ends_day)).to_string();
        let due = a.due.map_or_else(|| planned_end.clone(), |d| d.to_string());
        let priority = match (a.critical, a.kind == GapKind::Design, a.stage) {
            (true, true, _) => "Highest",
            (true, false, _) | (false, true, Stage::Foundations) => "High",
            (false, true, _) => "Medium",
            (false, false, _) => "Low",
        };
        let labels = format!("soc2 soc2-{} {section} {criteria}", a.stage.id());
        let rank = (i + 1).to_string();
        let hours = a.effort_hours.to_string();
        let row = [
            rank.as_str(),
            &t.title,
            &description,
            a.owner.as_deref().unwrap_or(""),
            &due,
            priority,
            labels.trim_end(),
            a.control_id,
            text.stage(a.stage.id()),
            text.window(a.window.id()),
            &planned_end,
            text.section_title(section),
            control.map_or("", |c| c.category.id()),
            if a.critical { "true" } else { "false" },
            text.state(a.state.id()),
            a.kind.id(),
            &hours,
            &criteria,
            note,
            text.phrase(Phrase::CsvSource),
        ];
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(&csv_cell(cell));
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_keeps_markup_literal() {
        assert_eq!(
            escape_markdown("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert\\(1\\)\\>"
        );
        assert_eq!(
            escape_markdown("[click](javascript:alert(1))"),
            "\\[click\\]\\(javascript\\:alert\\(1\\)\\)"
        );
        assert_eq!(escape_markdown("a\nb|c"), "a b\\|c");
    }

    #[test]
    fn csv_cells_neutralise_formulas_and_quote() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("plain"), "plain");
    }

    #[test]
    fn csv_formulas_behind_whitespace_are_neutralised() {
        for (text, expected) in [
            (" =HYPERLINK(\"x\")", "\"' =HYPERLINK(\"\"x\"\")\""),
            ("\u{a0}=3+3", "'\u{a0}=3+3"),
            ("\n=2+2", "\"'\n=2+2\""),
            ("\r\n@SUM(A1)", "\"'\r\n@SUM(A1)\""),
            ("\u{3000}+1", "'\u{3000}+1"),
            ("\u{2028}-1", "'\u{2028}-1"),
            ("\u{200b}=1", "'\u{200b}=1"),
            ("\u{ff1d}1+1", "'\u{ff1d}1+1"),
            ("  note = fine", "\"  note = fine\""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(csv_cell(text), expected, "{text:?}");
        }
    }

    #[test]
    fn csv_cells_escape_control_characters_but_keep_line_breaks() {
        assert_eq!(csv_cell("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(csv_cell("x\u{0}y\u{85}z\u{7f}"), "x\\u{0}y\\u{85}z\\u{7f}");
        assert_eq!(csv_cell("one\ntwo\tthree"), "\"one\ntwo\tthree\"");
        // An escape sequence cannot smuggle a formula either.
        assert_eq!(csv_cell("\u{1b}=1"), "\\u{1b}=1");
    }

    #[test]
    fn control_escapes_cover_bidi_controls_on_request() {
        assert_eq!(escape_controls("a\u{202e}b", true), "a\\u{202e}b");
        assert_eq!(escape_controls("a\u{202e}b", false), "a\u{202e}b");
        assert_eq!(escape_controls("a\nb\tc", false), "a\nb\tc");
        assert_eq!(escape_controls("a\nb\tc", true), "a\\u{a}b\\u{9}c");
        assert_eq!(escape_controls("\u{1b}\u{85}", false), "\\u{1b}\\u{85}");
    }
}
