"""Demo job listings: fictional employers on .example domains, dated relative to today.

`jobs_load_demo()` is idempotent and never overwrites: companies are matched by
name and listings by (source "demo", external id); existing rows are left alone.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from careers.models import Career, Period
from jobs.models import Company, JobListing
from jobs.services import jobs_search_index

DEMO_SOURCE = "demo"

COMPANIES = {
    "northwind": (
        "Northwind Analytics",
        "https://northwind-analytics.example/",
        "Northwind Analytics builds forecasting tools that grocery and pharmacy chains use "
        "to keep shelves stocked without waste.",
    ),
    "larkspur": (
        "Larkspur Robotics",
        "https://larkspur-robotics.example/",
        "Larkspur Robotics makes picking robots for mid-sized warehouses, with a fleet of "
        "a few thousand machines in the field.",
    ),
    "bluefin": (
        "Bluefin Health",
        "https://bluefin-health.example/",
        "Bluefin Health runs a telehealth service for chronic conditions and takes patient "
        "privacy as seriously as uptime.",
    ),
    "quarry": (
        "Quarry Cloud",
        "https://quarrycloud.example/",
        "Quarry Cloud hosts managed databases and object storage for small software teams.",
    ),
    "tessellate": (
        "Tessellate Labs",
        "https://tessellate.example/",
        "Tessellate Labs is a small, fully remote studio building language-model features "
        "for customer-support software.",
    ),
    "harbor": (
        "Harbor & Pine Insurance",
        "https://harborpine.example/",
        "Harbor & Pine is a regional insurer modernising its pricing and claims systems.",
    ),
    "meridian": (
        "Meridian Freight",
        "https://meridian-freight.example/",
        "Meridian Freight plans truck and rail routes for shippers across North America "
        "and Europe.",
    ),
}

# What the work is and what helps, per career: the body of each listing's description.
DUTIES = {
    "machine-learning-engineer": (
        "Train, evaluate and ship models that run in production",
        "Build feature pipelines and keep training and serving consistent",
        "Monitor model quality and retrain when the data drifts",
        "Python, PyTorch or scikit-learn, and experience taking a model to production",
    ),
    "data-scientist": (
        "Design experiments and read their results honestly",
        "Turn messy business questions into analyses people can act on",
        "Build forecasting and classification models with the engineering team",
        "SQL, Python or R, statistics, and clear writing for non-specialists",
    ),
    "ai-engineer": (
        "Build features on top of large language models, from prompt to evaluation",
        "Design retrieval pipelines and measure answer quality",
        "Keep latency and cost per request within budget",
        "Python or TypeScript, API design, and a habit of testing model output",
    ),
    "data-engineer": (
        "Build and run batch and streaming pipelines",
        "Model data in the warehouse so analysts can trust it",
        "Add tests, lineage and alerts to the pipelines you own",
        "SQL, Python, an orchestrator such as Airflow or Dagster, and a cloud warehouse",
    ),
    "software-engineer": (
        "Design, build and review features across the backend and frontend",
        "Write tests and keep the build fast and green",
        "Take part in an on-call rotation with sensible hours",
        "One backend language well, web fundamentals, and care for readable code",
    ),
    "cloud-architect": (
        "Design landing zones, networking and identity for many teams",
        "Write the reference architectures teams build from",
        "Review designs for cost, security and resilience",
        "Deep knowledge of one major cloud, infrastructure as code, and networking",
    ),
    "devops-engineer": (
        "Build and improve CI/CD pipelines used by every team",
        "Run Kubernetes clusters and the tooling around them",
        "Automate infrastructure with Terraform and keep it reviewed",
        "Linux, containers, one scripting language, and calm during incidents",
    ),
}


@dataclass(frozen=True)
class DemoListing:
    key: str
    career: str
    title: str
    company: str
    city: str = ""
    region: str = ""
    country: str = ""
    workplace: str = JobListing.WorkplaceType.ON_SITE
    remote: str = ""
    employment: str = JobListing.EmploymentType.FULL_TIME
    salary: tuple[int, int] | None = None
    currency: str = "USD"
    period: str = Period.YEAR
    posted_days_ago: int = 3
    open_days: int = 45  # from the posting date; a listing expires when this is past


_R = JobListing.WorkplaceType.REMOTE
_H = JobListing.WorkplaceType.HYBRID
_C = JobListing.EmploymentType.CONTRACTOR
_P = JobListing.EmploymentType.PART_TIME
_I = JobListing.EmploymentType.INTERN

LISTINGS = [
    # Machine learning engineers
    DemoListing(
        "mle-1",
        "machine-learning-engineer",
        "Machine Learning Engineer, Forecasting",
        "northwind",
        "Chicago",
        "IL",
        "US",
        _H,
        salary=(155_000, 205_000),
        posted_days_ago=2,
    ),
    DemoListing(
        "mle-2",
        "machine-learning-engineer",
        "Senior Machine Learning Engineer",
        "larkspur",
        "Pittsburgh",
        "PA",
        "US",
        salary=(180_000, 235_000),
        posted_days_ago=6,
    ),
    DemoListing(
        "mle-3",
        "machine-learning-engineer",
        "Machine Learning Engineer (Remote, EU)",
        "tessellate",
        workplace=_R,
        remote="DE,NL,PL,PT,ES",
        salary=(85_000, 115_000),
        currency="EUR",
        posted_days_ago=9,
    ),
    DemoListing(
        "mle-4",
        "machine-learning-engineer",
        "ML Platform Engineer",
        "quarry",
        "Austin",
        "TX",
        "US",
        _R,
        remote="US,CA",
        salary=(165_000, 210_000),
        posted_days_ago=14,
    ),
    DemoListing(
        "mle-5",
        "machine-learning-engineer",
        "Machine Learning Engineer, Claims",
        "harbor",
        "Hartford",
        "CT",
        "US",
        posted_days_ago=70,
        open_days=60,
    ),
    # Data scientists
    DemoListing(
        "ds-1",
        "data-scientist",
        "Data Scientist, Pricing",
        "harbor",
        "Hartford",
        "CT",
        "US",
        _H,
        salary=(120_000, 150_000),
        posted_days_ago=1,
    ),
    DemoListing(
        "ds-2",
        "data-scientist",
        "Senior Data Scientist, Experimentation",
        "bluefin",
        workplace=_R,
        remote="US",
        salary=(150_000, 185_000),
        posted_days_ago=5,
    ),
    DemoListing(
        "ds-3",
        "data-scientist",
        "Data Scientist",
        "meridian",
        "Rotterdam",
        "",
        "NL",
        _H,
        salary=(65_000, 85_000),
        currency="EUR",
        posted_days_ago=11,
    ),
    DemoListing(
        "ds-4",
        "data-scientist",
        "Data Science Intern (Summer)",
        "northwind",
        "Chicago",
        "IL",
        "US",
        employment=_I,
        salary=(38, 45),
        period=Period.HOUR,
        posted_days_ago=20,
        open_days=60,
    ),
    DemoListing(
        "ds-5",
        "data-scientist",
        "Data Scientist, Demand Planning",
        "meridian",
        "Toronto",
        "ON",
        "CA",
        posted_days_ago=80,
        open_days=45,
    ),
    # AI engineers
    DemoListing(
        "ai-1",
        "ai-engineer",
        "AI Engineer, Support Assistant",
        "tessellate",
        workplace=_R,
        remote="US,CA,GB,IE",
        salary=(150_000, 190_000),
        posted_days_ago=1,
    ),
    DemoListing(
        "ai-2",
        "ai-engineer",
        "Applied AI Engineer",
        "bluefin",
        "Boston",
        "MA",
        "US",
        _H,
        salary=(160_000, 200_000),
        posted_days_ago=4,
    ),
    DemoListing(
        "ai-3",
        "ai-engineer",
        "AI Engineer, Retrieval and Search",
        "quarry",
        "London",
        "",
        "GB",
        _H,
        salary=(85_000, 110_000),
        currency="GBP",
        posted_days_ago=8,
    ),
    DemoListing(
        "ai-4",
        "ai-engineer",
        "LLM Evaluation Engineer (Contract)",
        "tessellate",
        workplace=_R,
        remote="US,CA",
        employment=_C,
        salary=(95, 130),
        period=Period.HOUR,
        posted_days_ago=12,
    ),
    DemoListing(
        "ai-5",
        "ai-engineer",
        "AI Engineer, Document Processing",
        "harbor",
        "Hartford",
        "CT",
        "US",
        posted_days_ago=65,
        open_days=40,
    ),
    # Data engineers
    DemoListing(
        "de-1",
        "data-engineer",
        "Data Engineer",
        "northwind",
        "Chicago",
        "IL",
        "US",
        _H,
        salary=(130_000, 160_000),
        posted_days_ago=3,
    ),
    DemoListing(
        "de-2",
        "data-engineer",
        "Senior Data Engineer, Streaming",
        "meridian",
        workplace=_R,
        remote="US,CA,MX",
        salary=(150_000, 180_000),
        posted_days_ago=7,
    ),
    DemoListing(
        "de-3",
        "data-engineer",
        "Analytics Engineer",
        "bluefin",
        "Denver",
        "CO",
        "US",
        salary=(115_000, 140_000),
        posted_days_ago=10,
    ),
    DemoListing(
        "de-4",
        "data-engineer",
        "Data Engineer (Part-time)",
        "harbor",
        "Hartford",
        "CT",
        "US",
        _H,
        employment=_P,
        salary=(60, 75),
        period=Period.HOUR,
        posted_days_ago=15,
    ),
    DemoListing(
        "de-5",
        "data-engineer",
        "Data Engineer, Warehouse",
        "quarry",
        "Berlin",
        "",
        "DE",
        _H,
        salary=(70_000, 90_000),
        currency="EUR",
        posted_days_ago=18,
    ),
    # Software engineers
    DemoListing(
        "swe-1",
        "software-engineer",
        "Backend Software Engineer",
        "quarry",
        "Austin",
        "TX",
        "US",
        _H,
        salary=(140_000, 175_000),
        posted_days_ago=2,
    ),
    DemoListing(
        "swe-2",
        "software-engineer",
        "Software Engineer, Robot Fleet",
        "larkspur",
        "Pittsburgh",
        "PA",
        "US",
        salary=(130_000, 165_000),
        posted_days_ago=5,
    ),
    DemoListing(
        "swe-3",
        "software-engineer",
        "Full-Stack Engineer",
        "bluefin",
        workplace=_R,
        remote="US",
        salary=(135_000, 170_000),
        posted_days_ago=9,
    ),
    DemoListing(
        "swe-4",
        "software-engineer",
        "Software Engineer, Routing",
        "meridian",
        "Toronto",
        "ON",
        "CA",
        _H,
        salary=(120_000, 150_000),
        currency="CAD",
        posted_days_ago=13,
    ),
    DemoListing(
        "swe-5",
        "software-engineer",
        "Junior Software Engineer",
        "harbor",
        "Hartford",
        "CT",
        "US",
        salary=(85_000, 100_000),
        posted_days_ago=75,
        open_days=50,
    ),
    # Cloud architects
    DemoListing(
        "ca-1",
        "cloud-architect",
        "Cloud Architect",
        "harbor",
        "Hartford",
        "CT",
        "US",
        _H,
        salary=(170_000, 210_000),
        posted_days_ago=4,
    ),
    DemoListing(
        "ca-2",
        "cloud-architect",
        "Principal Cloud Architect",
        "quarry",
        workplace=_R,
        remote="US,CA",
        salary=(200_000, 245_000),
        posted_days_ago=10,
    ),
    DemoListing(
        "ca-3",
        "cloud-architect",
        "Cloud Solutions Architect",
        "meridian",
        "Amsterdam",
        "",
        "NL",
        _H,
        salary=(95_000, 120_000),
        currency="EUR",
        posted_days_ago=16,
    ),
    DemoListing(
        "ca-4",
        "cloud-architect",
        "Cloud Architect (Contract)",
        "bluefin",
        "Boston",
        "MA",
        "US",
        employment=_C,
        posted_days_ago=22,
    ),
    # DevOps engineers
    DemoListing(
        "ops-1",
        "devops-engineer",
        "DevOps Engineer",
        "larkspur",
        "Pittsburgh",
        "PA",
        "US",
        salary=(125_000, 155_000),
        posted_days_ago=1,
    ),
    DemoListing(
        "ops-2",
        "devops-engineer",
        "Site Reliability Engineer",
        "quarry",
        workplace=_R,
        remote="US,CA,GB",
        salary=(150_000, 185_000),
        posted_days_ago=6,
    ),
    DemoListing(
        "ops-3",
        "devops-engineer",
        "Platform Engineer, Kubernetes",
        "northwind",
        "Chicago",
        "IL",
        "US",
        _H,
        salary=(140_000, 170_000),
        posted_days_ago=12,
    ),
    DemoListing(
        "ops-4",
        "devops-engineer",
        "DevOps Engineer",
        "tessellate",
        workplace=_R,
        remote="GB,IE,PT",
        salary=(60_000, 80_000),
        currency="GBP",
        posted_days_ago=19,
    ),
    DemoListing(
        "ops-5",
        "devops-engineer",
        "Build and Release Engineer",
        "larkspur",
        "Pittsburgh",
        "PA",
        "US",
        posted_days_ago=68,
        open_days=45,
    ),
]


def _description(listing: DemoListing, company_blurb: str) -> str:
    first, second, third, helps = DUTIES[listing.career]
    return (
        f"{company_blurb}\n\n"
        f"**What you will do**\n\n- {first}\n- {second}\n- {third}\n\n"
        f"**What helps**\n\n- {helps}\n- Explaining trade-offs to people outside your team\n\n"
        "We answer every application within two weeks."
    )


def jobs_load_demo(*, today: datetime.date | None = None) -> int:
    """Create the demo companies and listings that are missing; returns how many listings."""
    today = today or timezone.localdate()
    careers = {career.slug: career for career in Career.objects.all()}
    created = 0
    with transaction.atomic():
        companies = {}
        for key, (name, website, _blurb) in COMPANIES.items():
            companies[key], _ = Company.objects.get_or_create(
                name=name, defaults={"website": website}
            )
        existing = set(
            JobListing.objects.filter(source=DEMO_SOURCE).values_list("external_id", flat=True)
        )
        for demo in LISTINGS:
            career = careers.get(demo.career)
            if career is None or demo.key in existing:
                continue
            company = companies[demo.company]
            posted_on = today - datetime.timedelta(days=demo.posted_days_ago)
            listing = JobListing(
                source=DEMO_SOURCE,
                external_id=demo.key,
                status=JobListing.Status.PUBLISHED,
                title=demo.title,
                company=company,
                career=career,
                city=demo.city,
                region=demo.region,
                country=demo.country,
                workplace_type=demo.workplace,
                remote_countries=demo.remote,
                employment_type=demo.employment,
                salary_min=demo.salary[0] if demo.salary else None,
                salary_max=demo.salary[1] if demo.salary else None,
                salary_currency=demo.currency,
                salary_period=demo.period,
                description=_description(demo, COMPANIES[demo.company][2]),
                apply_url=f"{COMPANIES[demo.company][1]}careers/{demo.key}",
                posted_on=posted_on,
                valid_through=posted_on + datetime.timedelta(days=demo.open_days),
            )
            listing.full_clean()
            listing.save()
            created += 1
        jobs_search_index(listings=JobListing.objects.filter(source=DEMO_SOURCE))
    return created
