// The frame of every signed-in page: header (brand, organization, language,
// user menu), left navigation, and the page in the main area.
import { Suspense, useEffect, useRef } from 'react';
import {
  ActionIcon,
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Divider,
  Group,
  Indicator,
  Menu,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBell,
  IconBuilding,
  IconBuildingFactory2,
  IconCertificate,
  IconCheck,
  IconChecklist,
  IconChevronDown,
  IconFileInvoice,
  IconGavel,
  IconKey,
  IconLayoutKanban,
  IconListDetails,
  IconLogout,
  IconScale,
  IconSettings,
  IconSwitchHorizontal,
  IconTargetArrow,
} from '@tabler/icons-react';
import { invalidateTender, useNotifications } from '../api/buy';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, authPost, call } from '../api/http';
import { useMe } from '../api/queries';
import { setLanguage, useLocale } from '../i18n';
import type { Locale } from '../../domain/format';
import { useLabels } from '../lib/labels';
import { notifyError } from '../lib/problems';
import { PageLoader } from './states';

export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <Box
        aria-hidden
        w={26}
        h={26}
        style={{ borderRadius: 7, background: 'linear-gradient(135deg, var(--mantine-color-brand-5), var(--mantine-color-brand-8))', display: 'grid', placeItems: 'center' }}
      >
        <svg width="14" height="14" viewBox="0 0 32 32" aria-hidden>
          <path d="M8 28V4h11a8 8 0 0 1 0 16h-6v8z" fill="white" />
        </svg>
      </Box>
      <Text fw={700} fz={17} style={{ letterSpacing: -0.3 }}>
        Procura
      </Text>
    </Group>
  );
}

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('header.language')}
      value={locale}
      onChange={(v) => void setLanguage(v as Locale)}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

/** The ids an event names (none when it carries no JSON). */
function payloadOf(ev: MessageEvent): { id?: string; opportunityId?: string } {
  try {
    return JSON.parse(ev.data as string) as { id?: string; opportunityId?: string };
  } catch {
    return {};
  }
}

/** Live updates: the server pushes organization changes over SSE; refresh what they touch. */
function useLiveUpdates(enabled: boolean) {
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const es = new EventSource('/api/v1/events', { withCredentials: true });
    const refresh = (ev: MessageEvent) => {
      const d = payloadOf(ev);
      const id = d.opportunityId ?? d.id;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void qc.invalidateQueries({ queryKey: ['board'] });
        void qc.invalidateQueries({ queryKey: ['opportunities'] });
        if (id) void qc.invalidateQueries({ queryKey: ['opportunity', id] });
      }, 400);
    };
    es.addEventListener('opportunity.changed', refresh as EventListener);
    // Tenders: every view of the tender, and the notifications that came with the change.
    es.addEventListener('tender.changed', ((ev: MessageEvent) => invalidateTender(qc, payloadOf(ev).id)) as EventListener);
    return () => {
      es.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [enabled, qc]);
}

type NavItem = { to: string; key: string; icon: typeof IconBell; exact?: boolean };
const SELL_NAV: NavItem[] = [
  { to: '/', key: 'nav.pipeline', icon: IconLayoutKanban, exact: true },
  { to: '/opportunities', key: 'nav.opportunities', icon: IconListDetails },
  { to: '/accounts', key: 'nav.accounts', icon: IconBuilding },
  { to: '/tasks', key: 'nav.tasks', icon: IconChecklist },
  { to: '/supplier/tenders', key: 'buy.nav.marketTenders', icon: IconGavel },
  { to: '/supplier/registrations', key: 'buy.nav.registrations', icon: IconCertificate },
];
const BUY_NAV: NavItem[] = [
  { to: '/buy/requisitions', key: 'buy.nav.requisitions', icon: IconFileInvoice },
  { to: '/buy/projects', key: 'buy.nav.projects', icon: IconTargetArrow },
  { to: '/buy/suppliers', key: 'buy.nav.suppliers', icon: IconBuildingFactory2 },
  { to: '/buy/tenders', key: 'buy.nav.tenders', icon: IconGavel },
  { to: '/buy/key-holder', key: 'buy.nav.keyHolder', icon: IconKey },
];
// Everyone may sit on an evaluation committee (a buyer's staff, an expert of any organization).
const COMMON_NAV: NavItem[] = [
  { to: '/evaluations', key: 'evaluation.nav', icon: IconScale },
  { to: '/notifications', key: 'buy.nav.notifications', icon: IconBell },
  { to: '/settings', key: 'nav.settings', icon: IconSettings },
];

export type Side = 'sell' | 'buy';
const SIDE_KEY = 'procura.side';

/** Which side of Procura the organization works on now: its kind decides; a "both" organization switches in the header. */
export function useSide(kind: string): [Side, (s: Side) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const fixed: Side | null = kind === 'buyer' ? 'buy' : kind === 'seller' ? 'sell' : null;
  const fromPath: Side | null = location.pathname.startsWith('/buy') ? 'buy' : location.pathname.startsWith('/supplier') || location.pathname === '/' || /^\/(opportunities|accounts|tasks)/.test(location.pathname) ? 'sell' : null;
  let stored: Side = 'sell';
  try {
    stored = localStorage.getItem(SIDE_KEY) === 'buy' ? 'buy' : 'sell';
  } catch {
    /* storage unavailable */
  }
  const side = fixed ?? fromPath ?? stored;
  const set = (s: Side) => {
    try {
      localStorage.setItem(SIDE_KEY, s);
    } catch {
      /* storage unavailable */
    }
    navigate(s === 'buy' ? '/buy/projects' : '/');
  };
  return [side, set];
}

