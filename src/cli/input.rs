//! Documents to read, as `link` and `suggest` take them: text files, or
//! JSON Lines of `{"id", "text", ...}`; standard input by default.

use super::read_text;
use clap::{Args, ValueEnum};
use serde_json::{Map, Value};
use std::io::{self, BufRead, BufReader};

/// Where documents come from and how they are written.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// How documents arrive: each FILE one document, or JSON Lines of
    /// {"id", "text", ...} whose other fields pass through.
    #[arg(long, value_enum, default_value_t = Input::Text)]
    input: Input,
    /// Documents to read; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Input {
    /// Each file is one document; its id is the path as given.
    Text,
    /// Each line is a JSON document with "id" and "text".
    Jsonl,
}

impl InputArgs {
    /// Every document (or input that is not one) in input order, to `push`.
    pub(crate) fn read(
        &self,
        push: &mut impl FnMut(Job) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let stdin = ["-".to_string()];
        let files = if self.files.is_empty() {
            &stdin[..]
        } else {
            &self.files[..]
        };
        for path in files {
            match self.input {
                Input::Text => push(text_job(path))?,
                Input::Jsonl => jsonl_jobs(path, push)?,
            }
        }
        Ok(())
    }
}

/// One unit of work, in input order.
pub(crate) enum Job {
    /// A document to link: its fields (`id` and what passes through) and text.
    Document {
        fields: Map<String, Value>,
        text: String,
    },
    /// Input that is not a document: reported on standard error, and
    /// answered by `{"line": N, "error": ...}` when it was a JSON Lines line,
    /// so that output lines still match input lines.
    Invalid {
        file: String,
        line: Option<usize>,
        message: String,
    },
}

impl Job {
    /// Where an invalid input is: `file` or `file:line`.
    pub(crate) fn place(file: &str, line: Option<usize>) -> String {
        match line {
            Some(n) => format!("{file}:{n}"),
            None => file.to_string(),
        }
    }
}

/// A text file as one document, its id the path as given.
fn text_job(path: &str) -> Job {
    match read_text(path) {
        Ok(text) => {
            let mut fields = Map::new();
            fields.insert("id".into(), Value::String(path.to_string()));
            Job::Document { fields, text }
        }
        Err(err) => Job::Invalid {
            file: path.to_string(),
            line: None,
            message: format!("{err:#}"),
        },
    }
}

/// Every line of a JSON Lines file as a job; blank lines are skipped, and a
/// byte order mark before the first line is ignored (RFC 8259 allows it). A
/// file that cannot be read, or stops being readable, is reported and the
/// next file is read.
fn jsonl_jobs(path: &str, push: &mut impl FnMut(Job) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(err) => return push(unreadable(path, &err.to_string())),
        }
    };
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(err) => return push(unreadable(path, &format!("line {}: {err}", n + 1))),
        };
        let line = match (n, line.strip_prefix(b"\xEF\xBB\xBF")) {
            (0, Some(rest)) => rest,
            _ => &line[..],
        };
        let parsed = std::str::from_utf8(line)
            .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))
            .map(|l| l.trim_end_matches('\r'))
            .and_then(|l| {
                if l.trim().is_empty() {
                    Ok(None)
                } else {
                    parse_document(l).map(Some)
                }
            });
        match parsed {
            Ok(None) => {}
            Ok(Some((fields, text))) => push(Job::Document { fields, text })?,
            Err(message) => push(Job::Invalid {
                file: path.to_string(),
                line: Some(n + 1),
                message,
            })?,
        }
    }
    Ok(())
}

/// The job reporting that `path` could not be read (`why`): it has no
/// output line, since there is no line to answer.
fn unreadable(path: &str, why: &str) -> Job {
    Job::Invalid {
        file: path.to_string(),
        line: None,
        message: format!("cannot read: {why}"),
    }
}

/// A JSON Lines document and its text, or what is wrong with it.
fn parse_document(line: &str) -> Result<(Map<String, Value>, String), String> {
    let doc: Map<String, Value> = match serde_json::from_str(line) {
        Ok(Value::Object(doc)) => doc,
        Ok(_) => return Err("not a JSON object".into()),
        Err(e) => return Err(format!("invalid JSON: {e}")),
    };
    match doc.get("id") {
        Some(Value::String(_) | Value::Number(_)) => {}
        Some(_) => return Err("\"id\" must be a string or a number".into()),
        None => return Err("missing \"id\"".into()),
    }
    let text = match doc.get("text") {
        Some(Value::String(t)) => t.clone(),
        Some(_) => return Err("\"text\" must be a string".into()),
        None => return Err("missing \"text\"".into()),
    };
    Ok((doc, text))
}
