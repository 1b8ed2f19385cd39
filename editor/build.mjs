// Bundle the form editor (disclosures edit) into dist/: Sveltia CMS as published on the npm registry, with
// every address of a CDN it could fetch from (locale strings, fonts, update checks, status pages) turned
// into a path on the local server, which answers 404 there. The editor then fetches nothing from outside,
// and the build fails if any such address is left.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const HOSTS = ['unpkg.com', 'cdn.jsdelivr.net', 'www.githubstatus.com'];
const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(here, 'dist');

const localOnly = {
  name: 'local-only',
  setup(build) {
    build.onLoad({ filter: /@sveltia[\\/]cms[\\/]npm[\\/].*\.js$/ }, async (args) => {
      let text = await fs.promises.readFile(args.path, 'utf8');
      for (const host of HOSTS) text = text.replaceAll(`https://${host}/`, `/cdn/${host}/`);
      return { contents: text, loader: 'js' };
    });
  },
};

fs.rmSync(dist, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [path.join(here, 'src', 'main.js')],
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  outdir: dist,
  plugins: [localOnly],
  logLevel: 'warning',
});
// Fonts and wasm the package loads with new URL(..., import.meta.url): beside the bundle.
fs.cpSync(path.join(here, 'node_modules', '@sveltia', 'cms', 'npm', 'assets'), path.join(dist, 'assets'),
  { recursive: true });
fs.copyFileSync(path.join(here, 'src', 'index.html'), path.join(dist, 'index.html'));
for (const name of ['editor.css', 'locale.js']) fs.copyFileSync(path.join(here, 'src', name), path.join(dist, name));

const left = fs.readdirSync(dist).filter((name) => name.endsWith('.js')).filter((name) => {
  const text = fs.readFileSync(path.join(dist, name), 'utf8');
  return HOSTS.some((host) => text.includes(`https://${host}`));
});
if (left.length) {
  console.error(`A CDN address is left in ${left.join(', ')}`);
  process.exit(1);
}
fs.writeFileSync(path.join(dist, '.built'), JSON.stringify({ sveltia: JSON.parse(fs.readFileSync(
  path.join(here, 'node_modules', '@sveltia', 'cms', 'package.json'), 'utf8')).version }));
