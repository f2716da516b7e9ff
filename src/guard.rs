//! The language guard: ordinary words of English, French, German and
//! Spanish are never linked approximately.
//!
//! A single word of running text that is one of the 10,000 most frequent
//! words of one of these languages (`data/common-words/`, from wordfreq)
//! links to an entity only when the gazetteer lists it; it is never reached
//! by transliteration skeleton or edit distance (German `Kabel` is not
//! `Kabul`, Spanish `Cabal` is not `Kabul`).

use crate::Normalizer;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A guarded language: its English name, its language tag.
pub(crate) type Language = (&'static str, &'static str);

/// The guarded languages and their word lists, in the order of the bits of
/// [`word_mask`].
const LISTS: [(Language, &str); 4] = [
    (
        ("English", "en"),
        include_str!("../data/common-words/en.txt"),
    ),
    (
        ("French", "fr"),
        include_str!("../data/common-words/fr.txt"),
    ),
    (
        ("German", "de"),
        include_str!("../data/common-words/de.txt"),
    ),
    (
        ("Spanish", "es"),
        include_str!("../data/common-words/es.txt"),
    ),
];

/// `data/common-words/names.txt`.
const NAMES: &str = include_str!("../data/common-words/names.txt");

/// `data/common-words/given-names.txt`: names too, given names the
/// dictionaries do not mark as such.
const GIVEN_NAMES: &str = include_str!("../data/common-words/given-names.txt");

/// Every word table, for [`crate::index`] to tell builds apart by.
pub(crate) fn tables() -> impl Iterator<Item = &'static str> {
    LISTS
        .iter()
        .map(|(_, list)| *list)
        .chain([NAMES, GIVEN_NAMES])
}

/// The bit of [`word_mask`] that marks a common word that is a name
/// rather than an ordinary word (`data/common-words/names.txt`,
/// `given-names.txt`): news
/// repeats `Putin` and `London` so often that the frequency lists rank them
/// with ordinary words, but no dictionary holds them in lower case.
const NAME: u8 = 1 << LISTS.len();

/// The languages in which normalized `word` is common, one bit each, and
/// [`NAME`] if it is a name.
fn word_mask(word: &str) -> u8 {
    static WORDS: OnceLock<FxHashMap<String, u8>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let normalizer = Normalizer::new();
        let mut words: FxHashMap<String, u8> = FxHashMap::default();
        let lists = LISTS
            .iter()
            .enumerate()
            .map(|(bit, (_, list))| (1 << bit, *list));
        for (bit, list) in lists.chain([(NAME, NAMES), (NAME, GIVEN_NAMES)]) {
            for word in list.lines().filter(|l| !l.starts_with('#')) {
                *words.entry(normalizer.key(word)).or_default() |= bit;
            }
        }
        words
    });
    words.get(word).copied().unwrap_or(0)
}

/// Whether a listed name, normalized to `key`, should be looked up among
/// ordinary words: one word, and no spelling of the entity's canonical name
/// (normalized `canonical`; `Afganistán` for `Afghanistan`): the word lists
/// hold frequent names too, and an entity's own name is frequent because of
/// it.
pub(crate) fn may_be_ordinary(key: &str, canonical: &str) -> bool {
    /// Least similarity of a spelling of the canonical name.
    const SPELLING: f64 = 0.75;
    /// Longest word looked up: no ordinary word is longer.
    const LONGEST_WORD: usize = 40;
    let word = !key.contains(' ') && key.len() <= LONGEST_WORD;
    word && strsim::normalized_levenshtein(key, &canonical.replace(' ', "")) < SPELLING
}

/// Whether `word`, normalized, is in any word list of this module, the
/// frequent names included.
pub(crate) fn is_listed_word(word: &str) -> bool {
    word_mask(word) != 0
}

/// Whether `word`, normalized, is a common word of some language's list
/// that is no name ([`NAME`]).
pub(crate) fn is_common_word(word: &str) -> bool {
    word_mask(word) & !NAME != 0
}

/// Whether `word`, normalized, is an ordinary word of a guarded language:
/// a common word that is no name ([`NAME`]).
pub(crate) fn is_ordinary_word(word: &str) -> bool {
    let mask = word_mask(word);
    mask & !NAME != 0 && mask & NAME == 0
}

/// Fewest letters of the head of a German compound ([`is_german_compound`]):
/// shorter ordinary words end too many names (`Hartmann`, `Hamburg`).
const MIN_COMPOUND_HEAD: usize = 5;

/// Fewest letters before the head of a German compound.
const MIN_COMPOUND_MODIFIER: usize = 3;

