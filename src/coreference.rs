//! Document-level resolution, after names are matched: acronyms the text
//! defines, and bare surnames referring back to a full name.
//!
//! - `National Resistance Front (FNR)` or `FNR (National Resistance Front)`:
//!   when the long form is a mention, the short form links to its entity
//!   everywhere in the document, listed or not. When the text defines an
//!   acronym as something else (`Alliance for Peace (AFP)`), the
//!   gazetteer's entity for that acronym is dropped in this document.
//! - `Massoud`, `Commander Massoud`, `Massoud's` after `Ahmad Massoud`: a
//!   capitalized word that is the surname of a person of the gazetteer links
//!   to the person mentioned before in the document. When several such
//!   persons were mentioned (father and son), a title that the person's
//!   description holds decides (`le commandant Massoud`: the commander), or
//!   the one mentioned last in the same paragraph; otherwise canon says
//!   nothing. A word that is part of a longer name (`Ahmad Zia Massoud`,
//!   `Massoud Barzani`) is never a bare surname.

use crate::candidates::{Candidate, Document, Reason};
use crate::guard;
use crate::lexicon::{is_not_initial, Lexicon, NameKind};
use crate::resolve::Resolution;
use crate::skeleton;
use crate::tokenize::{Token, TokenKind};
use crate::{EntityType, Gazetteer, Method, Span};
use rustc_hash::{FxHashMap, FxHashSet};

/// Fewest letters of a surname in Latin letters found in another spelling
/// than the listed one.
const MIN_RESPELLED_SURNAME_LETTERS: usize = 4;

/// Score of a short form defined in the text.
const SCORE_DEFINED_ACRONYM: f64 = 0.9;
/// Score of a bare surname with one fitting person mentioned before.
const SCORE_SURNAME: f64 = 0.9;
/// Score of a bare surname chosen among several by a title or by recency.
const SCORE_SURNAME_SIGNAL: f64 = 0.86;

/// Titles that may stand before a surname, by what they say of the person:
/// the first word of each group is the English one a description would
/// hold; the empty group says nothing (courtesy titles). Normalized forms.
const TITLES: &[&[&str]] = &[
    &["commander", "commandant", "kommandeur", "comandante"],
    &[
        "president",
        "presidente",
        "prasident",
        "prasidentin",
        "presidenta",
    ],
    &["general", "gen", "generale"],
    &["minister", "ministre", "ministro", "ministerin"],
    &["mullah", "mollah", "mulla", "mula"],
    &["sheikh", "cheikh", "scheich", "jeque", "shaykh"],
    &["leader", "chef", "lider", "dirigeant"],
    &[
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "sprecher",
        "sprecherin",
        "portavoz",
    ],
    &["colonel", "coronel", "oberst"],
    &["ayatollah", "ayatullah", "ajatollah", "ayatola"],
    &["imam", "emir", "sultan"],
    &["king", "roi", "konig", "rey", "prince", "prinz", "principe"],
    &["marshal", "marechal", "marschall", "mariscal"],
    &[
        "chancellor",
        "chancelier",
        "chanceliere",
        "kanzler",
        "kanzlerin",
        "canciller",
    ],
    &[
        "governor",
        "gouverneur",
        "gouverneurin",
        "gobernador",
        "gobernadora",
    ],
    &[
        "senator",
        "senateur",
        "senatrice",
        "senatorin",
        "senador",
        "senadora",
    ],
    &["judge", "richter", "richterin", "juez", "jueza"],
    &[
        "",
        "mr",
        "mrs",
        "ms",
        "mister",
        "m",
        "mme",
        "monsieur",
        "madame",
        "herr",
        "frau",
        "senor",
        "sr",
        "sra",
        "dr",
        "doctor",
        "docteur",
        "prof",
        "professor",
    ],
];

/// Adds the mentions the document itself defines: acronyms, then bare
/// surnames; gazetteer acronyms the text redefines stop being mentions.
pub(crate) fn resolve_document(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    resolution: &mut Resolution,
) {
    defined_acronyms(doc, gazetteer, resolution);
    let words: Vec<&Token> = (doc.tokens.as_slice().iter())
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    bare_surnames(doc, &words, lexicon, gazetteer, resolution);
    own_words_of_organizations(doc, &words, lexicon, gazetteer, resolution);
    courts_by_their_adjective(doc, &words, lexicon, gazetteer, resolution);
    owners_unnamed(doc, lexicon, gazetteer, resolution);
}

