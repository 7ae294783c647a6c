//! Figures in text: digits ("1,000", "6.1", "110bn"), number words
//! ("twenty-one", "two hundred and five", "a dozen", "half a million"),
//! vague amounts ("dozens", "tens of thousands"), bounds ("at least") and
//! ranges ("10 to 12", "between 10 and 12"). Things that look like figures but
//! are not amounts (times, phone numbers, ordinals, labels like "Article 5",
//! "one of the", fractions) are dropped; years are flagged.

use super::Bound;
use super::lexicon::{LEX, Lexicon};
use super::tokens::{Kind, Tok, glued, match_phrase, match_phrase_before};

/// A figure found in a token stream. Token indices: `start..end` covers the
/// bound and range words, `core..core_end` the first figure itself.
#[derive(Debug, Clone, PartialEq)]
pub struct NumPhrase {
    pub start: usize,
    pub core: usize,
    pub core_end: usize,
    pub end: usize,
    pub value: f64,
    pub max: Option<f64>,
    pub bound: Bound,
    pub vague: bool,
    /// Written in words ("six", "a dozen").
    pub words: bool,
    /// A 4-digit year rather than an amount.
    pub year: bool,
    /// Whether the figure is a bare integer without separators ("38").
    pub plain_int: bool,
}

/// Parse digits with optional thousands separators and decimals.
pub fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(':') {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) if !b.contains('.') && !b.contains(',') => (a, Some(b)),
        Some(_) => return None,
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let digits: String = groups.concat();
    let mut v: f64 = digits.parse().ok()?;
    if let Some(f) = frac {
        v = format!("{digits}.{f}").parse().ok()?;
    }
    Some(v)
}

/// Parse a phrase of number words ("two hundred and five"); used by tests and
/// by `parse_core`. Returns the value when the whole text is one number.
pub fn parse_number_text(text: &str) -> Option<f64> {
    let toks = super::tokens::tokenize(text);
    let (end, v, _) = parse_core(&toks, 0, &LEX)?;
    (end == toks.len()).then_some(v)
}

fn scale_of(lex: &Lexicon, w: &str) -> Option<f64> {
    match w {
        "thousand" | "million" | "billion" | "trillion" => lex.scales.get(w).copied(),
        _ => None,
    }
}

/// Parse one figure at token `i`: (end index, value, written in words).
pub(crate) fn parse_core(toks: &[Tok], i: usize, lex: &Lexicon) -> Option<(usize, f64, bool)> {
    let t = toks.get(i)?;
    match t.kind {
        Kind::Num => {
            let mut v = parse_digits(&t.lower)?;
            let mut j = i + 1;
            if let Some(n) = toks.get(j).filter(|_| glued(toks, j)) {
                if matches!(n.lower.as_str(), "st" | "nd" | "rd" | "th" | "s") {
                    return None; // ordinal or decade
                }
                let money_before = i > 0 && lex.money.contains_key(&toks[i - 1].lower);
                // "1.5m people", "20k homes": a count noun after means million/thousand,
                // otherwise "100m" is metres.
                let counted_after = toks.get(j + 1).is_some_and(|t| {
                    t.kind == Kind::Word
                        && (lex.people_nouns.contains(&t.lower)
                            || lex.money.contains_key(&t.lower)
                            || (t.lower.len() > 3
                                && t.lower.ends_with('s')
                                && !lex.distance.contains_key(&t.lower)))
                });
                let scale = match n.lower.as_str() {
                    "m" | "k" if !money_before && !counted_after => None,
                    w => lex.scales.get(w).copied().filter(|_| w != "hundred"),
                };
                if let Some(s) = scale {
                    v *= s;
                    j += 1;
                }
            }
            // "110-billion", "$143- billion": a hyphen stuck to the figure.
            let mut k = j;
            if j == i + 1 && toks.get(j).is_some_and(|t| t.lower == "-") && glued(toks, j) {
                k = j + 1;
            }
            if j == i + 1
                && let Some(n) = toks.get(k)
                && let Some(s) = scale_of(lex, &n.lower)
            {
                v *= s;
                j = k + 1;
            }
            Some((j, v, false))
        }
        Kind::Word => parse_words(toks, i, lex).map(|(e, v)| (e, v, true)),
        _ => None,
    }
}

