//! News-like documents mentioning generated entities, and their gold
//! annotations.
//!
//! A document has a language; its sentences come from that language's
//! templates (written for this generator), with slots for a person (`{P}`),
//! a place (`{L}`), an organization (`{O}`) and a look-alike name that is
//! no entity (`{X}`). Each document casts a few entities and spells each one
//! way throughout, as an article does: the English name, the name in the
//! document's press convention (listed in the gazetteer or not), a listed
//! alias, or, in Russian, Arabic and Greek documents, the native script. A
//! person is named in full first, then often by surname; an organization's
//! first mention defines its acronym (`... Front of X (NRFX)`), used after.

use super::entities::{Entity, Kind, Language};
use super::rng::Rng;
use canon::eval::GoldMention;
use std::collections::HashSet;

const EN: &[&str] = &[
    "{P} arrived in {L} on Monday for talks with the {O}.",
    "Officials of the {O} said the road to {L} had reopened.",
    "According to {P}, the talks in {L} will resume next week.",
    "{P} told reporters that the {O} would not take part.",
    "Residents of {L} described a tense but quiet night.",
    "The statement was signed by {P} and by a spokesman for the {O}.",
    "A farmer named {X} said the harvest had been lost.",
    "Witnesses quoted by local media mentioned a trader from {L}, {X}.",
    "Prices of bread and fuel rose again this week, traders said.",
    "The meeting ended without a joint statement.",
    "Heavy rain delayed flights for several hours.",
    "{P} is expected in {L} on Thursday.",
];

const FR: &[&str] = &[
    "{P} est arrivé lundi à {L} pour des discussions.",
    "Selon {P}, les négociations reprendront la semaine prochaine à {L}.",
    "Un porte-parole de l'organisation {O} a démenti ces informations.",
    "Les habitants de {L} ont décrit une nuit tendue mais calme.",
    "Le communiqué a été signé par {P}.",
    "Un agriculteur, {X}, affirme avoir perdu sa récolte.",
    "Les prix du pain et du carburant ont encore augmenté cette semaine.",
    "La réunion s'est achevée sans déclaration commune.",
    "{P} a déclaré que l'organisation {O} ne participerait pas au scrutin.",
    "Des témoins ont cité un commerçant de {L}, {X}.",
];

const DE: &[&str] = &[
    "{P} traf am Montag in {L} zu Gesprächen ein.",
    "Nach Angaben von {P} sollen die Verhandlungen in {L} nächste Woche weitergehen.",
    "Ein Sprecher der Organisation {O} wies die Berichte zurück.",
    "Die Bewohner von {L} berichteten von einer angespannten, aber ruhigen Nacht.",
    "Die Erklärung wurde von {P} unterzeichnet.",
    "Ein Bauer namens {X} sagte, die Ernte sei verloren.",
    "Die Preise für Brot und Treibstoff stiegen diese Woche erneut.",
    "Das Treffen endete ohne gemeinsame Erklärung.",
    "{P} sagte, die Organisation {O} werde sich nicht beteiligen.",
    "Augenzeugen nannten einen Händler aus {L}, {X}.",
];

const ES: &[&str] = &[
    "{P} llegó el lunes a {L} para mantener conversaciones.",
    "Según {P}, las negociaciones en {L} se reanudarán la próxima semana.",
    "Un portavoz de la organización {O} desmintió la información.",
    "Los vecinos de {L} describieron una noche tensa pero tranquila.",
    "El comunicado fue firmado por {P}.",
    "Un agricultor llamado {X} dijo que había perdido la cosecha.",
    "Los precios del pan y del combustible volvieron a subir esta semana.",
    "La reunión terminó sin una declaración conjunta.",
    "{P} afirmó que la organización {O} no participará en las elecciones.",
    "Varios testigos citaron a un comerciante de {L}, {X}.",
];

const RU: &[&str] = &[
    "{P} заявил журналистам, что переговоры продолжатся.",
    "Встреча прошла в городе {L} в понедельник.",
    "Город {L} остаётся закрытым для журналистов.",
    "Заявление подписал {P}.",
    "Фермер {X} рассказал, что урожай погиб.",
    "Цены на хлеб и топливо снова выросли.",
];

