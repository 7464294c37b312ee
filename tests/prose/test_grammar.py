"""The mention grammar, form by form and trap by trap (as of 2026-11-24)."""

from __future__ import annotations

from datetime import date

import pytest

from planner.prose import calendar as cal
from planner.prose.grammar import Grammar, find_mentions

AS_OF = date(2026, 11, 24)
GRAMMAR = Grammar(AS_OF)


def only(sentence: str, grammar: Grammar = GRAMMAR):
    mentions = find_mentions(sentence, grammar)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


DATES = [
    # (sentence, mention text, granularity, start, end)
    ("We ship on 14 August 2027.", "14 August 2027", "day", "2027-08-14", "2027-08-14"),
    ("The 2027/28 budget was cut by 7%.", "2027/28", "year", "2027-04-01", "2028-03-31"),
    ("Backlist conversions are spread across H2.", "H2", "half", "2026-07-01", "2026-12-31"),
    ("Submit the build by 3/31 so QA has a week.", "3/31", "day", "2027-03-31", "2027-03-31"),
    ("Code freeze Wed 1/13, then store submission.", "Wed 1/13", "day", "2027-01-13", "2027-01-13"),
    ("Scoring of the 2026 OKRs closes soon.", "2026", "year", "2026-01-01", "2026-12-31"),
    ("Project status, w/e 20 Nov 2026: on track.", "w/e 20 Nov 2026", "week", "2026-11-16", "2026-11-22"),
    ("The science quarter is built in the early 2030s.", "the early 2030s", "range", "2030-01-01", "2033-12-31"),
    ("The team picks up the stories from KW 49.", "KW 49", "week", "2026-11-30", "2026-12-06"),
    ("The interview moved to Thu 3/11.", "Thu 3/11", "day", "2027-03-11", "2027-03-11"),
    # months in lower case, as quick notes write them; "may", "march" and "mar" need a number
    # or a preposition
    ("back online jan 4.", "jan 4", "day", "2027-01-04", "2027-01-04"),
    ("okrs due dec 11, pls add yours.", "dec 11", "day", "2026-12-11", "2026-12-11"),
    ("the vendor contract renews march 2027.", "march 2027", "month", "2027-03-01", "2027-03-31"),
    ("ok so the beta goes out mid-dec.", "mid-dec", "range", "2026-12-11", "2026-12-20"),
    ("the audit is nov 30 \u2013 dec 4.", "nov 30 \u2013 dec 4", "range", "2026-11-30", "2026-12-04"),
    ("v2.0 was supposed to ship in october lol", "october", "month", "2027-10-01", "2027-10-31"),
    ("in may we launch.", "may", "month", "2027-05-01", "2027-05-31"),
    ("hiring plan for h1 2027 is in the doc.", "h1 2027", "half", "2027-01-01", "2027-06-30"),
    ("The change freeze formally starts in W51.", "W51", "week", "2026-12-14", "2026-12-20"),
    ("Patching rolls through ISO week 3.", "ISO week 3", "week", "2027-01-18", "2027-01-24"),
    (
        "Window Sat 6 Mar 22:00 \u2013 Sun 7 Mar 04:00 GMT.",
        "Sat 6 Mar 22:00 \u2013 Sun 7 Mar",
        "range",
        "2027-03-06",
        "2027-03-07",
    ),
    ("Editorial calendar, week 49: gift guide.", "week 49", "week", "2026-11-30", "2026-12-06"),
    ("DVT units arrive in the lab wk 18.", "wk 18", "week", "2027-05-03", "2027-05-09"),
    ("Marketing still wants a holiday 2027 launch.", "holiday 2027", "range", "2027-11-01", "2027-12-31"),
    ("The 2026 year-in-review package is due.", "2026", "year", "2026-01-01", "2026-12-31"),
    ("Discovery in KW 50\u201351, then build.", "KW 50\u201351", "range", "2026-12-07", "2026-12-20"),
    ("UAT in wk 7-8.", "wk 7-8", "range", "2027-02-15", "2027-02-28"),
    ("Planning for the next wave starts in CW12.", "CW12", "week", "2027-03-22", "2027-03-28"),
    ("Schedule the demo in KW 3/2027.", "KW 3/2027", "week", "2027-01-18", "2027-01-24"),
    ("Target: Q2 CY2027 for Brazil.", "Q2 CY2027", "quarter", "2027-04-01", "2027-06-30"),
    (
        "Our guidance for the fourth quarter of fiscal 2026 holds.",
        "the fourth quarter of fiscal 2026",
        "quarter",
        "2026-10-01",
        "2026-12-31",
    ),
    (
        "The price lock ends on the last day of February 2027.",
        "the last day of February 2027",
        "day",
        "2027-02-28",
        "2027-02-28",
    ),
    (
        "Payroll runs on the first working day of March.",
        "the first working day of March",
        "day",
        "2027-03-01",
        "2027-03-01",
    ),
    ("We host an AMA on Tues., Dec. 15.", "Tues., Dec. 15", "day", "2026-12-15", "2026-12-15"),
    ("Bring your questions about 2027 pricing.", "2027", "year", "2027-01-01", "2027-12-31"),
    ("Nothing ships the week of Thanksgiving.", "the week of Thanksgiving", "week", "2026-11-23", "2026-11-29"),
    (
        "Store openings for the second half of FY27 are on hold.",
        "the second half of FY27",
        "half",
        "2027-07-01",
        "2027-12-31",
    ),
    ("H1 is about retention.", "H1", "half", "2027-01-01", "2027-06-30"),
    ("Phase C planning starts April.", "April", "month", "2027-04-01", "2027-04-30"),
    ("The kit ships to resellers in Q1/Q2.", "Q1/Q2", "range", "2027-01-01", "2027-06-30"),
    ("We announce the programme at the conference in autumn.", "autumn", "range", "2026-09-01", "2026-11-30"),
    ("Customer conference Sep \u201927.", "Sep \u201927", "month", "2027-09-01", "2027-09-30"),
    ("So a May start means signing early.", "May", "month", "2027-05-01", "2027-05-31"),
    ('Roadmap slide: "2027 \u2014 3 launches".', "2027", "year", "2027-01-01", "2027-12-31"),
    ("We're looking at a 2028 timeframe for the rewrite.", "2028", "year", "2028-01-01", "2028-12-31"),
    ("The exit from the lease is planned for year-end 2027.", "year-end 2027", "range", "2027-09-01", "2027-12-31"),
    ("The office move is pencilled in for late autumn.", "late autumn", "range", "2026-11-01", "2026-11-30"),
    ("Fiscal 2028 planning starts early.", "Fiscal 2028", "year", "2028-01-01", "2028-12-31"),
    ("Integration is planned across FY27 Q2\u2013Q4.", "FY27 Q2\u2013Q4", "range", "2027-04-01", "2027-12-31"),
    ("Furniture delivery: wk 14.", "wk 14", "week", "2027-04-05", "2027-04-11"),
    ("Feb is looking tight with 3 launches stacked up.", "Feb", "month", "2027-02-01", "2027-02-28"),
    ("The search rewrite won't make Jan.", "Jan", "month", "2027-01-01", "2027-01-31"),
    (
        "I'm on leave Sept. through Nov., so plan the handover.",
        "Sept. through Nov",
        "range",
        "2026-09-01",
        "2026-11-30",
    ),
    ("Looks like Jan/Feb for the Android redesign.", "Jan/Feb", "range", "2027-01-01", "2027-02-28"),
    ("Our q2 goals are mostly carryovers.", "q2", "quarter", "2027-04-01", "2027-06-30"),
    ("The budget assumes 4 new hires in 2H.", "2H", "half", "2026-07-01", "2026-12-31"),
    ("Leadership QBR: we present the H1 roadmap.", "H1", "half", "2027-01-01", "2027-06-30"),
    ("Minutes 12/19: agreed to descope bulk edit.", "12/19", "day", "2026-12-19", "2026-12-19"),
    ("Go-live w/c 1/18 if QA is green.", "w/c 1/18", "week", "2027-01-18", "2027-01-24"),
    ("Status, wk of 11/16: green on infra.", "wk of 11/16", "week", "2027-11-15", "2027-11-21"),
    ("Plan for the wk of Dec 7: finish SSO.", "wk of Dec 7", "week", "2026-12-07", "2026-12-13"),
    ("Weekly update - Dec 13: shipped saved filters.", "Dec 13", "day", "2026-12-13", "2026-12-13"),
    ("The freeze starts from 15/3.", "15/3", "day", "2027-03-15", "2027-03-15"),
    ("2/3 of devices are done by 12/15.", "12/15", "day", "2026-12-15", "2026-12-15"),
    ("Finance is forecasting a flat December.", "December", "month", "2026-12-01", "2026-12-31"),
    ("Scorecards will be shared at the January QBR.", "January", "month", "2027-01-01", "2027-01-31"),
    ("We'll report the H2 numbers soon.", "H2", "half", "2026-07-01", "2026-12-31"),
    ("Budget for FY 2026-27 is final.", "FY 2026-27", "year", "2026-04-01", "2027-03-31"),
    (
        "We lodge the proposal for the 2028\u201333 regulatory period.",
        "2028\u201333",
        "range",
        "2028-01-01",
        "2033-12-31",
    ),
    (
        "Peak on-call runs from Thursday 26 November through Tuesday 1 December.",
        "Thursday 26 November through Tuesday 1 December",
        "range",
        "2026-11-26",
        "2026-12-01",
    ),
    # holidays: a day, the next one when yearless (US dates where countries differ)
    ("The model freezes before Christmas.", "Christmas", "day", "2026-12-25", "2026-12-25"),
    ("We expect 48,000 orders an hour on Black Friday.", "Black Friday", "day", "2026-11-27", "2026-11-27"),
    ("Get it A/B tested before Cyber Monday.", "Cyber Monday", "day", "2026-11-30", "2026-11-30"),
    ("Launch is pencilled in for Black Friday 2027.", "Black Friday 2027", "day", "2027-11-26", "2027-11-26"),
    ("The office closes over Easter.", "Easter", "day", "2027-03-28", "2027-03-28"),
    ("Assets for Boxing Day are due soon.", "Boxing Day", "day", "2026-12-26", "2026-12-26"),
    ("The beta closes after Thanksgiving 2027.", "Thanksgiving 2027", "day", "2027-11-25", "2027-11-25"),
    (
        "Sitewide sale runs Black Friday through Cyber Monday.",
        "Black Friday through Cyber Monday",
        "range",
        "2026-11-27",
        "2026-11-30",
    ),
    ("The 2026-27 spending review funds it.", "2026-27", "year", "2026-04-01", "2027-03-31"),
    ("Our 2027 research roadmap has three themes.", "2027", "year", "2027-01-01", "2027-12-31"),
    ("The 2027 graduate cohort is 35 people.", "2027", "year", "2027-01-01", "2027-12-31"),
    (
        "The reforecast happens in the first half of December.",
        "the first half of December",
        "range",
        "2026-12-01",
        "2026-12-15",
    ),
    ("Go-live is the second half of March 2027.", "the second half of March 2027", "range", "2027-03-16", "2027-03-31"),
    ("We ship on 14th August 2027.", "14th August 2027", "day", "2027-08-14", "2027-08-14"),
    ("We ship on Aug 14, 2027.", "Aug 14, 2027", "day", "2027-08-14", "2027-08-14"),
    ("Freeze starts August 14th.", "August 14th", "day", "2027-08-14", "2027-08-14"),
    ("Freeze starts on the 3rd of May 2027.", "the 3rd of May 2027", "day", "2027-05-03", "2027-05-03"),
    ("Cut-over on 2027-03-14.", "2027-03-14", "day", "2027-03-14", "2027-03-14"),
    ("Cut-over on 2027/03/14.", "2027/03/14", "day", "2027-03-14", "2027-03-14"),
    ("Window opens 2027-03-14T22:00Z.", "2027-03-14", "day", "2027-03-14", "2027-03-14"),
    ("Rollout in 2027-W11.", "2027-W11", "week", "2027-03-15", "2027-03-21"),
    ("Planned for the week of 2027-03-10.", "the week of 2027-03-10", "week", "2027-03-08", "2027-03-14"),
    ("Beta in 2027-03.", "2027-03", "month", "2027-03-01", "2027-03-31"),
    ("Beta in March 2027.", "March 2027", "month", "2027-03-01", "2027-03-31"),
    ("Beta in Sept 2027.", "Sept 2027", "month", "2027-09-01", "2027-09-30"),
    ("Beta in Jan '27.", "Jan '27", "month", "2027-01-01", "2027-01-31"),
    ("We start in April.", "April", "month", "2027-04-01", "2027-04-30"),
    ("We close the year in December.", "December", "month", "2026-12-01", "2026-12-31"),
    ("GA in 2027-Q1.", "2027-Q1", "quarter", "2027-01-01", "2027-03-31"),
    ("GA in Q1 2027.", "Q1 2027", "quarter", "2027-01-01", "2027-03-31"),
    ("GA in Q3'27.", "Q3'27", "quarter", "2027-07-01", "2027-09-30"),
    ("GA in 3Q27.", "3Q27", "quarter", "2027-07-01", "2027-09-30"),
    ("In Q3 we focus on reliability.", "Q3", "quarter", "2027-07-01", "2027-09-30"),
    ("Our Q4 goals are set.", "Q4", "quarter", "2026-10-01", "2026-12-31"),
    ("Scope for the third quarter of 2027.", "the third quarter of 2027", "quarter", "2027-07-01", "2027-09-30"),
    ("Self-serve in 2027-H2.", "2027-H2", "half", "2027-07-01", "2027-12-31"),
    ("Self-serve in H2 2027.", "H2 2027", "half", "2027-07-01", "2027-12-31"),
    ("Self-serve in the second half of 2027.", "the second half of 2027", "half", "2027-07-01", "2027-12-31"),
    ("In 2027 we grow the team.", "2027", "year", "2027-01-01", "2027-12-31"),
    ("The 2027 roadmap has four themes.", "2027", "year", "2027-01-01", "2027-12-31"),
    ("By 2028, every service moves.", "2028", "year", "2028-01-01", "2028-12-31"),
    ("Budgets follow FY27 rules.", "FY27", "year", "2027-01-01", "2027-12-31"),
    ("Budgets follow FY2027 rules.", "FY2027", "year", "2027-01-01", "2027-12-31"),
    ("Spend for Q2 FY28 is approved.", "Q2 FY28", "quarter", "2028-04-01", "2028-06-30"),
    ("A mid-2027 goal.", "mid-2027", "range", "2027-05-01", "2027-08-31"),
    ("Beta in early 2027.", "early 2027", "range", "2027-01-01", "2027-04-30"),
    ("A late 2027 item.", "late 2027", "range", "2027-09-01", "2027-12-31"),
    ("Interviews in early Q3.", "early Q3", "range", "2027-07-01", "2027-07-31"),
    ("Redesign lands in late Q2 2027.", "late Q2 2027", "range", "2027-06-01", "2027-06-30"),
    ("Import done by end of March 2027.", "end of March 2027", "range", "2027-03-21", "2027-03-31"),
    ("Upgrade in mid-March.", "mid-March", "range", "2027-03-11", "2027-03-20"),
    ("Contract ends in spring 2027.", "spring 2027", "range", "2027-03-01", "2027-05-31"),
    ("Research from March to May 2027.", "March to May 2027", "range", "2027-03-01", "2027-05-31"),
    ("Move it between March and May 2027.", "March and May 2027", "range", "2027-03-01", "2027-05-31"),
    ("GA is Q3\u2013Q4 2027.", "Q3\u2013Q4 2027", "range", "2027-07-01", "2027-12-31"),
    ("GA is Q3-Q4 2027.", "Q3-Q4 2027", "range", "2027-07-01", "2027-12-31"),
    ("Freeze 2027-03-01 to 2027-03-15.", "2027-03-01 to 2027-03-15", "range", "2027-03-01", "2027-03-15"),
    ("Reporting 2027-03..2027-05.", "2027-03..2027-05", "range", "2027-03-01", "2027-05-31"),
    ("Summit 12-14 May 2027.", "12-14 May 2027", "range", "2027-05-12", "2027-05-14"),
    ("Bug bash June 14-18, 2027.", "June 14-18, 2027", "range", "2027-06-14", "2027-06-18"),
    ("Contract covers 2027\u20132029.", "2027\u20132029", "range", "2027-01-01", "2029-12-31"),
    ("Freeze from Dec 20 to Jan 4.", "Dec 20 to Jan 4", "range", "2026-12-20", "2027-01-04"),
    ("We shipped in June 2025.", "June 2025", "month", "2025-06-01", "2025-06-30"),
    ("Cut-over on 14.08.2027 in the EU.", "14.08.2027", "day", "2027-08-14", "2027-08-14"),
    ("Cut-over on 14/08/2027 in the EU.", "14/08/2027", "day", "2027-08-14", "2027-08-14"),
    ("Cut-over on 08/14/2027 in the US.", "08/14/2027", "day", "2027-08-14", "2027-08-14"),
    ("We start in Q3-2027.", "Q3-2027", "quarter", "2027-07-01", "2027-09-30"),
    ("Renewal is Q3/2027.", "Q3/2027", "quarter", "2027-07-01", "2027-09-30"),
    ("Pilot in the first week of March 2027.", "the first week of March 2027", "week", "2027-03-01", "2027-03-07"),
    ("Move in the last week of June 2027.", "the last week of June 2027", "week", "2027-06-28", "2027-07-04"),
    ("Load tests in week 12 of 2027.", "week 12 of 2027", "week", "2027-03-22", "2027-03-28"),
    ("We want it by EOY 2027.", "EOY 2027", "range", "2027-09-01", "2027-12-31"),  # as "the end of 2027"
    ("Kickoff is the week of 11 January 2027.", "the week of 11 January 2027", "week", "2027-01-11", "2027-01-17"),
    ("The compliance work sits in the back half of 2027.", "the back half of 2027", "half", "2027-07-01", "2027-12-31"),
    ("Fundraising wraps up Fall '27.", "Fall '27", "range", "2027-09-01", "2027-11-30"),
    ("Onboarding moves in 1H 2027.", "1H 2027", "half", "2027-01-01", "2027-06-30"),
    ("The audit covers calendar year 2027.", "calendar year 2027", "year", "2027-01-01", "2027-12-31"),
    ("Budgets close in CY27.", "CY27", "year", "2027-01-01", "2027-12-31"),
    ("We pause launches over the summer.", "the summer", "range", "2027-06-01", "2027-08-31"),
    ("We aim for the second quarter.", "the second quarter", "quarter", "2027-04-01", "2027-06-30"),
    ("We meet on Thursday, March 4, 2027.", "Thursday, March 4, 2027", "day", "2027-03-04", "2027-03-04"),
    ("The first phase runs Jan\u2013Mar 2027.", "Jan\u2013Mar 2027", "range", "2027-01-01", "2027-03-31"),
    ("Design runs Jan-Mar.", "Jan-Mar", "range", "2027-01-01", "2027-03-31"),
    ("Hiring slows in late Feb.", "late Feb", "range", "2027-02-21", "2027-02-28"),
    ("No deploys the last two weeks of Dec.", "the last two weeks of Dec", "range", "2026-12-18", "2026-12-31"),
    ("Freeze the first two weeks of Jan 2027.", "the first two weeks of Jan 2027", "range", "2027-01-01", "2027-01-14"),
    ("Status update for week 12.", "week 12", "week", "2027-03-22", "2027-03-28"),
    ("2027 is the year we stop running mail servers.", "2027", "year", "2027-01-01", "2027-12-31"),
    ("Key dates: dry run 2027-09-13.", "2027-09-13", "day", "2027-09-13", "2027-09-13"),
    ("Booked the week commencing 11 Jan 2027.", "the week commencing 11 Jan 2027", "week", "2027-01-11", "2027-01-17"),
    ("Launch is pencilled in for w/c 12 April 2027.", "w/c 12 April 2027", "week", "2027-04-12", "2027-04-18"),
    ("Start of production is in CW 36/2027.", "CW 36/2027", "week", "2027-09-06", "2027-09-12"),
    ("Weeks 10-12 of 2027 are for regression tests.", "Weeks 10-12 of 2027", "range", "2027-03-08", "2027-03-28"),
    ("Our 2026 goals were mostly met.", "2026", "year", "2026-01-01", "2026-12-31"),
    ("Worked down between 5 and 16 April 2027.", "5 and 16 April 2027", "range", "2027-04-05", "2027-04-16"),
    ("We ship in the first fortnight of May.", "the first fortnight of May", "range", "2027-05-01", "2027-05-14"),
    (
        "Critique sessions resume on the first Thursday of January.",
        "the first Thursday of January",
        "day",
        "2027-01-07",
        "2027-01-07",
    ),
    (
        "The offsite is the last Friday of March 2027.",
        "the last Friday of March 2027",
        "day",
        "2027-03-26",
        "2027-03-26",
    ),
    ("We demo on the second Tuesday in February.", "the second Tuesday in February", "day", "2027-02-09", "2027-02-09"),
    ("Go-live is planned by mid of March.", "mid of March", "range", "2027-03-11", "2027-03-20"),
    ("Feedback is expected by 15.03. latest.", "15.03.", "day", "2027-03-15", "2027-03-15"),
    ("The decision is taken on 24.02. in the steering group.", "24.02.", "day", "2027-02-24", "2027-02-24"),
    ("The first payment is due on 2027.01.29.", "2027.01.29", "day", "2027-01-29", "2027-01-29"),
    ("Review meeting is scheduled on 03-12-2026, agenda will follow.", "03-12-2026", "day", "2026-12-03", "2026-12-03"),
    ("The new rate card is effective from 1.1.2027.", "1.1.2027", "day", "2027-01-01", "2027-01-01"),
    ("Payment of the final milestone is expected in 03/2027.", "03/2027", "month", "2027-03-01", "2027-03-31"),
    ("Programme timing: VP build 03/2027, then SOP.", "03/2027", "month", "2027-03-01", "2027-03-31"),
    ("Timing: PP build done, SOP 07/2027.", "07/2027", "month", "2027-07-01", "2027-07-31"),
    ("The homologation dossier for Korea is due 12-Apr-2027.", "12-Apr-2027", "day", "2027-04-12", "2027-04-12"),
    ("Ops schedule: PVT build in WW06 2027.", "WW06 2027", "week", "2027-02-08", "2027-02-14"),
    ("Tape-out is WW 12.", "WW 12", "week", "2027-03-22", "2027-03-28"),
    ("Ops review moved to Thursday the 3rd.", "Thursday the 3rd", "day", "2026-12-03", "2026-12-03"),
    (
        "Ministers will decide in the last quarter of 2027.",
        "the last quarter of 2027",
        "quarter",
        "2027-10-01",
        "2027-12-31",
    ),
    ("We spent October mapping every producer.", "October", "month", "2027-10-01", "2027-10-31"),
    ("We will present the 2027 analytics roadmap to the board.", "2027", "year", "2027-01-01", "2027-12-31"),
    ("Maintenance on Saturday, 12.12.2026 from 06:00.", "Saturday, 12.12.2026", "day", "2026-12-12", "2026-12-12"),
    (
        "The freeze is the second fortnight of June 2027.",
        "the second fortnight of June 2027",
        "range",
        "2027-06-17",
        "2027-06-30",
    ),
    ("We fixed reliability; 2027 has to be about speed.", "2027", "year", "2027-01-01", "2027-12-31"),
]


