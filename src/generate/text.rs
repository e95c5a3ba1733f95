//! Sentences the demo's interview notes and reviews are made of. Each
//! sentence carries the codes a researcher would give it, so the generated
//! codings mean something. Placeholders: {m} the municipality, {p} a partner
//! municipality, {f} the focus area, {n} a small number.

/// A sentence of notes and the codes it would be coded with.
pub type Sentence = (&'static str, &'static [&'static str]);

/// The sentences that answers to a guide question are drawn from.
pub fn sentences_for(question: &str) -> &'static [Sentence] {
    match question {
        "background.role" => &[
            ("Has worked in the refugee service in {m} for about {n} years; now leads the introduction programme.", &[]),
            ("Trained as a social worker, moved to adult education after a few years in NAV.", &[]),
            ("Was project leader when the application was written and is now head of the unit.", &[]),
        ],
        "background.applications" => &[
            ("Has been part of {n} applications to the scheme; all but one were granted.", &["applying.routine"]),
            ("This was the first application the unit ever wrote, and they needed help from the municipality's finance adviser.", &["applying.first-time"]),
            ("They apply most years now; writing the application has become a routine in the unit.", &["applying.routine"]),
        ],
        "background.other-schemes" => &[
            ("Also has experience with county grants and a private foundation; this scheme is the most demanding to report on.", &["applying.paperwork"]),
            ("No other grant schemes; the municipality has no one whose job is to look for funding.", &["non-applicants.capacity"]),
        ],
        "project.role" => &[
            ("Was project leader, about a fifth of a position, on top of ordinary duties.", &[]),
            ("Sat in the steering group and followed the project from the side.", &[]),
        ],
        "project.content" => &[
            ("The project tried out {f} with a small group of participants, about {n} each year.", &["results.services"]),
            ("They built a fixed weekly meeting between the introduction programme, the adult education centre and local employers.", &["results.services"]),
            ("Participants got a mentor from the workplace and language training tied to the work they did.", &["results.target-group"]),
        ],
        "project.difference" => &[
            ("Before the project each service worked on its own; now the participant has one plan that everyone follows.", &["results.services"]),
            ("Not very different from before, honestly; the grant let them do more of what they already did.", &["results.unclear"]),
        ],
        "project.why-grant" => &[
            ("There was no room in the ordinary budget to try something new; without the grant it would not have happened.", &["continuation.stopped"]),
            ("The grant was a way to test the idea before asking the municipal council for permanent money.", &["continuation.funded"]),
        ],
        "project.origin" => &[
            ("The idea came from a visit to {p}, who had tried something similar.", &["insight.experience"]),
            ("The model came from a national pilot they had read about in an evaluation report.", &["insight.research"]),
            ("It grew out of frustration among the staff; nobody looked at what others had done.", &["insight.none"]),
        ],
        "project.knowledge" => &[
            ("They talked with {p} and borrowed their project plan.", &["insight.experience"]),
            ("The project leader read research on work-oriented language training before writing the application.", &["insight.research"]),
            ("No, they did not have time to look for knowledge before the deadline.", &["insight.none", "timing.deadlines"]),
        ],
        "goals.reached" => &[
            ("Most goals were reached; {n} of the participants got work or started education.", &["results.target-group"]),
            ("The goals were written so broadly that it is hard to say whether they were reached.", &["results.unclear", "documentation.evaluation"]),
            ("Partly: the first year went to setting things up, so results came late.", &["timing.short-period"]),
        ],
        "goals.target-group" => &[
            ("\"The women who took part speak up in meetings now; that was not the case before.\"", &["results.target-group"]),
            ("Participants became more confident in Norwegian and several got part-time jobs.", &["results.target-group"]),
            ("Too early to see effects; many participants are still in the programme.", &["results.unclear"]),
        ],
        "goals.quality" => &[
            ("The services now meet regularly, and that has lasted after the project.", &["results.services", "continuation.funded"]),
            ("Staff got new competence, but it left with the two people who moved on.", &["results.services", "continuation.stopped"]),
        ],
        "goals.better" => &[
            ("More time: one year is too short to build something and also measure it.", &["timing.short-period"]),
            ("A proper baseline at the start would have made it possible to show the results.", &["documentation.evaluation"]),
        ],
        "goals.continuation" => &[
            ("The council put the measure into the ordinary budget from {n} positions' worth of money.", &["continuation.funded"]),
            ("It stopped when the grant ended; there was no money to carry it on.", &["continuation.stopped"]),
            ("Parts of it continue: the routines stayed, the extra staff did not.", &["continuation.funded", "continuation.stopped"]),
        ],
        "goals.sharing" => &[
            ("They presented the project at a regional conference and at one of the directorate's gatherings.", &["documentation.sharing", "support.gatherings"]),
            ("Not really shared beyond the final report to the directorate.", &["documentation.sharing"]),
            ("{p} came on a visit and has started something similar.", &["documentation.sharing", "transferability.conditions"]),
        ],
        "transfer.meaning" => &[
            ("They read 'national transferability' as writing the application so others could copy it, but were unsure what was expected.", &["transferability.interpretation", "support.guidance"]),
            ("Honestly, it was a phrase they put in the application because it was asked for.", &["transferability.interpretation"]),
        ],
        "transfer.partners" => &[
            ("Yes: NAV, the adult education centre and two local employers were part of it from the start.", &["transferability.conditions"]),
            ("They worked with a volunteer organisation that ran the language café.", &["transferability.conditions"]),
        ],
        "transfer.other-municipalities" => &[
            ("Larger municipalities could do it easily; a small one would need to join with neighbours.", &["transferability.conditions"]),
            ("It depends on having an employer network, which {m} had built over many years.", &["transferability.conditions"]),
            ("\"Anyone could do this; it is more about will than money.\"", &["transferability.conditions"]),
        ],
        "scheme.tool" => &[
            ("A good tool, mostly because it gives room to try something new that the ordinary budget never would.", &["results.services"]),
            ("It mainly gives more money to do more; the new knowledge stays in the municipality.", &["documentation.sharing"]),
        ],
        "scheme.awareness" => &[
            ("Heard of it through the directorate's newsletter; thinks it is well known in larger municipalities only.", &["non-applicants.awareness"]),
            ("A colleague in {p} told them about it; many small municipalities do not know it exists.", &["non-applicants.awareness"]),
        ],
        "scheme.never-apply" => &[
            ("Small municipalities have nobody with time to write an application on top of everything else.", &["non-applicants.capacity"]),
            ("Many think the scheme is for the big cities and that they would not get anything.", &["non-applicants.awareness"]),
            ("\"You need someone who knows how to write applications, and we were lucky to have one.\"", &["non-applicants.capacity", "applying.routine"]),
        ],
        "scheme.paperwork" => &[
            ("Applying is manageable; the reporting afterwards takes far more time than it should.", &["applying.paperwork"]),
            ("The form changes every year, so experience from last year helps less than you would think.", &["applying.paperwork", "timing.deadlines"]),
        ],
        "scheme.evaluation" => &[
            ("Unsure what the directorate expects; they counted participants and wrote a short report.", &["documentation.evaluation", "support.guidance"]),
            ("Would like a simple template for measuring results that all projects use.", &["documentation.evaluation", "support.guidance"]),
        ],
        "scheme.sufficient" => &[
            ("The grant covered about a fifth of the real cost; the municipality paid the rest in staff time.", &[]),
            ("Enough for the first year, but the answer on the second year came so late that staff had to be let go.", &["timing.deadlines"]),
        ],
        "scheme.guidance" => &[
            ("Clearer expectations on how to document results would help everyone.", &["support.guidance", "documentation.evaluation"]),
            ("Less steering, more trust: the municipality knows its own needs.", &["focus-areas.steering"]),
        ],
        "scheme.focus-areas" => &[
            ("They adjusted the project to fit the year's focus area on {f}.", &["focus-areas.steering"]),
            ("The focus areas fitted well; {f} was exactly what they needed anyway.", &["focus-areas.fit"]),
            ("The areas change every year, so a good idea can fall outside them the year you are ready.", &["focus-areas.steering", "timing.deadlines"]),
        ],
        "scheme.gatherings" => &[
            ("The gatherings were useful for meeting others with similar projects.", &["support.gatherings"]),
            ("Did not attend any gatherings; they were too far away and at a busy time.", &["support.gatherings"]),
        ],
        "scheme.summary-good" => &[
            ("It lets a municipality try something without risking the ordinary budget.", &["results.services"]),
            ("The directorate's staff were easy to reach and helpful.", &["support.guidance"]),
        ],
        "goals.continuation-how" => &[
            ("The council put the measure into the ordinary budget from the third year; the unit pays for it out of its own frame.", &["continuation.funded"]),
            ("Continued as part of the introduction programme, with the same two staff but fewer hours.", &["continuation.funded"]),
        ],
        "scheme.pilot" => &[
            ("The closer follow-up meant a contact person at the directorate and two visits a year; useful, but it took time to prepare.", &["applying.paperwork"]),
            ("Being a pilot made the project visible in the municipality; the follow-up itself was light.", &[]),
        ],
        "scheme.summary-change" => &[
            ("Longer project periods and earlier answers on continued funding.", &["timing.short-period", "timing.deadlines"]),
            ("A simpler report, and a place where projects' results can be found by others.", &["applying.paperwork", "documentation.sharing"]),
        ],
        "admin.role" => &[
            ("Has worked with the scheme for about {n} years, mostly with assessing applications.", &[]),
            ("Adviser in the section that runs the grant schemes; follows up the pilot projects.", &[]),
        ],
        "admin.purpose" => &[
            ("The scheme should develop knowledge that more municipalities can use, not just fund local activity.", &["transferability.interpretation"]),
            ("In practice much of the money goes to activity that municipalities would like to have in ordinary operation.", &["continuation.stopped"]),
        ],
        "admin.assessment" => &[
            ("Applications are scored against the criteria; transferability and a clear plan weigh most.", &["transferability.interpretation"]),
            ("Experienced applicants write better applications, which makes it hard for newcomers.", &["applying.routine", "non-applicants.capacity"]),
        ],
        "admin.focus-areas" => &[
            ("The ministry decides the focus areas each year, so the directorate has little room to keep them stable.", &["focus-areas.steering"]),
            ("They see that applications follow the focus areas closely.", &["focus-areas.steering"]),
        ],
        "admin.transferability" => &[
            ("Transferability is judged by whether the method is described well enough for others to use.", &["transferability.interpretation"]),
            ("It is the criterion applicants understand least.", &["transferability.interpretation", "support.guidance"]),
        ],
        "admin.reporting" => &[
            ("Reports come in but there is little capacity to read them across projects.", &["documentation.evaluation"]),
            ("The reports mostly count activity rather than show results.", &["documentation.evaluation", "results.unclear"]),
        ],
        "admin.evaluation" => &[
            ("They would like projects to measure results, but know that small projects cannot afford an evaluation.", &["documentation.evaluation"]),
        ],
        "admin.pilots" => &[
            ("The pilots were picked because they could test a national model; they get closer follow-up.", &["transferability.conditions"]),
        ],
        "admin.sharing" => &[
            ("Gatherings twice a year are the main way projects learn from each other.", &["support.gatherings", "documentation.sharing"]),
            ("There is no good place where results from earlier projects can be found.", &["documentation.sharing"]),
        ],
        "admin.never-apply" => &[
            ("Small municipalities lack capacity, and some do not know the scheme is open to them.", &["non-applicants.capacity", "non-applicants.awareness"]),
        ],
        "admin.summary-good" => &[
            ("The scheme gives municipalities room to innovate.", &["results.services"]),
        ],
        "admin.summary-change" => &[
            ("Fewer and more stable focus areas, and more systematic sharing of experience.", &["focus-areas.steering", "documentation.sharing"]),
        ],
        _ => &[("The informant spoke about this briefly.", &[])],
    }
}

/// Titles of projects by focus area; {m} is the municipality.
pub fn title_patterns(focus_area: &str) -> &'static [&'static str] {
    match focus_area {
        "longer-qualification" => &[
            "Longer paths to qualification in {m}",
            "Qualification beyond the introduction programme",
            "Second chance: education after introduction",
        ],
        "social-entrepreneurs" => &[
            "Work training with social entrepreneurs",
            "{m} social enterprise bridge",
            "From practice to pay",
        ],
        "norwegian-training" => &[
            "Norwegian at work in {m}",
            "Language training tied to the workplace",
            "Digital Norwegian for beginners",
        ],
        "standardised-elements" => &[
            "Standard modules in the introduction programme",
            "Career guidance for newcomers in {m}",
        ],
        "innovative-introduction" => &[
            "New ways into the introduction programme",
            "{m} introduction lab",
            "Flexible introduction for parents",
        ],
        "work-practice" => &[
            "Employer network in {m}",
            "Work practice with a mentor",
            "Jobs first: practice with language support",
        ],
        "mother-tongue" => &[
            "Mother-tongue support in {m} kindergartens",
            "Bilingual assistants in school",
            "Home language in the classroom",
        ],
        "psychological-support" => &[
            "Mental health support for refugees in {m}",
            "Trauma-aware introduction programme",
            "Health and coping groups",
        ],
        "vocational-training" => &[
            "Vocational certificate for adults in {m}",
            "Skilled worker path for newcomers",
            "Apprenticeships for adult refugees",
        ],
        "welcome-services" => &["Welcome service in {m}", "One door in for newcomers"],
        "anti-racism" => &[
            "Diversity and anti-racism in {m}",
            "Inclusive workplaces project",
            "Meeting places against racism",
        ],
        _ => &["Integration project in {m}"],
    }
}

/// Short free-text remarks reviewers leave on a project's documents.
pub const REVIEW_REMARKS: &[&str] = &[
    "Clear goals, but the final report counts activity rather than results.",
    "A well-described method that others could copy.",
    "Documents are thin; the interim report is missing.",
    "Strong partnership with NAV and local employers.",
    "Interesting as an adaptation of a model tried elsewhere.",
    "Small project, but honest about what did not work.",
    "Good candidate: recent, well documented, continued in operation.",
    "Hard to tell what the grant paid for beyond ordinary activity.",
];

/// Fills the placeholders of a sentence.
pub fn fill(template: &str, municipality: &str, partner: &str, focus_area: &str, number: u32) -> String {
    template
        .replace("{m}", municipality)
        .replace("{p}", partner)
        .replace("{f}", &focus_area.to_lowercase())
        .replace("{n}", &number.to_string())
}
