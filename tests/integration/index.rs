//! `--index`: a linker loaded from an index file links as the one built
//! from its gazetteer, byte for byte, in every command that links.

use crate::util::{canon, data, root, shared};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A directory for the indexes of these tests.
fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("index-tests");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Writes the index of `gazetteer` (none: the embedded one) to `name`.
fn index(name: &str, gazetteer: &[&str]) -> PathBuf {
    let path = scratch().join(name);
    let mut args = vec!["index", "-o", path.to_str().expect("UTF-8")];
    args.extend(gazetteer);
    let out = canon(&args, "");
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with(&format!("{}: ", path.display())), "{said}");
    path
}

/// The index of the embedded gazetteer, written once.
fn default_index() -> &'static Path {
    static INDEX: OnceLock<PathBuf> = OnceLock::new();
    INDEX.get_or_init(|| index("default.idx", &[]))
}

/// Runs `canon` with `args` and `gazetteer_args` (a gazetteer, or none),
/// then with `args` and `--index index`: the same output, errors and exit.
fn assert_same(args: &[&str], gazetteer_args: &[&str], index: &Path) {
    let with_gazetteer = canon(&[args, gazetteer_args].concat(), "");
    let with_index = canon(
        &[args, &["--index", index.to_str().expect("UTF-8")]].concat(),
        "",
    );
    assert!(
        with_gazetteer.status.success(),
        "{args:?}: {with_gazetteer:?}"
    );
    assert!(!with_gazetteer.stdout.is_empty(), "{args:?}");
    assert_eq!(
        with_index.status.code(),
        with_gazetteer.status.code(),
        "{args:?}"
    );
    assert_eq!(
        String::from_utf8_lossy(&with_index.stderr),
        String::from_utf8_lossy(&with_gazetteer.stderr),
        "{args:?}"
    );
    assert!(
        with_index.stdout == with_gazetteer.stdout,
        "{args:?}: output differs"
    );
}

/// Every fixture, the seed gold files of `shared/corpus` and the example
/// article, as arguments of `canon link`.
fn documents() -> Vec<Vec<String>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data("fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("an entry").path())
        .collect();
    if let Some(corpus) = shared("corpus") {
        files.extend(
            std::fs::read_dir(corpus)
                .expect("corpus")
                .map(|e| e.expect("entry").path()),
        );
    }
    files.push(root().join("examples/panjshir-en.txt"));
    files.sort();
    let mut documents = Vec::new();
    for file in files {
        let name = file.to_string_lossy().into_owned();
        if name.ends_with(".jsonl") {
            documents.push(vec!["--input".into(), "jsonl".into(), name]);
        } else if name.ends_with(".txt") {
            documents.push(vec![name]);
        }
    }
    documents
}

#[test]
fn link_with_the_index_of_the_embedded_gazetteer_is_byte_identical() {
    let documents = documents();
    assert!(documents.len() >= 9, "{documents:?}");
    for document in &documents {
        let document: Vec<&str> = document.iter().map(String::as_str).collect();
        assert_same(&[&["link"], &document[..]].concat(), &[], default_index());
    }
}

#[test]
fn eval_explain_and_suggest_with_the_index_say_the_same() {
    let gold = data("fixtures/fr.gold.jsonl");
    let gold = gold.to_str().expect("UTF-8");
    assert_same(&["eval", "--gold", gold], &[], default_index());
    let text = "Ahmed Chah Massoud, le « Lion du Panchir », et l'OTAN à Kaboul.";
    assert_same(&["explain", "--format", "json", text], &[], default_index());
    let corpus = data("fixtures/fr.txt");
    let corpus = corpus.to_str().expect("UTF-8");
    assert_same(
        &["suggest", "--min-count", "1", corpus],
        &[],
        default_index(),
    );
}

#[test]
fn an_index_of_gazetteer_files_links_as_the_files_do_with_any_options() {
    let gazetteer = data("gazetteers/valid");
    let gazetteer = gazetteer.to_str().expect("UTF-8");
    let article = root().join("examples/panjshir-en.txt");
    let article = article.to_str().expect("UTF-8");
    let known = data("gazetteers/commented");
    let known = known.to_str().expect("UTF-8");
    // The known names are compiled in: `canon index` takes their options.
    let cases: [(&[&str], &[&str], &[&str]); 6] = [
        (&[], &[], &[]),
        (&["--no-transliteration"], &[], &[]),
        (&["--threshold", "0.95"], &[], &[]),
        (&["--no-fuzzy"], &["--no-known-names"], &[]),
        (&["--no-known-names"], &["--no-known-names"], &[]),
        (&[], &["--known-names", known], &["--known-names", known]),
    ];
    for (n, (options, compiled, known)) in cases.into_iter().enumerate() {
        let index = index(
            &format!("valid-{n}.idx"),
            &[&[gazetteer][..], compiled].concat(),
        );
        let args = [&["link", article][..], options].concat();
        assert_same(
            &args,
            &[&["--gazetteer", gazetteer][..], known].concat(),
            &index,
        );
    }
}

#[test]
fn linking_without_the_known_names_of_an_index_is_an_error() {
    let index = default_index().to_str().expect("UTF-8");
    let out = canon(&["link", "--index", index, "--no-fuzzy"], "Kabul");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "canon: {index}: compiled with known names, which --no-fuzzy and --no-known-names \
             leave out — write an index without them with `canon index --no-known-names`\n"
        )
    );
    let out = canon(
        &["link", "--index", index, "--known-names", "gazetteer"],
        "Kabul",
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "the index decides its known names"
    );
}
