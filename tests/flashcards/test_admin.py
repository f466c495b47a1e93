import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from careers.core.roles import EDITORS, PUBLISHERS
from flashcards.models import Card, Deck
from tests.flashcards.factories import CardFactory, DeckFactory

pytestmark = pytest.mark.django_db


def import_url(deck):
    return reverse("admin:flashcards_deck_import_cards", args=[deck.pk])


def csv_file(text):
    return SimpleUploadedFile("cards.csv", text.encode(), content_type="text/csv")


def test_change_page_links_import_and_export(admin_client):
    deck = DeckFactory()
    html = admin_client.get(reverse("admin:flashcards_deck_change", args=[deck.pk])).content
    assert import_url(deck).encode() in html
    assert reverse("admin:flashcards_deck_export_cards", args=[deck.pk]).encode() in html


def test_import_of_a_good_file_adds_all_cards_in_order(admin_client):
    deck = DeckFactory()
    response = admin_client.post(
        import_url(deck), {"file": csv_file("question,answer\nFirst?,One.\nSecond?,Two.\n")}
    )
    assert response.status_code == 302
    assert list(deck.cards.values_list("question", flat=True)) == ["First?", "Second?"]


def test_import_with_a_bad_row_reports_it_and_writes_nothing(admin_client):
    deck = DeckFactory()
    response = admin_client.post(
        import_url(deck),
        {"file": csv_file("question,answer,difficulty\nFirst?,One.,\nSecond?,Two.,hard\n")},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "Line 3: Unknown difficulty “hard”" in html
    assert not Card.objects.exists()


def test_export_downloads_the_import_format(admin_client):
    card = CardFactory(question="Q?", answer="A.", tags="t")
    response = admin_client.get(reverse("admin:flashcards_deck_export_cards", args=[card.deck.pk]))
    assert response.content.decode() == "question,answer,difficulty,tags\nQ?,A.,intermediate,t\n"


@pytest.fixture(autouse=True)
def _groups(editorial_groups):
    """Editors and Publishers exist, whatever tests ran before."""


def staff(django_user_model, group_name):
    user = django_user_model.objects.create_user("u-" + group_name, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editors_cannot_publish_or_delete(client, django_user_model):
    client.force_login(staff(django_user_model, EDITORS))
    deck = DeckFactory(status=Deck.Status.DRAFT)
    html = client.get(reverse("admin:flashcards_deck_change", args=[deck.pk])).content.decode()
    assert 'name="status"' not in html
    response = client.get(reverse("admin:flashcards_deck_delete", args=[deck.pk]))
    assert response.status_code == 403
    assert client.get(import_url(deck)).status_code == 200


def test_publishing_an_empty_deck_is_refused(client, django_user_model):
    client.force_login(staff(django_user_model, PUBLISHERS))
    deck = DeckFactory(status=Deck.Status.DRAFT)
    data = {
        "career": deck.career.pk,
        "title": deck.title,
        "slug": deck.slug,
        "description": deck.description,
        "status": "published",
        "cards-TOTAL_FORMS": "0",
        "cards-INITIAL_FORMS": "0",
        "cards-MIN_NUM_FORMS": "0",
        "cards-MAX_NUM_FORMS": "1000",
    }
    response = client.post(
        reverse("admin:flashcards_deck_change", args=[deck.pk]), data, follow=True
    )
    # Refused on save, as a guide without steps is (it used to be saved as a draft).
    assert "cannot be saved until you add at least one card" in response.content.decode()
    deck.refresh_from_db()
    assert deck.status == Deck.Status.DRAFT
