//! Capitalized ordinary words are no names: the most frequent words of
//! English, French, German and Spanish (`data/common-words/`), capitalized
//! as German nouns and sentence openings are, in sentences of their
//! language, against the canonical names of the embedded gazetteer with
//! its known names: almost none may link approximately.

use canon::{Linker, Method};

/// Words per language (of five letters or more, most frequent first).
const WORDS: usize = 1000;

/// The sentence each word stands in, by language.
const SENTENCES: [(&str, &str); 4] = [
    ("en", "The report calls {} important."),
    ("fr", "Le rapport juge {} important."),
    ("de", "Der Bericht nennt {} als wichtig."),
    ("es", "El informe considera {} importante."),
];

fn list(lang: &str) -> String {
    let path = format!(
        "{}/data/common-words/{lang}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("word list")
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

#[test]
fn capitalized_ordinary_words_link_almost_never() {
    let linker = Linker::new(crate::fixtures::lean_gazetteer()).expect("linker");
    let mut links = Vec::new();
    for (lang, sentence) in SENTENCES {
        let words = list(lang);
        let words = words.lines().filter(|w| w.chars().count() >= 5).take(WORDS);
        let text: String = words
            .map(|w| sentence.replace("{}", &capitalized(w)) + " ")
            .collect();
        for m in linker.link(&text) {
            let approximate = !matches!(
                m.method,
                Method::Exact | Method::Normalized | Method::Alias | Method::Known
            );
            if approximate {
                links.push(format!(
                    "{lang}: {} → {} ({:?})",
                    &text[m.span], m.entity.id, m.method
                ));
            }
        }
    }
    // Measured: none (English `Australian` was Australia by edit distance
    // until an ordinary word could no longer be a name an edit away).
    // Before cognates left out the known names of places, GeoNames' rarer
    // forms made dozens (`Internet important` was Addis Ababa).
    assert!(links.len() <= 1, "{links:#?}");
}
