from django.urls import path

from careers.core.cache import reader_cache
from jobs import feeds, views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/apply/", views.job_apply, name="apply"),
    path("<int:pk>/<str:slug>/", views.job_detail, name="detail"),
    path("feed/", views.search_feed, name="search_feed"),
    path("feed/<slug:slug>/", reader_cache(feeds.CareerJobsFeed()), name="feed"),
]
