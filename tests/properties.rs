//! Properties that hold for every profile and every set of answers (proptest).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod common;
use common::*;
use proptest::prelude::*;
use soc2_readiness::score::{Band, Score};
use soc2_readiness::{
    assess, assess_text, catalog, to_json, Answer, Assessment, Category, Document, Mode, Status,
};

const STATUSES: [Status; 5] = Status::ALL;

fn document() -> impl Strategy<Value = Document> {
    let n = catalog::controls().len();
    (
        proptest::collection::vec(any::<bool>(), 4),
        1u32..200,
        0u32..400,
        1u32..5,
        0u32..30,
        1u32..6,
        any::<(bool, bool, bool)>(),
        0usize..4,
        proptest::collection::vec(proptest::option::of((0usize..5, any::<bool>())), n),
    )
        .prop_map(
            |(
                cats,
                team,
                endpoints,
                versions,
                integrations,
                regions,
                (cloud, soc2, quick),
                window,
                answers,
            )| {
                let mut doc = Document::new(start());
                doc.profile.categories = Category::ALL[1..]
                    .iter()
                    .zip(cats)
                    .filter(|(_, on)| *on)
                    .map(|(c, _)| *c)
                    .collect();
                doc.profile.team_size = team;
                doc.profile.endpoints = endpoints;
                doc.profile.api_versions = versions;
                doc.profile.integrations = integrations;
                doc.profile.regions = regions;
                doc.profile.cloud_hosted = cloud;
                doc.profile.cloud_provider_soc2 = soc2;
                doc.profile.observation_months = [3, 6, 9, 12][window];
                doc.mode = if quick { Mode::Quick } else { Mode::Full };
                for (c, a) in catalog::controls().iter().zip(answers) {
                    if let Some((s, evidence)) = a {
                        doc.answers.insert(
                            c.id.into(),
                            Answer {
                                status: STATUSES[s],
                                evidence,
                                note: String::new(),
                            },
                        );
                    }
                }
                doc
            },
        )
}

fn all_scores(a: &Assessment) -> Vec<(String, &Score)> {
    let r = &a.readiness;
    let mut v = vec![("overall".to_string(), &r.overall)];
    for (name, map) in [
        ("category", &r.categories),
        ("criterion", &r.criteria),
        ("section", &r.sections),
    ] {
        v.extend(map.iter().map(|(k, s)| (format!("{name} {k}"), s)));
    }
    v
}

/// Every score of `after` is at least the same score in `before` (design and operating), for the
/// sets assessed in both (a set can leave the score when its last control is answered N/A).
fn never_lower(before: &Assessment, after: &Assessment) -> Result<(), TestCaseError> {
    for (key, b) in all_scores(before) {
        let a = all_scores(after)
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.clone());
        let a = a.ok_or_else(|| TestCaseError::fail(format!("{key} disappeared")))?;
        if !(a.assessed && b.assessed) {
            continue;
        }
        prop_assert!(
            a.design >= b.design,
            "{} design {:?} -> {:?}",
            key,
            b.design,
            a.design
        );
        prop_assert!(
            a.operating >= b.operating,
            "{} operating {:?} -> {:?}",
            key,
            b.operating,
            a.operating
        );
        prop_assert!(a.band >= b.band, "{} band", key);
    }
    Ok(())
}

/// A score's assessed flag, percentages, bands, completion, counts and what caps each band.
type RuledScore = (
    bool,
    Option<u8>,
    Option<u8>,
    Band,
    Band,
    Option<u8>,
    [u32; 10],
    Vec<String>,
    Vec<String>,
);

