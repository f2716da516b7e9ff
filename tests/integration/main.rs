//! canon's only integration-test binary (one target compiles once).

mod articles;
mod authoring;
mod bad_inputs;
mod cli;
mod fixtures;
mod index;
mod link;
mod normalize;
mod ordinary_words;
mod properties;
mod util;
mod variants;
