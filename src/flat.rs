//! Immutable arrays of plain values, built in memory or read in place from
//! a memory-mapped index file.
//!
//! Loading a million-entity index must not decode tens of millions of
//! numbers one by one: a [`Flat`] array is written to the index as aligned
//! bytes and, when the index is loaded, borrowed from the mapping as it is.
//! serde writes everything else (with postcard); a `Flat` serializes as the
//! place of its bytes in the file. Those bytes are written, and read, through
//! a context that [`encode`] and [`decode`] install on the current thread
//! for one serialization: serde has no other way to hand a serializer the
//! file.

use memmap2::Mmap;
use serde::de::{self, DeserializeOwned};
use serde::{ser, Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// Where every array starts in an index file: a multiple of this, enough
/// for any element type (`u128` included).
const ALIGN: u64 = 16;

/// An immutable array of plain values.
pub(crate) struct Flat<T>(Repr<T>);

enum Repr<T> {
    /// Built in memory; shared, so that writing an index copies nothing.
    Owned(Arc<Vec<T>>),
    /// Bytes `range` of a mapped index, checked to be a whole number of
    /// aligned `T`s.
    Mapped { map: Arc<Mmap>, range: Range<usize> },
}

impl<T: bytemuck::Pod> Deref for Flat<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match &self.0 {
            Repr::Owned(values) => values,
            Repr::Mapped { map, range } => bytemuck::cast_slice(&map[range.clone()]),
        }
    }
}

impl<T> Clone for Flat<T> {
    fn clone(&self) -> Flat<T> {
        Flat(match &self.0 {
            Repr::Owned(values) => Repr::Owned(Arc::clone(values)),
            Repr::Mapped { map, range } => Repr::Mapped {
                map: Arc::clone(map),
                range: range.clone(),
            },
        })
    }
}

impl<T> Default for Flat<T> {
    fn default() -> Flat<T> {
        Flat(Repr::Owned(Arc::default()))
    }
}

impl<T: bytemuck::Pod> fmt::Debug for Flat<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Flat({} values)", self.len())
    }
}

impl<T> From<Vec<T>> for Flat<T> {
    fn from(values: Vec<T>) -> Flat<T> {
        Flat(Repr::Owned(Arc::new(values)))
    }
}

/// A `Flat` array with its element type erased, waiting to be written.
pub(crate) trait Blob: Send {
    /// Its bytes, as they go to the file.
    fn bytes(&self) -> &[u8];
}

impl<T: bytemuck::Pod + Send + Sync> Blob for Flat<T> {
    fn bytes(&self) -> &[u8] {
        bytemuck::cast_slice(self)
    }
}

/// The arrays of a serialization, each with where it goes in the file.
pub(crate) struct Blobs {
    /// Where the next array may start.
    end: u64,
    /// `(offset, array)`, by offset.
    pub(crate) placed: Vec<(u64, Box<dyn Blob>)>,
}

impl Blobs {
    /// No array yet; the first goes at or after `start`.
    pub(crate) fn new(start: u64) -> Blobs {
        Blobs {
            end: start,
            placed: Vec::new(),
        }
    }

    /// Where the arrays end.
    pub(crate) fn end(&self) -> u64 {
        self.end
    }
}

/// The bytes of a mapped index that serialized arrays may point into.
#[derive(Clone)]
pub(crate) struct Source {
    pub(crate) map: Arc<Mmap>,
    pub(crate) area: Range<usize>,
}

impl Source {
    /// The `len` bytes from `offset` in the mapping, if they lie in the
    /// area.
    pub(crate) fn range(&self, offset: u64, len: u64) -> Option<Range<usize>> {
        let inside = |at: u64| {
            usize::try_from(at)
                .ok()
                .filter(|at| self.area.contains(at) || *at == self.area.end)
        };
        let (start, end) = (inside(offset)?, inside(offset.checked_add(len)?)?);
        (start <= end).then_some(start..end)
    }
}

thread_local! {
    static SINK: RefCell<Option<Blobs>> = const { RefCell::new(None) };
    static SOURCE: RefCell<Option<Source>> = const { RefCell::new(None) };
}

