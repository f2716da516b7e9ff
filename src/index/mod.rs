//! Index files: a linker compiled once (`canon index`) and loaded without
//! parsing TOML, normalizing names or building the lexicon.
//!
//! An index holds the gazetteer's entities and the compiled [`Lexicon`]
//! (layout: `file.rs` and DESIGN.md). Loading maps the file, checks it
//! (magic, format, checksum, the canon that wrote it, its gazetteer files)
//! and reads it: the entities on all cores, the lexicon's large arrays in
//! place from the mapping ([`crate::flat`]). Anything that does not check
//! out is an [`IndexError`] saying what to do, never a linker that links
//! otherwise than the gazetteer would.

mod entities;
mod file;

use crate::flat::{self, Blobs, Flat, Source};
use crate::lexicon::Lexicon;
use crate::tables::StrTable;
use crate::{BuildError, Gazetteer, KnownNames, Linker, LinkerBuilder, Names, SourceFile};
use entities::EntityTable;
pub(crate) use entities::MappedEntities;
pub(crate) use file::KnownRecord;
use file::{Encoded, Header, Layout, Prefix, PREFIX};
use memmap2::Mmap;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// This crate's version, which an index must have been written by.
const CANON: &str = env!("CARGO_PKG_VERSION");

/// Why an index could not be written or loaded.
///
/// Displays as `PATH: what is wrong — what to do` (without `PATH: ` for an
/// index read from bytes).
#[derive(Debug)]
pub struct IndexError {
    /// The index file, if it is one.
    pub path: Option<PathBuf>,
    /// What went wrong.
    pub kind: IndexErrorKind,
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}: ", path.display())?;
        }
        write!(f, "{}", self.kind)
    }
}

impl std::error::Error for IndexError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.kind)
    }
}

/// What is wrong with an index, or with writing one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexErrorKind {
    /// The file could not be read.
    #[error("cannot read")]
    Read(#[source] io::Error),
    /// The file could not be written.
    #[error("cannot write")]
    Write(#[source] io::Error),
    /// The file does not start as an index does.
    #[error("not a canon index — give a file written by `canon index`")]
    NotIndex,
    /// The file is shorter than its header says.
    #[error(
        "truncated index: {size} bytes where its header announces {expected} — \
         rebuild it with `canon index`"
    )]
    Truncated {
        /// The file's size.
        size: u64,
        /// The size it should have.
        expected: u64,
    },
    /// The file is an index of another layout.
    #[error(
        "index format {found}, written by another version of canon; canon {CANON} reads \
         format {} — rebuild it with `canon index`",
        file::FORMAT
    )]
    Format {
        /// The index's format version.
        found: u32,
    },
    /// The index was written by another version of canon.
    #[error("built by canon {version}; this is canon {CANON} — rebuild it with `canon index`")]
    Version {
        /// The version of canon that wrote it.
        version: String,
    },
    /// The index was written by another build of this version of canon,
    /// which compiles names differently (a development build).
    #[error(
        "built by another build of canon {CANON}, which compiles names differently — \
         rebuild it with `canon index`"
    )]
    Build,
    /// The content does not match its checksum, or does not make sense.
    #[error("corrupt index: {what} — rebuild it with `canon index`")]
    Corrupt {
        /// What is wrong.
        what: String,
    },
    /// A gazetteer file the index was compiled from has changed since.
    #[error(
        "stale index: {} changed since the index was built — rebuild it with `canon index`",
        file.display()
    )]
    Stale {
        /// The changed file.
        file: PathBuf,
    },
    /// The index was compiled with known names
    /// ([`LinkerBuilder::known_names`]), and the linker is to link without
    /// them (`known_names(None)`, or `fuzzy(false)`).
    #[error(
        "compiled with known names, which --no-fuzzy and --no-known-names leave out — \
         write an index without them with `canon index --no-known-names`"
    )]
    KnownNames,
    /// The linker's options are invalid.
    #[error(transparent)]
    Options(#[from] BuildError),
}

impl IndexErrorKind {
    fn corrupt(what: impl std::fmt::Display) -> IndexErrorKind {
        IndexErrorKind::Corrupt {
            what: what.to_string(),
        }
    }

