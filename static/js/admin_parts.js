// A guide's parts on its admin screen (progressive enhancement; the form works without):
// - "Move up" / "Move down" buttons on the rows of sortable inlines (django-admin-sortable2),
//   so a row can change places by keyboard or click, however far apart on the screen the
//   rows are. They write the same hidden order fields that dragging fills.
// - The folded sections an editor opened stay open after "Save and continue editing":
//   the section being edited does not fold away under them.
(function () {
  "use strict";

  var OPEN_KEY = "admin-open-sections:" + window.location.pathname;

  // Django folds a section by putting a <details> inside its <fieldset>; dragging
  // (django-admin-sortable2) needs the rows to be the fieldset's own children. So the
  // <details> goes around the fieldset instead, before the sortable code starts (on load).
  function foldAroundSortables() {
    document.querySelectorAll("fieldset.sortable > details").forEach(function (details) {
      var fieldset = details.parentElement;
      var rows = Array.prototype.filter.call(details.children, function (child) {
        return child.tagName !== "SUMMARY";
      });
      fieldset.replaceWith(details);
      details.append(fieldset);
      rows.forEach(function (row) {
        fieldset.append(row);
      });
    });
  }

  function keepOpenSections() {
    var sections = document.querySelectorAll(".inline-group[id] details");
    var open = [];
    try {
      open = JSON.parse(window.sessionStorage.getItem(OPEN_KEY)) || [];
    } catch (error) {
      // Storage blocked: sections open as the server sent them.
    }
    sections.forEach(function (details) {
      var group = details.closest(".inline-group").id;
      if (open.indexOf(group) !== -1) {
        details.open = true;
      }
      details.addEventListener("toggle", function () {
        var now = Array.prototype.filter
          .call(sections, function (each) {
            return each.open;
          })
          .map(function (each) {
            return each.closest(".inline-group").id;
          });
        try {
          window.sessionStorage.setItem(OPEN_KEY, JSON.stringify(now));
        } catch (error) {
          // Nothing to remember with.
        }
      });
    });
  }

  var ROWS = ".inline-related.has_original, tr.has_original";

  function rowsOf(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll(ROWS));
  }

  function renumber(fieldset) {
    rowsOf(fieldset).forEach(function (row, index) {
      var order = row.querySelector("input._reorder_");
      if (order && order.value !== String(index + 1)) {
        order.value = String(index + 1);
        // So the unsaved-changes warning (admin_unsaved_changes.js) knows of the move.
        order.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  function button(label, direction) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "move-row";
    element.dataset.direction = direction;
    element.textContent = label;
    return element;
  }

  function move(row, direction) {
    var fieldset = row.closest("fieldset.sortable");
    var rows = rowsOf(fieldset);
    var index = rows.indexOf(row);
    var other = rows[index + (direction === "up" ? -1 : 1)];
    if (!other) {
      return;
    }
    other.insertAdjacentElement(direction === "up" ? "beforebegin" : "afterend", row);
    renumber(fieldset);
  }

  function addButtons() {
    document.querySelectorAll("fieldset.sortable").forEach(function (fieldset) {
      rowsOf(fieldset).forEach(function (row) {
        var place = row.querySelector(".sort");
        if (!place) {
          return;
        }
        var name = (row.querySelector(".inline_label, td.original p") || row).textContent.trim();
        var up = button("Move up", "up");
        var down = button("Move down", "down");
        up.setAttribute("aria-label", "Move up: " + name);
        down.setAttribute("aria-label", "Move down: " + name);
        place.prepend(up, down);
      });
      fieldset.addEventListener("click", function (event) {
        var target = event.target.closest("button.move-row");
        if (target) {
          event.preventDefault();
          move(target.closest(ROWS), target.dataset.direction);
          target.focus();
        }
      });
    });
  }

  // The admin loads this in <head>, before the rows exist.
  document.addEventListener("DOMContentLoaded", function () {
    foldAroundSortables();
    keepOpenSections();
    addButtons();
  });
})();
