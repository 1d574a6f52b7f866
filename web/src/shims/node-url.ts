/** The browser's stand-in for node:url's domainToASCII (IDN to punycode); '' when invalid, like Node. */
export function domainToASCII(domain: string): string {
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return '';
  }
}
