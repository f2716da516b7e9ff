//! Candidate spans: key-table hits on token boundaries (exact, alias,
//! acronym, normalized, composed), then fuzzy lookups for the capitalized
//! spans nothing exact covers.

use crate::guard;
use crate::language::{self, Languages};
use crate::lexicon::{is_not_initial, Entry, Lexicon, NameKind, MIN_APPROXIMATE_LETTERS};
use crate::memo::{Found, Memo};
use crate::normalize::is_letter;
use crate::resolve::{Resolution, Taken};
use crate::skeleton;
use crate::tokenize::{Token, TokenKind, Tokens};
use crate::{EntityType, Gazetteer, Method, Normalized, Span};
use std::ops::Range;

/// Whether a normalized word is a lower-case particle that may stand
/// inside a capitalized name (`Lion of Panjshir`, `Front national de
/// résistance`), besides the Arabic articles ([`skeleton::ARTICLES`]:
/// `Abu Musab al-Zarqawi`). Asked of every word in small letters: a
/// `match` tells most of them by their length alone.
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "ud" | "ol"
            | "bin"
            | "ibn"
            | "ben"
            | "bint"
            | "abu"
            | "abou"
            | "de"
            | "du"
            | "des"
            | "del"
            | "della"
            | "di"
            | "da"
            | "dos"
            | "das"
            | "la"
            | "le"
            | "von"
            | "van"
            | "der"
            | "den"
            | "of"
            | "e"
            | "i"
            | "y"
    )
}

/// Fewest letters of an ordinary word that may be a name's spelling, with
/// the name's very skeleton and vowels (`Afganistán`; not `Jamás`).
const MIN_ORDINARY_RESPELLED_LETTERS: usize = 7;

/// The rule of a name read with a genitive -s (`Massuds`).
const GENITIVE: &str = "genitive -s";

/// Longest name, in tokens, the fuzzy pass looks up.
const MAX_FUZZY_TOKENS: usize = 6;

/// Scores of the exact tier, by method.
pub(crate) const SCORE_LISTED: f64 = 1.0;
pub(crate) const SCORE_NORMALIZED: f64 = 0.95;
pub(crate) const SCORE_COMPOSED: f64 = 0.9;
/// Score of a name the gazetteer does not list but implies (initials, a
/// name without its `of` and place).
pub(crate) const SCORE_DERIVED: f64 = 0.88;
/// Score of a name the gazetteer does not list but the known names give the
/// entity ([`crate::KnownNames`]).
const SCORE_KNOWN: f64 = 0.9;
/// The rules `explain` gives for a known name and a known acronym.
const KNOWN_NAME: &str = "known name, not in the gazetteer";
pub(crate) const KNOWN_ACRONYM: &str = "known acronym, not in the gazetteer";

/// Why a candidate did not become a mention.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Reason {
    /// The listed name is capitalized but the text is all lower case.
    Lowercase,
    /// An acronym whose case differs from the listed one (`afp` for `AFP`).
    AcronymCase,
    /// An all-capitals name written otherwise in the text.
    NotAllCaps,
    /// A single ordinary word of English, French, German or Spanish, which
    /// links only when the gazetteer lists it.
    CommonWord,
    /// The score is below the threshold (global or the entity's `min_score`).
    BelowThreshold(f64),
    /// Another entity fits the same span as well; canon says nothing.
    Ambiguous,
    /// Another entity fits the same span better.
    Outscored,
    /// Another entity fits the same span as well and is the personal name
    /// itself ([`crate::Entity::is_personal_name`]), true of whoever bears
    /// it: `Muhammad (given name)` rather than `Muhammad (prophet)`.
    NameItself,
    /// The same entity matched the same span by a better name.
    Superseded,
    /// A longer or better mention overlaps this span.
    Overlapped,
    /// The text defines this acronym as something else.
    Redefined,
    /// The gazetteer says this spelling is not this entity (`not`).
    Excluded,
    /// The entity needs one of its `context` words in the sentence.
    NoContext,
    /// A name of ordinary words without the body it belongs to (`Security
    /// Council`), before the text names that body or the entity, or where
    /// a word makes it another's (`the Kremlin's Security Council`).
    OwnerUnnamed,
    /// A name listed in another script, read into Latin letters, met in
    /// Latin text: Persian `چین` (China) reads `chin`, which is not China.
    OtherScript,
    /// A name beside capitalized words that make it part of an unknown
    /// longer name (`Paris Hilton`, `Milan Kundera`, `National Security
    /// Council`).
    LongerName,
    /// Inside the name of an entity that canon knows and the gazetteer does
    /// not list ([`crate::KnownNames`]): `Sudan` in `South Sudan`, `Guinea`
    /// in `Papua New Guinea`; or that name itself, when only an approximate
    /// spelling of the entity's names.
    OtherName,
    /// A place followed by the state or province of another country that
    /// has a place of that name (`Moscow, Idaho`).
    Elsewhere,
    /// An acronym that is an ordinary word, among other ordinary words in
    /// capitals (`WHAT IS THE PLAN`): a headline, not the acronym.
    Shouted,
    /// An approximate spelling of a place that is the very name of another
    /// town or city of the world (GeoNames): `Khust`, in Ukraine, is not
    /// `Khost`.
    OtherPlace,
    /// A person's name inside the name of something named after the person
    /// (`Sadr City`, `rue Massoud`): see `data/eponym-heads.txt`.
    NamedAfter,
    /// A name that is an ordinary word of another language, listed for
    /// the languages of its tags, in text that is in none of them: German
    /// `Syrien` (Syria) in French text, where it is a Syrian.
    OtherLanguage,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Lowercase => f.write_str("the name is capitalized, the text is not"),
            Reason::AcronymCase => f.write_str("acronyms match with their case"),
            Reason::NotAllCaps => f.write_str("the name is in capitals, the text is not"),
            Reason::CommonWord => f.write_str("an ordinary word, linked only if listed"),
            Reason::BelowThreshold(t) => write!(f, "score below the threshold {t}"),
            Reason::Ambiguous => f.write_str("another entity fits this span as well"),
            Reason::Outscored => f.write_str("another entity fits this span better"),
            Reason::NameItself => {
                f.write_str("another entity fits this span as well: the name itself, preferred")
            }
            Reason::Superseded => f.write_str("the same entity matched by a better name"),
            Reason::Overlapped => f.write_str("a longer or better mention overlaps it"),
            Reason::Redefined => f.write_str("the text defines this acronym otherwise"),
            Reason::OtherScript => {
                f.write_str("the name is listed in another script, the text is in Latin letters")
            }
            Reason::LongerName => f.write_str("part of a longer, unknown name"),
            Reason::Elsewhere => f.write_str("a place of the same name in another country"),
            Reason::NamedAfter => f.write_str("in the name of something named after the person"),
            Reason::Shouted => f.write_str("an ordinary word in a text written in capitals"),
            Reason::OtherPlace => f.write_str("the name of another town or city of the world"),
            Reason::OtherLanguage => {
                f.write_str("a name of other languages, where this text's language has a word")
            }
            Reason::OtherName => {
                f.write_str("the name of another entity canon knows, or inside it")
            }
            Reason::Excluded => f.write_str("the gazetteer's `not` excludes this spelling"),
            Reason::NoContext => {
                f.write_str("none of the entity's `context` words is in the sentence")
            }
            Reason::OwnerUnnamed => f.write_str(
                "a name of ordinary words without the body it belongs to, which the text has not named",
            ),
        }
    }
}

/// A possible mention, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Span of the normalized text.
    pub(crate) norm: Span,
    /// Span of the original text.
    pub(crate) span: Span,
    pub(crate) entity: u32,
    /// The listed form that matched.
    pub(crate) form: u32,
    /// For a composed match, the place spelling substituted into `form`.
    pub(crate) via: Option<u32>,
    /// For a transliteration match, the convention rules that bridged the
    /// two spellings.
    pub(crate) rules: Vec<&'static str>,
    pub(crate) method: Method,
    pub(crate) score: f64,
    /// `None` while the candidate is still in the running.
    pub(crate) dropped: Option<Reason>,
}

impl Candidate {
    /// Whether it was found by a name, listed or spelled otherwise; not a
    /// composed one, an acronym or the document's own reference.
    pub(crate) fn by_name(&self) -> bool {
        matches!(
            self.method,
            Method::Exact
                | Method::Alias
                | Method::Normalized
                | Method::Known
                | Method::Transliteration
                | Method::Fuzzy
        )
    }
}

/// One document as the candidate stage sees it.
pub(crate) struct Document<'a> {
    pub(crate) text: &'a str,
    pub(crate) norm: &'a Normalized,
    pub(crate) tokens: &'a Tokens,
    /// The language of its ordinary words, read when first asked.
    language: std::cell::OnceCell<Option<usize>>,
}

impl<'a> Document<'a> {
    /// The document of `text`, normalized to `norm`, whose tokens are
    /// `tokens`.
    pub(crate) fn new(text: &'a str, norm: &'a Normalized, tokens: &'a Tokens) -> Self {
        Document {
            text,
            norm,
            tokens,
            language: std::cell::OnceCell::new(),
        }
    }

    /// The guarded language the document reads as by its ordinary words
    /// ([`language::ordinary_language`]), read once.
    pub(crate) fn ordinary_language(&self) -> Option<usize> {
        *(self.language).get_or_init(|| language::ordinary_language(self.norm.as_str()))
    }

    /// Whether the document reads as German by its ordinary words.
    pub(crate) fn reads_as_german(&self) -> bool {
        self.ordinary_language() == Some(guard::GERMAN)
    }

    /// The original text of a normalized span.
    pub(crate) fn original(&self, norm: Span) -> &'a str {
        &self.text[self.norm.to_original(norm)]
    }

    /// Whether a blank line (a paragraph's end) stands between normalized
    /// spans `a` and `b` in the original text: a name never runs across
    /// one (`… contre Imamoglu` then `ANKARA (AFP) -`).
    pub(crate) fn paragraph_between(&self, a: Span, b: Span) -> bool {
        let (end, start) = (
            self.norm.original_end(a.end),
            self.norm.original_start(b.start),
        );
        let gap = self.text.get(end..start).unwrap_or_default();
        gap.matches('\n').nth(1).is_some()
    }

    /// Whether normalized spans `a` and `b` are one space apart, within a
    /// paragraph: normalization makes a blank line one space too.
    pub(crate) fn spaced(&self, a: Span, b: Span) -> bool {
        self.norm.as_str().get(a.end..b.start) == Some(" ") && !self.paragraph_between(a, b)
    }

    /// Whether normalized spans `a` and `b` are glued (an elision and its
    /// word) or [`Document::spaced`].
    pub(crate) fn next_to(&self, a: Span, b: Span) -> bool {
        a.end == b.start || self.spaced(a, b)
    }

    /// Whether normalized `span` starts with a capital in the original text.
    pub(crate) fn capitalized(&self, span: Span) -> bool {
        let start = self.norm.original_start(span.start);
        (self.text[start..].chars().next()).is_some_and(char::is_uppercase)
    }

    /// Whether a dash (`-`, or a non-breaking one) joins the original text
    /// of normalized spans `a` and `b`, which normalization turns into a
    /// space (`al-Huthi`, `Ching-teh`).
    pub(crate) fn dashed(&self, a: Span, b: Span) -> bool {
        // A dash normalizes to a space between letters, to itself else:
        // other gaps are told in the normalized text.
        if !matches!(self.norm.as_str().get(a.end..b.start), Some(" " | "-")) {
            return false;
        }
        let (end, start) = (
            self.norm.original_end(a.end),
            self.norm.original_start(b.start),
        );
        end < start && matches!(&self.text[end..start], "-" | "\u{2011}")
    }
}

/// Candidates from the key table: every key occurrence on token boundaries.
pub(crate) fn exact(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
) -> Vec<Candidate> {
    let norm = doc.norm.as_str();
    let mut out = Vec::new();
    for (start, end, key) in lexicon.find(norm, doc.tokens) {
        // A name with a genitive or plural ending glued on (de `Kabuls`,
        // `Afghanistans`, fr `talibans`, es `talibanes`): the mention is the
        // name.
        // (A name ending in parentheses ends after the closing one.)
        let genitive = !doc.tokens.ends_at(end) && !norm[..end].ends_with(')');
        let ending = ["s", "es"]
            .iter()
            .any(|e| norm[end..].starts_with(e) && doc.tokens.ends_at(end + e.len()));
        if genitive && !(end - start >= MIN_GENITIVE_LETTERS && ending) {
            continue;
        }
        let nspan = Span::new(start, end);
        let mut span = doc.norm.to_original(nspan);
        // A dotted acronym ends with its last dot (`U.S.`), which
        // normalization keeps apart, as it may also end the sentence.
        let dotted = |s: &str| s.contains('.') && !s.chars().any(char::is_lowercase);
        if dotted(&doc.text[span]) && doc.text[span.end..].starts_with('.') {
            span.end += 1;
        }
        let surface = &doc.text[span];
        let first = out.len();
        let shouted = std::cell::OnceCell::new();
        for &entry in lexicon.entries(key) {
            let mut candidate = listed_candidate(lexicon, entry, nspan, span, surface);
            if candidate.dropped.is_none()
                && lexicon.form(entry.form).kind.is_acronym()
                && *shouted.get_or_init(|| shouted_word(doc, nspan))
            {
                candidate.dropped = Some(Reason::Shouted);
            }
            if genitive {
                // Only on a name word: `AFPs`, `Kabul airports` and lower-case
                // words with an -s are other words.
                let form = lexicon.form(entry.form);
                let last_word = form.text.rsplit([' ', '-']).next().unwrap_or_default();
                // And on the name as written, accents included: French
                // `Algériens` (Algerians) is no German `Algerien` + s.
                if form.kind.is_acronym()
                    || !last_word.chars().next().is_some_and(char::is_uppercase)
                    || letters(surface) != letters(form.text)
                {
                    continue;
                }
                candidate.score -= GENITIVE_COST;
                candidate.rules.push(GENITIVE);
            }
            if lexicon.form(entry.form).kind == NameKind::FirstPart
                && goes_on_with_a_second_part(&doc.text[span.end..])
            {
                candidate.dropped = Some(Reason::LongerName);
            }
            lowercase_group(&mut candidate, gazetteer, &norm[nspan]);
            acronym_as_a_word(&mut candidate, doc, &norm[nspan], surface);
            out.push(candidate);
        }
        keep_best_per_entity(&mut out, first);
    }
    after_contracted_articles(doc, lexicon, &mut out);
    without_marks(doc, lexicon, &mut out);
    around_nicknames(doc, lexicon, gazetteer, &mut out);
    out
}

/// Most words of a nickname in quotes inside a person's name.
const MAX_NICKNAME_WORDS: usize = 3;

/// Most words of a name on either side of a nickname.
const MAX_NAME_SIDE_WORDS: usize = 3;

/// The rule of a person's name read without the nickname inside it.
const NICKNAME: &str = "nickname in quotes left out";

/// Appends to `out` the persons' names written with a nickname in quotes
/// inside them (`Joaquín "El Chapo" Guzmán`, `Ronald « Bato » dela Rosa`):
/// the mention is the whole, nickname included, found by the name without
/// it. Normalization writes every quote `"`.
fn around_nicknames(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    out: &mut Vec<Candidate>,
) {
    let norm = doc.norm.as_str();
    if !norm.contains('"') {
        return;
    }
    let words: Vec<&Token> = (doc.tokens.as_slice().iter())
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let gap = |a: &Token, b: &Token| &norm[a.span.end..b.span.start];
    // A side of the name: words and spaces, nothing that ends a name.
    let plain = |from: usize, to: usize| {
        norm[from..to]
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '\'' | '-'))
    };
    let mut key = String::new();
    for (i, before) in words.iter().enumerate() {
        let Some(first) = words.get(i + 1) else {
            break;
        };
        // French guillemets stand apart from their words (`« Bato »`).
        if !matches!(gap(before, first), " \"" | " \" ") {
            continue;
        }
        let last = (i + 1..words.len() - 1)
            .take(MAX_NICKNAME_WORDS)
            .find(|&c| matches!(gap(words[c], words[c + 1]), "\" " | " \" "));
        let Some(after) = last.map(|c| c + 1) else {
            continue;
        };
        for j in i.saturating_sub(MAX_NAME_SIDE_WORDS - 1)..=i {
            for k in after..words.len().min(after + MAX_NAME_SIDE_WORDS) {
                let (start, end) = (words[j].span.start, words[k].span.end);
                if !plain(start, before.span.end) || !plain(words[after].span.start, end) {
                    continue;
                }
                key.clear();
                key.push_str(&norm[start..before.span.end]);
                key.push(' ');
                key.push_str(&norm[words[after].span.start..end]);
                let Some(found) = lexicon.lookup(&key) else {
                    continue;
                };
                let nspan = Span::new(start, end);
                let span = doc.norm.to_original(nspan);
                let first_candidate = out.len();
                for &entry in lexicon.entries(found) {
                    let form = lexicon.form(entry.form);
                    let person = gazetteer.traits(form.entity).kind == crate::EntityType::Person;
                    if person && entry.via.is_none() && !form.kind.is_acronym() {
                        let surface = &doc.text[span];
                        let mut candidate = listed_candidate(lexicon, entry, nspan, span, surface);
                        candidate.rules.push(NICKNAME);
                        out.push(candidate);
                    }
                }
                keep_best_per_entity(out, first_candidate);
            }
        }
    }
}