/// Whether normalized `word` is a German compound noun: it ends with an
/// ordinary German word of [`MIN_COMPOUND_HEAD`] letters or more, its
/// head, after [`MIN_COMPOUND_MODIFIER`] letters or more
/// (`separatistenregion`, `regierungssprecher`). German writes compounds
/// as one word, which no word list holds.
pub(crate) fn is_german_compound(word: &str) -> bool {
    let german = |head: &str| word_mask(head) & (1 << GERMAN) != 0 && word_mask(head) & NAME == 0;
    let compound = |word: &str| {
        (word.char_indices())
            .map(|(i, _)| i)
            .filter(|&i| i >= MIN_COMPOUND_MODIFIER && word.len() - i >= MIN_COMPOUND_HEAD)
            .any(|i| german(&word[i..]))
    };
    // In the genitive too (`des Grenzübergangs Torkham`).
    compound(word) || word.strip_suffix('s').is_some_and(compound)
}

/// How many guarded languages.
pub(crate) const LANGUAGES: usize = LISTS.len();

/// The guarded language English, by its place in [`LISTS`] (tested).
pub(crate) const ENGLISH: usize = 0;

/// The guarded language German, by its place in [`LISTS`] (tested).
pub(crate) const GERMAN: usize = 2;

/// Whether normalized `word` is an ordinary word ([`is_ordinary_word`]) of
/// the guarded language at place `language` in the lists.
pub(crate) fn is_ordinary_word_of(word: &str, language: usize) -> bool {
    let mask = word_mask(word);
    mask & (1 << language) != 0 && mask & NAME == 0
}

/// The guarded language (its place in the lists) of which normalized `word`
/// is an ordinary word, if of one alone.
pub(crate) fn language_alone(word: &str) -> Option<usize> {
    let mask = word_mask(word);
    (mask.count_ones() == 1 && mask & NAME == 0).then(|| mask.trailing_zeros() as usize)
}

/// Whether normalized `word` is an ordinary word of German alone, whose
/// nouns are capitalized: in running text, a capitalized one is no name
/// (`die Nachfolge Nasrallahs`); a word of other languages too may be one
/// (`Saif al-Islam`).
pub(crate) fn is_german_word(word: &str) -> bool {
    language_alone(word) == Some(GERMAN)
}

/// The guarded languages (`("English", "en")`, …) in which normalized
/// `word` is a common word.
pub(crate) fn common_word_languages(word: &str) -> Vec<Language> {
    let mask = word_mask(word);
    LISTS
        .iter()
        .enumerate()
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, (language, _))| *language)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{common_word_languages, is_common_word, is_german_word, is_ordinary_word};
    use super::{language_alone, ENGLISH, GERMAN, LISTS};

    #[test]
    fn words_of_one_language_alone() {
        assert_eq!(LISTS[GERMAN].0 .1, "de");
        assert_eq!(LISTS[ENGLISH].0 .1, "en");
        assert_eq!(language_alone("kritisierte"), Some(GERMAN));
        assert_eq!(language_alone("would"), Some(ENGLISH));
        assert_eq!(language_alone("national"), None, "several languages");
        assert_eq!(language_alone("xqzvw"), None, "none");
    }

    #[test]
    fn common_words_of_four_languages() {
        for word in [
            "kabel",
            "mauer",
            "front",
            "because",
            "pendant",
            "siempre",
            "presidente",
        ] {
            assert!(is_common_word(word), "{word}");
        }
        for word in ["kaboul", "pandschir", "massoud", "kadhafi"] {
            assert!(!is_common_word(word), "{word}");
        }
        let names =
            |word| -> Vec<&str> { common_word_languages(word).iter().map(|l| l.0).collect() };
        assert_eq!(names("front"), ["English", "French", "German"]);
        assert_eq!(common_word_languages("siempre"), [("Spanish", "es")]);
        assert!(common_word_languages("kaboul").is_empty());
    }

    #[test]
    fn frequent_names_are_no_ordinary_words() {
        for word in ["putin", "london", "biden"] {
            assert!(is_common_word(word) && !is_ordinary_word(word), "{word}");
        }
        for word in ["bush", "rice", "trump", "kabel", "siempre"] {
            assert!(is_ordinary_word(word), "{word}");
        }
    }

    #[test]
    fn german_words_alone() {
        assert!(is_german_word("nachfolge") && is_german_word("sprecher"));
        for word in [
            "separatistenregion",
            "regierungssprecher",
            "kriegsgebiet",
            "grenzubergangs",
        ] {
            assert!(super::is_german_compound(word), "{word}");
        }
        for word in ["hartmann", "bergkarabach", "region", "erdogan", "friedrich"] {
            assert!(!super::is_german_compound(word), "{word}");
        }
        for word in ["islam", "modest", "putin", "kabul"] {
            assert!(!is_german_word(word), "{word}");
        }
    }
}
