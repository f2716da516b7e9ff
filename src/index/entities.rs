//! The entities of an index: each in postcard, end to end, between the
//! header and the arrays. They are written one at a time, never all
//! encoded in memory at once (a million entities encode to a hundred
//! megabytes), and decoded on all cores.

use super::IndexErrorKind as Kind;
use crate::flat::{Flat, Source};
use crate::tables::{ascending_within, nth};
use crate::Entity;
use postcard::ser_flavors::Size;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::sync::Arc;

/// Where the entities lie in an index file, as its payload records it.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct EntityTable {
    /// The offset of the first in the file.
    at: u64,
    /// Where each ends, counted from `at`.
    ends: Flat<u64>,
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
        Ok(EntityTable {
            at,
            ends: ends.into(),
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

    /// The entities, decoded from the mapped index `source` on all cores.
    pub(super) fn read(&self, source: &Source) -> Result<Vec<Entity>, Kind> {
        let len = self.ends.last().copied().unwrap_or_default();
        let bytes = (source.range(self.at, len))
            .map(|range| &source.map[range])
            .ok_or_else(|| Kind::corrupt("its entities lie outside it"))?;
        if !ascending_within(&self.ends, bytes.len()) {
            return Err(Kind::corrupt("entities that overlap"));
        }
        let mut decoded: Vec<postcard::Result<Entity>> = Vec::new();
        (0..self.ends.len())
            .into_par_iter()
            .map_init(Path::default, |path, e| {
                let bytes = nth(&self.ends, bytes, e).unwrap_or_default();
                postcard::from_bytes(bytes).map(|entity| path.share(entity))
            })
            .collect_into_vec(&mut decoded);
        if let Some(Err(error)) = decoded.iter().find(|d| d.is_err()) {
            return Err(Kind::undecodable(error));
        }
        // Each thread's entities share their paths as they are decoded (no
        // million strings held at once), then all of them do.
        let mut path = Path::default();
        let entities = decoded.into_iter().filter_map(Result::ok);
        Ok(entities.map(|entity| path.share(entity)).collect())
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