@pytest.mark.parametrize(("sentence", "text", "granularity", "start", "end"), DATES, ids=[d[1] for d in DATES])
def test_date_forms(sentence, text, granularity, start, end):
    m = only(sentence)
    assert (m.kind, m.text, m.granularity) == ("date", text, granularity)
    assert (m.window.start.isoformat(), m.window.end.isoformat()) == (start, end)
    assert sentence[m.start : m.end] == text


RELATIVE = [
    ("We demo it next Tuesday.", "next Tuesday", "2026-12-01", "2026-12-01"),
    ("Expect it in two weeks.", "in two weeks", "2026-12-07", "2026-12-13"),
    ("Pricing changes next quarter.", "next quarter", "2027-01-01", "2027-03-31"),
    ("The lab booking rework for next term needs longer slots.", "next term", "2027-01-01", "2027-03-31"),
    ("The audit is this fortnight.", "this fortnight", "2026-11-23", "2026-12-06"),
    ("The ticket was closed 2 days back, still the user sees it.", "2 days back", "2026-11-22", "2026-11-22"),
    ("The decision will be made next financial year.", "next financial year", "2027-01-01", "2027-12-31"),
    ("The donor survey will close a week later than planned.", "a week later", "2026-11-30", "2026-12-06"),
    (
        "We'll move the 7 remaining Postgres 13 instances over the next two weeks.",
        "over the next two weeks",
        "2026-11-24",
        "2026-12-08",
    ),
    ("The 3.8 cluster (6 nodes) is frozen for new queues from today.", "today", "2026-11-24", "2026-11-24"),
    ("Planning happens next fortnight.", "next fortnight", "2026-12-07", "2026-12-20"),
    ("The feedback form will be shortened next semester.", "next semester", "2027-01-01", "2027-06-30"),
    ("By year-end we ship the new importer.", "year-end", "2026-09-01", "2026-12-31"),
    ("Ship it by the end of the year.", "the end of the year", "2026-09-01", "2026-12-31"),
    ("Let's sync tomorrow.", "tomorrow", "2026-11-25", "2026-11-25"),
    ("Numbers come in 3 months.", "in 3 months", "2027-02-01", "2027-02-28"),
    ("A draft is due within 10 days.", "within 10 days", "2026-11-24", "2026-12-04"),
    ("The pilot ran a year ago.", "a year ago", "2025-01-01", "2025-12-31"),
    ("We hire three months from now.", "three months from now", "2027-02-01", "2027-02-28"),
    ("The report comes out on Monday.", "on Monday", "2026-11-30", "2026-11-30"),
    ("Hiring continues early next year.", "early next year", "2027-01-01", "2027-04-30"),
    ("Kickoff is this Friday.", "this Friday", "2026-11-27", "2026-11-27"),
    ("We revisit it in one and a half months.", "in one and a half months", "2027-01-01", "2027-01-31"),
    ("The demo is on the 14th of next month.", "the 14th of next month", "2026-12-14", "2026-12-14"),
    ("The postmortem is due within 5 business days.", "within 5 business days", "2026-11-24", "2026-11-29"),
    ("The cleanup finishes by year-end.", "year-end", "2026-09-01", "2026-12-31"),
    ("The team re-plans mid-year.", "mid-year", "2026-05-01", "2026-08-31"),
    ("The game day is the Tuesday after next.", "the Tuesday after next", "2026-12-08", "2026-12-08"),
    ("We regroup the week after next.", "the week after next", "2026-12-07", "2026-12-13"),
    ("The staging rebuild runs starting Monday.", "starting Monday", "2026-11-30", "2026-11-30"),
    ("We review it again in a fortnight.", "in a fortnight", "2026-12-07", "2026-12-13"),
    ("We'll circle back in a week or two.", "in a week", "2026-11-30", "2026-12-06"),
    ("The new SLAs go into effect on the first of the year.", "the first of the year", "2027-01-01", "2027-01-01"),
    ("Rent moves on the first of next month.", "the first of next month", "2026-12-01", "2026-12-01"),
    ("Could we move the demo to the 14th?", "the 14th", "2026-12-14", "2026-12-14"),
    ("The SSO migration should be done in a fortnight.", "in a fortnight", "2026-12-07", "2026-12-13"),
    ("Dark mode is small; ship it in a fortnight.", "in a fortnight", "2026-12-07", "2026-12-13"),
    (
        "The CISO wants the action items closed within the next 30 days.",
        "within the next 30 days",
        "2026-11-24",
        "2026-12-24",
    ),
    ("Client review moved to Thursday.", "Thursday", "2026-11-26", "2026-11-26"),
    ("I'll pick up the PDF bug today.", "today", "2026-11-24", "2026-11-24"),
    ("The hotfix is due tonight.", "tonight", "2026-11-24", "2026-11-24"),
    ("Customers report 502s since 09:40 UTC today.", "today", "2026-11-24", "2026-11-24"),
    ("Build 4412 failed twice this morning; investigating.", "this morning", "2026-11-24", "2026-11-24"),
    ("Please review the PR before the 4pm cut-off today.", "today", "2026-11-24", "2026-11-24"),
    ("The TestFlight build goes out tonight.", "tonight", "2026-11-24", "2026-11-24"),
    ("Standup: today pairing on the share sheet.", "today", "2026-11-24", "2026-11-24"),
    ("The loop is complete and the offer goes out this afternoon.", "this afternoon", "2026-11-24", "2026-11-24"),
    ("Send me the deck by COB.", "COB", "2026-11-24", "2026-11-24"),
    ("Can you file the match report by 10pm tonight?", "tonight", "2026-11-24", "2026-11-24"),
    (
        "The customer asked that we move their data within the next 30 days.",
        "within the next 30 days",
        "2026-11-24",
        "2026-12-24",
    ),
    ("Accruals are due by COB Monday.", "COB Monday", "2026-11-30", "2026-11-30"),
    ("Marketing is out the week before.", "the week before", "2026-11-16", "2026-11-22"),
    ("A go/no-go decision follows 48 hours later.", "48 hours later", "2026-11-26", "2026-11-26"),
    ("We'll circle back on the pricing page in the new year.", "in the new year", "2027-01-01", "2027-01-31"),
    ("Can we lock the agenda by Fri?", "by Fri", "2026-11-27", "2026-11-27"),
    ("The VPN cert expires Sat, so renew it.", "Sat", "2026-11-28", "2026-11-28"),
    ("We'll publish the report by end of day tomorrow.", "end of day tomorrow", "2026-11-25", "2026-11-25"),
    ("ETA EOD tomorrow, the template is done.", "EOD tomorrow", "2026-11-25", "2026-11-25"),
    ("Send the numbers by end of day Friday.", "end of day Friday", "2026-11-27", "2026-11-27"),
    ("The board wants a revised plan two weeks from today.", "two weeks from today", "2026-12-07", "2026-12-13"),
    ("Deck draft to me a week before.", "a week before", "2026-11-16", "2026-11-22"),
    ("Tom books the follow-up for next wk.", "next wk", "2026-11-30", "2026-12-06"),
    ("my 1:1 with sam moved to thursday, 2:30.", "thursday", "2026-11-26", "2026-11-26"),
    ("can we push the demo to thu?", "thu", "2026-11-26", "2026-11-26"),
    ("rfc draft by friday, decision after.", "by friday", "2026-11-27", "2026-11-27"),
    ("FX lands in Q1 next year.", "Q1 next year", "2027-01-01", "2027-03-31"),
    ("The budget is up 12% on the current year.", "the current year", "2026-01-01", "2026-12-31"),
    ("Next minor lands in ~6 weeks if nothing blocks it.", "in ~6 weeks", "2027-01-04", "2027-01-10"),
    ("Over the past 12 months we merged 1,150 PRs.", "Over the past 12 months", "2025-11-24", "2026-11-24"),
    ("Peak CPU hit 71% last November.", "last November", "2025-11-01", "2025-11-30"),
    ("We relaunch next March.", "next March", "2027-03-01", "2027-03-31"),
    ("We committed to it for the upcoming sprint.", "the upcoming sprint", "2026-12-08", "2026-12-21"),
    ("We need the go-ahead by Monday EOD.", "by Monday EOD", "2026-11-30", "2026-11-30"),
    ("Build 2611 is rolling out to testers today.", "today", "2026-11-24", "2026-11-24"),
    ("Offline mode slipped two weeks because of iOS.", "two weeks", "2026-12-07", "2026-12-13"),
    ("The pilot ends on the 28th, and the decision follows.", "the 28th", "2026-11-28", "2026-11-28"),
    ("Grand opening on the 21st.", "the 21st", "2026-12-21", "2026-12-21"),
    ("Four of them are out injured until the new year.", "until the new year", "2027-01-01", "2027-01-31"),
    ("Gross margin is up from 68% in the prior quarter.", "the prior quarter", "2026-07-01", "2026-09-30"),
    ("Standup: y'day reviewed the caching ADR.", "y'day", "2026-11-23", "2026-11-23"),
    ("Leadership will announce the structure in the coming weeks.", "in the coming weeks", "2026-11-25", "2026-12-22"),
    ("Results in 2 wks; no decisions until then.", "in 2 wks", "2026-12-07", "2026-12-13"),
    ("Design review got pushed to next Tues.", "next Tues", "2026-12-01", "2026-12-01"),
    ("Not a priority this half.", "this half", "2026-07-01", "2026-12-31"),
    ("next Q we pay down the flaky-test debt.", "next Q", "2027-01-01", "2027-03-31"),
    # in lower case after a cue
    ("ship by fri, demo after", "by fri", "2026-11-27", "2026-11-27"),
    ("QA signoff due thu.", "thu", "2026-11-26", "2026-11-26"),
    ("release eod wed", "eod wed", "2026-11-25", "2026-11-25"),
    ("Fix the bot before the weekend.", "before the weekend", "2026-11-28", "2026-11-29"),
    ("Pump room 2B flooded last night.", "last night", "2026-11-23", "2026-11-23"),
    ("Landlord approval: chase end of week.", "end of week", "2026-11-27", "2026-11-29"),
    ("Is the banner still going out tmrw?", "tmrw", "2026-11-25", "2026-11-25"),
    ("The mark should publish in about 4 months.", "in about 4 months", "2027-03-01", "2027-03-31"),
    # a weekday written as a name, with no cue before it
    ("Product council meets Thursday to lock the roadmap.", "Thursday", "2026-11-26", "2026-11-26"),
    ("We need the assets for the Monday launch.", "Monday", "2026-11-30", "2026-11-30"),
    ("The old cluster will be shut down Friday; snapshots stay.", "Friday", "2026-11-27", "2026-11-27"),
    # British: "a week on Friday" is the Friday after next; "a fortnight ago" two weeks back
    ("The menu tasting for the Leeds team is a week on Friday.", "a week on Friday", "2026-12-04", "2026-12-04"),
    ("The hangar fire suppression test passed a fortnight ago.", "a fortnight ago", "2026-11-09", "2026-11-15"),
    ("Thanks all for a smooth go-live at the weekend.", "at the weekend", "2026-11-28", "2026-11-29"),
    ("We will freeze the config after the weekend.", "after the weekend", "2026-11-28", "2026-11-29"),
    ("We will ship 80% of the features within two weeks.", "within two weeks", "2026-11-24", "2026-12-08"),
]


