import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { LanguageSwitch, Logo } from '../../components/AppLayout';

/** A centered card on a quiet background, with the language switch at the top. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Box mih="100vh" style={{ background: 'radial-gradient(1200px 600px at 50% -10%, var(--mantine-color-brand-0), transparent), #f7f8fa' }}>
      <Group justify="space-between" px="xl" py="md">
        <Logo />
        <LanguageSwitch />
      </Group>
      <Center px="md" pb={80} pt={40}>
        <Stack w="100%" maw={440} gap="md">
          <Paper withBorder shadow="sm" p={32} radius="lg" bg="white">
            <Stack gap={4} mb="lg">
              <Title order={1} fz={22}>
                {title}
              </Title>
              {subtitle ? (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              ) : null}
            </Stack>
            {children}
          </Paper>
          {footer ? (
            <Text ta="center" size="sm" c="dimmed">
              {footer}
            </Text>
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
}
