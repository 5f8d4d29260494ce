import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { WatchInput, type Watch, type WatchLevel, type WatchSubjectType } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { SelectField, useSchemaForm } from '../../components/forms';

const LEVEL_LABEL: Record<WatchLevel, string> = {
  watching: 'Watching: every new message or update',
  normal: 'Normal: only mentions and replies',
  muted: 'Muted: nothing at all',
};

/** The three levels as a select's options; one wording wherever a level is chosen. */
export function LevelOptions() {
  return (
    <>
      {(Object.keys(LEVEL_LABEL) as WatchLevel[]).map((level) => (
        <option key={level} value={level}>
          {LEVEL_LABEL[level]}
        </option>
      ))}
    </>
  );
}

export function watchPath(subjectType: WatchSubjectType, subjectId: string) {
  return `/api/watches/${subjectType}/${encodeURIComponent(subjectId)}`;
}

const REASON: Record<Watch['reason'], string> = {
  chosen: '',
  author: 'You started it, so you watch it unless you choose otherwise.',
  leader: 'You lead it, so you follow it.',
  maintainer: 'You maintain it, so you watch it unless you choose otherwise.',
  follower: 'You follow it.',
  default: '',
};

/** Which notifications the reader gets from this tool, initiative or thread. Signed-in readers only. */
export function WatchControl({ subjectType, subjectId, onChange }: { subjectType: WatchSubjectType; subjectId: string; onChange?(watch: Watch): void }) {
  const { user } = useAuth();
  const [saved, setSaved] = useState(false);
  const path = watchPath(subjectType, subjectId);
  const queryClient = useQueryClient();
  const key = keys.watch(path, user?.id ?? '');
  const { data: watch } = useQuery({ queryKey: key, queryFn: () => api<Watch>('GET', path), enabled: !!user });

  const id = `watch-level-${subjectType}`;
  const { errors, onSubmit } = useSchemaForm(
    WatchInput,
    (form) => ({ level: form.get('level') }),
    async (input) => {
      const updated = await api<Watch>('PUT', path, input);
      queryClient.setQueryData(key, updated);
      // the settings page lists every watch
      void queryClient.invalidateQueries({ queryKey: keys.watches(user!.id), exact: true });
      setSaved(true);
      onChange?.(updated);
    },
  );

  if (!user || !watch) return null;
  return (
    <form className="app-watch-control" onSubmit={onSubmit} noValidate data-testid="watch-control">
      <SelectField
        id={id}
        name="level"
        label="Notifications from this page"
        hint={REASON[watch.reason] || undefined}
        error={errors.level}
        key={watch.level}
        defaultValue={watch.level}
        onChange={() => setSaved(false)}
      >
        <LevelOptions />
      </SelectField>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Save notification setting
        </button>
        {saved && (
          <span className="govuk-body-s" role="status">
            Saved
          </span>
        )}
        <Link className="govuk-link govuk-body-s" to="/settings/notifications">
          All notification settings
        </Link>
      </div>
    </form>
  );
}
