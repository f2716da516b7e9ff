//! Editing gazetteer files in place: a name added to an entity, or a new
//! entity, written where it belongs with the file's comments, order and
//! formatting kept, and validated before anything is written.
//!
//! An [`Editor`] reads the gazetteer, takes edits in memory
//! ([`Editor::add`], [`Editor::new_entity`]), and checks after each one that
//! the whole gazetteer still loads and that the new name collides with no
//! other entity's (the warnings of [`Gazetteer::lint`] that involve it).
//! [`Editor::write`] then replaces each changed file through a temporary
//! file renamed over it, and refuses if a file changed on disk meanwhile.
//!
//! ```
//! use canon::edit::{Addition, Editor};
//!
//! let scratch = tempfile::tempdir()?;
//! let dir = scratch.path();
//! let path = dir.join("places.toml");
//! std::fs::write(&path, "[[entity]]\nid = \"kabul\"\nname = \"Kabul\"  # the capital\ntype = \"place\"\naliases = [\n  \"Kabol\",\n]\n")?;
//!
//! let mut editor = Editor::open(&[&dir])?;
//! editor.add("kabul", &Addition::Alias("Caboul".into()), Some("press usage"))?;
//! let changes = editor.write()?;
//! assert_eq!(changes.len(), 1);
//! assert!(changes[0].diff().contains("\n+  \"Caboul\",  # press usage\n"));
//! assert!(std::fs::read_to_string(&path)?.contains("name = \"Kabul\"  # the capital"));
//!
//! // A name another entity has, or this one already has, is refused.
//! let mut editor = Editor::open(&[&dir])?;
//! let refused = editor.add("kabul", &Addition::Alias("kabol".into()), None).unwrap_err();
//! assert!(refused.to_string().contains("already listed"), "{refused}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, Item, Table, Value};

use crate::gazetteer::{Entity, EntityType, Gazetteer, Origin, Warning, WarningKind};
use crate::{GazetteerErrors, Normalizer};

/// A name to add to an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Addition {
    /// An entry of `aliases`.
    Alias(String),
    /// An entry of `names.<tag>`.
    Name {
        /// The BCP 47 language tag, such as `fr`.
        tag: String,
        /// The name.
        name: String,
    },
    /// An entry of `acronyms`.
    Acronym(String),
}

impl Addition {
    /// The name added.
    pub fn text(&self) -> &str {
        match self {
            Addition::Alias(name) | Addition::Acronym(name) | Addition::Name { name, .. } => name,
        }
    }

    /// The list it goes to: `aliases`, `acronyms` or `names.fr`.
    fn key(&self) -> String {
        match self {
            Addition::Alias(_) => "aliases".into(),
            Addition::Acronym(_) => "acronyms".into(),
            Addition::Name { tag, .. } => format!("names.{tag}"),
        }
    }
}

/// A new entity for [`Editor::new_entity`]: the required keys, and names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntity {
    /// Its id.
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Its type.
    pub kind: EntityType,
    /// Names to list, each in its key.
    pub names: Vec<Addition>,
    /// A description, if any.
    pub description: Option<String>,
}

