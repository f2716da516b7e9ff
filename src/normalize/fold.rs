//! Character folding: Unicode compatibility decomposition, full case folding,
//! diacritics removed, punctuation and space variants unified.
//!
//! unicode-normalization does the Unicode decomposition and caseless the full
//! case folding; the small tables below cover what neither does: Latin letters
//! whose stroke or ligature is not a combining mark (`ł`, `ø`, `æ`), and the
//! apostrophe, quote, dash and invisible-character variants of running text.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// What one original character becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Whitespace, control and separator characters: a run becomes one space.
    Space,
    /// Invisible characters that vanish (soft hyphen, ZWNJ, bidi marks, tatweel).
    Drop,
    /// A dash: a space between two alphanumerics (`Al-Qaeda` = `Al Qaeda`),
    /// a `-` elsewhere.
    Dash,
    /// Everything else: folded by [`fold_into`].
    Text,
}

/// Classifies one character for the normalizer's unit segmentation.
pub(crate) fn classify(c: char) -> Class {
    match c {
        '\u{00AD}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{0640}' => Class::Drop,
        '\u{200B}' => Class::Space,
        // Dashes, and the compatibility forms that decompose to one
        // (superscript and subscript minus, vertical dashes): listed rather
        // than decomposed for every character of a text, which cost a
        // tenth of normalizing Greek or Russian; a test checks the list
        // against unicode-normalization's tables.
        '-'
        | '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{207B}'
        | '\u{208B}'
        | '\u{FE31}'
        | '\u{FE32}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}'
        | '\u{058A}'
        | '\u{05BE}' => Class::Dash,
        c if c.is_whitespace() || c.is_control() => Class::Space,
        _ => Class::Text,
    }
}

/// Latin letters that Unicode does not decompose into base + mark.
fn strip_stroke(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ŧ' => "t",
        'ƀ' => "b",
        'ı' => "i",
        'ŀ' => "l",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ĸ' => "q",
        // Azerbaijani, Tatar and Kazakh schwa, which the press of other
        // languages writes a (Əliyev = Aliyev).
        'ə' | 'Ə' => "a",
        _ => return None,
    })
}

/// Apostrophe- and quote-like characters, unified to `'` and `"`.
pub(crate) fn unify_punct(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`'
        | '\u{02BC}' | '\u{02BB}' | '\u{02BD}' | '\u{02BE}' | '\u{02BF}' | '\u{02B9}'
        | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2039}' | '\u{203A}' | '\u{2033}' | '\u{FF02}' => '"',
        _ => return None,
    })
}

/// Folds one cluster (a base character and the combining marks after it) of
/// class [`Class::Text`], appending the result to `out`.
pub(crate) fn fold_into(cluster: &str, out: &mut String) {
    for composed in cluster.nfc() {
        match hacek_digraph(composed) {
            Some(digraph) => out.push_str(digraph),
            None => fold_char(composed, out),
        }
    }
}

/// Letters with a háček, cedilla or acute that spell a sound English writes
/// with two letters (ISO 9 and Czech, Polish, Croatian, Romanian spelling:
/// `Prigožin` = `Prigozhin`, `Čajkovskij` = `Chaykovsky`). Stripping the mark
/// would lose the sound, so they become the English digraph.
fn hacek_digraph(c: char) -> Option<&'static str> {
    Some(match c {
        'š' | 'Š' | 'ś' | 'Ś' | 'ş' | 'Ş' | 'ș' | 'Ș' => "sh",
        'č' | 'Č' | 'ć' | 'Ć' => "ch",
        'ž' | 'Ž' | 'ż' | 'Ż' | 'ź' | 'Ź' => "zh",
        'ț' | 'Ț' => "ts",
        _ => return None,
    })
}

/// `name` spelled as the English and French press spell names of
/// Latin-script languages, or `None` if that is how it is spelled: the
/// letters [`hacek_digraph`] reads as digraphs without their marks
/// (`Vučić`, `Babiš`, `Şimşek`: Vucic, Babis, Simsek), and Serbian and
/// Croatian `đ` as `dj` (`Đurić`: Djuric).
pub(crate) fn press_spelling(name: &str) -> Option<String> {
    let respelled = |c: char| hacek_digraph(c).is_some() || matches!(c, 'đ' | 'Đ');
    if name.is_ascii() || !name.chars().any(respelled) {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            'đ' => out.push_str("dj"),
            'Đ' => out.push_str("Dj"),
            c if hacek_digraph(c).is_some() => out.extend(c.nfd().take(1)),
            c => out.push(c),
        }
    }
    Some(out)
}

/// Folds one composed character (see [`fold_into`]).
fn fold_char(c: char, out: &mut String) {
    for c in c.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if let Some(p) = unify_punct(c) {
            out.push(p);
            continue;
        }
        // Full case folding may yield characters that decompose again
        // (`İ` → `i` + U+0307), hence the second decomposition.
        for folded in caseless::default_case_fold_str(c.encode_utf8(&mut [0; 4]))
            .nfkd()
            .filter(|&f| !is_combining_mark(f))
        {
            match strip_stroke(folded) {
                Some(s) => out.push_str(s),
                None => match classify(folded) {
                    Class::Text => out.push(folded),
                    // Compatibility forms such as U+2002 EN SPACE fold here.
                    Class::Space if !out.ends_with(' ') => out.push(' '),
                    Class::Space => {}
                    Class::Dash => out.push('-'),
                    Class::Drop => {}
                },
            }
        }
    }
}

/// The first character the normalized text will hold after these
/// characters: characters that fold to nothing (invisible ones, lone
/// combining marks) are skipped; a space or dash is returned as itself.
pub(crate) fn next_visible(chars: impl Iterator<Item = char>) -> Option<char> {
    let mut folded = String::new();
    for c in chars {
        match classify(c) {
            Class::Drop => {}
            Class::Space | Class::Dash => return Some(c),
            Class::Text => {
                fold_into(c.encode_utf8(&mut [0; 4]), &mut folded);
                if let Some(f) = folded.chars().next() {
                    return Some(f);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character that is no letter or digit and decomposes (NFKD) to
    /// one other character classes as that one: the dashes listed in
    /// [`classify`] are all there are.
    #[test]
    fn compatibility_forms_class_as_what_they_decompose_to() {
        let chars = (0x80..=0x10FFFF).filter_map(char::from_u32);
        for c in chars.filter(|c| !c.is_alphanumeric()) {
            let mut decomposed = std::iter::once(c).nfkd();
            if let (Some(d), None) = (decomposed.next(), decomposed.next()) {
                if d != c {
                    assert_eq!(classify(c), classify(d), "{c:?} decomposes to {d:?}");
                }
            }
        }
    }
}
