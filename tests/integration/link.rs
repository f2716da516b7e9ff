//! The linking table, `tests/data/link.toml`.

use crate::util::{assert_mentions, data, default_linker};
use canon::{Gazetteer, Linker};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    test: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    gazetteer: Option<String>,
}

#[test]
fn link_table() {
    let table: Table =
        toml::from_str(&std::fs::read_to_string(data("link.toml")).expect("link.toml"))
            .expect("link.toml parses");
    assert!(table.test.len() >= 20);
    for case in &table.test {
        let own;
        let linker = match &case.gazetteer {
            Some(toml) => {
                let g = Gazetteer::from_toml(&case.name, toml).expect("case gazetteer");
                own = Linker::new(g).expect("linker");
                &own
            }
            None => default_linker(),
        };
        assert_mentions(linker, &case.text, &case.name);
    }
}
