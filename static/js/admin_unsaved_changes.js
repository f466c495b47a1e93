// Ask before leaving an admin change form that has unsaved edits.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("#content-main form");
    if (!form) return;
    var dirty = false;
    var markDirty = function () { dirty = true; };
    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    // Drag-and-drop reordering changes hidden position inputs without events.
    form.addEventListener("drop", markDirty);
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = "";
    });
  });
})();
