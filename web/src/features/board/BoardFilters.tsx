import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  CHANNELS,
  DEPARTMENTS,
  hasActiveFilters,
  SEVERITIES,
  SLA_STATES,
  SWIMLANES,
  type BoardFilters as Filters,
  type Swimlane,
  type UserSummary,
} from '@app/shared';

/** Typing waits this long before the board asks the server, so a search is one request, not one per key. */
export const SEARCH_DELAY_MS = 300;

type ListKey = 'category' | 'severity' | 'channel' | 'department' | 'owner' | 'sla';

interface Option {
  value: string;
  label: string;
}

interface BoardFiltersProps {
  filters: Filters;
  users: readonly UserSummary[];
  /** `replace`: the change refines the last one (typing), so it does not add a history entry. */
  onChange(filters: Filters, options?: { replace?: boolean }): void;
}

function without<T extends object, K extends keyof T>(object: T, key: K): Omit<T, K> {
  const { [key]: _removed, ...rest } = object;
  return rest;
}

function MultiSelect({ label, values, options, onChange }: { label: string; values: readonly string[]; options: readonly Option[]; onChange(values: string[]): void }) {
  const { t } = useTranslation();
  const groupId = useId();
  return (
    <details className="board-filter">
      <summary className="board-filter__summary">{values.length > 0 ? t('board.filters.selected', { label, count: values.length }) : label}</summary>
      <fieldset className="board-filter__options">
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => {
          const id = `${groupId}-${option.value}`;
          return (
            <div key={option.value} className="board-filter__option">
              <input
                id={id}
                type="checkbox"
                checked={values.includes(option.value)}
                onChange={(event) =>
                  onChange(event.target.checked ? [...values, option.value] : values.filter((value) => value !== option.value))
                }
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </fieldset>
    </details>
  );
}

/** The board's filters, search and swimlanes; every change goes to the URL, which the board follows. */
export function BoardFilters({ filters, users, onChange }: BoardFiltersProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.q ?? '');
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(filters);
  latest.current = filters;
  const ids = useId();

  // A saved view, the back button or a pasted link changes the search from outside the box.
  useEffect(() => {
    setSearch(filters.q ?? '');
  }, [filters.q]);
  useEffect(() => () => clearTimeout(searchTimer.current), []);

  const set = <K extends keyof Filters>(key: K, value: Filters[K] | undefined, options?: { replace?: boolean }) => {
    const empty = value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0);
    onChange(empty ? (without(latest.current, key) as Filters) : { ...latest.current, [key]: value }, options);
  };

  const list = (key: ListKey, label: string, options: readonly Option[]) => (
    <MultiSelect label={label} values={filters[key] ?? []} options={options} onChange={(values) => set(key, values as Filters[ListKey])} />
  );
  const enumOptions = (values: readonly string[], namespace: string) => values.map((value) => ({ value, label: t(`${namespace}.${value}`) }));

  return (
    <div className="board-filters" role="search" aria-label={t('board.filters.heading')}>
      <div className="board-filters__search">
        <label htmlFor={`${ids}-q`}>{t('board.filters.search')}</label>
        <input
          id={`${ids}-q`}
          type="search"
          value={search}
          maxLength={100}
          placeholder={t('board.filters.searchPlaceholder')}
          onChange={(event) => {
            const text = event.target.value;
            setSearch(text);
            clearTimeout(searchTimer.current);
            searchTimer.current = setTimeout(() => set('q', text.trim() || undefined, { replace: true }), SEARCH_DELAY_MS);
          }}
        />
      </div>
      {list('category', t('board.filters.category'), enumOptions(CATEGORIES, 'category'))}
      {list('severity', t('board.filters.severity'), enumOptions(SEVERITIES, 'severity'))}
      {list('channel', t('board.filters.channel'), enumOptions(CHANNELS, 'channel'))}
      {list('department', t('board.filters.department'), enumOptions(DEPARTMENTS, 'department'))}
      {list(
        'owner',
        t('board.filters.owner'),
        users.filter((user) => user.role !== 'admin').map((user) => ({ value: user.id, label: user.displayName })),
      )}
      {list('sla', t('board.filters.sla'), enumOptions(SLA_STATES, 'slaState'))}
      <div className="board-filters__dates">
        <label htmlFor={`${ids}-from`}>{t('board.filters.from')}</label>
        <input id={`${ids}-from`} type="date" value={filters.from ?? ''} max={filters.to} onChange={(event) => set('from', event.target.value || undefined)} />
        <label htmlFor={`${ids}-to`}>{t('board.filters.to')}</label>
        <input id={`${ids}-to`} type="date" value={filters.to ?? ''} min={filters.from} onChange={(event) => set('to', event.target.value || undefined)} />
      </div>
      <div className="board-filters__flags">
        <input id={`${ids}-mine`} type="checkbox" checked={filters.mine === true} onChange={(event) => set('mine', event.target.checked)} />
        <label htmlFor={`${ids}-mine`}>{t('board.filters.mine')}</label>
        <input id={`${ids}-watching`} type="checkbox" checked={filters.watching === true} onChange={(event) => set('watching', event.target.checked)} />
        <label htmlFor={`${ids}-watching`}>{t('board.filters.watching')}</label>
      </div>
      <div className="board-filters__swimlane">
        <label htmlFor={`${ids}-swimlane`}>{t('board.filters.swimlane')}</label>
        <select
          id={`${ids}-swimlane`}
          value={filters.swimlane ?? 'none'}
          onChange={(event) => set('swimlane', event.target.value === 'none' ? undefined : (event.target.value as Swimlane))}
        >
          {SWIMLANES.map((swimlane) => (
            <option key={swimlane} value={swimlane}>
              {t(`board.filters.swimlanes.${swimlane}`)}
            </option>
          ))}
        </select>
      </div>
      {hasActiveFilters(filters) && (
        <button type="button" className="button" onClick={() => onChange(filters.swimlane ? { swimlane: filters.swimlane } : {})}>
          {t('board.filters.clear')}
        </button>
      )}
    </div>
  );
}
