import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { boardFiltersToQuery, type BoardFilters, type Locale, type SavedView } from '@app/shared';
import { ApiError } from '../../app/api-client.js';
import { createSavedView, deleteSavedView, fetchSavedViews } from './board-api.js';

interface SavedViewsProps {
  filters: BoardFilters;
  onApply(filters: BoardFilters): void;
  onStatus(text: string, kind: 'info' | 'error'): void;
}

const sameFilters = (a: BoardFilters, b: BoardFilters) => JSON.stringify(boardFiltersToQuery(a)) === JSON.stringify(boardFiltersToQuery(b));

/** The user's named boards: pick one to open it, save the current filters under a name, delete one. */
export function SavedViews({ filters, onApply, onStatus }: SavedViewsProps) {
  const { t, i18n } = useTranslation();
  const [views, setViews] = useState<SavedView[]>([]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const ids = useId();

  useEffect(() => {
    fetchSavedViews().then(setViews, () => undefined);
  }, []);

  const current = views.find((view) => sameFilters(view.filters, filters));
  const failed = (error: unknown) =>
    onStatus(t('board.views.failed', { message: error instanceof ApiError ? (error.body?.message ?? error.message) : String(error) }), 'error');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      const view = await createSavedView({ name: trimmed, filters }, i18n.language as Locale);
      setViews((list) => [...list, view].sort((a, b) => a.name.localeCompare(b.name, i18n.language)));
      setNaming(false);
      setName('');
      onStatus(t('board.views.saved', { name: view.name }), 'info');
    } catch (error) {
      failed(error);
    }
  };

  const remove = async (view: SavedView) => {
    try {
      await deleteSavedView(view.id);
      setViews((list) => list.filter((candidate) => candidate.id !== view.id));
      onStatus(t('board.views.deleted', { name: view.name }), 'info');
    } catch (error) {
      failed(error);
    }
  };

  return (
    <div className="saved-views">
      <label htmlFor={`${ids}-views`}>{t('board.views.label')}</label>
      <select
        id={`${ids}-views`}
        value={current?.id ?? ''}
        onChange={(event) => {
          const view = views.find((candidate) => candidate.id === event.target.value);
          if (view) onApply(view.filters);
        }}
      >
        <option value="">{t('board.views.choose')}</option>
        {views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.name}
          </option>
        ))}
      </select>
      {current && (
        <button type="button" className="button" onClick={() => void remove(current)}>
          {t('board.views.delete')}
        </button>
      )}
      {naming ? (
        <form className="saved-views__form" onSubmit={(event) => void save(event)}>
          <label htmlFor={`${ids}-name`}>{t('board.views.name')}</label>
          <input id={`${ids}-name`} value={name} maxLength={60} required autoFocus onChange={(event) => setName(event.target.value)} />
          <button type="submit" className="button button--primary">
            {t('board.views.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setNaming(false)}>
            {t('board.views.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setNaming(true)}>
          {t('board.views.save')}
        </button>
      )}
    </div>
  );
}
