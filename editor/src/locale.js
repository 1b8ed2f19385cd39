// Before Sveltia CMS starts (main.js imports it): its interface in Chinese whatever the browser's language,
// unless the clerk chose another in its account menu.
(() => {
  const key = 'sveltia-cms.prefs';
  const prefs = JSON.parse(localStorage.getItem(key) || '{}');
  if (!prefs.locale) localStorage.setItem(key, JSON.stringify({ ...prefs, locale: 'zh-CN' }));
})();
