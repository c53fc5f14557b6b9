//! The WebAssembly boundary, built twice from this one module (README "Performance" has the
//! measurements that led here):
//!
//! - the **engine** (`soc2_readiness_bg.wasm`, default features): a [`Session`] that owns the
//!   assessment document and takes small typed changes (`setAnswer`, `setProfile`, `setMode`), as
//!   biome's `Workspace` and oxc's `Oxc` take file changes, each returning the recomputed results;
//! - the **exports** (`soc2_readiness_exports_bg.wasm`, feature `exports`): `render` and
//!   `oscalSet`, loaded by the page only when a user exports (Markdown, CSV, OSCAL and their
//!   catalog text are a third of the engine's size and most visitors never export).
//!
//! The design card's packages, each where it is the right tool:
//! - **serde-wasm-bindgen** writes every result as a plain typed JS object (no JSON text to
//!   parse per click), and in the exports module reads the catalog text the page hands it;
//! - **js-sys** supplies the JS types the boundary needs: `JSON.stringify` of a host's object
//!   (read then by the same rules as a file) and of the document the session saves;
//! - **web-sys** gives the session the browser's console, where it reports what reading an
//!   assessment noticed (answers kept but not scored, ignored fields) for whoever embeds the page.
//!   Storage itself stays in the page (www/storage.js: keys, rescue, other tabs), which hands the
//!   session the saved text and saves `documentText()`: one reader for files and saved state.
//!
//! Inputs arrive as wasm-bindgen primitives (an id, a status, a note) or as text read by the
//! import's own reader, never through serde-wasm-bindgen's deserializer in the engine module:
//! measured, that deserializer (with the float formatting its messages pull in) would add
//! 28 KB gzipped to a module with a 60 KB budget.
//!
//! Nothing here panics, and only the constructor throws (a programmer's invalid date): every
//! method returns `{ ok: true, value }` or `{ ok: false, error: { path, message } }`.