/// Why an edit was refused; nothing was written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    /// The gazetteer has errors already: fix them first.
    #[error("the gazetteer has errors; fix them first:\n{0}")]
    InvalidGazetteer(GazetteerErrors),
    /// No gazetteer file to edit.
    #[error(
        "no gazetteer file given — pass `--gazetteer PATH`; the embedded default gazetteer \
         cannot be edited (copy the repository's `gazetteer/` directory and edit the copy)"
    )]
    NoFiles,
    /// No entity has this id.
    #[error("no entity `{id}`{}", .suggestion.as_ref().map(|s| format!(" — did you mean `{s}`?")).unwrap_or_default())]
    NoSuchEntity {
        /// The id asked for.
        id: String,
        /// The closest id, when one is close.
        suggestion: Option<String>,
    },
    /// An entity with this id exists already.
    #[error("an entity `{id}` exists already, at {origin} — choose another id or add names to it")]
    IdTaken {
        /// The id.
        id: String,
        /// Where it is defined.
        origin: Origin,
    },
    /// The entity lists this name already (the same after normalization).
    #[error("`{name}` is already listed for `{id}` as `{existing}` at {origin} — nothing to add")]
    AlreadyListed {
        /// The name to add.
        name: String,
        /// The entity.
        id: String,
        /// The listed name it equals.
        existing: String,
        /// Where that name is.
        origin: Origin,
    },
    /// The new name would collide with another entity's.
    #[error("`{name}` would collide: {}", .warnings.iter().map(|w| w.kind.message()).collect::<Vec<_>>().join("; "))]
    Collides {
        /// The name to add.
        name: String,
        /// The collision warnings the edit would cause.
        warnings: Vec<Warning>,
    },
    /// The edit would make the gazetteer invalid (a bad language tag, a
    /// blank name, a bad id…).
    #[error("the edit would make the gazetteer invalid:\n{0}")]
    InvalidEdit(GazetteerErrors),
    /// The entity is written in a way this editor does not change (an
    /// inline `entity = [...]` array).
    #[error("{path}: entity `{id}` is not an `[[entity]]` table — edit it by hand")]
    NotEditable {
        /// Its file.
        path: String,
        /// Its id.
        id: String,
    },
    /// A file changed on disk after it was read: another edit ran.
    #[error("{0} changed on disk while editing — run the command again")]
    Changed(String),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// One changed file: its text before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The file, as the gazetteer names it.
    pub path: String,
    /// The text read.
    pub before: String,
    /// The text written.
    pub after: String,
}

impl Change {
    /// The change as a unified diff (`--- a/PATH`, `+++ b/PATH`, hunks
    /// with three lines of context).
    pub fn diff(&self) -> String {
        let path = self.path.trim_start_matches('/');
        similar::TextDiff::from_lines(&self.before, &self.after)
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{path}"), &format!("b/{path}"))
            .to_string()
    }
}

/// One file of the gazetteer: its text as read, and as edited.
#[derive(Debug, Clone)]
struct File {
    path: String,
    read: String,
    text: String,
}

/// Edits of a gazetteer, validated in memory, written together.
#[derive(Debug)]
pub struct Editor {
    /// The paths given, to place the file of a new entity.
    roots: Vec<PathBuf>,
    files: Vec<File>,
    gazetteer: Gazetteer,
    /// The values added so far, as `(id, key path)`.
    added: Vec<(String, String)>,
}

impl Editor {
    /// Reads the gazetteer files and directories at `paths`.
    ///
    /// # Errors
    ///
    /// [`EditError::NoFiles`] for no path, [`EditError::InvalidGazetteer`]
    /// if it does not load, [`EditError::Io`] if a file cannot be read.
    pub fn open<P: AsRef<Path>>(paths: &[P]) -> Result<Editor, EditError> {
        if paths.is_empty() {
            return Err(EditError::NoFiles);
        }
        let gazetteer = Gazetteer::load(paths).map_err(EditError::InvalidGazetteer)?;
        let mut files: Vec<File> = Vec::new();
        for entity in gazetteer.entities() {
            if !files.iter().any(|f| *f.path == *entity.origin.path) {
                let path = entity.origin.path.to_string();
                let text = read(&path)?;
                files.push(File {
                    path,
                    read: text.clone(),
                    text,
                });
            }
        }
        let roots = paths.iter().map(|p| p.as_ref().to_path_buf()).collect();
        Ok(Editor {
            roots,
            files,
            gazetteer,
            added: Vec::new(),
        })
    }

