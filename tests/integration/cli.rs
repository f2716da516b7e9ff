//! The `canon` binary: output formats, exit codes, snapshots.

use crate::util::{canon, shared};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn link_text_from_stdin() {
    let out = canon(&["link"], "Talks in Kaboul with the AFP.");
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn link_example_article() {
    let out = canon(&["link", "examples/panjshir-en.txt"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("one JSON line");
    assert_eq!(doc["id"], "examples/panjshir-en.txt");
    assert!(doc["mentions"].as_array().is_some_and(|m| m.len() > 20));
}

#[test]
fn link_jsonl_passes_fields_through_and_replaces_mentions() {
    let input = concat!(
        r#"{"id": 7, "text": "À Kaboul, l’AFP.", "source": {"site": "x"}, "mentions": ["old"]}"#,
        "\n\n",
        r#"{"id": "b", "text": "nothing here"}"#,
        "\n"
    );
    let out = canon(&["link", "--input", "jsonl"], input);
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn bad_jsonl_lines_are_reported_and_the_rest_linked() {
    let input = "{\"id\": 1, \"text\": \"Kabul\"}\nnot json\n{\"text\": \"Kabul\"}\n{\"id\": 2, \"text\": 5}\n{\"id\": 3, \"text\": \"AFP\"}\n";
    let out = canon(&["link", "--input", "jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:2: invalid JSON"), "{err}");
    assert!(err.contains("-:3: missing \"id\""), "{err}");
}

#[test]
fn missing_file_is_an_error_but_other_files_are_linked() {
    let out = canon(
        &["link", "no/such/file.txt", "examples/panjshir-en.txt"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
}

#[test]
fn no_transliteration_finds_unlisted_spellings_by_edit_distance_alone() {
    let scratch = crate::util::scratch();
    let dir = scratch.path();
    let gazetteer = dir.join("lean.toml");
    let toml = "[[entity]]\nid = \"panjshir\"\nname = \"Panjshir\"\ntype = \"place\"\n\n\
                [[entity]]\nid = \"nrf\"\nname = \"National Resistance Front\"\n\
                type = \"organization\"\n";
    std::fs::write(&gazetteer, toml).expect("gazetteer written");
    let gazetteer = gazetteer.to_str().expect("UTF-8");
    let text = "Die National Resistanse Front kämpft im Pandschschir.";
    let linked = |options: &[&str]| -> Vec<String> {
        let args = [&["link", "-g", gazetteer, "--no-known-names"][..], options].concat();
        let out = canon(&args, text);
        assert!(out.status.success());
        let doc: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("JSON");
        let mentions = doc["mentions"].as_array().expect("mentions");
        let described = mentions
            .iter()
            .map(|m| format!("{} {}", m["text"], m["method"]));
        described.collect()
    };
    assert_eq!(
        linked(&[]),
        [
            r#""National Resistanse Front" "transliteration""#,
            r#""Pandschschir" "transliteration""#
        ]
    );
    assert_eq!(
        linked(&["--no-transliteration"]),
        [r#""National Resistanse Front" "fuzzy""#]
    );
    assert!(linked(&["--no-fuzzy"]).is_empty());
    let both = canon(&["link", "--no-fuzzy", "--no-transliteration"], "Kabul");
    assert_eq!(both.status.code(), Some(2), "--no-fuzzy already implies it");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(
        canon(&["link", "--input", "xml"], "").status.code(),
        Some(2)
    );
    assert_eq!(canon(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(canon(&["check"], "").status.code(), Some(2));
}

#[test]
fn every_command_has_help() {
    for cmd in ["link", "eval", "check", "explain", "add", "new", "suggest"] {
        let out = canon(&[cmd, "--help"], "");
        assert!(out.status.success(), "{cmd}");
        assert!(stdout(&out).contains("Usage: canon"), "{cmd}");
    }
}

#[test]
fn invalid_threshold_exits_1() {
    let out = canon(&["link", "--threshold", "1.5"], "Kabul");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("threshold 1.5"));
}

#[test]
fn broken_pipe_exits_0() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_canon"))
        .args(["link", "--input", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("canon runs");
    drop(child.stdout.take()); // the reader goes away
    let mut stdin = child.stdin.take().expect("stdin");
    let line = "{\"id\": 1, \"text\": \"Kabul and Kaboul\"}\n".repeat(20_000);
    let _ = stdin.write_all(line.as_bytes()); // canon may stop reading early
    drop(stdin);
    let out = child.wait_with_output().expect("canon ends");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn link_writes_nothing_on_stderr_when_it_is_not_a_terminal() {
    // The progress bar is for terminals: on a pipe, standard error keeps
    // diagnostics only, and a successful run has none.
    let input = "{\"id\": 1, \"text\": \"Kabul and Kaboul\"}\n".repeat(2_000);
    for args in [
        &["link", "--input", "jsonl"][..],
        &["link", "--input", "jsonl", "--quiet"],
    ] {
        let out = canon(args, &input);
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        assert_eq!(stdout(&out).lines().count(), 2_000);
    }
}

/// Runs canon with `args` and its output closed before it writes: it
/// must exit 0, not panic in `println!`.
fn assert_exits_0_into_a_closed_pipe(args: &[&std::ffi::OsStr]) {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_canon"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("canon runs");
    drop(child.stdout.take()); // the reader goes away
    let out = child.wait_with_output().expect("canon ends");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn eval_into_a_closed_pipe_exits_0() {
    // Issue 7: `canon eval ... | head` panicked in println! when head left.
    let scratch = crate::util::scratch();
    let gold = scratch.path().join("gold.jsonl");
    let text = "Kabul. ".repeat(20_000);
    let line = serde_json::json!({"id": "d", "text": text, "mentions": []});
    std::fs::write(&gold, format!("{line}\n")).expect("the gold file");
    assert_exits_0_into_a_closed_pipe(&["eval".as_ref(), "--gold".as_ref(), gold.as_os_str()]);
}

#[test]
fn explain_into_a_closed_pipe_exits_0() {
    // `canon explain ... | head` panicked in println! when head left.
    let scratch = crate::util::scratch();
    let file = scratch.path().join("text.txt");
    std::fs::write(&file, "Kabul. ".repeat(20_000)).expect("the text file");
    for format in ["text", "json"] {
        let args = [
            "explain".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
            file.as_os_str(),
        ];
        assert_exits_0_into_a_closed_pipe(&args);
    }
}

#[test]
fn explain_shows_kept_and_dropped_candidates() {
    let out = canon(
        &["explain", "The Lion of Panchir and Kabul airports; afp."],
        "",
    );
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn eval_prints_the_reference_scorer_line() {
    let Some(seed) = shared("corpus/seed-france24-panjshir.gold.jsonl") else {
        return;
    };
    let seed = seed.to_string_lossy().into_owned();
    let out = canon(&["eval", "--gold", &seed, "--min-f1", "1.0"], "");
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "documents 1  gold 42  hits 42  false links 0  precision 1.000  recall 1.000  F1 1.000\n"
    );
}

#[test]
fn eval_lists_errors_like_score_py() {
    let gold = r#"{"id": "g", "text": "Kabul, Kaboul and Masson's cousin", "mentions": [{"start": 0, "end": 5, "entity": "kabul"}, {"start": 18, "end": 24, "text": "Masson", "entity": "ahmad-massoud"}, {"start": 7, "end": 13, "entity": "afghanistan"}]}"#;
    let scratch = crate::util::scratch();
    let dir = scratch.path();
    let path = dir.join("g.jsonl");
    std::fs::write(&path, gold).expect("write");
    let out = canon(
        &[
            "eval",
            "--gold",
            path.to_str().expect("utf-8"),
            "--min-f1",
            "0.9",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn check_reports_ten_mistakes_located() {
    let out = canon(&["check", "tests/data/gazetteers/ten-mistakes"], "");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(
        text.lines().count(),
        11,
        "ten errors and a summary:\n{text}"
    );
    assert!(text.ends_with("10 errors in 2 files\n"), "{text}");
}

#[test]
fn check_accepts_the_default_gazetteer() {
    let out = canon(&["check", "gazetteer"], "");
    assert!(out.status.success(), "{}", stdout(&out));
}

#[test]
fn link_with_an_invalid_gazetteer_exits_1_naming_the_place() {
    let out = canon(
        &[
            "link",
            "--gazetteer",
            "tests/data/gazetteers/broken/unknown-key.toml",
        ],
        "x",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown-key.toml:"));
}

#[test]
fn explain_shows_coreference_decisions() {
    let text = "Ahmad Massoud met AFP. His father, Commander Massoud, had fought. \
                Ahmad Shah Massoud died in 2001.\n\nMassoud's legacy endures.";
    let out = canon(&["explain", text], "");
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn explain_json_says_which_namesake_a_kinship_word_picks() {
    let text = "Ahmad Massoud is the son of Ahmad Shah Massoud.\n\n\
                The younger Massoud spoke; his father, Massoud, had died.";
    let out = canon(&["explain", "--format", "json", text], "");
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn output_is_the_same_at_any_thread_count() {
    let article = std::fs::read_to_string(crate::util::root().join("examples/panjshir-en.txt"))
        .expect("example");
    let input: String = (0..1500)
        .map(|i| {
            let text = if i % 7 == 3 {
                "Kaboul, l’AFP."
            } else {
                article.as_str()
            };
            format!("{}\n", serde_json::json!({"id": i, "text": text}))
        })
        .collect();
    let one = canon(&["link", "--input", "jsonl", "--threads", "1"], &input);
    let two = canon(&["link", "--input", "jsonl", "--threads", "2"], &input);
    assert!(one.status.success() && two.status.success());
    assert_eq!(stdout(&one).lines().count(), 1500);
    assert!(
        one.stdout == two.stdout,
        "output differs between 1 and 2 threads"
    );
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let scratch = crate::util::scratch();
    let dir = scratch.path();
    let target = dir.join("out.jsonl");
    std::fs::write(&target, "previous content\n").expect("write");
    let path = target.to_str().expect("utf-8");
    // A good run replaces the file.
    let out = canon(&["link", "--output", path], "Kabul");
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&target)
        .expect("read")
        .contains("\"entity\":\"kabul\""));
    // A run that fails (bad gazetteer) leaves it as it was, and no temporary.
    std::fs::write(&target, "previous content\n").expect("write");
    let bad = canon(
        &[
            "link",
            "--gazetteer",
            "tests/data/gazetteers/broken/unknown-key.toml",
            "-o",
            path,
        ],
        "Kabul",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "previous content\n"
    );
    let leftovers = std::fs::read_dir(dir).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}
