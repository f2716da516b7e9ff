//! The compiled gazetteer: every listed name normalized to a key, the key
//! table that finds them in text, composed names, and the index of the
//! fuzzy pass.

use crate::forms::{Form, Forms, FormsBuilder, OwnedForm};
use crate::frames::Frames;
use crate::fuzzy;
use crate::fuzzy_index::FuzzyIndex;
use crate::keytable::{Covering, KeyTable};
use crate::known::{self, KnownNames};
use crate::language::{self, Languages};
use crate::memo::{Memo, SurnameMemo};
use crate::skeleton;
use crate::tables::{
    Lists, ListsBuilder, StrLists, StrListsBuilder, StrTable, StrTableBuilder, Strings,
    StringsBuilder,
};
use crate::tokenize::Tokens;
use crate::{Entity, EntityType, Gazetteer, Normalizer};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// Which field of the gazetteer a name comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameKind {
    /// `name`, the canonical display name.
    Canonical,
    /// An entry of `aliases` or of `names`.
    Alias,
    /// An entry of `acronyms`.
    Acronym,
    /// Not listed: the initials of an organization's name (`Agence
    /// France-Presse` → `AFP`), matched like an acronym.
    Initials,
    /// Not listed: a name without its trailing `of` and a place
    /// (`Islamic Emirate of Afghanistan` → `Islamic Emirate`).
    ShortName,
    /// Not listed: a person's name of three words or more without its
    /// first (`Ahmad Shah Massoud` → `Shah Massoud`, `Osama bin Laden` →
    /// `bin Laden`).
    LastNames,
    /// Not listed: another spelling of a personal name's entity
    /// ([`Entity::is_personal_name`]) in its group of
    /// `data/given-names.txt`: `Youssef`, `Joseph` for `Yusuf (given name)`.
    GivenName,
    /// Not listed: a name the known names give the same entity
    /// ([`crate::KnownNames`]): `Égypte` for `Egypt`.
    Known,
    /// Not listed: an acronym the known names give the same entity.
    KnownAcronym,
    /// Not listed: an organization's name of ordinary words without the
    /// leading acronym of the body it belongs to (`UN Security Council` →
    /// `Security Council`): a mention only after the text names that body
    /// or the organization itself.
    WithoutOwner,
    /// Not listed: the first of the two parts a place is named after
    /// (`Bosnia and Herzegovina` → `Bosnia`, `Bosnie-Herzégovine` →
    /// `Bosnie`): no mention where the text goes on with a second part
    /// (`Jammu und Kaschmir`).
    FirstPart,
}

impl NameKind {
    /// Whether names of this kind match with their case, as acronyms do.
    pub(crate) fn is_acronym(self) -> bool {
        matches!(
            self,
            NameKind::Acronym | NameKind::Initials | NameKind::KnownAcronym
        )
    }
}

/// One way a key leads to an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Entry {
    /// The listed form (of the entity the key leads to).
    pub(crate) form: u32,
    /// For a composed key: the other spelling of a place substituted into
    /// `form` (a form of another entity, or of the same one).
    pub(crate) via: Option<u32>,
}

/// Most composed keys one listed name may produce.
const MAX_COMPOSED_PER_FORM: usize = 64;

/// Keys, key table and fuzzy index, built once per gazetteer.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct Lexicon {
    forms: Forms,
    entries: Lists<Entry>,
    table: KeyTable,
    /// Names of entities that canon knows and the gazetteer does not list
    /// ([`KnownNames`]).
    others: KeyTable,
    /// Own names of the world's places that are none of the gazetteer's
    /// ([`crate::places`]), with the known names only.
    elsewhere: KeyTable,
    /// The reading patterns of the surnames of the persons canon knows and
    /// the gazetteer does not list.
    other_surnames: HashSet<String>,
    /// The first and last words (as [`outer_words`]) of the names of three
    /// words or more of persons, listed or known: a family that tells its
    /// members apart by their middle names (`Ahmad Shah Massoud`, `Ahmad Zia
    /// Massoud`).
    middle_named: HashSet<(String, String)>,
    /// The names the fuzzy pass looks up, by their words' deletion
    /// neighbourhoods.
    fuzzy: FuzzyIndex,
    skeletons: StrLists,
    /// How the skeletons begin and end, as a filter ([`Frames`]).
    frames: Frames,
    /// Persons by the reading patterns of their surname (the last word of a
    /// multi-word name).
    surnames: StrLists,
    /// The first form of each entity (its canonical name).
    first_forms: Vec<u32>,
    /// Each entity's `not` spellings and `context` words, normalized:
    /// lists end to end, as most are empty.
    excluded: Lists<String>,
    context: Lists<String>,
    /// Each entity's description, normalized.
    descriptions: Strings,
    /// Acronyms (listed or initials) of three letters or more, by their
    /// letters in alphabetical order.
    acronym_letters: StrLists,
    /// Multi-word names of organizations, places and events by cognate
    /// signature, those whose signature has a meaning
    /// ([`skeleton::is_translated`]).
    cognates: StrLists,
    /// The others, by what each of their words is looked up by
    /// ([`skeleton::write_cognate_word`]): a signature of consonants alone
    /// may stand for thousands of names, of which the words of a span
    /// start as few.
    cognate_words: StrLists,
    /// Every part of those signatures: a span with a word of other parts
    /// has no signature that names anything.
    cognate_parts: StrTable,
    /// Keys by the loose consonants of their readings, for text in scripts
    /// that write neither short vowels nor doubling.
    loose: StrLists,
    /// The forms that link only in text of some languages
    /// ([`language::gates`]).
    gates: HashMap<u32, Languages>,
    /// The readings of each key found by skeleton, as [`skeleton::store`]
    /// writes them, separated by spaces (empty for the others): with a
    /// million names, a skeleton is shared by hundreds of keys, each
    /// compared with every spelling of that skeleton, and reading a name
    /// again cost more than comparing it.
    readings: Strings,
    /// The labels of the rules in `readings`, by position
    /// ([`skeleton::labels`]): an index written by a build that numbers
    /// them otherwise is another build's.
    labels: Vec<String>,
    /// The persons each word met is the surname of, per thread.
    #[serde(skip)]
    persons: SurnameMemo,
}

/// Every name `entity` lists, in the order of its forms: the canonical
/// name, aliases, names by language (with their tag), acronyms; each
/// without a trailing qualifier in parentheses, and followed by the name
/// whole when the part in parentheses is a name's words, capitalized,
/// that the press writes too ([`as_written`]: `Communist Party of Nepal
/// (Unified Marxist-Leninist)`).
pub(crate) fn listed(entity: &Entity) -> impl Iterator<Item = (NameKind, Option<&str>, &str)> {
    std::iter::once((NameKind::Canonical, None, entity.name.as_str()))
        .chain(
            entity
                .aliases
                .iter()
                .map(|a| (NameKind::Alias, None, a.as_str())),
        )
        .chain(entity.names.iter().flat_map(|(tag, names)| {
            names
                .iter()
                .map(move |n| (NameKind::Alias, Some(tag), n.as_str()))
        }))
        .chain(
            entity
                .acronyms
                .iter()
                .map(|a| (NameKind::Acronym, None, a.as_str())),
        )
        .flat_map(|(kind, tag, text)| as_written(text).map(move |name| (kind, tag, name)))
}

/// A name without its qualifier in parentheses
/// ([`crate::gazetteer::split_qualifier`]), then the name whole if the
/// qualifier is capitalized words the press writes with it.
fn as_written(name: &str) -> impl Iterator<Item = &str> {
    let (unqualified, qualifier) = crate::gazetteer::split_qualifier(name);
    let written = qualifier.is_some_and(|q| q.starts_with(char::is_uppercase));
    std::iter::once(unqualified).chain(written.then_some(name.trim()))
}

/// Fewest letters a known name ([`NameKind::Known`]) needs to be found by
/// skeleton or edit distance.
const MIN_KNOWN_APPROXIMATE_LETTERS: usize = 10;

/// Fewest letters a listed name needs to be found by skeleton or edit
/// distance: shorter names link only when written as listed.
pub(crate) const MIN_APPROXIMATE_LETTERS: usize = 5;

