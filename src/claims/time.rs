//! Years and dates: "in 1969", "the 2011 revolution", "April 4", "April 10, 2007",
//! "May 2012", "10 April 2007", "2019-04-07", weekdays, and relative dates
//! ("yesterday", "last year", "April last year") resolved against the
//! publication date when it is known.

use super::lexicon::LEX;
use super::numbers::NumPhrase;
use super::tokens::{Kind, Tok, glued, tokenize};
use super::{Bound, Context, Found, Topic, Value};

/// A calendar date with the precision it was stated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub y: Option<i32>,
    pub m: Option<u32>,
    pub d: Option<u32>,
}

impl Date {
    pub fn full(y: i32, m: u32, d: u32) -> Date {
        Date {
            y: Some(y),
            m: Some(m),
            d: Some(d),
        }
    }

    /// ISO string of known precision: "2011-11-10", "2011-11", "--11-10".
    pub fn iso(&self) -> String {
        match (self.y, self.m, self.d) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            _ => String::new(),
        }
    }

    pub fn days(&self) -> Option<i64> {
        Some(days_from_civil(self.y?, self.m?, self.d?))
    }
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> Date {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
    Date::full(y, m, d)
}

/// Monday = 0 .. Sunday = 6.
pub fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

fn w(toks: &[Tok], k: usize) -> &str {
    toks.get(k).map(|t| t.lower.as_str()).unwrap_or("")
}

fn small_int(t: Option<&Tok>, max: u32) -> Option<u32> {
    let t = t?;
    if t.kind != Kind::Num || t.lower.len() > 2 {
        return None;
    }
    let v: u32 = t.lower.parse().ok()?;
    (1..=max).contains(&v).then_some(v)
}

fn year_tok(t: Option<&Tok>) -> Option<i32> {
    let t = t?;
    if t.kind != Kind::Num || t.lower.len() != 4 {
        return None;
    }
    let v: i32 = t.lower.parse().ok()?;
    (1800..=2100).contains(&v).then_some(v)
}

fn month_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word || !t.cap {
        return None;
    }
    let m = *LEX.months.get(&t.lower)?;
    let mut e = i + 1;
    if t.lower.len() <= 4 && w(toks, e) == "." && glued(toks, e) {
        e += 1;
    }
    Some((m, e))
}

/// A date at token `i`: (date, end index).
fn date_at(toks: &[Tok], i: usize) -> Option<(Date, usize)> {
    // ISO: 2019-04-07
    if let Some(y) = year_tok(toks.get(i))
        && w(toks, i + 1) == "-"
        && glued(toks, i + 1)
        && let Some(m) = small_int(toks.get(i + 2), 12)
        && w(toks, i + 3) == "-"
        && let Some(d) = small_int(toks.get(i + 4), 31)
    {
        return Some((Date::full(y, m, d), i + 5));
    }
    // Day Month [Year]: "10 April 2007"
    if let Some(d) = small_int(toks.get(i), 31)
        && let Some((m, e)) = month_at(toks, i + 1)
    {
        if let Some(y) = year_tok(toks.get(e)) {
            return Some((Date::full(y, m, d), e + 1));
        }
        return Some((
            Date {
                y: None,
                m: Some(m),
                d: Some(d),
            },
            e,
        ));
    }
    let (m, e) = month_at(toks, i)?;
    // "May" needs a figure after it to be a month.
    let mut k = e;
    if let Some(d) = small_int(toks.get(k), 31) {
        k += 1;
        if matches!(w(toks, k), "st" | "nd" | "rd" | "th") && glued(toks, k) {
            k += 1;
        }
        let mut y_at = k;
        if w(toks, y_at) == "," {
            y_at += 1;
        }
        if let Some(y) = year_tok(toks.get(y_at)) {
            return Some((Date::full(y, m, d), y_at + 1));
        }
        return Some((
            Date {
                y: None,
                m: Some(m),
                d: Some(d),
            },
            k,
        ));
    }
    if let Some(y) = year_tok(toks.get(k)) {
        return Some((
            Date {
                y: Some(y),
                m: Some(m),
                d: None,
            },
            k + 1,
        ));
    }
    if w(toks, k) == "last" && w(toks, k + 1) == "year" {
        return Some((
            Date {
                y: None,
                m: Some(m),
                d: None,
            },
            k,
        ));
    }
    None
}

