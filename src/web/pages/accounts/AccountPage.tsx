// One account: details, contacts (with the reports-to chart), its
// opportunities, and the activity across them.
import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, Menu, SimpleGrid, Stack, Table, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconHierarchy2, IconPencil, IconPlus, IconStarFilled, IconTrash, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/http';
import { useAccount, useAccountTimeline, useContacts, useOpportunityList, type Account, type Contact } from '../../api/queries';
import { AccountFormModal } from '../../components/AccountForm';
import { ActivityTimeline } from '../../components/ActivityTimeline';
import { ContactFormModal } from '../../components/ContactForm';
import { AttitudeBadge, InfluenceDots, Labeled, OutcomeBadge, RiskBadge, RoleBadges, useStageNames } from '../../components/domain';
import { OrgChart } from '../../components/OrgChart';
import { CardsSkeleton, EmptyView, ErrorView, ListSkeleton } from '../../components/states';
import { useLabels } from '../../lib/labels';
import { notifyError, notifySuccess } from '../../lib/problems';
import { useFormat } from '../../lib/useFormat';

export default function AccountPage() {
  const { id = '' } = useParams();
  const account = useAccount(id);
  if (account.error) return <ErrorView error={account.error} onRetry={() => void account.refetch()} />;
  if (account.isPending) return <CardsSkeleton cards={3} />;
  return <AccountView account={account.data} key={account.data.id} />;
}

