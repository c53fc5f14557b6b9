//! Comparing a previous assessment with this one: what moved, overall and per category, criterion
//! and section (Type I and Type II points, bands), which controls improved, regressed, appeared,
//! dropped out or were retired, and how much closer each report got. Both documents are assessed
//! by this build's catalog; a previous export names the catalog version it was made with, and when
//! that differs the comparison says so.
//!
//! Pure, like the rest of the engine: the CLI's `diff` and the page's exports module share it.

use crate::catalog::{self, CatalogText, Control, Phrase};
use crate::date::Date;
use crate::import::{self, ImportError, Warning};
use crate::model::{Document, Mode};
use crate::ordered::OrderedMap;
use crate::score::{Band, Score, State};
use crate::timeline::{Dates, Plan, Weeks};
use crate::{assess, Assessment};
use serde::Serialize;

/// What moved between two assessments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The previous assessment.
    pub before: Snapshot,
    /// This one.
    pub after: Snapshot,
    /// True when the two name different catalog versions (controls may have been added or
    /// retired in between: see `controls`).
    pub catalog_changed: bool,
    pub overall: ScoreChange,
    /// Categories in scope in either assessment, in report order.
    pub categories: OrderedMap<ScoreChange>,
    /// Criteria in scope in either, in catalog order.
    pub criteria: OrderedMap<ScoreChange>,
    /// Sections asked in either, in catalog order.
    pub sections: OrderedMap<ScoreChange>,
    /// Every control whose standing changed, in catalog order; retired ids last.
    pub controls: Vec<ControlChange>,
    pub timeline: TimelineChange,
    /// What import noticed in either document (prefixed `before: ` or `after: `).
    pub warnings: Vec<Warning>,
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub start_date: Date,
    pub mode: Mode,
    /// The catalog version the export was made with; null for a document that names none (a
    /// saved document rather than an export): then it is read as this build's.
    #[schemars(required)]
    pub catalog_version: Option<String>,
    /// Controls answered (inherited ones not counted).
    pub answered: u32,
}

/// A score before and after. Either side is null where it was not in that assessment's results
/// (a category out of scope then); points are null unless both sides have a score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ScoreChange {
    #[schemars(required)]
    pub before: Option<Side>,
    #[schemars(required)]
    pub after: Option<Side>,
    /// Type I points gained (negative: lost).
    #[schemars(required)]
    pub design_points: Option<i16>,
    /// Type II points gained (negative: lost).
    #[schemars(required)]
    pub operating_points: Option<i16>,
    /// True when the Type I or the Type II band changed.
    pub band_changed: bool,
}

/// A score as a comparison shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Side {
    #[schemars(required)]
    pub design: Option<u8>,
    #[schemars(required)]
    pub operating: Option<u8>,
    pub band: Band,
    pub operating_band: Band,
}

/// How a control moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Movement {
    /// More credit now (Type I or Type II) and less of neither.
    Improved,
    /// Less credit now and more of neither.
    Regressed,
    /// Another state with the same credit (planned → not implemented, or to and from not
    /// applicable).
    Changed,
    /// Asked now, not before (a control added to the catalog, or a change of scope or mode).
    Appeared,
    /// Asked before, not now (a change of scope or mode).
    Dropped,
    /// Answered before under an id this catalog no longer has (retired, or from another
    /// catalog): listed, never dropped silently.
    Retired,
}

impl Movement {
    /// The camelCase id used in results.
    pub fn id(self) -> &'static str {
        match self {
            Movement::Improved => "improved",
            Movement::Regressed => "regressed",
            Movement::Changed => "changed",
            Movement::Appeared => "appeared",
            Movement::Dropped => "dropped",
            Movement::Retired => "retired",
        }
    }
}

