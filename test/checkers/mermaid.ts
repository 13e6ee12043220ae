// Mermaid's own parser (the npm package GitHub's renderer is built on), run in Node: it needs a DOM for
// DOMPurify, so jsdom provides window and document before mermaid is imported.
import { JSDOM } from 'jsdom';

let parser: Promise<{ parse: (text: string) => Promise<unknown> }> | undefined;

async function loadMermaid() {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const globals = globalThis as Record<string, unknown>;
  globals.window ??= window;
  globals.document ??= window.document;
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false });
  return mermaid as unknown as { parse: (text: string) => Promise<unknown> };
}

/** The diagram type Mermaid recognised (`flowchart-v2`); throws Mermaid's own "Parse error" for bad text. */
export async function parseMermaid(text: string): Promise<string> {
  parser ??= loadMermaid();
  const result = (await (await parser).parse(text)) as { diagramType?: string } | false;
  return result ? (result.diagramType ?? '') : '';
}