/// The rules of `score.rs` applied the plain way, one set at a time, to the standings the
/// assessment reports: what every score must equal, however the engine adds them up.
fn score_by_the_rules(
    a: &Assessment,
    doc: &Document,
    members: &[&catalog::Control],
    unmet_criteria_of: Option<Option<Category>>,
) -> RuledScore {
    let mut counts = [0u32; 10]; // asked, answered, implemented … evidenced, as `Counts`
    let (mut earned, mut earned_op, mut possible) = (0u32, 0u32, 0u32);
    let (mut cap, mut op_cap) = (Band::AuditReady, Band::AuditReady);
    let (mut capped_by, mut op_capped_by) = (Vec::new(), Vec::new());
    let cap_for = |units: u8| match units {
        0 => Some(Band::MaterialGaps),
        1 => Some(Band::FindingsLikely),
        _ => None,
    };
    for c in members {
        let Some(st) = a.standings.get(c.id) else {
            continue;
        };
        counts[0] += 1;
        let state = to_json(&st.state);
        if state == "\"notApplicable\"" {
            counts[1] += 1;
            counts[7] += 1;
            continue;
        }
        let w = u32::from(c.weight.clamp(1, 3));
        earned += w * u32::from(st.design);
        earned_op += w * u32::from(st.operating);
        possible += 2 * w;
        let slot = [
            "\"implemented\"",
            "\"partial\"",
            "\"planned\"",
            "\"notImplemented\"",
            "\"unanswered\"",
            "\"notApplicable\"",
            "\"inherited\"",
        ]
        .iter()
        .position(|s| *s == state)
        .unwrap();
        counts[2 + slot] += 1;
        counts[1] += u32::from(state != "\"unanswered\"");
        counts[9] += u32::from(st.operating > 0);
        if c.critical {
            if let Some(b) = cap_for(st.design) {
                cap = cap.min(b);
                capped_by.push(c.id.to_string());
            }
            if let Some(b) = cap_for(st.operating) {
                op_cap = op_cap.min(b);
                op_capped_by.push(c.id.to_string());
            }
        }
    }
    let pct = |n: u32, d: u32| (d > 0).then(|| (u64::from(n) * 100 / u64::from(d)) as u8);
    let (design, operating) = (pct(earned, possible), pct(earned_op, possible));
    let band = |p: Option<u8>| p.map_or(Band::NotAssessed, Band::for_score);
    if let (Some(cat), true) = (unmet_criteria_of, possible > 0) {
        for k in catalog::CRITERIA.iter() {
            let Some(s) = a.readiness.criteria.get(k.id) else {
                continue;
            };
            if cat.is_some_and(|c| c != k.category) || !s.assessed {
                continue;
            }
            if s.earned == 0 {
                cap = cap.min(Band::MaterialGaps);
                capped_by.push(k.id.to_string());
            }
            if s.operating == Some(0) {
                op_cap = op_cap.min(Band::MaterialGaps);
                op_capped_by.push(k.id.to_string());
            }
        }
    }
    let quick = if doc.mode == Mode::Quick {
        Band::FindingsLikely
    } else {
        Band::AuditReady
    };
    let capped = |b: Band, c: Band| {
        if b == Band::NotAssessed {
            b
        } else {
            b.min(c).min(quick)
        }
    };
    (
        possible > 0,
        design,
        operating,
        capped(band(design), cap),
        capped(band(operating), op_cap),
        pct(counts[1], counts[0]),
        counts,
        capped_by,
        op_capped_by,
    )
}

