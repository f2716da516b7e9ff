//! Warnings about a valid gazetteer: names that will not link the way the
//! curator means, each located at the name itself.
//!
//! A warning is not an error: the gazetteer loads and links. Each kind says
//! what will happen and what to do:
//!
//! - `duplicate-name`: the same name (ignoring case) on two entities; a
//!   span with that name fits both equally, so canon links neither.
//! - `same-key`: two different names that normalize to the same key (the
//!   one the linker matches), with the same effect.
//! - `shared-acronym`: the same acronym on two entities.
//! - `common-word`: a one-word name that is an ordinary word of English,
//!   French, German or Spanish: it links wherever the word is capitalized.
//! - `unreachable`: an entity every name of which is shared with other
//!   entities or excluded by its own `not`: it can never be linked.
//! - `undefined-id`: a `related` id that no entity has.
//!
//! Entities with `requires_context = true` may share names with each
//! other (their `context` words decide), and their names may be ordinary
//! words. The canonical `name`, spellings close to it (`Afganistán` for
//! `Afghanistan`) and a name in `names.<tag>` in the language of its tag
//! (`names.de = ["Wien"]`) are not looked up among ordinary words: the word
//! lists hold frequent names, and an entity's own names are frequent
//! because of it.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use super::{load, Gazetteer, Origin};
use crate::error::{GazetteerError, Shown};
use crate::{guard, language, Normalizer};

/// Something in a valid gazetteer that will not link as meant.
///
/// Displays on one line as `path:line:column: warning: what will happen —
/// what to do`, like a [`GazetteerError`].
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// Where the name (or entity, or id) the warning is about is written.
    pub origin: Origin,
    /// What is wrong, with the values involved.
    pub kind: WarningKind,
}

/// A name of another entity, that a warning points to.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherName {
    /// The other entity's id.
    pub id: String,
    /// Its name, as written.
    pub name: String,
    /// Where that name is written.
    pub origin: Origin,
}

/// The kinds of [`Warning`], with the values involved.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum WarningKind {
    /// The same name, ignoring case, is listed for an earlier entity.
    DuplicateName {
        /// The name as written here.
        name: String,
        /// The earlier entity's name.
        other: OtherName,
    },
    /// Two different names normalize to the same key.
    SameKey {
        /// The name as written here.
        name: String,
        /// The key both normalize to.
        key: String,
        /// The earlier entity's name.
        other: OtherName,
    },
    /// The same acronym is listed for an earlier entity.
    SharedAcronym {
        /// The acronym as written here.
        acronym: String,
        /// The earlier entity's acronym.
        other: OtherName,
    },
    /// A one-word name that is an ordinary word of a guarded language.
    CommonWord {
        /// The name as written.
        name: String,
        /// The languages where it is an ordinary word, with their tags:
        /// `("English", "en")`, … (for a name in `names`, other than its
        /// own).
        languages: Vec<(&'static str, &'static str)>,
    },
    /// Every name of the entity is shared or excluded: it never links.
    Unreachable {
        /// The entity's id.
        id: String,
        /// The ids of the entities that share its names.
        sharing: Vec<String>,
    },
    /// A `related` id that no entity has.
    UndefinedId {
        /// The id as written.
        id: String,
        /// The closest defined id, when one is close.
        suggestion: Option<String>,
    },
}

