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
//!     32     8  checksum: xxh3-64 of bytes 40 to P + L
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
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Seek, Write};
use std::ops::Range;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// The first bytes of every index file.
pub(super) const MAGIC: [u8; 8] = *b"CANONIDX";

/// The version of this layout; a file of another is not read.
pub(super) const FORMAT: u32 = 10;

/// Bytes before the header.
pub(super) const PREFIX: usize = 40;

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
        let mut out = Hashing {
            out,
            hasher: Xxh3::new(),
            position: PREFIX as u64,
        };
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
        Ok(out.hasher.digest())
    }
}

/// Where the parts of an index file are.
pub(super) struct Layout {
    /// The bytes the payload's arrays may lie in.
    pub(super) arrays: Range<usize>,
    /// The payload.
    pub(super) payload: Range<usize>,
}

/// The header and layout of the index `bytes`, once their prefix, sizes
/// and checksum check out.
pub(super) fn open(bytes: &[u8]) -> Result<(Header, Layout), Kind> {
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
    if xxh3_64(&bytes[PREFIX..]) != prefix.checksum {
        return Err(Kind::corrupt("its checksum does not match its content"));
    }
    // Both within the file, so they fit in a usize.
    let (header_end, payload) = (header_end as usize, prefix.payload_offset as usize);
    let header = postcard::from_bytes(&bytes[PREFIX..header_end]).map_err(Kind::undecodable)?;
    let layout = Layout {
        arrays: header_end..payload,
        payload: payload..bytes.len(),
    };
    Ok((header, layout))
}

/// A writer that hashes what it writes and knows where it is.
struct Hashing<W> {
    out: W,
    hasher: Xxh3,
    position: u64,
}

impl<W: Write> Hashing<W> {
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
        self.hasher.update(&buf[..n]);
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
