//! Any generated study survives saving and loading byte for byte: save it,
//! load it, save the loaded study elsewhere, and every file is the same.

mod common;

use casebook::generate::{generate, Options};
use casebook::store::{load, save_all, Layout, Stamps};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_study_round_trips_byte_identically(seed in any::<u64>(), projects in 1usize..40) {
        let data = generate(Options { seed, projects });
        let first = tempfile::tempdir().unwrap();
        save_all(&Layout::new(first.path()), &mut Stamps::default(), &data).unwrap();
        let loaded = load(&Layout::new(first.path()));
        prop_assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.first());
        prop_assert_eq!(&loaded.data, &data);
        let second = tempfile::tempdir().unwrap();
        save_all(&Layout::new(second.path()), &mut Stamps::default(), &loaded.data).unwrap();
        let files = common::files_under(first.path());
        prop_assert_eq!(&files, &common::files_under(second.path()));
        for file in files {
            prop_assert_eq!(
                std::fs::read(first.path().join(&file)).unwrap(),
                std::fs::read(second.path().join(&file)).unwrap(),
                "{}", file.display()
            );
        }
    }
}
