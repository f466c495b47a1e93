"""The listings' section of /sitemap.xml: one query, only the columns it needs."""

from careers.core.sitemaps import LiveSitemap
from jobs.models import JobListing


class JobListingSitemap(LiveSitemap):
    model = JobListing
    address_fields = ("title",)  # the address carries a slug made from the title


SITEMAPS = {"jobs": JobListingSitemap}
