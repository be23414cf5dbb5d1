// Loads the TypeScript CLI with no build step for the user: the sources are bundled once with esbuild (which tsx
// already brings) into .cache/hlsforge/cli-<content hash>/ (one chunk per command, npm packages included) and
// imported from there on every later start.
// Any change to src/ gives a new hash, so the cache can never be stale. If bundling is impossible (read-only
// install, no esbuild), the sources run through tsx as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'src/cli/main.ts');
const CACHE = join(ROOT, '.cache/hlsforge');

/** sha256 over every source file's path and bytes, the repository location and the Node major version. */
function sourceHash() {
  const hash = createHash('sha256').update(ROOT).update(process.versions.node.split('.')[0]);
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) hash.update(relative(ROOT, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(join(ROOT, 'src'));
  return hash.digest('hex').slice(0, 16);
}

/** `import.meta.url` of each source file becomes its own file URL, so paths to templates/ and hls/ stay right. */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const contents = readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, url).replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(args.path)));
      return { contents, loader: 'ts' };
    });
  },
};

async function bundle(out) {
  const esbuild = await import('esbuild');
  const tmp = `${out}.${process.pid}.tmp`;
  await esbuild
    .build({
    entryPoints: { main: ENTRY },
    outdir: tmp,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['onnxruntime-node', 'esbuild', 'tsx'],
    // bundled CommonJS packages (handlebars) still find `require` for Node's built-ins
    banner: { js: "import { createRequire as __hlsforgeRequire } from 'node:module'; const require = __hlsforgeRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'silent',
    plugins: [keepSourceUrls],
    })
    .catch((e) => {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    });
  try {
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(out, 'main.mjs'))) throw e; // else another process finished the same bundle first
  }
  for (const old of readdirSync(CACHE)) if (old.startsWith('cli-') && join(CACHE, old) !== out && !old.endsWith('.tmp')) rmSync(join(CACHE, old), { recursive: true, force: true });
}

/** The CLI's `main`, from the cached bundle when possible. */
export async function loadCli() {
  if (!process.env.HLSFORGE_NO_CACHE) {
    try {
      const out = join(CACHE, `cli-${sourceHash()}`);
      if (!existsSync(join(out, 'main.mjs'))) {
        mkdirSync(CACHE, { recursive: true });
        await bundle(out);
      }
      return await import(pathToFileURL(join(out, 'main.mjs')).href);
    } catch {
      /* fall back to compiling on the fly */
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(ENTRY).href);
}
