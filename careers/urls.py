"""Root URLs: where the site layer and every app are wired in. Public URLs are part of
the product: keep them stable."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from careers.site import views
from careers.site.health import content_health_view
from guides import views as guide_views

careers_patterns = (
    [
        path("", views.home, name="home"),
        path("careers/", guide_views.career_index, name="index"),
        path("careers/<slug:slug>/salary/", guide_views.salary, name="salary"),
        path("healthz", views.healthz, name="healthz"),
        path("robots.txt", views.robots_txt, name="robots"),
        path("favicon.ico", views.favicon_ico, name="favicon"),
        path("manifest.webmanifest", views.web_manifest, name="manifest"),
        path("search/", views.search, name="search"),
        path("plan/", views.plan, name="plan"),
        path("skills.json", views.skills_json, name="skills_json"),
        path("compare/", guide_views.compare_index, name="compare_index"),
        path("compare/<str:pair>/", guide_views.compare, name="compare"),
    ],
    "careers",
)

skills_patterns = (
    [
        path("", views.skill_index, name="index"),
        path("<slug:slug>/", views.skill_detail, name="detail"),
    ],
    "skills",
)

urlpatterns = [
    path("", include(careers_patterns)),
    path("skills/", include(skills_patterns)),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("guides/", include("guides.urls")),
    path("flashcards/", include("flashcards.urls")),
    path("jobs/", include("jobs.urls")),
    path(
        f"{settings.ADMIN_PATH}content-health/",
        admin.site.admin_view(content_health_view),
        name="admin_content_health",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
]

if settings.BENCHMARK_VIEWS:
    urlpatterns.append(path("_bench/constant", views.bench_constant))
