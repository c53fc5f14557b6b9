//! A calendar date (proleptic Gregorian), enough for timeline arithmetic.
//!
//! Hand-written rather than a dependency: the engine needs parsing, formatting and adding days,
//! which is forty lines, and every byte of Wasm is downloaded by a site visitor.

use serde::{Serialize, Serializer};
use std::fmt;

/// A date between years 1900 and 9999.
///
/// A document's start date is narrower: [`Date::parse_start`] accepts [`START_MIN`] to
/// [`START_MAX`] only, the one range import, the page, the timeline and OSCAL all rely on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Earliest accepted start date.
pub const START_MIN: Date = Date {
    year: 1970,
    month: 1,
    day: 1,
};
/// Latest accepted start date. Chosen so that every path can represent every date derived from a
/// start date: OSCAL's date-times end with 2999, and the longest plan the document's limits allow
/// (about 7,600 years: 100,000 endpoints, versions, integrations and regions worked on by a team
/// of one) still ends before 9999-12-31, the last day this type holds. `tests/limits.rs` checks
/// both.
pub const START_MAX: Date = Date {
    year: 2199,
    month: 12,
    day: 31,
};

/// A date's `YYYY-MM-DD` text, made at compile time (four-digit years only).
macro_rules! date_text {
    ($date:ident) => {
        const_format::concatcp!(
            $date.year,
            "-",
            $date.month / 10,
            $date.month % 10,
            "-",
            $date.day / 10,
            $date.day % 10
        )
    };
}
/// [`START_MIN`] as text.
pub const START_MIN_TEXT: &str = date_text!(START_MIN);
/// [`START_MAX`] as text.
pub const START_MAX_TEXT: &str = date_text!(START_MAX);

impl Date {
    /// The date, if it exists and lies in 1900..=9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1900..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes.get(4) == Some(&b'-')
            && bytes.get(7) == Some(&b'-')
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format!(
                "`{}` is not a date in the form YYYY-MM-DD",
                clip(text)
            ));
        }
        // The shape check above made these digits; summed by hand, which takes the Wasm module
        // less code than `str::parse`.
        let num = |range: std::ops::Range<usize>| {
            bytes
                .get(range)
                .unwrap_or_default()
                .iter()
                .fold(0i32, |n, b| n * 10 + i32::from(b - b'0'))
        };
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        let month_u8 = u8::try_from(month).unwrap_or(0);
        let day_u8 = u8::try_from(day).unwrap_or(0);
        Date::new(year, month_u8, day_u8)
            .ok_or_else(|| format!("`{text}` is not a calendar date between 1900 and 9999"))
    }

    /// Parses `YYYY-MM-DD` as a start date: a calendar date from [`START_MIN`] to [`START_MAX`].
    pub fn parse_start(text: &str) -> Result<Date, String> {
        Date::parse(text)?.check_start()
    }

    /// This date, if it is an accepted start date ([`START_MIN`] to [`START_MAX`]).
    pub fn check_start(self) -> Result<Date, String> {
        if (START_MIN..=START_MAX).contains(&self) {
            Ok(self)
        } else {
            Err(format!(
                "{self} is outside the supported start dates, {START_MIN} to {START_MAX}"
            ))
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if within range.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// This date plus `days`, saturating at the supported range.
    pub fn add_days(self, days: i64) -> Date {
        // Beyond ±4 million days every result is out of range anyway; clamping keeps the
        // arithmetic in from_days far from overflow.
        let days = days.clamp(-4_000_000, 4_000_000);
        Date::from_days(self.to_days() + days).unwrap_or(if days < 0 {
            Date {
                year: 1900,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                year: 9999,
                month: 12,
                day: 31,
            }
        })
    }
}

fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CalendarDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^(19[7-9][0-9]|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$",
            "description": "Calendar date YYYY-MM-DD from 1970-01-01 to 2199-12-31"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_round_trip() {
        for text in ["2027-01-04", "2024-02-29", "1999-12-31", "9999-12-31"] {
            assert_eq!(Date::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for text in [
            "2023-02-29",
            "2027-13-01",
            "2027-00-10",
            "2027-1-4",
            "27-01-04",
            "",
            "2027-01-04T00:00",
            "１２３４-01-01",
        ] {
            assert!(Date::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn day_arithmetic_crosses_months_years_and_leap_days() {
        let d = Date::parse("2027-12-25").unwrap();
        assert_eq!(d.add_days(7).to_string(), "2028-01-01");
        assert_eq!(
            Date::parse("2028-02-28").unwrap().add_days(1).to_string(),
            "2028-02-29"
        );
        assert_eq!(Date::parse("1970-01-01").unwrap().to_days(), 0);
        assert_eq!(d.add_days(-d.to_days()).to_string(), "1970-01-01");
    }

    #[test]
    fn start_dates_lie_in_one_range() {
        for text in ["1970-01-01", "2027-01-04", "2199-12-31"] {
            assert_eq!(Date::parse_start(text).unwrap().to_string(), text);
        }
        for text in [
            "1969-12-31",
            "2200-01-01",
            "3000-01-01",
            "9999-12-31",
            "1900-01-01",
        ] {
            let e = Date::parse_start(text).unwrap_err();
            assert!(e.contains("1970-01-01 to 2199-12-31"), "{text}: {e}");
        }
    }

    #[test]
    fn adding_days_saturates_at_the_supported_range() {
        let d = Date::parse("9999-12-30").unwrap();
        assert_eq!(d.add_days(1000).to_string(), "9999-12-31");
        assert_eq!(d.add_days(i64::MAX).to_string(), "9999-12-31");
    }
}
