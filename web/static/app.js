// Copy buttons, drag and drop, and the toggles that check again at once.
// No inline scripts: the Content-Security-Policy forbids them.
document.addEventListener("DOMContentLoaded", () => {
  // The clipboard API exists only in a secure context (https, or 127.0.0.1): a page served to colleagues
  // over plain http copies the old way, or leaves the text selected for Ctrl+C, and says which.
  const selectText = (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  const copyText = async (element) => {
    if (navigator.clipboard) {
      try {
        await navigator.clipboard.writeText(element.textContent);
        return true;
      } catch (error) {
        // refused (no permission, page not focused): fall back below
      }
    }
    selectText(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  };
  // the keys that copy a selection: Command-C on a Mac, Ctrl+C elsewhere
  const copyKeys = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? "⌘C" : "Ctrl+C";
  for (const button of document.querySelectorAll("button.copy")) {
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      if (!source) return;
      const copied = await copyText(source);
      button.textContent = copied ? "Copied" : `Selected: press ${copyKeys}`;
      button.classList.toggle("copied", copied);
      const status = document.getElementById(button.dataset.status);
      if (status) {  // said by a screen reader: the button's own change of text is not
        status.textContent = copied ? `${button.dataset.label} attribution copied.`
          : `${button.dataset.label} attribution selected: press ${copyKeys} to copy it.`;
      }
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
