//! canon: a multilingual, transliteration-normalizing entity linker.
//!
//! canon finds every mention of a known entity in a text, whatever its
//! spelling, script or language, and tells which entity it is, where it is
//! (exact offsets on the original text), how sure it is and how it was
//! resolved. The entities come from a hand-written TOML gazetteer.
//!
//! # Overview
//!
//! - [`Gazetteer`]: validated entities, loaded from TOML files or
//!   directories ([`Gazetteer::load`]), a string ([`Gazetteer::from_toml`]) or
//!   the embedded default ([`Gazetteer::embedded`]). Every mistake of every
//!   file is reported at once, located ([`GazetteerErrors`]).
//! - [`Linker`]: built once from a gazetteer ([`Linker::new`],
//!   [`Linker::builder`]), then [`Linker::link`] on any number of texts from
//!   any number of threads; [`Linker::explain`] shows every candidate and why
//!   it was kept or dropped.
//! - [`Mention`]: a byte [`Span`] on the original text, the [`Entity`], a
//!   score in [0, 1] and a [`Method`].
//! - [`Normalizer`]: the one normalization pipeline, for names and texts.
//! - [`output`]: the JSON Lines wire format; [`eval`]: scoring against gold
//!   annotations with the rules of the reference scorer.
//! - Authoring: [`Gazetteer::lint`] and [`Gazetteer::check`] warn about
//!   names that will not link as meant; [`edit`] adds names and entities to
//!   gazetteer files in place; [`suggest`] reads a corpus and proposes what
//!   the gazetteer lacks.
//!
//! # Example
//!
//! ```
//! use canon::{Gazetteer, Linker, Method};
//!
//! let gazetteer = Gazetteer::from_toml("people.toml", r#"
//!     [[entity]]
//!     id = "ahmad-shah-massoud"
//!     name = "Ahmad Shah Massoud"
//!     type = "person"
//!     names = { fr = ["Ahmed Chah Massoud"] }
//! "#)?;
//! let linker = Linker::new(gazetteer)?;
//! let text = "Le portrait d'Ahmed Chah Massoud, puis celui d'Achmad Schah Massud.";
//! let mentions = linker.link(text);
//! assert_eq!(mentions.len(), 2);
//! assert_eq!(&text[mentions[0].span], "Ahmed Chah Massoud");
//! assert_eq!(mentions[0].method, Method::Alias);
//! // Never listed: the German spelling shares the name's skeleton.
//! assert_eq!(&text[mentions[1].span], "Achmad Schah Massud");
//! assert_eq!(mentions[1].method, Method::Transliteration);
//! assert!(mentions[1].score < 1.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The embedded default gazetteer covers the entities of the Panjshir seed
//! article:
//!
//! ```
//! let linker = canon::Linker::new(canon::Gazetteer::embedded())?;
//! let ids: Vec<&str> = linker
//!     .link("Les talibans sont entrés dans Kaboul, selon l'AFP.")
//!     .iter()
//!     .map(|m| m.entity.id.as_str())
//!     .collect();
//! assert_eq!(ids, ["taliban", "kabul", "afp"]);
//! # Ok::<(), canon::BuildError>(())
//! ```
#![deny(missing_docs)]

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod atomic;
mod candidates;
mod coreference;
pub mod edit;
mod eponyms;
mod error;
pub mod eval;
mod family_first;
mod flat;
mod forms;
mod frames;
mod fuzzy;
mod fuzzy_index;
mod gazetteer;
mod guard;
mod index;
mod keytable;
mod known;
mod language;
mod lexicon;
mod linker;
mod memo;
mod mention;
mod name_words;
mod normalize;
pub mod output;
mod places;
mod resolve;
mod skeleton;
mod span;
pub mod suggest;
mod tables;
mod tokenize;

pub use atomic::write_atomically;
pub use candidates::Reason;
pub use error::{
    Expected, GazetteerError, GazetteerErrorKind, GazetteerErrors, ParseEntityTypeError,
};
pub use gazetteer::{
    is_language_tag, Entity, EntityType, Gazetteer, Names, Origin, OtherName, Report, SourceFile,
    Warning, WarningKind,
};
pub use index::{IndexError, IndexErrorKind};
pub use known::KnownNames;
pub use linker::{BuildError, Explained, Explanation, Linker, LinkerBuilder, DEFAULT_THRESHOLD};
pub use mention::{Mention, Method, UnknownMethod};
pub use normalize::{Normalized, Normalizer};
pub use span::Span;
