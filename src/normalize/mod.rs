//! The one normalization pipeline, applied alike to gazetteer names and to
//! documents.
//!
//! In order, for every character of the input:
//! 1. whitespace, control and separator runs become one space;
//! 2. invisible characters vanish (soft hyphen, zero-width joiners, bidi
//!    marks, Arabic tatweel);
//! 3. a dash between two letters or digits becomes a space (`Al-Qaeda` and
//!    `Al Qaeda` normalize alike), any other dash becomes `-`;
//! 4. a character and its combining marks are composed (NFKC), and each
//!    letter of a non-Latin script becomes Latin as the press romanizes
//!    names (`translit.rs`: `Кабул` → `kabul`, `پنجشیر` → `pnjshir`);
//! 5. anything else is decomposed (NFKD), case-folded (full Unicode case
//!    folding, so `ß` = `ss`), stripped of diacritics (a háček letter becomes
//!    the English digraph, `š` → `sh`), and apostrophe and quote variants
//!    become `'` and `"`.
//!
//! The result keeps a map back to byte offsets of the original text, so every
//! span found in normalized text is reported on the original.

mod fold;
mod offsets;
mod translit;

use crate::Span;
use fold::Class;
use offsets::OffsetMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The normalization pipeline, one pass over the text: whitespace runs become
/// one space; invisible characters vanish; a dash between two letters or
/// digits becomes a space, other dashes `-`; letters of other scripts become
/// Latin; every other character is decomposed (NFKD), case-folded, stripped
/// of diacritics, and apostrophe and quote variants become `'` and `"`.
///
/// ```
/// use canon::Normalizer;
/// let n = Normalizer::new();
/// assert_eq!(n.key("Панджшер"), "pandzhsher");
/// assert_eq!(n.key("Καμπούλ"), "kabul");
/// ```
///
/// ```
/// use canon::Normalizer;
/// let n = Normalizer::new();
/// assert_eq!(n.normalize("Al‐Qaïda’s  ÉMIR").as_str(), "al qaida's emir");
/// assert_eq!(n.key(" Straße "), "strasse");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    _private: (),
}

/// A normalized text with its map back to the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    map: OffsetMap,
}

impl Normalized {
    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original-text span that normalized `span` came from; both ends
    /// fall on `char` boundaries of the original text.
    ///
    /// ```
    /// use canon::{Normalizer, Span};
    /// let text = "vallée du Panchir";
    /// let norm = Normalizer::new().normalize(text);
    /// let at = norm.as_str().find("panchir").unwrap();
    /// let span = norm.to_original(Span::new(at, at + 7));
    /// assert_eq!(&text[span], "Panchir");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        Span::new(self.map.start(span.start), self.map.end(span.end))
    }

    /// The original offset where a span starting at normalized `start`
    /// starts: [`Normalized::to_original`]'s start, alone.
    pub(crate) fn original_start(&self, start: usize) -> usize {
        self.map.start(start)
    }

    /// The original offset where a span ending at normalized `end` ends:
    /// [`Normalized::to_original`]'s end, alone.
    pub(crate) fn original_end(&self, end: usize) -> usize {
        self.map.end(end)
    }
}

/// Whether `c` is a letter ([`char::is_alphabetic`]), told at once for the
/// letters of the scripts news is written in most (ASCII, Greek, Cyrillic,
/// Hebrew, Arabic): outside ASCII the standard library searches its tables,
/// hundreds of instructions a character.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0391}'..='\u{03A1}'
        | '\u{03A3}'..='\u{03A9}'
        | '\u{03B1}'..='\u{03C9}'
        | '\u{0410}'..='\u{044F}'
        | '\u{05D0}'..='\u{05EA}'
        | '\u{0621}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphabetic(),
    }
}