    /// The gazetteer with the edits made so far.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Adds `addition` to the entity `id`, with `comment` (such as the
    /// name's source) after it when it stands on a line of its own.
    ///
    /// # Errors
    ///
    /// The entity does not exist or lists the name already, the name would
    /// collide with another entity's, or the edit makes the gazetteer
    /// invalid. Nothing changes then.
    pub fn add(
        &mut self,
        id: &str,
        addition: &Addition,
        comment: Option<&str>,
    ) -> Result<(), EditError> {
        let entity = self.entity(id)?;
        let normalizer = Normalizer::new();
        let key = normalizer.key(addition.text());
        let acronym = matches!(addition, Addition::Acronym(_));
        for (path, listed) in entity.listed_names() {
            // An acronym and a name of the same letters are two things.
            if normalizer.key(listed) == key && path.starts_with("acronyms") == acronym {
                return Err(EditError::AlreadyListed {
                    name: addition.text().to_owned(),
                    id: id.to_owned(),
                    existing: listed.to_owned(),
                    origin: entity.location(&path).unwrap_or(entity.origin.clone()),
                });
            }
        }
        let file = self.file_of(entity);
        let mut document = parse(&self.files[file])?;
        let table = entity_table(&mut document, id).ok_or_else(|| EditError::NotEditable {
            path: entity.origin.path.to_string(),
            id: id.to_owned(),
        })?;
        let index = add_to(table, addition, comment);
        let path = format!("{}[{index}]", addition.key());
        let added = vec![(id.to_owned(), path)];
        self.apply(file, document.to_string(), addition.text(), added)
    }

    /// Appends `entity` to `file`, or to the file that holds most entities
    /// of its type, or to `<type>.toml` (`people.toml`, `places.toml`, …)
    /// in the first directory given.
    ///
    /// # Errors
    ///
    /// The id is taken, a name would collide with another entity's, or the
    /// entity is not valid. Nothing changes then.
    pub fn new_entity(&mut self, entity: &NewEntity, file: Option<&Path>) -> Result<(), EditError> {
        if let Some(existing) = self.gazetteer.get(&entity.id) {
            return Err(EditError::IdTaken {
                id: entity.id.clone(),
                origin: existing.origin.clone(),
            });
        }
        let path = match file {
            Some(file) => file.to_string_lossy().into_owned(),
            None => self.file_for(entity.kind)?,
        };
        let index = match self.files.iter().position(|f| f.path == path) {
            Some(index) => index,
            None => {
                let text = match std::fs::read_to_string(&path) {
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                    read => read.map_err(|source| EditError::Io {
                        path: path.clone(),
                        source,
                    })?,
                };
                self.files.push(File {
                    path,
                    read: text.clone(),
                    text,
                });
                self.files.len() - 1
            }
        };
        let mut text = self.files[index].text.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.trim().is_empty() && !text.ends_with("\n\n") {
            text.push('\n');
        }
        text.push_str(&scaffold(entity));
        let mut added = vec![(entity.id.clone(), "name".to_owned())];
        let mut counts: Vec<(String, usize)> = Vec::new();
        for addition in &entity.names {
            let key = addition.key();
            let n = match counts.iter_mut().find(|c| c.0 == key) {
                Some(count) => {
                    count.1 += 1;
                    count.1 - 1
                }
                None => {
                    counts.push((key.clone(), 1));
                    0
                }
            };
            added.push((entity.id.clone(), format!("{key}[{n}]")));
        }
        self.apply(index, text, &entity.name, added)
    }

    /// The files changed so far.
    pub fn changes(&self) -> Vec<Change> {
        self.files
            .iter()
            .filter(|f| f.text != f.read)
            .map(|f| Change {
                path: f.path.clone(),
                before: f.read.clone(),
                after: f.text.clone(),
            })
            .collect()
    }

