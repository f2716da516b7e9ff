//! Paths → sorted list of files → text → checked files → duplicate ids
//! across files → one [`Gazetteer`], or every error of every file.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::file::{self, CheckedFile, Lines};
use super::{Entity, Gazetteer, Origin, SourceFile};
use crate::error::{GazetteerError, GazetteerErrorKind as Kind, GazetteerErrors};

/// Loads the files and directories at `paths`, in order.
pub(super) fn load<'p>(
    paths: impl IntoIterator<Item = &'p Path>,
) -> Result<Gazetteer, GazetteerErrors> {
    let mut loader = Loader::default();
    for path in paths {
        loader.add_path(path);
    }
    loader.finish()
}

/// Loads the valid entities of the files and directories at `paths`, in
/// order, with every error found (ids used twice keep their first entity).
pub(super) fn load_valid<'p>(
    paths: impl IntoIterator<Item = &'p Path>,
) -> (Gazetteer, Vec<GazetteerError>) {
    let mut loader = Loader::default();
    for path in paths {
        loader.add_path(path);
    }
    let mut seen = std::collections::HashSet::new();
    let mut entities = loader.entities;
    entities.retain(|e| seen.insert(e.id.clone()));
    (Gazetteer::new(entities), loader.errors)
}

/// Builds a gazetteer from `(path, text)` sources, in order.
pub(super) fn from_sources<'a>(
    sources: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Gazetteer, GazetteerErrors> {
    let mut loader = Loader::default();
    for (path, text) in sources {
        loader.add_checked(file::check(path, text));
    }
    loader.finish()
}

/// The entities and errors of the sources added so far.
#[derive(Default)]
struct Loader {
    entities: Vec<Entity>,
    /// Where each id was first used.
    first_use: HashMap<String, Origin>,
    errors: Vec<GazetteerError>,
    /// The files read.
    sources: Vec<SourceFile>,
}

impl Loader {
    /// Adds a file, or every `.toml` file under a directory in sorted order.
    fn add_path(&mut self, path: &Path) {
        match fs::metadata(path) {
            Err(error) => self.path_error(path, &error),
            Ok(metadata) if metadata.is_dir() => {
                let (mut files, errors_before) = (Vec::new(), self.errors.len());
                self.walk(path, &mut Vec::new(), &mut files);
                if files.is_empty() && self.errors.len() == errors_before {
                    self.errors.push(whole_file(path, Kind::NoTomlFiles));
                }
                files.sort();
                for file in files {
                    self.add_file(&file);
                }
            }
            Ok(_) => self.add_file(path),
        }
    }

    /// Collects the `.toml` files under `dir` into `files`; `ancestors`
    /// holds the canonical directories being walked, to stop symlink loops.
    fn walk(&mut self, dir: &Path, ancestors: &mut Vec<PathBuf>, files: &mut Vec<PathBuf>) {
        let canonical = match fs::canonicalize(dir) {
            Ok(canonical) => canonical,
            Err(error) => return self.path_error(dir, &error),
        };
        if ancestors.contains(&canonical) {
            let target = canonical.to_string_lossy().into_owned();
            self.errors
                .push(whole_file(dir, Kind::SymlinkLoop { target }));
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => return self.path_error(dir, &error),
        };
        ancestors.push(canonical);
        for entry in entries {
            let path = match entry {
                Ok(entry) => entry.path(),
                Err(error) => {
                    self.path_error(dir, &error);
                    continue;
                }
            };
            let is_toml = path.extension().is_some_and(|e| e == "toml");
            match fs::metadata(&path) {
                Ok(metadata) if metadata.is_dir() => self.walk(&path, ancestors, files),
                Ok(_) if is_toml => files.push(path),
                // A dangling symlink named `.toml` is a gazetteer file that
                // cannot be read; other files are not gazetteer files.
                Err(error) if is_toml => self.path_error(&path, &error),
                _ => {}
            }
        }
        ancestors.pop();
    }

