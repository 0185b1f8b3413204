//! `NO_COLOR=1`: the real binary in tmux draws no colour at all, and the bands, limits and
//! severities still read, told by glyphs. The same diary without NO_COLOR is drawn in colour, so
//! the check of the escape sequences can fail.

mod common;
use common::Diary;
use common::tmux::{BIN, Tmux, tmux_installed};

/// A day over the calcium limit, vitamin D within its band, K2 below it, and a spacing caution:
/// every glyph has something to say.
fn diary() -> Diary {
    let d = Diary::new();
    d.ok(&["profile", "set", "--age", "63", "--sex", "female"]);
    d.ok(&["add", "levothyroxine", "--at", "07:00"]);
    d.ok(&["add", "d3", "1000 IU", "--at", "08:00"]);
    for at in ["07:30", "12:00", "18:00"] {
        d.ok(&["add", "calcium-carbonate", "1250 mg", "--at", at]);
    }
    d
}

/// The pane with its attributes as escape sequences (`capture-pane -e`).
fn styled(tmux: &Tmux) -> String {
    let out = tmux.cmd(&["capture-pane", "-p", "-e", "-t", "app"]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The SGR parameters that set a colour (30–38, 40–48, 90–97, 100–107), in `text`'s sequences.
fn colour_codes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seq in text.split("\x1b[").skip(1) {
        let Some(end) = seq.find('m') else { continue };
        let params = &seq[..end];
        if !params.bytes().all(|b| b.is_ascii_digit() || b == b';') {
            continue;
        }
        let first = params.split(';').next().unwrap_or("");
        if let Ok(n) = first.parse::<u16>()
            && matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107)
        {
            out.push(params.to_string());
        }
    }
    out
}

fn run(d: &Diary, name: &str, no_color: bool) -> (String, String) {
    let env = if no_color {
        "NO_COLOR=1"
    } else {
        "-u NO_COLOR"
    };
    let command = format!(
        "env {env} XDG_CONFIG_HOME={dir} TERM=xterm-256color {BIN} --db {db}",
        dir = d.dir.path().display(),
        db = d.path.display()
    );
    let tmux = Tmux::start(name, &command).expect("tmux is installed");
    let plain = tmux.wait_for(&["Gaps", "Warnings"]);
    let styled = styled(&tmux);
    tmux.keys(&["q"]);
    tmux.wait_exit();
    (plain, styled)
}

#[test]
fn no_color_draws_no_colour_and_the_glyphs_still_tell_bands_limits_and_severities() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let d = diary();
    let (_, coloured) = run(&d, "colour", false);
    assert!(
        !colour_codes(&coloured).is_empty(),
        "without NO_COLOR the app is drawn in colour"
    );

    let (plain, styled) = run(&d, "nocolour", true);
    assert_eq!(colour_codes(&styled), Vec::<String>::new(), "{styled}");
    for (glyph, says) in [
        ("░", "the target band"),
        ("│", "the limit in force"),
        ("‼", "over the limit"),
        ("↓", "below the band"),
        ("!", "a caution beside an entry's time"),
        ("✓", "within the band"),
    ] {
        assert!(plain.contains(glyph), "{glyph} ({says}) missing:\n{plain}");
    }
    assert!(plain.contains("caution"), "severities in words:\n{plain}");
}
