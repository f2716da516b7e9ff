//! The gazetteer: the entities canon links to, read from TOML files and
//! validated once.
//!
//! A gazetteer is one `.toml` file or a directory of them, read recursively
//! in sorted path order. Each file holds `[[entity]]` tables:
//!
//! ```toml
//! [[entity]]
//! id = "panjshir"                 # required, unique: a-z 0-9 - _ : .
//! name = "Panjshir"               # required, the canonical display name
//! type = "place"                  # required: person | place | organization | event | other
//! aliases = ["Panjsher", "Panshir"]   # optional
//! acronyms = []                   # optional
//! names = { fr = ["Panchir"], ru = ["Панджшер"] }  # optional, by BCP 47 tag
//! wikidata = "Q..."               # optional: Q followed by digits
//! description = "..."             # optional
//! fuzzy = true                    # optional (default true): false links listed spellings only
//! min_score = 0.9                 # optional, in [0, 1]: this entity's link threshold
//! context = ["Afghanistan"]       # optional: words that make it likely in a sentence
//! requires_context = false        # optional: true = link only near a context word
//! not = ["Panchito"]              # optional: spellings that never link to it
//! related = ["ahmad-shah-massoud"]  # optional: ids of related entities
//! ```
//!
//! Loading reports every mistake of every file at once (see
//! [`GazetteerErrors`]), never only the first. [`Gazetteer::lint`] and
//! [`Gazetteer::check`] add warnings about what is valid but will not link
//! as meant: names shared by two entities, ordinary words, unreachable
//! entities, `related` ids that are not defined (see [`WarningKind`]).

mod embedded;
mod file;
mod lint;
mod load;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use crate::error::{GazetteerErrors, ParseEntityTypeError};
use crate::index::MappedEntities;
use crate::tables::StrTable;

pub(crate) use embedded::SOURCES as EMBEDDED_SOURCES;
pub use file::is_language_tag;
pub(crate) use file::ENTITY_KEYS;
pub(crate) use lint::closest_id;
pub use lint::{OtherName, Report, Warning, WarningKind};

/// A validated set of entities, in file order, with unique ids.
///
/// Built once by [`Gazetteer::load`], [`Gazetteer::from_sources`] or
/// [`Gazetteer::from_toml`], then read-only.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entities: Entities,
    /// Each entity's position, by id.
    by_id: StrTable,
    sources: Vec<SourceFile>,
}

/// What linking reads of an entity it meets: its type, switches and
/// threshold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Traits {
    pub(crate) kind: EntityType,
    pub(crate) fuzzy: bool,
    pub(crate) requires_context: bool,
    /// Whether it has `context` words.
    pub(crate) context: bool,
    /// Whether it is a personal name itself ([`Entity::is_personal_name`]).
    pub(crate) personal_name: bool,
    pub(crate) min_score: Option<f64>,
}

impl Traits {
    /// The types, by their number in [`Traits::byte`].
    const KINDS: [EntityType; 5] = [
        EntityType::Person,
        EntityType::Place,
        EntityType::Organization,
        EntityType::Event,
        EntityType::Other,
    ];

    /// The traits of `entity`.
    pub(crate) fn of(entity: &Entity) -> Traits {
        Traits {
            kind: entity.kind,
            fuzzy: entity.fuzzy,
            requires_context: entity.requires_context,
            context: !entity.context.is_empty(),
            personal_name: entity.is_personal_name(),
            min_score: entity.min_score,
        }
    }

    /// The traits but the threshold in a byte: the type's number, then a
    /// bit for each switch.
    pub(crate) fn byte(&self) -> u8 {
        let kind = Traits::KINDS
            .iter()
            .position(|&k| k == self.kind)
            .unwrap_or_default();
        kind as u8
            | u8::from(self.fuzzy) << 3
            | u8::from(self.requires_context) << 4
            | u8::from(self.context) << 5
            | u8::from(self.personal_name) << 6
    }