/// One control that moved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ControlChange {
    pub control_id: String,
    pub change: Movement,
    /// Its state in each assessment; null where it was not asked (for a retired id: the status
    /// it was answered with).
    #[schemars(required)]
    pub before: Option<State>,
    #[schemars(required)]
    pub after: Option<State>,
    /// Design and operating credit gained, in units of 0–2 (negative: lost).
    pub design: i8,
    pub operating: i8,
}

/// How each report's expected date moved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TimelineChange {
    pub type1: ReportChange,
    pub type2: ReportChange,
}

/// A report's plan before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportChange {
    pub weeks_before: Weeks,
    pub weeks_after: Weeks,
    pub report_dates_before: Dates,
    pub report_dates_after: Dates,
    /// Days by which the expected report came closer (negative: moved away), at the low and
    /// the high end of the range.
    pub earlier_by_days: EarlierBy,
}

/// Days earlier at each end of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct EarlierBy {
    pub low: i64,
    pub high: i64,
}

/// Compares two assessment documents (JSON text, read by the import's rules and limits).
/// Errors name the document (`before` or `after`) and the JSON path.
pub fn compare_text(before: &str, after: &str) -> Result<Comparison, ImportError> {
    let side = |name: &str, text: &str| {
        import::import(text)
            .map_err(|e| ImportError {
                path: e.path,
                message: format!("{name}: {}", e.message),
            })
            .map(|imported| (imported, catalog_version(text)))
    };
    let (b, b_version) = side("before", before)?;
    let (a, a_version) = side("after", after)?;
    let mut comparison = compare(&b.document, b_version, &a.document, a_version);
    let warnings = b.warnings.into_iter().map(|w| ("before", w));
    comparison.warnings = warnings
        .chain(a.warnings.into_iter().map(|w| ("after", w)))
        .map(|(name, w)| Warning {
            path: w.path,
            message: format!("{name}: {}", w.message),
        })
        .collect();
    Ok(comparison)
}

/// The catalog version an export names (`catalog.version`), if any.
fn catalog_version(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let crate::json::Json::Object(top) = crate::json::parse(text, import::MAX_DEPTH).ok()? else {
        return None;
    };
    let (_, catalog) = top.iter().find(|(k, _)| k == "catalog")?;
    let crate::json::Json::Object(fields) = catalog else {
        return None;
    };
    match fields.iter().find(|(k, _)| k == "version") {
        Some((_, crate::json::Json::String(v))) => Some(v.chars().take(40).collect()),
        _ => None,
    }
}

/// Compares two documents; `*_version` is the catalog version each export names, if any.
pub fn compare(
    before: &Document,
    before_version: Option<String>,
    after: &Document,
    after_version: Option<String>,
) -> Comparison {
    let (b, a) = (assess(before), assess(after));
    let this = catalog::CATALOG_VERSION;
    let catalog_changed =
        before_version.as_deref().unwrap_or(this) != after_version.as_deref().unwrap_or(this);
    Comparison {
        before: snapshot(before, &b, before_version),
        after: snapshot(after, &a, after_version),
        catalog_changed,
        overall: change(Some(&b.readiness.overall), Some(&a.readiness.overall)),
        categories: union(
            crate::Category::ALL.into_iter().map(crate::Category::id),
            &b.readiness.categories,
            &a.readiness.categories,
        ),
        criteria: union(
            catalog::CRITERIA.iter().map(|c| c.id),
            &b.readiness.criteria,
            &a.readiness.criteria,
        ),
        sections: union(
            catalog::SECTIONS.iter().map(|s| s.id),
            &b.readiness.sections,
            &a.readiness.sections,
        ),
        controls: controls(before, &b, &a),
        timeline: TimelineChange {
            type1: report_change(&b.timeline.type1, &a.timeline.type1),
            type2: report_change(&b.timeline.type2, &a.timeline.type2),
        },
        warnings: Vec::new(),
    }
}