/// Links the words of the document that stand for an organization it
/// named before by name: `read` gives the words of a mention's name that
/// may stand for it, `word_of` what a token of the text is compared by,
/// and `fits` whether the token at that place among `words` may be such a
/// word. A word two organizations mentioned share stands for neither; one
/// links capitalized, free, and after the organization's first mention.
#[allow(clippy::too_many_arguments)]
fn organizations_by_word(
    doc: &Document<'_>,
    words: &[&Token],
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    resolution: &mut Resolution,
    read: fn(&str) -> Vec<&str>,
    word_of: fn(&str) -> Option<&str>,
    fits: impl Fn(usize) -> bool,
    (score, why): (f64, &'static str),
) {
    let norm = doc.norm.as_str();
    // Each word, with its organization and where it was first named, or
    // `None` when two organizations mentioned share it.
    let mut by_word: FxHashMap<&str, Option<(u32, usize)>> = FxHashMap::default();
    let organizations = (resolution.mentions())
        .filter(|c| c.by_name() && gazetteer.traits(c.entity).kind == EntityType::Organization);
    for c in organizations {
        for word in read(&norm[c.norm]) {
            let named = by_word.entry(word).or_insert(Some((c.entity, c.norm.end)));
            match named {
                Some((entity, end)) if *entity == c.entity => *end = (*end).min(c.norm.end),
                _ => *named = None,
            }
        }
    }
    if by_word.is_empty() {
        return;
    }
    for (w, token) in words.iter().enumerate() {
        let found = word_of(&norm[token.span]).and_then(|word| by_word.get(word));
        let Some(&Some((entity, named))) = found else {
            continue;
        };
        let alone = token.span.start >= named
            && !resolution.taken.overlaps(token.span)
            && doc.capitalized(token.span)
            && fits(w);
        if alone {
            let candidate = coreference_candidate(doc, lexicon, token.span, entity, score, why);
            resolution.decide(candidate);
        }
    }
}

/// Spanish articles before a court's adjective standing for the court,
/// normalized (`el Supremo`, `del Constitucional`, `al Supremo`).
const SPANISH_ARTICLES: &[&str] = &["el", "del", "al"];

/// Links a court's adjective written alone, capitalized, after a Spanish
/// article, as the Spanish press names a court it named before (`el
/// Supremo` after `Tribunal Supremo`, `el Constitucional`): the adjective
/// means a word of the name of one court mentioned ([`crate::name_words`]).
fn courts_by_their_adjective(
    doc: &Document<'_>,
    words: &[&Token],
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    resolution: &mut Resolution,
) {
    let norm = doc.norm.as_str();
    // The meanings of a court's other words.
    let read: fn(&str) -> Vec<&str> = |name| {
        let meanings: Vec<&str> = (name.split(' '))
            .filter_map(crate::name_words::meaning)
            .collect();
        match meanings.contains(&"court") {
            true => meanings.into_iter().filter(|&m| m != "court").collect(),
            false => Vec::new(),
        }
    };
    // After an article, and not an adjective of a longer name (`el
    // Tribunal Supremo de Justicia`, `el Supremo Tribunal`).
    let fits = |w: usize| {
        let (token, article) = (words[w], w.checked_sub(1).map(|p| words[p]));
        let after_article = article.is_some_and(|a| {
            SPANISH_ARTICLES.contains(&&norm[a.span]) && doc.spaced(a.span, token.span)
        });
        let next_capital = (words.get(w + 1))
            .is_some_and(|n| doc.spaced(token.span, n.span) && doc.capitalized(n.span));
        after_article && !next_capital
    };
    let why = "a court's adjective standing for the court named before";
    let (meaning, score) = (crate::name_words::meaning, SCORE_SURNAME_SIGNAL);
    organizations_by_word(
        doc,
        words,
        lexicon,
        gazetteer,
        resolution,
        read,
        meaning,
        fits,
        (score, why),
    );
}

/// Drops the mentions by a name without the acronym of the body the
/// organization belongs to ([`NameKind::WithoutOwner`]: `Security Council`
/// of `UN Security Council`) that come before the text names that body
/// (`UN`, `ONU`, `Vereinte Nationen`) or the organization by another name:
/// until then, ordinary words are no name (a country's security council);
/// nor are they where a word qualifies them as another's ([`qualified`]).
fn owners_unnamed(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    resolution: &mut Resolution,
) {
    let owner_less =
        |c: &Candidate| c.via.is_none() && lexicon.form(c.form).kind == NameKind::WithoutOwner;
    if !resolution.mentions().any(owner_less) {
        return;
    }
    let normalizer = crate::Normalizer::new();
    // Where each entity is first named otherwise.
    let mut first: FxHashMap<u32, usize> = FxHashMap::default();
    for c in resolution.mentions().filter(|c| !owner_less(c)) {
        let at = first.entry(c.entity).or_insert(c.norm.start);
        *at = (*at).min(c.norm.start);
    }
    // The bodies whose acronym the entity's names lead with, before the
    // name without it.
    let owners = |c: &Candidate| -> Vec<u32> {
        let rest = lexicon.form(c.form).text;
        let leading = crate::lexicon::listed(gazetteer.entity(c.entity))
            .filter_map(|(_, _, name)| name.strip_suffix(rest))
            .map(|head| head.trim_end_matches([' ', '-']));
        let keys = leading.filter_map(|owner| lexicon.lookup(&normalizer.key(owner)));
        let entries = keys.flat_map(|k| lexicon.entries(k).iter());
        let forms = entries.map(|entry| lexicon.form(entry.form));
        forms
            .map(|form| form.entity)
            .filter(|&e| e != c.entity)
            .collect()
    };
    let named_before = |e: u32, at: usize| first.get(&e).is_some_and(|&start| start < at);
    // Each owner-less mention's owners, read once.
    let owned_by: Vec<(Candidate, Vec<u32>)> = (resolution.mentions())
        .filter(|c| owner_less(c))
        .map(|c| (c.clone(), owners(c)))
        .collect();
    // A body named right after the name, through a preposition and
    // articles (`Comando Central de Estados Unidos`, `Conseil de sécurité
    // des Nations unies`), is in the name: the mention spans both.
    let norm = doc.norm.as_str();
    let connects = |gap: &str| {
        let mut words = gap.split([' ', '\'']).filter(|w| !w.is_empty()).peekable();
        gap.starts_with(' ')
            && (gap.ends_with(' ') || gap.ends_with('\''))
            && words.peek().is_some()
            && words.all(|w| OWNER_CONNECTORS.contains(&w))
    };
    let mut wider: Vec<(Candidate, Span)> = Vec::new();
    for (c, owners) in &owned_by {
        let after = resolution.mentions().find(|m| {
            m.norm.start > c.norm.end
                && owners.contains(&m.entity)
                && connects(&norm[c.norm.end..m.norm.start])
        });
        if let Some(m) = after {
            wider.push((c.clone(), Span::new(c.norm.start, m.norm.end)));
        }
    }
    let owned: Vec<Span> = wider.iter().map(|&(_, span)| span).collect();
    for (mut whole, span) in wider {
        resolution.unkeep(|c| {
            if span.start <= c.norm.start && c.norm.end <= span.end {
                c.dropped = Some(Reason::Overlapped);
            }
        });
        whole.norm = span;
        whole.span = doc.norm.to_original(span);
        resolution.decide(whole);
    }
    // The others, unless the text named the entity or an owner before.
    let unnamed: Vec<Span> = (owned_by.iter())
        .filter(|(c, owners)| {
            !named_before(c.entity, c.norm.start)
                && !owners.iter().any(|&o| named_before(o, c.norm.start))
        })
        .map(|(c, _)| c.norm)
        .collect();
    resolution.unkeep(|c| {
        if owner_less(c)
            && !owned.contains(&c.norm)
            && (qualified(doc, c.norm) || unnamed.contains(&c.norm))
        {
            c.dropped = Some(Reason::OwnerUnnamed);
        }
    });
}

/// Endings of the adjectives of place that French and Spanish write after
/// a name of ordinary words (`Conseil de sécurité iranien`, `Consejo de
/// Seguridad ucraniano`), normalized.
const ADJECTIVE_AFTER_ENDINGS: &[&str] = &[
    "ien", "ienne", "ain", "aine", "ais", "aise", "ois", "oise", "ano", "ana", "ese", "esa", "ense",
];

/// Prepositions and articles between a body's name and its owner's
/// (`of the`, `de l'`, `der`), normalized.
const OWNER_CONNECTORS: &[&str] = &[
    "of", "the", "de", "du", "des", "la", "le", "les", "l", "d", "del", "los", "las", "el", "der",
    "di", "della", "da", "do", "dos", "von",
];

/// French and Spanish adjectives of place that no ending of
/// [`ADJECTIVE_AFTER_ENDINGS`] tells, normalized.
const IRREGULAR_ADJECTIVES_AFTER: &[&str] = &[
    "russe",
    "ruso",
    "rusa",
    "turc",
    "turque",
    "turco",
    "turca",
    "arabe",
    "kurde",
    "kurdo",
    "kurda",
    "grec",
    "grecque",
    "griego",
    "griega",
    "belge",
    "suisse",
    "suizo",
    "suiza",
    "tcheque",
    "checo",
    "checa",
    "sueco",
    "sueca",
    "afghan",
    "afgano",
    "afgana",
    "irani",
    "iraqui",
    "israeli",
    "saudi",
    "marroqui",
    "paquistani",
];

/// Endings of the German adjectives of place written before a name
/// (`des russischen Sicherheitsrats`), normalized.
const ADJECTIVE_BEFORE_ENDINGS: &[&str] = &["ischen", "ische", "ischer", "isches", "ischem"];

/// Fewest letters of a word read as an adjective of place by its ending.
const MIN_ADJECTIVE_LETTERS: usize = 5;

/// Whether words around normalized `span` make its name another body's:
/// a possessive before it (`the Kremlin's Security Council`), a German
/// adjective of place before it (`des russischen Sicherheitsrats`), an
/// adjective of place or `national` after it (`Conseil de sécurité
/// iranien`, `Consejo de Seguridad Nacional`) or before it (`Nationaler
/// Sicherheitsrat`).
fn qualified(doc: &Document<'_>, span: Span) -> bool {
    let norm = doc.norm.as_str();
    let before = norm[..span.start].trim_end();
    let word_before = before.rsplit(' ').next().unwrap_or_default();
    let word_after = (norm[span.end..].strip_prefix(' ').unwrap_or_default())
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let adjective = |word: &str, endings: &[&str]| {
        word.len() >= MIN_ADJECTIVE_LETTERS && endings.iter().any(|e| word.ends_with(e))
    };
    let national =
        |word: &str| crate::name_words::meanings(word).is_some_and(|m| m == ["national"]);
    before.ends_with("'s")
        || before.ends_with("s'")
        || adjective(word_before, ADJECTIVE_BEFORE_ENDINGS)
        || national(word_before)
        || adjective(word_after, ADJECTIVE_AFTER_ENDINGS)
        || IRREGULAR_ADJECTIVES_AFTER.contains(&word_after)
        || national(word_after)
}

/// Generic heads of organizations' names, en/fr/de/es, normalized: the
/// other word of a name of two is the organization's own (`Wagner Group`,
/// `groupe Wagner`, `Wagner-Gruppe`, `réseau Haqqani`), which the press
/// goes on to write alone.
const ORGANIZATION_HEADS: &[&str] = &[
    "group",
    "groupe",
    "gruppe",
    "grupo",
    "network",
    "reseau",
    "netzwerk",
    "red",
    "movement",
    "mouvement",
    "bewegung",
    "movimiento",
    "militia",
    "milice",
    "miliz",
    "milicia",
];

/// Links the own word of an organization's name of two words, mentioned
/// before, written alone (`Wagner` after `the Wagner Group`): capitalized,
/// no ordinary word, after no capitalized word inside a sentence and in no
/// longer name (`Richard Wagner`), and the own word of one organization
/// mentioned.
fn own_words_of_organizations(
    doc: &Document<'_>,
    words: &[&Token],
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    resolution: &mut Resolution,
) {
    let read: fn(&str) -> Vec<&str> = |name| {
        let words: Vec<&str> = name.split(' ').collect();
        let word = match words[..] {
            [head, word] | [word, head] if ORGANIZATION_HEADS.contains(&head) => word,
            _ => return Vec::new(),
        };
        match ORGANIZATION_HEADS.contains(&word) || guard::is_ordinary_word(word) {
            true => Vec::new(),
            false => vec![word],
        }
    };
    // Any capitalized word before it inside a sentence makes a longer
    // name: given names are ordinary words too (French `richard`).
    let fits = |w: usize| {
        let after_a_capital = neighbours(doc, words, w)
            .0
            .is_some_and(|p| capitalized_inside_a_sentence(doc, p));
        !after_a_capital && !in_longer_name(doc, words, w, false)
    };
    let why = "the own word of an organization's name mentioned before";
    organizations_by_word(
        doc,
        words,
        lexicon,
        gazetteer,
        resolution,
        read,
        |word| Some(word),
        fits,
        (SCORE_SURNAME, why),
    );
}

/// The rule of a short form the text defines after its long form
/// (`Forces démocratiques syriennes (FDS)`): the text's own word, which a
/// `not` spelling (meant for the form alone) does not override.
pub(crate) const DEFINED_IN_THE_TEXT: &str = "defined in the text";

/// A candidate this stage decides on.
fn document_candidate(
    doc: &Document<'_>,
    norm: Span,
    entity: u32,
    form: u32,
    method: Method,
    score: f64,
    why: &'static str,
) -> Candidate {
    Candidate {
        norm,
        span: doc.norm.to_original(norm),
        entity,
        form,
        via: None,
        rules: vec![why],
        method,
        score,
        dropped: None,
    }
}

/// A mention of `entity` that the document's own words make at `norm`
/// ([`Method::Coreference`]), by the entity's first name.
fn coreference_candidate(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    norm: Span,
    entity: u32,
    score: f64,
    why: &'static str,
) -> Candidate {
    let form = lexicon.first_form(entity);
    document_candidate(doc, norm, entity, form, Method::Coreference, score, why)
}

/// A short form as written: 2 to 8 letters, capitals first (`FNR`, `Otan`).
fn is_short_form(s: &str) -> bool {
    let letters = s.chars().count();
    s.chars().next().is_some_and(char::is_uppercase)
        && (2..=8).contains(&letters)
        && s.chars().all(char::is_alphabetic)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2.min(letters)
}

/// Whether `s` may be an acronym written as a word, with one capital
/// (`Nato`, `Cédéao`): four letters or more (`Who`, `Car` are words), as
/// many as [`is_short_form`] allows at most.
pub(crate) fn is_acronym_as_a_word(s: &str) -> bool {
    let mut letters = s.chars();
    letters.next().is_some_and(char::is_uppercase)
        && letters.all(|c| c.is_alphabetic() && !c.is_uppercase())
        && (4..=8).contains(&s.chars().count())
}

/// Whether every letter of `short` is the initial of a word of `long`.
fn initials_fit(short: &str, long: &str) -> bool {
    let initials: Vec<char> = long
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    short
        .chars()
        .flat_map(char::to_lowercase)
        .all(|c| initials.contains(&c))
}

/// Whether `short` abbreviates `long` as Schwartz and Hearst (2003) find
/// abbreviations: its letters stand in `long` in the same order, the first
/// at the start of a word (`KMT`, `Kuomintang`). Looked for only after a
/// name canon found, which the parentheses then define.
fn abbreviates(short: &str, long: &str) -> bool {
    let long: Vec<char> = long.chars().flat_map(char::to_lowercase).collect();
    let mut end = long.len();
    let letters: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    for (i, &letter) in letters.iter().enumerate().rev() {
        let starts_word = |at: usize| at == 0 || !long[at - 1].is_alphanumeric();
        match (0..end)
            .rev()
            .find(|&at| long[at] == letter && (i > 0 || starts_word(at)))
        {
            Some(at) => end = at,
            None => return false,
        }
    }
    true
}

/// Fewest letters of an acronym whose long form, holding mentions, is the
/// name of something else ([`defined_acronyms`]): the initials of fewer
/// words fit too many by chance.
const MIN_LONG_FORM_WORDS: usize = 3;

/// Whether `short`, in parentheses next to a mention of `long`, is its
/// short form.
fn stands_for(short: &str, long: &str) -> bool {
    initials_fit(short, long) || abbreviates(short, long)
}

fn defined_acronyms(doc: &Document<'_>, gazetteer: &Gazetteer, resolution: &mut Resolution) {
    let norm = doc.norm.as_str();
    let tokens = doc.tokens.as_slice();
    // Short form, its entity (`None`: defined as something unknown), and
    // the form of the long one.
    // Where a short form is defined (normalized start of the short form),
    // as what: its entity (`None`: something unknown) and the form of the
    // long one.
    let mut defined: Vec<(&str, Definition)> = Vec::new();
    // Long forms of acronyms the gazetteer lists: span, entity, form.
    let mut long_forms: Vec<(Span, u32, u32)> = Vec::new();
    // Long forms of acronyms that are no mention, with the acronym's
    // entity if it is a mention.
    let mut enclosing: Vec<(Span, Option<u32>)> = Vec::new();
    let parenthesized = |span: Span| {
        let before = norm[..span.start].trim_end_matches(' ');
        let after = norm[span.end..].trim_start_matches(' ');
        (before.ends_with('(') && after.starts_with(')'))
            .then(|| norm[..before.len() - 1].trim_end_matches(' ').len())
    };
    // Mentions by where they end, for `Long Form (ACR)`.
    let ends: FxHashMap<usize, usize> = resolution
        .kept
        .iter()
        .map(|&k| (resolution.candidates[k].norm.end, k))
        .collect();
    for (t, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Word {
            continue;
        }
        let Some(long_end) = parenthesized(token.span) else {
            continue;
        };
        let short = doc.original(token.span);
        // A short form written as a word (`Cédéao`) is one only after a
        // name found whose initials it is.
        let short_form = is_short_form(short);
        let as_a_word = !short_form && is_acronym_as_a_word(short);
        if !(short_form || as_a_word) {
            continue;
        }
        let mention_of = |span: Span| {
            let c = &resolution.candidates[*ends.get(&span.end)?];
            (c.norm.end == span.end).then_some((c.entity, c.form, c.norm))
        };
        let long = mention_of(Span::new(long_end, long_end));
        let acronym = mention_of(token.span).filter(|m| m.2 == token.span);
        // Written as a word, its letters keep no accents the name's have
        // (es `Cedeao`, `África`): compared normalized.
        let fits = |norm: Span| match as_a_word {
            true => initials_fit(&doc.norm.as_str()[token.span], &doc.norm.as_str()[norm]),
            false => stands_for(short, doc.original(norm)),
        };
        let mention_before = long.is_some();
        let long = long.filter(|&(.., norm)| fits(norm));
        // The words whose initials the acronym's are, when no mention is
        // its long form: read once for the uses below.
        let long_form = match long {
            Some(_) => None,
            None => long_form_before(doc, &tokens[..t], long_end, short),
        };
        // Words whose initials the acronym's are, and that hold a mention
        // (`Parti démocratique de Côte d'Ivoire (PDCI)`, `Commission du
        // bassin du lac Tchad (CBLT)`): a name, the acronym's entity's or
        // something's the gazetteer does not list, which the mentions of
        // other entities inside are parts of.
        if short.chars().count() >= MIN_LONG_FORM_WORDS {
            enclosing.extend(long_form.map(|(long, _)| (long, acronym.map(|a| a.0))));
        }
        match (long, acronym) {
            (Some((entity, form, _)), _) => {
                defined.push((short, (token.span.start, Some(entity), form)));
            }
            _ if as_a_word => {}
            // `Front national de résistance (FNR)` with `FNR` known: the long
            // form is a mention of the same entity.
            (None, Some((entity, form, _)))
                if let Some((long, capitalized)) = long_form
                    && names_alike(&norm[long], gazetteer.entity(entity))
                        >= if capitalized {
                            1
                        } else {
                            MIN_WORDS_ALIKE_IN_SMALL_LETTERS
                        } =>
            {
                long_forms.push((long, entity, form));
            }
            // Capitalized words whose initials these are, or words from a
            // capitalized one whose initials these are, particles aside
            // (`Reporters sans frontières (RSF)`), and no mention: the text
            // defines the acronym as something else.
            (None, _) if !mention_before => {
                let words = capitalized_words_before(doc, &tokens[..t], long_end);
                // Words in small letters define it otherwise only against
                // an entity with a name of several words, which they would
                // share (a gazetteer may name one by its acronym alone).
                let named = acronym.is_none_or(|(entity, ..)| {
                    let mut names = crate::lexicon::listed(gazetteer.entity(entity));
                    names.any(|(kind, _, name)| !kind.is_acronym() && name.trim().contains(' '))
                });
                let fit = (!words.is_empty() && initials_fit(short, &words))
                    || (named && long_form.is_some_and(|(_, capitalized)| capitalized));
                if fit {
                    defined.push((short, (token.span.start, None, 0)));
                }
            }
            _ => {}
        }
    }
    // Mentions inside a long form are parts of it: of the same entity
    // (`Frente Progresista de Resistencia` by cognates), the long form
    // replaces them; of others (`Bureau intégré des Nations unies en Haïti
    // (BINUH)`), they are words of its name.
    if !long_forms.is_empty() {
        resolution.unkeep(|c| {
            let inside = long_forms.iter().find(|&&(long, ..)| long.contains(c.norm));
            c.dropped = match inside {
                Some(&(_, entity, _)) if entity == c.entity => Some(Reason::Overlapped),
                Some(&(long, ..)) if long != c.norm => Some(Reason::LongerName),
                _ => return,
            };
        });
    }
    if !enclosing.is_empty() {
        resolution.unkeep(|c| {
            let part = |&(long, entity): &(Span, Option<u32>)| {
                long.contains(c.norm) && long != c.norm && entity != Some(c.entity)
            };
            if enclosing.iter().any(part) {
                c.dropped = Some(Reason::LongerName);
            }
        });
    }
    for &(long, entity, form) in &long_forms {
        if !resolution.taken.overlaps(long) {
            resolution.decide(document_candidate(
                doc,
                long,
                entity,
                form,
                Method::Alias,
                SCORE_DEFINED_ACRONYM,
                "long form of an acronym",
            ));
        }
    }
    // `ACR (Long Form)`.
    for c in resolution.mentions() {
        let Some(short_end) = parenthesized(c.norm) else {
            continue;
        };
        let at = tokens.binary_search_by_key(&short_end, |t| t.span.end);
        if let Some(token) = at.ok().map(|i| &tokens[i]) {
            let short = doc.original(token.span);
            if is_short_form(short) && stands_for(short, doc.original(c.norm)) {
                defined.push((short, (token.span.start, Some(c.entity), c.form)));
            }
        }
    }
    // Each short form's definitions in text order.
    let mut definitions: FxHashMap<&str, Vec<Definition>> = FxHashMap::default();
    for (short, definition) in defined {
        definitions.entry(short).or_default().push(definition);
    }
    if definitions.is_empty() {
        return;
    }
    definitions.values_mut().for_each(|d| d.sort_unstable());
    // Spans that entities fitting equally well left unlinked, once.
    let kept: FxHashSet<Span> = resolution.mentions().map(|c| c.norm).collect();
    let ambiguous: FxHashSet<Span> = resolution
        .candidates
        .iter()
        .filter(|c| c.dropped == Some(Reason::Ambiguous) && !kept.contains(&c.norm))
        .map(|c| c.norm)
        .collect();
    // A gazetteer acronym the text defines otherwise is not this entity.
    resolution.unkeep(|c| {
        let meaning = |d: &Vec<Definition>| governing(d, c.norm.start).1;
        let redefined = c.method == Method::Acronym
            && definitions
                .get(&doc.text[c.span])
                .is_some_and(|d| meaning(d) != Some(c.entity));
        if redefined {
            c.dropped = Some(Reason::Redefined);
        }
    });
    // Every use of a short form defined as an entity links to it: one pass
    // over the words, whatever the number of definitions.
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let Some(d) = definitions.get(doc.original(token.span)) else {
            continue;
        };
        let (_, Some(entity), form) = governing(d, token.span.start) else {
            continue;
        };
        // Gazetteer entities that fit the short form equally well made it
        // ambiguous: the text's definition settles it.
        if ambiguous.contains(&token.span) {
            resolution.taken.remove(token.span);
        }
        if !resolution.taken.overlaps(token.span) {
            resolution.decide(document_candidate(
                doc,
                token.span,
                entity,
                form,
                Method::Acronym,
                SCORE_DEFINED_ACRONYM,
                DEFINED_IN_THE_TEXT,
            ));
        }
    }
}

