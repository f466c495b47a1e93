/*
 * A job listing in the reader's plan: save it, follow the application (saved, applied,
 * interviewing, offer, rejected) with a date for each and a note, and after the apply
 * link "Did you apply?". Kept by plan_store.js in this browser only; without
 * JavaScript none of it appears.
 */
(function () {
  "use strict";

  var Plan = window.CareerPlan;
  var root = document.querySelector("[data-plan-job]");
  if (!Plan || !root) return;

  var LABELS = { saved: "Saved", applied: "Applied", interviewing: "Interviewing", offer: "Offer", rejected: "Rejected" };
  var id = root.dataset.planJob;
  var CLICKED = "careers:plan:apply-clicked";

  var make = Plan.make;

  function job() {
    return Plan.get().jobs[id];
  }

  var heading = make("h2", { class: "job__summary-heading", id: "plan-job-heading" }, "In my plan");
  var intro = make("p", { class: "plan-panel__note" });
  intro.append("Kept in this browser only. ");
  intro.append(make("a", { href: root.dataset.planUrl }, "See your whole plan"));
  var saveButton = make("button", { type: "button", class: "button" }, "Save this job");
  var fields = make("div");
  var statusSelect = make("select", { id: "plan-job-status" });
  Plan.JOB_STATUSES.forEach(function (key) {
    statusSelect.append(make("option", { value: key }, LABELS[key]));
  });
  var dateInput = make("input", { id: "plan-job-date", type: "date" });
  var dateLabel = make("label", { for: "plan-job-date" });
  var note = make("textarea", { id: "plan-job-note", rows: "3", maxlength: "2000" });
  var removeButton = make("button", { type: "button", class: "button button--secondary" }, "Remove from my plan");
  function field(label, control) {
    var p = make("p");
    p.append(label, make("br"), control);
    return p;
  }
  fields.append(
    field(make("label", { for: "plan-job-status" }, "Status"), statusSelect),
    field(dateLabel, dateInput),
    field(make("label", { for: "plan-job-note" }, "Note"), note),
    make("p", {}, "")
  );
  fields.lastChild.append(removeButton);
  var ask = make("div", { class: "plan-job__ask", hidden: "" });
  var yes = make("button", { type: "button", class: "button" }, "Yes, I applied");
  var notYet = make("button", { type: "button", class: "button button--secondary" }, "Not yet");
  var askText = make("p", { tabindex: "-1" }, "Did you apply for this job?");
  var askButtons = make("p", { class: "plan-buttons" });
  askButtons.append(yes, notYet);
  ask.append(askText, askButtons);
  var status = make("p", { class: "visually-hidden", role: "status", "aria-live": "polite", "data-screen-only": "" });
  root.setAttribute("aria-labelledby", "plan-job-heading");
  root.setAttribute("role", "region");
  root.append(heading, ask, saveButton, fields, intro, status);
  root.hidden = false;

  function render() {
    var entry = job();
    saveButton.hidden = !!entry;
    fields.hidden = !entry;
    if (!entry) return;
    statusSelect.value = entry.status;
    dateLabel.textContent = LABELS[entry.status] + " on";
    dateInput.value = entry.dates[entry.status] || "";
    if (document.activeElement !== note) note.value = entry.note;
  }

  function setStatus(key) {
    var entry = job();
    if (!entry) {
      entry = Plan.get().jobs[id] = {
        title: root.dataset.title,
        company: root.dataset.company,
        url: root.dataset.url,
        status: key,
        dates: {},
        note: "",
      };
    }
    entry.status = key;
    if (!entry.dates[key]) entry.dates[key] = Plan.today();
    Plan.save();
    render();
  }

  saveButton.addEventListener("click", function () {
    setStatus("saved");
    statusSelect.focus();
    Plan.announce(status, "Job saved to your plan.");
  });
  statusSelect.addEventListener("change", function () {
    setStatus(statusSelect.value);
    Plan.announce(status, "Status set to " + LABELS[statusSelect.value].toLowerCase() + ".");
  });
  dateInput.addEventListener("change", function () {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) return;
    job().dates[job().status] = dateInput.value;
    Plan.save();
  });
  note.addEventListener("change", function () {
    job().note = note.value.slice(0, 2000);
    Plan.save();
    Plan.announce(status, "Note kept.");
  });
  removeButton.addEventListener("click", function () {
    delete Plan.get().jobs[id];
    Plan.save();
    render();
    saveButton.focus();
    Plan.announce(status, "Job removed from your plan.");
  });

  /* "Did you apply?" after the apply link ------------------------------------ */

  function remember(value) {
    try {
      if (value) window.sessionStorage.setItem(CLICKED, id);
      else window.sessionStorage.removeItem(CLICKED);
    } catch (error) {
      // Without session storage the question is asked on this visit only.
    }
  }

  function offer() {
    var entry = job();
    if (entry && entry.status !== "saved") return;
    ask.hidden = false;
  }

  // The page has an Apply link for phones and one for wide screens: either may be used.
  Array.prototype.forEach.call(document.querySelectorAll(".job__apply"), function (apply) {
    apply.addEventListener("click", function () {
      remember(true);
      offer();
    });
  });
  yes.addEventListener("click", function () {
    setStatus("applied");
    ask.hidden = true;
    remember(false);
    statusSelect.focus();
    Plan.announce(status, "Marked as applied today.");
  });
  notYet.addEventListener("click", function () {
    ask.hidden = true;
    remember(false);
    (job() ? statusSelect : saveButton).focus();
  });
  try {
    if (window.sessionStorage.getItem(CLICKED) === id) offer();
  } catch (error) {
    // As above.
  }

  render();
})();
