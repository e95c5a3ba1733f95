//! The loader on any bytes: mutated real files (bits flipped, bytes cut,
//! inserted or dropped) never make it panic or hang, and a study with such a
//! file still loads the rest. A bounded run, part of every `cargo test`.

mod common;

use casebook::domain::*;
use casebook::store::ron_io::from_ron;
use casebook::store::{load, Layout};
use proptest::prelude::*;
use std::path::Path;

/// The mutations a damaged file can have suffered.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Cut { at: usize },
    Insert { at: usize, byte: u8 },
    Drop { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        any::<usize>().prop_map(|at| Mutation::Cut { at }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Drop { at, len }),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutations: &[Mutation]) {
    for m in mutations {
        if bytes.is_empty() {
            return;
        }
        match *m {
            Mutation::Flip { at, bit } => {
                let at = at % bytes.len();
                bytes[at] ^= 1 << bit;
            }
            Mutation::Cut { at } => bytes.truncate(at % bytes.len()),
            Mutation::Insert { at, byte } => {
                let at = at % bytes.len();
                bytes.insert(at, byte);
            }
            Mutation::Drop { at, len } => {
                let at = at % bytes.len();
                let end = (at + len).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
}

const FILES: [&str; 6] = [
    "cases/study.ron",
    "cases/p2019-036/case.ron",
    "cases/p2019-036/review.astrid.ron",
    "cases/p2019-036/informants/INF-15.ron",
    "cases/p2019-036/interviews/INT-02.ron",
    "guides/case-interview.ron",
];

/// Parses `text` as the type the file at `relative` holds.
fn parse(relative: &str, text: &str) {
    let path = Path::new(relative);
    let _ = match relative {
        "cases/study.ron" => from_ron::<Study>(path, text).map(drop),
        r if r.ends_with("case.ron") => from_ron::<Case>(path, text).map(drop),
        r if r.contains("review.") => from_ron::<Review>(path, text).map(drop),
        r if r.contains("informants/") => from_ron::<Informant>(path, text).map(drop),
        r if r.contains("interviews/") => from_ron::<Interview>(path, text).map(drop),
        _ => from_ron::<Guide>(path, text).map(drop),
    };
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_bytes_make_the_parser_panic(file in 0..FILES.len(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let relative = FILES[file];
        let mut bytes = std::fs::read(common::repo().join(relative)).unwrap();
        mutate(&mut bytes, &mutations);
        parse(relative, &String::from_utf8_lossy(&bytes));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_study_with_a_damaged_file_loads_the_rest(file in 0..FILES.len(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let study = common::demo_copy();
        let path = study.path().join(FILES[file]);
        let mut bytes = std::fs::read(&path).unwrap();
        mutate(&mut bytes, &mutations);
        std::fs::write(&path, &bytes).unwrap();
        let loaded = load(&Layout::new(study.path()));
        // Every case folder is still there (a broken case.ron has a stand-in).
        prop_assert_eq!(loaded.data.cases.len(), 325);
    }
}