    /// A part of the index that does not decode: `error` says why.
    fn undecodable(error: impl std::fmt::Display) -> IndexErrorKind {
        IndexErrorKind::corrupt(format!("it does not decode ({error})"))
    }
}

/// The end of the file: where each entity ends, the table of their ids,
/// and the lexicon (postcard, its large arrays in the file before it).
#[derive(Serialize, Deserialize)]
struct Payload {
    entities: EntityTable,
    ids: StrTable,
    lexicon: Flat<u8>,
}

impl Linker {
    /// Writes the linker to an index file at `path` (through a temporary
    /// file renamed over it), for [`Linker::load_index`]. The files the
    /// gazetteer was read from are recorded, so that loading notices when
    /// they change, and so are the known names compiled in
    /// ([`LinkerBuilder::known_names`]); the threshold and the fuzzy pass
    /// are given when loading.
    ///
    /// # Errors
    ///
    /// [`IndexErrorKind::Write`] when the file cannot be written.
    ///
    /// ```
    /// use canon::{Gazetteer, Linker};
    ///
    /// let gazetteer = Gazetteer::from_toml("g.toml", r#"
    ///     [[entity]]
    ///     id = "kabul"
    ///     name = "Kabul"
    ///     type = "place"
    ///     names = { fr = ["Kaboul"] }
    /// "#)?;
    /// let path = std::env::temp_dir().join(format!("canon-save-{}.idx", std::process::id()));
    /// Linker::new(gazetteer)?.save_index(&path)?;
    ///
    /// let linker = Linker::load_index(&path)?;
    /// let text = "Les talibans sont entrés dans Kaboul.";
    /// let mentions = linker.link(text);
    /// assert_eq!(mentions.len(), 1);
    /// assert_eq!(&text[mentions[0].span], "Kaboul");
    /// assert_eq!(mentions[0].entity.id, "kabul");
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn save_index(&self, path: impl AsRef<Path>) -> Result<(), IndexError> {
        let path = path.as_ref();
        let write = |file: &File| encode(self, &header(self))?.write_to(BufWriter::new(file));
        crate::write_atomically(path, write).map_err(|e| IndexError {
            path: Some(path.to_path_buf()),
            kind: IndexErrorKind::Write(e),
        })
    }

    /// Loads a linker written by [`Linker::save_index`], with default
    /// options; [`LinkerBuilder::load_index`] sets them. See there.
    ///
    /// # Errors
    ///
    /// As [`LinkerBuilder::load_index`].
    pub fn load_index(path: impl AsRef<Path>) -> Result<Linker, IndexError> {
        LinkerBuilder::default().load_index(path)
    }
}