fn score_as_reported(s: &Score) -> RuledScore {
    let c = &s.counts;
    (
        s.assessed,
        s.design,
        s.operating,
        s.band,
        s.operating_band,
        s.completion,
        [
            c.asked,
            c.answered,
            c.implemented,
            c.partial,
            c.planned,
            c.not_implemented,
            c.unanswered,
            c.not_applicable,
            c.inherited,
            c.evidenced,
        ],
        s.capped_by.iter().map(|id| id.to_string()).collect(),
        s.operating_capped_by
            .iter()
            .map(|id| id.to_string())
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn scores_stay_in_range_and_operating_never_exceeds_design(doc in document()) {
        let r = assess(&doc);
        for (key, s) in all_scores(&r) {
            prop_assert!(s.design.unwrap_or(0) <= 100 && s.completion.unwrap_or(0) <= 100, "{}", key);
            prop_assert!(s.operating <= s.design, "{}: operating {:?} > design {:?}", key, s.operating, s.design);
            prop_assert!(s.operating_band <= s.band, "{}", key);
        }
    }

    #[test]
    fn the_summary_names_capping_controls_and_unmet_criteria_apart(doc in document()) {
        // The summary splits each headline's `cappedBy` into controls and criteria (without
        // searching the catalog): every capping control is a catalog control, every unmet
        // criterion a criterion, and together they are `cappedBy`'s first entries in order.
        let r = assess(&doc);
        let summary = soc2_readiness::summary::Summary::of(&r);
        let headlines = std::iter::once((&r.readiness.overall, &summary.overall)).chain(
            r.readiness.categories.iter().map(|(id, s)| {
                (s, summary.categories.iter().find(|(k, _)| *k == id).map(|(_, h)| h).unwrap())
            }),
        );
        for (score, head) in headlines {
            let controls: Vec<&str> = head.capping_controls.first.iter().map(|i| i.0).collect();
            let criteria: Vec<&str> = head.unmet_criteria.first.iter().map(|i| i.0).collect();
            prop_assert!(controls.iter().all(|id| catalog::control(id).is_some()), "{:?}", controls);
            prop_assert!(criteria.iter().all(|id| catalog::criterion(id).is_some()), "{:?}", criteria);
            prop_assert_eq!(
                (head.capping_controls.count + head.unmet_criteria.count) as usize,
                score.capped_by.len()
            );
            let n_controls = head.capping_controls.count as usize;
            prop_assert_eq!(&score.capped_by[..controls.len()], &controls[..]);
            let rest = score.capped_by.get(n_controls..).unwrap_or(&[]);
            prop_assert_eq!(&rest[..criteria.len()], &criteria[..]);
        }
    }

    #[test]
    fn a_change_summarised_alone_equals_the_summary_of_the_full_results(doc in document()) {
        // The session computes only the summary after each change; it must be exactly what
        // the full results would show.
        prop_assert_eq!(
            soc2_readiness::summary::summarize(&doc),
            soc2_readiness::summary::Summary::of(&assess(&doc))
        );
    }

    #[test]
    fn the_summary_carries_each_sections_progress(doc in document()) {
        // The steps show each section's answered, open and inherited counts from the summary
        // alone (an answer never needs the full results): the same counts and scores as the
        // results' sections, for the same sections in the same order.
        let r = assess(&doc);
        let summary = soc2_readiness::summary::Summary::of(&r);
        prop_assert_eq!(summary.sections.len(), r.readiness.sections.len());
        for ((id, p), (rid, s)) in summary.sections.iter().zip(r.readiness.sections.iter()) {
            prop_assert_eq!(id, rid);
            prop_assert_eq!(
                (p.asked, p.answered, p.inherited, p.design, p.operating),
                (s.counts.asked, s.counts.answered, s.counts.inherited, s.design, s.operating),
                "{}", id
            );
        }
    }

    #[test]
    fn every_score_is_the_rules_applied_to_its_own_controls(doc in document()) {
        // Overall, each category, criterion and section in scope: counts, credit, bands, caps
        // and what caps them, as the rules give them for that set's controls alone.
        let a = assess(&doc);
        let all: Vec<&catalog::Control> = catalog::controls().iter().collect();
        let of = |keep: &dyn Fn(&catalog::Control) -> bool| all.iter().copied().filter(|c| keep(c)).collect::<Vec<_>>();
        prop_assert_eq!(score_as_reported(&a.readiness.overall), score_by_the_rules(&a, &doc, &all, Some(None)));
        let categories: Vec<&str> = a.readiness.categories.iter().map(|(id, _)| id).collect();
        let scoped: Vec<&str> = doc.profile.scoped_categories().map(Category::id).collect();
        prop_assert_eq!(categories, scoped);
        for (id, s) in a.readiness.categories.iter() {
            let cat = Category::ALL.into_iter().find(|c| c.id() == id).unwrap();
            prop_assert_eq!(score_as_reported(s), score_by_the_rules(&a, &doc, &of(&|c| c.category == cat), Some(Some(cat))), "category {}", id);
        }
        let criteria: Vec<&str> = a.readiness.criteria.iter().map(|(id, _)| id).collect();
        let in_scope: Vec<&str> = catalog::CRITERIA.iter().filter(|k| doc.profile.in_scope(k.category)).map(|k| k.id).collect();
        prop_assert_eq!(criteria, in_scope);
        for (id, s) in a.readiness.criteria.iter() {
            prop_assert_eq!(score_as_reported(s), score_by_the_rules(&a, &doc, &of(&|c| c.criteria.contains(&id)), None), "criterion {}", id);
        }
        let sections: Vec<&str> = a.readiness.sections.iter().map(|(id, _)| id).collect();
        let asked: Vec<&str> = catalog::SECTIONS.iter().filter(|sec| all.iter().any(|c| c.section == sec.id && a.standings.get(c.id).is_some())).map(|sec| sec.id).collect();
        prop_assert_eq!(sections, asked);
        for (id, s) in a.readiness.sections.iter() {
            prop_assert_eq!(score_as_reported(s), score_by_the_rules(&a, &doc, &of(&|c| c.section == id), None), "section {}", id);
        }
    }

    #[test]
    fn a_set_with_no_counted_control_is_never_scored(doc in document()) {
        let r = assess(&doc);
        for (key, s) in all_scores(&r) {
            prop_assert_eq!(s.assessed, s.possible > 0, "{}", &key);
            if s.assessed {
                prop_assert!(s.design.is_some() && s.operating.is_some(), "{}", &key);
                prop_assert!(s.band != Band::NotAssessed, "{}", &key);
            } else {
                prop_assert_eq!((s.design, s.operating), (None, None), "{}", &key);
                prop_assert_eq!((s.band, s.operating_band), (Band::NotAssessed, Band::NotAssessed), "{}", &key);
            }
            prop_assert_eq!(s.completion.is_some(), s.counts.asked > 0, "{}", &key);
        }
    }

    #[test]
    fn nothing_is_audit_ready_while_an_assessed_criterion_in_scope_has_no_credit(doc in document()) {
        let r = assess(&doc);
        for (id, k) in r.readiness.criteria.iter().filter(|(_, k)| k.assessed) {
            let category = catalog::criterion(id).unwrap().category;
            let own = r.readiness.categories.get(category.id()).unwrap();
            if k.earned == 0 {
                prop_assert!(r.readiness.overall.band < Band::AuditReady, "overall, {} unmet", id);
                prop_assert!(own.band < Band::AuditReady, "{:?}, {} unmet", category, id);
                prop_assert!(r.readiness.overall.capped_by.contains(&id), "{}", id);
            }
            if k.operating == Some(0) {
                prop_assert!(r.readiness.overall.operating_band < Band::AuditReady, "{}", id);
            }
        }
    }

    #[test]
    fn a_quick_check_is_never_audit_ready(doc in document()) {
        let mut quick = doc;
        quick.mode = Mode::Quick;
        let r = assess(&quick);
        prop_assert!(r.estimate);
        for (key, s) in all_scores(&r) {
            prop_assert!(s.band != Band::AuditReady && s.operating_band != Band::AuditReady, "{}", key);
        }
    }

    #[test]
    fn implementing_a_control_never_lowers_a_score(doc in document(), pick in any::<prop::sample::Index>()) {
        let candidates: Vec<_> = catalog::controls().iter()
            .filter(|c| doc.answers.get(c.id).is_none_or(|a| a.status != Status::NotApplicable))
            .collect();
        prop_assume!(!candidates.is_empty());
        let control = pick.get(&candidates);
        let mut after = doc.clone();
        let evidence = doc.answers.get(control.id).is_some_and(|a| a.evidence);
        after.answers.insert(control.id.into(), answer(Status::Implemented, evidence));
        never_lower(&assess(&doc), &assess(&after))?;
    }

    #[test]
    fn not_applicable_on_a_non_critical_control_never_lowers_a_score(doc in document(), pick in any::<prop::sample::Index>()) {
        let candidates: Vec<_> = catalog::controls().iter()
            .filter(|c| c.allows_not_applicable && !c.critical)
            .filter(|c| doc.answers.get(c.id).is_none_or(|a| a.status != Status::Implemented && a.status != Status::Partial))
            .collect();
        prop_assume!(!candidates.is_empty());
        let control = pick.get(&candidates);
        let mut after = doc.clone();
        after.answers.insert(control.id.into(), answer(Status::NotApplicable, false));
        never_lower(&assess(&doc), &assess(&after))?;
    }

    #[test]
    fn out_of_scope_answers_never_move_in_scope_results(doc in document(), status in 0usize..5) {
        let mut after = doc.clone();
        for c in catalog::controls().iter().filter(|c| !doc.profile.in_scope(c.category)) {
            after.answers.insert(c.id.into(), answer(STATUSES[status], true));
        }
        let (b, a) = (assess(&doc), assess(&after));
        prop_assert_eq!(b.readiness, a.readiness);
        prop_assert_eq!(b.blockers, a.blockers);
        prop_assert_eq!(b.gaps, a.gaps);
        prop_assert_eq!(b.timeline, a.timeline);
    }

    #[test]
    fn type_ii_ends_a_window_after_type_i(doc in document()) {
        use soc2_readiness::timeline::{TYPE1_AUDIT_WEEKS as T1, TYPE2_AUDIT_WEEKS as T2};
        let t = assess(&doc).timeline;
        let window = u32::from(doc.profile.observation_months) * 13 / 3;
        prop_assert_eq!(t.type2.weeks.low, t.type1.weeks.low + window + (T2.0 - T1.0));
        prop_assert_eq!(t.type2.weeks.high, t.type1.weeks.high + window + (T2.1 - T1.1));
        prop_assert!(t.type2.report_dates.low > t.type1.report_dates.low);
        prop_assert!(t.type1.weeks.low <= t.type1.weeks.high);
    }

    #[test]
    fn a_longer_window_moves_type_ii_later_by_that_window(doc in document()) {
        let mut short = doc.clone();
        short.profile.observation_months = 3;
        let mut long = doc;
        long.profile.observation_months = 12;
        let (s, l) = (assess(&short).timeline, assess(&long).timeline);
        prop_assert_eq!(l.type2.weeks.low - s.type2.weeks.low, 52 - 13);
        prop_assert_eq!(l.type2.weeks.high - s.type2.weeks.high, 52 - 13);
        prop_assert_eq!(l.type1, s.type1);
    }

    #[test]
    fn more_gaps_never_shorten_a_timeline(doc in document(), pick in any::<prop::sample::Index>()) {
        let control = pick.get(catalog::controls());
        let mut worse = doc.clone();
        worse.answers.insert(control.id.into(), answer(Status::NotImplemented, false));
        let (b, w) = (assess(&doc).timeline, assess(&worse).timeline);
        // Unless the control was N/A (then it becomes a new gap, which also cannot shorten).
        prop_assert!(w.type1.weeks.low >= b.type1.weeks.low && w.type1.weeks.high >= b.type1.weeks.high);
        prop_assert!(w.type2.weeks.low >= b.type2.weeks.low && w.type2.weeks.high >= b.type2.weeks.high);
    }

    #[test]
    fn more_api_surface_never_shortens_a_timeline(doc in document(), which in 0usize..4, more in 1u32..20) {
        let mut bigger = doc.clone();
        let p = &mut bigger.profile;
        match which {
            0 => p.endpoints += more * 10,
            1 => p.api_versions += more,
            2 => p.integrations += more,
            _ => p.regions += more,
        }
        let (b, g) = (assess(&doc).timeline, assess(&bigger).timeline);
        prop_assert!(g.type1.weeks.low >= b.type1.weeks.low && g.type1.weeks.high >= b.type1.weeks.high);
        prop_assert!(g.type2.weeks.high >= b.type2.weeks.high);
        prop_assert!(g.drivers.documentation_hours >= b.drivers.documentation_hours);
        prop_assert!(g.drivers.complexity_weeks >= b.drivers.complexity_weeks);
    }

    #[test]
    fn an_export_reimports_to_the_same_results(
        doc in document(),
        hours in proptest::option::of(1u32..1000),
        assigned in proptest::collection::vec((any::<prop::sample::Index>(), ".{0,20}", proptest::option::of(0i64..20000)), 0..5),
    ) {
        let mut doc = doc;
        doc.profile.hours_per_week = hours;
        for (pick, owner, due) in assigned {
            let id = pick.get(catalog::controls()).id;
            let due = due.map(|d| soc2_readiness::Date::parse("1970-01-01").unwrap().add_days(d));
            doc.assignments.insert(id.into(), soc2_readiness::model::Assignment { owner, due });
        }
        // The document as the page saves it reads back to itself (categories normalised), and
        // its export to the same results.
        let normalised = soc2_readiness::import::validate(doc.clone()).unwrap();
        prop_assert_eq!(&soc2_readiness::import(&to_json(&doc)).unwrap().document, &normalised);
        let export = assess_text(&to_json(&doc)).unwrap();
        let again = assess_text(&to_json(&export)).unwrap();
        prop_assert_eq!(to_json(&export), to_json(&again));
    }

    #[test]
    fn the_plan_never_puts_an_action_before_what_it_depends_on(doc in document(), hours in proptest::option::of(1u32..1000)) {
        let mut doc = doc;
        doc.profile.hours_per_week = hours;
        let r = assess(&doc);
        let actions = &r.plan.actions;
        let at = |id: &str, kind: &str| actions.iter().position(|a| a.control_id == id && a.kind.id() == kind);
        for (i, a) in actions.iter().enumerate() {
            let c = catalog::control(a.control_id).unwrap();
            // Every dependency still to build comes earlier, and `after` names exactly those.
            let waiting: Vec<&str> = c.depends_on.iter().copied().filter(|d| at(d, "design").is_some()).collect();
            for d in &waiting {
                prop_assert!(at(d, "design").unwrap() < i, "{} at {} before its dependency {}", a.control_id, i, d);
            }
            prop_assert_eq!(a.after.iter().map(|x| x.0).collect::<Vec<_>>(), waiting);
        }
        // Stages in order, each action starting where the previous ended.
        for pair in actions.windows(2) {
            prop_assert!(pair[0].stage <= pair[1].stage);
            prop_assert!(pair[0].ends_day <= pair[1].ends_day);
        }
        // One action per gap.
        prop_assert_eq!(actions.len(), r.gaps.len());
    }

    #[test]
    fn the_size_count_is_the_compact_json_length(
        doc in document(),
        texts in proptest::collection::vec(any::<String>(), 4),
        hours in proptest::option::of(1u32..1000),
        assigned in proptest::collection::vec((any::<prop::sample::Index>(), any::<String>(), any::<bool>()), 0..4),
    ) {
        let mut doc = doc;
        doc.profile.organization = texts[0].clone();
        doc.profile.cloud_provider = texts[1].clone();
        doc.profile.hours_per_week = hours;
        if let Some(a) = doc.answers.values_mut().next() {
            a.note = texts[2].clone();
        }
        doc.answers.insert(texts[3].clone(), Answer { status: Status::Planned, evidence: true, note: texts[3].clone() });
        for (pick, owner, dated) in assigned {
            let due = dated.then(start);
            doc.assignments.insert(pick.get(catalog::controls()).id.into(), soc2_readiness::model::Assignment { owner, due });
        }
        prop_assert_eq!(
            soc2_readiness::import::document_bytes(&doc),
            serde_json::to_string(&doc).unwrap().len()
        );
    }

    #[test]
    fn json_strings_are_quoted_as_serde_json_quotes_them(text in any::<String>()) {
        prop_assert_eq!(soc2_readiness::json::quote(&text), serde_json::to_string(&text).unwrap());
        prop_assert_eq!(soc2_readiness::json::quoted_len(&text), serde_json::to_string(&text).unwrap().len());
    }

    #[test]
    fn import_never_panics_on_arbitrary_text(text in ".{0,400}") {
        let _ = soc2_readiness::import(&text);
    }

    #[test]
    fn import_never_panics_on_arbitrary_json(value in arbitrary_json()) {
        let _ = soc2_readiness::import(&value.to_string());
        // Also as the profile and the answers of an otherwise valid document.
        let wrapped = serde_json::json!({"version": 1, "profile": value.clone(), "answers": value});
        let _ = soc2_readiness::import(&wrapped.to_string());
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just("implemented".to_string()),
            Just("2027-01-04".to_string()),
            Just("security".to_string()),
            Just("access.mfa-admin".to_string()),
            ".{0,12}"
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("version".to_string()),
                    Just("status".to_string()),
                    Just("startDate".to_string()),
                    Just("profile".to_string()),
                    "[a-z]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

// ---- import → export → import, at the limits ---------------------------------------------------

use soc2_readiness::import::import;
use soc2_readiness::model::{MAX_ID_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use soc2_readiness::{Date, Export};

/// Text near a length limit: an arbitrary short prefix (any characters, non-BMP and control
/// characters included), then one character repeated to `limit - 8 ..= limit + 1` characters
/// in total, or a short arbitrary string.
fn text_near(limit: usize) -> impl Strategy<Value = String> {
    let filler = prop_oneof![
        Just('a'),
        Just('😀'),
        Just('漢'),
        Just('\u{1}'),
        Just('"'),
        Just('\u{10ffff}'),
        Just('\u{feff}'),
    ];
    prop_oneof![
        ".{0,12}",
        any::<String>(),
        (".{0,8}", filler, 0usize..10).prop_map(move |(prefix, c, short)| {
            let have = prefix.chars().count();
            let total = (limit + 1).saturating_sub(short);
            let mut s = prefix;
            s.extend(std::iter::repeat(c).take(total.saturating_sub(have)));
            s
        }),
    ]
}

/// A start date from 1960 to 2259: mostly inside the accepted range, sometimes outside.
fn any_date() -> impl Strategy<Value = Date> {
    (1960i32..2260, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn large_document() -> impl Strategy<Value = Document> {
    let ids: Vec<&'static str> = catalog::controls().iter().map(|c| c.id).collect();
    let answer = || (0usize..5, any::<bool>(), text_near(MAX_NOTE_CHARS));
    (
        document(),
        any_date(),
        [
            text_near(MAX_NAME_CHARS),
            text_near(MAX_NAME_CHARS),
            text_near(MAX_NAME_CHARS),
        ],
        proptest::collection::vec((proptest::sample::select(ids), answer()), 0..40),
        proptest::collection::vec((text_near(MAX_ID_CHARS), answer()), 0..6),
    )
        .prop_map(|(mut doc, start, [org, owner, provider], known, unknown)| {
            doc.profile.start_date = start;
            doc.profile.organization = org;
            doc.profile.compliance_owner = owner;
            doc.profile.cloud_provider = provider;
            for (id, (s, evidence, note)) in known
                .into_iter()
                .map(|(id, a)| (id.to_string(), a))
                .chain(unknown)
            {
                doc.answers.insert(
                    id,
                    Answer {
                        status: STATUSES[s],
                        evidence,
                        note,
                    },
                );
            }
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_accepted_document_survives_export_and_reimport(doc in large_document(), pretty in any::<bool>()) {
        let text = if pretty { to_json(&doc) } else { serde_json::to_string(&doc).unwrap() };
        if let Ok(imported) = import(&text) {
            let first = imported.document;
            let export = to_json(&Export::new(first.clone()));
            let second = import(&export);
            prop_assert!(second.is_ok(), "the export was refused: {}", second.unwrap_err());
            prop_assert_eq!(&second.unwrap().document, &first);
            // And the export of the re-import is the same file.
            prop_assert_eq!(to_json(&Export::new(first.clone())), export);
        } else {
            // Refused only for a reason the limits give.
            let e = import(&text).unwrap_err();
            let known_reason = ["characters", "start dates", "holds at most", "control ids"]
                .iter()
                .any(|r| e.message.contains(r));
            prop_assert!(known_reason, "refused for {}", e);
        }
    }

    #[test]
    fn csv_cells_never_start_a_formula_or_carry_raw_controls(
        lead in proptest::collection::vec(prop_oneof![
            Just(' '), Just('\u{a0}'), Just('\n'), Just('\r'), Just('\t'), Just('\u{3000}'),
            Just('\u{2028}'), Just('\u{200b}'), Just('\u{feff}'), Just('\u{85}'),
        ], 0..4),
        trigger in prop_oneof![Just('='), Just('+'), Just('-'), Just('@'), Just('\u{ff1d}')],
        rest in any::<String>(),
    ) {
        let text: String = lead.into_iter().chain(std::iter::once(trigger)).chain(rest.chars()).collect();
        let cell = soc2_readiness::report::csv_cell(&text);
        let inner = cell
            .strip_prefix('"')
            .and_then(|c| c.strip_suffix('"'))
            .map_or(cell.clone(), |c| c.replace("\"\"", "\""));
        // What a spreadsheet that trims whitespace and invisible characters sees first.
        let first = inner
            .chars()
            .find(|c| !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'));
        let formula = matches!(first, Some('=' | '+' | '-' | '@' | '\u{ff1d}' | '\u{ff0b}' | '\u{ff0d}' | '\u{ff20}'));
        prop_assert!(!formula && !inner.starts_with(['\t', '\r']), "{:?} -> {:?}", text, cell);
        prop_assert!(!cell.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')), "{:?}", cell);
    }
}
