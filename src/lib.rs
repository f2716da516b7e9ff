//! canon: a multilingual, transliteration-normalizing entity linker.
#![deny(missing_docs)]

mod candidates;
pub mod eval;
mod fuzzy;
mod gazetteer;
mod lexicon;
mod linker;
mod mention;
mod normalize;
pub mod output;
mod resolve;
mod span;
mod tokenize;

pub use candidates::Reason;
pub use gazetteer::{Entity, EntityType, Gazetteer, GazetteerErrors};
pub use linker::{BuildError, Explained, Explanation, Linker, LinkerBuilder, DEFAULT_THRESHOLD};
pub use mention::{Mention, Method, UnknownMethod};
pub use normalize::{Normalized, Normalizer};
pub use span::Span;
