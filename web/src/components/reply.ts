/** An SMTP reply as one line: the text as received, prefixed with its code unless it already starts with it. */
export function replyText(code: number | null | undefined, reply: string | null | undefined): string {
  if (!reply) return code === null || code === undefined ? '' : String(code);
  if (code === null || code === undefined || reply.startsWith(String(code))) return reply;
  return `${code} ${reply}`;
}