@pytest.mark.parametrize(("sentence", "text", "start", "end"), RELATIVE, ids=[r[1] for r in RELATIVE])
def test_relative_dates_resolve_against_as_of(sentence, text, start, end):
    m = only(sentence)
    assert (m.kind, m.text, m.granularity) == ("date", text, "relative")
    assert (m.window.start.isoformat(), m.window.end.isoformat()) == (start, end)


ESTIMATES = [
    # (sentence, text, low, high, unit)
    ("The importer takes 3 days.", "3 days", 3, 3, "days"),
    ("Adapters are two to three weeks.", "two to three weeks", 2, 3, "weeks"),
    ("The spike is ~40h.", "~40h", 40, 40, "hours"),
    ("Hardening needs a couple of sprints.", "a couple of sprints", 2, 2, "sprints"),
    ("The rewrite is 6-8 person-weeks.", "6-8 person-weeks", 6, 8, "weeks"),
    ("The API review takes 1-2 months.", "1-2 months", 1, 2, "months"),
    ("Allow 5 points for copy.", "5 points", 5, 5, "points"),
    ("Another 13 pts remain.", "13 pts", 13, 13, "points"),
    ("That is about 2 weeks.", "about 2 weeks", 2, 2, "weeks"),
    ("It should take a week.", "a week", 1, 1, "weeks"),
    ("We need a week or two.", "a week or two", 1, 2, "weeks"),
    ("The retrofit is half a day.", "half a day", 0.5, 0.5, "days"),
    ("Cleanup is a few days.", "a few days", 2, 4, "days"),
    ("It is a 3-day spike.", "3-day", 3, 3, "days"),
    ("The rework takes 2 or 3 weeks.", "2 or 3 weeks", 2, 3, "weeks"),
    ("Budget 2d for review.", "2d", 2, 2, "days"),
    ("Migration is 1.5 weeks.", "1.5 weeks", 1.5, 1.5, "weeks"),
    ("We can get it done in two weeks, if nothing breaks.", "two weeks", 2, 2, "weeks"),
    ("I think we can get the spike done in a day or two.", "a day or two", 1, 2, "days"),
    ("The spike took longer than the 2 days we'd budgeted.", "2 days", 2, 2, "days"),
    ("Writing the requirements is the best part of a fortnight.", "a fortnight", 2, 2, "weeks"),
    ("The harness supplier quoted 4-5 weeks to rework the tooling.", "4-5 weeks", 4, 5, "weeks"),
    ("The translation vendor quotes a fortnight of effort.", "a fortnight", 2, 2, "weeks"),
    ("The relocation itself will take three to four weekends.", "three to four weekends", 6, 8, "days"),
    ("Quick one: about 30 mins to add the missing not-null tests.", "about 30 mins", 0.5, 0.5, "hours"),
    ("Estimating the secrets-in-logs cleanup at 5-7 days.", "5-7 days", 5, 7, "days"),
    ("Downtime for the conveyor swap is planned at 36 hours.", "36 hours", 36, 36, "hours"),
    (
        "Replacing the shared admin passwords with just-in-time access: a month for a single engineer.",
        "a month",
        1,
        1,
        "months",
    ),
    ("The copy review is a half-day.", "a half-day", 0.5, 0.5, "days"),
    ("Our guess is 8-10 engineering weeks.", "8-10 engineering weeks", 8, 10, "weeks"),
    ("Budget for 30 person-days of QA.", "30 person-days", 30, 30, "days"),
    ("We plan a 6-week build phase.", "6-week", 6, 6, "weeks"),
    ("Platform asks for ~1 quarter of one engineer.", "~1 quarter", 1, 1, "quarters"),
    ("Legal review takes ten business days.", "ten business days", 10, 10, "days"),
    ("Call it a person-year of effort.", "a person-year", 1, 1, "years"),
    ("It takes one and a half weeks.", "one and a half weeks", 1.5, 1.5, "weeks"),
    ("It takes 2 and a half days.", "2 and a half days", 2.5, 2.5, "days"),
    ("It could take anywhere from 2 to 6 months.", "2 to 6 months", 2, 6, "months"),
    ("Call it a week and a half.", "a week and a half", 1.5, 1.5, "weeks"),
    # more of the same work
    ("We need another sprint to finish the importer.", "another sprint", 1, 1, "sprints"),
    ("The importer needs one more sprint.", "one more sprint", 1, 1, "sprints"),
    ("Budget an extra week for QA.", "an extra week", 1, 1, "weeks"),
    ("Add two more weeks for the rollout.", "two more weeks", 2, 2, "weeks"),
    ("Space planning: 4 FTE-weeks.", "4 FTE-weeks", 4, 4, "weeks"),
    ("The ERP migration is estimated at 1,200 hours of consultant time.", "1,200 hours", 1200, 1200, "hours"),
    ("SAML hardening is 1 PW.", "1 PW", 1, 1, "weeks"),
    ("db upgrade: ~4h of hands-on work.", "~4h", 4, 4, "hours"),
    ("bumping node to 20, 1 pt.", "1 pt", 1, 1, "points"),
    ("the api is flaky; workaround est a day.", "a day", 1, 1, "days"),
    ("Post-go-live hypercare is planned for six weeks.", "six weeks", 6, 6, "weeks"),
    ("Identity governance kicks off soon and will run for about 10 weeks.", "about 10 weeks", 10, 10, "weeks"),
    ("Writing the docs for the new API: a week, maybe less.", "a week", 1, 1, "weeks"),
    ("Nurses will be released for half a day of e-learning.", "half a day", 0.5, 0.5, "days"),
    ("Alpha is planned to run for 8-10 weeks.", "8-10 weeks", 8, 10, "weeks"),
    ("The audit plan covers 14 audits totalling 380 audit days.", "380 audit days", 380, 380, "days"),
    ("We currently expect calendar sync to take two to three sprints.", "two to three sprints", 2, 3, "sprints"),
    ("The extension needs 30 volunteer days to finish.", "30 volunteer days", 30, 30, "days"),
    ("The budget covers two quarters of contractor time.", "two quarters", 2, 2, "quarters"),
    ("Copy-editing is done first, followed by two weeks of proofreading.", "two weeks", 2, 2, "weeks"),
    ("The framework is big (roughly 8+ weeks).", "roughly 8+ weeks", 8, 8, "weeks"),
    ("Estimate for localisation: a sprint per language pack.", "a sprint", 1, 1, "sprints"),
    ("Honestly this feels like a half-day fix.", "a half-day", 0.5, 0.5, "days"),
    ("Procurement needs 6-10 FTE-weeks to run the RFP.", "6-10 FTE-weeks", 6, 10, "weeks"),
    ("Setup and testing, so call it a week with buffer.", "a week", 1, 1, "weeks"),
    ("Their guess was high and ours was closer to a month.", "a month", 1, 1, "months"),
    ("Updating the runbooks is an estimated 2h.", "2h", 2, 2, "hours"),
    ("Flag cleanup should fit in half a sprint.", "half a sprint", 0.5, 0.5, "sprints"),
    # A technical noun before the number does not make it a duration of that thing when work is named.
    ("Fixing the cache invalidation bug will take 3 days.", "3 days", 3, 3, "days"),
    ("The latency work needs 2-3 weeks.", "2-3 weeks", 2, 3, "weeks"),
    ("The session store rewrite is 2 weeks.", "2 weeks", 2, 2, "weeks"),
    ("Improving uptime monitoring: 1-2 sprints.", "1-2 sprints", 1, 2, "sprints"),
    ("The experiment needs 3 weeks of data science time.", "3 weeks", 3, 3, "weeks"),
    ("Then 5 points of frontend.", "5 points", 5, 5, "points"),
    ("The vendor quotes a fortnight of effort.", "a fortnight", 2, 2, "weeks"),
    ("The model needs four or five weeks of data-science time.", "four or five weeks", 4, 5, "weeks"),
    ("The estimate grew to a full week.", "a full week", 1, 1, "weeks"),
    ("The rework came out at 12-14 story points in refinement.", "12-14 story points", 12, 14, "points"),
    ("Holiday gift guide copy needs 2 design days.", "2 design days", 2, 2, "days"),
    ("The launch film is 6 agency weeks, including edits.", "6 agency weeks", 6, 6, "weeks"),
    ("Backend is done; Raj thinks a week.", "a week", 1, 1, "weeks"),
    ("37 stale flags, so a day in total.", "a day", 1, 1, "days"),
    ("We estimate ~15 min of hands-on operator time per tenant.", "~15 min", 0.25, 0.25, "hours"),
    ("The last step is 20 minutes of work.", "20 minutes", 1 / 3, 1 / 3, "hours"),
    ("The optimisation spike is capped at 3d.", "3d", 3, 3, "days"),
    ("Lena is picking up the 3-pointer on sorting next.", "3-pointer", 3, 3, "points"),
    ("Based on recent velocity, the epic needs roughly four sprints.", "roughly four sprints", 4, 4, "sprints"),
    ("The SSO work (est. 4 weeks) must land first.", "4 weeks", 4, 4, "weeks"),
    ("Estimated effort for the Windows installer: 2-3 weeks.", "2-3 weeks", 2, 3, "weeks"),
    ("Sourcing should take roughly three recruiter-weeks.", "roughly three recruiter-weeks", 3, 3, "weeks"),
    ("Rolling out MFA to all students was scoped at 3-5 days of config work.", "3-5 days", 3, 5, "days"),
    ("UAT needs ~3 days from the ops folks.", "~3 days", 3, 3, "days"),
    ("The Warsaw team estimated 10-12 MD for the integration.", "10-12 MD", 10, 12, "days"),
    ("Outside counsel review of the patent licence: 12 hrs.", "12 hrs", 12, 12, "hours"),
    ("The upgrade playbook needs half a day of updates first.", "half a day", 0.5, 0.5, "days"),
    ("Updating the runbook and dropping the TTL to 30s is 1-2 days.", "1-2 days", 1, 2, "days"),
    ("Mapping the current-state journey should take a few days.", "a few days", 2, 4, "days"),
    ("Fixes for the login flow are estimated at a week.", "a week", 1, 1, "weeks"),
    ("The fix is estimated at 6-8 designer-days.", "6-8 designer-days", 6, 8, "days"),
    ("We're budgeting 2 research weeks for the field visits.", "2 research weeks", 2, 2, "weeks"),
    ("The form patterns need 8 story points of build.", "8 story points", 8, 8, "points"),
    ("The cable replacement will need 45 crew-days of jointing work.", "45 crew-days", 45, 45, "days"),
    ("Sprint goal: close 13 story points of meter-data validation stories.", "13 story points", 13, 13, "points"),
    ("A three-week polish pass on the first hour of the game is non-negotiable.", "three-week", 3, 3, "weeks"),
    ("We plan a four-week parallel run of the old and new crew systems.", "four-week", 4, 4, "weeks"),
    ("The estimate leaves out the two-day penetration test.", "two-day", 2, 2, "days"),
    (
        "The AI director is five to eight weeks of gameplay engineering, plus tuning.",
        "five to eight weeks",
        5,
        8,
        "weeks",
    ),
    ("The vendor quoted $185,000 for the licence and 40 days of professional services.", "40 days", 40, 40, "days"),
    ("Spike on the FHIR subscription API: timebox 2 days.", "2 days", 2, 2, "days"),
    ("Resurfacing of the A4074 will take five nights, working from 8pm to 6am.", "five nights", 5, 5, "days"),
    ("Night works on the ring road are estimated at 6 to 8 nights.", "6 to 8 nights", 6, 8, "days"),
    ("The signals go live after 5 days of testing.", "5 days", 5, 5, "days"),
    ("We've planned half a day of data validation after each load.", "half a day", 0.5, 0.5, "days"),
    ("The programme is 16 weeks of crew time.", "16 weeks", 16, 16, "weeks"),
    ("Notices go up ahead of works expected to last a fortnight.", "a fortnight", 2, 2, "weeks"),
    ("Effort for the API training session: 90 minutes.", "90 minutes", 1.5, 1.5, "hours"),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), ESTIMATES, ids=[e[1] for e in ESTIMATES])
