//! Name mentions: capitalised sequences (with particles al-, bin, van, de...),
//! titles stripped, typed with the gazetteer and keyword lists. No clustering
//! of spelling variants here: that is the comparison's job.

use super::lexicon::{LEX, Lexicon, key_of};
use super::tokens::{Kind, Tok, glued};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Org,
    Place,
    Other,
}

impl NameKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Org => "org",
            NameKind::Place => "place",
            NameKind::Other => "name",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Mention {
    /// Token range of the name (title excluded).
    pub start: usize,
    pub end: usize,
    /// Byte range in the sentence text.
    pub span: std::ops::Range<usize>,
    pub surface: String,
    pub kind: NameKind,
    /// Preceded by a person title ("General", "Prime Minister", "spokesman").
    pub titled: bool,
    /// Canonical actor from the gazetteer ("Russia" for "Kremlin").
    pub canonical: Option<String>,
    /// The title written before a person's name ("Field Marshal", "Gen.").
    pub title: Option<String>,
}

/// Normalised key of a name: ASCII, lower case, particles' hyphens as spaces.
pub fn name_key(s: &str) -> String {
    deunicode::deunicode(s)
        .to_lowercase()
        .replace(['-', '\''], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Last word of a name without particles ("al-Mesmari" -> "mesmari").
pub fn last_key(s: &str) -> String {
    let k = name_key(s);
    k.rsplit(' ').next().unwrap_or("").to_string()
}

fn is_name_word(t: &Tok, lex: &Lexicon) -> bool {
    t.kind == Kind::Word
        && t.cap
        && t.lower != "'s"
        && !lex.weekdays.contains_key(&t.lower)
        && !(lex.months.contains_key(&t.lower) && t.lower.len() > 3)
}

fn is_title(toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    let t = &toks[i];
    t.kind == Kind::Word && lex.titles.contains(&t.lower)
}

/// Title-case headline: no closing punctuation and most words capitalised.
/// Names there are unreliable.
pub fn is_headline(toks: &[Tok]) -> bool {
    if toks
        .last()
        .is_some_and(|t| matches!(t.lower.as_str(), "." | "!" | "?" | "\"" | "”" | "'" | "’"))
    {
        return false;
    }
    let words: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word && t.lower.len() > 3)
        .collect();
    words.len() >= 4 && words.iter().filter(|t| t.cap).count() * 10 >= words.len() * 8
}

/// Whether token `k` is the first word of its sentence or of a quote or
/// clause opened inside it (`said: "Nobody ...`), where any word is
/// capitalised.
pub fn opens_clause(toks: &[Tok], k: usize) -> bool {
    let first = toks
        .iter()
        .position(|t| t.kind == Kind::Word || t.kind == Kind::Num);
    if first.is_none_or(|f| k <= f) {
        return true;
    }
    matches!(
        toks[k - 1].lower.as_str(),
        "\"" | "“" | "‘" | "'" | ":" | "(" | "[" | "—" | "–"
    )
}

/// Find name mentions in one sentence.
pub fn find_names(text: &str, toks: &[Tok]) -> Vec<Mention> {
    let lex = &*LEX;
    let mut out = Vec::new();
    let mut i = 0;
    let headline = is_headline(toks);
    while i < toks.len() {
        if !is_name_word(&toks[i], lex) {
            i += 1;
            continue;
        }
        // Raw capitalised run, with particles, hyphens and "of" inside org names.
        let mut j = i + 1;
        while let Some(t) = toks.get(j) {
            let hyphen_join = t.lower == "-"
                && glued(toks, j)
                && glued(toks, j + 1)
                && toks.get(j + 1).is_some_and(|n| n.kind == Kind::Word);
            if hyphen_join {
                j += 2;
                continue;
            }
            let title_dot = t.lower == "." && glued(toks, j) && is_title(toks, j - 1, lex);
            // Middle initials: "Robert J. Pickell", "Rusli M. Saleh".
            let initial_dot = t.lower == "."
                && glued(toks, j)
                && toks[j - 1].cap
                && toks[j - 1].lower.chars().count() == 1
                && toks.get(j + 1).is_some_and(|n| is_name_word(n, lex));
            let particle = t.kind == Kind::Word
                && !t.cap
                && lex.particles.contains(&t.lower)
                && toks.get(j + 1).is_some_and(|n| {
                    (n.lower == "-" && glued(toks, j + 1)) || is_name_word(n, lex)
                });
            let of_join = (t.lower == "of" || t.lower == "for")
                && !headline
                && (lex.org_words.contains(&toks[j - 1].lower)
                    || lex.titles.contains(&toks[j - 1].lower)
                    || matches!(
                        toks[j - 1].lower.as_str(),
                        "republic" | "kingdom" | "league" | "states" | "government"
                    ))
                && toks.get(j + 1).is_some_and(|n| is_name_word(n, lex));
            if (is_name_word(t, lex) && !headline)
                || title_dot
                || initial_dot
                || particle
                || of_join
            {
                j += 1;
            } else {
                break;
            }
        }
        // Drop a trailing particle or hyphen.
        while j > i
            && (toks[j - 1].lower == "-"
                || lex.particles.contains(&toks[j - 1].lower) && !toks[j - 1].cap)
        {
            j -= 1;
        }
        split_run(text, toks, i, j, lex, &mut out);
        i = j.max(i + 1);
    }
    out
}

/// Split a capitalised run at titles and stop words, type each piece.
fn split_run(text: &str, toks: &[Tok], i: usize, j: usize, lex: &Lexicon, out: &mut Vec<Mention>) {
    let mut k = i;
    let mut titled = false;
    let mut title_start = i;
    while k < j {
        // Skip stop words and titles (with their dots and "of State").
        if lex.stop.contains(&toks[k].lower) && toks[k].kind == Kind::Word {
            k += 1;
            titled = false;
            continue;
        }
        if is_title(toks, k, lex)
            || (toks[k].lower == "." && titled)
            || (titled && toks[k].lower == "-")
            || (titled && toks[k].lower == "of")
        {
            // A title word is a title only if a name follows within the run.
            if !titled {
                title_start = k;
            }
            titled = true;
            k += 1;
            continue;
        }
        // A piece runs until the next title word (that has a name after it).
        let mut e = k + 1;
        while e < j {
            if is_title(toks, e, lex) && e + 1 < j && !lex.org_words.contains(&toks[e].lower) {
                break;
            }
            e += 1;
        }
        let before = out.len();
        push_mention(text, toks, k, e, titled, lex, out);
        if titled
            && out.len() > before
            && let Some(m) = out.last_mut()
        {
            m.title = Some(text[toks[title_start].start..toks[k - 1].end].to_string());
        }
        titled = false;
        k = e;
    }
}

fn push_mention(
    text: &str,
    toks: &[Tok],
    s: usize,
    e: usize,
    titled: bool,
    lex: &Lexicon,
    out: &mut Vec<Mention>,
) {
    let words: Vec<String> = toks[s..e].iter().map(|t| t.lower.clone()).collect();
    let surface = text[toks[s].start..toks[e - 1].end].to_string();
    let key = key_of(&words);
    let single = e - s == 1;
    if single && lex.demonyms.contains_key(&words[0]) && !lex.gazetteer.contains_key(&key) {
        return; // "Libyan", "Western": adjectives
    }
    let (kind, canonical) = if let Some(p) = lex.gazetteer.get(&key) {
        let kind = if p.kind == "org" {
            NameKind::Org
        } else {
            NameKind::Place
        };
        (kind, Some(p.canonical.clone()))
    } else {
        let last = words.last().map(String::as_str).unwrap_or("");
        let locative = s > 0
            && matches!(
                toks[s - 1].lower.as_str(),
                "in" | "at"
                    | "near"
                    | "from"
                    | "to"
                    | "across"
                    | "outside"
                    | "inside"
                    | "around"
                    | "towards"
                    | "toward"
                    | "into"
            );
        // "in Haftar's ..." is not a place.
        let locative = locative && toks.get(e).is_none_or(|t| t.lower != "'s");
        let place_after = toks
            .get(e)
            .is_some_and(|t| !t.cap && lex.scope_place_words.contains(&t.lower));
        let kind = if lex.org_words.contains(last)
            || (words.len() > 2 && words.iter().any(|w| lex.org_words.contains(w)))
        {
            NameKind::Org
        } else if lex.place_words.contains(last) || ((locative || place_after) && !titled) {
            NameKind::Place
        } else if titled
            || (!single
                && toks[s..e]
                    .iter()
                    .filter(|t| t.kind == Kind::Word && t.cap)
                    .count()
                    >= 2
                && words.len() <= 5)
        {
            NameKind::Person
        } else {
            NameKind::Other
        };
        (kind, None)
    };
    out.push(Mention {
        start: s,
        end: e,
        span: toks[s].start..toks[e - 1].end,
        surface,
        kind,
        titled,
        canonical,
        title: None,
    });
}

/// The actor a token range names, if the gazetteer knows it (for backers).
pub fn actor_at(toks: &[Tok], s: usize, lex: &Lexicon) -> Option<(usize, String)> {
    let mut s = s;
    if toks.get(s).is_some_and(|t| t.lower == "the") {
        s += 1;
    }
    for len in (1..=lex.gazetteer_max_len).rev() {
        if s + len > toks.len() {
            continue;
        }
        let words: Vec<String> = toks[s..s + len].iter().map(|t| t.lower.clone()).collect();
        if let Some(p) = lex.gazetteer.get(&key_of(&words))
            && toks[s].cap
        {
            return Some((s + len, p.canonical.clone()));
        }
    }
    let t = toks.get(s)?;
    if t.cap
        && let Some(c) = lex.demonyms.get(&t.lower)
    {
        return Some((s + 1, c.clone()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn names(s: &str) -> Vec<(String, &'static str)> {
        let toks = tokenize(s);
        find_names(s, &toks)
            .into_iter()
            .map(|m| (m.surface, m.kind.as_str()))
            .collect()
    }

    #[test]
    fn names_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Prime Minister Nadia al-Khouri met Gen. Omar Bakr in Cairo on Monday.",
                &[
                    ("Nadia al-Khouri", "person"),
                    ("Omar Bakr", "person"),
                    ("Cairo", "place"),
                ],
            ),
            (
                "The United Nations Secretary General Maria Lund arrived.",
                &[("United Nations", "org"), ("Maria Lund", "person")],
            ),
            (
                "But the Kremlin said the Council of Elders would meet.",
                &[("Kremlin", "place"), ("Council of Elders", "org")],
            ),
            (
                "Yet Sarrak's allies spoke to Agence France-Presse.",
                &[("Sarrak", "name"), ("Agence France-Presse", "org")],
            ),
            ("Italian engineers left Ankara.", &[("Ankara", "place")]),
        ];
        for (text, want) in cases {
            let got = names(text);
            let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(name_key("Fayez al-Serraj"), "fayez al serraj");
        assert_eq!(last_key("Ahmed al-Mesmari"), "mesmari");
    }
}
