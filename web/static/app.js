// Copy buttons, drag and drop, and the toggles that check again at once.
// No inline scripts: the Content-Security-Policy forbids them.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.copy")) {
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      if (!source) return;
      await navigator.clipboard.writeText(source.textContent);
      button.textContent = "Copied";
      button.classList.add("copied");
    });
  }
  // Times come from the server in its zone; show them in the reader's own, to the minute.
  const minutes = new Intl.DateTimeFormat(undefined, {dateStyle: "medium", timeStyle: "short"});
  for (const time of document.querySelectorAll("time[datetime]")) {
    const moment = new Date(time.getAttribute("datetime"));
    if (!Number.isNaN(moment.getTime())) {
      time.title = time.textContent;
      time.textContent = minutes.format(moment);
    }
  }
  for (const input of document.querySelectorAll(".autosubmit")) {
    input.addEventListener("change", () => input.form.submit());
  }
  const drop = document.getElementById("drop");
  const files = document.getElementById("files");
  if (drop && files) {
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("over");
      files.files = event.dataTransfer.files;
    });
  }
});
