//! `canon link`: annotate documents, streaming, one output line per document.

use super::progress::Progress;
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
    /// Worker threads (0: one per core). Output keeps input order.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Write to FILE instead of standard output (through a temporary file
    /// renamed at the end, so FILE is never left half-written).
    #[arg(long, short, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// No progress bar (shown on standard error only when it is a terminal).
    #[arg(long, short)]
    quiet: bool,
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
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .context("cannot start the worker threads")?;
    match &args.output {
        None => link_all(&args, &linker, &pool, BufWriter::new(io::stdout().lock())),
        Some(path) => {
            // Written beside the target, then renamed over it: an
            // interrupted run never leaves a half-written file in its place.
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let temporary =
                path.with_file_name(format!(".{name}.canon-{}.tmp", std::process::id()));
            let file = std::fs::File::create(&temporary)
                .with_context(|| format!("cannot create {}", temporary.display()))?;
            let outcome = link_all(&args, &linker, &pool, BufWriter::new(&file))
                .and_then(|outcome| file.sync_all().map(|()| outcome).map_err(Into::into))
                .and_then(|outcome| {
                    std::fs::rename(&temporary, path)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    Ok(outcome)
                });
            if outcome.is_err() {
                let _ = std::fs::remove_file(&temporary);
            }
            outcome
        }
    }
}

/// Links every input into `out`.
fn link_all(
    args: &LinkArgs,
    linker: &Linker,
    pool: &rayon::ThreadPool,
    out: impl Write,
) -> anyhow::Result<Outcome> {
    let mut batch = Batch {
        linker,
        pool,
        out,
        jobs: Vec::new(),
        bytes: 0,
        all_valid: true,
        progress: Progress::new(args.quiet),
    };
    let stdin = ["-".to_string()];
    let files = if args.files.is_empty() {
        &stdin[..]
    } else {
        &args.files[..]
    };
    for path in files {
        match args.input {
            Input::Text => batch.push(text_job(path))?,
            Input::Jsonl => jsonl_jobs(path, &mut batch)?,
        }
    }
    batch.flush()?;
    batch.out.flush().context("cannot write the output")?;
    batch.progress.finish();
    Ok(if batch.all_valid {
        Outcome::Success
    } else {
        Outcome::Invalid
    })
}

/// One unit of work, in input order.
enum Job {
    /// A document to link: its fields (`id` and what passes through) and text.
    Document {
        fields: Map<String, Value>,
        text: String,
    },
    /// Input that is not a document: reported on standard error, and
    /// answered by `{"line": N, "error": ...}` when it was a JSON Lines line,
    /// so that output lines still match input lines.
    Invalid {
        place: String,
        line: Option<usize>,
        message: String,
    },
}

/// Documents are linked a batch at a time, in parallel, and written in
/// input order: memory holds one batch, whatever the corpus size.
struct Batch<'a, W: Write> {
    linker: &'a Linker,
    pool: &'a rayon::ThreadPool,
    out: W,
    jobs: Vec<Job>,
    bytes: usize,
    all_valid: bool,
    progress: Progress,
}

/// Most documents, and bytes of text, a batch holds.
const BATCH_DOCUMENTS: usize = 512;
const BATCH_BYTES: usize = 32 << 20;

impl<W: Write> Batch<'_, W> {
    fn push(&mut self, job: Job) -> anyhow::Result<()> {
        if let Job::Document { text, .. } = &job {
            self.bytes += text.len();
        }
        self.jobs.push(job);
        if self.jobs.len() >= BATCH_DOCUMENTS || self.bytes >= BATCH_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        use rayon::prelude::*;
        let linker = self.linker;
        let lines: Vec<serde_json::Result<Vec<u8>>> = self.pool.install(|| {
            self.jobs
                .par_iter()
                .map(|job| render(linker, job))
                .collect()
        });
        for (job, line) in self.jobs.iter().zip(lines) {
            if let Job::Invalid { place, message, .. } = job {
                self.all_valid = false;
                eprintln!("canon: {place}: {message}");
            }
            let line = line.context("cannot encode the output")?;
            self.out
                .write_all(&line)
                .context("cannot write the output")?;
        }
        self.progress.add(self.jobs.len(), self.bytes);
        self.jobs.clear();
        self.bytes = 0;
        Ok(())
    }
}

/// The output line of a job (empty for an unreadable text file).
fn render(linker: &Linker, job: &Job) -> serde_json::Result<Vec<u8>> {
    let mut line = match job {
        Job::Document { fields, text } => {
            let mentions = linker.link(text);
            let doc = WireDocument {
                fields,
                mentions: output::wire_mentions(text, &mentions),
            };
            serde_json::to_vec(&doc)?
        }
        Job::Invalid {
            line: Some(n),
            message,
            ..
        } => serde_json::to_vec(&serde_json::json!({"line": n, "error": message}))?,
        Job::Invalid { line: None, .. } => return Ok(Vec::new()),
    };
    line.push(b'\n');
    Ok(line)
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
            place: path.to_string(),
            line: None,
            message: format!("{err:#}"),
        },
    }
}

/// Every line of a JSON Lines file as a job; blank lines are skipped.
fn jsonl_jobs<W: Write>(path: &str, batch: &mut Batch<'_, W>) -> anyhow::Result<()> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(err) => {
                let message = format!("cannot read {path}: {err}");
                return batch.push(Job::Invalid {
                    place: path.to_string(),
                    line: None,
                    message,
                });
            }
        }
    };
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.with_context(|| format!("cannot read {path}"))?;
        let parsed = std::str::from_utf8(&line)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
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
            Ok(Some((fields, text))) => batch.push(Job::Document { fields, text })?,
            Err(message) => batch.push(Job::Invalid {
                place: format!("{path}:{}", n + 1),
                line: Some(n + 1),
                message,
            })?,
        }
    }
    Ok(())
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
