import type { SettingOrigin, SettingsView } from '../api/rules-types';

const sourceWords: Record<SettingOrigin['source'], string> = {
  scope: 'set here',
  system: 'from the system',
  default: 'the built-in default',
};
const inheritedWords: Record<SettingOrigin['inheritedFrom'], string> = { system: 'the system’s value', default: 'the built-in default' };

/** The effective value of a setting by dotted name (`thresholds.cpu`). */
export function effectiveValue(view: SettingsView, name: string): unknown {
  return name.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], view.effective);
}

/** What an empty field gives, for its placeholder. */
export const inheritedValue = (view: SettingsView, name: string): unknown => view.origins[name]?.inherited;

/**
 * "Now 85% (set here). Empty uses the built-in default: 90%." Both parts come from the API: the
 * effective value with its source, and what the scope inherits without its own.
 */
export function SettingNow({ view, name, show }: { view: SettingsView; name: string; show: (value: unknown) => string }) {
  const origin = view.origins[name];
  const now = (
    <>
      Now <strong>{show(effectiveValue(view, name))}</strong>
    </>
  );
  if (!origin) return <>{now}.</>;
  return (
    <>
      {now} ({sourceWords[origin.source]}). Empty uses {inheritedWords[origin.inheritedFrom]}: {show(origin.inherited)}.
    </>
  );
}