/// Appends to `out` the names that a capitalized word written with marks
/// is as the press spells it without them, where the gazetteer lists it
/// so (`Niš` = `Nis`, `Šabac` = `Sabac`): normalization reads the marks as
/// digraphs (`nish`), and a short name is never read approximately.
fn without_marks(doc: &Document<'_>, lexicon: &Lexicon, out: &mut Vec<Candidate>) {
    // The letters with those marks are in Latin Extended-A (`š`, `đ`) and
    // B (`ș`, `ț`), whose UTF-8 starts with these bytes: most documents
    // have none, and are told by one scan.
    let extended = |b: &u8| matches!(b, 0xC4 | 0xC5 | 0xC8);
    if !doc.text.as_bytes().iter().any(extended) {
        return;
    }
    let norm = doc.norm.as_str();
    let normalizer = crate::Normalizer::new();
    for token in doc.tokens.as_slice() {
        // The marks read as digraphs with an h or a dj, or as ts.
        let word = &norm[token.span];
        let digraph = word.contains('h') || word.contains("dj") || word.contains("ts");
        if token.kind != TokenKind::Word || !digraph || !doc.capitalized(token.span) {
            continue;
        }
        let span = doc.norm.to_original(token.span);
        let original = &doc.text[span];
        if original.is_ascii() {
            continue;
        }
        let Some(press) = normalizer.press_key(original) else {
            continue;
        };
        let Some(key) = (press != norm[token.span])
            .then(|| lexicon.lookup(&press))
            .flatten()
        else {
            continue;
        };
        let first = out.len();
        for &entry in lexicon.entries(key) {
            let mut candidate = listed_candidate(lexicon, entry, token.span, span, original);
            candidate.rules.push(PRESS_SPELLING);
            out.push(candidate);
        }
        keep_best_per_entity(out, first);
    }
}

/// French and Spanish prepositions that hold the article a name starts
/// with (`au Caire`, `du Havre` for `Le Caire`, `Le Havre`; `del Cairo`
/// for `El Cairo`), normalized, with that article.
const CONTRACTED_ARTICLES: &[(&str, &str)] = &[
    ("au", "le"),
    ("du", "le"),
    ("aux", "les"),
    ("al", "el"),
    ("del", "el"),
];

/// Most words of a name read after a contracted article.
const MAX_CONTRACTED_WORDS: usize = 4;

/// The rule of a name read after a contracted article.
const CONTRACTED: &str = "article held by the preposition (au Caire = à + Le Caire)";

/// Appends to `out` the names starting with an article found after a
/// preposition that holds it (`au Caire`: `Le Caire`): the mention is the
/// rest of the name, capitalized as listed.
fn after_contracted_articles(doc: &Document<'_>, lexicon: &Lexicon, out: &mut Vec<Candidate>) {
    let norm = doc.norm.as_str();
    let tokens = doc.tokens.as_slice();
    let mut lookup = String::new();
    for (i, word) in tokens.iter().enumerate() {
        // Most words are longer than these prepositions: one compare.
        if word.span.len() > 3 || word.kind != TokenKind::Word {
            continue;
        }
        let held = CONTRACTED_ARTICLES
            .iter()
            .find(|(preposition, _)| norm[word.span] == **preposition);
        let Some(&(_, article)) = held else {
            continue;
        };
        let mut rest = (tokens[i + 1..].iter())
            .filter(|t| t.kind == TokenKind::Word)
            .take(MAX_CONTRACTED_WORDS)
            .peekable();
        let Some(first) = rest
            .peek()
            .copied()
            .filter(|t| t.span.start == word.span.end + 1)
        else {
            continue;
        };
        for last in rest {
            let nspan = Span::new(first.span.start, last.span.end);
            lookup.clear();
            lookup.push_str(article);
            lookup.push(' ');
            lookup.push_str(&norm[nspan]);
            let span = doc.norm.to_original(nspan);
            let surface = &doc.text[span];
            let key = lexicon.lookup(&lookup);
            let entries = key.map(|k| lexicon.entries(k)).unwrap_or_default();
            let start = out.len();
            for &entry in entries.iter().filter(|e| e.via.is_none()) {
                let form = lexicon.form(entry.form);
                // The name as listed, its article left out, sets the case.
                let listed = form.text.split_once([' ', '\'']).map(|(_, rest)| rest);
                let Some(listed) = listed.filter(|_| !form.kind.is_acronym()) else {
                    continue;
                };
                let mut candidate = listed_candidate(lexicon, entry, nspan, span, surface);
                candidate.dropped = script_mismatch(form.text, surface)
                    .or_else(|| case_mismatch(form.kind, listed, surface));
                candidate.rules.push(CONTRACTED);
                out.push(candidate);
            }
            keep_best_per_entity(out, start);
            if !lexicon.is_key_prefix(&lookup) {
                break;
            }
        }
    }
}

/// Whether the word at `nspan` is an ordinary word (`IS`, `US`) written in
/// capitals among others (`WHAT IS THE PLAN`, `LET US GO`): a headline or a
/// shout, where a word in capitals is no acronym.
fn shouted_word(doc: &Document<'_>, nspan: Span) -> bool {
    let norm = doc.norm.as_str();
    if !guard::is_common_word(&norm[nspan]) {
        return false;
    }
    let tokens = doc.tokens.as_slice();
    let at = tokens.partition_point(|t| t.span.start < nspan.start);
    let end = tokens.partition_point(|t| t.span.start < nspan.end);
    let word = |t: &&Token| t.kind == TokenKind::Word;
    let shouted = |t: Option<&Token>| {
        t.is_some_and(|t| {
            let original = &doc.text[doc.norm.to_original(t.span)];
            original.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !original.chars().any(char::is_lowercase)
                && guard::is_common_word(&norm[t.span])
        })
    };
    shouted(tokens[..at].iter().rev().find(word)) || shouted(tokens[end..].iter().find(word))
}

/// Press writes the names of some groups in lower case, as common nouns
/// (fr `les talibans`, es `los talibanes`). A lower-case word of six letters
/// or more that is not an ordinary word of en/fr/de/es may therefore link
/// to an organization listed with a capital, at a lower score; places and
/// persons keep their capital (`turkey`, `jordan`).
fn lowercase_group(candidate: &mut Candidate, gazetteer: &Gazetteer, word: &str) {
    let organization = gazetteer.traits(candidate.entity).kind == crate::EntityType::Organization;
    let allowed = candidate.dropped == Some(Reason::Lowercase)
        && organization
        && !word.contains(' ')
        && word.chars().count() >= 6
        && !guard::is_common_word(word);
    if allowed {
        candidate.dropped = None;
        candidate.score = candidate.score.min(SCORE_LOWERCASE_GROUP);
        candidate.rules.push("group name in lower case");
    }
}

/// Score of a group name written in lower case.
const SCORE_LOWERCASE_GROUP: f64 = 0.88;

/// German, French, Spanish and British press write an acronym read as a
/// word with one capital (`Nato`, `Opec`, `Ecowas`, `Cédéao`). An acronym
/// (or a name listed in capitals) may therefore be written so
/// ([`crate::coreference::is_acronym_as_a_word`]), at a lower score; not an
/// ordinary word at the start of a sentence, where every word has a
/// capital.
fn acronym_as_a_word(candidate: &mut Candidate, doc: &Document<'_>, word: &str, surface: &str) {
    let allowed = matches!(
        candidate.dropped,
        Some(Reason::AcronymCase | Reason::NotAllCaps)
    ) && crate::coreference::is_acronym_as_a_word(surface)
        && !(guard::is_ordinary_word(word) && starts_sentence(doc.text, candidate.span.start));
    if allowed {
        candidate.dropped = None;
        candidate.score = candidate.score.min(SCORE_ACRONYM_AS_A_WORD);
        candidate.rules.push("acronym written as a word");
    }
}

/// Score of an acronym written as a word.
const SCORE_ACRONYM_AS_A_WORD: f64 = 0.9;

/// Fewest letters a name needs to be found with an -s glued on.
const MIN_GENITIVE_LETTERS: usize = 4;
/// What the glued -s costs the score.
const GENITIVE_COST: f64 = 0.05;

/// What reading a name of Cyrillic script as the nominative of its case
/// costs ([`skeleton::nominatives`]).
const CASE_COST: f64 = 0.03;

/// Fewest letters of a nominative looked up as a key as it stands
/// ([`by_skeleton`]): a country's name of four letters has case forms of
/// five (`Ирана`, `Ирака`, `Омана`), which no skeleton reaches.
const MIN_NOMINATIVE_LETTERS: usize = 4;

/// The rule of a name read as its nominative.
const CASE_ENDING: &str = "ru case ending = nominative";

fn listed_candidate(
    lexicon: &Lexicon,
    entry: Entry,
    norm: Span,
    span: Span,
    surface: &str,
) -> Candidate {
    let form = lexicon.form(entry.form);
    let verbatim = surface == form.text;
    let (method, score, rule) = match (entry.via, form.kind, verbatim) {
        (Some(_), _, _) => (Method::Composed, SCORE_COMPOSED, None),
        (None, NameKind::Initials, _) => {
            (Method::Acronym, SCORE_DERIVED, Some("initials of the name"))
        }
        (None, NameKind::ShortName | NameKind::FirstPart, _) => (
            Method::Alias,
            SCORE_DERIVED,
            Some("name as the press shortens it (its generic tail, 'of' and place, leading acronym, second part or plural -s left out; the UN as its acronym)"),
        ),
        (None, NameKind::WithoutOwner, _) => (
            Method::Alias,
            SCORE_DERIVED,
            Some("name without the acronym of the body it belongs to, named before"),
        ),
        (None, NameKind::LastNames, _) => (
            Method::Alias,
            SCORE_DERIVED,
            Some("name without its first given name"),
        ),
        (None, NameKind::GivenName, _) => (
            Method::Alias,
            SCORE_DERIVED,
            Some("the given name in another language (data/given-names.txt)"),
        ),
        (None, NameKind::Known, _) => (Method::Known, SCORE_KNOWN, Some(KNOWN_NAME)),
        (None, NameKind::KnownAcronym, _) => (Method::Known, SCORE_KNOWN, Some(KNOWN_ACRONYM)),
        (None, NameKind::Acronym, true) => (Method::Acronym, SCORE_LISTED, None),
        (None, NameKind::Acronym, false) => (Method::Acronym, SCORE_NORMALIZED, None),
        (None, NameKind::Canonical, true) => (Method::Exact, SCORE_LISTED, None),
        (None, NameKind::Alias, true) => (Method::Alias, SCORE_LISTED, None),
        (None, _, false) => (Method::Normalized, SCORE_NORMALIZED, None),
    };
    Candidate {
        norm,
        span,
        entity: form.entity,
        form: entry.form,
        via: entry.via,
        rules: rule.into_iter().collect(),
        method,
        score,
        dropped: script_mismatch(form.text, surface)
            .or_else(|| case_mismatch(form.kind, form.text, surface)),
    }
}

/// Whether text `after` a place's first part goes on with a second one
/// (`Jammu und Kaschmir`, `Trinidad-et-Tobago`): a joiner of
/// [`crate::lexicon::PAIR_JOINERS`], then a capital.
fn goes_on_with_a_second_part(after: &str) -> bool {
    (crate::lexicon::PAIR_JOINERS.iter())
        .filter_map(|joiner| after.strip_prefix(joiner))
        .any(|rest| rest.starts_with(char::is_uppercase))
}

/// The case rules: acronyms match as listed or in capitals; a name listed in
/// capitals needs capitals; a capitalized name needs a capital in the text.
fn case_mismatch(kind: NameKind, listed: &str, surface: &str) -> Option<Reason> {
    let has_upper = |s: &str| s.chars().any(char::is_uppercase);
    let all_caps = |s: &str| {
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
    };
    if kind.is_acronym() {
        // Dotted (`U.N.`, `EE. UU.`): its letters are the acronym.
        let surface: std::borrow::Cow<str> = match surface.contains('.') {
            true => surface.replace(['.', ' '], "").into(),
            false => surface.into(),
        };
        let as_listed = surface == listed || surface == listed.to_uppercase();
        // In capitals of another script, it is the acronym transliterated
        // (Russian `НАТО`, Greek `ΝΑΤΟ`).
        let transliterated = !is_latin_text(&surface) && all_caps(&surface);
        return (!as_listed && !transliterated).then_some(Reason::AcronymCase);
    }
    if !has_cased_letters(surface) {
        return None; // Arabic, Hebrew, CJK...: no case to compare
    }
    if all_caps(listed) && has_upper(listed) && !all_caps(surface) {
        return Some(Reason::NotAllCaps);
    }
    // A name listed in a script without case (`كابول`) is a name all the
    // same: in cased text it needs its capital.
    let capitalized = has_upper(listed) || !has_cased_letters(listed);
    (capitalized && !has_upper(surface)).then_some(Reason::Lowercase)
}

/// Scores of the approximate tier: a skeleton shared with the same vowels;
/// shared by a text whose script leaves vowels unwritten. Each vowel edit
/// costs [`VOWEL_EDIT_COST`] over the share of the name's letters it
/// touches, so one vowel weighs heavily in a short word (`Kabel`, `Kabila`
/// are not `Kabul`) and little in a full name (`Aleksandr Lukashenko` is
/// `Alexander Lukashenko`).
pub(crate) const SCORE_SKELETON: f64 = 0.9;
pub(crate) const SCORE_SKELETON_ABJAD: f64 = 0.88;
const VOWEL_EDIT_COST: f64 = 0.5;
/// What dropping a patronymic from a name costs.
const PATRONYMIC_COST: f64 = 0.01;
/// What dropping the middle names of a full name costs.
const MIDDLE_NAMES_COST: f64 = 0.03;
/// The rule of a name read as the press spells it
/// ([`crate::Normalizer::press_key`]).
const PRESS_SPELLING: &str = "press spelling without marks (Vučić = Vucic)";

/// Most words of a full name read without its middle names.
const MAX_NAME_WORDS: usize = 6;
/// The rule of a full name read without its middle names.
const MIDDLE_NAMES: &str = "middle names left out";

/// The score of a skeleton match (same consonants) from how the vowels
/// agree.
fn skeleton_score(query: &skeleton::Reading, key: &skeleton::Reading, abjad: bool) -> f64 {
    if abjad && query.pattern != key.pattern {
        return if key.fits_unvocalized(query) {
            SCORE_SKELETON_ABJAD
        } else {
            0.0
        };
    }
    vowel_score(&query.pattern, &key.pattern)
}

/// The score of a skeleton match between two reading patterns of Latin
/// text, from how their vowels agree.
fn vowel_score(query: &str, key: &str) -> f64 {
    score_of_edits(skeleton::vowel_edits(query, key), query, key)
}

/// The score of a skeleton match between two reading patterns of Latin
/// text `edits` vowel edits apart: lower for more edits.
fn score_of_edits(edits: f64, query: &str, key: &str) -> f64 {
    if edits == 0.0 {
        return SCORE_SKELETON;
    }
    let letters = query.len().max(key.len()) as f64;
    (SCORE_SKELETON - VOWEL_EDIT_COST * edits / letters).max(0.0)
}

/// Candidates for name-like spans that no mention in `taken` overlaps:
/// first by convention skeleton (if `transliteration`), then by edit
/// distance for the names the skeleton did not reach, each spelling looked
/// up once per thread in `memo`, keeping matches scoring at least `floor`;
/// a span with letters the press writes without their marks is also
/// looked up so spelled ([`crate::Normalizer::press_key`]).
pub(crate) fn approximate(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    taken: &Taken,
    (memo, floor, transliteration): (&Memo, f64, bool),
    normalizer: &crate::Normalizer,
) -> Vec<Candidate> {
    let norm = doc.norm.as_str();
    let mut out = Vec::new();
    for run in name_runs(doc) {
        // The script of each word, read once: a span's is theirs joined.
        let scripts: Vec<SpanScript> = (run.iter())
            .map(|(t, _)| SpanScript::of(doc.original(t.span)))
            .collect();
        for i in 0..run.len() {
            if !run[i].1 {
                continue;
            }
            let mut script = SpanScript::default();
            for j in i..run.len().min(i + MAX_FUZZY_TOKENS) {
                script = script.then(scripts[j]);
                if !run[j].1 {
                    continue;
                }
                let nspan = Span::new(run[i].0.span.start, run[j].0.span.end);
                if taken.blocks(nspan) {
                    continue;
                }
                // Nothing listed is shorter; texts in a script without
                // short vowels write one letter fewer (`رفح`, Rafah), and
                // only they: `Rafa` is no Rafah.
                let query = &norm[nspan];
                let fewest = MIN_APPROXIMATE_LETTERS - usize::from(script.abjad);
                if !has_letters(query, fewest) {
                    continue;
                }
                let look_up = |query: &str| {
                    let mut found = match transliteration {
                        true => by_skeleton(query, (script.abjad, script.source), lexicon, floor),
                        false => Found::new(),
                    };
                    // A key the skeleton found keeps the skeleton's score,
                    // which knows the conventions: `Jamaat` and `Jamiat`
                    // differ by a vowel the skeleton weighs and one edit
                    // does not.
                    for (key, sim) in lexicon.fuzzy(query, memo) {
                        if !found.iter().any(|f| f.0 == key) {
                            found.push((key, sim, Method::Fuzzy, Vec::new()));
                        }
                    }
                    // Matches no threshold could accept are no candidates:
                    // with a million names, a skeleton is shared by
                    // hundreds of keys whose vowels are all wrong.
                    found.retain(|f| f.1 >= floor);
                    found
                };
                let at = FoundAt {
                    nspan,
                    script,
                    single_word: i == j,
                };
                let first = out.len();
                let (abjad, source) = (script.abjad, script.source);
                let candidates = |found: &Found, out: &mut Vec<Candidate>| {
                    at.push_candidates(found, doc, lexicon, gazetteer, out)
                };
                let found = |found: &Found| candidates(found, &mut out);
                memo.read(query, abjad, source, || look_up(query), found);
                // A name of a Latin-script language is also read as the
                // press spells it (`Vučić` = `Vucic`).
                let press = (script.marked)
                    .then(|| normalizer.press_key(doc.original(nspan)))
                    .flatten()
                    .filter(|press| press != query);
                if let Some(press) = press {
                    let respelled = out.len();
                    let found = |found: &Found| candidates(found, &mut out);
                    memo.read(&press, abjad, source, || look_up(&press), found);
                    let found = out[respelled..].iter_mut();
                    found.for_each(|c| c.rules.push(PRESS_SPELLING));
                    keep_best_per_entity(&mut out, first);
                }
            }
        }
    }
    out
}