    /// Writes every changed file (through a temporary file renamed over
    /// it) and returns the changes.
    ///
    /// # Errors
    ///
    /// [`EditError::Changed`] if a file is no longer what was read (nothing
    /// is written then), [`EditError::Io`] if one cannot be written.
    pub fn write(self) -> Result<Vec<Change>, EditError> {
        let changes = self.changes();
        for change in &changes {
            let now = match std::fs::read_to_string(&change.path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                now => now.map_err(|source| EditError::Io {
                    path: change.path.clone(),
                    source,
                })?,
            };
            if now != change.before {
                return Err(EditError::Changed(change.path.clone()));
            }
        }
        for change in &changes {
            crate::write_atomically(Path::new(&change.path), |mut file| {
                std::io::Write::write_all(&mut file, change.after.as_bytes())
            })
            .map_err(|source| EditError::Io {
                path: change.path.clone(),
                source,
            })?;
        }
        Ok(changes)
    }

    /// The entity `id`, or the closest id in the error.
    fn entity(&self, id: &str) -> Result<&Entity, EditError> {
        self.gazetteer.get(id).ok_or_else(|| {
            let ids = self.gazetteer.entities().iter().map(|e| e.id.as_str());
            EditError::NoSuchEntity {
                id: id.to_owned(),
                suggestion: crate::gazetteer::closest_id(ids, id),
            }
        })
    }

    /// The index of the file where `entity` is written.
    fn file_of(&self, entity: &Entity) -> usize {
        self.files
            .iter()
            .position(|f| *f.path == *entity.origin.path)
            .expect("every entity's file is read")
    }

    /// Where a new entity of type `kind` goes.
    fn file_for(&self, kind: EntityType) -> Result<String, EditError> {
        let mut counts: Vec<(usize, &str)> = Vec::new();
        for entity in self.gazetteer.entities().iter().filter(|e| e.kind == kind) {
            match counts.iter_mut().find(|c| *c.1 == *entity.origin.path) {
                Some(count) => count.0 += 1,
                None => counts.push((1, &entity.origin.path)),
            }
        }
        if let Some((_, path)) = counts.iter().max_by_key(|c| c.0) {
            return Ok(path.to_string());
        }
        let file = match kind {
            EntityType::Person => "people.toml",
            EntityType::Place => "places.toml",
            EntityType::Organization => "organizations.toml",
            EntityType::Event => "events.toml",
            EntityType::Other => "other.toml",
        };
        match self.roots.iter().find(|r| r.is_dir()) {
            Some(dir) => Ok(dir.join(file).to_string_lossy().into_owned()),
            None => self
                .roots
                .first()
                .map(|r| r.to_string_lossy().into_owned())
                .ok_or(EditError::NoFiles),
        }
    }

    /// The warnings about the names added so far (such as an ordinary
    /// word): the edit was made, but the name may not link as meant.
    pub fn warnings(&self) -> Vec<Warning> {
        let places = self.places(&self.gazetteer, &self.added);
        self.gazetteer
            .lint()
            .into_iter()
            .filter(|w| places.contains(&w.origin))
            .collect()
    }

    /// Where the `(id, key path)` values are written in `gazetteer`.
    fn places(&self, gazetteer: &Gazetteer, added: &[(String, String)]) -> Vec<Origin> {
        added
            .iter()
            .filter_map(|(id, path)| gazetteer.get(id)?.location(path))
            .collect()
    }

    /// Makes `text` the new text of file `index` if the gazetteer still
    /// loads and none of its collision warnings involves the `added`
    /// values (`(id, key path)`); else leaves everything as it was.
    fn apply(
        &mut self,
        index: usize,
        text: String,
        name: &str,
        added: Vec<(String, String)>,
    ) -> Result<(), EditError> {
        let previous = std::mem::replace(&mut self.files[index].text, text);
        let sources = self
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str()));
        let gazetteer = match Gazetteer::from_sources(sources) {
            Ok(gazetteer) => gazetteer,
            Err(errors) => {
                self.files[index].text = previous;
                return Err(EditError::InvalidEdit(errors));
            }
        };
        let places = self.places(&gazetteer, &added);
        let collisions: Vec<Warning> = gazetteer
            .lint()
            .into_iter()
            .filter(|w| match &w.kind {
                WarningKind::DuplicateName { other, .. }
                | WarningKind::SameKey { other, .. }
                | WarningKind::SharedAcronym { other, .. } => {
                    places.contains(&w.origin) || places.contains(&other.origin)
                }
                _ => false,
            })
            .collect();
        if !collisions.is_empty() {
            self.files[index].text = previous;
            return Err(EditError::Collides {
                name: name.to_owned(),
                warnings: collisions,
            });
        }
        self.gazetteer = gazetteer;
        self.added.extend(added);
        Ok(())
    }
}

