//! Organization names: an adjective, a field and a kind of body, after a
//! place ("National Resistance Front of X"), translated the way the French,
//! German and Spanish press translate such names, and their acronyms.

use super::spelling::Convention;

/// An adjective: English; French masculine and feminine; German; Spanish
/// masculine and feminine.
type Adjective = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const ADJECTIVES: &[Adjective] = &[
    ("National", "national", "nationale", "Nationale", "Nacional", "Nacional"),
    ("Democratic", "démocratique", "démocratique", "Demokratische", "Democrático", "Democrática"),
    ("United", "uni", "unie", "Vereinigte", "Unido", "Unida"),
    ("Islamic", "islamique", "islamique", "Islamische", "Islámico", "Islámica"),
    ("Socialist", "socialiste", "socialiste", "Sozialistische", "Socialista", "Socialista"),
    ("Free", "libre", "libre", "Freie", "Libre", "Libre"),
    ("Independent", "indépendant", "indépendante", "Unabhängige", "Independiente", "Independiente"),
    ("Central", "central", "centrale", "Zentrale", "Central", "Central"),
    ("Federal", "fédéral", "fédérale", "Föderale", "Federal", "Federal"),
    ("Revolutionary", "révolutionnaire", "révolutionnaire", "Revolutionäre", "Revolucionario", "Revolucionaria"),
    ("Patriotic", "patriotique", "patriotique", "Patriotische", "Patriótico", "Patriótica"),
    ("Progressive", "progressiste", "progressiste", "Progressive", "Progresista", "Progresista"),
];

/// A field: English; French complement; German compound head; Spanish
/// complement.
#[rustfmt::skip]
const FIELDS: &[(&str, &str, &str, &str)] = &[
    ("Resistance", "de résistance", "Widerstands", "de Resistencia"),
    ("Liberation", "de libération", "Befreiungs", "de Liberación"),
    ("Workers", "des travailleurs", "Arbeiter", "de los Trabajadores"),
    ("Farmers", "des agriculteurs", "Bauern", "de Agricultores"),
    ("Students", "des étudiants", "Studenten", "de Estudiantes"),
    ("Energy", "de l'énergie", "Energie", "de la Energía"),
    ("Trade", "du commerce", "Handels", "de Comercio"),
    ("Development", "de développement", "Entwicklungs", "de Desarrollo"),
    ("Reconstruction", "de reconstruction", "Wiederaufbau", "de Reconstrucción"),
    ("Defence", "de défense", "Verteidigungs", "de Defensa"),
    ("Press", "de la presse", "Presse", "de Prensa"),
    ("Petroleum", "du pétrole", "Erdöl", "del Petróleo"),
];

/// A kind of body: English; French and whether it is feminine; German
/// compound tail; Spanish and whether it is feminine.
#[rustfmt::skip]
const BODIES: &[(&str, &str, bool, &str, &str, bool)] = &[
    ("Front", "Front", false, "front", "Frente", false),
    ("Party", "Parti", false, "partei", "Partido", false),
    ("Movement", "Mouvement", false, "bewegung", "Movimiento", false),
    ("Union", "Union", true, "union", "Unión", true),
    ("Council", "Conseil", false, "rat", "Consejo", false),
    ("Alliance", "Alliance", true, "allianz", "Alianza", true),
    ("Congress", "Congrès", false, "kongress", "Congreso", false),
    ("Army", "Armée", true, "armee", "Ejército", false),
    ("Bank", "Banque", true, "bank", "Banco", false),
    ("Agency", "Agence", true, "agentur", "Agencia", true),
    ("League", "Ligue", true, "liga", "Liga", true),
    ("Committee", "Comité", false, "komitee", "Comité", false),
];

/// The words of an organization's name, as indices into the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Organization {
    adjective: u8,
    field: u8,
    body: u8,
}

/// Words the acronym of a name leaves out.
const FUNCTION_WORDS: &[&str] = &["of", "de", "du", "des", "la", "von", "del", "los", "d'"];

impl Organization {
    /// The organization drawn from three numbers.
    pub fn new(adjective: usize, field: usize, body: usize) -> Organization {
        let byte = |n: usize, len: usize| u8::try_from(n % len).expect("tables are short");
        Organization {
            adjective: byte(adjective, ADJECTIVES.len()),
            field: byte(field, FIELDS.len()),
            body: byte(body, BODIES.len()),
        }
    }

    /// The name in `convention`, `place` being the place's name in it.
    pub fn name(self, convention: Convention, place: &str) -> String {
        let (en, fr_m, fr_f, de, es_m, es_f) = ADJECTIVES[usize::from(self.adjective)];
        let (field_en, field_fr, field_de, field_es) = FIELDS[usize::from(self.field)];
        let (body_en, body_fr, fr_feminine, body_de, body_es, es_feminine) =
            BODIES[usize::from(self.body)];
        let elided = place.starts_with(['A', 'E', 'I', 'O', 'U', 'a']);
        let of_fr = if elided { "d'" } else { "de " };
        match convention {
            Convention::En => format!("{en} {field_en} {body_en} of {place}"),
            Convention::Fr => {
                let adjective = if fr_feminine { fr_f } else { fr_m };
                format!("{body_fr} {adjective} {field_fr} {of_fr}{place}")
            }
            Convention::De => format!("{de} {field_de}{body_de} von {place}"),
            Convention::Es => {
                let adjective = if es_feminine { es_f } else { es_m };
                format!("{body_es} {adjective} {field_es} de {place}")
            }
        }
    }
}

/// The acronym of an organization's name: the initial of every word but
/// function words, elisions read past (`de l'énergie` gives E).
pub fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !FUNCTION_WORDS.contains(w) && !w.is_empty() && *w != "al")
        .filter_map(|w| {
            let w = w.rsplit('\'').next().unwrap_or(w);
            w.chars().next()
        })
        .map(|c| match c {
            'é' | 'É' => 'E',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}