/// A span the approximate tier looked up, as what it found becomes
/// candidates.
struct FoundAt {
    nspan: Span,
    script: SpanScript,
    /// Whether the span is one word.
    single_word: bool,
}

impl FoundAt {
    /// Appends to `out` the candidates of what the lookup `found`, the best
    /// of each entity.
    fn push_candidates(
        &self,
        found: &Found,
        doc: &Document<'_>,
        lexicon: &Lexicon,
        gazetteer: &Gazetteer,
        out: &mut Vec<Candidate>,
    ) {
        if found.is_empty() {
            return;
        }
        let (nspan, script) = (self.nspan, self.script);
        let query = &doc.norm.as_str()[nspan];
        // A word of the frequency lists written in Latin letters links only
        // when listed, or when it has the name's very skeleton and vowels,
        // and is a frequent name or long (`Afganistán`): a short ordinary
        // word is a word (Spanish `Jamás` is no Hamas), and an edit away is
        // another word (`Australian`).
        let common = self.single_word && script.latin && guard::is_common_word(query);
        let ordinary = common
            && !has_letters(query, MIN_ORDINARY_RESPELLED_LETTERS)
            && guard::is_ordinary_word(query);
        let span = doc.norm.to_original(nspan);
        let first = out.len();
        for &(key, score, method, ref rules) in found.iter() {
            for &entry in lexicon.entries(key) {
                let form = lexicon.form(entry.form);
                // A name in another script stands for Latin text only as
                // written (its transliteration), never approximately:
                // `Καμπάλα` (Kampala) is not `Kabila`.
                let across = script.latin && !is_latin_text(form.text);
                let entity = gazetteer.traits(form.entity);
                let person = entity.kind == crate::EntityType::Person;
                let reaccented = rules.contains(&GENITIVE)
                    && accented_otherwise(&doc.text[span], query, lexicon.key(key), form.text);
                let allowed = entry.via.is_none()
                    && !form.kind.is_acronym()
                    && !across
                    && !reaccented
                    && (person || !rules.contains(&MIDDLE_NAMES))
                    && regnal_number(query) == regnal_number(lexicon.key(key))
                    && entity.fuzzy;
                if allowed {
                    let respelled_word = common
                        && (method == Method::Fuzzy || !same_vowels(query, lexicon.key(key)));
                    // The adjective of a place is no mention of it
                    // (`Venezuelan`, `syrien`).
                    let adjective = script.latin
                        && entity.kind == crate::EntityType::Place
                        && match self.single_word {
                            true => {
                                is_adjective_of(query, lexicon.key(key))
                                    || is_adjective_of_listed(query, form.entity, lexicon)
                            }
                            false => is_adjective_phrase_of(query, lexicon.key(key)),
                        };
                    out.push(Candidate {
                        norm: nspan,
                        span,
                        entity: form.entity,
                        form: entry.form,
                        via: None,
                        rules: rules.clone(),
                        method,
                        score,
                        dropped: (ordinary || respelled_word || adjective)
                            .then_some(Reason::CommonWord),
                    });
                }
            }
        }
        keep_best_per_entity(out, first);
    }
}

/// Whether normalized `word` is an adjective or demonym of the place of
/// normalized one-word `name`: the name with an ending of adjectives of
/// place of en/fr/es, after its final vowel or not (`venezuelan`,
/// `israeli`, `sudanese`, `chinese`, `italian`, `syrien`, `iranien`), or
/// a name in the plural in -es without its -s (`philippine`).
pub(crate) fn is_adjective_of(word: &str, name: &str) -> bool {
    if name.ends_with("es") && name.strip_suffix('s') == Some(word) {
        return true;
    }
    let stems = [Some(name), name.strip_suffix(['a', 'e', 'o', 'y'])];
    (stems.into_iter().flatten()).any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|ending| PLACE_ADJECTIVES.contains(&ending))
    })
}

/// Whether normalized words `phrase` are the adjective of the place of
/// normalized words `name`: the same words but the last, its adjective
/// ([`is_adjective_of`]: `south korean`, of `south korea`).
fn is_adjective_phrase_of(phrase: &str, name: &str) -> bool {
    match (phrase.rsplit_once(' '), name.rsplit_once(' ')) {
        (Some((head, last)), Some((name_head, name_last))) => {
            head == name_head && is_adjective_of(last, name_last)
        }
        _ => false,
    }
}

/// Whether normalized `word` is an adjective or demonym of a name of
/// entity `e` the lexicon lists ([`is_adjective_of`]): a word read as
/// another of its names is still the adjective of this one (`Azerbaijani`
/// read as German `Aserbaidschan`).
fn is_adjective_of_listed(word: &str, e: u32, lexicon: &Lexicon) -> bool {
    let listed = |k: u32| {
        let entries = lexicon.entries(k).iter();
        entries
            .map(|entry| lexicon.form(entry.form))
            .any(|form| form.entity == e)
    };
    let mut name = String::with_capacity(word.len() + 1);
    if word.ends_with('e') {
        name.push_str(word);
        name.push('s');
        if lexicon.lookup(&name).is_some_and(listed) {
            return true;
        }
    }
    let stems = PLACE_ADJECTIVES
        .iter()
        .filter_map(|ending| word.strip_suffix(ending));
    stems.filter(|stem| !stem.is_empty()).any(|stem| {
        ["", "a", "e", "o", "y"].into_iter().any(|vowel| {
            name.clear();
            name.push_str(stem);
            name.push_str(vowel);
            lexicon.lookup(&name).is_some_and(listed)
        })
    })
}

/// Endings of adjectives and demonyms of places in en/fr/es
/// ([`is_adjective_of`]).
const PLACE_ADJECTIVES: &[&str] = &[
    "n", "an", "ian", "ns", "ans", "ians", "i", "is", "ese", "ien", "iens", "ienne", "iennes",
    "ain", "aine", "ais", "aise", "ano", "ana", "anos", "anas", "ino", "ina",
];

/// Keeps, among `candidates[first..]` (one span), the best candidate of each
/// entity, still in the running if any is: the other listed forms of the
/// same entity add nothing.
fn keep_best_per_entity(candidates: &mut Vec<Candidate>, first: usize) {
    let mut fresh = candidates.split_off(first);
    fresh.sort_by(|a, b| {
        (a.entity, a.dropped.is_some())
            .cmp(&(b.entity, b.dropped.is_some()))
            .then(b.score.total_cmp(&a.score))
            .then(a.method.cmp(&b.method))
    });
    fresh.dedup_by_key(|c| c.entity);
    candidates.append(&mut fresh);
}

/// Fewest consonant classes a lookup reading Arabic letters as foreign
/// sounds needs ([`skeleton::ARABIC_FOREIGN`]).
const MIN_FOREIGN_CLASSES: usize = 4;

/// Fewest consonant classes an unvocalized lookup needs.
const MIN_UNVOCALIZED_CLASSES: usize = 3;

/// Score of a multi-word name found by its words' cognates, in any order
/// (`Unión Soviética`, `Emirato Islámico`).
const SCORE_COGNATES: f64 = 0.86;

/// Most words, particles included, of a name found by cognates (`Parti
/// des travailleurs du Kurdistan`; French and Spanish write five words of
/// an English name with three particles: `Communauté économique des États
/// de l'Afrique de l'Ouest`).
const MAX_COGNATE_WORDS: usize = 8;

/// Fewest letters of a head word in small letters that starts a name found
/// by cognates (`tunnel de Salang`).
const MIN_LOWER_HEAD_LETTERS: usize = 4;

/// Candidates for multi-word names written with cognate words, in any order
/// (`Union soviétique`, `Unión Soviética`, `Islamisches Emirat` for `Soviet
/// Union`, `Islamic Emirate`), or with words of `data/name-words.txt`
/// (`Armée syrienne libre`, `Sicherheitsrat` for `Free Syrian Army`,
/// `Security Council`): spans of up to [`MAX_COGNATE_WORDS`] adjacent words
/// starting with a capital, where the other words may be in lower case
/// (French and Spanish adjectives), or with a head word in small letters
/// right before a capital (`tunnel de Salang`).
///
/// A span may hold mentions of `resolution` (`Fuerzas Democráticas Sirias`
/// around a `Sirias` read as `Siria`), but none of a name found as the
/// gazetteer lists it (`Kabul airports` is no translation of `aéroport de
/// Kaboul`) unless all its words are capitalized (`Puerto Sudán` for `Port
/// Sudan`).
pub(crate) fn cognates(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    resolution: &Resolution,
    memo: &Memo,
) -> Vec<Candidate> {
    let norm = doc.norm.as_str();
    let words: Vec<&Token> = doc
        .tokens
        .as_slice()
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let mut out = Vec::new();
    let particles: Vec<bool> = (words.iter())
        .map(|t| is_not_initial(&norm[t.span]))
        .collect();
    // The significant words (particles aside) of the span, as it grows,
    // and its signature.
    let mut significant: Vec<usize> = Vec::new();
    let mut signature = String::new();
    // The keys of the span's signature, and what one of its words is
    // looked up by.
    let mut keys: Vec<u32> = Vec::new();
    let mut lookup = String::new();
    // Each word's parts once, however many spans hold it (and read once
    // per thread: the memo), and only for words in spans that start with a
    // capital: where they stand in `read_parts`, if the word has any.
    let mut word_parts: Vec<Option<Option<Range<usize>>>> = vec![None; words.len()];
    let mut read_parts = String::new();
    // Each word's case, read once in the original text; a capitalized word
    // of a Latin-script language is read as the press spells it, without
    // its marks (`Białowieża` = `Bialowieza`, where normalization reads `ż`
    // as `zh`).
    let normalizer = crate::Normalizer::new();
    let (capitals, press): (Vec<bool>, Vec<Option<String>>) = (words.iter())
        .map(|w| {
            let rest = &doc.text[doc.norm.original_start(w.span.start)..];
            if !rest.starts_with(char::is_uppercase) {
                return (false, None);
            }
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let original = &rest[..end];
            (
                true,
                (!original.is_ascii())
                    .then(|| normalizer.press_key(original))
                    .flatten(),
            )
        })
        .unzip();
    let spelled = |j: usize| press[j].as_deref().unwrap_or(&norm[words[j].span]);
    let capitalized_language =
        (doc.ordinary_language()).filter(|&l| l == guard::ENGLISH || l == guard::GERMAN);
    // Words a space apart, or an elision (`de l'Afrique`).
    let joined = |j: usize| {
        let gap = &norm[words[j - 1].span.end..words[j].span.start];
        gap == " "
            || gap
                .strip_prefix(' ')
                .and_then(|g| g.strip_suffix('\''))
                .is_some_and(|elided| elided.bytes().all(|b| b.is_ascii_lowercase()))
    };
    for (i, first) in words.iter().enumerate() {
        let capital = capitals[i];
        // French and Spanish write a name's head word in small letters
        // (`tunnel de Salang`, `réseau Haqqani`, `aeropuerto de Kabul`):
        // a span may start with one when a capital follows it, particles
        // and one adjective of a name's words aside (`gouvernement
        // régional du Kurdistan`), and ends the span.
        let lower_head = !capital
            && (first.span.len() >= MIN_LOWER_HEAD_LETTERS || is_feature_head(&norm[first.span]))
            && {
                let mut next = (i + 1..words.len().min(i + MAX_COGNATE_WORDS))
                    .take_while(|&j| joined(j))
                    .filter(|&j| !particles[j]);
                match next.next() {
                    Some(j) if capitals[j] => true,
                    Some(j) => {
                        next.next().is_some_and(|k| capitals[k])
                            && crate::name_words::meanings(&norm[words[j].span]).is_some()
                    }
                    None => false,
                }
            };
        if !(capital || lower_head) || particles[i] {
            continue;
        }
        significant.clear();
        // A span of one word is a name only as a compound of several parts
        // (`Sicherheitsrat`): it has a signature only then.
        for j in i..words.len().min(i + MAX_COGNATE_WORDS) {
            if j > i && !joined(j) {
                break;
            }
            if particles[j] {
                continue;
            }
            // A short word in small letters that is no particle and means
            // nothing of a name is a sentence's word (German `als`, `Platz
            // als` is no `Élysée Palace`): the name ended before it.
            let short = &norm[words[j].span];
            let function_word = !capitals[j]
                && short.len() <= MAX_FUNCTION_WORD_LETTERS
                && guard::is_common_word(short)
                && !is_particle(short)
                && !skeleton::is_article(short)
                && crate::name_words::meanings(short).is_none();
            // English and German write every word of a name in capitals
            // but particles: in their text, an ordinary word of theirs in
            // small letters that means nothing of a name is the sentence
            // going on (`Militärflugzeugs verlassen`), where a French name
            // quoted keeps its own (`Rêve géorgien`).
            let sentence_word = j > i
                && !capitals[j]
                && capitalized_language.is_some_and(|l| guard::is_ordinary_word_of(short, l))
                && !skeleton::is_article(short)
                && crate::name_words::meanings(short).is_none();
            if function_word || sentence_word {
                break;
            }
            significant.push(j);
            let nspan = Span::new(first.span.start, words[j].span.end);
            let word = spelled(j);
            // Parts that no name's signature has are as good as none: the
            // memo remembers which words have them.
            let named = |parts: &String| parts.split(' ').all(|p| lexicon.is_cognate_part(p));
            let parts_of_word = word_parts[j].get_or_insert_with(|| {
                let make = || skeleton::cognate_parts(word).filter(named);
                memo.cognate_parts(word, make, |parts| {
                    let start = read_parts.len();
                    read_parts.push_str(parts?);
                    Some(start..read_parts.len())
                })
            });
            // A word without them is in every longer span too.
            if parts_of_word.is_none() {
                break;
            }
            if lower_head && !capitals[j] {
                continue;
            }
            let mut parts = [""; skeleton::MAX_COGNATE_PARTS + 1];
            let all_parts = (significant.iter())
                .filter_map(|&w| word_parts[w].clone().flatten())
                .flat_map(|these| read_parts[these].split(' '));
            let mut n = 0;
            for (slot, part) in parts.iter_mut().zip(all_parts) {
                *slot = part;
                n += 1;
            }
            if n < 2 || !skeleton::write_signature(&mut parts[..n], &mut signature) {
                continue;
            }
            // Most signatures are no name's: the tests below are made for
            // those that are. A name translated is found by its signature;
            // one in a cognate language, by a word that starts as one of
            // the name's, with the same consonants; and a word that is a
            // mention as listed already must be such a word (`Puerto Sudán`:
            // `Kabuls Straßen` is no `Stretto di Gibilterra`).
            let translated = skeleton::is_translated(&signature);
            keys.clear();
            if translated {
                keys.extend_from_slice(lexicon.by_cognates(&signature));
            } else {
                let parts_of = |w: usize| {
                    let these = word_parts[w].clone().flatten();
                    these.map(|these| &read_parts[these])
                };
                for &w in &significant {
                    let word = spelled(w);
                    let start = skeleton::cognate_start(word);
                    if let (Some(start), Some(parts)) = (start, parts_of(w)) {
                        skeleton::write_cognate_word(&signature, start, parts, &mut lookup);
                        keys.extend_from_slice(lexicon.by_cognate_word(&lookup));
                    }
                }
                keys.sort_unstable();
                keys.dedup();
                // A word that is a mention as listed is in the name, spelled
                // with the same first letter and consonants (`Mumumuriya`,
                // `Moumoumouriïa`); one read approximately may be spelled
                // otherwise there (`Iagokhachsk`, `Yagokhashsk`).
                let as_listed = |w: usize| {
                    resolution.taken.overlaps(words[w].span)
                        && resolution.mentions().any(|c| {
                            c.norm.overlaps(words[w].span)
                                && matches!(
                                    c.method,
                                    Method::Exact | Method::Normalized | Method::Known
                                )
                        })
                };
                let in_key = |k: u32, w: usize| {
                    let (word, parts) = (spelled(w), parts_of(w));
                    (lexicon.key(k).split(' ')).any(|kw| {
                        kw.get(..1) == word.get(..1)
                            && skeleton::cognate_parts(kw).as_deref() == parts
                    })
                };
                if !keys.is_empty() {
                    for &w in significant.iter().filter(|&&w| as_listed(w)) {
                        keys.retain(|&k| in_key(k, w));
                    }
                }
            }
            if keys.is_empty() {
                continue;
            }
            // A wider name holds a word besides the mentions inside it: the
            // span of a mention read with an ending (`Salang-Tunnels`) is
            // that mention.
            // It holds no name found as listed (`Kabul airports` is no
            // translation of `aéroport de Kaboul`), unless all its words
            // are capitalized, a name of their own (`Puerto Sudán`), or it
            // starts with a head in small letters that names a feature or
            // has a meaning (`lac Tchad`, `aéroport de Vilnius`).
            let taken = &resolution.taken;
            let beside = || significant.iter().any(|&w| !taken.overlaps(words[w].span));
            let head = &norm[first.span];
            let named_head =
                || is_feature_head(head) || crate::name_words::meanings(head).is_some();
            let listed_inside = || {
                resolution.holds_listed(nspan)
                    && !significant.iter().all(|&w| capitals[w])
                    && !(lower_head && named_head())
            };
            if !taken.only_inside(nspan) || !beside() || listed_inside() {
                continue;
            }
            let first_candidate = out.len();
            // `His son` is no `San José`: a capital that only starts the
            // sentence, on an ordinary word (the word lists keep words of
            // four letters or more: shorter ones count as ordinary here),
            // with no other capital, is no sign of a name.
            let only_sentence_capital = capital
                && starts_sentence(doc.text, doc.norm.to_original(first.span).start)
                && (guard::is_common_word(&norm[first.span]) || first.span.len() < 4)
                && !capitals[i + 1..=j].contains(&true);
            if only_sentence_capital {
                continue;
            }
            let rule = if translated {
                "words translated (data/name-words.txt), in any order"
            } else {
                "cognate words, in any order"
            };
            // A conjunction joins two names unless the name holds one too
            // (`Parti du travail de Corée et l'Armée populaire`; `Bosnie-et-
            // Herzégovine`).
            let conjunction = |text: &str| text.split(' ').any(|w| CONJUNCTIONS.contains(&w));
            let joins_two = conjunction(&norm[nspan]);
            for &key in &keys {
                // The place's adjective is no mention of it (`South Korean`).
                if is_adjective_phrase_of(&norm[nspan], lexicon.key(key))
                    || (joins_two && !conjunction(lexicon.key(key)))
                {
                    continue;
                }
                for &entry in lexicon.entries(key) {
                    let form = lexicon.form(entry.form);
                    // Words translate between Latin-script languages; a name
                    // in another script only reads into Latin letters
                    // (Persian `جلال آباد` is no translation of `Jalal-Abad`).
                    let latin = is_latin_text(form.text);
                    if entry.via.is_none() && !form.kind.is_acronym() && latin {
                        out.push(Candidate {
                            norm: nspan,
                            span: doc.norm.to_original(nspan),
                            entity: form.entity,
                            form: entry.form,
                            via: None,
                            rules: vec![rule],
                            method: Method::Transliteration,
                            score: SCORE_COGNATES,
                            dropped: None,
                        });
                    }
                }
            }
            keep_best_per_entity(&mut out, first_candidate);
        }
    }
    out
}

