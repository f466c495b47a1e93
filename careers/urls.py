"""Root URLs. Public URLs are part of the product: keep them stable."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from careers import views

careers_patterns = (
    [
        path("", views.home, name="home"),
        path("careers/<slug:slug>/salary/", views.salary, name="salary"),
        path("healthz", views.healthz, name="healthz"),
        path("robots.txt", views.robots_txt, name="robots"),
    ],
    "careers",
)

urlpatterns = [
    path("", include(careers_patterns)),
    path("guides/", include("guides.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
]
