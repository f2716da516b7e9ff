//! Names that start with the family name (`data/family-first.txt`): `Xi
//! Jinping`, `Tsai Ing-wen`, `Kim Jong Un`.
//!
//! The press writes Chinese and Korean names family name first, and calls
//! the person by it alone (`Xi said`); the name's last word is a given name.
//! Such a name is known by its first word, a family name of the list, and
//! the rest, a given name as these languages make them: one word of one or
//! two Chinese syllables (`Jinping`), or two short syllables (`Ing-wen`,
//! `Jong Un`). Hand-written, as no crate knows name order; the family names
//! are data.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Pinyin initials, longest first, and none.
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

/// Pinyin finals (`v` for ü, as written in plain letters).
const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "ai",
    "ei", "ao", "ou", "an", "en", "in", "un", "er", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "a",
    "o", "e", "i", "u", "v",
];

/// Longest syllable of a given name written in words of one syllable
/// (`myung`).
const SYLLABLE_LETTERS: usize = 5;

/// `data/family-first.txt`.
pub(crate) const DATA: &str = include_str!("../data/family-first.txt");

fn family_names() -> &'static FxHashSet<&'static str> {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        DATA.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The lengths of the pinyin syllables `word` starts with.
fn syllables_at(word: &str) -> impl Iterator<Item = usize> + '_ {
    INITIALS.iter().flat_map(move |initial| {
        let rest = word.strip_prefix(initial);
        FINALS.iter().filter_map(move |fin| {
            rest.filter(|r| r.starts_with(fin))
                .map(|_| initial.len() + fin.len())
        })
    })
}

/// Whether `word` is one or two pinyin syllables (`jinping`, `qiang`).
fn is_pinyin(word: &str) -> bool {
    syllables_at(word)
        .any(|n| n == word.len() || syllables_at(&word[n..]).any(|m| n + m == word.len()))
}

/// Whether normalized `name` (a person's) starts with the family name:
/// a family name of the list, then a given name of one word of one or two
/// pinyin syllables, or of two short syllables (`xi jinping`, `kim jong
/// un`; not `kim kardashian`).
pub(crate) fn family_name_first(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let syllable = |w: &&str| (1..=SYLLABLE_LETTERS).contains(&w.len());
    let given = match words[1..] {
        [one] => is_pinyin(one),
        [a, b] => [a, b].iter().all(syllable),
        _ => false,
    };
    given && family_names().contains(words[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_name_first_in_chinese_and_korean_names() {
        let table = [
            ("xi jinping", true),
            ("li qiang", true),
            ("wang yi", true),
            ("tsai ing wen", true),
            ("lai ching te", true),
            ("kim jong un", true),
            ("yoon suk yeol", true),
            ("chiang kai shek", true),
            ("kim kardashian", false),
            ("lee child", false),
            ("kim jones", false),
            ("lee harvey oswald", false),
            ("ahmad shah massoud", false),
            ("xi", false),
        ];
        for (name, first) in table {
            assert_eq!(family_name_first(name), first, "{name}");
        }
    }

    #[test]
    fn the_list_is_normalized() {
        for name in family_names() {
            assert!(name.bytes().all(|b| b.is_ascii_lowercase()), "{name}");
        }
    }
}