    /// Reads and checks one file.
    fn add_file(&mut self, path: &Path) {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => return self.path_error(path, &error),
        };
        self.sources.push(SourceFile::new(path, &bytes));
        let display = path.to_string_lossy();
        match String::from_utf8(bytes) {
            Ok(text) => {
                let checked = file::check(&display, &text);
                drop(text); // before the entities are gathered
                self.add_checked(checked);
            }
            Err(error) => {
                // Report the first bad byte, then check the rest of the file
                // with each bad sequence replaced by one U+FFFD character, so
                // that columns after it still count characters.
                let bad = error.utf8_error().valid_up_to();
                let byte = error.as_bytes()[bad];
                let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
                let (line, column) = Lines::new(&text).position(bad);
                let origin = Origin {
                    path: (*display).into(),
                    line,
                    column,
                };
                let mut checked = file::check(&display, &text);
                checked
                    .errors
                    .push(GazetteerError::at(origin, Kind::InvalidUtf8 { byte }));
                self.add_checked(checked);
            }
        }
    }

    /// Adds a checked source, checking its ids against all ids seen so far;
    /// its errors are sorted by position.
    fn add_checked(&mut self, checked: CheckedFile) {
        let CheckedFile {
            entities,
            ids,
            mut errors,
        } = checked;
        for (id, origin) in ids {
            match self.first_use.get(&id) {
                Some(first) => {
                    let kind = Kind::DuplicateId {
                        id,
                        first: first.clone(),
                    };
                    errors.push(GazetteerError::at(origin, kind));
                }
                None => {
                    self.first_use.insert(id, origin);
                }
            }
        }
        errors.sort_by_key(|e| (e.line, e.column));
        self.errors.append(&mut errors);
        match self.entities.is_empty() {
            true => self.entities = entities, // not copied
            false => self.entities.extend(entities),
        }
    }

    /// Records an I/O error about a whole file or directory.
    fn path_error(&mut self, path: &Path, error: &io::Error) {
        let kind = match error.kind() {
            io::ErrorKind::NotFound => Kind::NotFound,
            kind => Kind::Io {
                kind,
                message: error.to_string(),
            },
        };
        self.errors.push(whole_file(path, kind));
    }

    /// The gazetteer, or every error found.
    fn finish(self) -> Result<Gazetteer, GazetteerErrors> {
        let Loader {
            entities,
            first_use,
            errors,
            sources,
        } = self;
        drop(first_use); // before the table of ids is built
        GazetteerErrors::check(errors)?;
        Ok(Gazetteer::new(entities).with_sources(sources))
    }
}