/// The last word of a normalized name of several if it is a Roman
/// numeral of i, v and x: a ruler's regnal number, which a spelling read
/// approximately must keep (`Mohammed V` is no `Mohammed VI`). A first
/// word is a name (`Xi`), a word inside one may be a conjunction (Russian
/// `и` reads `i`).
fn regnal_number(name: &str) -> Option<&str> {
    const MAX_NUMERAL_LETTERS: usize = 6;
    let (_, last) = name.rsplit_once(' ')?;
    let numeral = (1..=MAX_NUMERAL_LETTERS).contains(&last.len())
        && last.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    numeral.then_some(last)
}

/// Whether normalized `word` is the head of the name of a sea, lake,
/// river, gulf, bay or strait, which French and Spanish write in small
/// letters (`mer Rouge`, `lago Chad`, `golfe d'Aden`, `río Naf`): it may
/// start a translated name however short, and one that holds a place
/// listed as such (`golfo de Adén`, the `Gulf of Aden`).
fn is_feature_head(word: &str) -> bool {
    const FEATURE_HEADS: &[&str] = &[
        "mer", "mar", "lac", "lago", "fleuve", "riviere", "rio", "golfe", "golfo", "baie", "bahia",
        "detroit", "estrecho",
    ];
    FEATURE_HEADS.contains(&word)
}

/// Most letters of a word in small letters that ends a translated name
/// ([`cognates`]) when it is an ordinary word of no name's meaning.
const MAX_FUNCTION_WORD_LETTERS: usize = 3;

/// Score of an acronym whose letters stand in another order (a language
/// that puts the noun first: `OTAN` = `NATO`, `FMI` = `IMF`).
const SCORE_PERMUTED_ACRONYM: f64 = 0.86;

/// Candidates for words in capitals that are an acronym of the gazetteer
/// with its letters in another order.
pub(crate) fn permuted_acronyms(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    taken: &Taken,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    // Capital Latin letters normalize to as many bytes: a word of three to
    // six is told by its normalized length first.
    let letters = 3..=6;
    for token in doc.tokens.as_slice() {
        if token.kind != TokenKind::Word || !letters.contains(&token.span.len()) {
            continue;
        }
        // Most words start in small letters: told by their first byte.
        let start = doc.norm.original_start(token.span.start);
        if !doc
            .text
            .as_bytes()
            .get(start)
            .is_some_and(u8::is_ascii_uppercase)
        {
            continue;
        }
        let span = doc.norm.to_original(token.span);
        let word = &doc.text[span];
        let acronym = letters.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
        if !acronym || taken.overlaps(token.span) {
            continue;
        }
        for &f in lexicon.acronyms_of_letters(word) {
            let form = lexicon.form(f);
            if form.text != word {
                out.push(Candidate {
                    norm: token.span,
                    span,
                    entity: form.entity,
                    form: f,
                    via: None,
                    rules: vec!["acronym letters in another order"],
                    method: Method::Acronym,
                    score: SCORE_PERMUTED_ACRONYM,
                    dropped: None,
                });
            }
        }
    }
    out
}

/// Keys sharing a skeleton with `query` (its script's `abjad` and
/// `source`), each with its score and, for a score of at least `floor`,
/// the rules that bridged the spellings (the best reading pair).
fn by_skeleton(
    query: &str,
    (abjad, source): (bool, skeleton::Source),
    lexicon: &Lexicon,
    floor: f64,
) -> Found {
    let mut found = Found::new();
    let words: Vec<&str> = query.split(' ').collect();
    // A name of Cyrillic script in another case than the nominative
    // (Russian `Владимира Путина`) is read as its nominatives too.
    let nominatives = match source {
        skeleton::Source::Cyrillic => skeleton::nominatives(query),
        _ => Vec::new(),
    };
    let may_be_a_key = |query: &str| {
        let words: Vec<&str> = query.split(' ').collect();
        may_read_as_a_key(&words, query, source, lexicon)
    };
    // A nominative that is a key as it stands (a known name in the
    // script's own letters: `Москву` is `Москва`, `Ирана` is `Иран`).
    for nominative in nominatives
        .iter()
        .filter(|n| n.len() >= MIN_NOMINATIVE_LETTERS)
    {
        if let Some(key) = lexicon.lookup(nominative) {
            let rules = || vec![CASE_ENDING];
            keep_better(&mut found, key, SCORE_SKELETON - CASE_COST, floor, rules);
        }
    }
    if !abjad && !may_be_a_key(query) && !nominatives.iter().any(|n| may_be_a_key(n)) {
        return found;
    }
    // Read once, for every key found by skeleton.
    let hushing = skeleton::Hushing::of(if abjad { query } else { "" });
    // Each reading of the span, with what it costs and the rule saying so.
    let mut queries: Vec<(skeleton::Reading, f64, Option<&'static str>)> =
        skeleton::readings_from(query, source)
            .into_iter()
            .map(|r| (r, 0.0, None))
            .collect();
    // A genitive or plural -s glued on (de `Ahmad Massuds`).
    if let Some(stem) = query
        .strip_suffix('s')
        .filter(|s| s.len() >= MIN_GENITIVE_LETTERS)
    {
        let stems = skeleton::readings_from(stem, source).into_iter();
        queries.extend(stems.map(|r| (r, GENITIVE_COST, Some(GENITIVE))));
    }
    for nominative in &nominatives {
        let readings = skeleton::readings_from(nominative, source).into_iter();
        queries.extend(readings.map(|r| (r, CASE_COST, Some(CASE_ENDING))));
    }
    // Full names with a patronymic (`Alexander Grigoryevich Lukashenko`)
    // are also read without it: gazetteers list given name and surname.
    let query_words = words.len();
    // Full names with middle names (`Rouhollah Moussavi Khomeini`, `Muammar
    // Abu Minyar al-Gaddafi`) are also read as first and last name: persons'
    // names (checked by the caller), in a script with capitals, which mark
    // where a name starts and ends (Arabic `قال فاطمة الجمالي إن`, "said
    // Fatima al-Jamali that", is no name from end to end).
    let outer_only = !abjad
        && (3..=MAX_NAME_WORDS).contains(&words.len())
        && lexicon.middle_names_optional(query);
    if outer_only {
        let outer = format!("{} {}", words[0], words[words.len() - 1]);
        queries.extend(
            skeleton::readings_from(&outer, source)
                .into_iter()
                .map(|r| (r, MIDDLE_NAMES_COST, Some(MIDDLE_NAMES))),
        );
    }
    if words.len() >= 3 {
        for (w, word) in words.iter().enumerate().take(words.len() - 1).skip(1) {
            if skeleton::is_patronymic(word) {
                let rest: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != w)
                    .map(|(_, t)| *t)
                    .collect();
                queries.extend(
                    skeleton::readings_from(&rest.join(" "), source)
                        .into_iter()
                        .map(|r| (r, PATRONYMIC_COST, Some("patronymic left out"))),
                );
            }
        }
    }
    for (q, cost, why) in queries
        .iter()
        .filter(|q| q.0.strength() >= skeleton::MIN_STRENGTH)
    {
        // Unvocalized text is also looked up by its loose consonants, as it
        // writes no doubling either (`mmr` = Muammar); only with three
        // classes or more: `را به`, `با یک` share two with names.
        let foreign = skeleton::ARABIC_FOREIGN.iter().any(|f| q.rules.contains(f));
        if (q.rules.contains(&skeleton::ARABIC_DH) && q.strength() < MIN_UNVOCALIZED_CLASSES)
            || (foreign && q.strength() < MIN_FOREIGN_CLASSES)
        {
            continue;
        }
        let consonants = q.consonants();
        let strict = lexicon.by_skeleton(&consonants).iter().map(|&k| (k, false));
        let loose = if abjad { q.loose() } else { String::new() };
        let by_loose = match abjad && loose.len() >= MIN_UNVOCALIZED_CLASSES {
            true => lexicon.by_loose(&loose),
            false => &[],
        };
        let by_loose = by_loose.iter().map(|&k| (k, true));
        for (key, loosely) in strict.chain(by_loose) {
            // Two spellings in a script without short vowels leave out the
            // same ones: between them, vowels and weak letters count as in
            // Latin (`روانې` is not `ایروان`, Yerevan).
            let unwritten = abjad && !lexicon.written_in_abjad(key);
            if (loosely && !unwritten) || (unwritten && !hushing.agrees(lexicon.key(key))) {
                continue;
            }
            // Two spellings in one such script also split words alike; in
            // cased scripts, a name of one word is not two capitalized words
            // (`Tchang Kai` is not `Shanghai`; Pashto writes `استرا خان`).
            let key_words = || lexicon.key(key).split(' ').count();
            let split_otherwise = match abjad {
                true => !unwritten && query_words != key_words(),
                false => query_words > 1 && key_words() == 1,
            };
            if split_otherwise {
                continue;
            }
            if !abjad {
                // The key's patterns alone give the score; its readings,
                // for the rules, are made only for a score that may be
                // kept.
                for stored in lexicon.key_readings(key) {
                    let pattern = skeleton::stored_pattern(stored);
                    if !skeleton::consonants_of(pattern).eq(consonants.chars()) {
                        continue;
                    }
                    // Two guesses never meet: a g taken for an h and an e
                    // taken for a ye- (`Galicie` is no `Élysée`).
                    if q.reads_g_as_h() && skeleton::stored(stored).reads_e_as_ye() {
                        continue;
                    }
                    // Many keys sharing a skeleton have too many vowels
                    // more or fewer for any threshold: no need to align
                    // them, only to hide them from the fuzzy pass, as any
                    // score below `floor` does (`keep_better`). A score
                    // only falls as edits rise.
                    let fewest = skeleton::fewest_vowel_edits(&q.pattern, pattern);
                    let score = match score_of_edits(fewest, &q.pattern, pattern) - cost < floor {
                        true => f64::NEG_INFINITY,
                        false => vowel_score(&q.pattern, pattern) - cost,
                    };
                    let rules = || {
                        let mut rules = skeleton::bridge(q, &skeleton::stored(stored));
                        rules.extend(why);
                        rules
                    };
                    keep_better(&mut found, key, score, floor, rules);
                }
                continue;
            }
            // A reading is made of what is stored only for the skeleton
            // looked up: most keys of a loose one have others too.
            for stored in lexicon.key_readings(key) {
                let pattern = skeleton::stored_pattern(stored);
                let same = if loosely {
                    skeleton::loose_letters(pattern).eq(loose.chars())
                } else {
                    skeleton::consonants_of(pattern).eq(consonants.chars())
                };
                if !same {
                    continue;
                }
                let k = &skeleton::stored(stored);
                if !k.for_unvocalized() {
                    continue;
                }
                let score = skeleton_score(q, k, unwritten) - cost;
                let rules = || {
                    let mut rules = skeleton::bridge(q, k);
                    rules.extend(why);
                    if unwritten && k.pattern != q.pattern {
                        rules.push("short vowels unwritten");
                    }
                    rules
                };
                keep_better(&mut found, key, score, floor, rules);
            }
        }
    }
    found
}

/// Whether a span of `words` (normalized `query`, in a script with vowels,
/// read from `source`) may read as a key's skeleton: a span of one word
/// always; of several, when some key's skeleton starts as its first word
/// and ends as its last (or as the last without its genitive -s) reads
/// ([`Lexicon::may_frame_a_skeleton`]). Every reading [`by_skeleton`]
/// looks up (the span's, its genitive stem's, without a patronymic or the
/// middle names) keeps the first word and the last.
fn may_read_as_a_key(
    words: &[&str],
    query: &str,
    source: skeleton::Source,
    lexicon: &Lexicon,
) -> bool {
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return true;
    };
    // An article first is skipped, and the first word read is another.
    if words.len() < 2 || skeleton::is_article(first) {
        return true;
    }
    let stem = (last.strip_suffix('s'))
        .filter(|stem| !stem.is_empty() && query.len() > MIN_GENITIVE_LETTERS);
    let mut ends: Vec<String> = skeleton::endings(last, source);
    ends.extend(
        stem.into_iter()
            .flat_map(|stem| skeleton::endings(stem, source)),
    );
    let starts = skeleton::starts(first, source);
    starts
        .iter()
        .any(|start| (ends.iter()).any(|end| lexicon.may_frame_a_skeleton(start, end)))
}

/// Keeps `score` for `key` in `found` if better than what it holds, with
/// the rules that bridged the spellings (made only for a score of at least
/// `floor`: a lower one is no candidate, and only hides the key from the
/// fuzzy pass).
fn keep_better(
    found: &mut Found,
    key: u32,
    score: f64,
    floor: f64,
    rules: impl FnOnce() -> Vec<&'static str>,
) {
    let at = found.iter().position(|f| f.0 == key);
    if at.is_some_and(|i| found[i].1 >= score) {
        return;
    }
    let rules = if score >= floor { rules() } else { Vec::new() };
    let entry = (key, score, Method::Transliteration, rules);
    match at {
        Some(i) => found[i] = entry,
        None => found.push(entry),
    }
}

/// What the approximate tier needs to know of a span's script, read in one
/// pass over its original text.
#[derive(Clone, Copy, Debug)]
struct SpanScript {
    /// The first script met that changes how the Latin reads.
    source: skeleton::Source,
    /// Whether it holds letters of a script without short vowels.
    abjad: bool,
    /// Whether all its letters are Latin.
    latin: bool,
    /// Whether its original text is other than ASCII (letters with marks,
    /// other scripts).
    marked: bool,
}

impl Default for SpanScript {
    /// The script of a span without letters.
    fn default() -> SpanScript {
        SpanScript {
            source: skeleton::Source::Latin,
            abjad: false,
            latin: true,
            marked: false,
        }
    }
}

impl SpanScript {
    fn of(original: &str) -> SpanScript {
        let mut script = SpanScript::default();
        if original.is_ascii() {
            return script; // most words: Latin letters, or none
        }
        for c in original.chars() {
            let here = match c {
                '\u{0400}'..='\u{04FF}' => skeleton::Source::Cyrillic,
                '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => skeleton::Source::Greek,
                // Arabic script turns Persian at a Persian letter.
                'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => skeleton::Source::Persian,
                c if is_abjad(c) => skeleton::Source::Abjad,
                _ => skeleton::Source::Latin,
            };
            script = script.then(SpanScript {
                source: here,
                abjad: here.is_abjad(),
                // Latin letters first: deciding that a letter is one is dear.
                latin: is_latin(c) || !is_letter(c),
                marked: true,
            });
        }
        script
    }

    /// The script of a span followed by one of script `next`.
    fn then(self, next: SpanScript) -> SpanScript {
        use skeleton::Source::{Abjad, Latin, Persian};
        let source = match (self.source, next.source) {
            (Latin, next) => next,
            (Abjad, Persian) => Persian,
            (first, _) => first,
        };
        SpanScript {
            source,
            abjad: self.abjad || next.abjad,
            latin: self.latin && next.latin,
            marked: self.marked || next.marked,
        }
    }
}

