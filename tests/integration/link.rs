//! The linking table, `tests/data/link.toml`.

use crate::util::{assert_mentions, default_linker, table};
use canon::{Gazetteer, Linker};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    gazetteer: Option<String>,
}

#[test]
fn link_table() {
    let cases: Vec<Case> = table("link.toml");
    assert!(cases.len() >= 20);
    for case in &cases {
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