impl WarningKind {
    /// A stable name for the kind, as `canon check --format json` prints
    /// it: `duplicate-name`, `same-key`, `shared-acronym`, `common-word`,
    /// `unreachable`, `undefined-id`.
    pub fn code(&self) -> &'static str {
        match self {
            WarningKind::DuplicateName { .. } => "duplicate-name",
            WarningKind::SameKey { .. } => "same-key",
            WarningKind::SharedAcronym { .. } => "shared-acronym",
            WarningKind::CommonWord { .. } => "common-word",
            WarningKind::Unreachable { .. } => "unreachable",
            WarningKind::UndefinedId { .. } => "undefined-id",
        }
    }

    /// What will happen, on one line.
    pub fn message(&self) -> String {
        match self {
            WarningKind::DuplicateName { name, other } => format!(
                "`{}` is also a name of `{}` ({}): the two entities are ambiguous there and \
                 canon links neither",
                Shown(name),
                Shown(&other.id),
                other.origin
            ),
            WarningKind::SameKey { name, key, other } => format!(
                "`{}` normalizes to `{}`, as `{}` of `{}` ({}) does: the two entities are \
                 ambiguous there and canon links neither",
                Shown(name),
                Shown(key),
                Shown(&other.name),
                Shown(&other.id),
                other.origin
            ),
            WarningKind::SharedAcronym { acronym, other } => format!(
                "acronym `{}` is also an acronym of `{}` ({}): the two entities are ambiguous \
                 there and canon links neither",
                Shown(acronym),
                Shown(&other.id),
                other.origin
            ),
            WarningKind::CommonWord { name, languages } => format!(
                "`{}` is an ordinary word of {}: it links wherever the word is capitalized \
                 (sentence starts, titles, German nouns)",
                Shown(name),
                join_and(&languages.iter().map(|l| l.0).collect::<Vec<_>>())
            ),
            WarningKind::Unreachable { id, sharing } => {
                let sharing: Vec<String> = sharing.iter().map(|s| format!("`{s}`")).collect();
                let shared = if sharing.is_empty() {
                    String::new()
                } else {
                    format!("also a name of {}, or ", join_and(&sharing))
                };
                format!(
                    "entity `{}` can never be linked: each of its names is {shared}excluded by \
                     its own `not`",
                    Shown(id)
                )
            }
            WarningKind::UndefinedId { id, .. } => {
                format!("related id `{}` is not defined", Shown(id))
            }
        }
    }

    /// What to do, on one line.
    pub fn fix(&self) -> String {
        match self {
            WarningKind::DuplicateName { .. }
            | WarningKind::SameKey { .. }
            | WarningKind::SharedAcronym { .. } => "keep it on one entity only, or give one of \
                 them `requires_context = true` and `context` words"
                .into(),
            WarningKind::CommonWord { languages, .. } => {
                let fix = "remove it, or set `requires_context = true` with `context` words that \
                           stand near its mentions";
                match languages.as_slice() {
                    [(language, tag)] => format!(
                        "if it is the {language} name of the entity, list it under \
                         `names.{tag}`; otherwise {fix}"
                    ),
                    _ => fix.into(),
                }
            }
            WarningKind::Unreachable { .. } => {
                "give it a name of its own, or merge it with the entity that has its names".into()
            }
            WarningKind::UndefinedId { suggestion, .. } => match suggestion {
                Some(id) => format!("did you mean `{}`?", Shown(id)),
                None => "define an entity with this id, or remove it".into(),
            },
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: warning: {} — {}",
            self.origin,
            self.kind.message(),
            self.kind.fix()
        )
    }
}

/// What `canon check` reports about gazetteer files: every error, and the
/// warnings about the entities that are valid.
#[derive(Debug, Clone)]
pub struct Report {
    /// The number of valid entities.
    pub entities: usize,
    /// Every error, by file in load order, then by position.
    pub errors: Vec<GazetteerError>,
    /// Every warning about the valid entities, by entity, then by position.
    pub warnings: Vec<Warning>,
}

impl Gazetteer {
    /// Checks the gazetteer files and directories at `paths` as
    /// [`Gazetteer::load`] reads them, and lints what is valid: errors and
    /// warnings together, never only the first.
    ///
    /// ```no_run
    /// let report = canon::Gazetteer::check(&["gazetteer"]);
    /// for warning in &report.warnings {
    ///     eprintln!("{warning}");
    /// }
    /// assert!(report.errors.is_empty());
    /// ```
    pub fn check<P: AsRef<Path>>(paths: &[P]) -> Report {
        let (gazetteer, errors) = load::load_valid(paths.iter().map(AsRef::as_ref));
        Report {
            entities: gazetteer.len(),
            warnings: gazetteer.lint(),
            errors,
        }
    }

