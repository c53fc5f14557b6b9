//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use soc2_readiness::{catalog, Answer, Category, Date, Document, Status};

pub fn start() -> Date {
    Date::parse("2027-01-04").unwrap()
}

/// An empty document with every category in scope.
pub fn all_categories() -> Document {
    let mut doc = Document::new(start());
    doc.profile.categories = Category::ALL.to_vec();
    doc
}

pub fn answer(status: Status, evidence: bool) -> Answer {
    Answer {
        status,
        evidence,
        note: String::new(),
    }
}

/// Answers every control of the catalog with `status` and `evidence`.
pub fn answer_all(doc: &mut Document, status: Status, evidence: bool) {
    for c in catalog::controls() {
        doc.answers
            .insert(c.id.to_string(), answer(status, evidence));
    }
}