/// How many words normalized `long`, the long form of an acronym of
/// `entity`, shares with the name of it sharing most, by the cognate parts or the
/// meanings of `data/name-words.txt` that translated names compare by
/// (`Front national de résistance` and `National Resistance Front`): two
/// letters fit many names, and German `Auswärtiges Amt (AA)` is no `Arakan
/// Army (AA)`.
fn names_alike(long: &str, entity: &crate::Entity) -> usize {
    let parts = |name: &str| -> Vec<String> {
        (name.split(' '))
            .filter(|w| !is_not_initial(w))
            .filter_map(skeleton::cognate_parts)
            .flat_map(|p| p.split(' ').map(str::to_owned).collect::<Vec<_>>())
            .collect()
    };
    let long_parts = parts(long);
    let normalizer = crate::Normalizer::new();
    let alike = |name: &str| {
        let name = parts(&normalizer.key(name));
        long_parts.iter().filter(|p| name.contains(p)).count()
    };
    (crate::lexicon::listed(entity))
        .filter(|(kind, _, _)| !kind.is_acronym())
        .map(|(_, _, name)| alike(name))
        .max()
        .unwrap_or(0)
}

/// Words a long form of an acronym in small letters shares with a name of
/// its entity ([`names_alike`]): French writes names of governments so
/// (`gouvernement d'union nationale (GUN)`), and one word is common.
const MIN_WORDS_ALIKE_IN_SMALL_LETTERS: usize = 2;