/// Reads a gazetteer file.
fn read(path: &str) -> Result<String, EditError> {
    std::fs::read_to_string(path).map_err(|source| EditError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Parses a file that the loader accepted.
fn parse(file: &File) -> Result<DocumentMut, EditError> {
    file.text
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Io {
            path: file.path.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
        })
}

/// The `[[entity]]` table with this id.
fn entity_table<'d>(document: &'d mut DocumentMut, id: &str) -> Option<&'d mut Table> {
    document
        .get_mut("entity")?
        .as_array_of_tables_mut()?
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
}

/// Adds `addition` to `table`, creating its key where it belongs; returns
/// the index of the new element in its array.
fn add_to(table: &mut Table, addition: &Addition, comment: Option<&str>) -> usize {
    let text = addition.text();
    let (key, tag) = match addition {
        Addition::Alias(_) => ("aliases", None),
        Addition::Acronym(_) => ("acronyms", None),
        Addition::Name { tag, .. } => ("names", Some(tag.as_str())),
    };
    let Some(tag) = tag else {
        return match table.get_mut(key).and_then(Item::as_array_mut) {
            Some(array) => push(array, text, comment),
            None => {
                table.insert(key, new_array(text, comment));
                0
            }
        };
    };
    let names = table.get_mut("names");
    if let Some(Item::Value(Value::InlineTable(inline))) = names {
        if let Some(array) = inline.get_mut(tag).and_then(Value::as_array_mut) {
            return push(array, text, comment);
        }
        // `{ fr = ["x"] }`: the space before `}` moves to the new last
        // entry.
        if let Some((_, last)) = inline.iter_mut().last() {
            last.decor_mut().set_suffix("");
        }
        let mut array = Array::from_iter([text]);
        array.decor_mut().set_prefix(" ");
        array.decor_mut().set_suffix(" ");
        inline.insert(tag, Value::Array(array));
        return 0;
    }
    match table.get_mut("names").and_then(Item::as_table_like_mut) {
        Some(names) => match names.get_mut(tag).and_then(Item::as_array_mut) {
            Some(array) => push(array, text, comment),
            None => {
                names.insert(tag, new_array(text, comment));
                0
            }
        },
        None => {
            let mut names = Table::new();
            names.insert(tag, new_array(text, comment));
            table.insert("names", Item::Table(names));
            0
        }
    }
}

/// `["text"]`, with `comment` after it.
fn new_array(text: &str, comment: Option<&str>) -> Item {
    let mut array = Array::from_iter([text]);
    if let Some(comment) = comment {
        array.decor_mut().set_suffix(format!("  # {comment}"));
    }
    toml_edit::value(array)
}

