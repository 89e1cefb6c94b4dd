import { useRef, useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call, newIdempotencyKey } from '../../api/http';
import { useLocale } from '../../i18n';
import { applyFieldErrors, problemMessage, problemOf } from '../../lib/problems';
import { AuthLayout } from './AuthLayout';
import { safeNext } from './SignInPage';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignUpFormProps {
  invitationId?: string;
  fixedEmail?: string;
  onDone?: () => void;
}

/** The sign-up form; with an invitation it joins that organization instead of creating one. */
export function SignUpForm({ invitationId, fixedEmail, onDone }: SignUpFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const idem = useRef(newIdempotencyKey());
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', email: fixedEmail ?? '', password: '', organizationName: '', organizationKind: 'seller' as 'seller' | 'buyer' | 'both' },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      email: (v) => (!v.trim() ? t('validation.required') : EMAIL.test(v.trim()) ? null : t('validation.email')),
      password: (v) => (!v ? t('validation.required') : v.length < 8 ? t('validation.passwordMin') : null),
      organizationName: (v) => (invitationId || v.trim() ? null : t('validation.required')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    setSubmitting(true);
    try {
      await call(
        api.POST('/api/v1/auth/sign-up', {
          body: {
            name: v.name.trim(),
            email: v.email.trim(),
            password: v.password,
            locale,
            ...(invitationId ? { invitationId } : { organizationName: v.organizationName.trim(), organizationKind: v.organizationKind }),
          },
          headers: { 'Idempotency-Key': idem.current },
        }),
      );
      await qc.resetQueries({ queryKey: ['me'] });
      if (onDone) onDone();
      else navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      idem.current = newIdempotencyKey();
      const { handled } = applyFieldErrors(e, form.setFieldError, locale);
      const p = problemOf(e);
      if (p?.code === 'auth.email_taken') form.setFieldError('email', t('auth.emailTaken'));
      else if (!handled) setError(problemMessage(t, e));
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {error}
          </Alert>
        ) : null}
        <TextInput label={t('auth.name')} autoComplete="name" required autoFocus {...form.getInputProps('name')} />
        <TextInput label={t('auth.email')} type="email" autoComplete="email" required readOnly={!!fixedEmail} {...form.getInputProps('email')} />
        <PasswordInput label={t('auth.password')} description={t('auth.passwordHint')} autoComplete="new-password" required {...form.getInputProps('password')} />
        {invitationId ? null : (
          <>
            <TextInput label={t('auth.organizationName')} autoComplete="organization" required {...form.getInputProps('organizationName')} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="org-kind-label">
                {t('auth.organizationKind')}
              </Text>
              <SegmentedControl
                aria-labelledby="org-kind-label"
                fullWidth
                data={[
                  { value: 'seller', label: t('auth.kind.seller') },
                  { value: 'buyer', label: t('auth.kind.buyer') },
                  { value: 'both', label: t('auth.kind.both') },
                ]}
                {...form.getInputProps('organizationKind')}
              />
            </Stack>
          </>
        )}
        <Button type="submit" loading={submitting} fullWidth mt="xs">
          {t('auth.signUp')}
        </Button>
      </Stack>
    </form>
  );
}

export default function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = params.get('next');
  return (
    <AuthLayout
      title={t('auth.signUpTitle')}
      subtitle={t('auth.signUpSubtitle')}
      footer={
        <>
          {t('auth.haveAccount')}{' '}
          <Anchor component={Link} to={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} fw={600}>
            {t('auth.signIn')}
          </Anchor>
        </>
      }
    >
      <SignUpForm />
    </AuthLayout>
  );
}