const AR: &[&str] = &[
    "قال {P} إن المحادثات ستستمر.",
    "وصل {P} إلى مدينة {L} يوم الاثنين.",
    "أعلنت السلطات في مدينة {L} حظر التجول.",
    "وقع {P} على البيان.",
    "قال المزارع {X} إن المحصول قد تلف.",
    "ارتفعت أسعار الخبز والوقود مجددا.",
];

const EL: &[&str] = &[
    "Ο {P} δήλωσε ότι οι συνομιλίες θα συνεχιστούν.",
    "Η συνάντηση έγινε στην πόλη {L} τη Δευτέρα.",
    "Η πόλη {L} παραμένει κλειστή για τους δημοσιογράφους.",
    "Τη δήλωση υπέγραψε ο {P}.",
    "Ο αγρότης {X} είπε ότι η σοδειά χάθηκε.",
    "Οι τιμές του ψωμιού και των καυσίμων αυξήθηκαν ξανά.",
];

/// Languages of documents, with their weights in a hundred.
const LANGUAGES: &[(Language, usize)] = &[
    (Language::En, 45),
    (Language::Fr, 20),
    (Language::De, 14),
    (Language::Es, 13),
    (Language::Ru, 3),
    (Language::Ar, 3),
    (Language::El, 2),
];

fn templates(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => EN,
        Language::Fr => FR,
        Language::De => DE,
        Language::Es => ES,
        Language::Ru => RU,
        Language::Ar => AR,
        Language::El => EL,
    }
}

/// A generated document and its gold mentions (offsets in code points, as
/// the CONTRACT's gold files count them).
pub struct Document {
    pub text: String,
    pub mentions: Vec<GoldMention>,
}

/// How a document spells one of its entities, throughout.
#[derive(Clone, Copy)]
enum Form {
    /// As the press of this language writes it.
    In(Language),
    /// The listed vowel variant.
    Alias,
}

/// An entity a document mentions.
struct Cast {
    entity: usize,
    form: Form,
    introduced: bool,
}

/// The entities of a gazetteer, by kind, to draw documents from.
pub struct Corpus<'a> {
    entities: &'a [Entity],
    names: &'a HashSet<String>,
    persons: Vec<usize>,
    places: Vec<usize>,
    organizations: Vec<usize>,
}

