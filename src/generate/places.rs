//! Municipalities the synthetic study draws from: real place names with
//! rounded populations and their 2020 counties. No people, only places.

pub struct Place {
    pub name: &'static str,
    pub county: &'static str,
    pub population: u64,
}

const fn p(name: &'static str, county: &'static str, population: u64) -> Place {
    Place {
        name,
        county,
        population,
    }
}

const TF: &str = "Troms og Finnmark";
const NL: &str = "Nordland";
const TL: &str = "Trøndelag";
const MR: &str = "Møre og Romsdal";
const VL: &str = "Vestland";
const RL: &str = "Rogaland";
const AG: &str = "Agder";
const VT: &str = "Vestfold og Telemark";
const VK: &str = "Viken";
const OS: &str = "Oslo";
const IL: &str = "Innlandet";

/// Municipalities that applied for grants in the synthetic study.
pub const APPLICANTS: &[Place] = &[
    p("Tromsø", TF, 77_000),
    p("Bodø", NL, 52_500),
    p("Alta", TF, 21_100),
    p("Harstad", TF, 24_800),
    p("Narvik", NL, 21_600),
    p("Rana", NL, 26_200),
    p("Vadsø", TF, 5_800),
    p("Hammerfest", TF, 11_400),
    p("Sortland", NL, 10_600),
    p("Vefsn", NL, 13_300),
    p("Senja", TF, 14_800),
    p("Kautokeino", TF, 2_900),
    p("Røst", NL, 460),
    p("Båtsfjord", TF, 2_200),
    p("Sør-Varanger", TF, 10_100),
    p("Vestvågøy", NL, 11_500),
    p("Nordreisa", TF, 4_900),
    p("Træna", NL, 450),
    p("Trondheim", TL, 212_000),
    p("Stjørdal", TL, 24_600),
    p("Levanger", TL, 20_300),
    p("Steinkjer", TL, 24_300),
    p("Namsos", TL, 15_000),
    p("Orkland", TL, 18_600),
    p("Malvik", TL, 14_600),
    p("Oppdal", TL, 7_000),
    p("Røros", TL, 5_600),
    p("Frøya", TL, 5_300),
    p("Snåsa", TL, 2_100),
    p("Holtålen", TL, 1_980),
    p("Bergen", VL, 287_000),
    p("Stavanger", RL, 145_000),
    p("Sandnes", RL, 81_000),
    p("Ålesund", MR, 67_000),
    p("Haugesund", RL, 37_800),
    p("Molde", MR, 32_300),
    p("Kristiansund", MR, 24_000),
    p("Karmøy", RL, 42_500),
    p("Sola", RL, 27_900),
    p("Askøy", VL, 30_100),
    p("Bømlo", VL, 12_100),
    p("Stord", VL, 19_000),
    p("Kvinnherad", VL, 13_100),
    p("Sunnfjord", VL, 22_100),
    p("Volda", MR, 10_800),
    p("Sogndal", VL, 12_200),
    p("Voss", VL, 15_900),
    p("Hå", RL, 19_300),
    p("Eigersund", RL, 15_000),
    p("Stad", MR, 9_500),
    p("Sauda", RL, 4_600),
    p("Lærdal", VL, 2_150),
    p("Fjord", MR, 2_500),
    p("Aukra", MR, 3_600),
    p("Oslo", OS, 709_000),
    p("Bærum", VK, 129_000),
    p("Asker", VK, 96_000),
    p("Drammen", VK, 103_000),
    p("Fredrikstad", VK, 84_000),
    p("Sarpsborg", VK, 58_000),
    p("Lillestrøm", VK, 89_000),
    p("Lørenskog", VK, 44_000),
    p("Skien", VT, 55_500),
    p("Porsgrunn", VT, 37_000),
    p("Tønsberg", VT, 57_800),
    p("Sandefjord", VT, 64_900),
    p("Larvik", VT, 48_000),
    p("Hamar", IL, 32_000),
    p("Lillehammer", IL, 28_600),
    p("Gjøvik", IL, 30_400),
    p("Ringsaker", IL, 35_000),
    p("Kongsberg", VK, 28_000),
    p("Halden", VK, 31_600),
    p("Moss", VK, 50_300),
    p("Ringerike", VK, 31_000),
    p("Elverum", IL, 21_400),
    p("Kongsvinger", IL, 18_000),
    p("Nordre Land", IL, 6_600),
    p("Notodden", VT, 13_100),
    p("Nome", VT, 6_500),
    p("Hjartdal", VT, 1_600),
    p("Engerdal", IL, 1_250),
    p("Sigdal", VK, 3_500),
    p("Flå", VK, 1_050),
    p("Kristiansand", AG, 114_000),
    p("Arendal", AG, 45_600),
    p("Grimstad", AG, 24_200),
    p("Lillesand", AG, 11_400),
    p("Vennesla", AG, 15_100),
    p("Farsund", AG, 9_700),
    p("Flekkefjord", AG, 9_100),
    p("Lindesnes", AG, 23_300),
    p("Risør", AG, 6_800),
    p("Åmli", AG, 1_800),
    p("Tvedestrand", AG, 6_100),
    p("Bykle", AG, 960),
];

/// Partner municipalities that never applied: reached only by snowball.
pub const SNOWBALL_ONLY: &[Place] = &[
    p("Lebesby", TF, 1_300),
    p("Hyllestad", VL, 1_310),
    p("Selbu", TL, 4_200),
    p("Valle", AG, 1_150),
];