fn snapshot(doc: &Document, r: &Assessment, catalog_version: Option<String>) -> Snapshot {
    let counts = &r.readiness.overall.counts;
    Snapshot {
        start_date: doc.profile.start_date,
        mode: doc.mode,
        catalog_version,
        answered: counts.answered.saturating_sub(counts.inherited),
    }
}

fn side(s: &Score) -> Side {
    Side {
        design: s.design,
        operating: s.operating,
        band: s.band,
        operating_band: s.operating_band,
    }
}

fn points(before: Option<u8>, after: Option<u8>) -> Option<i16> {
    Some(i16::from(after?) - i16::from(before?))
}

fn change(before: Option<&Score>, after: Option<&Score>) -> ScoreChange {
    let (b, a) = (before.map(side), after.map(side));
    let get = |s: &Option<Side>, f: fn(&Side) -> Option<u8>| s.as_ref().and_then(f);
    ScoreChange {
        design_points: points(get(&b, |s| s.design), get(&a, |s| s.design)),
        operating_points: points(get(&b, |s| s.operating), get(&a, |s| s.operating)),
        band_changed: b.as_ref().map(|s| (s.band, s.operating_band))
            != a.as_ref().map(|s| (s.band, s.operating_band)),
        before: b,
        after: a,
    }
}

/// Every key of either map, in `order` (the catalog's order of that kind of key).
fn union(
    order: impl Iterator<Item = &'static str>,
    before: &OrderedMap<Score>,
    after: &OrderedMap<Score>,
) -> OrderedMap<ScoreChange> {
    order
        .filter_map(|k| {
            let (b, a) = (before.get(k), after.get(k));
            (b.is_some() || a.is_some()).then(|| (k, change(b, a)))
        })
        .collect()
}

fn controls(before_doc: &Document, b: &Assessment, a: &Assessment) -> Vec<ControlChange> {
    let mut changes: Vec<ControlChange> = catalog::controls()
        .iter()
        .filter_map(|c: &Control| {
            let (sb, sa) = (b.standings.get(c.id), a.standings.get(c.id));
            let design = sa.map_or(0, |s| s.design as i8) - sb.map_or(0, |s| s.design as i8);
            let operating =
                sa.map_or(0, |s| s.operating as i8) - sb.map_or(0, |s| s.operating as i8);
            let change = match (sb, sa) {
                (None, None) => return None,
                (None, Some(_)) => Movement::Appeared,
                (Some(_), None) => Movement::Dropped,
                (Some(x), Some(y)) => {
                    if (design > 0 && operating >= 0) || (design == 0 && operating > 0) {
                        Movement::Improved
                    } else if (design < 0 && operating <= 0) || (design == 0 && operating < 0) {
                        Movement::Regressed
                    } else if x.state != y.state || design != 0 {
                        Movement::Changed
                    } else {
                        return None;
                    }
                }
            };
            Some(ControlChange {
                control_id: c.id.to_string(),
                change,
                before: sb.map(|s| s.state),
                after: sa.map(|s| s.state),
                design,
                operating,
            })
        })
        .collect();
    // Answers to ids this catalog does not know: retired (or from another catalog).
    changes.extend(
        catalog::positions_in(&before_doc.answers)
            .filter(|(_, position, _)| position.is_none())
            .map(|(id, _, answer)| ControlChange {
                control_id: id.to_string(),
                change: Movement::Retired,
                before: Some(answered_state(answer.status)),
                after: None,
                design: 0,
                operating: 0,
            }),
    );
    changes
}

fn report_change(before: &Plan, after: &Plan) -> ReportChange {
    let days = |b: Date, a: Date| b.to_days() - a.to_days();
    ReportChange {
        weeks_before: before.weeks,
        weeks_after: after.weeks,
        report_dates_before: before.report_dates,
        report_dates_after: after.report_dates,
        earlier_by_days: EarlierBy {
            low: days(before.report_dates.low, after.report_dates.low),
            high: days(before.report_dates.high, after.report_dates.high),
        },
    }
}

