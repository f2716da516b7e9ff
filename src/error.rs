//! Library errors: every mistake in a gazetteer, each located at
//! `path:line:column` and saying what is wrong and what to do.

use std::collections::BTreeSet;
use std::fmt;

use thiserror::Error;

use crate::gazetteer::{EntityType, Origin, ENTITY_KEYS};

/// One mistake in a gazetteer, located in its file.
///
/// Displays on one line as `path:line:column: what is wrong — what to do`.
/// `line` and `column` are 1-based and `column` counts characters, not bytes.
/// A mistake about a whole file or directory (it does not exist, cannot be
/// read, holds no `.toml` file) points at `1:1`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{path}:{line}:{column}: {kind}")]
pub struct GazetteerError {
    /// The file (or directory) as given or found while walking a directory.
    pub path: String,
    /// 1-based line of the mistake.
    pub line: usize,
    /// 1-based column of the mistake, in characters.
    pub column: usize,
    /// What is wrong, with the offending values.
    pub kind: GazetteerErrorKind,
}

impl GazetteerError {
    /// An error of `kind` at `origin`.
    pub(crate) fn at(origin: Origin, kind: GazetteerErrorKind) -> GazetteerError {
        let Origin { path, line, column } = origin;
        GazetteerError {
            path: path.to_string(),
            line,
            column,
            kind,
        }
    }
}

/// The kinds of mistake a gazetteer can hold, with the offending values.
///
/// Each kind displays as `what is wrong — what to do`. Key paths such as
/// `aliases[1]` or `names.fr[0]` index arrays from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GazetteerErrorKind {
    /// The file is not valid TOML; the rest of it could not be checked.
    Syntax {
        /// The TOML parser's message.
        message: String,
    },
    /// The file is not valid UTF-8; the error points at the first bad byte.
    InvalidUtf8 {
        /// The first byte that is not valid UTF-8.
        byte: u8,
    },
    /// The file or directory could not be read.
    Io {
        /// The kind of I/O error.
        kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
    },
    /// The path does not exist.
    NotFound,
    /// A directory, read recursively, holds no `.toml` file.
    NoTomlFiles,
    /// A symlink leads back to a directory that is already being read.
    SymlinkLoop {
        /// The canonical directory reached a second time.
        target: String,
    },
    /// A top-level key other than `entity`, such as `[[entities]]`.
    UnknownTopLevelKey {
        /// The key as written.
        key: String,
    },
    /// `entity`, or one of its elements, is not a table.
    NotAnEntityTable {
        /// `entity` or `entity[i]`.
        key: String,
        /// The TOML type found, such as `table` or `string`.
        found: &'static str,
    },
    /// A key that an entity does not have, often a misspelling.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The closest known key, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A value of the wrong TOML type, such as `aliases = "x"`.
    WrongType {
        /// The key path, such as `aliases` or `aliases[1]`.
        key: String,
        /// What the key must hold.
        expected: Expected,
        /// The TOML type found, such as `string` or `integer`.
        found: &'static str,
        /// The corrected line or value, when it can be derived.
        fix: Option<String>,
    },
    /// A required key (`id`, `name` or `type`) is missing; the error points
    /// at the entity's `[[entity]]` header.
    MissingKey {
        /// The missing key.
        key: &'static str,
    },
    /// `id = ""`.
    EmptyId,
    /// An id with a character outside a-z 0-9 - _ : .
    InvalidIdChar {
        /// The id as written.
        id: String,
        /// Its first character that is not allowed.
        character: char,
        /// The id with capitals lowered and spaces made `-`, when that
        /// alone makes it valid.
        suggestion: Option<String>,
    },
    /// A `type` other than the five allowed.
    UnknownType {
        /// The type as written.
        value: String,
        /// The closest allowed type, when one is close.
        suggestion: Option<EntityType>,
    },
    /// An empty or whitespace-only name, alias, acronym or `names` entry.
    BlankName {
        /// The key path, such as `name` or `aliases[2]`.
        key: String,
    },
    /// A key of `names` that is not a BCP 47 language tag.
    InvalidLanguageTag {
        /// The tag as written.
        tag: String,
    },
    /// A `wikidata` value that is not `Q` followed by digits.
    InvalidWikidata {
        /// The value as written.
        value: String,
    },
    /// A `min_score` outside [0, 1] (NaN included).
    MinScoreOutOfRange {
        /// The number as written in the file.
        value: String,
    },
    /// `requires_context = true` on an entity without `context` words: it
    /// could never link.
    RequiresContextWithoutContext,
    /// An id already used by an earlier entity, in this file or another.
    DuplicateId {
        /// The id used twice.
        id: String,
        /// Where the first entity with this id has its `id`.
        first: Origin,
    },
}

