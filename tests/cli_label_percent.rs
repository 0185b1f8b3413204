//! `intake item add --calcium 30%`: a label's percentage becomes an amount through the FDA Daily
//! Value the reference gives (2016 rule, or the older one with --older-dv), saying which it used;
//! a nutrient without a Daily Value there is refused rather than guessed.

mod common;
use common::Diary;

fn add(d: &Diary, key: &str, flags: &[&str]) -> std::process::Output {
    let mut args = vec!["item", "add", key, "--name", "Orange juice, fortified"];
    args.extend(flags);
    d.cmd(&args).output().unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn a_percentage_is_of_the_2016_daily_value_and_says_so() {
    let d = Diary::new();
    let said = stdout(&add(
        &d,
        "oj",
        &[
            "--calcium",
            "30%",
            "--d3",
            "10 %",
            "--k2-mk7",
            "50%",
            "--magnesium",
            "20-30%",
        ],
    ));
    for want in [
        "calcium: 30 % of 1300 mg (FDA Daily Value, 2016 label rule) = 390 mg",
        "vitamin D3: 10 % of 800 IU (FDA Daily Value, 2016 label rule) = 80 IU",
        "vitamin K2 MK-7: 50 % of 120 mcg (FDA Daily Value, 2016 label rule) = 60 mcg",
        "magnesium: 20–30 % of 420 mg (FDA Daily Value, 2016 label rule) = 84–126 mg",
    ] {
        assert!(said.contains(want), "{want}\n{said}");
    }
    let listed = d.ok(&["item", "list"]);
    assert!(listed.contains("Ca 390 mg"), "{listed}");
    // The item's source keeps the conversion, so the figure names where it came from.
    assert!(
        listed.contains("your entry; calcium: 30 % of 1300 mg (FDA Daily Value, 2016 label rule)"),
        "{listed}"
    );
}

#[test]
fn an_older_label_uses_the_older_daily_values() {
    let d = Diary::new();
    let said = stdout(&add(
        &d,
        "oj-old",
        &[
            "--older-dv",
            "--calcium",
            "30%",
            "--d3",
            "25%",
            "--k1",
            "100%",
        ],
    ));
    for want in [
        "calcium: 30 % of 1000 mg (older FDA Daily Value, labels before the 2016 rule) = 300 mg",
        "vitamin D3: 25 % of 400 IU (older FDA Daily Value, labels before the 2016 rule) = 100 IU",
        "vitamin K1: 100 % of 80 mcg (older FDA Daily Value, labels before the 2016 rule) = 80 mcg",
    ] {
        assert!(said.contains(want), "{want}\n{said}");
    }
    // Plain amounts are taken as they are, with no conversion note.
    let plain = stdout(&add(&d, "oj-plain", &["--older-dv", "--calcium", "350"]));
    assert!(!plain.contains("Daily Value"), "{plain}");
    assert!(plain.contains("Ca 350 mg"), "{plain}");
}

#[test]
fn a_percentage_without_a_daily_value_or_not_a_number_is_refused_and_nothing_written() {
    let d = Diary::new();
    d.ok(&["day"]);
    let before = d.snapshot();
    for (flags, says) in [
        (
            &["--fat", "10%"][..],
            "bad fat `10%`: intake's reference has no Daily Value for fat, so a percentage \
             cannot be converted: give the amount in g",
        ),
        (
            &["--calcium", "abc%"][..],
            "bad calcium `abc%`: accepted is a percentage of the Daily Value like 30% or 20-30%",
        ),
        (
            &["--calcium=-5%"][..],
            "bad calcium `-5%`: accepted is a percentage of the Daily Value like 30% or 20-30%",
        ),
    ] {
        let o = add(&d, "oj", flags);
        assert_eq!(o.status.code(), Some(2), "{flags:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(says), "{err}");
        assert_eq!(d.snapshot(), before, "{flags:?} wrote");
    }
}