/// Appends `text` to `array` in its layout: on a line of its own, indented
/// like the others and followed by `comment`, in an array written one
/// element per line; after a space in a one-line array. Returns its index.
fn push(array: &mut Array, text: &str, comment: Option<&str>) -> usize {
    let decor_text = |s: Option<&toml_edit::RawString>| {
        s.and_then(|s| s.as_str()).unwrap_or_default().to_owned()
    };
    let multiline = array
        .iter()
        .any(|v| decor_text(v.decor().prefix()).contains('\n'));
    if !multiline {
        array.push(text);
        if let (Some(comment), true) = (comment, decor_text(array.decor().suffix()).is_empty()) {
            array.decor_mut().set_suffix(format!("  # {comment}"));
        }
        return array.len() - 1;
    }
    // Whatever follows the last element (its comment, the newline before
    // `]`) is the new element's prefix; the comma it lacked is added.
    if !array.trailing_comma() {
        let last = array.len() - 1;
        let after = array
            .get_mut(last)
            .map(|v| {
                let suffix = decor_text(v.decor().suffix());
                v.decor_mut().set_suffix("");
                suffix
            })
            .unwrap_or_default();
        let trailing = after + &decor_text(Some(array.trailing()));
        array.set_trailing(trailing);
        array.set_trailing_comma(true);
    }
    let last_prefix = array
        .iter()
        .last()
        .map(|v| decor_text(v.decor().prefix()))
        .unwrap_or_default();
    let indent = last_prefix.rsplit('\n').next().unwrap_or("  ").to_owned();
    let trailing = decor_text(Some(array.trailing()));
    let (before, close) = match trailing.rfind('\n') {
        Some(i) => (trailing[..=i].to_owned(), trailing[i + 1..].to_owned()),
        None => ("\n".to_owned(), trailing.trim().to_owned()),
    };
    // The comment starts where the last element's does, if it has one.
    let width = |v: &Value| {
        let mut bare = v.clone();
        bare.decor_mut().clear();
        bare.to_string().chars().count()
    };
    let spaces = before.len() - before.trim_start_matches(' ').len();
    let column = match (array.iter().last(), before[spaces..].starts_with('#')) {
        (Some(last), true) => width(last) + 1 + spaces,
        _ => 0,
    };
    let mut value = Value::from(text);
    value.decor_mut().set_prefix(format!("{before}{indent}"));
    let pad = column.saturating_sub(width(&value) + 1).max(2);
    array.push_formatted(value);
    let comment = comment
        .map(|c| format!("{}# {c}", " ".repeat(pad)))
        .unwrap_or_default();
    array.set_trailing(format!("{comment}\n{close}"));
    array.len() - 1
}

/// The TOML of a new entity, ending with a newline.
fn scaffold(entity: &NewEntity) -> String {
    let quoted = toml_string;
    let list = |items: Vec<&str>| {
        let items: Vec<String> = items.into_iter().map(quoted).collect();
        format!("[{}]", items.join(", "))
    };
    let mut text = format!(
        "[[entity]]\nid = {}\nname = {}\ntype = {}\n",
        quoted(&entity.id),
        quoted(&entity.name),
        quoted(entity.kind.as_str())
    );
    if let Some(description) = &entity.description {
        text.push_str(&format!("description = {}\n", quoted(description)));
    }
    for key in ["aliases", "acronyms"] {
        let items: Vec<&str> = entity
            .names
            .iter()
            .filter(|a| a.key() == key)
            .map(Addition::text)
            .collect();
        if !items.is_empty() {
            text.push_str(&format!("{key} = {}\n", list(items)));
        }
    }
    let mut tags: Vec<&str> = Vec::new();
    for addition in &entity.names {
        if let Addition::Name { tag, .. } = addition {
            if !tags.contains(&tag.as_str()) {
                tags.push(tag);
            }
        }
    }
    if !tags.is_empty() {
        text.push_str("\n[entity.names]\n");
        for tag in tags {
            let items: Vec<&str> = entity
                .names
                .iter()
                .filter(|a| matches!(a, Addition::Name { tag: t, .. } if t == tag))
                .map(Addition::text)
                .collect();
            text.push_str(&format!("{} = {}\n", quoted_key(tag), list(items)));
        }
    }
    text
}

/// `s` as a TOML string, quoted and escaped as needed.
///
/// ```
/// assert_eq!(canon::edit::toml_string("Panchir"), "\"Panchir\"");
/// assert_eq!(canon::edit::toml_string("Say \"X\""), "'Say \"X\"'");
/// ```
pub fn toml_string(s: &str) -> String {
    Value::from(s).to_string().trim().to_owned()
}

/// A key as TOML writes it: bare if it can be.
fn quoted_key(key: &str) -> String {
    toml_edit::Key::new(key).display_repr().to_string()
}