impl GazetteerErrorKind {
    /// A stable name for the kind, as `canon check --format json` prints
    /// it: `syntax`, `unknown-key`, `duplicate-id`, …
    ///
    /// ```
    /// let errors = canon::Gazetteer::from_toml("g.toml", "[[entity]]\nid = \"x\"\n").unwrap_err();
    /// assert_eq!(errors.errors()[0].kind.code(), "missing-key");
    /// ```
    pub fn code(&self) -> &'static str {
        use GazetteerErrorKind as K;
        match self {
            K::Syntax { .. } => "syntax",
            K::InvalidUtf8 { .. } => "invalid-utf8",
            K::Io { .. } => "io",
            K::NotFound => "not-found",
            K::NoTomlFiles => "no-toml-files",
            K::SymlinkLoop { .. } => "symlink-loop",
            K::UnknownTopLevelKey { .. } => "unknown-top-level-key",
            K::NotAnEntityTable { .. } => "not-an-entity-table",
            K::UnknownKey { .. } => "unknown-key",
            K::WrongType { .. } => "wrong-type",
            K::MissingKey { .. } => "missing-key",
            K::EmptyId => "empty-id",
            K::InvalidIdChar { .. } => "invalid-id-char",
            K::UnknownType { .. } => "unknown-type",
            K::BlankName { .. } => "blank-name",
            K::InvalidLanguageTag { .. } => "invalid-language-tag",
            K::InvalidWikidata { .. } => "invalid-wikidata",
            K::MinScoreOutOfRange { .. } => "min-score-out-of-range",
            K::RequiresContextWithoutContext => "requires-context-without-context",
            K::DuplicateId { .. } => "duplicate-id",
        }
    }

    /// What is wrong, on one line.
    pub fn message(&self) -> String {
        use GazetteerErrorKind as K;
        match self {
            K::Syntax { message } => format!("invalid TOML: {}", Shown(message)),
            K::InvalidUtf8 { byte } => format!("invalid UTF-8 (byte 0x{byte:02X})"),
            K::Io { message, .. } => format!("cannot read: {}", Shown(message)),
            K::NotFound => "no such file or directory".into(),
            K::NoTomlFiles => "no `.toml` file in this directory".into(),
            K::SymlinkLoop { target } => format!("symlink loop back to `{}`", Shown(target)),
            K::UnknownTopLevelKey { key } => format!("unknown top-level key `{}`", Shown(key)),
            K::NotAnEntityTable { key, found } => {
                format!("`{key}` is {}, not an array of tables", article(found))
            }
            K::UnknownKey { key, .. } => format!("unknown key `{}` in an entity", Shown(key)),
            K::WrongType {
                key,
                expected,
                found,
                ..
            } => format!(
                "`{}` is {}, expected {expected}",
                Shown(key),
                article(found)
            ),
            K::MissingKey { key } => format!("missing `{key}` in this entity"),
            K::EmptyId => "empty id".into(),
            K::InvalidIdChar { id, character, .. } => format!(
                "id `{}` contains {character:?}, which ids may not contain",
                Shown(id)
            ),
            K::UnknownType { value, .. } => format!("unknown type `{}`", Shown(value)),
            K::BlankName { key } => format!("`{}` is empty or only whitespace", Shown(key)),
            K::InvalidLanguageTag { tag } => format!("`{}` is not a language tag", Shown(tag)),
            K::InvalidWikidata { value } => format!(
                "wikidata id `{}` is not `Q` followed by digits",
                Shown(value)
            ),
            K::MinScoreOutOfRange { value } => {
                format!("`min_score = {}` is outside [0, 1]", Shown(value))
            }
            K::RequiresContextWithoutContext => "`requires_context = true` but no `context` \
                 words: the entity could never link"
                .into(),
            K::DuplicateId { id, first } => {
                format!("duplicate id `{}`, first used at {first}", Shown(id))
            }
        }
    }

    /// What to do, on one line.
    pub fn fix(&self) -> String {
        use GazetteerErrorKind as K;
        match self {
            K::Syntax { .. } => {
                "fix the syntax here (the rest of this file was not checked)".into()
            }
            K::InvalidUtf8 { .. } => "save the file as UTF-8".into(),
            K::Io { .. } => "check the path's permissions and type".into(),
            K::NotFound => "check the path".into(),
            K::NoTomlFiles => "add one or give another path".into(),
            K::SymlinkLoop { .. } => "remove the symlink or point it elsewhere".into(),
            K::UnknownTopLevelKey { .. } => "a gazetteer holds only `[[entity]]` tables: rename \
                 it to `[[entity]]` or remove it"
                .into(),
            K::NotAnEntityTable { .. } => {
                "start each entity with `[[entity]]` (double brackets)".into()
            }
            K::UnknownKey { suggestion, .. } => match suggestion {
                Some(known) => format!("did you mean `{known}`?"),
                None => format!("allowed keys: {}", ENTITY_KEYS.join(", ")),
            },
            K::WrongType { expected, fix, .. } => match fix {
                Some(fix) => format!("write `{}`", Shown(fix)),
                None => format!("write {expected}, e.g. `{}`", expected.example()),
            },
            K::MissingKey { key } => format!("add `{key} = \"…\"`"),
            K::EmptyId => "use a-z, 0-9, `-`, `_`, `:` and `.`, e.g. `panjshir`".into(),
            K::InvalidIdChar { suggestion, .. } => {
                let mut fix = "use only a-z, 0-9, `-`, `_`, `:` and `.`".to_string();
                if let Some(id) = suggestion {
                    fix.push_str(&format!(", e.g. `{}`", Shown(id)));
                }
                fix
            }
            K::UnknownType { suggestion, .. } => match suggestion {
                Some(kind) => format!("did you mean `{kind}`? (one of {TypeList})"),
                None => format!("use one of {TypeList}"),
            },
            K::BlankName { .. } => "write the name or remove it".into(),
            K::InvalidLanguageTag { .. } => {
                "key `names` by BCP 47 tags such as `fr`, `fa-Latn` or `zh-Hant-TW`".into()
            }
            K::InvalidWikidata { .. } => "write the item id, e.g. `wikidata = \"Q42\"`".into(),
            K::MinScoreOutOfRange { .. } => {
                "write a number from 0 to 1, e.g. `min_score = 0.9`".into()
            }
            K::RequiresContextWithoutContext => {
                "add `context = [\"...\"]`, words that appear near its mentions".into()
            }
            K::DuplicateId { .. } => "rename one of them or merge the two entities".into(),
        }
    }
}

