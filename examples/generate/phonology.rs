//! Names as sounds: a small phoneme inventory, name pools of four origins
//! written in English press spelling, and the generation of person and
//! place names from them. Spellings in every convention and script are
//! rendered from the sounds (`spelling.rs`), never from another spelling, so
//! a variant differs from the canonical name exactly as the press would
//! write it.

use super::rng::Rng;

/// A sound. Digraph sounds (`Sh`, `Kh`, ...) are one phoneme, so each
/// convention can spell them its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ph {
    P,
    B,
    T,
    D,
    K,
    G,
    Q,
    F,
    V,
    S,
    Z,
    Sh,
    Zh,
    Kh,
    J,
    Ch,
    Ts,
    M,
    N,
    L,
    R,
    H,
    Y,
    W,
    A,
    E,
    I,
    O,
    U,
}

impl Ph {
    /// Whether the sound is a vowel.
    pub fn is_vowel(self) -> bool {
        matches!(self, Ph::A | Ph::E | Ph::I | Ph::O | Ph::U)
    }
}

/// One word of a name: `Article` is the Arabic article (`al-`), written
/// joined to the word after it.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Word(Vec<Ph>),
    Article,
}

/// A name: its words, as sounds.
pub type Name = Vec<Part>;

/// Reads a pool entry written in English press spelling (lower case,
/// `sh zh kh ch ts` digraphs) into sounds.
pub fn sounds(spelling: &str) -> Vec<Ph> {
    let bytes = spelling.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let digraph = match bytes.get(i..i + 2) {
            Some(b"sh") => Some(Ph::Sh),
            Some(b"zh") => Some(Ph::Zh),
            Some(b"kh") => Some(Ph::Kh),
            Some(b"ch") => Some(Ph::Ch),
            Some(b"ts") => Some(Ph::Ts),
            _ => None,
        };
        if let Some(ph) = digraph {
            out.push(ph);
            i += 2;
            continue;
        }
        out.push(match bytes[i] {
            b'p' => Ph::P,
            b'b' => Ph::B,
            b't' => Ph::T,
            b'd' => Ph::D,
            b'k' => Ph::K,
            b'g' => Ph::G,
            b'q' => Ph::Q,
            b'f' => Ph::F,
            b'v' => Ph::V,
            b's' => Ph::S,
            b'z' => Ph::Z,
            b'j' => Ph::J,
            b'm' => Ph::M,
            b'n' => Ph::N,
            b'l' => Ph::L,
            b'r' => Ph::R,
            b'h' => Ph::H,
            b'y' => Ph::Y,
            b'w' => Ph::W,
            b'a' => Ph::A,
            b'e' => Ph::E,
            b'i' => Ph::I,
            b'o' => Ph::O,
            b'u' => Ph::U,
            other => panic!("pool entry {spelling:?} has a letter outside the inventory: {other}"),
        });
        i += 1;
    }
    out
}

/// Where a name comes from: its pools, and the script its own press writes
/// it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Slavic,
    Arabic,
    Persian,
    Greek,
}

/// The pools of one origin, in English press spelling.
struct Pools {
    given: &'static [&'static str],
    /// Open syllables a root is built from.
    syllables: &'static [&'static str],
    /// Consonants that end a root.
    codas: &'static [&'static str],
    /// Endings after a root (they start with a vowel or a cluster the
    /// origin allows there).
    surname_endings: &'static [&'static str],
    place_endings: &'static [&'static str],
}

const SLAVIC: Pools = Pools {
    given: &[
        "ivan",
        "sergey",
        "oleg",
        "dmitri",
        "yuri",
        "mikhail",
        "boris",
        "nikolay",
        "vladimir",
        "andrey",
        "pavel",
        "viktor",
        "gennadi",
        "yevgeni",
        "arkadi",
        "stanislav",
        "vadim",
        "ruslan",
        "timur",
        "anna",
        "olga",
        "natalya",
        "yelena",
        "tatyana",
        "svetlana",
        "irina",
        "galina",
        "lyudmila",
        "zhanna",
        "yulia",
        "darya",
    ],
    syllables: &[
        "ko", "va", "le", "pe", "mi", "kha", "zhu", "sha", "bo", "ro", "du", "lu", "no", "se",
        "ti", "vo", "go", "ze", "chu", "kri", "bra", "gri", "sla", "dro", "ya", "to",
    ],
    codas: &[
        "l", "n", "r", "k", "sh", "v", "ch", "t", "d", "m", "zh", "s",
    ],
    surname_endings: &["ov", "ov", "ev", "in", "enko", "sky", "uk", "ich", "yan"],
    place_endings: &["grad", "sk", "ovo", "ino", "ka", "ets", "ovsk"],
};

const ARABIC: Pools = Pools {
    given: &[
        "ahmad", "mohammad", "ali", "hasan", "husayn", "khalid", "yusuf", "omar", "karim", "jamil",
        "rashid", "tariq", "hamza", "bilal", "nasir", "faysal", "samir", "walid", "fatima",
        "zahra", "layla", "maryam", "amina", "huda", "salma", "nur",
    ],
    syllables: &[
        "ra", "shi", "ha", "ki", "ma", "sa", "du", "ja", "ba", "ta", "ri", "qa", "zi", "na", "fa",
        "hu", "da", "khu", "su", "la", "wa", "mu",
    ],
    codas: &[
        "d", "r", "l", "m", "n", "s", "q", "b", "f", "kh", "z", "sh", "t",
    ],
    surname_endings: &["i", "i", "awi", "ani", "iri"],
    place_endings: &["iya", "a", "in", "at"],
};

