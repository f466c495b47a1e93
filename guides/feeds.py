"""Atom feed of new and updated guides: /guides/feed/."""

from django.conf import settings
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from careers.core.feeds import SiteFeed, TextSummaryAtomFeed
from careers.core.web import site_url
from guides.models import Guide

FEED_SIZE = 30


class LatestGuidesFeed(SiteFeed):
    """The most recently published or revised guides, newest change first.

    Every save counts as a revision: the guide has no separate "substantial change" mark.
    """

    # Summaries are meta descriptions: plain text, not markup.
    feed_type = TextSummaryAtomFeed

    def title(self):
        return f"New and updated career guides · {settings.SITE_NAME}"

    def subtitle(self):
        return "Career guides as they are published and revised: roadmap, skills, pay, outlook."

    def link(self):
        return site_url(reverse("guides:index"))

    def feed_url(self):
        return site_url(reverse("guides:feed"))

    def items(self):
        return (
            Guide.objects.live()
            .select_related("career")
            .only(
                "slug",
                "title",
                "edition_year",
                "meta_description",
                "publish_from",
                "created_at",
                "updated_at",
                "career__name",
                "career__description",
            )
            # A guide scheduled ahead is news when it goes live, not when it was last saved.
            .annotate(changed_at=Greatest("updated_at", Coalesce("publish_from", "created_at")))
            .order_by("-changed_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, guide):
        return guide.full_title

    def item_description(self, guide):
        return guide.meta_description or guide.career.description

    def item_pubdate(self, guide):
        return guide.publish_from or guide.created_at

    def item_updateddate(self, guide):
        return guide.changed_at

    def item_author_name(self, guide):
        return settings.SITE_NAME

    def item_categories(self, guide):
        return [guide.career.name]
