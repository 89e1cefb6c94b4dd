import { useState } from 'react';
import { Alert, Anchor, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/http';
import { useMe } from '../../api/queries';
import { useLabels } from '../../lib/labels';
import { notifySuccess, problemMessage } from '../../lib/problems';
import { AuthLayout } from './AuthLayout';
import { SignUpForm } from './SignUpPage';

export default function InvitePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const [accepting, setAccepting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inv = useQuery({
    queryKey: ['invitation', id],
    queryFn: () => call(api.GET('/api/v1/invitations/{id}', { params: { path: { id } } })),
    retry: false,
  });

  if (inv.isPending || me.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  const valid = inv.data && inv.data.status === 'pending' && new Date(inv.data.expiresAt) > new Date();
  if (!inv.data || !valid) {
    return (
      <AuthLayout title={t('auth.inviteInvalid')}>
        <Stack>
          {inv.error ? <Text size="sm" c="dimmed">{problemMessage(t, inv.error)}</Text> : null}
          <Button component={Link} to="/sign-in" variant="default">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }
  const org = inv.data.organizationName;
  const done = async () => {
    await qc.resetQueries();
    notifySuccess(t('auth.inviteAccepted', { organization: org }));
    navigate('/', { replace: true });
  };
  const accept = async () => {
    setAccepting(true);
    setError(null);
    try {
      await call(api.POST('/api/v1/invitations/{id}/accept', { params: { path: { id } } }));
      await done();
    } catch (e) {
      setError(problemMessage(t, e));
    } finally {
      setAccepting(false);
    }
  };
  const signedIn = !!me.data;
  return (
    <AuthLayout
      title={t('auth.inviteTitle', { organization: org })}
      subtitle={t('auth.inviteBody', { organization: org, role: labels.orgRole(inv.data.role) })}
      footer={
        signedIn ? null : (
          <>
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(`/invite/${id}`)}`} fw={600}>
              {t('auth.signIn')}
            </Anchor>
          </>
        )
      }
    >
      <Stack gap="md">
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {error}
          </Alert>
        ) : null}
        {signedIn ? (
          <>
            {me.data.user.email.toLowerCase() !== inv.data.email.toLowerCase() ? (
              <Alert color="yellow" variant="light">
                {t('auth.inviteOtherEmail', { email: me.data.user.email })}
              </Alert>
            ) : null}
            <Button leftSection={<IconMailCheck size={16} />} loading={accepting} onClick={() => void accept()}>
              {t('auth.inviteAccept')}
            </Button>
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('auth.inviteFor', { email: inv.data.email })} {t('auth.inviteSignInFirst')}
            </Text>
            <SignUpForm invitationId={id} fixedEmail={inv.data.email} onDone={() => void done()} />
          </>
        )}
      </Stack>
    </AuthLayout>
  );
}