    /// The traits [`Traits::byte`] wrote, with threshold `min_score`.
    pub(crate) fn from_byte(byte: u8, min_score: Option<f64>) -> Traits {
        let kind = Traits::KINDS.get(usize::from(byte & 7)).copied();
        Traits {
            kind: kind.unwrap_or(EntityType::Other),
            fuzzy: byte & 1 << 3 != 0,
            requires_context: byte & 1 << 4 != 0,
            context: byte & 1 << 5 != 0,
            personal_name: byte & 1 << 6 != 0,
            min_score,
        }
    }
}

/// A gazetteer's entities: decoded (with the byte of their traits, read
/// for every candidate: [`Traits::byte`]), or in a mapped index and decoded
/// when read.
#[derive(Debug, Clone)]
enum Entities {
    Decoded(Vec<Entity>, Box<[u8]>),
    Mapped(MappedEntities),
}

impl Gazetteer {
    /// Reads the gazetteer files and directories at `paths`, in the order
    /// given; a directory is read recursively, its `.toml` files in sorted
    /// path order. Ids must be unique across all of them.
    ///
    /// # Errors
    ///
    /// Every mistake of every file: missing paths, unreadable files, TOML
    /// syntax, schema violations, duplicate ids.
    pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<Gazetteer, GazetteerErrors> {
        load::load(paths.iter().map(AsRef::as_ref))
    }

    /// Builds a gazetteer from `(path, TOML text)` pairs, in order; `path`
    /// only names the source in errors and [`Origin`]s.
    ///
    /// # Errors
    ///
    /// Every mistake of every source, as for [`Gazetteer::load`].
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Gazetteer, GazetteerErrors> {
        load::from_sources(sources)
    }

    /// Builds a gazetteer from one TOML text; `path` only names it in errors
    /// and [`Origin`]s.
    ///
    /// # Errors
    ///
    /// Every mistake in `text`.
    ///
    /// # Example
    ///
    /// ```
    /// use canon::{EntityType, Gazetteer};
    ///
    /// let gazetteer = Gazetteer::from_toml(
    ///     "places.toml",
    ///     r#"
    /// [[entity]]
    /// id = "panjshir"
    /// name = "Panjshir"
    /// type = "place"
    /// aliases = ["Panjsher"]
    /// "#,
    /// )?;
    /// assert_eq!(gazetteer.len(), 1);
    /// assert_eq!(gazetteer.entities()[0].kind, EntityType::Place);
    ///
    /// let errors = Gazetteer::from_toml("bad.toml", "[[entity]]\nid = \"x\"\nnmae = \"X\"\n")
    ///     .unwrap_err();
    /// assert_eq!(
    ///     errors.errors()[0].to_string(),
    ///     "bad.toml:1:1: missing `name` in this entity — add `name = \"…\"`",
    /// );
    /// assert_eq!(
    ///     errors.errors()[2].to_string(),
    ///     "bad.toml:3:1: unknown key `nmae` in an entity — did you mean `name`?",
    /// );
    /// # Ok::<(), canon::GazetteerErrors>(())
    /// ```
    pub fn from_toml(path: &str, text: &str) -> Result<Gazetteer, GazetteerErrors> {
        Gazetteer::from_sources([(path, text)])
    }

    /// Builds the gazetteer of already validated `entities`.
    pub(crate) fn new(entities: Vec<Entity>) -> Gazetteer {
        let by_id = StrTable::new(entities.iter().map(|e| e.id.as_str()));
        let traits = entities.iter().map(|e| Traits::of(e).byte()).collect();
        Gazetteer {
            entities: Entities::Decoded(entities, traits),
            by_id,
            sources: Vec::new(),
        }
    }

    /// The gazetteer, read from `sources`.
    pub(crate) fn with_sources(self, sources: Vec<SourceFile>) -> Gazetteer {
        Gazetteer { sources, ..self }
    }

