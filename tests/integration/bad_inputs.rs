//! Bad inputs, one file per kind (`tests/data/bad-inputs/`), through
//! `canon link` and `canon check`: exactly the documented errors and exit
//! codes, and every good document around the bad ones in the output, with
//! offsets that slice the text they came from.

use crate::util::{canon, data, root, scratch};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

/// One row of `tests/data/bad-inputs/cases.toml`.
#[derive(Deserialize)]
struct Case {
    name: String,
    /// An index to write and damage first.
    index: Option<IndexCase>,
    args: Vec<String>,
    exit: i32,
    stderr: Vec<String>,
    stdout: Vec<String>,
}

/// How a case's index is damaged (see `cases.toml`).
#[derive(Deserialize)]
struct IndexCase {
    damage: String,
}

impl IndexCase {
    /// Writes `dir/places.idx` from a copy of `index/places.toml` and
    /// damages it; returns the values of the placeholders of the case.
    fn prepare(&self, dir: &std::path::Path) -> Vec<(&'static str, String)> {
        let (toml, index) = (dir.join("places.toml"), dir.join("places.idx"));
        std::fs::copy(data("bad-inputs/index/places.toml"), &toml).expect("copy");
        let out = canon(&["index", path_str(&toml), "-o", path_str(&index)], "");
        assert!(out.status.success(), "{out:?}");
        let mut bytes = std::fs::read(&index).expect("the index");
        let size = bytes.len();
        let version = env!("CARGO_PKG_VERSION");
        match self.damage.as_str() {
            "none" => {}
            "truncate" => bytes.truncate(size / 2),
            "flip" => bytes[size - 1] ^= 1,
            "format" => bytes[8..12].copy_from_slice(&99u32.to_le_bytes()),
            "version" => {
                // The header starts at byte 40 with the version, after its length.
                assert_eq!(&bytes[41..41 + version.len()], version.as_bytes());
                let other = version.replace(|c: char| c.is_ascii_digit(), "9");
                bytes[41..41 + version.len()].copy_from_slice(other.as_bytes());
                // The checksum as DESIGN.md specifies it: the hash of the
                // hashes of the 8 MiB chunks after the prefix.
                let chunks: Vec<u8> = (bytes[40..].chunks(1 << 23))
                    .flat_map(|chunk| xxhash_rust::xxh3::xxh3_64(chunk).to_le_bytes())
                    .collect();
                let checksum = xxhash_rust::xxh3::xxh3_64(&chunks);
                bytes[32..40].copy_from_slice(&checksum.to_le_bytes());
            }
            "stale" => {
                // The same size, another content: only the hash tells.
                let text = std::fs::read_to_string(&toml).expect("the copy");
                std::fs::write(&toml, text.replace("Kaboul", "Kabool")).expect("edit");
            }
            other => panic!("unknown damage `{other}`"),
        }
        std::fs::write(&index, &bytes).expect("write");
        vec![
            ("{tmp}", dir.display().to_string()),
            ("{version}", version.to_string()),
            ("{size}", size.to_string()),
            ("{half}", (size / 2).to_string()),
        ]
    }
}