def test_estimate_forms(sentence, text, low, high, unit):
    m = only(sentence)
    assert (m.kind, m.text) == ("estimate", text)
    assert (m.estimate.low, m.estimate.high, m.estimate.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("sentence", "size"),
    [
        ("The feature is t-shirt size M.", "M"),
        ("Size: L.", "L"),
        ("The estimate is XL.", "XL"),
        ("We sized it as an S.", "S"),
        ("It is an M-sized project.", "M"),
        ("We t-shirt sized Windows ARM support as an XL.", "XL"),
        ("Inline comments on dashboards: effort: Medium.", "M"),
        ("T-shirt size: Large.", "L"),
        ("It was sized as a Small.", "S"),
        ("Anything bigger than an M waits for the next train.", "M"),
        ("The config rollout is an XS.", "XS"),
        ("I'd call the export work an L if PDF output stays in scope.", "L"),
        ("Level 3 boss fight is an XL and needs splitting.", "XL"),
        ("I've put the e-observations work down as a Medium, mostly integration.", "M"),
        ("We scoped it as a Large.", "L"),
        ("It's a small job \u2014 an S at most \u2014 so it can go in the minor works list.", "S"),
    ],
)
def test_t_shirt_sizes_where_a_size_is_named(sentence, size):
    m = only(sentence)
    assert (m.kind, m.estimate.size) == ("estimate", size)


