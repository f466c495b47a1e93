/*
 * Skills from a résumé, found in this browser: the reader pastes the text or picks a
 * .txt or .md file; skill_match.js finds the site's skills in it (from /skills.json,
 * the same file for everyone) and offers each as a checkbox to tick into the plan.
 * The text is never sent anywhere, not even to this site, and never stored: only the
 * skills the reader ticks are kept (plan_store.js). Without JavaScript none of it appears.
 */
(function () {
  "use strict";

  var Plan = window.CareerPlan;
  var Match = window.SkillMatch;
  var root = document.querySelector("[data-resume]");
  if (!Plan || !Match || !root) return;

  var MAX_BYTES = 1024 * 1024;

  var make = Plan.make;

  var details = make("details", { class: "job-resume" });
  var summary = make("summary", { class: "job-resume__summary" });
  summary.append(make("h2", { class: "job-resume__heading", id: "resume-heading" }, "Find your skills in your résumé"),
    make("span", { class: "job-resume__hint" }, " (it never leaves this browser)"));
  var promise = make("p", { class: "job-resume__promise" });
  promise.append(make("strong", {}, "Your résumé never leaves this browser."),
    " It is read here, on your device: it is not sent to this site or anywhere else, and not kept. " +
    "Only the skills you tick are kept, in this browser, and each job then shows how many of its skills you have.");
  var textLabel = make("label", { for: "resume-text" }, "Paste your résumé");
  var text = make("textarea", { id: "resume-text", rows: "6", spellcheck: "false" });
  var fileLabel = make("label", { for: "resume-file" }, "Or choose a text file (.txt or .md) ");
  var file = make("input", { id: "resume-file", type: "file", accept: ".txt,.md,text/plain,text/markdown" });
  var findButton = make("button", { type: "button", class: "button" }, "Find my skills");
  var message = make("p", { class: "job-resume__message", role: "status" });
  var found = make("div", { "data-role": "resume-found" });
  function field(label, control) {
    var p = make("p");
    p.append(label, make("br"), control);
    return p;
  }
  var buttons = make("p");
  buttons.append(findButton);
  details.append(summary, promise, field(textLabel, text), field(fileLabel, file), buttons, message, found);
  root.append(details);
  root.hidden = false;

  var skills = null;
  var matcher = null;

  // The skills file once a page; a request with nothing of the reader's in it.
  function loadSkills() {
    if (matcher) return Promise.resolve();
    return fetch(root.dataset.skillsUrl, { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        skills = {};
        data.skills.forEach(function (skill) {
          skills[skill.slug] = skill;
        });
        matcher = Match.matcher(data.skills);
      });
  }

  function offer(slugs) {
    found.replaceChildren();
    if (!slugs.length) {
      message.textContent = "No skill this site knows of was found in the text.";
      return;
    }
    var already = slugs.filter(Plan.hasSkill).length;
    message.textContent = "Found " + slugs.length + " skill" + (slugs.length === 1 ? "" : "s") +
      (already ? ", " + already + " of them ticked already" : "") + ". Tick the ones you have.";
    var set = make("fieldset", { class: "job-resume__found" });
    set.append(make("legend", {}, "Skills found in your résumé"));
    var list = make("ul", { class: "job-resume__list" });
    slugs.forEach(function (slug, index) {
      var skill = skills[slug];
      var id = "resume-skill-" + index;
      var item = make("li");
      var box = make("input", { type: "checkbox", id: id, class: "skill-have__box", "data-have": slug });
      box.checked = Plan.hasSkill(slug);
      box.addEventListener("change", function () {
        Plan.tickSkill(slug, skill, box.checked);
      });
      item.append(box, make("label", { for: id }, skill.name));
      list.append(item);
    });
    var all = make("button", { type: "button", class: "button button--secondary" }, "Tick all " + slugs.length);
    all.addEventListener("click", function () {
      Array.prototype.forEach.call(list.querySelectorAll("input"), function (box) {
        if (!box.checked) {
          box.checked = true;
          Plan.tickSkill(box.dataset.have, skills[box.dataset.have], true);
        }
      });
      message.textContent = "All " + slugs.length + " skills ticked.";
    });
    set.append(list, all);
    found.append(set);
  }

  function find() {
    if (!text.value.trim()) {
      message.textContent = "Paste your résumé, or choose a text file, first.";
      text.focus();
      return;
    }
    message.textContent = "Looking for skills…";
    loadSkills().then(function () {
      offer(matcher.find(text.value));
    }, function () {
      message.textContent = "The list of skills could not be loaded, so nothing was looked for. Try again in a moment.";
    });
  }

  findButton.addEventListener("click", find);
  file.addEventListener("change", function () {
    var chosen = file.files[0];
    if (!chosen) return;
    if (!/\.(txt|md|markdown)$/i.test(chosen.name)) {
      message.textContent = "Choose a plain text file (.txt or .md). For a PDF or Word file, copy its text and paste it above.";
      file.value = "";
      return;
    }
    if (chosen.size > MAX_BYTES) {
      message.textContent = "That file is over 1 MB, too large for a résumé: paste the text instead.";
      file.value = "";
      return;
    }
    chosen.text().then(function (content) {
      if (content.indexOf("\u0000") >= 0) {
        message.textContent = "That file is not plain text. Copy your résumé’s text and paste it above.";
        file.value = "";
        return;
      }
      text.value = content;
      find();
    });
  });
  // Another part of the page ticked or unticked a skill: the boxes follow.
  Plan.onChange(function () {
    Array.prototype.forEach.call(found.querySelectorAll("input[data-have]"), function (box) {
      box.checked = Plan.hasSkill(box.dataset.have);
    });
  });
})();
