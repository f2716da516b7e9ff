//! Criterion benchmarks: linking throughput in bytes of text, and gazetteer
//! compilation, on the embedded gazetteer and on generated ones of 1k, 100k
//! and 1M entities (`examples/generate/`, the same data as `cargo run
//! --example generate`). Each benchmark checks its answer (the number of
//! mentions, and enough of the gold), so a fast wrong linker does not pass.
//! In CI it runs once in test mode.
//!
//! Sizes: `CANON_BENCH_SIZES=1k,100k,1m` (default `1k,100k`, about ten
//! seconds in test mode; the 1M gazetteer takes a while to build).

#[path = "../../examples/generate/mod.rs"]
mod generate;

use canon::eval::{predict, score_document, Totals};
use canon::{Gazetteer, Linker};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

/// Documents linked per size (about 1 MB of text).
const DOCUMENTS: usize = 500;

/// Least recall on the gold at any size: the figures measured at the seed
/// are higher (see README), this catches a linker that stopped finding.
const MIN_RECALL: f64 = 0.7;

fn example(copies: usize) -> String {
    let one = include_str!("../../examples/panjshir-en.txt");
    let mut text = String::with_capacity(one.len() * copies);
    for _ in 0..copies {
        text.push_str(one);
        text.push('\n');
    }
    text
}

fn link_default(c: &mut Criterion) {
    let linker = Linker::new(Gazetteer::embedded()).expect("linker");
    let per_copy = linker.link(&example(1)).len();
    assert!(per_copy > 20, "the example article mentions many entities");
    let mut group = c.benchmark_group("link/default-gazetteer");
    for copies in [1, 400] {
        let text = example(copies);
        // Bare surnames depend on what came before (in a second copy both
        // Massouds are known, and canon abstains), so the count is pinned
        // on the text itself, and must be close to per copy.
        let expected = linker.link(&text).len();
        assert!(
            expected * 10 >= per_copy * copies * 9,
            "{expected} mentions"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(text.len()), &text, |b, text| {
            b.iter(|| assert_eq!(linker.link(black_box(text)).len(), expected))
        });
    }
    group.finish();
}

/// The gazetteer sizes asked for, with their labels.
fn sizes() -> Vec<(&'static str, usize)> {
    let asked = std::env::var("CANON_BENCH_SIZES").unwrap_or_else(|_| "1k,100k".into());
    [("1k", 1_000), ("100k", 100_000), ("1m", 1_000_000)]
        .into_iter()
        .filter(|(label, _)| {
            asked
                .split(',')
                .any(|a| a.trim().eq_ignore_ascii_case(label))
        })
        .collect()
}

/// Mentions found in every document, and the totals against the gold.
fn link_all(linker: &Linker, documents: &[generate::corpus::Document]) -> (usize, Totals) {
    let mut found = 0;
    let mut totals = Totals::default();
    for doc in documents {
        let predicted = predict(linker, &doc.text);
        found += predicted.len();
        totals.add(&score_document(&doc.mentions, &predicted));
    }
    (found, totals)
}

fn generated(c: &mut Criterion) {
    for (label, entities) in sizes() {
        let data = generate::dataset(entities, DOCUMENTS, 7);
        let mut build = c.benchmark_group("build");
        build.sample_size(10);
        build.bench_function(BenchmarkId::new("parse", label), |b| {
            b.iter(|| {
                let gazetteer = Gazetteer::from_toml("generated.toml", &data.gazetteer);
                assert_eq!(gazetteer.expect("generated gazetteer").len(), entities)
            })
        });
        let gazetteer =
            Gazetteer::from_toml("generated.toml", &data.gazetteer).expect("generated gazetteer");
        build.bench_function(BenchmarkId::new("linker", label), |b| {
            b.iter_batched(
                || gazetteer.clone(),
                |g| Linker::new(g).expect("linker"),
                BatchSize::LargeInput,
            )
        });
        build.finish();

        let linker = Linker::new(gazetteer).expect("linker");
        let (expected, totals) = link_all(&linker, &data.documents);
        assert!(
            totals.recall() >= MIN_RECALL,
            "{label}: recall {:.3} on the generated gold ({totals})",
            totals.recall()
        );
        let bytes: usize = data.documents.iter().map(|d| d.text.len()).sum();
        let mut link = c.benchmark_group("link");
        link.sample_size(10);
        link.throughput(Throughput::Bytes(bytes as u64));
        link.bench_function(label, |b| {
            b.iter(|| {
                let found: usize = data
                    .documents
                    .iter()
                    .map(|d| linker.link(black_box(&d.text)).len())
                    .sum();
                assert_eq!(found, expected)
            })
        });
        link.finish();
    }
}

criterion_group!(benches, link_default, generated);
criterion_main!(benches);
