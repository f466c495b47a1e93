"""The reader's plan in a real Chromium: kept in the browser, never on the server.

Marks on a guide's steps survive a reload; the pace moves the finish date; a job is
saved and followed through to "applied"; the plan goes out as a file, is cleared and
comes back in; a damaged stored plan gives a message, not a broken page; without
JavaScript the pages read fully and the controls are absent.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser import checks

pytestmark = pytest.mark.browser

GUIDE = "/guides/machine-learning-engineer/"
PHONE = {"viewport": {"width": 320, "height": 700}}


@pytest.fixture
def context(new_context, site):
    return new_context(site_origin=site, viewport=checks.DESKTOP, accept_downloads=True)


def open_page(context, url):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.errors = errors
    return page


def stored_plan(page):
    return json.loads(page.evaluate("localStorage.getItem('careers:plan')") or "null")


def mark(page, number, label):
    page.get_by_label(f"My progress on step {number}", exact=True).select_option(label=label)


def test_marks_survive_a_reload_with_what_is_left(context, site, screenshot_dir):
    page = open_page(context, site + GUIDE)
    steps = page.locator("[data-step]").count()
    assert page.locator(".plan-panel__count").inner_text() == f"0 of {steps} steps done"
    left_before = page.locator("[data-role=left]").inner_text()
    assert page.get_by_role("link", name="Next step: 1.").count() == 1

    # Keyboard only: focus the first step's control and choose "Done" with the arrows.
    select = page.get_by_label("My progress on step 1", exact=True)
    select.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert select.input_value() == "done"
    mark(page, 2, "Done")
    mark(page, 3, "In progress")
    mark(page, 4, "Skipped")
    expect(page.locator(".plan-panel [role=status]")).to_contain_text("Step 4 marked skipped")

    page.reload()
    assert page.locator(".plan-panel__count").inner_text() == f"2 of {steps} steps done"
    left_after = page.locator("[data-role=left]").inner_text()
    assert left_after.startswith(f"Left: {steps - 3} steps")
    assert left_after != left_before
    assert page.get_by_label("My progress on step 3", exact=True).input_value() == "doing"
    # The next step is the first not done or skipped: step 3, in progress.
    next_link = page.locator("[data-role=next] a")
    assert next_link.inner_text().startswith("Next step: 3.")
    assert next_link.get_attribute("href") == "#step-3"
    assert checks.axe_violations(page) == []
    page.locator("#roadmap").screenshot(path=screenshot_dir / "plan-guide-progress.png")
    assert page.errors == []


def test_pace_moves_the_finish_date_on_the_roadmap_and_the_paths(context, site):
    page = open_page(context, site + GUIDE)
    finish = page.locator("[data-role=finish]")
    path_cell = page.locator("[data-paths] tbody tr").first.locator("td").last
    guide_hours = page.locator("#roadmap").get_attribute("data-hours")
    hours = page.get_by_label("Hours a week you can give")
    assert hours.input_value() == guide_hours
    before, path_before = finish.inner_text(), path_cell.inner_text()
    assert before.startswith("You would finish between")
    assert path_before

    hours.fill(str(int(guide_hours) * 2))
    hours.press("Enter")
    hours.blur()
    assert finish.inner_text() != before
    assert path_cell.inner_text() != path_before
    left = page.locator("[data-role=left]").inner_text()
    assert f"at {int(guide_hours) * 2} hours a week" in left
    assert stored_plan(page)["pace"]["hours"] == int(guide_hours) * 2

    hours.fill("0")
    hours.press("Enter")
    assert hours.input_value() == str(int(guide_hours) * 2)
    assert page.errors == []


def test_a_damaged_plan_gives_a_message_not_a_broken_page(context, site):
    page = open_page(context, site + GUIDE)
    page.evaluate("localStorage.setItem('careers:plan', '{not json')")
    page.reload()
    message = page.locator("[data-plan-message]")
    assert message.is_visible()
    assert "could not be read" in message.inner_text()
    # The damaged text is set aside, and the page works on a fresh plan.
    assert page.evaluate("localStorage.getItem('careers:plan:damaged')") == "{not json"
    mark(page, 1, "Done")
    assert stored_plan(page)["version"] == 2
    assert checks.axe_violations(page) == []
    assert page.errors == []


def test_foreign_data_and_a_newer_version_are_left_alone(context, site):
    page = open_page(context, site + GUIDE)
    newer = json.dumps({"kind": "career-compass-plan", "version": 99, "guides": {}})
    page.evaluate("value => localStorage.setItem('careers:plan', value)", newer)
    page.reload()
    assert "newer version" in page.locator("[data-plan-message]").inner_text()
    mark(page, 1, "Done")
    # Shown as marked on the page, but the newer plan is not overwritten.
    assert page.evaluate("localStorage.getItem('careers:plan')") == newer
    assert page.errors == []


def test_storage_switched_off_still_gives_a_working_page(new_context, site):
    context = new_context(site_origin=site, viewport=checks.DESKTOP)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException("
        "'denied', 'SecurityError'); }});"
    )
    page = open_page(context, site + GUIDE)
    assert "storage is switched off" in page.locator("[data-plan-message]").inner_text()
    mark(page, 1, "Done")
    assert page.locator(".plan-panel__count").inner_text().startswith("1 of ")
    assert page.errors == []


def test_a_full_storage_says_the_change_was_not_kept(new_context, site):
    context = new_context(site_origin=site, viewport=checks.DESKTOP)
    context.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException("
        "'full', 'QuotaExceededError'); };"
    )
    page = open_page(context, site + GUIDE)
    mark(page, 1, "Done")
    assert "storage is full" in page.locator("[data-plan-message]").inner_text()
    assert page.errors == []


def test_without_javascript_the_guide_reads_fully_with_no_controls(new_context, site):
    page = new_context(site_origin=site, java_script_enabled=False).new_page()
    page.goto(site + GUIDE)
    assert page.locator("[data-step]").count() > 3
    assert page.locator("select, .plan-panel").count() == 0
    assert page.locator("[data-plan-message]").is_hidden()
    assert "hours of study a week" in page.locator("#roadmap").inner_text()
    assert page.locator("#how-long tbody tr").first.locator("td").count() == 2


@pytest.mark.parametrize("options", [PHONE, {**PHONE, "color_scheme": "dark"}])
def test_guide_with_progress_at_320px_and_dark(new_context, site, options):
    context = new_context(site_origin=site, **options)
    page = open_page(context, site + GUIDE)
    mark(page, 1, "Done")
    mark(page, 2, "In progress")
    assert checks.horizontal_overflow(page) == []
    assert checks.axe_violations(page) == []
    assert page.errors == []


def open_listing_url(site):
    from tests.browser.pages import open_listing

    with checks.orm_beside_playwright():
        return site + open_listing()


def save_and_apply(page):
    page.get_by_role("button", name="Save this job").click()
    status = page.get_by_label("Status")
    assert status.input_value() == "saved"
    # The apply link is counted and leaves for the employer: answered here with no content,
    # so the test stays on the listing as a reader coming back to it would.
    page.route("**/apply/", lambda route: route.fulfill(status=204))
    page.locator(".job__apply:visible").click()  # one for phones, one for wide screens
    assert page.get_by_text("Did you apply for this job?").is_visible()
    page.get_by_role("button", name="Yes, I applied").click()
    assert status.input_value() == "applied"
    page.get_by_label("Note").fill("Sent the CV, with a cover letter.")
    page.get_by_label("Note").blur()


def test_save_a_job_and_set_it_to_applied(context, site):
    url = open_listing_url(site)
    page = open_page(context, url)
    save_and_apply(page)
    page.reload()
    assert page.get_by_label("Status").input_value() == "applied"
    assert page.get_by_label("Applied on").input_value() == page.evaluate(
        "new Date().toISOString().slice(0, 10)"
    )
    assert page.get_by_label("Note").input_value() == "Sent the CV, with a cover letter."
    page.get_by_label("Status").select_option(label="Interviewing")
    assert page.get_by_label("Interviewing on").is_visible()
    job = next(iter(stored_plan(page)["jobs"].values()))
    assert job["status"] == "interviewing"
    assert set(job["dates"]) == {"saved", "applied", "interviewing"}
    assert checks.axe_violations(page) == []
    assert page.errors == []


def test_without_javascript_a_listing_has_no_plan_controls(new_context, site):
    page = new_context(site_origin=site, java_script_enabled=False).new_page()
    page.goto(open_listing_url(site))
    assert page.locator(".job__apply:visible").count() == 1
    assert page.locator("[data-plan-job]").is_hidden()
    assert page.locator("main").get_by_role("button").count() == 0


def plan_with_progress_and_a_job(context, site):
    page = open_page(context, site + GUIDE)
    mark(page, 1, "Done")
    mark(page, 2, "In progress")
    have(page, "Python").check()
    page.goto(open_listing_url(site))
    save_and_apply(page)
    page.goto(site + "/plan/")
    return page


def test_plan_page_export_clear_import_and_all_is_back(context, site, screenshot_dir, tmp_path):
    page = plan_with_progress_and_a_job(context, site)
    guide = page.locator("[data-plan-guide]")
    assert guide.count() == 1
    assert "1 of " in guide.inner_text()
    assert guide.get_by_role("link", name="Next step: 2.").count() == 1
    assert "Applied (1)" in page.locator("#plan-jobs").locator("..").inner_text()
    assert checks.axe_violations(page) == []
    page.screenshot(path=screenshot_dir / "plan-page.png", full_page=True)
    before = stored_plan(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Export my plan").click()
    exported = tmp_path / "plan.json"
    download.value.save_as(exported)
    document = json.loads(exported.read_text())
    assert document["kind"] == "career-compass-plan"
    assert document["version"] == 2

    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Export applications as CSV").click()
    csv_file = tmp_path / "applications.csv"
    csv_download.value.save_as(csv_file)
    lines = csv_file.read_text().splitlines()
    assert lines[0].startswith('"Job","Company","Status"')
    assert '"Applied"' in lines[1]
    assert "Sent the CV, with a cover letter." in lines[1]

    page.get_by_role("button", name="Clear my plan").click()
    page.get_by_role("button", name="Yes, clear everything").click()
    assert page.locator("[data-plan-guide], [data-plan-job]").count() == 0
    assert stored_plan(page)["guides"] == {}
    assert checks.axe_violations(page) == []

    page.get_by_label("Import a plan file").set_input_files(exported)
    review = page.locator("[data-role=import-review]")
    expect(review).to_contain_text("adds 1 guide, adds 1 job, adds 1 skill")
    # Nothing changes until the reader chooses.
    assert stored_plan(page)["guides"] == {}
    assert checks.axe_violations(page) == []
    page.get_by_role("button", name="Replace my plan with the file").click()
    after = stored_plan(page)
    assert after["guides"] == before["guides"]
    assert after["jobs"] == before["jobs"]
    assert (
        after["skills"]
        == before["skills"]
        == {"python": {"name": "Python", "url": "/skills/python/"}}
    )
    assert page.locator("[data-plan-skill]").count() == 1
    assert page.locator("[data-plan-guide]").count() == 1
    assert page.locator("[data-plan-job]").count() == 1

    page.goto(site + GUIDE)
    assert page.get_by_label("My progress on step 1", exact=True).input_value() == "done"
    assert page.errors == []


def test_importing_a_file_that_is_not_a_plan_changes_nothing(context, site, tmp_path):
    page = plan_with_progress_and_a_job(context, site)
    before = stored_plan(page)
    junk = tmp_path / "junk.json"
    junk.write_text('{"kind": "someone-else", "version": 1}')
    page.get_by_label("Import a plan file").set_input_files(junk)
    expect(page.locator("[data-role=import-review]")).to_contain_text("not a plan from this site")
    assert page.get_by_role("button", name="Merge into my plan").is_hidden()
    assert stored_plan(page) == before


def test_merging_a_file_keeps_what_is_only_here(context, site, tmp_path):
    page = plan_with_progress_and_a_job(context, site)
    other = {
        "kind": "career-compass-plan",
        "version": 1,
        "guides": {},
        "pace": {"hours": 4},
        # A plan file can come from anywhere: only this site's own addresses are kept.
        "jobs": {"999": {"title": "Odd", "status": "saved", "url": "javascript:alert(1)"}},
        "skills": {},
    }
    other_file = tmp_path / "other.json"
    other_file.write_text(json.dumps(other))
    page.get_by_label("Import a plan file").set_input_files(other_file)
    expect(page.locator("[data-role=import-review]")).to_contain_text("Merging it")
    review = page.locator("[data-role=import-review]").inner_text()
    assert "Merging it adds 1 job, sets your pace to 4 hours a week;" in review
    assert "replacing your plan with it removes 1 guide, adds 1 job, removes 1 job" in review
    page.get_by_role("button", name="Merge into my plan").click()
    plan = stored_plan(page)
    assert plan["pace"]["hours"] == 4
    assert len(plan["guides"]) == 1
    assert len(plan["jobs"]) == 2
    assert plan["jobs"]["999"]["url"] == ""
    assert page.locator("a[href^=javascript]").count() == 0


def test_without_javascript_the_plan_page_says_what_it_is_for(new_context, site):
    page = new_context(site_origin=site, java_script_enabled=False).new_page()
    page.goto(site + "/plan/")
    assert "needs JavaScript" in page.locator("main").inner_text()
    assert "kept in your own browser" in page.locator("main").inner_text()
    assert page.locator("main").get_by_role("button").count() == 0


@pytest.mark.parametrize("options", [PHONE, {**PHONE, "color_scheme": "dark"}])
def test_plan_page_at_320px_and_dark(new_context, site, options):
    context = new_context(site_origin=site, **options)
    page = plan_with_progress_and_a_job(context, site)
    assert checks.horizontal_overflow(page) == []
    assert checks.axe_violations(page) == []
    page.goto(open_listing_url(site))
    assert checks.horizontal_overflow(page) == []
    assert checks.axe_violations(page) == []
    assert page.errors == []


def test_a_stored_plan_is_migrated_step_by_step_and_a_newer_one_refused(context, site):
    page = open_page(context, site + GUIDE)
    result = page.evaluate(
        """() => {
            const steps = {
                1: doc => ({...doc, guides: {}, seen: [...(doc.seen || []), 1]}),
                2: doc => ({...doc, seen: [...doc.seen, 2]}),
            };
            const old = {kind: 'career-compass-plan', version: 1};
            return [
                CareerPlan.migrate(old, steps, 3).doc,
                CareerPlan.migrate({...old, version: 4}, steps, 3).problem,
                CareerPlan.migrate({kind: 'someone-else', version: 1}, steps, 3).problem,
                CareerPlan.migrate([1, 2], steps, 3).problem,
            ];
        }"""
    )
    assert result[0] == {
        "kind": "career-compass-plan",
        "version": 3,
        "guides": {},
        "seen": [1, 2],
    }
    assert result[1:] == ["newer", "corrupt", "corrupt"]
    assert page.errors == []


def test_a_version_1_plan_gains_its_skills_and_keeps_the_rest(context, site):
    page = open_page(context, site + GUIDE)
    version_1 = {
        "kind": "career-compass-plan",
        "version": 1,
        "guides": {},
        "pace": {"hours": 6},
        "jobs": {"7": {"title": "Analyst", "status": "applied", "url": "/jobs/7/analyst/"}},
        # Only reserved in version 1: nothing this site wrote, so it does not survive.
        "skills": {"python": {"name": "Python", "url": "/skills/python/"}},
    }
    page.evaluate("value => localStorage.setItem('careers:plan', value)", json.dumps(version_1))
    page.reload()
    assert page.evaluate("CareerPlan.VERSION") == 2
    assert page.evaluate("CareerPlan.get().version") == 2
    assert page.evaluate("CareerPlan.skillList()") == []
    assert page.evaluate("CareerPlan.get().pace.hours") == 6
    assert page.evaluate("CareerPlan.get().jobs['7'].status") == "applied"
    # Ticking and unticking, kept under the same key, with only this site's addresses.
    ticked = page.evaluate(
        """() => {
            CareerPlan.tickSkill('sql', {name: 'SQL', url: '/skills/sql/'}, true);
            CareerPlan.tickSkill('docker', {name: 'Docker', url: 'https://evil.example/'}, true);
            CareerPlan.tickSkill('Not a slug!', {name: 'x'}, true);
            CareerPlan.tickSkill('git', {name: 'Git', url: '/skills/git/'}, true);
            CareerPlan.tickSkill('git', {}, false);
            return [CareerPlan.skillList(), CareerPlan.hasSkill('sql'), CareerPlan.hasSkill('git')];
        }"""
    )
    assert ticked == [
        [
            {"slug": "docker", "name": "Docker", "url": ""},
            {"slug": "sql", "name": "SQL", "url": "/skills/sql/"},
        ],
        True,
        False,
    ]
    assert stored_plan(page)["skills"] == {
        "docker": {"name": "Docker", "url": ""},
        "sql": {"name": "SQL", "url": "/skills/sql/"},
    }
    assert page.errors == []


SECOND_GUIDE = "/guides/data-scientist/"


def have(page, name, within="#technical-skills"):
    return page.locator(within).get_by_label(f"I have {name}", exact=True)


def test_a_ticked_skill_shows_ticked_on_every_page_that_names_it(context, site):
    page = open_page(context, site + GUIDE)
    technical = page.locator("#technical-skills [role=status]")
    total = page.locator("#technical-skills a[data-skill]").count()
    expect(technical).to_have_text(f"You have 0 of {total} technical skills")
    soft = page.locator("#soft-skills [role=status]")
    soft_total = page.locator("#soft-skills a[data-skill]").count()
    expect(soft).to_have_text(f"You have 0 of {soft_total} soft skills")
    have(page, "Python").check()
    # The same skill in a step of this roadmap shows ticked at once.
    have(page, "Machine learning").press("Space")
    in_steps = page.locator("#roadmap").get_by_label("I have Machine learning", exact=True)
    assert in_steps.count() > 1
    assert all(box.is_checked() for box in in_steps.all())
    expect(technical).to_have_text(f"You have 2 of {total} technical skills")
    # One mark per skill: the tick box replaces the list's drawn tick.
    item = page.locator("#technical-skills li").first
    assert item.evaluate("li => getComputedStyle(li, '::before').content") == "none"
    assert checks.axe_violations(page) == []

    page.goto(site + SECOND_GUIDE)
    assert have(page, "Python").is_checked()
    assert not have(page, "SQL").is_checked()
    second_total = page.locator("#technical-skills a[data-skill]").count()
    expect(page.locator("#technical-skills [role=status]")).to_have_text(
        f"You have 1 of {second_total} technical skills"
    )

    page.goto(site + "/skills/python/")
    own = page.get_by_label("I have this skill")
    assert own.is_checked()
    own.uncheck()
    assert checks.axe_violations(page) == []
    page.goto(site + SECOND_GUIDE)
    assert not have(page, "Python").is_checked()
    assert stored_plan(page)["skills"] == {
        "machine-learning": {"name": "Machine learning", "url": "/skills/machine-learning/"}
    }
    assert page.errors == []


def test_without_javascript_skills_have_no_checkboxes(new_context, site):
    page = new_context(site_origin=site, java_script_enabled=False).new_page()
    page.goto(site + GUIDE)
    assert page.locator("#technical-skills a[data-skill]").count() > 3
    assert page.locator("input[type=checkbox]").count() == 0
    page.goto(site + "/skills/python/")
    assert page.locator("input[type=checkbox]").count() == 0


def tick_on_guide(context, site, names):
    page = open_page(context, site + GUIDE)
    for name in names:
        have(page, name).check()
    return page


def card_state(page):
    """Each listing card of the page: its skills (slug, name, where taught) and match line."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.job-list > li')].map(item => {
            const seen = new Set();
            const skills = [...item.querySelectorAll('.skill-tags a[data-skill]')]
                .filter(a => !seen.has(a.dataset.skill) && seen.add(a.dataset.skill))
                .map(a => [a.dataset.skill, a.textContent.trim(), a.dataset.teach]);
            const line = item.querySelector('.job-match');
            return {
                skills,
                line: line && !line.hidden ? line.innerText : '',
                missing: [...item.querySelectorAll('.job-match a')].map(a => [
                    a.firstChild.textContent, a.getAttribute('href')]),
            };
        })"""
    )


def test_the_jobs_list_shows_how_close_the_reader_is_and_sorts_by_it(context, site, screenshot_dir):
    page = open_page(context, site + "/jobs/")
    # Before any skill is ticked the list is as the server sent it.
    assert page.locator("[data-job-match]").is_hidden()
    assert page.locator(".job-match:visible").count() == 0

    page = tick_on_guide(context, site, ["Python", "SQL", "Docker"])
    page.goto(site + "/jobs/")
    ticked = {"python", "sql", "docker"}
    cards = card_state(page)
    assert any(card["skills"] for card in cards)
    taught_in_a_step = 0
    for card in cards:
        if not card["skills"]:
            assert card["line"] == ""
            continue
        total = len(card["skills"])
        have_count = sum(slug in ticked for slug, _, _ in card["skills"])
        if have_count == total:
            assert card["line"].startswith("You have all")
        else:
            assert card["line"].startswith(f"You have {have_count} of {total} skill")
        # Each missing skill, linked to where the server says this site teaches it.
        assert card["missing"] == [
            [name, teach] for slug, name, teach in card["skills"] if slug not in ticked
        ]
        taught_in_a_step += sum("#step-" in href for _, href in card["missing"])
    assert taught_in_a_step > 0
    assert checks.axe_violations(page) == []

    newest = [card["line"] for card in cards]
    sort = page.get_by_label("Sort the jobs on this page")
    sort.select_option(label="Best match first")
    expect(page.locator("[data-job-match] [role=status]")).to_contain_text("sorted by best match")

    def score(line):
        if line.startswith("You have all"):
            return 1.0
        if not line:
            return -1.0
        have_count, total = line.removeprefix("You have ").split(" skill")[0].split(" of ")
        return int(have_count) / int(total)

    scores = [score(card["line"]) for card in card_state(page)]
    assert scores == sorted(scores, reverse=True)
    assert sorted(scores) == sorted(score(line) for line in newest)
    page.locator(".jobs__results").screenshot(path=screenshot_dir / "plan-jobs-matches.png")
    sort.select_option(label="Newest first")
    assert [card["line"] for card in card_state(page)] == newest

    # A listing's own page says the same, under its skills.
    page.locator(".job-list .card__title a").first.click()
    page.wait_for_url(re.compile(r"/jobs/\d+/"))
    expect(page.locator(".job-match")).to_be_visible()
    assert page.locator(".job-match").inner_text().startswith("You have")
    assert checks.axe_violations(page) == []
    assert page.errors == []


MATCHING_TABLE = json.loads(
    (checks.REPO_ROOT / "tests" / "careers" / "skill_matching_cases.json").read_text()
)


def test_the_browsers_matcher_reads_the_shared_table_as_the_server_does(context, site):
    from careers.skills import SkillTerm, term_pattern

    page = open_page(context, site + "/jobs/")
    found = page.evaluate(
        """table => {
            const matcher = SkillMatch.matcher(table.skills);
            return table.cases.map(c => matcher.find(c.text));
        }""",
        MATCHING_TABLE,
    )
    assert found == [case["expect"] for case in MATCHING_TABLE["cases"]]
    # Term by term, the same regular expression as the server's.
    terms = [
        {"text": skill["name"], "case_sensitive": skill["name_case_sensitive"], "whole_word": True}
        for skill in MATCHING_TABLE["skills"]
    ] + [alias for skill in MATCHING_TABLE["skills"] for alias in skill["aliases"]]
    patterns = page.evaluate("terms => terms.map(SkillMatch.termPattern)", terms)
    assert patterns == [
        term_pattern(SkillTerm("x", t["text"], t["case_sensitive"], t["whole_word"])) for t in terms
    ]
    assert page.errors == []


RESUME = """Jordan Quixotelby — Zanzibarquux Analytics, 2019–2024
Built data pipelines in Python and SQL; deployed models on k8s with Docker.
Some Golang. Led workshops on machine-learning."""


def test_skills_from_a_resume_with_no_request_carrying_its_text(context, site, tmp_path):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests = []
    page.on("request", lambda request: requests.append((request.url, request.post_data or "")))
    page.goto(site + "/jobs/")
    assert "résumé (it never leaves this browser)" in page.locator("main").inner_text()
    page.get_by_text("Find your skills in your résumé").click()
    assert "Your résumé never leaves this browser." in page.locator("main").inner_text()
    page.get_by_label("Paste your résumé").fill(RESUME)
    page.get_by_role("button", name="Find my skills").click()
    found = page.locator("[data-role=resume-found]")
    expect(found.get_by_label("Python", exact=True)).to_be_visible()
    names = found.locator("label").all_inner_texts()
    assert {"Python", "SQL", "Kubernetes", "Docker", "Go"} <= set(names)
    assert checks.axe_violations(page) == []
    found.get_by_label("Python", exact=True).check()
    found.get_by_label("Kubernetes", exact=True).check()
    assert {"python", "kubernetes"} <= set(stored_plan(page)["skills"])
    # The jobs follow at once.
    expect(page.locator(".job-match:visible").first).to_contain_text("You have")

    resume_file = tmp_path / "resume.md"
    resume_file.write_text("# Resume of Quillonvarda\n\nScikit-learn and PyTorch since 2020.\n")
    page.get_by_label("Or choose a text file").set_input_files(resume_file)
    expect(found.get_by_label("PyTorch", exact=True)).to_be_visible()
    page.get_by_role("button", name="Tick all").click()
    assert {"pytorch", "scikit-learn"} <= set(stored_plan(page)["skills"])

    pdf = tmp_path / "resume.pdf"
    pdf.write_bytes(b"%PDF-1.4 Quillonvarda")
    page.get_by_label("Or choose a text file").set_input_files(pdf)
    expect(page.locator(".job-resume__message")).to_contain_text("Choose a plain text file")

    page.wait_for_load_state("networkidle")
    assert any("/skills.json" in url for url, _ in requests)  # what was recorded is real
    for url, body in requests:
        for secret in ("Zanzibarquux", "Quixotelby", "Quillonvarda", "Golang", "data pipelines"):
            assert secret not in url, f"{url} carried the résumé"
            assert secret not in body, f"{url} carried the résumé"
    assert errors == []


def test_without_javascript_the_jobs_list_has_no_match_or_resume_tools(new_context, site):
    page = new_context(site_origin=site, java_script_enabled=False).new_page()
    page.goto(site + "/jobs/")
    assert page.locator(".job-list > li").count() > 3
    assert page.locator("[data-job-match], [data-resume]").first.is_hidden()
    assert page.locator("textarea, .job-match, #job-sort").count() == 0


def test_the_plan_lists_the_skills_with_untick_and_prints_them(context, site, screenshot_dir):
    page = tick_on_guide(context, site, ["SQL", "Docker"])
    page.goto(site + "/plan/")
    skills = page.locator(".plan-skills")
    assert "2 skills ticked." in skills.inner_text()
    assert skills.get_by_role("link", name="Docker").get_attribute("href") == "/skills/docker/"
    assert skills.get_by_role("link", name="SQL").get_attribute("href") == "/skills/sql/"
    assert checks.axe_violations(page) == []
    page.screenshot(path=screenshot_dir / "plan-page-skills.png", full_page=True)

    skills.get_by_role("button", name="Untick Docker").click()
    expect(page.locator("[data-plan-root] > [role=status]")).to_contain_text(
        "Docker is no longer among your skills"
    )
    assert skills.get_by_role("link").all_inner_texts() == ["SQL"]
    assert page.evaluate("document.activeElement.id") == "plan-skills"
    assert list(stored_plan(page)["skills"]) == ["sql"]

    page.emulate_media(media="print")
    assert skills.get_by_role("link", name="SQL").is_visible()
    assert skills.get_by_role("button").first.is_hidden()
    page.emulate_media(media="screen")
    page.goto(site + GUIDE)
    assert not have(page, "Docker").is_checked()
    assert have(page, "SQL").is_checked()
    assert page.errors == []


@pytest.mark.parametrize("options", [PHONE, {**PHONE, "color_scheme": "dark"}])
def test_jobs_with_matches_a_resume_and_a_skill_page_at_320px_and_dark(new_context, site, options):
    context = new_context(site_origin=site, **options)
    page = tick_on_guide(context, site, ["Python", "SQL"])
    assert checks.horizontal_overflow(page) == []
    assert checks.axe_violations(page) == []
    page.goto(site + "/jobs/")
    page.get_by_label("Sort the jobs on this page").select_option(label="Best match first")
    page.get_by_text("Find your skills in your résumé").click()
    page.get_by_label("Paste your résumé").fill(RESUME)
    page.get_by_role("button", name="Find my skills").click()
    expect(page.locator("[data-role=resume-found]").get_by_label("Docker")).to_be_visible()
    assert checks.horizontal_overflow(page) == []
    assert checks.axe_violations(page) == []
    page.goto(site + "/skills/python/")
    assert page.get_by_label("I have this skill").is_checked()
    assert checks.horizontal_overflow(page) == []
    assert checks.axe_violations(page) == []
    assert page.errors == []
