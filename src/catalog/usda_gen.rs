//! The generator of `assets/usda-sr.tsv` from the USDA Standard Reference files.
//!
//! Run by `cargo run --bin usda-gen` (never by the app). Values are copied as USDA prints them, per
//! 100 g; an empty USDA field stays empty (unknown), never 0.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;
use thiserror::Error;

/// Why the table could not be generated.
#[derive(Debug, Error)]
pub enum GenError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{file} line {line}: expected {want} `^`-separated fields, found {found}")]
    Fields {
        file: &'static str,
        line: usize,
        want: usize,
        found: usize,
    },
    #[error("{file} line {line}: `{value}` is not a number")]
    Number {
        file: &'static str,
        line: usize,
        value: String,
    },
}

/// The citation the USDA README asks for; written into the header of the generated file.
pub const CITATION: &str = "US Department of Agriculture, Agricultural Research Service, Nutrient Data Laboratory. USDA National Nutrient Database for Standard Reference (Release 28, 2015; Legacy, April 2018)";

/// Food groups whose vitamin D is recorded as D3 (animal foods).
pub const ANIMAL_GROUPS: [&str; 7] = ["0100", "0500", "0700", "1000", "1300", "1500", "1700"];

/// The columns of a food row, after the leading `f`.
pub const COLUMNS: &str = "ndb\tname\tgroup\tcalcium_mg\tmagnesium_mg\tvitamin_d_iu\tvitamin_k1_mcg\tfat_g\td_form\tportions";

/// One food from ABBREV.txt (per 100 g).
struct Abbrev {
    fat: String,
    calcium: String,
    magnesium: String,
    vitamin_d_iu: String,
    k1: String,
}

struct Desc {
    group: String,
    name: String,
}

/// Reads the four USDA files in `sr_dir` and returns the contents of `assets/usda-sr.tsv`.
pub fn generate(sr_dir: &Path) -> Result<String, GenError> {
    let abbrev = read_abbrev(&read(sr_dir, "ABBREV.txt")?)?;
    let desc = read_desc(&read(sr_dir, "FOOD_DES.txt")?)?;
    let groups = read_groups(&read(sr_dir, "FD_GROUP.txt")?)?;
    let weights = read_weights(&read(sr_dir, "WEIGHT.txt")?)?;
    let mut out = header(&groups);
    for (ndb, d) in &desc {
        let Some(a) = abbrev.get(ndb) else { continue };
        let portions = weights.get(ndb).map(|w| w.join(";")).unwrap_or_default();
        let fields = [
            ndb.as_str(),
            &d.name,
            &d.group,
            &a.calcium,
            &a.magnesium,
            &a.vitamin_d_iu,
            &a.k1,
            &a.fat,
            d_form(&d.group, &d.name),
            &portions,
        ];
        out.push_str("f\t");
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    Ok(out)
}

fn header(groups: &[(String, String)]) -> String {
    let mut out = String::new();
    let lines = [
        "# intake food table, generated from the USDA SR files by `cargo run --bin usda-gen`; do not edit.".to_string(),
        format!("# Source: {CITATION}. Public domain."),
        "# Files: ABBREV.txt (SR28) joined with FOOD_DES.txt, WEIGHT.txt and FD_GROUP.txt (SR Legacy); foods in both ABBREV and FOOD_DES.".to_string(),
        "# Values per 100 g edible portion as USDA prints them; an empty field was not analysed (unknown, not 0).".to_string(),
        "# vitamin_d_iu: ABBREV field 43, or field 42 (µg) x 40 when 43 is empty. vitamin_k1_mcg: field 44 (phylloquinone).".to_string(),
        "# d_form: d3 for animal food groups (0100 0500 0700 1000 1300 1500 1700), d2 for mushrooms exposed to UV light, else other.".to_string(),
        "# portions: amount|household measure|grams, `;`-separated, in WEIGHT.txt Seq order.".to_string(),
    ];
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    for (code, name) in groups {
        let _ = writeln!(out, "g\t{code}\t{name}");
    }
    let _ = writeln!(out, "# f\t{COLUMNS}");
    out
}

/// The vitamin D form recorded for a food: `d3`, `d2` or `other`.
pub fn d_form(group: &str, name: &str) -> &'static str {
    let l = name.to_lowercase();
    if ANIMAL_GROUPS.contains(&group) {
        "d3"
    } else if l.contains("mushroom") && (l.contains("ultraviolet") || l.contains(" uv")) {
        "d2"
    } else {
        "other"
    }
}