fn parse_words(toks: &[Tok], i: usize, lex: &Lexicon) -> Option<(usize, f64)> {
    let w = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    let mut j = i;
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut any = false;
    // "a dozen", "a hundred", "an estimated" is not a number; "half a million".
    if matches!(w(i), "a" | "an") {
        if !matches!(
            w(i + 1),
            "dozen" | "hundred" | "thousand" | "million" | "billion"
        ) {
            return None;
        }
        cur = 1.0;
        j = i + 1;
    } else if w(i) == "half" && w(i + 1) == "a" {
        let s = match w(i + 2) {
            "dozen" => 12.0,
            x => scale_of(lex, x)?,
        };
        return Some((i + 3, s / 2.0));
    }
    let mut last = "";
    while j < toks.len() {
        let word = w(j);
        if let Some(&v) = lex.unit_words.get(word) {
            if any && matches!(last, "unit" | "ten") {
                break;
            }
            cur += v;
            last = "unit";
        } else if let Some(&v) = lex.ten_words.get(word) {
            if any && matches!(last, "unit" | "ten") {
                break;
            }
            cur += v;
            last = "ten";
            if w(j + 1) == "-"
                && glued(toks, j + 1)
                && glued(toks, j + 2)
                && let Some(&u) = lex.unit_words.get(w(j + 2))
                && u > 0.0
            {
                cur += u;
                j += 2;
                last = "unit";
            }
        } else if word == "hundred" {
            if cur >= 100.0 {
                break;
            }
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            last = "hundred";
        } else if word == "dozen" {
            cur = if cur == 0.0 { 12.0 } else { cur * 12.0 };
            last = "dozen";
        } else if let Some(s) = scale_of(lex, word) {
            if !any && cur == 0.0 {
                break;
            }
            total += if cur == 0.0 { 1.0 } else { cur } * s;
            cur = 0.0;
            last = "scale";
        } else if word == "and"
            && any
            && matches!(last, "hundred" | "scale")
            && (lex.unit_words.contains_key(w(j + 1)) || lex.ten_words.contains_key(w(j + 1)))
        {
            last = "and";
        } else {
            break;
        }
        any = true;
        j += 1;
    }
    if !any && cur == 0.0 {
        return None;
    }
    // "a" alone (cur = 1 set above, nothing parsed) is not a number.
    if j == i + 1 && matches!(w(i), "a" | "an") {
        return None;
    }
    Some((j, total + cur))
}

fn is_year_token(t: &Tok) -> bool {
    t.kind == Kind::Num
        && t.lower.len() == 4
        && t.lower.bytes().all(|b| b.is_ascii_digit())
        && (1800..=2100).contains(&t.lower.parse::<u32>().unwrap_or(0))
}

/// "555-1234", "212-555-1234", "(555) 123": digit groups chained by hyphens.
fn is_phone(toks: &[Tok], i: usize) -> bool {
    let num = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == Kind::Num && !t.lower.contains([',', '.']))
    };
    let hy = |k: usize| {
        toks.get(k).is_some_and(|t| t.lower == "-") && glued(toks, k) && glued(toks, k + 1)
    };
    if !num(i) {
        return false;
    }
    let mut groups = vec![toks[i].lower.len()];
    let mut k = i;
    while hy(k + 1) && num(k + 2) {
        groups.push(toks[k + 2].lower.len());
        k += 2;
    }
    if i > 0 && hy(i - 1) && i >= 2 && num(i - 2) {
        return true;
    }
    let paren = i >= 2 && toks[i - 1].lower == ")" && num(i - 2);
    let plus = i > 0 && toks[i - 1].lower == "+" && glued(toks, i);
    groups.len() >= 3
        || (groups.len() == 2 && groups[1] == 4 && groups[0] >= 3 && !is_year_token(&toks[i]))
        || paren
        || plus
}