/// Where a document defines a short form (normalized start of the short
/// form), as what (`None`: something the gazetteer does not hold), and the
/// form of its long one.
type Definition = (usize, Option<u32>, u32);

/// The definition of a short form in force at normalized `at`: the last one
/// before it, or the first one when the text uses it before defining it.
/// `definitions` is in text order and not empty.
fn governing(definitions: &[Definition], at: usize) -> Definition {
    let before = definitions.partition_point(|d| d.0 <= at);
    definitions[before.saturating_sub(1)]
}

/// The words ending right at normalized `end` whose initials, particles
/// aside, are the letters of `short` in any order: the long form of an
/// acronym (`Front national de résistance` for `FNR`), and whether its
/// first word is capitalized. A preposition of [`OPTIONAL_INITIALS`] or an
/// acronym gives its initial or not (`Bureau intégré des Nations unies en
/// Haïti` for `BINUH`, `United Nations Support Mission in Libya` for
/// `UNSMIL`, `Haut-Commissariat de l'ONU pour les réfugiés` for `HCR`).
fn long_form_before(
    doc: &Document<'_>,
    tokens: &[Token],
    end: usize,
    short: &str,
) -> Option<(Span, bool)> {
    let norm = doc.norm.as_str();
    let letters: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    // The letters the words' initials have not given yet, and the initials
    // of the prepositions passed.
    let mut left = letters.clone();
    let mut optional = Vec::new();
    let mut expected_end = end;
    for token in tokens.iter().rev() {
        if !norm[token.span.end..expected_end].trim().is_empty() {
            return None;
        }
        expected_end = token.span.start;
        let word = &norm[token.span];
        if token.kind != TokenKind::Word || is_not_initial(word) {
            continue;
        }
        let initial = word.chars().next()?;
        // An acronym inside too (`Haut-Commissariat de l'ONU pour les
        // réfugiés (HCR)`).
        let acronym = || {
            let original = doc.original(token.span);
            original.chars().count() >= 2 && original.chars().all(char::is_uppercase)
        };
        if OPTIONAL_INITIALS.contains(&word) || acronym() {
            optional.push(initial);
            continue;
        }
        let at = left.iter().position(|&c| c == initial)?;
        left.swap_remove(at);
        let mut prepositions = optional.clone();
        let rest = left.iter().all(|c| {
            let at = prepositions.iter().position(|p| p == c);
            at.map(|at| prepositions.swap_remove(at)).is_some()
        });
        if rest {
            return Some((
                Span::new(token.span.start, end),
                doc.capitalized(token.span),
            ));
        }
    }
    None
}

/// Prepositions that an acronym spells or not (`Alianza por la República`
/// for `APR`), and the Persian and Urdu ezafe (`Tehreek-e-Taliban
/// Pakistan` for `TTP`), normalized ([`long_form_before`]).
const OPTIONAL_INITIALS: &[&str] = &["en", "in", "a", "au", "aux", "al", "e", "i", "por"];

/// The capitalized words that end right at normalized `end` (a long form
/// that is not a mention), as written.
fn capitalized_words_before(doc: &Document<'_>, tokens: &[Token], end: usize) -> String {
    let norm = doc.norm.as_str();
    let mut start = None;
    let mut expected_end = end;
    for token in tokens.iter().rev() {
        if token.span.end != expected_end || token.kind != TokenKind::Word {
            break;
        }
        let word = doc.original(token.span);
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        let particle = word.chars().count() <= 3 && word.chars().all(char::is_lowercase);
        if !capitalized && !particle {
            break;
        }
        start = Some(token.span.start);
        let gap_start = norm[..token.span.start].trim_end_matches(' ').len();
        if gap_start + 1 < token.span.start {
            break;
        }
        expected_end = gap_start;
    }
    start.map_or(String::new(), |s| {
        doc.original(Span::new(s, end)).to_string()
    })
}

/// Surnames of persons from the normalized keys of their names (`(person,
/// key)`): the last word of every multi-word Latin name (the first when it
/// starts with the family name, [`crate::family_first`]), by the pattern of
/// each of its readings, so that spellings of
/// one surname meet (`Massud`, `Massoud`, `Masud`), and as written, after
/// [`AS_LISTED`] (which no pattern holds).
pub(crate) fn surname_index<'k>(
    names: impl IntoIterator<Item = (u32, &'k str, bool)>,
) -> rustc_hash::FxHashMap<String, Vec<u32>> {
    let mut index: rustc_hash::FxHashMap<String, Vec<u32>> = Default::default();
    for (e, key, by_given_name) in names {
        let surnames = surname_of(key, by_given_name).into_iter();
        for surname in surnames.chain(name_before_family_particle(key, by_given_name)) {
            let spelled = format!("{AS_LISTED}{surname}");
            let patterns = skeleton::readings(surname).into_iter().map(|r| r.pattern);
            for pattern in patterns.chain([spelled]) {
                let entities = index.entry(pattern).or_default();
                if !entities.contains(&e) {
                    entities.push(e);
                }
            }
        }
    }
    index
}

/// The surname in normalized multi-word Latin name `key`: its last word, or
/// its first when it starts with the family name (`Xi Jinping` is `Xi`);
/// none after a word for *son of* (`Mohammed bin Salman`). For a person
/// the press names `by_given_name` ([`named_by_given_name`]), the first
/// word (`Abiy Ahmed` is `Abiy`).
fn surname_of(key: &str, by_given_name: bool) -> Option<&str> {
    let mut words = key.split(' ');
    let (first, last) = (words.next()?, words.next_back()?);
    // After `bin`, the last word is the father's name, not a surname
    // (`Mohammed bin Salman`, `bin Salman`: `Salman` is his father, the
    // king).
    let before_last = words.next_back().unwrap_or(first);
    let (surname, shortest) = if by_given_name {
        (first, 3)
    } else if PATRONYMIC_PARTICLES.contains(&before_last) {
        return None;
    } else if crate::family_first::family_name_first(key) {
        (first, 2)
    } else {
        (last, 3)
    };
    (surname.len() >= shortest && surname.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(surname)
}

/// The words inside normalized name `key` of three words or more that may
/// be its bearer's surname, read where the document names the person in
/// full: neither given names, titles, particles nor words of the frequency
/// lists (`Issa Tchiroma Bakary`: `Tchiroma`; `Claudia Sheinbaum Pardo`:
/// `Sheinbaum`; not `Mahmoud Ali Youssouf`'s `Ali`, `Hassan Sheikh
/// Mohamud`'s `Sheikh`, nor `Tamim bin Hamad Al Thani`'s `Hamad`, his
/// father).
fn middle_surnames(key: &str, by_given_name: bool) -> impl Iterator<Item = &str> {
    let words: Vec<&str> = key.split(' ').collect();
    let inside = match words.len() {
        n if n >= 3 && !by_given_name && !crate::family_first::family_name_first(key) => 1..n - 1,
        _ => 0..0,
    };
    let surname = |i: &usize| {
        let word = words[*i];
        word.len() >= MIN_SURNAME_ALONE
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && !PATRONYMIC_PARTICLES.contains(&words[*i - 1])
            && !skeleton::is_given_name(word)
            && !guard::is_listed_word(word)
            && title_group(word).is_none()
    };
    let found: Vec<&str> = inside.filter(surname).map(|i| words[i]).collect();
    found.into_iter()
}

/// Particles of Portuguese, Spanish and Italian family names, normalized.
const IBERIAN_PARTICLES: &[&str] = &["da", "de", "do", "dos", "das", "del", "della", "di"];

/// The name before a family particle and the last word of normalized
/// `key`, when it is no given name and not the first word: the press names
/// `Luiz Inácio Lula da Silva` `Lula`.
fn name_before_family_particle(key: &str, by_given_name: bool) -> Option<&str> {
    // From the end: the last word, the particle, the name, and a first
    // word before it (a given name, which is never it).
    let mut words = key.rsplit(' ').skip(1);
    let (particle, name) = (words.next()?, words.next()?);
    // Nor is a word of the frequency lists, names among them (`José
    // Eduardo dos Santos`).
    let named = !by_given_name
        && IBERIAN_PARTICLES.contains(&particle)
        && words.next().is_some()
        && name.len() >= 3
        && name.bytes().all(|b| b.is_ascii_lowercase())
        && !skeleton::is_given_name(name)
        && !guard::is_listed_word(name);
    named.then_some(name)
}

/// Whether a person whose normalized description has `words` is named by
/// the given name: Ethiopian and Eritrean names are a given name and the
/// father's, and the press calls `Abiy Ahmed` `Abiy`, `Isaias Afwerki`
/// `Isaias`.
pub(crate) fn named_by_given_name<'w>(mut words: impl Iterator<Item = &'w str>) -> bool {
    words.any(|w| GIVEN_NAME_COUNTRIES.contains(&w))
}

