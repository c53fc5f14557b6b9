//! Criterion benchmark of a full assessment (every control answered, all categories in scope).
//! Target: ≤ 50 µs natively. Run with `cargo bench --bench assess`.
#![allow(clippy::panic)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use soc2_readiness::{assess, catalog, Answer, Category, Date, Document, Status};

fn full_document() -> Document {
    let start = Date::parse("2027-01-04").unwrap_or_else(|e| panic!("{e}"));
    let mut doc = Document::new(start);
    doc.profile.categories = Category::ALL.to_vec();
    doc.profile.api_versions = 3;
    doc.profile.regions = 2;
    doc.profile.integrations = 12;
    // Every status but not applicable, so that every control counts.
    let statuses = Status::ALL.get(..4).unwrap_or(&Status::ALL);
    for (i, c) in catalog::controls().iter().enumerate() {
        let status = statuses
            .get(i % statuses.len())
            .copied()
            .unwrap_or(Status::Implemented);
        doc.answers.insert(
            c.id.to_string(),
            Answer {
                status,
                evidence: i % 3 == 0,
                note: String::new(),
            },
        );
    }
    doc
}

fn bench(c: &mut Criterion) {
    let doc = full_document();
    c.bench_function("assess (all categories, every control answered)", |b| {
        b.iter(|| assess(black_box(&doc)))
    });
    // What the session does for one answer: set it in place, assess, summarise.
    let mut session_doc = doc.clone();
    let ids: Vec<&str> = catalog::controls().iter().map(|c| c.id).collect();
    let mut i = 0usize;
    c.bench_function(
        "one session change natively (answer + assess + summary)",
        |b| {
            b.iter(|| {
                i += 1;
                let id = ids.get(i % ids.len()).copied().unwrap_or_default();
                let status = if i % 2 == 0 {
                    Status::Implemented
                } else {
                    Status::Partial
                };
                session_doc.answers.insert(
                    id.to_string(),
                    Answer {
                        status,
                        evidence: i % 3 == 0,
                        note: String::new(),
                    },
                );
                soc2_readiness::summary::Summary::of(&assess(black_box(&session_doc)))
            })
        },
    );
    let text = soc2_readiness::to_json(&doc);
    c.bench_function("import + assess (what a file import does)", |b| {
        b.iter(|| soc2_readiness::assess_text(black_box(&text)).is_ok())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
