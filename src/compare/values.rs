//! When two claim values are "the same", when their bounds overlap, and how
//! a value is shown in summaries.

use crate::claims::{Bound, Claim, Topic, Value, format_number};

/// Relative tolerance when one side was converted from another unit
/// (6 miles vs 10 km): pure rounding must not look like a conflict.
pub const CONVERSION_TOLERANCE: f64 = 0.05;

/// Whether the value was converted from another unit: a measure whose
/// figure as written ("six miles", "34 miles") does not show the normalised
/// number. `original` alone is not enough: extraction also keeps it for
/// figures written out ("50-year-old").
pub fn converted(c: &Claim) -> bool {
    let Some(orig) = &c.original else {
        return false;
    };
    if !matches!(c.topic, Topic::Distance | Topic::Depth | Topic::Speed) {
        return false;
    }
    let Value::Num { value, .. } = c.value else {
        return false;
    };
    let plain = orig.replace(',', "");
    let shown = format_number(value).replace(',', "");
    !plain.contains(&shown)
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * a.abs().max(b.abs()).max(1e-9)
}

/// Same figure (or same date) as far as the reader is concerned. Bounds are
/// not compared here: "at least 5" and "5" state the same figure.
pub fn same_value(a: &Claim, b: &Claim) -> bool {
    match (&a.value, &b.value) {
        (Value::Num { value: x, max: mx }, Value::Num { value: y, max: my }) => {
            let tol = if converted(a) || converted(b) {
                CONVERSION_TOLERANCE
            } else {
                1e-9
            };
            close(*x, *y, tol)
                && match (mx, my) {
                    (Some(p), Some(q)) => close(*p, *q, tol),
                    (None, None) => true,
                    _ => false,
                }
        }
        (Value::Text(x), Value::Text(y)) if a.topic == Topic::Date => same_date(x, y),
        (Value::Text(x), Value::Text(y)) => norm_text(x) == norm_text(y),
        _ => false,
    }
}

/// Lowercased ASCII words, joined by single spaces.
pub fn norm_text(s: &str) -> String {
    super::text::words(s).join(" ")
}

/// ISO dates of different precision agree when one is a prefix of the other
/// ("2011-11" / "2011-11-10"); a weekday agrees with a full date falling on it.
pub fn same_date(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
    if a == b {
        return true;
    }
    let prefix = |x: &str, y: &str| y.starts_with(x) && y[x.len()..].starts_with('-');
    if prefix(&a, &b) || prefix(&b, &a) {
        return true;
    }
    match (weekday_of(&a), weekday_of(&b)) {
        (Some(w), None) => w == b,
        (None, Some(w)) => w == a,
        _ => false,
    }
}

/// Weekday name of a full ISO date ("2011-11-10" -> "thursday").
fn weekday_of(iso: &str) -> Option<&'static str> {
    let mut it = iso.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Sakamoto's method: 0 = Sunday.
    const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d).rem_euclid(7);
    Some(
        [
            "sunday",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
        ][w as usize],
    )
}

/// Whether the intervals allowed by the wording of all `claims` overlap.
pub fn compatible(claims: &[&Claim]) -> bool {
    let mut lo = f64::NEG_INFINITY;
    let mut hi = f64::INFINITY;
    for c in claims {
        let Some((a, b)) = c.interval() else {
            return false;
        };
        // Converted values carry their rounding.
        let slack = if converted(c) {
            CONVERSION_TOLERANCE
        } else {
            0.0
        };
        lo = lo.max(a * (1.0 - slack));
        hi = hi.min(b * (1.0 + slack));
    }
    lo <= hi
}

