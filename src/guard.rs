//! The language guard: ordinary words of English, French, German and
//! Spanish are never linked approximately.
//!
//! A single word of running text that is one of the 10,000 most frequent
//! words of one of these languages (`data/common-words/`, from wordfreq)
//! links to an entity only when the gazetteer lists it; it is never reached
//! by transliteration skeleton or edit distance (German `Kabel` is not
//! `Kabul`, Spanish `Cabal` is not `Kabul`).

use crate::Normalizer;
use std::collections::HashSet;
use std::sync::OnceLock;

const LISTS: [&str; 4] = [
    include_str!("../data/common-words/en.txt"),
    include_str!("../data/common-words/fr.txt"),
    include_str!("../data/common-words/de.txt"),
    include_str!("../data/common-words/es.txt"),
];

/// Whether `word`, normalized, is a common word of a guarded language.
pub(crate) fn is_common_word(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let normalizer = Normalizer::new();
            LISTS
                .iter()
                .flat_map(|list| list.lines())
                .map(|w| normalizer.key(w))
                .collect()
        })
        .contains(word)
}

#[cfg(test)]
mod tests {
    use super::is_common_word;

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
    }
}
