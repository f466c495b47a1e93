"""factory_boy factories for jobs: `JobListingFactory()` is a live, on-site listing."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from jobs.models import Company, JobListing, JobSource
from tests.factories import CareerFactory


class CompanyFactory(DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Company {n}")
    website = factory.Sequence(lambda n: f"https://company-{n}.example/")


class JobListingFactory(DjangoModelFactory):
    class Meta:
        model = JobListing

    title = factory.Sequence(lambda n: f"Engineer {n}")
    company = factory.SubFactory(CompanyFactory)
    career = factory.SubFactory(CareerFactory)
    city = "Berlin"
    country = "DE"
    workplace_type = JobListing.WorkplaceType.ON_SITE
    employment_type = JobListing.EmploymentType.FULL_TIME
    salary_min = 70_000
    salary_max = 90_000
    salary_currency = "EUR"
    description = "Build **things**.\n\n- Ship code\n- Review code"
    apply_url = factory.Sequence(lambda n: f"https://employer.example/apply/{n}")
    posted_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    valid_through = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = JobListing.Status.PUBLISHED


def expired_listing(**kwargs) -> JobListing:
    """Published, but past its valid-through date: nobody set it to expired."""
    today = timezone.localdate()
    return JobListingFactory(
        posted_on=today - datetime.timedelta(days=40),
        valid_through=today - datetime.timedelta(days=1),
        **kwargs,
    )


class JobSourceFactory(DjangoModelFactory):
    class Meta:
        model = JobSource

    name = factory.Sequence(lambda n: f"board-{n}")
    company = factory.SubFactory(CompanyFactory)
    kind = JobSource.Kind.GREENHOUSE
    identifier = factory.Sequence(lambda n: f"board{n}")
    default_career = factory.SubFactory(CareerFactory)
    active = True
