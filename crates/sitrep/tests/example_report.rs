//! The seed report in ../shared/examples: its date and the sentence boundaries a careful
//! reader draws. The report's text is not copied here; each expected sentence is named
//! by its first words and its last word.

use std::path::PathBuf;
use std::process::Command;

fn example() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/report-2022-02-25-kyiv.txt");
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent (it ships with the development data, not the repository)", path.display());
        None
    }
}

/// (first words, last word with its punctuation) of each sentence, in order.
const SENTENCES: &[(&str, &str)] = &[
    ("Russian troops bore", "arms."),
    ("On Day 2", "talks."),
    ("Ukrainian president Volodymyr", "arms."),
    ("Hours later, Kremlin", "instead."),
    ("But indications that", "Kyiv."),
    ("These developments came", "state."),
    ("US officials said", "resolution."),
    ("The meeting was", "Saturday."),
    ("At the same", "sanctions."),
    ("The European Union", "sanctions."),
    ("But it was", "symbolic."),
    ("In the fog", "seized."),
    ("In Kyiv, Associated", "areas."),
    ("Russia’s military said", "capital."),
    ("It claimed to", "border."),
    ("“When bombs fall", "statement."),
    ("“When missiles kill", "Europeans.”"),
    ("Zelenskiy pleaded with", "help."),
    ("His whereabouts were", "alive."),
    ("Zelenskiy also made", "country."),
    ("He also offered", "NATO."),
    ("The Kremlin responded", "that."),
    ("But Putin’s spokesman", "communication."),
    ("Russian foreign minister", "on."),
    ("After denying for", "demands."),
    ("In a window", "hostage.”"),
    ("Ukrainians, meanwhile, abruptly", "nearby."),
    ("Residents of a", "dust."),
    ("What the mayor", "fire."),
    ("“What are you", "forces."),
    ("Like countless other", "him."),
    ("Elsewhere in Kyiv,", "underpass."),
    ("Fragments of a", "area."),
    ("Black plastic was", "them."),
    ("And people climbed", "upheaval."),
    ("“We’re all scared", "20."),
    ("AP reporters saw", "Kyiv."),
    ("Russian troops also", "east."),
    ("A Russian missile", "east."),
    ("US Secretary of", "regime."),
    ("The assault, anticipated", "II."),
];

#[test]
fn extract_gives_the_date_and_a_careful_readers_sentences() {
    let Some(path) = example() else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep")).arg("extract").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["doc"]["date"], "2022-02-25");
    let text: Vec<char> = report["doc"]["text"].as_str().unwrap().chars().collect();
    assert!(text.iter().collect::<String>().starts_with("Russian troops"), "the `date` header is not part of the text");
    let sentences: Vec<String> = report["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
            text[a..b].iter().collect()
        })
        .collect();
    for (i, (got, (first, last))) in sentences.iter().zip(SENTENCES).enumerate() {
        assert!(got.starts_with(first) && got.ends_with(last), "sentence {}: expected `{first} … {last}`, got `{got}`", i + 1);
    }
    assert_eq!(sentences.len(), SENTENCES.len(), "sentence count");
    // Paragraphs: the report has 24 blocks separated by blank lines.
    assert_eq!(report["paragraphs"].as_array().unwrap().len(), 24);
    // Every sentence lies inside a paragraph and nothing but white space lies between sentences.
    let covered: String = sentences.concat();
    let non_space: String = text.iter().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(covered.chars().filter(|c| !c.is_whitespace()).collect::<String>(), non_space);
}
