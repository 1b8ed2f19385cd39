// The office's form editor: Sveltia CMS with the project's check beside the fields.
//
// When a notice is opened and each time it is saved, the local server (disclosures/editor/server.py) runs
// the same validation as `disclosures check` on it and answers with each message and the form field it
// concerns, the messages about other files, and the label the page prints before each numbered item
// (一、 （一） 1. （1）). They are shown here: a message under its field, the labels in the list items'
// headers. Saving is never blocked: a notice that does not pass is saved, and the banner says that the
// site will not build until it is fixed.
import CMS from '@sveltia/cms';

const texts = await (await fetch('texts.json')).json();
let labels = {};

const fieldOf = (path) => document.querySelector(`section.field[data-key-path="${CSS.escape(path)}"]`);

// The nearest field of the form the path leads to (a message on a list item goes to its list).
function nearestField(path) {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const field = fieldOf(p);
    if (field) return field;
  }
  return null;
}

function banner() {
  let box = document.querySelector('.dsc-check-banner');
  if (!box) {
    box = document.createElement('div');
    box.className = 'dsc-check-banner';
    box.setAttribute('role', 'status');
    document.body.append(box);
  }
  return box;
}

function paragraph(text, className) {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

function showResult(result) {
  document.querySelectorAll('.dsc-check').forEach((node) => node.remove());
  const box = banner();
  const count = result.fields.length + result.elsewhere.length;
  box.dataset.state = count ? 'failed' : 'ok';
  box.replaceChildren(paragraph(count ? texts.EDITOR_CHECK_FAILED.replace('{count}', count) : texts.EDITOR_CHECK_OK));
  for (const { field, message } of result.fields) {
    const target = nearestField(field);
    const note = paragraph(message, 'dsc-check');
    note.dataset.field = field;
    if (target) target.append(note);
    else box.append(note);
  }
  if (result.elsewhere.length) {
    box.append(paragraph(texts.EDITOR_CHECK_ELSEWHERE));
    for (const message of result.elsewhere) box.append(paragraph(message));
  }
  labels = result.labels;
  showLabels();
}

// The page's label in each numbered list item's header (parts.1.sections.0 -> 二、 （一）).
function showLabels() {
  for (const list of document.querySelectorAll('section.field[data-field-type="list"]')) {
    const path = list.dataset.keyPath;
    const items = [...list.querySelectorAll('.item')].filter((item) => item.closest('section.field') === list);
    items.forEach((item, index) => {
      const header = item.querySelector(':scope > .header > .start');
      if (!header) return;
      const text = labels[`${path}.${index}`] ?? '';
      let label = header.querySelector('.dsc-label');
      if (!text) { label?.remove(); return; }
      if (!label) { label = document.createElement('span'); label.className = 'dsc-label'; header.append(label); }
      if (label.textContent !== text) label.textContent = text;
    });
  }
}

async function check(slug, data) {
  banner().replaceChildren(paragraph(texts.EDITOR_CHECKING));
  try {
    const response = await fetch('check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data === undefined ? { slug } : { slug, data }),
    });
    if (!response.ok) throw new Error(String(response.status));
    showResult(await response.json());
  } catch {
    banner().replaceChildren(paragraph(texts.EDITOR_CHECK_UNAVAILABLE));
  }
}

// The notice open in the form: #/collections/disclosures/entries/<slug>.
function openSlug() {
  const match = location.hash.match(/^#\/collections\/disclosures\/entries\/([a-z0-9-]+)$/);
  return match ? match[1] : null;
}

let shown = null;
function onRoute() {
  const slug = openSlug();
  if (slug === shown) return;
  shown = slug;
  document.querySelectorAll('.dsc-check, .dsc-check-banner').forEach((node) => node.remove());
  labels = {};
  if (slug) check(slug);
}
window.addEventListener('hashchange', onRoute);
new MutationObserver(() => { onRoute(); showLabels(); }).observe(document.body, { childList: true, subtree: true });

CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const data = entry.get('data').toJS();
    const slug = typeof data.id === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(data.id) ? data.id : entry.get('slug');
    // After the save: the messages go beside the fields of the form as it then stands.
    setTimeout(() => check(slug, data), 0);
  },
});

CMS.init();
