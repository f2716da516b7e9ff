//! The layout of an index file: a fixed prefix, a header, the arrays, the
//! payload (see DESIGN.md, "Index files").
//!
//! ```text
//! offset  size  field
//!      0     8  magic: `CANONIDX`
//!      8     4  format version (u32, little-endian, as every number here)
//!     12     4  header length H (u32)
//!     16     8  payload offset P (u64)
//!     24     8  payload length L (u64)
//!     32     8  checksum of bytes 40 to P + L ([`checksum`]): xxh3-64 of
//!               the xxh3-64 of each of their chunks of [`CHUNK`] bytes
//!     40     H  header (postcard): canon version, build, source files
//!             …  the entities, each in postcard, end to end
//!             …  the arrays of the payload, each at a multiple of 16
//!      P     L  payload (postcard): where each entity ends, the table of
//!               ids, the lexicon
//! ```

use super::entities::EntityTable;
use super::IndexErrorKind as Kind;
use crate::flat::Blobs;
use crate::{Entity, SourceFile};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Seek, Write};
use std::ops::Range;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// The first bytes of every index file.
pub(super) const MAGIC: [u8; 8] = *b"CANONIDX";

/// The version of this layout; a file of another is not read.
pub(super) const FORMAT: u32 = 11;

/// Bytes before the header.
pub(super) const PREFIX: usize = 40;

/// Bytes of a chunk of the body hashed on its own: the chunks of a big
/// index are checked on all cores at once.
pub(super) const CHUNK: usize = 1 << 23;

/// The checksum of an index's `body` (the bytes after its prefix): the
/// hash of its chunks' hashes, each chunk hashed on any core.
pub(super) fn checksum(body: &[u8]) -> u64 {
    let chunks: Vec<u64> = body.par_chunks(CHUNK).map(xxh3_64).collect();
    combine(&chunks)
}

/// The checksum of a body whose chunks hash to `chunks`.
fn combine(chunks: &[u64]) -> u64 {
    let mut hasher = Xxh3::new();
    for chunk in chunks {
        hasher.update(&chunk.to_le_bytes());
    }
    hasher.digest()
}

/// The fixed start of an index file.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Prefix {
    pub(super) header_len: u32,
    pub(super) payload_offset: u64,
    pub(super) payload_len: u64,
    pub(super) checksum: u64,
}

impl Prefix {
    /// The prefix of `bytes`, if they start like an index of this format.
    pub(super) fn read(bytes: &[u8]) -> Result<Prefix, Kind> {
        let magic = &bytes[..bytes.len().min(MAGIC.len())];
        if magic != &MAGIC[..magic.len()] || bytes.is_empty() {
            return Err(Kind::NotIndex);
        }
        let Some(prefix) = bytes.first_chunk::<PREFIX>() else {
            return Err(Kind::Truncated {
                size: bytes.len() as u64,
                expected: PREFIX as u64,
            });
        };
        let u32_at =
            |at: usize| u32::from_le_bytes(prefix[at..at + 4].try_into().expect("4 bytes"));
        let u64_at =
            |at: usize| u64::from_le_bytes(prefix[at..at + 8].try_into().expect("8 bytes"));
        let format = u32_at(8);
        if format != FORMAT {
            return Err(Kind::Format { found: format });
        }
        Ok(Prefix {
            header_len: u32_at(12),
            payload_offset: u64_at(16),
            payload_len: u64_at(24),
            checksum: u64_at(32),
        })
    }

    /// The prefix as written.
    pub(super) fn bytes(&self) -> [u8; PREFIX] {
        let mut out = [0; PREFIX];
        out[..8].copy_from_slice(&MAGIC);
        out[8..12].copy_from_slice(&FORMAT.to_le_bytes());
        out[12..16].copy_from_slice(&self.header_len.to_le_bytes());
        out[16..24].copy_from_slice(&self.payload_offset.to_le_bytes());
        out[24..32].copy_from_slice(&self.payload_len.to_le_bytes());
        out[32..40].copy_from_slice(&self.checksum.to_le_bytes());
        out
    }
}

