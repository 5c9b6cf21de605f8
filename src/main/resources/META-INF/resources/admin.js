// Admin pages: follow a running ingest run, and let files be dropped on the upload form. Pages work without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const progress = document.getElementById("progress");
  if (progress && progress.dataset.status === "running") {
    const bar = document.getElementById("progress-bar");
    const text = document.getElementById("progress-text");
    const poll = async () => {
      const answer = await fetch(progress.dataset.progressUrl, {headers: {Accept: "application/json"}});
      if (!answer.ok) {
        text.textContent = "Cannot follow this run (" + answer.status + "); reload the page.";
        return;
      }
      const p = await answer.json();
      if (p.status !== "running") {
        window.location.reload();
        return;
      }
      bar.value = p.total_files ? Math.floor(100 * p.files_done / p.total_files) : 0;
      for (const [outcome, count] of Object.entries(p.counts)) {
        const cell = document.getElementById("count-" + outcome);
        if (cell) {
          // grouped as the server writes counts: 1,000
          cell.textContent = count.toLocaleString("en");
        }
      }
      // the server words the line: the rate and the time left only once they mean something
      text.textContent = p.line;
      setTimeout(poll, 1000);
    };
    setTimeout(poll, 1000);
  }

  const drop = document.getElementById("drop");
  if (drop) {
    const input = document.getElementById("file");
    drop.addEventListener("dragover", event => {
      event.preventDefault();
      drop.classList.add("over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", event => {
      event.preventDefault();
      drop.classList.remove("over");
      input.files = event.dataTransfer.files;
    });
  }
});