function NotificationBell() {
  const { t } = useTranslation();
  const n = useNotifications({ unread: 'true' });
  const unread = n.data?.unread ?? 0;
  return (
    <Tooltip label={t('buy.nav.notifications')}>
      <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={!unread} color="red" offset={4}>
        <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" size="lg" aria-label={t('buy.notifications.unreadAria', { count: unread })} data-testid="notification-bell">
          <IconBell size={19} stroke={1.6} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  if (/[\u4e00-\u9fff]/.test(name)) return name.trim().slice(-2);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  useLiveUpdates(!!me.data);

  useEffect(() => close(), [location.pathname, close]);
  const [side, setSide] = useSide(me.data?.organization.kind ?? 'seller');

  if (!me.data) return <PageLoader />;
  const { user, organization, role, organizations } = me.data;
  const nav = [...(side === 'buy' ? BUY_NAV : SELL_NAV), ...COMMON_NAV];

  const signOut = async () => {
    try {
      await authPost('/api/auth/sign-out', {});
    } catch (e) {
      notifyError(t, e);
    }
    qc.clear();
    navigate('/sign-in', { replace: true });
  };

  const switchOrg = async (organizationId: string) => {
    try {
      await call(api.POST('/api/v1/me/organization', { body: { organizationId } }));
      qc.clear();
      navigate('/', { replace: true });
    } catch (e) {
      notifyError(t, e);
    }
  };

  const isActive = (to: string, exact?: boolean) => (exact ? location.pathname === to : location.pathname === to || location.pathname.startsWith(`${to}/`));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 228, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header withBorder style={{ background: 'white' }}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton component={Link} to="/" aria-label="Procura">
              <Logo />
            </UnstyledButton>
            <Divider orientation="vertical" visibleFrom="xs" />
            <Group gap={6} wrap="nowrap" visibleFrom="xs">
              <IconBuilding size={16} color="var(--mantine-color-gray-6)" aria-hidden />
              <Text fw={600} size="sm" data-testid="org-name" truncate maw={260}>
                {organization.name}
              </Text>
              <Badge variant="light" color="gray" size="sm">
                {labels.orgKind(organization.kind)}
              </Badge>
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {organization.kind === 'both' ? (
              <SegmentedControl
                size="xs"
                aria-label={t('buy.side.label')}
                data-testid="side-switch"
                value={side}
                onChange={(v) => setSide(v as Side)}
                data={[
                  { value: 'sell', label: t('buy.side.sell') },
                  { value: 'buy', label: t('buy.side.buy') },
                ]}
              />
            ) : null}
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" width={260} shadow="md">
              <Menu.Target>
                <UnstyledButton aria-label={t('header.userMenu')} data-testid="user-menu" style={{ borderRadius: 8, padding: '4px 6px' }}>
                  <Group gap={8} wrap="nowrap">
                    <Avatar size={30} radius="xl" color="brand" variant="light">
                      {initials(user.name)}
                    </Avatar>
                    <Text size="sm" fw={500} visibleFrom="md" truncate maw={140}>
                      {user.name}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Box px="sm" py={6}>
                  <Text size="xs" c="dimmed">
                    {t('header.signedInAs')}
                  </Text>
                  <Text size="sm" fw={600} truncate>
                    {user.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('header.role', { role: labels.orgRole(role) })}
                  </Text>
                </Box>
                {organizations.length > 1 ? (
                  <>
                    <Menu.Divider />
                    <Menu.Label>{t('header.switchOrganization')}</Menu.Label>
                    {organizations.map((o) => (
                      <Menu.Item
                        key={o.id}
                        leftSection={o.id === organization.id ? <IconCheck size={14} /> : <IconSwitchHorizontal size={14} />}
                        onClick={() => (o.id === organization.id ? undefined : void switchOrg(o.id))}
                      >
                        {o.name}
                      </Menu.Item>
                    ))}
                  </>
                ) : null}
                <Menu.Divider />
                <Menu.Item leftSection={<IconSettings size={14} />} component={Link} to="/settings">
                  {t('nav.settings')}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconLogout size={14} />} onClick={() => void signOut()}>
                  {t('header.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" style={{ background: '#fbfbfc' }}>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('nav.main')}>
            <Stack gap={2}>
              {nav.map((n) => {
                const active = isActive(n.to, n.exact);
                return (
                  <NavLink
                    key={n.to}
                    component={Link}
                    to={n.to}
                    label={t(n.key as never)}
                    leftSection={<n.icon size={18} stroke={1.6} />}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    style={{ borderRadius: 8 }}
                    fw={500}
                  />
                );
              })}
            </Stack>
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs">
            {t('app.tagline')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Box maw={1600} mx="auto">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