impl fmt::Display for Addition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Addition::Alias(name) => write!(f, "alias `{name}`"),
            Addition::Acronym(name) => write!(f, "acronym `{name}`"),
            Addition::Name { tag, name } => write!(f, "name `{name}` in `names.{tag}`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` (one entity `x`) after adding `addition` with `comment`.
    fn added(text: &str, addition: Addition, comment: Option<&str>) -> String {
        let mut document: DocumentMut = text.parse().unwrap();
        add_to(
            entity_table(&mut document, "x").unwrap(),
            &addition,
            comment,
        );
        document.to_string()
    }

    const HEAD: &str = "[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\n";

    #[test]
    fn arrays_grow_in_their_own_layout() {
        let alias = || Addition::Alias("New".into());
        let cases = [
            // One line per element, no trailing comma: the comma is added.
            (
                "aliases = [\n    \"A\"\n]\n",
                "aliases = [\n    \"A\",\n    \"New\",  # src\n]\n",
            ),
            // A comment on the last element stays on its line.
            (
                "aliases = [\n  \"A\",  # a\n]\n",
                "aliases = [\n  \"A\",  # a\n  \"New\",  # src\n]\n",
            ),
            ("aliases = [\"A\"]\n", "aliases = [\"A\", \"New\"]  # src\n"),
            ("aliases = []\n", "aliases = [\"New\"]  # src\n"),
            ("", "aliases = [\"New\"]  # src\n"),
        ];
        for (before, after) in cases {
            let got = added(&format!("{HEAD}{before}"), alias(), Some("src"));
            assert_eq!(got, format!("{HEAD}{after}"), "{before:?}");
        }
    }

    #[test]
    fn names_go_to_the_table_of_their_tag() {
        let name = |tag: &str| Addition::Name {
            tag: tag.into(),
            name: "N".into(),
        };
        let cases = [
            ("names.fr = [\"A\"]\n", "fr", "names.fr = [\"A\", \"N\"]\n"),
            ("names = {}\n", "fr", "names = { fr = [\"N\"] }\n"),
            (
                "[entity.names]\nfr = [\"A\"]\n",
                "de",
                "[entity.names]\nfr = [\"A\"]\nde = [\"N\"]\n",
            ),
        ];
        for (before, tag, after) in cases {
            let got = added(&format!("{HEAD}{before}"), name(tag), None);
            assert_eq!(got, format!("{HEAD}{after}"), "{before:?}");
        }
    }

    #[test]
    fn scaffolds_escape_their_strings() {
        let entity = NewEntity {
            id: "x".into(),
            name: "Say \"X\"".into(),
            kind: EntityType::Other,
            names: vec![
                Addition::Name {
                    tag: "zh-Hant".into(),
                    name: "艾克斯".into(),
                },
                Addition::Acronym("X".into()),
            ],
            description: Some("back\\slash".into()),
        };
        let text = scaffold(&entity);
        assert_eq!(
            text,
            "[[entity]]\nid = \"x\"\nname = 'Say \"X\"'\ntype = \"other\"\n\
             description = 'back\\slash'\nacronyms = [\"X\"]\n\n[entity.names]\nzh-Hant = [\"艾克斯\"]\n"
        );
        let gazetteer = Gazetteer::from_toml("g.toml", &text).unwrap();
        assert_eq!(gazetteer.entities()[0].name, "Say \"X\"");
    }

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten() {
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let path = dir.join("g.toml");
        std::fs::write(&path, HEAD).unwrap();
        let mut editor = Editor::open(&[&dir]).unwrap();
        editor.add("x", &Addition::Alias("Y".into()), None).unwrap();
        let meanwhile = format!("{HEAD}aliases = [\"Z\"]\n");
        std::fs::write(&path, &meanwhile).unwrap();
        let error = editor.write().unwrap_err();
        assert!(matches!(error, EditError::Changed(_)), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), meanwhile);
    }
}