const PERSIAN: Pools = Pools {
    given: &[
        "dariush", "farhad", "reza", "mehdi", "hamid", "javad", "majid", "said", "babak", "kamran",
        "shirin", "nasrin", "parisa", "zeynab", "mahnaz", "golnar", "roya", "leyla",
    ],
    syllables: &[
        "da", "ri", "fa", "ro", "ba", "ha", "ma", "na", "za", "ka", "sa", "ja", "pa", "ga", "kha",
        "sho", "mi", "ne",
    ],
    codas: &["r", "n", "d", "m", "z", "sh", "b", "k"],
    surname_endings: &["i", "zada", "pur", "nezhad", "ian", "far"],
    place_endings: &["abad", "shahr", "stan", "kan", "ar"],
};

const GREEK: Pools = Pools {
    given: &[
        "yorgos", "nikos", "dimitris", "kostas", "yannis", "andreas", "pavlos", "stavros",
        "spiros", "manolis", "eleni", "maria", "sofia", "katerina", "ioanna", "dimitra",
        "vasiliki",
    ],
    syllables: &[
        "pa", "ka", "ni", "ko", "di", "sta", "vla", "ma", "ke", "la", "tsa", "ze", "khri", "ya",
        "po", "me", "lo", "vo", "ri",
    ],
    codas: &["r", "n", "l", "k", "m", "t", "p", "d", "s"],
    surname_endings: &["opoulos", "idis", "akis", "ou", "as", "eas"],
    place_endings: &["polis", "ia", "os", "i", "ada"],
};

impl Origin {
    /// Every origin, in the order [`Origin::pick`] draws them.
    pub const ALL: [Origin; 4] = [
        Origin::Slavic,
        Origin::Arabic,
        Origin::Persian,
        Origin::Greek,
    ];

    /// An origin at random.
    pub fn pick(rng: &mut Rng) -> Origin {
        rng.pick(&Origin::ALL)
    }

    fn pools(self) -> &'static Pools {
        match self {
            Origin::Slavic => &SLAVIC,
            Origin::Arabic => &ARABIC,
            Origin::Persian => &PERSIAN,
            Origin::Greek => &GREEK,
        }
    }

    /// A root of two or three syllables and a final consonant.
    fn root(self, rng: &mut Rng) -> Vec<Ph> {
        let pools = self.pools();
        let mut root = Vec::new();
        for _ in 0..2 + rng.below(2) {
            root.extend(sounds(rng.pick(pools.syllables)));
        }
        root.extend(sounds(rng.pick(pools.codas)));
        root
    }

    /// A person's name: a given name from the pool and a generated surname
    /// (with the article, for a third of Arabic names).
    pub fn person(self, rng: &mut Rng) -> Name {
        let pools = self.pools();
        let mut name = vec![Part::Word(sounds(rng.pick(pools.given)))];
        if self == Origin::Arabic && rng.chance(35) {
            name.push(Part::Article);
        }
        let mut surname = self.root(rng);
        surname.extend(sounds(rng.pick(pools.surname_endings)));
        name.push(Part::Word(surname));
        name
    }

    /// A place name: a root and an ending of the origin.
    pub fn place(self, rng: &mut Rng) -> Name {
        let mut word = self.root(rng);
        word.extend(sounds(rng.pick(self.pools().place_endings)));
        if self == Origin::Arabic && rng.chance(20) {
            vec![Part::Article, Part::Word(word)]
        } else {
            vec![Part::Word(word)]
        }
    }
}

/// A look-alike of `word`: a consonant (two in a word of more than six
/// sounds) replaced by one no convention confuses with it, so that no
/// spelling rule bridges the two: another name of the same shape.
pub fn look_alike(word: &[Ph], rng: &mut Rng) -> Vec<Ph> {
    let mut out = word.to_vec();
    let consonants: Vec<usize> = (0..out.len()).filter(|&i| !out[i].is_vowel()).collect();
    let changes = if word.len() > 6 { 2 } else { 1 };
    for _ in 0..changes {
        let at = rng.pick(&consonants);
        out[at] = match out[at] {
            Ph::M | Ph::N => Ph::R,
            Ph::R | Ph::L => Ph::M,
            Ph::P | Ph::B | Ph::F | Ph::V | Ph::W => Ph::N,
            Ph::T | Ph::D => Ph::L,
            _ => Ph::B,
        };
    }
    out
}

/// A vowel variant (Mohammad, Muhammad): the first `o`, `e` or `a` of the
/// last word moved to its press neighbour, or `None` when there is none.
pub fn vowel_variant(name: &Name) -> Option<Name> {
    let mut out = name.clone();
    let Some(Part::Word(last)) = out.last_mut() else {
        return None;
    };
    let at = last
        .iter()
        .position(|p| matches!(p, Ph::O | Ph::E | Ph::A))?;
    last[at] = match last[at] {
        Ph::O => Ph::U,
        Ph::E => Ph::I,
        _ => Ph::E,
    };
    Some(out)
}