/// The first full date in a string (front matter "published" value or a dateline).
pub fn parse_date(s: &str) -> Option<Date> {
    let toks = tokenize(s);
    (0..toks.len()).find_map(|i| {
        date_at(&toks, i)
            .filter(|(d, _)| d.d.is_some() && d.y.is_some())
            .map(|(d, _)| d)
    })
}

/// A dateline near the top of an article ("POSTED: 1052 GMT (1852 HKT), April 10,
/// 2007", "on July 02 2013 7:41 AM"): a full date on a short line or a line with
/// a dateline marker, among the first lines. Returns the date and its byte range.
pub fn find_dateline(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let mut off = 0;
    for line in text.split_inclusive('\n').take(6) {
        let toks = tokenize(line);
        let short = line.trim().len() <= 80;
        let marked = toks.iter().any(|t| LEX.dateline_markers.contains(&t.lower));
        if short || marked {
            for i in 0..toks.len() {
                if let Some((d, _)) = date_at(&toks, i)
                    && d.d.is_some()
                    && d.y.is_some()
                {
                    return Some((d, off..off + line.len()));
                }
            }
        }
        off += line.len();
    }
    None
}

fn text_found(span: std::ops::Range<usize>, topic: Topic, value: Value, original: &str) -> Found {
    Found {
        span,
        topic,
        subject: None,
        value,
        bound: Bound::Exact,
        unit: None,
        original: Some(original.to_string()),
        scope: None,
        vague: false,
    }
}

