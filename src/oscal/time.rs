//! OSCAL date-times: [`Timestamp`], parsed from RFC 3339 text or made from a [`Date`], always
//! within what OSCAL's `date-time-with-timezone` pattern accepts.

use crate::date::Date;
use std::fmt;

/// First and last years OSCAL date-times can hold: the pattern of OSCAL's
/// `DateTimeWithTimezoneDatatype` (1.1.2 to 1.2.3 alike) spells the year as `19xx` or `2xxx`.
pub const FIRST_YEAR: i32 = 1900;
/// See [`FIRST_YEAR`].
pub const LAST_YEAR: i32 = 2999;

/// A date-time with timezone, as OSCAL's `date-time-with-timezone` requires.
///
/// Accepts RFC 3339 date-times (`2027-01-04T10:00:00Z`, `2027-01-04T12:00:00.5+02:00`) within
/// what OSCAL allows: years 1900–2999 and the UTC offsets its schema lists (whole hours
/// from −12:00 to +14:00 and the half- and three-quarter-hour zones in use). Leap seconds are
/// rejected. Display gives the normalised text: upper-case `T`, `Z` for a zero offset, fraction
/// without trailing zeros.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    nanos: u32,
    /// Offset from UTC in minutes.
    offset: i16,
}

/// Offsets (minutes east of UTC) OSCAL's date-time pattern accepts, besides whole hours.
const PART_HOUR_OFFSETS: [i16; 9] = [
    -(9 * 60 + 30),
    -(3 * 60 + 30),
    3 * 60 + 30,
    4 * 60 + 30,
    5 * 60 + 30,
    5 * 60 + 45,
    6 * 60 + 30,
    8 * 60 + 45,
    9 * 60 + 30,
];
const MORE_PART_HOUR_OFFSETS: [i16; 2] = [10 * 60 + 30, 12 * 60 + 45];

fn offset_allowed(minutes: i16) -> bool {
    if minutes % 60 == 0 {
        return (-12 * 60..=14 * 60).contains(&minutes);
    }
    PART_HOUR_OFFSETS.contains(&minutes) || MORE_PART_HOUR_OFFSETS.contains(&minutes)
}

fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

