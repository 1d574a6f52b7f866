/**
 * An email as the recipient sees it: the HTML in a sandboxed frame (no scripts, no same-origin
 * access), and the plain-text part.
 */
export function RenderedEmail({ subject, html, text }: { subject: string; html: string | null; text: string }) {
  return (
    <div className="email">
      {html && <iframe title={`HTML version of “${subject}”`} sandbox="" srcDoc={html} className="email-frame" />}
      <details open={!html}>
        <summary>Plain-text version</summary>
        <pre className="email-text">{text}</pre>
      </details>
    </div>
  );
}
