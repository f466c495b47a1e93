"""Practice mode in a real Chromium: keyboard only, progress kept across a reload."""

import pytest

from tests.browser import checks
from tests.flashcards.factories import CardFactory, DeckFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("orm_beside_playwright"),
]
SCREENSHOTS = checks.SCREENSHOTS


@pytest.fixture
def deck_url(live_server):
    deck = DeckFactory(slug="practice")
    CardFactory(deck=deck, question="First question?", answer="First *answer*.")
    CardFactory(deck=deck, question="Second question?", answer="Second answer.")
    CardFactory(
        deck=deck, question="Third question?", answer="Third answer.", difficulty="advanced"
    )
    return live_server.url + "/flashcards/practice/"


@pytest.fixture
def page(new_context, deck_url):
    page = new_context(viewport={"width": 1024, "height": 900}).new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(deck_url)
    yield page
    assert errors == []


def card_question(page):
    return page.locator("[data-role=card] [data-role=question]")


def test_without_javascript_the_deck_is_a_list(new_context, deck_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(deck_url)
    assert page.locator("#practice").is_hidden()
    assert page.locator(".deck-list details").count() == 3
    page.locator(".deck-list summary").first.click()
    assert page.get_by_text("First answer.").is_visible()


def test_keyboard_practice_reload_and_review_missed(page, deck_url):
    assert page.locator("#practice").is_visible()
    page.get_by_role("button", name="Practise the cards due now").focus()
    page.keyboard.press("Enter")
    question = card_question(page)
    assert question.inner_text() == "First question?"
    assert page.evaluate("document.activeElement.dataset.role") == "question"
    assert page.locator("[data-role=position]").inner_text() == "Card 1 of 3"

    page.keyboard.press("Space")
    answer = page.locator("[data-role=card] [data-role=answer]")
    assert answer.is_visible()
    assert answer.inner_text() == "First answer."
    assert page.evaluate("document.activeElement.dataset.role") == "answer"
    page.keyboard.press("1")  # knew it
    assert question.inner_text() == "Second question?"

    page.keyboard.press("Enter")
    page.keyboard.press("2")  # didn't know
    assert question.inner_text() == "Third question?"
    assert page.locator("progress").evaluate("p => [p.value, p.max]") == [2, 3]

    # Progress and the session survive a reload.
    page.reload()
    assert card_question(page).inner_text() == "Third question?"
    assert page.locator("[data-role=position]").inner_text() == "Card 3 of 3"

    page.keyboard.press("Space")
    page.keyboard.press("2")
    summary = page.locator("[data-role=summary]")
    assert summary.inner_text() == "You knew 1 of 3 cards and missed 2."
    assert page.evaluate("document.activeElement.dataset.role") == "summary-heading"

    page.keyboard.press("Tab")
    review = page.get_by_role("button", name="Review the 2 cards I missed")
    assert review.evaluate("b => b === document.activeElement")
    page.keyboard.press("Enter")
    assert card_question(page).inner_text() == "Second question?"
    assert page.locator("[data-role=position]").inner_text() == "Card 1 of 2"

    # Leitner: the known card moved up a box and is not due; the missed ones are.
    boxes = page.evaluate("JSON.parse(localStorage.getItem('flashcards:practice')).boxes")
    assert sorted(entry["box"] for entry in boxes.values()) == [1, 1, 2]


def test_difficulty_filter_limits_the_session(page):
    page.get_by_label("Intermediate").uncheck()
    assert "1 card chosen" in page.locator("[data-role=stats]").inner_text()
    page.get_by_role("button", name="Practise every card").click()
    assert card_question(page).inner_text() == "Third question?"
    assert page.locator("[data-role=position]").inner_text() == "Card 1 of 1"
    page.reload()
    page.get_by_role("button", name="End this session").click()
    assert page.get_by_label("Intermediate").is_checked() is False
    assert page.get_by_label("Advanced").is_checked()


def finish_session(page, *, knew: list[bool]):
    page.get_by_role("button", name="Practise the cards due now").click()
    for known in knew:
        page.keyboard.press("Space")
        page.keyboard.press("1" if known else "2")


def test_a_return_visit_opens_on_the_cards_due_now_not_the_last_summary(page):
    finish_session(page, knew=[True, False, False])
    assert page.locator("[data-role=summary]").is_visible()
    page.reload()
    assert page.locator("[data-panel=summary]").is_hidden()
    assert "2 due now" in page.locator("[data-role=stats]").inner_text()
    page.get_by_role("button", name="Practise the cards due now").click()
    assert page.locator("[data-role=position]").inner_text() == "Card 1 of 2"


def test_a_session_left_unfinished_on_an_earlier_visit_gives_way_to_the_cards_due(page):
    page.get_by_role("button", name="Practise every card").click()
    page.keyboard.press("Space")
    page.keyboard.press("1")
    assert page.locator("[data-role=position]").inner_text() == "Card 2 of 3"
    page.reload()  # the same day: carry on where it stopped
    assert page.locator("[data-role=position]").inner_text() == "Card 2 of 3"
    page.evaluate(
        """() => {
            const state = JSON.parse(localStorage.getItem('flashcards:practice'));
            state.session.touched -= 24 * 60 * 60 * 1000;  // as if left yesterday
            localStorage.setItem('flashcards:practice', JSON.stringify(state));
        }"""
    )
    page.reload()
    assert page.locator("[data-panel=session]").is_hidden()
    assert "2 due now" in page.locator("[data-role=stats]").inner_text()


LONG_ANSWER = "\n\n".join(
    f"Point {number}: a paragraph long enough to wrap over several lines on a phone, "
    "as the longer answers in the demo decks do."
    for number in range(1, 9)
)


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}], ids=str
)
def test_the_grading_buttons_are_in_view_without_scrolling(new_context, live_server, viewport):
    deck = DeckFactory(slug="long")
    CardFactory(deck=deck, question="A question with a long answer?", answer=LONG_ANSWER)
    # Reduced motion: no smooth scrolling, so what is measured is where the page settles.
    page = new_context(viewport=viewport, reduced_motion="reduce").new_page()
    page.goto(live_server.url + "/flashcards/long/")

    def in_view(name: str) -> bool:
        box = page.get_by_role("button", name=name).bounding_box()
        return box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]

    # Clicked in the page itself: Playwright's own clicks would scroll to the button first.
    page.get_by_role("button", name="Practise every card").evaluate(
        "b => { b.scrollIntoView({block: 'end'}); b.click(); }"
    )
    assert in_view("Show answer")
    page.get_by_role("button", name="Show answer").evaluate("b => b.click()")
    assert page.locator("#practice-answer").get_by_text("Point 1:").is_visible()
    assert in_view("Knew it")
    assert in_view("Didn’t know")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = f"flashcard-answer-{viewport['width']}x{viewport['height']}.png"
    (SCREENSHOTS / shot).write_bytes(page.screenshot())
