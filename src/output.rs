//! The JSONL wire format of `canon link` (see CONTRACT.md): borrowed serde
//! structs built from [`Mention`]s, with code-point offsets computed here,
//! once, in a single pass over the document.

use crate::{Mention, Method};
use serde::Serialize;

/// One mention as written on the wire.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WireMention<'a> {
    /// Start, in Unicode code points.
    pub start: usize,
    /// End, in Unicode code points.
    pub end: usize,
    /// Start, in UTF-8 bytes.
    pub byte_start: usize,
    /// End, in UTF-8 bytes.
    pub byte_end: usize,
    /// The document's text between the offsets.
    pub text: &'a str,
    /// The entity's id.
    pub entity: &'a str,
    /// The entity's canonical name.
    pub name: &'a str,
    /// The entity's type.
    #[serde(rename = "type")]
    pub kind: &'a str,
    /// Confidence in [0, 1], rounded to four decimals.
    pub score: f64,
    /// How the mention was resolved.
    pub method: Method,
}

/// The wire form of `mentions` (sorted, as [`crate::Linker::link`] returns
/// them) found in `text`.
///
/// ```
/// use canon::{output, Gazetteer, Linker};
/// let g = Gazetteer::from_toml("g.toml", r#"
///     [[entity]]
///     id = "kabul"
///     name = "Kabul"
///     type = "place"
///     names = { fr = ["Kaboul"] }
/// "#).unwrap();
/// let linker = Linker::new(g).unwrap();
/// let text = "Arrivée à Kaboul";
/// let wire = output::wire_mentions(text, &linker.link(text));
/// assert_eq!((wire[0].start, wire[0].byte_start), (10, 12)); // é and à are 2 bytes
/// assert_eq!(wire[0].text, "Kaboul");
/// ```
pub fn wire_mentions<'a>(text: &'a str, mentions: &[Mention<'a>]) -> Vec<WireMention<'a>> {
    let mut chars = 0;
    let mut at = 0;
    let mut advance = |to: usize| {
        chars += text[at..to].chars().count();
        at = to;
        chars
    };
    mentions
        .iter()
        .map(|m| {
            let start = advance(m.span.start);
            let end = advance(m.span.end);
            WireMention {
                start,
                end,
                byte_start: m.span.start,
                byte_end: m.span.end,
                text: &text[m.span],
                entity: &m.entity.id,
                name: &m.entity.name,
                kind: m.entity.kind.as_str(),
                score: (m.score * 10_000.0).round() / 10_000.0,
                method: m.method,
            }
        })
        .collect()
}

/// One output document: the input's fields in their order, with `mentions`
/// replaced where the input had it, or appended. Serializes straight to the
/// writer, so even a document with a million mentions is never held as a
/// JSON tree.
///
/// ```
/// use canon::output::{wire_mentions, WireDocument};
/// let mut fields = serde_json::Map::new();
/// fields.insert("id".into(), "a.txt".into());
/// let doc = WireDocument { fields: &fields, mentions: wire_mentions("", &[]) };
/// assert_eq!(serde_json::to_string(&doc).unwrap(), r#"{"id":"a.txt","mentions":[]}"#);
/// ```
#[derive(Debug)]
pub struct WireDocument<'a> {
    /// The document's other fields (for text input, just `id`).
    pub fields: &'a serde_json::Map<String, serde_json::Value>,
    /// canon's mentions.
    pub mentions: Vec<WireMention<'a>>,
}

impl Serialize for WireDocument<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        let mut replaced = false;
        for (key, value) in self.fields {
            if key == "mentions" {
                map.serialize_entry(key, &self.mentions)?;
                replaced = true;
            } else {
                map.serialize_entry(key, value)?;
            }
        }
        if !replaced {
            map.serialize_entry("mentions", &self.mentions)?;
        }
        map.end()
    }
}