    /// The warnings about this gazetteer (see [`WarningKind`]), by entity,
    /// then by position.
    ///
    /// ```
    /// use canon::{Gazetteer, WarningKind};
    ///
    /// let gazetteer = Gazetteer::from_toml("g.toml", r#"
    /// [[entity]]
    /// id = "panjshir"
    /// name = "Panjshir"
    /// type = "place"
    /// aliases = ["Panjsher"]
    ///
    /// [[entity]]
    /// id = "panjshir-province"
    /// name = "Panjshir Province"
    /// type = "place"
    /// aliases = ["Panjshir"]
    /// "#)?;
    /// let warnings = gazetteer.lint();
    /// assert_eq!(warnings.len(), 1);
    /// assert!(matches!(warnings[0].kind, WarningKind::DuplicateName { .. }));
    /// assert_eq!(
    ///     warnings[0].to_string(),
    ///     "g.toml:12:12: warning: `Panjshir` is also a name of `panjshir` (g.toml:4:8): \
    ///      the two entities are ambiguous there and canon links neither — keep it on one \
    ///      entity only, or give one of them `requires_context = true` and `context` words",
    /// );
    /// # Ok::<(), canon::GazetteerErrors>(())
    /// ```
    pub fn lint(&self) -> Vec<Warning> {
        let normalizer = &Normalizer::new();
        let names: Vec<Listed<'_>> = self
            .entities()
            .iter()
            .enumerate()
            .flat_map(|(e, entity)| {
                entity.listed_names().map(move |(path, text)| Listed {
                    entity: e,
                    key: normalizer.key(text),
                    path,
                    text,
                })
            })
            .filter(|name| !name.key.is_empty())
            .collect();
        let mut by_key: HashMap<&str, Vec<&Listed<'_>>> = HashMap::new();
        for name in &names {
            by_key.entry(&name.key).or_default().push(name);
        }
        let requires_context = |e: usize| self.entities()[e].requires_context;
        let mut warnings = Vec::new();
        let mut names = names.iter().peekable();
        for (e, entity) in self.entities().iter().enumerate() {
            let mut found = Vec::new();
            let excluded: HashSet<String> = entity.not.iter().map(|n| normalizer.key(n)).collect();
            let (mut listed, mut blocked, mut sharing) = (0, 0, Vec::new());
            let canonical = normalizer.key(&entity.name);
            while let Some(name) = names.next_if(|n| n.entity == e) {
                listed += 1;
                let origin = || entity.location(&name.path).unwrap_or(entity.origin.clone());
                let others: Vec<&Listed<'_>> = by_key
                    .get(name.key.as_str())
                    .into_iter()
                    .flatten()
                    .copied()
                    // Two entities whose context words decide can share.
                    .filter(|o| {
                        o.entity != e && !(requires_context(e) && requires_context(o.entity))
                    })
                    .collect();
                for other in &others {
                    let id = &self.entities()[other.entity].id;
                    if !sharing.contains(id) {
                        sharing.push(id.clone());
                    }
                }
                if !others.is_empty() || excluded.contains(&name.key) {
                    blocked += 1;
                }
                // The later of two entities gets the warning, naming the
                // first entity that has the key.
                if let Some(first) = others.first().filter(|o| o.entity < e) {
                    let kind = self.collision(name, first);
                    found.push(Warning {
                        origin: origin(),
                        kind,
                    });
                }
                if !entity.requires_context && may_be_an_ordinary_word(name, &canonical) {
                    // A language's own name for the entity is frequent in
                    // it because of the entity: only languages that do not
                    // list this name for the entity count.
                    // An acronym of the entity (`OTAN`) is frequent in
                    // every language because of the entity.
                    let own: Vec<&Listed<'_>> = by_key
                        .get(name.key.as_str())
                        .into_iter()
                        .flatten()
                        .copied()
                        .filter(|o| o.entity == e)
                        .collect();
                    let tags: Vec<&str> = own
                        .iter()
                        .filter_map(|o| o.path.strip_prefix("names."))
                        .filter_map(|p| p.split(['-', '[']).next())
                        .collect();
                    let acronym = own.iter().any(|o| o.is_acronym());
                    // A name gated to the languages of its tags links as
                    // meant ([`language::gates`]).
                    let listed: Vec<(Option<&str>, &str)> = own
                        .iter()
                        .map(|o| (o.path.strip_prefix("names."), o.key.as_str()))
                        .map(|(tag, key)| (tag.and_then(|t| t.split('[').next()), key))
                        .collect();
                    let gated = language::gates(&listed, &canonical)
                        .iter()
                        .any(Option::is_some);
                    let languages: Vec<guard::Language> = guard::common_word_languages(&name.key)
                        .into_iter()
                        .filter(|language| !acronym && !gated && !tags.contains(&language.1))
                        .collect();
                    if !languages.is_empty() {
                        let name = name.text.to_owned();
                        let kind = WarningKind::CommonWord { name, languages };
                        found.push(Warning {
                            origin: origin(),
                            kind,
                        });
                    }
                }
            }
            if listed > 0 && blocked == listed {
                let id = entity.id.clone();
                let kind = WarningKind::Unreachable { id, sharing };
                found.push(Warning {
                    origin: entity.origin.clone(),
                    kind,
                });
            }
            for (i, id) in entity.related.iter().enumerate() {
                if self.get(id).is_none() {
                    let origin = entity
                        .location(&format!("related[{i}]"))
                        .unwrap_or(entity.origin.clone());
                    let suggestion = closest_id(self.entities().iter().map(|e| e.id.as_str()), id);
                    let id = id.clone();
                    let kind = WarningKind::UndefinedId { id, suggestion };
                    found.push(Warning { origin, kind });
                }
            }
            found.sort_by_key(|w| (w.origin.line, w.origin.column));
            warnings.append(&mut found);
        }
        warnings
    }

