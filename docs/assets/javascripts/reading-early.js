// Applies the reader's saved text size before the first paint (reading.js makes the switch).
// Loaded in <head> from a file rather than inline, so the Content-Security-Policy needs no hash for it.
try {
  if (localStorage.getItem("dsc-text-size") === "large") document.documentElement.classList.add("dsc-text-large");
} catch (e) {
  // Storage may be blocked (private mode): the page keeps its normal size.
}
