import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { MantineProvider, mergeThemeOverrides, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ApiError } from './api/http';
import { i18n, useLocale } from './i18n';
import { theme } from './theme';

function makeQueryClient() {
  const client: QueryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: 15_000, refetchOnWindowFocus: true } },
    // A 401 anywhere means the session ended: ask /me again, which shows the sign-in page.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'me') void client.invalidateQueries({ queryKey: ['me'] });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) void client.invalidateQueries({ queryKey: ['me'] });
      },
    }),
  });
  return client;
}

function LocalizedDates({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const dayjsLocale = locale === 'zh-CN' ? 'zh-cn' : 'en';
  useEffect(() => {
    dayjs.locale(dayjsLocale);
  }, [dayjsLocale]);
  return <DatesProvider settings={{ locale: dayjsLocale, firstDayOfWeek: locale === 'zh-CN' ? 1 : 0 }}>{children}</DatesProvider>;
}

/** The theme plus the labels Mantine's own buttons need (modal and notification close buttons). */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const close = t('common.close');
  const localized = useMemo(
    () =>
      mergeThemeOverrides(
        theme,
        createTheme({
          components: {
            Modal: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
            Drawer: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
            Notification: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
          },
        }),
      ),
    [close],
  );
  return (
    <MantineProvider theme={localized} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <LocalizedMantine>
        <LocalizedDates>
          <Notifications position="top-right" limit={4} />
          <QueryClientProvider client={client}>
            <BrowserRouter>{children}</BrowserRouter>
          </QueryClientProvider>
        </LocalizedDates>
      </LocalizedMantine>
    </I18nextProvider>
  );
}
