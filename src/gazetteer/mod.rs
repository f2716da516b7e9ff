//! TEMPORARY stub, replaced by the real loader.
#![allow(missing_docs)]
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: usize,
    pub column: usize,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Place,
    Organization,
    Event,
    Other,
}
impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
            EntityType::Event => "event",
            EntityType::Other => "other",
        }
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    pub aliases: Vec<String>,
    pub acronyms: Vec<String>,
    pub names: BTreeMap<String, Vec<String>>,
    pub wikidata: Option<String>,
    pub description: Option<String>,
    pub fuzzy: bool,
    pub min_score: Option<f64>,
    pub origin: Origin,
}
#[derive(Deserialize)]
struct Raw {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: EntityType,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    acronyms: Vec<String>,
    #[serde(default)]
    names: BTreeMap<String, Vec<String>>,
    wikidata: Option<String>,
    description: Option<String>,
    fuzzy: Option<bool>,
    min_score: Option<f64>,
}
#[derive(Deserialize)]
struct File {
    #[serde(default)]
    entity: Vec<Raw>,
}
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
}
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct GazetteerErrors(pub String);
impl Gazetteer {
    pub fn from_toml(path: &str, text: &str) -> Result<Gazetteer, GazetteerErrors> {
        Self::from_sources([(path, text)])
    }
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Gazetteer, GazetteerErrors> {
        let mut entities = Vec::new();
        for (path, text) in sources {
            let f: File =
                toml::from_str(text).map_err(|e| GazetteerErrors(format!("{path}: {e}")))?;
            for r in f.entity {
                entities.push(Entity {
                    id: r.id,
                    name: r.name,
                    kind: r.kind,
                    aliases: r.aliases,
                    acronyms: r.acronyms,
                    names: r.names,
                    wikidata: r.wikidata,
                    description: r.description,
                    fuzzy: r.fuzzy.unwrap_or(true),
                    min_score: r.min_score,
                    origin: Origin {
                        path: path.to_string(),
                        line: 0,
                        column: 0,
                    },
                });
            }
        }
        Ok(Gazetteer { entities })
    }
    pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<Gazetteer, GazetteerErrors> {
        let mut texts = Vec::new();
        for p in paths {
            let p = p.as_ref();
            texts.push((
                p.display().to_string(),
                std::fs::read_to_string(p).map_err(|e| GazetteerErrors(e.to_string()))?,
            ));
        }
        Self::from_sources(texts.iter().map(|(a, b)| (a.as_str(), b.as_str())))
    }
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
    pub fn len(&self) -> usize {
        self.entities.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}
mod embedded;
