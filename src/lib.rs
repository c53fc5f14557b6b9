//! soc2-readiness: a SOC 2 readiness self-assessment engine for API companies.
//!
//! The engine is pure: a [`Document`] (scoping profile and answers, start date included) goes in,
//! an [`Assessment`] (readiness, blockers, gaps, timeline) comes out. No I/O, no clock, no
//! randomness, so the same input gives byte-identical output natively and in WebAssembly.
//! See `ARCHITECTURE.md` for the map.

pub mod catalog;
pub mod compare;
pub mod date;
pub mod import;
pub mod json;
pub mod model;
mod ordered;
pub mod oscal;
pub mod plan;
pub mod report;
pub mod schema;
pub mod score;
pub mod share;
pub mod summary;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use date::Date;
pub use import::{import, ImportError, Imported, Warning};
pub use model::{Answer, Category, Document, Mode, Profile, Status};
pub use ordered::{Id, OrderedMap};

use serde::Serialize;

/// Catalog identity recorded in every export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CatalogRef {
    pub id: &'static str,
    pub version: &'static str,
}

impl CatalogRef {
    /// This build's catalog.
    pub fn this() -> CatalogRef {
        CatalogRef {
            id: catalog::CATALOG_ID,
            version: catalog::CATALOG_VERSION,
        }
    }
}

/// Everything computed from a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// True in quick mode: scores cover only the key questions and are an estimate.
    pub estimate: bool,
    pub readiness: score::Readiness,
    /// Where each asked control stands (state and credits), keyed by control id in catalog
    /// order: the engine's verdict, so the page never re-derives a rule.
    pub standings: OrderedMap<score::Standing>,
    pub blockers: Vec<score::Blocker>,
    pub gaps: Vec<score::Gap>,
    /// Every gap as an action, in the order to work through them (`plan` module).
    pub plan: plan::ActionPlan,
    pub timeline: timeline::Timeline,
    /// Answers that were kept but not scored, and similar notices.
    pub warnings: Vec<Warning>,
}

/// Assesses `doc`: readiness, blockers, ranked gaps and timeline.
pub fn assess(doc: &Document) -> Assessment {
    let Scored {
        evaluated,
        readiness,
        blockers,
        gaps,
        plan,
        timeline,
    } = Scored::of(doc, true);
    Assessment {
        estimate: doc.mode == Mode::Quick,
        standings: score::standings(&evaluated),
        blockers,
        plan,
        gaps,
        warnings: answer_warnings(doc),
        readiness,
        timeline,
    }
}

/// The results the summary needs, computed one way for both the full results ([`assess`]) and
/// the summary alone ([`summary::summarize`], what the session computes for every change).
pub(crate) struct Scored {
    pub evaluated: score::Evaluation,
    pub readiness: score::Readiness,
    pub blockers: Vec<score::Blocker>,
    pub gaps: Vec<score::Gap>,
    pub plan: plan::ActionPlan,
    pub timeline: timeline::Timeline,
}

impl Scored {
    /// Scores `doc`. Without `every_cap_named`, only the overall and category scores name what
    /// caps them (all the summary shows; see `score::readiness`).
    pub(crate) fn of(doc: &Document, every_cap_named: bool) -> Scored {
        let evaluated = score::evaluate(doc);
        let gaps = score::gaps(doc, &evaluated);
        Scored {
            readiness: score::readiness(doc, &evaluated, every_cap_named),
            blockers: score::blockers(&evaluated),
            plan: plan::plan(doc, &gaps),
            timeline: timeline::estimate(doc, &evaluated),
            gaps,
            evaluated,
        }
    }
}

/// Answers the engine keeps but does not score.
pub(crate) fn answer_warnings(doc: &Document) -> Vec<Warning> {
    catalog::positions_in(&doc.answers)
        .filter_map(|(id, position, answer)| {
            let message = match position.and_then(|p| catalog::controls().get(p)) {
                None => format!(
                    "no control `{}` in catalog {}; the answer is kept but not scored (retired or from another catalog)",
                    id,
                    catalog::CATALOG_VERSION
                ),
                Some(c) if answer.status == Status::NotApplicable && !c.allows_not_applicable => {
                    "this control cannot be marked not applicable; it counts as not in place".into()
                }
                Some(_) => return None,
            };
            Some(Warning { path: import::answer_path(id), message })
        })
        .chain(
            catalog::positions_in(&doc.assignments)
                .filter(|(_, position, _)| position.is_none())
                .map(|(id, _, _)| Warning {
                    path: import::assignment_path(id),
                    message: format!(
                        "no control `{id}` in catalog {}; the owner and date are kept but in no plan",
                        catalog::CATALOG_VERSION
                    ),
                }),
        )
        .collect()
}