impl Lexicon {
    /// Compiles `gazetteer` with the same `normalizer` documents go through,
    /// completing its names with the `known` ones.
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        normalizer: &Normalizer,
        known: Option<&KnownNames>,
    ) -> Lexicon {
        let mut forms = FormsBuilder::default();
        let mut by_entity = Vec::with_capacity(gazetteer.len());
        for (e, entity) in gazetteer.entities().iter().enumerate() {
            let first = forms.len();
            for (kind, _, text) in listed(entity) {
                forms.push(e as u32, kind, text);
            }
            by_entity.push(first..forms.len());
        }
        // Normalizing every name is most of the work: on all cores.
        let mut form_keys: Vec<String> = (0..forms.len())
            .into_par_iter()
            .map(|f| normalizer.key(forms.form(f).text))
            .collect();
        let mut gates: HashMap<u32, Languages> = (0..gazetteer.len())
            .into_par_iter()
            .filter(|&e| !gazetteer.entities()[e].names.is_empty())
            .flat_map_iter(|e| {
                let range = by_entity[e].clone();
                let tags = listed(&gazetteer.entities()[e]).map(|(_, tag, _)| tag);
                let keys = range.clone().map(|f| form_keys[f].as_str());
                let names: Vec<(Option<&str>, &str)> = tags.zip(keys).collect();
                let gates = language::gates(&names, &form_keys[range.start]);
                range
                    .zip(gates)
                    .filter_map(|(f, gate)| Some((f as u32, gate?)))
            })
            .collect();
        let mut lexicon = LexiconBuilder::default();
        for (f, key) in form_keys.iter().enumerate() {
            lexicon.add(
                key,
                Entry {
                    form: f as u32,
                    via: None,
                },
                &forms,
            );
        }
        // A name of a Latin-script language is also found as the press
        // spells it without its marks (`Vučić` = `Vucic`), where no listed
        // name is so spelled.
        let press_keys: Vec<(u32, String)> = (0..forms.len())
            .into_par_iter()
            .filter(|&f| !forms.form(f).kind.is_acronym())
            .filter_map(|f| {
                let press = normalizer.press_key(forms.form(f).text)?;
                (press != form_keys[f]).then_some((f as u32, press))
            })
            .collect();
        for (form, press) in press_keys {
            if !lexicon.keys.contains(&press) {
                lexicon.add(&press, Entry { form, via: None }, &forms);
            }
        }
        // Known names come after the listed ones and never shadow them.
        let mut known_forms: HashMap<u32, std::ops::Range<usize>> = HashMap::default();
        // Each entity that is a known one, with that one's index.
        let mut same_as: HashMap<u32, u32> = HashMap::default();
        if let Some(known) = known {
            let borrowed = borrow(gazetteer, known, &forms, &form_keys, &by_entity, normalizer);
            same_as = borrowed.iter().map(|b| (b.0, b.1)).collect();
            for (form, key, gate) in borrowed.into_iter().flat_map(|b| b.2) {
                let shadowed = lexicon.keys.get(&key).is_some_and(|k| {
                    lexicon.entries.list(k as usize).any(|en| {
                        let other = forms.form(en.form as usize);
                        other.entity == form.entity
                            || !matches!(other.kind, NameKind::Known | NameKind::KnownAcronym)
                    })
                });
                if shadowed {
                    continue;
                }
                let f = lexicon.add_form(&mut forms, &mut form_keys, form, key);
                known_forms.entry(forms.form(f).entity).or_insert(f..f).end = f + 1;
                if let Some(gate) = gate {
                    gates.insert(f as u32, gate);
                }
            }
        }
        let excluded = excluded(
            gazetteer, normalizer, known, &same_as, &by_entity, &form_keys,
        );
        // Derived names come after the listed ones and never shadow them.
        for (form, key) in derive(gazetteer, &forms, &form_keys, normalizer) {
            if !lexicon.keys.contains(&key) {
                lexicon.add_form(&mut forms, &mut form_keys, form, key);
            }
        }
        let composed = compose(
            gazetteer,
            &forms,
            &form_keys,
            |e| {
                let known = known_forms.get(&e).cloned().unwrap_or_default();
                by_entity[e as usize].clone().chain(known)
            },
            &lexicon.keys,
        );
        for (key, entry) in composed {
            lexicon.add(&key, entry, &forms);
        }
        let first_forms: Vec<u32> = by_entity.iter().map(|r| r.start as u32).collect();
        drop((by_entity, known_forms));
        let matched: HashSet<u32> = same_as.values().copied().collect();
        let others = other_names(known, &matched, &lexicon.keys);
        let elsewhere = places_elsewhere(known.is_some(), gazetteer, &forms, &lexicon);
        // Persons' names, already normalized: the gazetteer's own (with
        // those it borrows from known entities), then the known entities'.
        let descriptions = descriptions(gazetteer, normalizer, known, &same_as);
        let by_given_name =
            |e: u32| crate::coreference::named_by_given_name(description_words(&descriptions, e));
        let listed_persons: Vec<(u32, &str, bool)> = forms
            .iter()
            .zip(&form_keys)
            .filter(|(f, _)| {
                matches!(
                    f.kind,
                    NameKind::Canonical | NameKind::Alias | NameKind::Known
                )
            })
            .filter(|(f, _)| gazetteer.entity(f.entity).kind == EntityType::Person)
            .map(|(f, key)| (f.entity, key.as_str(), by_given_name(f.entity)))
            .collect();
        // Whether each known person is named by the given name, read once
        // per entity, not once per name.
        let known_by_given_name: Vec<bool> = (known.into_iter())
            .flat_map(|known| known.gazetteer().entities().iter())
            .map(|entity| {
                let description = entity.description.as_deref().unwrap_or_default();
                entity.kind == EntityType::Person
                    && crate::coreference::named_by_given_name(
                        normalizer.key(description).split(' '),
                    )
            })
            .collect();
        let known_persons: Vec<(u32, &str, bool)> = known
            .into_iter()
            .flat_map(|known| {
                let by_given_name = &known_by_given_name;
                known.keys().flat_map(move |(key, bearers)| {
                    bearers
                        .filter(|&b| known.entity(b).kind == EntityType::Person)
                        .map(move |b| (b, key, by_given_name[b as usize]))
                })
            })
            .collect();
        // The keys are final: made flat, and their table is built on one
        // core while the persons' indexes are on the other.
        let LexiconBuilder { keys, entries } = lexicon;
        let keys = keys.build();
        let (table, (other_surnames, middle_named, surnames)) = rayon::join(
            || KeyTable::new(keys),
            || {
                let other_surnames =
                    crate::coreference::surname_index(known_persons.iter().copied())
                        .into_iter()
                        .filter(|(_, persons)| persons.iter().any(|p| !matched.contains(p)))
                        .map(|(pattern, _)| pattern)
                        .collect();
                let middle_named = listed_persons
                    .iter()
                    .chain(&known_persons)
                    // Middle names, not an article (`Muammar al-Gaddafi`).
                    .filter(|(_, key, _)| {
                        key.split(' ').filter(|w| !skeleton::is_article(w)).count() >= 3
                    })
                    .filter_map(|(_, key, _)| outer_words(key))
                    .collect();
                let surnames = crate::coreference::surname_index(listed_persons.iter().copied());
                (other_surnames, middle_named, surnames.into())
            },
        );
        // Freed, or made flat, before the largest phase, the approximate
        // indexes: the persons' names and the forms' keys are no longer
        // needed, and the keys' entries are final.
        drop((listed_persons, known_persons));
        drop(form_keys);
        let entries: Lists<Entry> = entries.build();
        let keys = table.keys();
        // Keys that may be found by skeleton, edit distance or cognates: a
        // listed name (not an acronym) of an entity that allows it; cognates
        // only for the gazetteer's own names that are not persons'. Of the
        // known names, only
        // long ones in Latin letters of places and organizations: read
        // approximately, short names in a dozen languages and scripts find
        // words they are not (Greek `Υεμένη` would find `Khamenei`), while
        // a long old name or exonym is spelled by other conventions too
        // (`Dnepropetrovsk`, German `Dnjepropetrowsk`).
        let known_approximable = |form: Form, entity: &crate::Entity| {
            entity.kind != EntityType::Person
                && crate::candidates::is_latin_text(form.text)
                && form.text.chars().filter(|c| c.is_alphabetic()).count()
                    >= MIN_KNOWN_APPROXIMATE_LETTERS
        };
        // Cognates read the known names of organizations and events, but
        // not of places: those hold GeoNames' rarer forms (`Antis Ampempa`
        // for Addis Ababa), which share signatures with ordinary words
        // (`Internet important`).
        let approximable = |k: usize, cognates: bool| {
            entries[k].iter().any(|en| {
                let form = forms.form(en.form as usize);
                let entity = gazetteer.entity(form.entity);
                let known = form.kind == NameKind::Known;
                en.via.is_none()
                    && !form.kind.is_acronym()
                    // The table's spellings link as written: the listed
                    // name is read approximately.
                    && form.kind != NameKind::GivenName
                    // Nor is a place's first part, which the tiers reading
                    // approximately do not see go on (`Jammu und Kaschmir`).
                    && form.kind != NameKind::FirstPart
                    && (!known
                        || match cognates {
                            true => entity.kind != EntityType::Place,
                            false => known_approximable(form, entity),
                        })
                    && entity.fuzzy
                    && !(cognates && entity.kind == EntityType::Person)
            })
        };
        let approximate: Vec<u32> = (0..keys.len() as u32)
            .into_par_iter()
            .filter(|&k| {
                let key = &keys[k as usize];
                let letters = key.chars().filter(|c| c.is_alphabetic()).count();
                letters >= MIN_APPROXIMATE_LETTERS && approximable(k as usize, false)
            })
            .collect();
        // The fuzzy index is built while the keys' readings are computed:
        // each has parts that run on one core.
        let (fuzzy, (skeletons, loose, (cognates, cognate_words, cognate_parts), readings)) =
            rayon::join(
                || {
                    let names = approximate.iter().map(|&k| (k, &keys[k as usize]));
                    FuzzyIndex::new(names.filter(|(_, key)| fuzzy::eligible(key)))
                },
                || {
                    let mut skeletons = StrListsBuilder::default();
                    let mut cognates = StrListsBuilder::default();
                    let mut cognate_words = StrListsBuilder::default();
                    let mut cognate_parts: HashSet<String> = HashSet::default();
                    let mut loose = StrListsBuilder::default();
                    let mut readings = StringsBuilder::default();
                    // What each key is indexed under, computed on all cores,
                    // then gathered in key order; a chunk of keys at a time, so
                    // that the readings of every key are never held at once.
                    for chunk in approximate.chunks(LOOKUP_CHUNK) {
                        let lookups: Vec<Lookups> = chunk
                            .par_iter()
                            .map(|&k| {
                                let key = &keys[k as usize];
                                let all = skeleton::readings_to_store(key);
                                let mut stored = String::new();
                                for (i, reading) in all.iter().enumerate() {
                                    if i > 0 {
                                        stored.push(' ');
                                    }
                                    skeleton::store(reading, &mut stored);
                                }
                                let readings = all
                                    .into_iter()
                                    .filter(|r| r.strength() >= skeleton::MIN_STRENGTH)
                                    .map(|r| {
                                        (r.consonants(), r.for_unvocalized().then(|| r.loose()))
                                    })
                                    .collect();
                                let cognates = skeleton::cognate_signature(key, NOT_INITIALS)
                                    .filter(|_| approximable(k as usize, true));
                                let cognate_words = (cognates.as_deref())
                                    .filter(|signature| !skeleton::is_translated(signature))
                                    .map(|signature| cognate_word_lookups(key, signature))
                                    .unwrap_or_default();
                                Lookups {
                                    readings,
                                    stored,
                                    cognates,
                                    cognate_words,
                                }
                            })
                            .collect();
                        for (&k, found) in chunk.iter().zip(lookups) {
                            while readings.len() < k as usize {
                                readings.push("");
                            }
                            readings.push(&found.stored);
                            for (consonants, loose_consonants) in found.readings {
                                let lookups = [
                                    (&mut skeletons, Some(consonants)),
                                    (&mut loose, loose_consonants),
                                ];
                                for (index, lookup) in lookups
                                    .into_iter()
                                    .filter_map(|(index, lookup)| Some((index, lookup?)))
                                {
                                    index.push(&lookup, k);
                                }
                            }
                            if let Some(signature) = found.cognates {
                                for part in signature.split(' ') {
                                    if !cognate_parts.contains(part) {
                                        cognate_parts.insert(part.to_string());
                                    }
                                }
                                if skeleton::is_translated(&signature) {
                                    cognates.push(&signature, k);
                                }
                            }
                            for lookup in found.cognate_words {
                                cognate_words.push(&lookup, k);
                            }
                        }
                    }
                    while readings.len() < keys.len() {
                        readings.push("");
                    }
                    (
                        skeletons.build(),
                        loose.build(),
                        (cognates.build(), cognate_words.build(), cognate_parts),
                        readings.build(),
                    )
                },
            );
        let acronym_letters = acronym_letters(&forms);
        let frames = Frames::new(|| skeletons.keys());
        let forms = forms.build();
        let cognate_parts = StrTable::new(cognate_parts);
        Lexicon {
            gates,
            readings,
            labels: skeleton::labels().iter().map(|l| l.to_string()).collect(),
            persons: SurnameMemo::default(),
            cognates,
            cognate_words,
            cognate_parts,
            loose,
            acronym_letters: acronym_letters.into(),
            forms,
            entries,
            table,
            others,
            elsewhere,
            other_surnames,
            middle_named,
            fuzzy,
            skeletons,
            frames,
            surnames,
            first_forms,
            excluded,
            context: keys_of(gazetteer, normalizer, |e| &e.context),
            descriptions,
        }
    }

    /// Form `f`.
    ///
    /// # Panics
    ///
    /// If there are not more than `f` forms, as a slice's index does
    /// (every form an entry names is one: checked when read).
    pub(crate) fn form(&self, f: u32) -> Form<'_> {
        self.forms
            .get(f as usize)
            .expect("a form at every index below len(), checked when read")
    }

    /// The languages in whose text alone form `f` links, if it is gated
    /// ([`language::gates`]).
    pub(crate) fn gate(&self, f: u32) -> Option<Languages> {
        self.gates.get(&f).copied()
    }

    /// The normalized key `k`.
    pub(crate) fn key(&self, k: u32) -> &str {
        &self.table.keys()[k as usize]
    }

    /// The key `text` is, if any.
    pub(crate) fn lookup(&self, text: &str) -> Option<u32> {
        self.table.get(text)
    }

    /// Whether `text` may grow by tokens into a key ([`KeyTable::is_prefix`]).
    pub(crate) fn is_key_prefix(&self, text: &str) -> bool {
        self.table.is_prefix(text)
    }

    /// How key `k` leads to entities.
    pub(crate) fn entries(&self, k: u32) -> &[Entry] {
        &self.entries[k as usize]
    }

    /// Every occurrence of every key in normalized text on token
    /// boundaries, overlapping ones included (see STYLE.md §2 item 6: the
    /// longest hit must win, so shorter ones are needed too).
    pub(crate) fn find(&self, norm: &str, tokens: &Tokens) -> Vec<(usize, usize, u32)> {
        self.table.find(norm, tokens)
    }

    /// The spans of normalized text that are names of entities that canon
    /// knows and the gazetteer does not list.
    pub(crate) fn other_names(&self, norm: &str, tokens: &Tokens) -> Vec<crate::Span> {
        spans(&self.others, norm, tokens)
    }

    /// Which spans of normalized text lie in the own name of a place of the
    /// world that none of the gazetteer's is ([`crate::places`]).
    pub(crate) fn places_elsewhere<'a>(
        &'a self,
        norm: &'a str,
        tokens: &'a Tokens,
    ) -> Covering<'a> {
        self.elsewhere.covering(norm, tokens)
    }

    /// Persons whose surname is normalized `word`, in any of its readings.
    pub(crate) fn persons_named(&self, word: &str) -> Vec<u32> {
        let named = || {
            let mut persons: Vec<u32> = Vec::new();
            for reading in skeleton::readings(word) {
                for &e in self.surnames.get(&reading.pattern) {
                    if !persons.contains(&e) {
                        persons.push(e);
                    }
                }
            }
            persons
        };
        self.persons.get_or(word, named).to_vec()
    }

    /// Whether person `e` bears normalized `word` as a surname in a reading
    /// that does not take a Latin g for an h: `Goethe` is no `Houthi`.
    pub(crate) fn bears_surname_surely(&self, e: u32, word: &str) -> bool {
        skeleton::readings(word)
            .iter()
            .filter(|r| !r.reads_g_as_h())
            .any(|r| self.surnames.get(&r.pattern).contains(&e))
    }

    /// Whether person `e` has normalized `word` as the surname of one of its
    /// names, spelled so.
    pub(crate) fn has_surname(&self, e: u32, word: &str) -> bool {
        let spelled = format!("{}{word}", crate::coreference::AS_LISTED);
        self.surnames.get(&spelled).contains(&e)
    }

    /// Whether the gazetteer lists so many surnames that any name-like word
    /// is likely to read as one of them: then a surname alone in a spelling
    /// the gazetteer does not list is as likely someone else's.
    pub(crate) fn crowded_surnames(&self) -> bool {
        self.surnames.len() > MAX_SURNAME_KEYS_RESPELLED
    }

    /// Whether normalized `word` is, in one of its readings, the surname of
    /// a person canon knows that the gazetteer does not list.
    pub(crate) fn is_other_surname(&self, word: &str) -> bool {
        !self.other_surnames.is_empty()
            && skeleton::readings(word)
                .iter()
                .any(|r| self.other_surnames.contains(&r.pattern))
    }

    /// Whether a full name of the first and last words of normalized
    /// `name` may be written with middle names: no person listed or known
    /// has a name with those first and last words and others between.
    pub(crate) fn middle_names_optional(&self, name: &str) -> bool {
        outer_words(name).is_some_and(|outer| !self.middle_named.contains(&outer))
    }

    /// Whether the gazetteer's `not` excludes normalized `spelling` for
    /// entity `e`.
    pub(crate) fn excludes(&self, e: u32, spelling: &str) -> bool {
        self.excluded[e as usize].iter().any(|s| s == spelling)
    }

    /// Acronym forms written with the same capitals as `word`, in any
    /// order (`OTAN` for `NATO`).
    pub(crate) fn acronyms_of_letters(&self, word: &str) -> &[u32] {
        self.acronym_letters.get(&sorted_letters(word))
    }

    /// The words of entity `e`'s description, normalized.
    pub(crate) fn description_words(&self, e: u32) -> impl Iterator<Item = &str> + Clone {
        description_words(&self.descriptions, e)
    }

    /// Entity `e`'s `context` words, normalized.
    pub(crate) fn context(&self, e: u32) -> &[String] {
        &self.context[e as usize]
    }

    /// The form of entity `e`'s canonical name.
    pub(crate) fn first_form(&self, e: u32) -> u32 {
        self.first_forms[e as usize]
    }

    /// Multi-word names with this cognate signature
    /// ([`skeleton::cognate_signature`]), which has a meaning
    /// ([`skeleton::is_translated`]).
    pub(crate) fn by_cognates(&self, signature: &str) -> &[u32] {
        self.cognates.get(signature)
    }

    /// Multi-word names with a word looked up by `lookup`
    /// ([`skeleton::write_cognate_word`]).
    pub(crate) fn by_cognate_word(&self, lookup: &str) -> &[u32] {
        self.cognate_words.get(lookup)
    }

    /// Whether `part` is a part of a cognate signature
    /// ([`skeleton::cognate_parts`]) of a name.
    pub(crate) fn is_cognate_part(&self, part: &str) -> bool {
        self.cognate_parts.contains(part)
    }

    /// Keys with a reading whose loose consonants are `loose`.
    pub(crate) fn by_loose(&self, loose: &str) -> &[u32] {
        self.loose.get(loose)
    }

    /// Whether every name key `k` stands for is written in a script without
    /// short vowels (Arabic, Hebrew).
    pub(crate) fn written_in_abjad(&self, k: u32) -> bool {
        self.entries(k).iter().all(|e| {
            let text = &self.form(e.form).text;
            text.chars().any(crate::candidates::is_abjad)
        })
    }

    /// The readings of key `k` ([`skeleton::readings`]) as stored when the
    /// lexicon was built ([`skeleton::store`]), in their order: a key found
    /// by skeleton is compared by pattern, and read whole only for a score
    /// that may be kept.
    pub(crate) fn key_readings(&self, k: u32) -> impl Iterator<Item = &str> {
        self.readings.get(k as usize).unwrap_or_default().split(' ')
    }

    /// Keys with a reading whose consonant skeleton is `consonants`.
    pub(crate) fn by_skeleton(&self, consonants: &str) -> &[u32] {
        self.skeletons.get(consonants)
    }

    /// Whether some key's skeleton may start with the consonant classes
    /// `start` and end with `end`, apart ([`Frames`]: never no for one that
    /// does).
    pub(crate) fn may_frame_a_skeleton(&self, start: &str, end: &str) -> bool {
        self.frames.may_frame(start, end)
    }

    /// Keys similar to normalized `query`, with their similarity; the close
    /// words of its words remembered in `memo`.
    pub(crate) fn fuzzy(&self, query: &str, memo: &Memo) -> Vec<(u32, f64)> {
        let edits = fuzzy::most_edits(query);
        if edits == 0 {
            return Vec::new();
        }
        let close = |word: &str| match edits < fuzzy::allowed_edits(word.chars().count()) {
            // A single word's, within fewer edits than its length allows:
            // not what the words of longer spans need.
            true => Arc::new(self.fuzzy.close(word, edits)),
            false => memo.close_words(word, || self.fuzzy.close(word, edits)),
        };
        self.fuzzy
            .candidates(query, close)
            .into_iter()
            .filter_map(|k| fuzzy::similarity(query, self.key(k)).map(|sim| (k, sim)))
            .collect()
    }

    /// Checks that every identifier the lexicon holds is in range for a
    /// gazetteer of `entities` entities: what a lexicon read from an index
    /// must satisfy before it is used.
    pub(crate) fn validate(&self, entities: usize) -> Result<(), &'static str> {
        let (forms, keys) = (self.forms.len(), self.table.len());
        let below = |ids: &[u32], n: usize| ids.iter().all(|&id| (id as usize) < n);
        let per_entity = [
            self.excluded.len(),
            self.context.len(),
            self.descriptions.len(),
        ];
        let checks = [
            (self.forms.is_consistent(entities), "forms"),
            (self.entries.len() == keys, "entries"),
            (self.readings.len() == keys, "readings"),
            (
                self.labels
                    .iter()
                    .map(String::as_str)
                    .eq(skeleton::labels().iter().copied()),
                "reading rules",
            ),
            (
                self.entries.values().iter().all(|e| {
                    (e.form as usize) < forms && e.via.is_none_or(|v| (v as usize) < forms)
                }),
                "entries",
            ),
            (self.fuzzy.is_consistent(keys), "fuzzy index"),
            (below(self.skeletons.values(), keys), "skeletons"),
            (below(self.loose.values(), keys), "loose skeletons"),
            (below(self.cognates.values(), keys), "cognates"),
            (below(self.cognate_words.values(), keys), "cognate words"),
            (below(self.surnames.values(), entities), "surnames"),
            (below(self.acronym_letters.values(), forms), "acronyms"),
            (
                self.first_forms.len() == entities && below(&self.first_forms, forms),
                "forms",
            ),
            (per_entity.iter().all(|&n| n == entities), "entities"),
        ];
        match checks.iter().find(|(ok, _)| !ok) {
            Some((_, what)) => Err(what),
            None => Ok(()),
        }
    }
}

