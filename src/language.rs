//! Names that are an entity's only in text of their language, and the
//! language a document is written in.
//!
//! German writes Syria `Syrien`, which in French text is a Syrian (`un
//! Syrien`); Iceland is German `Island`, an English word. A one-word name
//! that a gazetteer lists in `names.<tag>` and that is an ordinary word of
//! another language than its tags ([`crate::guard`]) is *gated*: it links
//! only in text that whatlang finds to be in one of its tags' languages:
//! its paragraph, or the document when the paragraph is too short to tell.
//! In any other text, or one too short to tell, canon says
//! nothing.

use crate::guard;
use whatlang::{Detector, Lang};

/// The languages a document may be found in: the languages written in
/// Latin letters that whatlang tells apart, by BCP 47 primary subtag (the
/// gated names are Latin words). A tag outside this table is never gated.
const LANGUAGES: [(&str, Lang); 24] = [
    ("en", Lang::Eng),
    ("fr", Lang::Fra),
    ("de", Lang::Deu),
    ("es", Lang::Spa),
    ("it", Lang::Ita),
    ("pt", Lang::Por),
    ("nl", Lang::Nld),
    ("pl", Lang::Pol),
    ("sv", Lang::Swe),
    ("da", Lang::Dan),
    ("nb", Lang::Nob),
    ("no", Lang::Nob),
    ("fi", Lang::Fin),
    ("tr", Lang::Tur),
    ("cs", Lang::Ces),
    ("sk", Lang::Slk),
    ("ro", Lang::Ron),
    ("hu", Lang::Hun),
    ("hr", Lang::Hrv),
    ("sl", Lang::Slv),
    ("lt", Lang::Lit),
    ("lv", Lang::Lav),
    ("et", Lang::Est),
    ("ca", Lang::Cat),
];

/// Least confidence (whatlang's, in [0, 1]) of a document's language: a
/// few words of a headline may read as several languages.
const MIN_CONFIDENCE: f64 = 0.5;

/// Most bytes of a document read to find its language: its language does
/// not change further on, and the cost stays that of a paragraph.
const SAMPLE: usize = 2048;

/// A set of the languages of [`LANGUAGES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Languages(u32);

impl Languages {
    /// The language of BCP 47 `tag` (`de`, `de-AT`), if canon can find a
    /// document to be in it.
    fn of_tag(tag: &str) -> Option<Languages> {
        let primary = tag.split('-').next()?;
        let at = LANGUAGES
            .iter()
            .position(|(t, _)| t.eq_ignore_ascii_case(primary))?;
        Some(Languages(1 << at))
    }

    /// Whether the set holds `language`.
    pub(crate) fn contains(self, language: Languages) -> bool {
        self.0 & language.0 != 0
    }

    /// The guarded language ([`crate::guard`], by place) this one is, if
    /// it is one.
    pub(crate) fn guarded(self) -> Option<usize> {
        (self.0 & GUARDED.0 != 0 && self.0.count_ones() == 1)
            .then(|| self.0.trailing_zeros() as usize)
    }
}

/// The guarded languages ([`crate::guard`]), whose ordinary words gate
/// names: English, French, German, Spanish, the first of [`LANGUAGES`].
const GUARDED: Languages = Languages(0b1111);

/// The languages [`detect`] tells apart for `gate`: the guarded ones and
/// the gate's.
pub(crate) fn detected_among(gate: Languages) -> Languages {
    Languages(gate.0 | GUARDED.0)
}

/// The language `text` is written in, among the guarded languages and
/// those of `gate`, if whatlang is confident of it. Told apart from a few
/// languages only, the language of a single sentence is found surely.
pub(crate) fn detect(text: &str, gate: Languages) -> Option<Languages> {
    let among = detected_among(gate);
    let allowed = (LANGUAGES.iter().enumerate())
        .filter(|(at, _)| among.0 & 1 << at != 0)
        .map(|(_, (_, lang))| *lang)
        .collect();
    let info = Detector::with_allowlist(allowed).detect(sample(text))?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    // Norwegian Bokmål has two tags.
    let bits = (LANGUAGES.iter().enumerate())
        .filter(|(_, (_, lang))| *lang == info.lang())
        .fold(0, |bits, (at, _)| bits | 1 << at);
    Some(Languages(bits)).filter(|l| l.0 != 0)
}

/// The first [`SAMPLE`] bytes of `text`, cut at a character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The guarded language ([`guard::LANGUAGES`], by place) normalized `text`
/// reads as by its ordinary words: the one of which more words of its
/// first [`SAMPLE`] bytes are words of it alone than of any other. (whatlang
/// reads the names too: `die Organisation Human Rights Watch` is English
/// to it.)
pub(crate) fn ordinary_language(text: &str) -> Option<usize> {
    let mut votes = [0usize; guard::LANGUAGES];
    let words = sample(text).split(|c: char| !c.is_alphanumeric());
    for language in words.filter_map(guard::language_alone) {
        votes[language] += 1;
    }
    let (most, &top) = votes.iter().enumerate().max_by_key(|&(_, v)| v)?;
    let alone = (votes.iter().enumerate()).all(|(l, &v)| l == most || v < top);
    (top > 0 && alone).then_some(most)
}