impl LinkerBuilder {
    /// Loads a linker written by [`Linker::save_index`], with these
    /// options. The known names are those compiled into the index: a
    /// builder's [`LinkerBuilder::known_names`] does not apply, but one
    /// that links without known names (`known_names(None)`, `fuzzy(false)`)
    /// refuses an index compiled with them ([`IndexErrorKind::KnownNames`]).
    ///
    /// The file is memory-mapped: its large arrays are read in place, as
    /// the pages are needed. Do not modify an index while a linker uses it
    /// (`canon index` writes a new file and renames it over the old one,
    /// which is safe).
    ///
    /// # Errors
    ///
    /// An [`IndexError`] for a file that cannot be read, is not an index
    /// ([`IndexErrorKind::NotIndex`]), is truncated or corrupt (its
    /// checksum does not match), was written by another version or build
    /// of canon, or whose gazetteer files have changed since it was written
    /// ([`IndexErrorKind::Stale`]: a file that no longer exists, as on
    /// another machine, is not checked); known names the options leave out
    /// ([`IndexErrorKind::KnownNames`]); an invalid option
    /// ([`IndexErrorKind::Options`]).
    ///
    /// ```
    /// use canon::{Gazetteer, IndexErrorKind, Linker};
    ///
    /// let dir = std::env::temp_dir().join(format!("canon-load-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let toml = dir.join("places.toml");
    /// std::fs::write(&toml, "[[entity]]\nid = \"kabul\"\nname = \"Kabul\"\ntype = \"place\"\n")?;
    /// let index = dir.join("places.idx");
    /// let linker = Linker::builder().known_names(None).build(Gazetteer::load(&[&toml])?)?;
    /// linker.save_index(&index)?;
    ///
    /// let strict = Linker::builder().fuzzy(false).load_index(&index)?;
    /// assert!(strict.link("Kaboul").is_empty());
    /// assert_eq!(Linker::load_index(&index)?.link("Kaboul").len(), 1);
    ///
    /// std::fs::write(&toml, "[[entity]]\nid = \"kabul\"\nname = \"Kaboul\"\ntype = \"place\"\n")?;
    /// let error = Linker::load_index(&index).unwrap_err();
    /// assert!(matches!(error.kind, IndexErrorKind::Stale { .. }));
    /// assert!(error.to_string().ends_with(
    ///     "places.toml changed since the index was built — rebuild it with `canon index`"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load_index(&self, path: impl AsRef<Path>) -> Result<Linker, IndexError> {
        self.check().map_err(|e| IndexError {
            path: None,
            kind: e.into(),
        })?;
        let path = path.as_ref();
        let located = |kind| IndexError {
            path: Some(path.to_path_buf()),
            kind,
        };
        let file = File::open(path).map_err(|e| located(IndexErrorKind::Read(e)))?;
        let size = file
            .metadata()
            .map_err(|e| located(IndexErrorKind::Read(e)))?
            .len();
        if size < PREFIX as u64 {
            // Too short to map usefully: read, and say what it is not.
            let bytes = std::fs::read(path).map_err(|e| located(IndexErrorKind::Read(e)))?;
            return Err(located(Prefix::read(&bytes).err().unwrap_or(
                IndexErrorKind::Truncated {
                    size,
                    expected: PREFIX as u64,
                },
            )));
        }
        // Populated: the checksum reads every page anyway, and the kernel
        // maps them faster in one go than one fault at a time.
        // SAFETY: the mapping is read-only, and canon never writes an index
        // in place (`save_index` renames a new file over it); another
        // program that modifies the file while it is mapped breaks the
        // linker, as the documentation above says.
        let map = unsafe { memmap2::MmapOptions::new().populate().map(&file) }
            .map_err(|e| located(IndexErrorKind::Read(e)))?;
        self.read_index(Arc::new(map)).map_err(located)
    }

    /// Loads a linker from the bytes of an index file, as
    /// [`LinkerBuilder::load_index`] does (they are copied first).
    ///
    /// # Errors
    ///
    /// As [`LinkerBuilder::load_index`]; the errors have no path.
    ///
    /// ```
    /// use canon::{IndexErrorKind, Linker};
    ///
    /// let error = Linker::builder().load_index_bytes(b"[[entity]]").unwrap_err();
    /// assert!(matches!(error.kind, IndexErrorKind::NotIndex));
    /// assert_eq!(error.to_string(), "not a canon index — give a file written by `canon index`");
    /// ```
    pub fn load_index_bytes(&self, bytes: &[u8]) -> Result<Linker, IndexError> {
        let unlocated = |kind| IndexError { path: None, kind };
        self.check().map_err(|e| unlocated(e.into()))?;
        Prefix::read(bytes).map_err(unlocated)?;
        // Mapped anonymous memory is page-aligned, as a mapped file is.
        let mut map = memmap2::MmapMut::map_anon(bytes.len())
            .map_err(|e| unlocated(IndexErrorKind::Read(e)))?;
        map.copy_from_slice(bytes);
        let map = map
            .make_read_only()
            .map_err(|e| unlocated(IndexErrorKind::Read(e)))?;
        self.read_index(Arc::new(map)).map_err(unlocated)
    }

    /// The linker of the index mapped at `map`.
    fn read_index(&self, map: Arc<Mmap>) -> Result<Linker, IndexErrorKind> {
        let (prefix, layout) = file::locate(&map)?;
        // The payload is decoded while the file is checked and what this
        // build writes is found: each reads or computes hundreds of
        // megabytes. A file that fails a check is that error all the same:
        // the checks come first, in their order.
        let (checked, payload) = rayon::join(
            || {
                let (verified, build) = rayon::join(|| file::verify(&map, &prefix), build);
                verified?;
                let header = file::header(&map, &layout)?;
                if header.canon != CANON {
                    return Err(IndexErrorKind::Version {
                        version: header.canon,
                    });
                }
                if header.build != build {
                    return Err(IndexErrorKind::Build);
                }
                let sources = self.check_recorded(&header)?;
                Ok((header.known, sources))
            },
            || read_payload(&map, &layout),
        );
        let (known, sources) = checked?;
        let (entities, ids, lexicon) = payload?;
        let gazetteer = Gazetteer::from_parts(entities, ids, sources);
        Ok(self.assemble(gazetteer, lexicon, known)?)
    }

    /// The gazetteer files `header` records, unless they or the known
    /// names it records are not what these options link with.
    fn check_recorded(&self, header: &Header) -> Result<Vec<SourceFile>, IndexErrorKind> {
        let sources = check_sources(&header.sources)?;
        match &header.known {
            KnownRecord::None => {}
            _ if self.compiled_known().is_none() => return Err(IndexErrorKind::KnownNames),
            KnownRecord::Embedded { hash } if *hash != embedded_hash() => {
                return Err(IndexErrorKind::Build)
            }
            KnownRecord::Embedded { .. } => {}
            KnownRecord::Other { sources } => {
                check_sources(sources)?;
            }
        }
        Ok(sources)
    }
}

