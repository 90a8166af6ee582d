"""A demo job hunt that fills an empty workspace, so a newcomer sees landml working at once.

Everything in it is invented: the companies, people, postings and events are fictional
(web addresses use the reserved ``.example`` domain) and every row is marked as demo.
Times are placed relative to `now`, so the demo always looks current: applications sent
today, follow-ups due, interviews coming up this week in several time zones, one that
ended yesterday without a thank-you note, and applications silent long enough to be
suggested as ghosted. The same `now` always gives the same content.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlalchemy.orm import Session

from landml.db.workspace import transactional
from landml.errors import Conflict
from landml.tracker import service
from landml.tracker.models import Application, Contact, Interaction, Interview, Note
from landml.tracker.schemas import ApplicationIn, ContactIn
from landml.tracker.stages import BUILTIN_BY_KEY
from landml.tracker.vocab import (
    Channel,
    CompanyKind,
    ContactRole,
    Direction,
    InteractionKind,
    InterviewKind,
    InterviewOutcome,
)

# Fixed, so that the same `now` always yields the same demo.
DEMO_SEED = 20_240_917


class DemoSummary(BaseModel):
    """What the demo added to the workspace."""

    applications: int
    companies: int
    contacts: int
    interactions: int
    interviews: int
    notes: int
    stage_changes: int
    offers: int = 0


# --- the authored content ----------------------------------------------------------------


@dataclass(frozen=True)
class CompanySpec:
    name: str
    kind: CompanyKind
    about: str


@dataclass(frozen=True)
class Step:
    """A move on the ledger, `days` days before now (0: a few minutes ago)."""

    stage: str
    days: int
    note: str | None = None
    reason: str | None = None
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class AppSpec:
    key: str
    company: str
    title: str
    channel: Channel
    path: tuple[Step, ...]
    location: str
    work_mode: str | None = None
    salary: str | None = None
    priority: int = 2
    next_action: str | None = None
    # Days from today (negative: overdue).
    next_action_in: int | None = None
    notes: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class ContactSpec:
    name: str
    role: ContactRole
    company: str | None
    email: str
    about: str
    apps: tuple[str, ...]


@dataclass(frozen=True)
class InteractionSpec:
    contact: str
    app: str | None
    kind: InteractionKind
    direction: Direction
    days: int
    summary: str
    # Days from today (negative: overdue); None when no follow-up was planned.
    follow_up_in: int | None = None
    follow_up_done: bool = False


@dataclass(frozen=True)
class InterviewSpec:
    app: str
    kind: InterviewKind
    # Local day relative to today in `zone` (negative: in the past) and local start time.
    day: int
    at: time
    zone: str
    minutes: int
    interviewers: tuple[str, ...]
    outcome: InterviewOutcome = InterviewOutcome.pending
    notes: str | None = None
    thanked: bool = False


S, BT, MS, RL, FI, NT, OT = (
    CompanyKind.startup,
    CompanyKind.big_tech,
    CompanyKind.mid_size,
    CompanyKind.research_lab,
    CompanyKind.finance,
    CompanyKind.non_tech,
    CompanyKind.other,
)

COMPANIES: tuple[CompanySpec, ...] = (
    CompanySpec("Quillmoth AI", S, "Twelve-person startup building evaluation tools for LLM apps."),
    CompanySpec("Bramblefox Robotics", S, "Seed-stage startup making vision-guided picking arms."),
    CompanySpec("Tidewell Health AI", S, "Series A startup; imaging models that triage scans."),
    CompanySpec("Sparrowgrid", S, "Startup forecasting solar and wind output for grid operators."),
    CompanySpec("Otterbyte", S, "Startup counting and grading crops from drone imagery."),
    CompanySpec("Tallgrass Robotics", S, "Series B startup; learned controllers for robots."),
    CompanySpec("Glintwork", S, "Startup building an LLM assistant for software support teams."),
    CompanySpec("Brassica Bio", S, "Biotech startup designing enzymes with protein models."),
    CompanySpec("Pebblewick", S, "Startup offering a managed feature store and model monitoring."),
    CompanySpec("Omnivane", BT, "Large consumer tech company: marketplace, maps and ads."),
    CompanySpec("Hyperloom", BT, "Large tech company: social apps, ads, a foundation-model group."),
    CompanySpec("Vastlight", BT, "Large tech company: search, cloud and speech products."),
    CompanySpec("Cloudmere", BT, "Large cloud provider with an applied ML organisation."),
    CompanySpec("Cobalt Finch Software", MS, "800-person B2B software firm; ML platform team."),
    CompanySpec(
        "Meridian Kettle", MS, "Mid-size online kitchenware shop that runs many A/B tests."
    ),
    CompanySpec("Aldergrove Analytics", MS, "Mid-size analytics consultancy with ML products."),
    CompanySpec(
        "Lanternfish Data", MS, "Remote-first data-infrastructure firm (Europe and India)."
    ),
    CompanySpec("Mosswick Learning", MS, "Mid-size education-technology firm (adaptive practice)."),
    CompanySpec("Driftwood Media", MS, "Mid-size streaming and podcast company."),
    CompanySpec("Cinderpath Security", MS, "Security-software firm; detection on endpoint data."),
    CompanySpec("Heronfield Research Institute", RL, "Non-profit institute studying RL."),
    CompanySpec("Institute for Quiet Machines", RL, "Independent lab on interpretability."),
    CompanySpec("Fernhill Institute for Learning Systems", RL, "University lab on causal ML."),
    CompanySpec("Kestrel Point Institute", RL, "Non-profit institute applying ML to science."),
    CompanySpec("Saltmarsh Mutual", FI, "Mutual insurer; pricing and claims models."),
    CompanySpec("Ironbark Quant Partners", FI, "Quantitative fund of about 60 people."),
    CompanySpec("Bluewhistle Trading", FI, "Proprietary trading firm; short-horizon ML signals."),
    CompanySpec("Quaystone Payments", FI, "Payments processor; fraud detection at scale."),
    CompanySpec("Quarry Lane Bank", FI, "Regional bank with credit-risk and model-risk teams."),
    CompanySpec("Greenhollow Grocers", NT, "Regional grocery chain with a forecasting team."),
    CompanySpec("Tarnside Health Network", NT, "Hospital network with a clinical data group."),
    CompanySpec("Wickerline Logistics", NT, "Freight and parcel carrier."),
    CompanySpec(
        "Brindlecombe Retail Group", NT, "Clothing retailer with a marketing analytics team."
    ),
    CompanySpec("Larchmoor Hotels", NT, "Hotel group with a revenue-management team."),
    CompanySpec("Kelpwater Climate Commons", OT, "Non-profit publishing open climate datasets."),
    CompanySpec("Wrenlow & Pike Advisory", OT, "Consultancy that builds ML pilots for clients."),
)

_KUBERNETES_REASON = "Needed production Kubernetes experience"

APPLICATIONS: tuple[AppSpec, ...] = (
    # Saved, not sent yet.
    AppSpec(
        "heron-rl",
        "Heronfield Research Institute",
        "Research Scientist, Reinforcement Learning",
        Channel.conference,
        (Step("saved", 3),),
        "Boston, MA",
        "onsite",
        priority=1,
        next_action="Ask Prof. Marchetti for an introduction to the RL group",
        next_action_in=2,
        notes=(
            (3, "Met two of their researchers at the poster session; they hire for offline RL."),
        ),
    ),
    AppSpec(
        "vastlight-ranking",
        "Vastlight",
        "Applied Scientist, Search Ranking",
        Channel.job_portal,
        (Step("saved", 6),),
        "Seattle, WA",
        "hybrid",
        "$165k-$210k base",
        priority=1,
        next_action="Tailor the resume around the learning-to-rank project",
        next_action_in=-1,
    ),
    AppSpec(
        "greenhollow-forecast",
        "Greenhollow Grocers",
        "Data Scientist, Demand Forecasting",
        Channel.job_portal,
        (Step("saved", 1),),
        "Columbus, OH",
        "hybrid",
        priority=3,
    ),
    # Sent today: they count toward the daily goal.
    AppSpec(
        "sparrowgrid-mle",
        "Sparrowgrid",
        "Machine Learning Engineer, Forecasting",
        Channel.job_portal,
        (Step("saved", 2), Step("applied", 0)),
        "Remote (EU)",
        "remote",
        "EUR 75k-90k + equity",
    ),
    AppSpec(
        "saltmarsh-pricing",
        "Saltmarsh Mutual",
        "Data Scientist, Pricing",
        Channel.linkedin_post,
        (Step("applied", 0),),
        "Leeds, UK",
        "hybrid",
        "GBP 55k-68k",
    ),
    AppSpec(
        "hyperloom-ads",
        "Hyperloom",
        "Machine Learning Engineer, Ads Quality",
        Channel.referral,
        (Step("saved", 4), Step("applied", 0, note="Referral submitted by Sam Adeyemi")),
        "London, UK",
        "hybrid",
        priority=1,
    ),
    # Sent a few days ago: no follow-up due yet.
    AppSpec(
        "cobalt-mlops",
        "Cobalt Finch Software",
        "MLOps Engineer",
        Channel.job_portal,
        (Step("applied", 3),),
        "Austin, TX",
        "hybrid",
    ),
    AppSpec(
        "tarnside-clinical",
        "Tarnside Health Network",
        "Clinical Data Scientist",
        Channel.career_fair,
        (Step("applied", 5),),
        "Minneapolis, MN",
        "onsite",
    ),
    AppSpec(
        "kelpwater-ds",
        "Kelpwater Climate Commons",
        "Data Scientist, Climate Data",
        Channel.other,
        (Step("applied", 4, note="Found on a community job board"),),
        "Remote",
        "remote",
        "$95k-$115k",
        priority=3,
    ),
    AppSpec(
        "glintwork-inference",
        "Glintwork",
        "ML Engineer, Inference",
        Channel.conference,
        (Step("applied", 5, note="Talked to their CTO at a conference booth"),),
        "Remote (US)",
        "remote",
    ),
    AppSpec(
        "omnivane-trust",
        "Omnivane",
        "Data Scientist, Trust & Safety",
        Channel.career_fair,
        (Step("applied", 2),),
        "Seattle, WA",
        "hybrid",
    ),
    # Sent more than a week ago with no answer: a follow-up is due.
    AppSpec(
        "quillmoth-eval",
        "Quillmoth AI",
        "ML Engineer, LLM Evaluation",
        Channel.job_portal,
        (Step("saved", 11), Step("applied", 9)),
        "San Francisco, CA",
        "onsite",
        "$150k-$185k + 0.2-0.4% options",
        priority=1,
        next_action="Message the hiring manager on LinkedIn",
        next_action_in=0,
        notes=(
            (
                9,
                "The posting asks for eval harnesses and LLM-as-judge pitfalls; "
                "my retrieval-evaluation project fits.",
            ),
        ),
    ),
    AppSpec(
        "meridian-exp",
        "Meridian Kettle",
        "Data Scientist, Experimentation",
        Channel.job_portal,
        (Step("applied", 12),),
        "Chicago, IL",
        "hybrid",
    ),
    AppSpec(
        "ironbark-ml",
        "Ironbark Quant Partners",
        "Machine Learning Researcher",
        Channel.cold_email,
        (Step("applied", 15, note="Sent to the research inbox with a one-page summary"),),
        "New York, NY",
        "onsite",
    ),
    AppSpec(
        "omnivane-recs",
        "Omnivane",
        "Applied Scientist, Recommendations",
        Channel.job_portal,
        (Step("applied", 10),),
        "Seattle, WA",
        "hybrid",
    ),
    AppSpec(
        "bramblefox-perception",
        "Bramblefox Robotics",
        "Perception ML Engineer",
        Channel.cold_email,
        (Step("applied", 11),),
        "Pittsburgh, PA",
        "onsite",
    ),
    # Silent for more than a month: `landml today` suggests marking them ghosted.
    AppSpec(
        "aldergrove-senior",
        "Aldergrove Analytics",
        "Senior Data Scientist",
        Channel.job_portal,
        (Step("applied", 34),),
        "Denver, CO",
        "remote",
    ),
    AppSpec(
        "vastlight-speech",
        "Vastlight",
        "Machine Learning Engineer, Speech Recognition",
        Channel.job_portal,
        (Step("applied", 41),),
        "San Jose, CA",
        "hybrid",
        priority=3,
    ),
    AppSpec(
        "wickerline-routing",
        "Wickerline Logistics",
        "ML Engineer, Route Optimisation",
        Channel.recruiter,
        (Step("applied", 45), Step("recruiter_call", 38)),
        "Rotterdam, Netherlands",
        "hybrid",
    ),
    # In the interview loop.
    AppSpec(
        "tidewell-imaging",
        "Tidewell Health AI",
        "ML Engineer, Medical Imaging",
        Channel.job_portal,
        (Step("applied", 14), Step("recruiter_call", 6)),
        "Berlin, Germany",
        "hybrid",
        "EUR 70k-85k + VSOP",
        priority=1,
    ),
    AppSpec(
        "bluewhistle-quant",
        "Bluewhistle Trading",
        "Quantitative Researcher, Machine Learning",
        Channel.recruiter,
        (Step("applied", 9), Step("recruiter_call", 4)),
        "New York, NY",
        "onsite",
        "$200k-$250k + bonus",
    ),
    AppSpec(
        "lanternfish-mle",
        "Lanternfish Data",
        "Machine Learning Engineer",
        Channel.job_portal,
        (Step("applied", 20), Step("recruiter_call", 13), Step("tech_screen", 5)),
        "Remote (Europe / India)",
        "remote",
    ),
    AppSpec(
        "otterbyte-cv",
        "Otterbyte",
        "Computer Vision Engineer",
        Channel.referral,
        (Step("applied", 16), Step("recruiter_call", 10), Step("tech_screen", 6)),
        "Lisbon, Portugal",
        "hybrid",
    ),
    AppSpec(
        "cloudmere-mle2",
        "Cloudmere",
        "Machine Learning Engineer II",
        Channel.linkedin_post,
        (Step("applied", 18), Step("recruiter_call", 9), Step("tech_screen", 2)),
        "Seattle, WA",
        "hybrid",
    ),
    AppSpec(
        "mosswick-takehome",
        "Mosswick Learning",
        "Data Scientist, Learning Analytics",
        Channel.job_portal,
        (Step("applied", 19), Step("recruiter_call", 12), Step("take_home", 3)),
        "Toronto, Canada",
        "hybrid",
        "CAD 110k-130k",
        next_action="Submit the take-home notebook (A/B test on practice streaks)",
        next_action_in=2,
    ),
    AppSpec(
        "pebblewick-mlops",
        "Pebblewick",
        "MLOps Engineer, Platform",
        Channel.job_portal,
        (Step("applied", 24), Step("recruiter_call", 17), Step("take_home", 10)),
        "Remote (US)",
        "remote",
        next_action="Ask the recruiter when the take-home review will happen",
        next_action_in=0,
        notes=(
            (9, "Submitted the take-home: feature pipeline, drift monitor, short design note."),
        ),
    ),
    AppSpec(
        "hyperloom-multimodal",
        "Hyperloom",
        "Research Scientist, Multimodal Models",
        Channel.referral,
        (
            Step("applied", 30),
            Step("recruiter_call", 24),
            Step("tech_screen", 17),
            Step("onsite", 3, note="Full loop booked for next week"),
        ),
        "London, UK",
        "hybrid",
        priority=1,
        notes=((2, "Loop prep: retrieval system design; two STAR stories on disagreements."),),
    ),
    AppSpec(
        "iqm-interp",
        "Institute for Quiet Machines",
        "Research Scientist, Interpretability",
        Channel.advisor,
        (Step("applied", 26), Step("tech_screen", 15), Step("onsite", 4)),
        "Zurich, Switzerland",
        "onsite",
        priority=1,
    ),
    AppSpec(
        "cloudmere-pool",
        "Cloudmere",
        "ML Engineer (generalist hiring pool)",
        Channel.job_portal,
        (
            Step("applied", 40),
            Step("recruiter_call", 33),
            Step("tech_screen", 26),
            Step("onsite", 16),
            Step("team_match", 2, note="Passed the loop; now meeting teams"),
        ),
        "Singapore",
        "hybrid",
    ),
    AppSpec(
        "tallgrass-robot",
        "Tallgrass Robotics",
        "ML Engineer, Robot Learning",
        Channel.conference,
        (
            Step("applied", 35),
            Step("recruiter_call", 29),
            Step("tech_screen", 22),
            Step("onsite", 9),
            Step("offer", 2),
        ),
        "Boulder, CO",
        "onsite",
        "$160k base + 0.15% options",
        priority=1,
        next_action="Answer the offer; ask about the vesting schedule first",
        next_action_in=5,
        notes=(
            (
                2,
                "Offer: $160k base, 0.15% options over 4 years with a 1-year cliff, "
                "$10k sign-on; answer due next week.",
            ),
        ),
    ),
    AppSpec(
        "omnivane-maps",
        "Omnivane",
        "Machine Learning Engineer, Maps ETA Prediction",
        Channel.referral,
        (
            Step("applied", 46),
            Step("recruiter_call", 40),
            Step("tech_screen", 33),
            Step("onsite", 21),
            Step("team_match", 13),
            Step("offer", 4),
        ),
        "Seattle, WA",
        "hybrid",
        "$190k base + $360k RSUs",
        priority=1,
        next_action="Ask whether the RSU grant can be raised instead of the sign-on",
        next_action_in=3,
        notes=((4, "Offer call: back-loaded RSUs (5/15/40/40), sign-on paid over two years."),),
    ),
    AppSpec(
        "kestrel-science",
        "Kestrel Point Institute",
        "Research Engineer, AI for Science",
        Channel.advisor,
        (
            Step("applied", 38),
            Step("tech_screen", 29),
            Step("onsite", 17),
            Step("offer", 6),
        ),
        "Pittsburgh, PA",
        "onsite",
        "$172k base + 8% bonus",
        priority=1,
    ),
    # Closed: accepted, rejected, ghosted, withdrawn, declined.
    AppSpec(
        "fernhill-intern",
        "Fernhill Institute for Learning Systems",
        "Research Intern, Causal Machine Learning (summer)",
        Channel.advisor,
        (
            Step("applied", 52),
            Step("tech_screen", 40),
            Step("onsite", 30),
            Step("offer", 20),
            Step("accepted", 14),
        ),
        "Edinburgh, UK",
        "onsite",
        notes=((14, "Accepted the summer internship; the full-time search goes on."),),
    ),
    AppSpec(
        "quaystone-fraud",
        "Quaystone Payments",
        "Machine Learning Engineer, Fraud Detection",
        Channel.job_portal,
        (
            Step("applied", 33),
            Step("recruiter_call", 27),
            Step("tech_screen", 20),
            Step("onsite", 12),
            Step(
                "rejected",
                8,
                note="The ML design round went well; the team wants someone to own serving",
                reason=_KUBERNETES_REASON,
                skills=("Kubernetes", "model serving"),
            ),
        ),
        "Dublin, Ireland",
        "hybrid",
        notes=((7, "Plan: deploy the portfolio model on a small Kubernetes cluster."),),
    ),
    AppSpec(
        "glintwork-llm",
        "Glintwork",
        "LLM Engineer",
        Channel.job_portal,
        (
            Step("applied", 28),
            Step("tech_screen", 21),
            Step(
                "rejected",
                19,
                reason="Wanted hands-on experience fine-tuning large models",
                skills=("PyTorch", "distributed training", "LLM fine-tuning"),
            ),
        ),
        "Remote (US)",
        "remote",
    ),
    AppSpec(
        "brindlecombe-marketing",
        "Brindlecombe Retail Group",
        "Data Scientist, Marketing Analytics",
        Channel.job_portal,
        (Step("applied", 27), Step("rejected", 25, note="Automated email; no reason given")),
        "Manchester, UK",
        "hybrid",
        priority=3,
    ),
    AppSpec(
        "brassica-protein",
        "Brassica Bio",
        "Machine Learning Scientist, Protein Design",
        Channel.job_portal,
        (
            Step("applied", 31),
            Step("recruiter_call", 25),
            Step("take_home", 20),
            Step(
                "rejected",
                13,
                reason="Take-home model did not beat their baseline; wanted stronger statistics",
                skills=("Bayesian statistics", "experimental design"),
            ),
        ),
        "Boston, MA",
        "onsite",
    ),
    AppSpec(
        "driftwood-recs",
        "Driftwood Media",
        "Data Scientist, Recommendations",
        Channel.job_portal,
        (Step("applied", 66), Step("ghosted", 30, note="No reply to two follow-ups")),
        "Los Angeles, CA",
        "hybrid",
    ),
    AppSpec(
        "quarrylane-risk",
        "Quarry Lane Bank",
        "Model Risk Data Scientist",
        Channel.recruiter,
        (
            Step("applied", 60),
            Step("recruiter_call", 55),
            Step("ghosted", 22, note="The recruiter stopped answering after the first call"),
        ),
        "Charlotte, NC",
        "hybrid",
    ),
    AppSpec(
        "wrenlow-consultant",
        "Wrenlow & Pike Advisory",
        "Applied ML Consultant",
        Channel.linkedin_post,
        (
            Step("applied", 29),
            Step("recruiter_call", 22),
            Step("withdrawn", 18, reason="The role is about 80% travel"),
        ),
        "Chicago, IL",
        "onsite",
    ),
    AppSpec(
        "larchmoor-revenue",
        "Larchmoor Hotels",
        "Data Scientist, Revenue Management",
        Channel.job_portal,
        (
            Step("applied", 17),
            Step("recruiter_call", 11),
            Step("withdrawn", 1, reason="Relocation required this year, which is not possible"),
        ),
        "Barcelona, Spain",
        "onsite",
    ),
    AppSpec(
        "cinderpath-threat",
        "Cinderpath Security",
        "ML Engineer, Threat Detection",
        Channel.job_portal,
        (
            Step("applied", 47),
            Step("recruiter_call", 41),
            Step("tech_screen", 34),
            Step("onsite", 25),
            Step("offer", 18),
            Step("declined", 12, reason="Base well below market and a heavy on-call rotation"),
        ),
        "Atlanta, GA",
        "hybrid",
        "$125k base",
    ),
)

CONTACTS: tuple[ContactSpec, ...] = (
    ContactSpec(
        "Maya Okafor",
        ContactRole.recruiter,
        "Tidewell Health AI",
        "maya.okafor@tidewell.example",
        "Technical recruiter for the imaging team.",
        ("tidewell-imaging",),
    ),
    ContactSpec(
        "Daniel Brooks",
        ContactRole.recruiter,
        "Bluewhistle Trading",
        "daniel.brooks@bluewhistle.example",
        "Recruiter who reached out on LinkedIn.",
        ("bluewhistle-quant",),
    ),
    ContactSpec(
        "Noor Bakker",
        ContactRole.recruiter,
        "Wickerline Logistics",
        "noor.bakker@wickerline.example",
        "Recruiter for the routing team.",
        ("wickerline-routing",),
    ),
    ContactSpec(
        "Grace Liu",
        ContactRole.recruiter,
        "Omnivane",
        "grace.liu@omnivane.example",
        "University recruiter; met at the career fair.",
        ("omnivane-trust",),
    ),
    ContactSpec(
        "Jonas Lindqvist",
        ContactRole.hiring_manager,
        "Lanternfish Data",
        "jonas@lanternfish.example",
        "Hiring manager of the ML platform team.",
        ("lanternfish-mle",),
    ),
    ContactSpec(
        "Chen Wei",
        ContactRole.engineer,
        "Cloudmere",
        "chen.wei@cloudmere.example",
        "Engineer on model serving; gave a talk on feature stores.",
        ("cloudmere-mle2",),
    ),
    ContactSpec(
        "Dr. Amara Nwosu",
        ContactRole.researcher,
        "Institute for Quiet Machines",
        "amara.nwosu@quietmachines.example",
        "Researcher in the interpretability group.",
        ("iqm-interp",),
    ),
    ContactSpec(
        "Prof. Elena Marchetti",
        ContactRole.professor,
        None,
        "e.marchetti@university.example",
        "Former thesis advisor; introduces me to research labs.",
        ("iqm-interp", "fernhill-intern", "heron-rl"),
    ),
    ContactSpec(
        "Tomás Ruiz",
        ContactRole.ceo,
        "Bramblefox Robotics",
        "tomas@bramblefox.example",
        "Co-founder and CEO; answers email himself.",
        ("bramblefox-perception",),
    ),
    ContactSpec(
        "Sam Adeyemi",
        ContactRole.referrer,
        "Hyperloom",
        "sam.adeyemi@hyperloom.example",
        "Former teammate, now an ML engineer there.",
        ("hyperloom-ads", "hyperloom-multimodal"),
    ),
    ContactSpec(
        "Ines Carvalho",
        ContactRole.referrer,
        "Otterbyte",
        "ines@otterbyte.example",
        "Classmate from the master's programme.",
        ("otterbyte-cv",),
    ),
    ContactSpec(
        "Lena Hoffmann",
        ContactRole.other,
        None,
        "lena.hoffmann@meetup.example",
        "Runs a local ML meetup; knows many platform teams.",
        ("cobalt-mlops",),
    ),
)

_M, _E, _C, _MT, _CR = (
    InteractionKind.message,
    InteractionKind.email,
    InteractionKind.call,
    InteractionKind.meeting,
    InteractionKind.connection_request,
)
_OUT, _IN = Direction.outbound, Direction.inbound

# The tables below read best as one row per event, so the formatter leaves them alone.
# fmt: off
INTERACTIONS: tuple[InteractionSpec, ...] = (
    InteractionSpec("Maya Okafor", "tidewell-imaging", _E, _IN, 8,
                    "Invited me to a 30-minute recruiter call about the imaging team"),
    InteractionSpec("Maya Okafor", "tidewell-imaging", _C, _OUT, 6,
                    "Recruiter call: team of six, PyTorch, DICOM pipelines; "
                    "next is a live coding screen"),
    InteractionSpec("Daniel Brooks", "bluewhistle-quant", _M, _IN, 10,
                    "Reached out about the ML quant role and asked for my resume"),
    InteractionSpec("Daniel Brooks", "bluewhistle-quant", _E, _OUT, 9,
                    "Sent the resume and a two-line summary of the forecasting project"),
    InteractionSpec("Noor Bakker", "wickerline-routing", _M, _IN, 46,
                    "Asked whether I was open to a routing role in Rotterdam"),
    InteractionSpec("Noor Bakker", "wickerline-routing", _C, _IN, 38,
                    "Recruiter call; the hiring manager would be in touch within a week"),
    InteractionSpec("Grace Liu", "omnivane-trust", _MT, _IN, 3,
                    "Met at the university career fair; she suggested the Trust & Safety role",
                    follow_up_in=5),
    InteractionSpec("Jonas Lindqvist", "lanternfish-mle", _M, _IN, 14,
                    "Thanked me for applying; explained the interview steps"),
    InteractionSpec("Jonas Lindqvist", "lanternfish-mle", _E, _OUT, 4,
                    "Thanked him for the coding screen; asked what the ML coding round covers"),
    InteractionSpec("Chen Wei", "cloudmere-mle2", _CR, _OUT, 20,
                    "Connection request after his talk on feature stores"),
    InteractionSpec("Chen Wei", "cloudmere-mle2", _M, _IN, 19,
                    "Accepted; suggested I apply to the MLE II opening"),
    InteractionSpec("Chen Wei", "cloudmere-mle2", _C, _OUT, 17,
                    "20-minute chat about on-call and the model-serving stack",
                    follow_up_in=-10, follow_up_done=True),
    InteractionSpec("Dr. Amara Nwosu", "iqm-interp", _E, _OUT, 27,
                    "Asked about the group's current projects, after Prof. Marchetti's intro"),
    InteractionSpec("Dr. Amara Nwosu", "iqm-interp", _MT, _IN, 15,
                    "Video research chat; she invited me to give a job talk"),
    InteractionSpec("Prof. Elena Marchetti", None, _MT, _OUT, 30,
                    "Asked for advice on research labs; she offered two introductions",
                    follow_up_in=-26, follow_up_done=True),
    InteractionSpec("Prof. Elena Marchetti", "fernhill-intern", _E, _IN, 28,
                    "Sent the introductions to Fernhill and the Institute for Quiet Machines"),
    InteractionSpec("Prof. Elena Marchetti", "heron-rl", _M, _OUT, 2,
                    "Asked for an introduction to the Heronfield RL group",
                    follow_up_in=3),
    InteractionSpec("Tomás Ruiz", "bramblefox-perception", _E, _OUT, 11,
                    "Cold email: two paragraphs on my grasp-detection project, link to the demo",
                    follow_up_in=-1),
    InteractionSpec("Sam Adeyemi", "hyperloom-multimodal", _MT, _OUT, 31,
                    "Coffee about the multimodal team; he offered to refer me"),
    InteractionSpec("Sam Adeyemi", "hyperloom-ads", _M, _OUT, 5,
                    "Asked whether he would also refer me to Ads Quality"),
    InteractionSpec("Sam Adeyemi", "hyperloom-ads", _M, _IN, 4,
                    "Agreed, and submitted the referral"),
    InteractionSpec("Ines Carvalho", "otterbyte-cv", _C, _IN, 17,
                    "Offered to refer me for the computer vision role"),
    InteractionSpec("Ines Carvalho", "otterbyte-cv", _M, _OUT, 1,
                    "Told her the debugging round happened; thanked her again"),
    InteractionSpec("Lena Hoffmann", None, _CR, _IN, 13,
                    "Connected after my lightning talk at the meetup"),
    InteractionSpec("Lena Hoffmann", "cobalt-mlops", _MT, _OUT, 12,
                    "Coffee; she knows the Cobalt Finch ML platform lead",
                    follow_up_in=-8, follow_up_done=True),
)

_P, _F, _X = InterviewOutcome.passed, InterviewOutcome.failed, InterviewOutcome.cancelled
_K = InterviewKind

INTERVIEWS: tuple[InterviewSpec, ...] = (
    # Past rounds.
    InterviewSpec("tidewell-imaging", _K.recruiter_call, -6, time(10, 0), "Europe/Berlin", 30,
                  ("Maya Okafor",), _P, thanked=True),
    InterviewSpec("bluewhistle-quant", _K.recruiter_call, -4, time(16, 30), "America/New_York",
                  30, ("Daniel Brooks",), _P, thanked=True),
    InterviewSpec("lanternfish-mle", _K.recruiter_call, -13, time(9, 30), "Europe/Stockholm",
                  30, ("Jonas Lindqvist",), _P, thanked=True),
    InterviewSpec("lanternfish-mle", _K.coding, -5, time(11, 0), "Asia/Kolkata", 60,
                  ("Aditi Rao",), _P, "Two array problems; explained complexity as I went.",
                  thanked=True),
    InterviewSpec("otterbyte-cv", _K.ml_debugging, -1, time(15, 0), "Europe/Lisbon", 60,
                  ("Rafael Costa", "Mei Tanaka"), InterviewOutcome.pending,
                  "Loss went to NaN: found the learning-rate warm-up bug; ran short on "
                  "the data-leak question."),
    InterviewSpec("cloudmere-mle2", _K.recruiter_call, -9, time(13, 0), "America/Los_Angeles",
                  30, ("Recruiting coordinator",), _P, thanked=True),
    InterviewSpec("hyperloom-multimodal", _K.recruiter_call, -24, time(11, 0), "Europe/London",
                  30, ("Recruiter",), _P, thanked=True),
    InterviewSpec("hyperloom-multimodal", _K.ml_coding, -17, time(14, 0), "Europe/London", 60,
                  ("Hugo Bennett",), _P, "Implemented attention from scratch in NumPy.",
                  thanked=True),
    InterviewSpec("iqm-interp", _K.dl_llm_concepts, -15, time(10, 0), "Europe/Zurich", 60,
                  ("Dr. Amara Nwosu",), _P, "Transformers, probing, sparse autoencoders.",
                  thanked=True),
    InterviewSpec("cloudmere-pool", _K.onsite, -16, time(9, 0), "Asia/Singapore", 240,
                  ("Four interviewers",), _P, thanked=True),
    InterviewSpec("tallgrass-robot", _K.onsite, -9, time(9, 0), "America/Denver", 300,
                  ("Priya Raman", "Owen Mercer", "Lucía Ortega"), _P, thanked=True),
    InterviewSpec("fernhill-intern", _K.job_talk, -30, time(14, 0), "Europe/London", 60,
                  ("Causal ML group",), _P, thanked=True),
    InterviewSpec("quaystone-fraud", _K.onsite, -12, time(9, 30), "Europe/Dublin", 240,
                  ("Four interviewers",), _F, "System design went well; serving questions "
                  "on Kubernetes autoscaling did not.", thanked=True),
    InterviewSpec("glintwork-llm", _K.dl_llm_concepts, -21, time(12, 0), "America/Chicago", 60,
                  ("Staff ML engineer",), _F, "Questions on FSDP, LoRA and mixed precision."),
    InterviewSpec("cinderpath-threat", _K.onsite, -25, time(9, 0), "America/New_York", 240,
                  ("Four interviewers",), _P, thanked=True),
    # Coming up this week, in several time zones.
    InterviewSpec("bluewhistle-quant", _K.probability_stats, 1, time(9, 30), "America/New_York",
                  45, ("Ruth Calloway",), notes="Probability puzzles and expected values; "
                  "whiteboard only, no calculator."),
    InterviewSpec("tidewell-imaging", _K.coding, 2, time(14, 0), "Europe/Berlin", 60,
                  ("Lukas Brandt",), notes="Live coding in Python: arrays, then a small "
                  "image-augmentation task."),
    InterviewSpec("cloudmere-pool", _K.team_matching, 2, time(16, 0), "Asia/Singapore", 30,
                  ("Marcus Lim",), notes="Recommendations infrastructure team; ask about "
                  "on-call, scope and mentorship."),
    InterviewSpec("lanternfish-mle", _K.ml_coding, 3, time(11, 0), "Asia/Kolkata", 60,
                  ("Aditi Rao", "Jonas Lindqvist"), notes="Logistic regression with gradient "
                  "descent from scratch; NumPy allowed; then regularisation."),
    InterviewSpec("cloudmere-mle2", _K.ml_concepts, 4, time(10, 0), "America/Los_Angeles", 45,
                  ("Olivia Grant",), notes="Bias and variance, metrics, leakage, calibration."),
    InterviewSpec("hyperloom-multimodal", _K.ml_system_design, 5, time(10, 0), "Europe/London",
                  60, ("Hugo Bennett",), notes="Design a multimodal retrieval system: data, "
                  "training, evaluation, serving, monitoring."),
    InterviewSpec("hyperloom-multimodal", _K.behavioral, 5, time(13, 0), "Europe/London", 45,
                  ("Zara Ahmed",), notes="STAR stories: a disagreement, a failure, ownership."),
    InterviewSpec("iqm-interp", _K.job_talk, 6, time(15, 0), "Europe/Zurich", 60,
                  ("Dr. Amara Nwosu", "Interpretability group"), notes="45-minute talk on the "
                  "thesis, 15 minutes of questions; bring the slides as PDF too."),
    # Called off after withdrawing: kept in the history, left out of calendars and today.
    InterviewSpec("larchmoor-revenue", _K.hiring_manager, 2, time(11, 0), "Europe/Madrid", 45,
                  ("Revenue management lead",), _X, "Cancelled after withdrawing."),
)
# fmt: on


# --- loading ----------------------------------------------------------------------------


class _Clock:
    """Turns the authored offsets into times around `now`, with seeded jitter so that
    events do not all fall on the same minute of the day."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._rng = random.Random(DEMO_SEED)

    def days_ago(self, days: int) -> datetime:
        if days == 0:
            # "Today" means minutes ago, so it stays today in the person's own zone too.
            return self.now - timedelta(minutes=self._rng.randint(1, 6))
        return self.now - timedelta(days=days, minutes=self._rng.randint(0, 360))

    def day(self, offset: int) -> date:
        return self.now.date() + timedelta(days=offset)

    def local(self, offset: int, at: time, zone: str) -> datetime:
        """`at` on the day `offset` days from today, as seen in `zone`."""
        tz = ZoneInfo(zone)
        day = (self.now.astimezone(tz) + timedelta(days=offset)).date()
        return datetime.combine(day, at, tz)