/// Fewest bytes of a paragraph whose own language is found: a shorter one
/// (a headline, a caption) reads as the document's.
const PARAGRAPH: usize = 120;

/// Farthest a paragraph's bounds are looked for from a name: a paragraph
/// longer than this either way (or a text without blank lines) is judged
/// as the whole text, and the cost per name stays bounded.
const PARAGRAPH_SEARCH: usize = 4 * SAMPLE;

/// The passage of `text` whose language decides for a name at byte `at`:
/// its paragraph (up to blank lines), if [`PARAGRAPH`] bytes long or more
/// and bounded within [`PARAGRAPH_SEARCH`] bytes, else the whole text.
/// Detection reads its first [`SAMPLE`] bytes.
///
/// A German quote in French text is judged as German.
pub(crate) fn passage(text: &str, at: usize) -> std::ops::Range<usize> {
    const BLANK: [&str; 3] = ["\n\n", "\r\n\r\n", "\n\r\n"];
    let boundary = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = boundary(at.saturating_sub(PARAGRAPH_SEARCH));
    let to = boundary((at + PARAGRAPH_SEARCH).min(text.len()));
    let (before, after) = (&text[from..at], &text[at..to]);
    let starts = BLANK
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| from + i + b.len()));
    let start = starts.max().or((from == 0).then_some(0));
    let ends = BLANK.iter().filter_map(|b| after.find(b)).min();
    let end = ends
        .map(|i| at + i)
        .or((to == text.len()).then_some(text.len()));
    match (start, end) {
        (Some(start), Some(end)) if end - start >= PARAGRAPH => start..end,
        _ => 0..text.len(),
    }
}

/// The gates of one entity's names: for each of `names` (its language tag,
/// or `None` for the canonical name and aliases; its normalized key), the
/// languages in whose text alone it links, or `None` if it links in any.
///
/// A name is gated when every tag listing it is one of [`LANGUAGES`], no
/// alias or canonical name of the entity has its key, and it is a word
/// that may be an ordinary one ([`guard::may_be_ordinary`], against
/// `canonical`, the canonical name's key) and is one
/// ([`guard::is_ordinary_word`]: no frequent name, as Spanish `londres`)
/// of a guarded language none of its tags is; or when it is the canonical
/// name less its final vowel, a demonym elsewhere; or a name of the place
/// in another language and an n, its adjective there (German `Armenien`,
/// French `arménien` of `Arménie`).
pub(crate) fn gates(names: &[(Option<&str>, &str)], canonical: &str) -> Vec<Option<Languages>> {
    names
        .iter()
        .map(|&(tag, key)| {
            tag?;
            let mut languages = Languages::default();
            let mut tags = Vec::new();
            for &(other, _) in names.iter().filter(|(_, k)| *k == key) {
                let other = other?;
                // A name in another script shares the key (Russian `Сомали`
                // reads `somali`) but links text in its script alone.
                if OTHER_SCRIPTS.contains(&other.split('-').next().unwrap_or(other)) {
                    continue;
                }
                languages.0 |= Languages::of_tag(other)?.0;
                tags.push(other.split('-').next().unwrap_or(other));
            }
            let foreign = guard::common_word_languages(key)
                .into_iter()
                .any(|(_, language)| !tags.contains(&language));
            let ordinary = foreign && guard::is_ordinary_word(key);
            let ordinary = ordinary && guard::may_be_ordinary(key, canonical);
            // A name of the place in another language and an n, its
            // adjective there: German `Armenien` and `Libyen` are the French
            // `arménien` and `libyen` of `Arménie` and `Libye`.
            let adjective = || {
                let stem = key.strip_suffix('n').filter(|stem| stem.ends_with('e'));
                stem.is_some_and(|stem| names.iter().any(|&(other, k)| other != tag && k == stem))
            };
            (ordinary || is_demonym(key, canonical) || adjective()).then_some(languages)
        })
        .collect()
}

/// Languages written in a script other than Latin, by tag: their names
/// link text in their script alone, whatever Latin key they read as.
const OTHER_SCRIPTS: &[&str] = &[
    "ru", "uk", "be", "bg", "mk", "el", "ar", "fa", "ps", "ur", "he", "yi", "hi", "zh", "ja", "ko",
    "ka", "hy", "am", "th",
];

