import Module, { createRequire } from 'node:module';
import type juice from 'juice';

// juice parses and prints with htmlparser2 (it gives cheerio the `xml` option), yet cheerio's main
// entry also loads parse5, undici and the encoding sniffers, for its fromURL: about 5 MB of heap and
// 7 MB of RSS in every render thread. Its slim entry is the same load() on htmlparser2 alone, so juice is given that
// one, put in the require cache under the main entry's path before juice asks for it. Should juice
// stop asking for it, nothing breaks: the entry is then unused. juice's client build leaves out
// web-resource-inliner, which fetches remote stylesheets: Herald never fetches them.
const fromJuice = createRequire(createRequire(import.meta.url).resolve('juice'));
const cheerioMain = fromJuice.resolve('cheerio');
if (!fromJuice.cache[cheerioMain]) {
  const slim = new Module(cheerioMain);
  slim.filename = cheerioMain;
  slim.exports = fromJuice('cheerio/slim');
  slim.loaded = true;
  fromJuice.cache[cheerioMain] = slim;
}

/** Inlines the CSS of a document's or fragment's <style> blocks into its elements' style attributes (juice). */
export const inlineCss = fromJuice('juice/client') as typeof juice;