/// Letters of scripts that leave short vowels unwritten.
pub(crate) fn is_abjad(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether `text` holds `n` letters or more, counted only as far as `n`:
/// spans of six words in other scripts hold many letters.
fn has_letters(text: &str, n: usize) -> bool {
    text.chars().filter(|&c| is_letter(c)).take(n).count() == n
}

/// The letters of `text` in lower case, accents kept.
fn letters(text: &str) -> String {
    let letters = text.chars().filter(|&c| is_letter(c));
    letters.flat_map(char::to_lowercase).collect()
}

/// Whether the original `surface` of a span read with a genitive -s writes
/// the name of `form` (normalized `key`) with other accents: another
/// language's word with its own ending (French `Algériens`, not German
/// `Algerien` + s).
fn accented_otherwise(surface: &str, query: &str, key: &str, form: &str) -> bool {
    let stem = surface.strip_suffix(['s', 'S']).unwrap_or(surface);
    query.strip_suffix('s') == Some(key) && letters(stem) != letters(form)
}

/// Whether two normalized names have the same vowel letters in the same
/// order (`afganistan` / `afghanistan`; not `heirat` / `herat`).
fn same_vowels(a: &str, b: &str) -> bool {
    let vowels = |s: &str| {
        s.chars()
            .filter(|c| "aeiouy".contains(*c))
            .collect::<String>()
    };
    vowels(a) == vowels(b)
}

/// A name written in another script than the Latin stands for Latin text
/// only through its transliteration. A long one is how the press writes
/// the name (`Зеленский`, `zelenskiy`); a short one, or one that reads as
/// an ordinary word, is how a Latin word reads (Persian `چین`, China, reads
/// `chin`; Russian `Лион`, Lyon, reads `lion`): those link only text in a
/// script other than the Latin.
fn script_mismatch(listed: &str, surface: &str) -> Option<Reason> {
    (!is_latin_text(listed) && is_latin_text(surface) && reads_as_a_word(surface))
        .then_some(Reason::OtherScript)
}

/// Fewest letters a name listed in another script needs to link Latin text.
const MIN_LETTERS_ACROSS_SCRIPTS: usize = 6;

/// Whether Latin `surface` is too short, or ordinary, to be told from a
/// word by its letters alone.
fn reads_as_a_word(surface: &str) -> bool {
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    letters < MIN_LETTERS_ACROSS_SCRIPTS
        || surface
            .split(|c: char| !c.is_alphabetic())
            .any(|w| guard::is_common_word(&w.to_lowercase()))
}

/// Whether every letter of `s` is Latin.
pub(crate) fn is_latin_text(s: &str) -> bool {
    s.is_ascii() || s.chars().all(|c| is_latin(c) || !is_letter(c))
}

/// Acronyms of news agencies, which credit them in datelines and quotes.
const NEWS_AGENCIES: &[&str] = &[
    "AFP", "AP", "DPA", "EFE", "ANSA", "APA", "PAP", "KNA", "EPD",
];

/// Words of news agencies' names, normalized: an entity named with one is
/// the agency itself.
const AGENCY_WORDS: &[&str] = &[
    "agence",
    "agency",
    "agentur",
    "agencia",
    "press",
    "presse",
    "prensa",
    "news",
    "nachrichten",
    "noticias",
];

/// Words right before an agency's acronym that credit the agency,
/// normalized (`told AFP`, `l'AFP`, `Nachrichtenagentur AFP`, `agencia
/// EFE`).
const AGENCY_BEFORE: &[&str] = &[
    "told",
    "tells",
    "telling",
    "l'",
    "agence",
    "agency",
    "agencia",
    "agentur",
    "nachrichtenagentur",
    "laut",
];

/// Words right after an agency's acronym that credit the agency,
/// normalized (`AFP reported`, `an AFP correspondent`, `dpa-Korrespondent`).
const AGENCY_AFTER: &[&str] = &[
    "reported",
    "reports",
    "journalist",
    "journalists",
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "photographer",
    "photographers",
    "tally",
    "count",
    "correspondant",
    "correspondante",
    "korrespondent",
    "korrespondentin",
    "fotograf",
    "periodista",
    "corresponsal",
];

/// Whether mention `c` is a news agency's acronym (AFP, dpa, EFE...) for
/// an entity that is no agency (`Armed Forces of the Philippines`), where
/// the text credits the agency: in a dateline's parentheses (`MANILA (AFP)
/// -`), or after or before a word that names it as one (`told AFP`, `à
/// l'AFP`, `AFP reported`).
pub(crate) fn credits_a_news_agency(
    doc: &Document<'_>,
    gazetteer: &Gazetteer,
    c: &Candidate,
) -> bool {
    let surface = &doc.text[c.span];
    if !NEWS_AGENCIES
        .iter()
        .any(|a| a.eq_ignore_ascii_case(surface))
    {
        return false;
    }
    let name = &gazetteer.entity(c.entity).name;
    let mut words = name.split(|c: char| !c.is_alphanumeric());
    if words.any(|w| AGENCY_WORDS.iter().any(|a| a.eq_ignore_ascii_case(w)))
        || name.eq_ignore_ascii_case(surface)
    {
        return false;
    }
    let before = doc.text[..c.span.start].trim_end_matches(' ');
    let after = doc.text[c.span.end..].trim_start_matches(' ');
    let dateline = before.ends_with('(')
        && after.strip_prefix(')').is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(['-', '–', '—', '/', '.']) || rest.is_empty()
        });
    let tokens = doc.tokens.as_slice();
    let t = tokens.partition_point(|t| t.span.start < c.norm.start);
    let norm = doc.norm.as_str();
    let word = |i: usize| tokens.get(i).map(|t| &norm[t.span]);
    // Right before it, or before an adjective (`la agencia francesa AFP`).
    let credited_before = (1..=2)
        .filter_map(|back| t.checked_sub(back).and_then(word))
        .enumerate()
        .any(|(i, w)| AGENCY_BEFORE.contains(&w) && (i == 0 || w != "l'"));
    let end = tokens.partition_point(|t| t.span.end <= c.norm.end);
    let credited_after = word(end).is_some_and(|w| AGENCY_AFTER.contains(&w));
    dateline || credited_before || credited_after
}

/// Whether byte `at` of `text` starts a sentence: nothing but spaces and
/// quotes since the start, a line break or a `.`, `!`, `?` or `:`.
pub(crate) fn starts_sentence(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let trimmed = before.trim_end_matches(|c: char| {
        (c.is_whitespace() && c != '\n') || "\"'«»“”‘’(\u{feff}".contains(c)
    });
    if let Some(abbreviated) = trimmed.strip_suffix('.') {
        // A title's abbreviation or an initial ends no sentence (`M.
        // Macron`, `Mr. Trump`, `George W. Bush`).
        let word = abbreviated
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        let mut letters = word.chars();
        let initial = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
        let title = word.chars().next().is_some_and(char::is_uppercase)
            && ABBREVIATIONS.contains(&word.to_lowercase().as_str());
        return !(initial || title);
    }
    trimmed.is_empty() || trimmed.ends_with(['!', '?', ':', '\n']) || after_a_dateline(trimmed)
}

/// Whether `before` ends with a dateline's dash: after the agency's name in
/// parentheses or a place in capitals (`MANILA (AFP) -`, `KABUL –`).
fn after_a_dateline(before: &str) -> bool {
    let Some(head) = before.strip_suffix(['-', '–', '—']) else {
        return false;
    };
    let head = head.trim_end();
    let last = head
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    head.ends_with(')') || (last.chars().count() >= 2 && last.chars().all(char::is_uppercase))
}

/// Abbreviations of titles that stand before a name with a dot, in
/// en/fr/de/es, lower-cased: the dot ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mr", "mrs", "ms", "mme", "mmes", "mlle", "me", "dr", "pr", "prof", "sr", "sra",
    "srta", "hr", "fr", "st", "gen", "lt", "col", "capt", "gov", "sen", "rep", "rev", "mgr",
];

/// Most words a name may hold on each side of a place found in it.
const MAX_WORDS_AROUND_PLACE: usize = 4;

/// Names that hold a place found by transliteration or edit distance, read
/// with the place spelled as listed: `The lion of Panchir`, where `Panchir`
/// was found as `Panjshir`, is the listed `Lion of Panjshir`. The place's
/// spelling is the one that bridged (`place.form`); every span of up to
/// [`MAX_WORDS_AROUND_PLACE`] words on each side is looked up, grown to
/// the right while it may still grow into a key.
pub(crate) fn composed_around(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    normalizer: &crate::Normalizer,
    place: &Candidate,
) -> Vec<Candidate> {
    let tokens = doc.tokens.as_slice();
    let norm = doc.norm.as_str();
    let first = tokens.partition_point(|t| t.span.start < place.norm.start);
    let last = tokens.partition_point(|t| t.span.end < place.norm.end);
    let on_tokens = tokens
        .get(first)
        .is_some_and(|t| t.span.start == place.norm.start)
        && tokens
            .get(last)
            .is_some_and(|t| t.span.end == place.norm.end);
    if !on_tokens {
        return Vec::new();
    }
    let listed = normalizer.key(lexicon.form(place.form).text);
    let mut out = Vec::new();
    let mut spelled = String::new();
    for a in first.saturating_sub(MAX_WORDS_AROUND_PLACE)..=first {
        let start = tokens[a].span.start;
        spelled.clear();
        spelled.push_str(&norm[start..place.norm.start]);
        spelled.push_str(&listed);
        // The span grows a word at a time to the right, while it may still
        // grow into a key.
        for b in last..tokens.len().min(last + MAX_WORDS_AROUND_PLACE + 1) {
            let end = tokens[b].span.end;
            if b > last {
                spelled.push_str(&norm[tokens[b - 1].span.end..end]);
            }
            let key = match a == first && b == last {
                true => None,
                false => lexicon.lookup(&spelled),
            };
            if let Some(key) = key {
                out.extend(composed_candidates(
                    doc,
                    lexicon,
                    place,
                    key,
                    Span::new(start, end),
                ));
            }
            if !lexicon.is_key_prefix(&spelled) {
                break;
            }
        }
    }
    out
}

/// The candidates [`composed_around`] `place` makes of key `key`, found
/// spelled so at normalized `nspan`.
fn composed_candidates<'a>(
    doc: &'a Document<'_>,
    lexicon: &'a Lexicon,
    place: &'a Candidate,
    key: u32,
    nspan: Span,
) -> impl Iterator<Item = Candidate> + 'a {
    let span = doc.norm.to_original(nspan);
    lexicon.entries(key).iter().filter_map(move |&entry| {
        let form = lexicon.form(entry.form);
        if entry.via.is_some() || form.kind.is_acronym() || form.entity == place.entity {
            return None;
        }
        let mut rules = vec!["a place spelled as listed inside a name"];
        rules.extend(&place.rules);
        Some(Candidate {
            norm: nspan,
            span,
            entity: form.entity,
            form: entry.form,
            via: Some(place.form),
            rules,
            method: Method::Composed,
            score: place.score.min(SCORE_COMPOSED),
            dropped: case_mismatch(form.kind, form.text, &doc.text[span]),
        })
    })
}

/// Heads of place names that are not ordinary words of en/fr/de/es but
/// make a longer name of the same place (`Kharkiv Oblast`). Hand-written:
/// administrative divisions as the press leaves them untranslated.
const PLACE_HEADS: &[&str] = &[
    "oblast",
    "oblasts",
    "krai",
    "raion",
    "okrug",
    "governorate",
    "wilaya",
    "vilayet",
    "velayat",
    "ostan",
    "woreda",
    "voivodeship",
    "prefecture",
    "canton",
    "emirate",
];

/// Words for "new" that make another place of a place's name (`New
/// Mexico`, `Nouveau-Mexique`, `Nuevo México`, `Neukaledonien` aside),
/// normalized: en, fr, de, es, it, pt.
const NEW: &[&str] = &[
    "new", "nouveau", "nouvelle", "neu", "neue", "neuen", "nuevo", "nueva", "nuovo", "nuova",
    "novo", "nova",
];

/// Whether mention `c` is a word of a longer name that the gazetteer does
/// not know, and canon says nothing: a one-word place name or personal
/// name (`Mohammed Omar`) glued to a neighbouring word, a capitalized word that is neither an ordinary word
/// nor a mention (nor a head of place names, nor an Arabic article before
/// it), or after a title (`Paris Hilton`, `Milan Kundera`, `Mo Farah`, `Mr
/// Farah`); a person's name without its first given name after such a word
/// (`Khalid bin Salman` is not `Mohammed bin Salman`); any one-word name
/// but a person's after an Arabic article after such a word (a nisba:
/// `Abdul Malik al-Huthi`); a place after a word for new (`New Mexico`,
/// [`NEW`]). In text in capitals every word is capitalized: no signal.
pub(crate) fn inside_longer_name(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    taken: &Taken,
    c: &Candidate,
) -> bool {
    let by_name = c.by_name();
    let traits = gazetteer.traits(c.entity);
    let place = traits.kind == crate::EntityType::Place || traits.personal_name;
    let last_names = lexicon.form(c.form).kind == NameKind::LastNames;
    if by_name && (is_nisba(doc, gazetteer, c) || after_an_ezafe(doc, c.span)) {
        return true;
    }
    if by_name && traits.kind == crate::EntityType::Person && before_a_generation(doc, c.norm) {
        return true;
    }
    if !(last_names || (by_name && place)) {
        return false;
    }
    if traits.kind == crate::EntityType::Place && names_another_thing(doc, c.norm) {
        return true;
    }
    let tokens = doc.tokens.as_slice();
    let Ok(t) = tokens.binary_search_by_key(&c.norm.start, |t| t.span.start) else {
        return false;
    };
    let norm = doc.norm.as_str();
    if traits.kind == crate::EntityType::Place && on_a_river(doc, lexicon, gazetteer, t, c.entity) {
        return true;
    }
    let title_case = |t: &Token| is_title_case(doc.original(t.span));
    let this = &tokens[t];
    let name_word = |other: &Token, gap: Span| {
        let word = &norm[other.span];
        let at = |p: usize| Span::new(p, p);
        other.kind == crate::tokenize::TokenKind::Word
            && &norm[gap] == " "
            && !doc.paragraph_between(at(gap.start), at(gap.end))
            && title_case(other)
            // Before a place, a frequent name is a name word too (`Rhode
            // Island`); before a person's last names, a given name that is
            // a frequent name is found with them approximately.
            && !match last_names {
                true => guard::is_common_word(word),
                false => guard::is_ordinary_word(word),
            }
            // A German genitive, or a plural (`des Pandschir-Tals`).
            && !word.strip_suffix('s').is_some_and(guard::is_common_word)
            && !PLACE_HEADS.contains(&word)
            // A title (`Mme von der Leyen`), a day or a month (`in Kabul
            // Monday`).
            && crate::coreference::title_group(word).is_none()
            && !DAYS_AND_MONTHS.contains(&word)
            && !taken.overlaps(other.span)
            // A German compound noun (`die Separatistenregion Bergkarabach`).
            && !(guard::is_german_compound(word) && doc.reads_as_german())
    };
    // A title before the name makes it a person's too (`Mr Farah`, `Dr.
    // Jordan`).
    let before = t.checked_sub(1).map(|p| &tokens[p]).is_some_and(|p| {
        let gap = Span::new(p.span.end, this.span.start);
        // After a dot, only an abbreviated title (`Gen. Farah`; `the
        // general. Níger has`).
        let title = crate::coreference::title_group(&norm[p.span]).is_some()
            && (&norm[gap] == " "
                || (&norm[gap] == ". " && ABBREVIATIONS.contains(&&norm[p.span])));
        // Another place, named after this one (`New Mexico`).
        let new = place && NEW.contains(&&norm[p.span]) && &norm[gap] == " " && title_case(p);
        // A part of it named as another place (`East Sarajevo`, `North
        // Korea`, `Ost-Sarajevo`).
        // Not a preposition opening a sentence (French `Sur Kinmen`).
        let preposition = || {
            is_not_initial(&norm[p.span])
                && starts_sentence(doc.text, doc.norm.original_start(p.span.start))
        };
        let direction = place
            && DIRECTIONS.contains(&&norm[p.span])
            && &norm[gap] == " "
            && title_case(p)
            && !preposition();
        // Only where the word lists can tell an ordinary word: in Latin
        // letters (Russian `Город Фамалат`, "the town of Famalat").
        let latin = is_latin_text(doc.original(p.span));
        // In German, a noun after a determiner is in apposition, whatever
        // the word lists hold (`das Nachbarland Eritrea`, `die
        // Wirtschaftsmetropole Almaty`).
        let apposition = || {
            (t.checked_sub(2)).is_some_and(|d| {
                GERMAN_DETERMINERS.contains(&&norm[tokens[d].span])
                    && &norm[tokens[d].span.end..p.span.start] == " "
            }) && doc.reads_as_german()
        };
        let name = latin
            && name_word(p, gap)
            && !skeleton::is_article(&norm[p.span])
            && !(place && apposition());
        match last_names {
            true => name,
            false => title || name || new || direction,
        }
    });
    let last = tokens.partition_point(|t| t.span.end < c.norm.end);
    let on_tokens = tokens.get(last).is_some_and(|l| l.span.end == c.norm.end);
    if last_names {
        // A name word after them is the name of someone else of the family
        // (`his father Idriss Déby Itno`).
        let longer = on_tokens
            && (tokens.get(last + 1))
                .is_some_and(|n| name_word(n, Span::new(tokens[last].span.end, n.span.start)));
        return before || longer;
    }
    let next = tokens.get(t + 1);
    // A country or a body of water is no state, province or region of its
    // own: `Niger State` (Nigeria's) and `Red Sea State` (Sudan's) are
    // other places, where `Rakhine State` is Rakhine.
    let water = norm[c.norm].split(' ').any(is_water_word);
    let whole = traits.kind == crate::EntityType::Place
        && (water || lexicon.description_words(c.entity).any(|w| w == "country"));
    if whole && after_a_state_word(doc, t, water) {
        return true;
    }
    // A city's name after or before a word for a state, province or
    // region names that division (`l'État de São Paulo`, `Sao Paulo state`;
    // not `région`, which may be the city's surroundings), unless the entity
    // is both (`city and province`).
    let city = traits.kind == crate::EntityType::Place && {
        let mut described = lexicon.description_words(c.entity);
        described.clone().any(|w| CITY_WORDS.contains(&w))
            && !described.any(|w| DIVISIONS_AFTER.contains(&w))
    };
    let division = |word: &str| word != "region" && STATE_WORDS.contains(&word);
    if city
        && (after_a_word(doc, t, |_, word, _| division(word))
            || before_a_division_word(doc, c.norm))
    {
        return true;
    }
    // A place named short, without its tail (`Fergana` for the `Fergana
    // Valley`, `Donetsk` for `Donetsk Oblast`), or a country, after a word
    // for a town is the town (`in der Stadt Fergana`, `la localidad de
    // Mali`).
    let short = lexicon.form(c.form).kind == NameKind::ShortName;
    if traits.kind == crate::EntityType::Place && (short || whole) && after_a_town_word(doc, t) {
        return true;
    }
    // A place of several words too (`Parti démocratique de Côte
    // d'Ivoire`).
    if place
        && title_case(this)
        && (after_a_name_head(doc, taken, t, 1)
            || (on_tokens && last > t && before_capitalized_words(doc, taken, t, last, whole)))
    {
        return true;
    }
    if this.span != c.norm || !title_case(this) {
        return false;
    }
    let after = next.is_some_and(|n| {
        let gap = Span::new(this.span.end, n.span.start);
        let direction = DIRECTIONS.contains(&&norm[n.span]) && &norm[gap] == " " && title_case(n);
        // A given name after it starts a person's name (Russian `Президент
        // Сербии Александр Вучич`, the president of Serbia Aleksandar Vučić).
        let given_name =
            traits.kind == crate::EntityType::Place && skeleton::is_given_name(&norm[n.span]);
        // After it, a German noun is a sentence's (`in Baku Anschläge
        // verübt`), or joined by a dash, a compound that keeps the name
        // (`Zypern-Gesandte`, `Nato-Gipfel`; a longer name the gazetteer or
        // the known names hold is found as such: `Guinea-Bissau`), unless
        // it names a thing of its own (`Riad-Abkommen`).
        let german = doc.reads_as_german();
        let word = &norm[n.span];
        let named_thing =
            german && doc.dashed(this.span, n.span) && NAMED_THING_HEADS.contains(&word);
        let german_noun = || german && !named_thing && is_german_noun(word);
        // An acronym no mention after a place not in capitals names a
        // company or a project (`Mozambique LNG`, `Rovuma LNG`).
        let acronym = || {
            let word = doc.original(n.span);
            let gap = doc.norm.original_end(this.span.end)..doc.norm.original_start(n.span.start);
            place
                && doc.text.get(gap) == Some(" ")
                && (2..=MAX_PROJECT_ACRONYM_LETTERS).contains(&word.chars().count())
                && word.chars().all(|c| c.is_uppercase())
                && doc.original(this.span).chars().any(char::is_lowercase)
                && !taken.overlaps(n.span)
        };
        (name_word(n, gap) && !given_name && !german_noun())
            || (place && direction)
            || named_thing
            || acronym()
    });
    before || after || (place && before_capitalized_words(doc, taken, t, t, whole))
}