/// Whether normalized `word` is the name normalized to `canonical` less
/// its final vowel: a demonym, or the word of a language, where another
/// language names the place so (Turkish `Somali` for Somalia is the English
/// word for a Somali): gated to its languages ([`gates`]), as an ordinary
/// word.
pub(crate) fn is_demonym(word: &str, canonical: &str) -> bool {
    (canonical.strip_prefix(word))
        .is_some_and(|rest| matches!(rest, "a" | "e" | "o") && !word.contains(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(languages: Option<Languages>) -> Option<Vec<&'static str>> {
        let tags = LANGUAGES.iter().map(|(tag, _)| *tag);
        languages.map(|l| {
            tags.filter(|&t| l.contains(Languages::of_tag(t).unwrap()))
                .collect()
        })
    }

    #[test]
    fn german_is_read_by_its_own_words_whatever_the_names() {
        let normalizer = crate::Normalizer::new();
        let reads = |text: &str| {
            ordinary_language(normalizer.normalize(text).as_str()) == Some(guard::GERMAN)
        };
        assert!(reads(
            "Die Organisation Human Rights Watch kritisierte das Urteil scharf."
        ));
        assert!(!reads(
            "The National Security Council met on Monday in Washington."
        ));
        assert!(!reads("Le Conseil national de sécurité s'est réuni lundi."));
        assert!(!reads("Kabul, Panjshir"), "no ordinary word");
    }

    #[test]
    fn documents_are_found_in_their_language_or_in_none() {
        let cases = [
            (
                "Nach Angaben der Behörden ist die Stadt seit Montag ohne Strom.",
                Some(vec!["de"]),
            ),
            (
                "Les convois humanitaires sont arrivés mardi soir dans la ville.",
                Some(vec!["fr"]),
            ),
            (
                "Los combates continuaron el lunes, según fuentes locales.",
                Some(vec!["es"]),
            ),
            (
                "The spokesman said the talks would continue next week.",
                Some(vec!["en"]),
            ),
            ("Syrien", None),
            ("Переговоры продолжатся на этой неделе.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(tags(detect(text, Languages::default())), expected, "{text}");
        }
        let italian = "Il portavoce ha confermato che il convoglio è arrivato lunedì.";
        let it = Languages::of_tag("it").unwrap();
        assert_eq!(tags(detect(italian, it)), Some(vec!["it"]));
    }

    #[test]
    fn the_guarded_languages_come_first() {
        let guarded = ["en", "fr", "de", "es"].map(|t| Languages::of_tag(t).unwrap().0);
        assert_eq!(guarded.iter().fold(0, |all, l| all | l), GUARDED.0);
    }

    #[test]
    fn a_long_paragraph_is_the_passage_a_short_one_the_text() {
        let long = "mot ".repeat(40);
        let text = format!("Titre\n\n{long}\r\n\r\nFin.");
        let at = text.find("mot").unwrap() + 10;
        let passage = passage(&text, at);
        assert_eq!(&text[passage], long);
        assert_eq!(super::passage(&text, text.len() - 2), 0..text.len());
        // No blank line near: the whole text.
        let long = "mot ".repeat(5 * SAMPLE);
        assert_eq!(super::passage(&long, long.len() / 2), 0..long.len());
    }

    #[test]
    fn a_long_document_is_sampled_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE);
        assert_eq!(detect(&text, Languages::default()), None);
    }

    #[test]
    fn names_that_are_ordinary_words_of_another_language_are_gated() {
        // German `Syrien` is French for a Syrian; `Syrie` is no word.
        let names = [
            (None, "syria"),
            (Some("de"), "syrien"),
            (Some("fr"), "syrie"),
        ];
        let gates = gates(&names, "syria");
        assert_eq!(tags(gates[1]), Some(vec!["de"]));
        assert_eq!((gates[0], gates[2]), (None, None));
    }

    #[test]
    fn a_name_that_is_the_adjective_of_another_language_s_name_is_gated() {
        // German `Armenien` is French for an Armenian, of `Arménie`.
        let names = [
            (None, "armenia"),
            (Some("fr"), "armenie"),
            (Some("de"), "armenien"),
            (Some("es"), "armenia"),
        ];
        let gates = gates(&names, "armenia");
        assert_eq!(tags(gates[2]), Some(vec!["de"]));
        assert_eq!((gates[0], gates[1], gates[3]), (None, None, None));
    }

    #[test]
    fn a_name_listed_as_an_alias_or_under_an_unknown_tag_is_not_gated() {
        let alias = [(None, "syria"), (None, "syrien"), (Some("de"), "syrien")];
        assert_eq!(gates(&alias, "syria"), [None, None, None]);
        let unknown = [(None, "syria"), (Some("sw"), "syrien")];
        assert_eq!(gates(&unknown, "syria"), [None, None]);
    }

    #[test]
    fn a_word_only_of_the_names_own_languages_is_not_gated() {
        // `kanton` is a German word: German names are frequent in German.
        let names = [(None, "guangzhou"), (Some("de"), "kanton")];
        assert_eq!(gates(&names, "guangzhou"), [None, None]);
    }
}
