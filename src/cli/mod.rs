//! The command line: parse, call the core, print. One file per subcommand;
//! each returns the process's exit code.

mod agreement;
mod assign;
mod check;
mod code;
mod coding;
mod conflicts;
mod coverage;
mod export_refi;
mod generate;
mod guide;
mod import;
mod import_codebook;
mod informant;
mod init;
mod interviews;
mod migrate;
mod purge;
mod recruitment;
mod repair;
mod report;
mod resolve;
mod review;
mod session;
mod stage;
mod stats;
mod status;
mod themes;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "casebook",
    version,
    about = "The fieldwork of a qualitative evaluation, in files a team shares with git"
)]
pub struct Cli {
    /// The study folder (holding cases/ and guides/); default: found from here upwards.
    #[arg(long, global = true, value_name = "DIR")]
    pub study: Option<PathBuf>,
    /// Who I am: a researcher id of the study's team.
    #[arg(long = "as", global = true, value_name = "ID")]
    pub as_user: Option<String>,
    /// Print a report even though the study has load problems (its JSON then carries them).
    #[arg(long, global = true)]
    pub allow_problems: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty study in DIR (with a .gitignore for private files).
    Init {
        dir: PathBuf,
        #[arg(long, default_value = "New study")]
        title: String,
    },
    /// Load and validate the whole study; exit 1 if anything is wrong.
    Check {
        #[arg(long)]
        json: bool,
        /// Write back the offsets of my codings that followed their words when notes were edited.
        #[arg(long)]
        fix_anchors: bool,
    },
    /// Answer criteria of my review of a case (saved as a draft), and submit it with --submit.
    Review {
        case: String,
        /// CRITERION=VALUE; an empty VALUE clears the answer.
        answers: Vec<String>,
        /// Submit the review: it cannot change afterwards.
        #[arg(long)]
        submit: bool,
    },
    /// Move a study written by an older casebook to the current file layout (the lead's to run).
    Migrate,
    /// Remove what interrupted saves left behind (hidden .tmp files and .new folders).
    Repair,
    /// Record the agreed value of a conflict between two reviews (in resolution.<me>.ron).
    Resolve {
        case: String,
        criterion: String,
        value: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Agreement on the study's reviews, or on a ratings table (--ratings FILE.csv).
    Agreement {
        /// A CSV table: header row, first column the unit, one column per rater; empty is missing.
        #[arg(long, value_name = "FILE.csv")]
        ratings: Option<PathBuf>,
        /// Krippendorff's level of measurement: nominal, ordinal, interval or ratio.
        #[arg(long, default_value = "nominal")]
        level: String,
        /// A declared integer scale, e.g. 1..7, for weighted kappa distances.
        #[arg(long, value_name = "LO..HI")]
        scale: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Give every case in the review pool two reviewers, balanced over the team.
    Assign {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// A researcher who leaves: their unstarted reviews go to the others.
        #[arg(long, value_name = "ID")]
        without: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Criteria where the two submitted reviews of a case differ, open and resolved.
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// Bring data in: `import pool FILE.csv` (cases from an export of applications), `import refi-codebook FILE`.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Send material out: `export refi --out DIR` writes the codebook and the coded study for other QDA programs.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Applications, granted, rejected, rate, amounts and cases by one dimension.
    Stats {
        /// size_band, region, focus_area, year or kind.
        #[arg(long, default_value = "size_band")]
        by: String,
        #[arg(long)]
        json: bool,
    },
    /// Move a case between stages, with a reason that is logged.
    Stage {
        case: String,
        /// pool, shortlisted, selected, reserve, dropped or snowball.
        stage: String,
        #[arg(long)]
        reason: String,
    },
    /// Coverage of the strata by shortlisted, selected and reserve cases, with the gaps.
    Coverage {
        /// The matrix's rows and columns: two of size_band, region, focus_area, kind, pilot, year.
        #[arg(long, default_value = "size_band")]
        rows: String,
        #[arg(long, default_value = "region")]
        columns: String,
        /// Suggest the next case to select and the reserve for each selected case.
        #[arg(long)]
        suggest: bool,
        #[arg(long)]
        json: bool,
    },
    /// Fieldwork progress per shortlisted, selected and reserve case.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Informants: `informant add` (contact details go to the private store only), `informant status`.
    Informant {
        #[command(subcommand)]
        what: InformantWhat,
    },
    /// The recruitment ledger: informants by status and wave, municipalities reached, the snowball tree.
    Recruitment {
        #[arg(long)]
        json: bool,
    },
    /// Delete the private contacts file once the study's deletion date has come.
    PurgeContacts {
        /// Really delete (required).
        #[arg(long)]
        yes: bool,
        /// Delete even before the deletion date.
        #[arg(long)]
        force: bool,
    },
    /// Themes across cases: every code's passages, cases, informants and quotes, the code x case matrix, spread, co-occurrence.
    Themes {
        /// Count one coder's codings alone.
        #[arg(long, value_name = "ID")]
        coder: Option<String>,
        /// List one code's passages (with its sub-codes) instead.
        #[arg(long, value_name = "CODE")]
        passages: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Edit the codebook (the lead), or add a code of my own while coding.
    Code {
        #[command(subcommand)]
        what: CodeWhat,
    },
    /// Mark my coding of an interview done (or --undo): under blind coding the other coder's shows once both are.
    CodingDone {
        interview: String,
        #[arg(long)]
        undo: bool,
    },
    /// Agreement of two coders per code (unit: guide question; value: code present), and where they differ.
    CodingAgreement {
        /// One interview; all double-coded interviews when left out.
        interview: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The report material as Markdown: selected cases and coverage, a section per theme with its quotes.
    Report {
        /// Write to this file instead of stdout.
        #[arg(long, value_name = "FILE.md")]
        out: Option<PathBuf>,
    },
    /// Write a synthetic study (the demo, or larger ones for benchmarks).
    Generate {
        /// Where to write it; it must not already hold a study.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Funded projects in the pool.
        #[arg(long, default_value_t = 200)]
        projects: usize,
        #[arg(long, default_value_t = 2025)]
        seed: u64,
        /// Interviews in all (new informants of the project cases hold the
        /// ones beyond the demo's), each with notes of several hundred words
        #[arg(long, value_name = "M")]
        interviews: Option<usize>,
        /// Codings in all, spread evenly over the generated interviews (for benchmarks).
        #[arg(long, value_name = "K")]
        codings: Option<usize>,
    },
    /// Interviews with their date, informants, guide, coverage of the guide
    /// (questions whose condition holds) and coding state
    Interviews {
        #[arg(long)]
        json: bool,
    },
    /// Interview guides
    Guide {
        #[command(subcommand)]
        what: GuideWhat,
    },
}

#[derive(Debug, Subcommand)]
pub enum GuideWhat {
    /// Print a guide as Markdown, to hand to a colleague or print
    Show { id: String },
}

#[derive(Debug, Subcommand)]
pub enum CodeWhat {
    /// A new code: in the codebook for the lead, in my own codebook.<me>.ron for anyone else.
    Add {
        id: String,
        name: String,
        /// The code it is a sub-code of.
        #[arg(long, value_name = "CODE")]
        parent: Option<String>,
        /// When to use it.
        #[arg(long, default_value = "")]
        description: String,
        /// #rrggbb
        #[arg(long)]
        colour: Option<String>,
    },
    /// A new name; the id stays.
    Rename { id: String, name: String },
    /// Under another code (--parent CODE) or to the top level (--top).
    Move {
        id: String,
        #[arg(long, value_name = "CODE", conflicts_with = "top")]
        parent: Option<String>,
        #[arg(long)]
        top: bool,
    },
    /// Count FROM's codings under INTO from now on (recorded as merged_into).
    Merge { from: String, into: String },
    /// Delete an unused code (a code in use is refused with its count).
    Delete { id: String },
    /// Take a coder's own code into the codebook.
    Adopt {
        id: String,
        #[arg(long, value_name = "CODE")]
        parent: Option<String>,
    },
    /// Turn down a coder's own code that no coding uses.
    Reject { id: String },
}

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// An export of applications: one row per application, header row required.
    Pool {
        file: PathBuf,
        /// Leave this column out (repeatable): personal columns such as
        /// contact_email are refused unless dropped.
        #[arg(long = "drop-column", value_name = "NAME")]
        drop_column: Vec<String>,
    },
    /// A codebook from another QDA program (REFI-QDA `.qdc`, or a `.qdpx` holding one), merged into guides/codebook.ron.
    RefiCodebook {
        file: PathBuf,
        /// Merge without asking (for scripts).
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// REFI-QDA: codebook.qdc and study.qdpx, for NVivo, ATLAS.ti, MAXQDA or QualCoder.
    Refi {
        /// The folder to write into (made if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum InformantWhat {
    /// Add an informant to a case; a referral to a municipality that is not yet a case creates one.
    Add {
        /// The case: an existing case id, or a new one for a municipality reached by snowball.
        #[arg(long)]
        case: String,
        #[arg(long)]
        role: String,
        /// Type of organisation, e.g. municipality, NAV office, adult education centre.
        #[arg(long, default_value = "municipality")]
        organisation: String,
        /// The informant who pointed the team here (snowball).
        #[arg(long, value_name = "ID")]
        referred_by: Option<String>,
        /// The interview where the referral was made.
        #[arg(long, value_name = "ID")]
        interview: Option<String>,
        /// For a new snowball case: the municipality, its county and population.
        #[arg(long)]
        municipality: Option<String>,
        #[arg(long)]
        county: Option<String>,
        #[arg(long)]
        population: Option<u64>,
        /// Contact details: written only to the private store, never to the study.
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
    },
    /// Record a new status: identified, contacted, agreed, scheduled, interviewed, declined, no_answer.
    Status {
        id: String,
        status: String,
        /// YYYY-MM-DD; today by default.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// Record a date before the informant's last status (the history stays in date order).
        #[arg(long)]
        backdate: bool,
    },
    /// Record an informant's consent (once, in my status file)
    Consent {
        id: String,
        /// The day it was given (default: today)
        #[arg(long)]
        date: Option<String>,
        /// Consents to a recording
        #[arg(long)]
        recording: bool,
        /// Consents to anonymous quotes
        #[arg(long)]
        quotes: bool,
    },
}

/// Runs the command line; `None` as command means the TUI, which the binary
/// starts itself (so this library stays free of terminal set-up).
pub fn run(cli: &Cli) -> ExitCode {
    if !matches!(
        cli.command,
        Some(Command::Init { .. } | Command::Generate { .. } | Command::PurgeContacts { .. })
    ) {
        for warning in crate::ops::open::start_warnings(cli.study.as_deref()) {
            eprintln!("casebook: warning: {warning}");
        }
    }
    let code = match &cli.command {
        None => return ExitCode::SUCCESS,
        Some(Command::Init { dir, title }) => init::run(dir, title),
        Some(Command::Check { json, fix_anchors }) => check::run(cli, *json, *fix_anchors),
        Some(Command::Agreement {
            ratings,
            level,
            scale,
            json,
        }) => agreement::run(
            cli,
            &agreement::Options {
                ratings: ratings.as_deref(),
                level,
                scale: scale.as_deref(),
                json: *json,
            },
        ),
        Some(Command::Assign { seed, without, json }) => assign::run(cli, *seed, without.as_deref(), *json),
        Some(Command::Conflicts { json }) => conflicts::run(cli, *json),
        Some(Command::Review { case, answers, submit }) => review::run(cli, case, answers, *submit),
        Some(Command::Migrate) => migrate::run(cli),
        Some(Command::Repair) => repair::run(cli),
        Some(Command::Resolve {
            case,
            criterion,
            value,
            note,
        }) => resolve::run(cli, case, criterion, value, note),
        Some(Command::Import {
            what: ImportWhat::Pool { file, drop_column },
        }) => import::run_pool(cli, file, drop_column),
        Some(Command::Import {
            what: ImportWhat::RefiCodebook { file, yes },
        }) => import_codebook::run(cli, file, *yes),
        Some(Command::Export {
            what: ExportWhat::Refi { out },
        }) => export_refi::run(cli, out),
        Some(Command::Stats { by, json }) => stats::run(cli, by, *json),
        Some(Command::Stage { case, stage, reason }) => stage::run(cli, case, stage, reason),
        Some(Command::Coverage {
            rows,
            columns,
            suggest,
            json,
        }) => coverage::run(cli, rows, columns, *suggest, *json),
        Some(Command::Status { json }) => status::run(cli, *json),
        Some(Command::Informant { what }) => informant::run(cli, what),
        Some(Command::Recruitment { json }) => recruitment::run(cli, *json),
        Some(Command::PurgeContacts { yes, force }) => purge::run(cli, *yes, *force),
        Some(Command::Code { what }) => code::run(cli, what),
        Some(Command::CodingDone { interview, undo }) => coding::run_done(cli, interview, !*undo),
        Some(Command::CodingAgreement { interview, json }) => coding::run_agreement(cli, interview.as_deref(), *json),
        Some(Command::Report { out }) => report::run(cli, out.as_deref()),
        Some(Command::Themes { coder, passages, json }) => {
            themes::run(cli, coder.as_deref(), passages.as_deref(), *json)
        }
        Some(Command::Generate {
            out,
            projects,
            seed,
            interviews,
            codings,
        }) => generate::run(out, *projects, *seed, *interviews, *codings),
        Some(Command::Interviews { json }) => interviews::run(cli, *json),
        Some(Command::Guide {
            what: GuideWhat::Show { id },
        }) => guide::run_show(cli, id),
    };
    ExitCode::from(code)
}