TRAPS = [
    "Upgrade the client to v2.0.27 first.",
    "We dropped support for Python 3.11.",
    "The config key moved in 1.2027.",
    "We operate in 3 regions.",
    "The product has 2027 users today.",
    "Conversion rose 12% quarter over quarter.",
    "See \u00a7 4.2 for the retention policy.",
    "The bug is tracked in PROJ-2027.",
    "The add-on costs $2,027 a year.",
    "The sync runs at 14:30 every day.",
    "Call 555-2027-0199 for the bridge.",
    "Order id 2027-0042-17 failed twice.",
    "Deploy ID 2027-11 failed.",
    "She finished 2nd in the hackathon.",
    "The 3rd attempt succeeded.",
    "Read RFC 2027 before commenting.",
    "See issue #2027 on GitHub.",
    "The commit abc2027f introduced the bug.",
    "The service listens on 10.20.27.1.",
    "It runs on port 2027 locally.",
    "The room seats 2027 people.",
    "We offer a 30-day trial.",
    "Run the report once a week.",
    "We release every two weeks.",
    "Engineers need 3 years of experience.",
    "The token expires after 24 hours.",
    "Our NPS went up 8 points.",
    "May we ask for a review?",
    "The parade will march past the office.",
    "The shirts come in S, M, L and XL.",
    "Set the H2 heading size in the theme.",
    "Between 3 and 5 engineers will help.",
    "Pages 20 to 27 describe the API.",
    "Version 2027.1 of the SDK is out.",
    "Pay \u20ac2.027 per seat.",
    "Use a 2-week sprint cadence.",
    "The pilot has a 6-week feedback cycle.",
    "The chart uses a 12-month moving average.",
    "Spring Boot 3.2 is the baseline.",
    "Fall back to the old parser on error.",
    "The march to general availability continues.",
    "Firmware 1.02.2027 is signed.",
    "Windows 2000 and Office 2019 are out of scope.",
    "It was the 2nd time in 3 sprints that the build broke.",
    "Our head office is at 2027 Market Street.",
    "The quota is 1000 requests per minute.",
    "Tickets older than 2 weeks are closed automatically.",
    "Availability was 99.9% over 30 days.",
    "Our MTTR is 4 hours and our MTBF is 30 days.",
    "The outage lasted 3 hours.",
    "Keep 7 days of metrics at full resolution.",
    "Schedule a 2-hour maintenance window.",
    "The Fall release train is named after rivers.",
    "Summer interns join the platform team.",
    "Fixed a crash when exporting more than 2027 rows.",
    "Customers on the annual contract get 2 months free.",
    "Refund requests must be filed within 14 days of purchase.",
    "Week 3 is the backup slot.",
    "The token lifetime needs to be 2 hours.",
    "Raw events are kept for 90 days.",
    "The backup job keeps snapshots for 35 days.",
    "It is $39 a seat if you commit for 24 months.",
    "Our parental leave policy gives 16 weeks at full pay.",
    "Code freeze for the spring release is announced by the release manager.",
    "Engineers get 3 days of learning budget each year and 25 days of PTO.",
    "The CDN holds static assets for 7 days.",
    "The on-call rotation is 1 week long.",
    "Units are burned in for 48 hours at 60 °C.",
    "Disputes must be raised within 13 months.",
    "Orders placed before 2pm are dispatched within 4 hours.",
    "The returns window is 30 days.",
    "See job run 2027-0042 for the logs.",
    "Nurses get 27 days of annual leave plus bank holidays.",
    "Refunds settle in 5-7 business days.",
    "We run the load test for 2 hours at 3x peak traffic.",
    "Call the help desk, extension 2027, for login issues.",
    "Applicants have 28 days to respond to a request.",
    "The reconciliation job takes 6 hours to run.",
    "Customers get 90 days' notice before the API is switched off.",
    "Support agents must respond to P1 tickets within 4 hours.",
    "Sellers flagged three times are suspended for 7 days.",
    "Reviewers had a median response time of 6 hours.",
    "The firmware image for hub model 2027 is built with GCC.",
    # "today" as the state of things, not a date set for work
    "Today, support handles refunds by hand.",
    "The warehouse holds 12 TB today and grows every month.",
    # weekdays that are not a day to come: every week's, another period's, a named day
    "On-call shifts hand over every Monday morning.",
    "Demos happen on the last Friday of the sprint.",
    "Black Friday doorbusters start at 6am.",
    "The Monday-to-Friday schedule holds.",
    "We deploy on Mondays.",
    "Owner: May Lin, with June Park as backup.",
    "The Black Friday email goes out to all subscribers.",
    # a weekday abbreviation in lower case needs a cue: these are words
    "The mon chart is red again.",
    "They were wed by the registrar.",
    "Field teams rely on sat phones.",
    "11/19 tests passed on the new runner.",
    "Set the q3 key in the config.",
    "Mar is short for the Spanish word for sea.",
    "Scored 11/19: not bad for a first try.",
    "This half of the room votes first.",
    "I last sat with them after the offsite.",
    "We'll talk about it another day.",
    "We will revisit the plan at the mid-year review.",
    "Friday deploys are banned after 3pm.",
    "The clubhouse bar is open 6pm-11pm Tuesday to Friday.",
    "Please order the M-size and L-size T-shirts for the hackathon.",
    "Costume needs outfits for 40 extras in sizes S through XL.",
    "Mon 3/4 is the date on the old invite.",
    "This may work after all.",
    "we may march on regardless.",
    "the h1 tag is too big on mobile.",
    "We fill in the W2 form.",
    "The analytics dashboard shows the last 28 days by default.",
    "Publication is timed for the Christmas market.",
    "Invoices are paid on the 15th and the last working day of each month.",
    "The 3rd retry failed on the 2nd attempt.",
    "Investors can reach us on +1 415 555 2027 during office hours.",
    "We will hold the mid-quarter OKR check-in soon.",
    "The kickoff is a 2-hr workshop with product.",
    # the opening days of every week
    "Helpdesk cover is 8am-6pm UK time, Monday to Friday, excluding bank holidays.",
    "The pop-up runs Mon through Sat.",
    "The freeze lasts another week.",
    "The new HPC nodes have 8x H100 GPUs each.",
    "Hours-of-service rules cap driving at 11 hours per shift.",
    "The sun will rise over the new campus.",
    "The March of progress continues.",
    "We offer support 24/7 on 24/7 channels.",
    "Only 1/3 of the fleet is upgraded by now.",
    "The score was 18/20 and 13/14 tests passed.",
    "We met on 9/11 to plan.",
    "Use a single H1 per page and keep titles short.",
    "Badge printing for 1,200 attendees takes the vendor about 3 days.",
    "We ordered 500 T-shirts: 150 in size M, 200 in size L and the rest in XL.",
    "Under Article 17 GDPR, we respond to erasure requests within one month.",
    "The spike took 3 hours later than planned.",
    "The 2027 users who signed up are happy.",
    "File it under PROJ-2026-27 in the tracker.",
    "Monday.com is the tracker the agency uses.",
    "Order 300 launch T-shirts (mix of S, M, L and XL) for the booth crew.",
    "We size tickets as S, M, L or XL.",
    "The estimated effort is large in any case.",
    "A full disk scan takes roughly 40 minutes.",
    "The cutover itself should take 90 minutes.",
    "We need 5 minutes of your time.",
    "The backfill job itself will run for roughly 9 hours per region.",
    'The subject line reads "48 hours only: 30% off".',
    "The welcome series is 5 emails over 14 days.",
    "Play Store review can take up to 7 days for new apps.",
    "Ratings use a 5-point scale.",
    "New hires have 30 days from their start date to enrol in medical cover.",
    "The EAP vendor contract renews with the new pricing for 3 years.",
    "Case SLAs are 2 business days for P2 and 4 hours for P1.",
    "Standard library loans drop from 28 days to 21 days.",
    "Moving the data takes about 6 hours per TB at current throughput.",
    "The timetabling solver runs overnight and takes about 5 hours for 900 modules.",
    "Issue 52 is the year-end roundup.",
    "Year-end P60s are issued by the payroll team.",
    "We support the two latest Ubuntu LTS releases, 22.04 and 24.04.",
    "Upgrade to 1.02.2027 first.",
    "Invoice 03/2027 is paid.",
    "Release 3/2027 notes are in the wiki.",
    "We went from 2nd to 3rd.",
    "The MCU distributor quoted 52 weeks for the STM32L4.",
    "The part is on allocation, and the distributor says 18-20 weeks.",
    "Our buffer stock target is 8 weeks of forecast demand.",
    "The bid asks for £46m of capital and £12m of resource over three years.",
    "The Consultation Principles expect a government response within 12 weeks.",
    "The 2018 accessibility regulations still apply.",
    "The supplier quotes 6-8 weeks for delivery.",
    "The cladding panels have a design life of 30 years.",
    "The business case assumes a payback of 7 years.",
    "Backfilling took the cluster roughly 11 hours last time.",
    "The dashboard shows the trailing 13 weeks by default.",
    "We reduced the incremental model's runtime from 2 hours.",
    "Ingestion lag hit 6 hours during the upgrade.",
    "The refresh usually takes 7 to 9 minutes, longer at month-end.",
    "Approved 20/11, and the team meets 12/7.",
    "It takes 5 minutes to update the cache.",
    "Order an L in blue, maybe XL if they run small.",
    "Drawing 12-Apr-2027-B supersedes revision A.",
    "Salt spray testing is 720 hours per the corrosion standard.",
    "The customer's 8D clock is 24 hours for containment.",
    "Certificates have a 90-day lifetime and auto-renew at 60 days.",
    "Regulators expect notification within 72 hours under GDPR Art. 33.",
    "The DAST scan runs every night at 02:00 and takes about 3 hours.",
    "The MSA auto-renews for a further 12 months.",
    "The new NDA template cuts the confidentiality tail from 5 years.",
    "Clause 4.1 gives the customer 10 business days to reject deliverables.",
    "The Compute Savings Plan commits $85/hour for 3 years.",
    "Each participant is in the study for about 9 months.",
    "CAR-T manufacturing takes 17 days from apheresis.",
    "Lab sample tubes are stable for 48 hours at 2-8 °C.",
    "Restoring the 42 TB warehouse from snapshot takes about 9 hours.",
    "Reindexing 9 billion documents took 31 hours on the last attempt.",
    "Visit 5 (Week 12) must fall inside its window.",
    "Marking turnaround is 15 working days.",
    "We expect an NPS lift of 5-10 points once the new flow ships.",
    "Kiosk screens are 1080 by 1920 pixels.",
    "New apps can wait up to 7 days in review.",
    "The hotfix was approved in under 6 hours.",
    "The pre-launch report finishes in about an hour.",
    "At current traffic the test runs about 12 days.",
    "Beta testers get 30 days of Premium as a thank-you.",
    "The fault left 3,100 homes off supply for 7 hours.",
    "Software release 24.Q2 goes to the Leeds data centre.",
    "In the last storm the call centre took 18,000 calls in 24 hours.",
    "Each food parcel feeds a family of four for 3 days.",
    "The 18 volunteers with over 500 hours each get an award.",
    "Incubate plates at 37 \u00b0C for 48 hours, then read absorbance at 450 nm.",
    "Compound BX-417 has a half-life of about 9 hours in human plasma.",
    "The drug product is stable for 24 months at 5 \u00b0C and 6 months at 25 \u00b0C.",
    "The kinetic solubility assay takes about 2 hours per plate on the nephelometer.",
    "ICH Q1A expects 12 months of long-term stability data at submission.",
    "The transport study simulated 48 hours of shipping at 30 \u00b0C.",
    "The Sunday edition goes to press at 11pm.",
    "We printed 8,500 copies of the anniversary issue and sold out in 3 days.",
    "The new template grants access for 25 years, with a break clause after year 10.",
    "The proposals would cut the landowner response period from 28 days to 14 days.",
    "The venue contract allows 6 hours for load-in and 3 for load-out.",
    "Flights from Chicago take about 11 hours with one stop.",
    "It's a 3-day conference with a half-day of workshops beforehand.",
    "The cancellation clause kicks in at 90 days, with 50% payable inside 60 days.",
    "The legacy mainframe batch starts at 02:00 and takes about 3 hours.",
    "The advisory board meets twice a year, each meeting lasting half a day.",
    "Examiners have three months to return their reports under the code of practice.",
    "The semester is 12 teaching weeks plus 3 weeks of assessment.",
    "The loggers record every 10 minutes and store up to 18 months of readings.",
    "First-aid training takes 16 hours over two days.",
    "Online check-in opens 30 hours before departure, up from 24 hours.",
    "The delivery ferry from Toulouse is a 3h 10m flight.",
    "It is an 11-hour flight with one crew change.",
    "The engine shop's standard turn time for a module swap is 45 days.",
    "Staff uniforms: 60 size M chef jackets and 40 size L aprons.",
    "Our financial year runs April to March.",
    "The Sunday roast at the Bath Road site sold 200 covers.",
    "Sales dipped after Tuesday covers fell 9%.",
    "The e-RTG pilot cut diesel use on RTG 14 by 87% over six weeks.",
    "Dear Ms Patel, we will respond fully to your service charge query within 10 working days.",
    "The cladding fund aims to decide within 12 weeks.",
    "The touring show's crates need 72 hours to acclimatise before opening.",
    "Processing one model takes 6-8 hours on the RTX 4090 workstation.",
    "Volunteers logged 2,027 hours, up 12% on the spring programme.",
    "A 1-year all-upfront RI breaks even after about 7 months at current usage.",
    "The Cost Explorer forecast only projects 12 months forward.",
    "We hit 2 budget alerts in 3 days on the ML account.",
    "The rightsizing bot opens at most 20 PRs a day and waits 48 hours for review.",
    "Story time runs every Tuesday and Thursday at 10:30 for under-5s.",
    "New core hours: 10:00-18:00 Tuesday to Saturday, closed Sunday and Monday.",
    "The LMS contract is for 5 years at a fixed price.",
    "The retrain itself took 6 hours on 8 A100s, which is normal.",
    "Seller verification takes up to 48 hours for ID checks.",
    "Under DSA Art. 20, users get at least 6 months to lodge an internal complaint.",
    "Handover requires 30 days of uninterrupted operation with no Severity 1 defects.",
    "Company policy requires 2 weeks notice before leave.",
    "The S3 bucket for order exports retains objects for 7 years to satisfy HMRC rules.",
    "Packages ship within 1 business day and arrive in 3-5 days with standard delivery.",
    "Members earn 10 points per \u00a31 spent at partner hotels.",
    "Phased release on the App Store automatically spreads an update over 7 days.",
]


