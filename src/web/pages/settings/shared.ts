// Helpers the settings tabs share: field errors on a form, saving the organization's settings.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/http';
import { keys } from '../../api/queries';
import { applyFieldErrors, notifySuccess } from '../../lib/problems';

/** The problem's field errors keyed by form path, or null when it names no field. */
export function fieldErrors(locale: string, error: unknown, strip: RegExp): Record<string, string> | null {
  const fields: Record<string, string> = {};
  const r = applyFieldErrors(error, (path, message) => (fields[path] = message), locale, (f) => f.replace(strip, ''));
  return r.handled ? fields : null;
}

export function useSaveSettings() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { opportunityVisibility?: 'all' | 'own'; defaultProcessModel?: string; riskThresholds?: Record<string, unknown> }) =>
      call(api.PATCH('/api/v1/organization/settings', { body })),
    onSuccess: (s) => {
      qc.setQueryData(keys.settings, s);
      void qc.invalidateQueries({ queryKey: keys.me });
      void qc.invalidateQueries({ queryKey: ['opportunity'] });
      void qc.invalidateQueries({ queryKey: ['board'] });
      notifySuccess(t('common.saved'));
    },
  });
}