    /// The gazetteer of the `entities` of an index and the table of their
    /// ids, as [`Gazetteer::ids`] gave it, read from `sources`.
    pub(crate) fn from_parts(
        entities: MappedEntities,
        by_id: StrTable,
        sources: Vec<SourceFile>,
    ) -> Gazetteer {
        Gazetteer {
            entities: Entities::Mapped(entities),
            by_id,
            sources,
        }
    }

    /// The table of entity ids.
    pub(crate) fn ids(&self) -> &StrTable {
        &self.by_id
    }

    /// The files the gazetteer was read from by [`Gazetteer::load`], in
    /// the order read; none for [`Gazetteer::from_sources`] and
    /// [`Gazetteer::embedded`].
    ///
    /// ```
    /// let path = std::env::temp_dir().join(format!("canon-sources-{}.toml", std::process::id()));
    /// std::fs::write(&path, "[[entity]]\nid = \"kabul\"\nname = \"Kabul\"\ntype = \"place\"\n")?;
    /// let gazetteer = canon::Gazetteer::load(&[&path])?;
    /// let source = &gazetteer.sources()[0];
    /// assert!(source.path.is_absolute() && source.path.ends_with(path.file_name().unwrap()));
    /// assert_eq!(source.size, std::fs::metadata(&path)?.len());
    /// assert!(canon::Gazetteer::embedded().sources().is_empty());
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sources(&self) -> &[SourceFile] {
        &self.sources
    }

    /// All entities: files in load order, each file's entities in order.
    pub fn entities(&self) -> &[Entity] {
        match &self.entities {
            Entities::Decoded(entities, _) => entities,
            Entities::Mapped(entities) => entities.all(),
        }
    }

    /// Entity `e`, of an index the only one decoded
    /// ([`Gazetteer::entities`] decodes them all): `e` is one the lexicon
    /// holds, checked against the number of entities when it was read.
    pub(crate) fn entity(&self, e: u32) -> &Entity {
        let entity = match &self.entities {
            Entities::Decoded(entities, _) => entities.get(e as usize),
            Entities::Mapped(entities) => entities.get(e as usize),
        };
        entity.expect("an entity at every index below len(), checked when read")
    }

    /// What linking reads of entity `e` (as [`Gazetteer::entity`]), of an
    /// index without decoding it: most entities linking meets are
    /// candidates outscored, whose type and threshold are all it reads.
    pub(crate) fn traits(&self, e: u32) -> Traits {
        let traits = match &self.entities {
            Entities::Decoded(entities, traits) => (entities.get(e as usize))
                .zip(traits.get(e as usize))
                .map(|(entity, &byte)| Traits::from_byte(byte, entity.min_score)),
            Entities::Mapped(entities) => entities.traits(e as usize),
        };
        traits.expect("an entity at every index below len(), checked when read")
    }

    /// The lowest `min_score` of the entities, if any has one.
    pub(crate) fn lowest_min_score(&self) -> Option<f64> {
        match &self.entities {
            Entities::Decoded(entities, _) => {
                entities.iter().filter_map(|e| e.min_score).reduce(f64::min)
            }
            Entities::Mapped(entities) => entities.lowest_min_score(),
        }
    }

    /// The entity with this id.
    ///
    /// # Example
    ///
    /// ```
    /// use canon::Gazetteer;
    ///
    /// let gazetteer = Gazetteer::from_toml(
    ///     "people.toml",
    ///     "[[entity]]\nid = \"ahmad-massoud\"\nname = \"Ahmad Massoud\"\ntype = \"person\"\n",
    /// )?;
    /// let entity = gazetteer.get("ahmad-massoud").expect("defined above");
    /// assert_eq!(entity.name, "Ahmad Massoud");
    /// assert_eq!((entity.origin.line, entity.origin.column), (1, 1));
    /// assert!(gazetteer.get("panjshir").is_none());
    /// # Ok::<(), canon::GazetteerErrors>(())
    /// ```
    pub fn get(&self, id: &str) -> Option<&Entity> {
        let e = self.by_id.get(id)?;
        ((e as usize) < self.len()).then(|| self.entity(e))
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        match &self.entities {
            Entities::Decoded(entities, _) => entities.len(),
            Entities::Mapped(entities) => entities.len(),
        }
    }

