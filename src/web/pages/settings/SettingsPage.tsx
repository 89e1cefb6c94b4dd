// Settings: the organization (visibility, default model), process models (the
// built-in ones and the organization's own), risk thresholds, members and
// invitations, the approval chain (buyers), the e-mail outbox (owners and
// admins). Owners and admins change them; everybody else reads.
import { Alert, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { MembersTab } from './MembersTab';
import { OrganizationTab } from './OrganizationTab';
import { ProcessModelsTab } from './ProcessModelsTab';
import { RisksTab } from './RisksTab';
import { ApprovalChainTab } from './ApprovalChainTab';
import { OutboxTab } from './OutboxTab';

const TABS = ['organization', 'process-models', 'risks', 'members', 'approval', 'outbox'] as const;
type Tab = (typeof TABS)[number];

export default function SettingsPage() {
  const { t } = useTranslation();
  const { tab = 'organization' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const canAdmin = me.data?.role === 'owner' || me.data?.role === 'admin';
  const current: Tab = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'organization';
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={me.data?.organization.name} />
      <Tabs value={current} onChange={(v) => v && navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="organization">{t('settings.tabs.organization')}</Tabs.Tab>
          <Tabs.Tab value="process-models">{t('settings.tabs.processModels')}</Tabs.Tab>
          <Tabs.Tab value="risks">{t('settings.tabs.risks')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('settings.tabs.members')}</Tabs.Tab>
          {me.data?.organization.kind !== 'seller' ? <Tabs.Tab value="approval">{t('buy.approval.tab')}</Tabs.Tab> : null}
          {canAdmin ? <Tabs.Tab value="outbox">{t('buy.outbox.tab')}</Tabs.Tab> : null}
        </Tabs.List>
        {!canAdmin && (
          <Alert color="gray" mb="md">
            {t('settings.organization.adminOnly')}
          </Alert>
        )}
        <Tabs.Panel value="organization">
          <OrganizationTab canAdmin={canAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="process-models">
          <ProcessModelsTab canAdmin={canAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="risks">
          <RisksTab canAdmin={canAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersTab canAdmin={canAdmin} myUserId={me.data?.user.id} />
        </Tabs.Panel>
        <Tabs.Panel value="approval">
          <ApprovalChainTab canAdmin={canAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="outbox">
          <OutboxTab canAdmin={canAdmin} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