/// The entities, id table and lexicon of the index mapped at `map`, laid
/// out as `layout` says.
fn read_payload(
    map: &Arc<Mmap>,
    layout: &Layout,
) -> Result<(MappedEntities, StrTable, Lexicon), IndexErrorKind> {
    let source = Source {
        map: Arc::clone(map),
        area: layout.arrays.clone(),
    };
    let payload: Payload =
        flat::decode(&map[layout.payload.clone()], &source).map_err(IndexErrorKind::undecodable)?;
    let count = payload.entities.len();
    let entities = payload.entities.map(&source)?;
    let lexicon = read_lexicon(&payload.lexicon, &source, count)?;
    Ok((entities, payload.ids, lexicon))
}

/// The lexicon of the payload, checked against the number of `entities`.
fn read_lexicon(bytes: &[u8], source: &Source, entities: usize) -> Result<Lexicon, IndexErrorKind> {
    let lexicon: Lexicon = flat::decode(bytes, source).map_err(IndexErrorKind::undecodable)?;
    lexicon
        .validate(entities)
        .map_err(|part| IndexErrorKind::corrupt(format!("inconsistent {part}")))?;
    Ok(lexicon)
}

/// The gazetteer files of an index, unless one of them exists and differs
/// from what it was.
fn check_sources(recorded: &[file::Source]) -> Result<Vec<SourceFile>, IndexErrorKind> {
    let mut sources = Vec::with_capacity(recorded.len());
    for source in recorded {
        let path = PathBuf::from(&source.path);
        let changed = match std::fs::metadata(&path) {
            Ok(metadata) if metadata.len() != source.size => true,
            Ok(_) => SourceFile::hash_file(&path).is_ok_and(|hash| hash != source.hash),
            // Absent, or not readable: nothing to compare with.
            Err(_) => false,
        };
        if changed {
            return Err(IndexErrorKind::Stale { file: path });
        }
        sources.push(SourceFile {
            path,
            size: source.size,
            hash: source.hash,
        });
    }
    Ok(sources)
}

/// The header of the index of `linker`, as this build writes it.
fn header(linker: &Linker) -> Header {
    Header {
        canon: CANON.to_string(),
        build: build(),
        sources: linker
            .gazetteer()
            .sources()
            .iter()
            .map(file::Source::of)
            .collect(),
        known: linker.known().clone(),
    }
}

impl KnownRecord {
    /// The record of `known` names compiled into a lexicon.
    pub(crate) fn of(known: Option<&KnownNames>) -> KnownRecord {
        match known {
            None => KnownRecord::None,
            Some(known) if known.is_embedded() => KnownRecord::Embedded {
                hash: embedded_hash(),
            },
            Some(known) => KnownRecord::Other {
                sources: (known.gazetteer().sources().iter())
                    .map(file::Source::of)
                    .collect(),
            },
        }
    }
}

