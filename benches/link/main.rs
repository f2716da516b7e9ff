//! Criterion benchmarks: linking throughput in bytes of text, and gazetteer
//! compilation, on the embedded gazetteer and on generated ones. Each
//! benchmark checks its answer (the number of mentions), so a fast wrong
//! linker does not pass. In CI it runs once in test mode.

mod corpus;

use canon::{Gazetteer, Linker};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

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

fn link_generated(c: &mut Criterion) {
    let mut group = c.benchmark_group("link/generated-gazetteer");
    group.sample_size(10);
    for entities in [1_000, 20_000] {
        let (toml, names) = corpus::gazetteer(entities, 7);
        let gazetteer = Gazetteer::from_toml("generated.toml", &toml).expect("generated gazetteer");
        let linker = Linker::new(gazetteer).expect("linker");
        let text = corpus::article(&names, 1 << 20, 11);
        let expected = linker.link(&text).len();
        assert!(
            expected > 1_000,
            "the generated article mentions its entities"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(entities), &text, |b, text| {
            b.iter(|| assert_eq!(linker.link(black_box(text)).len(), expected))
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("default-gazetteer", |b| {
        b.iter(|| Linker::new(Gazetteer::embedded()).expect("linker"))
    });
    let (toml, _) = corpus::gazetteer(20_000, 7);
    group.bench_function("generated-20k", |b| {
        b.iter(|| {
            let g = Gazetteer::from_toml("generated.toml", &toml).expect("gazetteer");
            assert_eq!(g.len(), 20_000);
            Linker::new(g).expect("linker")
        })
    });
    group.finish();
}

criterion_group!(benches, link_default, link_generated, build);
criterion_main!(benches);
