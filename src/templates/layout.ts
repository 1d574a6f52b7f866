import juice from 'juice';
import { engines } from './engine.js';

export interface LayoutBrand {
  productName: string;
  logoUrl: string | null;
  primaryColor: string;
  backgroundColor: string;
  footer: string;
}

const marker = '<!--herald:content-->';

// Colours are validated as #rgb/#rrggbb before they are stored, so they are safe inside the CSS.
const source = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>
body { margin: 0; padding: 0; background: {{ brand.backgroundColor }}; }
.outer { width: 100%; background: {{ brand.backgroundColor }}; padding: 24px 0; }
.card { max-width: 640px; margin: 0 auto; background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }
.header { background: {{ brand.primaryColor }}; color: #ffffff; padding: 16px 24px; font-family: Arial, Helvetica, sans-serif; font-size: 18px; font-weight: bold; }
.logo { height: 32px; vertical-align: middle; margin-right: 8px; border: 0; }
.content { padding: 24px; color: #24292f; font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5; }
.footer { padding: 16px 24px; color: #57606a; font-family: Arial, Helvetica, sans-serif; font-size: 12px; border-top: 1px solid #d0d7de; }
</style></head>
<body><div class="outer"><table class="card" role="presentation" cellpadding="0" cellspacing="0">
<tr><td class="header">{% if brand.logoUrl %}<img class="logo" src="{{ brand.logoUrl }}" alt="">{% endif %}{{ brand.productName }}</td></tr>
<tr><td class="content">${marker}</td></tr>
<tr><td class="footer">{{ brand.footer }}</td></tr>
</table></div></body></html>`;

const compiled = engines.htmlLenient.parse(source);
const cache = new Map<string, readonly [string, string]>();

/**
 * The branded frame around every HTML part, rendered and CSS-inlined (juice) once per distinct
 * branding, then reused: wrapping a message is two string concatenations.
 */
export function wrapInLayout(brand: LayoutBrand, content: string): string {
  const key = JSON.stringify(brand);
  let parts = cache.get(key);
  if (!parts) {
    const inlined = juice(engines.htmlLenient.renderSync(compiled, { brand }));
    const at = inlined.indexOf(marker);
    parts = [inlined.slice(0, at), inlined.slice(at + marker.length)] as const;
    if (cache.size > 1000) cache.clear();
    cache.set(key, parts);
  }
  return parts[0] + content + parts[1];
}
