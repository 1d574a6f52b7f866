/**
 * What a form holds that is not stored yet, beside its Save button: every setting of the console is
 * stored by its Save and nothing on its own, so this says what Save would store; Discard goes back
 * to what is stored.
 */
export function UnsavedChanges({ changes, onDiscard }: { changes: readonly string[]; onDiscard?: () => void }) {
  if (changes.length === 0) return null;
  return (
    <span className="unsaved" role="status">
      <span className="muted">Unsaved changes: {changes.join(', ')}</span>
      {onDiscard && (
        <button type="button" className="link-button" onClick={onDiscard}>
          Discard
        </button>
      )}
    </span>
  );
}