/// Most surname keys (readings and spellings) a gazetteer may hold for a
/// surname alone to link in a spelling it does not list: about 5,000
/// persons.
const MAX_SURNAME_KEYS_RESPELLED: usize = 10_000;

/// Lower-case words that start a family name (`Khalid bin Salman`, `von
/// der Leyen`), normalized. Not `del`, which also starts an epithet's tail
/// (`León del Panjshir`).
pub(crate) const FAMILY_PARTICLES: &[&str] = &["bin", "ibn", "ben", "bint", "ould", "von", "van"];

/// How many keys' readings are computed at once while the approximate
/// indexes are built.
const LOOKUP_CHUNK: usize = 1 << 16;

/// What one key is indexed under for the approximate passes.
struct Lookups {
    /// The consonant skeleton and loose consonants of each strong reading.
    readings: Vec<(String, Option<String>)>,
    /// Its readings as stored ([`skeleton::store`]), separated by spaces.
    stored: String,
    /// Its cognate signature, for names that are not persons'.
    cognates: Option<String>,
    /// What its words are looked up by if that signature has no meaning
    /// ([`cognate_word_lookups`]).
    cognate_words: Vec<String>,
}

/// What the words of normalized `key`, whose cognate signature
/// `signature` has no meaning, are looked up by
/// ([`skeleton::write_cognate_word`]): those of its words that start a
/// name and have parts.
fn cognate_word_lookups(key: &str, signature: &str) -> Vec<String> {
    (key.split(' '))
        .filter(|word| !is_not_initial(word))
        .filter_map(|word| {
            let start = skeleton::cognate_start(word)?;
            let parts = skeleton::cognate_parts(word)?;
            let mut lookup = String::new();
            skeleton::write_cognate_word(signature, start, &parts, &mut lookup);
            Some(lookup)
        })
        .collect()
}

