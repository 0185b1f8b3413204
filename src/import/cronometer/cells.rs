//! Cronometer's cell formats: its amounts (`"4.00 x 1000.0 IU"`), times (`9:00 AM`), numbers,
//! meal groups, and the item key a food name becomes.

use chrono::NaiveTime;

/// Cronometer's group as intake's meal: Breakfast → breakfast, Snacks → snack; Uncategorized
/// and Supplements are no meal.
pub fn meal(group: &str) -> Option<String> {
    match group.to_lowercase().as_str() {
        "" | "uncategorized" | "supplements" => None,
        "snacks" => Some("snack".into()),
        g => Some(g.to_string()),
    }
}

/// `cronometer:` and the name in lower case with single dashes.
pub fn item_key(name: &str) -> String {
    let mut key = String::from("cronometer:");
    let mut dash = false;
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            key.push(c);
            dash = false;
        } else if !dash && !key.ends_with(':') {
            key.push('-');
            dash = true;
        }
    }
    key.trim_end_matches('-').to_string()
}

/// `9:00 AM`, `12:50 PM`, `21:15`, `21:15:00`.
pub fn parse_time(t: &str) -> Option<NaiveTime> {
    ["%I:%M %p", "%I:%M:%S %p", "%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(t, f).ok())
}

/// A finite number, not negative.
pub fn parse_number(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// `"150.00 g"` → (150, g); `"4.00 x 1000.0 IU"` → (4000, IU); `"1.00 full recipe"`.
pub fn parse_amount(s: &str) -> Option<(f64, String)> {
    let (num, rest) = s.trim().split_once(' ')?;
    let mut q = parse_number(num)?;
    let mut unit = rest.trim();
    if let Some(times) = unit.strip_prefix("x ") {
        let (each, u) = times.trim().split_once(' ')?;
        q *= parse_number(each)?;
        unit = u.trim();
    }
    (!unit.is_empty()).then(|| (q, unit.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_cronometer_writes_them() {
        let a = |s: &str| parse_amount(s);
        assert_eq!(a("150.00 g"), Some((150.0, "g".into())));
        assert_eq!(a("4.00 x 1000.0 IU"), Some((4000.0, "IU".into())));
        assert_eq!(a("1.00 full recipe"), Some((1.0, "full recipe".into())));
        assert_eq!(a("2.00 softgel"), Some((2.0, "softgel".into())));
        assert_eq!(a("0.60 mg"), Some((0.6, "mg".into())));
        for bad in ["", "g", "150.00", "abc g", "-1 g", "4.00 x IU", "NaN g"] {
            assert_eq!(a(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_and_keys() {
        let t = |s| parse_time(s).map(|t| t.format("%H:%M").to_string());
        assert_eq!(t("9:00 AM").as_deref(), Some("09:00"));
        assert_eq!(t("12:50 PM").as_deref(), Some("12:50"));
        assert_eq!(t("12:05 AM").as_deref(), Some("00:05"));
        assert_eq!(t("21:15").as_deref(), Some("21:15"));
        assert_eq!(t("noon"), None);
        assert_eq!(
            item_key("Bread, whole-wheat (1 slice)"),
            "cronometer:bread-whole-wheat-1-slice"
        );
        assert_eq!(meal("Snacks").as_deref(), Some("snack"));
        assert_eq!(meal("Uncategorized"), None);
    }
}
