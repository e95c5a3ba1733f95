//! Every example in docs/format.md parses as the type it shows, so the
//! contract page cannot drift from the code.

use casebook::domain::*;
use casebook::store::identity::Config;
use casebook::store::ron_io::from_ron;
use std::path::Path;

#[test]
fn every_ron_example_in_the_format_page_parses() {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md")).unwrap();
    let blocks: Vec<&str> = page
        .split("```ron\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert!(
        blocks.len() >= 10,
        "expected an example per file type, found {}",
        blocks.len()
    );
    for block in blocks {
        let path = Path::new("docs/format.md");
        let kind = block.split('(').next().unwrap().trim();
        let parsed = match kind {
            "Study" => from_ron::<Study>(path, block).map(drop),
            "Case" => from_ron::<Case>(path, block).map(drop),
            "Review" => from_ron::<Review>(path, block).map(drop),
            "Resolution" => from_ron::<Resolution>(path, block).map(drop),
            "Informant" => from_ron::<Informant>(path, block).map(drop),
            "StatusFile" => from_ron::<StatusFile>(path, block).map(drop),
            "Interview" => from_ron::<Interview>(path, block).map(drop),
            "Codings" => from_ron::<Codings>(path, block).map(drop),
            "ResearcherNotes" => from_ron::<ResearcherNotes>(path, block).map(drop),
            "Codebook" => from_ron::<Codebook>(path, block).map(drop),
            "OwnCodes" => from_ron::<OwnCodes>(path, block).map(drop),
            "Guide" => from_ron::<Guide>(path, block).map(drop),
            "Config" => from_ron::<Config>(path, block).map(drop),
            "Contacts" => from_ron::<casebook::store::private::Contacts>(path, block).map(drop),
            other => panic!("an example of an unknown type `{other}`"),
        };
        if let Err(problem) = parsed {
            panic!("the {kind} example does not parse: {problem}\n{block}");
        }
    }
}