    /// Whether there are no entities (gazetteer files may hold none).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A file a gazetteer was read from, as it was then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Its absolute path.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// The hash of its content: xxh3, 64 bits.
    pub hash: u64,
}

impl SourceFile {
    /// The file at `path` whose content is `bytes`.
    pub(crate) fn new(path: &Path, bytes: &[u8]) -> SourceFile {
        SourceFile {
            path: std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
            size: bytes.len() as u64,
            hash: SourceFile::hash_of(bytes),
        }
    }

    /// The hash of a file's content.
    fn hash_of(bytes: &[u8]) -> u64 {
        xxhash_rust::xxh3::xxh3_64(bytes)
    }

    /// The hash of the content of the file at `path`, as
    /// [`SourceFile::hash_of`] gives it, read a piece at a time: checking a
    /// gazetteer of a million entities neither copies nor holds it whole.
    pub(crate) fn hash_file(path: &Path) -> std::io::Result<u64> {
        use std::io::Read;
        let mut file = std::fs::File::open(path)?;
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut piece = vec![0; HASH_PIECE];
        loop {
            match file.read(&mut piece) {
                Ok(0) => return Ok(hasher.digest()),
                Ok(n) => hasher.update(&piece[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// How many bytes of a file [`SourceFile::hash_file`] reads at a time.
const HASH_PIECE: usize = 1 << 20;

/// One entity of the gazetteer, as written in its file and validated.
///
/// It serializes (serde) with every field but the positions of its names
/// ([`Entity::location`]): an entity read back has its [`Origin`] only.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    /// Unique id, made of a-z 0-9 - _ : . only.
    pub id: String,
    /// Canonical display name; never blank.
    pub name: String,
    /// `type` in the file.
    pub kind: EntityType,
    /// Other spellings, in any language or script; never blank.
    pub aliases: Box<[String]>,
    /// Short forms such as `NRF`; never blank.
    pub acronyms: Box<[String]>,
    /// Names by BCP 47 language tag, such as `fr` → `["Panchir"]`.
    pub names: Names,
    /// Wikidata item id: `Q` followed by digits.
    pub wikidata: Option<String>,
    /// Free-text description.
    pub description: Option<String>,
    /// Whether approximate spellings may link (default `true`); `false`
    /// links only the spellings listed.
    pub fuzzy: bool,
    /// This entity's link threshold in [0, 1], overriding the linker's.
    pub min_score: Option<f64>,
    /// Words that make the entity likely: in the same sentence, they raise
    /// the score of its approximate mentions.
    pub context: Box<[String]>,
    /// Whether the entity links only where one of its `context` words
    /// stands in the same sentence (for names that are also ordinary words).
    pub requires_context: bool,
    /// Spellings that must never link to this entity.
    pub not: Box<[String]>,
    /// Ids of related entities (a person's son, a group's leader); each
    /// should be defined ([`Gazetteer::lint`] warns otherwise). Not used in
    /// linking yet.
    pub related: Box<[String]>,
    /// Where the entity's table starts.
    pub origin: Origin,
    /// Line and column of each name and element of a list of
    /// [`PLACED_KEYS`], in the order of [`Entity::placed_paths`]: a slice,
    /// not a map by key path, whose nodes would take more memory than the
    /// entity. Thirty-two bits each: a line or column beyond is kept as
    /// `u32::MAX`.
    #[serde(skip)]
    positions: Box<[(u32, u32)]>,
}

/// A name and the qualifier in parentheses that ends it, if any: the
/// qualifier tells namesakes apart in encyclopedias and curated lists, and
/// no text writes it after the name: `Georgia (country)` is written
/// `Georgia`, `Muhammad (prophet)` `Muhammad`. A name that is nothing but
/// parentheses has no qualifier.
pub(crate) fn split_qualifier(name: &str) -> (&str, Option<&str>) {
    let trimmed = name.trim_end();
    match trimmed
        .strip_suffix(')')
        .and_then(|rest| Some((rest, rest.rfind(" (")?)))
    {
        Some((rest, at)) if !trimmed[..at].trim().is_empty() => {
            (trimmed[..at].trim_end(), Some(rest[at + 2..].trim()))
        }
        _ => (name, None),
    }
}

/// Words of a qualifier that say the entity is a personal name itself
/// ([`Entity::is_personal_name`]), in lower case: English, French, German,
/// Spanish, Italian and Polish.
const NAME_QUALIFIERS: [&str; 14] = [
    "name",
    "forename",
    "surname",
    "prénom",
    "patronyme",
    "vorname",
    "nachname",
    "familienname",
    "nombre",
    "apellido",
    "nome",
    "cognome",
    "imię",
    "nazwisko",
];

/// The keys whose values' places an [`Entity`] keeps, in the order it
/// keeps them.
pub(crate) const PLACED_KEYS: [&str; 7] = [
    "name", "aliases", "names", "acronyms", "context", "not", "related",
];

impl Entity {
    /// Whether the entity is a personal name itself (a given name or a
    /// surname) rather than someone who bears it, as the qualifier in
    /// parentheses after its canonical name says: `Muhammad (given name)`,
    /// `Hussein (name)`, `Karimov (surname)`, `Youssef (prénom)`; without
    /// a qualifier, an entity of type `other` named by a given name of
    /// `data/given-names.txt` alone (`Yusuf`). Every word written as such
    /// a name is a mention of it, whoever bears it:
    /// it is preferred to a namesake known by that name alone (`Muhammad
    /// (prophet)`), and its name's other spellings of
    /// `data/given-names.txt` are its own.
    ///
    /// ```
    /// let toml = r#"
    /// [[entity]]
    /// id = "given-name-yusuf"
    /// name = "Yusuf (given name)"
    /// type = "other"
    ///
    /// [[entity]]
    /// id = "yusuf-khan"
    /// name = "Yusuf Khan"
    /// type = "person"
    ///
    /// [[entity]]
    /// id = "musa"
    /// name = "Musa"
    /// type = "other"
    /// "#;
    /// let gazetteer = canon::Gazetteer::from_toml("names.toml", toml)?;
    /// let [name, person, unqualified] = gazetteer.entities() else { unreachable!() };
    /// assert!(name.is_personal_name());
    /// assert!(!person.is_personal_name());
    /// assert!(unqualified.is_personal_name());
    /// # Ok::<(), canon::GazetteerErrors>(())
    /// ```
    pub fn is_personal_name(&self) -> bool {
        let (name, qualifier) = split_qualifier(&self.name);
        match qualifier {
            Some(qualifier) => (qualifier.split([' ', '-']))
                .any(|w| NAME_QUALIFIERS.contains(&w.to_lowercase().as_str())),
            None => {
                self.kind == EntityType::Other
                    && crate::skeleton::is_given_name(&crate::Normalizer::new().key(name))
            }
        }
    }

    /// The entity of an index's bytes that do not decode: no id, no names,
    /// linked by no approximate spelling ([`MappedEntities`]).
    pub(crate) fn unreadable() -> Entity {
        Entity {
            id: String::new(),
            name: String::new(),
            kind: EntityType::Other,
            aliases: Box::default(),
            acronyms: Box::default(),
            names: Names::default(),
            wikidata: None,
            description: None,
            fuzzy: false,
            min_score: None,
            context: Box::default(),
            requires_context: false,
            not: Box::default(),
            related: Box::default(),
            origin: Origin {
                path: Arc::from(""),
                line: 0,
                column: 0,
            },
            positions: Box::default(),
        }
    }

    /// Where the value at key path `key` is written: `name`, `aliases[1]`,
    /// `names.fr[0]`, `acronyms[0]`, `context[0]`, `not[0]`, `related[0]`
    /// (arrays indexed from 0). `None` for a path the entity does not have.
    ///
    /// ```
    /// let gazetteer = canon::Gazetteer::from_toml(
    ///     "places.toml",
    ///     "[[entity]]\nid = \"kabul\"\nname = \"Kabul\"\ntype = \"place\"\n\
    ///      names = { fr = [\"Kaboul\"] }\n",
    /// )?;
    /// let kabul = gazetteer.get("kabul").expect("defined");
    /// assert_eq!(kabul.location("name").unwrap().to_string(), "places.toml:3:8");
    /// assert_eq!(kabul.location("names.fr[0]").unwrap().to_string(), "places.toml:5:17");
    /// assert_eq!(kabul.location("aliases[0]"), None);
    /// # Ok::<(), canon::GazetteerErrors>(())
    /// ```
    pub fn location(&self, key: &str) -> Option<Origin> {
        let at = self.placed_paths().position(|path| path == key)?;
        let &(line, column) = self.positions.get(at)?;
        Some(Origin {
            path: self.origin.path.clone(),
            line: line as usize,
            column: column as usize,
        })
    }

    /// Every name that links to the entity, with its key path: `name`,
    /// then `aliases`, `names` by tag, `acronyms`, in file order within
    /// each key.
    ///
    /// ```
    /// let gazetteer = canon::Gazetteer::from_toml(
    ///     "g.toml",
    ///     "[[entity]]\nid = \"nrf\"\nname = \"National Resistance Front\"\n\
    ///      type = \"organization\"\nacronyms = [\"NRF\"]\n",
    /// )?;
    /// let names: Vec<(String, &str)> = gazetteer.entities()[0].listed_names().collect();
    /// assert_eq!(names, [
    ///     ("name".to_string(), "National Resistance Front"),
    ///     ("acronyms[0]".to_string(), "NRF"),
    /// ]);
    /// # Ok::<(), canon::GazetteerErrors>(())
    /// ```
    pub fn listed_names(&self) -> impl Iterator<Item = (String, &str)> + '_ {
        std::iter::once(("name".to_string(), self.name.as_str()))
            .chain(indexed("aliases".into(), &self.aliases))
            .chain(
                self.names
                    .iter()
                    .flat_map(|(tag, list)| indexed(format!("names.{tag}"), list)),
            )
            .chain(indexed("acronyms".into(), &self.acronyms))
    }

    /// The key path of each value whose place the entity keeps, in the
    /// order of [`PLACED_KEYS`]: its listed names, then the elements of
    /// `context`, `not` and `related`.
    fn placed_paths(&self) -> impl Iterator<Item = String> + '_ {
        let lists = [&self.context, &self.not, &self.related];
        self.listed_names().map(|(path, _)| path).chain(
            PLACED_KEYS[4..]
                .iter()
                .zip(lists)
                .flat_map(|(key, list)| indexed(key.to_string(), list).map(|(path, _)| path)),
        )
    }
}

/// An entity's names by BCP 47 language tag (`names = { fr = ["Panchir"] }`
/// in its file), in tag order, each tag once.
///
/// A sorted slice rather than a map: a million entities' maps would take
/// more memory than the rest of the entities. It serializes (serde) as a
/// map from tags to lists.
///
/// ```
/// use canon::Names;
///
/// let names: Names = [
///     ("ru".to_string(), vec!["Панджшер".to_string()]),
///     ("fr".to_string(), vec!["Panchir".to_string(), "Pandjchir".to_string()]),
/// ]
/// .into_iter()
/// .collect();
/// assert_eq!(names.get("fr"), Some(&["Panchir".to_string(), "Pandjchir".to_string()][..]));
/// assert_eq!(names["ru"], ["Панджшер"]);
/// assert_eq!(names.get("de"), None);
/// let tags: Vec<&str> = names.iter().map(|(tag, _)| tag).collect();
/// assert_eq!(tags, ["fr", "ru"]);
/// assert_eq!(names.values().flatten().count(), 3);
/// assert_eq!((names.len(), names.is_empty()), (2, false));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(Box<[Tagged]>);

/// A language tag and its names.
type Tagged = (Box<str>, Box<[String]>);

impl Names {
    /// The names of language `tag`.
    pub fn get(&self, tag: &str) -> Option<&[String]> {
        let at = self.position(tag).ok()?;
        Some(&self.0[at].1)
    }

    /// Every tag with its names, in tag order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> + '_ {
        self.0.iter().map(|(tag, list)| (&**tag, &**list))
    }

    /// Every tag's names, in tag order.
    pub fn values(&self) -> impl Iterator<Item = &[String]> + '_ {
        self.0.iter().map(|(_, list)| &**list)
    }

    /// How many tags.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no tags.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Where `tag` is, or would be inserted.
    fn position(&self, tag: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(t, _)| (**t).cmp(tag))
    }
}

