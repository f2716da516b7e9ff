//! Whole documents with gold: the seed article and our own EN/FR/DE texts.

use crate::util::{data, default_linker, shared};
use canon::eval::{score_document, GoldMention, Predicted, Totals};
use canon::output::wire_mentions;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Gold {
    text: String,
    mentions: Vec<GoldMention>,
}

fn totals(path: &Path) -> Totals {
    totals_with(path, default_linker())
}

fn totals_with(path: &Path, linker: &canon::Linker) -> Totals {
    let mut totals = Totals::default();
    for line in std::fs::read_to_string(path).expect("gold").lines() {
        let gold: Gold = serde_json::from_str(line).expect("gold line");
        let mentions = linker.link(&gold.text);
        let predicted: Vec<Predicted> = wire_mentions(&gold.text, &mentions)
            .into_iter()
            .map(|m| Predicted {
                start: m.start,
                end: m.end,
                entity: m.entity.into(),
                text: m.text.into(),
            })
            .collect();
        totals.add(&score_document(&gold.mentions, &predicted));
    }
    totals
}

#[test]
fn seed_article_scores_f1_1() {
    let Some(seed) = shared("corpus/seed-france24-panjshir.gold.jsonl") else {
        eprintln!("skipped: ../shared is not beside the repository");
        return;
    };
    let t = totals(&seed);
    assert_eq!(t.f1(), 1.0, "{t}");
}

#[test]
fn own_fixtures_score_at_least_0_95() {
    for lang in ["en", "fr", "de", "es"] {
        let t = totals(&data(&format!("fixtures/{lang}.gold.jsonl")));
        assert!(t.f1() >= 0.95, "{lang}: {t}");
        assert_eq!(t.false_links, 0, "{lang}: {t}");
    }
}

#[test]
fn seed_scores_f1_1_without_the_listed_acronym() {
    let Some(seed) = shared("corpus/seed-france24-panjshir.gold.jsonl") else {
        return;
    };
    // The text defines `FNR` itself: `National Resistance Front (FNR)`.
    let scratch = crate::util::scratch();
    let dir = scratch.path();
    for entry in std::fs::read_dir(crate::util::root().join("gazetteer")).expect("gazetteer/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).expect("read");
            let text = text.replace("\"FNR\"", "\"NRF-X\"");
            std::fs::write(dir.join(path.file_name().expect("name")), text).expect("write");
        }
    }
    let gazetteer = canon::Gazetteer::load(&[&dir]).expect("gazetteer without FNR");
    assert!(gazetteer
        .get("nrf")
        .is_some_and(|e| !e.acronyms.iter().any(|a| a == "FNR")));
    let linker = canon::Linker::new(gazetteer).expect("linker");
    let t = totals_with(&seed, &linker);
    assert_eq!(t.f1(), 1.0, "{t}");
}

#[test]
fn seed_scores_f1_1_without_french_names() {
    let Some(seed) = shared("corpus/seed-france24-panjshir.gold.jsonl") else {
        return;
    };
    // Only English and native-script names: no `names.fr` (Panchir, Ahmed
    // Chah Massoud, Front national de résistance), no `FNR`.
    let mut entities = Vec::new();
    for e in canon::Gazetteer::embedded().entities() {
        let mut table = toml::Table::new();
        table.insert("id".into(), e.id.clone().into());
        table.insert("name".into(), e.name.clone().into());
        table.insert("type".into(), e.kind.as_str().into());
        table.insert("aliases".into(), e.aliases.to_vec().into());
        let acronyms: Vec<String> = e.acronyms.iter().filter(|a| *a != "FNR").cloned().collect();
        table.insert("acronyms".into(), acronyms.into());
        let names: toml::Table = e
            .names
            .iter()
            .filter(|(tag, _)| !tag.starts_with("fr"))
            .map(|(tag, names)| (tag.to_string(), names.to_vec().into()))
            .collect();
        table.insert("names".into(), names.into());
        table.insert("context".into(), e.context.to_vec().into());
        table.insert("requires_context".into(), e.requires_context.into());
        table.insert("not".into(), e.not.to_vec().into());
        if let Some(description) = &e.description {
            table.insert("description".into(), description.clone().into());
        }
        entities.push(toml::Value::Table(table));
    }
    let mut document = toml::Table::new();
    document.insert("entity".into(), entities.into());
    let text = toml::to_string(&document).expect("TOML");
    assert!(!text.contains("Panchir") && !text.contains("\"FNR\""));
    let gazetteer = canon::Gazetteer::from_toml("no-french.toml", &text).expect("valid");
    // Without known names: the embedded gazetteer's would bring the French
    // names back.
    let linker = canon::Linker::builder()
        .known_names(None)
        .build(gazetteer)
        .expect("linker");
    let t = totals_with(&seed, &linker);
    assert_eq!(t.f1(), 1.0, "{t}");
}

/// The embedded gazetteer reduced to each entity's id, canonical name and
/// type: the lean gazetteers users start with. Without known names: with
/// those of the embedded gazetteer, it would get every name back.
fn lean_linker() -> canon::Linker {
    canon::Linker::builder()
        .known_names(None)
        .build(lean_gazetteer())
        .expect("linker")
}

/// The embedded gazetteer reduced to each entity's id, canonical name and
/// type.
pub(crate) fn lean_gazetteer() -> canon::Gazetteer {
    let mut toml = String::new();
    for e in canon::Gazetteer::embedded().entities() {
        toml.push_str(&format!(
            "[[entity]]\nid = {}\nname = {}\ntype = \"{}\"\n",
            toml::Value::String(e.id.clone()),
            toml::Value::String(e.name.clone()),
            e.kind.as_str()
        ));
    }
    canon::Gazetteer::from_toml("lean.toml", &toml).expect("lean gazetteer")
}

#[test]
fn lean_gazetteer_figures_do_not_regress() {
    let linker = lean_linker();
    // Measured: en 0.933, fr 0.892, de 0.886, es 0.892, seed 0.976. Reduced to
    // canonical names, the international default gazetteer links a person
    // inside a name it no longer knows (`Hamid Karzai` in the airport's),
    // and lacks the acronym of `U.S.`.
    let mut floors = vec![("en", 0.93), ("fr", 0.88), ("de", 0.88), ("es", 0.88)];
    let seed = shared("corpus/seed-france24-panjshir.gold.jsonl");
    let mut paths: Vec<(String, std::path::PathBuf)> = floors
        .iter()
        .map(|(lang, _)| {
            (
                lang.to_string(),
                data(&format!("fixtures/{lang}.gold.jsonl")),
            )
        })
        .collect();
    if let Some(seed) = seed {
        paths.push(("seed".into(), seed));
        floors.push(("seed", 0.97));
    }
    for ((name, path), (_, floor)) in paths.iter().zip(&floors) {
        let t = totals_with(path, &linker);
        assert!(t.f1() >= *floor, "{name} with a lean gazetteer: {t}");
    }
}
