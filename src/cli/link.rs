//! `canon link`: annotate documents, streaming, one output line per document.

use super::{read_text, LinkerArgs, Outcome};
use anyhow::Context;
use canon::output::{self, WireDocument};
use canon::Linker;
use clap::{Args, ValueEnum};
use serde_json::{Map, Value};
use std::io::{self, BufRead, BufReader, BufWriter, Write};

#[derive(Debug, Args)]
pub(crate) struct LinkArgs {
    #[command(flatten)]
    linker: LinkerArgs,
    /// How documents arrive: each FILE one document, or JSON Lines of
    /// {"id", "text", ...} whose other fields pass through.
    #[arg(long, value_enum, default_value_t = Input::Text)]
    input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per document: {"id", "mentions": [...]}.
    Jsonl,
}

pub(crate) fn run(args: LinkArgs) -> anyhow::Result<Outcome> {
    let linker = args.linker.linker()?;
    let mut out = BufWriter::new(io::stdout().lock());
    let stdin = ["-".to_string()];
    let files = if args.files.is_empty() {
        &stdin[..]
    } else {
        &args.files[..]
    };
    let mut all_valid = true;
    for path in files {
        all_valid &= match args.input {
            Input::Text => link_text_file(&linker, path, &mut out)?,
            Input::Jsonl => link_jsonl_file(&linker, path, &mut out)?,
        };
    }
    out.flush().context("cannot write the output")?;
    Ok(if all_valid {
        Outcome::Success
    } else {
        Outcome::Invalid
    })
}

/// Links one text document; reports an unreadable one and returns false.
fn link_text_file(linker: &Linker, path: &str, out: &mut impl Write) -> anyhow::Result<bool> {
    let text = match read_text(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("canon: {err:#}");
            return Ok(false);
        }
    };
    let mut fields = Map::new();
    fields.insert("id".into(), Value::String(path.to_string()));
    write_document(out, linker, &fields, &text)?;
    Ok(true)
}

/// Links every line of a JSON Lines file. A bad line is reported on
/// standard error and answered by `{"line": N, "error": ...}` so that output
/// lines still match input lines; returns false if there was one.
fn link_jsonl_file(linker: &Linker, path: &str, out: &mut impl Write) -> anyhow::Result<bool> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {path}"));
        match file {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(err) => {
                eprintln!("canon: {err:#}");
                return Ok(false);
            }
        }
    };
    let mut all_valid = true;
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.with_context(|| format!("cannot read {path}"))?;
        let line_no = n + 1;
        let doc = std::str::from_utf8(&line)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
            .and_then(|l| {
                let l = l.trim_end_matches('\r');
                if l.trim().is_empty() {
                    Ok(None)
                } else {
                    parse_document(l).map(Some)
                }
            });
        match doc {
            Ok(None) => {}
            Ok(Some((fields, text))) => write_document(out, linker, &fields, &text)?,
            Err(message) => {
                all_valid = false;
                eprintln!("canon: {path}:{line_no}: {message}");
                let mut err = Map::new();
                err.insert("line".into(), line_no.into());
                err.insert("error".into(), message.into());
                write_line(out, &err)?;
            }
        }
    }
    Ok(all_valid)
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

/// Links `text` and writes the document line: `fields` with canon's mentions.
fn write_document(
    out: &mut impl Write,
    linker: &Linker,
    fields: &Map<String, Value>,
    text: &str,
) -> anyhow::Result<()> {
    let mentions = linker.link(text);
    let doc = WireDocument {
        fields,
        mentions: output::wire_mentions(text, &mentions),
    };
    write_line(out, &doc)
}

fn write_line(out: &mut impl Write, doc: &impl serde::Serialize) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, doc).context("cannot write the output")?;
    out.write_all(b"\n").context("cannot write the output")
}
