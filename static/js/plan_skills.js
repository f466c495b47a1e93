/*
 * "Skills I have": a checkbox beside every skill a guide or skill page shows (the links
 * the server marks with data-skill="<slug>"), and on a guide "You have 5 of 8 technical
 * skills". A skill is one slug everywhere, so a tick shows on every page that names it.
 * Kept by plan_store.js in this browser only; without JavaScript none of it appears.
 */
(function () {
  "use strict";

  var Plan = window.CareerPlan;
  if (!Plan) return;
  var marked = document.querySelectorAll("[data-skill]");
  var boxes = [];
  var groups = [];

  var make = Plan.make;

  Array.prototype.forEach.call(marked, function (node, index) {
    var slug = node.dataset.skill;
    var link = node.tagName === "A";
    var id = "have-" + index;
    var box = make("input", { type: "checkbox", id: id, class: "skill-have__box", "data-have": slug });
    box.skill = {
      name: link ? node.textContent.trim() : node.dataset.skillName,
      url: link ? node.getAttribute("href") : node.dataset.skillUrl,
    };
    boxes.push(box);
    if (link) {
      // The box before the link, named by a label only a screen reader reads out.
      var wrap = make("span", { class: "skill-have", "data-screen-only": "" });
      wrap.append(box, make("label", { for: id, class: "visually-hidden" }, "I have " + box.skill.name));
      node.before(wrap);
    } else {
      // A skill's own page: one visible control under its name.
      var field = make("p", { class: "skill-have skill-have--own", "data-screen-only": "" });
      field.append(box, " ", make("label", { for: id }, "I have this skill"), " ",
        make("span", { class: "plan-panel__note" }, "(kept in this browser only)"));
      node.append(field);
    }
  });

  // A guide's technical and soft skills: how many the reader has.
  Array.prototype.forEach.call(document.querySelectorAll("[data-skill-group]"), function (section) {
    var slugs = [];
    Array.prototype.forEach.call(section.querySelectorAll("a[data-skill]"), function (link) {
      if (slugs.indexOf(link.dataset.skill) < 0) slugs.push(link.dataset.skill);
    });
    var line = make("p", { class: "skill-count", role: "status", "data-screen-only": "" });
    section.querySelector("h2").after(line);
    section.querySelector("ul").before(
      make("p", { class: "plan-panel__note", "data-screen-only": "" },
        "Tick the skills you have: they are kept in this browser only, and show ticked on every page.")
    );
    groups.push({ line: line, slugs: slugs, kind: section.dataset.skillGroup });
  });

  function render() {
    boxes.forEach(function (box) {
      box.checked = Plan.hasSkill(box.dataset.have);
    });
    groups.forEach(function (group) {
      var have = group.slugs.filter(Plan.hasSkill).length;
      var text = "You have " + have + " of " + group.slugs.length + " " + group.kind + " skills";
      if (group.line.textContent !== text) group.line.textContent = text;
    });
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (boxes.indexOf(box) < 0) return;
    Plan.tickSkill(box.dataset.have, box.skill, box.checked);
    render();
  });
  // Another tab of this site changed the plan: show its ticks here too.
  window.addEventListener("storage", function (event) {
    if (event.key === Plan.KEY) {
      Plan.reload();
      render();
    }
  });
  render();
})();