impl fmt::Display for GazetteerErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} — {}", self.message(), self.fix())
    }
}

/// What a key must hold, in a [`GazetteerErrorKind::WrongType`] error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A string, such as `name = "Panjshir"`.
    String,
    /// An array of strings, such as `aliases = ["Panjsher"]`.
    StringArray,
    /// `true` or `false`.
    Boolean,
    /// An integer or a float.
    Number,
    /// A table from language tags to arrays of strings, for `names`.
    NameTable,
}

impl Expected {
    /// A sample value of this type, as TOML.
    fn example(self) -> &'static str {
        match self {
            Expected::String => "\"…\"",
            Expected::StringArray => "[\"…\"]",
            Expected::Boolean => "true",
            Expected::Number => "0.9",
            Expected::NameTable => "{ fr = [\"…\"] }",
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::String => "a string",
            Expected::StringArray => "an array of strings",
            Expected::Boolean => "a boolean",
            Expected::Number => "a number",
            Expected::NameTable => "a table of language tags to arrays of strings",
        })
    }
}

/// Every mistake found in a gazetteer: never empty.
///
/// Displays each error on its own line, then a count such as
/// `3 errors in 2 files`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerErrors(Vec<GazetteerError>);

impl GazetteerErrors {
    /// `Ok` if there are no `errors`, else `Err` with all of them.
    pub(crate) fn check(errors: Vec<GazetteerError>) -> Result<(), GazetteerErrors> {
        if errors.is_empty() {
            Ok(())
        } else {
            Err(GazetteerErrors(errors))
        }
    }

    /// The errors, by file in load order, then by position in the file.
    pub fn errors(&self) -> &[GazetteerError] {
        &self.0
    }
}

impl fmt::Display for GazetteerErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        let files: BTreeSet<&str> = self.0.iter().map(|e| e.path.as_str()).collect();
        write!(
            f,
            "{} in {}",
            Count(self.0.len(), "error"),
            Count(files.len(), "file")
        )
    }
}

impl std::error::Error for GazetteerErrors {}

impl IntoIterator for GazetteerErrors {
    type Item = GazetteerError;
    type IntoIter = std::vec::IntoIter<GazetteerError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a GazetteerErrors {
    type Item = &'a GazetteerError;
    type IntoIter = std::slice::Iter<'a, GazetteerError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The error of parsing an [`EntityType`] from a string that names none.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown entity type `{}` — use one of {}", Shown(.0), TypeList)]
pub struct ParseEntityTypeError(pub(crate) String);

/// A value from the input, shown on one line: control characters escaped,
/// cut after 80 characters.
pub(crate) struct Shown<'a>(pub(crate) &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 80;
        for (i, c) in self.0.chars().enumerate() {
            if i == MAX {
                return f.write_str("…");
            }
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// `3 errors`, `1 file`.
struct Count(usize, &'static str);

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Count(n, noun) = *self;
        write!(f, "{n} {noun}{}", if n == 1 { "" } else { "s" })
    }
}

/// A TOML type name with its article: `an integer`, `a string`.
fn article(type_name: &str) -> String {
    let an = type_name.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {type_name}", if an { "an" } else { "a" })
}

/// The five entity types: `person`, `place`, …
struct TypeList;

impl fmt::Display for TypeList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, kind) in EntityType::ALL.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}`{kind}`")?;
        }
        Ok(())
    }
}
