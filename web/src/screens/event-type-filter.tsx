import { can, homeScope } from '../api/credentials';
import type { EventTypeItem } from '../api/rules-types';
import { useUser } from '../api/session';
import { useApi } from '../api/use-api';
import { scopeApiPath } from './scope-links';

/** The event types of the user's own scope (the system's hold every built-in one); none without settings:read. */
export function useEventTypes(): EventTypeItem[] | undefined {
  const user = useUser();
  return useApi<{ items: EventTypeItem[] }>(can(user, 'settings:read') ? `${scopeApiPath(homeScope(user))}/event-types` : null).data?.items;
}

/** A list's event-type filter (field `type`), by title; a type given in the address that is not listed stays choosable. */
export function EventTypeFilterField({
  id,
  types,
  defaultValue,
}: {
  id: string;
  types: EventTypeItem[] | undefined;
  defaultValue: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Event type</label>
      <select id={id} name="type" defaultValue={defaultValue} key={types ? 'types' : 'loading'}>
        <option value="">Any type</option>
        {types?.map((type) => (
          <option key={type.id} value={type.id}>
            {type.title}
          </option>
        ))}
        {defaultValue && !types?.some((type) => type.id === defaultValue) && <option value={defaultValue}>{defaultValue}</option>}
      </select>
    </div>
  );
}
