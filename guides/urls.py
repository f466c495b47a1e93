from django.urls import path

from careers.core.cache import reader_cache
from guides import feeds, views

app_name = "guides"

urlpatterns = [
    path("", views.guide_index, name="index"),
    # Before the guide pages, so "feed" is not read as a guide's slug.
    path("feed/", reader_cache(feeds.LatestGuidesFeed()), name="feed"),
    path("<slug:slug>/", views.guide_detail, name="detail"),
    path("<slug:slug>/card.png", views.guide_card, name="card"),
    path("<slug:slug>/card.svg", views.guide_card_svg, name="card_svg"),
]