/// The state an answer's status gives (as scoring reads it), for ids the catalog no longer has.
fn answered_state(status: crate::model::Status) -> State {
    use crate::model::Status;
    match status {
        Status::Implemented => State::Implemented,
        Status::Partial => State::Partial,
        Status::Planned => State::Planned,
        Status::NotImplemented => State::NotImplemented,
        Status::NotApplicable => State::NotApplicable,
    }
}

/// The formats a comparison is written in (the CLI's `diff --format`, the page's downloads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareFormat {
    Json,
    Markdown,
    Csv,
}

impl CompareFormat {
    /// The format named `name` (`md` for Markdown too).
    pub fn parse(name: &str) -> Result<CompareFormat, ImportError> {
        match name {
            "json" => Ok(CompareFormat::Json),
            "markdown" | "md" => Ok(CompareFormat::Markdown),
            "csv" => Ok(CompareFormat::Csv),
            _ => Err(ImportError {
                path: "format".into(),
                message: format!(
                    "unknown format `{}`; use json, markdown or csv",
                    crate::report::escape_controls(
                        &name.chars().take(40).collect::<String>(),
                        true
                    )
                ),
            }),
        }
    }
}

/// Writes `comparison` in `format`, ending with a line break.
pub fn render(format: CompareFormat, comparison: &Comparison, text: &CatalogText) -> String {
    match format {
        CompareFormat::Json => crate::to_json(comparison) + "\n",
        CompareFormat::Markdown => markdown(comparison, text),
        CompareFormat::Csv => csv(comparison, text),
    }
}

/// "38 % → 52 % (+14)", "– → 40 %" where a side has no score.
fn moved(text: &CatalogText, before: Option<u8>, after: Option<u8>, points: Option<i16>) -> String {
    let pct = |v: Option<u8>| v.map_or_else(|| "–".to_string(), |v| text.percent(v));
    match points {
        Some(0) => format!("{} → {} (±0)", pct(before), pct(after)),
        Some(p) => format!("{} → {} ({p:+})", pct(before), pct(after)),
        None => format!("{} → {}", pct(before), pct(after)),
    }
}

fn type1(text: &CatalogText, c: &ScoreChange) -> String {
    let get = |s: &Option<Side>| s.as_ref().and_then(|s| s.design);
    moved(text, get(&c.before), get(&c.after), c.design_points)
}

fn type2(text: &CatalogText, c: &ScoreChange) -> String {
    let get = |s: &Option<Side>| s.as_ref().and_then(|s| s.operating);
    moved(text, get(&c.before), get(&c.after), c.operating_points)
}

fn band_text(text: &CatalogText, s: &Option<Side>, operating: bool) -> String {
    s.as_ref().map_or_else(
        || text.phrase(Phrase::NotInScope).to_string(),
        |s| {
            text.band(if operating { s.operating_band } else { s.band }.id())
                .to_string()
        },
    )
}

/// "Not ready → Material gaps", or "Not ready, unchanged".
fn bands(text: &CatalogText, c: &ScoreChange, operating: bool) -> String {
    let (b, a) = (
        band_text(text, &c.before, operating),
        band_text(text, &c.after, operating),
    );
    if a == b {
        text.fill(Phrase::Unchanged, &[("band", &a)])
    } else {
        format!("{b} → {a}")
    }
}

/// An id inside a Markdown code span: code spans take no escapes, so a backtick in an id from
/// a document (a retired id is the user's text) becomes a quote, and control characters go.
fn code_id(id: &str) -> String {
    crate::report::escape_controls(&id.replace('`', "'"), false)
}

/// The title of a control id, or the id itself for one the catalog no longer has.
fn title<'a>(text: &'a CatalogText, id: &'a str) -> &'a str {
    catalog::position(id).map_or(id, |p| text.control(p).title.as_str())
}

fn state_text(text: &CatalogText, state: Option<State>) -> &str {
    state.map_or(text.phrase(Phrase::NotAsked), |s| text.state(s.id()))
}