fn read(dir: &Path, name: &str) -> Result<String, GenError> {
    let path = dir.join(name);
    let bytes = std::fs::read(&path).map_err(|source| GenError::Read {
        path: path.display().to_string(),
        source,
    })?;
    // The files are ASCII except for a stray Latin-1 byte (`Entr\xe9e` in ABBREV.txt): decode
    // each byte as the Latin-1 character it stands for.
    Ok(bytes.iter().map(|&b| char::from(b)).collect())
}

/// The `^`-separated fields of each non-empty line, with `~` text quotes removed.
fn rows<'a>(
    text: &'a str,
    file: &'static str,
    want: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), GenError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(move |(i, l)| {
            let f: Vec<&str> = l
                .trim_end_matches('\r')
                .split('^')
                .map(|x| x.trim_matches('~'))
                .collect();
            if f.len() == want {
                Ok((i + 1, f))
            } else {
                Err(GenError::Fields {
                    file,
                    line: i + 1,
                    want,
                    found: f.len(),
                })
            }
        })
}

fn read_abbrev(text: &str) -> Result<HashMap<String, Abbrev>, GenError> {
    let mut out = HashMap::new();
    for row in rows(text, "ABBREV.txt", 53) {
        let (line, f) = row?;
        let vitamin_d_iu = match (f[42], f[41]) {
            ("", "") => String::new(),
            ("", mcg) => times_40(mcg, line)?,
            (iu, _) => iu.to_string(),
        };
        let a = Abbrev {
            fat: f[5].into(),
            calcium: f[10].into(),
            magnesium: f[12].into(),
            vitamin_d_iu,
            k1: f[43].into(),
        };
        out.insert(f[0].to_string(), a);
    }
    Ok(out)
}

/// µg of vitamin D as IU (1 µg = 40 IU), printed without trailing zeros.
fn times_40(mcg: &str, line: usize) -> Result<String, GenError> {
    let v: f64 = mcg.parse().map_err(|_| GenError::Number {
        file: "ABBREV.txt",
        line,
        value: mcg.into(),
    })?;
    let s = format!("{:.3}", v * 40.0);
    Ok(s.trim_end_matches('0').trim_end_matches('.').to_string())
}

fn read_desc(text: &str) -> Result<BTreeMap<String, Desc>, GenError> {
    let mut out = BTreeMap::new();
    for row in rows(text, "FOOD_DES.txt", 14) {
        let (_, f) = row?;
        let d = Desc {
            group: f[1].into(),
            name: clean(f[2]),
        };
        out.insert(f[0].to_string(), d);
    }
    Ok(out)
}

fn read_groups(text: &str) -> Result<Vec<(String, String)>, GenError> {
    rows(text, "FD_GROUP.txt", 2)
        .map(|r| r.map(|(_, f)| (f[0].to_string(), clean(f[1]))))
        .collect()
}

/// Portions per food as `amount|text|grams`, in Seq order.
fn read_weights(text: &str) -> Result<HashMap<String, Vec<String>>, GenError> {
    let mut seqs: HashMap<String, Vec<(u32, String)>> = HashMap::new();
    for row in rows(text, "WEIGHT.txt", 7) {
        let (line, f) = row?;
        let seq: u32 = f[1].parse().map_err(|_| GenError::Number {
            file: "WEIGHT.txt",
            line,
            value: f[1].into(),
        })?;
        let text = clean(f[3]).replace(['|', ';'], ",");
        let portion = format!("{}|{}|{}", f[2], text, f[4]);
        seqs.entry(f[0].to_string())
            .or_default()
            .push((seq, portion));
    }
    Ok(seqs
        .into_iter()
        .map(|(k, mut v)| {
            v.sort_by_key(|(s, _)| *s);
            (k, v.into_iter().map(|(_, p)| p).collect())
        })
        .collect())
}

/// A text field with tabs and line breaks turned into spaces (the table is tab-separated).
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ").trim().to_string()
}