/// The hash of the embedded gazetteer's files: an index compiled with its
/// names is refused by a canon that embeds other files.
fn embedded_hash() -> u64 {
    static HASH: OnceLock<u64> = OnceLock::new();
    *HASH.get_or_init(|| {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (path, text) in crate::gazetteer::EMBEDDED_SOURCES {
            hasher.update(path.as_bytes());
            hasher.update(text.as_bytes());
        }
        hasher.digest()
    })
}

/// The index of `linker` with `header`, ready to be written.
fn encode<'l>(linker: &'l Linker, header: &Header) -> io::Result<Encoded<'l>> {
    let header = postcard::to_stdvec(header).map_err(io::Error::other)?;
    // Sized now, encoded again as they are written: encoded all at once,
    // a million entities would take a hundred megabytes more.
    let entities = linker.gazetteer().entities();
    let table =
        EntityTable::new(entities, (PREFIX + header.len()) as u64).map_err(io::Error::other)?;
    let blobs = Blobs::new(table.end());
    let (lexicon, blobs) = flat::encode(linker.lexicon(), blobs);
    let payload = Payload {
        entities: table,
        ids: linker.gazetteer().ids().clone(),
        lexicon: lexicon.map_err(io::Error::other)?.into(),
    };
    let (bytes, blobs) = flat::encode(&payload, blobs);
    Ok(Encoded {
        header,
        entities: (entities, payload.entities),
        blobs,
        payload: bytes.map_err(io::Error::other)?,
    })
}

/// What this build of canon compiles a fixed probe gazetteer into (the
/// checksum of its index), with the word tables it was compiled with: an
/// index written by a build that normalizes, hashes or lays out names
/// otherwise, or reads them with other tables (a word added to
/// `data/name-words.txt`), is refused, even within one version of canon,
/// rather than linking otherwise than its gazetteer would.
fn build() -> u64 {
    static BUILD: OnceLock<u64> = OnceLock::new();
    *BUILD.get_or_init(|| {
        let linker = probe();
        let header = Header {
            canon: String::new(),
            build: 0,
            sources: Vec::new(),
            known: KnownRecord::None,
        };
        let probe = encode(&linker, &header)
            .and_then(|encoded| encoded.write_body(io::sink()))
            .expect("encoding into memory and writing to a sink do not fail");
        build_id(probe, word_tables())
    })
}

/// The identity of a build from the checksum of its probe index and its
/// word tables.
fn build_id<'t>(probe: u64, tables: impl Iterator<Item = &'t str>) -> u64 {
    let mut build = xxhash_rust::xxh3::Xxh3::new();
    build.update(&probe.to_le_bytes());
    for table in tables {
        build.update(&(table.len() as u64).to_le_bytes());
        build.update(table.as_bytes());
    }
    build.digest()
}

/// The word tables of `data/` compiled into canon, the particles that
/// translated names and initials leave out ([`crate::lexicon::NOT_INITIALS`]),
/// the tails of places' short names ([`crate::lexicon::PLACE_TAILS`]) and the
/// convention rules ([`crate::skeleton::rules_text`]).
fn word_tables() -> impl Iterator<Item = &'static str> {
    let tables = [
        crate::name_words::DATA,
        crate::skeleton::GIVEN_NAMES,
        crate::family_first::DATA,
        crate::eponyms::DATA,
        crate::places::DATA,
    ];
    (tables.into_iter())
        .chain(crate::guard::tables())
        .chain(crate::lexicon::NOT_INITIALS.iter().copied())
        .chain(crate::lexicon::PLACE_TAILS.iter().copied())
        .chain([crate::skeleton::rules_text()])
}