/// What an index says about itself, before its payload.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Header {
    /// The version of the canon crate that wrote it.
    pub(super) canon: String,
    /// What compiling the probe gazetteer gave the build that wrote it
    /// (see `super::build`).
    pub(super) build: u64,
    /// The gazetteer files it was compiled from.
    pub(super) sources: Vec<Source>,
    /// The known names compiled in.
    pub(super) known: KnownRecord,
}

/// The known names a linker's lexicon was compiled with, as its index
/// records them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum KnownRecord {
    /// None: the gazetteer's own names only.
    None,
    /// The embedded gazetteer's, with the hash of its files.
    Embedded { hash: u64 },
    /// Another gazetteer's, read from these files (none when it was not
    /// read from files).
    Other { sources: Vec<Source> },
}

/// A gazetteer file as it was when the index was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Source {
    pub(super) path: String,
    pub(super) size: u64,
    pub(super) hash: u64,
}

impl Source {
    /// The record of `source`.
    pub(super) fn of(source: &SourceFile) -> Source {
        Source {
            path: source.path.to_string_lossy().into_owned(),
            size: source.size,
            hash: source.hash,
        }
    }
}

/// An index ready to be written: its header, the entities and where they
/// go, the arrays and the payload.
pub(super) struct Encoded<'g> {
    pub(super) header: Vec<u8>,
    pub(super) entities: (&'g [Entity], EntityTable),
    pub(super) blobs: Blobs,
    pub(super) payload: Vec<u8>,
}

impl Encoded<'_> {
    /// The prefix of this index, whose body hashes to `checksum`.
    fn prefix(&self, checksum: u64) -> Prefix {
        Prefix {
            header_len: self.header.len() as u32,
            payload_offset: self.blobs.end(),
            payload_len: self.payload.len() as u64,
            checksum,
        }
    }

    /// Writes the index to `out`.
    pub(super) fn write_to(&self, mut out: impl Write + Seek) -> io::Result<()> {
        out.write_all(&[0; PREFIX])?;
        let checksum = self.write_body(&mut out)?;
        out.rewind()?;
        out.write_all(&self.prefix(checksum).bytes())?;
        out.flush()
    }

    /// Writes everything after the prefix to `out`; returns its checksum.
    pub(super) fn write_body(&self, out: impl Write) -> io::Result<u64> {
        let mut out = Hashing::new(out, PREFIX as u64);
        out.write_all(&self.header)?;
        let (entities, table) = &self.entities;
        out.pad_to(table.start())?;
        table.write(entities, &mut out)?;
        for (offset, blob) in &self.blobs.placed {
            out.pad_to(*offset)?;
            out.write_all(blob.bytes())?;
        }
        out.pad_to(self.blobs.end())?;
        out.write_all(&self.payload)?;
        out.flush()?;
        Ok(out.checksum())
    }
}

/// Where the parts of an index file are.
pub(super) struct Layout {
    /// The bytes of the header.
    pub(super) header: Range<usize>,
    /// The bytes the payload's arrays may lie in.
    pub(super) arrays: Range<usize>,
    /// The payload.
    pub(super) payload: Range<usize>,
}

/// The prefix and layout of the index `bytes`, once their prefix and sizes
/// check out; their checksum is checked by [`verify`].
pub(super) fn locate(bytes: &[u8]) -> Result<(Prefix, Layout), Kind> {
    let prefix = Prefix::read(bytes)?;
    let size = bytes.len() as u64;
    let end = (prefix.payload_offset)
        .checked_add(prefix.payload_len)
        .ok_or_else(|| Kind::corrupt("its payload ends past any file"))?;
    if size < end {
        return Err(Kind::Truncated {
            size,
            expected: end,
        });
    }
    if size > end {
        return Err(Kind::corrupt(format!("{} bytes after its end", size - end)));
    }
    let header_end = PREFIX as u64 + u64::from(prefix.header_len);
    if header_end > prefix.payload_offset {
        return Err(Kind::corrupt("its header overlaps its payload"));
    }
    // Both within the file, so they fit in a usize.
    let (header_end, payload) = (header_end as usize, prefix.payload_offset as usize);
    let layout = Layout {
        header: PREFIX..header_end,
        arrays: header_end..payload,
        payload: payload..bytes.len(),
    };
    Ok((prefix, layout))
}

