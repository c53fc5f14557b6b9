//! The assessment-results document: what the self-assessment found.
//!
//! - each Trust Services Criterion in scope is a reviewed control (`cc6.1`, defined in the
//!   catalog) and gets one finding whose target is the criterion's assessment objective in the
//!   catalog (`cc6.1_obj`);
//! - each answered control the catalog knows is an observation (method `INTERVIEW`: the
//!   organisation answered for itself), linked from the findings of the criteria it counts for;
//! - `import-ap` points at the assessment plan written beside it ([`super::PLAN_FILE`]).

use super::{
    assessment_metadata, catalog_name, criterion_title, href, mode_id, objective_id, prop, scope,
    selection, start_of, text_or, Ids, Import, Metadata, Prop, ReviewedControls, Timestamp,
    PLAN_FILE,
};
use crate::catalog;
use crate::catalog::CatalogText;
use crate::model::{Mode, Status};
use crate::score::{Band, Score};
use crate::Export;
use serde::Serialize;

/// An OSCAL assessment-results document: the root object, whose one member is
/// `assessment-results`. Serialise it with [`crate::to_json`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct AssessmentResults {
    pub assessment_results: Body,
}

/// The `assessment-results` object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Body {
    pub uuid: String,
    pub metadata: Metadata,
    pub import_ap: Import,
    pub results: Vec<AssessmentResult>,
}

/// The one entry of `results`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct AssessmentResult {
    pub uuid: String,
    pub title: &'static str,
    pub description: String,
    pub start: String,
    pub props: Vec<Prop>,
    pub reviewed_controls: ReviewedControls,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    pub findings: Vec<Finding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

/// An observation: one answered control.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Observation {
    pub uuid: String,
    pub title: String,
    pub description: String,
    pub props: Vec<Prop>,
    pub methods: Vec<&'static str>,
    pub types: Vec<&'static str>,
    pub collected: String,
    /// The answer's note, verbatim, when it is not blank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

/// A finding: one criterion in scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Finding {
    pub uuid: String,
    pub title: String,
    pub description: String,
    pub props: Vec<Prop>,
    pub target: FindingTarget,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_observations: Vec<RelatedObservation>,
}

/// A finding's `target`: the criterion's objective and whether it is satisfied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct FindingTarget {
    /// Always `objective-id`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub target_id: String,
    pub status: ObjectiveStatus,
}

/// A target's `status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ObjectiveStatus {
    /// `satisfied` or `not-satisfied`.
    pub state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<&'static str>,
}

/// A `related-observations` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RelatedObservation {
    pub observation_uuid: String,
}

/// The score's props; a set with no counted control has bands (`notAssessed`) but no scores.
fn score_props(score: &Score) -> Vec<Prop> {
    let mut props = Vec::new();
    if let Some(design) = score.design {
        props.push(prop("design-score", design));
    }
    props.push(prop("design-band", score.band.id()));
    if let Some(operating) = score.operating {
        props.push(prop("operating-score", operating));
    }
    props.push(prop("operating-band", score.operating_band.id()));
    if let Some(completion) = score.completion {
        props.push(prop("completion", completion));
    }
    props
}

fn score_sentence(text: &CatalogText, score: &Score) -> String {
    match (score.design, score.operating) {
        (Some(design), Some(operating)) => format!(
            "design (Type I) readiness {} % ({}), operating (Type II) readiness {} % ({}); {} of {} controls answered",
            design,
            text.band(score.band.id()),
            operating,
            text.band(score.operating_band.id()),
            score.counts.answered,
            score.counts.asked
        ),
        _ => format!(
            "not assessed: no control counted; {} of {} controls answered",
            score.counts.answered, score.counts.asked
        ),
    }
}

/// What a finding says about its criterion. [`finding_state`] is the one place that decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingState {
    /// The design (Type I) band, after the blocker caps, is audit-ready, and at least one
    /// control counted: `satisfied`.
    Satisfied,
    /// Controls counted and the band is below audit-ready: `not-satisfied`.
    NotSatisfied,
    /// No control counted towards the criterion, so the self-assessment holds nothing to
    /// support it: `not-satisfied`, with the reason in `target.status.remarks`.
    NothingCounted,
}

impl FindingState {
    /// The OSCAL `target.status.state`.
    pub fn state(self) -> &'static str {
        match self {
            FindingState::Satisfied => "satisfied",
            FindingState::NotSatisfied | FindingState::NothingCounted => "not-satisfied",
        }
    }
}

/// The state of the finding for a criterion with `score`.
///
/// A criterion none of whose controls counted (in quick mode, one no key question covers; or
/// every control answered not applicable) is not assessed: a self-assessment that asked nothing
/// cannot call it satisfied.
pub fn finding_state(score: &Score) -> FindingState {
    if !score.assessed {
        FindingState::NothingCounted
    } else if score.band == Band::AuditReady {
        FindingState::Satisfied
    } else {
        FindingState::NotSatisfied
    }
}

/// Whether the finding for a criterion with `score` is `satisfied` (see [`finding_state`]).
pub fn satisfied(score: &Score) -> bool {
    finding_state(score) == FindingState::Satisfied
}

