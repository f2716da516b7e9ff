//! Names canon already knows. A gazetteer that lists an entity under its
//! English name only (`Egypt`) still finds it under the names another
//! gazetteer gives the same entity: by default the embedded one, which
//! knows `Égypte`, `Ägypten`, `Egipto`, `Египет`, `مصر`... Exonyms and
//! translations share no spelling rule with the name they stand for, so no
//! transliteration finds them; a table of names does.
//!
//! An entity of the linked gazetteer is taken to be an entity of the known
//! names when both have the same type and share a name once normalized
//! (and their Wikidata ids, where both have one, agree); failing one, when
//! one is a place and the other an organization, typed either way, with
//! the known one's canonical name of several words (`White House`). A shared name that
//! several known entities of the type bear decides nothing, unless exactly
//! one of them has it as its canonical name (`Georgia` the country, not a
//! town of that name).

use crate::lexicon::NameKind;
use crate::{Entity, EntityType, Gazetteer, Normalizer};
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, OnceLock};

/// A gazetteer whose names complete those of the gazetteer a [`Linker`]
/// links with ([`LinkerBuilder::known_names`]).
///
/// [`Linker`]: crate::Linker
/// [`LinkerBuilder::known_names`]: crate::LinkerBuilder::known_names
///
/// ```
/// use canon::{Gazetteer, KnownNames, Linker, Method};
/// let lean = Gazetteer::from_toml("lean.toml", r#"
///     [[entity]]
///     id = "egypt"
///     name = "Egypt"
///     type = "place"
/// "#)?;
/// let text = "Les convois sont arrivés en Égypte.";
/// // By default, the names of the embedded gazetteer are known.
/// let linker = Linker::new(lean.clone())?;
/// let mentions = linker.link(text);
/// assert_eq!(&text[mentions[0].span], "Égypte");
/// assert_eq!(mentions[0].method, Method::Known);
/// // Without known names, only the gazetteer's own spellings link.
/// let linker = Linker::builder().known_names(None).build(lean)?;
/// assert!(linker.link(text).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct KnownNames(Arc<OnceLock<Known>>);

/// The names of the embedded gazetteer, compiled when first read: a linker
/// loaded from an index, which holds them compiled, never reads them.
static EMBEDDED: OnceLock<KnownNames> = OnceLock::new();

#[derive(Debug)]
struct Known {
    gazetteer: Gazetteer,
    /// Entities by the normalized key of each of their names (acronyms
    /// aside), with whether it is their canonical name.
    by_name: HashMap<String, Vec<(u32, bool)>>,
}

impl Known {
    /// The names of `gazetteer`.
    fn new(gazetteer: Gazetteer) -> Known {
        let normalizer = Normalizer::new();
        let mut by_name: HashMap<String, Vec<(u32, bool)>> = HashMap::default();
        for (e, entity) in (0u32..).zip(gazetteer.entities()) {
            for (canonical, name) in names(entity) {
                let bearers = by_name.entry(normalizer.key(name)).or_default();
                match bearers.iter_mut().find(|(b, _)| *b == e) {
                    Some(bearer) => bearer.1 |= canonical,
                    None => bearers.push((e, canonical)),
                }
            }
        }
        Known { gazetteer, by_name }
    }
}

impl KnownNames {
    /// The names of `gazetteer`, for linkers of other gazetteers.
    ///
    /// ```
    /// let known = canon::KnownNames::new(canon::Gazetteer::embedded());
    /// assert!(known.gazetteer().get("egypt").is_some());
    /// ```
    pub fn new(gazetteer: Gazetteer) -> KnownNames {
        KnownNames(Arc::new(OnceLock::from(Known::new(gazetteer))))
    }

    /// The names of the embedded gazetteer ([`Gazetteer::embedded`]),
    /// compiled once per process, when first read.
    pub fn embedded() -> KnownNames {
        EMBEDDED.get_or_init(|| KnownNames(Arc::default())).clone()
    }

