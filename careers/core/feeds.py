"""The base of the site's Atom feeds: the site's own address, read-only, text as text."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseNotAllowed
from django.utils.feedgenerator import Atom1Feed

from careers.core.web import site_url


class TextSummaryAtomFeed(Atom1Feed):
    """Atom whose entry summaries are plain text (`type="text"`).

    Django's Atom1Feed marks every summary `type="html"`, so a feed reader would
    render a plain-text summary such as `"><script>…` as markup.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class SiteFeed(Feed):
    """A feed that answers GET and HEAD only, with every link on settings.SITE_URL.

    Django's syndication view would take the host from the request; links that
    are already absolute are left as they are, so each link method returns one.
    """

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().__call__(request, *args, **kwargs)

    def item_link(self, item):
        return site_url(item.get_absolute_url())