/// The linker of the probe gazetteer's canonical names, completed by the
/// probe's other names as known names.
fn probe() -> Linker {
    let probe = Gazetteer::from_toml("probe.toml", include_str!("probe.toml"))
        .expect("the probe gazetteer is valid: tested by `the_build_is_stable`");
    let lean = (probe.entities().iter())
        .map(|entity| {
            let mut entity = entity.clone();
            entity.aliases = Box::default();
            entity.names = Names::default();
            // Borrowed from the known entity, as a lean gazetteer's are.
            entity.not = Box::default();
            entity
        })
        .collect();
    Linker::builder()
        .known_names(Some(KnownNames::new(probe)))
        .build(Gazetteer::new(lean))
        .expect("default options are valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, Span};
    use std::io::Cursor;

    /// The index of `linker`, with `header`, as bytes.
    fn index_of(linker: &Linker, header: &Header) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        encode(linker, header)
            .and_then(|encoded| encoded.write_to(&mut out))
            .expect("encodes");
        out.into_inner()
    }

    /// The probe's linker: its canonical names, the others known.
    fn linker() -> Linker {
        probe()
    }

    /// `bytes` with the checksum their content has now.
    fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
        let checksum = file::checksum(&bytes[PREFIX..]);
        bytes[32..40].copy_from_slice(&checksum.to_le_bytes());
        bytes
    }

    fn load(bytes: &[u8]) -> Result<Linker, IndexErrorKind> {
        Linker::builder()
            .load_index_bytes(bytes)
            .map_err(|e| e.kind)
    }

    #[test]
    fn the_build_is_stable() {
        assert_eq!(build(), build());
        assert_eq!(probe().gazetteer().len(), 15);
        let tables: Vec<&str> = word_tables().collect();
        assert!(tables.contains(&crate::name_words::DATA));
        assert_eq!(
            tables.len(),
            12 + crate::lexicon::NOT_INITIALS.len() + crate::lexicon::PLACE_TAILS.len()
        );
        let id = |tables: &[&str]| build_id(7, tables.iter().copied());
        let mut other = tables.clone();
        other[0] = "war guerre krieg";
        assert_ne!(id(&tables), id(&other), "another word table, another build");
        assert_ne!(id(&["ab", "c"]), id(&["a", "bc"]), "tables are told apart");
    }

    #[test]
    fn a_loaded_linker_links_as_the_one_saved() {
        let linker = linker();
        let loaded = load(&index_of(&linker, &header(&linker))).expect("loads");
        for text in [
            "Les talibans sont entrés dans la vallée du Panchir, selon l'AFP.",
            "Achmad Schah Massud, der Löwe von Pandschir, und Prigožin.",
            "Emirato Islámico; Union soviétique; ＡＬ ＱＡＥＤＡ; Αφγανιστάν.",
            "L'Armée syrienne libre; der Sicherheitsrat; el Consejo de Seguridad.",
            "Youssef et Joseph ont parlé, puis Giuseppe.",
        ] {
            let spans = |l: &Linker| -> Vec<(Span, String, f64)> {
                (l.link(text).iter())
                    .map(|m| (m.span, m.entity.id.clone(), m.score))
                    .collect()
            };
            assert_eq!(spans(&loaded), spans(&linker), "{text}");
            assert!(!spans(&loaded).is_empty(), "{text}");
        }
        assert_eq!(
            loaded.gazetteer().get("afp").map(|e| &e.name),
            linker.gazetteer().get("afp").map(|e| &e.name)
        );
        let [first, .., last] = loaded.gazetteer().entities() else {
            panic!("entities")
        };
        assert!(Arc::ptr_eq(&first.origin.path, &last.origin.path));
    }

    #[test]
    fn a_loaded_entity_is_decoded_alone_as_saved() {
        let linker = linker();
        let loaded = load(&index_of(&linker, &header(&linker))).expect("loads");
        let (saved, read) = (linker.gazetteer(), loaded.gazetteer());
        assert_eq!(read.len(), saved.len());
        assert_eq!(read.lowest_min_score(), Some(0.9));
        assert_eq!(read.lowest_min_score(), saved.lowest_min_score());
        // Entities keep their names' places only as read from TOML: they
        // compare by what an index holds of them.
        let held = |entity: &Entity| postcard::to_allocvec(entity).expect("encodes");
        for e in (0..saved.len() as u32).rev() {
            assert_eq!(read.traits(e), saved.traits(e), "without decoding");
            assert_eq!(held(read.entity(e)), held(saved.entity(e)));
        }
        assert_eq!(read.entities().len(), saved.len(), "then all at once");
    }

    #[test]
    fn damaged_indexes_say_what_is_wrong() {
        let linker = linker();
        let good = index_of(&linker, &header(&linker));
        assert!(matches!(load(b"[[entity]]"), Err(IndexErrorKind::NotIndex)));
        let size = good.len() as u64;
        assert!(matches!(
            load(&good[..good.len() / 2]),
            Err(IndexErrorKind::Truncated { expected, .. }) if expected == size
        ));
        let mut flipped = good.clone();
        *flipped.last_mut().expect("bytes") ^= 1;
        let corrupt = load(&flipped).err().map(|e| e.to_string());
        assert_eq!(
            corrupt.as_deref(),
            Some(
                "corrupt index: its checksum does not match its content — \
                 rebuild it with `canon index`"
            )
        );
        let mut longer = good.clone();
        longer.push(0);
        assert!(matches!(load(&longer), Err(IndexErrorKind::Corrupt { .. })));
        let mut format = good.clone();
        let next = file::FORMAT + 1;
        format[8..12].copy_from_slice(&next.to_le_bytes());
        assert!(matches!(
            load(&format),
            Err(IndexErrorKind::Format { found }) if found == next
        ));
        let old = Header {
            canon: "0.0.1".into(),
            ..header(&linker)
        };
        let version = load(&index_of(&linker, &old)).err().map(|e| e.to_string());
        assert_eq!(
            version.as_deref(),
            Some(&*format!(
                "built by canon 0.0.1; this is canon {CANON} — rebuild it with `canon index`"
            ))
        );
        let other = Header {
            build: build() ^ 1,
            ..header(&linker)
        };
        assert!(matches!(
            load(&index_of(&linker, &other)),
            Err(IndexErrorKind::Build)
        ));
    }

    #[test]
    fn known_names_are_compiled_in() {
        let with = linker();
        let index = index_of(&with, &header(&with));
        for mut builder in [Linker::builder(), Linker::builder()] {
            let strict = builder.fuzzy(false).load_index_bytes(&index);
            assert!(matches!(
                strict.map_err(|e| e.kind),
                Err(IndexErrorKind::KnownNames)
            ));
        }
        let none = Linker::builder().known_names(None).load_index_bytes(&index);
        assert!(matches!(
            none.map_err(|e| e.kind),
            Err(IndexErrorKind::KnownNames)
        ));
        // Compiled without them, the index links without them, whatever
        // the builder's default.
        let probe = Gazetteer::new(with.gazetteer().entities().to_vec());
        let without = Linker::builder()
            .known_names(None)
            .build(probe)
            .expect("a linker");
        let loaded = load(&index_of(&without, &header(&without))).expect("loads");
        let text = "阿富汗 et la vallée du Panchir";
        let ids = |l: &Linker| -> Vec<String> {
            l.link(text).iter().map(|m| m.entity.id.clone()).collect()
        };
        assert_eq!(ids(&loaded), ids(&without));
        assert_ne!(
            ids(&with),
            ids(&without),
            "the known names make a difference here"
        );
        assert_eq!(loaded.known(), &KnownRecord::None);
    }

    #[test]
    fn sources_that_are_gone_are_not_checked() {
        let linker = linker();
        let mut header = header(&linker);
        header.sources.push(file::Source {
            path: "/no/such/directory/places.toml".into(),
            size: 1,
            hash: 2,
        });
        let loaded = load(&index_of(&linker, &header)).expect("loads");
        let source = &loaded.gazetteer().sources()[0];
        assert_eq!(source.path, PathBuf::from("/no/such/directory/places.toml"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Bytes of the payload changed, and the checksum made to match:
        /// an error or a linker that links, never a panic.
        #[test]
        fn changed_payloads_are_errors_or_linkers(
            changes in proptest::collection::vec((0.0f64..1.0, proptest::prelude::any::<u8>()), 1..8),
        ) {
            static GOOD: OnceLock<Vec<u8>> = OnceLock::new();
            let good = GOOD.get_or_init(|| index_of(&linker(), &header(&linker())));
            let mut bytes = good.clone();
            let start = PREFIX + 64;
            for (at, byte) in changes {
                let at = start + (at * (bytes.len() - start) as f64) as usize;
                bytes[at] = byte;
            }
            if let Ok(linker) = load(&resealed(bytes)) {
                linker.link("Les talibans à Kaboul et dans le Panchir, selon l'AFP (AFP).");
            }
        }
    }
}
