// The job list's filters, enhanced; without this script they work as a plain GET form.
// - On wide screens the filters sit beside the results, so their disclosure opens.
// - A submission leaves out empty fields: "?career=data-scientist", not
//   "?career=data-scientist&location=&company=" (the server redirects those too).

const filters = document.querySelector("[data-job-filters]");
const form = filters?.querySelector("form");
const wide = window.matchMedia("(min-width: 60rem)");

function openOnWideScreens() {
  if (filters && wide.matches) filters.open = true;
}

if (filters && form) {
  openOnWideScreens();
  wide.addEventListener("change", openOnWideScreens);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    }
    const query = params.toString();
    window.location.assign(form.action + (query ? `?${query}` : ""));
  });
}