/// Countries, their regions and adjectives in en/fr/de/es, normalized,
/// whose people the press names by the given name
/// ([`named_by_given_name`]).
const GIVEN_NAME_COUNTRIES: &[&str] = &[
    "ethiopia",
    "ethiopian",
    "ethiopie",
    "ethiopien",
    "ethiopienne",
    "athiopien",
    "athiopischer",
    "athiopische",
    "athiopischen",
    "etiopia",
    "etiope",
    "eritrea",
    "eritrean",
    "eritree",
    "eritreen",
    "eritreenne",
    "eritreischer",
    "eritreische",
    "eritreischen",
    "eritreo",
    "tigray",
    "tigrayan",
    "amhara",
    "oromia",
    "oromo",
];

/// Most bytes of a document's first line that is its headline.
const MAX_HEADLINE_BYTES: usize = 200;

/// Words for *son of* and *daughter of* before a father's name in Arabic
/// and Berber names, normalized.
const PATRONYMIC_PARTICLES: &[&str] = &["bin", "ben", "ibn", "bint", "ould", "ag"];

/// The first of the two surnames of a Spanish name (`Edmundo González
/// Urrutia`), which the press names the person by: a patronymic in -ez
/// (`González`, `Rodríguez`, `López`) before the last word of normalized
/// `name`, of three words or more.
fn father_surname(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split(' ').collect();
    let [_, .., father, _] = words[..] else {
        return None;
    };
    let patronymic = father.len() >= MIN_PATRONYMIC_LETTERS
        && father.ends_with("ez")
        && father.bytes().all(|b| b.is_ascii_lowercase())
        && !skeleton::is_given_name(father);
    patronymic.then_some(father)
}

/// Fewest letters of a Spanish patronymic surname (`Pérez`).
const MIN_PATRONYMIC_LETTERS: usize = 5;

/// Articles before a plural, in en/fr/de/es, normalized.
const PLURAL_ARTICLES: &[&str] = &["the", "les", "des", "die", "der", "den", "los", "las"];

/// Words for relatives in en/fr/de/es, normalized; and for a head of
/// state's spouse (`First Lady`, `première dame`, `primera dama`).
const KINSHIP: &[&str] = &[
    "lady",
    "dame",
    "dama",
    "ehefrau",
    "father",
    "son",
    "brother",
    "sister",
    "uncle",
    "nephew",
    "niece",
    "cousin",
    "mother",
    "daughter",
    "wife",
    "widow",
    "husband",
    "pere",
    "fils",
    "frere",
    "soeur",
    "oncle",
    "neveu",
    "mere",
    "fille",
    "epouse",
    "veuve",
    "vater",
    "sohn",
    "bruder",
    "schwester",
    "onkel",
    "neffe",
    "nichte",
    "mutter",
    "tochter",
    "witwe",
    "padre",
    "hijo",
    "hermano",
    "hermana",
    "tio",
    "sobrino",
    "sobrina",
    "madre",
    "hija",
    "esposa",
    "viuda",
];

/// Words that say a person is the son or the father of a namesake, in
/// en/fr/de/es, normalized: matched against the words of the persons'
/// descriptions (`son of Ahmad Shah Massoud`).
const SON: &[&str] = &[
    "son", "fils", "sohn", "hijo", "junior", "jr", "younger", "cadet",
];
const FATHER: &[&str] = &[
    "father", "pere", "vater", "padre", "senior", "sr", "elder", "aine",
];

/// Particles between a kinship word and a name that make the name the
/// relative's relative (`the son of Massoud`: Massoud is the father).
const OF: &[&str] = &["of", "de", "d'", "du", "des", "von", "vom", "del"];

/// What the words around a bare surname say of its bearer's family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kinship {
    /// `the younger Massoud`, `Massoud fils`, `the father of Massoud`.
    Son,
    /// `his father, Massoud`, `Massoud père`, `the son of Massoud`.
    Father,
    /// Another relative is named (`son oncle`), or the words do not say
    /// which: not the person.
    Other,
}

impl Kinship {
    fn of_word(word: &str) -> Option<Kinship> {
        if SON.contains(&word) {
            Some(Kinship::Son)
        } else if FATHER.contains(&word) {
            Some(Kinship::Father)
        } else if KINSHIP.contains(&word) {
            Some(Kinship::Other)
        } else {
            None
        }
    }

    /// What this kinship word says of a surname, said through `of` (or a
    /// genitive) or not: the father of a son, the son of a father; a
    /// surname through which another relative is named is the anchor,
    /// whom the word does not tell apart.
    fn of_relative(self, through_of: bool) -> Option<(Kinship, bool)> {
        match (self, through_of) {
            (kinship, false) => Some((kinship, false)),
            (Kinship::Son, true) => Some((Kinship::Father, true)),
            (Kinship::Father, true) => Some((Kinship::Son, true)),
            (Kinship::Other, true) => None,
        }
    }

    /// The words of a description that say the same.
    fn words(self) -> &'static [&'static str] {
        match self {
            Kinship::Son => SON,
            Kinship::Father => FATHER,
            Kinship::Other => &[],
        }
    }
}

/// Words that may stand between a kinship word and the surname it speaks
/// of, besides [`is_not_initial`] (articles, prepositions): possessives
/// and indefinite articles of en/fr/de/es, normalized. Any other word (a
/// verb: `Sa veuve accuse Poutine`) ends the kinship word's reach.
const KINSHIP_FILLERS: &[&str] = &[
    "his", "her", "their", "its", "a", "an", "sa", "ses", "leur", "un", "une", "sein", "seine",
    "seinen", "seiner", "seines", "ihr", "ihre", "ihren", "ihrer", "ein", "eine", "einen", "su",
    "sus", "una",
];

/// The kinship that words around the surname `words[w]` name, within its
/// sentence: up to four words before it or three after it, with nothing
/// but particles ([`KINSHIP_FILLERS`]) in between. Through `of` (`the son
/// of Massoud`), or after a `genitive` surname (`Massouds Sohn`), the
/// surname is the relative's relative: the father of a son, and for
/// another relative (`la veuve de Navalny`, `Nawalnys Bruder`), no one
/// the words tell apart: `None`, as with no kinship word; so too for
/// another relative after the surname (`Hasina, fille du fondateur`).
/// With whether the surname is the relative's relative (the anchor).
fn kinship_around(
    doc: &Document<'_>,
    words: &[&Token],
    w: usize,
    genitive: bool,
) -> Option<(Kinship, bool)> {
    let norm = doc.norm.as_str();
    let apart =
        |a: &Token, b: &Token| norm[a.span.end..b.span.start].contains(['.', '!', '?', ';']);
    let filler = |word: &str| is_not_initial(word) || KINSHIP_FILLERS.contains(&word);
    let mut between_of = false;
    let mut later = words[w];
    for token in words[..w].iter().rev().take(4) {
        if apart(token, later) {
            break;
        }
        let word = &norm[token.span];
        if let Some(kinship) = Kinship::of_word(word) {
            // A German genitive after the word is its anchor too (`der
            // Vater Kadyrows`, Kadyrov's father).
            return kinship.of_relative(between_of || genitive);
        }
        if !filler(word) {
            break;
        }
        between_of |= OF.contains(&word) || norm[token.span.end..later.span.start].contains("d'");
        later = token;
    }
    // An English possessive is a genitive too (`Tshisekedi's father`).
    let genitive = genitive || norm[words[w].span.end..].starts_with("'s ");
    let mut earlier = words[w];
    for (i, token) in words.iter().enumerate().skip(w + 1).take(3) {
        if apart(earlier, token) {
            break;
        }
        let word = &norm[token.span];
        // French `son` before a kinship word is *his* (`Deuba et son
        // épouse`), not the English son.
        let possessive = word == "son"
            && (words.get(i + 1)).is_some_and(|n| Kinship::of_word(&norm[n.span]).is_some());
        if possessive {
            earlier = token;
            continue;
        }
        match Kinship::of_word(word) {
            // Another relative after the name says whose relative the
            // person is (`Hasina, fille du fondateur`), not who.
            Some(Kinship::Other) if !genitive => return None,
            Some(kinship) => return kinship.of_relative(genitive),
            None => {}
        }
        if !filler(word) {
            break;
        }
        earlier = token;
    }
    None
}

pub(crate) fn title_group(word: &str) -> Option<&'static [&'static str]> {
    TITLES.iter().copied().find(|group| group.contains(&word))
}

