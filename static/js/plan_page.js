/*
 * /plan/: the reader's whole plan, drawn from this browser's storage (plan_store.js).
 * The server sends the same page to everyone; without JavaScript it says what the
 * page is for. Export and import a versioned JSON file, export applications as CSV,
 * clear everything.
 */
(function () {
  "use strict";

  var Plan = window.CareerPlan;
  var SECONDARY = "button button--secondary"; // the quieter choice beside a main button
  var root = document.querySelector("[data-plan-root]");
  if (!Plan || !root) return;

  var JOB_LABELS = {
    saved: "Saved",
    applied: "Applied",
    interviewing: "Interviewing",
    offer: "Offer",
    rejected: "Rejected",
  };

  var make = Plan.make;

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  var status = make("p", { class: "visually-hidden", role: "status", "aria-live": "polite", "data-screen-only": "" });
  var content = make("div");
  root.append(content, buildTools(), status);
  document.querySelector("[data-no-script]").hidden = true;
  root.hidden = false;

  /* The plan itself ---------------------------------------------------------- */

  function guideItem(slug, guide) {
    var state = Plan.progress(guide);
    var hours = Plan.readerHours(guide);
    var min = Plan.atPace(state.left.min, guide.hours, hours);
    var max = Plan.atPace(state.left.max, guide.hours, hours);
    var item = make("li", { "data-plan-guide": slug });
    var heading = make("h3");
    heading.append(guide.url ? make("a", { href: guide.url }, guide.title) : guide.title);
    item.append(heading);
    item.append(make("p", {}, state.done + " of " + state.total + " steps done"));
    var meter = make("progress", { max: String(state.total), "aria-label": "Steps done in " + guide.title });
    meter.value = state.done;
    item.append(meter);
    if (state.next) {
      item.append(
        make("p", {}, "Time left: about " + Plan.weeksText(min, max) + " at " + hours +
          " hours a week" + (state.left.max ? "; you would finish between " + Plan.finishText(min, max) : "") + ".")
      );
      var next = make("p");
      next.append(make("a", { href: guide.url + "#step-" + state.next.number },
        "Next step: " + state.next.number + ". " + state.next.step.title));
      item.append(next);
    } else {
      item.append(make("p", {}, "Finished: every step is done or skipped."));
    }
    return item;
  }

  function jobItem(id, job) {
    var item = make("li", { "data-plan-job": id });
    var link = job.url ? make("a", { href: job.url }, job.title) : job.title;
    item.append(link, job.company ? " at " + job.company : "");
    var dates = Plan.JOB_STATUSES.filter(function (key) {
      return job.dates[key];
    }).map(function (key) {
      return JOB_LABELS[key] + " " + job.dates[key];
    });
    if (dates.length) item.append(make("br"), dates.join(" · "));
    if (job.note) item.append(make("br"), "Note: " + job.note);
    return item;
  }

  function skillSection() {
    var skills = Plan.skillList();
    var section = make("section", { "aria-labelledby": "plan-skills", class: "plan-skills" });
    section.append(make("h2", { id: "plan-skills", tabindex: "-1" }, "Skills you have"));
    if (!skills.length) {
      section.append(make("p", {}, "None yet. Tick the skills you have on a guide or a skill page, " +
        "or find them in your résumé on the jobs list; each job then shows how many of its skills you have."));
      return section;
    }
    section.append(make("p", {}, plural(skills.length, "skill") + " ticked."));
    var list = make("ul", { class: "plan-skills__list" });
    skills.forEach(function (skill) {
      var item = make("li", { "data-plan-skill": skill.slug });
      item.append(skill.url ? make("a", { href: skill.url }, skill.name) : skill.name, " ");
      var remove = make("button", { type: "button", class: SECONDARY + " button--small plan-skills__remove", "data-screen-only": "" }, "Untick");
      remove.append(make("span", { class: "visually-hidden" }, " " + skill.name));
      remove.addEventListener("click", function () {
        Plan.tickSkill(skill.slug, skill, false);
        render();
        document.getElementById("plan-skills").focus();
        Plan.announce(status, skill.name + " is no longer among your skills.");
      });
      item.append(remove);
      list.append(item);
    });
    section.append(list);
    return section;
  }

  function render() {
    var plan = Plan.get();
    content.replaceChildren();
    var slugs = Object.keys(plan.guides);
    var section = make("section", { "aria-labelledby": "plan-guides" });
    section.append(make("h2", { id: "plan-guides" }, "Guides you have started"));
    if (slugs.length) {
      var list = make("ul", { class: "plan-list" });
      slugs.forEach(function (slug) {
        list.append(guideItem(slug, plan.guides[slug]));
      });
      section.append(list);
    } else {
      section.append(make("p", {}, "None yet. Mark a step of any guide’s roadmap as in progress or done, and the guide appears here."));
    }
    section.append(make("p", {}, plan.pace.hours
      ? "Your pace: " + plan.pace.hours + " hours a week (change it on any guide page)."
      : "Times are at each guide’s own pace until you give the hours a week you can spend on a guide page."));
    content.append(section, skillSection());

    var jobs = make("section", { "aria-labelledby": "plan-jobs" });
    jobs.append(make("h2", { id: "plan-jobs" }, "Saved jobs and applications"));
    var ids = Object.keys(plan.jobs);
    if (!ids.length) {
      jobs.append(make("p", {}, "None yet. Save a job listing from its page and follow your application here."));
    }
    Plan.JOB_STATUSES.forEach(function (key) {
      var mine = ids.filter(function (id) {
        return plan.jobs[id].status === key;
      });
      if (!mine.length) return;
      jobs.append(make("h3", {}, JOB_LABELS[key] + " (" + mine.length + ")"));
      var list = make("ul", { class: "plan-list" });
      mine.forEach(function (id) {
        list.append(jobItem(id, plan.jobs[id]));
      });
      jobs.append(list);
    });
    content.append(jobs);
  }

  /* Export, import, CSV, clear ------------------------------------------------ */

  function download(name, type, text) {
    var link = make("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function csvCell(value) {
    var text = String(value === undefined ? "" : value);
    // A cell a spreadsheet would run as a formula is kept as text.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function applicationsCsv(plan) {
    var header = ["Job", "Company", "Status"].concat(
      Plan.JOB_STATUSES.map(function (key) {
        return JOB_LABELS[key] + " on";
      }),
      ["Note", "Address"]
    );
    var rows = Object.keys(plan.jobs).map(function (id) {
      var job = plan.jobs[id];
      return [job.title, job.company, JOB_LABELS[job.status]].concat(
        Plan.JOB_STATUSES.map(function (key) {
          return job.dates[key] || "";
        }),
        [job.note, new URL(job.url, window.location.href).href]
      );
    });
    return [header].concat(rows).map(function (row) {
      return row.map(csvCell).join(",");
    }).join("\r\n") + "\r\n";
  }

  // What importing `incoming` would do: lines of text, and the plan after merging.
  function compare(incoming, mode) {
    var plan = Plan.get();
    var lines = [];
    var merged = mode === "replace" ? incoming : JSON.parse(JSON.stringify(plan));
    function count(section, label) {
      var added = 0;
      var changed = 0;
      var removed = 0;
      Object.keys(incoming[section]).forEach(function (key) {
        if (!plan[section][key]) added += 1;
        else if (JSON.stringify(plan[section][key]) !== JSON.stringify(incoming[section][key])) changed += 1;
        if (mode === "merge") merged[section][key] = incoming[section][key];
      });
      if (mode === "replace") {
        removed = Object.keys(plan[section]).filter(function (key) {
          return !incoming[section][key];
        }).length;
      }
      if (added) lines.push("adds " + plural(added, label));
      if (changed) lines.push("updates " + plural(changed, label));
      if (removed) lines.push("removes " + plural(removed, label));
    }
    count("guides", "guide");
    count("jobs", "job");
    count("skills", "skill");
    if (incoming.pace.hours && incoming.pace.hours !== plan.pace.hours) {
      lines.push("sets your pace to " + incoming.pace.hours + " hours a week");
      if (mode === "merge") merged.pace.hours = incoming.pace.hours;
    }
    return { lines: lines, plan: merged };
  }

  function buildTools() {
    var tools = make("section", { class: "plan-tools", "aria-labelledby": "plan-tools", "data-screen-only": "" });
    tools.append(make("h2", { id: "plan-tools" }, "Keep, move or clear your plan"));
    tools.append(make("p", {}, "Export your plan as a file to keep it, or to open it on another device with Import."));
    var buttons = make("p", { class: "plan-buttons" });
    var exportButton = make("button", { type: "button", class: "button" }, "Export my plan");
    var csvButton = make("button", { type: "button", class: SECONDARY }, "Export applications as CSV");
    var printButton = make("button", { type: "button", class: SECONDARY }, "Print my plan");
    buttons.append(exportButton, csvButton, printButton);

    var importLabel = make("label", { for: "plan-import" }, "Import a plan file ");
    var importInput = make("input", { id: "plan-import", type: "file", accept: ".json,application/json" });
    var importField = make("p");
    importField.append(importLabel, importInput);
    var review = make("div", { "data-role": "import-review", hidden: "" });
    var reviewText = make("p", { tabindex: "-1" });
    var mergeButton = make("button", { type: "button", class: "button" }, "Merge into my plan");
    var replaceButton = make("button", { type: "button", class: SECONDARY }, "Replace my plan with the file");
    var cancelButton = make("button", { type: "button", class: SECONDARY }, "Cancel");
    var reviewButtons = make("p", { class: "plan-buttons" });
    reviewButtons.append(mergeButton, replaceButton, cancelButton);
    review.append(reviewText, reviewButtons);

    var clearButton = make("button", { type: "button", class: SECONDARY }, "Clear my plan");
    var confirmClear = make("p", { class: "plan-buttons", hidden: "" });
    var yesClear = make("button", { type: "button", class: "button" }, "Yes, clear everything");
    var noClear = make("button", { type: "button", class: SECONDARY }, "Keep my plan");
    confirmClear.append("This removes every mark, your pace, your skills and your saved jobs from this browser. ", yesClear, noClear);
    var clearField = make("p");
    clearField.append(clearButton);
    tools.append(buttons, importField, review, clearField, confirmClear);

    var incoming = null;

    exportButton.addEventListener("click", function () {
      download("career-plan-" + Plan.today() + ".json", "application/json",
        JSON.stringify(Plan.get(), null, 2) + "\n");
      Plan.announce(status, "Your plan was saved as a file.");
    });
    csvButton.addEventListener("click", function () {
      download("applications-" + Plan.today() + ".csv", "text/csv", applicationsCsv(Plan.get()));
      Plan.announce(status, "Your applications were saved as a CSV file.");
    });
    printButton.addEventListener("click", function () {
      window.print();
    });

    importInput.addEventListener("change", function () {
      var file = importInput.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var result;
        try {
          result = Plan.upgrade(JSON.parse(text));
        } catch (error) {
          result = { problem: "corrupt" };
        }
        review.hidden = false;
        if (!result.doc) {
          incoming = null;
          reviewText.textContent = result.problem === "newer"
            ? "That file was written by a newer version of this site; nothing was changed."
            : "That file is not a plan from this site (or it is damaged); nothing was changed.";
          reviewButtons.hidden = true;
        } else {
          incoming = result.doc;
          var merge = compare(incoming, "merge").lines;
          var replace = compare(incoming, "replace").lines;
          reviewText.textContent = "The file holds " + plural(Object.keys(incoming.guides).length, "guide") +
            ", " + plural(Object.keys(incoming.jobs).length, "job") +
            " and " + plural(Object.keys(incoming.skills).length, "skill") + ". Merging it " +
            (merge.length ? merge.join(", ") : "changes nothing") + "; replacing your plan with it " +
            (replace.length ? replace.join(", ") : "changes nothing") + ". Nothing changes until you choose.";
          reviewButtons.hidden = false;
        }
        reviewText.focus();
      });
    });

    function apply(mode) {
      var result = compare(incoming, mode);
      Plan.replace(result.plan);
      incoming = null;
      importInput.value = "";
      review.hidden = true;
      render();
      Plan.announce(status, mode === "merge" ? "The file was merged into your plan." : "Your plan was replaced by the file.");
    }
    mergeButton.addEventListener("click", function () {
      apply("merge");
    });
    replaceButton.addEventListener("click", function () {
      apply("replace");
    });
    cancelButton.addEventListener("click", function () {
      incoming = null;
      importInput.value = "";
      review.hidden = true;
      Plan.announce(status, "Import cancelled; nothing was changed.");
    });

    clearButton.addEventListener("click", function () {
      confirmClear.hidden = false;
      noClear.focus();
    });
    noClear.addEventListener("click", function () {
      confirmClear.hidden = true;
      clearButton.focus();
    });
    yesClear.addEventListener("click", function () {
      Plan.replace(Plan.empty());
      confirmClear.hidden = true;
      render();
      clearButton.focus();
      Plan.announce(status, "Your plan was cleared.");
    });
    return tools;
  }

  render();
})();