/// `path` as a string (scratch paths are UTF-8).
fn path_str(path: &std::path::Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// `text` with each placeholder replaced by its value.
fn filled(text: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(text.to_string(), |text, (name, value)| {
        text.replace(name, value)
    })
}

/// An output line as `cases.toml` writes it: `id: text=entity@start ...` for
/// a document, the line itself otherwise.
fn summary(line: &str) -> String {
    let Ok(Value::Object(doc)) = serde_json::from_str::<Value>(line) else {
        return line.to_string();
    };
    let Some(mentions) = doc.get("mentions").and_then(Value::as_array) else {
        return line.to_string();
    };
    let id = match &doc["id"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let spans: Vec<String> = mentions
        .iter()
        .map(|m| {
            format!(
                "{}={}@{}",
                str_of(&m["text"]),
                str_of(&m["entity"]),
                m["start"]
            )
        })
        .collect();
    format!("{id}: {}", spans.join(" "))
}

fn str_of(value: &Value) -> &str {
    value.as_str().expect("a string")
}

/// Checks that every mention's offsets slice its document's text: the
/// `text` field of a JSON Lines document, or the file a text document's id
/// names.
fn assert_offsets_slice(line: &str) {
    let Ok(Value::Object(doc)) = serde_json::from_str::<Value>(line) else {
        return;
    };
    let Some(mentions) = doc.get("mentions").and_then(Value::as_array) else {
        return;
    };
    let text = match doc.get("text") {
        Some(Value::String(t)) => t.clone(),
        _ => std::fs::read_to_string(root().join(str_of(&doc["id"]))).expect("document file"),
    };
    for m in mentions {
        let field = |k: &str| m[k].as_u64().expect("an offset") as usize;
        let by_chars: String = text
            .chars()
            .skip(field("start"))
            .take(field("end") - field("start"))
            .collect();
        assert_eq!(by_chars, str_of(&m["text"]), "{line}");
        assert_eq!(
            &text[field("byte_start")..field("byte_end")],
            by_chars,
            "{line}"
        );
    }
}

#[test]
fn every_bad_input_gives_its_documented_error() {
    let text = std::fs::read_to_string(data("bad-inputs/cases.toml")).expect("cases.toml");
    let cases: Cases = toml::from_str(&text).expect("cases.toml parses");
    assert!(cases.case.len() >= 9);
    for case in cases.case {
        let dir = scratch();
        let values = match &case.index {
            Some(index) => index.prepare(dir.path()),
            None => Vec::new(),
        };
        let fill = |lines: &[String]| -> Vec<String> {
            lines.iter().map(|line| filled(line, &values)).collect()
        };
        let args = fill(&case.args);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = canon(&args, "");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
        let stderr = String::from_utf8(out.stderr).expect("UTF-8 errors");
        let lines: Vec<&str> = stdout.split('\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(
            out.status.code(),
            Some(case.exit),
            "{}: {stderr}",
            case.name
        );
        assert_eq!(
            stderr.lines().collect::<Vec<_>>(),
            fill(&case.stderr),
            "{}",
            case.name
        );
        let got: Vec<String> = lines.iter().map(|l| summary(l)).collect();
        assert_eq!(got, fill(&case.stdout), "{}", case.name);
        lines.iter().for_each(|l| assert_offsets_slice(l));
    }
}

#[test]
fn a_one_megabyte_word_is_linked_around() {
    let text = format!("Kabul {} Kabul", "a".repeat(1 << 20));
    assert_eq!(
        linked(&text),
        format!("-: Kabul=kabul@0 Kabul=kabul@{}", (1 << 20) + 7)
    );
}

/// The summary of what `canon link` finds in `text`, which must succeed.
fn linked(text: &str) -> String {
    let out = canon(&["link"], text);
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).expect("UTF-8");
    summary(line.trim_end())
}

#[test]
fn a_one_megabyte_capitalized_word_is_linked_around() {
    // Regression: the fuzzy index hashed every two-letter deletion of a
    // name-like word, a million squared for this one (found by fuzzing).
    let word = format!("S{}", "v".repeat(1 << 20));
    let text = format!("Then {word}. Kabul");
    assert_eq!(linked(&text), format!("-: Kabul=kabul@{}", (1 << 20) + 8));
}

/// A gazetteer in a scratch directory (returned with it) whose one
/// entity's name is a 2 MB word.
fn huge_name_gazetteer() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = scratch();
    let path = dir.path().join("huge.toml");
    let name = "Kabul".repeat(400_000);
    std::fs::write(
        &path,
        format!("[[entity]]\nid = \"huge\"\nname = \"{name}\"\ntype = \"place\"\n"),
    )
    .expect("write");
    (dir, path)
}

#[test]
fn a_huge_one_word_name_still_builds_a_linker() {
    let (_dir, path) = huge_name_gazetteer();
    let out = canon(
        &["link", "--gazetteer", path.to_str().expect("UTF-8")],
        "Kabul",
    );
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn a_huge_value_in_a_gazetteer_is_accepted() {
    let (_dir, path) = huge_name_gazetteer();
    let out = canon(&["check", path.to_str().expect("UTF-8 path")], "");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ok: 1 entity\n");
}

#[test]
fn gazetteer_paths_that_hold_no_gazetteer_are_located_errors() {
    let scratch = scratch();
    let dir = scratch.path();
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let missing = dir.join("missing");
    let mut args = vec![empty.clone(), missing.clone()];
    #[cfg(unix)]
    {
        let looped = dir.join("looped");
        std::fs::create_dir_all(looped.join("sub")).expect("mkdir");
        std::fs::write(looped.join("a.toml"), "").expect("write");
        let _ = std::fs::remove_file(looped.join("sub/up"));
        std::os::unix::fs::symlink("..", looped.join("sub/up")).expect("symlink");
        args.push(looped);
    }
    let mut command = vec!["check".to_string()];
    command.extend(args.iter().map(|p| p.display().to_string()));
    let command: Vec<&str> = command.iter().map(String::as_str).collect();
    let out = canon(&command, "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = [
        format!(
            "{}:1:1: no `.toml` file in this directory — add one or give another path",
            empty.display()
        ),
        format!(
            "{}:1:1: no such file or directory — check the path",
            missing.display()
        ),
    ];
    for line in &expected {
        assert!(stdout.contains(line.as_str()), "{stdout}");
    }
    #[cfg(unix)]
    assert!(
        stdout.contains("sub/up:1:1: symlink loop back to"),
        "{stdout}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_canon"))
        .args(["link", "examples/panjshir-en.txt"])
        .current_dir(root())
        .stdout(full)
        .output()
        .expect("canon runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "canon: cannot write the output: No space left on device (os error 28)\n"
    );
}

#[test]
fn an_output_file_that_cannot_be_created_is_an_error() {
    let out = canon(
        &[
            "link",
            "--output",
            "no/such/directory/out.jsonl",
            "examples/panjshir-en.txt",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("canon: cannot write no/such/directory/out.jsonl"),
        "{stderr}"
    );
}
