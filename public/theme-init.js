// Runs before the first paint (an external file, so the strict CSP allows it)
// to apply the chosen theme without a flash of the wrong one.
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('smartcomm.theme');
  } catch {
    /* storage unavailable: follow the system */
  }
  var dark =
    choice === 'dark' ||
    (choice !== 'light' &&
      window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