fn bare_surnames(
    doc: &Document<'_>,
    words: &[&Token],
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    resolution: &mut Resolution,
) {
    let norm = doc.norm.as_str();
    // The surnames of the persons' full names found, as the document spells
    // them: `Daglo` after `Mohamed Hamdan Daglo`, found as `Dagalo`.
    let mut spelled_here: FxHashMap<&str, Vec<u32>> = Default::default();
    for c in resolution.mentions() {
        if gazetteer.traits(c.entity).kind != EntityType::Person {
            continue;
        }
        let name = &norm[c.norm];
        let by_given_name = named_by_given_name(lexicon.description_words(c.entity));
        let surnames = (surname_of(name, by_given_name).into_iter())
            .chain(father_surname(name))
            .chain(middle_surnames(name, by_given_name));
        for surname in surnames {
            let persons = spelled_here.entry(surname).or_default();
            if !persons.contains(&c.entity) {
                persons.push(c.entity);
            }
        }
    }
    let persons_named = |word: &str| {
        let mut persons = lexicon.persons_named(word);
        for &e in spelled_here.get(word).into_iter().flatten() {
            if !persons.contains(&e) {
                persons.push(e);
            }
        }
        persons
    };
    // Surname lookups read skeletons: once per distinct word.
    // Each with whether the persons bear it without a final -s.
    let mut named: FxHashMap<&str, (Vec<u32>, bool)> = Default::default();
    // Words that the document uses in longer names that are no mention,
    // gathered the first time a surname with nobody mentioned before needs
    // them.
    let mut longer_names: Option<FxHashSet<&str>> = None;
    // The mentions so far in text order, and where each entity was last
    // mentioned before the current word (one pass, not one per word).
    let mut mentions: Vec<(usize, u32)> = resolution
        .mentions()
        .map(|c| (c.norm.end, c.entity))
        .collect();
    mentions.sort_unstable();
    let mut last_mention: FxHashMap<u32, usize> = Default::default();
    // How many times each entity was mentioned before the current word.
    let mut times: FxHashMap<u32, usize> = Default::default();
    // Where paragraphs end (blank lines), in the original text, in order.
    let mut breaks: Vec<Span> = ["\n\n", "\n\r\n"]
        .iter()
        .flat_map(|b| doc.text.match_indices(b))
        .map(|(at, b)| Span::new(at, at + b.len()))
        .collect();
    breaks.sort_unstable();
    let mut next_mention = 0;
    // The first line of a document followed by others, short and of one
    // sentence: its headline.
    let headline_end = (doc.text.find('\n'))
        .filter(|&end| {
            let line = &doc.text[..end];
            end <= MAX_HEADLINE_BYTES
                && !line.trim_end().trim_end_matches('.').contains(". ")
                && !doc.text[end..].trim().is_empty()
        })
        .unwrap_or(0);
    let in_headline = |span: Span| doc.norm.original_start(span.start) < headline_end;
    // Persons among `persons` the document mentions by name.
    let named_below = |persons: &[u32]| -> Vec<u32> {
        (persons.iter().copied())
            .filter(|e| mentions.iter().any(|m| m.1 == *e))
            .collect()
    };
    // How the document writes its words ([`word_uses`]), read when first
    // needed.
    let mut uses: Option<FxHashMap<&str, (bool, bool)>> = None;
    // The persons linked so far by their surname alone.
    let mut by_surname: Vec<u32> = Vec::new();
    for (w, token) in words.iter().enumerate() {
        while let Some(&(end, entity)) = mentions.get(next_mention) {
            if end > token.span.start {
                break;
            }
            last_mention.insert(entity, end);
            *times.entry(entity).or_default() += 1;
            next_mention += 1;
        }
        let surface = doc.original(token.span);
        let word = &norm[token.span];
        // The genitive of a surname of a person named in full in the
        // document, read approximately as something else (German
        // `Kadyrows` as the `Kadyrovtsy`): the surname is read.
        let respelled_surname = || {
            let surname = word
                .strip_suffix('s')
                .filter(|_| !spelled_here.contains_key(word));
            surname.is_some_and(|surname| spelled_here.contains_key(surname))
                && resolution.mentions().any(|c| {
                    c.norm == token.span
                        && matches!(c.method, Method::Fuzzy | Method::Transliteration)
                        && gazetteer.traits(c.entity).kind != EntityType::Person
                })
        };
        if !starts_like_a_name(surface) {
            continue;
        }
        let read_otherwise = resolution.taken.overlaps(token.span);
        if read_otherwise && !respelled_surname() {
            continue;
        }
        if roman_numeral(doc, words, w, surface) {
            continue;
        }
        let (persons, stemmed) = named.entry(word).or_insert_with(|| {
            // The persons of surname `word`; of a short one, only those
            // who bear it as listed: respelled, it is any other's (`La` is
            // no `Lai`).
            let named = |word: &str, short: bool| {
                let mut persons = persons_named(word);
                if short {
                    persons.retain(|&e| lexicon.has_surname(e, word));
                }
                persons
            };
            let short = |word: &str| word.len() < MIN_RESPELLED_SURNAME_LETTERS;
            let persons = named(
                word,
                short(word) && crate::candidates::is_latin_text(surface),
            );
            // A German genitive (`Massuds`); of a short surname, only in
            // German text (`Lais Rede`, `Dans Sieg`).
            let genitive = |stem: &&str| {
                persons.is_empty() && (!short(stem) || (stem.len() >= 2 && doc.reads_as_german()))
            };
            match word.strip_suffix('s').filter(genitive) {
                Some(stem) => (named(stem, short(stem)), true),
                None => (persons, false),
            }
        });
        let stemmed = *stemmed;
        // After an article, a final -s is a plural (`the Houthis`, `die
        // Huthis`), not a genitive (`Massuds Kämpfer`).
        let after_article = || {
            neighbours(doc, words, w)
                .0
                .is_some_and(|p| PLURAL_ARTICLES.contains(&&norm[p.span]))
        };
        if persons.is_empty() || (stemmed && after_article()) {
            continue;
        }
        // A surname that is also an ordinary word of the document's
        // language (`Bush`, `Rice` in English), at the start of a sentence,
        // is the word. Not one of another language (`Maduro accuses`), nor
        // in German, whose nouns have a capital anywhere in a sentence;
        // where the language is not told, not one of German alone
        // (`Erdogan`, frequent in German news).
        let sentence_start =
            crate::candidates::starts_sentence(doc.text, doc.norm.to_original(token.span).start);
        if sentence_start && guard::is_ordinary_word(word) {
            let language = doc.ordinary_language();
            // A short ordinary word is a function word (German `An der
            // Küste`), never a noun with a capital anywhere.
            let short = word.len() < MIN_NOUN_LETTERS;
            let the_word = short
                || match language {
                    Some(guard::GERMAN) => false,
                    Some(language) => guard::is_ordinary_word_of(word, language),
                    None => !guard::is_german_word(word),
                };
            // Unless the document writes it as a name alone inside its
            // sentences, and never in small letters (`Trump said`, where
            // `said Trump` is read too).
            // Or, of a person named before, when a comma or a possessive
            // follows it (`Trump, flanked by`; `Trump's envoy`): no
            // sentence opens on the word so.
            let named_before = || persons.iter().any(|e| last_mention.contains_key(e));
            let after = &norm[token.span.end..];
            let as_a_name = the_word
                && ((after.starts_with(',') || after.starts_with("'s ")) && named_before() || {
                    let uses = uses.get_or_insert_with(|| word_uses(doc, words));
                    uses.get(word)
                        .is_some_and(|&(alone, small)| alone && !small)
                });
            if the_word && !as_a_name {
                continue;
            }
        }
        let persons = persons.clone();
        let title = title_before(doc, words, w);
        // Part of a longer name, or a place's (`le village de Hanieh`)?
        // Then it is not a bare surname, unless a title starts it (`la
        // Ligue Awami de Mme Hasina`).
        let longer = || in_longer_name(doc, words, w, stemmed) || after_a_place_word(doc, words, w);
        if title.is_none() && longer() {
            continue;
        }
        // After a title that fits nobody of the name, a name that goes on is
        // another's (`President Asif Ali Zardari`, not `Khawaja Asif`).
        let goes_on = || !stemmed && name_goes_on(doc, neighbours(doc, words, w).1);
        // Persons mentioned before, with where they were last mentioned.
        let mut seen: Vec<(u32, usize)> = persons
            .iter()
            .filter_map(|e| Some((*e, *last_mention.get(e)?)))
            .collect();
        let described = |e: u32, group: &[&str]| {
            let words = lexicon.description_words(e);
            group
                .iter()
                .any(|t| !t.is_empty() && words.clone().any(|d| d == *t))
        };
        let by_title: Vec<u32> = match title {
            Some(group) => persons
                .iter()
                .copied()
                .filter(|&e| described(e, group))
                .collect(),
            None => Vec::new(),
        };
        // Whether the word is, or with an -s, the name of an entity but
        // `e` (`Houthi targets`: the Houthis, not Abdul-Malik al-Houthi).
        let names_another = |e: u32| {
            [word.to_string(), format!("{word}s")]
                .iter()
                .any(|spelled| {
                    (lexicon.lookup(spelled)).is_some_and(|k| {
                        (lexicon.entries(k).iter())
                            .any(|entry| lexicon.form(entry.form).entity != e)
                    })
                })
        };
        // A headline names by surname the person its story names in full
        // first (`Kadyrov's absence`, then `Ramzan Kadyrov`, later his son
        // `Adam Kadyrov`).
        let headline_person = match in_headline(token.span) {
            true => match named_below(&persons)[..] {
                [] => None,
                _ => (mentions.iter())
                    .find(|m| persons.contains(&m.1))
                    .map(|m| m.1)
                    .filter(|&named| !names_another(named)),
            },
            false => None,
        };
        let same_paragraph = |end: usize| {
            let between = doc.norm.to_original(Span::new(end, token.span.start));
            let next = breaks.partition_point(|b| b.start < between.start);
            breaks.get(next).is_none_or(|b| b.end > between.end)
        };
        // `Massoud, the son`, `his father, Massoud`: the one person of the
        // name whose description says so (`Some(None)`: another relative,
        // or no description that tells, and canon says nothing).
        let by_kinship = kinship_around(doc, words, w, stemmed)
            // The anchor of a kinship word is told apart only among persons
            // whose descriptions say whose father or son they are; among
            // others, the surname is read as if the word were not there
            // (`Tshisekedi's father`, `padre de Tshisekedi`).
            .filter(|&(_, anchor)| {
                !anchor
                    || persons
                        .iter()
                        .any(|&e| described(e, SON) || described(e, FATHER))
            })
            .map(|(kinship, anchor)| {
                let mut fitting =
                    (persons.iter().copied()).filter(|&e| described(e, kinship.words()));
                match (fitting.next(), fitting.next()) {
                    (Some(e), None) => (Some(e), anchor),
                    _ => (None, anchor),
                }
            })
            // The anchor is someone of the name mentioned before, if
            // anyone is: the father of `Kadyrov`, after `Ramzan Kadyrov`,
            // is Ramzan's, whoever else the gazetteer says is a son; the
            // surname is read as if the word were not there.
            .filter(|&(fit, anchor)| {
                !anchor || seen.is_empty() || fit.is_some_and(|e| seen.iter().any(|s| s.0 == e))
            })
            .map(|(fit, _)| fit);
        let choice = if by_title.len() == 1 {
            Some((by_title[0], SCORE_SURNAME_SIGNAL, "title"))
        } else if title.is_some() && goes_on() {
            None
        } else if let Some(fit) = by_kinship {
            fit.map(|e| (e, SCORE_SURNAME_SIGNAL, "kinship word"))
        } else if seen.len() == 1 {
            // Someone else of the name named in full since (`Amancio
            // Ortega` after `Daniel Ortega`) leaves it open.
            // The other's given name has three letters or more (Greek
            // `Ο Φατζάμι` is the article).
            let (entity, end) = seen[0];
            let given = |v: usize| {
                neighbours(doc, words, v)
                    .0
                    .is_some_and(|p| norm[p.span].chars().count() >= 3 && doc.capitalized(p.span))
            };
            // Unless named as a relative (`su hermana Karina Milei`): the
            // press goes on naming the person alone by the surname.
            // Further back, in apposition after a comma (`the president's
            // eldest son, Viktor Lukashenko`; not `son of Laurent-Désiré
            // Kabila`).
            let relative = |v: usize| {
                let given = v.saturating_sub(1);
                let apposition = given > 0
                    && norm[words[given - 1].span.end..words[given].span.start].starts_with(',');
                let reach = if apposition { MAX_KINSHIP_REACH } else { 2 };
                (words[v.saturating_sub(reach + 1)..given].iter())
                    .any(|t| Kinship::of_word(&norm[t.span]).is_some())
            };
            // Nor once a paragraph has ended since, when the person was
            // named twice before the other: the story goes back to its
            // own (`Ngarta Masra, a cousin`, then `Masra returned`).
            let principal = times.get(&entity).is_some_and(|&n| n >= 2);
            let someone_else = (words.partition_point(|t| t.span.start < end)..w).any(|v| {
                norm[words[v].span] == *word
                    && !resolution.taken.overlaps(words[v].span)
                    && in_longer_name(doc, words, v, false)
                    && given(v)
                    && !relative(v)
                    && (!principal || same_paragraph(words[v].span.end))
            });
            match someone_else {
                true => None,
                false => Some((entity, SCORE_SURNAME, "mentioned before")),
            }
        } else if seen.len() > 1 {
            seen.sort_by_key(|s| std::cmp::Reverse(s.1));
            let (latest, end) = seen[0];
            // Else the one the text has called by the surname alone so far:
            // the press names the others in full (`Adam Kadyrov`, the son,
            // among mentions of `Kadyrov`).
            let mut alone = seen.iter().filter(|s| by_surname.contains(&s.0));
            let by_surname_alone = match (alone.next(), alone.next()) {
                (Some(&(e, _)), None) => Some(e),
                _ => None,
            };
            match same_paragraph(end) && !same_paragraph(seen[1].1) {
                true => Some((
                    latest,
                    SCORE_SURNAME_SIGNAL,
                    "mentioned last in the paragraph",
                )),
                false => by_surname_alone
                    .map(|e| (e, SCORE_SURNAME, "called by the surname alone before")),
            }
        } else if let Some(named) = headline_person {
            // A headline names by surname the person its story names in
            // full (`Xi courts Central Asia`, then `Xi Jinping`).
            Some((named, SCORE_SURNAME, "named in full below the headline"))
        } else if let ([only], false) = (persons.as_slice(), after_a_name_word(doc, words, w)) {
            // Nobody of the name mentioned before: the one person of the
            // gazetteer bearing it, after a title (`le président Poutine`)
            // or when the name is no ordinary word or given name; not when
            // the document names someone else with it (`Ahmad Massoud` is
            // not `Ahmad Shah Massoud`), nor when a person canon knows and
            // the gazetteer does not list bears it too.
            // Alone, spelled as one of the gazetteer's names spells it, or
            // in another spelling of a long surname (`Dostojewski`,
            // `Khomeiny`); not in a gazetteer of so many persons that
            // another spelling of a surname nobody introduced is as likely
            // someone else's (`Hubaqari` for `Khubaqari`).
            // A genitive is spelled as its stem is (`Nasrallahs`).
            let surname = if stemmed {
                &word[..word.len() - 1]
            } else {
                word
            };
            let letters = surname.chars().count();
            let spelled = match lexicon.has_surname(*only, surname) {
                true => letters >= MIN_SURNAME_ALONE,
                false => {
                    letters >= MIN_SURNAME_RESPELLED
                        && !lexicon.crowded_surnames()
                        && lexicon.bears_surname_surely(*only, surname)
                }
            };
            let alone = spelled
                && !guard::is_ordinary_word(word)
                && !skeleton::is_given_name(word)
                && !names_another(*only);
            let longer = longer_names.get_or_insert_with(|| {
                (0..words.len())
                    .filter(|&w| {
                        !resolution.taken.overlaps(words[w].span)
                            && in_longer_name(doc, words, w, false)
                    })
                    .map(|w| &norm[words[w].span])
                    .collect()
            });
            match title {
                // A genitive met before a noun anywhere is no longer name.
                _ if (!stemmed && longer.contains(word)) || lexicon.is_other_surname(word) => None,
                Some(_) => Some((*only, SCORE_SURNAME_SIGNAL, "title before the surname")),
                None if alone => Some((*only, SCORE_SURNAME_SIGNAL, "the surname of one person")),
                None => None,
            }
        } else {
            None
        };
        let candidate = |entity: u32, score, why| {
            coreference_candidate(doc, lexicon, token.span, entity, score, why)
        };
        match choice {
            Some((entity, score, why)) => {
                if read_otherwise {
                    resolution.unkeep(|c| {
                        if c.norm == token.span {
                            c.dropped = Some(Reason::Overlapped);
                        }
                    });
                }
                resolution.decide(candidate(entity, score, why));
                last_mention.insert(entity, token.span.end);
                *times.entry(entity).or_default() += 1;
                // A title or a kinship word said who; the surname alone did not.
                if !["title", "kinship word"].contains(&why) && !by_surname.contains(&entity) {
                    by_surname.push(entity);
                }
            }
            None if seen.len() > 1 => {
                for &(entity, _) in &seen {
                    let mut abstained = candidate(
                        entity,
                        SCORE_SURNAME_SIGNAL,
                        "several persons of this name mentioned",
                    );
                    abstained.dropped = Some(Reason::Ambiguous);
                    resolution.decide(abstained);
                }
            }
            None => {}
        }
    }
}