/// The OSCAL assessment-results document for `export`, generated at `generated_at`.
pub fn assessment_results(
    export: &Export,
    text: &CatalogText,
    generated_at: Timestamp,
) -> AssessmentResults {
    let ids = Ids::content(export, generated_at);
    let at = generated_at.to_string();
    let r = export;
    let readiness = &r.readiness;
    let scope = scope(export, text);
    let catalog_name = catalog_name(export);

    // Observations: one per answered control of the catalog, in control-id order.
    let asked = |id: &str| export.standings.get(id).is_some();
    // (control id, observation uuid), in answer order; a list keeps the Wasm module small.
    let mut observation_of: Vec<(&str, String)> = Vec::new();
    let mut observations = Vec::new();
    for (id, answer) in &export.answers {
        let Some(control) = catalog::control(id) else {
            continue;
        };
        let uuid = ids.uuid("observation", control.id);
        let scored = asked(control.id);
        let counting = if !scored {
            " Not asked for this scope and mode: recorded, not scored."
        } else if answer.status == Status::NotApplicable && !control.allows_not_applicable {
            " This control cannot be marked not applicable, so it counts as not in place."
        } else if answer.status == Status::NotApplicable {
            " Left out of the scores as not applicable."
        } else {
            ""
        };
        let description = format!(
            "Self-reported status: {}. Records showing the control operating over time: {}.{} \
             Evidences Trust Services Criteria {}.",
            text.state(answer.status.id()),
            if answer.evidence { "yes" } else { "no" },
            counting,
            control.criteria.join(", ")
        );
        observation_of.push((control.id, uuid.clone()));
        observations.push(Observation {
            uuid,
            title: text_or(&text.control_by_id(control.id).title, || {
                control.id.to_string()
            }),
            description,
            props: vec![
                prop("control-id", control.id),
                prop("status", answer.status.id()),
                prop("evidence", answer.evidence),
                prop("scored", scored),
            ],
            methods: vec!["INTERVIEW"],
            types: vec!["control-objective"],
            collected: at.clone(),
            // Untrusted user text, carried verbatim as a JSON string value.
            remarks: (!answer.note.trim().is_empty()).then(|| answer.note.clone()),
        });
    }

    // Findings: one per criterion in scope, in catalog order.
    let findings: Vec<Finding> = readiness
        .criteria
        .iter()
        .map(|(id, score)| {
            let mut description = format!("Self-assessed readiness: {}", score_sentence(text, score));
            if score.counts.inherited > 0 {
                description.push_str(&format!(
                    "; {} credited through the cloud provider's SOC 2 report",
                    score.counts.inherited
                ));
            }
            description.push('.');
            if !score.capped_by.is_empty() {
                description.push_str(&format!(
                    " The band is capped by critical controls not fully in place or criteria \
                     with nothing in place: {}.",
                    score.capped_by.join(", ")
                ));
            }
            let state = finding_state(score);
            let mut remarks = None;
            if state == FindingState::NothingCounted {
                let why = if export.mode == Mode::Quick && score.counts.asked == 0 {
                    "No key question covers this criterion, so the quick estimate holds nothing to support it."
                } else {
                    "No control counted towards this criterion, so the self-assessment holds nothing to support it."
                };
                description.push(' ');
                description.push_str(why);
                remarks = Some(why);
            }
            Finding {
                uuid: ids.uuid("finding", id),
                title: criterion_title(text, id),
                description,
                props: score_props(score),
                target: FindingTarget {
                    kind: "objective-id",
                    target_id: objective_id(id),
                    status: ObjectiveStatus {
                        state: state.state(),
                        remarks,
                    },
                },
                // The asked controls behind the criterion, in catalog order.
                related_observations: crate::catalog::controls()
                    .iter()
                    .filter(|c| c.criteria.contains(&id) && asked(c.id))
                    .filter_map(|c| observation_of.iter().find(|(o, _)| *o == c.id))
                    .map(|(_, u)| RelatedObservation {
                        observation_uuid: u.clone(),
                    })
                    .collect(),
            }
        })
        .collect();

    let overall = &readiness.overall;
    let mut description = format!(
        "Self-assessment of SOC 2 readiness: the organisation answered the soc2-readiness \
         questionnaire (catalog {catalog_name}) about its own controls. Nothing was examined or \
         tested by an auditor; this is a self-assessment, not an attestation. In scope: {scope}. Overall: {}.",
        score_sentence(text, overall)
    );
    if r.estimate {
        description.push_str(
            " Quick estimate: only the key questions were asked, and the scores cover those alone.",
        );
    }
    let (start, start_note) = start_of(export);
    let mut result_props = vec![
        prop("mode", mode_id(export.mode)),
        prop("start-date", export.profile.start_date),
    ];
    result_props.extend(score_props(overall));
    let result = AssessmentResult {
        uuid: ids.uuid("result", ""),
        title: "SOC 2 readiness self-assessment",
        description,
        start: start.to_string(),
        props: result_props,
        reviewed_controls: selection(
            Some(format!(
                "Trust Services Criteria in scope ({scope}), as in the assessment plan. Control \
                 ids are the criterion ids in lower case (CC6.1 is cc6.1)."
            )),
            readiness.criteria.iter().map(|(id, _)| id),
        ),
        observations,
        findings,
        remarks: start_note,
    };

    AssessmentResults {
        assessment_results: Body {
            uuid: ids.uuid("assessment-results", ""),
            metadata: assessment_metadata(
                export,
                "SOC 2 readiness self-assessment results",
                generated_at,
                format!(
                    "Generated by {} from a self-assessment against catalog {catalog_name}. \
                     A self-assessment, not an attestation.",
                    export.generator
                ),
            ),
            import_ap: Import {
                href: href(PLAN_FILE),
                remarks: "The assessment plan: the questions the soc2-readiness questionnaire \
                          asked, written beside this file.",
            },
            results: vec![result],
        },
    }
}
