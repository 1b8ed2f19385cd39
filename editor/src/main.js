// The office's form editor: Sveltia CMS with the project's check beside the fields.
//
// When a notice is opened, while it is edited (half a second after a change) and when it is saved, the
// local server (disclosures/editor/server.py) runs the same validation as `disclosures check` on it and
// answers with each message and the form field it concerns, the messages about other files, and the label
// the page prints before each numbered item (一、 （一） 1. （1）). They are shown here: a message under its
// field, the labels in the list items' headers and in the preview's outline. Saving is never blocked: a
// notice that does not pass is saved, and the banner says that the site will not build until it is fixed.
import CMS from '@sveltia/cms';

const texts = await (await fetch('texts.json')).json();

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

let result = { fields: [], elsewhere: [], labels: {} };

function showResult(checked) {
  result = checked;
  const box = banner();
  const count = result.fields.length + result.elsewhere.length;
  box.dataset.state = count ? 'failed' : 'ok';
  box.replaceChildren(paragraph(count ? texts.EDITOR_CHECK_FAILED.replace('{count}', count) : texts.EDITOR_CHECK_OK));
  if (result.elsewhere.length) {
    box.append(paragraph(texts.EDITOR_CHECK_ELSEWHERE));
    for (const message of result.elsewhere) box.append(paragraph(message));
  }
  showMessages();
  showLabels();
}

// Each message under its field. The form draws a field only while it is in sight, so this runs again
// whenever the form changes: a field drawn anew gets its message back.
function showMessages() {
  const wanted = new Map(result.fields.map(({ field, message }) => [`${field}\n${message}`, { field, message }]));
  for (const note of document.querySelectorAll('.dsc-check')) {
    const key = `${note.dataset.field}\n${note.textContent}`;
    const placed = note.parentElement === (nearestField(note.dataset.field) ?? banner());
    if (wanted.has(key) && placed) wanted.delete(key);
    else note.remove();
  }
  for (const { field, message } of wanted.values()) {
    const note = paragraph(message, 'dsc-check');
    note.dataset.field = field;
    (nearestField(field) ?? banner()).append(note);
  }
}

// The page's label in each numbered list item's header (parts.1.sections.0 -> 二、 （一）).
function showLabels() {
  for (const list of document.querySelectorAll('section.field[data-field-type="list"]')) {
    const path = list.dataset.keyPath;
    const items = [...list.querySelectorAll('.item')].filter((item) => item.closest('section.field') === list);
    items.forEach((item, index) => {
      const header = item.querySelector(':scope > .header > .start');
      if (!header) return;
      const text = result.labels[`${path}.${index}`] ?? '';
      let label = header.querySelector('.dsc-label');
      if (!text) { label?.remove(); return; }
      if (!label) { label = document.createElement('span'); label.className = 'dsc-label'; header.append(label); }
      if (label.textContent !== text) label.textContent = text;
    });
  }
}

async function runCheck(slug, data) {
  const response = await fetch('check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(data === undefined ? { slug } : { slug, data }),
  });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

// The check's answer, shown; null when the local server did not answer (the banner says so).
async function check(slug, data) {
  try {
    const checked = await runCheck(slug, data);
    showResult(checked);
    return checked;
  } catch {
    banner().replaceChildren(paragraph(texts.EDITOR_CHECK_UNAVAILABLE));
    return null;
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// A notice not named yet is checked under a name of its own: the check then says the id is missing.
const slugOf = (data, fallback) => (typeof data.id === 'string' && SLUG.test(data.id) ? data.id : fallback || 'new');

// The preview pane: the notice's outline with the labels the page prints, from the check of what the form
// holds now (half a second after the last change); the same check puts its messages beside the fields.
const h = window.h;
const Outline = window.createClass({
  getInitialState() { return { labels: {} }; },
  componentDidMount() { this.schedule(); },
  componentDidUpdate(previous) { if (previous.entry !== this.props.entry) this.schedule(); },
  componentWillUnmount() { clearTimeout(this.timer); },
  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      formChecks += 1;
      const data = this.props.entry.get('data').toJS();
      const checked = await check(slugOf(data, this.props.entry.get('slug')), data);
      if (checked) this.setState({ labels: checked.labels });
    }, 500);
  },
  render() {
    const data = this.props.entry.get('data').toJS();
    const { labels } = this.state;
    const rows = [];
    const walk = (items, path, depth) => (items || []).forEach((item, index) => {
      const here = `${path}.${index}`;
      const words = item.heading || item.lead || item.text || '';
      rows.push(h('li', { key: here, 'data-key-path': here, style: { marginInlineStart: `${depth}em` } },
        h('b', null, labels[here] || ''), ' ', words));
      for (const key of ['sections', 'themes', 'problems', 'measures']) walk(item[key], `${here}.${key}`, depth + 1);
    });
    walk(data.parts, 'parts', 0);
    return h('article', { className: 'dsc-preview' }, h('h1', null, data.title || ''),
      h('h2', null, texts.EDITOR_PREVIEW), h('ol', null, ...rows));
  },
});
CMS.registerPreviewTemplate('disclosures', Outline);
CMS.registerPreviewStyle('editor.css');

// Opening a saved notice: its check, from the file as saved (the form's first change checks the form).
function openSlug() {
  const match = location.hash.match(/^#\/collections\/disclosures\/entries\/([a-z0-9-]+)$/);
  return match ? match[1] : null;
}

let shown = null;
let formChecks = 0; // checks of what the form holds (the preview's and the save's)
function onRoute() {
  const slug = openSlug();
  if (slug === shown) return;
  shown = slug;
  document.querySelectorAll('.dsc-check, .dsc-check-banner').forEach((node) => node.remove());
  result = { fields: [], elsewhere: [], labels: {} };
  // The file as saved, unless the form's own check comes first (the preview pane checks it on opening).
  const before = formChecks;
  if (slug) setTimeout(() => { if (formChecks === before && openSlug() === slug) check(slug); }, 1000);
}
window.addEventListener('hashchange', onRoute);
// The first page offers signing in to GitHub too: this editor works on the local folder only.
function hideSignIns() {
  if (location.hash && location.hash !== '#/') return;
  for (const button of document.querySelectorAll('button:not([hidden])')) {
    if (/GitHub|访问令牌|Access Token/.test(button.textContent)) button.hidden = true;
  }
}

// Redrawing only when something is missing: the observer sees its own changes too.
new MutationObserver(() => { hideSignIns(); onRoute(); showMessages(); showLabels(); })
  .observe(document.body, { childList: true, subtree: true });

// Saving: the check of what was saved. The editor closes after a save; when the check finds something,
// the notice is opened again, so that each message stands beside its field and the clerk's work in sight.
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const data = entry.get('data').toJS();
    const slug = slugOf(data, entry.get('slug'));
    formChecks += 1;
    setTimeout(async () => {
      const checked = await check(slug, data);
      if (!checked || checked.ok) return;
      for (let i = 0; i < 50 && openSlug() === slug; i += 1) await new Promise((r) => { setTimeout(r, 100); });
      if (location.hash === '#/collections/disclosures') location.hash = `#/collections/disclosures/entries/${slug}`;
    }, 0);
  },
});

CMS.init();
