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
