import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** templates/hls/ at the package root; partials live in its partials/ folder and are registered by file name. */
const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/hls/', import.meta.url));

export type Render = (context: object) => string;

let cache: Map<string, Render> | undefined;

/**
 * Compiles a template of templates/hls/ (path relative to it). C++ is not HTML: no escaping. `strict` makes a
 * field missing from a view model an error instead of an empty string.
 */
export function template(relativePath: string): Render {
  cache ??= new Map();
  let render = cache.get(relativePath);
  if (!render) {
    const compiled = engine().compile(readFileSync(TEMPLATE_DIR + relativePath, 'utf8'), { noEscape: true, strict: true });
    render = (context) => compiled(context);
    cache.set(relativePath, render);
  }
  return render;
}

let instance: typeof Handlebars | undefined;

function engine(): typeof Handlebars {
  if (instance) return instance;
  const hb = Handlebars.create();
  for (const file of readdirSync(TEMPLATE_DIR + 'partials')) {
    if (file.endsWith('.hbs')) hb.registerPartial(file.slice(0, -'.hbs'.length), readFileSync(`${TEMPLATE_DIR}partials/${file}`, 'utf8'));
  }
  instance = hb;
  return hb;
}