@pytest.mark.parametrize("sentence", TRAPS)
def test_traps_are_not_mentions(sentence):
    assert [m.text for m in find_mentions(sentence, GRAMMAR)] == []


# Durations of something other than work, told by the shape of the clause (planner/prose/clause.py).
OTHER_DURATIONS = [
    ("a count", "We finished 34 of 40 points."),
    ("a rule", "Our DPA gives us 72 hours to report a breach."),
    ("after another", "The stale bot closes issues after another 14 days."),
    ("service level", "I only review on weekends, so expect replies within 7 days."),
    ("a state that lasts", "Security advisories are embargoed for up to 90 days."),
    ("support windows", "LTS support windows: 24 months for even releases."),
    ("a rota", "Each maintainer is on triage duty for 1 week at a time."),
    ("what usually happens", "A full clone of prod to dev usually takes 6-8 hours."),
    ("a product's behaviour", "The Deluxe Edition includes 3 days of early access."),
    ("a product's behaviour", "The Pro controller gets 40 hours of battery life."),
    ("a running time", "The director's cut runs 2 hours 14 minutes."),
    ("transit", "Ocean freight from Shenzhen to Rotterdam takes about 35 days."),
    ("what usually happens", "At 2K, a typical shot renders overnight in about 7 hours."),
    ("each time", "Each C-check takes around 3 weeks in the hangar."),
    ("a dose", "The default is 1 g every 4-6 hours, to a maximum of 4 g in 24 hours."),
    ("a rule", "Staff must have completed the training within the preceding 12 months."),
    ("a rule", "The rules give the firm 8 weeks to issue a final response."),
    ("notice", "Admins get an email 7 days beforehand."),
    ("service level", "Replies to tickets may take up to 48 hours."),
    ("inactivity", "We delete free accounts that haven't signed in for 24 months."),
    ("service level", "Laptop requests take about 3 business days to fulfil."),
    ("contract", "The contract value is GBP 850,000 over 3 years."),
    ("holiday", "Capacity is 4 engineers, minus roughly a week each of holiday."),
    ("a rate", "Business reviews take about an hour per customer."),
    ("a service level", "Click-and-collect orders are ready in 2 hours."),
    ("a physical process", "Concrete takes 28 days to reach its design strength."),
    ("what usually happens", "The report usually arrives 10 business days later."),
    ("elapsed", "Order #88213 has been stuck in pending for 3 days."),
    ("support period", "The v2 line gets 6 months of security fixes."),
    ("downtime", "Expect up to 4 hours of read-only mode."),
    ("a product's behaviour", "Users can mute a thread for 24 hours."),
    ("milestones", "Customers get health checks at 30, 60 and 90 days."),
    ("a process", "The month-end close takes five working days."),
    ("a metric", "DSO improved to 47 days."),
    ("a job's run", "The harness runs the full suite in about 3 hours per model."),
    ("a job's run", "Training the checkpoint takes roughly 4 days on 64 GPUs."),
    ("a count", "The building system polls 3,200 points every 15 minutes."),
    ("service level", "Standard plan customers get a response within 2 business days."),
    ("what usually happens", "The FP&A team can turn around a scenario model in about 2 days, normally."),
    ("retention, a list", "We retain chat transcripts for 18 months and PagerDuty logs for 90 days."),
    ("measured, past", "MTTR improved from 3.2 hours to 1.4 hours."),
    ("service level", "Our goal: first-response time under 2 hours for 90% of tickets."),
    ("those days", "Ad spend doubles over those 4 days."),
    ("contract", "The savings plan commitment is 36 months."),
    ("contract", "We've asked for a 12-month term instead of 36 months."),
    ("a job's run", "The export itself runs in about 3 hours."),
    ("runway", "Cash runway stands at 27 months."),
    ("transit", "Ocean freight from Ningbo to Rotterdam currently takes 32-38 days port to port."),
    ("inventory", "Safety stock is set at 21 days of supply."),
    ("rollout", "Phased release on iOS rolls out over 7 days."),
    ("notice", "The notice period for UK employees is 4 weeks, rising to 3 months for directors."),
    ("elapsed", "The staff engineer req has been open for 112 days."),
    ("funding", "The proposal budget is $1.2M over three years."),
    ("leave", "Eligible employees get 16 weeks of paid parental leave."),
    ("law", "The statute of limitations for these claims is 6 years."),
    ("retention", "We store sensor telemetry for 13 months."),
    ("offset from an event", "The survey goes out 2 weeks before the offsite."),
    ("limit", "Build agents are capped at 6 hours per run."),
    ("limit", "Night shifts are no longer than 10 hours."),
    ("limit, in advance", "Book the meeting rooms at least 5 days in advance."),
    ("state that lasts", "Failed payments remain queued for 5 days."),
    ("state that lasts", "The staging cluster stays frozen for 3 days during the audit."),
    ("period as subject", "The probation period is 6 months."),
    ("period as subject", "Delivery usually takes 3 weeks."),
    ("period as subject", "The conference lasts 2 days."),
    ("rule", "Appeals must be filed within 30 days."),
    ("service level", "Complaints are answered within 10 working days."),
    ("bound", "Rotate the signing keys within 1 hour of a leak."),
    ("machine at work", "The nightly backup takes about 4 hours."),
    ("process", "Wire transfers take 3 business days to clear."),
    ("delay", "Metrics arrive with up to 2 hours of lag."),
    ("count over a period", "We had 6 outages in 3 months."),
    ("offsets in a list", "Reminders go out 3 days, 7 days and 14 days after signup."),
    ("offset, not a relative date", "Late fees kick in 15 days after the due date."),
    ("period as subject, business days", "Supplier lead time is 10 business days."),
    ("machine at work", "The soak test runs each board for 72 hours."),
    ("machine at work", "A full training run takes 36 hours on 8 GPUs."),
    ("a shape, not a size", "Section B is an L shape."),
    ("period as subject, qualified", "The notice period for contractors is four weeks."),
    ("what the duration is of", "Candidates need at least 5 years' experience."),
    ("what usually happens", "We resolve tickets in 3 days on average."),
    ("what usually happens", "App Store review usually takes 24 to 48 hours."),
    ("what usually happens", "Console certification typically takes two to three weeks."),
    ("what usually happens", "The phased release typically completes in 7 days."),
    ("what was measured", "Sprint velocity averages 34 points."),
    ("a supplier's lead time", "Lead time on the new core switches is 8\u201310 weeks."),
    ("a compound before a warranty", "All staff laptops come with a three-year on-site warranty."),
    ("a renewal term", "The contract renews automatically for another 12 months."),
    ("a returns window", "The hoodie drop ships in sizes XS to XXL, with free returns for 30 days."),
    ("what was measured", "Agents answer with a median first response of 2 hours."),
    ("the size of goods", "Order size M gloves for the lab."),
    ("a name", "Survey item Q3 asks about waiting times."),
    ("a street name", "The Spring Street depot is closed."),
    ("identifier", "Set retry_limit=2027 in the config."),
    ("identifier", "The guest Wi-Fi passcode is 2027."),
    ("share of a rota", "Under the new rota, on-call engineers work 1 week in 5."),
    ("offsets in a list", "Reminders are sent by SMS 7 days and again 1 day before the visit."),
    ("how fast it sold", "The first community playtest filled in 4 hours."),
    ("machine at work, per pass", "The trailer renders at 4K and takes about six hours per pass on the farm."),
    ("a half-day of an event", "It's a 3-day conference with a half-day of workshops beforehand."),
    ("a stay, not a shift of work", "We booked 2 nights at the Hilton for the offsite."),
    ("a stay, not a shift of work", "Loggers are left in place for 3 nights in each survey area."),
    ("a price held for a term", "Their contract caps renewal uplift at 7% and locks pricing for 24 months."),
    ("a service target", "The council aims to fix 95% of street light faults within 7 days."),
    ("a service target", "The target is to respond to 90% of Stage 1 complaints within 10 working days."),
    ("a rule", "Penalty charges are reduced to \u00a335 if paid within 14 days."),
]