    /// Whether these are the embedded gazetteer's names
    /// ([`KnownNames::embedded`]).
    pub(crate) fn is_embedded(&self) -> bool {
        EMBEDDED.get().is_some_and(|e| Arc::ptr_eq(&e.0, &self.0))
    }

    /// The names, compiled: only the embedded ones are not yet (names
    /// given to [`KnownNames::new`] are compiled there).
    fn known(&self) -> &Known {
        self.0.get_or_init(|| Known::new(Gazetteer::embedded()))
    }

    /// The gazetteer the names come from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.known().gazetteer
    }

    /// The known entity that `entity` is, by index, from the normalized keys
    /// of its names (`keys`, acronyms aside): the one bearing one of them,
    /// of the same type, or the one whose canonical name it is when several
    /// bear it.
    pub(crate) fn same_as<'k>(
        &self,
        entity: &Entity,
        keys: impl IntoIterator<Item = &'k str>,
    ) -> Option<u32> {
        let known = self.known();
        // Of the same type; or, failing one, a place for an organization or
        // the other way round: gazetteers type a seat of power either way
        // (`White House`, `Élysée Palace`).
        let seat = |kind: EntityType| matches!(kind, EntityType::Place | EntityType::Organization);
        let agrees = |k: &Entity, strict: bool| {
            let kind = k.kind == entity.kind || (!strict && seat(k.kind) && seat(entity.kind));
            kind && match (&entity.wikidata, &k.wikidata) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        };
        let mut found: Option<u32> = None;
        for key in keys {
            let Some(bearers) = known.by_name.get(key) else {
                continue;
            };
            let fitting = |strict: bool| {
                bearers
                    .iter()
                    .filter(move |&&(b, _)| agrees(known.gazetteer.entity(b), strict))
            };
            // The one bearer that fits, or the one whose canonical name it
            // is; of the same type first.
            // Across types, by a name of several words only: a country's
            // name of one is a team's too (`Georgia`).
            let across = key.contains(' ');
            let chosen = only(fitting(true))
                .or_else(|| only(fitting(true).filter(|b| b.1)))
                .or_else(|| only(fitting(false).filter(|b| across && b.1)));
            match (found, chosen) {
                (_, None) => {}
                (None, Some(b)) => found = Some(b),
                // Two names of one entity pointing at two known ones: none.
                (Some(a), Some(b)) if a != b => return None,
                _ => {}
            }
        }
        found
    }

    /// Known entity `k`.
    pub(crate) fn entity(&self, k: u32) -> &Entity {
        self.known().gazetteer.entity(k)
    }

    /// Every normalized name key (acronyms aside) with the entities bearing
    /// it.
    pub(crate) fn keys(&self) -> impl Iterator<Item = (&str, impl Iterator<Item = u32> + '_)> {
        self.known()
            .by_name
            .iter()
            .map(|(key, bearers)| (key.as_str(), bearers.iter().map(|b| b.0)))
    }
}

/// The entity of the one bearer of `bearers`, if there is exactly one.
fn only<'b>(mut bearers: impl Iterator<Item = &'b (u32, bool)>) -> Option<u32> {
    match (bearers.next(), bearers.next()) {
        (Some(&(b, _)), None) => Some(b),
        _ => None,
    }
}

/// An entity's names other than acronyms, as a linker matches them
/// ([`crate::lexicon::listed`]), each with whether it is the canonical one.
fn names(entity: &Entity) -> impl Iterator<Item = (bool, &str)> {
    crate::lexicon::listed(entity)
        .filter(|(kind, ..)| !kind.is_acronym())
        .map(|(kind, _, text)| (kind == NameKind::Canonical, text))
}

