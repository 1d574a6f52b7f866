import { engines } from './engine.js';

export interface LayoutBrand {
  productName: string;
  logoUrl: string | null;
  primaryColor: string;
  backgroundColor: string;
  footer: string;
}

const marker = '<!--herald:content-->';

// Colours are validated as #rgb/#rrggbb before they are stored, so they are safe inside the styles.
// The styles are written inline, as mail clients need them: no CSS inliner (juice, with cheerio: several
// MB of heap) is loaded by the thread that renders the built-in emails.
const font = 'font-family: Arial, Helvetica, sans-serif;';
const source = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
</head>
<body style="margin: 0; padding: 0; background: {{ brand.backgroundColor }};"><div class="outer" style="width: 100%; background: {{ brand.backgroundColor }}; padding: 24px 0;"><table class="card" role="presentation" cellpadding="0" cellspacing="0" style="max-width: 640px; margin: 0 auto; background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px;">
<tr><td class="header" style="background: {{ brand.primaryColor }}; color: #ffffff; padding: 16px 24px; ${font} font-size: 18px; font-weight: bold;">{% if brand.logoUrl %}<img class="logo" src="{{ brand.logoUrl }}" alt="" style="height: 32px; vertical-align: middle; margin-right: 8px; border: 0;" height="32">{% endif %}{{ brand.productName }}</td></tr>
<tr><td class="content" style="padding: 24px; color: #24292f; ${font} font-size: 14px; line-height: 1.5;">${marker}</td></tr>
<tr><td class="footer" style="padding: 16px 24px; color: #57606a; ${font} font-size: 12px; border-top: 1px solid #d0d7de;">{{ brand.footer }}</td></tr>
</table></div></body></html>`;

const compiled = engines.htmlLenient.parse(source);
const cache = new Map<string, readonly [string, string]>();

/**
 * The branded frame around every HTML part, rendered once per distinct branding, then reused:
 * wrapping a message is two string concatenations.
 */
export function wrapInLayout(brand: LayoutBrand, content: string): string {
  const key = JSON.stringify(brand);
  let parts = cache.get(key);
  if (!parts) {
    const framed = engines.htmlLenient.renderSync(compiled, { brand }) as string;
    const at = framed.indexOf(marker);
    parts = [framed.slice(0, at), framed.slice(at + marker.length)] as const;
    if (cache.size > 1000) cache.clear();
    cache.set(key, parts);
  }
  return parts[0] + content + parts[1];
}
