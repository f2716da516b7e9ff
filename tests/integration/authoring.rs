//! Gazetteer authoring: `canon check` warnings, `canon add` / `canon new`,
//! `canon suggest`.

use crate::util::canon;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

const WARNINGS: &str = "tests/data/gazetteers/warnings";

#[test]
fn check_prints_each_warning_kind_located() {
    let out = canon(&["check", WARNINGS], "");
    assert_eq!(out.status.code(), Some(0), "warnings alone do not fail");
    let text = stdout(&out);
    for kind in [
        "common-word",
        "duplicate-name",
        "same-key",
        "shared-acronym",
        "undefined-id",
        "unreachable",
    ] {
        let file = format!("{WARNINGS}/{kind}.toml:");
        assert!(
            text.lines()
                .any(|l| l.starts_with(&file) && l.contains(": warning: ")),
            "no located warning for {kind}:\n{text}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn check_json_has_one_object_per_diagnostic() {
    let out = canon(
        &[
            "check",
            "--format",
            "json",
            "tests/data/gazetteers/broken/syntax-error.toml",
            WARNINGS,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "an error fails");
    let text = stdout(&out);
    for line in text.lines() {
        let diagnostic: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let keys: Vec<&str> = diagnostic
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["severity", "file", "line", "column", "kind", "message", "fix"]
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn deny_warnings_makes_warnings_fail() {
    let code = |args: &[&str]| canon(args, "").status.code();
    assert_eq!(code(&["check", "--deny-warnings", WARNINGS]), Some(1));
    assert_eq!(
        code(&["check", "--deny-warnings", "tests/data/gazetteers/valid"]),
        Some(0)
    );
    assert_eq!(code(&["check", "--deny-warnings", "gazetteer"]), Some(0));
    assert_eq!(code(&["check", "--format", "yaml", WARNINGS]), Some(2));
}

#[test]
fn check_counts_errors_and_warnings_together() {
    let out = canon(
        &[
            "check",
            "tests/data/gazetteers/broken/unknown-key.toml",
            "tests/data/gazetteers/warnings/common-word.toml",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).ends_with("1 error, 1 warning in 2 files\n"),
        "{}",
        stdout(&out)
    );
}

/// A copy of a gazetteer directory of `tests/data` in a directory of its
/// own, removed on drop.
struct Copy(tempfile::TempDir);

impl Copy {
    /// A copy of `tests/data/gazetteers/commented`.
    fn new() -> Copy {
        Copy::of("gazetteers/commented")
    }

    fn of(fixture: &str) -> Copy {
        let dir = crate::util::scratch();
        for entry in std::fs::read_dir(crate::util::data(fixture)).expect("fixture") {
            let entry = entry.expect("entry");
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
        }
        Copy(dir)
    }

    /// Where the copy is.
    fn path(&self) -> &std::path::Path {
        self.0.path()
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.path().join(file)).expect("read")
    }

    /// Runs canon in the copy (its `gazetteer` is `.`).
    fn canon(&self, args: &[&str]) -> std::process::Output {
        let mut args = args.to_vec();
        args.extend(["--gazetteer", "."]);
        crate::util::canon_in(self.path(), &args, "")
    }
}

/// The lines of `after` that are not in `before`, when `after` is `before`
/// with lines inserted (else `None`).
fn inserted_lines(before: &str, after: &str) -> Option<Vec<String>> {
    let mut before = before.lines().peekable();
    let mut inserted = Vec::new();
    for line in after.lines() {
        if before.peek() == Some(&line) {
            before.next();
        } else {
            inserted.push(line.to_owned());
        }
    }
    before.next().is_none().then_some(inserted)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn add_inserts_one_line_and_keeps_every_comment() {
    let copy = Copy::new();
    let before = copy.read("places.toml");
    let out = copy.canon(&[
        "add",
        "panjshir",
        "--alias",
        "Panchir",
        "--comment",
        "Le Monde",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = copy.read("places.toml");
    assert_eq!(
        inserted_lines(&before, &after),
        Some(vec![
            "  \"Panchir\",                      # Le Monde".to_owned()
        ]),
        "{after}"
    );
    insta::assert_snapshot!(stdout(&out));
    assert_eq!(
        copy.read("people.toml"),
        std::fs::read_to_string(crate::util::data("gazetteers/commented/people.toml")).unwrap()
    );
    let leftovers: Vec<_> = std::fs::read_dir(copy.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary file left: {leftovers:?}");
}

#[test]
fn add_writes_names_by_language_in_the_layout_found() {
    let copy = Copy::new();
    let before = copy.read("places.toml");
    // An existing `[entity.names]` table, an inline `names = { ... }`.
    let out = copy.canon(&["add", "panjshir", "--name", "fr=Panchir"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = copy.canon(&[
        "add",
        "kabul",
        "--name",
        "de=Kabul-Stadt",
        "--name",
        "fr=Caboul",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = copy.read("places.toml");
    assert!(
        after.contains("ru = [\"Панджшер\"]                 # Russian press\nfr = [\"Panchir\"]\n"),
        "{after}"
    );
    assert!(after.contains("names = { fr = [\"Kaboul\", \"Caboul\"], de = [\"Kabul-Stadt\"] }       # inline, on purpose\n"), "{after}");
    assert_eq!(
        inserted_lines(&before, &after).map(|l| l.len()),
        None,
        "the inline line changed"
    );
    // No `names` yet: a `[entity.names]` table after the entity's keys.
    let out = copy.canon(&[
        "add",
        "ahmad-massoud",
        "--name",
        "fa-Latn=Ahmad Mas'ud",
        "--acronym",
        "AM",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!(copy.read("people.toml"));
    let gazetteer = canon::Gazetteer::load(&[copy.path()]).expect("still valid");
    assert_eq!(gazetteer.get("kabul").unwrap().names["de"], ["Kabul-Stadt"]);
}

#[test]
fn add_refuses_collisions_and_duplicates_saying_with_what() {
    let copy = Copy::new();
    let places = copy.read("places.toml");
    let out = copy.canon(&["add", "kabul", "--alias", "Panjsher"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("`Panjsher` is also a name of `panjshir` (./places.toml:9:3)"),
        "{}",
        stderr(&out)
    );
    let out = copy.canon(&["add", "kabul", "--alias", "PANSHIR"]);
    assert!(
        stderr(&out).contains("`PANSHIR` is also a name of `panjshir`"),
        "{}",
        stderr(&out)
    );
    let out = copy.canon(&["add", "panjshir", "--alias", "Panjshír"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "`Panjshír` is already listed for `panjshir` as `Panjshir` at ./places.toml:5:8"
        ),
        "{}",
        stderr(&out)
    );
    // One refused name refuses the whole command.
    let out = copy.canon(&["add", "kabul", "--alias", "Caboul", "--alias", "Panshir"]);
    assert_eq!(out.status.code(), Some(1));
    let out = copy.canon(&["add", "kabol", "--alias", "Caboul"]);
    assert!(
        stderr(&out).contains("no entity `kabol` — did you mean `kabul`?"),
        "{}",
        stderr(&out)
    );
    assert_eq!(copy.read("places.toml"), places, "nothing written");
    assert_eq!(
        copy.canon(&["add", "kabul"]).status.code(),
        Some(2),
        "nothing to add"
    );
    assert_eq!(
        copy.canon(&["add", "kabul", "--name", "french=Kaboul"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn new_appends_an_entity_to_the_file_of_its_type() {
    let copy = Copy::new();
    let before = copy.read("places.toml");
    let out = copy.canon(&[
        "new",
        "salang-tunnel",
        "--name",
        "Salang Tunnel",
        "--type",
        "place",
        "--alias",
        "Salang Pass Tunnel",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = copy.read("places.toml");
    assert_eq!(
        inserted_lines(&before, &after),
        Some(
            [
                "",
                "[[entity]]",
                "id = \"salang-tunnel\"",
                "name = \"Salang Tunnel\"",
                "type = \"place\"",
                "aliases = [\"Salang Pass Tunnel\"]"
            ]
            .map(String::from)
            .to_vec()
        )
    );
    // No event yet: `events.toml` beside the others.
    let out = copy.canon(&[
        "new",
        "fall-of-kabul",
        "--name",
        "Fall of Kabul",
        "--type",
        "event",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(copy
        .read("events.toml")
        .starts_with("[[entity]]\nid = \"fall-of-kabul\"\n"));
    let out = copy.canon(&["new", "kabul", "--name", "Kabul City", "--type", "place"]);
    assert!(
        stderr(&out).contains("an entity `kabul` exists already, at ./places.toml:19:1"),
        "{}",
        stderr(&out)
    );
    let out = copy.canon(&["new", "kabul-city", "--name", "Kaboul", "--type", "place"]);
    assert!(
        stderr(&out).contains("`Kaboul` is also a name of `kabul`"),
        "{}",
        stderr(&out)
    );
    let out = copy.canon(&[
        "new",
        "Kabul City",
        "--name",
        "Kabul City",
        "--type",
        "place",
    ]);
    assert!(
        stderr(&out).contains("e.g. `kabul-city`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_embedded_gazetteer_cannot_be_edited() {
    let scratch = crate::util::scratch();
    let dir = scratch.path();
    let out = crate::util::canon_in(dir, &["add", "kabul", "--alias", "Caboul"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the embedded default gazetteer cannot be edited"),
        "{}",
        stderr(&out)
    );
}

const CORPUS: [&str; 3] = [
    "tests/data/suggest/corpus/a.txt",
    "tests/data/suggest/corpus/b.txt",
    "tests/data/suggest/corpus/c.txt",
];

/// The entities and texts `canon link` finds in `files` with `gazetteer`.
fn linked(gazetteer: &std::path::Path, files: &[&str]) -> Vec<(String, String)> {
    let mut args = vec!["link", "--gazetteer", gazetteer.to_str().expect("UTF-8")];
    args.extend(files);
    let out = canon(&args, "");
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .flat_map(|line| {
            let doc: serde_json::Value = serde_json::from_str(line).expect("JSON");
            doc["mentions"].as_array().expect("mentions").clone()
        })
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_owned(),
                m["entity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn suggest_ranks_the_missing_spelling_first() {
    let mut args = vec!["suggest", "--gazetteer", "tests/data/suggest/gazetteer"];
    args.extend(CORPUS);
    let out = canon(&args, "");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let first = text
        .lines()
        .find(|l| l.starts_with("#   1. "))
        .expect("a first suggestion");
    assert!(
        first.starts_with("#   1. \"Panchir\", 5 times: near miss"),
        "{text}"
    );
    assert!(text.contains("\n# panjshir: Panjshir (place)"), "{text}");
    assert!(
        text.contains("#   canon add panjshir --alias Panchir\n"),
        "{text}"
    );
    assert!(text.contains("#   canon add nrf --acronym FNR\n"), "{text}");
    // The output is TOML: the unlinked name is an entity to complete.
    let document: toml::Table = toml::from_str(&text).expect("valid TOML");
    assert_eq!(
        document["entity"][0]["name"].as_str(),
        Some("Amrullah Saleh")
    );
    insta::assert_snapshot!(text);
}

#[test]
fn suggest_apply_makes_the_next_link_find_it() {
    let copy = Copy::of("suggest/gazetteer");
    let before = copy.read("places.toml");
    let panchir = ("Panchir".to_owned(), "panjshir".to_owned());
    assert!(!linked(copy.path(), &CORPUS).contains(&panchir));
    let gazetteer = copy.path().to_str().unwrap();
    let mut args = vec![
        "suggest",
        "--gazetteer",
        gazetteer,
        "--apply",
        "--only",
        "panjshir",
    ];
    args.extend(CORPUS);
    let out = canon(&args, "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        inserted_lines(&before, &copy.read("places.toml")),
        Some(vec![
            "  \"Panchir\",                      # canon suggest: 5 times".to_owned()
        ])
    );
    assert!(
        !copy.read("organizations.toml").contains("FNR"),
        "--only panjshir"
    );
    let found = linked(copy.path(), &CORPUS);
    assert_eq!(
        found.iter().filter(|m| **m == panchir).count(),
        5,
        "{found:?}"
    );
}

#[test]
fn suggest_reads_json_lines() {
    let input = "{\"id\": 1, \"text\": \"Le Panchir tient. Le Panchir résiste.\"}\nnot json\n";
    let out = canon(
        &[
            "suggest",
            "-g",
            "tests/data/suggest/gazetteer",
            "--input",
            "jsonl",
            "--min-count",
            "2",
        ],
        input,
    );
    assert_eq!(out.status.code(), Some(1), "a bad line is reported");
    assert!(
        stderr(&out).contains("-:2: invalid JSON"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("#   1. \"Panchir\", 2 times: near miss"),
        "{}",
        stdout(&out)
    );
}
