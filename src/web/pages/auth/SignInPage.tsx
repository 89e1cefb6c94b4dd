import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, authPost } from '../../api/http';
import { problemMessage } from '../../lib/problems';
import { AuthLayout } from './AuthLayout';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only same-site paths after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (!v.trim() ? t('validation.required') : EMAIL.test(v.trim()) ? null : t('validation.email')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setSubmitting(true);
    try {
      await authPost('/api/auth/sign-in/email', { email: values.email.trim(), password: values.password });
      await qc.resetQueries({ queryKey: ['me'] });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.code === 'INVALID_EMAIL_OR_PASSWORD')) setError(t('auth.invalidCredentials'));
      else setError(problemMessage(t, e));
    } finally {
      setSubmitting(false);
    }
  });

  const next = params.get('next');
  return (
    <AuthLayout
      title={t('auth.signInTitle')}
      subtitle={t('app.tagline')}
      footer={
        <>
          {t('auth.noAccount')}{' '}
          <Anchor component={Link} to={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'} fw={600}>
            {t('auth.signUp')}
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {error}
            </Alert>
          ) : null}
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required autoFocus {...form.getInputProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={submitting} fullWidth mt="xs">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