/// Fewer letters than this make an ordinary word a function word
/// (prepositions, articles, pronouns), in German too.
const MIN_NOUN_LETTERS: usize = 4;

/// What marks a surname indexed as written rather than by reading.
pub(crate) const AS_LISTED: char = '=';

/// Most words between a kinship word and the name of the relative it
/// introduces (`the president's eldest son, Viktor Lukashenko`).
const MAX_KINSHIP_REACH: usize = 4;

/// Fewest letters of a surname that links with nobody of the name mentioned
/// before nor a title.
const MIN_SURNAME_ALONE: usize = 5;

/// Fewest letters of a surname in a spelling the gazetteer does not list
/// that links with nobody of the name mentioned before nor a title.
const MIN_SURNAME_RESPELLED: usize = 6;

/// Whether word `w` of `words`, written `surface`, is a Roman numeral: an
/// ordinal (French `XIe`, `XIXe siècle`), or in capitals after a word for
/// a century (Spanish `siglo XI`), which no surname is (`Xi`).
fn roman_numeral(doc: &Document<'_>, words: &[&Token], w: usize, surface: &str) -> bool {
    const CENTURIES: &[&str] = &[
        "siecle",
        "siglo",
        "century",
        "jahrhundert",
        "secolo",
        "seculo",
    ];
    const ORDINAL_ENDINGS: &[&str] = &["e", "er", "re", "eme", "ème", "ᵉ"];
    const NUMERALS: &[char] = &['I', 'V', 'X', 'L', 'C', 'D', 'M'];
    if !surface.starts_with(NUMERALS) {
        return false;
    }
    let numeral = |s: &str| !s.is_empty() && s.chars().all(|c| NUMERALS.contains(&c));
    let ordinal = (surface.char_indices())
        .find(|&(_, c)| !NUMERALS.contains(&c))
        .is_some_and(|(at, _)| {
            numeral(&surface[..at]) && ORDINAL_ENDINGS.contains(&&surface[at..])
        });
    let after_century = || {
        let (prev, _) = neighbours(doc, words, w);
        prev.is_some_and(|p| CENTURIES.contains(&&doc.norm.as_str()[p.span]))
    };
    ordinal || (numeral(surface) && after_century())
}

/// Whether a word is written as a name: a capital first, or a script
/// without case.
fn starts_like_a_name(surface: &str) -> bool {
    surface
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// The word before word `w` of `words` and the one after it, when one
/// space apart; an abbreviated title may end with a dot (`M. Massoud`,
/// `Dr. Abdullah`).
fn neighbours<'t>(
    doc: &Document<'_>,
    words: &[&'t Token],
    w: usize,
) -> (Option<&'t Token>, Option<&'t Token>) {
    let norm = doc.norm.as_str();
    let gap = |a: &Token, b: &Token| &norm[a.span.end..b.span.start];
    let token = words[w];
    let prev = w.checked_sub(1).map(|p| words[p]).filter(|p| {
        (gap(p, token) == " " || (gap(p, token) == ". " && title_group(&norm[p.span]).is_some()))
            && !doc.paragraph_between(p.span, token.span)
    });
    let next = (words.get(w + 1).copied())
        .filter(|n| gap(token, n) == " " && !doc.paragraph_between(token.span, n.span));
    (prev, next)
}

/// Whether word `t` has a capital of its own, not only as the first word
/// of a sentence.
fn capitalized_inside_a_sentence(doc: &Document<'_>, t: &Token) -> bool {
    let start = doc.norm.original_start(t.span.start);
    doc.capitalized(t.span) && !crate::candidates::starts_sentence(doc.text, start)
}

/// How the document writes each of its `words`, normalized: whether
/// capitalized alone inside a sentence (no capitalized word before or
/// after it), and whether in small letters somewhere.
fn word_uses<'d>(doc: &Document<'d>, words: &[&Token]) -> FxHashMap<&'d str, (bool, bool)> {
    let norm = doc.norm.as_str();
    let mut uses: FxHashMap<&str, (bool, bool)> = FxHashMap::default();
    for (w, token) in words.iter().enumerate() {
        let capitalized = doc.capitalized(token.span);
        // A capitalized word a space or an initial's dot away (`W. Bush`),
        // not one capitalized as a sentence's first (`Then Trump`).
        let capital_beside = |a: &Token, b: &Token| {
            let other = if a == *token { b } else { a };
            matches!(&norm[a.span.end..b.span.start], " " | ". ")
                && capitalized_inside_a_sentence(doc, other)
        };
        let alone = capitalized_inside_a_sentence(doc, token)
            && !(w.checked_sub(1)).is_some_and(|p| capital_beside(words[p], token))
            && !(words.get(w + 1)).is_some_and(|n| capital_beside(token, n));
        let use_ = uses.entry(&norm[token.span]).or_default();
        use_.0 |= alone;
        use_.1 |= !capitalized;
    }
    uses
}