/// Keys and their entries while the lexicon is being built: millions of
/// each, in a few large arrays (a string and a vector each would be
/// millions of allocations, left behind on the building thread when
/// freed).
#[derive(Default)]
struct LexiconBuilder {
    keys: StrTableBuilder,
    /// The entries of each key.
    entries: ListsBuilder<Entry>,
}

impl LexiconBuilder {
    /// Appends a name that is not listed (`form`, normalized `key`) and
    /// adds it under its key; returns its index.
    fn add_form(
        &mut self,
        forms: &mut FormsBuilder,
        form_keys: &mut Vec<String>,
        form: OwnedForm,
        key: String,
    ) -> usize {
        let f = forms.push(form.entity, form.kind, &form.text);
        self.add(
            &key,
            Entry {
                form: f as u32,
                via: None,
            },
            forms,
        );
        form_keys.push(key);
        f
    }

    /// Adds `entry` under `key`; a composed entry is added once per entity
    /// and key, however many ways compose it.
    fn add(&mut self, key: &str, entry: Entry, forms: &FormsBuilder) {
        if key.is_empty() {
            return;
        }
        let k = self.keys.add(key) as usize;
        let entity = forms.form(entry.form as usize).entity;
        let repeated = entry.via.is_some()
            && (self.entries.list(k))
                .any(|e| e.via.is_some() && forms.form(e.form as usize).entity == entity);
        if !repeated {
            self.entries.push(k, entry);
        }
    }
}

