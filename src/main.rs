//! The `crosscheck` command line: the TUI, `export` and `claims`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crosscheck::claims::Topic;
use crosscheck::compare::Verdict;
use crosscheck::corpus::{self, LoadError, Source};
use crosscheck::report::{self, ExportFormat, Filter, Reviews};
use crosscheck::review::ReviewStore;
use crosscheck::tui::keymap::KeyMapError;
use crosscheck::{Analysis, analyze};

const EXIT_HELP: &str = "\
Exit status:
  0  success
  1  internal error
  2  bad usage or unreadable input (the message names the file and the problem)";

/// Compare news articles about one event, claim by claim.
///
/// Opens the articles side by side in a terminal reader and highlights where
/// they agree, contradict each other, or where only one says something.
/// With no PATH, opens the three bundled seed articles. When standard output
/// is not a terminal, prints the Markdown report instead.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, after_help = EXIT_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Articles (.txt, .md, .markdown, .html, .htm) or directories of articles
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the discrepancy report (JSON, CSV or Markdown)
    #[command(after_help = EXIT_HELP)]
    Export {
        /// Output format
        #[arg(short, long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write to FILE (atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Keep only these verdicts (comma-separated: conflict,partial,variant,unique,agree)
        #[arg(long, value_delimiter = ',', value_parser = parse_verdict)]
        verdict: Vec<Verdict>,
        /// Keep only these topics (comma-separated, e.g. killed,wounded)
        #[arg(long, value_delimiter = ',', value_parser = parse_topic)]
        topic: Vec<Topic>,
        /// Articles or directories (default: the bundled seeds)
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List every claim extracted from each source, with its location
    #[command(after_help = EXIT_HELP)]
    Claims {
        /// Output format
        #[arg(short, long, value_enum, default_value = "table")]
        format: ClaimsFormat,
        /// Articles or directories (default: the bundled seeds)
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ClaimsFormat {
    Table,
    Json,
}

fn parse_verdict(s: &str) -> Result<Verdict, String> {
    Verdict::parse(s).ok_or_else(|| {
        let all: Vec<_> = Verdict::ALL.iter().map(|v| v.as_str()).collect();
        format!(
            "unknown verdict '{s}' (expected one of: {})",
            all.join(", ")
        )
    })
}

fn parse_topic(s: &str) -> Result<Topic, String> {
    Topic::parse(s).ok_or_else(|| {
        let all: Vec<_> = Topic::ALL.iter().map(|t| t.as_str()).collect();
        format!("unknown topic '{s}' (expected one of: {})", all.join(", "))
    })
}

/// Errors that map to exit status 2 rather than 1.
#[derive(Debug, thiserror::Error)]
enum UsageError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0}")]
    Other(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A bad user key map is bad input too: the message names the file.
            let usage = err.downcast_ref::<UsageError>().is_some()
                || err.downcast_ref::<KeyMapError>().is_some();
            eprintln!("crosscheck: {err:#}");
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn load(paths: &[PathBuf]) -> anyhow::Result<Analysis> {
    Ok(analyze(load_sources(paths)?))
}

/// The articles at `paths` (none: the bundled seeds), with load warnings
/// printed to stderr.
fn load_sources(paths: &[PathBuf]) -> anyhow::Result<Vec<Source>> {
    let sources = if paths.is_empty() {
        corpus::load_seeds()
    } else {
        corpus::load_paths(paths).map_err(UsageError::from)?
    };
    for source in &sources {
        for warning in &source.warnings {
            eprintln!(
                "crosscheck: warning: {}: {warning}",
                corpus::display_path(&source.path)
            );
        }
    }
    Ok(sources)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        None => {
            let analysis = load(&cli.paths)?;
            if std::io::stdout().is_terminal() {
                crosscheck::tui::run(analysis)
            } else {
                let reviews = Reviews::default();
                let text =
                    report::render(&analysis, &reviews, &Filter::default(), ExportFormat::Md);
                write_stdout(&text)
            }
        }
        Some(Command::Export {
            format,
            output,
            verdict,
            topic,
            paths,
        }) => {
            let analysis = load(&paths)?;
            let reviews = saved_reviews(&analysis);
            let filter = Filter {
                verdicts: verdict,
                topics: topic,
            };
            let text = report::render(&analysis, &reviews, &filter, format);
            match output {
                None => write_stdout(&text),
                Some(path) => {
                    let inputs: Vec<PathBuf> =
                        analysis.sources.iter().map(|s| s.path.clone()).collect();
                    report::write_atomic(&path, text.as_bytes(), &inputs)
                        .map_err(|e| UsageError::Other(e.to_string()))?;
                    Ok(())
                }
            }
        }
        Some(Command::Claims { format, paths }) => {
            // Extraction only: listing claims needs no comparison.
            let sources = load_sources(&paths)?;
            let claims = crosscheck::claims::extract_all(&sources);
            let text = match format {
                ClaimsFormat::Table => crosscheck::claims::render_table(&sources, &claims),
                ClaimsFormat::Json => crosscheck::claims::render_json(&sources, &claims),
            };
            write_stdout(&text)
        }
    }
}

/// Reviews saved from the reader for this corpus. Exports still work when
/// the store cannot be read: the problem is reported as a warning.
fn saved_reviews(analysis: &Analysis) -> Reviews {
    match ReviewStore::open(&analysis.sources) {
        Ok((store, warning)) => {
            if let Some(w) = warning {
                eprintln!("crosscheck: warning: {w}");
            }
            store.reviews().clone()
        }
        Err(e) => {
            eprintln!("crosscheck: warning: reviews not loaded: {e}");
            Reviews::default()
        }
    }
}

/// Write to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("writing to standard output"),
    }
}