/// Every name of a known entity, as the kind of form it becomes in a
/// linker ([`NameKind::Known`], or [`NameKind::KnownAcronym`] for its
/// acronyms), with its language tag if it is one of `names`.
pub(crate) fn borrowed(known: &Entity) -> impl Iterator<Item = (NameKind, Option<&str>, &str)> {
    crate::lexicon::listed(known).map(|(kind, tag, text)| {
        let kind = match kind {
            NameKind::Acronym => NameKind::KnownAcronym,
            _ => NameKind::Known,
        };
        (kind, tag, text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer(toml: &str) -> Gazetteer {
        Gazetteer::from_toml("t.toml", toml).unwrap()
    }

    /// The id of the known entity each entity of gazetteer `lean` is, by
    /// its canonical name.
    fn same_as_by_name<'k>(known: &'k KnownNames, lean: &str) -> Vec<Option<&'k str>> {
        let n = Normalizer::new();
        let lean = gazetteer(lean);
        (lean.entities().iter())
            .map(|entity| {
                let k = known.same_as(entity, [n.key(&entity.name).as_str()]);
                k.map(|k| known.entity(k).id.as_str())
            })
            .collect()
    }

    #[test]
    fn same_type_and_a_shared_name_make_the_same_entity() {
        let known = KnownNames::new(gazetteer(
            "[[entity]]\nid = \"georgia\"\nname = \"Georgia\"\ntype = \"place\"\n\
             names = { ru = [\"Грузия\"] }\n\
             [[entity]]\nid = \"georgia-town\"\nname = \"Georgia Town\"\ntype = \"place\"\n\
             aliases = [\"Georgia\"]\n\
             [[entity]]\nid = \"georgia-person\"\nname = \"Georgia\"\ntype = \"person\"\n",
        ));
        let same = same_as_by_name(
            &known,
            "[[entity]]\nid = \"g\"\nname = \"GEORGIA\"\ntype = \"place\"\n\
             [[entity]]\nid = \"h\"\nname = \"Georgia\"\ntype = \"organization\"\n\
             [[entity]]\nid = \"w\"\nname = \"Georgia\"\ntype = \"place\"\nwikidata = \"Q1\"\n",
        );
        // Two places bear `Georgia`; the one whose canonical name it is wins.
        // No organization bears it, and a place's name of one word is no
        // organization's. Wikidata ids only veto when both sides have one.
        assert_eq!(same, [Some("georgia"), None, Some("georgia")]);
    }

    #[test]
    fn a_place_and_an_organization_share_a_canonical_name_of_several_words() {
        let known = KnownNames::new(gazetteer(
            "[[entity]]\nid = \"white-house\"\nname = \"White House\"\ntype = \"organization\"\n\
             [[entity]]\nid = \"wh-hotel\"\nname = \"White House Hotel\"\ntype = \"place\"\n\
             aliases = [\"Casa Blanca\"]\n",
        ));
        let same = same_as_by_name(
            &known,
            "[[entity]]\nid = \"a\"\nname = \"White House\"\ntype = \"place\"\n\
             [[entity]]\nid = \"b\"\nname = \"Casa Blanca\"\ntype = \"organization\"\n\
             [[entity]]\nid = \"c\"\nname = \"White House\"\ntype = \"person\"\n",
        );
        // Not by another type's alias, nor for a person.
        assert_eq!(same, [Some("white-house"), None, None]);
    }

    #[test]
    fn two_names_leading_to_two_entities_decide_nothing() {
        let known = KnownNames::new(gazetteer(
            "[[entity]]\nid = \"a\"\nname = \"Alpha\"\ntype = \"place\"\n\
             [[entity]]\nid = \"b\"\nname = \"Beta\"\ntype = \"place\"\n",
        ));
        let lean = gazetteer(
            "[[entity]]\nid = \"x\"\nname = \"Alpha\"\ntype = \"place\"\naliases = [\"Beta\"]\n",
        );
        assert!(known
            .same_as(&lean.entities()[0], ["alpha", "beta"])
            .is_none());
        let alpha = known.same_as(&lean.entities()[0], ["alpha"]).unwrap();
        assert_eq!(known.entity(alpha).id, "a");
    }
}
