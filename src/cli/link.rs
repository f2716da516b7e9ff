//! `canon link`: annotate documents, streaming, one output line per document.

use super::input::{InputArgs, Job};
use super::progress::Progress;
use super::{LinkerArgs, Outcome};
use anyhow::Context;
use canon::output::{self, WireDocument};
use canon::Linker;
use clap::{Args, ValueEnum};
use std::io::{self, BufWriter, Write};

#[derive(Debug, Args)]
pub(crate) struct LinkArgs {
    #[command(flatten)]
    linker: LinkerArgs,
    #[command(flatten)]
    input: InputArgs,
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
        None => link_all(&args, linker, &pool, BufWriter::new(io::stdout().lock())),
        Some(path) => canon::write_atomically(path, |file| {
            link_all(&args, linker, &pool, BufWriter::new(file))
        })
        .with_context(|| format!("cannot write {}", path.display())),
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
    args.input.read(&mut |job| batch.push(job))?;
    batch.flush()?;
    batch.out.flush().context("cannot write the output")?;
    batch.progress.finish();
    Ok(if batch.all_valid {
        Outcome::Success
    } else {
        Outcome::Invalid
    })
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
            if let Job::Invalid {
                file,
                line,
                message,
            } = job
            {
                self.all_valid = false;
                eprintln!("canon: {}: {message}", Job::place(file, *line));
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
            file,
            line: Some(n),
            message,
        } => {
            let mut answer = serde_json::json!({"line": n, "error": message});
            if file != "-" {
                answer["file"] = serde_json::Value::String(file.clone());
            }
            serde_json::to_vec(&answer)?
        }
        Job::Invalid { line: None, .. } => return Ok(Vec::new()),
    };
    line.push(b'\n');
    Ok(line)
}
