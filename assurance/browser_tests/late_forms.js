// Only when BROWSER_LATE_FORMS is set (see browsing.py): every form is sent a while after it
// is submitted, as a loaded machine may, so that a test which reads or fills the page it is
// leaving, instead of waiting for the next one, fails every time rather than now and then.
document.addEventListener(
  "submit",
  (event) => {
    const form = event.target;
    if (form.dataset.sentLate === "yes") return;
    event.preventDefault();
    const submitter = event.submitter;
    window.assuranceFormLate = true; // Browse.check() refuses to check a page in this state
    setTimeout(() => {
      form.dataset.sentLate = "yes";
      form.requestSubmit(submitter);
    }, LATE_MS);
  },
  true,
);