/// Most letters of an acronym that names a company or a project after a
/// place (`Mozambique LNG`): longer capitals are a shouted word.
const MAX_PROJECT_ACRONYM_LETTERS: usize = 4;

/// Points of the compass in en/fr/de/es, normalized, that name a part of a
/// place as another place when capitalized next to it (`East Sarajevo`,
/// `Sarajevo-Est`, `Ost-Sarajevo`, `North Korea`).
const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "nord", "sud",
    "est", "ouest", "ost", "norte", "sur", "este", "oeste",
];

/// Whether the place (or organization) named from `tokens[t]` ends the name
/// of something else that starts with a capitalized ordinary word inside a
/// sentence, right before it or through particles and at most `most_small`
/// words in small letters (`Radio France`, `Mouvement du Pakistan`, `Haute
/// Cour d'Islamabad`, `Parti démocratique de Côte d'Ivoire`, `Armée de
/// libération du Baloutchistan`, `the Bank of England`); not one that says
/// what the place is ([`SAME_PLACE_HEADS`]: `République du Congo`, `the
/// Government of Pakistan`, `le Sud du Liban`). Not in German, whose nouns
/// have a capital anywhere.
fn after_a_name_head(doc: &Document<'_>, taken: &Taken, t: usize, most_small: usize) -> bool {
    use crate::tokenize::TokenKind;
    let tokens = doc.tokens.as_slice();
    let norm = doc.norm.as_str();
    let (mut at, mut particles, mut small) = (t, 0, 0);
    // Particles that join a head to what follows it: an article alone
    // joins none (`the Commission says the Lake Chad`).
    let mut joining = 0;
    // Whether a capitalized word of no word list was passed, joined to
    // what follows: a noun of the name, whose head comes before it.
    let mut passed = false;
    // Whether the words passed are only particles and qualifiers of a
    // state's institutions (`suprême`, `Armadas`).
    let (mut qualifiers_only, mut qualified) = (true, false);
    while let Some(p) = at.checked_sub(1).filter(|&p| t - p <= MAX_NAME_HEAD_REACH) {
        let token = &tokens[p];
        if !doc.next_to(token.span, tokens[at].span) {
            return false;
        }
        let word = &norm[token.span];
        // A conjunction joins two names (`Papua New Guinea and Guinea`);
        // a point of the compass in small letters names a part of the
        // place itself (`la Cruz Roja en el sur de Gaza`).
        if CONJUNCTIONS.contains(&word)
            || (DIRECTIONS.contains(&word) && !doc.capitalized(token.span))
        {
            return false;
        }
        if token.kind == TokenKind::Elision
            || (token.kind == TokenKind::Word && is_not_initial(word))
        {
            particles += 1;
            if !DEFINITE_ARTICLES.contains(&word) {
                joining += 1;
            }
        } else if token.kind != TokenKind::Word {
            return false;
        } else if INSTITUTION_QUALIFIERS.contains(&word) && doc.capitalized(token.span) {
            // Read through, to the institution it qualifies (`Fuerzas
            // Armadas de Senegal`).
            qualified = true;
        } else if !doc.capitalized(token.span) {
            let qualifier = INSTITUTION_QUALIFIERS.contains(&word);
            qualifiers_only &= qualifier;
            qualified |= qualifier;
            // One word in small letters, between particles (`Armée de
            // libération du`) or before one (`Parti démocratique de`), but
            // a word for a place (`the Black Sea port of Batumi`), or an
            // English word in English text, whose names capitalize theirs
            // (`an Israeli strike on Beirut`).
            let english = doc.ordinary_language() == Some(guard::ENGLISH)
                && guard::is_ordinary_word_of(word, guard::ENGLISH);
            if particles == 0
                || small == most_small
                || crate::coreference::PLACE_WORDS.contains(&word)
                || english
            {
                return false;
            }
            small += 1;
        } else if !passed
            && joining > 0
            && !guard::is_common_word(word)
            && crate::coreference::title_group(word).is_none()
            && !taken.overlaps(token.span)
        {
            // A rarer noun of the name, which the word lists do not hold
            // (`Consorcio del Oleoducto del Caspio`): its head is before it.
            passed = true;
            (particles, joining, small) = (0, 0, 0);
        } else {
            // Past a noun of the name, any capitalized word joined to it
            // heads it (`Consorcio del Oleoducto del Caspio`).
            // Not a short function word of a title with a capital on
            // every word (`Kabul Falls To Taliban`).
            let head = word.len() >= MIN_NAME_HEAD_LETTERS
                && (guard::is_ordinary_word(word) || (passed && joining > 0))
                && (joining > 0 || (particles == 0 && small == 0))
                && !SAME_PLACE_HEADS.contains(&word)
                && !PORTFOLIOS.contains(&word)
                && !(qualified && qualifiers_only && INSTITUTIONS.contains(&word))
                && !DIRECTIONS.contains(&word)
                && crate::coreference::title_group(word).is_none()
                && !taken.overlaps(token.span)
                && is_latin_text(doc.original(token.span))
                && !starts_sentence(doc.text, doc.norm.original_start(token.span.start));
            return head && !doc.reads_as_german();
        }
        at = p;
    }
    false
}

/// Conjunctions of en/fr/de/es, normalized.
const CONJUNCTIONS: &[&str] = &["and", "et", "y", "e", "und", "or", "ou", "o", "oder"];

/// Fewest letters of the head of a name that ends with a place
/// ([`after_a_name_head`]): `Air France`, not `To Kabul`.
const MIN_NAME_HEAD_LETTERS: usize = 3;

/// Most tokens a name's head stands before the place that ends the name
/// ([`after_a_name_head`]).
const MAX_NAME_HEAD_REACH: usize = 5;

/// Capitalized ordinary words before a place (through particles) that
/// name the place itself or a part of it, normalized, en/fr/es: states
/// and governments, administrative divisions (and the points of the
/// compass, [`DIRECTIONS`]).
const SAME_PLACE_HEADS: &[&str] = &[
    "republic",
    "republique",
    "republica",
    "kingdom",
    "royaume",
    "reino",
    "state",
    "etat",
    "estado",
    "emirate",
    "emirat",
    "emirato",
    "sultanate",
    "sultanat",
    "sultanato",
    "government",
    "gouvernement",
    "gobierno",
    "centre",
    "center",
    "centro",
    "island",
    "ile",
    "isla",
    "province",
    "region",
    "valley",
    "vallee",
    "valle",
    "municipality",
    "municipalite",
    "municipio",
    "commune",
    "county",
    "district",
    "governorate",
    "prefecture",
];

/// A state's institutions, capitalized before its name through particles
/// and [`INSTITUTION_QUALIFIERS`] alone, at least one, normalized,
/// en/fr/es: `la Cour suprême du Brésil`, `las Fuerzas Armadas de Senegal`
/// are the country's, no body named after it (as `Armée de libération du
/// Baloutchistan` is, and the `Court of Bosnia and Herzegovina`, a court's
/// own name).
const INSTITUTIONS: &[&str] = &[
    "court",
    "cour",
    "corte",
    "tribunal",
    "army",
    "armee",
    "ejercito",
    "forces",
    "fuerzas",
    "police",
    "policia",
    "navy",
    "armada",
    "parliament",
    "parlement",
    "parlamento",
];

/// Words that qualify a state's institution ([`INSTITUTIONS`]), normalized.
const INSTITUTION_QUALIFIERS: &[&str] = &[
    "supreme",
    "suprema",
    "supremo",
    "constitutional",
    "constitutionnelle",
    "constitucional",
    "armed",
    "armees",
    "armadas",
    "federal",
    "federale",
    "national",
    "nationale",
    "nacional",
];

/// The portfolios of ministers, capitalized before a country's name,
/// normalized, en/fr/es: `los ministros de Exteriores de Armenia` are
/// Armenia's, no body named after it.
const PORTFOLIOS: &[&str] = &[
    "exteriores",
    "exterior",
    "affaires",
    "etrangeres",
    "foreign",
    "defensa",
    "defense",
    "defence",
    "armees",
    "interior",
    "interieur",
    "hacienda",
    "finances",
    "finanzas",
];

/// Whether the place named by `tokens[first..=last]` stands in a run of
/// capitalized words inside a sentence written in small letters, after it
/// one or more ordinary words: the longer name of something else (`the
/// Islamabad High Court ordered`, `the Karachi Kings won`, `the South
/// China Morning Post said`, `the Lake Chad Basin Commission met`, also
/// when the run starts the sentence with an article: `The Lake Chad Basin
/// Commission says`), unless those words only say what the place is
/// ([`SAME_PLACE_WORDS`]: `the Panjshir Valley`; for a `whole` place, a
/// country or a body of water, not the words of a subdivision,
/// [`SUBDIVISION_WORDS`]: `Niger State`). In German, whose nouns have a
/// capital anywhere, only by words that are no German ones; not in titles
/// with a capital on every word (`Kabul Falls To Taliban`), nor before a
/// day or month (US press's `in Kabul Monday`).
fn before_capitalized_words(
    doc: &Document<'_>,
    taken: &Taken,
    first: usize,
    last: usize,
    whole: bool,
) -> bool {
    let tokens = doc.tokens.as_slice();
    let norm = doc.norm.as_str();
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == crate::tokenize::TokenKind::Word)
    };
    let joined = |a: usize, b: usize| doc.spaced(tokens[a].span, tokens[b].span);
    let capitalized = |i: usize| word(i).is_some_and(|w| is_title_case(doc.original(w.span)));
    // The run of capitalized words after the place.
    let mut end = last;
    while capitalized(end + 1) && joined(end, end + 1) {
        end += 1;
    }
    // German capitalizes its nouns: there, only a word of another language
    // tells (`der Azerbaijan Airlines`). A mention is no word of another
    // name (`in Georgetown Caracas vorgeworfen`).
    let german = doc.reads_as_german();
    let other_thing = (last + 1..=end).any(|i| {
        let w = &norm[tokens[i].span];
        guard::is_ordinary_word(w)
            && !taken.overlaps(tokens[i].span)
            && !(german && guard::is_ordinary_word_of(w, guard::GERMAN))
            && !(SAME_PLACE_WORDS.contains(&w) && !(whole && SUBDIVISION_WORDS.contains(&w)))
            && !DAYS_AND_MONTHS.contains(&w)
    });
    if !other_thing || DAYS_AND_MONTHS.contains(&&norm[tokens[last + 1].span]) {
        return false;
    }
    // And before it, back to a word in small letters.
    let mut start = first;
    while start
        .checked_sub(1)
        .is_some_and(|p| capitalized(p) && joined(p, start))
    {
        start -= 1;
    }
    // A word in small letters, or an elision (`d'Azerbaijan Airlines`).
    let small = |i: usize| {
        let lower = |t: &Token| doc.original(t.span).starts_with(char::is_lowercase);
        word(i).is_some_and(lower) || tokens.get(i).is_some_and(|t| t.kind == TokenKind::Elision)
    };
    // After it, a word in small letters or the end of the sentence (`the
    // Pétion-Ville Club.`).
    let after_run = small(end + 1)
        || tokens
            .get(end + 1)
            .is_none_or(|n| n.kind != crate::tokenize::TokenKind::Word || !joined(end, end + 1));
    // An article that starts the sentence starts the run too: a word in
    // small letters must end it then.
    let article_first = start < first
        && DEFINITE_ARTICLES.contains(&&norm[tokens[start].span])
        && starts_sentence(doc.text, doc.norm.original_start(tokens[start].span.start))
        && small(end + 1);
    // So does an owner's possessive (`Sudan's Red Sea State`).
    let owned = (start.checked_sub(1)).is_some_and(|p| tokens[p].kind == TokenKind::Possessive);
    let before_run = start.checked_sub(1).is_some_and(small) || article_first || owned;
    after_run && before_run
}

/// Ordinary words after a place that say what the place is, normalized, in
/// en/fr/es: a longer name of the same place (`Panjshir Valley`, `Kandahar
/// Province`, `Sahara Desert`).
const SAME_PLACE_WORDS: &[&str] = &[
    "valley",
    "province",
    "region",
    "state",
    "district",
    "county",
    "area",
    "desert",
    "peninsula",
    "island",
    "islands",
    "heights",
    "corridor",
    "coast",
    "basin",
    "plateau",
];

/// Words for a region, normalized, in en/fr/de/es/it and romanized
/// Russian, and the particles between them and a name: a place's name with
/// them names a region after it.
const REGION_WORDS: &[&str] = &[
    "region",
    "province",
    "oblast",
    "oblasti",
    "krai",
    "district",
    "governorate",
    "regione",
    "provinz",
    "provincia",
    "de",
    "la",
    "du",
    "del",
    "di",
    "oblasty",
];

/// Whether normalized `word` reads as a German noun: a word of the German
/// list, a compound of one, or a word with a noun's ending (`Gesandte`,
/// `Generalsekretär`), a long one with a plural's (`Reservisten`); not a
/// name (`Ruanda-Urundi`, `Baden-Württemberg`).
fn is_german_noun(word: &str) -> bool {
    const NOUN_ENDINGS: &[&str] = &[
        "e", "er", "el", "ung", "heit", "keit", "schaft", "tion", "tat", "ar", "ismus", "chef",
        "amt", "rat",
    ];
    guard::is_german_word(word)
        || guard::is_german_compound(word)
        || NOUN_ENDINGS.iter().any(|e| word.ends_with(e))
        || (word.len() >= MIN_GERMAN_PLURAL_LETTERS && word.ends_with("en"))
}

/// Fewest letters of a word in -en read as a German plural noun
/// ([`is_german_noun`]): shorter ones are names as often (`Leyen`).
const MIN_GERMAN_PLURAL_LETTERS: usize = 7;

/// German nouns that, dashed to a place, name a thing of their own (`die
/// Istanbul-Konvention`, `das Riad-Abkommen`, `der Maracaibo-See`),
/// normalized.
const NAMED_THING_HEADS: &[&str] = &[
    "abkommen",
    "brucke",
    "konvention",
    "vertrag",
    "prozess",
    "format",
    "protokoll",
    "erklarung",
    "see",
    "fluss",
    "meer",
    "bucht",
    "golf",
    "tal",
    "gebirge",
    "insel",
    "inseln",
];

/// German articles, demonstratives, possessives and prepositions joined
/// to an article, normalized, which a noun follows.
const GERMAN_DETERMINERS: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
    "dieser", "diese", "dieses", "diesem", "diesen", "sein", "seine", "seinem", "seinen", "seiner",
    "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "zum", "zur", "vom", "im", "am",
    "beim", "ins", "ans",
];

/// Definite articles of en/fr/es, normalized, which start the name of an
/// institution at a sentence's start (`The Lake Chad Basin Commission`).
const DEFINITE_ARTICLES: &[&str] = &["the", "le", "la", "les", "el", "los", "las"];

/// The words of [`SAME_PLACE_WORDS`] that name a subdivision of a country,
/// which no country or body of water is.
const SUBDIVISION_WORDS: &[&str] = &["province", "region", "state", "district", "county"];