    /// The warning for `name`, whose key an earlier entity's `first` has.
    fn collision(&self, name: &Listed<'_>, first: &Listed<'_>) -> WarningKind {
        let entity = &self.entities()[first.entity];
        let other = OtherName {
            id: entity.id.clone(),
            name: first.text.to_owned(),
            origin: entity
                .location(&first.path)
                .unwrap_or(entity.origin.clone()),
        };
        if name.is_acronym() && first.is_acronym() {
            WarningKind::SharedAcronym {
                acronym: name.text.to_owned(),
                other,
            }
        } else if name.text.to_lowercase() == first.text.to_lowercase() {
            WarningKind::DuplicateName {
                name: name.text.to_owned(),
                other,
            }
        } else {
            WarningKind::SameKey {
                name: name.text.to_owned(),
                key: name.key.clone(),
                other,
            }
        }
    }
}

/// One name of an entity, with its key path and normalized key.
struct Listed<'g> {
    entity: usize,
    path: String,
    text: &'g str,
    key: String,
}

impl Listed<'_> {
    fn is_acronym(&self) -> bool {
        self.path.starts_with("acronyms")
    }
}

/// Whether `name` should be looked up among ordinary words: a Latin name
/// other than an acronym that [`guard::may_be_ordinary`].
fn may_be_an_ordinary_word(name: &Listed<'_>, canonical: &str) -> bool {
    let latin = name
        .text
        .chars()
        .all(|c| !c.is_alphabetic() || crate::candidates::is_latin(c));
    !name.is_acronym() && latin && guard::may_be_ordinary(&name.key, canonical)
}

/// The id among `ids` closest to `id`, if close enough to be a misspelling.
pub(crate) fn closest_id<'a>(ids: impl Iterator<Item = &'a str>, id: &str) -> Option<String> {
    const CLOSE: f64 = 0.85;
    ids.map(|other| (strsim::jaro_winkler(id, other), other))
        .filter(|&(similarity, _)| similarity >= CLOSE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, other)| other.to_owned())
}