/// The consonant skeletons of the first and last words of a normalized
/// name of two words or more.
fn outer_words(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split(' ').collect();
    let consonants = |w: &str| {
        skeleton::readings(w)
            .first()
            .map(skeleton::Reading::consonants)
    };
    match words[..] {
        [first, .., last] if words.len() >= 2 => Some((consonants(first)?, consonants(last)?)),
        _ => None,
    }
}

/// The letters of a word in alphabetical order.
fn sorted_letters(word: &str) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    letters.sort_unstable();
    letters.into_iter().collect()
}

/// Acronym forms of three capitals or more, by sorted letters.
fn acronym_letters(forms: &FormsBuilder) -> HashMap<String, Vec<u32>> {
    let mut index: HashMap<String, Vec<u32>> = HashMap::default();
    for (f, form) in forms.iter().enumerate() {
        let capitals = form.text.chars().all(|c| c.is_ascii_uppercase());
        if form.kind.is_acronym() && capitals && form.text.len() >= 3 {
            index
                .entry(sorted_letters(form.text))
                .or_default()
                .push(f as u32);
        }
    }
    index
}

/// The normalized keys of a list of strings of every entity.
fn keys_of(
    gazetteer: &Gazetteer,
    normalizer: &Normalizer,
    list: impl Fn(&crate::Entity) -> &[String] + Sync,
) -> Lists<String> {
    // End to end as they come: a list per entity, most of them empty,
    // would be a million vectors.
    let entities = gazetteer.entities();
    let keys: Vec<String> = (entities.par_iter())
        .flat_map_iter(|e| list(e).iter().map(|s| normalizer.key(s)))
        .collect();
    Lists::of_lengths(entities.iter().map(|e| list(e).len()), keys)
}

/// Each entity's `not` spellings, normalized, and those of the known
/// entity it is (`same_as`) but its own listed names (`form_keys` of its
/// `listed` forms): the default gazetteer knows that `FDS` in Sahel news is
/// not the Syrian Democratic Forces, whose French name (and its initials)
/// an entity listed as `Syrian Democratic Forces` borrows.
fn excluded(
    gazetteer: &Gazetteer,
    normalizer: &Normalizer,
    known: Option<&KnownNames>,
    same_as: &HashMap<u32, u32>,
    listed: &[std::ops::Range<usize>],
    form_keys: &[String],
) -> Lists<String> {
    let own = keys_of(gazetteer, normalizer, |e| &e.not);
    let Some(known) = known.filter(|_| !same_as.is_empty()) else {
        return own;
    };
    let mut lengths = Vec::with_capacity(gazetteer.len());
    let mut keys = Vec::new();
    for e in 0..gazetteer.len() {
        let start = keys.len();
        keys.extend(own[e].iter().cloned());
        let borrowed = same_as.get(&(e as u32)).map(|&k| &known.entity(k).not[..]);
        for spelling in borrowed.unwrap_or_default() {
            let key = normalizer.key(spelling);
            if !form_keys[listed[e].clone()].contains(&key) && !keys[start..].contains(&key) {
                keys.push(key);
            }
        }
        lengths.push(keys.len() - start);
    }
    Lists::of_lengths(lengths, keys)
}

/// The words of entity `e`'s description in `descriptions`.
fn description_words(descriptions: &Strings, e: u32) -> impl Iterator<Item = &str> + Clone {
    descriptions[e as usize].split(|c: char| !c.is_alphanumeric())
}

/// Each entity's description, normalized; an entity without one takes the
/// known one's (`same_as`): the titles and kinship words it holds pick
/// among namesakes.
fn descriptions(
    gazetteer: &Gazetteer,
    normalizer: &Normalizer,
    known: Option<&KnownNames>,
    same_as: &HashMap<u32, u32>,
) -> Strings {
    // Only those there are, by entity: most entities have none.
    let described: Vec<(usize, String)> = (gazetteer.entities().par_iter().enumerate())
        .filter_map(|(e, entity)| {
            let known_entity = known
                .zip(same_as.get(&(e as u32)))
                .map(|(k, &s)| k.entity(s));
            let description = entity
                .description
                .as_deref()
                .or_else(|| known_entity.and_then(|k| k.description.as_deref()))?;
            Some((e, normalizer.key(description)))
        })
        .collect();
    let mut described = described.into_iter().peekable();
    let mut strings = StringsBuilder::default();
    for e in 0..gazetteer.len() {
        match described.next_if(|(d, _)| *d == e) {
            Some((_, description)) => strings.push(&description),
            None => strings.push(""),
        };
    }
    strings.build()
}

/// Most letters of a word of [`NOT_INITIALS`]: a longer word is none.
pub(crate) const MAX_PARTICLE_LETTERS: usize = 5;

/// Lower-case words that do not count in an organization's initials, nor
/// in the words of a translated name: articles, prepositions and
/// conjunctions of English, French, German, Spanish, Italian and Portuguese
/// (elided French `l'`, `d'` among them; German `vom`, `zur`), and those of
/// a town on its river (`Rostov-on-Don`, `Rostov-sur-le-Don`, `Rostow am
/// Don`, Russian `Ростов-на-Дону`, `na`).
pub(crate) const NOT_INITIALS: &[&str] = &[
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "les", "et", "der", "die", "das",
    "und", "y", "del", "los", "las", "el", "l", "d", "pour", "fur", "para", "di", "della", "delle",
    "dei", "degli", "per", "do", "da", "dos", "on", "sur", "am", "na", "von", "vom", "zum", "zur",
    "im", "den", "dem",
];

/// Whether `word` is one of [`NOT_INITIALS`]. Asked of every short word of
/// a text: each word is packed into an integer with its length, so the
/// list is scanned by comparing integers, not strings.
pub(crate) fn is_not_initial(word: &str) -> bool {
    word.len() <= MAX_PARTICLE_LETTERS && PACKED_NOT_INITIALS.contains(&packed(word.as_bytes()))
}

/// The bytes of a word of at most [`MAX_PARTICLE_LETTERS`], and its
/// length, in one integer ([`is_not_initial`]).
const fn packed(word: &[u8]) -> u64 {
    let mut out = word.len() as u64;
    let mut i = 0;
    while i < word.len() {
        out |= (word[i] as u64) << (8 * (i + 1));
        i += 1;
    }
    out
}

/// [`NOT_INITIALS`], each word [`packed`].
const PACKED_NOT_INITIALS: [u64; NOT_INITIALS.len()] = {
    let mut out = [0; NOT_INITIALS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = packed(NOT_INITIALS[i].as_bytes());
        i += 1;
    }
    out
};

