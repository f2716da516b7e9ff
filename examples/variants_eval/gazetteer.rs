//! Step 2: the gazetteer under test, built from `variants.tsv` alone.

use super::data::Variants;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Which names the gazetteer lists for each entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Only the canonical English name (`canonical_en`).
    Lean,
    /// The canonical English name, plus every non-Latin spelling (Cyrillic,
    /// Arabic, Greek) as a name under its `lang` tag.
    Native,
}

impl Mode {
    /// `lean` or `native`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Lean => "lean",
            Mode::Native => "native",
        }
    }
}

/// One `[[entity]]` table of the generated TOML.
#[derive(serde::Serialize)]
struct EntityToml<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    names: BTreeMap<&'a str, Vec<&'a str>>,
}

/// The generated gazetteer file.
#[derive(serde::Serialize)]
struct FileToml<'a> {
    entity: Vec<EntityToml<'a>>,
}

/// The gazetteer as TOML text (serialized by the `toml` crate, so every name
/// is escaped correctly), and for each entity the lower-cased names it lists.
pub struct Built {
    /// The gazetteer file, in canon's schema.
    pub toml: String,
    /// Entity id → its listed names, lower-cased.
    pub listed: HashMap<String, HashSet<String>>,
    /// Number of names listed over all entities (canonical names included).
    pub names: usize,
}

/// Builds the gazetteer of `data` in `mode`: every entity of the file with
/// `name = canonical_en`, and in [`Mode::Native`] its non-Latin spellings as
/// `names`, grouped by `lang`.
pub fn build(data: &Variants, mode: Mode) -> Result<Built, toml::ser::Error> {
    let mut native: HashMap<&str, BTreeMap<&str, Vec<&str>>> = HashMap::new();
    if mode == Mode::Native {
        let mut seen: HashSet<(&str, String)> = HashSet::new();
        for row in data.rows.iter().filter(|r| r.is_native()) {
            if seen.insert((&row.entity, row.spelling.to_lowercase())) {
                native
                    .entry(&row.entity)
                    .or_default()
                    .entry(&row.lang)
                    .or_default()
                    .push(&row.spelling);
            }
        }
    }
    let mut listed: HashMap<String, HashSet<String>> = HashMap::new();
    let mut names = 0;
    let mut file = FileToml { entity: Vec::new() };
    for entity in &data.entities {
        let by_lang = native.remove(entity.id.as_str()).unwrap_or_default();
        let name = display_name(&entity.canonical);
        let set = listed.entry(entity.id.clone()).or_default();
        set.insert(name.to_lowercase());
        for name in by_lang.values().flatten() {
            set.insert(name.to_lowercase());
        }
        names += 1 + by_lang.values().map(Vec::len).sum::<usize>();
        file.entity.push(EntityToml {
            id: &entity.id,
            name,
            kind: &entity.kind,
            names: by_lang,
        });
    }
    Ok(Built {
        toml: toml::to_string(&file)?,
        listed,
        names,
    })
}

/// The name a curator would write for `canonical_en`: without the
/// qualifier that tells entities apart in the data (`Muhammad (given name)`
/// → `Muhammad`).
fn display_name(canonical: &str) -> &str {
    match canonical.find(" (") {
        Some(at) if canonical.ends_with(')') => &canonical[..at],
        _ => canonical,
    }
}

/// Lower-cased spelling → every entity whose rows hold it. A variant counts
/// as found when linked to any of them (`Muhammad` is both a given name and
/// the prophet; `Алжир` is both Algeria and Algiers).
pub fn owners(data: &Variants) -> HashMap<String, BTreeSet<String>> {
    let mut owners: HashMap<String, BTreeSet<String>> = HashMap::new();
    for row in &data.rows {
        owners
            .entry(row.spelling.to_lowercase())
            .or_default()
            .insert(row.entity.clone());
    }
    owners
}