/// Dates, weekdays, relative dates and years. Marks year figures it consumes.
pub fn extract(
    text: &str,
    toks: &[Tok],
    nums: &[NumPhrase],
    used: &mut [bool],
    ctx: &Context,
) -> Vec<Found> {
    let lex = &*LEX;
    let mut out = Vec::new();
    let pubd = ctx.published;
    let mut consumed_until = 0;
    let mark = |a: usize, b: usize, used: &mut [bool]| {
        for (ni, n) in nums.iter().enumerate() {
            if n.core >= a && n.core < b {
                used[ni] = true;
            }
        }
    };
    let mut i = 0;
    while i < toks.len() {
        if i < consumed_until {
            i += 1;
            continue;
        }
        let span_of = |a: usize, b: usize| toks[a].start..toks[b - 1].end;
        // Weekday, possibly followed by a date ("Thursday, April 4").
        if toks[i].cap
            && let Some(&wd) = lex.weekdays.get(&toks[i].lower)
        {
            let mut k = i + 1;
            if w(toks, k) == "," {
                k += 1;
            }
            if date_at(toks, k).is_some() {
                i += 1;
                continue; // the date itself is the claim
            }
            let mut a = i;
            let last = i > 0 && w(toks, i - 1) == "last";
            if last {
                a = i - 1;
            }
            // "will meet on Thursday", "next Friday": the weekday ahead, when
            // the marker is in the weekday's clause ("'We will rebuild,' he
            // said on Monday" is past).
            let future = !last
                && toks[..i]
                    .iter()
                    .rev()
                    .take_while(|t| !matches!(t.lower.as_str(), "," | ";" | ":" | "\"" | "“" | "”"))
                    .any(|t| lex.future_markers.contains(&t.lower));
            let value = match pubd.and_then(|p| p.days()) {
                Some(pd) if future => {
                    let ahead = (wd + 7 - weekday(pd)) % 7;
                    civil_from_days(pd + ahead as i64).iso()
                }
                Some(pd) => {
                    // Most recent such weekday on or before publication ("last": strictly before).
                    let mut back = (weekday(pd) + 7 - wd) % 7;
                    if last && back == 0 {
                        back = 7;
                    }
                    civil_from_days(pd - back as i64).iso()
                }
                None => text[toks[i].start..toks[i].end].to_string(),
            };
            out.push(text_found(
                span_of(a, i + 1),
                Topic::Date,
                Value::Text(value),
                &text[span_of(a, i + 1)],
            ));
            i += 1;
            continue;
        }
        if let Some((mut d, mut e)) = date_at(toks, i) {
            // "April last year"
            if d.y.is_none() && w(toks, e) == "last" && w(toks, e + 1) == "year" {
                d.y = pubd.and_then(|p| p.y).map(|y| y - 1);
                e += 2;
                if d.y.is_none() {
                    i = e;
                    continue;
                }
            }
            if d.y.is_none()
                && let Some(p) = pubd
                && let (Some(py), Some(pm)) = (p.y, p.m)
            {
                // A month-day without a year is taken in the publication year, or the
                // year before when it would fall after publication.
                let m = d.m.unwrap_or(1);
                d.y = Some(if m > pm + 1 { py - 1 } else { py });
            }
            let span = span_of(i, e);
            out.push(text_found(
                span.clone(),
                Topic::Date,
                Value::Text(d.iso()),
                &text[span],
            ));
            mark(i, e, used);
            consumed_until = e;
            i = e;
            continue;
        }
        // Relative: "yesterday", "last year", "last month".
        match (w(toks, i), w(toks, i + 1)) {
            ("yesterday", _) => {
                if let Some(pd) = pubd.and_then(|p| p.days()) {
                    let span = span_of(i, i + 1);
                    out.push(text_found(
                        span.clone(),
                        Topic::Date,
                        Value::Text(civil_from_days(pd - 1).iso()),
                        &text[span],
                    ));
                }
            }
            ("last", "year") if !(i > 0 && lex.months.contains_key(w(toks, i - 1))) => {
                if let Some(py) = pubd.and_then(|p| p.y) {
                    let span = span_of(i, i + 2);
                    let mut f = text_found(
                        span.clone(),
                        Topic::Year,
                        Value::num((py - 1) as f64),
                        &text[span],
                    );
                    f.original = Some("last year".into());
                    out.push(f);
                }
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // Years not part of a date.
    for (ni, n) in nums.iter().enumerate() {
        if n.year && !used[ni] {
            used[ni] = true;
            let span = toks[n.core].start..toks[n.core_end - 1].end;
            out.push(text_found(
                span.clone(),
                Topic::Year,
                Value::num(n.value),
                &text[span],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            civil_from_days(days_from_civil(2007, 4, 10)),
            Date::full(2007, 4, 10)
        );
        // 2007-04-10 was a Tuesday (Monday = 0).
        assert_eq!(weekday(days_from_civil(2007, 4, 10)), 1);
        assert_eq!(
            civil_from_days(days_from_civil(2012, 3, 1) - 1),
            Date::full(2012, 2, 29)
        );
    }

    #[test]
    fn weekdays_ahead_in_future_clauses() {
        // Published Wednesday 2024-05-15.
        let ctx = Context {
            published: Some(Date::full(2024, 5, 15)),
            ..Context::default()
        };
        let date = |t: &str| -> Vec<String> {
            let toks = crate::claims::tokens::tokenize(t);
            let nums = crate::claims::numbers::find_numbers(&toks);
            let mut used = vec![false; nums.len()];
            extract(t, &toks, &nums, &mut used, &ctx)
                .into_iter()
                .filter(|f| f.topic == Topic::Date)
                .map(|f| f.value.to_string())
                .collect()
        };
        assert_eq!(date("The council will vote on Friday."), ["2024-05-17"]);
        assert_eq!(date("The council voted on Friday."), ["2024-05-10"]);
        assert_eq!(
            date("\"We will appeal,\" the mayor said on Monday."),
            ["2024-05-13"]
        );
        assert_eq!(
            date("The river is expected to crest on Saturday."),
            ["2024-05-18"]
        );
    }

    #[test]
    fn datelines_and_published() {
        assert_eq!(parse_date("2019-04-07"), Some(Date::full(2019, 4, 7)));
        assert_eq!(parse_date("Mon, 8 Apr 2019"), Some(Date::full(2019, 4, 8)));
        let t = "Headline here\nPOSTED: 0915 GMT (1715 HKT), March 3, 2011\nA storm hit.";
        let (d, r) = find_dateline(t).unwrap();
        assert_eq!(d, Date::full(2011, 3, 3));
        assert!(t[r].starts_with("POSTED"));
        let t = "Storm Hits Coast\non August 09 2015 6:02 PM\nA storm hit.";
        assert_eq!(find_dateline(t).unwrap().0, Date::full(2015, 8, 9));
        assert_eq!(
            find_dateline(
                "A storm hit the coast on Friday, killing five people in the town of Oldham."
            ),
            None
        );
    }
}