/// Names that organizations and other entities are called by though the
/// gazetteer does not list them: their initials, and their name without a
/// trailing `of` + place of the gazetteer (a short name is taken only where
/// the qualifier is a known place, so `Democratic Republic` alone never
/// becomes a name).
/// An entity, the known one it is, and the names it takes from it.
type Borrowed = (u32, u32, Vec<(OwnedForm, String, Option<Languages>)>);

/// Each entity that is a known one, in entity order, with the known one's
/// index and the known names it takes (their forms and keys): every name of
/// the known entity, unless it has `fuzzy = false` ([`KnownNames`]).
fn borrow(
    gazetteer: &Gazetteer,
    known: &KnownNames,
    forms: &FormsBuilder,
    form_keys: &[String],
    by_entity: &[std::ops::Range<usize>],
    normalizer: &Normalizer,
) -> Vec<Borrowed> {
    (0..gazetteer.len())
        .into_par_iter()
        .filter_map(|e| {
            let entity = &gazetteer.entities()[e];
            let keys = by_entity[e]
                .clone()
                .filter(|&f| !forms.form(f).kind.is_acronym())
                .map(|f| form_keys[f].as_str());
            let same = known.same_as(entity, keys)?;
            let known_entity = known.entity(same);
            let keys: Vec<String> = known::borrowed(known_entity)
                .filter(|_| entity.fuzzy)
                .map(|(_, _, text)| normalizer.key(text))
                .collect();
            let tagged: Vec<(Option<&str>, &str)> = known::borrowed(known_entity)
                .zip(&keys)
                .map(|((_, tag, _), key)| (tag, key.as_str()))
                .collect();
            let gates = match keys.first() {
                Some(canonical) => language::gates(&tagged, canonical),
                None => Vec::new(),
            };
            let mut names: Vec<(OwnedForm, String, Option<Languages>)> =
                known::borrowed(known_entity)
                    .zip(keys)
                    .zip(gates)
                    .map(|(((kind, _, text), key), gate)| {
                        let form = OwnedForm {
                            entity: e as u32,
                            kind,
                            text: text.into(),
                        };
                        (form, key, gate)
                    })
                    .collect();
            // Names in Latin letters first: of the names sharing a key, the
            // first is the one kept, and a name in another script links only
            // text in that script (`Pékin` and Ukrainian `Пекін` are both
            // `pekin`; `Пекін` first left `Pékin` unlinked).
            names.sort_by_key(|(form, ..)| !crate::candidates::is_latin_text(&form.text));
            Some((e as u32, same, names))
        })
        .collect()
}

/// The table of the names of the known entities that are none of the
/// gazetteer's (not `matched`), unless the gazetteer has the name too: a
/// mention inside one is part of another entity's name, and an approximate
/// mention of one is that other entity.
fn other_names(
    known: Option<&KnownNames>,
    matched: &HashSet<u32>,
    index: &StrTableBuilder,
) -> KeyTable {
    let others = known
        .into_iter()
        .flat_map(KnownNames::keys)
        .filter_map(|(key, mut bearers)| {
            (!index.contains(key) && bearers.any(|b| !matched.contains(&b))).then_some(key)
        });
    KeyTable::new(others.collect())
}

/// The table of the own names of the world's places that are none of the
/// gazetteer's places ([`crate::places::elsewhere`]), when canon reads its
/// known names (`known`).
fn places_elsewhere(
    known: bool,
    gazetteer: &Gazetteer,
    forms: &FormsBuilder,
    lexicon: &LexiconBuilder,
) -> KeyTable {
    if !known {
        return KeyTable::new(Default::default());
    }
    let places = |key: &str| -> Vec<u32> {
        let Some(k) = lexicon.keys.get(key) else {
            return Vec::new();
        };
        // Names in other scripts read into Latin letters are no spelling of
        // Latin text (Persian `خوست`, Khost, reads `khust`).
        let latin = (lexicon.entries.list(k as usize))
            .map(|en| forms.form(en.form as usize))
            .filter(|f| crate::candidates::is_latin_text(f.text));
        latin
            .map(|f| f.entity)
            .filter(|&e| gazetteer.traits(e).kind == EntityType::Place)
            .collect()
    };
    KeyTable::new(crate::places::elsewhere(places).collect())
}

/// The spans of normalized text that are keys of `table`.
fn spans(table: &KeyTable, norm: &str, tokens: &Tokens) -> Vec<crate::Span> {
    let hits = table.find(norm, tokens);
    hits.into_iter()
        .map(|(start, end, _)| crate::Span::new(start, end))
        .collect()
}