/// An exported assessment: the document, the catalog it was answered against, and the results.
/// Import reads the document part and recomputes everything else. Serialised through
/// [`ExportRef`], the one list of its fields, which the Wasm session also writes straight from
/// its document and results (no copies).
#[derive(Clone, Debug, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: u32,
    pub mode: Mode,
    pub profile: Profile,
    pub answers: model::IdMap<Answer>,
    #[serde(skip_serializing_if = "model::Assignments::is_empty")]
    pub assignments: model::Assignments,
    pub catalog: CatalogRef,
    /// Tool and version that computed the results.
    pub generator: &'static str,
    /// What the results are and are not: a self-assessment, not an attestation.
    pub disclaimer: &'static str,
    // The results, field by field (`Export::with_results` takes them from an `Assessment`):
    // written out rather than `#[serde(flatten)]`, which costs the Wasm module 0.7 KB gzipped.
    /// True in quick mode: scores cover only the key questions and are an estimate.
    pub estimate: bool,
    pub readiness: score::Readiness,
    /// Where each asked control stands, keyed by control id in catalog order.
    pub standings: OrderedMap<score::Standing>,
    pub blockers: Vec<score::Blocker>,
    pub gaps: Vec<score::Gap>,
    pub plan: plan::ActionPlan,
    pub timeline: timeline::Timeline,
    /// Answers that were kept but not scored, and similar notices.
    pub warnings: Vec<Warning>,
}

/// An export by reference: the document's and the results' parts, borrowed, in the export's field
/// order. What `Export` serialises as.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportRef<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: u32,
    mode: Mode,
    profile: &'a Profile,
    answers: &'a model::IdMap<Answer>,
    #[serde(skip_serializing_if = "model::Assignments::is_empty")]
    assignments: &'a model::Assignments,
    catalog: CatalogRef,
    generator: &'static str,
    disclaimer: &'static str,
    estimate: bool,
    readiness: &'a score::Readiness,
    standings: &'a OrderedMap<score::Standing>,
    blockers: &'a [score::Blocker],
    gaps: &'a [score::Gap],
    plan: &'a plan::ActionPlan,
    timeline: &'a timeline::Timeline,
    warnings: &'a [Warning],
}

impl<'a> ExportRef<'a> {
    /// The export of `doc` with `results` (which must be `assess(doc)`), by reference.
    pub fn new(doc: &'a Document, results: &'a Assessment) -> ExportRef<'a> {
        ExportRef {
            schema: model::SCHEMA_URL,
            version: doc.version,
            mode: doc.mode,
            profile: &doc.profile,
            answers: &doc.answers,
            assignments: &doc.assignments,
            catalog: CatalogRef::this(),
            generator: GENERATOR,
            disclaimer: report::DISCLAIMER,
            estimate: results.estimate,
            readiness: &results.readiness,
            standings: &results.standings,
            blockers: &results.blockers,
            gaps: &results.gaps,
            plan: &results.plan,
            timeline: &results.timeline,
            warnings: &results.warnings,
        }
    }
}

impl Serialize for Export {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ExportRef {
            schema: self.schema,
            version: self.version,
            mode: self.mode,
            profile: &self.profile,
            answers: &self.answers,
            assignments: &self.assignments,
            catalog: self.catalog.clone(),
            generator: self.generator,
            disclaimer: self.disclaimer,
            estimate: self.estimate,
            readiness: &self.readiness,
            standings: &self.standings,
            blockers: &self.blockers,
            gaps: &self.gaps,
            plan: &self.plan,
            timeline: &self.timeline,
            warnings: &self.warnings,
        }
        .serialize(serializer)
    }
}

/// The generator string recorded in exports.
pub const GENERATOR: &str = concat!("soc2-readiness ", env!("CARGO_PKG_VERSION"));

impl Export {
    /// Assesses `doc` and bundles document and results.
    pub fn new(doc: Document) -> Export {
        let results = assess(&doc);
        Export::with_results(doc, results)
    }

    /// Bundles `doc` with `results`, which must be `assess(&doc)`.
    pub fn with_results(doc: Document, results: Assessment) -> Export {
        let Assessment {
            estimate,
            readiness,
            standings,
            blockers,
            gaps,
            plan,
            timeline,
            warnings,
        } = results;
        Export {
            schema: model::SCHEMA_URL,
            version: doc.version,
            mode: doc.mode,
            profile: doc.profile,
            answers: doc.answers,
            assignments: doc.assignments,
            catalog: CatalogRef::this(),
            generator: GENERATOR,
            disclaimer: report::DISCLAIMER,
            estimate,
            readiness,
            standings,
            blockers,
            gaps,
            plan,
            timeline,
            warnings,
        }
    }
}

/// Imports `text` and assesses it; import warnings come first in `warnings`.
pub fn assess_text(text: &str) -> Result<Export, ImportError> {
    Ok(assess_imported(import::import(text)?))
}

/// Imports a file's bytes ([`import::import_bytes`]: UTF-8, a leading BOM skipped) and assesses
/// them; import warnings come first in `warnings`.
pub fn assess_bytes(bytes: &[u8]) -> Result<Export, ImportError> {
    Ok(assess_imported(import::import_bytes(bytes)?))
}

fn assess_imported(Imported { document, warnings }: Imported) -> Export {
    let mut export = Export::new(document);
    let mut all = warnings;
    all.append(&mut export.warnings);
    export.warnings = all;
    export
}

/// Serialises to pretty JSON. Serialising these types cannot fail (string keys, finite numbers).
pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The catalog as JSON (what the web UI renders from).
#[cfg(not(target_arch = "wasm32"))]
pub fn catalog_json() -> String {
    catalog::CATALOG_JSON.to_string()
}
