//! One gazetteer source: TOML text → validated entities and every mistake.
//!
//! The text is parsed into spanned TOML values (a serde derive would stop at
//! the first mistake), then checked entity by entity and key by key, so each
//! mistake is reported at its own line and column.

use std::ops::Range;
use std::sync::Arc;

use toml::de::{DeString, DeTable, DeValue};
use toml::Spanned;

use super::{Entity, EntityType, Names, Origin, PLACED_KEYS};
use crate::error::{Expected, GazetteerError, GazetteerErrorKind as Kind};

/// The keys an entity may have.
pub(crate) const ENTITY_KEYS: &[&str] = &[
    "id",
    "name",
    "type",
    "aliases",
    "acronyms",
    "names",
    "wikidata",
    "description",
    "fuzzy",
    "min_score",
    "context",
    "requires_context",
    "not",
    "related",
];

/// The keys an entity must have.
const REQUIRED_KEYS: [&str; 3] = ["id", "name", "type"];

/// What one source yields.
#[derive(Debug, Default)]
pub(super) struct CheckedFile {
    /// The valid entities, in file order.
    pub(super) entities: Vec<Entity>,
    /// Every well-formed id with the place of its value, valid entity or
    /// not, in file order: the input of the duplicate check.
    pub(super) ids: Vec<(String, Origin)>,
    /// The mistakes, in the order found.
    pub(super) errors: Vec<GazetteerError>,
}

/// Checks the TOML `text` of the source named `path`.
///
/// A big file is checked in pieces, in parallel: each piece runs from one
/// `[[entity]]` header line to a later one, which TOML parses the same way
/// on its own as within the whole file, and parsing a piece takes memory in
/// proportion to the piece, not to the file. If a piece does not parse
/// (a syntax error, or a multi-line string that runs over a header line),
/// the whole file is parsed at once instead, so that errors are those of
/// the file.
pub(super) fn check(path: &str, text: &str) -> CheckedFile {
    use rayon::prelude::*;
    // One copy of the path, shared by every entity's origin.
    let path: Arc<str> = path.into();
    let path = &path;
    let lines = Lines::new(text);
    let pieces = pieces(text);
    if pieces.len() > 1 {
        let checked: Vec<Option<CheckedFile>> = pieces
            .par_iter()
            .map(|piece| check_piece(path, text, &lines, piece.clone()))
            .collect();
        if let Some(checked) = checked.into_iter().collect::<Option<Vec<_>>>() {
            // Each vector allocated once: grown by doubling, a million
            // entities would be copied a few times over, the old copy and
            // the new both held at the last.
            let count = |n: fn(&CheckedFile) -> usize| checked.iter().map(n).sum();
            let mut out = CheckedFile {
                entities: Vec::with_capacity(count(|c| c.entities.len())),
                ids: Vec::with_capacity(count(|c| c.ids.len())),
                errors: Vec::new(),
            };
            for piece in checked {
                out.entities.extend(piece.entities);
                out.ids.extend(piece.ids);
                out.errors.extend(piece.errors);
            }
            return out;
        }
    }
    let mut checker = Checker::new(path, text, &lines, 0);
    match DeTable::parse(text) {
        Err(error) => {
            let start = error.span().map_or(0, |span| span.start);
            checker.error(
                start,
                Kind::Syntax {
                    message: error.message().to_owned(),
                },
            );
        }
        Ok(document) => checker.document(document.get_ref()),
    }
    checker.out
}

/// Entities a piece of a big file holds, at most.
const PIECE_ENTITIES: usize = 512;