fn derive(
    gazetteer: &Gazetteer,
    forms: &FormsBuilder,
    form_keys: &[String],
    normalizer: &Normalizer,
) -> Vec<(OwnedForm, String)> {
    let places: HashSet<&str> = forms
        .iter()
        .zip(form_keys)
        .filter(|(f, _)| gazetteer.traits(f.entity).kind == EntityType::Place)
        .map(|(_, k)| k.as_str())
        .collect();
    let organizations: HashSet<&str> = forms
        .iter()
        .zip(form_keys)
        .filter(|(f, _)| gazetteer.traits(f.entity).kind == EntityType::Organization)
        .map(|(_, k)| k.as_str())
        .collect();
    // Every key, gathered the first time a city's name with its tail asks.
    let all_keys: std::cell::OnceCell<HashSet<&str>> = std::cell::OnceCell::new();
    let persons_words: HashSet<&str> = forms
        .iter()
        .zip(form_keys)
        .filter(|(f, _)| gazetteer.traits(f.entity).kind == EntityType::Person)
        .flat_map(|(_, k)| k.split(' '))
        .collect();
    let mut out = Vec::new();
    for (form, key) in (forms.iter().zip(form_keys))
        .filter(|(f, _)| matches!(f.kind, NameKind::Canonical | NameKind::Alias))
    {
        let entity = gazetteer.entity(form.entity);
        let derived = |kind, text: String| {
            let key = normalizer.key(&text);
            (
                OwnedForm {
                    entity: form.entity,
                    kind,
                    text,
                },
                key,
            )
        };
        if gazetteer.traits(form.entity).personal_name && !form.text.trim().contains(' ') {
            let key = normalizer.key(form.text);
            let others = skeleton::given_name_spellings(&key).iter();
            for spelling in others.filter(|&&s| s != key) {
                let mut letters = spelling.chars();
                let capitalized = letters.next().map(|c| c.to_uppercase().chain(letters));
                out.push(derived(
                    NameKind::GivenName,
                    capitalized.into_iter().flatten().collect(),
                ));
            }
        }
        if entity.kind == EntityType::Person {
            // The press drops the first of three given names or more, and
            // says `bin Laden`, `von der Leyen` (in cased scripts, where a
            // capital marks the name's first word).
            // Not epithets: what is left starts with a capital or a family
            // particle (`León del Panjshir` does not give `del Panjshir`).
            let words: Vec<&str> = form.text.split(' ').filter(|w| !w.is_empty()).collect();
            let name_start = |w: &str| {
                w.chars().next().is_some_and(char::is_uppercase) || FAMILY_PARTICLES.contains(&w)
            };
            let family_first =
                || crate::family_first::family_name_first(&normalizer.key(form.text));
            if words.len() >= 3 && name_start(words[0]) && name_start(words[1]) && !family_first() {
                out.push(derived(NameKind::LastNames, words[1..].join(" ")));
            }
            continue;
        }
        if !form.text.is_ascii() {
            continue;
        }
        let words: Vec<&str> = form
            .text
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .collect();
        if entity.kind == EntityType::Organization {
            let significant: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| !is_not_initial(w))
                .collect();
            let capitalized = significant
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if significant.len() >= 3 && capitalized {
                let initials: String = significant
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .collect();
                if !entity.acronyms.contains(&initials) {
                    out.push(derived(NameKind::Initials, initials));
                }
            }
            // A movement named by its members in the plural is also named
            // in the singular, as an adjective (`Houthis`: `Houthi
            // rebels`; `Alawites`, `Salafists`), unless that is an
            // ordinary word. Only those plurals: `Hamas` is no plural of
            // the city of `Hama`.
            let singular = match words[..] {
                [word] if word.len() >= MIN_SINGULAR_LETTERS => word
                    .strip_suffix('s')
                    .filter(|stem| ["i", "ite", "ist"].iter().any(|e| stem.ends_with(e)))
                    .filter(|stem| !crate::guard::is_common_word(&normalizer.key(stem))),
                _ => None,
            };
            out.extend(singular.map(|stem| derived(NameKind::ShortName, stem.to_string())));
            // A group named by one word of its own and a generic head
            // (`Polisario Front`, `Wagner Group`, `Haqqani Network`) is
            // also named by that word alone, unless it is an ordinary
            // word, a given name or another name, a person's among them
            // (`Labour Party`, `Amal Movement`, `Sinaloa Group`, the
            // `Haqqani Network` of Sirajuddin Haqqani).
            if let [word, head] = words[..] {
                let word_key = normalizer.key(word);
                let own = word.len() >= MIN_SINGULAR_LETTERS
                    && capitalized
                    && NAMED_BY_ITS_WORD.contains(&head)
                    && !crate::guard::is_common_word(&word_key)
                    && !skeleton::is_given_name(&word_key)
                    && !places.contains(word_key.as_str())
                    && !organizations.contains(word_key.as_str())
                    && !persons_words.contains(word_key.as_str());
                if own {
                    out.push(derived(NameKind::ShortName, word.to_string()));
                }
            }
            // A group whose name starts with a Spanish, French or English
            // article is named by the press in its own language's (`Los
            // Chapitos`: `the Chapitos`, `les Chapitos`, `die Chapitos`),
            // unless the rest is an ordinary word (`The Guardian`).
            if let [article, rest @ ..] = &words[..] {
                let rest_text = form.text[article.len()..].trim_start();
                let named = || {
                    (normalizer.key(rest_text).split(' ')).any(|w| !crate::guard::is_common_word(w))
                };
                if LEADING_ARTICLES.contains(article) && !rest.is_empty() && capitalized && named()
                {
                    out.push(derived(NameKind::ShortName, rest_text.to_string()));
                }
            }
            // A name that starts with another organization's acronym is
            // also named without it (`OSCE Minsk Group`: `the Minsk
            // Group`), when what is left is a name of two capitalized
            // words or more; of ordinary words only, where the text names
            // the organization or that acronym's before (`UN Security
            // Council` is not every `Security Council`).
            if let [first, rest @ ..] = &words[..] {
                let acronym = first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase());
                let rest_significant = rest.iter().filter(|w| !is_not_initial(w)).count();
                let rest_text = form.text[first.len()..].trim_start_matches([' ', '-']);
                let named = || {
                    (normalizer.key(rest_text).split(' ')).any(|w| !crate::guard::is_common_word(w))
                };
                if acronym && rest_significant >= 2 && capitalized {
                    let kind = match named() {
                        true => NameKind::ShortName,
                        false => NameKind::WithoutOwner,
                    };
                    out.push(derived(kind, rest_text.to_string()));
                }
            }
            // So is one that starts with another organization's name
            // (`United Nations Security Council`).
            // Read on its key, whose words are the name's.
            let key_words = key.split(' ').count();
            let owner = (key.match_indices(' ').map(|(at, _)| at))
                .position(|at| organizations.contains(&key[..at]));
            if let Some(owner_words) = owner.filter(|_| capitalized && key_words == words.len()) {
                let rest = &words[owner_words + 1..];
                if rest.iter().filter(|w| !is_not_initial(w)).count() >= 2 {
                    out.push(derived(NameKind::WithoutOwner, rest.join(" ")));
                }
            }
        }
        // A place's name with a generic tail is also named without it
        // (`Donetsk Oblast`, `Borno State`, `Bagram Air Base`): the press
        // writes `Donetsk`, `Borno`, `the Bagram base`.
        if entity.kind == EntityType::Place {
            let lower = form.text.to_ascii_lowercase();
            let tail = PLACE_TAILS.iter().find(|tail| lower.ends_with(*tail));
            let head = tail.map(|tail| form.text[..form.text.len() - tail.len()].trim());
            // Not a head of ordinary words (`Free State`, `Far North
            // Region`): in small letters, they are a sentence's words.
            let named = |head: &&str| {
                (normalizer.key(head).split(' ')).any(|w| !crate::guard::is_common_word(w))
            };
            // Islands and peninsulas are named after an adjective too
            // (`Korean Peninsula`, `Crimean Peninsula`), which is no name.
            let land = tail.is_some_and(|tail| LAND_TAILS.contains(tail));
            let adjective = |head: &&str| {
                let key = normalizer.key(head);
                key.contains(' ') || ADJECTIVE_ENDINGS.iter().any(|e| key.ends_with(e))
            };
            let head = head.filter(|head| !(land && adjective(head)));
            // A city's head is often another place's name, or a person's
            // (`Mexico City`, `Kuwait City`, `Ho Chi Minh City`): the city
            // is then named whole.
            let city = tail == Some(&" city");
            let head = head.filter(|head| {
                let keys =
                    || all_keys.get_or_init(|| form_keys.iter().map(String::as_str).collect());
                !city || !keys().contains(normalizer.key(head).as_str())
            });
            if let Some(head) = head.filter(|head| !head.is_empty()).filter(named) {
                out.push(derived(NameKind::ShortName, head.to_string()));
            }
        }
        if let Some(at) = form.text.find(" of ") {
            let (head, place) = (&form.text[..at], &form.text[at + 4..]);
            let head_words: Vec<&str> = head.split(' ').collect();
            let named = head_words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if head_words.len() >= 2 && named && places.contains(normalizer.key(place).as_str()) {
                out.push(derived(NameKind::ShortName, head.to_string()));
            }
        }
    }
    out.extend(first_parts(gazetteer, forms, normalizer));
    out.extend(with_the_un_acronym(gazetteer, forms, normalizer));
    out
}

/// Generic heads of the names of groups that the press drops, naming the
/// group by its own word ([`derive`]: `Polisario Front`, `Polisario`).
const NAMED_BY_ITS_WORD: &[&str] = &["Front", "Group", "Network", "Movement", "Party"];

/// Whether `form` is a name the gazetteer lists or the known names give,
/// none derived from one.
fn listed_or_known(form: &Form) -> bool {
    matches!(
        form.kind,
        NameKind::Canonical | NameKind::Alias | NameKind::Known
    )
}

/// The United Nations named in full inside bodies' names, and as the
/// press of each language shortens it (`Haut Commissariat des Nations
/// unies pour les réfugiés`: `Haut Commissariat de l'ONU pour les
/// réfugiés`; `Consejo de Seguridad de las Naciones Unidas`: `Consejo de
/// Seguridad de la ONU`).
const UN_IN_FULL: &[(&str, &str)] = &[
    ("United Nations ", "UN "),
    (" of the United Nations", " of the UN"),
    (" des Nations unies", " de l'ONU"),
    (" des Nations Unies", " de l'ONU"),
    (" de las Naciones Unidas", " de la ONU"),
    (" der Vereinten Nationen", " der UNO"),
];

/// The names, listed or known, of organizations that hold the United
/// Nations' name in full, with its acronym instead ([`UN_IN_FULL`]).
fn with_the_un_acronym(
    gazetteer: &Gazetteer,
    forms: &FormsBuilder,
    normalizer: &Normalizer,
) -> Vec<(OwnedForm, String)> {
    let named = |f: &Form| {
        listed_or_known(f) && gazetteer.traits(f.entity).kind == EntityType::Organization
    };
    let mut out = Vec::new();
    for form in forms.iter().filter(named) {
        for (full, short) in UN_IN_FULL {
            // Not the United Nations' own name (`United Nations`).
            if form.text.len() > full.len() && form.text.contains(full) {
                let text = form.text.replacen(full, short, 1);
                let (entity, kind) = (form.entity, NameKind::ShortName);
                let key = normalizer.key(&text);
                out.push((OwnedForm { entity, kind, text }, key));
            }
        }
    }
    out
}

/// What joins the two parts of a place named after both (`Bosnia and
/// Herzegovina`, `Bosnie-Herzégovine`, `Bosnien und Herzegowina`, `Bosnia y
/// Herzegovina`, `Босния и Герцеговина`), as its names write it.
pub(crate) const PAIR_JOINERS: &[&str] =
    &[" and ", " et ", " und ", " y ", " e ", " i ", " и ", "-"];

/// Fewest letters of the first part of a place named after two.
const MIN_FIRST_PART_LETTERS: usize = 4;