/// An error about the whole file or directory at `path`, placed at 1:1.
fn whole_file(path: &Path, kind: Kind) -> GazetteerError {
    let origin = Origin {
        path: path.to_string_lossy().into(),
        line: 1,
        column: 1,
    };
    GazetteerError::at(origin, kind)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::error::Expected;
    use crate::gazetteer::EntityType;

    const FIXTURES: &str = "tests/data/gazetteers";

    /// The errors of loading the fixture at `name`, relative to `FIXTURES`
    /// (tests run in the package root, so paths stay relative).
    fn fixture_errors(name: &str) -> Vec<GazetteerError> {
        let path = format!("{FIXTURES}/{name}");
        Gazetteer::load(&[&path])
            .map(|_| ())
            .unwrap_err()
            .into_iter()
            .collect()
    }

    /// One test per mistake kind found in a file of `broken/`: the file
    /// holds exactly that mistake, at that line and column.
    macro_rules! broken {
        ($($test:ident: $file:literal => $kind:expr, at $line:literal:$column:literal;)*) => {$(
            #[test]
            fn $test() {
                let errors = fixture_errors(concat!("broken/", $file));
                let [error] = errors.as_slice() else { panic!("not one error: {errors:#?}") };
                assert_eq!(error.path, concat!("tests/data/gazetteers/broken/", $file));
                assert_eq!((&error.kind, error.line, error.column), (&$kind, $line, $column), "{error}");
            }
        )*};
    }

    broken! {
        syntax_error: "syntax-error.toml" => Kind::Syntax {
            message: "invalid basic string, expected `\"`".into(),
        }, at 3:17;
        invalid_utf8: "invalid-utf8.toml" => Kind::InvalidUtf8 { byte: 0xFF }, at 3:13;
        no_toml_files: "no-toml-files" => Kind::NoTomlFiles, at 1:1;
        unknown_top_level_key: "unknown-top-level-key.toml" => Kind::UnknownTopLevelKey {
            key: "entities".into(),
        }, at 1:3;
        not_an_entity_table: "not-an-entity-table.toml" => Kind::NotAnEntityTable {
            key: "entity".into(),
            found: "table",
        }, at 1:1;
        unknown_key: "unknown-key.toml" => Kind::UnknownKey {
            key: "alias".into(),
            suggestion: Some("aliases"),
        }, at 5:1;
        wrong_type: "wrong-type.toml" => Kind::WrongType {
            key: "aliases".into(),
            expected: Expected::StringArray,
            found: "string",
            fix: Some("aliases = [\"Panjsher\"]".into()),
        }, at 5:11;
        wrong_element_type: "wrong-element-type.toml" => Kind::WrongType {
            key: "aliases[1]".into(),
            expected: Expected::String,
            found: "integer",
            fix: Some("\"1973\"".into()),
        }, at 5:24;
        missing_key: "missing-key.toml" => Kind::MissingKey { key: "name" }, at 1:1;
        invalid_id_char: "invalid-id-char.toml" => Kind::InvalidIdChar {
            id: "Panjshir Valley".into(),
            character: 'P',
            suggestion: Some("panjshir-valley".into()),
        }, at 2:6;
        empty_id: "empty-id.toml" => Kind::EmptyId, at 2:6;
        unknown_type: "unknown-type.toml" => Kind::UnknownType {
            value: "organisation".into(),
            suggestion: Some(EntityType::Organization),
        }, at 4:8;
        blank_name: "blank-name.toml" => Kind::BlankName { key: "aliases[1]".into() }, at 5:24;
        invalid_language_tag: "invalid-language-tag.toml" => Kind::InvalidLanguageTag {
            tag: "french".into(),
        }, at 5:11;
        invalid_wikidata: "invalid-wikidata.toml" => Kind::InvalidWikidata {
            value: "wd:2749452".into(),
        }, at 5:12;
        min_score_out_of_range: "min-score-out-of-range.toml" => Kind::MinScoreOutOfRange {
            value: "90".into(),
        }, at 5:13;
        duplicate_id: "duplicate-id.toml" => Kind::DuplicateId {
            id: "panjshir".into(),
            first: Origin {
                path: "tests/data/gazetteers/broken/duplicate-id.toml".into(),
                line: 2,
                column: 6,
            },
        }, at 7:6;
        not_found: "does-not-exist.toml" => Kind::NotFound, at 1:1;
    }

    #[test]
    fn every_broken_message() {
        let mut names: Vec<_> = fs::read_dir(format!("{FIXTURES}/broken"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        let messages: Vec<String> = names
            .iter()
            .flat_map(|name| fixture_errors(&format!("broken/{name}")))
            .map(|error| error.to_string())
            .collect();
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("gazetteer_broken_messages", messages.join("\n"));
        });
    }

    #[test]
    fn ten_mistakes_in_two_files_are_all_reported() {
        let errors = Gazetteer::load(&[format!("{FIXTURES}/ten-mistakes")]).unwrap_err();
        let a = "tests/data/gazetteers/ten-mistakes/a.toml";
        let b = "tests/data/gazetteers/ten-mistakes/nested/b.toml";
        let places: Vec<(&str, usize, usize)> = errors
            .errors()
            .iter()
            .map(|e| (e.path.as_str(), e.line, e.column))
            .collect();
        assert_eq!(
            places,
            [
                (a, 7, 1),
                (a, 10, 6),
                (a, 12, 8),
                (a, 14, 1),
                (a, 17, 12),
                (b, 4, 6),
                (b, 7, 11),
                (b, 8, 12),
                (b, 14, 22),
                (b, 15, 13),
            ]
        );
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("gazetteer_ten_mistakes", errors.to_string());
        });
    }

    #[test]
    fn valid_directory_loads_files_in_sorted_order() {
        let gazetteer = Gazetteer::load(&[format!("{FIXTURES}/valid")]).unwrap();
        let ids: Vec<&str> = gazetteer.entities().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["ahmad-massoud", "nrf", "panjshir"]);
        let panjshir = gazetteer.get("panjshir").unwrap();
        assert_eq!(
            panjshir.origin.to_string(),
            "tests/data/gazetteers/valid/places.toml:1:1"
        );
        assert_eq!(panjshir.names["zh-Hant-TW"], ["潘傑希爾"]);
        assert_eq!(
            gazetteer.get("ahmad-massoud").unwrap().names["fa-Latn"],
            ["Ahmad Mas'ud"]
        );
    }

    #[test]
    fn paths_keep_the_order_given_and_share_one_id_space() {
        let people = format!("{FIXTURES}/valid/people.toml");
        let places = Path::new(FIXTURES).join("valid/places.toml");
        let gazetteer = Gazetteer::load(&[places.as_path(), Path::new(&people)]).unwrap();
        assert_eq!(gazetteer.entities()[0].id, "panjshir");

        let errors = Gazetteer::load(&[
            places.as_path(),
            Path::new(FIXTURES).join("valid").as_path(),
        ])
        .unwrap_err();
        let [error] = errors.errors() else {
            panic!("{errors}")
        };
        assert_eq!(error.path, "tests/data/gazetteers/valid/places.toml");
        assert!(
            matches!(&error.kind, Kind::DuplicateId { id, first } if id == "panjshir" && first.line == 2)
        );
    }

    #[test]
    fn sources_are_checked_like_files() {
        let one = "[[entity]]\nid = \"a\"\nname = \"A\"\ntype = \"place\"\n";
        let gazetteer = Gazetteer::from_sources([("one.toml", one), ("empty.toml", "")]).unwrap();
        assert_eq!(gazetteer.len(), 1);
        let errors =
            Gazetteer::from_sources([("one.toml", one), ("two.toml", one), ("three", "x")])
                .unwrap_err();
        assert_eq!(
            errors.to_string(),
            "two.toml:2:6: duplicate id `a`, first used at one.toml:2:6 — rename one of them or merge \
             the two entities\n\
             three:1:2: invalid TOML: key with no value, expected `=` — fix the syntax here (the rest \
             of this file was not checked)\n\
             2 errors in 2 files"
        );
    }

    #[test]
    fn invalid_utf8_does_not_stop_the_check_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        fs::write(&path, b"# caf\xE9 \xF0\x9F\n[[entity]]\nid = \"\xC3\xA9\"\nname = \"\xFF\"\ntype = \"place\"\n").unwrap();
        let errors = Gazetteer::load(&[&path]).unwrap_err();
        let found: Vec<_> = errors
            .into_iter()
            .map(|e| (e.line, e.column, e.kind))
            .collect();
        let id = Kind::InvalidIdChar {
            id: "é".into(),
            character: 'é',
            suggestion: None,
        };
        assert_eq!(
            found,
            [(1, 6, Kind::InvalidUtf8 { byte: 0xE9 }), (3, 6, id)]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_once_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(
            dir.path().join("sub/a.toml"),
            "[[entity]]\nid = \"a\"\nname = \"A\"\ntype = \"place\"\n",
        )
        .unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
        let errors = Gazetteer::load(&[dir.path()]).unwrap_err();
        let [error] = errors.errors() else {
            panic!("{errors}")
        };
        let target = fs::canonicalize(dir.path())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert_eq!(error.kind, Kind::SymlinkLoop { target });
        assert_eq!(error.path, dir.path().join("sub/up").to_string_lossy());
        assert_eq!((error.line, error.column), (1, 1));
    }

    #[cfg(unix)]
    #[test]
    fn dangling_toml_symlinks_are_reported_and_other_files_ignored() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "not a gazetteer").unwrap();
        std::os::unix::fs::symlink("nowhere", dir.path().join("gone.txt")).unwrap();
        std::os::unix::fs::symlink("nowhere", dir.path().join("gone.toml")).unwrap();
        let errors = Gazetteer::load(&[dir.path()]).unwrap_err();
        let found: Vec<_> = errors
            .errors()
            .iter()
            .map(|e| (e.path.as_str(), &e.kind))
            .collect();
        let gone = dir.path().join("gone.toml").to_string_lossy().into_owned();
        let dir_path = dir.path().to_string_lossy().into_owned();
        assert_eq!(
            found,
            [(gone.as_str(), &Kind::NotFound)],
            "no `NoTomlFiles` on top"
        );

        fs::remove_file(dir.path().join("gone.toml")).unwrap();
        let errors = Gazetteer::load(&[dir.path()]).unwrap_err();
        let found: Vec<_> = errors
            .errors()
            .iter()
            .map(|e| (e.path.as_str(), &e.kind))
            .collect();
        assert_eq!(found, [(dir_path.as_str(), &Kind::NoTomlFiles)]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn unreadable_files_are_io_errors() {
        // A regular file whose reading fails, even for root.
        let errors = Gazetteer::load(&["/proc/self/mem"]).unwrap_err();
        let [error] = errors.errors() else {
            panic!("{errors}")
        };
        assert!(
            matches!(&error.kind, Kind::Io { kind, .. } if *kind != io::ErrorKind::NotFound),
            "{error}"
        );
        assert_eq!(
            (error.path.as_str(), error.line, error.column),
            ("/proc/self/mem", 1, 1)
        );
    }
}
