//! The entities of a generated gazetteer: persons, places and
//! organizations, each with the spellings the gazetteer lists, and the
//! gazetteer written as TOML.

use super::organizations::{acronym, Organization};
use super::phonology::{vowel_variant, Name, Origin, Part};
use super::rng::Rng;
use super::spelling::{spell, spell_word, Convention, Spelling};
use std::collections::HashSet;
use std::fmt::Write;

/// The language of a document, and so how it spells names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    En,
    Fr,
    De,
    Es,
    Ru,
    Ar,
    El,
}

impl Language {
    /// How the press of this language writes names.
    pub fn spelling(self) -> Spelling {
        match self {
            Language::En => Spelling::Latin(Convention::En),
            Language::Fr => Spelling::Latin(Convention::Fr),
            Language::De => Spelling::Latin(Convention::De),
            Language::Es => Spelling::Latin(Convention::Es),
            Language::Ru => Spelling::Cyrillic,
            Language::Ar => Spelling::Arabic { persian: false },
            Language::El => Spelling::Greek,
        }
    }

    /// The Latin convention of the language, for those written in Latin.
    pub fn convention(self) -> Option<Convention> {
        match self.spelling() {
            Spelling::Latin(convention) => Some(convention),
            _ => None,
        }
    }
}

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Person,
    Place,
    Organization(Organization),
}

/// Spellings a gazetteer entry lists besides its English name, as bits.
const LISTS_FR: u8 = 1;
const LISTS_DE: u8 = 2;
const LISTS_ES: u8 = 4;
const LISTS_NATIVE: u8 = 8;
const LISTS_ALIAS: u8 = 16;

/// One generated entity.
pub struct Entity {
    /// `person-N`, `place-N` or `organization-N`, N its rank.
    pub id: String,
    pub kind: Kind,
    origin: Origin,
    /// The name's sounds; for an organization, its place's name.
    name: Name,
    lists: u8,
}

impl Entity {
    /// The entity's full name as the press of `language` writes it (for an
    /// organization in a non-Latin script: `None`).
    pub fn full(&self, language: Language) -> Option<String> {
        match self.kind {
            Kind::Organization(org) => {
                let convention = language.convention()?;
                let place = spell(&self.name, language.spelling());
                Some(org.name(convention, &place))
            }
            _ => Some(spell(&self.name, language.spelling())),
        }
    }

    /// The short form used after the first mention: a person's surname, an
    /// organization's acronym in `language`; a place has none.
    pub fn short(&self, language: Language) -> Option<String> {
        match self.kind {
            Kind::Person => match self.name.last() {
                Some(Part::Word(surname)) => Some(spell_word(surname, language.spelling())),
                _ => None,
            },
            Kind::Place => None,
            Kind::Organization(_) => self.full(language).map(|name| acronym(&name)),
        }
    }

    /// The listed vowel variant (Mohammad, Muhammad), in English spelling.
    pub fn alias(&self) -> Option<String> {
        if self.lists & LISTS_ALIAS == 0 {
            return None;
        }
        vowel_variant(&self.name).map(|n| spell(&n, Spelling::Latin(Convention::En)))
    }

    /// Whether the gazetteer lists the entity's name as `language` writes it.
    pub fn lists(&self, language: Language) -> bool {
        let bit = match language {
            Language::En => return true,
            Language::Fr => LISTS_FR,
            Language::De => LISTS_DE,
            Language::Es => LISTS_ES,
            _ => return self.lists & LISTS_NATIVE != 0 && self.native().1 == language.spelling(),
        };
        self.lists & bit != 0
    }

    /// The entity's own script: its BCP 47 tag and spelling.
    fn native(&self) -> (&'static str, Spelling) {
        match self.origin {
            Origin::Slavic => ("ru", Spelling::Cyrillic),
            Origin::Arabic => ("ar", Spelling::Arabic { persian: false }),
            Origin::Persian => ("fa", Spelling::Arabic { persian: true }),
            Origin::Greek => ("el", Spelling::Greek),
        }
    }