/// Whether the word after a year-looking figure makes it an amount ("2000 people").
fn counted_noun_after(toks: &[Tok], e: usize, lex: &Lexicon) -> bool {
    let Some(n) = toks.get(e) else { return false };
    if n.kind != Kind::Word || n.cap {
        return false;
    }
    lex.people_nouns.contains(&n.lower)
        || (n.lower.ends_with('s') && n.lower.len() > 3 && !lex.not_count_units.contains(&n.lower))
}

/// Find every figure in the token stream, left to right, without overlaps.
pub fn find_numbers(toks: &[Tok]) -> Vec<NumPhrase> {
    let lex = &*LEX;
    let mut out: Vec<NumPhrase> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(mut np) = number_at(toks, i, lex) else {
            i += 1;
            continue;
        };
        if let Some(prev) = out.last()
            && np.start < prev.end
        {
            np.start = prev.end.max(np.core);
        }
        i = np.end.max(i + 1);
        out.push(np);
    }
    out.retain(|n| n.value.is_finite());
    out
}

fn number_at(toks: &[Tok], i: usize, lex: &Lexicon) -> Option<NumPhrase> {
    let w = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    // Vague amounts first: "tens of thousands", "dozens", "several".
    for (p, v) in lex.vague.iter().filter(|(p, _)| p[0] == toks[i].lower) {
        if let Some(e) = match_phrase(toks, i, p) {
            if i > 0 && matches!(w(i - 1), "the" | "these" | "those") {
                continue; // "the hundreds" / "the thousands" are not amounts
            }
            let (start, bound) = bound_before(toks, i, lex);
            return Some(NumPhrase {
                start,
                core: i,
                core_end: e,
                end: e,
                value: *v,
                max: None,
                bound: if bound == Bound::Exact {
                    Bound::Vague
                } else {
                    bound
                },
                vague: true,
                words: true,
                year: false,
                plain_int: false,
            });
        }
    }
    let t = &toks[i];
    if t.kind == Kind::Word && glued(toks, i) && toks[i - 1].kind == Kind::Num {
        return None; // suffix of "21st", "110bn"
    }
    if t.kind == Kind::Num && is_phone(toks, i) {
        // Consume the whole chain so that no piece is read as a figure.
        let mut e = i + 1;
        while w(e) == "-" && toks.get(e + 1).is_some_and(|t| t.kind == Kind::Num) {
            e += 2;
        }
        return Some(NumPhrase {
            start: i,
            core: i,
            core_end: e,
            end: e,
            value: f64::NAN,
            max: None,
            bound: Bound::Exact,
            vague: false,
            words: false,
            year: false,
            plain_int: false,
        });
    }
    let (e, v, words) = parse_core(toks, i, lex)?;
    let drop = |e: usize| {
        Some(NumPhrase {
            start: i,
            core: i,
            core_end: e,
            end: e,
            value: f64::NAN,
            max: None,
            bound: Bound::Exact,
            vague: false,
            words,
            year: false,
            plain_int: false,
        })
    };
    // Time of day: "07:37", "3 p.m.", "1052 GMT".
    if t.lower.contains(':') || lex.time_of_day.contains(w(e)) {
        return drop(e);
    }
    // Labels: "Article 5", "Interstate 75", "No. 3".
    let mut p = i;
    if p > 0 && w(p - 1) == "." {
        p -= 1;
    }
    if p > 0 && lex.not_count_before.contains(w(p - 1)) && !words {
        return drop(e);
    }
    // Fractions: "a third", "two thirds", "one half".
    if lex.fractions.contains(w(e)) || (w(e) == "-" && lex.fractions.contains(w(e + 1))) {
        return drop(e);
    }
    if words && v == 1.0 && t.lower == "one" {
        let after = w(e);
        let before = if i > 0 { w(i - 1) } else { "" };
        if lex.one_not_after.contains(after) || lex.one_not_before.contains(before) {
            return drop(e);
        }
    }
    let (mut start, mut bound) = bound_before(toks, i, lex);
    let mut max = None;
    let mut end = e;
    let year = is_year_token(t) && e == i + 1 && bound == Bound::Exact && {
        let before = if i > 0 { w(i - 1) } else { "" };
        lex.year_context_before.contains(before) || !counted_noun_after(toks, e, lex)
    };
    // "between 10 and 12"
    if !year && i > 0 && w(i - 1) == "between" && w(e) == "and" {
        if let Some((e2, v2, _)) = parse_core(toks, e + 1, lex)
            && v2 > v
        {
            start = i - 1;
            bound = Bound::Exact;
            max = Some(v2);
            end = e2;
        }
    } else if !(year || i > 0 && w(i - 1) == "from") {
        // "10 to 12", "10-12", "two or three"
        let sep = w(e);
        let ok_sep = matches!(sep, "to" | "or" | "and/or")
            || (matches!(sep, "-" | "–") && glued(toks, e) && glued(toks, e + 1));
        if ok_sep
            && let Some((e2, v2, w2)) = parse_core(toks, e + 1, lex)
            && v2 > v
            && w2 == words
            && !is_year_token(&toks[e + 1])
        {
            max = Some(v2);
            end = e2;
        }
    }
    Some(NumPhrase {
        start,
        core: i,
        core_end: e,
        end,
        value: v,
        max,
        bound,
        vague: false,
        words,
        year,
        plain_int: !words && e == i + 1 && t.lower.bytes().all(|b| b.is_ascii_digit()),
    })
}