@pytest.mark.parametrize(("shape", "sentence"), OTHER_DURATIONS, ids=[f"{s}: {t}" for s, t in OTHER_DURATIONS])
def test_durations_of_other_things_are_not_mentions(shape, sentence):
    assert [m.text for m in find_mentions(sentence, GRAMMAR)] == []


STILL_EFFORTS = [
    # (sentence, the estimate): work said in the clause outweighs the shape around it
    ("The capacity work needs 2-3 weeks before the freeze.", "2-3 weeks"),
    ("Sign-off needs roughly three weeks from the legal team.", "roughly three weeks"),
    ("Two engineers for 3 weeks should cover the importer.", "3 weeks"),
    ("Search relevance tuning: 2 weeks.", "2 weeks"),
    ("The review must happen first; it is about 3 days of work.", "about 3 days"),
    ("The import is two weeks' work.", "two weeks"),
    ("We usually estimate 3 weeks for an integration like this.", "3 weeks"),
    ("Writing the renewal usually takes us about 60 hours.", "about 60 hours"),
    ("Rework the refunds flow: 3 weeks.", "3 weeks"),
    ("Once checkout is stable, we need about 2 weeks for the cutover.", "about 2 weeks"),
    ("Then site start-up 3 months, if the CRO staffs it.", "3 months"),
    ("Sorting out the shuttle contract will take a day at most.", "a day"),
    ("Building the flight search takes about 3 weeks.", "about 3 weeks"),
    ("Retention dashboard: 3 days of BI work, no new data sources needed.", "3 days"),
    ("If the corrections are minor, plan on a month to turn them around.", "a month"),
    ("The fit-out is expected to last ten weeks.", "ten weeks"),
    ("The tooling estimate went up from 3 weeks.", "3 weeks"),
    ("We've budgeted four weeks of hypercare with the vendor on site.", "four weeks"),
    ("Window replacement, Phase 1: 4\u20135 weeks per block.", "4\u20135 weeks"),
    ("Get to 90% in 2 weeks of work.", "2 weeks"),
    ("Rolling stacks installation: 3 weeks, during which the basement store is shut.", "3 weeks"),
    ("Training plan: 2 hrs per person for circulation staff.", "2 hrs"),
    ("The policy team needs two to three weeks to draft the regulated-goods memo.", "two to three weeks"),
    ("The bus vendor quoted 10 working days for the harness rework.", "10 working days"),
    ("Please book a day for the Kubernetes upgrade rehearsal.", "a day"),
    ("The vendor's SLA is 4 hours for P1s, and we've planned three weeks of hypercare.", "three weeks"),
    ("We'll need around 20 hours of training per front office team.", "around 20 hours"),
]


@pytest.mark.parametrize(("sentence", "text"), STILL_EFFORTS, ids=[s for s, _ in STILL_EFFORTS])
def test_efforts_stay_efforts_in_the_same_shapes(sentence, text):
    mention = only(sentence)
    assert (mention.kind, mention.text) == ("estimate", text)


def test_within_is_a_date_when_the_clause_plans_it():
    assert only("A first draft is due within two weeks.").granularity == "relative"
    assert find_mentions("Complaints are answered within two weeks.", GRAMMAR) == []


def test_a_day_in_a_list_of_efforts():
    found = find_mentions("Checkout redesign is roughly two weeks for frontend and a day for QA.", GRAMMAR)
    assert [m.text for m in found] == ["roughly two weeks", "a day"]


def test_a_size_given_to_a_piece_of_work():
    assert [m.text for m in find_mentions("The tracking migration to the new platform is an L.", GRAMMAR)] == ["L"]
    assert [m.text for m in find_mentions("Removing the legacy config parser is an L, mostly docs.", GRAMMAR)] == ["L"]
    # Not only the first sentence of a paragraph: the subject starts after the last full stop.
    assert [m.text for m in find_mentions("We kept the old one. Removing the config parser is an L.", GRAMMAR)] == ["L"]
    # Any subject: a size as the complement of "is", with its article, is how sizes are given.
    assert [m.text for m in find_mentions("Billing is an L.", GRAMMAR)] == ["L"]
    assert [m.text for m in find_mentions("Level 3 boss fight is an XL and needs splitting.", GRAMMAR)] == ["XL"]
    found = find_mentions("Dependency upgrades: React 18 \u2192 19 is an L, TypeScript 5.6 is an S.", GRAMMAR)
    assert [m.text for m in found] == ["L", "S"]
    # hedged, or sized by a cue after it
    assert [m.text for m in find_mentions("Planning the partner summit is roughly an L.", GRAMMAR)] == ["L"]
    assert [m.text for m in find_mentions("Update: the IAM cleanup is now an S.", GRAMMAR)] == ["S"]
    assert [m.text for m in find_mentions("It is big: an XL by the sourcing team's sizing.", GRAMMAR)] == ["XL"]
    assert [m.text for m in find_mentions("Billing is now an L.", GRAMMAR)] == ["L"]
    # a size as an item's value, after a size cue in the sentence or the one before
    found = find_mentions("T-shirt sizes from refinement: export API S, audit trail M, SSO L; 3 parked.", GRAMMAR)
    assert [m.text for m in found] == ["S", "M", "L"]
    assert [m.text for m in find_mentions("Could we get this sized? Gut feel says XL.", GRAMMAR)] == ["XL"]
    assert [m.text for m in find_mentions("Estimate moved from M to L after the spike.", GRAMMAR)] == ["M", "L"]
    assert [m.text for m in find_mentions("Resize the integration epic (currently XL).", GRAMMAR)] == ["XL"]
    assert [m.text for m in find_mentions("The hoodie ships in sizes XS to XXL.", GRAMMAR)] == []
    assert [m.text for m in find_mentions("The plan is to ship Plan M next.", GRAMMAR)] == []
    # in a row of a table, beside an effort; given to the work it names; the second of two
    assert [m.text for m in find_mentions("Search v2 \u2014 M \u2014 3-4 wks \u2014 target Q1.", GRAMMAR)][:2] == [
        "M",
        "3-4 wks",
    ]
    assert [m.text for m in find_mentions("Raising that limit is an XS change.", GRAMMAR)] == ["XS"]
    assert [m.text for m in find_mentions("Issue #918 is tagged size/S.", GRAMMAR)] == ["S"]
    assert [m.text for m in find_mentions("Can you give me a t-shirt size? M or L?", GRAMMAR)] == ["M", "L"]
    assert [m.text for m in find_mentions("i think it's an S, a day tops.", GRAMMAR)] == ["S", "a day"]
    assert [m.text for m in find_mentions("Sizing for the RFC: L, roughly 3-4 weeks.", GRAMMAR)] == [
        "L",
        "roughly 3-4 weeks",
    ]
    assert [m.text for m in find_mentions("The auth rework is an XL and should be split.", GRAMMAR)] == ["XL"]
    found = find_mentions("The options are sized S, M and L respectively.", GRAMMAR)
    assert [m.text for m in found] == ["S", "M", "L"]
    assert [m.text for m in find_mentions("The order communications build is XL-sized.", GRAMMAR)] == ["XL-sized"]
    assert [m.text for m in find_mentions("This could force a rewrite (an L).", GRAMMAR)] == ["L"]
    found = find_mentions("Java 21 migration for billing \u2014 an M, maybe an L if the ORM fights us.", GRAMMAR)
    assert [m.text for m in found] == ["M", "L"]


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high", "unit"),
    [
        ("Rewriting the CLI parser is probably a weekend of work.", "a weekend", 2, 2, "days"),
        ("I need two weekends to build the demo.", "two weekends", 4, 4, "days"),
        ("The slides need a few evenings.", "a few evenings", 6, 12, "hours"),
        ("Getting the Nix flake working is probably an afternoon.", "an afternoon", 4, 4, "hours"),
        ("It should fit into a single evening.", "a single evening", 3, 3, "hours"),
    ],
)
def test_spare_time_given_to_work_is_an_estimate(sentence, text, low, high, unit):
    m = only(sentence)
    assert (m.kind, m.text, m.estimate.low, m.estimate.high, m.estimate.unit) == ("estimate", text, low, high, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "Support is available two evenings a week.",
        "We deploy on weekends.",
        "Thanksgiving is a long weekend.",
        "The launch is a weekend away.",
        "We met two weekends ago.",
    ],
)
def test_spare_time_not_given_to_work_is_no_estimate(sentence):
    assert [m for m in find_mentions(sentence, GRAMMAR) if m.kind == "estimate"] == []


def test_sizes_given_alike_in_one_sentence():
    found = find_mentions("The SEO page rewrite is an L; the glossary refresh is an S.", GRAMMAR)
    assert [m.estimate.size for m in found if m.estimate] == ["L", "S"]
    found = find_mentions("The options are sized S, M and L respectively.", GRAMMAR)
    assert [m.estimate.size for m in found if m.estimate] == ["S", "M", "L"]
    found = find_mentions("Migrating the macros is an L in my book, maybe XL if we touch the snapshots.", GRAMMAR)
    assert [m.estimate.size for m in found if m.estimate] == ["L", "XL"]
    found = find_mentions("that ticket's an XL tbh, we should split it", GRAMMAR)
    assert [m.estimate.size for m in found if m.estimate] == ["XL"]
    found = find_mentions("Early read on the metrics store build: XL, realistically two quarters of work.", GRAMMAR)
    assert [m.text for m in found] == ["XL", "two quarters"]


def test_a_yearless_slash_date_follows_the_order_the_text_uses():
    found = find_mentions("Update: approved on 11/20; enforcement starts 12/7.", GRAMMAR)
    assert [(m.text, m.window.start.isoformat()) for m in found][1] == ("12/7", "2026-12-07")
    assert [m.text for m in find_mentions("Approved on 20/11; enforcement starts 12/7.", GRAMMAR)] == ["20/11"]