    /// A name no entity has, that looks like this one's: one consonant of
    /// its last word changed, written as `language` writes it.
    pub fn look_alike(&self, language: Language, rng: &mut Rng) -> Option<String> {
        let Some(Part::Word(word)) = self.name.last() else {
            return None;
        };
        let other = super::phonology::look_alike(word, rng);
        Some(spell_word(&other, language.spelling()))
    }

    /// The entity as a gazetteer entry.
    fn write_toml(&self, out: &mut String) {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        let en = self
            .full(Language::En)
            .expect("every entity has an English name");
        let kind = match self.kind {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization(_) => "organization",
        };
        let _ = write!(
            out,
            "[[entity]]\nid = {}\nname = {}\ntype = {kind}\n",
            quote(&self.id),
            quote(&en),
            kind = quote(kind),
        );
        if let Some(alias) = self.alias().filter(|a| *a != en) {
            let _ = writeln!(out, "aliases = [{}]", quote(&alias));
        }
        if let Kind::Organization(_) = self.kind {
            let _ = writeln!(out, "acronyms = [{}]", quote(&acronym(&en)));
        }
        let mut names = Vec::new();
        for (tag, language) in [
            ("fr", Language::Fr),
            ("de", Language::De),
            ("es", Language::Es),
        ] {
            if let Some(name) = self
                .full(language)
                .filter(|n| self.lists(language) && *n != en)
            {
                names.push(format!("{tag} = [{}]", quote(&name)));
            }
        }
        if self.lists & LISTS_NATIVE != 0 && !matches!(self.kind, Kind::Organization(_)) {
            let (tag, spelling) = self.native();
            names.push(format!("{tag} = [{}]", quote(&spell(&self.name, spelling))));
        }
        if !names.is_empty() {
            let _ = writeln!(out, "names = {{ {} }}", names.join(", "));
        }
        out.push('\n');
    }
}

/// `n` entities with distinct English names: 40% persons, 35% places, 25%
/// organizations (each named after a place listed before it); and their
/// English names.
pub fn entities(n: usize, rng: &mut Rng) -> (Vec<Entity>, HashSet<String>) {
    let mut taken = HashSet::with_capacity(n);
    let mut places: Vec<usize> = Vec::new();
    let mut out: Vec<Entity> = Vec::with_capacity(n);
    while out.len() < n {
        let rank = out.len();
        let origin = Origin::pick(rng);
        let (prefix, kind, name) = match rank % 20 {
            0..=7 => ("person", Kind::Person, origin.person(rng)),
            8..=14 => ("place", Kind::Place, origin.place(rng)),
            _ if places.is_empty() => continue,
            _ => {
                let org = Organization::new(rng.below(256), rng.below(256), rng.below(256));
                let place = &out[rng.pick(&places)];
                ("organization", Kind::Organization(org), place.name.clone())
            }
        };
        let lists = match kind {
            Kind::Organization(_) => draw(rng, &[(40, LISTS_FR), (40, LISTS_DE), (40, LISTS_ES)]),
            _ => draw(
                rng,
                &[
                    (30, LISTS_FR),
                    (20, LISTS_DE),
                    (20, LISTS_ES),
                    (40, LISTS_NATIVE),
                    (25, LISTS_ALIAS),
                ],
            ),
        };
        let entity = Entity {
            id: format!("{prefix}-{rank}"),
            kind,
            origin,
            name,
            lists,
        };
        let en = entity.full(Language::En).expect("an English name");
        if !taken.insert(en) {
            continue;
        }
        if kind == Kind::Place {
            places.push(rank);
        }
        out.push(entity);
    }
    (out, taken)
}

/// Each bit of `odds` set with its chance in percent.
fn draw(rng: &mut Rng, odds: &[(usize, u8)]) -> u8 {
    odds.iter()
        .filter(|&&(percent, _)| rng.chance(percent))
        .fold(0, |bits, &(_, bit)| bits | bit)
}

/// The gazetteer of `entities`, as TOML.
pub fn gazetteer(entities: &[Entity]) -> String {
    let mut out = String::with_capacity(entities.len() * 160);
    out.push_str("# Generated by `cargo run --example generate`: not real entities.\n\n");
    for entity in entities {
        entity.write_toml(&mut out);
    }
    out
}
