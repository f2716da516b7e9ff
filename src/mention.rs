//! Resolved mentions and how they were resolved.

use crate::{Entity, Span};
use std::fmt;
use std::str::FromStr;

/// How a mention was resolved.
///
/// ```
/// use canon::Method;
/// assert_eq!(Method::Alias.to_string(), "alias");
/// assert_eq!("fuzzy".parse::<Method>(), Ok(Method::Fuzzy));
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// The text is the entity's canonical name, character for character.
    Exact,
    /// The text is one of the entity's aliases or names by language.
    Alias,
    /// The text is one of the entity's acronyms, with matching case.
    Acronym,
    /// The text equals a listed name once normalized (case, diacritics,
    /// apostrophes, dashes, spaces).
    Normalized,
    /// The text is a listed name in which a place's name is spelled another
    /// way that the gazetteer lists for that place (`Lion of Panchir` from
    /// `Lion of Panjshir` and the place's `Panchir`).
    Composed,
    /// The text is a name that the gazetteer does not list but the known
    /// names give the entity ([`crate::KnownNames`]): `Égypte` for a
    /// gazetteer listing only `Egypt`.
    Known,
    /// The text and a listed name are one name in two spellings: they share
    /// a convention-neutral skeleton once transliterated into Latin
    /// (`Panchir` = `Panjshir`, `Кабул` = `Kabul`, `پنجشیر` = `Panjshir`).
    Transliteration,
    /// The text is close to a listed name by edit distance.
    Fuzzy,
    /// The text refers back to an entity named before in the document (a
    /// bare surname after the full name).
    Coreference,
}

impl Method {
    /// Every method, in order of preference.
    pub const ALL: [Method; 9] = [
        Method::Exact,
        Method::Alias,
        Method::Acronym,
        Method::Normalized,
        Method::Composed,
        Method::Known,
        Method::Transliteration,
        Method::Fuzzy,
        Method::Coreference,
    ];

    /// The method's wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Alias => "alias",
            Method::Acronym => "acronym",
            Method::Normalized => "normalized",
            Method::Composed => "composed",
            Method::Known => "known",
            Method::Transliteration => "transliteration",
            Method::Fuzzy => "fuzzy",
            Method::Coreference => "coreference",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an unknown method name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown method `{0}`")]
pub struct UnknownMethod(String);

impl FromStr for Method {
    type Err = UnknownMethod;

    fn from_str(s: &str) -> Result<Method, UnknownMethod> {
        Method::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| UnknownMethod(s.to_string()))
    }
}

/// A mention of a known entity in a document.
///
/// `span` is a byte span on the document's original text, on `char`
/// boundaries; `score` lies in [0, 1].
#[derive(Clone, Debug, PartialEq)]
pub struct Mention<'g> {
    /// Where the mention is, in bytes of the original text.
    pub span: Span,
    /// The entity it refers to.
    pub entity: &'g Entity,
    /// Confidence in [0, 1].
    pub score: f64,
    /// How it was resolved.
    pub method: Method,
}