impl<L: Into<Box<[String]>>> FromIterator<(String, L)> for Names {
    /// The names of each tag (a vector, or a boxed slice); a tag given
    /// twice keeps its last names, as a map would.
    fn from_iter<I: IntoIterator<Item = (String, L)>>(pairs: I) -> Names {
        let mut pairs: Vec<(String, L)> = pairs.into_iter().collect();
        // Stable: of equal tags, the last given ends up last and is kept.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        pairs.reverse();
        pairs.dedup_by(|later, earlier| later.0 == earlier.0);
        pairs.reverse();
        let pairs = pairs
            .into_iter()
            .map(|(tag, list)| (tag.into(), list.into()));
        Names(pairs.collect())
    }
}

impl std::ops::Index<&str> for Names {
    type Output = [String];

    /// The names of language `tag`.
    ///
    /// # Panics
    ///
    /// If there are none, as a map's index does; [`Names::get`] does not
    /// panic.
    fn index(&self, tag: &str) -> &[String] {
        self.get(tag)
            .unwrap_or_else(|| panic!("no names of language `{tag}`"))
    }
}

impl serde::Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for Names {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Names, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Names;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from language tags to lists of names")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Names, A::Error> {
                let mut pairs: Vec<(String, Box<[String]>)> =
                    Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(pairs.into_iter().collect())
            }
        }

        deserializer.deserialize_map(Visitor)
    }
}