/// Whether normalized `word` is the head of the name of a body of water in
/// en/fr/es/de ([`is_feature_head`] too).
fn is_water_word(word: &str) -> bool {
    const WATERS: &[&str] = &[
        "sea", "ocean", "lake", "river", "gulf", "bay", "strait", "ozean", "meer", "see", "golf",
        "oceano",
    ];
    WATERS.contains(&word) || is_feature_head(word)
}

/// Whether the place named from `tokens[t]`, whose entity `e` is no river
/// nor other water (its canonical name and its description say), is the
/// river a German town is named on, after `an der` (`Prag an der Moldau`,
/// `Frankfurt an der Oder`, not Moldova).
fn on_a_river(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    t: usize,
    e: u32,
) -> bool {
    let tokens = doc.tokens.as_slice();
    let norm = doc.norm.as_str();
    let word = |i: usize| &norm[tokens[i].span];
    let before = |n: usize| {
        t.checked_sub(n)
            .filter(|&i| tokens[i].kind == TokenKind::Word)
    };
    let (Some(town), Some(an), Some(der)) = (before(3), before(2), before(1)) else {
        return false;
    };
    let water = || {
        let name = gazetteer.entity(e).name.to_lowercase();
        let water = (name.split(' ').chain(lexicon.description_words(e))).any(is_water_word);
        water
    };
    word(an) == "an"
        && word(der) == "der"
        && [town, an, der, t]
            .windows(2)
            .all(|pair| doc.next_to(tokens[pair[0]].span, tokens[pair[1]].span))
        && doc.capitalized(tokens[town].span)
        && !water()
}

/// Whether the country or the body of water (`water`) named from
/// `tokens[t]` follows a word for a state or province of a country, through
/// particles: a state named after it (`l'État de la mer Rouge`, `der
/// Bundesstaat Niger`, Spanish `el estado de Níger`). Of a country, only
/// words that never name the country itself: German `Bundesstaat`, Spanish
/// `estado` in small letters (`el Estado de Israel` is Israel).
fn after_a_state_word(doc: &Document<'_>, t: usize, water: bool) -> bool {
    after_a_word(doc, t, |_, word, small| match water {
        true => STATE_WORDS.contains(&word),
        false => word == "bundesstaat" || (word == "estado" && small),
    })
}

/// Whether the place named from `tokens[t]` follows a word for a town,
/// through particles, with no word of its own before it but an article or
/// a preposition (`the town of`, `la ville de`, `die Stadt`; `the main
/// city of Romania` is a city in it).
fn after_a_town_word(doc: &Document<'_>, t: usize) -> bool {
    let tokens = doc.tokens.as_slice();
    let norm = doc.norm.as_str();
    after_a_word(doc, t, |p, word, _| {
        let qualified = p.checked_sub(1).is_some_and(|q| {
            norm[tokens[q].span].len() > MAX_DETERMINER_LETTERS
                && doc.next_to(tokens[q].span, tokens[p].span)
        });
        TOWN_WORDS.contains(&word) && !qualified
    })
}

/// Most letters of an article or a preposition before a word for a town
/// ([`after_a_town_word`]).
const MAX_DETERMINER_LETTERS: usize = 3;

/// Whether the name from `tokens[t]` follows, through particles, a word
/// that passes `test` (its token's index, the word normalized, and whether
/// it is written in small letters).
fn after_a_word(doc: &Document<'_>, t: usize, test: impl Fn(usize, &str, bool) -> bool) -> bool {
    let tokens = doc.tokens.as_slice();
    let norm = doc.norm.as_str();
    let mut at = t;
    while let Some(p) = at.checked_sub(1).filter(|&p| t - p <= MAX_STATE_REACH) {
        let token = &tokens[p];
        if !doc.next_to(token.span, tokens[at].span) {
            return false;
        }
        let word = &norm[token.span];
        if token.kind == TokenKind::Elision || is_not_initial(word) {
            at = p;
            continue;
        }
        let small = doc.original(token.span).starts_with(char::is_lowercase);
        return test(p, word, small);
    }
    false
}

/// Words for a town in en/fr/de/es/ru, normalized ([`after_a_town_word`]).
const TOWN_WORDS: &[&str] = &[
    "city",
    "town",
    "village",
    "ville",
    "cite",
    "bourg",
    "ciudad",
    "pueblo",
    "localidad",
    "stadt",
    "dorf",
    "ortschaft",
    "gorod",
    "gorode",
    "goroda",
    "gorodom",
    "selo",
    "sele",
    "posyolok",
    "poselok",
    "poselke",
];

/// Words for a state or province of a country, normalized, en/fr/de/es
/// ([`after_a_state_word`]).
const STATE_WORDS: &[&str] = &[
    "state",
    "etat",
    "estado",
    "bundesstaat",
    "province",
    "provincia",
    "provinz",
    "region",
    "wilaya",
];

/// Words of descriptions that say a place is a city, normalized.
const CITY_WORDS: &[&str] = &["city", "capital", "town", "port"];

/// Words in small letters for a division of a country after its name, in
/// English, normalized (`Sao Paulo state`, `Kharkiv oblast`).
const DIVISIONS_AFTER: &[&str] = &["state", "province", "oblast", "governorate"];

/// Whether the name at normalized `span` is followed by a word for a
/// division of a country in small letters ([`DIVISIONS_AFTER`]).
fn before_a_division_word(doc: &Document<'_>, span: Span) -> bool {
    let tokens = doc.tokens.as_slice();
    let next = tokens.partition_point(|t| t.span.start < span.end);
    tokens.get(next).is_some_and(|n| {
        DIVISIONS_AFTER.contains(&&doc.norm.as_str()[n.span])
            && doc.spaced(span, n.span)
            && !doc.capitalized(n.span)
    })
}

/// Most tokens a state's word stands before a place ([`after_a_state_word`]).
const MAX_STATE_REACH: usize = 3;

/// English days and months, which English news capitalizes after a place
/// (`in Kabul Monday`), normalized.
pub(crate) const DAYS_AND_MONTHS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Persian and Urdu names join their words with an ezafe (`Tehrik-e-Taliban
/// Pakistan`, `Lashkar-e-Taiba`, `Jaish-e-Mohammed`): a name found right
/// after one, at original `span`, is a word of a longer name.
fn after_an_ezafe(doc: &Document<'_>, span: Span) -> bool {
    let before = &doc.text[..span.start];
    ["-e-", "-i-", "-ye-", "-e ", "-i "].iter().any(|ezafe| {
        before
            .strip_suffix(ezafe)
            .and_then(|head| head.chars().next_back())
            .is_some_and(char::is_alphabetic)
    })
}

/// Words after a person's name that make the name another generation's
/// (`Donald Trump Jr.`, `Étienne Tshisekedi père`), normalized.
const GENERATIONS: &[&str] = &["jr", "junior", "sr", "senior", "ii", "iii", "fils", "pere"];

/// The French words of [`GENERATIONS`], which are nouns too: after a
/// comma or before `de`, they say whose son or father the person is
/// (`Ahmad Massoud, fils du commandant`).
const FRENCH_GENERATIONS: &[&str] = &["fils", "pere"];

/// Whether the name at normalized `span` is followed by one of
/// [`GENERATIONS`], capitalized or not, a space or a comma away: the name
/// of a son or a father, whom the gazetteer lists under that name if at
/// all (the listed name holds the word then, and is found whole).
fn before_a_generation(doc: &Document<'_>, span: Span) -> bool {
    let norm = doc.norm.as_str();
    let tokens = doc.tokens.as_slice();
    let next = tokens.partition_point(|t| t.span.start < span.end);
    (tokens.get(next)).is_some_and(|t| {
        let word = &norm[t.span];
        let gap = &norm[span.end..t.span.start];
        let of = || {
            tokens.get(next + 1).is_some_and(|o| {
                ["de", "du", "des", "d'"].contains(&&norm[o.span])
                    && norm[t.span.end..o.span.start].trim().is_empty()
            })
        };
        let apposition = FRENCH_GENERATIONS.contains(&word) && (gap != " " || of());
        matches!(gap, " " | ", ") && GENERATIONS.contains(&word) && !apposition
    })
}

/// Heads of the names of things named after a place that are not the
/// place, normalized, in en, fr, de, es: rivers, empires, universities,
/// treaties and agreements in the plural, which name them (`Niger River`,
/// `fleuve Niger`, `Mali-Reich`, `empire du Mali`, `Kabul University`,
/// `Universität Pristina`, `accords de Minsk`; `l'accord de Kaboul` may
/// be Kabul's).
const OTHER_THINGS: &[&str] = &[
    "river",
    "fleuve",
    "riviere",
    "rio",
    "fluss",
    "empire",
    "imperio",
    "reich",
    "reichs",
    "university",
    "universite",
    "universidad",
    "universitat",
    "agreements",
    "accords",
    "acuerdos",
    "accordi",
    "treaty",
    "traite",
    "tratado",
    "vertrag",
    "cartel",
    "cartels",
    "kartell",
    "carteles",
];

/// Words for products sold under a place's name and for brands, in en,
/// fr, de, es, normalized: the place right before or after one names the
/// product (`Derbent brandy`, `le cognac Derbent`, `die Marke Derbent`,
/// `Drina cigarettes`).
const PRODUCTS: &[&str] = &[
    "brandy",
    "cognac",
    "vodka",
    "wodka",
    "whisky",
    "whiskey",
    "cigarettes",
    "zigaretten",
    "cigarrillos",
    "marke",
    "marque",
];

/// Heads of the names of waters, streets and bridges named after a place,
/// which are not the place when they come first (`lac Tchad`, `Gulf of
/// Sirte`, `golfo de Adén`, `rue de Kaboul`, `pont de Crimée`) or follow it
/// capitalized (`Taiz Street`, `Tais-Straße`); after it in small letters,
/// they say what the place is (`the Sirte gulf`). Not straits: a strait is
/// named as the place (`Bab el-Mandeb`, `Hormuz`).
const WATERS_AND_STREETS: &[&str] = &[
    "lake", "lac", "lago", "sea", "mer", "mar", "meer", "gulf", "golfe", "golfo", "golf", "bay",
    "baie", "bahia", "bucht", "street", "avenue", "road", "rue", "calle", "avenida", "strasse",
    "canal", "kanal", "bridge", "pont", "puente", "brucke",
];

/// Words for buildings in en/fr/de/es, normalized: a place right before
/// one capitalized, or right after one, names the building (`Kabul
/// Stadium`, `la mosquée Süleymaniye`, `die Moschee Al-Aqsa`); through a
/// particle, it says where the building stands (`la mosquée de Mossoul`).
const BUILDINGS: &[&str] = &[
    "mosque",
    "mosquee",
    "mezquita",
    "moschee",
    "church",
    "eglise",
    "iglesia",
    "kirche",
    "cathedral",
    "cathedrale",
    "catedral",
    "kathedrale",
    "synagogue",
    "sinagoga",
    "synagoge",
    "stadium",
    "stade",
    "estadio",
    "stadion",
    "hotel",
    "hotels",
];

/// Words for ships in en/fr/de/es, normalized: a place right after one is
/// the ship's name (`the ferry Estonia`, `le pétrolier Finlandia`, `die
/// Fähre Estonia`, `el buque Mar Rojo`).
const VESSELS: &[&str] = &[
    "ferry",
    "ship",
    "vessel",
    "tanker",
    "freighter",
    "frigate",
    "destroyer",
    "cruiser",
    "submarine",
    "corvette",
    "warship",
    "trawler",
    "yacht",
    "liner",
    "navire",
    "petrolier",
    "fregate",
    "croiseur",
    "cargo",
    "paquebot",
    "ferri",
    "fahre",
    "schiff",
    "frachter",
    "fregatte",
    "kreuzer",
    "korvette",
    "buque",
    "petrolero",
    "fragata",
    "crucero",
    "submarino",
    "corbeta",
    "carguero",
];

/// Quotation marks around a name, normalized (`"`, `'`; `«` and `“` fold to `"`).
const QUOTES: &[char] = &['"', '\''];

/// Words for military operations in en/fr/de/es, normalized: a place right
/// after one is the operation's name, as a ship's ([`VESSELS`]: `Operation
/// Litani`, `l'opération Barkhane`, `la operación Litani`).
const OPERATIONS: &[&str] = &["operation", "operacion", "operazione"];

/// Heads of the names of things named after a place that are nouns of
/// other meanings too, and make a name only capitalized: newspapers,
/// radios, airlines and commissions (`Tehran Times`, `Times of Israel`,
/// `China Daily`, `Radio France`, `Air Astana`, `African Union
/// Commission`).
const OTHER_THINGS_CAPITALIZED: &[&str] = &[
    "times",
    "post",
    "herald",
    "radio",
    "tribune",
    "daily",
    "air",
    "commission",
    // Newspapers named after their town (`Diari de Girona`, `L'Express de
    // Madagascar`, `Le Quotidien d'Oran`, `Kyiv Independent`).
    "journal",
    "gazette",
    "gazeta",
    "zeitung",
    "diario",
    "diari",
    "quotidien",
    "express",
    "courier",
    "courrier",
    "observer",
    "independent",
    // Sports clubs named after their town (`Dynamo Kyiv`, `Real Madrid`,
    // `Standard Lüttich`).
    "dynamo",
    "dinamo",
    "spartak",
    "lokomotiv",
    "olympique",
    "sporting",
    "atletico",
    "real",
    "standard",
];

/// Abbreviations that open or close the names of sports clubs, written in
/// capitals (`FK Vojvodina`, `FC Barcelona`, `AS Monaco`), normalized: a
/// place beside one names the club ([`names_another_thing`]).
const CLUBS: &[&str] = &[
    "fc", "fk", "sc", "ac", "as", "cf", "cd", "sk", "nk", "hnk", "bk", "sv", "rc", "kf", "afc",
    "ogc",
];

/// Whether the place named at normalized `span` names something else
/// there: right after or before one of [`OTHER_THINGS`], of
/// [`WATERS_AND_STREETS`] or [`BUILDINGS`] as they say, or capitalized,
/// of [`OTHER_THINGS_CAPITALIZED`], or after one and a particle (`empire
/// du Mali`, `Times of Israel`); right after one of [`VESSELS`] or
/// [`OPERATIONS`].
fn names_another_thing(doc: &Document<'_>, span: Span) -> bool {
    let norm = doc.norm.as_str();
    let tokens = doc.tokens.as_slice();
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let last = tokens.partition_point(|t| t.span.end < span.end);
    let in_capitals = |t: &Token| !doc.original(t.span).chars().any(char::is_lowercase);
    // The lists a word is in, told first: most words are in none.
    let head = |t: &Token, after: bool| {
        let kinds = thing_kinds(&norm[t.span]);
        let capitalized = || doc.capitalized(t.span);
        kinds & OTHER != 0
            || (kinds & (WATER | BUILDING) != 0 && (!after || capitalized()))
            || (kinds & CAPITALIZED != 0 && capitalized())
            || (kinds & CLUB != 0 && in_capitals(t))
    };
    let joined = |a: &Token, b: &Token| doc.spaced(a.span, b.span);
    let after =
        || (tokens.get(last + 1)).is_some_and(|n| head(n, true) && joined(&tokens[last], n));
    let before = |at: usize| first.checked_sub(at).map(|p| &tokens[p]);
    let right_before = || before(1).is_some_and(|p| head(p, false) && joined(p, &tokens[first]));
    // Not through a preposition that says what the thing is about (`the
    // Minsk agreements on Ukraine`).
    let through_particle = || {
        before(2).zip(before(1)).is_some_and(|(h, p)| {
            let kinds = thing_kinds(&norm[h.span]);
            // The particle may be elided (`Quotidien d'Oran`).
            let particle = norm[p.span].trim_end_matches('\'');
            (kinds & (OTHER | WATER) != 0 || (kinds & CAPITALIZED != 0 && doc.capitalized(h.span)))
                && is_not_initial(particle)
                && !ABOUT.contains(&particle)
                && doc.next_to(p.span, tokens[first].span)
                && joined(h, p)
        })
    };
    // Or through `of` and an article (`rue de la Ligue arabe`, `calle de
    // l'ONU`).
    let through_article = || {
        (before(3).zip(before(2)).zip(before(1))).is_some_and(|((h, of), a)| {
            thing_kinds(&norm[h.span]) & (OTHER | WATER) != 0
                && ["de", "of", "di", "da"].contains(&&norm[of.span])
                && (DEFINITE_ARTICLES.contains(&&norm[a.span]) || norm[a.span] == *"l'")
                && doc.next_to(a.span, tokens[first].span)
                && joined(of, a)
                && joined(h, of)
        })
    };
    // A ship's or an operation's name follows its word right away, maybe
    // quoted (`the cruiser "Moskva"`; `Frachter im Roten Meer` is a
    // freighter in the Red Sea).
    let quoted = |a: &Token, b: &Token| {
        let gap = &norm[a.span.end..b.span.start];
        gap.starts_with(' ') && gap[1..].chars().all(|c| QUOTES.contains(&c))
    };
    let ship = || {
        before(1)
            .is_some_and(|p| thing_kinds(&norm[p.span]) & VESSEL != 0 && quoted(p, &tokens[first]))
    };
    after() || right_before() || through_particle() || through_article() || ship()
}

/// Particles that say what a thing is about or for, not whose it is,
/// normalized ([`names_another_thing`]).
const ABOUT: &[&str] = &["on", "sur", "for", "pour", "fur", "para", "per", "am", "na"];

/// Bits of [`thing_kinds`]: the word is in [`OTHER_THINGS`] or
/// [`PRODUCTS`], in [`WATERS_AND_STREETS`], in
/// [`OTHER_THINGS_CAPITALIZED`], in [`BUILDINGS`], in [`VESSELS`] or
/// [`OPERATIONS`], in [`CLUBS`].
const OTHER: u8 = 1;
const WATER: u8 = 2;
const CAPITALIZED: u8 = 4;
const BUILDING: u8 = 8;
const VESSEL: u8 = 16;
const CLUB: u8 = 32;

