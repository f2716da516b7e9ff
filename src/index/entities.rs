//! The entities of an index: each in postcard, end to end, between the
//! header and the arrays. They are written one at a time, never all
//! encoded in memory at once (a million entities encode to a hundred
//! megabytes), and each is decoded when first read ([`MappedEntities`]).

use super::IndexErrorKind as Kind;
use crate::flat::{Flat, Source};
use crate::gazetteer::Traits;
use crate::tables::{ascending_within, nth};
use crate::Entity;
use postcard::ser_flavors::Size;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// Where the entities lie in an index file, as its payload records it.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct EntityTable {
    /// The offset of the first in the file.
    at: u64,
    /// Where each ends, counted from `at`.
    ends: Flat<u64>,
    /// The lowest `min_score` of the entities: what a linker needs of
    /// them all.
    lowest: Option<f64>,
    /// What linking reads of every entity it meets ([`Traits`]), each in a
    /// byte ([`Traits::byte`]) and its `min_score` (NaN for none).
    traits: Flat<u8>,
    min_scores: Flat<f64>,
}

impl EntityTable {
    /// The table of `entities` written from byte `at` of the file: each is
    /// encoded once to learn its size.
    pub(super) fn new(entities: &[Entity], at: u64) -> postcard::Result<EntityTable> {
        let mut ends = Vec::with_capacity(entities.len());
        let mut end = 0u64;
        for entity in entities {
            let size: usize = postcard::serialize_with_flavor(entity, Size::default())?;
            end += size as u64;
            ends.push(end);
        }
        let traits = entities.iter().map(|e| Traits::of(e).byte());
        let min_scores = entities.iter().map(|e| e.min_score.unwrap_or(f64::NAN));
        Ok(EntityTable {
            at,
            ends: ends.into(),
            lowest: entities.iter().filter_map(|e| e.min_score).reduce(f64::min),
            traits: traits.collect::<Vec<u8>>().into(),
            min_scores: min_scores.collect::<Vec<f64>>().into(),
        })
    }

    /// How many entities.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The offset of the first entity in the file.
    pub(super) fn start(&self) -> u64 {
        self.at
    }

    /// The offset just past the last entity.
    pub(super) fn end(&self) -> u64 {
        self.at + self.ends.last().copied().unwrap_or_default()
    }

    /// Writes `entities`, those the table was made of, to `out`.
    pub(super) fn write(&self, entities: &[Entity], mut out: impl Write) -> io::Result<()> {
        let mut scratch = Vec::new();
        let mut written = 0u64;
        for (entity, &end) in entities.iter().zip(self.ends.iter()) {
            scratch.clear();
            scratch = postcard::to_extend(entity, scratch).map_err(io::Error::other)?;
            out.write_all(&scratch)?;
            written += scratch.len() as u64;
            if written != end {
                return Err(io::Error::other("an entity encoded to another size"));
            }
        }
        Ok(())
    }

    /// The entities of the mapped index `source`, to be decoded when read.
    pub(super) fn map(self, source: &Source) -> Result<MappedEntities, Kind> {
        let len = self.ends.last().copied().unwrap_or_default();
        let bytes = (source.range(self.at, len))
            .ok_or_else(|| Kind::corrupt("its entities lie outside it"))?;
        if !ascending_within(&self.ends, bytes.len()) {
            return Err(Kind::corrupt("entities that overlap"));
        }
        let count = self.ends.len();
        if self.traits.len() != count || self.min_scores.len() != count {
            return Err(Kind::corrupt("entities whose traits are missing"));
        }
        Ok(MappedEntities {
            source: source.clone(),
            bytes,
            decoded: (0..self.ends.len()).map(|_| OnceLock::new()).collect(),
            all: OnceLock::new(),
            ends: self.ends,
            lowest: self.lowest,
            traits: self.traits,
            min_scores: self.min_scores,
        })
    }
}

/// The entities of a mapped index, each decoded when first read: linking
/// reads some of them (a third of a million, linking 17 MB of news), and
/// decoding them all took a sixth of that, most of it the system zeroing
/// their memory. The index's checksum vouches for their bytes; one that
/// does not decode all the same (written by another program) reads as an
/// entity without names ([`Entity::unreadable`]).
#[derive(Clone)]
pub(crate) struct MappedEntities {
    source: Source,
    /// Where the entities lie in the mapping.
    bytes: Range<usize>,
    /// Where each ends, counted from the first.
    ends: Flat<u64>,
    lowest: Option<f64>,
    traits: Flat<u8>,
    min_scores: Flat<f64>,
    /// Each entity, once read on its own.
    decoded: Box<[OnceLock<Box<Entity>>]>,
    /// Every entity, once read all at once.
    all: OnceLock<Vec<Entity>>,
}

impl MappedEntities {
    /// How many entities.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The lowest `min_score` of the entities.
    pub(crate) fn lowest_min_score(&self) -> Option<f64> {
        self.lowest
    }

    /// What linking reads of entity `i`, if there is one, without decoding
    /// it.
    pub(crate) fn traits(&self, i: usize) -> Option<Traits> {
        let min_score = *self.min_scores.get(i)?;
        Some(Traits::from_byte(
            *self.traits.get(i)?,
            (!min_score.is_nan()).then_some(min_score),
        ))
    }

    /// Entity `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Option<&Entity> {
        if let Some(all) = self.all.get() {
            return all.get(i);
        }
        let cell = self.decoded.get(i)?;
        Some(cell.get_or_init(|| Box::new(self.decode(i))))
    }

    /// Every entity, decoded on all cores the first time; those of one
    /// file share the string of its path.
    pub(crate) fn all(&self) -> &[Entity] {
        self.all.get_or_init(|| {
            let mut decoded: Vec<Entity> = Vec::new();
            (0..self.len())
                .into_par_iter()
                .map_init(Path::default, |path, e| path.share(self.decode(e)))
                .collect_into_vec(&mut decoded);
            let mut path = Path::default();
            decoded.into_iter().map(|e| path.share(e)).collect()
        })
    }

    /// Entity `i`, decoded.
    fn decode(&self, i: usize) -> Entity {
        let bytes = &self.source.map[self.bytes.clone()];
        (nth(&self.ends, bytes, i))
            .and_then(|bytes| postcard::from_bytes(bytes).ok())
            .unwrap_or_else(Entity::unreadable)
    }
}

impl std::fmt::Debug for MappedEntities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MappedEntities")
            .field("len", &self.len())
            .finish_non_exhaustive()
    }
}

/// The path of the entity decoded last: the entities of one file share one
/// string, as when they were loaded from it.
#[derive(Default)]
struct Path(Option<Arc<str>>);

impl Path {
    /// `entity`, its origin's path the one before if it is the same.
    fn share(&mut self, mut entity: Entity) -> Entity {
        match &self.0 {
            Some(path) if *path == entity.origin.path => entity.origin.path = Arc::clone(path),
            _ => self.0 = Some(Arc::clone(&entity.origin.path)),
        }
        entity
    }
}
