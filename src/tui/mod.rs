//! The terminal interface: app state, actions, key map, update, drawing.

use crate::analysis::Analysis;

/// Run the interactive reader until the user quits.
pub fn run(analysis: Analysis) -> anyhow::Result<()> {
    let _ = analysis;
    Ok(())
}