def test_a_whole_date_after_run_or_deploy_is_a_date():
    found = find_mentions("Paid social flights run 2026-11-27 to 2026-12-24.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("2026-11-27 to 2026-12-24", "range")]
    assert find_mentions("Build 2026-11-27 failed.", GRAMMAR) == []


def test_a_duration_after_that_is_relative():
    m = only("Kick-off is soon, and the first demo comes two weeks after that.")
    assert (m.text, m.granularity) == ("two weeks after that", "relative")


def test_sizes_listed_after_a_size_cue():
    found = find_mentions("Sizing: search is size M, billing is an L.", GRAMMAR)
    assert [(m.text, m.estimate.size if m.estimate else None) for m in found] == [("M", "M"), ("L", "L")]


def test_a_size_after_an_estimating_verb():
    mention = only("Estimating the data mapping at an L.")
    assert mention.estimate is not None and mention.estimate.size == "L"


def test_a_range_of_halves_after_run():
    mention = only("Pilots run H1\u2013H2 2027.")
    assert (mention.text, mention.granularity) == ("H1\u2013H2 2027", "range")


def test_may_opens_a_range_of_months():
    mention = only("DVT runs May to June 2027.")
    assert (mention.text, mention.granularity) == ("May to June 2027", "range")
    assert (mention.window.start.isoformat(), mention.window.end.isoformat()) == ("2027-05-01", "2027-06-30")


def test_a_date_slipping_from_one_day_to_another_is_two_dates():
    found = find_mentions("Export API at risk: slipping from 2026-12-08 to 2026-12-15.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("2026-12-08", "day"), ("2026-12-15", "day")]


def test_a_month_given_as_a_value_after_a_colon():
    found = find_mentions("Announce trailer: the week of Jan 18. Release date reveal: March.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("the week of Jan 18", "week"), ("March", "month")]


def test_months_joined_by_and_without_between_are_two_months():
    found = find_mentions("We need the actuals from October and November by 2 December.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [
        ("October", "month"),
        ("November", "month"),
        ("2 December", "day"),
    ]
    found = find_mentions("The pilot runs between October and November 2027.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("October and November 2027", "range")]
    found = find_mentions("The coffee supplier changeover will be phased over February and March.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("February and March", "range")]


def test_a_month_listed_between_two_dates_is_a_date():
    found = find_mentions("Embraer confirms the deliveries for March, April and June 2027.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("March", "month"), ("April", "month"), ("June 2027", "month")]


def test_a_week_spent_on_a_weekday_s_work_is_an_estimate():
    found = find_mentions("It takes a week on Friday's release.", GRAMMAR)
    assert [(m.text, m.kind) for m in found] == [("a week", "estimate"), ("on Friday", "date")]


def test_a_month_s_own_meeting_or_figures_name_the_month():
    for sentence, month in [
        ("The board approved the capex envelope at its November meeting.", "November"),
        ("November figures: 112 vessel calls, 3 berth conflicts.", "November"),
        ("Aim to have all September lets referenced and signed.", "September"),
    ]:
        assert [(m.text, m.granularity) for m in find_mentions(sentence, GRAMMAR)] == [(month, "month")]
    assert find_mentions("We may release it once the review is done.", GRAMMAR) == []


def test_a_hedged_month_and_a_size_after_a_parenthesis():
    found = find_mentions("The costume exhibition is due to open in Q4, most likely October.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("Q4", "quarter"), ("October", "month")]
    found = find_mentions("Unit economics work (cost per tenant) is an L, maybe an XL.", GRAMMAR)
    assert [m.estimate.size for m in found] == ["L", "XL"]


def test_launch_jargon_and_a_scoped_size():
    assert [m.text for m in find_mentions("Chat: launch slipped again lol, now NET April", GRAMMAR)] == ["April"]
    (m,) = find_mentions("The mode manager rewrite is scoped as an L.", GRAMMAR)
    assert m.estimate.size == "L"


def test_the_first_step_of_a_plan_line_is_dated_too():
    found = find_mentions("Plan: fraud model retrain Jan, shadow run Feb, go-live Mar 2027.", GRAMMAR)
    assert [m.text for m in found] == ["Jan", "Feb", "Mar 2027"]


def test_an_interface_given_a_size():
    (m,) = find_mentions("The PMS interface to the door lock system is an M.", GRAMMAR)
    assert m.estimate.size == "M"


def test_a_month_something_slips_past_is_a_month():
    found = find_mentions("If the power upgrade slips past June, we rent spot capacity.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("June", "month")]


def test_a_time_of_day_with_a_zone_is_no_estimate():
    found = find_mentions("The pass test is on 03/18/2027 at 0600 PT on station 2.", GRAMMAR)
    assert [m.text for m in found] == ["03/18/2027"]


def test_a_day_closed_for_a_reason_is_still_a_date():
    assert [m.text for m in find_mentions("The office is closed Monday for the move.", GRAMMAR)] == ["Monday"]


def test_the_weekdays_of_a_date_already_given_are_not_more_dates():
    found = find_mentions("Cutover is planned for 6\u20137 March 2027, a Saturday and Sunday.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("6\u20137 March 2027", "range")]


def test_the_week_ending_a_day_is_a_week():
    (m,) = find_mentions("Project status, week ending 4 December 2026: migration green.", GRAMMAR)
    assert (m.text, m.granularity, m.window.start.isoformat()) == ("week ending 4 December 2026", "week", "2026-11-30")


def test_a_size_given_by_how_the_work_looks():
    found = find_mentions("The reception refurb looks like an M, maybe an L if we move the lift lobby.", GRAMMAR)
    assert [m.estimate.size for m in found] == ["M", "L"]


def test_the_months_a_year_runs_are_no_dates():
    found = find_mentions("Our financial year runs April to March, so FY27 ends on 31 March 2027.", GRAMMAR)
    assert [m.text for m in found] == ["FY27", "31 March 2027"]


def test_a_full_stop_after_a_month_name_is_not_part_of_the_date():
    assert [m.text for m in find_mentions("Finance closes the books by 7 December.", GRAMMAR)] == ["7 December"]
    assert [m.text for m in find_mentions("Pilots run 3-5 March. Then we rest.", GRAMMAR)] == ["3-5 March"]
    assert [m.text for m in find_mentions("We ship on 7 Dec. and then rest.", GRAMMAR)] == ["7 Dec."]


def test_a_deferred_date_is_two_dates():
    found = find_mentions("The launch was deferred from 3 March 2027 to 17 March 2027.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("3 March 2027", "day"), ("17 March 2027", "day")]


def test_fiscal_year_start_is_configurable():
    july = Grammar(AS_OF, fiscal_year_start=7)
    m = only("Budgets follow FY27 rules.", july)
    assert (m.window.start, m.window.end) == (date(2026, 7, 1), date(2027, 6, 30))
    q = only("Spend for Q1 FY27 is approved.", july)
    assert (q.window.start, q.window.end) == (date(2026, 7, 1), date(2026, 9, 30))


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        ("We revisit pricing next FY.", "next FY", date(2027, 7, 1), date(2028, 6, 30)),
        ("Budget is frozen for this fiscal year.", "this fiscal year", date(2026, 7, 1), date(2027, 6, 30)),
        ("Revenue was flat last FY.", "last FY", date(2025, 7, 1), date(2026, 6, 30)),
        ("Hire by the end of this fiscal year.", "the end of this fiscal year", date(2027, 3, 1), date(2027, 6, 30)),
        ("The rewrite starts early next FY.", "early next FY", date(2027, 7, 1), date(2027, 10, 31)),
    ],
)
def test_relative_fiscal_years_follow_the_fiscal_year(sentence, text, start, end):
    m = only(sentence, Grammar(AS_OF, fiscal_year_start=7))
    assert (m.text, m.granularity, m.window.start, m.window.end) == (text, "relative", start, end)


def test_a_relative_fiscal_year_is_the_calendar_year_by_default():
    m = only("We revisit pricing next FY.")
    assert (m.window.start, m.window.end) == (date(2027, 1, 1), date(2027, 12, 31))


def test_fiscal_halves_follow_the_fiscal_year():
    july = Grammar(AS_OF, fiscal_year_start=7)
    for sentence in ("Capacity is planned for H1 FY28.", "Pricing lands in FY28 H1.", "It is a 1H FY28 item."):
        m = only(sentence, july)
        assert (m.granularity, m.window.start, m.window.end) == ("half", date(2027, 7, 1), date(2027, 12, 31))


def test_yearless_dates_mean_the_next_one_not_yet_over():
    assert only("Kickoff is on December 8th.").window.start == date(2026, 12, 8)
    assert only("Kickoff is on November 2nd.").window.start == date(2027, 11, 2)
    assert only("Kickoff is on 24 November.").window.start == date(2026, 11, 24)


def test_a_range_borrows_the_year_of_its_end():
    m = only("Research runs from November to February 2028.")
    assert (m.window.start, m.window.end) == (date(2027, 11, 1), date(2028, 2, 29))


def test_a_range_from_a_day_missing_in_that_year_is_not_joined():
    mentions = find_mentions("From February 29th to March 2027 we test.", GRAMMAR)
    assert [m.text for m in mentions] == ["February 29th", "March 2027"]


def test_bare_halves_in_a_list_of_steps_are_dates():
    found = find_mentions("Platform roadmap: Q1 upgrades and hygiene, Q2 networking, H2 developer portal.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("Q1", "quarter"), ("Q2", "quarter"), ("H2", "half")]


def test_a_deadline_moved_between_weekdays_is_two_dates():
    found = find_mentions(
        "The Foundation moved its deadline from Friday 12 March 2027 to Friday 19 March 2027.", GRAMMAR
    )
    assert [m.text for m in found] == ["Friday 12 March 2027", "Friday 19 March 2027"]


def test_a_preponed_date_is_two_dates_not_a_range():
    mentions = find_mentions("We will prepone the go-live from 22nd Feb to 15th Feb if tests pass.", GRAMMAR)
    assert [m.text for m in mentions] == ["22nd Feb", "15th Feb"]


def test_a_date_that_moved_is_two_dates_not_a_range():
    mentions = find_mentions("The deadline moved from Mar 15 to Apr 1.", GRAMMAR)
    assert [(m.text, m.granularity) for m in mentions] == [("Mar 15", "day"), ("Apr 1", "day")]
    mentions = find_mentions("The go-live slipped from the week of 2027-01-11 to 2027-W06.", GRAMMAR)
    assert [(m.text, m.granularity) for m in mentions] == [("the week of 2027-01-11", "week"), ("2027-W06", "week")]


def test_impossible_dates_are_not_mentions():
    assert find_mentions("Due on 2027-02-30 or 31 February 2027.", GRAMMAR) == []


def test_several_mentions_in_order_with_exact_offsets():
    sentence = "Design takes 3 weeks, build 6-8 weeks, and GA is in Q3 2027 (not 2027-07-14)."
    mentions = find_mentions(sentence, GRAMMAR)
    assert [(m.text, m.kind) for m in mentions] == [
        ("3 weeks", "estimate"),
        ("6-8 weeks", "estimate"),
        ("Q3 2027", "date"),
        ("2027-07-14", "date"),
    ]
    assert all(sentence[m.start : m.end] == m.text for m in mentions)


def test_easter_follows_the_gregorian_computus():
    known = {2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2038: "2038-04-25"}
    assert {year: cal.easter(year).isoformat() for year in known} == known


def test_a_holiday_given_as_the_reason_is_no_date():
    found = find_mentions("The CRO call is moved to Wednesday, December 2 because of Thanksgiving.", GRAMMAR)
    assert [m.text for m in found] == ["Wednesday, December 2"]
    assert [m.text for m in find_mentions("We ship before Thanksgiving.", GRAMMAR)] == ["Thanksgiving"]


def test_a_month_after_a_date_is_named_is_a_date():
    found = find_mentions("DNO says the earliest connection date is April.", GRAMMAR)
    assert [(m.text, m.granularity) for m in found] == [("April", "month")]
