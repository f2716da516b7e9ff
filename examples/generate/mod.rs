//! A seeded generator of gazetteers and news-like corpora at scale, with
//! gold annotations: used by `examples/generate.rs` (files for `canon link`,
//! `canon eval` and the scripts) and by the benchmarks (`benches/link`), so
//! both measure the same data.
//!
//! * Entities ([`entities`]): persons, places and organizations with
//!   distinct English names. Names are made of sounds ([`phonology`]) drawn
//!   from Slavic, Arabic, Persian and Greek pools (real given names,
//!   generated surnames and place names with the origin's endings);
//!   organizations are "Adjective Field Body of Place" with an acronym,
//!   translated into French, German and Spanish ([`organizations`]).
//! * Spellings ([`spelling`]): every name is written from its sounds in the
//!   English, French, German and Spanish press conventions, and in
//!   Cyrillic, Arabic script and Greek. The gazetteer lists the English
//!   name and, for some entities, other spellings, a vowel variant and an
//!   acronym; the rest are left for canon to bridge.
//! * Documents ([`corpus`]): sentences of seven languages with the entities
//!   in one spelling per document, surnames and acronyms after the first
//!   mention, and look-alike names that are no entity (gold `null`).
//!
//! The same seed gives the same files on every machine.

pub mod corpus;
pub mod entities;
pub mod organizations;
pub mod phonology;
pub mod rng;
pub mod spelling;

use corpus::{Corpus, Document};
use rng::Rng;

/// A generated gazetteer and corpus.
pub struct Dataset {
    /// The gazetteer, as TOML.
    pub gazetteer: String,
    /// The documents, with their gold mentions.
    pub documents: Vec<Document>,
}

/// Fewest entities a dataset has: each document casts a person, a place and
/// an organization.
pub const MIN_ENTITIES: usize = 20;

/// A gazetteer of `entities` entities (at least [`MIN_ENTITIES`]) and
/// `documents` documents mentioning them, from `seed`.
pub fn dataset(entities: usize, documents: usize, seed: u64) -> Dataset {
    let entities = entities.max(MIN_ENTITIES);
    let mut rng = Rng::new(seed);
    let (all, names) = entities::entities(entities, &mut rng);
    let corpus = Corpus::new(&all, &names);
    Dataset {
        gazetteer: entities::gazetteer(&all),
        documents: (0..documents).map(|_| corpus.document(&mut rng)).collect(),
    }
}