/// The first parts of the names, listed or known, of places named after
/// two parts, as the press names them for short (`Bosnia`, `Bosnie`,
/// `Bosnien`): a capitalized word, no ordinary one.
fn first_parts(
    gazetteer: &Gazetteer,
    forms: &FormsBuilder,
    normalizer: &Normalizer,
) -> Vec<(OwnedForm, String)> {
    let paired = |e: u32| {
        let entity = gazetteer.entity(e);
        entity.kind == EntityType::Place && entity.name.contains(" and ")
    };
    let mut out = Vec::new();
    for form in forms
        .iter()
        .filter(|f| listed_or_known(f) && paired(f.entity))
    {
        let joined = PAIR_JOINERS.iter().filter_map(|j| form.text.find(j)).min();
        let Some(first) = joined.map(|at| &form.text[..at]) else {
            continue;
        };
        let key = normalizer.key(first);
        let word = !key.contains(' ')
            && key.chars().filter(|c| c.is_alphabetic()).count() >= MIN_FIRST_PART_LETTERS
            && !crate::guard::is_common_word(&key);
        if word && first.starts_with(char::is_uppercase) {
            let text = first.to_string();
            let (entity, kind) = (form.entity, NameKind::FirstPart);
            out.push((OwnedForm { entity, kind, text }, key));
        }
    }
    out
}

/// Fewest letters of an organization's one-word name in the plural that
/// is also named in the singular ([`derive`]).
const MIN_SINGULAR_LETTERS: usize = 5;

/// Generic tails of places' names that the press leaves out, in lower
/// case with the space before them ([`derive`]): administrative divisions
/// named after their seat or people (`Borno State`, `Rakhine State`),
/// bases named after their town, rivers (`the Orinoco`), mountains,
/// valleys and deserts (`Qandil`, `Bekaa`, `Sahara`), islands and
/// peninsulas (`Matsu`, `Sinai`).
pub(crate) const PLACE_TAILS: &[&str] = &[
    " state",
    " province",
    " region",
    " district",
    " oblast",
    " krai",
    " raion",
    " okrug",
    " governorate",
    " voivodeship",
    " air base",
    " airbase",
    " naval base",
    " air force base",
    " space base",
    " military base",
    " base",
    " river",
    " mountains",
    " valley",
    " desert",
    " islands",
    " island",
    " peninsula",
    " city",
];

/// Articles that start the names of groups, as written ([`derive`]).
const LEADING_ARTICLES: &[&str] = &["Los", "Las", "El", "La", "Les", "Le", "The"];

/// The tails of [`PLACE_TAILS`] whose heads may be adjectives.
const LAND_TAILS: &[&str] = &[" islands", " island", " peninsula"];

/// Endings of English adjectives of place (`Korean`, `Arabian`,
/// `Balkan`, `Chinese`, `Baltic`, `Kurdish`), normalized.
const ADJECTIVE_ENDINGS: &[&str] = &["an", "ese", "ic", "ish"];

/// Whether a key is plain Latin (after normalization): composition never
/// mixes scripts.
fn is_latin_key(key: &str) -> bool {
    key.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '\'')
}

/// Composed keys: in every multi-word listed name, a word sequence that is a
/// place's listed name is replaced by each other Latin spelling listed for
/// that place (`Lion of Panjshir` + `Panchir` → `lion of panchir`); outside
/// places' own names, only a place after a particle. Keys that already lead
/// somewhere are left alone: listed names always win.
fn compose<I: Iterator<Item = usize>>(
    gazetteer: &Gazetteer,
    forms: &FormsBuilder,
    form_keys: &[String],
    forms_of: impl Fn(u32) -> I,
    index: &StrTableBuilder,
) -> Vec<(String, Entry)> {
    // Keys of place names, for the sub-span lookup.
    let mut place_key: HashMap<&str, Vec<u32>> = HashMap::default();
    for (f, form) in forms.iter().enumerate() {
        let entity = gazetteer.entity(form.entity);
        if entity.kind == EntityType::Place
            && !form.kind.is_acronym()
            && is_latin_key(&form_keys[f])
        {
            let places = place_key.entry(form_keys[f].as_str()).or_default();
            if !places.contains(&form.entity) {
                places.push(form.entity);
            }
        }
    }
    let mut out = Vec::new();
    for (f, key) in form_keys.iter().enumerate() {
        if forms.form(f).kind.is_acronym() || !is_latin_key(key) {
            continue;
        }
        let words: Vec<(usize, usize)> = word_spans(key);
        let place = gazetteer.traits(forms.form(f).entity).kind == EntityType::Place;
        let mut made = 0;
        for i in 0..words.len() {
            // Only a place's name holds another place anywhere (`Panjshir
            // Valley`); other names hold one after a particle (`Lion of
            // Panjshir`, `Bank of Kabul`): `Jordan` in `Michael Jordan` is
            // not a place, and every word of a million names would
            // otherwise be tried.
            let after_particle = i > 0 && is_not_initial(&key[words[i - 1].0..words[i - 1].1]);
            if !place && !after_particle {
                continue;
            }
            for j in i..words.len() {
                if i == 0 && j + 1 == words.len() {
                    continue; // the whole name: nothing to compose
                }
                let (start, end) = (words[i].0, words[j].1);
                let Some(places) = place_key.get(&key[start..end]) else {
                    continue;
                };
                for &p in places {
                    for g in forms_of(p) {
                        let other = &form_keys[g];
                        if forms.form(g).kind.is_acronym()
                            || !is_latin_key(other)
                            || other == &key[start..end]
                            || made >= MAX_COMPOSED_PER_FORM
                        {
                            continue;
                        }
                        let composed = format!("{}{}{}", &key[..start], other, &key[end..]);
                        if !index.contains(&composed) {
                            out.push((
                                composed,
                                Entry {
                                    form: f as u32,
                                    via: Some(g as u32),
                                },
                            ));
                            made += 1;
                        }
                    }
                }
            }
        }
    }
    out
}

/// Byte spans of the space-separated words of a key.
fn word_spans(key: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    for word in key.split(' ') {
        spans.push((at, at + word.len()));
        at += word.len() + 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(toml: &str) -> Vec<String> {
        let gazetteer = Gazetteer::from_toml("g.toml", toml).expect("valid");
        let lexicon = Lexicon::new(&gazetteer, &Normalizer::new(), None);
        lexicon.table.keys().iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn particles_are_short() {
        assert!(NOT_INITIALS.iter().all(|w| w.len() <= MAX_PARTICLE_LETTERS));
    }

    #[test]
    fn particles_are_told_as_the_list_tells_them() {
        for word in NOT_INITIALS {
            // The word, and words one letter shorter, longer or other.
            let near = [
                word.to_string(),
                word[1..].to_string(),
                format!("{word}s"),
                format!("{word}x"),
                word.to_uppercase(),
            ];
            for other in near {
                assert_eq!(
                    is_not_initial(&other),
                    NOT_INITIALS.contains(&other.as_str()),
                    "{other}"
                );
            }
        }
        for word in [
            "", "dé", "dess", "ofthe", "degliz", "a", "l'", "the ", "The", "pourquoi",
        ] {
            assert!(!is_not_initial(word), "{word}");
        }
    }

    #[test]
    fn qualifiers_in_parentheses_are_no_part_of_the_name_but_capitalized_words_are() {
        let cases: [(&str, &[&str]); 7] = [
            ("Muhammad (prophet)", &["Muhammad"]),
            ("Georgia (country)", &["Georgia"]),
            ("Hussein  (given name) ", &["Hussein"]),
            ("Kabul", &["Kabul"]),
            ("(Kabul)", &["(Kabul)"]),
            ("Front (Kabul) Alliance", &["Front (Kabul) Alliance"]),
            (
                "Communist Party of Nepal (Maoist Centre)",
                &[
                    "Communist Party of Nepal",
                    "Communist Party of Nepal (Maoist Centre)",
                ],
            ),
        ];
        for (name, expected) in cases {
            assert_eq!(as_written(name).collect::<Vec<_>>(), expected, "{name}");
        }
    }

    #[test]
    fn places_compose_into_places_and_after_particles_only() {
        let keys = keys(
            r#"
[[entity]]
id = "jordan"
name = "Jordan"
type = "place"
names = { fr = ["Jordanie"] }
[[entity]]
id = "michael-jordan"
name = "Michael Jordan"
type = "person"
[[entity]]
id = "bank-of-jordan"
name = "Bank of Jordan"
type = "organization"
[[entity]]
id = "jordan-valley"
name = "Jordan Valley"
type = "place"
"#,
        );
        assert!(keys.contains(&"bank of jordanie".to_string()), "{keys:?}");
        assert!(keys.contains(&"jordanie valley".to_string()), "{keys:?}");
        assert!(!keys.contains(&"michael jordanie".to_string()), "{keys:?}");
    }
}
