//! The domain: what a study is made of, as plain types with the rules about
//! them. Nothing here touches a terminal or the file system.

pub mod anchor;
pub mod blind;
pub mod case;
pub mod codes;
pub mod data;
pub mod fnv;
pub mod fold;
pub mod guide;
pub mod ids;
pub mod informant;
pub mod interview;
pub mod recruit;
pub mod review;
pub mod study;

pub use case::*;
pub use data::*;
pub use guide::*;
pub use ids::*;
pub use informant::*;
pub use interview::*;
pub use review::*;
pub use study::*;