def _slug(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def _title_slug(title: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in title.lower()).split()
    return "-".join(words)


def _resume_version(title: str) -> str:
    if "Research" in title:
        return "resume-research-v2"
    if "Data Scientist" in title or "Quantitative" in title:
        return "resume-ds-v3"
    return "resume-mle-v4"


def _application_in(spec: AppSpec, clock: _Clock, first_at: datetime) -> ApplicationIn:
    return ApplicationIn(
        company=spec.company,
        title=spec.title,
        url=f"https://jobs.{_slug(spec.company)}.example/{_title_slug(spec.title)}",
        location=spec.location,
        work_mode=spec.work_mode,
        description=f"Demo posting (fictional): {spec.title} at {spec.company}. "
        "Invented for the landml demo; not a real opening.",
        salary_text=spec.salary,
        channel=spec.channel,
        priority=spec.priority,
        resume_version=_resume_version(spec.title),
        next_action=spec.next_action,
        next_action_on=clock.day(spec.next_action_in) if spec.next_action_in is not None else None,
        stage=spec.path[0].stage,
        stage_at=first_at,
    )


def _add_companies(session: Session, owner: int) -> None:
    for spec in COMPANIES:
        company = service.find_or_add_company(session, owner, spec.name, spec.kind.value)
        company.website = f"https://{_slug(spec.name)}.example"
        company.notes = f"Demo company (fictional, invented for the landml demo). {spec.about}"


def _add_application(
    session: Session, owner: int, spec: AppSpec, clock: _Clock
) -> tuple[Application, int]:
    first, *rest = spec.path
    app = service.create_application(
        session, owner, _application_in(spec, clock, clock.days_ago(first.days)), demo=True
    )
    for step in rest:
        service.append_stage_change(
            session,
            owner,
            app,
            BUILTIN_BY_KEY[step.stage],
            at=clock.days_ago(step.days),
            note=step.note,
            reason=step.reason,
            skills=step.skills,
        )
    for days, body in spec.notes:
        session.add(Note(owner_id=owner, application_id=app.id, at=clock.days_ago(days), body=body))
    return app, len(spec.path)


def _add_contacts(session: Session, owner: int, apps: dict[str, Application]) -> dict[str, Contact]:
    contacts: dict[str, Contact] = {}
    for spec in CONTACTS:
        data = ContactIn(
            name=spec.name,
            role=spec.role,
            company=spec.company,
            email=spec.email,
            notes=f"Demo contact (fictional person). {spec.about}",
        )
        contact = service.create_contact(session, owner, data, demo=True)
        for key in spec.apps:
            apps[key].contacts.append(contact)
        contacts[spec.name] = contact
    return contacts


def _add_interactions(
    session: Session,
    owner: int,
    clock: _Clock,
    apps: dict[str, Application],
    contacts: dict[str, Contact],
) -> None:
    for spec in INTERACTIONS:
        session.add(
            Interaction(
                owner_id=owner,
                contact=contacts[spec.contact],
                application_id=apps[spec.app].id if spec.app else None,
                kind=spec.kind.value,
                direction=spec.direction.value,
                at=clock.days_ago(spec.days),
                summary=spec.summary,
                follow_up_on=clock.day(spec.follow_up_in)
                if spec.follow_up_in is not None
                else None,
                follow_up_done=spec.follow_up_done,
            )
        )


def _add_interviews(
    session: Session, owner: int, clock: _Clock, apps: dict[str, Application]
) -> None:
    for spec in INTERVIEWS:
        start = clock.local(spec.day, spec.at, spec.zone)
        end = start + timedelta(minutes=spec.minutes)
        session.add(
            Interview(
                owner_id=owner,
                application=apps[spec.app],
                kind=spec.kind.value,
                scheduled_at=start,
                timezone=spec.zone,
                duration_minutes=spec.minutes,
                interviewers=list(spec.interviewers),
                outcome=spec.outcome.value,
                notes=spec.notes,
                thank_you_sent_at=end + timedelta(hours=3) if spec.thanked else None,
            )
        )


@transactional
def load_demo(session: Session, owner: int, *, now: datetime) -> DemoSummary:
    """Fill an empty workspace with the demo hunt, placed around `now`, in one transaction.

    Raises Conflict, changing nothing, when the workspace already holds data.
    """
    if now.tzinfo is None:
        raise ValueError("load_demo needs a timezone-aware `now`")
    if not service.workspace_is_empty(session, owner):
        raise Conflict(
            "This workspace already has data, so the demo was not loaded; nothing changed.",
            hint="Load the demo into a new, empty workspace, for example "
            "`landml demo --home /tmp/landml-demo`.",
        )
    clock = _Clock(now)
    _add_companies(session, owner)
    apps: dict[str, Application] = {}
    stage_changes = 0
    for spec in APPLICATIONS:
        apps[spec.key], steps = _add_application(session, owner, spec, clock)
        stage_changes += steps
    contacts = _add_contacts(session, owner, apps)
    _add_interactions(session, owner, clock, apps, contacts)
    _add_interviews(session, owner, clock, apps)
    session.flush()
    # Imported here: the offers domain builds on the tracker, not the other way round.
    from landml.offers.service import load_demo_offers

    offers = load_demo_offers(session, owner, now=now)
    return DemoSummary(
        applications=len(apps),
        companies=len(COMPANIES),
        contacts=len(contacts),
        interactions=len(INTERACTIONS),
        interviews=len(INTERVIEWS),
        notes=sum(len(spec.notes) for spec in APPLICATIONS),
        stage_changes=stage_changes,
        offers=offers,
    )
