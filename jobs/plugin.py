"""What the jobs app brings to the site-wide pages (careers.core.plugins)."""

from careers.core.plugins import ContentPlugin
from jobs.demo import jobs_load_demo
from jobs.models import JobListing
from jobs.search import listing_search
from jobs.selectors import next_listing_change, open_jobs_context
from jobs.sitemaps import SITEMAPS

PLUGIN = ContentPlugin(
    name="jobs",
    model=JobListing,
    list_url="jobs:list",
    sitemaps=SITEMAPS,
    search_kind=listing_search,
    # Listings also expire when their last open day is over.
    next_change=next_listing_change,
    demo_load=jobs_load_demo,
    # The guide page's "Browse … jobs (N open)".
    career_page=open_jobs_context,
)
