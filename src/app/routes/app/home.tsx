import { useTranslation } from 'react-i18next';

import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/spinner';
import { useProfile } from '@/features/profile/api/queries';

export function Component() {
  const { t } = useTranslation(['insights', 'common']);
  const profile = useProfile();
  return (
    <>
      <PageHeader title={t('title')} />
      {profile.data ? (
        <p className="text-lg" dir="auto">
          {t('welcome', { name: profile.data.name })}
        </p>
      ) : (
        <Skeleton className="h-7 w-64" />
      )}
    </>
  );
}
