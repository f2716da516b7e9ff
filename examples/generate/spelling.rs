//! Spelling names from their sounds: the Latin conventions of the English,
//! French, German and Spanish press, and the reverse transliteration into
//! Cyrillic (Russian), Arabic script (Arabic and Persian letters) and Greek.
//!
//! Each table is the press convention of its language, written from the
//! sounds, so that the generated variants are the ones canon meets in news
//! (sh: fr ch, de sch; kh: de ch, es j; j: fr dj, de dsch, es y; u: fr ou;
//! Arabic script leaves short vowels unwritten; Greek writes b as μπ).

use super::phonology::{Name, Part, Ph};

/// A Latin press convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Convention {
    En,
    Fr,
    De,
    Es,
}

/// How a name is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    Latin(Convention),
    Cyrillic,
    /// Arabic script, with Persian letters (پ چ ژ گ ک ی) or Arabic ones.
    Arabic {
        persian: bool,
    },
    Greek,
}

/// A name written in `spelling`.
pub fn spell(name: &Name, spelling: Spelling) -> String {
    let mut out = String::new();
    let mut after_article = false;
    for part in name {
        match part {
            Part::Article => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(match spelling {
                    Spelling::Latin(_) => "al-",
                    Spelling::Cyrillic => "аль-",
                    Spelling::Arabic { .. } => "ال",
                    Spelling::Greek => "αλ-",
                });
                after_article = true;
            }
            Part::Word(word) => {
                if !out.is_empty() && !after_article {
                    out.push(' ');
                }
                out.push_str(&spell_word(word, spelling));
                after_article = false;
            }
        }
    }
    out
}

/// One word written in `spelling`, capitalized where the script has case.
pub fn spell_word(word: &[Ph], spelling: Spelling) -> String {
    let lower = match spelling {
        Spelling::Latin(convention) => latin(word, convention),
        Spelling::Cyrillic => cyrillic(word),
        Spelling::Arabic { persian } => arabic(word, persian),
        Spelling::Greek => greek(word),
    };
    capitalize(&lower)
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The sounds around position `i`.
struct At<'a> {
    word: &'a [Ph],
    i: usize,
}

impl At<'_> {
    fn prev(&self) -> Option<Ph> {
        self.i.checked_sub(1).map(|j| self.word[j])
    }
    fn next(&self) -> Option<Ph> {
        self.word.get(self.i + 1).copied()
    }
    fn start(&self) -> bool {
        self.i == 0
    }
    fn end(&self) -> bool {
        self.i + 1 == self.word.len()
    }
    fn prev_vowel(&self) -> bool {
        self.prev().is_some_and(Ph::is_vowel)
    }
    fn next_vowel(&self) -> bool {
        self.next().is_some_and(Ph::is_vowel)
    }
    fn between_vowels(&self) -> bool {
        self.prev_vowel() && self.next_vowel()
    }
}

fn latin(word: &[Ph], convention: Convention) -> String {
    use Convention::*;
    let mut out = String::new();
    for i in 0..word.len() {
        let at = At { word, i };
        let english = match word[i] {
            Ph::P => "p",
            Ph::B => "b",
            Ph::T => "t",
            Ph::D => "d",
            Ph::K => "k",
            Ph::G => "g",
            Ph::Q => "q",
            Ph::F => "f",
            Ph::V => "v",
            Ph::S => "s",
            Ph::Z => "z",
            Ph::Sh => "sh",
            Ph::Zh => "zh",
            Ph::Kh => "kh",
            Ph::J => "j",
            Ph::Ch => "ch",
            Ph::Ts => "ts",
            Ph::M => "m",
            Ph::N => "n",
            Ph::L => "l",
            Ph::R => "r",
            Ph::H => "h",
            Ph::Y => "y",
            Ph::W => "w",
            Ph::A => "a",
            Ph::E => "e",
            Ph::I => "i",
            Ph::O => "o",
            Ph::U => "u",
        };
        out.push_str(match (convention, word[i]) {
            (Fr, Ph::Sh) => "ch",
            (Fr, Ph::Zh) => "j",
            (Fr, Ph::J) => "dj",
            (Fr, Ph::Ch) => "tch",
            (Fr, Ph::U | Ph::W) => "ou",
            (Fr, Ph::Y) if at.start() => "i",
            (Fr, Ph::Y) if at.prev_vowel() => "ï",
            (Fr | De, Ph::S) if at.between_vowels() => "ss",
            (Fr, Ph::G) if matches!(at.next(), Some(Ph::E | Ph::I)) => "gu",
            (De, Ph::Sh | Ph::Zh) => "sch",
            (De, Ph::Ch) => "tsch",
            (De, Ph::J) => "dsch",
            (De, Ph::Kh) => "ch",
            (De, Ph::Ts) => "z",
            (De, Ph::Y) => "j",
            (De, Ph::V | Ph::W) => "w",
            (De, Ph::Z) => "s",
            (De, Ph::Q) => "k",
            (Es, Ph::Zh | Ph::J) => "y",
            (Es, Ph::Kh | Ph::H) => "j",
            (Es, Ph::W) => "u",
            _ => english,
        });
    }
    out
}

