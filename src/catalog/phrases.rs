//! The keyed phrases the Markdown and CSV exports (report and comparison) are written with: every
//! heading and sentence the engine writes around the catalog's own text. The text of each phrase
//! is data, one per language: `[report]` in `catalog/catalog.toml` (English) and in
//! `catalog/lang/<tag>/catalog.toml`, with `{placeholders}` where values go. This list is the one
//! place their keys and placeholders are named: build.rs (which includes this file) requires the
//! English `[report]` to have exactly these keys with exactly these placeholders, and every
//! translation the same keys and placeholders as English.

macro_rules! phrases {
    ($($(#[$doc:meta])* $variant:ident = $key:literal [$($placeholder:literal),*];)*) => {
        /// A phrase of the exports (see the module's documentation).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Phrase {
            $($(#[$doc])* $variant,)*
        }

        impl Phrase {
            /// Every phrase, in the order of the catalog's `[report]` table.
            pub const ALL: &'static [Phrase] = &[$(Phrase::$variant,)*];

            /// Its key in the catalog's `[report]` table.
            pub fn key(self) -> &'static str {
                match self {
                    $(Phrase::$variant => $key,)*
                }
            }

            /// The placeholders its text uses (each at least once, and no other).
            pub fn placeholders(self) -> &'static [&'static str] {
                match self {
                    $(Phrase::$variant => &[$($placeholder),*],)*
                }
            }
        }
    };
}

phrases! {
    // The Markdown report.
    /// The report's heading without an organisation.
    Title = "title" [];
    /// The report's heading with the organisation's name.
    TitleOf = "titleOf" ["organization"];
    /// What was assessed, against what, when.
    Intro = "intro" ["catalog", "version", "startDate", "months", "categories"];
    /// The same for a quick check.
    IntroQuick = "introQuick" ["catalog", "version", "startDate", "months", "categories"];
    ComplianceOwner = "complianceOwner" ["owner"];
    /// What the results are and are not (the JSON export's `disclaimer` stays English).
    Disclaimer = "disclaimer" [];
    /// Bold label before the overall scores.
    OverallLabel = "overallLabel" [];
    Overall = "overall" ["design", "operating", "answered"];
    /// A percentage ("45 %").
    Percent = "percent" ["value"];
    /// A score with its band.
    Scored = "scored" ["percent", "band"];
    QuickNote = "quickNote" [];
    UnmetCriteria = "criteriaWithNothing" ["criteria"];
    ColumnCategory = "columnCategory" [];
    ColumnDesign = "columnDesign" [];
    ColumnOperating = "columnOperating" [];
    ColumnAnswered = "columnAnswered" [];
    Blockers = "blockers" [];
    NoBlockers = "noBlockers" [];
    /// A blocker after its title: its state, what it blocks and the band it caps at.
    Blocker = "blocker" ["state", "reports", "band"];
    BlocksBoth = "blocksBoth" [];
    BlocksType2 = "blocksType2" [];
    Plan = "plan" [];
    PlanEmpty = "planEmpty" [];
    PlanIntro = "planIntro" ["actions", "hours", "startDate"];
    PlanIntroOne = "planIntroOne" ["actions", "hours", "startDate"];
    Critical = "critical" [];
    PersonDay = "personDay" ["days"];
    PersonDays = "personDays" ["days"];
    Owner = "owner" ["owner"];
    Due = "due" ["date"];
    /// The actions an action waits for.
    After = "after" ["titles"];
    Note = "note" ["note"];
    /// What to do for a control not in place.
    Fix = "fix" ["remediation", "evidence"];
    /// What to do for a control in place whose records are missing.
    StartRecords = "startRecords" ["evidence"];
    Timeline = "timeline" [];
    ColumnReport = "columnReport" [];
    ColumnWeeks = "columnWeeks" [];
    ColumnReportDate = "columnReportDate" [];
    Type1 = "type1" [];
    Type2 = "type2" [];
    /// A range of dates.
    DateRange = "dateRange" ["from", "to"];
    Type2Phases = "type2Phases" [];
    /// A phase of the Type II plan.
    Phase = "phase" ["phase", "fewestWeeks", "mostWeeks", "from", "to"];
    Assumptions = "assumptions" ["weeklyHours", "gapHours", "docHours"];
    GeneratedBy = "generatedBy" ["generator"];
    // The CSV of the plan (column names stay machine ids; cells follow the language).
    CsvEvidence = "csvEvidence" ["evidence"];
    CsvWhy = "csvWhy" ["why"];
    CsvInPlace = "csvInPlace" [];
    CsvSource = "csvSource" [];
    // The comparison.
    Since = "since" ["date"];
    ComparedWith = "comparedWith" ["beforeDate", "beforeAnswered", "beforeCatalog", "afterDate", "afterAnswered", "afterCatalog"];
    CatalogChanged = "catalogChanged" [];
    CompareOverall = "compareOverall" ["type1", "type1Bands", "type2", "type2Bands"];
    NotInScope = "notInScope" [];
    Unchanged = "unchanged" ["band"];
    ColumnArea = "columnArea" [];
    ColumnCriterion = "columnCriterion" [];
    AreasMoved = "areasMoved" [];
    CriteriaMoved = "criteriaMoved" [];
    Controls = "controls" [];
    NoControlMoved = "noControlMoved" [];
    MovedImproved = "movedImproved" [];
    MovedRegressed = "movedRegressed" [];
    MovedChanged = "movedChanged" [];
    MovedAppeared = "movedAppeared" [];
    MovedDropped = "movedDropped" [];
    MovedRetired = "movedRetired" [];
    NotAsked = "notAsked" [];
    Retired = "retired" [];
    NoChange = "noChange" [];
    DayEarlier = "dayEarlier" ["days"];
    DaysEarlier = "daysEarlier" ["days"];
    DayLater = "dayLater" ["days"];
    DaysLater = "daysLater" ["days"];
    Type1Report = "type1Report" [];
    Type2Report = "type2Report" [];
    /// How one report's expected dates and weeks moved.
    ReportMoved = "reportMoved" ["report", "beforeFrom", "beforeTo", "afterFrom", "afterTo", "early", "late", "weeksBefore", "weeksAfter"];
    CompareCsvSource = "compareCsvSource" [];
}

/// The placeholders `text` uses: every `{name}` whose name is ASCII letters and digits, in order
/// of appearance (repeats included).
pub fn placeholders(text: &str) -> Vec<&str> {
    // `split_once` rather than `str::get`: more callers of `get` made the engine module's JSON
    // reader stop inlining it (40 bytes gzipped, measured), though none of this is in that module.
    let mut found = Vec::new();
    let mut rest = text;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()) {
            found.push(name);
        }
        rest = tail;
    }
    found
}

/// `template` with each `{name}` of `values` replaced by its value (values are inserted as they
/// are, never read for placeholders themselves); an unknown `{name}` stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = values.iter().find(|(k, _)| *k == name)?;
            Some((*value, tail))
        });
        match value {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_placeholders_named_once() {
        let mut keys: Vec<&str> = Phrase::ALL.iter().map(|p| p.key()).collect();
        keys.sort_unstable();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count, "a key is named twice");
        for p in Phrase::ALL {
            let mut names = p.placeholders().to_vec();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), p.placeholders().len(), "{}", p.key());
        }
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(
            fill("{a} and {b}, {c} {", &[("a", "1"), ("b", "{a}")]),
            "1 and {a}, {c} {"
        );
        assert_eq!(fill("", &[]), "");
        assert_eq!(fill("ü{x}ß", &[("x", "€")]), "ü€ß");
        assert_eq!(placeholders("{a} {b1} {no space} {} {a"), ["a", "b1"]);
    }
}
