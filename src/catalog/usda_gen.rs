//! The generator of `assets/usda-sr.tsv` from the USDA Standard Reference files.
//!
//! Run by `cargo run --bin usda-gen` (never by the app). Values are copied as USDA prints them, per
//! 100 g; an empty USDA field stays empty (unknown), never 0. The vitamin D and K forms come from
//! `NUT_DATA_forms.txt` ([`forms`]), with the rules of [`origin`] where USDA gives no form.

pub mod forms;
pub mod origin;

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

/// The columns of a food row, after the leading `f`.
pub const COLUMNS: &str = "ndb\tname\tgroup\tcalcium_mg\tmagnesium_mg\tvitamin_d3_iu\tvitamin_d2_iu\tvitamin_d_other_iu\tvitamin_k1_mcg\tvitamin_k2_mk4_mcg\tvitamin_k2_mk7_mcg\tvitamin_k2_other_mcg\tfat_g\td_form\tportions";

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

/// Reads the five USDA files in `sr_dir` and returns the contents of `assets/usda-sr.tsv`.
pub fn generate(sr_dir: &Path) -> Result<String, GenError> {
    let abbrev = read_abbrev(&read(sr_dir, "ABBREV.txt")?)?;
    let desc = read_desc(&read(sr_dir, "FOOD_DES.txt")?)?;
    let groups = read_groups(&read(sr_dir, "FD_GROUP.txt")?)?;
    let weights = read_weights(&read(sr_dir, "WEIGHT.txt")?)?;
    let nut = forms::read_forms(&read(sr_dir, "NUT_DATA_forms.txt")?)?;
    let mut out = header(&groups);
    for (ndb, d) in &desc {
        let Some(a) = abbrev.get(ndb) else { continue };
        let portions = weights.get(ndb).map(|w| w.join(";")).unwrap_or_default();
        let from_abbrev = forms::Abbrev {
            d_iu: &a.vitamin_d_iu,
            k1: &a.k1,
        };
        let c = forms::cells(nut.get(ndb), &from_abbrev, &d.group, &d.name);
        let fields = [
            ndb.as_str(),
            &d.name,
            &d.group,
            &a.calcium,
            &a.magnesium,
            &c.d3,
            &c.d2,
            &c.d_other,
            &c.k1,
            &c.mk4,
            &c.mk7,
            &c.k2_other,
            &a.fat,
            c.d_form,
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
        "# Files: ABBREV.txt (SR28) joined with FOOD_DES.txt, WEIGHT.txt and FD_GROUP.txt (SR Legacy); foods in both ABBREV and FOOD_DES; vitamin D and K forms from NUT_DATA_forms.txt (SR28 NUT_DATA).".to_string(),
        "# Values per 100 g edible portion as USDA prints them; an empty field was not analysed (unknown, not 0).".to_string(),
        "# Z: USDA's assumed zero (SRC_CD 7). P: assumed zero by intake's rule: a plant food that is not fermented carries no menaquinones (ODS vitamin K fact sheet).".to_string(),
        "# vitamin D: where USDA splits it (Nutr_No 325 D2, 326 D3) each form is its µg x 40 and the rest of the 328 total is form unknown (d_form usda);".to_string(),
        "#   otherwise the total (ABBREV field 43 IU) is D3 for animal foods, fish-liver oils and animal fats that are not fortified (rule-d3, ODS), D2 for UV-exposed mushrooms (rule-d2, ODS), else form unknown.".to_string(),
        "# vitamin_k1_mcg: Nutr_No 430 (phylloquinone), else ABBREV field 44. vitamin_k2_mk4_mcg: Nutr_No 428. USDA has no MK-7 or longer menaquinones.".to_string(),
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
    Ok(forms::iu(v))
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

/// How many foods of a generated table got their vitamin D form from USDA and how many by rule,
/// and how many carry assumed zeros: what `usda-gen` prints and the README quotes.
pub fn summary(table: &str) -> String {
    let (mut by_form, mut mk4, mut usda_zero, mut plant) = (BTreeMap::new(), 0, 0, 0);
    for f in table.lines().filter_map(|l| l.strip_prefix("f\t")) {
        let f: Vec<&str> = f.split('\t').collect();
        if f.len() < 15 {
            continue;
        }
        *by_form.entry(f[13]).or_insert(0) += 1;
        mk4 += usize::from(!matches!(f[9], "" | forms::PLANT_ZERO));
        usda_zero += usize::from(f[3..13].contains(&forms::USDA_ZERO));
        plant += usize::from(f[10] == forms::PLANT_ZERO);
    }
    let n = |k: &str| by_form.get(k).copied().unwrap_or(0);
    format!(
        "vitamin D form: from USDA {}, D3 by rule {}, D2 by rule {}, unknown {}, no vitamin D {}; \
         MK-4 from USDA {mk4}; foods with a USDA assumed zero {usda_zero}; \
         no menaquinones by the plant rule {plant}",
        n("usda"),
        n("rule-d3"),
        n("rule-d2"),
        n("unknown"),
        n("")
    )
}