/// `a`, `a and b`, `a, b and c`.
fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The warnings of `text` as (line, column, code).
    fn warnings(text: &str) -> Vec<(usize, usize, &'static str)> {
        Gazetteer::from_toml("g.toml", text)
            .expect("valid")
            .lint()
            .iter()
            .map(|w| (w.origin.line, w.origin.column, w.kind.code()))
            .collect()
    }

    /// An entity with the required keys, then `rest`.
    fn entity(id: &str, name: &str, rest: &str) -> String {
        format!("[[entity]]\nid = \"{id}\"\nname = \"{name}\"\ntype = \"place\"\n{rest}\n")
    }

    #[test]
    fn a_name_ordinary_in_languages_that_list_it_or_an_acronym_is_no_ordinary_word() {
        // Spanish `londres` is London's Spanish name: listed under `es` too,
        // it is not an ordinary word there. Under `fr` alone, it links only
        // in French text (`language::gates`): no warning either.
        let fr_only = entity("london", "London", "names = { fr = [\"Londres\"] }");
        assert_eq!(warnings(&fr_only), []);
        let alias = entity("london", "London", "aliases = [\"Londres\"]");
        assert_eq!(warnings(&alias), [(5, 12, "common-word")]);
        let both = entity(
            "london",
            "London",
            "names = { fr = [\"Londres\"], es = [\"Londres\"] }",
        );
        assert_eq!(warnings(&both), []);
        // The word `otan` is frequent because of the acronym.
        let nato = entity(
            "nato",
            "North Atlantic Treaty Organization",
            "acronyms = [\"OTAN\"]\nnames = { fr = [\"Otan\"] }",
        );
        assert_eq!(warnings(&nato), []);
    }

    #[test]
    fn names_shared_by_two_entities_are_reported_at_the_later_one() {
        let text = entity("a", "Kabul", "aliases = [\"Kaboul\", \"Kabol\"]")
            + &entity("b", "Kabul Province", "aliases = [\"Kaboul\", \"KABUL\"]");
        assert_eq!(
            warnings(&text),
            [(10, 12, "duplicate-name"), (10, 22, "duplicate-name")]
        );
        let text = entity("a", "Kabul", "aliases = [\"Kaboul\"]")
            + &entity("b", "Kabul Province", "aliases = [\"Kaboul\", \"KABUL\"]");
        let codes: Vec<_> = warnings(&text).into_iter().map(|w| w.2).collect();
        assert_eq!(codes, ["unreachable", "duplicate-name", "duplicate-name"]);
    }

    #[test]
    fn repeated_names_of_one_entity_are_not_collisions() {
        let text = entity("a", "Kabul", "aliases = [\"Kabul\", \"kabul\"]");
        assert_eq!(warnings(&text), []);
    }

    #[test]
    fn requires_context_exempts_from_collisions_and_ordinary_words() {
        let context = "context = [\"Alabama\"]\nrequires_context = true";
        let both = entity("a", "Mobile", context) + &entity("b", "Mobile", context);
        assert_eq!(warnings(&both), []);
        // In the context both fit, elsewhere only `b`: `a` never links.
        let one =
            entity("a", "Mobile", context) + &entity("b", "Mobile Bay", "aliases = [\"Mobile\"]");
        assert_eq!(
            warnings(&one),
            [
                (1, 1, "unreachable"),
                (11, 12, "duplicate-name"),
                (11, 12, "common-word")
            ]
        );
    }

    #[test]
    fn ordinary_words_spare_canonical_names_their_spellings_and_own_languages() {
        // `Afghanistan`, `Twitter` are frequent because they are names.
        let text = entity(
            "a",
            "Afghanistan",
            "aliases = [\"Afganistán\"]\nnames.de = [\"Sowjetunion\"]",
        ) + &entity("b", "Twitter", "names.ru = [\"Твиттер\"]");
        assert_eq!(warnings(&text), []);
        // As an alias, the word counts; in another language's list, it
        // links only in text of that language (`language::gates`).
        let text = entity(
            "a",
            "Iceland",
            "aliases = [\"Island\"]\nacronyms = [\"FRONT\"]",
        );
        let found = Gazetteer::from_toml("g.toml", &text).unwrap().lint();
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].kind,
            WarningKind::CommonWord {
                name: "Island".into(),
                languages: vec![
                    ("English", "en"),
                    ("French", "fr"),
                    ("German", "de"),
                    ("Spanish", "es")
                ],
            }
        );
        let gated = entity("a", "Iceland", "names.de = [\"Island\"]");
        assert_eq!(warnings(&gated), []);
        let alias = entity("a", "Cologne", "aliases = [\"Köln\"]");
        let found = Gazetteer::from_toml("g.toml", &alias).unwrap().lint();
        assert!(
            found[0]
                .kind
                .fix()
                .starts_with("if it is the German name of the entity, list it under `names.de`"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn an_entity_whose_names_are_all_shared_or_excluded_is_unreachable() {
        let text = entity("a", "Kabul", "")
            + &entity("b", "Kaboul", "aliases = [\"Kabul\"]\nnot = [\"kaboul\"]");
        let found = Gazetteer::from_toml("g.toml", &text).unwrap().lint();
        let codes: Vec<_> = found.iter().map(|w| w.kind.code()).collect();
        assert_eq!(codes, ["unreachable", "unreachable", "duplicate-name"]);
        assert_eq!(found[1].origin.line, 6);
        assert_eq!(
            found[1].kind.message(),
            "entity `b` can never be linked: each of its names is also a name of `a`, or \
             excluded by its own `not`"
        );
    }

    #[test]
    fn related_ids_must_be_defined() {
        let text = entity("kabul", "Kabul", "related = [\"kabul\", \"kabol\", \"x\"]");
        let found = Gazetteer::from_toml("g.toml", &text).unwrap().lint();
        let kinds: Vec<_> = found.iter().map(|w| (w.origin.column, &w.kind)).collect();
        assert_eq!(
            kinds,
            [
                (
                    21,
                    &WarningKind::UndefinedId {
                        id: "kabol".into(),
                        suggestion: Some("kabul".into())
                    }
                ),
                (
                    30,
                    &WarningKind::UndefinedId {
                        id: "x".into(),
                        suggestion: None
                    }
                ),
            ]
        );
    }

    #[test]
    fn check_lints_the_valid_entities_of_files_with_errors() {
        let report = Gazetteer::check(&[
            "tests/data/gazetteers/broken/unknown-key.toml",
            "tests/data/gazetteers/warnings/common-word.toml",
        ]);
        assert_eq!(report.errors.len(), 1);
        assert_eq!(report.warnings.len(), 1);
        assert_eq!(report.entities, 1);
    }
}
