//! A map that serialises its entries in insertion order (catalog order), without pulling in
//! serde_json's `preserve_order` feature for the whole crate.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// Entries keyed by static ids, serialised as a JSON object in the order they were collected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderedMap<V>(pub Vec<(&'static str, V)>);

impl<V> OrderedMap<V> {
    /// The value for `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &V)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V> FromIterator<(&'static str, V)> for OrderedMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        OrderedMap(sized(iter.into_iter()))
    }
}

/// Collects `items` into a vector allocated once, for the most items the iterator can yield: a
/// filtered iterator's `collect` starts small and doubles (five allocations for the criteria's
/// thirty-odd scores). Allocating was a tenth of an answer's time in Wasm (measured).
pub(crate) fn sized<T>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut collected = Vec::with_capacity(items.size_hint().1.unwrap_or(0));
    collected.extend(items);
    collected
}

impl<V: Serialize> Serialize for OrderedMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(&Id(k), v)?;
        }
        map.end()
    }
}

/// An object whose values are all `V` (the keys are catalog ids).
impl<V: schemars::JsonSchema> schemars::JsonSchema for OrderedMap<V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": generator.subschema_for::<V>(),
        })
    }
}

/// Catalog ids and other static names serialised as unit variants named by them. Text formats
/// write the same string (serde_json writes `"CC6.1"` either way); serde-wasm-bindgen creates a
/// unit variant's JS string once per process and reuses it (its cache is keyed by the string's
/// address), where a plain `&str` is decoded again into a new JS string on every change.
/// Measured in Chromium: decoding strings was 40 % of writing the summary the page receives
/// after every answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id(pub &'static str);

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("", 0, self.0)
    }
}

impl schemars::JsonSchema for Id {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

/// `#[serde(serialize_with = "ordered::id")]` for a `&'static str` field (see [`Id`]).
pub fn id<S: Serializer>(value: &&'static str, serializer: S) -> Result<S::Ok, S::Error> {
    Id(value).serialize(serializer)
}

/// `#[serde(serialize_with = "ordered::ids")]` for a list of `&'static str` (see [`Id`]).
pub fn ids<S: Serializer>(values: &[&'static str], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(|v| Id(v)))
}