/// A place in a gazetteer source: 1-based line and column (in characters).
///
/// Displays as `path:line:column`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// The source's path, as given or found while walking a directory;
    /// one string shared by the entities of the source.
    pub path: Arc<str>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// What kind of thing an entity is: `type` in the gazetteer.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// `person`
    Person,
    /// `place`
    Place,
    /// `organization`
    Organization,
    /// `event`
    Event,
    /// `other`
    Other,
}

impl EntityType {
    /// Every type, in declaration order.
    pub const ALL: &'static [EntityType] = &[
        EntityType::Person,
        EntityType::Place,
        EntityType::Organization,
        EntityType::Event,
        EntityType::Other,
    ];

    /// The name used in gazetteers and output: `person`, `place`, …
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
            EntityType::Event => "event",
            EntityType::Other => "other",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = ParseEntityTypeError;

    /// Parses the exact, lowercase name given by [`EntityType::as_str`].
    fn from_str(s: &str) -> Result<EntityType, ParseEntityTypeError> {
        EntityType::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| ParseEntityTypeError(s.to_owned()))
    }
}

/// The elements of the list at `key`, with their key paths (`aliases[0]`).
fn indexed(key: String, list: &[String]) -> impl Iterator<Item = (String, &str)> {
    list.iter()
        .enumerate()
        .map(move |(i, n)| (format!("{key}[{i}]"), n.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_read_in_pieces_hashes_as_its_bytes() {
        let path = std::env::temp_dir().join(format!("canon-hash-{}", std::process::id()));
        // Longer than a piece and not a multiple of it.
        let bytes: Vec<u8> = (0..HASH_PIECE * 2 + 7).map(|i| (i % 251) as u8).collect();
        for len in [0, 5, HASH_PIECE, bytes.len()] {
            std::fs::write(&path, &bytes[..len]).expect("writes");
            let hash = SourceFile::hash_file(&path).expect("reads");
            assert_eq!(hash, SourceFile::hash_of(&bytes[..len]), "{len} bytes");
        }
        std::fs::remove_file(&path).expect("removes");
    }

    #[test]
    fn entity_type_names_round_trip() {
        for &kind in EntityType::ALL {
            assert_eq!(kind.as_str().parse::<EntityType>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        let error = "Place".parse::<EntityType>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown entity type `Place` — use one of `person`, `place`, \
             `organization`, `event`, `other`"
        );
    }

    #[test]
    fn personal_names_by_their_qualifier_or_a_given_name_of_type_other() {
        let cases = [
            ("Muhammad (given name)", "other", true),
            ("Hussein (name)", "person", true),
            ("Karimov (surname)", "other", true),
            ("Youssef (prénom)", "other", true),
            ("Josef (Vorname)", "other", true),
            ("Muhammad (prophet)", "person", false),
            ("Georgia (country)", "place", false),
            ("Yusuf", "other", true),
            ("Yusuf", "person", false),
            ("Kandahar", "other", false),
            ("Yusuf Khan", "other", false),
        ];
        for (name, kind, expected) in cases {
            let toml = format!("[[entity]]\nid = \"x\"\nname = \"{name}\"\ntype = \"{kind}\"\n");
            let gazetteer = Gazetteer::from_toml("g.toml", &toml).unwrap();
            let entity = &gazetteer.entities()[0];
            assert_eq!(entity.is_personal_name(), expected, "{name} ({kind})");
            assert_eq!(
                gazetteer.traits(0).personal_name,
                expected,
                "{name} ({kind})"
            );
        }
    }

    #[test]
    fn traits_read_back_from_their_byte() {
        for kind in Traits::KINDS {
            for bits in 0..16u8 {
                let traits = Traits {
                    kind,
                    fuzzy: bits & 1 != 0,
                    requires_context: bits & 2 != 0,
                    context: bits & 4 != 0,
                    personal_name: bits & 8 != 0,
                    min_score: Some(0.75),
                };
                assert_eq!(Traits::from_byte(traits.byte(), Some(0.75)), traits);
            }
        }
    }

    #[test]
    fn get_finds_entities_by_id_and_keeps_file_order() {
        let text = "[[entity]]\nid = \"b\"\nname = \"B\"\ntype = \"other\"\n\n\
                    [[entity]]\nid = \"a\"\nname = \"A\"\ntype = \"event\"\n";
        let gazetteer = Gazetteer::from_toml("g.toml", text).unwrap();
        let ids: Vec<&str> = gazetteer.entities().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(gazetteer.get("a").map(|e| e.origin.line), Some(6));
        assert_eq!(gazetteer.get("c"), None);
        assert_eq!(gazetteer.len(), 2);
        assert!(!gazetteer.is_empty());
        let [b, a] = gazetteer.entities() else {
            panic!("two entities")
        };
        assert!(
            Arc::ptr_eq(&a.origin.path, &b.origin.path),
            "one path per file"
        );
    }

    #[test]
    fn gazetteer_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Gazetteer>();
        assert_send_sync::<crate::error::GazetteerErrors>();
    }
}