impl Timestamp {
    /// Parses an RFC 3339 date-time with timezone (see the type's documentation).
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let shown = clip(text);
        let shape = || {
            format!(
                "`{shown}` is not an RFC 3339 date-time with timezone; expected \
                 YYYY-MM-DDTHH:MM:SS[.fraction] followed by Z or ±HH:MM, e.g. 2027-01-04T10:00:00Z"
            )
        };
        let bytes = text.as_bytes();
        let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        let byte_at = |i: usize| bytes.get(i).copied();
        let head_ok = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
            .into_iter()
            .all(digit_at)
            && byte_at(4) == Some(b'-')
            && byte_at(7) == Some(b'-')
            && matches!(byte_at(10), Some(b'T' | b't'))
            && byte_at(13) == Some(b':')
            && byte_at(16) == Some(b':');
        if !head_ok {
            return Err(shape());
        }
        let num = |from: usize, to: usize| {
            text.get(from..to)
                .and_then(|s| s.parse::<u32>().ok())
                .unwrap_or(0)
        };
        let year = i32::try_from(num(0, 4)).unwrap_or(i32::MAX);
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(format!(
                "`{shown}`: OSCAL date-times must lie in the years {FIRST_YEAR} to {LAST_YEAR}"
            ));
        }
        let date = Date::parse(text.get(0..10).unwrap_or_default())
            .map_err(|e| format!("`{shown}`: {e}"))?;
        let (hour, minute, second) = (num(11, 13), num(14, 16), num(17, 19));
        if hour > 23 || minute > 59 {
            return Err(format!(
                "`{shown}`: {hour:02}:{minute:02} is not a time of day"
            ));
        }
        if second == 60 {
            return Err(format!("`{shown}`: leap seconds (:60) are not supported"));
        }
        if second > 59 {
            return Err(format!("`{shown}`: second {second} is out of range"));
        }

        // Fraction, then zone.
        let mut at = 19;
        let mut nanos = 0u32;
        if byte_at(at) == Some(b'.') {
            let digits = bytes
                .get(at + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits == 0 {
                return Err(shape());
            }
            if digits > 9 {
                return Err(format!(
                    "`{shown}`: at most 9 fractional digits (nanoseconds) are supported"
                ));
            }
            let scale = 10u32.pow(u32::try_from(9 - digits).unwrap_or(0));
            nanos = num(at + 1, at + 1 + digits) * scale;
            at += 1 + digits;
        }
        let zone = text.get(at..).unwrap_or_default();
        let offset = match zone.as_bytes() {
            [] => {
                return Err(format!(
                    "`{shown}` has no timezone; add Z for UTC or an offset such as +02:00"
                ))
            }
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2]
                if [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()) =>
            {
                let hours = i16::from(h1 - b'0') * 10 + i16::from(h2 - b'0');
                let minutes = i16::from(m1 - b'0') * 10 + i16::from(m2 - b'0');
                if hours > 23 || minutes > 59 {
                    return Err(format!("`{shown}`: {zone} is not a UTC offset"));
                }
                let total = hours * 60 + minutes;
                let total = if *sign == b'-' { -total } else { total };
                if !offset_allowed(total) {
                    return Err(format!(
                        "`{shown}`: UTC offset {zone} is not one OSCAL accepts \
                         (whole hours from -12:00 to +14:00, or a half- or three-quarter-hour zone in use)"
                    ));
                }
                total
            }
            _ => return Err(shape()),
        };
        Ok(Timestamp {
            date,
            hour: u8::try_from(hour).unwrap_or(0),
            minute: u8::try_from(minute).unwrap_or(0),
            second: u8::try_from(second).unwrap_or(0),
            nanos,
            offset,
        })
    }

    /// Midnight UTC at the start of `date` (`YYYY-MM-DDT00:00:00Z`), or, for a date outside
    /// the years OSCAL date-times can hold ([`FIRST_YEAR`] to [`LAST_YEAR`]), midnight UTC of the
    /// nearest date they can hold. [`Timestamp::date`] tells whether that happened.
    pub fn midnight(date: Date) -> Timestamp {
        let first = Date::new(FIRST_YEAR, 1, 1).unwrap_or(date);
        let last = Date::new(LAST_YEAR, 12, 31).unwrap_or(date);
        Timestamp {
            date: date.clamp(first, last),
            hour: 0,
            minute: 0,
            second: 0,
            nanos: 0,
            offset: 0,
        }
    }

    /// The calendar date in the timestamp's own offset.
    pub fn date(&self) -> Date {
        self.date
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date, self.hour, self.minute, self.second
        )?;
        if self.nanos > 0 {
            let fraction = format!("{:09}", self.nanos);
            write!(f, ".{}", fraction.trim_end_matches('0'))?;
        }
        if self.offset == 0 {
            f.write_str("Z")
        } else {
            let sign = if self.offset < 0 { '-' } else { '+' };
            let abs = self.offset.unsigned_abs();
            write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> Date {
        Date::parse("2027-01-04").unwrap()
    }

    #[test]
    fn timestamps_parse_and_normalise() {
        for (text, shown) in [
            ("2027-01-04T10:00:00Z", "2027-01-04T10:00:00Z"),
            ("2027-01-04t10:00:00z", "2027-01-04T10:00:00Z"),
            ("2027-01-04T10:00:00+02:00", "2027-01-04T10:00:00+02:00"),
            ("2027-01-04T10:00:00-03:30", "2027-01-04T10:00:00-03:30"),
            ("2027-01-04T10:00:00+05:45", "2027-01-04T10:00:00+05:45"),
            ("2027-01-04T10:00:00+00:00", "2027-01-04T10:00:00Z"),
            ("2027-01-04T10:00:00-00:00", "2027-01-04T10:00:00Z"),
            ("2027-01-04T10:00:00.5Z", "2027-01-04T10:00:00.5Z"),
            (
                "2027-01-04T10:00:00.120+01:00",
                "2027-01-04T10:00:00.12+01:00",
            ),
            ("2027-01-04T10:00:00.000Z", "2027-01-04T10:00:00Z"),
            (
                "2027-01-04T23:59:59.123456789Z",
                "2027-01-04T23:59:59.123456789Z",
            ),
            ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        ] {
            assert_eq!(Timestamp::parse(text).unwrap().to_string(), shown, "{text}");
        }
        assert_eq!(
            Timestamp::midnight(start()).to_string(),
            "2027-01-04T00:00:00Z"
        );
    }

    #[test]
    fn timestamps_without_timezone_or_malformed_are_rejected() {
        for (text, says) in [
            ("2027-01-04T10:00:00", "no timezone"),
            ("2027-01-04", "not an RFC 3339"),
            ("2027-01-04 10:00:00Z", "not an RFC 3339"),
            ("2027-01-04T10:00Z", "not an RFC 3339"),
            ("2027-01-04T10:00:00.Z", "not an RFC 3339"),
            ("2027-01-04T10:00:00.1234567890Z", "9 fractional digits"),
            ("2027-01-04T10:00:00+0200", "not an RFC 3339"),
            ("2027-01-04T10:00:00+02", "not an RFC 3339"),
            ("2027-01-04T10:00:00Z ", "not an RFC 3339"),
            (" 2027-01-04T10:00:00Z", "not an RFC 3339"),
            ("2027-01-04T10:00:00+25:00", "not a UTC offset"),
            ("2027-01-04T10:00:00+01:15", "not one OSCAL accepts"),
            ("2027-01-04T10:00:00-13:00", "not one OSCAL accepts"),
            ("2027-01-04T24:00:00Z", "not a time of day"),
            ("2027-01-04T10:60:00Z", "not a time of day"),
            ("2027-01-04T23:59:60Z", "leap seconds"),
            ("2027-02-29T10:00:00Z", "calendar date"),
            ("2027-13-01T10:00:00Z", "calendar date"),
            ("3000-01-01T10:00:00Z", "1900 to 2999"),
            ("9999-01-01T10:00:00Z", "1900 to 2999"),
            ("0001-01-01T10:00:00Z", "1900 to 2999"),
            ("1899-12-31T10:00:00Z", "1900 to 2999"),
            ("２０２７-01-04T10:00:00Z", "not an RFC 3339"),
            ("2027-01-04T10:00:00Zé", "not an RFC 3339"),
            ("", "not an RFC 3339"),
        ] {
            let err = Timestamp::parse(text).unwrap_err();
            assert!(err.contains(says), "{text}: {err}");
        }
    }

    #[test]
    fn midnight_clamps_into_the_years_oscal_can_hold() {
        for (date, shown) in [
            ("2027-01-04", "2027-01-04T00:00:00Z"),
            ("1900-01-01", "1900-01-01T00:00:00Z"),
            ("2999-12-31", "2999-12-31T00:00:00Z"),
            ("3000-01-01", "2999-12-31T00:00:00Z"),
            ("9999-12-31", "2999-12-31T00:00:00Z"),
        ] {
            let date = Date::parse(date).unwrap();
            let ts = Timestamp::midnight(date);
            assert_eq!(ts.to_string(), shown);
            assert_eq!(ts.date() == date, shown.starts_with(&date.to_string()));
        }
    }
}