fn cyrillic(word: &[Ph]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < word.len() {
        let at = At { word, i };
        let iotated = match (word[i], at.next()) {
            (Ph::Y, Some(Ph::A)) => Some("я"),
            (Ph::Y, Some(Ph::U)) => Some("ю"),
            (Ph::Y, Some(Ph::E)) => Some("е"),
            (Ph::Y, Some(Ph::O)) => Some("ё"),
            _ => None,
        };
        if let Some(letter) = iotated {
            out.push_str(letter);
            i += 2;
            continue;
        }
        out.push_str(match word[i] {
            Ph::P => "п",
            Ph::B => "б",
            Ph::T => "т",
            Ph::D => "д",
            Ph::K | Ph::Q => "к",
            Ph::G => "г",
            Ph::F => "ф",
            Ph::V | Ph::W => "в",
            Ph::S => "с",
            Ph::Z => "з",
            Ph::Sh => "ш",
            Ph::Zh => "ж",
            Ph::Kh | Ph::H => "х",
            Ph::J => "дж",
            Ph::Ch => "ч",
            Ph::Ts => "ц",
            Ph::M => "м",
            Ph::N => "н",
            Ph::L => "л",
            Ph::R => "р",
            Ph::Y => "й",
            Ph::A => "а",
            // е would read ye there (BGN/PCGN)
            Ph::E if at.start() || at.prev_vowel() => "э",
            Ph::E => "е",
            Ph::I => "и",
            Ph::O => "о",
            Ph::U => "у",
        });
        i += 1;
    }
    out
}

fn greek(word: &[Ph]) -> String {
    // The accent falls on the next-to-last vowel.
    let vowels: Vec<usize> = (0..word.len()).filter(|&i| word[i].is_vowel()).collect();
    let accent = vowels
        .len()
        .checked_sub(2)
        .or(vowels.len().checked_sub(1))
        .map(|k| vowels[k]);
    let mut out = String::new();
    for i in 0..word.len() {
        let at = At { word, i };
        let stressed = accent == Some(i);
        let after_vowel = at.prev_vowel();
        out.push_str(match word[i] {
            Ph::P => "π",
            Ph::B => "μπ",
            Ph::T => "τ",
            Ph::D => "ντ",
            Ph::K | Ph::Q => "κ",
            Ph::G if after_vowel => "γ",
            Ph::G => "γκ",
            Ph::F => "φ",
            Ph::V => "β",
            Ph::S | Ph::Sh if at.end() => "ς",
            Ph::S | Ph::Sh => "σ",
            Ph::Z | Ph::Zh => "ζ",
            Ph::Kh | Ph::H => "χ",
            Ph::J => "τζ",
            Ph::Ch | Ph::Ts => "τσ",
            Ph::M => "μ",
            Ph::N => "ν",
            Ph::L => "λ",
            Ph::R => "ρ",
            Ph::Y if at.next_vowel() => "γι",
            Ph::Y if after_vowel => "ϊ",
            Ph::Y => "ι",
            Ph::W => "ου",
            Ph::A if stressed => "ά",
            Ph::A => "α",
            Ph::E if stressed => "έ",
            Ph::E => "ε",
            // ϊ: not a diphthong with the vowel before
            Ph::I if after_vowel && stressed => "ΐ",
            Ph::I if after_vowel => "ϊ",
            Ph::I if stressed => "ί",
            Ph::I => "ι",
            Ph::O if stressed => "ό",
            Ph::O => "ο",
            Ph::U if stressed => "ού",
            Ph::U => "ου",
        });
    }
    out
}

fn arabic(word: &[Ph], persian: bool) -> String {
    let pick = |fa: &'static str, ar: &'static str| if persian { fa } else { ar };
    // Short vowels are not written: a vowel is, at the start and the end of
    // the word, and in the last syllable (the long one of -abad, -awi, -idi).
    let last_inner = (1..word.len().saturating_sub(1))
        .rev()
        .find(|&i| word[i].is_vowel());
    let mut out = String::new();
    for i in 0..word.len() {
        let at = At { word, i };
        if i > 0 && word[i] == word[i - 1] && !word[i].is_vowel() {
            continue; // a doubled consonant is written once (shadda left out)
        }
        out.push_str(match word[i] {
            Ph::P => pick("پ", "ب"),
            Ph::B => "ب",
            Ph::T => "ت",
            Ph::D => "د",
            Ph::K => pick("ک", "ك"),
            Ph::G => pick("گ", "غ"),
            Ph::Q => "ق",
            Ph::F => "ف",
            Ph::V => pick("و", "ف"),
            Ph::S => "س",
            Ph::Z => "ز",
            Ph::Sh => "ش",
            Ph::Zh => pick("ژ", "ج"),
            Ph::Kh => "خ",
            Ph::J => "ج",
            Ph::Ch => pick("چ", "تش"),
            Ph::Ts => "تس",
            Ph::M => "م",
            Ph::N => "ن",
            Ph::L => "ل",
            Ph::R => "ر",
            Ph::H => pick("ه", "ح"),
            Ph::Y => pick("ی", "ي"),
            Ph::W => "و",
            Ph::A | Ph::E if at.start() => "ا",
            Ph::I if at.start() => pick("ای", "اي"),
            Ph::O | Ph::U if at.start() => "او",
            Ph::A | Ph::E if at.end() => pick("ه", "ة"),
            Ph::I if at.end() => pick("ی", "ي"),
            Ph::O | Ph::U if at.end() => "و",
            Ph::A if Some(i) == last_inner => "ا",
            Ph::I if Some(i) == last_inner => pick("ی", "ي"),
            Ph::O | Ph::U if Some(i) == last_inner => "و",
            Ph::A | Ph::E | Ph::I | Ph::O | Ph::U => "",
        });
    }
    out
}