impl<'a> Corpus<'a> {
    /// Documents about `entities`, whose English names are `names`.
    pub fn new(entities: &'a [Entity], names: &'a HashSet<String>) -> Corpus<'a> {
        let of = |want: fn(&Kind) -> bool| -> Vec<usize> {
            (0..entities.len())
                .filter(|&i| want(&entities[i].kind))
                .collect()
        };
        Corpus {
            entities,
            names,
            persons: of(|k| *k == Kind::Person),
            places: of(|k| *k == Kind::Place),
            organizations: of(|k| matches!(k, Kind::Organization(_))),
        }
    }

    /// One document.
    pub fn document(&self, rng: &mut Rng) -> Document {
        let mut roll = rng.below(100);
        let language = LANGUAGES
            .iter()
            .find(|&&(_, weight)| {
                let here = roll < weight;
                roll = roll.saturating_sub(weight);
                here
            })
            .map_or(Language::En, |&(l, _)| l);
        let latin = language.convention().is_some();
        let mut cast = Vec::new();
        let organizations = if latin { &self.organizations[..] } else { &[] };
        for (pool, most) in [
            (&self.persons[..], 3),
            (&self.places[..], 3),
            (organizations, 2),
        ] {
            for _ in 0..1 + rng.below(most) {
                if !pool.is_empty() {
                    cast.push(self.cast(pool, language, rng));
                }
            }
        }
        let mut writer = Writer::default();
        let sentences = 16 + rng.below(16);
        for n in 0..sentences {
            if n > 0 {
                writer.text(if n % 4 == 0 { "\n\n" } else { " " });
            }
            self.sentence(
                rng.pick(templates(language)),
                language,
                &mut cast,
                rng,
                &mut writer,
            );
        }
        writer.text("\n");
        Document {
            text: writer.text,
            mentions: writer.mentions,
        }
    }

    /// An entity of `pool`: half the time one of the most mentioned
    /// hundredth, as news keeps returning to the same names.
    fn cast(&self, pool: &[usize], language: Language, rng: &mut Rng) -> Cast {
        let popular = pool.len().div_ceil(100);
        let among = if rng.chance(50) { popular } else { pool.len() };
        let entity = pool[rng.below(among)];
        let form = match language {
            Language::En if rng.chance(20) && self.entities[entity].alias().is_some() => {
                Form::Alias
            }
            Language::En => Form::In(Language::En),
            Language::Fr | Language::De | Language::Es => match rng.below(10) {
                0..=3 => Form::In(Language::En),
                9 if self.entities[entity].alias().is_some() => Form::Alias,
                _ => Form::In(language),
            },
            _ => Form::In(language),
        };
        Cast {
            entity,
            form,
            introduced: false,
        }
    }

    fn sentence(
        &self,
        template: &str,
        language: Language,
        cast: &mut [Cast],
        rng: &mut Rng,
        out: &mut Writer,
    ) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.text(&rest[..open]);
            let slot = &rest[open + 1..open + 2];
            rest = &rest[open + 3..];
            let want: fn(&Kind) -> bool = match slot {
                "P" => |k| *k == Kind::Person,
                "L" => |k| *k == Kind::Place,
                "O" => |k| matches!(k, Kind::Organization(_)),
                _ => {
                    self.look_alike(cast, language, rng, out);
                    continue;
                }
            };
            let fits: Vec<usize> = (0..cast.len())
                .filter(|&i| want(&self.entities[cast[i].entity].kind))
                .collect();
            let i = fits[rng.below(fits.len())];
            self.mention(&mut cast[i], rng, out);
        }
        out.text(rest);
    }

    /// A mention of a cast entity: in full the first time (an
    /// organization's acronym defined after it), then often short.
    fn mention(&self, cast: &mut Cast, rng: &mut Rng, out: &mut Writer) {
        let entity = &self.entities[cast.entity];
        let id = entity.id.as_str();
        let spelled_in = match cast.form {
            Form::In(l) => l,
            Form::Alias => Language::En,
        };
        let full = match cast.form {
            Form::Alias => entity.alias(),
            Form::In(l) => entity.full(l),
        }
        .expect("cast entities have a name in the document's script");
        let short = entity.short(spelled_in);
        let first = !cast.introduced;
        cast.introduced = true;
        match (&entity.kind, short) {
            (Kind::Organization(_), Some(acronym)) if first => {
                out.mention(&full, Some(id));
                out.text(" (");
                out.mention(&acronym, Some(id));
                out.text(")");
            }
            (_, Some(short)) if !first && rng.chance(50) => out.mention(&short, Some(id)),
            _ => out.mention(&full, Some(id)),
        }
    }

    /// A name that is no entity's, like one of the cast's.
    fn look_alike(&self, cast: &[Cast], language: Language, rng: &mut Rng, out: &mut Writer) {
        let model = &self.entities[cast[rng.below(cast.len())].entity];
        // A look-alike is almost never an entity's name; when eight in a
        // row are, the sentence names an ordinary word instead.
        for _ in 0..8 {
            let Some(name) = model.look_alike(language, rng) else {
                break;
            };
            if !self.names.contains(&name) {
                out.mention(&name, None);
                return;
            }
        }
        out.text("someone");
    }
}

/// Text and gold mentions, written together so that offsets stay right.
#[derive(Default)]
struct Writer {
    text: String,
    chars: usize,
    mentions: Vec<GoldMention>,
}

impl Writer {
    fn text(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }

    /// A span gold marks as `entity` (`None`: must not be linked).
    fn mention(&mut self, s: &str, entity: Option<&str>) {
        let start = self.chars;
        self.text(s);
        self.mentions.push(GoldMention {
            start,
            end: self.chars,
            entity: entity.map(str::to_string),
            optional: false,
            text: Some(s.to_string()),
        });
    }
}
