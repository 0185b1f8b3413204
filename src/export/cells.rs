//! The cells of intake's CSV files: numbers as they are written, and text made safe from
//! spreadsheet formulas.

/// A weekly amount at the precision its sources give: the food tables and labels state mg and
/// IU in whole numbers and mcg to a tenth at best, so more digits would be false precision
/// (a total of 1235.502 mg is written 1236, 4.992 mcg is written 5).
pub fn rounded(v: f64, unit: &str) -> String {
    let mut s = String::new();
    rounded_into(v, unit, &mut s);
    s
}

/// [`rounded`], written onto the end of `out`.
pub(super) fn rounded_into(v: f64, unit: &str, out: &mut String) {
    let scale = if unit == "mcg" { 10.0 } else { 1.0 };
    num_into((v * scale).round() / scale, out);
}

/// Numbers in CSV: at most three decimals, trailing zeros dropped.
///
/// Amounts are thousandths (see `Milli`), so nearly every value is exactly the double nearest to
/// a whole number of thousandths; it is written from that integer (issue 19: `format!` with a
/// precision was a tenth of an export). Any other value goes through `format!`, which gives the
/// same digits for the former (`tests::num_writes_what_format_writes`).
pub fn num(v: f64) -> String {
    let mut s = String::with_capacity(24);
    num_into(v, &mut s);
    s
}

/// [`num`], written onto the end of `out` (issue 19: a year's weekly export wrote ~7,700
/// numbers, each into a string of its own).
pub(super) fn num_into(v: f64, out: &mut String) {
    let m = (v * 1000.0).round();
    if m.abs() < 1e15 && m / 1000.0 == v {
        return thousandths(m as i64, out);
    }
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    out.push_str(if s == "-0" { "0" } else { s });
}

/// `m` thousandths as a decimal, trailing zeros dropped (`1500` is `1.5`, `-20` is `-0.02`),
/// digit by digit (`to_string` and `format!` were most of a cell's cost).
fn thousandths(m: i64, s: &mut String) {
    let (whole, frac) = (m.unsigned_abs() / 1000, m.unsigned_abs() % 1000);
    if m < 0 {
        s.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = whole;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(digits[at..].iter().map(|&d| char::from(d)));
    if frac > 0 {
        s.push('.');
        let places = [frac / 100, frac / 10 % 10, frac % 10];
        let kept = 3 - usize::from(frac % 10 == 0) - usize::from(frac % 100 == 0);
        s.extend(places[..kept].iter().map(|&d| char::from(b'0' + d as u8)));
    }
}

/// Spreadsheet formula injection: a text cell starting with = + - @ tab or CR gets a leading `'`.
/// A finite number stays as it is; `-inf` and `-nan` parse as numbers in Rust but not in a
/// spreadsheet, so they count as text.
pub fn neutralise(cell: &str) -> String {
    neutralised(cell.to_string())
}

/// [`neutralise`] of a cell already owned (most cells are returned as they are).
pub(super) fn neutralised(cell: String) -> String {
    if is_risky(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

pub(super) fn is_risky(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !cell.parse::<f64>().is_ok_and(f64::is_finite)
}

/// The cell as it was before [`neutralise`] (for reading intake's own CSV back in). A cell that
/// itself began with `'` followed by a formula character reads back without that quote.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if neutralise(rest) == cell => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    /// What `num` wrote before its integer path: every value must still be written so.
    fn by_format(v: f64) -> String {
        let s = format!("{v:.3}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" { "0".into() } else { s.to_string() }
    }

    proptest::proptest! {
        #[test]
        fn num_writes_what_format_writes(m in -10_000_000_000i64..10_000_000_000, d in 1i64..8) {
            for v in [m as f64 / 1000.0, m as f64 / 1000.0 / d as f64, (m / 7) as f64 / 100.0] {
                proptest::prop_assert_eq!(super::num(v), by_format(v), "{}", v);
            }
        }

        #[test]
        fn num_writes_any_double_as_format_does(v in proptest::num::f64::ANY) {
            proptest::prop_assert_eq!(super::num(v), by_format(v));
        }
    }

    #[test]
    fn num_edge_cases() {
        for v in [
            0.0, -0.0, 0.0005, -0.0005, 0.0015, 1e15, 9.9e14, -1e-9, 2.5e-4, 1234.5675,
        ] {
            assert_eq!(super::num(v), by_format(v), "{v}");
        }
        assert_eq!(super::num(1.5), "1.5");
        assert_eq!(super::num(-0.02), "-0.02");
        assert_eq!(super::num(1200.0), "1200");
    }
}
