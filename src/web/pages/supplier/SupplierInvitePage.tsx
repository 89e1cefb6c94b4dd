// A buyer's e-mail invitation to register as its supplier: signed in as a
// supplier organization, take it up here; otherwise sign up first (as a seller).
import { Alert, Button, Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call, newIdempotencyKey } from '../../api/http';
import { useMe } from '../../api/queries';
import { Logo } from '../../components/AppLayout';
import { ErrorView } from '../../components/states';

export default function SupplierInvitePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const accept = useMutation({
    mutationFn: () => call(api.POST('/api/v1/registrations/accept-invite', { body: { token }, headers: { 'idempotency-key': newIdempotencyKey() } })),
    onSuccess: () => navigate('/supplier/registrations'),
  });
  const here = `/supplier-invite/${token}`;
  return (
    <Center mih="100vh" bg="gray.0">
      <Container size={480} w="100%">
        <Paper withBorder p="xl" radius="md">
          <Stack>
            <Logo />
            <Title order={2} fz="lg">
              {t('buy.invite.title')}
            </Title>
            <Text size="sm">{t('buy.invite.body')}</Text>
            {me.data ? (
              <>
                <Text size="sm">{t('buy.invite.as', { org: me.data.organization.name })}</Text>
                {me.data.organization.kind === 'buyer' ? <Alert color="yellow">{t('buy.invite.needSeller')}</Alert> : null}
                {accept.error ? <ErrorView error={accept.error} compact /> : null}
                <Button onClick={() => accept.mutate()} loading={accept.isPending} disabled={me.data.organization.kind === 'buyer'}>
                  {t('buy.invite.accept')}
                </Button>
              </>
            ) : (
              <>
                <Button component={Link} to={`/sign-up?next=${encodeURIComponent(here)}`}>
                  {t('buy.invite.signUp')}
                </Button>
                <Button variant="default" component={Link} to={`/sign-in?next=${encodeURIComponent(here)}`}>
                  {t('buy.invite.signIn')}
                </Button>
              </>
            )}
          </Stack>
        </Paper>
      </Container>
    </Center>
  );
}
