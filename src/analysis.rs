//! The immutable result of the pipeline, shared by the report and the TUI.

use crate::claims::{self, Claim};
use crate::compare::{self, Finding, SharedCopy};
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
}

/// Run extraction and comparison over loaded sources.
pub fn analyze(sources: Vec<Source>) -> Analysis {
    let claims = claims::extract_all(&sources);
    let comparison = compare::compare(&sources, &claims);
    Analysis {
        sources,
        claims,
        findings: comparison.findings,
        shared_copy: comparison.shared_copy,
    }
}

impl Analysis {
    /// Claims of one finding, in the finding's order.
    pub fn claims_of<'a>(&'a self, finding: &'a Finding) -> impl Iterator<Item = &'a Claim> + 'a {
        finding.claims.iter().map(move |&i| &self.claims[i])
    }
}
