//! The words of names of institutions and events that translate without
//! looking alike (`data/name-words.txt`): `libre` and `frei` mean `free`,
//! `Staat`, `État` and `Estado` mean `state`.
//!
//! Multi-word names are compared word by word, in any order
//! ([`crate::skeleton::cognate_signature`]): most words of such names are
//! cognates (`Union soviétique`, `Unión Soviética`), compared by their first
//! consonants; a word of this table is compared by its meaning instead, so
//! that `Armée syrienne libre` is `Free Syrian Army` and `Sicherheitsrat` is
//! `Security Council`. The table is written by hand: no crate translates the
//! vocabulary of institutional names, and a general dictionary would bring
//! the senses these names never use.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::Normalizer;

/// Fewest letters of a part of a German compound (`Rat`).
const MIN_PART: usize = 3;

/// Most parts a German compound is read as (`Atom` + `Energie` +
/// `Behörde`).
const MAX_PARTS: usize = 3;

/// Longest word read as a compound (`Weltgesundheitsorganisation` has 27
/// letters): each split point is a lookup of the rest, so a longer run of
/// letters (a megabyte of them) would take time quadratic in its length.
const MAX_COMPOUND_LETTERS: usize = 48;

/// `data/name-words.txt`.
pub(crate) const DATA: &str = include_str!("../data/name-words.txt");

/// The meaning (the line's first word) of each word of the table, by the
/// word normalized as text is.
fn table() -> &'static FxHashMap<String, &'static str> {
    static TABLE: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let normalizer = Normalizer::new();
        let lines = DATA.lines();
        let mut table = FxHashMap::default();
        for line in lines.filter(|l| !l.starts_with('#')) {
            let mut words = line.split_whitespace();
            if let Some(meaning) = words.next() {
                for word in std::iter::once(meaning).chain(words) {
                    table.insert(normalizer.normalize(word).as_str().to_owned(), meaning);
                }
            }
        }
        table
    })
}

/// The meaning of a normalized word of the table itself, not read as a
/// compound: `supremo`: `supreme`.
pub(crate) fn meaning(word: &str) -> Option<&'static str> {
    table().get(word).copied()
}

/// The meanings of a normalized word: its own, or those of the parts of a
/// compound of the table's words joined as German joins them (`rat`:
/// `council`; `sicherheitsrat`: `security council`; `weltbank`: `world
/// bank`). `None` for a word of neither kind.
pub(crate) fn meanings(word: &str) -> Option<Vec<&'static str>> {
    let mut found = Vec::new();
    read(word, MAX_PARTS, &mut found).then_some(found)
}

/// Reads `word` as at most `parts` words of the table, pushing their
/// meanings onto `out`: the word itself, or a compound whose last part is a
/// word of the table and whose head, without a linking `s`
/// (`Sicherheit-s-rat`), is read the same way.
fn read(word: &str, parts: usize, out: &mut Vec<&'static str>) -> bool {
    let table = table();
    if let Some(&meaning) = table.get(word) {
        out.push(meaning);
        return true;
    }
    let letters = 2 * MIN_PART..=MAX_COMPOUND_LETTERS;
    if parts < 2 || !letters.contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return false;
    }
    // The longest last part first: `Atomenergiebehörde` ends in `Behörde`.
    for head_len in MIN_PART..=word.len() - MIN_PART {
        let (head, tail) = word.split_at(head_len);
        let Some(&meaning) = table.get(tail) else {
            continue;
        };
        let linked = head.strip_suffix('s').filter(|h| h.len() >= MIN_PART);
        for head in std::iter::once(head).chain(linked) {
            let mark = out.len();
            if read(head, parts - 1, out) {
                out.push(meaning);
                return true;
            }
            out.truncate(mark);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_compounds_read_as_their_meanings() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("libre", Some(&["free"])),
            ("free", Some(&["free"])),
            ("staates", Some(&["state"])),
            ("sicherheitsrat", Some(&["security", "council"])),
            ("weltbank", Some(&["world", "bank"])),
            (
                "weltgesundheitsorganisation",
                Some(&["world", "health", "organization"]),
            ),
            ("atomenergiebehorde", Some(&["atomic", "energy", "agency"])),
            ("arbeiterpartei", Some(&["worker", "party"])),
            ("widerstandsfront", Some(&["resistance", "front"])),
            ("kabul", None),
            ("democrat", None),
            (&"rat".repeat(100), None),
            ("bundesrat", Some(&["federal", "council"])),
            ("bundeskanzler", None),
            ("", None),
        ];
        for &(word, expected) in cases {
            assert_eq!(meanings(word).as_deref(), expected, "{word}");
        }
    }

    #[test]
    fn every_word_of_the_table_stands_on_one_line() {
        let normalizer = Normalizer::new();
        let mut seen = rustc_hash::FxHashSet::default();
        let lines = include_str!("../data/name-words.txt").lines();
        for word in lines
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
        {
            let normalized = normalizer.normalize(word);
            assert!(
                seen.insert(normalized.as_str().to_owned()),
                "{word} is on two lines"
            );
            assert_eq!(word, word.to_lowercase(), "{word} is not in lower case");
        }
    }

    #[test]
    fn words_are_found_as_text_normalizes_them() {
        let normalizer = Normalizer::new();
        for (written, meaning) in [
            ("Światowa", "world"),
            ("Behörde", "agency"),
            ("Sécurité", "security"),
        ] {
            let word = normalizer.normalize(written);
            assert_eq!(meanings(word.as_str()), Some(vec![meaning]), "{written}");
        }
    }
}