/// A capitalised first word written in lower case after it ("Dozens" ->
/// "dozens"); acronyms and all-capital words are kept.
fn lower_initial(s: &str) -> String {
    let first: &str = s.split_whitespace().next().unwrap_or("");
    let mut chars = first.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(|ch| !ch.is_uppercase());
    if !capitalised {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    if let Some(ch) = it.next() {
        out.extend(ch.to_lowercase());
    }
    out.extend(it);
    out
}

/// "at least 5", "about 30 km", "21", "12%", "2011-11-10".
pub fn display(c: &Claim) -> String {
    let Value::Num { value, max } = c.value else {
        return c.value.to_string();
    };
    if c.topic == Topic::Year {
        return format!("{value}");
    }
    if let (true, Some(o)) = (c.vague || c.bound == Bound::Vague, &c.original) {
        // "Tens of thousands" opening a sentence is "tens of thousands".
        return lower_initial(o);
    }
    let mut s = match c.bound {
        Bound::Exact => String::new(),
        Bound::AtLeast | Bound::Vague => "at least ".to_string(),
        Bound::AtMost => "up to ".to_string(),
        Bound::About => "about ".to_string(),
    };
    if c.topic == Topic::Money {
        // "EUR 110 billion" rather than "110,000,000,000 eur".
        if let Some(u) = c.unit.as_deref().filter(|u| !u.is_empty()) {
            s.push_str(&u.to_uppercase());
            s.push(' ');
        }
        s.push_str(&large_number(value));
        if let Some(m) = max {
            s.push('-');
            s.push_str(&large_number(m));
        }
        return s;
    }
    s.push_str(&format_number(value));
    if let Some(m) = max {
        s.push('-');
        s.push_str(&format_number(m));
    }
    match (c.topic, c.unit.as_deref()) {
        (Topic::Percent, _) => s.push('%'),
        // "27 people wounded": the topic already says people.
        (t, _) if t.is_people_count() => {}
        (_, Some(u)) if !u.is_empty() => {
            s.push(' ');
            s.push_str(u);
        }
        _ => {}
    }
    s
}

/// "110 billion", "2.5 million", "30,000".
fn large_number(v: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        let x = v / scale;
        if v.abs() >= scale && ((x * 100.0).round() - x * 100.0).abs() < 1e-6 {
            return format!("{} {word}", format_number((x * 100.0).round() / 100.0));
        }
    }
    format_number(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testkit::{claim, num, source, text};

    fn c(v: f64) -> Claim {
        let s = source(0, "a", "x 1.");
        claim(0, &s, "1", Topic::Killed, num(v))
    }

    #[test]
    fn converted_values_tolerate_rounding() {
        let mut a = c(9.7);
        a.topic = Topic::Distance;
        let mut b = c(10.0);
        b.topic = Topic::Distance;
        assert!(!same_value(&a, &b));
        a.original = Some("six miles".into());
        assert!(same_value(&a, &b));
        let mut far = c(12.0);
        far.topic = Topic::Distance;
        assert!(!same_value(&a, &far));
        // A figure kept as written is not a conversion: 50 is not 48.
        let mut age = c(50.0);
        age.topic = Topic::Age;
        age.original = Some("50-year-old".into());
        let mut other = c(48.0);
        other.topic = Topic::Age;
        assert!(!same_value(&age, &other));
        let mut km = c(55.0);
        km.topic = Topic::Distance;
        km.original = Some("55 kilometers".into());
        assert!(!converted(&km));
    }

    #[test]
    fn vague_figures_read_the_same_wherever_they_stand() {
        let mut a = c(20000.0);
        a.vague = true;
        a.bound = Bound::Vague;
        a.original = Some("Tens of thousands of people".into());
        let mut b = a.clone();
        b.original = Some("tens of thousands of people".into());
        assert_eq!(display(&a), display(&b));
        a.original = Some("UN".into());
        assert_eq!(display(&a), "UN");
    }

    #[test]
    fn dates_of_different_precision() {
        assert!(same_date("2011-11", "2011-11-10"));
        assert!(same_date("Thursday", "2011-11-10"));
        assert!(!same_date("Friday", "2011-11-10"));
        assert!(!same_date("2011-11-1", "2011-11-10"));
        assert!(!same_date("2011-11-10", "2011-11-11"));
    }

    #[test]
    fn bounds_overlap() {
        let mut a = c(5.0);
        a.bound = Bound::AtLeast;
        let b = c(24.0);
        assert!(compatible(&[&a, &b]));
        let e = c(21.0);
        assert!(!compatible(&[&e, &b]));
        let mut up = c(20.0);
        up.bound = Bound::AtMost;
        assert!(!compatible(&[&up, &b]));
        assert!(!compatible(&[&up, &e, &a]));
    }

    #[test]
    fn display_with_bounds_and_units() {
        let mut a = c(5.0);
        a.bound = Bound::AtLeast;
        assert_eq!(display(&a), "at least 5");
        let mut d = c(10.0);
        d.topic = Topic::Distance;
        d.unit = Some("km".into());
        d.bound = Bound::About;
        assert_eq!(display(&d), "about 10 km");
        let mut m = c(110e9);
        m.topic = Topic::Money;
        m.unit = Some("eur".into());
        assert_eq!(display(&m), "EUR 110 billion");
        m.value = Value::num(22.4e9);
        assert_eq!(display(&m), "EUR 22.4 billion");
        m.value = Value::num(30_500.0);
        assert_eq!(display(&m), "EUR 30,500");
        // People counts do not repeat "people"; years have no separators.
        let mut p = c(27.0);
        p.unit = Some("people".into());
        assert_eq!(display(&p), "27");
        let mut y = c(2011.0);
        y.topic = Topic::Year;
        assert_eq!(display(&y), "2011");
        let s = source(0, "a", "on Thursday.");
        let t = claim(0, &s, "Thursday", Topic::Date, text("Thursday"));
        assert_eq!(display(&t), "Thursday");
    }
}
