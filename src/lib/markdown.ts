// Guards for rendering findings bodies: they may quote crawled text, so the Markdown is treated as untrusted.
import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';
import { externalHref } from './urls.ts';

/** Raw HTML in a body is shown as text, never passed through as markup. */
export const escapeRawHtml: MdastPluginDefinition = {
  name: 'escape-raw-html',
  html(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
};

/** Links keep only http(s) targets and never pass ranking or the opener to the sites inspected. */
export const guardLinks: HastPluginDefinition = {
  name: 'guard-links',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const target = node.properties?.['href'];
      if (typeof target === 'string' && externalHref(target) === null && !target.startsWith('#')) {
        ctx.setProperty(node, 'href', null);
      } else if (typeof target === 'string' && !target.startsWith('#')) {
        ctx.setProperty(node, 'rel', 'nofollow noopener noreferrer');
      }
    },
  },
};