/// The lists of heads of things named after a place that normalized
/// `word` is in, as bits ([`OTHER`]...), read from one table.
fn thing_kinds(word: &str) -> u8 {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = rustc_hash::FxHashMap::default();
        let lists: [(&[&'static str], u8); 8] = [
            (OTHER_THINGS, OTHER),
            (CLUBS, CLUB),
            (PRODUCTS, OTHER),
            (WATERS_AND_STREETS, WATER),
            (OTHER_THINGS_CAPITALIZED, CAPITALIZED),
            (BUILDINGS, BUILDING),
            (VESSELS, VESSEL),
            (OPERATIONS, VESSEL),
        ];
        for (list, bit) in lists {
            for &word in list {
                *table.entry(word).or_insert(0) |= bit;
            }
        }
        table
    });
    table.get(word).copied().unwrap_or(0)
}

/// Whether mention `c` of an organization ends a longer name the gazetteer
/// does not know: right after a capitalized word inside a sentence that is
/// no mention, title or article, and an ordinary word of English, French or
/// Spanish, where only names capitalize one (`National Security Council`
/// is not the UN's council, `German Red Cross` not the ICRC), or after
/// one through particles ([`after_a_name_head`]: `la Cité de l'Union
/// africaine`). Not in German, which capitalizes its nouns (`die
/// Organisation Human Rights Watch`), nor in a title in capitals, where
/// the next word has one too (`Russia Blocks Security Council Vote`).
pub(crate) fn ends_longer_organization_name(
    doc: &Document<'_>,
    gazetteer: &Gazetteer,
    taken: &Taken,
    c: &Candidate,
) -> bool {
    if !c.by_name() || gazetteer.traits(c.entity).kind != crate::EntityType::Organization {
        return false;
    }
    // A street, a commission or a university named after it (`Arab League
    // Street`, `rue de la Ligue arabe`, `African Union Commission`).
    if names_another_thing(doc, c.norm) {
        return true;
    }
    let tokens = doc.tokens.as_slice();
    let first = tokens.partition_point(|t| t.span.start < c.norm.start);
    let last = tokens.partition_point(|t| t.span.end <= c.norm.end);
    let (Some(p), Some(this)) = (first.checked_sub(1).map(|p| &tokens[p]), tokens.get(first))
    else {
        return false;
    };
    let norm = doc.norm.as_str();
    let word = &norm[p.span];
    let original = doc.original(p.span);
    let name_word = p.kind == TokenKind::Word
        && norm.get(p.span.end..this.span.start) == Some(" ")
        && is_title_case(original)
        && is_latin_text(original)
        && !taken.overlaps(p.span)
        && word.chars().count() >= MIN_QUALIFIER_LETTERS
        && guard::is_common_word(word)
        && crate::coreference::title_group(word).is_none()
        && !skeleton::is_article(word)
        && !starts_sentence(doc.text, doc.norm.to_original(p.span).start);
    let title_after = tokens.get(last).is_some_and(|n| {
        n.kind == TokenKind::Word
            && norm.get(c.norm.end..n.span.start) == Some(" ")
            && is_title_case(doc.original(n.span))
    });
    // A capitalized head and particles before it, no word in small letters
    // (`la Cité de l'Union africaine`, the president's compound).
    let head = || {
        this.span.start == c.norm.start
            && is_title_case(doc.original(this.span))
            && after_a_name_head(doc, taken, first, 0)
    };
    !title_after && ((name_word && !doc.reads_as_german()) || head())
}

/// Fewest letters of a word that makes an organization's name part of a
/// longer one (`National`, `German`): shorter ones are articles and other
/// small words (`The Taliban`, `Le Monde`).
const MIN_QUALIFIER_LETTERS: usize = 4;

/// Whether candidate `c`, one word of any entity but a person, stands after
/// an Arabic article joined to it by a dash, after a capitalized word in
/// Latin letters that is no ordinary word: a nisba, the end of a person's
/// name (`Abdul Malik al-Huthi` is no Houthi, `Abu Musab al-Zarqawi` no
/// Zarqa).
pub(crate) fn is_nisba(doc: &Document<'_>, gazetteer: &Gazetteer, c: &Candidate) -> bool {
    if gazetteer.traits(c.entity).kind == crate::EntityType::Person {
        return false;
    }
    let tokens = doc.tokens.as_slice();
    let Ok(t) = tokens.binary_search_by_key(&c.norm.start, |t| t.span.start) else {
        return false;
    };
    let norm = doc.norm.as_str();
    let [first, article, this] = match t.checked_sub(2).and_then(|f| tokens.get(f..=t)) {
        Some([first, article, this]) => [first, article, this],
        _ => return false,
    };
    let first_word = doc.original(first.span);
    this.span == c.norm
        // Joined by a dash, as transliterations write the article
        // (`al-Huthi`; not English `at Kabul`).
        && doc.dashed(article.span, this.span)
        && skeleton::is_article(&norm[article.span])
        && &norm[first.span.end..article.span.start] == " "
        && first.kind == TokenKind::Word
        && is_title_case(first_word)
        && is_latin_text(first_word)
        && !guard::is_ordinary_word(&norm[first.span])
}

/// Whether `word` starts with a capital and holds a small letter (`Kabul`,
/// not `KABUL`: in text in capitals every word is capitalized).
fn is_title_case(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// Whether place mention `c` is followed by `, ` or ` (` and the name of a
/// state or province of another country, then a comma, a dot or a closing
/// parenthesis (`data/place-qualifiers.txt`): `Moscow, Idaho, is` is a
/// namesake of Moscow. Unless the entity's `context` or `description` holds
/// the state: then it is the place meant (`Mobile, Alabama`).
pub(crate) fn qualified_elsewhere(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    c: &Candidate,
) -> bool {
    static QUALIFIERS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let qualifiers = QUALIFIERS.get_or_init(|| {
        include_str!("../data/place-qualifiers.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    if gazetteer.traits(c.entity).kind != crate::EntityType::Place {
        return false;
    }
    let rest = &doc.norm.as_str()[c.norm.end..];
    let Some(rest) = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" (")) else {
        return false;
    };
    let own = |q: &str| {
        lexicon.context(c.entity).iter().any(|w| w == q)
            || lexicon.description_words(c.entity).any(|w| w == q)
    };
    qualifiers.iter().any(|q| {
        rest.strip_prefix(q)
            .is_some_and(|after| after.is_empty() || after.starts_with([',', '.', ')', ';']))
            && !own(q)
    })
}

/// Letters of the Latin script (ASCII and the Latin Unicode blocks).
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

fn has_cased_letters(s: &str) -> bool {
    s.chars().any(|c| c.is_uppercase() || c.is_lowercase())
}

/// Runs of adjacent name-like word tokens (capitalized, or of a script
/// without case) and name particles, each token with whether it is
/// name-like. A run breaks at punctuation.
pub(crate) fn name_runs<'d>(doc: &'d Document<'_>) -> Vec<Vec<(&'d Token, bool)>> {
    let norm = doc.norm.as_str();
    let mut runs = Vec::new();
    let mut run: Vec<(&Token, bool)> = Vec::new();
    let mut prev_end = None;
    let tokens = doc.tokens.as_slice();
    for (t, token) in tokens.iter().enumerate() {
        let adjacent = prev_end.is_some_and(|e: usize| {
            let gap = &norm[e..token.span.start];
            gap.is_empty() || gap == " "
        });
        if (!adjacent || token.kind != TokenKind::Word) && !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        prev_end = Some(token.span.end);
        if token.kind == TokenKind::Elision {
            // An elision in capitals inside a sentence, glued to a
            // capitalized word, is the name's own first letters
            // (`N'Djamena`, `D'Alema`): French writes `l'Afghanistan`.
            let opens_name = doc.capitalized(token.span)
                && (tokens.get(t + 1)).is_some_and(|next| {
                    next.kind == TokenKind::Word
                        && next.span.start == token.span.end
                        && doc.capitalized(next.span)
                })
                && !starts_sentence(doc.text, doc.norm.original_start(token.span.start));
            if opens_name {
                run.push((token, true));
            }
            continue;
        }
        if token.kind != TokenKind::Word {
            continue;
        }
        // The first letter tells most words: the whole original is read
        // only for those of scripts without case.
        let first = doc.text[doc.norm.original_start(token.span.start)..]
            .chars()
            .next();
        let word = &&norm[token.span];
        // A syllable in small letters dashed to a name word goes on with
        // the name (`Lai Ching-teh`, `Tsai Ing-wen`), unless an ordinary
        // word (`Taliban-led`).
        let continues = run
            .last()
            .is_some_and(|&(p, like)| like && doc.dashed(p.span, token.span))
            && !guard::is_ordinary_word(word);
        // A word of a script without case is name-like, but a lone letter
        // of Arabic script: a conjunction or preposition (Persian `و`, and),
        // never a word of a name.
        let uncased_word = || {
            let original = doc.original(token.span);
            let mut letters = original.chars();
            let lone_abjad_letter =
                letters.next().is_some_and(is_abjad) && letters.next().is_none();
            !has_cased_letters(original)
                && original.chars().any(char::is_alphabetic)
                && !lone_abjad_letter
        };
        let name_like = first.is_some_and(char::is_uppercase)
            || (!first.is_some_and(char::is_lowercase) && uncased_word())
            || continues;
        let article = || {
            word.len() <= skeleton::MAX_ARTICLE_LETTERS
                && (skeleton::ARTICLES.contains(word)
                    || (skeleton::DASHED_ARTICLES.contains(word)
                        && (tokens.get(t + 1))
                            .is_some_and(|next| doc.dashed(token.span, next.span))))
        };
        if name_like || is_particle(word) || article() {
            run.push((token, name_like));
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs.push(run);
    runs.retain(|r| r.iter().any(|t| t.1));
    runs
}

/// How much a `context` word in the mention's sentence raises the score of
/// an approximate mention (transliteration, fuzzy, coreference).
pub(crate) const CONTEXT_BOOST: f64 = 0.05;

/// The gazetteer's own rules for an entity, applied to candidates: `not`
/// spellings never link; an entity with `requires_context` links only where
/// one of its `context` words stands in the same sentence, and such a word
/// raises approximate mentions. Each sentence is searched once per entity.
/// And nothing links inside the name of an entity canon knows that the
/// gazetteer does not list (`Sudan` in `South Sudan`).
pub(crate) struct GazetteerRules<'a> {
    doc: &'a Document<'a>,
    lexicon: &'a Lexicon,
    gazetteer: &'a Gazetteer,
    /// (entity, sentence start) → whether a context word is there.
    in_context: std::collections::HashMap<(u32, usize), bool>,
    /// Spans of the document that are names of known entities the
    /// gazetteer does not list.
    other_names: Vec<Span>,
    /// Which spans of the document lie in the names of other places of
    /// the world.
    places_elsewhere: crate::keytable::Covering<'a>,
    /// The language of a passage (by where it starts) among the guarded
    /// ones and those of a gate, found when a name of that gate in the
    /// passage first needs it.
    languages: Vec<((Languages, usize), Option<Languages>)>,
}

impl<'a> GazetteerRules<'a> {
    pub(crate) fn new(
        doc: &'a Document<'a>,
        lexicon: &'a Lexicon,
        gazetteer: &'a Gazetteer,
    ) -> Self {
        GazetteerRules {
            doc,
            lexicon,
            gazetteer,
            in_context: Default::default(),
            other_names: lexicon.other_names(doc.norm.as_str(), doc.tokens),
            places_elsewhere: lexicon.places_elsewhere(doc.norm.as_str(), doc.tokens),
            languages: Vec::new(),
        }
    }

    /// Whether the candidate's form, or the place spelling composed into
    /// it, is a name of other languages than the document's
    /// ([`language::gates`]).
    fn in_other_language(&mut self, candidate: &Candidate) -> bool {
        let (lexicon, forms) = (
            self.lexicon,
            std::iter::once(candidate.form).chain(candidate.via),
        );
        let mut gates = forms.filter_map(|f| lexicon.gate(f)).peekable();
        if gates.peek().is_none() {
            return false;
        }
        // The language of the candidate's paragraph, if long enough to
        // tell (a German quote in French text), else of the document.
        let passage = language::passage(self.doc.text, candidate.span.start);
        let word = &self.doc.norm.as_str()[candidate.norm];
        // A demonym is an ordinary word in every guarded language, as is
        // an adjective of another of the place's names (German `Armenien`
        // is French `arménien`, of `Arménie`).
        let canonical = lexicon.form(lexicon.first_form(candidate.entity)).text;
        let demonym = language::is_demonym(word, &canonical.to_lowercase())
            || is_adjective_of_listed(word, candidate.entity, lexicon);
        gates.any(|gate| {
            // Detection tells the guarded languages and the gate's apart:
            // gates of guarded languages alone share one detection.
            let key = (language::detected_among(gate), passage.start);
            let found = match self.languages.iter().find(|(k, _)| *k == key) {
                Some(&(_, found)) => found,
                None => {
                    let found = language::detect(&self.doc.text[passage.clone()], gate);
                    self.languages.push((key, found));
                    found
                }
            };
            match found {
                Some(found) if gate.contains(found) => false,
                // In text of a guarded language that has no such word, the
                // name is another language's spelling kept (an English
                // translation from French writes `Damas`).
                Some(found) => found.guarded().is_none_or(|l| {
                    if demonym {
                        return true;
                    }
                    // The word as written, or with an ending read off
                    // (French `Syriens` for German `Syrien`).
                    let stems = [Some(word), word.strip_suffix('s'), word.strip_suffix("es")];
                    stems
                        .into_iter()
                        .flatten()
                        .any(|w| guard::is_ordinary_word_of(w, l))
                }),
                None => true,
            }
        })
    }

    /// Applies the rules to one candidate.
    pub(crate) fn apply(&mut self, candidate: &mut Candidate) {
        if candidate.dropped.is_some() {
            return;
        }
        let entity = self.gazetteer.traits(candidate.entity);
        let norm = self.doc.norm.as_str();
        let defined = candidate
            .rules
            .contains(&crate::coreference::DEFINED_IN_THE_TEXT);
        // The word as written too, with an ending read off (`Élysées`, which
        // `Champs-Élysées` holds, is no `Élysée`).
        let rest = &norm[candidate.norm.end..];
        let word_end = rest.find(|c: char| !c.is_alphanumeric());
        let word_end = candidate.norm.end + word_end.unwrap_or(rest.len());
        let excluded = |end: usize| {
            (self.lexicon).excludes(candidate.entity, &norm[candidate.norm.start..end])
        };
        if !defined && (excluded(candidate.norm.end) || excluded(word_end)) {
            candidate.dropped = Some(Reason::Excluded);
            return;
        }
        if self.in_other_language(candidate) {
            candidate.dropped = Some(Reason::OtherLanguage);
            return;
        }
        let span = candidate.norm;
        let approximate = matches!(
            candidate.method,
            Method::Transliteration | Method::Fuzzy | Method::Coreference
        );
        // A region named after the place is a mention of its name
        // (`Russia's Kursk region`, `die Region Kursk`), whatever entity
        // canon knows by the whole.
        let region_of = |o: &Span| {
            let rest = [&norm[o.start..span.start], &norm[span.end..o.end]];
            entity.kind == EntityType::Place
                && (rest
                    .iter()
                    .flat_map(|r| r.split(' '))
                    .filter(|w| !w.is_empty()))
                .all(|w| REGION_WORDS.contains(&w))
        };
        let other = |o: &Span| {
            o.start <= span.start
                && span.end <= o.end
                && (o.len() > span.len() || approximate)
                && !(o.len() > span.len() && region_of(o))
        };
        if self.other_names.iter().any(other) {
            candidate.dropped = Some(Reason::OtherName);
            return;
        }
        if approximate && entity.kind == EntityType::Place && self.places_elsewhere.covers(span) {
            candidate.dropped = Some(Reason::OtherPlace);
            return;
        }
        if !entity.context {
            return;
        }
        let sentence = sentence_around(norm, candidate.norm);
        let (doc, lexicon) = (self.doc, self.lexicon);
        let found = *self
            .in_context
            .entry((candidate.entity, sentence.start))
            .or_insert_with(|| {
                lexicon
                    .context(candidate.entity)
                    .iter()
                    .any(|w| holds(doc, sentence, w))
            });
        if entity.requires_context && !found {
            candidate.dropped = Some(Reason::NoContext);
        } else if found
            && matches!(
                candidate.method,
                Method::Transliteration | Method::Fuzzy | Method::Coreference
            )
        {
            candidate.score = (candidate.score + CONTEXT_BOOST).min(1.0);
            candidate.rules.push("context word in the sentence");
        }
    }
}

/// The sentence of normalized text around `span`: from after the last `.`,
/// `!` or `?` before it to the next one after it.
fn sentence_around(norm: &str, span: Span) -> Span {
    let ends = ['.', '!', '?'];
    let start = norm[..span.start].rfind(ends).map_or(0, |i| i + 1);
    let end = norm[span.end..]
        .find(ends)
        .map_or(norm.len(), |i| span.end + i);
    Span::new(start, end)
}

/// Whether `sentence` of the normalized document holds `words` on token
/// boundaries.
fn holds(doc: &Document<'_>, sentence: Span, words: &str) -> bool {
    let norm = doc.norm.as_str();
    !words.is_empty()
        && norm[sentence].match_indices(words).any(|(at, w)| {
            let at = sentence.start + at;
            doc.tokens.starts_at(at) && doc.tokens.ends_at(at + w.len())
        })
}