/// Checks that the index `bytes`, with `prefix`, hash to its checksum.
pub(super) fn verify(bytes: &[u8], prefix: &Prefix) -> Result<(), Kind> {
    if checksum(&bytes[PREFIX..]) != prefix.checksum {
        return Err(Kind::corrupt("its checksum does not match its content"));
    }
    Ok(())
}

/// The header of the index `bytes` laid out as `layout`.
pub(super) fn header(bytes: &[u8], layout: &Layout) -> Result<Header, Kind> {
    postcard::from_bytes(&bytes[layout.header.clone()]).map_err(Kind::undecodable)
}

/// A writer that hashes what it writes, chunk by chunk ([`checksum`]),
/// and knows where it is.
struct Hashing<W> {
    out: W,
    /// The hasher of the chunk being written, and its bytes so far.
    chunk: Xxh3,
    in_chunk: usize,
    /// The hashes of the chunks written whole.
    chunks: Vec<u64>,
    position: u64,
}

impl<W: Write> Hashing<W> {
    /// A writer to `out`, at `position` in the file.
    fn new(out: W, position: u64) -> Self {
        Hashing {
            out,
            chunk: Xxh3::new(),
            in_chunk: 0,
            chunks: Vec::new(),
            position,
        }
    }

    /// Hashes `bytes`, written after those hashed before.
    fn hash(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let (these, rest) = bytes.split_at(bytes.len().min(CHUNK - self.in_chunk));
            self.chunk.update(these);
            self.in_chunk += these.len();
            if self.in_chunk == CHUNK {
                self.chunks.push(self.chunk.digest());
                self.chunk.reset();
                self.in_chunk = 0;
            }
            bytes = rest;
        }
    }

    /// The checksum of what was written ([`checksum`]).
    fn checksum(&self) -> u64 {
        let last = (self.in_chunk > 0).then(|| self.chunk.digest());
        combine(&[&self.chunks[..], last.as_slice()].concat())
    }

    /// Writes zeros up to `offset`.
    fn pad_to(&mut self, offset: u64) -> io::Result<()> {
        let gap = offset
            .checked_sub(self.position)
            .ok_or_else(|| io::Error::other("arrays placed out of order"))?;
        io::copy(&mut io::repeat(0).take(gap), self).map(|_| ())
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hash(&buf[..n]);
        self.position += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_written_in_pieces_hashes_as_its_chunks_checked_at_once() {
        let body: Vec<u8> = (0..2 * CHUNK + 5).map(|i| (i % 251) as u8).collect();
        let mut out = Hashing::new(io::sink(), 0);
        // Pieces that straddle the chunks' bounds.
        for piece in body.chunks(CHUNK / 3 + 7) {
            out.write_all(piece).unwrap();
        }
        assert_eq!(out.chunks.len(), 2);
        assert_eq!(out.checksum(), checksum(&body));
        assert_ne!(checksum(&body), checksum(&body[1..]));
        // A body of whole chunks has no empty last one.
        assert_eq!(
            checksum(&body[..CHUNK]),
            combine(&[xxh3_64(&body[..CHUNK])])
        );
    }

    #[test]
    fn prefixes_round_trip_and_say_what_they_are_not() {
        let prefix = Prefix {
            header_len: 7,
            payload_offset: 64,
            payload_len: 9,
            checksum: 0xdead_beef,
        };
        let mut bytes = prefix.bytes();
        assert_eq!(Prefix::read(&bytes).ok(), Some(prefix));
        assert!(matches!(Prefix::read(b"[[entity]]"), Err(Kind::NotIndex)));
        assert!(matches!(Prefix::read(b""), Err(Kind::NotIndex)));
        assert!(matches!(
            Prefix::read(b"CANON"),
            Err(Kind::Truncated {
                size: 5,
                expected: 40
            })
        ));
        bytes[8] = 99;
        assert!(matches!(
            Prefix::read(&bytes),
            Err(Kind::Format { found: 99 })
        ));
    }
}
