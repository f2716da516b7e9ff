//! Shared helpers: the markup of expected mentions, running the binary.

use canon::{Gazetteer, Linker};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// A scratch directory of its own for one test, under Cargo's directory
/// for integration tests' files, removed when dropped.
pub fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("canon-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a scratch directory")
}

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/data/<name>`.
pub fn data(name: &str) -> PathBuf {
    root().join("tests/data").join(name)
}

/// The `[[test]]` rows of a TOML table in `tests/data/`.
pub fn table<T: serde::de::DeserializeOwned>(name: &str) -> Vec<T> {
    #[derive(serde::Deserialize)]
    struct Table<T> {
        test: Vec<T>,
    }
    let text = std::fs::read_to_string(data(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let table: Table<T> = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    table.test
}

/// The shared corpus beside the repository, if present.
pub fn shared(name: &str) -> Option<PathBuf> {
    let p = root().join("../shared").join(name);
    p.exists().then_some(p)
}

/// A linker on the embedded gazetteer, built once for all tests.
pub fn default_linker() -> &'static Linker {
    static LINKER: OnceLock<Linker> = OnceLock::new();
    LINKER.get_or_init(|| Linker::new(Gazetteer::embedded()).expect("default linker"))
}

/// Strips `[surface]{entity}` markup: the plain text and the expected
/// `(byte span, entity)` list.
pub fn parse_markup(marked: &str) -> (String, Vec<(usize, usize, String)>) {
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find("]{").expect("`]{` after `[`") + open;
        let end = rest[close..].find('}').expect("`}` after `]{`") + close;
        let start = text.len();
        text.push_str(&rest[open + 1..close]);
        expected.push((start, text.len(), rest[close + 2..end].to_string()));
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    (text, expected)
}

/// Renders `text` with `[surface]{entity}` around each mention.
pub fn render(text: &str, mentions: &[(usize, usize, String)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (start, end, entity) in mentions {
        out.push_str(&text[at..*start]);
        out.push_str(&format!("[{}]{{{entity}}}", &text[*start..*end]));
        at = *end;
    }
    out.push_str(&text[at..]);
    out
}

/// Asserts that `linker` finds exactly the mentions marked up in `marked`,
/// printing both renderings when it does not.
pub fn assert_mentions(linker: &Linker, marked: &str, context: &str) {
    let (text, expected) = parse_markup(marked);
    let got: Vec<(usize, usize, String)> = linker
        .link(&text)
        .iter()
        .map(|m| (m.span.start, m.span.end, m.entity.id.clone()))
        .collect();
    assert!(
        got == expected,
        "{context}\n--- expected\n{}\n--- got\n{}\n---",
        render(&text, &expected),
        render(&text, &got)
    );
}

/// Runs the built `canon` binary with `args` and `stdin`, in the
/// repository root.
pub fn canon(args: &[&str], stdin: &str) -> Output {
    canon_in(root(), args, stdin)
}

/// Runs the built `canon` binary with `args` and `stdin`, in `dir`.
pub fn canon_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_canon"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("canon runs");
    // Fed from a thread: canon streams its output while it reads, and a
    // large input would otherwise fill both pipes. canon may also exit
    // before reading (bad usage, bad gazetteer): a closed pipe is fine.
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_string();
    let feeder = std::thread::spawn(move || {
        if let Err(err) = std::io::Write::write_all(&mut input, stdin.as_bytes()) {
            assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
        }
    });
    let output = child.wait_with_output().expect("canon ends");
    feeder.join().expect("stdin written");
    output
}
