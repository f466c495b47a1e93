/*
 * How close the reader is to each job: with skills ticked (plan_store.js), every listing
 * on the jobs list, and a listing's own page, shows "You have 4 of 6 skills" and the
 * missing ones, each linking to where this site teaches it (the server's data-teach,
 * the same for everyone). The list can be sorted by best match: this page only, since
 * the reader's skills never reach the server. Without JavaScript none of it appears.
 */
(function () {
  "use strict";

  var Plan = window.CareerPlan;
  var tools = document.querySelector("[data-job-match]");
  if (!Plan || !tools) return;

  var make = Plan.make;

  // Each listing (a card of the list, or the one listing of its page) and its skills.
  var list = document.querySelector(".job-list");
  var units = Array.prototype.map.call(document.querySelectorAll("[data-job-skills]"), function (root, index) {
    var skills = [];
    Array.prototype.forEach.call(root.querySelectorAll("a[data-skill]"), function (link) {
      if (skills.some(function (skill) { return skill.slug === link.dataset.skill; })) return;
      skills.push({
        slug: link.dataset.skill,
        name: link.textContent.trim(),
        teach: link.dataset.teach || link.getAttribute("href"),
      });
    });
    var line = make("p", { class: "job-match", "data-screen-only": "", hidden: "" });
    var anchor = root.querySelector(".skill-tags") || root.querySelector(".checklist") || root.lastElementChild;
    anchor.after(line);
    return { item: root.closest("li") || root, skills: skills, line: line, index: index, score: -1 };
  });

  var intro = make("p", { class: "job-match__intro" });
  var status = make("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  var sortField = make("p", { class: "job-match__sort" });
  var sort = make("select", { id: "job-sort" });
  sort.append(make("option", { value: "newest" }, "Newest first"), make("option", { value: "match" }, "Best match first"));
  // "On this page": the reader's skills stay in the browser, so the server cannot sort the rest.
  sortField.append(make("label", { for: "job-sort" }, "Sort the jobs on this page"), " ", sort);
  tools.append(intro);
  if (list && units.length > 1) tools.append(sortField);
  tools.append(status);

  function render() {
    var ticked = Plan.skillList().length;
    intro.replaceChildren();
    // Nothing to say or sort by before a skill is ticked: the list stays as the server sent it.
    tools.hidden = !ticked;
    if (ticked) {
      intro.append("You have ticked " + ticked + " skill" + (ticked === 1 ? "" : "s") + " (",
        make("a", { href: tools.dataset.planUrl }, "see them in your plan"),
        "). " + (list ? "Each job shows how many of the skills it asks for you have." : ""));
    }
    units.forEach(function (unit) {
      var line = unit.line;
      line.replaceChildren();
      line.hidden = !ticked || !unit.skills.length;
      unit.score = -1;
      if (line.hidden) return;
      var missing = unit.skills.filter(function (skill) {
        return !Plan.hasSkill(skill.slug);
      });
      var count = unit.skills.length;
      var have = count - missing.length;
      unit.score = have / count + have / 1000;
      line.append(make("strong", {}, missing.length
        ? "You have " + have + " of " + count + " skill" + (count === 1 ? "" : "s") + "."
        : "You have all " + (count === 1 ? "the skill" : count + " skills") + " it asks for."));
      if (!missing.length) return;
      line.append(" Missing: ");
      missing.forEach(function (skill, index) {
        if (index) line.append(", ");
        var link = make("a", { href: skill.teach }, skill.name);
        link.append(make("span", { class: "visually-hidden" }, " (where to learn it)"));
        line.append(link);
      });
    });
    if (sort.value === "match") order();
  }

  function order() {
    var sorted = units.slice().sort(function (a, b) {
      return sort.value === "match" ? b.score - a.score || a.index - b.index : a.index - b.index;
    });
    sorted.forEach(function (unit) {
      list.append(unit.item);
    });
  }

  sort.addEventListener("change", function () {
    order();
    Plan.announce(status, sort.value === "match"
      ? "The jobs on this page are sorted by best match: the most of your skills first."
      : "The jobs on this page are sorted newest first.");
  });
  Plan.onChange(render);
  render();
})();
