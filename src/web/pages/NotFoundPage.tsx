import { Button } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyView } from '../components/states';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyView
      icon={<IconMapSearch size={28} stroke={1.5} />}
      title={t('common.notFoundTitle')}
      description={t('common.notFoundBody')}
      action={
        <Button component={Link} to="/">
          {t('common.goHome')}
        </Button>
      }
    />
  );
}
