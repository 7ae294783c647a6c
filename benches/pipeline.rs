//! Extraction throughput on the bundled seeds (repeated to a few hundred KB),
//! reported in bytes of article text per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::claims;
use crosscheck::corpus::{self, Source};

fn corpus() -> Vec<Source> {
    // The seeds loaded through the real loader, repeated so that one
    // iteration takes long enough to measure steadily.
    let seeds = corpus::load_seeds();
    let mut out = Vec::new();
    for _ in 0..20 {
        out.extend(seeds.iter().cloned());
    }
    out
}

fn extraction(c: &mut Criterion) {
    let sources = corpus();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("extract_all", |b| {
        b.iter(|| claims::extract_all(std::hint::black_box(&sources)))
    });
    g.finish();
}

fn analysis(c: &mut Criterion) {
    let sources = corpus::load_seeds();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("analyze_seeds", |b| {
        b.iter(|| crosscheck::analyze(std::hint::black_box(sources.clone())))
    });
    g.finish();
}

criterion_group!(benches, extraction, analysis);
criterion_main!(benches);