/// Scripts written without spaces, one syllable a character (Han, kana):
/// their transliterated syllables are kept apart as words (`北京` →
/// `bei jing`), as UAX #29 segments them.
/// Byte offsets in `text` of what vanishes from the dotted acronym it starts
/// with: two groups or more of one or two capital letters, each followed by
/// a dot, then no letter or digit (`U.N.`, `F.M.I.`, `EE.UU.`; not `A. Smith`
/// nor `U.Nations`). The inner dots vanish, and the space after one between
/// two doubled letters (Spanish plurals: `EE. UU.`, `FF. AA.`); the last dot
/// stays, as it may end a sentence. Empty if `text` starts with none.
fn dotted_acronym(text: &str) -> impl DoubleEndedIterator<Item = usize> {
    let bytes = text.as_bytes();
    let doubled = |at: usize| bytes.get(at..at + 2).is_some_and(|g| g[0] == g[1]);
    let mut gone = Vec::new();
    let mut at = 0;
    loop {
        let letters = bytes[at..]
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        if !(1..=2).contains(&letters) || bytes.get(at + letters) != Some(&b'.') {
            break;
        }
        let dot = at + letters;
        let spaced = letters == 2
            && doubled(at)
            && bytes.get(dot + 1) == Some(&b' ')
            && doubled(dot + 2)
            && bytes.get(dot + 4) == Some(&b'.');
        gone.push(dot);
        if spaced {
            gone.push(dot + 1);
        }
        at = dot + 1 + usize::from(spaced);
    }
    let ends = text[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    gone.pop(); // the last dot
    if !ends {
        gone.clear();
    }
    gone.into_iter()
}

/// How many ASCII letters and digits `text` starts with, less the last if
/// a character that may be a combining mark follows it: each folds to
/// itself in lower case, and together they extend one linear unit.
fn ascii_word_run(text: &str) -> usize {
    let bytes = text.as_bytes();
    let run = bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    match bytes.get(run) {
        Some(b) if !b.is_ascii() => run.saturating_sub(1),
        _ => run,
    }
}

/// Whether `c` is a combining mark; ASCII, most of every text, never is.
fn is_mark(c: char) -> bool {
    !c.is_ascii() && is_combining_mark(c)
}

fn is_syllabic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

impl Normalizer {
    /// The default pipeline.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// Normalizes `text`, keeping the map back to its byte offsets.
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut out = String::with_capacity(text.len());
        let mut map = OffsetMap::default();
        let mut chars = text.char_indices().peekable();
        let mut prev: Option<char> = None;
        let mut glue = false;
        let mut scratch = String::new();
        // Inner dots of a dotted acronym ahead (`U.N.`, `EE.UU.`), by byte
        // offset: they vanish, so that it reads as the acronym (`un.`).
        let mut inner_dots: Vec<usize> = Vec::new();
        while let Some((i, c)) = chars.next() {
            if inner_dots.last() == Some(&i) {
                inner_dots.pop();
                map.push_invisible(out.len(), i);
                prev = Some(c);
                continue;
            }
            // A dotted acronym has a dot after its first letter or two:
            // most capitals start words that have none.
            let dot_ahead = || {
                let ahead = &text.as_bytes()[i + 1..];
                ahead.first() == Some(&b'.')
                    || (ahead.first().is_some_and(u8::is_ascii_uppercase)
                        && ahead.get(1) == Some(&b'.'))
            };
            if c.is_ascii_uppercase() && !prev.is_some_and(char::is_alphanumeric) && dot_ahead() {
                inner_dots = dotted_acronym(&text[i..]).map(|d| i + d).rev().collect();
            }
            // A letter that wrote nothing (Greek γ of γι = y) is one unit
            // with the letter right after it, so that a word starting there
            // maps back to its first letter.
            let glued = std::mem::take(&mut glue);
            match fold::classify(c) {
                Class::Space => {
                    let single = c == ' '
                        && chars
                            .peek()
                            .is_none_or(|&(_, d)| fold::classify(d) != Class::Space);
                    map.push(out.len(), i, single && !out.ends_with(' '));
                    while chars
                        .next_if(|&(_, d)| fold::classify(d) == Class::Space)
                        .is_some()
                    {}
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                }
                Class::Drop => map.push_invisible(out.len(), i),
                Class::Dash => {
                    // Judged on folded neighbours, so that normalizing again
                    // decides alike (a Kangxi radical folds to a letter).
                    let next = fold::next_visible(chars.clone().map(|(_, d)| d));
                    let joins = out.chars().next_back().is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric);
                    map.push(out.len(), i, c == '-');
                    out.push(if joins { ' ' } else { '-' });
                }
                Class::Text => {
                    let mut end = i + c.len_utf8();
                    while let Some((j, d)) = chars.next_if(|&(_, d)| is_mark(d)) {
                        end = j + d.len_utf8();
                    }

                    if c.is_ascii() && end == i + 1 {
                        if !glued {
                            map.push(out.len(), i, true);
                        }
                        out.push(fold::unify_punct(c).unwrap_or(c.to_ascii_lowercase()));
                        prev = Some(c);
                        // The rest of the word, in one go.
                        let run = ascii_word_run(&text[end..]);
                        if let Some(last) = run.checked_sub(1) {
                            map.push(out.len(), end, true);
                            let from = out.len();
                            out.push_str(&text[end..end + run]);
                            out[from..].make_ascii_lowercase();
                            prev = chars.nth(last).map(|(_, d)| d);
                        }
                        continue;
                    }
                    if !glued {
                        map.push(out.len(), i, false);
                    }
                    let written = out.len();
                    // A letter with its marks, composed (`и` + U+0306 = `й`;
                    // compatibility forms and ligatures decomposed, `ﯪ` =
                    // `ئا`), then each character through the script tables
                    // or, for Latin and the rest, through folding.
                    scratch.clear();
                    scratch.extend(text[i..end].nfkc());
                    let mut composed = scratch.chars().peekable();
                    while let Some(ch) = composed.next() {
                        let last_of_cluster = composed.peek().is_none();
                        let next = composed.peek().copied().or(chars.peek().map(|&(_, d)| d));
                        let Some(latin) = translit::transliterate(prev, ch, next) else {
                            fold::fold_into(ch.encode_utf8(&mut [0; 4]), &mut out);
                            prev = Some(ch);
                            continue;
                        };
                        let syllable = is_syllabic(ch) && !latin.text.is_empty();
                        if syllable && !out.is_empty() && !out.ends_with(' ') {
                            out.push(' ');
                        }
                        out.push_str(latin.text);
                        if syllable {
                            out.push(' ');
                        }
                        prev = Some(ch);
                        if latin.consumes_next {
                            if last_of_cluster {
                                // The digraph's second letter, and its marks,
                                // belong to this unit.
                                prev = chars.next().map(|(_, d)| d);
                                while chars.next_if(|&(_, d)| is_mark(d)).is_some() {}
                            } else {
                                prev = composed.next();
                            }
                        }
                    }
                    glue = out.len() == written && c.is_alphabetic();
                    continue;
                }
            }
            prev = Some(c);
        }
        map.finish(out.len(), text.len());
        Normalized { text: out, map }
    }

    /// The lookup key of a name: its normalized form without surrounding
    /// spaces. Gazetteer names and document spans compare by key.
    pub fn key(&self, name: &str) -> String {
        self.normalize(name).text.trim_matches(' ').to_string()
    }

    /// The key of `name` as the English and French press spell names of
    /// Latin-script languages, when it differs from [`Normalizer::key`]:
    /// normalization reads `š`, `č`, `ž` as the digraphs of other
    /// scripts' romanizations (`Prigožin` = `Prigozhin`), the press drops
    /// their marks (`Vučić` = `Vucic`) and writes Serbian `đ` as `dj`
    /// (`Đurić` = `Djuric`).
    pub(crate) fn press_key(&self, name: &str) -> Option<String> {
        fold::press_spelling(name).map(|spelled| self.key(&spelled))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn letters_are_told_as_the_standard_library_tells_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