/// Words for a settlement or an area in en/fr/de/es, normalized: the name
/// after one (`the town of`, `le village de`, `die Stadt`, `el pueblo de`)
/// is a place's.
pub(crate) const PLACE_WORDS: &[&str] = &[
    "village",
    "town",
    "city",
    "port",
    "capital",
    "capitale",
    "puerto",
    "district",
    "province",
    "region",
    "ville",
    "commune",
    "bourg",
    "hameau",
    "localite",
    "quartier",
    "dorf",
    "stadt",
    "ort",
    "gemeinde",
    "bezirk",
    "provinz",
    "pueblo",
    "ciudad",
    "aldea",
    "localidad",
    "municipio",
    "barrio",
    "distrito",
    "provincia",
    "camp",
    "lager",
    "campamento",
];

/// Whether word `w` follows a word for a place, directly or through `of`
/// (`le village de Hanieh`, `die Stadt Rafah`).
fn after_a_place_word(doc: &Document<'_>, words: &[&Token], w: usize) -> bool {
    let norm = doc.norm.as_str();
    let is = |t: &Token, list: &[&str]| list.contains(&&norm[t.span]);
    match neighbours(doc, words, w).0 {
        Some(p) if is(p, PLACE_WORDS) => true,
        Some(p) if is(p, OF) => neighbours(doc, words, w - 1)
            .0
            .is_some_and(|q| is(q, PLACE_WORDS)),
        _ => false,
    }
}

/// The title group of the word before word `w`, if it is a title.
fn title_before(doc: &Document<'_>, words: &[&Token], w: usize) -> Option<&'static [&'static str]> {
    let (prev, _) = neighbours(doc, words, w);
    prev.and_then(|p| title_group(&doc.norm.as_str()[p.span]))
}

/// Lower-case words that join the parts of a name besides those that start
/// a family name ([`crate::lexicon::FAMILY_PARTICLES`]): `Abu Musab`,
/// `Ursula von der Leyen`, `Juan del Castillo`, normalized.
const NAME_PARTICLES: &[&str] = &["abu", "zu", "del", "della", "dos"];

/// Whether the word before word `w` may belong to the same name: a name
/// particle, or any capitalized word but an ordinary word opening a
/// sentence, a title or a German noun (`Modest Tchaikovsky`, `Saif
/// al-Islam Gaddafi`; not `Yesterday Putin`, `President Putin`, `die
/// Nachfolge Nasrallahs`).
fn after_a_name_word(doc: &Document<'_>, words: &[&Token], w: usize) -> bool {
    let norm = doc.norm.as_str();
    // An Arabic article glued on with a hyphen (`Saif al-Islam al-Gaddafi`)
    // belongs to the surname: the word before it counts.
    let glued_article = w.checked_sub(1).is_some_and(|a| {
        skeleton::is_article(&norm[words[a].span]) && doc.dashed(words[a].span, words[w].span)
    });
    let w = if glued_article { w - 1 } else { w };
    let (prev, _) = neighbours(doc, words, w);
    prev.is_some_and(|p| {
        let word = &norm[p.span];
        let opening =
            crate::candidates::starts_sentence(doc.text, doc.norm.to_original(p.span).start)
                && guard::is_ordinary_word(word);
        NAME_PARTICLES.contains(&word)
            || crate::lexicon::FAMILY_PARTICLES.contains(&word)
            || (doc.capitalized(p.span)
                && !opening
                && title_group(word).is_none()
                && !guard::is_german_word(word))
    })
}

/// Whether word `w` of `words` is part of a longer name: a capitalized
/// neighbour that is no kinship word (`Massoud Jr.`): before it, no title
/// and no ordinary word (a frequent name is a name: `Mohammed Sinwar`);
/// after it, no word of the lists at all (German nouns: `Massuds Kämpfer`,
/// `Sinwars Tod`).
fn in_longer_name(doc: &Document<'_>, words: &[&Token], w: usize, genitive: bool) -> bool {
    let norm = doc.norm.as_str();
    let (prev, next) = neighbours(doc, words, w);
    // An Arabic article before word `v`: `al`, or another one dashed to it
    // (one that is an English word, `as`, `an`, `at`, only so: `Asia as
    // Meloni`).
    let article_before = |v: usize| {
        neighbours(doc, words, v).0.is_some_and(|p| {
            skeleton::is_article(&norm[p.span])
                && (&norm[p.span] == "al" || doc.dashed(p.span, words[v].span))
        })
    };
    // Before an article (`Farouk al-Sharaa`, Spanish `Faruq al Sharaa`),
    // the word before the article.
    let (prev, prev_at) = match article_before(w) {
        true => (neighbours(doc, words, w - 1).0, w.checked_sub(2)),
        false => (prev, w.checked_sub(1)),
    };
    // A word after an article that follows a capitalized word is the end
    // of a compound given name (`Saif al-Islam Gaddafi`, Spanish `Saif al
    // Islam Gadafi`).
    // So is a word dashed to a capitalized one before it (`Laurent-Désiré
    // Kabila`, `Jean-Pierre Bemba`).
    let compound = prev_at.is_some_and(|p| {
        let before = p.checked_sub(1).map(|q| words[q]);
        (article_before(p)
            && (neighbours(doc, words, p - 1).0).is_some_and(|q| doc.capitalized(q.span)))
            || before.is_some_and(|q| doc.capitalized(q.span) && doc.dashed(q.span, words[p].span))
    });
    let capital = |t: &Token| doc.capitalized(t.span) && Kinship::of_word(&norm[t.span]).is_none();
    let untitled = |p: &Token| title_group(&norm[p.span]).is_none();
    // Before the surname, a frequent given name is a name word (`Mohammed
    // Sinwar`, `David Sánchez`: `david` is a word of the lists), a lone
    // letter is not (Greek `Ο Σινουάρ`: the article); after
    // it, any word of the lists is a noun (`Sinwars Nachfolger`), and after
    // a German genitive, any capitalized word: the noun it qualifies
    // (`Sinwars Tod`, `Prigoschins Söldner`).
    // Not a day or a month, which the word lists hold as names (`In
    // January Sonko rebuked`).
    // A word of German alone, whose lists hold given names as words, is a
    // name in text of another language (`his son Eduard Saakashvili`).
    let german_alone =
        |word: &str| guard::language_alone(word) == Some(guard::GERMAN) && !doc.reads_as_german();
    // In text of a language that writes only names with a capital, any
    // word with one inside a sentence is a name's (`tycoon Jimmy Lai`:
    // `jimmy` is a word of the lists).
    let capitals_for_names = doc
        .ordinary_language()
        .is_some_and(|language| language != guard::GERMAN);
    let inside_a_sentence = |p: &Token| {
        !crate::candidates::starts_sentence(doc.text, doc.norm.original_start(p.span.start))
    };
    let name_word = |p: &Token| {
        let word = &norm[p.span];
        word.chars().nth(1).is_some()
            && (!guard::is_ordinary_word(word)
                || skeleton::is_given_name(word)
                || german_alone(word)
                || (capitals_for_names && inside_a_sentence(p)))
            && !crate::candidates::DAYS_AND_MONTHS.contains(&word)
    };
    prev.is_some_and(|p| capital(p) && untitled(p) && (name_word(p) || compound))
        || (!genitive && name_goes_on(doc, next))
}

/// Whether `next`, the word after a surname, goes on with the name: a
/// capitalized name word or given name (`President Asif Ali Zardari`),
/// whatever title stands before.
fn name_goes_on(doc: &Document<'_>, next: Option<&Token>) -> bool {
    let norm = doc.norm.as_str();
    next.is_some_and(|n| {
        let word = &norm[n.span];
        doc.capitalized(n.span)
            && Kinship::of_word(word).is_none()
            && (!guard::is_common_word(word) || skeleton::is_given_name(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_and_initials() {
        assert!(is_short_form("FNR") && is_short_form("UdSSR") && !is_short_form("Front"));
        assert!(initials_fit("FNR", "Front national de résistance"));
        assert!(initials_fit("NRF", "National Resistance Front"));
        assert!(!initials_fit("AFP", "Alliance for Unity"));
    }

    #[test]
    fn abbreviations_by_letters_in_order() {
        let table = [
            ("KMT", "Kuomintang", true),
            ("HTS", "Hayat Tahrir al-Sham", true),
            ("ÖVP", "Österreichische Volkspartei", true),
            ("MT", "Kuomintang", false), // the first letter starts no word
            ("TKM", "Kuomintang", false), // another order
            ("AFP", "Kabul", false),
        ];
        for (short, long, fits) in table {
            assert_eq!(abbreviates(short, long), fits, "{short} for {long}");
        }
    }
}