/// A "Since <date>" section for Markdown reports, in the language of `text`.
pub fn markdown(c: &Comparison, text: &CatalogText) -> String {
    use std::fmt::Write;
    let mut md = String::new();
    let version = |s: &Snapshot| {
        s.catalog_version
            .as_deref()
            .unwrap_or(catalog::CATALOG_VERSION)
            .to_string()
    };
    let since = c.before.start_date.to_string();
    let _ = writeln!(md, "## {}\n", text.fill(Phrase::Since, &[("date", &since)]));
    let _ = writeln!(
        md,
        "{}",
        text.fill(
            Phrase::ComparedWith,
            &[
                ("beforeDate", &since),
                ("beforeAnswered", &c.before.answered.to_string()),
                ("beforeCatalog", &version(&c.before)),
                ("afterDate", &c.after.start_date.to_string()),
                ("afterAnswered", &c.after.answered.to_string()),
                ("afterCatalog", &version(&c.after)),
            ],
        )
    );
    if c.catalog_changed {
        let _ = writeln!(md, "\n{}", text.phrase(Phrase::CatalogChanged));
    }
    let o = &c.overall;
    let _ = writeln!(
        md,
        "\n**{}:** {}\n",
        text.phrase(Phrase::OverallLabel),
        text.fill(
            Phrase::CompareOverall,
            &[
                ("type1", &type1(text, o)),
                ("type1Bands", &bands(text, o, false)),
                ("type2", &type2(text, o)),
                ("type2Bands", &bands(text, o, true)),
            ],
        )
    );
    let table = |md: &mut String, head: Phrase, rows: Vec<(String, &ScoreChange)>| {
        let _ = writeln!(
            md,
            "| {} | {} | {} |\n|---|---|---|",
            text.phrase(head),
            text.phrase(Phrase::Type1),
            text.phrase(Phrase::Type2)
        );
        for (name, ch) in rows {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                crate::report::escape_markdown(&name),
                type1(text, ch),
                type2(text, ch)
            );
        }
    };
    table(
        &mut md,
        Phrase::ColumnCategory,
        c.categories
            .iter()
            .map(|(id, ch)| {
                let name = crate::Category::ALL
                    .into_iter()
                    .find(|k| k.id() == id)
                    .map_or(id, |k| text.category(k));
                (name.to_string(), ch)
            })
            .collect(),
    );
    let moving = |ch: &ScoreChange| {
        ch.band_changed
            || ch.design_points.is_some_and(|p| p != 0)
            || ch.operating_points.is_some_and(|p| p != 0)
            || ch.before.is_none() != ch.after.is_none()
    };
    let sections: Vec<(String, &ScoreChange)> = c
        .sections
        .iter()
        .filter(|(_, ch)| moving(ch))
        .map(|(id, ch)| {
            let name = catalog::SECTIONS
                .iter()
                .find(|s| s.id == id)
                .map_or(id, |s| text.section(s));
            (name.to_string(), ch)
        })
        .collect();
    if !sections.is_empty() {
        let _ = writeln!(md, "\n### {}\n", text.phrase(Phrase::AreasMoved));
        table(&mut md, Phrase::ColumnArea, sections);
    }
    let criteria: Vec<(String, &ScoreChange)> = c
        .criteria
        .iter()
        .filter(|(_, ch)| moving(ch))
        .map(|(id, ch)| {
            let name = catalog::CRITERIA
                .iter()
                .find(|k| k.id == id)
                .map_or(id.to_string(), |k| {
                    format!("{id} {}", text.criterion(k).title)
                });
            (name, ch)
        })
        .collect();
    if !criteria.is_empty() {
        let _ = writeln!(md, "\n### {}\n", text.phrase(Phrase::CriteriaMoved));
        table(&mut md, Phrase::ColumnCriterion, criteria);
    }
    let _ = writeln!(md, "\n### {}\n", text.phrase(Phrase::Controls));
    if c.controls.is_empty() {
        let _ = writeln!(md, "{}", text.phrase(Phrase::NoControlMoved));
    }
    for (movement, heading) in [
        (Movement::Improved, Phrase::MovedImproved),
        (Movement::Regressed, Phrase::MovedRegressed),
        (Movement::Changed, Phrase::MovedChanged),
        (Movement::Appeared, Phrase::MovedAppeared),
        (Movement::Dropped, Phrase::MovedDropped),
        (Movement::Retired, Phrase::MovedRetired),
    ] {
        let items: Vec<&ControlChange> =
            c.controls.iter().filter(|x| x.change == movement).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(md, "**{} ({}):**\n", text.phrase(heading), items.len());
        for x in items {
            let _ = writeln!(
                md,
                "- **{}** (`{}`): {} → {}",
                crate::report::escape_markdown(title(text, &x.control_id)),
                code_id(&x.control_id),
                state_text(text, x.before),
                after_text(text, x),
            );
        }
        md.push('\n');
    }
    let _ = writeln!(md, "### {}\n", text.phrase(Phrase::Timeline));
    for (name, r) in [
        (Phrase::Type1Report, &c.timeline.type1),
        (Phrase::Type2Report, &c.timeline.type2),
    ] {
        let closer = |d: i64| {
            let (phrase, days) = match d {
                0 => return text.phrase(Phrase::NoChange).to_string(),
                1 => (Phrase::DayEarlier, 1),
                -1 => (Phrase::DayLater, 1),
                d if d > 0 => (Phrase::DaysEarlier, d),
                d => (Phrase::DaysLater, -d),
            };
            text.fill(phrase, &[("days", &days.to_string())])
        };
        let weeks = |w: &Weeks| format!("{}–{}", w.low, w.high);
        let _ = writeln!(
            md,
            "- {}",
            text.fill(
                Phrase::ReportMoved,
                &[
                    ("report", text.phrase(name)),
                    ("beforeFrom", &r.report_dates_before.low.to_string()),
                    ("beforeTo", &r.report_dates_before.high.to_string()),
                    ("afterFrom", &r.report_dates_after.low.to_string()),
                    ("afterTo", &r.report_dates_after.high.to_string()),
                    ("early", &closer(r.earlier_by_days.low)),
                    ("late", &closer(r.earlier_by_days.high)),
                    ("weeksBefore", &weeks(&r.weeks_before)),
                    ("weeksAfter", &weeks(&r.weeks_after)),
                ],
            )
        );
    }
    md
}