use crate::import::ImportError;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The values' types come from the Rust types' JSON Schema (scripts/types.mjs writes
/// `soc2_readiness_types.d.ts` beside the modules); the functions below name them.
#[wasm_bindgen(typescript_custom_section)]
const TS_OUTCOME: &str = r#"
import type { Assessment, AssessmentDocument, CatalogText, Comparison, Export, ImportError, Limits, Mode, OscalFile, Profile, SharedText, Status, Summary, Warning } from './soc2_readiness_types';
export type * from './soc2_readiness_types';
/** Result of every call: a value, or an error naming the JSON path of the problem. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ImportError };
"#;

/// `value` as a plain JS value: objects for maps, `null` for missing values.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// The outcome object every function returns: `{ok: true, value}` or `{ok: false, error}`.
fn outcome<T: Serialize>(result: Result<T, ImportError>) -> JsValue {
    outcome_object(result.map(|value| to_js(&value)))
}

// A plain object's properties read and set as `object[key]` (as serde-wasm-bindgen sets them):
// `Reflect.set` goes through V8's slow path, and took four times as long (measured with
// Chromium's profiler on the summary writer).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Object)]
    type Properties;
    #[wasm_bindgen(method, indexing_getter)]
    fn get(this: &Properties, key: &JsValue) -> JsValue;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Properties, key: &JsValue, value: &JsValue);
}

/// A property name as JS: `Id` serialises through serde-wasm-bindgen's cache of static strings,
/// so each name is decoded once per page rather than on every call.
fn key(name: &'static str) -> JsValue {
    to_js(&crate::ordered::Id(name))
}

/// [`outcome`]'s object, built once for every value type (a serde struct generic over the
/// value cost the module a serialiser per type).
fn outcome_object(result: Result<JsValue, ImportError>) -> JsValue {
    let object: Properties = js_sys::Object::new().unchecked_into();
    let (ok, name, value) = match result {
        Ok(value) => (true, "value", value),
        Err(error) => (false, "error", to_js(&error)),
    };
    object.set(&key("ok"), &ok.into());
    object.set(&key(name), &value);
    object.into()
}

fn error(path: impl Into<String>, message: impl Into<String>) -> ImportError {
    ImportError {
        path: path.into(),
        message: message.into(),
    }
}

#[cfg(not(feature = "exports"))]
pub use engine::*;

#[cfg(not(feature = "exports"))]
mod engine {
    use super::{error, outcome, outcome_object, to_js};
    use crate::import::{self, answer_path, ImportError};
    use crate::model::{Answer, Assignment, Mode, Status, LIMITS_JSON};
    use crate::summary::summarize;
    use crate::{answer_warnings, assess, Date, Document, ExportRef, Warning};
    use wasm_bindgen::prelude::*;

    /// A host's value as JSON text: strings as they are, anything else through
    /// `JSON.stringify`; what cannot be written as JSON is an error saying what it was.
    fn json_text(value: &JsValue) -> Result<String, ImportError> {
        if let Some(text) = value.as_string() {
            return Ok(text);
        }
        let expected = "expected an assessment document (an object or JSON text)";
        if value.is_undefined() {
            return Err(error("$", format!("{expected}, got undefined")));
        }
        match js_sys::JSON::stringify(value) {
            Ok(text) => text.as_string().ok_or_else(|| {
                error(
                    "$",
                    format!(
                        "{expected}, got a {}",
                        String::from(js_sys::JsString::from(value.js_typeof()))
                    ),
                )
            }),
            Err(e) => Err(error(
                "$",
                format!(
                    "the assessment cannot be written as JSON ({})",
                    e.dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                        .unwrap_or_default()
                ),
            )),
        }
    }

    /// Writing a summary to JS when the previous one is already there: a change rewrites only
    /// the parts that differ, and the new object shares the rest with the previous summary.
    /// An answer changes a few of a summary's some 550 values (its category, section and
    /// criteria, the plan's head, the timeline's hours), and writing all of them was half of an
    /// answer's cost (README "Performance"). Every summary handed out is a new object; the
    /// objects it shares with earlier ones are never changed afterwards.
    ///
    /// The property names below are the summary's serde names; the wasm test
    /// `a_summary_written_by_changes_equals_the_summary_written_whole` holds them to it (same
    /// JSON, key order included, after any sequence of changes).
    mod written {
        use super::to_js;
        use crate::ordered::OrderedMap;
        use crate::summary::Summary;
        use crate::wasm::{key, Properties};
        use js_sys::Object;
        use serde::Serialize;
        use wasm_bindgen::prelude::*;

        /// A summary as last written to JS.
        pub(super) struct Written {
            summary: Summary,
            object: JsValue,
            /// The JS value of each criterion's and each section's entry, aligned with the
            /// summary's maps: a changed map is built anew from them (a copy of the old map
            /// object is slower: V8 keeps objects of that many keys as dictionaries, and
            /// `Object.assign` of the criteria's took 19 µs in Chromium, measured).
            criteria: Vec<JsValue>,
            sections: Vec<JsValue>,
        }

        /// A copy of the small object `previous` (none: an empty object) with the properties in
        /// `changed` set.
        fn with(previous: &JsValue, changed: Vec<(&'static str, JsValue)>) -> JsValue {
            let object: Properties = Object::new().unchecked_into();
            if previous.is_object() {
                Object::assign(&object, previous.unchecked_ref());
            }
            for (name, value) in changed {
                object.set(&key(name), &value);
            }
            object.into()
        }

        fn property(object: &JsValue, name: &'static str) -> JsValue {
            if object.is_object() {
                object.unchecked_ref::<Properties>().get(&key(name))
            } else {
                JsValue::UNDEFINED
            }
        }

        /// A map built from `values`, each entry's JS value, after writing the entries that
        /// changed since `old` (all of them when the keys are not the same: an answer never
        /// changes which criteria or sections are in scope).
        fn map<T: Serialize + PartialEq>(
            new: &OrderedMap<T>,
            old: Option<&OrderedMap<T>>,
            values: &mut Vec<JsValue>,
        ) -> JsValue {
            let same_keys = |old: &&OrderedMap<T>| {
                old.len() == new.len()
                    && values.len() == new.len()
                    && new
                        .iter()
                        .zip(old.iter())
                        .all(|((a, _), (b, _))| std::ptr::eq(a, b))
            };
            match old.filter(same_keys) {
                Some(old) => {
                    for (((_, value), (_, was)), js) in
                        new.iter().zip(old.iter()).zip(values.iter_mut())
                    {
                        if value != was {
                            *js = to_js(value);
                        }
                    }
                }
                None => *values = new.iter().map(|(_, value)| to_js(value)).collect(),
            }
            let object: Properties = Object::new().unchecked_into();
            for ((name, _), value) in new.iter().zip(values.iter()) {
                object.set(&key(name), value);
            }
            object.into()
        }

        /// Adds `$name: $write` to `$list` when field `$field` of `$new` differs from `$old`'s
        /// (always when there is no `$old`).
        macro_rules! part {
            ($list:ident, $new:ident, $old:ident, $name:literal, $field:ident, $write:expr) => {
                if $old.map_or(true, |old| $new.$field != old.$field) {
                    $list.push(($name, $write));
                }
            };
        }

        impl Written {
            /// `summary` written whole.
            pub(super) fn new(summary: Summary) -> Written {
                let mut written = Written {
                    summary,
                    object: JsValue::UNDEFINED,
                    criteria: Vec::new(),
                    sections: Vec::new(),
                };
                written.object = written.write(None);
                written
            }

            /// The summary as last written.
            pub(super) fn object(&self) -> JsValue {
                self.object.clone()
            }

            /// Writes `summary`, sharing what did not change with the previous one.
            pub(super) fn update(&mut self, summary: Summary) {
                let old = std::mem::replace(&mut self.summary, summary);
                self.object = self.write(Some(&old));
            }

            /// `self.summary` as a JS object, sharing what did not change since `old` with
            /// `self.object` (with no `old`, all of it is written).
            fn write(&mut self, old: Option<&Summary>) -> JsValue {
                let (new, old_js) = (&self.summary, &self.object);
                let mut changed = Vec::new();
                let part = |name| property(old_js, name);
                part!(changed, new, old, "estimate", estimate, new.estimate.into());
                // The headlines change with nearly every answer: written without comparing to the
                // previous ones. A category's headline equal to the overall one (Security alone in
                // scope, the default) is the same JS object.
                let overall = to_js(&new.overall);
                let categories: Properties = Object::new().unchecked_into();
                for (id, headline) in new.categories.iter() {
                    let same = *headline == new.overall;
                    categories.set(
                        &key(id),
                        &if same {
                            overall.clone()
                        } else {
                            to_js(headline)
                        },
                    );
                }
                changed.push(("overall", overall));
                changed.push(("categories", categories.into()));
                part!(changed, new, old, "criteria", criteria, {
                    map(&new.criteria, old.map(|o| &o.criteria), &mut self.criteria)
                });
                part!(changed, new, old, "sections", sections, {
                    map(&new.sections, old.map(|o| &o.sections), &mut self.sections)
                });
                part!(
                    changed,
                    new,
                    old,
                    "blockers",
                    blockers,
                    to_js(&new.blockers)
                );
                part!(changed, new, old, "plan", plan, {
                    let (new, old) = (&new.plan, old.map(|o| &o.plan));
                    let mut plan = Vec::new();
                    part!(plan, new, old, "count", count, new.count.into());
                    part!(plan, new, old, "windows", windows, to_js(&new.windows));
                    part!(
                        plan,
                        new,
                        old,
                        "capacityHoursPerWeek",
                        capacity_hours_per_week,
                        { new.capacity_hours_per_week.into() }
                    );
                    part!(plan, new, old, "first", first, to_js(&new.first));
                    with(&part("plan"), plan)
                });
                part!(changed, new, old, "timeline", timeline, {
                    let (new, old) = (&new.timeline, old.map(|o| &o.timeline));
                    let mut timeline = Vec::new();
                    part!(
                        timeline,
                        new,
                        old,
                        "startDate",
                        start_date,
                        to_js(&new.start_date)
                    );
                    part!(timeline, new, old, "type1", type1, to_js(&new.type1));
                    part!(timeline, new, old, "type2", type2, to_js(&new.type2));
                    part!(timeline, new, old, "drivers", drivers, to_js(&new.drivers));
                    with(&part("timeline"), timeline)
                });
                with(old_js, changed)
            }
        }
    }

    /// An assessment in progress: the document, changed a field at a time, and the summary of
    /// its results. The full results are computed when asked for (`exported`): a change
    /// computes only what the summary carries.
    #[wasm_bindgen]
    pub struct Session {
        document: Document,
        /// The summary of its results, as last written to JS (what every change returns).
        summary: written::Written,
    }

    impl Session {
        /// Installs `document` (already validated) and recomputes the summary.
        fn install(&mut self, document: Document) {
            self.document = document;
            self.recompute();
        }

        /// Recomputes the summary after a change to the document, and writes what changed.
        fn recompute(&mut self) {
            self.summary.update(summarize(&self.document));
        }

        /// The outcome of a change: the summary, or the error (and nothing changed).
        fn changed(&self, result: Result<(), ImportError>) -> JsValue {
            outcome_object(result.map(|()| self.summary.object()))
        }

        /// Sets (or with `None` clears) the answer to `id` in place, without copying the
        /// document. With `check`, an answer that takes the document past a limit (its size,
        /// the answers to unknown ids it keeps) is undone.
        fn answer(
            &mut self,
            id: &str,
            answer: Option<Answer>,
            check: bool,
        ) -> Result<(), ImportError> {
            let previous = self.document.answers.set(id, answer);
            if check {
                if let Err(e) = import::check_limits(&self.document) {
                    self.document.answers.set(id, previous);
                    return Err(e);
                }
            }
            self.recompute();
            Ok(())
        }

        /// Installs an imported document; returns what the import and the engine noticed (kept
        /// but not scored, ignored fields), which also goes to the console for whoever embeds
        /// the page.
        fn replace_with(&mut self, imported: import::Imported) -> Vec<Warning> {
            self.install(imported.document);
            let mut warnings = imported.warnings;
            warnings.extend(answer_warnings(&self.document));
            for w in &warnings {
                web_sys::console::warn_1(
                    &format!(
                        "soc2-readiness: the assessment read: {}: {}",
                        w.path, w.message
                    )
                    .into(),
                );
            }
            warnings
        }
    }

    #[wasm_bindgen]
    impl Session {
        /// A new, empty full assessment starting on `startDate` (`YYYY-MM-DD`). Throws an
        /// `Error` for a date outside the supported range (`limits().startDateMin` …`Max`).
        #[wasm_bindgen(constructor)]
        pub fn new(
            #[wasm_bindgen(js_name = startDate)] start_date: &str,
        ) -> Result<Session, JsError> {
            let date = Date::parse_start(start_date).map_err(|m| JsError::new(&m))?;
            let document = Document::new(date);
            Ok(Session {
                summary: written::Written::new(summarize(&document)),
                document,
            })
        }

        /// A copy of the document: profile and answers.
        #[wasm_bindgen(unchecked_return_type = "AssessmentDocument")]
        pub fn document(&self) -> JsValue {
            to_js(&self.document)
        }

        /// The document as compact JSON text, what `save` stores and the exports module reads.
        #[wasm_bindgen(js_name = documentText)]
        pub fn document_text(&self) -> String {
            json_text(&to_js(&self.document)).unwrap_or_default()
        }

        /// What the page shows of the latest results (what every change returns). Read-only: the
        /// next summaries share the JS objects of whatever a change leaves as it was.
        #[wasm_bindgen(unchecked_return_type = "Summary")]
        pub fn summary(&self) -> JsValue {
            self.summary.object()
        }

        /// The export: the document, the catalog it was answered against and the results
        /// (readiness, standings, blockers, gaps, plan, timeline, warnings): what hosts read as the
        /// element's `results`, and what the page reads the full results from. (A second method
        /// for the results alone cost the module 395 bytes gzipped: measured.)
        #[wasm_bindgen(unchecked_return_type = "Export")]
        pub fn exported(&self) -> JsValue {
            to_js(&ExportRef::new(&self.document, &assess(&self.document)))
        }

        /// Sets the answer to control `id`: `status` (`null` clears the answer), whether records
        /// show it operating over time, and a note.
        #[wasm_bindgen(js_name = setAnswer, unchecked_return_type = "Outcome<Summary>")]
        pub fn set_answer(
            &mut self,
            id: &str,
            #[wasm_bindgen(unchecked_param_type = "Status | null")] status: Option<String>,
            evidence: bool,
            note: &str,
        ) -> JsValue {
            let result = match status {
                None => self.answer(id, None, false),
                Some(name) => Status::ALL
                    .into_iter()
                    .find(|s| s.id() == name)
                    .ok_or_else(|| {
                        error(
                            format!("{}.status", answer_path(id)),
                            format!(
                                "unknown status `{}`",
                                name.chars().take(40).collect::<String>()
                            ),
                        )
                    })
                    .and_then(|status| {
                        let answer = Answer {
                            status,
                            evidence,
                            note: note.to_string(),
                        };
                        import::check_answer(id, &answer)?;
                        // Only a new answer or a changed note can take the document past a
                        // limit.
                        let grows =
                            self.document.answers.get(id).map(|a| a.note.as_str()) != Some(note);
                        self.answer(id, Some(answer), grows)
                    }),
            };
            self.changed(result)
        }

        /// Sets who owns closing the gap of control `id` and by when (`due`: `YYYY-MM-DD`, or
        /// `null`); an empty owner with no date clears it. The plan and the exports carry it.
        #[wasm_bindgen(js_name = setAssignment, unchecked_return_type = "Outcome<Summary>")]
        pub fn set_assignment(&mut self, id: &str, owner: &str, due: Option<String>) -> JsValue {
            let result = due
                .map(|d| {
                    Date::parse(&d)
                        .map_err(|m| error(format!("{}.due", import::assignment_path(id)), m))
                })
                .transpose()
                .and_then(|due| {
                    let assignment = Assignment {
                        owner: owner.to_string(),
                        due,
                    };
                    import::check_assignment(id, &assignment)?;
                    let value = (assignment != Assignment::default()).then_some(assignment);
                    let previous = self.document.assignments.set(id, value);
                    if let Err(e) = import::check_limits(&self.document) {
                        self.document.assignments.set(id, previous);
                        return Err(e);
                    }
                    self.recompute();
                    Ok(())
                });
            self.changed(result)
        }

        /// Changes the profile fields named in `patch`, by the import's rules: an unknown field,
        /// a wrong type or a broken rule is an error with its path, and nothing changes.
        #[wasm_bindgen(js_name = setProfile, unchecked_return_type = "Outcome<Summary>")]
        pub fn set_profile(
            &mut self,
            #[wasm_bindgen(unchecked_param_type = "Partial<Profile>")] patch: JsValue,
        ) -> JsValue {
            let result = json_text(&patch)
                .map_err(|e| error("$.profile", e.message))
                .and_then(|text| {
                    let before = self.document.profile.clone();
                    let changed = import::apply_profile_patch(&text, &mut self.document.profile)
                        // Longer names can push the document past its size limit.
                        .and_then(|()| import::check_document_size(&self.document));
                    match changed {
                        Ok(()) => {
                            self.recompute();
                            Ok(())
                        }
                        Err(e) => {
                            self.document.profile = before;
                            Err(e)
                        }
                    }
                });
            self.changed(result)
        }

        /// Switches between the quick check and the full assessment; every answer is kept.
        #[wasm_bindgen(js_name = setMode, unchecked_return_type = "Outcome<Summary>")]
        pub fn set_mode(
            &mut self,
            #[wasm_bindgen(unchecked_param_type = "Mode")] mode: &str,
        ) -> JsValue {
            let result = [Mode::Full, Mode::Quick]
                .into_iter()
                .find(|m| m.id() == mode)
                .ok_or_else(|| error("$.mode", "expected `full` or `quick`"))
                .map(|mode| {
                    self.document.mode = mode;
                    self.recompute();
                });
            self.changed(result)
        }

        /// Starts over: an empty full assessment starting on `startDate`.
        #[wasm_bindgen(unchecked_return_type = "Outcome<Summary>")]
        pub fn reset(&mut self, #[wasm_bindgen(js_name = startDate)] start_date: &str) -> JsValue {
            let result = Date::parse_start(start_date)
                .map_err(|m| error("$.profile.startDate", m))
                .map(|date| self.install(Document::new(date)));
            self.changed(result)
        }

        /// Replaces the document with `text` (a file's content: the caller decodes bytes as
        /// strict UTF-8). On success returns what the import ignored or noticed; on failure
        /// nothing changes.
        #[wasm_bindgen(js_name = importText, unchecked_return_type = "Outcome<Warning[]>")]
        pub fn import_text(&mut self, text: &str) -> JsValue {
            outcome(import::import(text).map(|imported| self.replace_with(imported)))
        }

        /// Replaces the document with a host's object (the element's `assessment` property),
        /// read by the same rules as a file.
        #[wasm_bindgen(unchecked_return_type = "Outcome<Warning[]>")]
        pub fn replace(
            &mut self,
            #[wasm_bindgen(unchecked_param_type = "AssessmentDocument | string")] document: JsValue,
        ) -> JsValue {
            let result = json_text(&document)
                .and_then(|t| import::import(&t))
                .map(|imported| self.replace_with(imported));
            outcome(result)
        }
    }

    /// What a document may hold (lengths in characters, sizes in bytes, start dates, windows),
    /// so the page states and enforces the engine's limits without restating a number.
    #[wasm_bindgen(unchecked_return_type = "Limits")]
    pub fn limits() -> JsValue {
        // The text is this build's limits (a unit test parses it): parsing cannot fail.
        js_sys::JSON::parse(LIMITS_JSON).unwrap_or(JsValue::NULL)
    }
}

#[cfg(feature = "exports")]
pub use exports::*;

#[cfg(feature = "exports")]
mod exports {
    use super::{error, outcome};
    use crate::catalog::CatalogText;
    use crate::import::{self, ImportError};
    use crate::oscal::{self, Timestamp};
    use crate::report::{self, ReportFormat};
    use crate::Export;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(typescript_custom_section)]
    const TS_EXPORTS: &str = r#"
/** Formats `render` produces (`md` is accepted for `markdown`). */
export type ReportFormat = "json" | "markdown" | "md" | "csv" | "oscal";
/** Formats `compareAs` produces. */
export type CompareFormat = "json" | "markdown" | "md" | "csv";
"#;

    /// The catalog text the page loaded (one language's `catalog.json` with its
    /// `catalog-help.json` merged in), checked against this engine's catalog.
    fn catalog_text(text: JsValue) -> Result<CatalogText, ImportError> {
        serde_wasm_bindgen::from_value::<CatalogText>(text)
            .map_err(|e| error("text", e.to_string()))?
            .checked()
            .map_err(in_text)
    }

    fn in_text(e: ImportError) -> ImportError {
        error(format!("text{}", e.path.trim_start_matches('$')), e.message)
    }

    /// Markdown and CSV are written with the text's phrases (`report`, from the help file).
    fn with_phrases(text: CatalogText) -> Result<CatalogText, ImportError> {
        text.check_phrases().map_err(in_text)?;
        Ok(text)
    }

    /// OSCAL is language-neutral: its prose is always the English catalog's (the same documents,
    /// uuids included, whatever the page's language), so it takes the English text only.
    fn english_only(text: CatalogText) -> Result<CatalogText, ImportError> {
        if text.language == "en" {
            Ok(text)
        } else {
            Err(error(
                "text.language",
                "OSCAL is written in English whatever the page's language: hand over the English catalog text (catalog.json with catalog-help.json)",
            ))
        }
    }

    /// Renders the document `documentText` (as the session writes it) as `format`, with the
    /// catalog text `text` (its help texts and phrases loaded): Markdown and CSV in the language
    /// of `text`; JSON language-neutral; OSCAL only from the English text (an error otherwise). `generatedAt` is an RFC 3339 timestamp with
    /// timezone for OSCAL (the engine reads no clock); without it, OSCAL uses the start date at
    /// midnight UTC. The same dispatch as the CLI's `report`: identical bytes for identical input.
    #[wasm_bindgen(unchecked_return_type = "Outcome<string>")]
    pub fn render(
        #[wasm_bindgen(unchecked_param_type = "ReportFormat")] format: &str,
        #[wasm_bindgen(js_name = documentText)] document_text: &str,
        #[wasm_bindgen(unchecked_param_type = "CatalogText")] text: JsValue,
        #[wasm_bindgen(js_name = generatedAt)] generated_at: Option<String>,
    ) -> JsValue {
        let result = ReportFormat::parse(format).and_then(|format| {
            let text = match format {
                ReportFormat::Markdown | ReportFormat::Csv => with_phrases(catalog_text(text)?)?,
                ReportFormat::Oscal => english_only(catalog_text(text)?)?,
                ReportFormat::Json => catalog_text(text)?,
            };
            let at = generated_at
                .map(|t| Timestamp::parse(&t).map_err(|m| error("generatedAt", m)))
                .transpose()?;
            let export = Export::new(import::import(document_text)?.document);
            Ok(report::render(format, &export, &text, at))
        });
        outcome(result)
    }

    /// What moved between the previous assessment `beforeText` (an export or a saved document)
    /// and `afterText`, read by the import's rules: the same comparison as the CLI's `diff`.
    /// Errors start with the side (`before: ` or `after: `) and name the JSON path.
    #[wasm_bindgen(unchecked_return_type = "Outcome<Comparison>")]
    pub fn compare(
        #[wasm_bindgen(js_name = beforeText)] before_text: &str,
        #[wasm_bindgen(js_name = afterText)] after_text: &str,
    ) -> JsValue {
        outcome(crate::compare::compare_text(before_text, after_text))
    }

    /// The comparison written as `format` (JSON, a Markdown "Since" section, or CSV with a
    /// change column), with the catalog text `text` (Markdown and CSV in its language, which
    /// needs its phrases: the help file merged in): what `soc2-readiness diff --lang` prints.
    #[wasm_bindgen(js_name = compareAs, unchecked_return_type = "Outcome<string>")]
    pub fn compare_as(
        #[wasm_bindgen(unchecked_param_type = "CompareFormat")] format: &str,
        #[wasm_bindgen(js_name = beforeText)] before_text: &str,
        #[wasm_bindgen(js_name = afterText)] after_text: &str,
        #[wasm_bindgen(unchecked_param_type = "CatalogText")] text: JsValue,
    ) -> JsValue {
        let result = crate::compare::CompareFormat::parse(format).and_then(|format| {
            let text = match format {
                crate::compare::CompareFormat::Json => catalog_text(text)?,
                _ => with_phrases(catalog_text(text)?)?,
            };
            let comparison = crate::compare::compare_text(before_text, after_text)?;
            Ok(crate::compare::render(format, &comparison, &text))
        });
        outcome(result)
    }

    /// The fragment of a link to the document `documentText`'s results, without the `#`
    /// (`share=1.<data>`, src/share.rs): the profile and answers; names (organisation, compliance
    /// owner, cloud provider, the plan's owners) only with `includeNames`; never notes; answers to
    /// ids this catalog does not know left out. An error when names make it too long.
    #[wasm_bindgen(js_name = shareFragment, unchecked_return_type = "Outcome<string>")]
    pub fn share_fragment(
        #[wasm_bindgen(js_name = documentText)] document_text: &str,
        #[wasm_bindgen(js_name = includeNames)] include_names: bool,
    ) -> JsValue {
        outcome(crate::share::fragment_text(document_text, include_names))
    }

    /// Reads a link's fragment (`#share=1.<data>`, with or without `#` and `share=`): the
    /// document (as JSON text), the catalog the link names, and warnings (another catalog version, answers left
    /// out). A damaged, truncated or oversized fragment is an error outcome.
    #[wasm_bindgen(js_name = readShared, unchecked_return_type = "Outcome<SharedText>")]
    pub fn read_shared(fragment: &str) -> JsValue {
        outcome(crate::share::read(fragment).map(crate::share::SharedText::from))
    }

    /// The OSCAL set for the document `documentText`: catalog, SSP, assessment plan and results,
    /// named as their hrefs name each other (what `soc2-readiness oscal --out-dir` writes, byte for
    /// byte). `text` is the English catalog text (OSCAL is language-neutral: an error otherwise).
    /// `generatedAt`: RFC 3339 with timezone.
    #[wasm_bindgen(js_name = oscalSet, unchecked_return_type = "Outcome<OscalFile[]>")]
    pub fn oscal_set(
        #[wasm_bindgen(js_name = documentText)] document_text: &str,
        #[wasm_bindgen(unchecked_param_type = "CatalogText")] text: JsValue,
        #[wasm_bindgen(js_name = generatedAt)] generated_at: &str,
    ) -> JsValue {
        let result = catalog_text(text).and_then(english_only).and_then(|text| {
            let at = Timestamp::parse(generated_at).map_err(|m| error("generatedAt", m))?;
            let export = Export::new(import::import(document_text)?.document);
            Ok(oscal::set(&export, &text, at))
        });
        outcome(result)
    }
}