function AccountView({ account }: { account: Account }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const contacts = useContacts(account.id);
  const timeline = useAccountTimeline(account.id);
  const opps = useOpportunityList({ accountId: account.id, sort: 'updatedAt', order: 'desc' });
  const names = useStageNames();
  const f = useFormat();
  const [editOpen, editCtl] = useDisclosure(false);
  const [contactModal, setContactModal] = useState<Contact | 'new' | null>(null);
  const contactList = contacts.data?.items ?? [];
  const oppItems = opps.data?.pages.flatMap((p) => p.items) ?? [];
  const oppTitles = useMemo(() => new Map(oppItems.map((o) => [o.id, o.title])), [oppItems]);
  const contactNames = useMemo(() => new Map(contactList.map((c) => [c.id, c.name])), [contactList]);

  useEffect(() => {
    document.title = `${account.name} · Procura`;
    return () => {
      document.title = 'Procura';
    };
  }, [account.name]);

  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/accounts/{id}', { params: { path: { id: account.id } } })),
    onSuccess: () => {
      notifySuccess(t('accounts.deleted'));
      void qc.invalidateQueries({ queryKey: ['accounts'] });
      navigate('/accounts');
    },
    onError: (e) => notifyError(t, e),
  });
  const removeContact = useMutation({
    mutationFn: (c: Contact) => call(api.DELETE('/api/v1/contacts/{id}', { params: { path: { id: c.id } } })),
    onSuccess: () => {
      notifySuccess(t('contact.deleted'));
      void qc.invalidateQueries({ queryKey: ['contacts', account.id] });
      void qc.invalidateQueries({ queryKey: ['account', account.id] });
    },
    onError: (e) => notifyError(t, e),
  });

  return (
    <>
      <Stack gap={4} mb="lg">
        <Breadcrumbs>
          <Anchor component={Link} to="/accounts" size="sm" c="dimmed">
            {t('accounts.title')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {account.name}
          </Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1} fz={26} data-testid="account-name">
              {account.name}
            </Title>
            <Group gap="xs">
              <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                {labels.industry(account.industry)}
              </Badge>
              {account.size ? (
                <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {labels.size(account.size)}
                </Badge>
              ) : null}
              {account.region ? (
                <Text size="sm" c="dimmed">
                  {account.region}
                </Text>
              ) : null}
            </Group>
          </Stack>
          <Group gap="xs">
            <Button component={Link} to={`/opportunities/new?account=${account.id}`} leftSection={<IconPlus size={16} />}>
              {t('account.newOpportunity')}
            </Button>
            <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={() => setContactModal('new')}>
              {t('contact.add')}
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label={t('common.actions')}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={editCtl.open}>
                  {t('common.edit')}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => window.confirm(t('accounts.deleteConfirm', { name: account.name })) && remove.mutate()}>
                  {t('common.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </Stack>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Card padding={0}>
              <Tabs defaultValue="contacts" keepMounted={false}>
                <Tabs.List px="md" pt={6}>
                  <Tabs.Tab value="contacts" leftSection={<IconUsers size={15} />}>
                    {t('account.contacts')} <Badge size="xs" variant="light" ml={4}>{contactList.length}</Badge>
                  </Tabs.Tab>
                  <Tabs.Tab value="chart" leftSection={<IconHierarchy2 size={15} />}>
                    {t('account.orgChart')}
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="contacts" p="md">
                  {contacts.error ? (
                    <ErrorView error={contacts.error} onRetry={() => void contacts.refetch()} compact />
                  ) : contacts.isPending ? (
                    <ListSkeleton rows={4} />
                  ) : contactList.length === 0 ? (
                    <EmptyView
                      icon={<IconUsers size={28} stroke={1.5} />}
                      title={t('account.noContacts')}
                      description={t('account.noContactsBody')}
                      action={
                        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setContactModal('new')}>
                          {t('contact.add')}
                        </Button>
                      }
                    />
                  ) : (
                    <Table.ScrollContainer minWidth={720}>
                      <Table verticalSpacing="xs" data-testid="contacts-table">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('contact.col.name')}</Table.Th>
                            <Table.Th>{t('contact.col.roles')}</Table.Th>
                            <Table.Th>{t('contact.col.attitude')}</Table.Th>
                            <Table.Th>{t('contact.col.influence')}</Table.Th>
                            <Table.Th>{t('contact.reportsTo')}</Table.Th>
                            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('contact.col.lastContact')}</Table.Th>
                            <Table.Th w={80} />
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {contactList.map((c) => (
                            <Table.Tr key={c.id}>
                              <Table.Td>
                                <Group gap={4} wrap="nowrap">
                                  {c.isCoach ? <IconStarFilled size={12} color="var(--mantine-color-grape-6)" aria-label={labels.coach} /> : null}
                                  <Text size="sm" fw={600}>
                                    {c.name}
                                  </Text>
                                </Group>
                                <Text size="xs" c="dimmed">
                                  {[c.title, c.department].filter(Boolean).join(' · ') || '—'}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                {c.buyingRoles.length || c.isCoach ? <RoleBadges roles={c.buyingRoles} isCoach={c.isCoach} /> : <Text size="xs" c="dimmed">—</Text>}
                              </Table.Td>
                              <Table.Td>
                                <AttitudeBadge attitude={c.attitude} />
                              </Table.Td>
                              <Table.Td>
                                <InfluenceDots value={c.influence} />
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm">{c.reportsToId ? (contactNames.get(c.reportsToId) ?? '—') : '—'}</Text>
                              </Table.Td>
                              <Table.Td>
                                <Text size="sm" c="dimmed">
                                  {c.lastContactAt ? f.relative(c.lastContactAt) : t('contact.never')}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                <Group gap={2} wrap="nowrap">
                                  <Tooltip label={t('common.edit')}>
                                    <ActionIcon variant="subtle" color="gray" aria-label={`${t('common.edit')}: ${c.name}`} onClick={() => setContactModal(c)}>
                                      <IconPencil size={14} />
                                    </ActionIcon>
                                  </Tooltip>
                                  <Tooltip label={t('common.delete')}>
                                    <ActionIcon
                                      variant="subtle"
                                      color="red"
                                      aria-label={`${t('common.delete')}: ${c.name}`}
                                      onClick={() => window.confirm(t('contact.deleteConfirm', { name: c.name })) && removeContact.mutate(c)}
                                    >
                                      <IconTrash size={14} />
                                    </ActionIcon>
                                  </Tooltip>
                                </Group>
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  )}
                </Tabs.Panel>
                <Tabs.Panel value="chart" p="md">
                  {contactList.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('account.orgChartEmpty')}
                    </Text>
                  ) : (
                    <OrgChart accountName={account.name} contacts={contactList} labels={labels} ariaLabel={t('account.orgChartLabel', { name: account.name })} />
                  )}
                </Tabs.Panel>
              </Tabs>
            </Card>

            <Card>
              <Group justify="space-between" mb="sm">
                <Text fw={650} component="h2" size="md" m={0}>
                  {t('account.opportunities')}
                </Text>
                <Button size="xs" variant="subtle" component={Link} to={`/opportunities/new?account=${account.id}`} leftSection={<IconPlus size={14} />}>
                  {t('account.newOpportunity')}
                </Button>
              </Group>
              {opps.error ? (
                <ErrorView error={opps.error} onRetry={() => void opps.refetch()} compact />
              ) : opps.isPending ? (
                <ListSkeleton rows={3} />
              ) : oppItems.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('account.noOpportunities')}
                </Text>
              ) : (
                <Table verticalSpacing="xs">
                  <Table.Tbody>
                    {oppItems.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/opportunities/${o.id}`} fw={600} size="sm">
                            {o.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {names.stageName(o.processModel, o.stage)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {o.riskCodes.slice(0, 2).map((c) => (
                              <RiskBadge key={c} code={c} size="xs" />
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" fw={600}>
                            {f.money(o.value, o.currency)}
                          </Text>
                        </Table.Td>
                        <Table.Td w={110}>
                          <OutcomeBadge outcome={o.outcome} size="xs" />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Card>
              <Group justify="space-between" mb="sm">
                <Text fw={650} component="h2" size="md" m={0}>
                  {t('account.details')}
                </Text>
                <ActionIcon variant="subtle" color="gray" aria-label={t('common.edit')} onClick={editCtl.open}>
                  <IconPencil size={15} />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <Labeled label={t('accountForm.industry')}>{labels.industry(account.industry)}</Labeled>
                <Labeled label={t('accountForm.size')}>{account.size ? labels.size(account.size) : '—'}</Labeled>
                <Labeled label={t('accountForm.region')}>{account.region || '—'}</Labeled>
                <Labeled label={t('accountForm.budgetCycle')}>{account.budgetCycle ? labels.budgetCycle(account.budgetCycle) : '—'}</Labeled>
              </SimpleGrid>
              <Stack gap="sm" mt="sm">
                <Labeled label={t('accountForm.procurementPolicies')}>
                  {account.procurementPolicies.length ? (
                    <Group gap={4} mt={2}>
                      {account.procurementPolicies.map((p) => (
                        <Badge key={p} variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
                          {labels.policy(p)}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    '—'
                  )}
                </Labeled>
                <Labeled label={t('accountForm.orgStructure')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {account.orgStructure || '—'}
                  </Text>
                </Labeled>
                {account.notes ? (
                  <Labeled label={t('accountForm.notes')}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {account.notes}
                    </Text>
                  </Labeled>
                ) : null}
              </Stack>
            </Card>
            <Card>
              <Text fw={650} mb="sm" component="h2" size="md" m={0}>
                {t('account.timeline')}
              </Text>
              <ActivityTimeline query={timeline} showOpportunity={oppTitles} contactNames={contactNames} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <AccountFormModal opened={editOpen} onClose={editCtl.close} account={account} />
      <ContactFormModal
        opened={!!contactModal}
        onClose={() => setContactModal(null)}
        accountId={account.id}
        contact={contactModal && contactModal !== 'new' ? contactModal : null}
        contacts={contactList}
      />
    </>
  );
}