/// Serializes `value` with postcard; its `Flat` arrays are placed in
/// `blobs` (shared, not copied) and the serialization holds their offsets.
pub(crate) fn encode<T: Serialize>(value: &T, blobs: Blobs) -> (postcard::Result<Vec<u8>>, Blobs) {
    SINK.with(|sink| *sink.borrow_mut() = Some(blobs));
    let encoded = postcard::to_stdvec(value);
    let blobs = SINK
        .with(|sink| sink.borrow_mut().take())
        .expect("the sink set above: serialization does not take it");
    (encoded, blobs)
}

/// Deserializes `bytes` (postcard); its `Flat` arrays are borrowed from
/// `source`, after checking that they lie in its area, aligned.
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8], source: &Source) -> postcard::Result<T> {
    /// Clears the source even if deserialization panics.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            SOURCE.with(|s| s.borrow_mut().take());
        }
    }
    SOURCE.with(|s| *s.borrow_mut() = Some(source.clone()));
    let _reset = Reset;
    postcard::from_bytes(bytes)
}

impl<T: bytemuck::Pod + Send + Sync> Serialize for Flat<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let offset = SINK.with(|sink| {
            let mut sink = sink.borrow_mut();
            let blobs = sink
                .as_mut()
                .ok_or_else(|| ser::Error::custom("arrays serialize only into an index"))?;
            let offset = blobs.end.next_multiple_of(ALIGN);
            blobs.end = offset + self.bytes().len() as u64;
            blobs.placed.push((offset, Box::new(self.clone())));
            Ok(offset)
        })?;
        (offset, self.len() as u64).serialize(serializer)
    }
}

impl<'de, T: bytemuck::Pod> Deserialize<'de> for Flat<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Flat<T>, D::Error> {
        let (offset, len) = <(u64, u64)>::deserialize(deserializer)?;
        if cfg!(target_endian = "big") {
            return Err(de::Error::custom("index files are little-endian"));
        }
        SOURCE.with(|source| {
            let source = source.borrow();
            let source = source
                .as_ref()
                .ok_or_else(|| de::Error::custom("arrays deserialize only from an index"))?;
            let bytes = len.checked_mul(std::mem::size_of::<T>() as u64);
            let aligned = |range: &Range<usize>| range.start % std::mem::align_of::<T>() == 0;
            match bytes.and_then(|b| source.range(offset, b)).filter(aligned) {
                Some(range) => Ok(Flat(Repr::Mapped {
                    map: Arc::clone(&source.map),
                    range,
                })),
                None => Err(de::Error::custom(format!(
                    "an array of {len} values at byte {offset} lies outside the index"
                ))),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_round_trip_through_a_mapping() {
        let value: (Flat<u64>, String, Flat<u8>) = (
            vec![1, 2, u64::MAX].into(),
            "between".into(),
            vec![7u8; 3].into(),
        );
        let (skeleton, blobs) = encode(&value, Blobs::new(5));
        let skeleton = skeleton.expect("encodes");
        let mut file = vec![0u8; blobs.end() as usize];
        for (offset, blob) in &blobs.placed {
            assert_eq!(offset % ALIGN, 0);
            let at = *offset as usize;
            file[at..at + blob.bytes().len()].copy_from_slice(blob.bytes());
        }
        let mut map = memmap2::MmapMut::map_anon(file.len()).expect("memory");
        map.copy_from_slice(&file);
        let source = Source {
            map: Arc::new(map.make_read_only().expect("read-only")),
            area: 5..file.len(),
        };
        let back: (Flat<u64>, String, Flat<u8>) = decode(&skeleton, &source).expect("decodes");
        assert_eq!(&*back.0, &[1, 2, u64::MAX]);
        assert_eq!(back.1, "between");
        assert_eq!(&*back.2, &[7, 7, 7]);
        // An array that would end past the area, or start misaligned, is an error.
        let outside = postcard::to_stdvec(&(16u64, 1000u64)).expect("encodes");
        assert!(decode::<Flat<u64>>(&outside, &source).is_err());
        let misaligned = postcard::to_stdvec(&(17u64, 1u64)).expect("encodes");
        assert!(decode::<Flat<u64>>(&misaligned, &source).is_err());
        assert!(
            postcard::from_bytes::<Flat<u8>>(&skeleton).is_err(),
            "no source"
        );
    }
}
