//! HTML article extraction (filled in later).

pub(crate) struct Page {
    pub title: Option<String>,
    pub text: String,
}

pub(crate) fn extract(html: &str) -> Page {
    Page {
        title: None,
        text: html.to_string(),
    }
}
