"""Atom feeds of new listings, one per career: /jobs/feed/<career slug>/."""

import datetime

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from careers.core.feeds import SiteFeed
from careers.core.web import site_url
from careers.models import Career
from jobs import selectors
from jobs.forms import job_search
from jobs.models import JobListing

FEED_SIZE = 30


class CareerJobsFeed(SiteFeed):
    """Summaries are HTML (Atom's `type="html"`): the sanitised description, facts escaped."""

    def get_object(self, request, slug):
        return get_object_or_404(Career, slug=slug)

    def title(self, career):
        return f"New {career.name} jobs · {settings.SITE_NAME}"

    def subtitle(self, career):
        return f"The newest open {career.name} listings, with the employer and location."

    def link(self, career):
        return site_url(f"{reverse('jobs:list')}?{urlencode({'career': career.slug})}")

    def feed_url(self, career):
        return site_url(reverse("jobs:feed", kwargs={"slug": career.slug}))

    def items(self, career):
        return (
            JobListing.objects.live()
            .filter(career=career)
            .select_related("company", "career")
            .order_by("-posted_on", "-id")[:FEED_SIZE]
        )

    def item_title(self, listing):
        return f"{listing.title} at {listing.company.name}"

    def item_description(self, listing):
        facts = " · ".join(
            part
            for part in (
                listing.location_display,
                listing.get_employment_type_display(),
                listing.salary_full_display,
            )
            if part
        )
        # The description is sanitised on save; the facts are plain text.
        return format_html("<p>{}</p>{}", facts, mark_safe(listing.description_html))  # noqa: S308

    def item_pubdate(self, listing):
        return datetime.datetime.combine(
            listing.posted_on, datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    def item_updateddate(self, listing):
        return listing.updated_at

    def item_author_name(self, listing):
        return listing.company.name


class SearchJobsFeed(CareerJobsFeed):
    """The jobs list's current search (its query string) as a feed: the same filters,
    read the same way (jobs.views.job_search), newest first."""

    def get_object(self, request):
        return job_search(request)

    def title(self, search):
        what = " · ".join(
            f"{search.form.fields[name].label}: {_shown(search, name)}" for name in search.filters
        )
        return f"Jobs{f' ({what})' if what else ''} · {settings.SITE_NAME}"

    def subtitle(self, search):
        return "The newest open listings this search on the jobs page finds."

    def link(self, search):
        query = f"?{search.query}" if search.query else ""
        return site_url(f"{reverse('jobs:list')}{query}")

    def feed_url(self, search):
        query = f"?{search.query}" if search.query else ""
        return site_url(f"{reverse('jobs:search_feed')}{query}")

    def items(self, search):
        return selectors.live_listings(**search.filters)[:FEED_SIZE]


def _shown(search, name) -> str:
    """A filter's value as the page's form shows it ("Remote", "Data Engineer")."""
    value = search.filters[name]
    if name == "company" and search.company is not None:
        return search.company.name
    choices = dict(getattr(search.form.fields[name], "choices", ()))
    return str(choices.get(value, choices.get(str(value), value)))