/// A bound phrase ending right before token `core`: (start index, bound).
fn bound_before(toks: &[Tok], core: usize, lex: &Lexicon) -> (usize, Bound) {
    for (p, b) in &lex.bounds {
        if let Some(s) = match_phrase_before(toks, core, p) {
            return (s, *b);
        }
    }
    (core, Bound::Exact)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use proptest::prelude::*;

    fn nums(s: &str) -> Vec<(String, f64, Option<f64>, Bound, bool)> {
        let toks = tokenize(s);
        find_numbers(&toks)
            .into_iter()
            .map(|n| {
                (
                    s[toks[n.start].start..toks[n.end - 1].end].to_string(),
                    n.value,
                    n.max,
                    n.bound,
                    n.year,
                )
            })
            .collect()
    }

    #[test]
    fn figures_table() {
        use Bound::*;
        let cases: &[(&str, &str, f64, Option<f64>, Bound)] = &[
            (
                "It cost 1,250,000 in all.",
                "1,250,000",
                1_250_000.0,
                None,
                Exact,
            ),
            ("A rate of 6.25 was set.", "6.25", 6.25, None, Exact),
            ("We saw twenty-one boats.", "twenty-one", 21.0, None, Exact),
            (
                "Some two hundred and five cars",
                "Some two hundred and five",
                205.0,
                None,
                About,
            ),
            ("a dozen eggs", "a dozen", 12.0, None, Exact),
            (
                "about 1.5 million voters",
                "about 1.5 million",
                1_500_000.0,
                None,
                About,
            ),
            (
                "half a million fans",
                "half a million",
                500_000.0,
                None,
                Exact,
            ),
            ("six boats", "six", 6.0, None, Exact),
            ("dozens of homes", "dozens", 24.0, None, Vague),
            (
                "tens of thousands marched",
                "tens of thousands",
                20_000.0,
                None,
                Vague,
            ),
            ("at least five dead", "at least five", 5.0, None, AtLeast),
            ("more than 300 homes", "more than 300", 300.0, None, AtLeast),
            ("nearly 40 boats", "nearly 40", 40.0, None, AtMost),
            ("up to 120 cars", "up to 120", 120.0, None, AtMost),
            (
                "as many as 20,000 fans",
                "as many as 20,000",
                20_000.0,
                None,
                AtMost,
            ),
            (
                "an estimated 400 homes",
                "an estimated 400",
                400.0,
                None,
                About,
            ),
            ("10 to 12 boats", "10 to 12", 10.0, Some(12.0), Exact),
            ("10-12 boats", "10-12", 10.0, Some(12.0), Exact),
            (
                "between 10 and 12 boats",
                "between 10 and 12",
                10.0,
                Some(12.0),
                Exact,
            ),
            ("two or three boats", "two or three", 2.0, Some(3.0), Exact),
            ("a debt of 110bn euros", "110bn", 110e9, None, Exact),
            ("some 1.5m people fled", "some 1.5m", 1.5e6, None, About),
            ("several ships", "several", 3.0, None, Vague),
            ("a handful of ships", "a handful", 3.0, None, Vague),
        ];
        for (text, span, v, max, b) in cases {
            let got = nums(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, *span, "{text}");
            assert_eq!(got[0].1, *v, "{text}");
            assert_eq!(got[0].2, *max, "{text}");
            assert_eq!(got[0].3, *b, "{text}");
            assert!(!got[0].4, "{text} is not a year");
        }
    }

    #[test]
    fn from_to_is_two_figures_not_a_range() {
        let got = nums("The toll rose from 10 to 12 overnight.");
        assert_eq!(
            got.iter().map(|g| (g.1, g.2)).collect::<Vec<_>>(),
            vec![(10.0, None), (12.0, None)]
        );
    }

    #[test]
    fn not_amounts() {
        for text in [
            "He arrived at 07:37 local time.",
            "It happened at 3 a.m. on the road.",
            "It happened at 3 a. m. on the road.",
            "Call 555-1234 or 212-555-0199 now.",
            "See https://example.com/story/2019/44 now.",
            "Under Article 5 of the treaty.",
            "He drove north on Interstate 75.",
            "He was one of the first.",
            "A third of the town was flooded.",
            "She came 21st in the race.",
            "He is the one who called.",
            "No one was hurt.",
            "Two thirds of voters agreed.",
        ] {
            let got: Vec<_> = nums(text).into_iter().filter(|n| !n.4).collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn years_are_flagged_not_counted() {
        for (text, year) in [
            ("He seized power in 1969.", true),
            ("since the 2011 revolution", true),
            ("a 2007 silver car", true),
            ("More than 2000 people marched", false),
            ("2000 people marched", false),
            ("The 1999 elections were held", true),
        ] {
            let got = nums(text);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].4, year, "{text}");
        }
    }

    fn words(n: u64) -> String {
        const U: [&str; 20] = [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ];
        const T: [&str; 10] = [
            "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        fn below_1000(n: u64, and: bool) -> String {
            let mut parts = Vec::new();
            if n >= 100 {
                parts.push(format!("{} hundred", U[(n / 100) as usize]));
            }
            let r = n % 100;
            if r > 0 {
                if n >= 100 && and {
                    parts.push("and".into());
                }
                if r < 20 {
                    parts.push(U[r as usize].into());
                } else if r.is_multiple_of(10) {
                    parts.push(T[(r / 10) as usize].into());
                } else {
                    parts.push(format!("{}-{}", T[(r / 10) as usize], U[(r % 10) as usize]));
                }
            }
            parts.join(" ")
        }
        if n == 0 {
            return "zero".into();
        }
        let mut parts = Vec::new();
        for (scale, name) in [
            (1_000_000_000, "billion"),
            (1_000_000, "million"),
            (1000, "thousand"),
        ] {
            if !(n / scale).is_multiple_of(1000) {
                parts.push(format!("{} {name}", below_1000(n / scale % 1000, false)));
            }
        }
        if !n.is_multiple_of(1000) {
            parts.push(below_1000(n % 1000, n >= 1000 || n % 1000 >= 100));
        }
        parts.join(" ")
    }

    fn with_commas(n: u64) -> String {
        super::super::format_number(n as f64)
    }

    proptest! {
        #[test]
        fn number_words_round_trip(n in 0u64..2_000_000_000) {
            let w = words(n);
            prop_assert_eq!(parse_number_text(&w), Some(n as f64), "{}", w);
        }

        #[test]
        fn digits_round_trip(n in 0u64..10_000_000_000, frac in 0u32..100) {
            prop_assert_eq!(parse_digits(&with_commas(n)), Some(n as f64));
            prop_assert_eq!(parse_digits(&n.to_string()), Some(n as f64));
            let dec = format!("{}.{:02}", with_commas(n), frac);
            let want: f64 = format!("{n}.{frac:02}").parse().unwrap();
            prop_assert_eq!(parse_digits(&dec), Some(want));
            // In running text the figure is found with its exact span.
            let text = format!("Officials counted {} boxes.", with_commas(n));
            let toks = tokenize(&text);
            let found = find_numbers(&toks);
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!(found[0].value, n as f64);
        }
    }
}