/// A control's state now: its label, "not asked", or "retired" for an id this catalog no longer
/// has.
fn after_text<'a>(text: &'a CatalogText, x: &ControlChange) -> &'a str {
    if x.change == Movement::Retired {
        text.phrase(Phrase::Retired)
    } else {
        state_text(text, x.after)
    }
}

/// One row per control that moved, with a change column. Column names and `change` (the
/// movement's id) are machine values in every language; titles, sections and states follow the
/// language of `text`.
pub fn csv(c: &Comparison, text: &CatalogText) -> String {
    use crate::report::csv_cell;
    let mut out = String::from(
        "control_id,title,section,change,before,after,design_change,operating_change,since,source\r\n",
    );
    let since = c.before.start_date.to_string();
    for x in &c.controls {
        let section = catalog::control(&x.control_id)
            .and_then(|k| catalog::SECTIONS.iter().find(|s| s.id == k.section))
            .map_or("", |s| text.section(s));
        let row = [
            x.control_id.as_str(),
            title(text, &x.control_id),
            section,
            x.change.id(),
            state_text(text, x.before),
            after_text(text, x),
            &x.design.to_string(),
            &x.operating.to_string(),
            &since,
            text.phrase(Phrase::CompareCsvSource),
        ];
        out.push_str(
            &row.iter()
                .map(|v| csv_cell(v))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}