/// The byte ranges of `text` that [`check`] parses apart: runs of
/// [`PIECE_ENTITIES`] entities, cut before a line that is exactly
/// `[[entity]]`.
fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut cuts = vec![0];
    let mut headers = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "[[entity]]" {
            if headers == PIECE_ENTITIES {
                cuts.push(at);
                headers = 0;
            }
            headers += 1;
        }
        at += line.len();
    }
    cuts.push(text.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Checks the piece `range` of `text`, or `None` if it does not parse.
fn check_piece(
    path: &Arc<str>,
    text: &str,
    lines: &Lines<'_>,
    range: Range<usize>,
) -> Option<CheckedFile> {
    let document = DeTable::parse(&text[range.clone()]).ok()?;
    let mut checker = Checker::new(path, text, lines, range.start);
    checker.document(document.get_ref());
    Some(checker.out)
}

/// Line starts of a text, to turn byte offsets into lines and columns.
pub(super) struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    /// Indexes the lines of `text`.
    pub(super) fn new(text: &'t str) -> Lines<'t> {
        let after_newlines = text.match_indices('\n').map(|(i, _)| i + 1);
        Lines {
            text,
            starts: std::iter::once(0).chain(after_newlines).collect(),
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`; a
    /// byte-order mark does not count as a column.
    pub(super) fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let mut start = self.starts[line - 1];
        if line == 1 && self.text.starts_with('\u{feff}') {
            start = '\u{feff}'.len_utf8().min(offset);
        }
        (line, self.text[start..offset].chars().count() + 1)
    }
}

/// Checks one source, or a piece of it, collecting what it yields.
struct Checker<'a> {
    path: &'a Arc<str>,
    /// The whole source.
    text: &'a str,
    lines: &'a Lines<'a>,
    /// Where the parsed piece starts in `text`: spans are relative to it.
    base: usize,
    out: CheckedFile,
    /// Where each name of the entity being checked is written, in the
    /// order read: the rank of its key in [`PLACED_KEYS`], its `names` tag
    /// (empty for other keys), its line and column.
    positions: Vec<(usize, String, (usize, usize))>,
}

/// A located TOML value.
type Value<'i> = Spanned<DeValue<'i>>;

impl<'a> Checker<'a> {
    /// A checker of the piece of `text` that starts at byte `base`.
    fn new(path: &'a Arc<str>, text: &'a str, lines: &'a Lines<'a>, base: usize) -> Checker<'a> {
        Checker {
            path,
            text,
            lines,
            base,
            out: CheckedFile::default(),
            positions: Vec::new(),
        }
    }

    /// The place of byte `offset` of the parsed piece.
    fn origin(&self, offset: usize) -> Origin {
        let (line, column) = self.lines.position(self.base + offset);
        Origin {
            path: Arc::clone(self.path),
            line,
            column,
        }
    }

    /// Records a mistake at byte `offset`.
    fn error(&mut self, offset: usize, kind: Kind) {
        let error = GazetteerError::at(self.origin(offset), kind);
        self.out.errors.push(error);
    }

    /// A parsed document: its `entity` array, and no other key.
    fn document(&mut self, document: &DeTable<'_>) {
        for (key, value) in by_position(document) {
            if key.get_ref() == "entity" {
                self.entities(value);
            } else {
                let key_name = key.get_ref().to_string();
                self.error(key.span().start, Kind::UnknownTopLevelKey { key: key_name });
            }
        }
    }

    /// The top-level `entity` value: an array of tables.
    fn entities(&mut self, value: &Value<'_>) {
        let DeValue::Array(items) = value.get_ref() else {
            let found = value.get_ref().type_str();
            self.error(
                value.span().start,
                Kind::NotAnEntityTable {
                    key: "entity".into(),
                    found,
                },
            );
            return;
        };
        for (i, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(table) => self.entity(item.span(), table),
                other => {
                    let kind = Kind::NotAnEntityTable {
                        key: format!("entity[{i}]"),
                        found: other.type_str(),
                    };
                    self.error(item.span().start, kind);
                }
            }
        }
    }

    /// One entity table, whose `[[entity]]` header (or inline table) is at
    /// `span`.
    fn entity(&mut self, span: Range<usize>, table: &DeTable<'_>) {
        let errors_before = self.out.errors.len();
        for key in REQUIRED_KEYS {
            if !table.contains_key(key) {
                self.error(span.start, Kind::MissingKey { key });
            }
        }
        let (mut id, mut name, mut kind) = (None, None, None);
        let (mut aliases, mut acronyms, mut names) =
            (Box::default(), Box::default(), Names::default());
        let (mut wikidata, mut description, mut fuzzy, mut min_score) = (None, None, true, None);
        let (mut context, mut requires_context, mut not) = (Box::default(), None, Box::default());
        let mut related = Box::default();
        for (key, value) in by_position(table) {
            match key.get_ref().as_ref() {
                "id" => id = self.id(value),
                "name" => name = self.name("name", None, value),
                "type" => kind = self.kind(value),
                "aliases" => aliases = self.name_list("aliases", value),
                "acronyms" => acronyms = self.name_list("acronyms", value),
                "names" => names = self.names(value),
                "wikidata" => wikidata = self.wikidata(value),
                "description" => description = self.string("description", value).map(str::to_owned),
                "fuzzy" => fuzzy = self.boolean("fuzzy", value).unwrap_or(fuzzy),
                "min_score" => min_score = self.min_score(value),
                "context" => context = self.name_list("context", value),
                "requires_context" => {
                    requires_context = self.boolean("requires_context", value).map(|b| (b, value))
                }
                "not" => not = self.name_list("not", value),
                "related" => related = self.name_list("related", value),
                unknown => {
                    let suggestion = closest(unknown, ENTITY_KEYS, |key| key);
                    let kind = Kind::UnknownKey {
                        key: unknown.to_owned(),
                        suggestion,
                    };
                    self.error(key.span().start, kind);
                }
            }
        }
        if let Some((true, value)) = requires_context {
            if context.is_empty() {
                self.error(value.span().start, Kind::RequiresContextWithoutContext);
            }
        }
        let requires_context = requires_context.is_some_and(|(b, _)| b);
        if let Some(id) = &id {
            self.out.ids.push(id.clone());
        }
        let valid = self.out.errors.len() == errors_before;
        if let (true, Some((id, _)), Some(name), Some(kind)) = (valid, id, name, kind) {
            let positions = self.placed_in_order();
            self.out.entities.push(Entity {
                id,
                name,
                kind,
                aliases,
                acronyms,
                names,
                wikidata,
                description,
                fuzzy,
                min_score,
                context,
                requires_context,
                not,
                related,
                origin: self.origin(span.start),
                positions,
            });
        }
        self.positions.clear();
    }

    /// `id`: a non-empty string of a-z 0-9 - _ : . — with its place.
    fn id(&mut self, value: &Value<'_>) -> Option<(String, Origin)> {
        let id = self.string("id", value)?;
        if id.is_empty() {
            self.error(value.span().start, Kind::EmptyId);
            return None;
        }
        if let Some(character) = id.chars().find(|&c| !is_id_char(c)) {
            let kind = Kind::InvalidIdChar {
                id: id.to_owned(),
                character,
                suggestion: suggest_id(id),
            };
            self.error(value.span().start, kind);
            return None;
        }
        Some((id.to_owned(), self.origin(value.span().start)))
    }

    /// `type`: one of the five entity types.
    fn kind(&mut self, value: &Value<'_>) -> Option<EntityType> {
        let name = self.string("type", value)?;
        let parsed = name.parse().ok();
        if parsed.is_none() {
            let suggestion = closest(name, EntityType::ALL, EntityType::as_str);
            let kind = Kind::UnknownType {
                value: name.to_owned(),
                suggestion,
            };
            self.error(value.span().start, kind);
        }
        parsed
    }

    /// `names`: a table from language tags to arrays of names.
    fn names(&mut self, value: &Value<'_>) -> Names {
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type("names", Expected::NameTable, value);
            return Names::default();
        };
        let mut names = Vec::new();
        for (tag, list) in by_position(table) {
            if !is_language_tag(tag.get_ref()) {
                self.error(
                    tag.span().start,
                    Kind::InvalidLanguageTag {
                        tag: tag.get_ref().to_string(),
                    },
                );
            }
            let list = self.name_list(&format!("names.{}", tag.get_ref()), list);
            names.push((tag.get_ref().to_string(), list));
        }
        names.into_iter().collect()
    }

    /// `wikidata`: `Q` followed by digits.
    fn wikidata(&mut self, value: &Value<'_>) -> Option<String> {
        let item = self.string("wikidata", value)?;
        let digits = item.strip_prefix('Q').unwrap_or_default();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            self.error(
                value.span().start,
                Kind::InvalidWikidata {
                    value: item.to_owned(),
                },
            );
            return None;
        }
        Some(item.to_owned())
    }

    /// `min_score`: a number in [0, 1].
    fn min_score(&mut self, value: &Value<'_>) -> Option<f64> {
        let score = match value.get_ref() {
            DeValue::Float(float) => float.as_str().parse::<f64>().ok(),
            DeValue::Integer(int) => i64::from_str_radix(int.as_str(), int.radix())
                .ok()
                .map(|n| n as f64),
            _ => {
                self.wrong_type("min_score", Expected::Number, value);
                return None;
            }
        };
        match score {
            Some(score) if (0.0..=1.0).contains(&score) => Some(score),
            _ => {
                let written = self.source(value).unwrap_or_default().to_owned();
                self.error(
                    value.span().start,
                    Kind::MinScoreOutOfRange { value: written },
                );
                None
            }
        }
    }

    /// A boolean, or a wrong-type error for `key`.
    fn boolean(&mut self, key: &str, value: &Value<'_>) -> Option<bool> {
        let boolean = value.get_ref().as_bool();
        if boolean.is_none() {
            self.wrong_type(key, Expected::Boolean, value);
        }
        boolean
    }

    /// A string, or a wrong-type error for `key`.
    fn string<'v>(&mut self, key: &str, value: &'v Value<'_>) -> Option<&'v str> {
        let string = value.get_ref().as_str();
        if string.is_none() {
            self.wrong_type(key, Expected::String, value);
        }
        string
    }

    /// A string that is not blank: `name`, or element `index` of the list
    /// at `key` (an alias, an acronym, a `names` entry...); its position is
    /// recorded.
    fn name(&mut self, key: &str, index: Option<usize>, value: &Value<'_>) -> Option<String> {
        let path = || match index {
            Some(i) => format!("{key}[{i}]"),
            None => key.to_owned(),
        };
        let Some(name) = value.get_ref().as_str() else {
            self.wrong_type(&path(), Expected::String, value);
            return None;
        };
        if name.trim().is_empty() {
            self.error(value.span().start, Kind::BlankName { key: path() });
            return None;
        }
        let position = self.lines.position(self.base + value.span().start);
        let (list, tag) = key.split_once('.').unwrap_or((key, ""));
        let rank = PLACED_KEYS.iter().position(|&k| k == list).unwrap_or(0);
        self.positions.push((rank, tag.to_owned(), position));
        Some(name.to_owned())
    }

    /// An array of names; each element is checked at its own place.
    fn name_list(&mut self, key: &str, value: &Value<'_>) -> Box<[String]> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, Expected::StringArray, value);
            return Box::default();
        };
        let element = |(i, item)| self.name(key, Some(i), item);
        // Exactly as long as the list: a collected vector of one name would
        // hold four, and a million entities keep millions of lists.
        items.iter().enumerate().filter_map(element).collect()
    }

    /// The positions of the names of the entity just checked, in the order
    /// of [`PLACED_KEYS`], `names` by tag, each list in order.
    fn placed_in_order(&mut self) -> Box<[(u32, u32)]> {
        self.positions
            .sort_by(|(rank, tag, _), (other, other_tag, _)| (rank, tag).cmp(&(other, other_tag)));
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        (self.positions.iter())
            .map(|&(_, _, (line, column))| (narrow(line), narrow(column)))
            .collect()
    }

    /// Records that `key` (a key, or an array element such as `aliases[1]`)
    /// holds `value` where `expected` was wanted, with the corrected text
    /// when it can be derived from what was written.
    fn wrong_type(&mut self, key: &str, expected: Expected, value: &Value<'_>) {
        let fix = self.fix(expected, value).map(|fixed| {
            if key.ends_with(']') {
                fixed
            } else {
                format!("{key} = {fixed}")
            }
        });
        let found = value.get_ref().type_str();
        self.error(
            value.span().start,
            Kind::WrongType {
                key: key.to_owned(),
                expected,
                found,
                fix,
            },
        );
    }

    /// The value meant by `value` when it has the wrong type but the right
    /// content: `"x"` for an array of strings, `42` for a string, …
    fn fix(&self, expected: Expected, value: &Value<'_>) -> Option<String> {
        let written = self.source(value)?;
        match (expected, value.get_ref()) {
            (Expected::String, DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_)) => {
                Some(format!("\"{written}\""))
            }
            (Expected::String, DeValue::Array(items))
                if items.len() == 1 && items[0].get_ref().is_str() =>
            {
                self.source(&items[0]).map(str::to_owned)
            }
            (Expected::StringArray, DeValue::String(_)) => Some(format!("[{written}]")),
            (Expected::Number, DeValue::String(s))
                if s.trim().parse::<f64>().is_ok_and(f64::is_finite) =>
            {
                Some(s.trim().to_owned())
            }
            (Expected::Boolean, DeValue::String(s)) if s == "true" || s == "false" => {
                Some(s.to_string())
            }
            _ => None,
        }
    }

    /// The text of `value` as written in the source.
    fn source(&self, value: &Value<'_>) -> Option<&str> {
        let span = value.span();
        self.text.get(self.base + span.start..self.base + span.end)
    }
}

/// The entries of `table` in the order they are written (the parser keeps
/// them sorted by key).
fn by_position<'t, 'i>(table: &'t DeTable<'i>) -> Vec<(&'t Spanned<DeString<'i>>, &'t Value<'i>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// The candidate whose name is closest to `word`, ignoring case, if it is
/// close enough to be a likely misspelling.
fn closest<T: Copy>(word: &str, candidates: &[T], name: fn(T) -> &'static str) -> Option<T> {
    const CLOSE: f64 = 0.8;
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|&candidate| (strsim::jaro_winkler(&word, name(candidate)), candidate))
        .filter(|&(similarity, _)| similarity >= CLOSE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// Whether `c` may appear in an id.
fn is_id_char(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '-' | '_' | ':' | '.')
}

/// `id` with capitals lowered and whitespace made `-`, if that alone makes
/// it valid: `Ahmad Massoud` → `ahmad-massoud`.
fn suggest_id(id: &str) -> Option<String> {
    let suggestion: String = id
        .trim()
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c if is_id_char(c) => Some(c),
            c if c.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!suggestion.is_empty()).then_some(suggestion)
}

/// Whether `tag` has the shape of a BCP 47 language tag, as the keys of an
/// entity's `names` must: a primary subtag of 2–3 letters, then optional
/// subtags of 2–8 letters or digits, joined by `-` (`fr`, `fa-Latn`,
/// `zh-Hant-TW`).
///
/// ```
/// assert!(canon::is_language_tag("fa-Latn"));
/// assert!(!canon::is_language_tag("french"));
/// ```
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mistakes in `text`, as (line, column, kind).
    fn mistakes(text: &str) -> Vec<(usize, usize, Kind)> {
        check("g.toml", text)
            .errors
            .into_iter()
            .map(|e| (e.line, e.column, e.kind))
            .collect()
    }

    /// An entity with the required keys, then `rest`.
    fn entity(rest: &str) -> String {
        format!("[[entity]]\nid = \"x\"\nname = \"X\"\ntype = \"place\"\n{rest}")
    }

    /// The fix suggested for the only mistake in `text`.
    fn fix(text: &str) -> Option<String> {
        match mistakes(text).as_slice() {
            [(_, _, Kind::WrongType { fix, .. })] => fix.clone(),
            other => panic!("expected one wrong type, got {other:?}"),
        }
    }

    /// `n` valid entities, one per 4 lines, ids `e0`, `e1`, ...
    fn many(n: usize) -> String {
        (0..n)
            .map(|i| format!("[[entity]]\nid = \"e{i}\"\nname = \"E{i}\"\ntype = \"place\"\n"))
            .collect()
    }

    #[test]
    fn big_files_are_checked_in_pieces_with_the_same_places() {
        let text = format!("{}[[entity]]\nid = \"late\"\nnmae = \"Late\"\n", many(1500));
        assert!(pieces(&text).len() > 2);
        let checked = check("g.toml", &text);
        assert_eq!(checked.entities.len(), 1500);
        assert_eq!(checked.ids.len(), 1501);
        assert_eq!(checked.ids[1500].1.line, 6002);
        let found: Vec<(usize, usize)> =
            checked.errors.iter().map(|e| (e.line, e.column)).collect();
        // `name` and `type` missing, `nmae` unknown: placed in the whole file.
        assert_eq!(found, [(6001, 1), (6001, 1), (6003, 1)]);
    }

    #[test]
    fn a_string_over_a_piece_boundary_falls_back_to_the_whole_file() {
        // The header line at the cut is inside a multi-line string: pieces
        // do not parse, the whole file does.
        let body = many(PIECE_ENTITIES - 1);
        let text = format!(
            "{}[[entity]]\nid = \"s\"\nname = \"S\"\ntype = \"place\"\ndescription = \"\"\"\n[[entity]]\n\"\"\"\n{}",
            body,
            many(3).replace("e0", "f0").replace("e1", "f1").replace("e2", "f2")
        );
        let checked = check("g.toml", &text);
        assert!(DeTable::parse(&text[pieces(&text)[0].clone()]).is_err());
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert_eq!(checked.entities.len(), PIECE_ENTITIES + 3);
        assert_eq!(
            checked.entities[PIECE_ENTITIES - 1].description.as_deref(),
            Some("[[entity]]\n")
        );
    }

    #[test]
    fn reads_every_key() {
        let text = entity(
            "aliases = [\"Y\"]\nacronyms = [\"XY\"]\nnames = { fr = [\"Iks\"] }\n\
                          wikidata = \"Q42\"\ndescription = \"\"\nfuzzy = false\nmin_score = 1\n\
             context = [\"valley\"]\nrequires_context = true\nnot = [\"Xs\"]\n\
             related = [\"y\"]\n",
        );
        let checked = check("g.toml", &text);
        assert_eq!(checked.errors, []);
        let expected = Entity {
            id: "x".into(),
            name: "X".into(),
            kind: EntityType::Place,
            aliases: ["Y".into()].into(),
            acronyms: ["XY".into()].into(),
            names: [("fr".into(), vec!["Iks".into()])].into_iter().collect(),
            wikidata: Some("Q42".into()),
            description: Some(String::new()),
            fuzzy: false,
            min_score: Some(1.0),
            context: ["valley".into()].into(),
            requires_context: true,
            not: ["Xs".into()].into(),
            related: ["y".into()].into(),
            origin: Origin {
                path: "g.toml".into(),
                line: 1,
                column: 1,
            },
            positions: [
                (3, 8),
                (5, 12),
                (7, 17),
                (6, 13),
                (12, 12),
                (14, 8),
                (15, 12),
            ]
            .into(),
        };
        assert_eq!(checked.entities, [expected]);
        let id_origin = Origin {
            path: "g.toml".into(),
            line: 2,
            column: 6,
        };
        assert_eq!(checked.ids, [("x".to_owned(), id_origin)]);
    }

    #[test]
    fn optional_keys_default_to_empty() {
        let checked = check("g.toml", &entity(""));
        let entity = &checked.entities[0];
        assert!(entity.aliases.is_empty() && entity.acronyms.is_empty() && entity.names.is_empty());
        assert_eq!(
            (entity.wikidata.as_deref(), entity.description.as_deref()),
            (None, None)
        );
        assert_eq!((entity.fuzzy, entity.min_score), (true, None));
    }

    #[test]
    fn files_without_entities_are_valid() {
        for text in ["", "# nothing yet\n", "entity = []\n", "\u{feff}"] {
            let checked = check("g.toml", text);
            assert_eq!(
                (checked.entities.len(), checked.errors.len()),
                (0, 0),
                "{text:?}"
            );
        }
    }

    #[test]
    fn inline_entity_tables_are_entities_and_other_elements_are_not() {
        let text = "entity = [{ id = \"a\", name = \"A\", type = \"event\" }, 3]\n";
        let checked = check("g.toml", text);
        assert_eq!(checked.entities[0].origin.column, 11);
        let kind = Kind::NotAnEntityTable {
            key: "entity[1]".into(),
            found: "integer",
        };
        assert_eq!(mistakes(text), [(1, 53, kind)]);
    }

    #[test]
    fn reports_every_mistake_of_an_entity_in_file_order() {
        let text = "[[entity]]\nnmae = \"X\"\ntype = \"city\"\naliases = [\"\", 2]\nid = \"A\"\n";
        let found: Vec<(usize, usize)> = mistakes(text).iter().map(|m| (m.0, m.1)).collect();
        // The missing `name` at the header, then each key in the order
        // written (the parser keeps keys sorted by name): `nmae`, `city`,
        // both elements of `aliases`, the capital in `id`.
        assert_eq!(found, [(1, 1), (2, 1), (3, 8), (4, 12), (4, 16), (5, 6)]);
    }

    #[test]
    fn suggests_close_keys_and_types() {
        let key = |k| closest(k, ENTITY_KEYS, |key| key);
        assert_eq!(key("alias"), Some("aliases"));
        assert_eq!(key("acronym"), Some("acronyms"));
        assert_eq!(key("nmae"), Some("name"));
        assert_eq!(key("Name"), Some("name"));
        assert_eq!(key("desc"), Some("description"));
        assert_eq!(key("min-score"), Some("min_score"));
        assert_eq!(key("colour"), None);
        let kind = |k| closest(k, EntityType::ALL, EntityType::as_str);
        assert_eq!(kind("organisation"), Some(EntityType::Organization));
        assert_eq!(kind("Person"), Some(EntityType::Person));
        assert_eq!(kind("persn"), Some(EntityType::Person));
        assert_eq!(kind("city"), None);
    }

    #[test]
    fn wrong_types_suggest_the_value_meant() {
        assert_eq!(
            fix("[[entity]]\nid = 42\nname = \"X\"\ntype = \"place\"\n"),
            Some("id = \"42\"".into())
        );
        assert_eq!(
            fix(&entity("aliases = 'Y'\n")),
            Some("aliases = ['Y']".into())
        );
        assert_eq!(
            fix(&entity("aliases = [\"Y\", true]\n")),
            Some("\"true\"".into())
        );
        assert_eq!(
            fix(&entity("description = [\"Y\"]\n")),
            Some("description = \"Y\"".into())
        );
        assert_eq!(
            fix(&entity("min_score = \" 0.5\"\n")),
            Some("min_score = 0.5".into())
        );
        assert_eq!(
            fix(&entity("fuzzy = \"false\"\n")),
            Some("fuzzy = false".into())
        );
        assert_eq!(fix(&entity("fuzzy = 0\n")), None);
        assert_eq!(fix(&entity("min_score = \"nan\"\n")), None);
        assert_eq!(fix(&entity("names = [\"Y\"]\n")), None);
        assert_eq!(
            fix(&entity("names = { fr = \"Y\" }\n")),
            Some("names.fr = [\"Y\"]".into())
        );
    }

    #[test]
    fn wrong_element_types_are_located_at_the_element() {
        let kind = Kind::WrongType {
            key: "names.fr[1]".into(),
            expected: Expected::String,
            found: "array",
            fix: None,
        };
        assert_eq!(
            mistakes(&entity("names.fr = [\"Y\", []]\n")),
            [(5, 18, kind)]
        );
    }

    #[test]
    fn min_score_must_lie_in_the_unit_interval() {
        for ok in ["0", "1", "0.25", "1e-1", "0x1", "-0.0"] {
            assert_eq!(
                mistakes(&entity(&format!("min_score = {ok}\n"))),
                [],
                "{ok}"
            );
        }
        for bad in [
            "1.01",
            "-0.5",
            "nan",
            "inf",
            "1e400",
            "99999999999999999999",
        ] {
            let kind = Kind::MinScoreOutOfRange { value: bad.into() };
            assert_eq!(
                mistakes(&entity(&format!("min_score = {bad}\n"))),
                [(5, 13, kind)],
                "{bad}"
            );
        }
    }

    #[test]
    fn language_tags_have_the_bcp47_shape() {
        for ok in [
            "fr",
            "fas",
            "fa-Latn",
            "zh-Hant-TW",
            "de-CH-1901",
            "sr-Latn-RS",
        ] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "f",
            "french",
            "fr_FR",
            "fr-",
            "-fr",
            "fr-x",
            "fr-abcdefghi",
            "f1",
            "fr--CA",
            "fé",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn id_suggestions_only_lower_capitals_and_dash_spaces() {
        assert_eq!(
            suggest_id("Ahmad Shah Massoud"),
            Some("ahmad-shah-massoud".into())
        );
        assert_eq!(suggest_id(" NRF "), Some("nrf".into()));
        assert_eq!(suggest_id("Panjšir"), None);
        assert_eq!(suggest_id("a/b"), None);
        assert_eq!(suggest_id("   "), None);
    }

    #[test]
    fn wikidata_ids_are_q_and_digits() {
        assert_eq!(mistakes(&entity("wikidata = \"Q2749452\"\n")), []);
        for bad in [
            "",
            "Q",
            "q42",
            "Q42a",
            "Q-1",
            "https://www.wikidata.org/wiki/Q42",
        ] {
            let kind = Kind::InvalidWikidata { value: bad.into() };
            assert_eq!(
                mistakes(&entity(&format!("wikidata = '{bad}'\n"))),
                [(5, 12, kind)],
                "{bad}"
            );
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = entity("names = { ru = [\"Панджшер\"], \"中文\" = [\"x\"] }\n");
        let kind = Kind::InvalidLanguageTag {
            tag: "中文".into()
        };
        assert_eq!(mistakes(&text), [(5, 30, kind)]);
    }

    #[test]
    fn positions_skip_a_byte_order_mark_and_ignore_carriage_returns() {
        let text = "\u{feff}a = 1\r\nb = 2\r\n";
        let lines = Lines::new(text);
        assert_eq!(lines.position(0), (1, 1));
        assert_eq!(lines.position(3), (1, 1));
        assert_eq!(lines.position(4), (1, 2));
        assert_eq!(lines.position(text.find('b').unwrap()), (2, 1));
        assert_eq!(lines.position(1), (1, 1), "inside the mark");
        assert_eq!(lines.position(usize::MAX), (3, 1), "past the end");
        let kind = Kind::UnknownTopLevelKey { key: "a".into() };
        assert_eq!(mistakes("\u{feff}a = 1\n")[0], (1, 1, kind));
    }

    #[test]
    fn syntax_errors_stop_the_file_at_the_parser_position() {
        let text = entity("aliases = [\"Y\"\nbad = 1\n");
        let found = mistakes(&text);
        assert_eq!(found.len(), 1);
        assert!(
            matches!(&found[0], (6, 1, Kind::Syntax { message }) if message.contains("missing comma")),
            "{found:?}"
        );
        assert_eq!(check("g.toml", &text).ids, []);
    }

    #[test]
    fn hostile_input_gives_errors_not_panics() {
        let deep = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(mistakes(&deep)[0].2, Kind::Syntax { .. }));
        let deep_keys = format!("{}b = 1\n", "a.".repeat(100_000));
        assert!(matches!(
            mistakes(&deep_keys)[0],
            (1, 1, Kind::Syntax { .. })
        ));
        let inline = format!(
            "entity = [{}{}]\n",
            "{a = ".repeat(10_000),
            "}".repeat(10_000)
        );
        assert!(matches!(mistakes(&inline)[0].2, Kind::Syntax { .. }));
        let huge = "Ω".repeat(1 << 18);
        let found = mistakes(&format!(
            "[[entity]]\nid = \"{huge}\"\nname = \"{huge}\"\ntype = \"{huge}\"\n"
        ));
        assert_eq!(found.len(), 2);
        let garbage: String = (0..1000u32)
            .filter_map(|i| char::from_u32(i * 7919 % 0x11_0000))
            .collect();
        assert!(!mistakes(&garbage).is_empty());
        for i in 0..garbage.len() {
            if garbage.is_char_boundary(i) {
                check("g.toml", &garbage[..i]);
            }
        }
    }

    #[test]
    fn requires_context_needs_context_words() {
        let checked = check("g.toml", &entity("requires_context = true\n"));
        assert_eq!(
            mistakes(&entity("requires_context = true\n")),
            [(5, 20, Kind::RequiresContextWithoutContext)]
        );
        assert_eq!(checked.entities, []);
        assert_eq!(mistakes(&entity("requires_context = false\n")), []);
    }

    #[test]
    fn displays_stay_on_one_line() {
        let text = entity("\"co\\nlour\\u0007\" = 1\n");
        let error = &check("g.toml", &text).errors[0];
        assert_eq!(
            error.to_string(),
            "g.toml:5:1: unknown key `co\\nlour\\u{7}` in an entity — allowed keys: id, name, type, \
                          aliases, acronyms, names, wikidata, description, fuzzy, min_score, context, \
             requires_context, not, related"
        );
        let long = entity(&format!("wikidata = \"{}\"\n", "x".repeat(200)));
        let message = check("g.toml", &long).errors[0].to_string();
        assert!(
            message.contains(&format!("`{}…`", "x".repeat(80))),
            "{message}"
        );
    }
}
