// Packs the built dist/ as an npm package, for public CDNs that mirror npm (jsDelivr,
// unpkg) and for partners' bundlers: target/npm/forum-widget-embed-<version>.tgz.
//   node scripts/pack.mjs        (run by scripts/build.sh after scripts/dist.mjs)
// The package holds exactly the files a visitor's browser may fetch (forum-widget.js, the
// two content-hashed files of the default build, the two of the full build it fetches
// instead for a src, and the schedule readers' two) and manifest.json (names, sizes, the
// loader's SRI hash). Its version is the crate's, from Cargo.toml.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const PACKAGE_NAME = '@forum-widget/embed';
export const OUT = `${ROOT}target/npm/`;

/** The crate's version: the `version` line of Cargo.toml's [package] table. */
export function crateVersion() {
  const toml = readFileSync(`${ROOT}Cargo.toml`, 'utf8');
  const table = toml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const version = table?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error('no version in the [package] table of Cargo.toml');
  return version;
}

/** The files of dist/ that the package ships: the loader, every file it names, the manifest. */
export function shippedFiles() {
  const manifest = JSON.parse(readFileSync(`${ROOT}dist/manifest.json`, 'utf8'));
  const later = [manifest.withSrc.core, manifest.withSrc.wasm, ...manifest.onDemand.map((r) => r.file)];
  return { manifest, files: [manifest.loader, manifest.core, manifest.wasm, ...later, 'manifest.json'] };
}

export function packageJson(version, { manifest, files }) {
  const exports = { '.': `./${manifest.loader}`, './package.json': './package.json' };
  for (const f of files) exports[`./${f}`] = `./${f}`;
  return {
    name: PACKAGE_NAME,
    version,
    description: 'Embeddable event widget (summary, speakers, programme): load forum-widget.js with a plain <script src> tag; it fetches the content-hashed files beside it.',
    license: 'MIT OR Apache-2.0',
    keywords: ['web-component', 'widget', 'event', 'webassembly', 'yew'],
    exports,
    files,
    sideEffects: true,
  };
}

function readme(version, { manifest }) {
  const url = `https://cdn.jsdelivr.net/npm/${PACKAGE_NAME}@${version}/${manifest.loader}`;
  return `# ${PACKAGE_NAME}

The forum-widget event widget, built: \`${manifest.loader}\` (a classic script, the only
file a page names), \`${manifest.core}\` and \`${manifest.wasm}\` (the default build,
fetched by the loader from beside itself), \`${manifest.withSrc.core}\` and
\`${manifest.withSrc.wasm}\` (the full build, with the timetable and the other
large-programme features, fetched instead when the widget has a \`src\`), the schedule
readers (\`schedule-readers.*\`, fetched only for schedules in other systems' formats), and
\`manifest.json\` (file names, sizes, the loader's SRI hash).

From a CDN that mirrors npm (give the full file path and an exact version):

\`\`\`html
<script src="${url}"
        integrity="${manifest.integrity}" crossorigin="anonymous"></script>
\`\`\`

With a bundler: copy the package's files, unchanged and side by side, into the site's static
files and load \`${manifest.loader}\` from there with a \`<script src>\` tag. It must not be
bundled or imported as a module (it finds its files from its own \`<script>\` element).

Options, events, theming and the JavaScript API: the project's README.
`;
}

function main() {
  const version = crateVersion();
  const shipped = shippedFiles();
  const stage = `${OUT}package/`;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const f of shipped.files) copyFileSync(`${ROOT}dist/${f}`, stage + f);
  writeFileSync(`${stage}package.json`, `${JSON.stringify(packageJson(version, shipped), null, 2)}\n`);
  writeFileSync(`${stage}README.md`, readme(version, shipped));
  // npm pack reads only the directory: no registry is contacted.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], {
    cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  }));
  console.log(`\nnpm package: target/npm/${packed.filename} (${packed.size} B, ${packed.entryCount} files)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`pack: ${error.message}`);
    process.exit(1);
  }
}
