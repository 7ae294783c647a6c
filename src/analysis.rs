//! The immutable result of the pipeline, shared by the report and the TUI.

use crate::claims::{self, Claim};
use std::sync::Arc;

use crate::compare::{self, Aligner, Finding, SharedCopy};
use crate::corpus::Source;

/// Everything the report and the TUI read. Built once, never mutated.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub sources: Vec<Source>,
    /// All claims of all sources; findings refer to them by index.
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// Source pairs that share long passages (wire copy), with a score in 0..=1.
    pub shared_copy: Vec<SharedCopy>,
    /// Sentence index over all sources, built once: the comparison uses it
    /// and the TUI's aligned view and finding details reuse it.
    pub aligner: Arc<Aligner>,
}

/// Run extraction and comparison over loaded sources.
pub fn analyze(sources: Vec<Source>) -> Analysis {
    let claims = claims::extract_all(&sources);
    Analysis::compare(sources, claims)
}

impl Analysis {
    /// Compare already extracted claims (tests and tools that hand-make
    /// claims use this; `analyze` extracts them first).
    pub fn compare(sources: Vec<Source>, claims: Vec<Claim>) -> Analysis {
        let aligner = Aligner::new(&sources, &claims);
        let comparison = compare::compare_with(&sources, &claims, &aligner);
        Analysis {
            sources,
            claims,
            findings: comparison.findings,
            shared_copy: comparison.shared_copy,
            aligner: Arc::new(aligner),
        }
    }

    /// Claims of one finding, in the finding's order.
    pub fn claims_of<'a>(&'a self, finding: &'a Finding) -> impl Iterator<Item = &'a Claim> + 'a {
        finding.claims.iter().map(move |&i| &self.claims[i])
    }
}
